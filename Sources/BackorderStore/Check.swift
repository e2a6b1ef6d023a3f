import BackorderCore
import Dispatch
import GRDB
import GRDBSQLite

extension Warehouse {
    /// Verifies every invariant and SQLite's own integrity; returns what is wrong (empty when all is well).
    ///
    /// SQLite's side is `quick_check` (every page and record well-formed) unless `quick` is false, which runs the much
    /// slower `integrity_check` (indexes compared entry by entry with their tables).
    /// Each rule reports at most `limit` offenders, named so a person can find them. `integrity: false` skips SQLite's
    /// own page-level checks (for tests that check the rules after every step).
    public func check(limit: Int = 20, quick: Bool = true, integrity: Bool = true) throws -> [Violation] {
        let pragma = quick ? "PRAGMA quick_check" : "PRAGMA integrity_check"
        let pages = Box<Result<[Violation], Error>>()
        let rules = Box<Result<[Violation], Error>>()
        if integrity, session == nil, let pool = writer as? DatabasePool {
            // SQLite's page check and the rules each take seconds on a large file: run them side by side on two readers.
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 {
                    pages.value = Result { try pool.read { try Warehouse.checkPages($0, pragma: pragma, limit: limit) } }
                } else {
                    // The foreign keys ride with the rules: SQLite's page check alone is the longer side.
                    rules.value = Result { try self.read { try Warehouse.checkForeignKeys($0, limit: limit) + self.checkRules($0, limit: limit) } }
                }
            }
        } else {
            pages.value = Result { try read { try Warehouse.checkPages($0, pragma: integrity ? pragma : nil, limit: limit) } }
            rules.value = Result { try read { try Warehouse.checkForeignKeys($0, limit: limit) + checkRules($0, limit: limit) } }
        }
        let pageReport = try pages.value!.get()
        if pageReport.contains(where: { $0.rule == "sqlite integrity" }) {
            // A damaged file makes the rules meaningless: report the damage alone.
            return pageReport
        }
        return pageReport + (try rules.value!.get())
    }

    /// SQLite's own check of the pages (`pragma`, when given).
    static func checkPages(_ db: Database, pragma: String?, limit: Int) throws -> [Violation] {
        // Reading the file through memory maps spares a copy per page on a multi-hundred-megabyte scan.
        try db.execute(sql: "PRAGMA mmap_size = 4294967296")
        guard let pragma else { return [] }
        let report = try String.fetchAll(db, sql: pragma)
        return report == ["ok"] ? [] : report.prefix(limit).map { Violation(rule: "sqlite integrity", detail: $0) }
    }

    /// SQLite's foreign-key check.
    static func checkForeignKeys(_ db: Database, limit: Int) throws -> [Violation] {
        // Every table but the journal, which `journalSums` checks in its own pass (`foreign_key_check` spent seconds on it).
        var found: [Violation] = []
        for table in try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'movement' ORDER BY name
            """) where found.count < limit {
            found += try db.rows(sql: "PRAGMA foreign_key_check(\(table.quotedDatabaseIdentifier))").prefix(limit - found.count).map { r in
                Violation(rule: "foreign keys", detail: "\(r[0] as String? ?? "?") row \(r[1] as Int64? ?? 0) points to a missing \(r[2] as String? ?? "?") row")
            }
        }
        return found
    }

    /// Every rule of the warehouse, on one snapshot.
    func checkRules(_ db: Database, limit: Int) throws -> [Violation] {
        do {
            var found: [Violation] = []
            func rule(_ name: String, _ sql: String, _ describe: (Row) -> String) throws {
                for r in try db.rows(sql: sql + " LIMIT \(limit)") { found.append(Violation(rule: name, detail: describe(r))) }
            }
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            found += try journalSums(db, limit: limit)
            try rule("line balance", """
                SELECT order_no, line_no, ordered, allocated, picked, shipped, backordered, cancelled FROM order_line
                WHERE ordered != allocated + picked + shipped + backordered + cancelled
                   OR MIN(allocated, picked, shipped, backordered, cancelled) < 0
                """) { "order \($0["order_no"] as String) line \($0["line_no"] as Int): ordered \($0["ordered"] as Int) ≠ allocated \($0["allocated"] as Int) + picked \($0["picked"] as Int) + shipped \($0["shipped"] as Int) + backordered \($0["backordered"] as Int) + cancelled \($0["cancelled"] as Int), or a bucket is negative" }
            try rule("stock vs lines", """
                SELECT i.sku, i.allocated, i.picked, i.backordered, COALESCE(l.a, 0) a, COALESCE(l.p, 0) p, COALESCE(l.b, 0) b FROM item i
                LEFT JOIN (SELECT sku, SUM(allocated) a, SUM(picked) p, SUM(backordered) b FROM order_line GROUP BY sku) l ON l.sku = i.sku
                WHERE i.allocated != COALESCE(l.a, 0) OR i.picked != COALESCE(l.p, 0) OR i.backordered != COALESCE(l.b, 0)
                """) { r in "\(r["sku"] as String): item says allocated/picked/backordered \(r["allocated"] as Int)/\(r["picked"] as Int)/\(r["backordered"] as Int), its order lines say \(r["a"] as Int)/\(r["p"] as Int)/\(r["b"] as Int)" }
            try rule("negative free stock", "SELECT sku, on_hand, allocated, picked FROM item WHERE on_hand < allocated + picked OR on_hand < 0") {
                "\($0["sku"] as String): on hand \($0["on_hand"] as Int) < allocated \($0["allocated"] as Int) + picked \($0["picked"] as Int)"
            }
            try rule("free stock while orders wait", "SELECT sku, on_hand - allocated - picked AS free, backordered FROM item WHERE on_hand - allocated - picked > 0 AND backordered > 0") {
                "\($0["sku"] as String): \($0["free"] as Int) unit(s) free on the shelf while \($0["backordered"] as Int) wait on backorder"
            }
            try rule("incoming vs arrivals", """
                SELECT i.sku, i.incoming, COALESCE(a.q, 0) q FROM item i
                LEFT JOIN (SELECT sku, SUM(MAX(quantity - received, 0)) q FROM arrival WHERE closed_at IS NULL GROUP BY sku) a ON a.sku = i.sku
                WHERE i.incoming != COALESCE(a.q, 0)
                """) { "\($0["sku"] as String): incoming \($0["incoming"] as Int) but open arrivals expect \($0["q"] as Int)" }
            try rule("arrival vs receipts", """
                SELECT a.po_number, a.po_line, a.received, COALESCE(r.q, 0) q, COALESCE(m.q, 0) mq FROM arrival a
                LEFT JOIN (SELECT arrival_id, SUM(quantity) q FROM receipt WHERE arrival_id IS NOT NULL GROUP BY arrival_id) r ON r.arrival_id = a.id
                LEFT JOIN (SELECT arrival_id, SUM(d_on_hand) q FROM movement WHERE arrival_id IS NOT NULL GROUP BY arrival_id) m ON m.arrival_id = a.id
                WHERE a.received != COALESCE(r.q, 0) OR a.received != COALESCE(m.q, 0)
                """) { "arrival \($0["po_number"] as String)/\($0["po_line"] as Int): received \($0["received"] as Int), receipts \($0["q"] as Int), journal \($0["mq"] as Int)" }
            try rule("arrival open/closed", """
                SELECT po_number, po_line, quantity, received, closed_at FROM arrival
                WHERE (closed_at IS NULL AND received >= quantity) OR (closed_at IS NOT NULL AND received < quantity)
                """) { "arrival \($0["po_number"] as String)/\($0["po_line"] as Int): received \($0["received"] as Int) of \($0["quantity"] as Int) but \($0["closed_at"] == nil ? "still open" : "closed")" }
            try rule("shipments vs lines", """
                SELECT l.order_no, l.line_no, l.shipped, COALESCE(s.q, 0) q FROM order_line l
                LEFT JOIN (SELECT line_id, SUM(quantity) q FROM shipment_line GROUP BY line_id) s ON s.line_id = l.id
                WHERE l.shipped != COALESCE(s.q, 0)
                """) { "order \($0["order_no"] as String) line \($0["line_no"] as Int): shipped \($0["shipped"] as Int) but its shipments hold \($0["q"] as Int)" }
            try rule("order closed with open units", """
                SELECT o.number, SUM(l.allocated + l.picked + l.backordered) open FROM orders o JOIN order_line l ON l.order_id = o.id
                WHERE o.closed_at IS NOT NULL GROUP BY o.id HAVING open > 0
                """) { "order \($0["number"] as String) is closed but \($0["open"] as Int) unit(s) are still open" }
            try rule("order open with nothing left", """
                SELECT o.number FROM orders o INDEXED BY orders_open WHERE o.closed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.allocated + l.picked + l.backordered > 0)
                """) { "order \($0["number"] as String) has nothing left to ship but is still open" }
            try rule("line copies of order header", """
                SELECT l.order_no, l.line_no FROM order_line l JOIN orders o ON o.id = l.order_id
                WHERE l.order_no != o.number OR l.priority != o.priority OR l.order_date != o.order_date
                """) { "order \($0["order_no"] as String) line \($0["line_no"] as Int): its copy of the order's number, priority or date differs from the order" }
            // Anti-joins both ways (a scan, a key lookup per row): exactly one matching queue row per waiting line, no other rows.
            try rule("waiting queue mirrors the order lines", """
                SELECT l.order_no, l.line_no, l.sku, l.backordered FROM order_line l NOT INDEXED
                WHERE l.backordered > 0 AND NOT EXISTS (
                    SELECT 1 FROM waiting w WHERE w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date
                    AND w.order_no = l.order_no AND w.line_no = l.line_no AND w.line_id = l.id AND w.order_id = l.order_id
                    AND w.backordered = l.backordered)
                """) { "order \($0["order_no"] as String) line \($0["line_no"] as Int) (\($0["sku"] as String)) waits for \($0["backordered"] as Int) unit(s) but the waiting queue lacks it or says otherwise" }
            try rule("waiting queue mirrors the order lines", """
                SELECT w.order_no, w.line_no, w.sku, w.backordered FROM waiting w
                WHERE NOT EXISTS (
                    SELECT 1 FROM order_line l WHERE l.id = w.line_id AND l.sku = w.sku AND l.priority = w.priority
                    AND l.order_date = w.order_date AND l.order_no = w.order_no AND l.line_no = w.line_no AND l.order_id = w.order_id
                    AND l.backordered = w.backordered)
                """) { "the waiting queue holds order \($0["order_no"] as String) line \($0["line_no"] as Int) (\($0["sku"] as String)) waiting for \($0["backordered"] as Int) unit(s), but no order line matches it" }
            found += try Pegging.verifyAll(db, limit: limit)
            try rule("more than one pending notice", "SELECT o.number, COUNT(*) n FROM notice n JOIN orders o ON o.id = n.order_id WHERE n.sent_at IS NULL GROUP BY n.order_id HAVING n > 1") {
                "order \($0["number"] as String) has \($0["n"] as Int) pending notices"
            }
            return found
        }
    }

    /// Line counters, stock on hand and the journal's references, in one sequential pass over the journal.
    ///
    /// Line ids are dense row ids, so the journal is summed straight into an array indexed by line (no sort of 3 million
    /// rows), and rows are stepped with SQLite's C API (decoding them through rows of values cost more than reading
    /// them). The journal's foreign keys are checked in the same pass; `checkPages` leaves the journal table to it.
    func journalSums(_ db: Database, limit: Int) throws -> [Violation] {
        var found: [Violation] = []
        let maxLine = Int(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM order_line") ?? 0)
        // Each line's counters minus its journal rows: all zero when they agree.
        var remaining = [Int64](repeating: 0, count: (maxLine + 1) * 6)
        var isLine = [Bool](repeating: false, count: maxLine + 1)
        var journaled = [Bool](repeating: false, count: maxLine + 1)
        try step(db, "SELECT id, ordered, allocated, picked, shipped, backordered, cancelled FROM order_line") { s in
            let id = Int(sqlite3_column_int64(s, 0))
            guard id >= 0 && id <= maxLine else { return }
            isLine[id] = true
            for k in 0..<6 { remaining[id * 6 + k] = sqlite3_column_int64(s, Int32(k + 1)) }
        }
        let arrivals = Set(try Int64.fetchAll(db, sql: "SELECT id FROM arrival"))
        let shipments = Set(try Int64.fetchAll(db, sql: "SELECT id FROM shipment"))
        let receipts = Set(try Int64.fetchAll(db, sql: "SELECT id FROM receipt"))
        var onHand: [String: Int64] = [:]
        var badReferences = 0
        func missing(_ movement: Int64, _ parent: String) {
            badReferences += 1
            if badReferences <= limit {
                found.append(Violation(rule: "foreign keys", detail: "movement row \(movement) points to a missing \(parent) row"))
            }
        }
        var unlinked: Int64?
        try step(db, """
            SELECT id, line_id, d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand,
                   arrival_id, shipment_id, receipt_id, sku
            FROM movement NOT INDEXED
            """) { s in
            let id = sqlite3_column_int64(s, 0)
            if sqlite3_column_type(s, 1) == SQLITE_NULL {
                if unlinked == nil {
                    for k in Int32(2)...7 where sqlite3_column_int64(s, k) != 0 { unlinked = id; break }
                }
            } else {
                let line = Int(sqlite3_column_int64(s, 1))
                if line >= 0 && line <= maxLine && isLine[line] {
                    journaled[line] = true
                    for k in 0..<6 { remaining[line * 6 + k] -= sqlite3_column_int64(s, Int32(k + 2)) }
                } else {
                    missing(id, "order_line")
                }
            }
            let delta = sqlite3_column_int64(s, 8)
            if delta != 0, let text = sqlite3_column_text(s, 12) { onHand[String(cString: text), default: 0] += delta }
            // Unrolled: an array of (column, set) per row would allocate three million times.
            if sqlite3_column_type(s, 9) != SQLITE_NULL && !arrivals.contains(sqlite3_column_int64(s, 9)) { missing(id, "arrival") }
            if sqlite3_column_type(s, 10) != SQLITE_NULL && !shipments.contains(sqlite3_column_int64(s, 10)) { missing(id, "shipment") }
            if sqlite3_column_type(s, 11) != SQLITE_NULL && !receipts.contains(sqlite3_column_int64(s, 11)) { missing(id, "receipt") }
        }
        if let unlinked {
            found.append(Violation(rule: "journal without line", detail: "movement \(unlinked) changes order-line buckets but names no line"))
        }
        // A SKU the journal names that is no item: found through the index, then one of its rows named.
        for sku in try String.fetchAll(db, sql: """
            SELECT sku FROM (SELECT DISTINCT sku FROM movement) WHERE sku NOT IN (SELECT sku FROM item) LIMIT \(limit)
            """) {
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM movement WHERE sku = ? LIMIT 1", arguments: [sku]) { missing(id, "item") }
        }
        var bad = 0
        for id in 0...maxLine where isLine[id] && (!journaled[id] || (0..<6).contains(where: { remaining[id * 6 + $0] != 0 })) {
            bad += 1
            guard bad <= limit, let l = try db.row(sql: """
                SELECT order_no, line_no, ordered, allocated, picked, shipped, backordered, cancelled FROM order_line WHERE id = ?
                """, arguments: [id]) else { continue }
            let counters = (0..<6).map { l[2 + $0] as Int64 }
            let journal = journaled[id] ? (0..<6).map { counters[$0] - remaining[id * 6 + $0] } : nil
            found.append(Violation(rule: "line vs journal", detail: "order \(l[0] as String) line \(l[1] as Int): counters (o/a/p/s/b/c) "
                                   + counters.map(String.init).joined(separator: "/") + " but journal sums "
                                   + (journal.map { $0.map(String.init).joined(separator: "/") } ?? "nothing (no movement)")))
        }
        var stock = 0
        for r in try Row.fetchAll(db, sql: "SELECT sku, on_hand FROM item ORDER BY sku") {
            let sku: String = r[0], counter: Int64 = r[1], journal = onHand[sku] ?? 0
            guard counter != journal else { continue }
            stock += 1
            if stock <= limit {
                found.append(Violation(rule: "stock vs journal", detail: "\(sku): on hand \(counter) but the journal sums to \(journal)"))
            }
        }
        return found
    }

    /// Steps `sql` with SQLite's C API, calling `row` with the statement at each row.
    private func step(_ db: Database, _ sql: String, _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try row(s)
        }
    }

    func rulesFromSQL(_ db: Database, limit: Int, into found: inout [Violation], name: String, _ sql: String, _ describe: (Row) -> String) throws {
        for r in try db.rows(sql: sql + " LIMIT \(limit)") { found.append(Violation(rule: name, detail: describe(r))) }
    }
}

/// A slot one concurrent task fills and the caller reads after both finished.
private final class Box<T>: @unchecked Sendable {
    var value: T?
}
