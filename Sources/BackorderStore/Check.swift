import BackorderCore
import Dispatch
import GRDB

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
                    rules.value = Result { try self.read { try self.checkRules($0, limit: limit) } }
                }
            }
        } else {
            pages.value = Result { try read { try Warehouse.checkPages($0, pragma: integrity ? pragma : nil, limit: limit) } }
            rules.value = Result { try read { try checkRules($0, limit: limit) } }
        }
        let pageReport = try pages.value!.get()
        if pageReport.contains(where: { $0.rule == "sqlite integrity" }) {
            // A damaged file makes the rules meaningless: report the damage alone.
            return pageReport
        }
        return pageReport + (try rules.value!.get())
    }

    /// SQLite's own checks: the pages (`pragma`, when given) and the foreign keys.
    static func checkPages(_ db: Database, pragma: String?, limit: Int) throws -> [Violation] {
        // Reading the file through memory maps spares a copy per page on a multi-hundred-megabyte scan.
        try db.execute(sql: "PRAGMA mmap_size = 4294967296")
        if let pragma {
            let report = try String.fetchAll(db, sql: pragma)
            if report != ["ok"] { return report.prefix(limit).map { Violation(rule: "sqlite integrity", detail: $0) } }
        }
        return try db.rows(sql: "PRAGMA foreign_key_check").prefix(limit).map { r in
            Violation(rule: "foreign keys", detail: "\(r[0] as String? ?? "?") row \(r[1] as Int64? ?? 0) points to a missing \(r[2] as String? ?? "?") row")
        }
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

    /// Line counters and stock on hand against the journal. The journal is grouped by a sequential scan and a sort
    /// (grouping 3 million rows through an index reads the table in random order), then merged with the lines by id.
    func journalSums(_ db: Database, limit: Int) throws -> [Violation] {
        var found: [Violation] = []
        if let r = try db.row(sql: """
            SELECT id FROM movement NOT INDEXED WHERE line_id IS NULL
              AND (d_ordered != 0 OR d_allocated != 0 OR d_picked != 0 OR d_shipped != 0 OR d_backordered != 0 OR d_cancelled != 0) LIMIT 1
            """) {
            found.append(Violation(rule: "journal without line", detail: "movement \(r[0] as Int64) changes order-line buckets but names no line"))
        }
        let sums = try Row.fetchCursor(db, sql: """
            SELECT line_id, SUM(d_ordered), SUM(d_allocated), SUM(d_picked), SUM(d_shipped), SUM(d_backordered), SUM(d_cancelled)
            FROM movement NOT INDEXED WHERE line_id IS NOT NULL GROUP BY line_id ORDER BY line_id
            """)
        let lines = try Row.fetchCursor(db, sql: """
            SELECT id, order_no, line_no, ordered, allocated, picked, shipped, backordered, cancelled FROM order_line ORDER BY id
            """)
        var next = try sums.next()
        var bad = 0
        while let l = try lines.next() {
            let id: Int64 = l[0]
            // Journal groups of ids that are not lines: the foreign-key check names those.
            while let m = next, (m[0] as Int64) < id { next = try sums.next() }
            let counters = (0..<6).map { l[3 + $0] as Int }
            var journal: [Int]?
            if let m = next, (m[0] as Int64) == id { journal = (0..<6).map { m[1 + $0] as Int } }
            if journal == counters { continue }
            bad += 1
            guard bad <= limit else { continue }
            found.append(Violation(rule: "line vs journal", detail: "order \(l[1] as String) line \(l[2] as Int): counters (o/a/p/s/b/c) "
                                   + counters.map(String.init).joined(separator: "/") + " but journal sums "
                                   + (journal.map { $0.map(String.init).joined(separator: "/") } ?? "nothing (no movement)")))
        }
        try rulesFromSQL(db, limit: limit, into: &found, name: "stock vs journal", """
            SELECT i.sku, i.on_hand, COALESCE(m.h, 0) AS h FROM item i
            LEFT JOIN (SELECT sku, SUM(d_on_hand) h FROM movement NOT INDEXED WHERE d_on_hand != 0 GROUP BY sku) m ON m.sku = i.sku
            WHERE i.on_hand != COALESCE(m.h, 0)
            """) { "\($0["sku"] as String): on hand \($0["on_hand"] as Int) but the journal sums to \($0["h"] as Int)" }
        return found
    }

    func rulesFromSQL(_ db: Database, limit: Int, into found: inout [Violation], name: String, _ sql: String, _ describe: (Row) -> String) throws {
        for r in try db.rows(sql: sql + " LIMIT \(limit)") { found.append(Violation(rule: name, detail: describe(r))) }
    }
}

/// A slot one concurrent task fills and the caller reads after both finished.
private final class Box<T>: @unchecked Sendable {
    var value: T?
}
