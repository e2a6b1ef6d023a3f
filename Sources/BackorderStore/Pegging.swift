import BackorderCore
import GRDB

/// Keeps `order_line.promised` equal to the pegging of each SKU's open arrivals to its waiting lines.
enum Pegging {
    /// A waiting line whose promised date changed.
    struct Change {
        var lineId: Int64
        var orderId: Int64
        /// False when the line only now started waiting (its customer hears "backordered" instead).
        var wasWaiting: Bool
    }

    /// The text stored for a promised date: the day, or "-" for a waiting line no arrival covers.
    static func stored(_ day: Day?) -> String { day?.iso ?? "-" }

    /// Reads a stored promised date: nil for "-" (no arrival planned) or when the line waits for nothing.
    static func day(_ stored: String?) -> Day? { stored.flatMap { Day(iso: $0) } }

    /// A place in a SKU's queue of waiting lines: the order receipts serve them in.
    struct QueueKey: Comparable {
        var priority: Int
        var orderDate: String
        var orderNumber: String
        var lineNo: Int

        static func < (a: QueueKey, b: QueueKey) -> Bool {
            (a.priority, a.orderDate, a.orderNumber, a.lineNo) < (b.priority, b.orderDate, b.orderNumber, b.lineNo)
        }
    }

    /// Recomputes one SKU's promised dates and writes those that changed.
    ///
    /// With `from`, only the lines from that place in the queue on are pegged: when lines joined the queue there and the
    /// supply did not change, the lines ahead keep their dates, and the units they wait for (the item's waiting total
    /// minus the lines from `from` on) are taken from the supply first. A new order behind a long queue then reads only
    /// its own lines.
    static func repeg(_ db: Database, sku: String, from: QueueKey? = nil) throws -> [Change] {
        // Supply first: (ETA, units still expected) in ETA order. Usually a handful of rows.
        var supply: [(eta: String, left: Int)] = []
        for r in try db.rows(sql: """
            SELECT eta, quantity - received AS outstanding FROM arrival INDEXED BY arrival_open_sku
            WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
            """, arguments: [sku]) {
            let left: Int = r[1]
            if left > 0 { supply.append((r[0], left)) }
        }
        var changes: [Change] = []
        func write(_ id: Int64, _ orderId: Int64, old: String?, new: String) throws {
            try db.cachedStatement(sql: "UPDATE order_line SET promised = ? WHERE id = ?").execute(arguments: [new, id])
            changes.append(Change(lineId: id, orderId: orderId, wasWaiting: old != nil))
        }
        if supply.isEmpty {
            // Nothing expected: every waiting line is "no arrival planned"; only lines saying otherwise are read.
            for r in try db.rows(sql: """
                SELECT id, order_id, promised FROM order_line INDEXED BY line_waiting
                WHERE sku = ? AND backordered > 0 AND (promised IS NULL OR promised != '-')
                """, arguments: [sku]) {
                try write(r[0], r[1], old: r[2], new: "-")
            }
            return changes
        }
        // Walk the queue in allocation priority, consuming supply in ETA order (the same rule as Rules.peg).
        var index = 0
        func consume(_ units: Int) -> Int {
            var need = units
            while need > 0 && index < supply.count {
                let take = min(need, supply[index].left)
                need -= take
                supply[index].left -= take
                if supply[index].left == 0 { index += 1 }
            }
            return need
        }
        let rows: [Row]
        if let from {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, order_id, backordered, promised FROM order_line INDEXED BY line_waiting
                WHERE sku = ? AND backordered > 0 AND (priority, order_date, order_no, line_no) >= (?, ?, ?, ?)
                ORDER BY priority, order_date, order_no, line_no
                """), arguments: [sku, from.priority, from.orderDate, from.orderNumber, from.lineNo])
            let waiting = try Int.fetchOne(db.cachedStatement(sql: "SELECT backordered FROM item WHERE sku = ?"), arguments: [sku]) ?? 0
            _ = consume(waiting - rows.reduce(0) { $0 + ($1[2] as Int) })
        } else {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, order_id, backordered, promised FROM order_line INDEXED BY line_waiting
                WHERE sku = ? AND backordered > 0 ORDER BY priority, order_date, order_no, line_no
                """), arguments: [sku])
        }
        var pending: [(Int64, Int64, String?, String)] = []
        for r in rows {
            var need: Int = r[2]
            var date = "-"
            while need > 0 && index < supply.count {
                let take = min(need, supply[index].left)
                need -= take
                supply[index].left -= take
                date = supply[index].eta
                if supply[index].left == 0 { index += 1 }
            }
            let new = need == 0 ? date : "-"
            let old: String? = r[3]
            if old != new { pending.append((r[0], r[1], old, new)) }
        }
        // Written after the scan (updating rows of the index being walked would disturb the cursor), in one statement:
        // a receipt can move a thousand dates.
        if pending.count > 1 {
            try db.cachedStatement(sql: """
                UPDATE order_line SET promised = json_extract(j.value, '$[1]') FROM json_each(?) AS j
                WHERE order_line.id = json_extract(j.value, '$[0]')
                """).execute(arguments: [JSONArgument.pairs(pending.map { ($0.0, $0.3) })])
            changes += pending.map { Change(lineId: $0.0, orderId: $0.1, wasWaiting: $0.2 != nil) }
        } else {
            for (id, orderId, old, new) in pending { try write(id, orderId, old: old, new: new) }
        }
        return changes
    }

    /// Pegs every SKU in two ordered scans; returns the lines whose stored date differs (and fixes them when `write`).
    static func verifyAll(_ db: Database, write: Bool, limit: Int) throws -> [Violation] {
        var arrivalsBySku: [String: [Arrival]] = [:]
        for r in try db.rows(sql: "SELECT * FROM arrival INDEXED BY arrival_open_sku WHERE closed_at IS NULL ORDER BY sku, eta, id") {
            let a = arrivalFrom(r)
            arrivalsBySku[a.sku, default: []].append(a)
        }
        var found: [Violation] = []
        var current: String?
        var group: [(line: WaitingLine, stored: String?)] = []
        func flush() throws {
            guard let sku = current, !group.isEmpty else { return }
            let promised = Rules.peg(waiting: group.map(\.line), arrivals: arrivalsBySku[sku] ?? []).promised
            for (line, old) in group {
                let new = stored(promised[line.lineId] ?? nil)
                guard old != new else { continue }
                if write {
                    try db.cachedStatement(sql: "UPDATE order_line SET promised = ? WHERE id = ?").execute(arguments: [new, line.lineId])
                } else if found.count < limit {
                    found.append(Violation(rule: "promised date", detail: "order \(line.orderNumber) line \(line.lineNo) (\(sku)): stored \(old ?? "nothing"), pegging says \(new)"))
                }
            }
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, sku, order_no, line_no, priority, order_date, backordered, promised FROM order_line INDEXED BY line_waiting
            WHERE backordered > 0 ORDER BY sku, priority, order_date, order_no, line_no
            """)
        while let r = try cursor.next() {
            let sku: String = r["sku"]
            if sku != current { try flush(); group.removeAll(keepingCapacity: true); current = sku }
            group.append((WaitingLine(lineId: r["id"], orderNumber: r["order_no"], lineNo: r["line_no"], priority: r["priority"],
                                      orderDate: BackorderStore.day(r["order_date"]), backordered: r["backordered"]), r["promised"]))
        }
        try flush()
        return found
    }
}

/// Customer notices: recorded inside operations, rendered when read, frozen when sent.
enum Notices {
    /// Adds the events to each order's pending notice, opening one where there is none.
    /// Three statements whatever the number of orders: a receipt that moves promised dates can touch a thousand.
    static func record(_ db: Database, events: [Int64: [NoticeEvent]], ctx: Context) throws {
        let wanted = events.filter { !$0.value.isEmpty }
        guard !wanted.isEmpty else { return }
        var pending: [Int64: (id: Int64, events: String)] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT order_id, id, events FROM notice WHERE sent_at IS NULL AND order_id IN (SELECT value FROM json_each(?))
            """), arguments: [JSONArgument.ids(wanted.keys.sorted())])
        while let r = try rows.next() { pending[r[0]] = (r[1], r[2]) }
        var updates: [(Int64, String)] = [], inserts: [(Int64, String)] = []
        for (orderId, new) in wanted.sorted(by: { $0.key < $1.key }) {
            if let notice = pending[orderId] {
                var merged = decode(notice.events)
                for e in new where !merged.contains(e) { merged.append(e) }
                updates.append((notice.id, encode(merged)))
            } else {
                inserts.append((orderId, encode(new)))
            }
        }
        if !updates.isEmpty {
            try db.cachedStatement(sql: """
                UPDATE notice SET events = json_extract(j.value, '$[1]'), updated_at = ? FROM json_each(?) AS j
                WHERE notice.id = json_extract(j.value, '$[0]')
                """).execute(arguments: [ctx.now.unixTime, JSONArgument.pairs(updates)])
        }
        if !inserts.isEmpty {
            try db.cachedStatement(sql: """
                INSERT INTO notice (order_id, events, created_at, updated_at)
                SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?1, ?1 FROM json_each(?2)
                """).execute(arguments: [ctx.now.unixTime, JSONArgument.pairs(inserts)])
        }
    }

    static func encode(_ events: [NoticeEvent]) -> String { events.map(\.rawValue).joined(separator: ",") }
    static func decode(_ text: String) -> [NoticeEvent] { text.split(separator: ",").compactMap { NoticeEvent(rawValue: String($0)) } }
}
