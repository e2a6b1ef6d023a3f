import BackorderCore
import PostgresNIO

/// One order, item, arrival or customer in full, as the SQLite store reads them (Queries.swift, Customers.swift):
/// each read one snapshot, an unknown key `.notFound` in the same words.
extension PostgresWarehouse {
    public func item(_ sku: String) throws -> Item {
        try bridge.transaction(.snapshot) { c in try await Fetch.item(c, sku) }
    }

    public func customer(_ code: String) throws -> Customer {
        try bridge.transaction(.snapshot) { c in
            let q = SQL()
            let sql = "SELECT \(customerColumns) FROM customer WHERE code = \(q.bind(code))"
            guard let r = try await c.cell(q.query(sql)) else { throw BackorderError.notFound(.t(CustomerText.unknownCustomer, code)) }
            return try customerRow(r)
        }
    }

    /// One arrival by `PO/line` (or by PO alone when that PO has one line), with its ETA history.
    public func arrival(_ reference: String) throws -> (Arrival, [ETAChange]) {
        let (a, changes) = try bridge.transaction(.snapshot) { c -> ArrivalWithChanges in
            let a = try await Fetch.arrival(c, reference)
            let q = SQL()
            let sql = "SELECT old_eta, new_eta, at, actor, reason FROM eta_change WHERE arrival_id = \(q.bind(a.id)) ORDER BY id"
            let changes = try await c.cells(q.query(sql)).map {
                ETAChange(from: try $0.day(0), to: try $0.day(1), at: try $0.time(2), actor: try $0.text(3), reason: try $0.text(4))
            }
            return ArrivalWithChanges(arrival: a, changes: changes)
        }.pair
        return (a, changes)
    }

    /// An order with its lines, promised dates and expected parts, shipments, journal and changes.
    public func orderDetail(_ number: String, today: Day) throws -> OrderDetail {
        try bridge.transaction(.snapshot) { c in try await Fetch.detail(c, number) }
    }
}

/// A tuple is not Sendable across the bridge; this is.
struct ArrivalWithChanges: Sendable {
    var arrival: Arrival
    var changes: [ETAChange]
    var pair: (Arrival, [ETAChange]) { (arrival, changes) }
}

/// The reads shared by several of the service's methods, on a connection inside the caller's snapshot.
enum Fetch {
    static func item(_ c: PostgresConnection, _ sku: String) async throws -> Item {
        let q = SQL()
        let sql = "SELECT \(itemColumns) FROM item WHERE sku = \(q.bind(sku))"
        guard let r = try await c.cell(q.query(sql)) else { throw BackorderError.notFound(.t(StoreText.unknownSKU, sku)) }
        return try itemRow(r)
    }

    /// Finds an arrival by `PO/line`, or by PO alone when that PO has one line.
    static func arrival(_ c: PostgresConnection, _ reference: String) async throws -> Arrival {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        let q = SQL()
        let rows: [Cells]
        if parts.count >= 2, let line = Int(parts.last!) {
            let po = parts.dropLast().joined(separator: "/")
            rows = try await c.cells(q.query("SELECT \(arrivalColumns) FROM arrival a WHERE a.po_number = \(q.bind(po)) AND a.po_line = \(q.bind(line))"))
        } else {
            rows = try await c.cells(q.query("SELECT \(arrivalColumns) FROM arrival a WHERE a.po_number = \(q.bind(reference)) ORDER BY a.po_line"))
            if rows.count > 1 { throw BackorderError.invalid(.t(StoreText.poNeedsLine, reference, rows.count)) }
        }
        guard let r = rows.first else { throw BackorderError.notFound(.t(StoreText.noArrival, reference)) }
        return try arrivalRow(r)
    }

    /// An order's header with its current version (the header's plus its lines'), its note and its customer's language.
    static func order(_ c: PostgresConnection, _ number: String) async throws -> (order: Order, note: String, language: Language?) {
        let q = SQL()
        let sql = """
            SELECT o.id, o.number, o.customer, c.name, o.order_date, o.priority, o.policy, o.closed_at,
                   (o.version + (SELECT COALESCE(SUM(l.version), 0) FROM order_line l WHERE l.order_id = o.id))::bigint, o.note, c.language
            FROM orders o JOIN customer c ON c.code = o.customer WHERE o.number = \(q.bind(number))
            """
        guard let r = try await c.cell(q.query(sql)) else { throw BackorderError.notFound(.t(StoreText.noOrder, number)) }
        let order = Order(id: try r.int64(0), number: try r.text(1), customerCode: try r.text(2), customerName: try r.text(3),
                          orderDate: try r.day(4), priority: try r.int(5), policy: ShipPolicy(rawValue: try r.text(6)) ?? .partial,
                          closedAt: try r.timeOrNil(7), version: try r.int(8))
        return (order, try r.text(9), try r.textOrNil(10).flatMap(Language.init(rawValue:)))
    }

    /// An order's lines by line number, with their items' names.
    static func lines(_ c: PostgresConnection, orderId: Int64) async throws -> [OrderLine] {
        let q = SQL()
        let sql = """
            SELECT l.id, l.line_no, l.sku, i.name, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
            FROM order_line l JOIN item i ON i.sku = l.sku WHERE l.order_id = \(q.bind(orderId)) ORDER BY l.line_no
            """
        return try await c.cells(q.query(sql)).map { r in
            OrderLine(id: try r.int64(0), lineNo: try r.int(1), sku: try r.text(2), itemName: try r.text(3),
                      quantities: LineQuantities(ordered: try r.int(4), allocated: try r.int(5), picked: try r.int(6), shipped: try r.int(7),
                                                 backordered: try r.int(8), cancelled: try r.int(9)))
        }
    }

    static let movementColumns = """
        m.id, m.at, m.actor, m.kind, m.sku, m.quantity, m.d_ordered, m.d_allocated, m.d_picked, m.d_shipped, m.d_backordered,
        m.d_cancelled, m.d_on_hand, m.note, l.line_no, a.po_number, a.po_line, s.number, r.number
        """

    static func movement(_ r: Cells, orderNumber: String?) throws -> Movement {
        let po = try r.textOrNil(15)
        let poLine = try r.intOrNil(16)
        return Movement(id: try r.int64(0), at: try r.time(1), actor: try r.text(2), kind: MovementKind(rawValue: try r.text(3)) ?? .adjust,
                        sku: try r.text(4), quantity: try r.int(5),
                        delta: Delta(ordered: try r.int(6), allocated: try r.int(7), picked: try r.int(8), shipped: try r.int(9),
                                     backordered: try r.int(10), cancelled: try r.int(11), onHand: try r.int(12)),
                        orderNumber: orderNumber, lineNo: try r.intOrNil(14), arrivalReference: po.map { "\($0)/\(poLine ?? 1)" },
                        document: try r.textOrNil(17) ?? r.textOrNil(18), note: try r.text(13))
    }

    /// Everything about one order, as `Warehouse.detail` reads it.
    static func detail(_ c: PostgresConnection, _ number: String) async throws -> OrderDetail {
        let (order, note, language) = try await Self.order(c, number)
        let lines = try await Self.lines(c, orderId: order.id)
        let q = SQL()
        let id = q.bind(order.id)
        var promised: [Int64: Day?] = [:]
        var waitingKeys: [Int64: (priority: Int, date: String, orderNo: String, lineNo: Int)] = [:]
        for r in try await c.cells(q.query("""
            SELECT l.id, w.promised, l.priority, l.order_date, l.order_no, l.line_no FROM order_line l
            LEFT JOIN waiting w ON w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date AND w.order_no = l.order_no AND w.line_no = l.line_no
            WHERE l.order_id = \(id) AND l.backordered > 0
            """)) {
            promised[try r.int64(0)] = try r.promised(1)
            waitingKeys[try r.int64(0)] = (try r.int(2), try r.text(3), try r.text(4), try r.int(5))
        }
        var shipments: [Shipment] = []
        var shipmentLines: [Int64: [Shipment.Line]] = [:]
        for r in try await c.cells(q.query("""
            SELECT sl.shipment_id, l.line_no, l.sku, sl.quantity FROM shipment s JOIN shipment_line sl ON sl.shipment_id = s.id
            JOIN order_line l ON l.id = sl.line_id WHERE s.order_id = \(id) ORDER BY sl.shipment_id, l.line_no
            """)) {
            shipmentLines[try r.int64(0), default: []].append(Shipment.Line(lineNo: try r.int(1), sku: try r.text(2), quantity: try r.int(3)))
        }
        for r in try await c.cells(q.query("SELECT id, number, at, actor, overridden FROM shipment WHERE order_id = \(id) ORDER BY id")) {
            shipments.append(Shipment(number: try r.text(1), orderNumber: number, at: try r.time(2), actor: try r.text(3),
                                      overridden: try r.int(4) != 0, lines: shipmentLines[try r.int64(0)] ?? []))
        }
        let joins = "LEFT JOIN arrival a ON a.id = m.arrival_id LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id"
        let history = try await c.cells(q.query("""
            SELECT \(movementColumns)
            FROM order_line l JOIN movement m ON m.line_id = l.id AND m.line_id IS NOT NULL AND m.kind <> 'allocate' \(joins)
            WHERE l.order_id = \(id)
            UNION ALL
            SELECT \(movementColumns)
            FROM order_line l JOIN movement m ON m.sku = l.sku AND m.line_id = l.id AND m.kind = 'allocate' \(joins)
            WHERE l.order_id = \(id)
            ORDER BY 1
            """)).map { try movement($0, orderNumber: number) }
        let changes = try await c.cells(q.query("""
            SELECT at, actor, field, old, new, reason FROM order_change WHERE order_id = \(id) ORDER BY id
            """)).map { OrderChange(at: try $0.time(0), actor: try $0.text(1), field: try $0.text(2), from: try $0.text(3), to: try $0.text(4),
                                    reason: try $0.text(5)) }
        var expected: [Int64: [OrderDetail.ExpectedPart]] = [:]
        let waiting = lines.filter { $0.quantities.backordered > 0 }
        let parts = try await expectedParts(c, waiting.map { ($0, waitingKeys[$0.id], promised[$0.id] ?? nil) })
        for (line, p) in zip(waiting, parts) { expected[line.id] = p }
        return OrderDetail(order: order, lines: lines.map { .init(line: $0, promised: promised[$0.id] ?? nil, expected: expected[$0.id]) },
                           shipments: shipments, history: history, cancelReasons: history.filter { $0.kind == .cancel }.map(\.note),
                           note: note, changes: changes, customerLanguage: language)
    }

    /// A waiting line whose expected parts are asked for: its place in its SKU's queue and its promised date.
    typealias WaitingAsked = (line: OrderLine, key: (priority: Int, date: String, orderNo: String, lineNo: Int)?, promised: Day?)

    /// How each waiting line falls on its SKU's open arrivals (`OrderDetail.expectedParts`, the rule both stores share):
    /// two statements for all the lines, whatever their number (an order of twenty lines asked twenty times before).
    static func expectedParts(_ c: PostgresConnection, _ asked: [WaitingAsked],
                              known: (read: Set<String>, arrivals: [String: [OrderDetail.OpenSupply]]) = ([], [:])) async throws
        -> [[OrderDetail.ExpectedPart]] {
        guard !asked.isEmpty else { return [] }
        let q = SQL()
        var supply: [String: [OrderDetail.OpenSupply]] = [:]
        // The open arrivals, unless the transaction read them already for every SKU asked about.
        let skus = Set(asked.map(\.line.sku))
        if skus.isSubset(of: known.read) {
            supply = known.arrivals
        } else {
            for r in try await c.cells(q.query("""
                SELECT sku, po_number, po_line, quantity - received, eta FROM arrival
                WHERE sku = ANY(\(q.bind(skus.sorted()))) AND closed_at IS NULL ORDER BY sku, eta, id
                """)) {
                supply[try r.text(0), default: []].append(.init(reference: "\(try r.text(1))/\(try r.int(2))", outstanding: try r.int(3),
                                                                  eta: try r.day(4)))
            }
        }
        // The units ahead of each line in serving order, read only for the lines whose rule needs them.
        var walked: [Int] = []
        for (i, a) in asked.enumerated() {
            let arrivals = supply[a.line.sku] ?? []
            if a.key != nil, arrivals.contains(where: { $0.outstanding > 0 }), a.promised != arrivals.first(where: { $0.outstanding > 0 })?.eta {
                walked.append(i)
            }
        }
        var ahead: [Int: Int] = [:]
        if !walked.isEmpty {
            let w = SQL()
            let keys = walked.map { asked[$0].key! }
            for r in try await c.cells(w.query("""
                SELECT k.n, COALESCE((SELECT SUM(backordered) FROM waiting x WHERE x.sku = k.sku
                    AND (x.priority, x.order_date COLLATE "C", x.order_no COLLATE "C", x.line_no) < (k.p, k.od, k.o, k.l)), 0)::bigint
                FROM unnest(\(w.bind(walked.map { Int64($0) })), \(w.bind(walked.map { asked[$0].line.sku })), \(w.bind(keys.map { Int64($0.priority) })),
                            \(w.bind(keys.map(\.date))), \(w.bind(keys.map(\.orderNo))), \(w.bind(keys.map { Int64($0.lineNo) }))) AS k(n, sku, p, od, o, l)
                """)) {
                ahead[try r.int(0)] = try r.int(1)
            }
        }
        return asked.enumerated().map { i, a in
            OrderDetail.expectedParts(backordered: a.line.quantities.backordered, promised: a.promised, arrivals: supply[a.line.sku] ?? []) {
                ahead[i] ?? 0
            }
        }
    }
}
