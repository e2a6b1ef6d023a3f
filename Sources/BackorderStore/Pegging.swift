import BackorderCore
import GRDB

/// Keeps the promised dates in `waiting` equal to the pegging of each SKU's open arrivals to its waiting lines.
enum Pegging {
    /// A waiting line whose promised date changed (the core's, shared with the server's store).
    typealias Change = PromisedDateChange

    /// The text stored for a promised date: the day, or "-" for a waiting line no arrival covers.
    static func stored(_ day: Day?) -> String { CheckRules.storedPromise(day) }

    /// Reads a stored promised date: nil for "-" (no arrival planned) or when the line waits for nothing.
    static func day(_ stored: String?) -> Day? { stored.flatMap { Day(iso: $0) } }

    /// A place in a SKU's queue of waiting lines (the core's, shared with the server's store).
    typealias QueueKey = WaitingQueueKey

    /// One row of a SKU's queue as pegging reads it (the core's, shared with the server's store).
    private typealias Queued = WaitingQueueRow

    private static let queueColumns = "backordered, promised, priority, order_date, order_no, line_no, line_id, order_id" // not prose: SQL columns
    /// A SKU's whole queue in serving order.
    private static let queueAll = "SELECT \(queueColumns) FROM waiting WHERE sku = ? ORDER BY priority, order_date, order_no, line_no"
    /// A SKU's queue from a place in it on, in serving order.
    private static let queueFrom = """
        SELECT \(queueColumns) FROM waiting WHERE sku = ? AND (priority, order_date, order_no, line_no) >= (?, ?, ?, ?)
        ORDER BY priority, order_date, order_no, line_no
        """

    /// Recomputes one SKU's promised dates and writes those that changed.
    ///
    /// With `from`, only the lines from that place in the queue on are pegged: when lines joined the queue there and the
    /// supply did not change, the lines ahead keep their dates, and the units they wait for (the item's waiting total
    /// minus the lines from `from` on) are taken from the supply first. A new order behind a long queue then reads only
    /// its own lines.
    ///
    /// `waitingTotal`, when the caller knows it, is the item's waiting units now (read from the item otherwise).
    static func repeg(_ db: Database, sku: String, from: QueueKey? = nil, waitingTotal: Int? = nil) throws -> [Change] {
        // Supply first: (ETA, units still expected) in ETA order. Usually a handful of rows.
        var supply: [(eta: String, left: Int)] = []
        let arrivals = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT eta, quantity - received AS outstanding FROM arrival INDEXED BY arrival_open_sku
            WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
            """), arguments: [sku])
        while let r = try arrivals.next() {
            let left: Int = r[1]
            if left > 0 { supply.append((r[0], left)) }
        }
        var moved: [(line: Queued, date: String)] = []
        // Once the supply is used up every line further back is "no arrival planned": only the lines there saying
        // otherwise are read, by SQLite, instead of walking each one here.
        func noArrivalPlanned(after key: QueueKey?) throws {
            let rest = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT priority, order_date, order_no, line_no, line_id, order_id, backordered, promised FROM waiting
                WHERE sku = ? \(key == nil ? "" : "AND (priority, order_date, order_no, line_no) > (?, ?, ?, ?)")
                  AND (promised IS NULL OR promised != '-') ORDER BY priority, order_date, order_no, line_no
                """), arguments: [sku] + (key.map { [$0.priority, $0.orderDate, $0.orderNumber, $0.lineNo] } ?? []))
            while let r = try rest.next() {
                moved.append((Queued(key: QueueKey(priority: r[0], orderDate: r[1], orderNumber: r[2], lineNo: r[3]),
                                     lineId: r[4], orderId: r[5], backordered: r[6], promised: r[7]), "-"))
            }
        }
        if supply.isEmpty {
            try noArrivalPlanned(after: nil)
        } else {
            // Walk the queue in allocation priority, consuming supply in ETA order (the rule of Rules.peg: PegSupply).
            var pegs = PegSupply(supply)
            // The queue is read once, in serving order; a line is made into a value only when its date moved (a receipt
            // walks thousands of lines and moves a few).
            func walk(_ r: Row) {
                let backordered: Int = r[0], promised: String? = r[1]
                let new = pegs.take(backordered) ?? "-"
                guard promised != new else { return }
                moved.append((Queued(key: QueueKey(priority: r[2], orderDate: r[3], orderNumber: r[4], lineNo: r[5]),
                                     lineId: r[6], orderId: r[7], backordered: backordered, promised: promised), new))
            }
            if let from {
                // The lines from `from` on, read once: the units waiting ahead of them (the item's waiting total minus
                // theirs) take the supply first.
                let waiting = try waitingTotal
                    ?? Int.fetchOne(db.cachedStatement(sql: "SELECT backordered FROM item WHERE sku = ?"), arguments: [sku]) ?? 0
                let tail = try Row.fetchAll(db.cachedStatement(sql: queueFrom),
                                            arguments: [sku, from.priority, from.orderDate, from.orderNumber, from.lineNo])
                _ = pegs.take(waiting - tail.reduce(0) { $0 + ($1[0] as Int) })
                for r in tail { walk(r) }
            } else {
                // A receipt's queue runs thousands of lines past the last one its SKU's arrivals cover.
                let cursor = try Row.fetchCursor(db.cachedStatement(sql: queueAll), arguments: [sku])
                while let r = try cursor.next() {
                    walk(r)
                    if pegs.isExhausted {
                        try noArrivalPlanned(after: QueueKey(priority: r[2], orderDate: r[3], orderNumber: r[4], lineNo: r[5]))
                        break
                    }
                }
            }
        }
        try write(db, sku: sku, moved.map { ($0.line.key, $0.date) })
        return moved.map { Change(lineId: $0.line.lineId, orderId: $0.line.orderId, wasWaiting: $0.line.promised != nil, date: $0.date,
                                        old: $0.line.promised) }
    }

    /// Writes moved dates after the walk (updating the range being read would disturb its cursor), one range of the
    /// queue per date.
    ///
    /// `moved` is in serving order, and pegging hands out dates that never go down along the queue ("-" last). So a
    /// line between two moved lines that get the same date gets that date too: if it did not move, it already has it.
    /// A receipt that moves a thousand dates writes a handful of ranges instead of a thousand keyed rows.
    private static func write(_ db: Database, sku: String, _ moved: [(key: QueueKey, date: String)]) throws {
        var start = 0
        while start < moved.count {
            var end = start
            while end + 1 < moved.count && moved[end + 1].date == moved[start].date { end += 1 }
            let (first, last, date) = (moved[start].key, moved[end].key, moved[start].date)
            try db.cachedStatement(sql: """
                UPDATE waiting SET promised = ?1
                WHERE sku = ?2 AND (priority, order_date, order_no, line_no) >= (?3, ?4, ?5, ?6)
                  AND (priority, order_date, order_no, line_no) <= (?7, ?8, ?9, ?10) AND promised IS NOT ?1
                """).execute(arguments: [date, sku, first.priority, first.orderDate, first.orderNumber, first.lineNo,
                                         last.priority, last.orderDate, last.orderNumber, last.lineNo])
            start = end + 1
        }
    }
}

/// Customer notices: recorded inside operations, rendered when read, frozen when sent.
enum Notices {
    /// Adds the events to each order's pending notice, opening one where there is none.
    /// A few statements whatever the number of orders: a receipt that moves promised dates can touch a thousand.
    /// `newOrder` was created in this operation and has no notice to look for.
    static func record(_ db: Database, events: [Int64: [NoticeEvent]], newOrder: Int64? = nil, ctx: Context) throws {
        let wanted = events.filter { !$0.value.isEmpty }
        guard !wanted.isEmpty else { return }
        var pending: [Int64: (id: Int64, events: String)] = [:]
        let existing = wanted.keys.filter { $0 != newOrder }
        if !existing.isEmpty {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT order_id, id, events FROM notice WHERE sent_at IS NULL AND order_id IN (SELECT value FROM json_each(?))
                """), arguments: [JSONArgument.ids(existing.sorted())])
            while let r = try rows.next() { pending[r[0]] = (r[1], r[2]) }
        }
        // Grouped by their events (NoticeRules.plan): one statement per group binds that text once.
        let (updates, inserts) = NoticeRules.plan(events: wanted, pending: pending)
        for (events, ids) in updates {
            try db.cachedStatement(sql: """
                UPDATE notice SET events = ?1, updated_at = ?2 WHERE id IN (SELECT value FROM json_each(?3))
                """).execute(arguments: [events, ctx.now.unixTime, JSONArgument.ids(ids)])
        }
        for (events, orderIds) in inserts {
            try db.cachedStatement(sql: """
                INSERT INTO notice (order_id, events, created_at, updated_at) SELECT value, ?1, ?2, ?2 FROM json_each(?3)
                """).execute(arguments: [events, ctx.now.unixTime, JSONArgument.ids(orderIds)])
        }
    }

}
