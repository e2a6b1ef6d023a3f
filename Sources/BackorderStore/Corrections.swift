import BackorderCore
import GRDB

/// The everyday exceptions, each one transaction with its consequences reported. With `preview` the operation runs in
/// full and is rolled back: a dialog shows exactly what confirming would change.
extension Warehouse {
    /// Thrown to roll a preview back with what it found.
    private struct PreviewRollback: Error { var result: CorrectionResult }

    /// Runs `body` as one operation that reports its consequences; rolls it back when `preview`.
    func correction(preview: Bool, ctx: Context, _ body: (Database, OperationTx) throws -> (summary: LocalText, units: Int)) throws -> CorrectionResult {
        do {
            return try write { db in
                let tx = operation(db, ctx)
                tx.collectsConsequences = true
                let (summary, units) = try body(db, tx)
                try tx.finish()
                let result = CorrectionResult(summaryText: summary, units: units, consequences: try tx.consequences(), preview: preview)
                if preview { throw PreviewRollback(result: result) }
                return result
            }
        } catch let p as PreviewRollback {
            return p.result
        }
    }

    // MARK: cancel and put back

    /// Cancels what is open on one line, or on every line when `lineNo` is nil (`scope`: everything not picked, or only
    /// the backordered remainder). Freed allocated units go to waiting lines as a receipt would give them.
    @discardableResult
    public func cancel(order number: String, lineNo: Int?, scope: CancelScope = .open, reason: String, expectedVersion: Int? = nil,
                       preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.cancellationReason))
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            let moves = try Rules.planCancel(lines: lines, lineNo: lineNo, scope: scope)
            for m in moves { try tx.apply(m, .init(orderId: order.id, note: reason)) }
            let units = moves.reduce(0) { $0 + $1.quantity }
            return (lineNo.map { .t(StoreText.cancelledLine, units, number, Plain($0)) } ?? .t(StoreText.cancelled, units, number), units)
        }
    }

    /// Puts picked (not shipped) units back on the shelf: they are allocated to their line again, ready to pick anew
    /// (or to cancel). `entries == nil` puts back everything picked on the order.
    @discardableResult
    public func putBack(order number: String, entries: [PutBackEntry]?, reason: String, expectedVersion: Int? = nil,
                        preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            let moves = try Rules.planPutBack(lines: lines, entries: entries)
            for m in moves { try tx.apply(m, .init(orderId: order.id, note: reason)) }
            let units = moves.reduce(0) { $0 + $1.quantity }
            return (.t(StoreText.putBack, units, number), units)
        }
    }

    // MARK: the order's header

    /// Changes an open order's priority, ship policy or note. A new priority moves its waiting lines in their queues at
    /// once; promised dates of every order on those SKUs are re-pegged and moved dates told.
    @discardableResult
    public func changeOrder(_ number: String, _ changes: OrderChanges, reason: String, expectedVersion: Int? = nil,
                            preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        if let p = changes.priority { try Validate.priority(p) }
        if let n = changes.note { try Validate.text(n, LocalText.t(FieldText.note), required: false) }
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        guard !changes.isEmpty else { throw BackorderError.invalid(.t(StoreText.nothingToChange)) }
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let (order, _) = try openOrder(db, number, expectedVersion: expectedVersion)
            let said = try changeHeader(db, tx, order: order, changes, reason: reason)
            guard !said.isEmpty else { throw BackorderError.refused(.t(StoreText.alreadyThatHeader, number)) }
            return (.t(StoreText.headerChanged, number, said.joined(separator: ", ")), 0)
        }
    }

    /// Writes header changes and their records; returns what changed, worded ("priority 5 → 1").
    func changeHeader(_ db: Database, _ tx: OperationTx, order: Order, _ changes: OrderChanges, reason: String) throws -> [LocalText] {
        let oldNote = try String.fetchOne(db, sql: "SELECT note FROM orders WHERE id = ?", arguments: [order.id]) ?? ""
        var fields: [(String, String, String)] = []
        var policies: (from: ShipPolicy, to: ShipPolicy)?
        if let p = changes.priority, p != order.priority { fields.append(("priority", "\(order.priority)", "\(p)")) }
        if let p = changes.policy, p != order.policy { fields.append(("policy", order.policy.rawValue, p.rawValue)); policies = (order.policy, p) }
        if let n = changes.note, n != oldNote { fields.append(("note", oldNote, n)) }
        guard !fields.isEmpty else { return [] }
        for (field, old, new) in fields {
            try db.execute(sql: "INSERT INTO order_change (order_id, at, actor, field, old, new, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [order.id, tx.ctx.now.unixTime, tx.ctx.actor, field, old, new, reason])
        }
        try db.execute(sql: "UPDATE orders SET priority = ?, policy = ?, note = ?, version = version + 1 WHERE id = ?",
                       arguments: [changes.priority ?? order.priority, (changes.policy ?? order.policy).rawValue, changes.note ?? oldNote, order.id])
        if let p = changes.priority, p != order.priority {
            // The queue's key holds the priority: each waiting line moves to its new place, then its SKU is re-pegged.
            let waiting = try Row.fetchAll(db, sql: """
                SELECT sku, order_date, order_no, line_no FROM order_line WHERE order_id = ? AND backordered > 0
                """, arguments: [order.id])
            try db.execute(sql: "UPDATE order_line SET priority = ? WHERE order_id = ?", arguments: [p, order.id])
            for r in waiting {
                try db.execute(sql: """
                    UPDATE waiting SET priority = ? WHERE sku = ? AND priority = ? AND order_date = ? AND order_no = ? AND line_no = ?
                    """, arguments: [p, r["sku"], order.priority, r["order_date"], r["order_no"], r["line_no"]])
                tx.touch(sku: r["sku"])
            }
        }
        return fields.map { field, old, new -> LocalText in
            switch field {
            case "note": return .t(StoreText.headerNote, new)
            case "priority": return .t(StoreText.headerPriority, old, new)
            default: return policies.map { .t(StoreText.headerPolicy, $0.from.localName, $0.to.localName) } ?? .t(StoreText.headerPolicy, old, new)
            }
        }
    }

    // MARK: giving stock to an urgent order

    /// Lines of other open orders holding allocated (not picked) units of `sku`, in the order they are proposed as
    /// donors: least urgent first, newest first.
    public func donorCandidates(sku: String, excludingOrder: String?) throws -> [DonorCandidate] {
        try read { db in try candidates(db, sku: sku, excluding: excludingOrder) }
    }

    func candidates(_ db: Database, sku: String, excluding: String?) throws -> [DonorCandidate] {
        _ = try fetchItem(db, sku)
        // Open lines are indexed by age with their SKU: the index is read, and only this SKU's lines are looked up.
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.order_no, c.name, l.line_no, l.priority, l.order_date, l.allocated
            FROM order_line l INDEXED BY line_open_age JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
            WHERE \(Warehouse.openLine) AND l.sku = ? AND l.allocated > 0 AND l.order_no IS NOT ?
            """, arguments: [sku, excluding])
        return rows.map {
            DonorCandidate(orderNumber: $0[0], customerName: $0[1], lineNo: $0[2], priority: $0[3], orderDate: day($0[4]), allocated: $0[5])
        }.sorted(by: Rules.donorBefore)
    }

    /// Moves allocated units from donor lines (of other open orders) to a waiting line of `number`: the donors' units
    /// become backordered and rejoin the queue in their normal place, with new promised dates. `donors == nil` takes the
    /// proposed donors for `quantity` (default: all the line waits for).
    @discardableResult
    public func reallocate(to number: String, lineNo: Int, from donors: [DonorLine]?, quantity: Int? = nil, reason: String,
                           expectedVersion: Int? = nil, preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        if let quantity { try Validate.positive(quantity, LocalText.t(FieldText.reallocateQuantity)) }
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo))) }
            let units = try give(db, tx, to: order, line, donors: donors, quantity: quantity, reason: reason, partialOK: false)
            return (.t(StoreText.gaveUnits, units, line.sku, number, Plain(lineNo)), units)
        }
    }

    /// "Serve this order first": priority 1, and every waiting line given what the proposed donors hold.
    @discardableResult
    public func expedite(_ number: String, reason: String, expectedVersion: Int? = nil, preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { db, tx in
            var (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            var said = try changeHeader(db, tx, order: order, OrderChanges(priority: 1), reason: reason)
            order.priority = 1
            var total = 0
            for line in lines where line.quantities.backordered > 0 {
                let fresh = try fetchLines(db, orderId: order.id).first { $0.id == line.id }!
                total += try give(db, tx, to: order, fresh, donors: nil, quantity: nil, reason: reason, partialOK: true)
            }
            if total > 0 { said.append(.t(StoreText.givenFromOthers, total)) }
            guard !said.isEmpty else {
                throw BackorderError.refused(.t(StoreText.alreadyFirst, number))
            }
            return (.t(StoreText.servedFirst, number, said.joined(separator: ", ")), total)
        }
    }

    /// Journals the move of allocated units from donors to a waiting line; returns the units moved.
    private func give(_ db: Database, _ tx: OperationTx, to order: Order, _ line: OrderLine, donors: [DonorLine]?, quantity: Int?,
                      reason: String, partialOK: Bool) throws -> Int {
        let wanted = try Giving.wanted(order: order.number, line: line, quantity: quantity)
        let candidates = donors == nil ? try candidates(db, sku: line.sku, excluding: order.number) : []
        let chosen = try Giving.chosen(donors, candidates: candidates, wanted: wanted, sku: line.sku, partialOK: partialOK)
        var seen = Set<String>()
        var planned: [(orderId: Int64, line: OrderLine, donor: DonorLine)] = []
        for d in chosen {
            try Giving.precheck(d, seen: &seen, receiving: order.number)
            let (donorOrder, donorLines) = try openOrder(db, d.orderNumber, expectedVersion: nil)
            planned.append((donorOrder.id, try Giving.donorLine(d, in: donorLines, sku: line.sku), d))
        }
        let moves = try Giving.movements(to: order.id, number: order.number, line, from: planned, reason: reason)
        for m in moves { try tx.apply(m.movement, .init(orderId: m.orderId, note: m.note)) }
        return planned.reduce(0) { $0 + $1.donor.quantity }
    }

    // MARK: amending lines

    /// Changes a line's ordered quantity. Up: the extra is allocated from free stock or backordered. Down: backordered
    /// units go first, then allocated ones, which are freed for waiting lines.
    @discardableResult
    public func amendLine(order number: String, lineNo: Int, quantity: Int, reason: String, expectedVersion: Int? = nil,
                          preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo))) }
            let item = try fetchItem(db, line.sku)
            let m = try Rules.planAmend(line: line, quantity: quantity, free: item.free)
            try tx.apply(m, .init(orderId: order.id, note: reason))
            return (.t(StoreText.amended, number, Plain(lineNo), line.sku, line.quantities.ordered, quantity), quantity)
        }
    }

    /// Adds a line to an open order: allocated from free stock at once, the shortfall backordered, as a new order's lines.
    @discardableResult
    public func addLine(order number: String, sku: String, quantity: Int, reason: String, expectedVersion: Int? = nil,
                        preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.identifier(sku, LocalText.t(FieldText.sku))
        try Validate.positive(quantity, LocalText.t(FieldText.quantity))
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            let item = try fetchItem(db, sku)
            let lineNo = (lines.map(\.lineNo).max() ?? 0) + 1
            let q = Rules.allocateNewLines([NewOrderLine(sku: sku, quantity: quantity)], free: [sku: item.free])[0]
            try db.execute(sql: """
                INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered) VALUES (?, ?, ?, ?, ?, ?, 0)
                """, arguments: [order.id, lineNo, sku, order.priority, order.orderDate.iso, order.number])
            let lineId = db.lastInsertedRowID
            try tx.apply(PlannedMovement(lineId: lineId, sku: sku, kind: .order, quantity: quantity,
                                         delta: Delta(ordered: quantity, allocated: q.allocated, backordered: q.backordered)),
                         .init(orderId: order.id, note: reason))
            tx.note(.orderChanged, order: order.id)
            return (.t(StoreText.lineAdded, number, Plain(lineNo), quantity, sku, q.allocated, q.backordered), quantity)
        }
    }

    // MARK: receipts and returns

    /// Reverses a receipt booked in error: the stock goes down again, an arrival's outstanding quantity returns, and units
    /// the receipt gave to orders are taken back from lines that have not picked them (they wait again, with dates).
    /// Refused, naming the orders, when some of those units were picked or shipped meanwhile.
    @discardableResult
    public func reverseReceipt(_ number: String, reason: String, preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { db, tx in
            guard let r = try Row.fetchOne(db, sql: "SELECT id, arrival_id, sku, quantity FROM receipt WHERE number = ?", arguments: [number]) else {
                throw BackorderError.notFound(.t(StoreText.noReceipt, number))
            }
            let receiptId: Int64 = r["id"], sku: String = r["sku"], quantity: Int = r["quantity"], arrivalId: Int64? = r["arrival_id"]
            guard try !exists(db, "SELECT 1 FROM receipt_reversal WHERE receipt_id = ?", [receiptId]) else {
                throw BackorderError.refused(.t(StoreText.receiptReversed, number))
            }
            let item = try fetchItem(db, sku)
            let takeBack = max(0, quantity - item.free)
            var releases: [(line: OrderLine, orderId: Int64, order: String, units: Int)] = []
            if takeBack > 0 {
                // The lines this receipt served, last served first: only units still allocated (not picked) come back.
                let served = try Row.fetchAll(db, sql: """
                    SELECT m.line_id, SUM(m.quantity) AS got, MAX(m.id) AS last, l.order_id, l.order_no, l.line_no, l.allocated, l.picked, l.shipped
                    FROM movement m JOIN order_line l ON l.id = m.line_id
                    WHERE m.receipt_id = ? AND m.kind = 'allocate' GROUP BY m.line_id ORDER BY last DESC
                    """, arguments: [receiptId])
                var left = takeBack
                var holders: [String] = []
                for s in served where left > 0 {
                    let got: Int = s["got"], allocated: Int = s["allocated"]
                    let units = min(left, got, allocated)
                    if units < min(left, got) { holders.append("\(s["order_no"] as String)/\(s["line_no"] as Int)") }
                    guard units > 0 else { continue }
                    let lineId: Int64 = s["line_id"]
                    let line = OrderLine(id: lineId, lineNo: s["line_no"], sku: sku, itemName: item.name,
                                         quantities: LineQuantities(allocated: allocated))
                    releases.append((line, s["order_id"], s["order_no"], units))
                    left -= units
                }
                guard left == 0 else {
                    throw BackorderError.refused(holders.isEmpty ? .t(StoreText.receiptUnitsGone, number, left, quantity)
                                                 : .t(StoreText.receiptUnitsGoneHolders, number, left, quantity, holders.joined(separator: ", ")))
                }
            }
            try db.execute(sql: "INSERT INTO receipt_reversal (receipt_id, quantity, at, actor, reason) VALUES (?, ?, ?, ?, ?)",
                           arguments: [receiptId, quantity, ctx.now.unixTime, ctx.actor, reason])
            var reopened: (arrival: String, expects: Int)?
            if let arrivalId {
                let a = try Row.fetchOne(db, sql: "SELECT quantity, received, closed_at IS NOT NULL AS closed, po_number, po_line FROM arrival WHERE id = ?",
                                         arguments: [arrivalId])!
                let aq: Int = a["quantity"], received: Int = a["received"], closed: Bool = a["closed"]
                let before = closed ? 0 : max(0, aq - received)
                let nowReceived = received - quantity
                let open = nowReceived < aq
                let after = open ? aq - nowReceived : 0
                try db.execute(sql: "UPDATE arrival SET received = ?, closed_at = CASE WHEN ? THEN NULL ELSE closed_at END WHERE id = ?",
                               arguments: [nowReceived, open, arrivalId])
                try db.execute(sql: "UPDATE item SET incoming = incoming + ? WHERE sku = ?", arguments: [after - before, sku])
                if closed && open { reopened = ("\(a["po_number"] as String)/\(a["po_line"] as Int)", after) }
                tx.touch(sku: sku)
            }
            for rel in releases {
                try tx.apply(PlannedMovement(lineId: rel.line.id, sku: sku, kind: .release, quantity: rel.units,
                                             delta: Delta(allocated: -rel.units, backordered: rel.units)),
                             .init(orderId: rel.orderId, receiptId: receiptId, note: "receipt \(number) reversed: \(reason)")) // not prose: stored journal note
            }
            try tx.apply(PlannedMovement(lineId: nil, sku: sku, kind: .receiptReversal, quantity: quantity, delta: Delta(onHand: -quantity)),
                         .init(arrivalId: arrivalId, receiptId: receiptId, note: reason))
            return (reopened.map { .t(StoreText.reversedReopened, number, quantity, sku, $0.arrival, $0.expects) } ?? .t(StoreText.reversed, number, quantity, sku), quantity)
        }
    }

    /// Shipped units of an order line came back from the customer: restocked (stock rises and waiting lines are served)
    /// or scrapped. The shipments stay as they were; a line can never return more than it shipped.
    @discardableResult
    public func returnUnits(order number: String, lineNo: Int, quantity: Int, restock: Bool, reason: String,
                            preview: Bool = false, ctx: Context) throws -> CorrectionResult {
        try Validate.positive(quantity, LocalText.t(FieldText.returnedQuantity))
        try Validate.text(reason, LocalText.t(FieldText.reason))
        return try correction(preview: preview, ctx: ctx) { db, tx in
            let order = try fetchOrder(db, number)
            guard let line = try fetchLines(db, orderId: order.id).first(where: { $0.lineNo == lineNo }) else {
                throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo)))
            }
            let returned = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(quantity), 0) FROM movement INDEXED BY movement_return WHERE line_id = ? AND kind = 'return'",
                                            arguments: [line.id]) ?? 0
            let returnable = line.quantities.shipped - returned
            guard quantity <= returnable else {
                throw BackorderError.refused(.t(returned > 0 ? StoreText.returnTooMuchAgain : .returnTooMuch, number, Plain(lineNo), line.sku,
                                                line.quantities.shipped, quantity, returned))
            }
            try tx.apply(PlannedMovement(lineId: line.id, sku: line.sku, kind: .return, quantity: quantity, delta: Delta(onHand: restock ? quantity : 0)),
                         .init(orderId: order.id, note: (restock ? "restocked: " : "scrapped: ") + reason)) // not prose: stored journal note
            return (.t(restock ? StoreText.returnedRestocked : .returnedScrapped, quantity, line.sku, number, Plain(lineNo)), quantity)
        }
    }

    /// Units of each line of an order that came back from the customer, by line number.
    func returnedUnits(_ db: Database, orderId: Int64) throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT l.line_no, SUM(m.quantity) FROM order_line l JOIN movement m INDEXED BY movement_return ON m.line_id = l.id AND m.kind = 'return'
            WHERE l.order_id = ? GROUP BY l.line_no
            """, arguments: [orderId]) { out[r[0]] = r[1] }
        return out
    }
}
