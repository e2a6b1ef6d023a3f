import BackorderCore
import GRDB

/// The reports' reads. The open-backlog reports read only waiting lines (the `waiting` queue, or the open lines of
/// `line_open_age` joined to it), the service level only its period (through `shipment_at` and `movement_backordered_at`); the figures
/// themselves are computed by `Reports` in the core.
extension Warehouse: ReportService {
    public func agingReport(today: Day) throws -> [AgingRow] {
        try read { db in Reports.aging(try openBackorders(db, promised: false), today: today) }
    }

    public func backorderLines(in bucket: AgeBucket, _ page: Page = Page(), today: Day) throws -> [BackorderRow] {
        guard page.sort == nil else { throw BackorderError.invalid(.t(StoreText.ageBucketUnsorted)) }
        return try read { db in
            let (earliest, latest) = bucket.orderDates(today: today)
            var conditions = [Warehouse.openLine]
            var args = StatementArguments()
            if let earliest { conditions.append("l.order_date >= ?"); args += [earliest.iso] }
            if let latest { conditions.append("l.order_date <= ?"); args += [latest.iso] }
            guard let (filter, filterArgs) = try self.filter(db, page.filter, Warehouse.backorderFilter) else { return [] }
            let rows = try db.rows(sql: """
                \(Warehouse.backordersOldestFirst)
                WHERE \(conditions.joined(separator: " AND ")) \(filter)
                ORDER BY l.order_date, l.order_no, l.line_no LIMIT ? OFFSET ?
                """, arguments: args + filterArgs + [page.limit, page.offset])
            return rows.map { backorderRow($0, today: today) }
        }
    }

    public func shortageReport(today: Day) throws -> [ShortageRow] {
        try read { db in
            var waiting: [String: (lines: Int, oldest: Day?)] = [:]
            for r in try db.rows(sql: """
                SELECT sku, COUNT(*) AS n, MIN(order_date) AS oldest FROM waiting GROUP BY sku
                """) {
                waiting[r["sku"]] = (r["n"], (r["oldest"] as String?).map(day))
            }
            let items = try db.rows(sql: "SELECT * FROM item WHERE backordered > 0 ORDER BY sku").map(itemFrom)
            return Reports.shortage(items.map { i in
                ShortageInput(item: i, waitingLines: waiting[i.sku]?.lines ?? 0, oldestOrderDate: waiting[i.sku]?.oldest ?? nil)
            }, today: today)
        }
    }

    public func lateArrivalsReport(today: Day) throws -> LateArrivalsReport {
        try read { db in
            var changes: [Int64: [(from: Day, to: Day)]] = [:]
            for r in try db.rows(sql: "SELECT arrival_id, old_eta, new_eta FROM eta_change ORDER BY id") {
                changes[r["arrival_id"], default: []].append((day(r["old_eta"]), day(r["new_eta"])))
            }
            let late = try db.rows(sql: """
                SELECT a.*, i.name AS item_name FROM arrival a INDEXED BY arrival_open_eta JOIN item i ON i.sku = a.sku
                WHERE a.closed_at IS NULL AND a.eta < ? AND a.received < a.quantity ORDER BY a.eta, a.id
                """, arguments: [today.iso])
            // Who waits on each late arrival: pegging of the arrival's SKU, kept in detail.
            var pegged: [Int64: [PeggedLine]] = [:]
            for sku in Set(late.map { $0["sku"] as String }) {
                let waitingRows = try db.rows(sql: """
                    SELECT l.line_id AS id, l.order_no, l.line_no, l.priority, l.order_date, l.backordered, c.name AS customer_name
                    FROM waiting l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
                    WHERE l.sku = ? ORDER BY l.priority, l.order_date, l.order_no, l.line_no
                    """, arguments: [sku])
                let lines = Dictionary(uniqueKeysWithValues: waitingRows.map { r in
                    (r["id"] as Int64, (line: WaitingLine(lineId: r["id"], orderNumber: r["order_no"], lineNo: r["line_no"],
                                                          priority: r["priority"], orderDate: day(r["order_date"]),
                                                          backordered: r["backordered"]),
                                        customer: r["customer_name"] as String))
                })
                let arrivals = try db.rows(sql: """
                    SELECT * FROM arrival INDEXED BY arrival_open_sku WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
                    """, arguments: [sku]).map(arrivalFrom)
                for (arrivalId, takes) in Reports.pegDetail(waiting: lines.values.map(\.line), arrivals: arrivals) {
                    pegged[arrivalId] = takes.compactMap { t in
                        lines[t.lineId].map { PeggedLine(orderNumber: $0.line.orderNumber, lineNo: $0.line.lineNo, customerName: $0.customer, units: t.units) }
                    }
                }
            }
            let rows = late.map { r -> LateArrivalRow in
                let a = arrivalFrom(r)
                let moves = changes[a.id] ?? []
                return LateArrivalRow(reference: a.reference, supplier: a.supplier, sku: a.sku, itemName: r["item_name"],
                                      outstanding: a.outstanding, eta: a.eta, daysLate: today.days(since: a.eta),
                                      etaChanges: moves.count, daysMoved: moves.reduce(0) { $0 + $1.to.days(since: $1.from) },
                                      waiting: pegged[a.id] ?? [])
            }
            let histories = try db.rows(sql: "SELECT id, supplier, eta, quantity, received, closed_at FROM arrival").map { r in
                let open = (r["closed_at"] as Int64?) == nil
                return ArrivalETAHistory(supplier: r["supplier"], isOpen: open,
                                         isLate: open && day(r["eta"]) < today && (r["received"] as Int) < (r["quantity"] as Int),
                                         changes: changes[r["id"]] ?? [])
            }
            return LateArrivalsReport(today: today, arrivals: rows, suppliers: Reports.supplierSlips(histories))
        }
    }

    public func serviceLevelReport(from: Day, to: Day) throws -> ServiceLevelReport {
        guard from <= to else { throw BackorderError.invalid(.t(StoreText.periodBackwards, to, from)) }
        // Journal times are UTC seconds; a report day is a UTC day, as every shipment date shown elsewhere.
        let start = Int64(from.ordinal) * 86_400, end = Int64(to.ordinal + 1) * 86_400
        return try read { db in
            let orderIds = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT order_id FROM shipment INDEXED BY shipment_at WHERE at >= ? AND at < ?
                """), arguments: [start, end])
            var lines: [ServiceLineInput] = []
            for orderId in orderIds {
                var shipped: [Int64: [ServiceLineInput.Shipped]] = [:]
                for r in try db.rows(sql: """
                    SELECT s.id, s.at, sl.line_id, sl.quantity FROM shipment s INDEXED BY shipment_order
                    JOIN shipment_line sl ON sl.shipment_id = s.id WHERE s.order_id = ?
                    """, arguments: [orderId]) {
                    shipped[r["line_id"], default: []].append(.init(shipmentId: r["id"], day: Timestamp(unixTime: r["at"]).day(),
                                                                    quantity: r["quantity"]))
                }
                for r in try db.rows(sql: """
                    SELECT l.id, l.order_no, l.line_no, l.sku, l.order_date, l.ordered, l.allocated + l.picked + l.backordered AS open,
                           i.name AS item_name, o.customer, c.name AS customer_name,
                           EXISTS (SELECT 1 FROM movement m INDEXED BY movement_by_line
                                   WHERE m.line_id = l.id AND m.kind <> 'allocate' AND m.d_backordered > 0) AS ever
                    FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
                    WHERE l.order_id = ? ORDER BY l.line_no
                    """, arguments: [orderId]) {
                    lines.append(ServiceLineInput(orderNumber: r["order_no"], lineNo: r["line_no"], customerCode: r["customer"],
                                                  customerName: r["customer_name"], sku: r["sku"], itemName: r["item_name"],
                                                  orderDate: day(r["order_date"]), ordered: r["ordered"], open: r["open"],
                                                  everBackordered: r["ever"], shipments: shipped[r["id"]] ?? []))
                }
            }
            let events = try db.rows(sql: """
                SELECT m.d_backordered, m.sku, i.name AS item_name, o.customer, c.name AS customer_name
                FROM movement m INDEXED BY movement_backordered_at JOIN order_line l ON l.id = m.line_id JOIN orders o ON o.id = l.order_id
                JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = m.sku
                WHERE m.at >= ? AND m.at < ? AND m.d_backordered > 0
                """, arguments: [start, end]).map {
                BackorderEvent(customerCode: $0["customer"], customerName: $0["customer_name"], sku: $0["sku"],
                               itemName: $0["item_name"], units: $0["d_backordered"])
            }
            return Reports.serviceLevel(lines: lines, backorderEvents: events, from: from, to: to)
        }
    }

    public func backlogReport(today: Day) throws -> [BacklogRow] {
        try read { db in Reports.backlog(try openBackorders(db, promised: true), today: today) }
    }

    /// Every waiting line, oldest order first, with its customer and (when asked) its promised date.
    func openBackorders(_ db: Database, promised withPromised: Bool) throws -> [OpenBackorder] {
        // The index walk finds each queue row by its key (cheaper than sorting the queue by date): order_line itself is not read.
        let rows = try db.rows(sql: """
            SELECT l.order_no, l.line_no, l.sku, l.order_date, w.backordered, w.promised, o.customer, c.name AS customer_name
            FROM order_line l INDEXED BY line_open_age JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
            JOIN \(Warehouse.waitingOfAgeLine)
            WHERE \(Warehouse.openLine) ORDER BY l.order_date, l.order_no, l.line_no
            """)
        // Promised dates are kept in the queue by every operation; reading them beats pegging each SKU again.
        return rows.map { r in
            OpenBackorder(orderNumber: r["order_no"], lineNo: r["line_no"], customerCode: r["customer"], customerName: r["customer_name"],
                          sku: r["sku"], orderDate: day(r["order_date"]), backordered: r["backordered"],
                          promised: withPromised ? Pegging.day(r["promised"]) : nil)
        }
    }
}
