import BackorderCore
import PostgresNIO

/// Giving stock to an urgent order on the server, as the SQLite store's `reallocate`, `expedite` and `give`.
extension PostgresWarehouse {
    public func reallocate(to number: String, lineNo: Int, from donors: [DonorLine]?, quantity: Int?, reason: String, expectedVersion: Int?,
                           preview: Bool, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        if let quantity { try Validate.positive(quantity, LocalText.t(FieldText.reallocateQuantity)) }
        return try correction(preview: preview, ctx: ctx) { tx in
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo))) }
            let units = try await Self.give(tx, to: order, line, donors: donors, quantity: quantity, reason: reason, partialOK: false)
            return (.t(StoreText.gaveUnits, units, line.sku, number, Plain(lineNo)), units)
        }
    }

    public func expedite(_ number: String, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { tx in
            var (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            var said = try await Self.changeHeader(tx, order: order, OrderChanges(priority: 1), reason: reason)
            order.priority = 1
            var total = 0
            for line in lines where line.quantities.backordered > 0 {
                let fresh = try await tx.fetchLines(orderId: order.id).first { $0.id == line.id }!
                total += try await Self.give(tx, to: order, fresh, donors: nil, quantity: nil, reason: reason, partialOK: true)
            }
            if total > 0 { said.append(.t(StoreText.givenFromOthers, total)) }
            guard !said.isEmpty else { throw BackorderError.refused(.t(StoreText.alreadyFirst, number)) }
            return (.t(StoreText.servedFirst, number, said.joined(separator: ", ")), total)
        }
    }

    /// Lines of other open orders holding allocated units of `sku`, least urgent first, newest first.
    static func candidates(_ tx: PostgresOperationTx, sku: String, excluding: String?) async throws -> [DonorCandidate] {
        _ = try await tx.fetchItem(sku)
        return try await tx.c.rows("""
            SELECT l.order_no, c.name, l.line_no, l.priority, l.order_date, l.allocated
            FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
            WHERE l.ordered - l.shipped - l.cancelled > 0 AND l.sku = \(sku) AND l.allocated > 0 AND l.order_no IS DISTINCT FROM \(excluding)
            """).map { r in
            let v = try r.decode((String, String, Int, Int, String, Int).self)
            return DonorCandidate(orderNumber: v.0, customerName: v.1, lineNo: v.2, priority: v.3, orderDate: Day(iso: v.4) ?? Day(ordinal: 0),
                                  allocated: v.5)
        }.sorted(by: Rules.donorBefore)
    }

    /// Journals the move of allocated units from donors to a waiting line; returns the units moved.
    static func give(_ tx: PostgresOperationTx, to order: Order, _ line: OrderLine, donors: [DonorLine]?, quantity: Int?,
                     reason: String, partialOK: Bool) async throws -> Int {
        let wanted = try Giving.wanted(order: order.number, line: line, quantity: quantity)
        let candidates = donors == nil ? try await candidates(tx, sku: line.sku, excluding: order.number) : []
        let chosen = try Giving.chosen(donors, candidates: candidates, wanted: wanted, sku: line.sku, partialOK: partialOK)
        var seen = Set<String>()
        var planned: [(orderId: Int64, line: OrderLine, donor: DonorLine)] = []
        for d in chosen {
            try Giving.precheck(d, seen: &seen, receiving: order.number)
            // The donor line is of this line's SKU, whose item is held: nothing more is locked (locking the donor's other
            // items or its order here would take them out of the fixed order, and clerks would deadlock).
            let (donorOrder, donorLines) = try await tx.openOrderUnderItemLock(d.orderNumber)
            planned.append((donorOrder.id, try Giving.donorLine(d, in: donorLines, sku: line.sku), d))
        }
        let moves = try Giving.movements(to: order.id, number: order.number, line, from: planned, reason: reason)
        for m in moves { try await tx.apply(m.movement, .init(orderId: m.orderId, note: m.note)) }
        return planned.reduce(0) { $0 + $1.donor.quantity }
    }
}
