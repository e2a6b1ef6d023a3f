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

    /// One row of a SKU's queue as pegging reads it.
    private struct Queued {
        var key: QueueKey
        var lineId: Int64
        var orderId: Int64
        var backordered: Int
        var promised: String?
    }

    private static func queued(_ r: PostgresRow) throws -> Queued {
        let (backordered, promised, priority, date, orderNo, lineNo, lineId, orderId) =
            try r.decode((Int, String?, Int, String, String, Int, Int64, Int64).self)
        return Queued(key: QueueKey(priority: priority, orderDate: date, orderNumber: orderNo, lineNo: lineNo), lineId: lineId,
                      orderId: orderId, backordered: backordered, promised: promised)
    }

    /// Recomputes one SKU's promised dates and writes those that changed (as `Pegging.repeg` in the file: with `from`,
    /// only the lines from that place in the queue on, the units waiting ahead of them taking the supply first).
    static func repeg(_ tx: PostgresOperationTx, sku: String, from: QueueKey? = nil, waitingTotal: Int? = nil) async throws -> [Change] {
        let c = tx.c, key = tx.queueKey
        var supply: [(eta: String, left: Int)] = []
        for r in try await c.rows("""
            SELECT eta, quantity - received FROM arrival WHERE sku = \(sku) AND closed_at IS NULL ORDER BY eta, id
            """) {
            let (eta, left) = try r.decode((String, Int).self)
            if left > 0 { supply.append((eta, left)) }
        }
        var pegs = PegSupply(supply)
        var moved: [(line: Queued, date: String)] = []
        func walk(_ q: Queued) {
            let new = pegs.take(q.backordered) ?? "-"
            if q.promised != new { moved.append((q, new)) }
        }
        if let from, !supply.isEmpty {
            var waiting = waitingTotal ?? 0
            if waitingTotal == nil {
                waiting = try await c.rows("SELECT backordered FROM item WHERE sku = \(sku)").first?.decode(Int.self) ?? 0
            }
            let tail = try await c.rows("""
                SELECT backordered, promised, priority, order_date, order_no, line_no, line_id, order_id FROM waiting
                WHERE sku = \(sku) AND (\(unescaped: key)) >= (\(from.priority), \(from.orderDate), \(from.orderNumber), \(from.lineNo))
                ORDER BY \(unescaped: key)
                """).map(queued)
            _ = pegs.take(waiting - tail.reduce(0) { $0 + $1.backordered })
            for q in tail { walk(q) }
        } else {
            // The lines the supply reaches are walked; past them every line is "no arrival planned", and only those
            // saying otherwise are read.
            let total = supply.reduce(0) { $0 + $1.left }
            for r in try await c.rows("""
                SELECT backordered, promised, priority, order_date, order_no, line_no, line_id, order_id FROM (
                    SELECT w.*, SUM(backordered) OVER (ORDER BY \(unescaped: key)) AS run FROM waiting w WHERE sku = \(sku)
                ) q WHERE run - backordered < \(total) OR promised IS NULL OR promised <> '-'
                ORDER BY \(unescaped: key)
                """) { walk(try queued(r)) }
        }
        if !moved.isEmpty {
            try await c.rows(PostgresQuery(unsafeSQL: """
                UPDATE waiting w SET promised = u.d
                FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS u(p, od, n, l, d)
                WHERE w.sku = $1 AND w.priority = u.p AND w.order_date = u.od AND w.order_no = u.n AND w.line_no = u.l
                """, binds: try PostgresOperationTx.binds(sku, moved.map(\.line.key.priority), moved.map(\.line.key.orderDate),
                                                          moved.map(\.line.key.orderNumber), moved.map(\.line.key.lineNo), moved.map(\.date))))
        }
        return moved.map { Change(lineId: $0.line.lineId, orderId: $0.line.orderId, wasWaiting: $0.line.promised != nil, date: $0.date,
                                  old: $0.line.promised) }
    }

    /// Adds the events to each order's pending notice, opening one where there is none (as `Notices.record` in the
    /// file, grouped by `NoticeRules.plan`). The pending notices are locked by order; a notice another clerk opened
    /// meanwhile for the same order takes these events too.
    static func recordNotices(_ c: PostgresConnection, _ tx: PostgresOperationTx, events: [Int64: [NoticeEvent]], newOrder: Int64?) async throws {
        let wanted = events.filter { !$0.value.isEmpty }
        guard !wanted.isEmpty else { return }
        var pending: [Int64: (id: Int64, events: String)] = [:]
        let existing = wanted.keys.filter { $0 != newOrder }.sorted()
        if !existing.isEmpty {
            for r in try await c.rows("""
                SELECT order_id, id, events FROM notice WHERE sent_at IS NULL AND order_id = ANY(\(existing)) ORDER BY order_id FOR UPDATE
                """) {
                let (orderId, id, text) = try r.decode((Int64, Int64, String).self)
                pending[orderId] = (id, text)
            }
        }
        let (updates, inserts) = NoticeRules.plan(events: wanted, pending: pending)
        let now = tx.ctx.now.unixTime
        for (text, ids) in updates {
            try await c.rows("UPDATE notice SET events = \(text), updated_at = \(now) WHERE id = ANY(\(ids))")
        }
        for (text, orderIds) in inserts {
            // The events merged as `NoticeRules.merged` does, should another operation have opened one since the read.
            try await c.rows(PostgresQuery(unsafeSQL: """
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
