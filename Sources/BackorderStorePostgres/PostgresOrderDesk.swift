import BackorderCore
import PostgresNIO

/// Placing an order on the server, and previewing one: the SQLite store's `place` and `previewOrder`.
extension PostgresWarehouse {
    public func createOrder(_ new: NewOrder, ctx: Context) throws -> OrderDetail {
        let placed = try operate(ctx) { tx in
            let p = try await Self.place(tx, new, readBack: true)
            return (p.number, p.detail)
        }
        if let detail = placed.1 { return detail }
        // Stock also went to lines that waited before (rare: free stock while lines wait): the order read back whole.
        return try orderDetail(placed.0, today: ctx.today)
    }

    public func previewOrder(_ new: NewOrder, ctx: Context) throws -> OrderPreview {
        try operate(ctx, preview: true) { tx in
            let placed = try await Self.place(tx, new, readBack: true)
            var lines: [OrderPreview.Line] = []
            for l in try await tx.fetchLines(orderId: placed.orderId) {
                let q = l.quantities
                let promised: Day? = try await (q.backordered > 0 ? Self.promised(tx, lineId: l.id) : nil)
                let arrival = try await (q.backordered > 0 && promised != nil ? Self.coveringArrival(tx, lineId: l.id) : nil)
                lines.append(.init(lineNo: l.lineNo, sku: l.sku, itemName: l.itemName, quantity: q.ordered, fromStock: q.allocated,
                                   backordered: q.backordered, promised: promised, arrival: arrival))
            }
            return OrderPreview(lines: lines)
        }
    }

    /// Places the order inside `tx`. Returns the order as written when nothing but its own lines and their dates
    /// happened to it (else nil: the caller reads it back).
    ///
    /// `imported`: an import's order, with its note; the import has found its customer and number and holds every
    /// table against writers, so those are not looked up or locked again (fewer round trips per order).
    static func place(_ tx: PostgresOperationTx, _ new: NewOrder, readBack: Bool,
                      imported note: String? = nil) async throws -> (orderId: Int64, number: String, detail: OrderDetail?) {
        try Validate.newOrder(new)
        let ctx = tx.ctx, c = tx.c
        let date = new.orderDate ?? ctx.today
        let imported = note != nil && !readBack
        var customerName = "", language: String?
        let skus = Set(new.lines.map(\.sku)).sorted()
        var free: [String: Int] = [:], names: [String: String] = [:], waiting: [String: Int] = [:]
        // The items locked and read in one statement, in SKU order as `lockItems` takes them (an import holds the
        // table already), and a clerk's order's customer read by it too: one round trip.
        let items = "SELECT sku, on_hand - allocated - picked AS free, name, backordered FROM item WHERE sku = ANY($1) ORDER BY sku" // not prose: SQL
        if imported {
            for r in try await c.rows(PostgresQuery(unsafeSQL: items, binds: try PostgresOperationTx.binds(skus))) {
                let (sku, f, name, w) = try r.decode((String, Int, String, Int).self)
                free[sku] = f; names[sku] = name; waiting[sku] = w
            }
        } else {
            let rows = try await c.rows(PostgresQuery(unsafeSQL: """
                SELECT c.name, c.language, i.sku, i.free, i.name, i.backordered
                FROM (SELECT name, language FROM customer WHERE code = $2) c LEFT JOIN LATERAL (\(items) FOR UPDATE) i ON true
                """, binds: try PostgresOperationTx.binds(skus, new.customer)))
            guard !rows.isEmpty else { throw BackorderError.notFound(.t(StoreText.unknownCustomer, new.customer)) }
            for r in rows {
                let v = try r.decode((String, String?, String?, Int?, String?, Int?).self)
                (customerName, language) = (v.0, v.1)
                guard let sku = v.2, let f = v.3, let name = v.4, let w = v.5 else { continue }
                free[sku] = f; names[sku] = name; waiting[sku] = w
            }
        }
        tx.locked.formUnion(free.keys)
        if let unknown = new.lines.first(where: { free[$0.sku] == nil }) { throw BackorderError.notFound(.t(StoreText.unknownSKU, unknown.sku)) }
        if !imported, let n = new.number, try await tx.exists("SELECT 1 FROM orders WHERE number = \(n)") {
            throw BackorderError.refused(.t(StoreText.orderExists, n))
        }
        let planned = zip(new.lines, Rules.allocateNewLines(new.lines, free: free)).map { line, q in
            (sku: line.sku, delta: Delta(ordered: q.ordered, allocated: q.allocated, backordered: q.backordered))
        }
        let orderId: Int64, number: String, ids: (lineIds: [Int64], movementIds: [Int64])
        if let n = new.number {
            // A number given (by the clerk, or the import's): the id taken and the note written by the insert itself.
            number = n
            orderId = try await c.rows(PostgresQuery(unsafeSQL: """
                INSERT INTO orders (id, number, customer, order_date, priority, policy, created_at, note)
                VALUES (\(tx.newId("orders")), $1, $2, $3, $4, $5, $6, $7) RETURNING id
                """, binds: try PostgresOperationTx.binds(n, new.customer, date.iso, new.priority, new.policy.rawValue, ctx.now.unixTime,
                                                        note ?? ""))).first?.decode(Int64.self) ?? 0
            ids = try await tx.insertNewLines(orderId: orderId, number: number, priority: new.priority, date: date.iso, planned)
        } else {
            // The order, its lines and their journal rows in one statement (unless its number was taken by hand).
            let head = try await tx.insertNewNumbered("orders", prefix: "SO-", also: { n in
                tx.newLines(first: n, priority: new.priority, date: date.iso, planned)
            }) { id, number in """
                INSERT INTO orders (id, number, customer, order_date, priority, policy, created_at, note)
                VALUES (\(unescaped: id), \(unescaped: number), \(new.customer), \(date.iso), \(new.priority), \(new.policy.rawValue),
                        \(ctx.now.unixTime), \(note ?? ""))
                """ }
            (orderId, number) = (head.id, head.number)
            if let row = head.also {
                ids = try tx.recordNewLines(row.makeRandomAccess(), from: 2, orderId: orderId, number: number, priority: new.priority,
                                            date: date.iso, planned)
            } else {
                ids = try await tx.insertNewLines(orderId: orderId, number: number, priority: new.priority, date: date.iso, planned)
            }
        }
        var freeAfter = free
        for p in planned { freeAfter[p.sku, default: 0] -= p.delta.allocated }
        tx.newOrder = .init(orderId: orderId, waitingBefore: waiting,
                            nothingToAllocate: freeAfter.allSatisfy { sku, units in units == 0 || waiting[sku] == 0 }, reportsDates: readBack)
        try await tx.finish()
        guard readBack, tx.allocations.isEmpty else { return (orderId, number, nil) }
        let order = Order(id: orderId, number: number, customerCode: new.customer, customerName: customerName, orderDate: date,
                          priority: new.priority, policy: new.policy, closedAt: nil, version: 1)
        var lines: [OrderDetail.Line] = [], history: [Movement] = []
        var asked: [Fetch.WaitingAsked] = []
        for (i, p) in planned.enumerated() {
            let d = p.delta
            let promised: Day?
            if d.backordered > 0 {
                guard let stored = tx.promisedWritten[ids.lineIds[i]] else { return (orderId, number, nil) }
                promised = PostgresPegging.day(stored)
            } else {
                promised = nil
            }
            let line = OrderLine(id: ids.lineIds[i], lineNo: i + 1, sku: p.sku, itemName: names[p.sku] ?? "",
                                 quantities: LineQuantities(ordered: d.ordered, allocated: d.allocated, backordered: d.backordered))
            if d.backordered > 0 { asked.append((line, (new.priority, date.iso, number, i + 1), promised)) }
            lines.append(.init(line: line, promised: promised, expected: nil))
            history.append(Movement(id: ids.movementIds[i], at: ctx.now, actor: ctx.actor, kind: .order, sku: p.sku, quantity: d.ordered,
                                    delta: d, orderNumber: number, lineNo: i + 1, arrivalReference: nil, document: nil, note: ""))
        }
        // Every waiting line's expected parts in at most two statements (the arrivals re-pegging read are kept).
        let parts = try await Fetch.expectedParts(c, asked, known: (tx.openArrivalsRead, tx.openArrivals))
        var partsOf: [Int64: [OrderDetail.ExpectedPart]] = [:]
        for (a, p) in zip(asked, parts) { partsOf[a.line.id] = p }
        lines = lines.map { .init(line: $0.line, promised: $0.promised, expected: partsOf[$0.line.id]) }
        return (orderId, number, OrderDetail(order: order, lines: lines, shipments: [], history: history,
                                     customerLanguage: language.flatMap(Language.init(rawValue:))))
    }

    /// A waiting line's stored promised date (nil: no arrival planned).
    static func promised(_ tx: PostgresOperationTx, lineId: Int64) async throws -> Day? {
        let stored = try await tx.c.rows("""
            SELECT w.promised FROM order_line l JOIN waiting w ON w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date
                AND w.order_no = l.order_no AND w.line_no = l.line_no WHERE l.id = \(lineId)
            """).first?.decode(String?.self) ?? nil
        return PostgresPegging.day(stored)
    }

    /// The open arrival (PO/line) that covers a waiting line's last unit (as the file's `coveringArrival`).
    static func coveringArrival(_ tx: PostgresOperationTx, lineId: Int64) async throws -> String? {
        guard let w = try await tx.c.rows("""
            SELECT w.sku, w.priority, w.order_date, w.order_no, w.line_no FROM order_line l
            JOIN waiting w ON w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date AND w.order_no = l.order_no
                          AND w.line_no = l.line_no
            WHERE l.id = \(lineId)
            """).first else { return nil }
        let (sku, priority, date, orderNo, lineNo) = try w.decode((String, Int, String, String, Int).self)
        let upTo = try await tx.c.rows("""
            SELECT COALESCE(SUM(backordered), 0)::bigint FROM waiting
            WHERE sku = \(sku) AND (\(unescaped: tx.queueKey)) <= (\(priority), \(date), \(orderNo), \(lineNo))
            """).first?.decode(Int.self) ?? 0
        var covered = 0
        for a in try await tx.c.rows("""
            SELECT po_number, po_line, quantity - received FROM arrival WHERE sku = \(sku) AND closed_at IS NULL ORDER BY eta, id
            """) {
            let (po, line, left) = try a.decode((String, Int, Int).self)
            covered += max(0, left)
            if covered >= upTo { return "\(po)/\(line)" }
        }
        return nil
    }
}
