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
        return (b.rules + a.rules).enumerated()
            .sorted { (Warehouse.ruleOrder($0.element.rule), $0.offset) < (Warehouse.ruleOrder($1.element.rule), $1.offset) }
            .map(\.element)
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

    /// Tables whose foreign keys `CheckPasses` checks in its own passes, with the columns it checks; SQLite's
    /// `foreign_key_check` (seconds on these tables) checks the others. A test holds this list to the schema.
    static let foreignKeysCheckedInPasses: [String: Set<String>] = [
        "order_line": ["order_id>orders.id", "sku>item.sku"],
        "shipment_line": ["shipment_id>shipment.id", "line_id>order_line.id"],
        "shipment": ["order_id>orders.id"],
        "receipt": ["arrival_id>arrival.id", "sku>item.sku"],
        "arrival": ["sku>item.sku"],
        "movement": ["sku>item.sku", "line_id>order_line.id", "arrival_id>arrival.id", "shipment_id>shipment.id", "receipt_id>receipt.id"],
    ]

    /// The rules that read little: SQLite's foreign-key check of the small tables, stock and arrival rules, pegging, notices, the kept counters.
    static func checkSmallRules(_ db: Database, limit: Int) throws -> [Violation] {
        var found: [Violation] = []
        func rule(_ name: String, _ sql: String, _ describe: (Row) -> String) throws {
            for r in try db.rows(sql: sql + " LIMIT \(limit)") { found.append(Violation(rule: name, detail: describe(r))) }
        }
        var foreign = 0
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        where foreignKeysCheckedInPasses[table] == nil && foreign < limit {
            for r in try db.rows(sql: "PRAGMA foreign_key_check(\(table.quotedDatabaseIdentifier))").prefix(limit - foreign) {
                foreign += 1
                found.append(Violation(rule: "foreign keys", detail: Localizer.process(CheckText.missingParent, r[0] as String? ?? "?", Plain(Int(r[1] as Int64? ?? 0)), r[2] as String? ?? "?"))) // not prose: the rule key
            }
        }
        try rule("negative free stock", "SELECT sku, on_hand, allocated, picked FROM item WHERE on_hand < allocated + picked OR on_hand < 0") {
            Localizer.process(CheckText.negativeFree, $0["sku"] as String, $0["on_hand"] as Int, $0["allocated"] as Int, $0["picked"] as Int)
        }
        try rule("free stock while orders wait", "SELECT sku, on_hand - allocated - picked AS free, backordered FROM item WHERE on_hand - allocated - picked > 0 AND backordered > 0") {
            Localizer.process(CheckText.freeWhileWaiting, $0["sku"] as String, $0["free"] as Int, $0["backordered"] as Int)
        }
        try rule("incoming vs arrivals", """
            SELECT i.sku, i.incoming, COALESCE(a.q, 0) q FROM item i
            LEFT JOIN (SELECT sku, SUM(MAX(quantity - received, 0)) q FROM arrival WHERE closed_at IS NULL GROUP BY sku) a ON a.sku = i.sku
            WHERE i.incoming != COALESCE(a.q, 0)
            """) { Localizer.process(CheckText.incomingVsArrivals, $0["sku"] as String, $0["incoming"] as Int, $0["q"] as Int) }
        try rule("arrival open/closed", """
            SELECT po_number, po_line, quantity, received, closed_at FROM arrival
            WHERE (closed_at IS NULL AND received >= quantity) OR (closed_at IS NOT NULL AND received < quantity)
            """) { Localizer.process($0["closed_at"] == nil ? CheckText.arrivalStillOpen : .arrivalClosed, "\($0["po_number"] as String)/\($0["po_line"] as Int)", $0["received"] as Int, $0["quantity"] as Int) }
        found += try Pegging.verifyAll(db, limit: limit)
        found += try checkSearchIndex(db, limit: limit)
        try rule("more than one pending notice", "SELECT o.number, COUNT(*) n FROM notice n JOIN orders o ON o.id = n.order_id WHERE n.sent_at IS NULL GROUP BY n.order_id HAVING n > 1") {
            Localizer.process(CheckText.manyNotices, $0["number"] as String, $0["n"] as Int)
        }
        found += try Counters.verify(db, limit: limit)
        return found
    }

    /// Where a rule's findings go in the report: SQLite's pages, references, then the rules from the journal outwards.
    static func ruleOrder(_ rule: String) -> Int {
        ruleNames.firstIndex(of: rule) ?? ruleNames.count
    }

    // not prose: the rule names are keys scripts read, the same in every language.
    static let ruleNames = [
        "sqlite integrity", "foreign keys", "journal without line", "line vs journal", "stock vs journal", "line balance", // not prose: rule keys
        "stock vs lines", "negative free stock", "free stock while orders wait", "incoming vs arrivals", "arrival vs receipts", // not prose: rule keys
        "arrival open/closed", "shipments vs lines", "order closed with open units", "order open with nothing left", // not prose: rule keys
        "line copies of order header", "waiting queue mirrors the order lines", "promised date", "more than one pending notice", // not prose: rule keys
        "search index", // not prose: a rule key
        "counters", // not prose: a rule key
    ]
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
