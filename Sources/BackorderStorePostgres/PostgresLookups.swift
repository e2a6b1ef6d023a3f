import BackorderCore
import PostgresNIO

/// The rows an operation reads before it changes them, as the SQLite store reads them (`fetchOrder`, `fetchLines`,
/// `fetchArrival`, `fetchItem`), with the same refusals, and the locks taken in the store's fixed order.
extension PostgresOperationTx {
    /// An open order and its lines, locked: its SKUs' items (and those of `alsoLocking`, in the same sorted statement)
    /// first, then the order. `expectedVersion` refuses an order changed since the clerk read it.
    func openOrder(_ number: String, expectedVersion: Int?, alsoLocking extra: [String] = []) async throws -> (Order, [OrderLine]) {
        // Both in one round trip (`backorders_locked_order`: two statements on the server, in this order).
        let rows = try await c.rows("SELECT * FROM backorders_locked_order(\(number), \(extra), \(locked.sorted()))")
            .map { $0.makeRandomAccess() }
        if let first = rows.first { locked.formUnion(try first[0].decode([String].self)) }
        let (order, lines) = try Self.orderWithLines(rows, from: 1, number)
        guard order.isOpen else { throw BackorderError.refused(.t(StoreText.orderClosed, number)) }
        if let v = expectedVersion, v != order.version {
            throw BackorderError.stale(.t(StoreText.orderStale, number))
        }
        // A line added between the first read and the order's lock: its item too (out of order; a deadlock is retried).
        try await lockItems(lines.map(\.sku))
        return (order, lines)
    }

    /// An open order and its lines read without locking anything: for a donor giving units of a SKU whose item this
    /// operation holds. Whoever else could change that line, or close or change its order, must take that item first.
    func openOrderUnderItemLock(_ number: String) async throws -> (Order, [OrderLine]) {
        let (order, lines) = try await fetchOrderWithLines(number)
        guard order.isOpen else { throw BackorderError.refused(.t(StoreText.orderClosed, number)) }
        return (order, lines)
    }

    /// An order by its number and its lines in line order, in one statement (`openOrder` reads it so, locked).
    func fetchOrderWithLines(_ number: String) async throws -> (Order, [OrderLine]) {
        let rows = try await c.rows("""
            SELECT o.id, o.number, o.customer, c.name, o.order_date, o.priority, o.policy, o.closed_at,
                   (o.version + (SELECT COALESCE(SUM(x.version), 0) FROM order_line x WHERE x.order_id = o.id))::bigint,
                   l.id, l.line_no, l.sku, i.name, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
            FROM orders o JOIN customer c ON c.code = o.customer
                LEFT JOIN order_line l ON l.order_id = o.id LEFT JOIN item i ON i.sku = l.sku
            WHERE o.number = \(number) ORDER BY l.line_no
            """)
        return try Self.orderWithLines(rows.map { $0.makeRandomAccess() }, from: 0, number)
    }

    /// An order and its lines from rows of its columns (from column `k` on: the order's nine, then each line's ten;
    /// an order without lines has one row with no line).
    static func orderWithLines(_ rows: [PostgresRandomAccessRow], from k: Int, _ number: String) throws -> (Order, [OrderLine]) {
        guard let v = rows.first else { throw BackorderError.notFound(.t(StoreText.noOrder, number)) }
        let order = Order(id: try v[k].decode(Int64.self), number: try v[k + 1].decode(String.self), customerCode: try v[k + 2].decode(String.self),
                          customerName: try v[k + 3].decode(String.self),
                          orderDate: Day(iso: try v[k + 4].decode(String.self)) ?? Day(ordinal: 0), priority: try v[k + 5].decode(Int.self),
                          policy: ShipPolicy(rawValue: try v[k + 6].decode(String.self)) ?? .partial,
                          closedAt: try v[k + 7].decode(Int64?.self).map(Timestamp.init), version: try v[k + 8].decode(Int.self))
        let lines = try rows.compactMap { cells -> OrderLine? in
            guard let id = try cells[k + 9].decode(Int64?.self) else { return nil }
            return OrderLine(id: id, lineNo: try cells[k + 10].decode(Int.self), sku: try cells[k + 11].decode(String.self),
                             itemName: try cells[k + 12].decode(String.self),
                             quantities: LineQuantities(ordered: try cells[k + 13].decode(Int.self), allocated: try cells[k + 14].decode(Int.self),
                                                        picked: try cells[k + 15].decode(Int.self), shipped: try cells[k + 16].decode(Int.self),
                                                        backordered: try cells[k + 17].decode(Int.self), cancelled: try cells[k + 18].decode(Int.self)))
        }
        return (order, lines)
    }

    /// An order by its number, its version counting its lines' changes; `lock` holds it for this transaction.
    func fetchOrder(_ number: String, lock: Bool = false) async throws -> Order {
        guard let r = try await c.rows("""
            SELECT o.id, o.number, o.customer, c.name, o.order_date, o.priority, o.policy, o.closed_at,
                   (o.version + (SELECT COALESCE(SUM(l.version), 0) FROM order_line l WHERE l.order_id = o.id))::bigint
            FROM orders o JOIN customer c ON c.code = o.customer WHERE o.number = \(number) \(unescaped: lock ? "FOR UPDATE OF o" : "")
            """).first else { throw BackorderError.notFound(.t(StoreText.noOrder, number)) }
        let v = try r.decode((Int64, String, String, String, String, Int, String, Int64?, Int).self)
        return Order(id: v.0, number: v.1, customerCode: v.2, customerName: v.3, orderDate: Day(iso: v.4) ?? Day(ordinal: 0), priority: v.5,
                     policy: ShipPolicy(rawValue: v.6) ?? .partial, closedAt: v.7.map(Timestamp.init), version: v.8)
    }

    func fetchLines(orderId: Int64) async throws -> [OrderLine] {
        try await c.rows("""
            SELECT l.id, l.line_no, l.sku, i.name, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
            FROM order_line l JOIN item i ON i.sku = l.sku WHERE l.order_id = \(orderId) ORDER BY l.line_no
            """).map { r in
            let v = try r.decode((Int64, Int, String, String, Int, Int, Int, Int, Int, Int).self)
            return OrderLine(id: v.0, lineNo: v.1, sku: v.2, itemName: v.3,
                             quantities: LineQuantities(ordered: v.4, allocated: v.5, picked: v.6, shipped: v.7, backordered: v.8, cancelled: v.9))
        }
    }

    static let arrivalColumns = "id, supplier, po_number, po_line, sku, quantity, received, eta, closed_at" // not prose: SQL columns

    static func arrival(_ r: PostgresRow) throws -> Arrival {
        let v = try r.decode((Int64, String, String, Int, String, Int, Int, String, Int64?).self)
        return Arrival(id: v.0, supplier: v.1, poNumber: v.2, poLine: v.3, sku: v.4, quantity: v.5, received: v.6,
                       eta: Day(iso: v.7) ?? Day(ordinal: 0), closedAt: v.8.map(Timestamp.init))
    }

    /// An arrival by `PO/line`, or by PO alone when that PO has one line; its item locked, then the arrival.
    func fetchArrival(_ reference: String) async throws -> Arrival {
        func find(lock: Bool) async throws -> Arrival {
            let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
            let forUpdate = lock ? " FOR UPDATE" : ""
            let rows: [PostgresRow]
            if parts.count >= 2, let line = Int(parts.last!) {
                let po = parts.dropLast().joined(separator: "/")
                rows = try await c.rows("""
                    SELECT \(unescaped: Self.arrivalColumns) FROM arrival WHERE po_number = \(po) AND po_line = \(line)\(unescaped: forUpdate)
                    """)
            } else {
                rows = try await c.rows("""
                    SELECT \(unescaped: Self.arrivalColumns) FROM arrival WHERE po_number = \(reference) ORDER BY po_line\(unescaped: forUpdate)
                    """)
                if rows.count > 1 { throw BackorderError.invalid(.t(StoreText.poNeedsLine, reference, rows.count)) }
            }
            guard let r = rows.first else { throw BackorderError.notFound(.t(StoreText.noArrival, reference)) }
            return try Self.arrival(r)
        }
        let seen = try await find(lock: false)
        try await lockItems([seen.sku])
        return try await find(lock: true)
    }

    func fetchItem(_ sku: String) async throws -> Item {
        guard let r = try await c.rows("""
            SELECT sku, name, unit, bin, on_hand, allocated, picked, backordered, incoming, min_order_qty, pack_size, supplier, lead_time_days
            FROM item WHERE sku = \(sku)
            """).first else { throw BackorderError.notFound(.t(StoreText.unknownSKU, sku)) }
        let v = try r.decode((String, String, String, String, Int, Int, Int, Int, Int, Int, Int, String, Int?).self)
        return Item(sku: v.0, name: v.1, unit: v.2, bin: v.3, onHand: v.4, allocated: v.5, picked: v.6, backordered: v.7, incoming: v.8,
                    minOrderQty: v.9, packSize: v.10, supplier: v.11, leadTimeDays: v.12)
    }

    func exists(_ q: PostgresQuery) async throws -> Bool { try await !c.rows(q).isEmpty }

    /// Inserts a new row of `table` under the next id and the document number made from it (`DocumentNumber`:
    /// prefix and at least six digits), both worked out by the insert itself: one round trip where taking the id
    /// first was another. `insert` writes the row given the SQL of its id and of its number. A number someone took
    /// by hand makes it try the next ones (`insertNumbered`), the id kept. Returns the id and the number.
    func insertNewNumbered(_ table: String, prefix: String,
                           _ insert: (_ id: String, _ number: String) throws -> PostgresQuery) async throws -> (id: Int64, number: String) {
        let r = try await insertNewNumbered(table, prefix: prefix, also: nil, insert)
        return (r.id, r.number)
    }

    /// More work for the statement of `insertNewNumbered`, on the new row: `ctes` (each as ", name AS (…)") and
    /// `columns` may use `s` (the row's id and number) and bind numbers from `firstBind` on, in `binds`' order.
    struct AlsoWritten {
        var ctes: String
        var columns: String
        var binds: [(any PostgresThrowingDynamicTypeEncodable)?]
    }

    /// `insertNewNumbered` whose statement also does `also(firstBind)`'s work: one round trip for both. Returns the
    /// id, the number, and the row of `also`'s columns; that row is nil when the number was found taken by hand
    /// (the row then inserted by a statement of its own, and `also`'s work left to the caller).
    func insertNewNumbered(_ table: String, prefix: String, also: ((_ firstBind: Int) throws -> AlsoWritten)?,
                           _ insert: (_ id: String, _ number: String) throws -> PostgresQuery) async throws -> (id: Int64, number: String, also: PostgresRow?) {
        precondition(prefix.allSatisfy { $0.isLetter || $0 == "-" }, "a document prefix is letters and a dash") // not prose: a programmer's assertion
        let id = "(SELECT id FROM k)"
        let number = "'\(prefix)' || lpad(\(id)::text, GREATEST(\(DocumentNumber.width), length(\(id)::text)), '0')" // not prose: SQL
        var q = try insert(id, number)
        let more = try also?(q.binds.count + 1)
        for v in more?.binds ?? [] {
            if let v { try q.binds.append(v) } else { q.binds.appendNull() }
        }
        q.sql = "WITH k AS (SELECT \(newId(table))::bigint AS id), s AS (" + q.sql + " ON CONFLICT (number) DO NOTHING RETURNING id, number)"
            + (more?.ctes ?? "") + " SELECT s.id, s.number" + (more.map { ", " + $0.columns } ?? "") + " FROM s"
        if let r = try await c.rows(q).first {
            let cells = r.makeRandomAccess()
            return (try cells[0].decode(Int64.self), try cells[1].decode(String.self), more == nil ? nil : r)
        }
        // Taken by hand: the id this row was given (the sequence's last in this session; a preview's, the next free).
        let taken = preview ? "SELECT \(newId(table))::bigint" : "SELECT currval('\(table)_id_seq')"
        let kept = try await c.rows(PostgresQuery(unsafeSQL: taken)).first?.decode(Int64.self) ?? 1
        return (kept, try await insertNumbered(prefix: prefix, id: kept + 1) { try insert(String(kept), "'\($0)'") }, nil)
    }

    /// Inserts the row that gets `id` (`insert` given its number) under the next free document number from it: prefix
    /// + six digits (as the file, whose numbers come from the largest id + 1, which is the id its new row gets). The
    /// insert checks the number itself (ON CONFLICT … DO NOTHING): one round trip where a check and an insert were
    /// two. Returns the number.
    func insertNumbered(prefix: String, id: Int64, _ insert: (String) throws -> PostgresQuery) async throws -> String {
        var n = id
        while true {
            let candidate = DocumentNumber.candidate(prefix, n)
            var q = try insert(candidate)
            q.sql += " ON CONFLICT (number) DO NOTHING RETURNING id"
            if try await !c.rows(q).isEmpty { return candidate }
            n += 1
        }
    }
}
