import BackorderCore
import GRDB

/// The filter's full-text index (schema v15): SQLite's FTS5 with the trigram tokenizer, which finds any substring of
/// three characters or more and folds the case of every letter (æøå included; accents are kept, as `LIKE` keeps them).
///
/// - `order_search`: order numbers, an external-content index over `orders` (rowid = `orders.id`): no number is stored
///   twice. Orders are many (a fifth of the lines).
/// - `item_search` (SKU, name) and `customer_search` (code, name): small tables with their own copy of the text,
///   found by key, since an item's or customer's implicit rowid may change on VACUUM.
///
/// A changed item or customer is found in its index's content table (`…_content`, columns `c0`, `c1`: FTS5's own),
/// a plain table read without tokenizing.
///
/// Kept by triggers, not in Swift: every writer (operations, corrections, imports, restore, tools) keeps it in the same
/// transaction without knowing of it. Bulk writers may drop them (`dropSearchTriggers`) and call `rebuildSearchIndex`.
enum SearchIndex {
    /// A filter needs this many characters (Unicode scalars) for the trigram index; shorter ones take the list's own
    /// index, as before v15.
    static let minimumLength = 3
    /// Past this many orders matching by number, the list is walked with the number test instead of a set of ids (the
    /// first page is then found at once; a set that large costs more to build than the walk).
    /// A test lowers it to take the other path on a small file.
    nonisolated(unsafe) static var orderSetBound = 5_000
    /// Past this many items matching, the SKU and name are tested on the walk instead.
    nonisolated(unsafe) static var itemSetBound = 5_000

    /// v15: the tables, their fts5vocab views (for `check`), the triggers, and the index built from the rows.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE order_search USING fts5(number, content='orders', content_rowid='id', tokenize='trigram');
            \(smallTables)
            CREATE VIRTUAL TABLE order_search_terms USING fts5vocab(order_search, row);
            CREATE VIRTUAL TABLE item_search_terms USING fts5vocab(item_search, row);
            CREATE VIRTUAL TABLE customer_search_terms USING fts5vocab(customer_search, row);
            """)
        try createSearchTriggers(db)
        try Warehouse.rebuildSearchIndex(db)
    }

    /// The indexes of the small tables, with their own copy of the text.
    static let smallTables = """
        CREATE VIRTUAL TABLE item_search USING fts5(sku, name, tokenize='trigram');
        CREATE VIRTUAL TABLE customer_search USING fts5(code, name, tokenize='trigram');
        """

    static let triggers = ["order_search_added", "order_search_removed", "order_search_renumbered", "item_search_added",
                           "item_search_removed", "item_search_renamed", "customer_search_added", "customer_search_removed",
                           "customer_search_renamed"]

    /// The triggers that keep the index in step with `orders`, `item` and `customer`.
    static func createSearchTriggers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER order_search_added AFTER INSERT ON orders
            BEGIN INSERT INTO order_search (rowid, number) VALUES (NEW.id, NEW.number); END;
            CREATE TRIGGER order_search_removed AFTER DELETE ON orders
            BEGIN INSERT INTO order_search (order_search, rowid, number) VALUES ('delete', OLD.id, OLD.number); END;
            CREATE TRIGGER order_search_renumbered AFTER UPDATE OF id, number ON orders
            BEGIN
                INSERT INTO order_search (order_search, rowid, number) VALUES ('delete', OLD.id, OLD.number);
                INSERT INTO order_search (rowid, number) VALUES (NEW.id, NEW.number);
            END;
            CREATE TRIGGER item_search_added AFTER INSERT ON item
            BEGIN INSERT INTO item_search (sku, name) VALUES (NEW.sku, NEW.name); END;
            CREATE TRIGGER item_search_removed AFTER DELETE ON item
            BEGIN DELETE FROM item_search WHERE rowid IN (SELECT id FROM item_search_content WHERE c0 = OLD.sku); END;
            CREATE TRIGGER item_search_renamed AFTER UPDATE OF sku, name ON item WHEN OLD.sku IS NOT NEW.sku OR OLD.name IS NOT NEW.name
            BEGIN
                DELETE FROM item_search WHERE rowid IN (SELECT id FROM item_search_content WHERE c0 = OLD.sku);
                INSERT INTO item_search (sku, name) VALUES (NEW.sku, NEW.name);
            END;
            CREATE TRIGGER customer_search_added AFTER INSERT ON customer
            BEGIN INSERT INTO customer_search (code, name) VALUES (NEW.code, NEW.name); END;
            CREATE TRIGGER customer_search_removed AFTER DELETE ON customer
            BEGIN DELETE FROM customer_search WHERE rowid IN (SELECT id FROM customer_search_content WHERE c0 = OLD.code); END;
            CREATE TRIGGER customer_search_renamed AFTER UPDATE OF code, name ON customer WHEN OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name
            BEGIN
                DELETE FROM customer_search WHERE rowid IN (SELECT id FROM customer_search_content WHERE c0 = OLD.code);
                INSERT INTO customer_search (code, name) VALUES (NEW.code, NEW.name);
            END;
            """)
    }

    /// Drops the triggers, for a bulk writer that calls `rebuildSearchIndex` (and `createSearchTriggers`) at its end.
    static func dropSearchTriggers(_ db: Database) throws {
        for t in triggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(t)") }
    }

    /// The FTS5 phrase that matches `text` as a substring: quoted, its quotes doubled.
    static func phrase(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension Warehouse {
    /// Builds the filter's index from the rows, whatever it held: for the generator (after its bulk writes) and the
    /// v15 migration. Run inside a write transaction. The small tables are made anew: deleting rows whose copy of the
    /// text no longer matches the index is what FTS5 calls corruption.
    static func rebuildSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO order_search (order_search) VALUES ('rebuild');
            DROP TABLE item_search;
            DROP TABLE customer_search;
            \(SearchIndex.smallTables)
            INSERT INTO item_search (sku, name) SELECT sku, name FROM item ORDER BY sku;
            INSERT INTO customer_search (code, name) SELECT code, name FROM customer ORDER BY code;
            """)
    }

    /// The filter for a text of three characters or more, through the index: the items and customers it matches, and
    /// the orders whose number it matches, as sets each row of the list is tested against (the `+` keeps SQLite walking
    /// the list's own index, see `filter`). A set past its bound is replaced by the text test on the walk. Nil when the
    /// index finds nothing: the list is not read at all.
    func indexedFilter(_ db: Database, _ t: String, _ columns: FilterColumns) throws -> (String, StatementArguments)? {
        let phrase = SearchIndex.phrase(t)
        var terms: [String] = [], args = StatementArguments()
        var lazy: TextMatch? = nil
        func match() -> TextMatch {
            if let lazy { return lazy }
            lazy = textMatch(t)
            return lazy!
        }
        if let sku = columns.skuByItemName {
            // Row ids first (the index alone); the SKUs from the index's plain content table: reading them through
            // FTS5 costs five times as much.
            let rowids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT rowid FROM item_search WHERE item_search MATCH ? LIMIT \(SearchIndex.itemSetBound + 1)
                """), arguments: [phrase])
            let skus = rowids.isEmpty || rowids.count > SearchIndex.itemSetBound ? [] : try String.fetchAll(db.cachedStatement(
                sql: "SELECT c0 FROM item_search_content WHERE id IN (SELECT value FROM json_each(?))"), arguments: [JSONArgument.ids(rowids)])
            if rowids.count > SearchIndex.itemSetBound {
                // Most items match: a name set would be as large, so SKU and name are tested on each row walked.
                let m = match()
                terms.append("\(m.condition(sku)) OR \(Warehouse.itemNameTest(sku, m))")
                args += [m.pattern, m.pattern]
            } else if !skus.isEmpty {
                terms.append("+\(sku) IN (SELECT value FROM json_each(?))")
                args += [JSONArgument.strings(skus)]
            }
        }
        if columns.customer != nil || columns.orderByCustomer != nil {
            let codes = try String.fetchAll(db.cachedStatement(sql: """
                SELECT c0 FROM customer_search_content WHERE id IN (
                    SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT \(SearchIndex.itemSetBound + 1))
                """), arguments: [phrase])
            let (more, moreArgs) = Warehouse.customerTerms(columns, codes: codes, match: codes.count > SearchIndex.itemSetBound ? match() : textMatch(""))
            terms += more; args += moreArgs
        }
        if let (number, id) = columns.orderNumber {
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT rowid FROM order_search WHERE order_search MATCH ? LIMIT \(SearchIndex.orderSetBound + 1)
                """), arguments: [phrase])
            if ids.count > SearchIndex.orderSetBound {
                let m = match()
                terms.append(m.condition(number))
                args += [m.pattern]
            } else if !ids.isEmpty {
                terms.append("+\(id) IN (SELECT value FROM json_each(?))")
                args += [JSONArgument.ids(ids)]
            }
        }
        guard !terms.isEmpty else { return nil }
        return ("AND (" + terms.joined(separator: " OR ") + ")", args)
    }

    /// `check`'s rule "search index": every order, item and customer is in the filter's index with its text, nothing
    /// else is, and the index holds as many trigrams as that text has (so an entry lost or left behind shows).
    static func checkSearchIndex(_ db: Database, limit: Int) throws -> [Violation] {
        var found: [Violation] = []
        func add(_ key: SearchText, _ args: any MessageArgument...) {
            if found.count < limit { found.append(Violation(rule: "search index", detail: Localizer.process.text(key, args))) } // not prose: the rule key
        }
        // External content: the index's own record of each document (its size row) names the orders it holds.
        for r in try db.rows(sql: """
            SELECT o.number FROM orders o LEFT JOIN order_search_docsize d ON d.id = o.id WHERE d.id IS NULL LIMIT \(limit)
            """) { add(SearchText.orderMissing, r[0] as String) }
        for r in try db.rows(sql: """
            SELECT d.id FROM order_search_docsize d LEFT JOIN orders o ON o.id = d.id WHERE o.id IS NULL LIMIT \(limit)
            """) { add(SearchText.orderExtra, Plain(Int(r[0] as Int64))) }
        for (table, key, rows) in [("item_search", "sku", "item"), ("customer_search", "code", "customer")] {
            for r in try db.rows(sql: """
                SELECT t.\(key) FROM \(rows) t LEFT JOIN \(table)_content s ON s.c0 = t.\(key)
                WHERE s.c1 IS NOT t.name LIMIT \(limit)
                """) { add(SearchText.textDiffers, table, r[0] as String) }
            for r in try db.rows(sql: """
                SELECT s.c0 FROM \(table)_content s LEFT JOIN \(rows) t ON t.\(key) = s.c0 WHERE t.\(key) IS NULL LIMIT \(limit)
                """) { add(SearchText.textExtra, table, r[0] as String? ?? "") }
        }
        // Trigrams: a text of n characters has n - 2.
        let expected: [(String, String)] = [
            ("order_search", "SELECT COALESCE(SUM(MAX(length(number) - 2, 0)), 0) FROM orders"),
            ("item_search", "SELECT COALESCE(SUM(MAX(length(c0) - 2, 0) + MAX(length(c1) - 2, 0)), 0) FROM item_search_content"),
            ("customer_search", "SELECT COALESCE(SUM(MAX(length(c0) - 2, 0) + MAX(length(c1) - 2, 0)), 0) FROM customer_search_content"),
        ]
        for (table, sql) in expected {
            let want = try db.int(sql: sql) ?? 0
            let held = try db.int(sql: "SELECT COALESCE(SUM(cnt), 0) FROM \(table)_terms") ?? 0
            if want != held { add(SearchText.trigramCount, table, held, want) }
        }
        return found
    }
}
