import BackorderCore
import PostgresNIO

/// The order desk's and the exceptions' reads on the server, as the SQLite store answers them (OrderDesk.swift,
/// Corrections.swift, Explanations.swift, Papers.swift): type-to-search, donors, date explanations and the papers.
extension PostgresWarehouse {
    /// Customers whose code or name contains `text` (any case), codes that start with it first.
    public func searchCustomers(_ text: String, limit: Int) throws -> [Customer] {
        let t = text.trimmingSpaces
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            // As the file: a text beyond ASCII is matched here with every letter's case folded, over every customer by name.
            if !t.allSatisfy(\.isASCII) {
                let wanted = t.lowercased()
                return try await c.cells(q.query("SELECT code, name FROM customer ORDER BY name COLLATE \"C\", code COLLATE \"C\""))
                    .map { Customer(code: try $0.text(0), name: try $0.text(1)) }
                    .filter { $0.code.lowercased().contains(wanted) || $0.name.lowercased().contains(wanted) }.prefix(max(0, limit)).map { $0 }
            }
            // A negative limit is none, as SQLite's.
            let p = q.bind("%" + PostgresReads.likeEscaped(t) + "%"), prefix = q.bind(PostgresReads.likeEscaped(t) + "%")
            let sql = """
                SELECT code, name FROM customer WHERE code ILIKE \(p) OR name ILIKE \(p)
                ORDER BY code NOT ILIKE \(prefix), name COLLATE "C", code COLLATE "C" LIMIT \(q.bind(limit < 0 ? nil : limit))
                """
            return try await c.cells(q.query(sql)).map { Customer(code: try $0.text(0), name: try $0.text(1)) }
        }
    }

    /// Items whose SKU or name contains `text` (any case), SKUs that start with it first.
    public func searchItems(_ text: String, limit: Int) throws -> [Item] {
        let t = text.trimmingSpaces
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            if !t.allSatisfy(\.isASCII) {
                let wanted = t.lowercased()
                return try await c.cells(q.query("SELECT \(itemColumns) FROM item ORDER BY sku COLLATE \"C\"")).map { try itemRow($0) }
                    .filter { $0.sku.lowercased().contains(wanted) || $0.name.lowercased().contains(wanted) }.prefix(max(0, limit)).map { $0 }
            }
            let p = q.bind("%" + PostgresReads.likeEscaped(t) + "%"), prefix = q.bind(PostgresReads.likeEscaped(t) + "%")
            let sql = """
                SELECT \(itemColumns) FROM item WHERE sku ILIKE \(p) OR name ILIKE \(p)
                ORDER BY sku NOT ILIKE \(prefix), sku COLLATE "C" LIMIT \(q.bind(limit < 0 ? nil : limit))
                """
            return try await c.cells(q.query(sql)).map { try itemRow($0) }
        }
    }

    /// Lines of other open orders holding allocated (not picked) units of `sku`, least urgent and newest first.
    public func donorCandidates(sku: String, excludingOrder: String?) throws -> [DonorCandidate] {
        try bridge.transaction(.snapshot) { c in try await Fetch.donors(c, sku: sku, excluding: excludingOrder) }
    }

    /// Why each waiting line of an order (or only `lineNo`) is promised its date (`Rules.explainDate`).
    public func explainDates(order number: String, lineNo: Int?, today: Day) throws -> [DateExplanation] {
        try bridge.transaction(.snapshot) { c in
            let (order, _, _) = try await Fetch.order(c, number)
            let lines = try await Fetch.lines(c, orderId: order.id)
            let targets = try Rules.explainTargets(order: number, lines: lines, lineNo: lineNo)
            var out: [DateExplanation] = []
            var queues: [String: SKUQueue] = [:]
            for line in targets {
                if queues[line.sku] == nil { queues[line.sku] = try await Fetch.queue(c, sku: line.sku, excluding: number) }
                let q = queues[line.sku]!
                if let e = Rules.explainDate(lineId: line.id, waiting: q.waiting, arrivals: q.arrivals, donors: q.donors,
                                             customerNames: q.names, sku: line.sku, itemName: line.itemName, today: today) {
                    out.append(e)
                }
            }
            return out
        }
    }

    /// What is allocated and not yet picked on `orders` (each once, in the order given), by line; an unknown order
    /// is `.notFound`.
    public func pickList(orders numbers: [String]) throws -> PickList {
        var seen = Set<String>()
        let unique = numbers.filter { seen.insert($0).inserted }
        return try bridge.transaction(.snapshot) { c in
            var orders: [PickList.Order] = []
            var lines: [PickList.Line] = []
            for number in unique {
                let (o, note, _) = try await Fetch.order(c, number)
                orders.append(PickList.Order(number: o.number, customerCode: o.customerCode, customerName: o.customerName,
                                             orderDate: o.orderDate, priority: o.priority, note: note))
                let q = SQL()
                let sql = """
                    SELECT l.line_no, l.sku, l.allocated, i.name, i.unit, i.bin FROM order_line l JOIN item i ON i.sku = l.sku
                    WHERE l.order_id = \(q.bind(o.id)) AND l.allocated > 0 ORDER BY l.line_no
                    """
                for r in try await c.cells(q.query(sql)) {
                    lines.append(PickList.Line(bin: try r.text(5), sku: try r.text(1), itemName: try r.text(3), unit: try r.text(4),
                                               quantity: try r.int(2), orderNumber: o.number, customerCode: o.customerCode, lineNo: try r.int(0)))
                }
            }
            return PickList(orders: orders, lines: lines)
        }
    }

    /// The delivery note of `shipment`, or (with only `order`) of the order's latest shipment; with both, the shipment
    /// must be the order's.
    public func deliveryNote(shipment: String?, order: String?, today: Day) throws -> DeliveryNote {
        try bridge.transaction(.snapshot) { c in
            var owner: String?
            if let shipment {
                let q = SQL()
                let sql = "SELECT o.number FROM shipment s JOIN orders o ON o.id = s.order_id WHERE s.number = \(q.bind(shipment))"
                owner = try await c.cell(q.query(sql))?.text(0)
            }
            let number = try DeliveryNote.orderNumber(shipment: shipment, owner: owner, order: order)
            let detail = try await Fetch.detail(c, number)
            let q = SQL()
            let skus = Array(Set(detail.lines.map(\.line.sku))).sorted()
            var units: [String: String] = [:]
            for r in try await c.cells(q.query("SELECT sku, unit FROM item WHERE sku = ANY(\(q.bind(skus)))")) { units[try r.text(0)] = try r.text(1) }
            let k = SQL()
            let contact = try await c.cell(k.query("SELECT contact FROM customer WHERE code = \(k.bind(detail.order.customerCode))"))?.textOrNil(0)
            return try DeliveryNote(detail: detail, shipment: shipment, units: units, contact: contact)
        }
    }
}

/// A SKU's waiting lines in serving order with their customers' names, its open arrivals, and the donors for it.
struct SKUQueue: Sendable {
    var waiting: [WaitingLine]
    var names: [String: String]
    var arrivals: [Arrival]
    var donors: [DonorCandidate]
}

extension Fetch {
    static func donors(_ c: PostgresConnection, sku: String, excluding: String?) async throws -> [DonorCandidate] {
        _ = try await item(c, sku)
        let q = SQL()
        let sql = """
            SELECT l.order_no, c.name, l.line_no, l.priority, l.order_date, l.allocated
            FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
            WHERE l.ordered - l.shipped - l.cancelled > 0 AND l.sku = \(q.bind(sku)) AND l.allocated > 0
              AND l.order_no IS DISTINCT FROM \(q.bind(excluding))
            """
        return try await c.cells(q.query(sql)).map {
            DonorCandidate(orderNumber: try $0.text(0), customerName: try $0.text(1), lineNo: try $0.int(2), priority: try $0.int(3),
                           orderDate: try $0.day(4), allocated: try $0.int(5))
        }.sorted(by: Rules.donorBefore)
    }

    static func queue(_ c: PostgresConnection, sku: String, excluding order: String) async throws -> SKUQueue {
        var waiting: [WaitingLine] = []
        var names: [String: String] = [:]
        let q = SQL()
        let s = q.bind(sku)
        for r in try await c.cells(q.query("""
            SELECT w.line_id, w.order_no, w.line_no, w.priority, w.order_date, w.backordered, c.name
            FROM waiting w JOIN orders o ON o.id = w.order_id JOIN customer c ON c.code = o.customer
            WHERE w.sku = \(s) ORDER BY w.priority, w.order_date, w.order_no, w.line_no
            """)) {
            waiting.append(WaitingLine(lineId: try r.int64(0), orderNumber: try r.text(1), lineNo: try r.int(2), priority: try r.int(3),
                                       orderDate: try r.day(4), backordered: try r.int(5)))
            names[try r.text(1)] = try r.text(6)
        }
        let arrivals = try await c.cells(q.query("""
            SELECT \(arrivalColumns) FROM arrival a WHERE a.sku = \(s) AND a.closed_at IS NULL ORDER BY a.eta, a.id
            """)).map { try arrivalRow($0) }
        return SKUQueue(waiting: waiting, names: names, arrivals: arrivals, donors: try await donors(c, sku: sku, excluding: order))
    }
}
