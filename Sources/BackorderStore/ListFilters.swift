import BackorderCore
import GRDB

/// A list's text filter as SQL: LIKE or case-folding GLOB over a list's columns, and the names a filter also finds
/// (an item's name, a customer's).
extension Warehouse {
    /// `AND (…)` matching the filter text anywhere in any of `columns`, case-insensitively. A column given as a ready
    /// condition (it contains `LIKE ?`) is used as it is, with the pattern bound to each of its placeholders.
    func likeFilter(_ text: String, columns: [String]) -> (String, StatementArguments) {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return ("", StatementArguments()) }
        let match = textMatch(t)
        let terms = columns.map { $0.contains("LIKE ?") ? match.rewrite($0) : match.condition($0) }
        let placeholders = terms.reduce(0) { $0 + $1.filter { $0 == "?" }.count }
        return ("AND (" + terms.joined(separator: " OR ") + ")", StatementArguments(Array(repeating: match.pattern, count: placeholders)))
    }

    /// How a filter text is matched: SQLite's LIKE folds the case of ASCII letters only, so a text with other letters
    /// (`øst`, `ÅLESUND`) is matched with GLOB, each letter written as both its cases (`[øØ][sS][tT]`).
    struct TextMatch {
        var op: String
        var pattern: String
        var escape: String
        /// `column LIKE ?` (or GLOB) with its escape clause.
        func condition(_ column: String) -> String { "\(column) \(op) ?\(escape)" }
        /// A ready condition written with `LIKE ?`, for this match.
        func rewrite(_ sql: String) -> String {
            op == "LIKE" ? (sql.hasSuffix("LIKE ?") ? sql + escape : sql) : sql.replacingOccurrences(of: "LIKE ?", with: "GLOB ?")
        }
    }

    func textMatch(_ text: String) -> TextMatch {
        if text.unicodeScalars.allSatisfy(\.isASCII) { return TextMatch(op: "LIKE", pattern: likePattern(text), escape: likeEscape(text)) }
        var glob = "*"
        for c in text {
            let lower = String(c).lowercased(), upper = String(c).uppercased()
            if "*?[".contains(c) { glob += "[\(c)]" }
            else if lower != upper && lower.count == 1 && upper.count == 1 { glob += "[\(lower)\(upper)]" }
            else { glob.append(c) }
        }
        return TextMatch(op: "GLOB", pattern: glob + "*", escape: "")
    }

    /// The ESCAPE clause `likePattern` needs for `text`: none when it has nothing to escape (a tenth of a filter's
    /// time on a list of 100,000 rows).
    func likeEscape(_ text: String) -> String {
        text.contains(where: { $0 == "%" || $0 == "_" || $0 == "\\" }) ? " ESCAPE '\\'" : ""
    }

    /// `%text%` with LIKE's wildcards in `text` escaped (ESCAPE '\\'), so they match themselves.
    func likePattern(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    /// What a list's filter looks at: text columns, and columns that match through a small set looked up first.
    struct FilterColumns {
        var text: [String]
        /// For columns of `text`: a query ending in `LIKE ?` over a smaller table holding every value the column has in
        /// the list, asked in this order and only while nothing else can match. A column whose query finds nothing is
        /// left out; once anything matches, the list is read anyway and the remaining columns cost less than a check.
        var textDomains: [(column: String, query: String)] = []
        /// A SKU column that also matches when its item's name does.
        var skuByItemName: String?
        /// A customer-code column that also matches when the customer's name does.
        var customer: String?
        /// An order-id column that matches when its order's customer code or name does.
        var orderByCustomer: String?
        /// The order-number column and the order-id column of the same row, for the full-text index (`indexedFilter`).
        var orderNumber: (number: String, id: String)?
    }

    /// `AND (…)` matching the filter text in `columns`, case-insensitively. The items and customers whose names match
    /// are looked up first (small tables) and a set that comes out empty is left out; when nothing else can match, so
    /// are the values of the columns with `textDomains`. Nil when nothing is left: the filter matches no row, and the
    /// list need not be read at all (it was a pass over its index with two LIKEs per row). A set is tested on each row
    /// the list walks (the unary `+` keeps SQLite from driving the query from the set instead: alone in the filter, a
    /// set of 2,000 SKUs made it join in another order and sort, 80 ms instead of 10).
    func filter(_ db: Database, _ text: String, _ columns: FilterColumns) throws -> (String, StatementArguments)? {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return ("", StatementArguments()) }
        // Three characters or more: the full-text index (Search.swift). Shorter texts match most rows, so the walk
        // below finds a page at once; it is bounded by the list's length, as before v15.
        if t.unicodeScalars.count >= SearchIndex.minimumLength, columns.orderNumber != nil { return try indexedFilter(db, t, columns) }
        let match = textMatch(t)
        let pattern = match.pattern
        var sets: [String] = [], setArgs = StatementArguments()
        // A short text matches many names: past the bound, the name is tested on each row walked (the page is then
        // found after a few rows) instead of reading every match first (200,000 items on 10 million lines).
        if let sku = columns.skuByItemName {
            let skus = try String.fetchAll(db.cachedStatement(sql: """
                SELECT sku FROM item WHERE \(match.condition("name")) LIMIT \(SearchIndex.itemSetBound + 1)
                """), arguments: [pattern])
            if skus.count > SearchIndex.itemSetBound {
                sets.append(Warehouse.itemNameTest(sku, match)); setArgs += [pattern]
            } else if !skus.isEmpty {
                sets.append("+\(sku) IN (SELECT value FROM json_each(?))"); setArgs += [JSONArgument.strings(skus)]
            }
        }
        if columns.customer != nil || columns.orderByCustomer != nil {
            let codes = try String.fetchAll(db.cachedStatement(sql: """
                SELECT code FROM customer WHERE \(match.condition("code")) OR \(match.condition("name")) LIMIT \(SearchIndex.itemSetBound + 1)
                """), arguments: [pattern, pattern])
            let (terms, args) = Warehouse.customerTerms(columns, codes: codes, match: match)
            sets += terms; setArgs += args
        }
        var matchesElsewhere = !sets.isEmpty || columns.text.contains { c in !columns.textDomains.contains { $0.column == c } }
        var leftOut = Set<String>()
        for domain in columns.textDomains where !matchesElsewhere {
            if try db.int(sql: "SELECT EXISTS(\(match.rewrite(domain.query)))", arguments: [pattern]) == 0 {
                leftOut.insert(domain.column)
            } else {
                matchesElsewhere = true
            }
        }
        guard matchesElsewhere else { return nil }
        let terms = columns.text.filter { !leftOut.contains($0) }.map(match.condition)
        return ("AND (" + (terms + sets).joined(separator: " OR ") + ")",
                StatementArguments(Array(repeating: pattern, count: terms.count)) + setArgs)
    }

    /// The filter on a SKU column through its item's name, tested on the row (one lookup by key): for a text that
    /// matches too many items to list. Takes the match's pattern once.
    static func itemNameTest(_ sku: String, _ match: TextMatch) -> String {
        "EXISTS (SELECT 1 FROM item fi WHERE fi.sku = \(sku) AND \(match.condition("fi.name")))"
    }

    /// The filter's terms for the customer columns, from the customer codes the text matches (`codes`, read with a
    /// limit one past the bound): the codes as a set, or past the bound the customer tested on each row walked.
    static func customerTerms(_ columns: FilterColumns, codes: [String], match: TextMatch) -> ([String], StatementArguments) {
        var terms: [String] = [], args = StatementArguments()
        guard !codes.isEmpty else { return (terms, args) }
        let matches = "(\(match.condition("fc.code")) OR \(match.condition("fc.name")))"
        let many = codes.count > SearchIndex.itemSetBound
        if let c = columns.customer {
            if many {
                terms.append("EXISTS (SELECT 1 FROM customer fc WHERE fc.code = \(c) AND \(matches))"); args += [match.pattern, match.pattern]
            } else {
                terms.append("+\(c) IN (SELECT value FROM json_each(?))"); args += [JSONArgument.strings(codes)]
            }
        }
        if let o = columns.orderByCustomer {
            if many {
                terms.append("EXISTS (SELECT 1 FROM orders fo JOIN customer fc ON fc.code = fo.customer WHERE fo.id = \(o) AND \(matches))")
                args += [match.pattern, match.pattern]
            } else {
                terms.append("+\(o) IN (SELECT id FROM orders WHERE customer IN (SELECT value FROM json_each(?)))")
                args += [JSONArgument.strings(codes)]
            }
        }
        return (terms, args)
    }

    /// Filter columns of the open-orders list: all in the `orders_open` index, so a filter never reads the table.
    static let orderFilter = FilterColumns(text: ["o.number"], customer: "o.customer", orderNumber: ("o.number", "o.id"))
    /// Filter columns of the backorder list: all in the `line_open_age` index, and named alike in `waiting`.
    static let backorderFilter = FilterColumns(
        text: ["l.order_no", "l.sku"],
        // A waiting line's SKU is an item's, and its order is open (it closes only when every line is shipped or
        // cancelled); the items are fewer.
        textDomains: [("l.sku", "SELECT 1 FROM item WHERE sku LIKE ?"),
                      ("l.order_no", "SELECT 1 FROM orders INDEXED BY orders_open WHERE closed_at IS NULL AND number LIKE ?")],
        skuByItemName: "l.sku", orderByCustomer: "l.order_id", orderNumber: ("l.order_no", "l.order_id"))
}
