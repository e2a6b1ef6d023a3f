import BackorderCore
import PostgresNIO

/// The everyday operations on the server, each one READ COMMITTED transaction doing what the SQLite store's
/// Operations.swift does: the same rows, journal, notices and promised dates, the same results and refusals.
extension PostgresWarehouse {
    /// Runs one operation in one transaction and raises the revision (other sessions reload on it). A preview runs
    /// the same work inside a savepoint it rolls back: nothing stays, and the revision does not move.
    func operate<T: Sendable>(_ ctx: Context, preview: Bool = false,
                              _ body: @escaping @Sendable (PostgresOperationTx) async throws -> T) throws -> T {
        if !preview { try requireWritable() }
        let bytewise = reads.bytewise
        return try bridge.transaction(.readCommitted) { c in
            if preview { try await c.rows("SAVEPOINT preview") }
            let tx = PostgresOperationTx(c, ctx, preview: preview, bytewise: bytewise)
            let result = try await body(tx)
            try await tx.writePending() // nothing held is left out of the commit (`finish` writes all it holds)
            if preview {
                try await c.rows("ROLLBACK TO SAVEPOINT preview")
            } else if !tx.touched {
                // Raised at commit (PostgresTriggers.tally): the revision's row is not held over a round trip.
                try await c.rows("SELECT backorders_touch()")
            }
            return result
        }
    }

    /// A correction or a preview of one: the work, then its consequences read before the end (as the file's `correction`).
    func correction(preview: Bool, ctx: Context,
                    _ body: @escaping @Sendable (PostgresOperationTx) async throws -> (summary: LocalText, units: Int)) throws -> CorrectionResult {
        try operate(ctx, preview: preview) { tx in
            tx.collectsConsequences = true
            let (summary, units) = try await body(tx)
            try await tx.finish()
            return CorrectionResult(summaryText: summary, units: units, consequences: try await tx.consequences(), preview: preview)
        }
    }

    public func pick(order number: String, entries: [PickEntry]?, expectedVersion: Int?, ctx: Context) throws -> PickResult {
        try operate(ctx) { tx in
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            let moves = try Rules.planPick(lines: lines, entries: entries)
            // Written along with the items' write that `finish` begins with: one round trip for both.
            try await tx.apply(moves.map { m in
                (m, .init(orderId: order.id, note: m.kind == .shortPick ? "short pick: shelf had less than the books" : "")) // not prose: stored journal note
            }, deferred: true)
            try await tx.finish()
            return PickResult(orderNumber: number,
                              picked: moves.filter { $0.kind == .pick }.reduce(0) { $0 + $1.quantity },
                              missing: moves.filter { $0.kind == .shortPick }.reduce(0) { $0 + $1.quantity },
                              reallocated: tx.allocations)
        }
    }

    public func ship(order number: String, override: Bool, expectedVersion: Int?, ctx: Context) throws -> Shipment {
        try operate(ctx) { tx in
            let (order, lines) = try await tx.openOrder(number, expectedVersion: expectedVersion)
            let moves = try Rules.planShipment(policy: order.policy, lines: lines, override: override)
            let isPartial = lines.contains { $0.quantities.allocated + $0.quantities.backordered > 0 }
            let overridden = order.policy == .complete && isPartial
            if isPartial { tx.note(.partiallyShipped, order: order.id) }
            let lineIds = moves.compactMap(\.lineId), quantities = moves.map(\.quantity)
            let lineSkus = moves.compactMap { $0.lineId == nil ? nil : $0.sku }
            // Lines that received units from a receipt after they waited: a backorder filled and shipped. By SKU and
            // line, as the allocations' index is kept (by line alone it read the whole journal's allocations).
            func servedAfterWaiting(_ lines: Int, _ skus: Int) -> String { """
                ARRAY(SELECT u.l FROM unnest($\(skus)::text[], $\(lines)::bigint[]) AS u(s, l)
                      WHERE EXISTS (SELECT 1 FROM movement m WHERE m.kind = 'allocate' AND m.sku = u.s AND m.line_id = u.l))
                """ }
            // The shipment, its lines, and which of them were served after they waited: one statement.
            let head = try await tx.insertNewNumbered("shipment", prefix: "SH-", also: { n in
                .init(ctes: """
                    , written AS (
                        INSERT INTO shipment_line (shipment_id, line_id, quantity) SELECT s.id, u.l, u.q FROM s, unnest($\(n)::bigint[], $\(n + 1)::bigint[]) AS u(l, q)
                    )
                    """, columns: servedAfterWaiting(n, n + 2), binds: [lineIds, quantities, lineSkus])
            }) { id, number in """
                INSERT INTO shipment (id, number, order_id, at, actor, overridden)
                VALUES (\(unescaped: id), \(unescaped: number), \(order.id), \(ctx.now.unixTime), \(ctx.actor), \(overridden ? 1 : 0))
                """ }
            let shipmentId = head.id, shipmentNumber = head.number
            var served = Set<Int64>()
            if let row = head.also {
                served.formUnion(try row.makeRandomAccess()[2].decode([Int64].self))
            } else {
                // The number was taken by hand: the shipment went in by a statement of its own, its lines follow here.
                let row = try await tx.c.rows(PostgresQuery(unsafeSQL: """
                    WITH written AS (
                        INSERT INTO shipment_line (shipment_id, line_id, quantity) SELECT $1, u.l, u.q FROM unnest($2::bigint[], $3::bigint[]) AS u(l, q)
                    )
                    SELECT \(servedAfterWaiting(2, 4))
                    """, binds: try PostgresOperationTx.binds(shipmentId, lineIds, quantities, lineSkus))).first
                served.formUnion(try row?.decode([Int64].self) ?? [])
            }
            var shipped: [Shipment.Line] = []
            for m in moves {
                if let id = m.lineId, served.contains(id) { tx.note(.backorderShipped, order: order.id) }
                let line = lines.first { $0.id == m.lineId }!
                shipped.append(.init(lineNo: line.lineNo, sku: line.sku, quantity: m.quantity))
            }
            // Written along with the items' write that `finish` begins with: one round trip for both.
            try await tx.apply(moves.map { ($0, .init(orderId: order.id, shipmentId: shipmentId)) }, deferred: true)
            try await tx.finish()
            return Shipment(number: shipmentNumber, orderNumber: number, at: ctx.now, actor: ctx.actor, overridden: overridden, lines: shipped)
        }
    }

    // MARK: arrivals and receipts

    public func addArrival(_ a: NewArrival, ctx: Context) throws -> Arrival {
        try Validate.newArrival(a)
        return try operate(ctx) { tx in
            let arrival = try await Self.insertArrival(tx, a)
            try await tx.finish()
            return arrival
        }
    }

    /// Writes an expected arrival inside an operation: its SKU is re-pegged when `tx` finishes.
    static func insertArrival(_ tx: PostgresOperationTx, _ a: NewArrival) async throws -> Arrival {
        try await tx.lockItems([a.sku])
        _ = try await tx.fetchItem(a.sku)
        guard try await !tx.exists("SELECT 1 FROM arrival WHERE po_number = \(a.poNumber) AND po_line = \(a.poLine)") else {
            throw BackorderError.refused(.t(StoreText.arrivalExists, "\(a.poNumber)/\(a.poLine)"))
        }
        let id = try await tx.c.rows(PostgresQuery(unsafeSQL: """
            INSERT INTO arrival (id, supplier, po_number, po_line, sku, quantity, eta, created_at)
            VALUES (\(tx.newId("arrival")), $1, $2, $3, $4, $5, $6, $7) RETURNING id
            """, binds: try PostgresOperationTx.binds(a.supplier, a.poNumber, a.poLine, a.sku, a.quantity, a.eta.iso, tx.ctx.now.unixTime)))
            .first?.decode(Int64.self) ?? 0
        try await tx.c.rows("UPDATE item SET incoming = incoming + \(a.quantity) WHERE sku = \(a.sku)")
        tx.touch(sku: a.sku)
        return Arrival(id: id, supplier: a.supplier, poNumber: a.poNumber, poLine: a.poLine, sku: a.sku, quantity: a.quantity,
                       received: 0, eta: a.eta, closedAt: nil)
    }

    public func changeETA(arrival reference: String, to eta: Day, reason: String, ctx: Context) throws {
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        try operate(ctx) { tx in
            try await Self.moveETA(tx, reference, to: eta, reason: reason)
            try await tx.finish()
        }
    }

    public func previewETAChange(arrival reference: String, to eta: Day, reason: String, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        return try correction(preview: true, ctx: ctx) { tx in
            try await Self.moveETA(tx, reference, to: eta, reason: reason)
            return (.t(StoreText.moveETA, reference, eta), 0)
        }
    }

    static func moveETA(_ tx: PostgresOperationTx, _ reference: String, to eta: Day, reason: String) async throws {
        let a = try await tx.fetchArrival(reference)
        guard a.isOpen else { throw BackorderError.refused(.t(StoreText.arrivalClosed, a.reference)) }
        guard a.eta != eta else { throw BackorderError.refused(.t(StoreText.arrivalSameETA, a.reference, eta)) }
        try await tx.c.rows(PostgresQuery(unsafeSQL: """
            INSERT INTO eta_change (id, arrival_id, old_eta, new_eta, at, actor, reason) VALUES (\(tx.newId("eta_change")), $1, $2, $3, $4, $5, $6)
            """, binds: try PostgresOperationTx.binds(a.id, a.eta.iso, eta.iso, tx.ctx.now.unixTime, tx.ctx.actor, reason)))
        try await tx.c.rows("UPDATE arrival SET eta = \(eta.iso) WHERE id = \(a.id)")
        tx.touch(sku: a.sku)
    }

    public func receive(arrival reference: String?, sku: String?, quantity: Int, note: String, ctx: Context) throws -> ReceiptResult {
        try Validate.positive(quantity, LocalText.t(FieldText.receivedQuantity))
        try Validate.text(note, LocalText.t(FieldText.note), required: false)
        guard (reference == nil) != (sku == nil) else { throw BackorderError.invalid(.t(StoreText.arrivalOrSKU)) }
        return try operate(ctx) { tx in
            let booked = try await Self.book(tx, reference, sku, quantity: quantity, note: note)
            try await tx.finish()
            let free = try await tx.c.rows("SELECT on_hand - allocated - picked FROM item WHERE sku = \(booked.sku)").first?.decode(Int.self) ?? 0
            return ReceiptResult(receiptNumber: booked.number, sku: booked.sku, quantity: quantity, arrivalReference: booked.arrival?.reference,
                                 overReceived: booked.over, arrivalClosed: booked.closed, allocations: tx.allocations, leftFree: free)
        }
    }

    public func previewReceipt(arrival reference: String?, sku: String?, quantity: Int, ctx: Context) throws -> CorrectionResult {
        try Validate.positive(quantity, LocalText.t(FieldText.receivedQuantity))
        guard (reference == nil) != (sku == nil) else { throw BackorderError.invalid(.t(StoreText.arrivalOrSKU)) }
        return try correction(preview: true, ctx: ctx) { tx in
            let booked = try await Self.book(tx, reference, sku, quantity: quantity, note: "")
            return (booked.arrival.map { .t(StoreText.receiveOn, quantity, booked.sku, $0.reference) } ?? .t(StoreText.receiveUnplanned, quantity, booked.sku),
                    quantity)
        }
    }

    /// Writes a receipt and its stock movement; `finish` then gives the units to waiting lines.
    static func book(_ tx: PostgresOperationTx, _ reference: String?, _ sku: String?, quantity: Int, note: String) async throws
        -> (number: String, sku: String, arrival: Arrival?, over: Int, closed: Bool) {
        let ctx = tx.ctx
        var arrival: Arrival?
        let itemSku: String
        if let reference {
            let a = try await tx.fetchArrival(reference)
            guard a.isOpen else { throw BackorderError.refused(.t(StoreText.arrivalClosedExtra, a.reference)) }
            arrival = a; itemSku = a.sku
        } else {
            itemSku = sku!
            try await tx.lockItems([itemSku])
            _ = try await tx.fetchItem(itemSku)
        }
        let (receiptId, number) = try await tx.insertNewNumbered("receipt", prefix: "RC-") { id, number in
            PostgresQuery(unsafeSQL: """
                INSERT INTO receipt (id, number, arrival_id, sku, quantity, at, actor, note) VALUES (\(id), \(number), $1, $2, $3, $4, $5, $6)
                """, binds: try PostgresOperationTx.binds(arrival?.id, itemSku, quantity, ctx.now.unixTime, ctx.actor, note))
        }
        var over = 0, closed = false
        if let a = arrival {
            let outstanding = a.outstanding
            over = max(0, quantity - outstanding)
            closed = quantity >= outstanding
            try await tx.c.rows("""
                UPDATE arrival SET received = received + \(quantity), closed_at = CASE WHEN \(closed) THEN \(ctx.now.unixTime) ELSE closed_at END
                WHERE id = \(a.id)
                """)
            try await tx.c.rows("UPDATE item SET incoming = incoming - \(min(quantity, outstanding)) WHERE sku = \(itemSku)")
        }
        tx.receiptId = receiptId
        try await tx.apply(PlannedMovement(lineId: nil, sku: itemSku, kind: .receive, quantity: quantity, delta: Delta(onHand: quantity)),
                           .init(arrivalId: arrival?.id, receiptId: receiptId, note: note))
        return (number, itemSku, arrival, over, closed)
    }

    // MARK: master data

    public func changeItem(_ sku: String, _ changes: ItemChanges) throws -> [String] {
        try Validate.identifier(sku, LocalText.t(FieldText.sku))
        return try operate(Context(actor: "", now: Timestamp(unixTime: 0), today: Day(ordinal: 0))) { tx in try await Self.changeItem(tx, sku, changes) }
    }

    /// Changes an item's master data inside `tx` (an import runs many in one transaction); the names of the fields changed.
    static func changeItem(_ tx: PostgresOperationTx, _ sku: String, _ changes: ItemChanges) async throws -> [String] {
        try await tx.lockItems([sku])
        let old = try await tx.fetchItem(sku)
        let item = changes.applied(to: old)
        try Validate.masterData(item)
        let supplier = item.supplier.trimmingSpaces
        let changed = [("name", old.name != item.name), ("unit", old.unit != item.unit), ("bin", old.bin != item.bin),
                       ("moq", old.minOrderQty != item.minOrderQty), ("pack", old.packSize != item.packSize),
                       ("supplier", old.supplier != supplier), ("lead time", old.leadTimeDays != item.leadTimeDays)].filter(\.1).map(\.0) // not prose: field keys
        guard !changed.isEmpty else { return [] }
        try await tx.c.rows("""
            UPDATE item SET name = \(item.name), unit = \(item.unit), bin = \(item.bin), min_order_qty = \(item.minOrderQty),
                pack_size = \(item.packSize), supplier = \(supplier), lead_time_days = \(item.leadTimeDays) WHERE sku = \(sku)
            """)
        return changed
    }

    public func changeCustomer(_ code: String, _ changes: CustomerChanges, ctx: Context) throws -> [String] {
        try operate(ctx) { tx in try await Self.changeCustomer(tx, code, changes) }
    }

    /// Changes a customer's details inside `tx`, each changed field journaled; the names of the fields changed.
    static func changeCustomer(_ tx: PostgresOperationTx, _ code: String, _ changes: CustomerChanges) async throws -> [String] {
        guard let r = try await tx.c.rows("SELECT code, name, language, email, contact FROM customer WHERE code = \(code) FOR UPDATE").first else {
            throw BackorderError.notFound(.t(CustomerText.unknownCustomer, code))
        }
        let v = try r.decode((String, String, String?, String?, String?).self)
        let old = Customer(code: v.0, name: v.1, language: v.2.flatMap(Language.init(rawValue:)), email: v.3, contact: v.4)
        let new = changes.applied(to: old)
        try Validate.customer(new)
        let changed = old.changedFields(to: new)
        guard !changed.isEmpty else { return [] }
        try await tx.c.rows("""
            UPDATE customer SET name = \(new.name), language = \(new.language?.rawValue), email = \(new.email), contact = \(new.contact)
            WHERE code = \(code)
            """)
        try await journalCustomer(tx, code, CustomerJournal.changed(from: old, to: new))
        return changed
    }
}
