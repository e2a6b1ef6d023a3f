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
        let pragma = integrity ? (quick ? "PRAGMA quick_check" : "PRAGMA integrity_check") : nil
        // Two halves of about the same length: SQLite's page check with the small rules, and the passes over the big tables.
        let pagesHalf: @Sendable (Database) throws -> CheckHalf = { db in
            let pages = try Warehouse.checkPages(db, pragma: pragma, limit: limit)
            // A damaged file makes the rules meaningless: the damage is reported alone.
            if !pages.isEmpty { return CheckHalf(pages: pages) }
            return CheckHalf(rules: try Warehouse.checkSmallRules(db, limit: limit))
        }
        let passesHalf: @Sendable (Database) throws -> CheckHalf = { db in
            // Kept, not thrown: on a damaged file this reader may fail while the other one names the damage.
            do {
                var passes = CheckPasses(db, limit: limit)
                return CheckHalf(rules: try passes.run())
            } catch { return CheckHalf(failure: error) }
        }
        let halves: (CheckHalf, CheckHalf)
        if integrity, session == nil, let pool = writer as? DatabasePool {
            // Each rule reads one reader's snapshot; the two snapshots may be a commit apart, which no rule compares across.
            halves = try Warehouse.sideBySide(pool, pagesHalf, passesHalf)
        } else {
            halves = try read { db in
                let pages = try pagesHalf(db)
                return (pages, pages.pages.isEmpty ? try passesHalf(db) : CheckHalf())
            }
        }
        let (a, b) = halves
        if !a.pages.isEmpty { return a.pages }
        if let failure = b.failure { throw (failure as? DatabaseError).map { Warehouse.translate($0, path: path) } ?? failure }
        // Rules in a stable order whichever reader found them.
        return CheckRules.ordered(b.rules + a.rules)
    }

    /// Runs `first` and `second` at the same time, each in a read transaction of its own on `pool`.
    static func sideBySide<A: Sendable, B: Sendable>(_ pool: DatabasePool, _ first: @escaping @Sendable (Database) throws -> A,
                                                      _ second: @escaping @Sendable (Database) throws -> B) throws -> (A, B) {
        let a = Slot<Result<A, Error>>(), b = Slot<Result<B, Error>>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { a.value = Result { try pool.read(first) } } else { b.value = Result { try pool.read(second) } }
        }
        do {
            return (try a.value!.get(), try b.value!.get())
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: pool.path)
        }
    }

    /// SQLite's own check of the pages (`pragma`, when given).
    static func checkPages(_ db: Database, pragma: String?, limit: Int) throws -> [Violation] {
        guard let pragma else { return [] }
        let report = try String.fetchAll(db, sql: pragma)
        return report == ["ok"] ? [] : report.prefix(limit).map { Violation(rule: "sqlite integrity", detail: $0) } // not prose: a rule key; SQLite's own report
    }

    /// Tables whose foreign keys `TableRules` checks in its own passes, with the columns it checks; SQLite's
    /// `foreign_key_check` (seconds on these tables) checks the others. A test holds this list to the schema.
    static let foreignKeysCheckedInPasses = TableRules.referencesChecked

    /// The rules that read little: SQLite's foreign-key check of the small tables and its search index, and the shared
    /// `StockRules` (stock and arrival rules, pegging, notices, the kept counters) fed from the tables.
    static func checkSmallRules(_ db: Database, limit: Int) throws -> [Violation] {
        var found: [Violation] = []
        var foreign = 0
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        where foreignKeysCheckedInPasses[table] == nil && foreign < limit {
            for r in try db.rows(sql: "PRAGMA foreign_key_check(\(table.quotedDatabaseIdentifier))").prefix(limit - foreign) {
                foreign += 1
                found.append(Violation(rule: "foreign keys", detail: Localizer.process(CheckText.missingParent, r[0] as String? ?? "?", Plain(Int(r[1] as Int64? ?? 0)), r[2] as String? ?? "?"))) // not prose: the rule key
            }
        }
        var rules = StockRules(limit: limit)
        for r in try db.rows(sql: "SELECT sku, on_hand, allocated, picked, backordered, incoming FROM item ORDER BY sku") {
            rules.item(sku: r[0], onHand: r[1], allocated: r[2], picked: r[3], backordered: r[4], incoming: r[5])
        }
        for r in try db.rows(sql: "SELECT id, po_number, po_line, sku, quantity, received, eta, closed_at IS NOT NULL FROM arrival ORDER BY id") {
            rules.arrival(id: r[0], po: r[1], line: r[2], sku: r[3], quantity: r[4], received: r[5], eta: r[6], closed: r[7])
        }
        let waiting = try Row.fetchCursor(db, sql: """
            SELECT sku, priority, order_date, order_no, line_no, line_id, backordered, promised FROM waiting
            ORDER BY sku, priority, order_date, order_no, line_no
            """)
        while let r = try waiting.next() {
            rules.waiting(sku: r[0], priority: r[1], orderDate: r[2], orderNo: r[3], lineNo: r[4], lineId: r[5], backordered: r[6], promised: r[7])
        }
        for r in try db.rows(sql: """
            SELECT o.number, n.n FROM (SELECT order_id, COUNT(*) n FROM notice WHERE sent_at IS NULL GROUP BY order_id) n
            JOIN orders o ON o.id = n.order_id WHERE n.n > 1
            """) { rules.pendingNotices(order: r[0], count: r[1]) }
        rules.openOrders(try db.int(sql: "SELECT COUNT(*) FROM orders INDEXED BY orders_open WHERE closed_at IS NULL") ?? 0)
        for r in try db.rows(sql: "SELECT name, value FROM tally") { rules.keptCounter(name: r[0], value: r[1]) }
        for r in try db.rows(sql: "SELECT eta, arrivals FROM open_arrival_day") { rules.keptArrivalDay(eta: r[0], arrivals: r[1]) }
        found += rules.finish()
        found += try checkSearchIndex(db, limit: limit)
        return found
    }
}

/// What one reader found: SQLite's page report, or the rules it checked.
struct CheckHalf: Sendable {
    var pages: [Violation] = []
    var rules: [Violation] = []
    /// Why the reader could not finish.
    var failure: Error?
}

/// A slot one concurrent task fills and the caller reads after both finished.
private final class Slot<T>: @unchecked Sendable {
    var value: T?
}
