import BackorderCore
import PostgresNIO

/// The reports on the server, read as the file's store reads them (Reports.swift there) and computed by the same
/// `Reports` of the core. Each report is one snapshot.
extension PostgresWarehouse: ReportService {
    public func agingReport(today: Day) throws -> [AgingRow] {
        try bridge.transaction(.snapshot) { c in Reports.aging(try await Self.openBackorders(c, promised: false), today: today) }
    }

    public func backlogReport(today: Day) throws -> [BacklogRow] {
        try bridge.transaction(.snapshot) { c in Reports.backlog(try await Self.openBackorders(c, promised: true), today: today) }
    }

    public func backorderLines(in bucket: AgeBucket, _ page: Page, today: Day) throws -> [BackorderRow] {
        guard page.sort == nil else { throw BackorderError.invalid(.t(StoreText.ageBucketUnsorted)) }
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            let (earliest, latest) = bucket.orderDates(today: today)
            let earliestDay = earliest.map { "AND l.order_date >= \(q.bind($0.iso))" } ?? ""
            let latestDay = latest.map { "AND l.order_date <= \(q.bind($0.iso))" } ?? ""
            guard let filter = try await PostgresReads.indexedFilter(c, q, page.filter, .backorders) else { return [] }
            let bucketRows = [Self.backordersOfOpenLines, earliestDay, latestDay, filter].joined(separator: " ")
            return try await c.cells(q.query("""
                \(bucketRows)
                ORDER BY l.order_date, l.order_no, l.line_no LIMIT \(q.bind(page.limit)) OFFSET \(q.bind(page.offset))
                """)).map { try Self.backorderRow($0, today: today) }
        }
    }

    public func shortageReport(today: Day) throws -> [ShortageRow] {
        try bridge.transaction(.snapshot) { c in
            var waiting: [String: (lines: Int, oldest: Day?)] = [:]
            for r in try await c.cells("SELECT sku, COUNT(*)::bigint, MIN(order_date) FROM waiting GROUP BY sku") {
                waiting[try r.text(0)] = (try r.int(1), try r.textOrNil(2).flatMap(Day.init(iso:)))
            }
            let items = try await c.cells(PostgresQuery(unsafeSQL: "SELECT \(itemColumns) FROM item WHERE backordered > 0 ORDER BY sku"))
                .map { try itemRow($0) }
            return Reports.shortage(items.map { i in
                ShortageInput(item: i, waitingLines: waiting[i.sku]?.lines ?? 0, oldestOrderDate: waiting[i.sku]?.oldest ?? nil)
            }, today: today)
        }
    }

    public func lateArrivalsReport(today: Day) throws -> LateArrivalsReport {
        try bridge.transaction(.snapshot) { c in
            var changes: [Int64: [(from: Day, to: Day)]] = [:]
            for r in try await c.cells("SELECT arrival_id, old_eta, new_eta FROM eta_change ORDER BY id") {
                changes[try r.int64(0), default: []].append((try r.day(1), try r.day(2)))
            }
            let q = SQL()
            let late = try await c.cells(q.query("""
                SELECT \(arrivalColumns), i.name FROM arrival a JOIN item i ON i.sku = a.sku
                WHERE a.closed_at IS NULL AND a.eta < \(q.bind(today.iso)) AND a.received < a.quantity ORDER BY a.eta, a.id
                """))
            // Who waits on each late arrival: pegging of the arrival's SKU, kept in detail.
            var pegged: [Int64: [PeggedLine]] = [:]
            for sku in Set(try late.map { try $0.text(4) }) {
                let s = SQL()
                var lines: [Int64: (line: WaitingLine, customer: String)] = [:]
                for r in try await c.cells(s.query("""
                    SELECT l.line_id, l.order_no, l.line_no, l.priority, l.order_date, l.backordered, c.name
                    FROM waiting l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
                    WHERE l.sku = \(s.bind(sku)) ORDER BY l.priority, l.order_date, l.order_no, l.line_no
                    """)) {
                    let id = try r.int64(0)
                    lines[id] = (WaitingLine(lineId: id, orderNumber: try r.text(1), lineNo: try r.int(2), priority: try r.int(3),
                                             orderDate: try r.day(4), backordered: try r.int(5)), try r.text(6))
                }
                let a = SQL()
                let arrivals = try await c.cells(a.query("""
                    SELECT \(arrivalColumns) FROM arrival a WHERE a.sku = \(a.bind(sku)) AND a.closed_at IS NULL ORDER BY a.eta, a.id
                    """)).map { try arrivalRow($0) }
                for (arrivalId, takes) in Reports.pegDetail(waiting: lines.values.map(\.line), arrivals: arrivals) {
                    pegged[arrivalId] = takes.compactMap { t in
                        lines[t.lineId].map { PeggedLine(orderNumber: $0.line.orderNumber, lineNo: $0.line.lineNo, customerName: $0.customer, units: t.units) }
                    }
                }
            }
            let rows = try late.map { r -> LateArrivalRow in
                let a = try arrivalRow(r)
                let moves = changes[a.id] ?? []
                return LateArrivalRow(reference: a.reference, supplier: a.supplier, sku: a.sku, itemName: try r.text(9),
                                      outstanding: a.outstanding, eta: a.eta, daysLate: today.days(since: a.eta),
                                      etaChanges: moves.count, daysMoved: moves.reduce(0) { $0 + $1.to.days(since: $1.from) },
                                      waiting: pegged[a.id] ?? [])
            }
            let histories = try await c.cells("SELECT id, supplier, eta, quantity, received, closed_at FROM arrival").map { r in
                let open = try r.int64OrNil(5) == nil
                let eta = try r.day(2), received = try r.int(4), quantity = try r.int(3)
                return ArrivalETAHistory(supplier: try r.text(1), isOpen: open, isLate: open && eta < today && received < quantity,
                                         changes: changes[try r.int64(0)] ?? [])
            }
            return LateArrivalsReport(today: today, arrivals: rows, suppliers: Reports.supplierSlips(histories))
        }
    }

    public func serviceLevelReport(from: Day, to: Day) throws -> ServiceLevelReport {
        guard from <= to else { throw BackorderError.invalid(.t(StoreText.periodBackwards, to, from)) }
        // Journal times are UTC seconds; a report day is a UTC day, as every shipment date shown elsewhere.
        let start = Int64(from.ordinal) * 86_400, end = Int64(to.ordinal + 1) * 86_400
        return try bridge.transaction(.snapshot) { c in
            var lines: [ServiceLineInput] = []
            let orderIds = try await c.cells("SELECT DISTINCT order_id FROM shipment WHERE at >= \(start) AND at < \(end) ORDER BY 1")
                .map { try $0.int64(0) }
            for orderId in orderIds {
                var shipped: [Int64: [ServiceLineInput.Shipped]] = [:]
                for r in try await c.cells("""
                    SELECT s.id, s.at, sl.line_id, sl.quantity FROM shipment s JOIN shipment_line sl ON sl.shipment_id = s.id
                    WHERE s.order_id = \(orderId)
                    """) {
                    shipped[try r.int64(2), default: []].append(.init(shipmentId: try r.int64(0), day: try r.time(1).day(), quantity: try r.int(3)))
                }
                for r in try await c.cells("""
                    SELECT l.id, l.order_no, l.line_no, l.sku, l.order_date, l.ordered, l.allocated + l.picked + l.backordered,
                           i.name, o.customer, c.name,
                           EXISTS (SELECT 1 FROM movement m WHERE m.line_id = l.id AND m.kind <> 'allocate' AND m.d_backordered > 0)
                    FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
                    WHERE l.order_id = \(orderId) ORDER BY l.line_no
                    """) {
                    lines.append(ServiceLineInput(orderNumber: try r.text(1), lineNo: try r.int(2), customerCode: try r.text(8),
                                                  customerName: try r.text(9), sku: try r.text(3), itemName: try r.text(7),
                                                  orderDate: try r.day(4), ordered: try r.int(5), open: try r.int(6),
                                                  everBackordered: try r.row[10].decode(Bool.self), shipments: shipped[try r.int64(0)] ?? []))
                }
            }
            let events = try await c.cells("""
                SELECT m.d_backordered, m.sku, i.name, o.customer, c.name
                FROM movement m JOIN order_line l ON l.id = m.line_id JOIN orders o ON o.id = l.order_id
                JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = m.sku
                WHERE m.at >= \(start) AND m.at < \(end) AND m.d_backordered > 0
                """).map {
                BackorderEvent(customerCode: try $0.text(3), customerName: try $0.text(4), sku: try $0.text(1), itemName: try $0.text(2),
                               units: try $0.int(0))
            }
            return Reports.serviceLevel(lines: lines, backorderEvents: events, from: from, to: to)
        }
    }

    /// Every waiting line, oldest order first, with its customer and (when asked) its promised date.
    static func openBackorders(_ c: PostgresConnection, promised withPromised: Bool) async throws -> [OpenBackorder] {
        try await c.cells("""
            SELECT l.order_no, l.line_no, l.sku, l.order_date, w.backordered, w.promised, o.customer, c.name
            FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
            JOIN waiting w ON w.sku = l.sku AND w.priority = o.priority AND w.order_date = l.order_date AND w.order_no = l.order_no
                          AND w.line_no = l.line_no
            WHERE l.ordered - l.shipped - l.cancelled > 0 ORDER BY l.order_date, l.order_no, l.line_no
            """).map { r in
            OpenBackorder(orderNumber: try r.text(0), lineNo: try r.int(1), customerCode: try r.text(6), customerName: try r.text(7),
                          sku: try r.text(2), orderDate: try r.day(3), backordered: try r.int(4),
                          promised: withPromised ? try r.promised(5) : nil)
        }
    }
}
