import BackorderCore
import PostgresNIO

/// One operation in progress inside a READ COMMITTED transaction on the server: the SQLite store's `OperationTx`
/// statement for statement (the same journal rows, counters, allocations, promised dates and notices), batched with
/// arrays where the file loops.
///
/// What it changes it holds: the items of every SKU it touches are locked (`lockItems`, by SKU) before their lines,
/// so every change of a line happens under its item's lock, and two operations never wait for each other in a circle.
final class PostgresOperationTx {
    let c: PostgresConnection
    let ctx: Context
    /// A preview, rolled back at its end: rows get ids past the largest (not from the sequences, which a rollback
    /// does not give back), so the ids that real operations get stay those the file gives.
    let preview: Bool
    /// Counters, re-pegging, closing orders and notices: what the operation did besides its rows (the file's too).
    private var ledger = OperationLedger()
    private(set) var allocations: [ReceiptResult.Allocation] = []
    private(set) var promisedWritten: [Int64: String] = [:]
    var locked = Set<String>()
    /// The revision is asked for already (`backorders_touch()` ran in this transaction).
    private(set) var touched = false

    /// What placing a new order already knows when it finishes (the core's, shared with the file's store).
    typealias NewOrder = NewOrderFacts
    var newOrder: NewOrder?
    var receiptId: Int64?
    var collectsConsequences = false
    private(set) var dateChanges: [PostgresPegging.Change] = []
    /// The open arrivals of the SKUs in `openArrivalsRead`, as re-pegging read them for a new order read back (its
    /// lines' expected parts need them, and nothing changes them before the commit: their items are held).
    var openArrivals: [String: [OrderDetail.OpenSupply]] = [:]
    var openArrivalsRead = Set<String>()
    private var closedOrderIds: [Int64] = []

    /// A place in a SKU's queue of waiting lines (the core's, shared with the file's store).
    typealias QueueKey = WaitingQueueKey

    struct Refs {
        var orderId: Int64?
        var arrivalId: Int64?
        var shipmentId: Int64?
        var receiptId: Int64?
        var note = ""
        var queueKey: QueueKey?
    }

    /// The waiting queue's key as SQLite's BINARY compares it: order dates and numbers byte by byte, whatever the
    /// database's collation (bare when the database's own is bytewise, so the queue's index serves the order).
    let queueKey: String

    init(_ c: PostgresConnection, _ ctx: Context, preview: Bool, bytewise: Bool) {
        self.c = c; self.ctx = ctx; self.preview = preview
        self.bytewise = bytewise
        queueKey = bytewise ? "priority, order_date, order_no, line_no" : "priority, order_date COLLATE \"C\", order_no COLLATE \"C\", line_no"
    }

    /// The database compares text byte by byte already.
    let bytewise: Bool

    /// `queueKey` with each column of the table or subquery `alias`.
    func queueKey(of alias: String) -> String {
        let c = bytewise ? "" : " COLLATE \"C\""
        return "\(alias).priority, \(alias).order_date\(c), \(alias).order_no\(c), \(alias).line_no"
    }

    /// The id of the next row of `table`: from its sequence, or (in a preview) past its largest id. `ordinal` numbers
    /// the rows of one multi-row INSERT (1, 2, …) in the order they are written.
    func newId(_ table: String, ordinal: String = "1") -> String {
        preview ? "((SELECT COALESCE(MAX(id), 0) FROM \(table)) + \(ordinal))" : "nextval('\(table)_id_seq')"
    }

    /// Locks the items of `skus` (those not held yet), in SKU order.
    func lockItems<S: Sequence>(_ skus: S) async throws where S.Element == String {
        let want = Set(skus).subtracting(locked).sorted()
        guard !want.isEmpty else { return }
        try await c.rows("SELECT sku FROM item WHERE sku = ANY(\(want)) ORDER BY sku FOR UPDATE")
        locked.formUnion(want)
    }

    /// Journals one movement and applies it to its line and (lazily) to its item.
    func apply(_ m: PlannedMovement, _ refs: Refs) async throws {
        let d = m.delta
        let insert = """
            INSERT INTO movement (id, at, actor, kind, sku, quantity, line_id, arrival_id, shipment_id, receipt_id,
                d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand, note)
            VALUES (\(newId("movement")), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            """
        var binds = try Self.binds(ctx.now.unixTime, ctx.actor, m.kind.rawValue, m.sku, m.quantity, m.lineId, refs.arrivalId, refs.shipmentId,
                                   refs.receiptId, d.ordered, d.allocated, d.picked, d.shipped, d.backordered, d.cancelled, d.onHand, refs.note)
        if let lineId = m.lineId {
            // One round trip: the journal row and its line's counters (`waiting` follows by trigger).
            binds.append(lineId)
            try await c.rows(PostgresQuery(unsafeSQL: """
                WITH m AS (\(insert) RETURNING id)
                UPDATE order_line SET ordered = ordered + $10, allocated = allocated + $11, picked = picked + $12,
                    shipped = shipped + $13, backordered = backordered + $14, cancelled = cancelled + $15, version = version + 1
                WHERE id = $18
                """, binds: binds))
        } else {
            try await c.rows(PostgresQuery(unsafeSQL: insert, binds: binds))
        }
        if collectsConsequences, let lineId = m.lineId { ledger.addLineDelta(lineId, d) }
        account(m, refs)
    }

    /// Journals several movements and applies them to their lines in one statement (their ids in the order given; a
    /// line moved twice gets both changes). A pick or a shipment of many lines is one round trip, not one per line.
    ///
    /// `deferred`: held to go with the next statement (`PendingWrite`) — the items' write that ends the operation,
    /// when nothing read in between depends on the lines or the journal (a pick's or a shipment's `finish`).
    func apply(_ batch: [(PlannedMovement, Refs)], deferred: Bool = false) async throws {
        if batch.count <= 1 && !deferred {
            for (m, refs) in batch { try await apply(m, refs) }
            return
        }
        guard !batch.isEmpty else { return }
        let m = batch.map(\.0), r = batch.map(\.1), d = m.map(\.delta)
        // No reference is 0: 0 stands for none (an array's elements are not optional here).
        let write = PendingWrite(ctes: { [newId = newId("movement", ordinal: "u.ord")] n, p in
            let b = (n...(n + 16)).map { "$\($0)" }
            return """
            \(p)m AS (
                INSERT INTO movement (id, at, actor, kind, sku, quantity, line_id, arrival_id, shipment_id, receipt_id,
                    d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand, note)
                SELECT \(newId), \(b[0]), \(b[1]), u.k, u.s, u.q, NULLIF(u.l, 0), NULLIF(u.a, 0), NULLIF(u.sh, 0),
                    NULLIF(u.r, 0), u.o, u.al, u.p, u.sp, u.b, u.c, u.h, u.n
                FROM unnest(\(b[2])::text[], \(b[3])::text[], \(b[4])::bigint[], \(b[5])::bigint[], \(b[6])::bigint[], \(b[7])::bigint[],
                            \(b[8])::bigint[], \(b[9])::bigint[], \(b[10])::bigint[], \(b[11])::bigint[], \(b[12])::bigint[], \(b[13])::bigint[],
                            \(b[14])::bigint[], \(b[15])::bigint[], \(b[16])::text[])
                    WITH ORDINALITY AS u(k, s, q, l, a, sh, r, o, al, p, sp, b, c, h, n, ord)
                ORDER BY u.ord
            ), \(p)l AS (
                UPDATE order_line l SET ordered = l.ordered + d.o, allocated = l.allocated + d.al, picked = l.picked + d.p,
                    shipped = l.shipped + d.sp, backordered = l.backordered + d.b, cancelled = l.cancelled + d.c, version = l.version + d.v
                FROM (SELECT u.l, sum(u.o) AS o, sum(u.al) AS al, sum(u.p) AS p, sum(u.sp) AS sp, sum(u.b) AS b, sum(u.c) AS c, count(*) AS v
                      FROM unnest(\(b[5])::bigint[], \(b[9])::bigint[], \(b[10])::bigint[], \(b[11])::bigint[], \(b[12])::bigint[],
                                  \(b[13])::bigint[], \(b[14])::bigint[]) AS u(l, o, al, p, sp, b, c)
                      WHERE u.l <> 0 GROUP BY u.l) d
                WHERE l.id = d.l
            )
            """ // not prose: SQL
        }, binds: [ctx.now.unixTime, ctx.actor, m.map(\.kind.rawValue), m.map(\.sku), m.map(\.quantity),
                   m.map { $0.lineId ?? 0 }, r.map { $0.arrivalId ?? 0 }, r.map { $0.shipmentId ?? 0 },
                   r.map { $0.receiptId ?? 0 }, d.map(\.ordered), d.map(\.allocated), d.map(\.picked), d.map(\.shipped),
                   d.map(\.backordered), d.map(\.cancelled), d.map(\.onHand), r.map(\.note)])
        if deferred {
            pendingWrites.append(write)
        } else {
            try await c.rows(PostgresQuery(unsafeSQL: "WITH \(write.ctes(1, "")) SELECT 1", binds: try Self.binds(write.binds))) // not prose: SQL
        }
        for (m, refs) in batch {
            if collectsConsequences, let lineId = m.lineId { ledger.addLineDelta(lineId, m.delta) }
            account(m, refs)
        }
    }

    /// The lines of an order created in this operation and their first journal movements (in line order): one
    /// statement for the whole order. Returns the lines' and the movements' ids.
    func insertNewLines(orderId: Int64, number: String, priority: Int, date: String,
                        _ lines: [(sku: String, delta: Delta)]) async throws -> (lineIds: [Int64], movementIds: [Int64]) {
        let write = newLines(priority: priority, date: date, lines)
        let row = try await c.rows(PostgresQuery(unsafeSQL: "WITH s AS (SELECT $1::bigint AS id, $2::text AS number)" // not prose: SQL
                                                 + write.ctes + " SELECT " + write.columns, binds: try Self.binds([orderId, number] + write.binds)))
        return try recordNewLines(row.first?.makeRandomAccess(), from: 0, orderId: orderId, number: number, priority: priority, date: date, lines)
    }

    /// The statement parts that write a new order's lines and their first journal rows, given the order as `s` (its
    /// id and number) and binds numbered from `first` on (the journal's from the lines the first part returns, in
    /// line order): WITH entries, and the columns of the lines' ids and the movements' ids, each in line order.
    func newLines(first: Int = 3, priority: Int, date: String, _ lines: [(sku: String, delta: Delta)]) -> AlsoWritten {
        let b = (first..<(first + 10)).map { "$\($0)" }
        return AlsoWritten(ctes: """
            , l AS (
                INSERT INTO order_line (id, order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, backordered)
                SELECT \(newId("order_line", ordinal: "u.ord")), s.id, u.n, u.sku, \(b[0]), \(b[1]), s.number, u.o, u.a, u.b
                FROM s, unnest(\(b[2])::bigint[], \(b[3])::text[], \(b[4])::bigint[], \(b[5])::bigint[], \(b[6])::bigint[])
                    WITH ORDINALITY AS u(n, sku, o, a, b, ord)
                ORDER BY u.ord
                RETURNING id, line_no, sku, ordered, allocated, backordered -- // not prose: SQL columns
            ), m AS (
                INSERT INTO movement (id, at, actor, kind, sku, quantity, line_id, d_ordered, d_allocated, d_backordered)
                SELECT \(newId("movement", ordinal: "row_number() OVER (ORDER BY line_no)")), \(b[7]), \(b[8]), 'order', sku, ordered, id,
                    ordered, allocated, backordered -- // not prose: SQL columns
                FROM l ORDER BY line_no
                RETURNING id, line_id
            ), a AS (
                SELECT sku, eta, quantity - received AS open, po_number, po_line, id FROM arrival WHERE sku = ANY(\(b[9])::text[]) AND closed_at IS NULL
            )
            """, columns: """
            ARRAY(SELECT l.id FROM l ORDER BY l.line_no), ARRAY(SELECT m.id FROM l JOIN m ON m.line_id = l.id ORDER BY l.line_no),
            ARRAY(SELECT a.sku FROM a ORDER BY a.sku, a.eta, a.id), ARRAY(SELECT a.eta FROM a ORDER BY a.sku, a.eta, a.id),
            ARRAY(SELECT a.open FROM a ORDER BY a.sku, a.eta, a.id), ARRAY(SELECT a.po_number FROM a ORDER BY a.sku, a.eta, a.id),
            ARRAY(SELECT a.po_line FROM a ORDER BY a.sku, a.eta, a.id)
            """, binds: [priority, date, (1...lines.count).map { $0 }, lines.map(\.sku), lines.map(\.delta.ordered),
                         lines.map(\.delta.allocated), lines.map(\.delta.backordered), ctx.now.unixTime, ctx.actor,
                         Set(lines.map(\.sku)).sorted()])
    }

    /// The open arrivals of a new order's SKUs, read by the statement that wrote its lines (nothing changes them
    /// before re-pegging reads them: their items are held), in ETA order; taken by the re-pegging that uses them.
    var arrivalsRead: (skus: Set<String>, arrivals: [String: [PostgresPegging.OpenArrival]]) = ([], [:])

    /// Takes the ids `newLines`' columns returned (from column `k` of `row`) and accounts for the lines.
    func recordNewLines(_ row: PostgresRandomAccessRow?, from k: Int, orderId: Int64, number: String, priority: Int, date: String,
                        _ lines: [(sku: String, delta: Delta)]) throws -> (lineIds: [Int64], movementIds: [Int64]) {
        // One id each, in line order (the statement writes every line or fails).
        let written = try row.map { try $0[k].decode([Int64].self) } ?? [], journal = try row.map { try $0[k + 1].decode([Int64].self) } ?? []
        let ids = lines.indices.map { $0 < written.count ? written[$0] : 0 }, movements = lines.indices.map { $0 < journal.count ? journal[$0] : 0 }
        if let row {
            let (skus, etas, open) = (try row[k + 2].decode([String].self), try row[k + 3].decode([String].self), try row[k + 4].decode([Int].self))
            let (pos, poLines) = (try row[k + 5].decode([String].self), try row[k + 6].decode([Int].self))
            var arrivals: [String: [PostgresPegging.OpenArrival]] = [:]
            for i in skus.indices {
                arrivals[skus[i], default: []].append(.init(eta: etas[i], left: open[i], po: pos[i], poLine: poLines[i]))
            }
            arrivalsRead = (Set(lines.map(\.sku)), arrivals)
        }
        for (i, l) in lines.enumerated() {
            account(PlannedMovement(lineId: ids[i], sku: l.sku, kind: .order, quantity: l.delta.ordered, delta: l.delta),
                    Refs(orderId: orderId, queueKey: .init(priority: priority, orderDate: date, orderNumber: number, lineNo: i + 1)))
        }
        return (ids, movements)
    }

    /// What a journaled movement changes besides its rows (as the file's `OperationTx.account`).
    private func account(_ m: PlannedMovement, _ refs: Refs) {
        ledger.account(m, orderId: refs.orderId, queueKey: refs.queueKey)
    }

    /// Records an event for the order's customer notice.
    func note(_ event: NoticeEvent, order: Int64) { ledger.note(event, order: order) }

    /// Marks a SKU whose promised dates must be recomputed (its arrivals changed) even if no quantity moved.
    func touch(sku: String) { ledger.pegSkus.insert(sku) }

    /// Writes the accumulated item counter changes: one statement for all SKUs.
    /// Returns the SKUs written, and those of them with free stock that lines wait for (as `finish` asks next: read
    /// from the rows just written, not by another statement).
    @discardableResult
    ///
    /// `deferred`: held to go with the next statement (`PendingWrite`), for a caller that needs neither answer (a new
    /// order with nothing to allocate); the items the operation holds are not read again before it is written.
    func flushItems(deferred: Bool = false) async throws -> (written: Set<String>, freeForWaiting: Set<String>) {
        let changed = ledger.takeItemDeltas()
        guard !changed.isEmpty else {
            try await writePending()
            return ([], [])
        }
        var written = Set<String>(), free = Set<String>()
        // The operation's revision asked for by the same statement (once: a subquery without references runs once),
        // not by a round trip of its own at the end (`operate`); a preview raises none.
        let touch = preview ? "false" : "(SELECT backorders_touch()) IS NULL"
        if deferred {
            // RETURNING is worked out for every row written, whether or not a statement reads the entry's rows.
            pendingWrites.append(.init(ctes: { n, p in """
                \(p)i AS (
                    UPDATE item i SET on_hand = i.on_hand + u.h, allocated = i.allocated + u.a, picked = i.picked + u.p, backordered = i.backordered + u.b
                    FROM unnest($\(n)::text[], $\(n + 1)::bigint[], $\(n + 2)::bigint[], $\(n + 3)::bigint[], $\(n + 4)::bigint[]) AS u(sku, h, a, p, b)
                    WHERE i.sku = u.sku
                    RETURNING \(touch)
                )
                """ }, binds: [changed.map(\.sku), changed.map(\.delta.onHand), changed.map(\.delta.allocated), changed.map(\.delta.picked),
                              changed.map(\.delta.backordered)]))
            if !preview { touched = true }
            return (Set(changed.map(\.sku)), [])
        }
        for r in try await rowsAlong(PostgresQuery(unsafeSQL: """
            UPDATE item i SET on_hand = i.on_hand + u.h, allocated = i.allocated + u.a, picked = i.picked + u.p, backordered = i.backordered + u.b
            FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[]) AS u(sku, h, a, p, b) WHERE i.sku = u.sku
            RETURNING i.sku, i.on_hand - i.allocated - i.picked > 0 AND i.backordered > 0, \(touch)
            """, binds: try Self.binds(changed.map(\.sku), changed.map(\.delta.onHand), changed.map(\.delta.allocated),
                                   changed.map(\.delta.picked), changed.map(\.delta.backordered)))) {
            let (sku, waitsForFree, _) = try r.decode((String, Bool, Bool).self)
            written.insert(sku)
            if waitsForFree { free.insert(sku) }
            if !preview { touched = true }
        }
        return (written, free)
    }

    /// Gives a SKU's free stock to its waiting lines in the stated priority, reading only the lines the stock reaches.
    func allocateFree(sku: String) async throws {
        try await flushItems()
        guard let row = try await c.rows("SELECT on_hand - allocated - picked, backordered FROM item WHERE sku = \(sku)").first else { return }
        let (free, waitingUnits) = try row.decode((Int, Int).self)
        guard free > 0, waitingUnits > 0 else { return }
        var waiting: [(line: WaitingLine, orderId: Int64)] = []
        for r in try await c.rows("""
            SELECT line_id, order_id, order_no, line_no, priority, order_date, backordered FROM (
                SELECT w.*, SUM(backordered) OVER (ORDER BY \(unescaped: queueKey)) AS run FROM waiting w WHERE sku = \(sku)
            ) q WHERE run - backordered < \(free) ORDER BY \(unescaped: queueKey)
            """) {
            let (lineId, orderId, orderNo, lineNo, priority, date, backordered) = try r.decode((Int64, Int64, String, Int, Int, String, Int).self)
            waiting.append((WaitingLine(lineId: lineId, orderNumber: orderNo, lineNo: lineNo, priority: priority,
                                        orderDate: Day(iso: date) ?? Day(ordinal: 0), backordered: backordered), orderId))
        }
        let byLine = Dictionary(uniqueKeysWithValues: waiting.map { ($0.line.lineId, $0) })
        var grants: [Grant] = []
        for grant in Rules.distribute(free, to: waiting.map(\.line)) {
            guard let w = byLine[grant.lineId] else { continue }
            grants.append(grant)
            allocations.append(.init(orderNumber: w.line.orderNumber, lineNo: w.line.lineNo, quantity: grant.quantity,
                                     lineFilled: grant.quantity == w.line.backordered))
        }
        try await journalAllocations(sku: sku, grants)
        try await flushItems()
    }

    /// Journals and applies allocations of one SKU's stock to waiting lines, in serving order: two statements however
    /// many lines (a receipt can serve a thousand).
    private func journalAllocations(sku: String, _ grants: [Grant]) async throws {
        guard !grants.isEmpty else { return }
        let lines = grants.map(\.lineId), units = grants.map(\.quantity)
        try await c.rows(PostgresQuery(unsafeSQL: """
            INSERT INTO movement (id, at, actor, kind, sku, quantity, line_id, d_allocated, d_backordered, receipt_id)
            SELECT \(newId("movement", ordinal: "u.ord")), $1, $2, 'allocate', $3, u.q, u.l, u.q, -u.q, $4
            FROM unnest($5::bigint[], $6::bigint[]) WITH ORDINALITY AS u(l, q, ord) ORDER BY u.ord
            """, binds: try Self.binds(ctx.now.unixTime, ctx.actor, sku, receiptId, lines, units)))
        try await c.rows(PostgresQuery(unsafeSQL: """
            UPDATE order_line l SET allocated = l.allocated + u.q, backordered = l.backordered - u.q, version = l.version + 1
            FROM unnest($1::bigint[], $2::bigint[]) AS u(l, q) WHERE l.id = u.l
            """, binds: try Self.binds(lines, units)))
        if collectsConsequences {
            for g in grants { ledger.addLineDelta(g.lineId, Delta(allocated: g.quantity, backordered: -g.quantity)) }
        }
        let total = units.reduce(0, +)
        ledger.allocated(total, of: sku)
    }

    /// Ends the operation: counters written, freed stock allocated, orders closed when done, promised dates and notices kept.
    func finish() async throws {
        // A new order with nothing to allocate needs nothing back from its items' write: it goes with the next statement.
        let flushed = try await flushItems(deferred: newOrder?.nothingToAllocate == true)
        if newOrder?.nothingToAllocate != true {
            var skus = flushed.freeForWaiting.intersection(ledger.touchedSkus)
            // Touched items that had nothing to write are read (most operations write every item they touch).
            let unwritten = ledger.touchedSkus.subtracting(flushed.written)
            if !unwritten.isEmpty {
                for r in try await c.rows("""
                    SELECT sku FROM item WHERE sku = ANY(\(unwritten.sorted())) AND on_hand - allocated - picked > 0 AND backordered > 0
                    """) { skus.insert(try r.decode(String.self)) }
            }
            for sku in skus.sorted() { try await allocateFree(sku: sku) }
        }
        let closable = ledger.closableOrders.sorted()
        var notices = PostgresPegging.PendingNotices()
        if !closable.isEmpty {
            // One statement for all of them: which have nothing left to ship, which of those it closes now, and
            // whether their customer was told anything before (three round trips per order were); and the pending
            // notices of these orders and of those told something already, locked for `recordNotices` (a round trip
            // of its own after this one was).
            let told = ledger.events.filter { !$0.value.isEmpty }.keys
            let asked = Set(closable).union(told).subtracting(newOrder.map { [$0.orderId] } ?? []).sorted()
            for r in try await c.rows("""
                WITH c AS (
                    SELECT u.id, (SELECT COALESCE(SUM(l.allocated + l.picked + l.backordered), 0) FROM order_line l WHERE l.order_id = u.id) = 0 AS done
                    FROM unnest(\(closable)::bigint[]) AS u(id)
                ), closed AS (
                    UPDATE orders o SET closed_at = \(ctx.now.unixTime) FROM c WHERE o.id = c.id AND c.done AND o.closed_at IS NULL RETURNING o.id
                ), n AS (
                    SELECT order_id, id, events FROM notice WHERE sent_at IS NULL AND order_id = ANY(\(asked)) ORDER BY order_id FOR UPDATE
                )
                (SELECT c.id, EXISTS (SELECT 1 FROM closed WHERE closed.id = c.id), EXISTS (SELECT 1 FROM notice n WHERE n.order_id = c.id),
                        NULL::bigint, NULL::text
                 FROM c WHERE c.done ORDER BY c.id)
                UNION ALL
                (SELECT n.order_id, false, false, n.id, n.events FROM n)
                """) {
                let (orderId, closedNow, told, noticeId, events) = try r.decode((Int64, Bool, Bool, Int64?, String?).self)
                if let noticeId, let events {
                    notices.pending[orderId] = (noticeId, events)
                    continue
                }
                if collectsConsequences && closedNow { closedOrderIds.append(orderId) }
                if NoticeRules.tellsCompleted(told: told, said: ledger.events[orderId] ?? []) { note(.completed, order: orderId) }
            }
            notices.read = Set(asked)
        }
        var requests: [PostgresPegging.Request] = []
        for sku in ledger.pegSkus.union(ledger.pegFrom.keys).sorted() {
            let from = ledger.pegSkus.contains(sku) ? nil : ledger.pegFrom[sku]
            let total = from == nil ? nil : newOrder?.waitingBefore[sku].map { $0 + ledger.joinedUnits[sku, default: 0] }
            requests.append(.init(sku: sku, from: from, waitingTotal: total))
        }
        for change in try await PostgresPegging.repeg(self, requests) {
            if newOrder?.reportsDates == true { promisedWritten[change.lineId] = change.date }
            if collectsConsequences { dateChanges.append(change) }
            if change.wasWaiting { note(.promisedDateChanged, order: change.orderId) }
        }
        try await PostgresPegging.recordNotices(c, self, events: ledger.events, newOrder: newOrder?.orderId, known: notices)
        try await writePending()
    }

    /// The writes held for the next statement (`finish` writes them at its end if no statement took them).
    var pendingWrites: [PendingWrite] = []

    /// What this operation changed, read after `finish` (with `collectsConsequences`), as the file's `consequences()`.
    func consequences() async throws -> Consequences {
        let lineIds = Set(ledger.lineDeltas.keys).union(dateChanges.map(\.lineId)).sorted()
        var info: [Int64: Consequences.LineNow] = [:]
        if !lineIds.isEmpty {
            for r in try await c.rows("""
                SELECT l.id, l.order_no, c.name, l.line_no, l.sku, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
                FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
                WHERE l.id = ANY(\(lineIds))
                """) {
                let v = try r.decode((Int64, String, String, Int, String, Int, Int, Int, Int, Int, Int).self)
                info[v.0] = .init(order: v.1, customer: v.2, lineNo: v.3, sku: v.4, q: LineQuantities(ordered: v.5, allocated: v.6, picked: v.7, shipped: v.8,
                                                                 backordered: v.9, cancelled: v.10))
            }
        }
        let told = ledger.events.filter { !$0.value.isEmpty }
        let orderIds = Set(told.keys).union(closedOrderIds).sorted()
        var names: [Int64: (number: String, customer: String)] = [:]
        if !orderIds.isEmpty {
            for r in try await c.rows("""
                SELECT o.id, o.number, c.name FROM orders o JOIN customer c ON c.code = o.customer WHERE o.id = ANY(\(orderIds))
                """) {
                let (id, number, name) = try r.decode((Int64, String, String).self)
                names[id] = (number, name)
            }
        }
        return Consequences(lineDeltas: ledger.lineDeltas,
                            dates: dateChanges.map { .init(lineId: $0.lineId, old: $0.old, new: $0.date, wasWaiting: $0.wasWaiting) },
                            lines: info, told: told, closed: closedOrderIds, orders: names)
    }

    /// Bound values for a statement written with $1, $2, … in order.
    static func binds(_ values: (any PostgresThrowingDynamicTypeEncodable)?...) throws -> PostgresBindings {
        try binds(values)
    }

    /// Bound values for a statement written with $1, $2, … in order.
    static func binds(_ values: [(any PostgresThrowingDynamicTypeEncodable)?]) throws -> PostgresBindings {
        var b = PostgresBindings()
        for v in values {
            if let v { try b.append(v) } else { b.appendNull() }
        }
        return b
    }
}
