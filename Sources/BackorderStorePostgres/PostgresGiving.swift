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
        let waits = line.quantities.backordered
        guard waits > 0 else { throw BackorderError.refused(.t(StoreText.waitsForNothingGive, order.number, Plain(line.lineNo), line.sku)) }
        let wanted = quantity ?? waits
        guard wanted <= waits else {
            throw BackorderError.refused(.t(StoreText.waitsForFewer, order.number, Plain(line.lineNo), waits, line.sku, wanted))
        }
        let chosen: [DonorLine]
        if let donors {
            guard !donors.isEmpty else { throw BackorderError.invalid(.t(StoreText.nameADonor)) }
            chosen = donors
        } else {
            chosen = Rules.proposeDonors(try await candidates(tx, sku: line.sku, excluding: order.number), quantity: wanted)
            guard !chosen.isEmpty || partialOK else { throw BackorderError.refused(.t(StoreText.noDonorStock, line.sku)) }
        }
        let total = chosen.reduce(0) { $0 + $1.quantity }
        var seen = Set<String>()
        var planned: [(Order, OrderLine, DonorLine)] = []
        for d in chosen {
            try Validate.positive(d.quantity, LocalText.t(FieldText.quantityFromLine, d.orderNumber, Plain(d.lineNo)))
            guard seen.insert("\(d.orderNumber)/\(d.lineNo)").inserted else {
                throw BackorderError.invalid(.t(StoreText.donorGivenTwice, d.orderNumber, Plain(d.lineNo)))
            }
            guard d.orderNumber != order.number else { throw BackorderError.refused(.t(StoreText.giveToItself)) }
            // The donor line is of this line's SKU, whose item is held: nothing more is locked (locking the donor's other
            // items or its order here would take them out of the fixed order, and clerks would deadlock).
            let (donorOrder, donorLines) = try await tx.openOrderUnderItemLock(d.orderNumber)
            guard let dl = donorLines.first(where: { $0.lineNo == d.lineNo }) else {
                throw BackorderError.notFound(.t(StoreText.orderHasNoLine, d.orderNumber, Plain(d.lineNo)))
            }
            guard dl.sku == line.sku else { throw BackorderError.refused(.t(StoreText.donorOtherSKU, d.orderNumber, Plain(d.lineNo), dl.sku, line.sku)) }
            guard d.quantity <= dl.quantities.allocated else {
                throw BackorderError.refused(.t(dl.quantities.picked > 0 ? StoreText.donorHoldsLessPicked : .donorHoldsLess, d.orderNumber, Plain(d.lineNo),
                                                dl.quantities.allocated, dl.sku, d.quantity))
            }
            planned.append((donorOrder, dl, d))
        }
        guard total <= waits else { throw BackorderError.refused(.t(StoreText.donorsGiveTooMuch, total, order.number, Plain(line.lineNo), waits)) }
        for (donorOrder, dl, d) in planned {
            try await tx.apply(PlannedMovement(lineId: dl.id, sku: dl.sku, kind: .release, quantity: d.quantity,
                                               delta: Delta(allocated: -d.quantity, backordered: d.quantity)),
                               .init(orderId: donorOrder.id, note: "given to \(order.number): \(reason)")) // not prose: the journal's stored note stays language-neutral
        }
        if total > 0 {
            try await tx.apply(PlannedMovement(lineId: line.id, sku: line.sku, kind: .allocate, quantity: total, delta: Delta(allocated: total, backordered: -total)),
                               .init(orderId: order.id, note: "given from " + chosen.map { "\($0.orderNumber)/\($0.lineNo)" }.joined(separator: ", ") + ": \(reason)")) // not prose: stored journal note
        }
        return total
    }
}
