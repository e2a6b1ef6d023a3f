import BackorderCore
import PostgresNIO

/// The corrections on the server, as the SQLite store's Corrections.swift: planned by the same rules, journaled and
/// told alike, each with its consequences (and a preview that changes nothing).
extension PostgresWarehouse {
    public func cancel(order number: String, lineNo: Int?, scope: CancelScope, reason: String, expectedVersion: Int?, preview: Bool,
                       ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.cancellationReason))
        return try correction(preview: preview, ctx: ctx) { tx in
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            let moves = try Rules.planCancel(lines: lines, lineNo: lineNo, scope: scope)
            for m in moves { try await tx.apply(m, .init(orderId: order.id, note: reason)) }
            let units = moves.reduce(0) { $0 + $1.quantity }
            return (lineNo.map { .t(StoreText.cancelledLine, units, number, Plain($0)) } ?? .t(StoreText.cancelled, units, number), units)
        }
    }

    public func putBack(order number: String, entries: [PutBackEntry]?, reason: String, expectedVersion: Int?, preview: Bool,
                        ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { tx in
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            let moves = try Rules.planPutBack(lines: lines, entries: entries)
            for m in moves { try await tx.apply(m, .init(orderId: order.id, note: reason)) }
            let units = moves.reduce(0) { $0 + $1.quantity }
            return (.t(StoreText.putBack, units, number), units)
        }
    }

    public func changeOrder(_ number: String, _ changes: OrderChanges, reason: String, expectedVersion: Int?, preview: Bool,
                            ctx: Context) throws -> CorrectionResult {
        if let p = changes.priority { try Validate.priority(p) }
        if let n = changes.note { try Validate.text(n, LocalText.t(FieldText.note), required: false) }
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        guard !changes.isEmpty else { throw BackorderError.invalid(.t(StoreText.nothingToChange)) }
        return try correction(preview: preview, ctx: ctx) { tx in
            let (order, _) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            let said = try await Self.changeHeader(tx, order: order, changes, reason: reason)
            guard !said.isEmpty else { throw BackorderError.refused(.t(StoreText.alreadyThatHeader, number)) }
            return (.t(StoreText.headerChanged, number, said.joined(separator: ", ")), 0)
        }
    }

    /// Writes header changes and their records; returns what changed, worded ("priority 5 → 1").
    static func changeHeader(_ tx: PostgresOperationTx, order: Order, _ changes: OrderChanges, reason: String) async throws -> [LocalText] {
        let c = tx.c
        let oldNote = try await c.rows("SELECT note FROM orders WHERE id = \(order.id)").first?.decode(String.self) ?? ""
        var fields: [(String, String, String)] = []
        var policies: (from: ShipPolicy, to: ShipPolicy)?
        if let p = changes.priority, p != order.priority { fields.append(("priority", "\(order.priority)", "\(p)")) } // not prose: a field key
        if let p = changes.policy, p != order.policy { fields.append(("policy", order.policy.rawValue, p.rawValue)); policies = (order.policy, p) } // not prose: a field key
        if let n = changes.note, n != oldNote { fields.append(("note", oldNote, n)) } // not prose: a field key
        guard !fields.isEmpty else { return [] }
        try await c.rows(PostgresQuery(unsafeSQL: """
            INSERT INTO order_change (id, order_id, at, actor, field, old, new, reason)
            SELECT \(tx.newId("order_change", ordinal: "u.ord")), $1, $2, $3, u.f, u.o, u.n, $4
            FROM unnest($5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS u(f, o, n, ord) ORDER BY u.ord
            """, binds: try PostgresOperationTx.binds(order.id, tx.ctx.now.unixTime, tx.ctx.actor, reason, fields.map(\.0), fields.map(\.1),
                                                      fields.map(\.2))))
        try await c.rows("""
            UPDATE orders SET priority = \(changes.priority ?? order.priority), policy = \((changes.policy ?? order.policy).rawValue),
                note = \(changes.note ?? oldNote), version = version + 1 WHERE id = \(order.id)
            """)
        if let p = changes.priority, p != order.priority {
            // The queue's key holds the priority: each waiting line moves to its new place keeping its date (moved
            // before its line, so the line's trigger finds it there), then its SKU is re-pegged.
            let waiting = try await c.rows("""
                SELECT sku, order_date, order_no, line_no FROM order_line WHERE order_id = \(order.id) AND backordered > 0
                """).map { try $0.decode((String, String, String, Int).self) }
            try await c.rows(PostgresQuery(unsafeSQL: """
                UPDATE waiting w SET priority = $1 FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[]) AS u(s, d, n, l)
                WHERE w.sku = u.s AND w.priority = $2 AND w.order_date = u.d AND w.order_no = u.n AND w.line_no = u.l
                """, binds: try PostgresOperationTx.binds(p, order.priority, waiting.map(\.0), waiting.map(\.1), waiting.map(\.2),
                                                          waiting.map(\.3))))
            for w in waiting { tx.touch(sku: w.0) }
            try await c.rows("UPDATE order_line SET priority = \(p) WHERE order_id = \(order.id)")
        }
        return fields.map { field, old, new -> LocalText in
            switch field {
            case "note": return .t(StoreText.headerNote, new) // not prose: a field key
            case "priority": return .t(StoreText.headerPriority, old, new) // not prose: a field key
            default: return policies.map { .t(StoreText.headerPolicy, $0.from.localName, $0.to.localName) } ?? .t(StoreText.headerPolicy, old, new)
            }
        }
    }
}

/// Amending lines, reversing receipts and taking returns on the server, as in the file.
extension PostgresWarehouse {
    public func amendLine(order number: String, lineNo: Int, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool,
                          ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { tx in
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo))) }
            let item = try await tx.fetchItem(line.sku)
            let m = try Rules.planAmend(line: line, quantity: quantity, free: item.free)
            try await tx.apply(m, .init(orderId: order.id, note: reason))
            return (.t(StoreText.amended, number, Plain(lineNo), line.sku, line.quantities.ordered, quantity), quantity)
        }
    }

    public func addLine(order number: String, sku: String, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool,
                        ctx: Context) throws -> CorrectionResult {
        try Validate.identifier(sku, LocalText.t(FieldText.sku))
        try Validate.positive(quantity, LocalText.t(FieldText.quantity))
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        return try correction(preview: preview, ctx: ctx) { tx in
            // The new line's item is locked with the order's, in SKU order.
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion, alsoLocking: [sku])
            let item = try await tx.fetchItem(sku)
            let lineNo = (lines.map(\.lineNo).max() ?? 0) + 1
            let q = Rules.allocateNewLines([NewOrderLine(sku: sku, quantity: quantity)], free: [sku: item.free])[0]
            let lineId = try await tx.c.rows(PostgresQuery(unsafeSQL: """
                INSERT INTO order_line (id, order_id, line_no, sku, priority, order_date, order_no, ordered)
                VALUES (\(tx.newId("order_line")), $1, $2, $3, $4, $5, $6, 0) RETURNING id
                """, binds: try PostgresOperationTx.binds(order.id, lineNo, sku, order.priority, order.orderDate.iso, order.number)))
                .first?.decode(Int64.self) ?? 0
            try await tx.apply(PlannedMovement(lineId: lineId, sku: sku, kind: .order, quantity: quantity,
                                               delta: Delta(ordered: quantity, allocated: q.allocated, backordered: q.backordered)),
                               .init(orderId: order.id, note: reason))
            tx.note(.orderChanged, order: order.id)
            return (.t(StoreText.lineAdded, number, Plain(lineNo), quantity, sku, q.allocated, q.backordered), quantity)
        }
    }

    public func reverseReceipt(_ number: String, reason: String, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { tx in
            let c = tx.c
            guard let r = try await c.rows("SELECT id, arrival_id, sku, quantity FROM receipt WHERE number = \(number)").first else {
                throw BackorderError.notFound(.t(StoreText.noReceipt, number))
            }
            let (receiptId, arrivalId, sku, quantity) = try r.decode((Int64, Int64?, String, Int).self)
            try await tx.lockItems([sku])
            guard try await !tx.exists("SELECT 1 FROM receipt_reversal WHERE receipt_id = \(receiptId)") else {
                throw BackorderError.refused(.t(StoreText.receiptReversed, number))
            }
            let item = try await tx.fetchItem(sku)
            let takeBack = max(0, quantity - item.free)
            var releases: [(line: OrderLine, orderId: Int64, units: Int)] = []
            if takeBack > 0 {
                // The lines this receipt served, last served first: only units still allocated (not picked) come back.
                let served = try await c.rows("""
                    SELECT m.line_id, SUM(m.quantity)::bigint AS got, MAX(m.id) AS last, l.order_id, l.order_no, l.line_no, l.allocated
                    FROM movement m JOIN order_line l ON l.id = m.line_id
                    WHERE m.receipt_id = \(receiptId) AND m.kind = 'allocate'
                    GROUP BY m.line_id, l.order_id, l.order_no, l.line_no, l.allocated ORDER BY last DESC
                    """).map { try $0.decode((Int64, Int, Int64, Int64, String, Int, Int).self) }
                var left = takeBack
                var holders: [String] = []
                for (lineId, got, _, orderId, orderNo, lineNo, allocated) in served where left > 0 {
                    let units = min(left, got, allocated)
                    if units < min(left, got) { holders.append("\(orderNo)/\(lineNo)") }
                    guard units > 0 else { continue }
                    let line = OrderLine(id: lineId, lineNo: lineNo, sku: sku, itemName: item.name, quantities: LineQuantities(allocated: allocated))
                    releases.append((line, orderId, units))
                    left -= units
                }
                guard left == 0 else {
                    throw BackorderError.refused(holders.isEmpty ? .t(StoreText.receiptUnitsGone, number, left, quantity)
                                                 : .t(StoreText.receiptUnitsGoneHolders, number, left, quantity, holders.joined(separator: ", ")))
                }
            }
            try await c.rows(PostgresQuery(unsafeSQL: """
                INSERT INTO receipt_reversal (id, receipt_id, quantity, at, actor, reason) VALUES (\(tx.newId("receipt_reversal")), $1, $2, $3, $4, $5)
                """, binds: try PostgresOperationTx.binds(receiptId, quantity, ctx.now.unixTime, ctx.actor, reason)))
            var reopened: (arrival: String, expects: Int)?
            if let arrivalId {
                let (aq, received, closed, po, poLine) = try await c.rows("""
                    SELECT quantity, received, closed_at IS NOT NULL, po_number, po_line FROM arrival WHERE id = \(arrivalId) FOR UPDATE
                    """).first!.decode((Int, Int, Bool, String, Int).self)
                let before = closed ? 0 : max(0, aq - received)
                let nowReceived = received - quantity
                let open = nowReceived < aq
                let after = open ? aq - nowReceived : 0
                try await c.rows("""
                    UPDATE arrival SET received = \(nowReceived), closed_at = CASE WHEN \(open) THEN NULL ELSE closed_at END WHERE id = \(arrivalId)
                    """)
                try await c.rows("UPDATE item SET incoming = incoming + \(after - before) WHERE sku = \(sku)")
                if closed && open { reopened = ("\(po)/\(poLine)", after) }
                tx.touch(sku: sku)
            }
            for rel in releases {
                try await tx.apply(PlannedMovement(lineId: rel.line.id, sku: sku, kind: .release, quantity: rel.units,
                                                   delta: Delta(allocated: -rel.units, backordered: rel.units)),
                                   .init(orderId: rel.orderId, receiptId: receiptId, note: "receipt \(number) reversed: \(reason)")) // not prose: stored journal note
            }
            try await tx.apply(PlannedMovement(lineId: nil, sku: sku, kind: .receiptReversal, quantity: quantity, delta: Delta(onHand: -quantity)),
                               .init(arrivalId: arrivalId, receiptId: receiptId, note: reason))
            return (reopened.map { .t(StoreText.reversedReopened, number, quantity, sku, $0.arrival, $0.expects) }
                    ?? .t(StoreText.reversed, number, quantity, sku), quantity)
        }
    }

    public func returnUnits(order number: String, lineNo: Int, quantity: Int, restock: Bool, reason: String, preview: Bool,
                            ctx: Context) throws -> CorrectionResult {
        try Validate.positive(quantity, LocalText.t(FieldText.returnedQuantity))
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { tx in
            let order = try await tx.fetchOrder(number)
            guard let seen = try await tx.fetchLines(orderId: order.id).first(where: { $0.lineNo == lineNo }) else {
                throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo)))
            }
            try await tx.lockItems([seen.sku])
            // Read again under the item's lock: what it shipped is settled now.
            let line = try await tx.fetchLines(orderId: order.id).first { $0.id == seen.id } ?? seen
            let returned = try await tx.c.rows("""
                SELECT COALESCE(SUM(quantity), 0)::bigint FROM movement WHERE line_id = \(line.id) AND kind = 'return'
                """).first?.decode(Int.self) ?? 0
            let returnable = line.quantities.shipped - returned
            guard quantity <= returnable else {
                throw BackorderError.refused(.t(returned > 0 ? StoreText.returnTooMuchAgain : .returnTooMuch, number, Plain(lineNo), line.sku,
                                                line.quantities.shipped, quantity, returned))
            }
            try await tx.apply(PlannedMovement(lineId: line.id, sku: line.sku, kind: .return, quantity: quantity, delta: Delta(onHand: restock ? quantity : 0)),
                               .init(orderId: order.id, note: (restock ? "restocked: " : "scrapped: ") + reason)) // not prose: stored journal note
            return (.t(restock ? StoreText.returnedRestocked : .returnedScrapped, quantity, line.sku, number, Plain(lineNo)), quantity)
        }
    }
}
