import BackorderCore
import GRDB

/// One operation in progress inside a `BEGIN IMMEDIATE` transaction: journals movements, keeps cached counters in step,
/// gives freed stock to waiting lines and closes orders that are done.
final class OperationTx {
    let db: Database
    let ctx: Context
    /// Counters, re-pegging, closing orders and notices: what the operation did besides its rows (shared with the server's).
    private var ledger = OperationLedger()
    /// What automatic allocation gave out during this operation, in the order it happened.
    private(set) var allocations: [ReceiptResult.Allocation] = []
    /// With `NewOrder.reportsDates`, the promised dates (as stored) that re-pegging wrote during this operation, by line id.
    private(set) var promisedWritten: [Int64: String] = [:]

    /// What placing a new order already knows when it finishes (the core's, shared with the server's store).
    typealias NewOrder = NewOrderFacts
    /// Set by `place` for the order it creates: it has no notice yet, so none is looked for.
    var newOrder: NewOrder?

    /// Set inside a batch: promised dates are recomputed once at its end instead of after each operation.
    let deferred: DeferredPegging?

    /// Set by a receipt: its allocations carry the receipt's id, so a reversal knows which lines it served.
    var receiptId: Int64?
    /// Set by the corrections: each line's change and each moved date are kept to report the consequences.
    var collectsConsequences = false
    private(set) var dateChanges: [Pegging.Change] = []
    private var closedOrderIds: [Int64] = []

    init(db: Database, ctx: Context, deferred: DeferredPegging? = nil) { self.db = db; self.ctx = ctx; self.deferred = deferred }

    struct Refs {
        var orderId: Int64?
        var arrivalId: Int64?
        var shipmentId: Int64?
        var receiptId: Int64?
        var note = ""
        /// The line's place in its SKU's queue, when the movement puts a new line there.
        var queueKey: WaitingQueueKey?
    }

    /// Journals one movement and applies it to its line and (lazily) to its item.
    func apply(_ m: PlannedMovement, _ refs: Refs) throws {
        let d = m.delta
        try db.cachedStatement(sql: """
            INSERT INTO movement (at, actor, kind, sku, quantity, line_id, arrival_id, shipment_id, receipt_id,
                d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [ctx.now.unixTime, ctx.actor, m.kind.rawValue, m.sku, m.quantity, m.lineId, refs.arrivalId,
                                     refs.shipmentId, refs.receiptId, d.ordered, d.allocated, d.picked, d.shipped,
                                     d.backordered, d.cancelled, d.onHand, refs.note])
        if let lineId = m.lineId {
            // The line's place in the waiting queue follows by trigger (Schema.createWaitingTriggers).
            try db.cachedStatement(sql: """
                UPDATE order_line SET ordered = ordered + ?, allocated = allocated + ?, picked = picked + ?, shipped = shipped + ?,
                    backordered = backordered + ?, cancelled = cancelled + ?, version = version + 1
                WHERE id = ?
                """).execute(arguments: [d.ordered, d.allocated, d.picked, d.shipped, d.backordered, d.cancelled, lineId])
        }
        if collectsConsequences, let lineId = m.lineId { ledger.addLineDelta(lineId, d) }
        account(m, refs)
    }

    /// The lines of an order created in this operation (it has no others: the journal reads all of its lines), with
    /// their first journal movements read from them (so counters and journal agree by construction): two statements for
    /// the whole order, not two per line. Returns the lines' ids and their movements' ids, both in line order.
    func insertNewLines(orderId: Int64, number: String, priority: Int, date: String,
                        _ lines: [(sku: String, delta: Delta)]) throws -> (lineIds: [Int64], movementIds: [Int64]) {
        var rows = JSONRows()
        for (i, l) in lines.enumerated() {
            rows.row(); rows.int(i + 1); rows.string(l.sku); rows.int(l.delta.ordered); rows.int(l.delta.allocated); rows.int(l.delta.backordered)
        }
        try db.cachedStatement(sql: """
            INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, backordered)
            SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?2, ?3, ?4,
                   json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]')
            FROM json_each(?5)
            """).execute(arguments: [orderId, priority, date, number, rows.json])
        let ids = try insertedIds(lines.count)
        // The journal rows are read from the lines just written, in line order: the same numbers by construction.
        try db.cachedStatement(sql: """
            INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_ordered, d_allocated, d_backordered)
            SELECT ?1, ?2, 'order', sku, ordered, id, ordered, allocated, backordered FROM order_line WHERE order_id = ?3 ORDER BY line_no
            """).execute(arguments: [ctx.now.unixTime, ctx.actor, orderId])
        let movementIds = try insertedIds(lines.count)
        for (i, l) in lines.enumerated() {
            account(PlannedMovement(lineId: ids[i], sku: l.sku, kind: .order, quantity: l.delta.ordered, delta: l.delta),
                    Refs(orderId: orderId, queueKey: .init(priority: priority, orderDate: date, orderNumber: number, lineNo: i + 1)))
        }
        return (ids, movementIds)
    }

    /// The row ids of the `count` rows the last INSERT ... SELECT wrote, in the order it wrote them. SQLite gives each new
    /// row the largest rowid so far plus one (it guesses only once the largest possible rowid is taken, which our tables,
    /// never given explicit ids, cannot reach): cheaper than RETURNING, which first copies the rows aside.
    private func insertedIds(_ count: Int) throws -> [Int64] {
        guard db.changesCount == count else { throw RowCountMismatch(written: db.changesCount, meant: count) }
        let last = db.lastInsertedRowID
        return (0..<Int64(count)).map { last - Int64(count) + 1 + $0 }
    }

    /// What a journaled movement changes besides its rows: item counters (written at the end), the SKUs to allocate and
    /// re-peg, orders that may close, and what their customers will be told.
    private func account(_ m: PlannedMovement, _ refs: Refs) {
        ledger.account(m, orderId: refs.orderId, queueKey: refs.queueKey)
    }

    /// Records an event for the order's customer notice.
    func note(_ event: NoticeEvent, order: Int64) { ledger.note(event, order: order) }

    /// Marks a SKU whose promised dates must be recomputed (its arrivals changed) even if no quantity moved.
    func touch(sku: String) { ledger.pegSkus.insert(sku) }

    /// Writes the accumulated item counter changes.
    func flushItems() throws {
        let changed = ledger.takeItemDeltas()
        guard !changed.isEmpty else { return }
        // One keyed statement per SKU: an UPDATE ... FROM json_each (one statement for all) costs SQLite twice as much,
        // as it first copies the joined rows aside.
        let statement = try db.cachedStatement(sql: """
            UPDATE item SET on_hand = on_hand + ?, allocated = allocated + ?, picked = picked + ?, backordered = backordered + ?
            WHERE sku = ?
            """)
        for (sku, d) in changed {
            try statement.execute(arguments: [d.onHand, d.allocated, d.picked, d.backordered, sku])
        }
    }

    /// Gives a SKU's free stock to its waiting lines in the stated priority, reading only as many lines as the stock covers.
    func allocateFree(sku: String) throws {
        try flushItems()
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT on_hand - allocated - picked AS free, backordered FROM item WHERE sku = ?"),
                                         arguments: [sku]) else { return }
        let free: Int = row["free"], waitingUnits: Int = row["backordered"]
        guard free > 0, waitingUnits > 0 else { return }
        var waiting: [(line: WaitingLine, orderId: Int64)] = []
        var covered = 0
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT line_id, order_id, order_no, line_no, priority, order_date, backordered FROM waiting
            WHERE sku = ? ORDER BY priority, order_date, order_no, line_no
            """), arguments: [sku])
        while covered < free, let r = try cursor.next() {
            // Columns by position: a receipt reads a thousand of these rows, and lookups by name cost more than the query.
            let w = WaitingLine(lineId: r[0], orderNumber: r[2], lineNo: r[3], priority: r[4],
                                orderDate: Day(iso: r[5] as String) ?? Day(ordinal: 0), backordered: r[6])
            waiting.append((w, r[1]))
            covered += w.backordered
        }
        let byLine = Dictionary(uniqueKeysWithValues: waiting.map { ($0.line.lineId, $0) })
        var grants: [Grant] = []
        for grant in Rules.distribute(free, to: waiting.map(\.line)) {
            guard let w = byLine[grant.lineId] else { continue }
            let filled = grant.quantity == w.line.backordered
            grants.append(Grant(lineId: grant.lineId, quantity: grant.quantity, filled: filled))
            allocations.append(.init(orderNumber: w.line.orderNumber, lineNo: w.line.lineNo, quantity: grant.quantity, lineFilled: filled))
        }
        try journalAllocations(sku: sku, grants)
        try flushItems()
    }

    /// Units given to one waiting line; `filled` when they are all it waited for (as read from the queue in this operation).
    private struct Grant {
        var lineId: Int64
        var quantity: Int
        var filled: Bool
    }

    /// Journals and applies allocations of one SKU's stock to waiting lines: the same rows `apply` would write, in a few
    /// statements instead of two per line (a receipt can serve a thousand lines).
    private func journalAllocations(sku: String, _ grants: [Grant]) throws {
        guard !grants.isEmpty else { return }
        // Journal rows follow the serving order (a test holds it to that): each run of filled lines is one statement,
        // each line served in part (only ever the last) one more. A filled line takes exactly its own backordered units,
        // so its row is read from the line, walked in the list's order: no quantities to pass and pick apart as JSON
        // (json_extract took as long as the rest of the insert).
        var start = 0
        while start < grants.count {
            if grants[start].filled {
                var end = start
                while end < grants.count && grants[end].filled { end += 1 }
                let ids = JSONArgument.ids(grants[start..<end].lazy.map(\.lineId))
                try db.cachedStatement(sql: """
                    INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_allocated, d_backordered, receipt_id)
                    SELECT ?1, ?2, 'allocate', l.sku, l.backordered, l.id, l.backordered, -l.backordered, ?4
                    FROM json_each(?3) j CROSS JOIN order_line l ON l.id = j.value
                    """).execute(arguments: [ctx.now.unixTime, ctx.actor, ids, receiptId])
                guard db.changesCount == end - start else { throw RowCountMismatch(written: db.changesCount, meant: end - start) }
                // Counters move by the same units: a list of ids, which SQLite walks seeking each row, instead of an
                // UPDATE ... FROM the quantities, which copies the joined rows aside first.
                try db.cachedStatement(sql: """
                    UPDATE order_line SET allocated = allocated + backordered, backordered = 0, version = version + 1
                    WHERE id IN (SELECT value FROM json_each(?))
                    """).execute(arguments: [ids])
                guard db.changesCount == end - start else { throw RowCountMismatch(written: db.changesCount, meant: end - start) }
                start = end
            } else {
                let g = grants[start]
                try db.cachedStatement(sql: """
                    INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_allocated, d_backordered, receipt_id)
                    VALUES (?1, ?2, 'allocate', ?3, ?4, ?5, ?4, -?4, ?6)
                    """).execute(arguments: [ctx.now.unixTime, ctx.actor, sku, g.quantity, g.lineId, receiptId])
                try db.cachedStatement(sql: """
                    UPDATE order_line SET allocated = allocated + ?1, backordered = backordered - ?1, version = version + 1 WHERE id = ?2
                    """).execute(arguments: [g.quantity, g.lineId])
                start += 1
            }
        }
        if collectsConsequences {
            for g in grants { ledger.addLineDelta(g.lineId, Delta(allocated: g.quantity, backordered: -g.quantity)) }
        }
        let units = grants.reduce(0) { $0 + $1.quantity }
        ledger.allocated(units, of: sku)
    }

    /// Ends the operation: counters written, freed stock allocated, orders closed when done, promised dates and notices kept.
    func finish() throws {
        try flushItems()
        // Only a SKU with units free on the shelf and lines waiting has anything to give out: asked of all of them at once.
        if newOrder?.nothingToAllocate != true {
            let skus = try String.fetchAll(db.cachedStatement(sql: """
                SELECT sku FROM item WHERE sku IN (SELECT value FROM json_each(?)) AND on_hand - allocated - picked > 0 AND backordered > 0
                """), arguments: [JSONArgument.strings(ledger.touchedSkus.sorted())])
            for sku in skus.sorted() { try allocateFree(sku: sku) }
        }
        for orderId in ledger.closableOrders.sorted() {
            let open = try Int.fetchOne(db.cachedStatement(sql: "SELECT SUM(allocated + picked + backordered) FROM order_line WHERE order_id = ?"),
                                        arguments: [orderId]) ?? 0
            if open == 0 {
                try db.cachedStatement(sql: "UPDATE orders SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                    .execute(arguments: [ctx.now.unixTime, orderId])
                if collectsConsequences && db.changesCount > 0 { closedOrderIds.append(orderId) }
                let told = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM notice WHERE order_id = ?)"), arguments: [orderId]) ?? false
                let said = ledger.events[orderId] ?? []
                if NoticeRules.tellsCompleted(told: told, said: said) { note(.completed, order: orderId) }
            }
        }
        if let deferred {
            deferred.skus.formUnion(ledger.pegSkus)
            deferred.skus.formUnion(ledger.pegFrom.keys)
            deferred.ctx = ctx
        } else {
            for sku in ledger.pegSkus.union(ledger.pegFrom.keys).sorted() {
                let from = ledger.pegSkus.contains(sku) ? nil : ledger.pegFrom[sku]
                // Only lines joining moved the SKU's waiting units (else it would be in ledger.pegSkus): the total follows.
                let total = from == nil ? nil : newOrder?.waitingBefore[sku].map { $0 + ledger.joinedUnits[sku, default: 0] }
                for change in try Pegging.repeg(db, sku: sku, from: from, waitingTotal: total) {
                    if newOrder?.reportsDates == true { promisedWritten[change.lineId] = change.date }
                    if collectsConsequences { dateChanges.append(change) }
                    if change.wasWaiting { note(.promisedDateChanged, order: change.orderId) }
                }
            }
        }
        try Notices.record(db, events: ledger.events, newOrder: newOrder?.orderId, ctx: ctx)
    }
}

extension OperationTx {
    /// What this operation changed, read after `finish` (with `collectsConsequences`): each line before and after, the
    /// promised dates that moved, the customers told, the orders closed.
    func consequences() throws -> Consequences {
        let lineIds = Set(ledger.lineDeltas.keys).union(dateChanges.map(\.lineId)).sorted()
        var info: [Int64: Consequences.LineNow] = [:]
        if !lineIds.isEmpty {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT l.id, l.order_no, c.name, l.line_no, l.sku, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
                FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
                WHERE l.id IN (SELECT value FROM json_each(?))
                """, arguments: [JSONArgument.ids(lineIds)])
            while let r = try rows.next() {
                info[r[0]] = .init(order: r[1], customer: r[2], lineNo: r[3], sku: r[4], q: LineQuantities(ordered: r[5], allocated: r[6], picked: r[7], shipped: r[8],
                                                                     backordered: r[9], cancelled: r[10]))
            }
        }
        let told = ledger.events.filter { !$0.value.isEmpty }
        let orderIds = Set(told.keys).union(closedOrderIds).sorted()
        var names: [Int64: (number: String, customer: String)] = [:]
        if !orderIds.isEmpty {
            for r in try Row.fetchAll(db, sql: """
                SELECT o.id, o.number, c.name FROM orders o JOIN customer c ON c.code = o.customer WHERE o.id IN (SELECT value FROM json_each(?))
                """, arguments: [JSONArgument.ids(orderIds)]) {
                names[r[0]] = (r[1], r[2])
            }
        }
        return Consequences(lineDeltas: ledger.lineDeltas,
                            dates: dateChanges.map { .init(lineId: $0.lineId, old: $0.old, new: $0.date, wasWaiting: $0.wasWaiting) },
                            lines: info, told: told, closed: closedOrderIds, orders: names)
    }
}

/// A statement wrote another number of rows than it was given: a fault, and the operation is rolled back.
struct RowCountMismatch: Error, CustomStringConvertible {
    var written: Int
    var meant: Int
    var description: String { Localizer.process(DataFileText.internalFault, written, meant) }
}

/// The SKUs a batch touched: their promised dates are recomputed, and moved dates told, once when the batch ends.
/// Lines that started waiting inside the batch carry no stored date until then, so they are not told of a "move".
final class DeferredPegging: @unchecked Sendable {
    var skus = Set<String>()
    var ctx: Context?

    func flush(_ db: Database) throws {
        guard let ctx, !skus.isEmpty else { return }
        var events: [Int64: [NoticeEvent]] = [:]
        for sku in skus.sorted() {
            for change in try Pegging.repeg(db, sku: sku) where change.wasWaiting && events[change.orderId] == nil {
                events[change.orderId] = [.promisedDateChanged]
            }
        }
        try Notices.record(db, events: events, ctx: ctx)
        skus.removeAll()
    }
}
