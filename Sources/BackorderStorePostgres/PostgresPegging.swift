import BackorderCore
import PostgresNIO

/// Keeps the promised dates in `waiting` equal to the pegging of each SKU's open arrivals to its waiting lines, and the
/// customers' pending notices: the SQLite store's `Pegging.repeg` and `Notices.record`, as statements on the server.
enum PostgresPegging {
    /// A waiting line whose promised date changed (the core's, shared with the file's store).
    typealias Change = PromisedDateChange

    /// Reads a stored promised date: nil for "-" or when the line waits for nothing.
    static func day(_ stored: String?) -> Day? { stored.flatMap { Day(iso: $0) } }

    typealias QueueKey = PostgresOperationTx.QueueKey

    /// One row of a SKU's queue as pegging reads it (the core's, shared with the file's store).
    private typealias Queued = WaitingQueueRow

    /// A queue row read with its SKU last.
    private static func queuedOfSku(_ r: PostgresRow) throws -> (String, Queued) {
        let (backordered, promised, priority, date, orderNo, lineNo, lineId, orderId, sku) =
            try r.decode((Int, String?, Int, String, String, Int, Int64, Int64, String).self)
        return (sku, Queued(key: QueueKey(priority: priority, orderDate: date, orderNumber: orderNo, lineNo: lineNo), lineId: lineId,
                            orderId: orderId, backordered: backordered, promised: promised))
    }

    /// One SKU to re-peg: from a place in its queue on (`from`, with the units waiting in all, if known), or whole.
    struct Request {
        var sku: String
        var from: QueueKey?
        var waitingTotal: Int?
    }

    /// Recomputes the SKUs' promised dates and writes those that changed (as `Pegging.repeg` in the file, SKU after
    /// SKU in name order: with `from`, only the lines from that place in the queue on, the units waiting ahead of them
    /// taking the supply first). At most five statements for all the SKUs, however many (a 20-line order re-pegs 20).
    static func repeg(_ tx: PostgresOperationTx, _ requests: [Request]) async throws -> [Change] {
        guard !requests.isEmpty else { return [] }
        let c = tx.c
        let skus = requests.map(\.sku)
        var supply: [String: [(eta: String, left: Int)]] = [:]
        // A new order read back keeps the arrivals whole (their PO lines too) for its lines' expected parts.
        let keeps = tx.newOrder?.reportsDates == true
        var arrivals: [String: [OpenArrival]] = [:]
        if Set(skus).isSubset(of: tx.arrivalsRead.skus) {
            arrivals = tx.arrivalsRead.arrivals // read by the new order's own statement
        } else {
            for r in try await tx.rowsAlong("""
                SELECT sku, eta, quantity - received, po_number, po_line FROM arrival WHERE sku = ANY(\(skus)) AND closed_at IS NULL ORDER BY sku, eta, id
                """) {
                let (sku, eta, left, po, poLine) = try r.decode((String, String, Int, String, Int).self)
                arrivals[sku, default: []].append(.init(eta: eta, left: left, po: po, poLine: poLine))
            }
        }
        tx.arrivalsRead = ([], [:])
        for sku in skus {
            for a in arrivals[sku] ?? [] {
                if a.left > 0 { supply[sku, default: []].append((a.eta, a.left)) }
                if keeps {
                    tx.openArrivals[sku, default: []].append(.init(reference: "\(a.po)/\(a.poLine)", outstanding: a.left, eta: Day(iso: a.eta) ?? Day(ordinal: 0)))
                }
            }
        }
        if keeps { tx.openArrivalsRead.formUnion(skus) }
        // From a place on (a new order's lines joining the queue), or the whole queue as far as the supply reaches.
        let tails = requests.filter { $0.from != nil && supply[$0.sku] != nil }
        let wholes = requests.filter { !($0.from != nil && supply[$0.sku] != nil) }
        var waiting: [String: Int] = [:]
        let unknown = tails.filter { $0.waitingTotal == nil }.map(\.sku)
        if !unknown.isEmpty {
            try await tx.writePending() // the items as written
            for r in try await c.rows("SELECT sku, backordered FROM item WHERE sku = ANY(\(unknown))") {
                let (sku, units) = try r.decode((String, Int).self)
                waiting[sku] = units
            }
        }
        var rows: [String: [Queued]] = [:]
        if !tails.isEmpty {
            let keys = tails.map { $0.from! }
            for r in try await tx.rowsAlong(PostgresQuery(unsafeSQL: """
                SELECT w.backordered, w.promised, w.priority, w.order_date, w.order_no, w.line_no, w.line_id, w.order_id, w.sku
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS f(sku, p, od, o, l, n)
                JOIN LATERAL (SELECT * FROM waiting x WHERE x.sku = f.sku AND (\(tx.queueKey(of: "x"))) >= (f.p, f.od, f.o, f.l)) w ON true
                ORDER BY f.n, \(tx.queueKey(of: "w"))
                """, binds: try PostgresOperationTx.binds(tails.map(\.sku), keys.map(\.priority), keys.map(\.orderDate),
                                                          keys.map(\.orderNumber), keys.map(\.lineNo)))) {
                let (sku, q) = try queuedOfSku(r)
                rows[sku, default: []].append(q)
            }
        }
        if !wholes.isEmpty {
            // The lines the supply reaches are walked; past them every line is "no arrival planned", and only those
            // saying otherwise are read.
            let totals = wholes.map { w in (supply[w.sku] ?? []).reduce(0) { $0 + $1.left } }
            for r in try await c.rows(PostgresQuery(unsafeSQL: """
                SELECT backordered, promised, priority, order_date, order_no, line_no, line_id, order_id, sku FROM (
                    SELECT x.*, t.total, SUM(x.backordered) OVER (PARTITION BY x.sku ORDER BY \(tx.queueKey(of: "x"))) AS run
                    FROM unnest($1::text[], $2::bigint[]) AS t(sku, total) JOIN waiting x ON x.sku = t.sku
                ) q WHERE run - backordered < total OR promised IS NULL OR promised <> '-'
                ORDER BY sku, \(tx.queueKey(of: "q"))
                """, binds: try PostgresOperationTx.binds(wholes.map(\.sku), totals))) {
                let (sku, q) = try queuedOfSku(r)
                rows[sku, default: []].append(q)
            }
        }
        var moved: [(sku: String, line: Queued, date: String)] = []
        for request in requests.sorted(by: { $0.sku < $1.sku }) {
            let sku = request.sku
            var pegs = PegSupply(supply[sku] ?? [])
            let queue = rows[sku] ?? []
            if request.from != nil, supply[sku] != nil {
                let total = request.waitingTotal ?? waiting[sku] ?? 0
                _ = pegs.take(total - queue.reduce(0) { $0 + $1.backordered })
            }
            for q in queue {
                let new = pegs.take(q.backordered) ?? "-"
                if q.promised != new { moved.append((sku, q, new)) }
            }
        }
        if !moved.isEmpty {
            // Written along with the notices' first statement (which does not read the dates), or by itself at the end.
            tx.pendingWrites.append(.init(ctes: { n, p in """
                \(p)w AS (
                    UPDATE waiting w SET promised = u.d
                    FROM unnest($\(n)::text[], $\(n + 1)::bigint[], $\(n + 2)::text[], $\(n + 3)::text[], $\(n + 4)::bigint[], $\(n + 5)::text[])
                        AS u(s, p, od, n, l, d)
                    WHERE w.sku = u.s AND w.priority = u.p AND w.order_date = u.od AND w.order_no = u.n AND w.line_no = u.l
                )
                """ }, binds: [moved.map(\.sku), moved.map(\.line.key.priority), moved.map(\.line.key.orderDate),
                               moved.map(\.line.key.orderNumber), moved.map(\.line.key.lineNo), moved.map(\.date)]))
        }
        return moved.map { Change(lineId: $0.line.lineId, orderId: $0.line.orderId, wasWaiting: $0.line.promised != nil, date: $0.date,
                                  old: $0.line.promised) }
    }

    /// An open arrival as re-pegging reads it: its ETA, the units still to come, and its PO line.
    struct OpenArrival {
        var eta: String
        var left: Int
        var po: String
        var poLine: Int
    }

    /// Pending notices read and locked already in this transaction (`read`: the orders asked about; `pending`: the
    /// notices found, by order).
    struct PendingNotices {
        var read = Set<Int64>()
        var pending: [Int64: (id: Int64, events: String)] = [:]
    }

    /// Adds the events to each order's pending notice, opening one where there is none (as `Notices.record` in the
    /// file, grouped by `NoticeRules.plan`). The pending notices are locked by order; a notice another clerk opened
    /// meanwhile for the same order takes these events too.
    static func recordNotices(_ c: PostgresConnection, _ tx: PostgresOperationTx, events: [Int64: [NoticeEvent]], newOrder: Int64?,
                              known: PendingNotices = .init()) async throws {
        let wanted = events.filter { !$0.value.isEmpty }
        guard !wanted.isEmpty else { return }
        var pending = known.pending
        let existing = wanted.keys.filter { $0 != newOrder && !known.read.contains($0) }.sorted()
        if !existing.isEmpty {
            for r in try await tx.rowsAlong("""
                SELECT order_id, id, events FROM notice WHERE sent_at IS NULL AND order_id = ANY(\(existing)) ORDER BY order_id FOR UPDATE
                """) {
                let (orderId, id, text) = try r.decode((Int64, Int64, String).self)
                pending[orderId] = (id, text)
            }
        }
        let (updates, inserts) = NoticeRules.plan(events: wanted, pending: pending)
        let now = tx.ctx.now.unixTime
        for (text, ids) in updates {
            try await tx.rowsAlong("UPDATE notice SET events = \(text), updated_at = \(now) WHERE id = ANY(\(ids))")
        }
        for (text, orderIds) in inserts {
            // The events merged as `NoticeRules.merged` does, should another operation have opened one since the read.
            try await tx.rowsAlong(PostgresQuery(unsafeSQL: """
                INSERT INTO notice (id, order_id, events, created_at, updated_at)
                SELECT \(tx.newId("notice", ordinal: "u.ord")), u.o, $1, $2, $2 FROM unnest($3::bigint[]) WITH ORDINALITY AS u(o, ord) ORDER BY u.ord
                ON CONFLICT (order_id) WHERE sent_at IS NULL DO UPDATE SET updated_at = EXCLUDED.updated_at,
                    events = notice.events || COALESCE((SELECT string_agg(',' || e, '' ORDER BY k)
                        FROM unnest(string_to_array(EXCLUDED.events, ',')) WITH ORDINALITY AS x(e, k)
                        WHERE NOT e = ANY(string_to_array(notice.events, ','))), '')
                """, binds: try PostgresOperationTx.binds(text, now, orderIds)))
        }
    }
}
