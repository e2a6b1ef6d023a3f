import BackorderCore
import GRDB

extension Warehouse {
    // MARK: lists (each reads only the rows it shows, through an index)

    /// Open orders, oldest first, or in the page's sort.
    public func openOrders(_ page: Page = Page()) throws -> [OpenOrderRow] {
        let orderBy = try Warehouse.orderTerms(page.sort)
        return try read { db in
            guard let (cond, args) = try filter(db, page.filter, Warehouse.orderFilter) else { return [] }
            let rows = try window(db, """
                SELECT o.id, o.number, o.customer, c.name AS customer_name, o.order_date, o.priority, o.policy, o.version
                FROM orders o INDEXED BY orders_open JOIN customer c ON c.code = o.customer
                WHERE o.closed_at IS NULL \(cond)
                """, orderBy: orderBy, arguments: args, page: page,
                total: { try self.count(db, .orders, condition: cond, arguments: args, sku: nil) })
            // The page's line totals in one grouped query, not one query per order.
            let ids = JSONArgument.ids(rows.map { $0["id"] as Int64 })
            var totals: [Int64: Row] = [:]
            for t in try db.rows(sql: """
                SELECT order_id, COUNT(*) AS n, SUM(ordered) AS o, SUM(allocated) AS a, SUM(picked) AS p, SUM(shipped) AS s, SUM(backordered) AS b,
                       SUM(version) AS v
                FROM order_line WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY order_id
                """, arguments: [ids]) { totals[t["order_id"]] = t }
            return rows.map { r in
                let sums = totals[r["id"]] ?? Row()
                return OpenOrderRow(number: r["number"], customerCode: r["customer"], customerName: r["customer_name"],
                                    orderDate: day(r["order_date"]), priority: r["priority"], policy: ShipPolicy(rawValue: r["policy"]) ?? .partial,
                                    lines: sums["n"] ?? 0, ordered: sums["o"] ?? 0, allocated: sums["a"] ?? 0, picked: sums["p"] ?? 0,
                                    shipped: sums["s"] ?? 0, backordered: sums["b"] ?? 0,
                                    version: (r["version"] as Int) + (sums["v"] ?? 0))
            }
        }
    }

    /// Open backorder lines, oldest order first (or, with `sku`, in the order receipts serve them), with promised dates;
    /// with `customer` (a code, matched exactly), only that customer's. Throws notFound for an unknown customer.
    /// A sort orders the whole list (filtered, restricted) before the page is cut; see `unrestrictedBackorders`.
    public func backorderLines(_ page: Page = Page(), sku: String? = nil, customer: String? = nil, today: Day) throws -> [BackorderRow] {
        let orderBy = try Warehouse.backorderTerms(page.sort, natural: sku == nil ? Warehouse.backorderNatural : Warehouse.servingOrder)
        return try read { db in
            if let customer { try requireCustomer(db, customer) }
            guard let (cond, args) = try filter(db, page.filter, Warehouse.backorderFilter) else { return [] }
            let total = { try self.count(db, .backorders, condition: cond, arguments: args, sku: sku, customer: customer) }
            if let customer {
                // From the customer's orders, not a walk over every open line: the few rows found are sorted.
                return try window(db, """
                    \(Warehouse.customerBackorders)
                    WHERE o.customer = ? AND x.backordered > 0 \(sku == nil ? "" : "AND l.sku = ?") \(cond)
                    """, orderBy: orderBy, arguments: StatementArguments([customer] + (sku.map { [$0] } ?? [])) + args,
                    page: page, total: total).map { backorderRow($0, today: today) }
            }
            if let sku {
                // One SKU's lines are one range of the queue, sorted in memory when another order is asked for.
                return try window(db, """
                    SELECT l.line_id AS id, l.order_no, l.order_date, l.priority, l.line_no, l.sku, l.backordered, l.promised, i.name AS item_name, c.name AS customer_name
                    FROM \(Warehouse.waitingAsLines) JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
                    JOIN item i ON i.sku = l.sku
                    WHERE l.sku = ? \(cond)
                    """, orderBy: orderBy, arguments: [sku] + args, page: page, total: total).map { backorderRow($0, today: today) }
            }
            return try unrestrictedBackorders(db, page, key: page.sort.flatMap { if case .backorders(let k) = $0.key { k } else { nil } },
                                              orderBy: orderBy, condition: cond, arguments: args, total: total, today: today)
        }
    }

    /// Every SKU's and customer's waiting lines in `orderBy` (the terms of `key`), read as `unrestrictedBackorderSelect` says.
    func unrestrictedBackorders(_ db: Database, _ page: Page, key: BackorderSortKey?, orderBy: [String], condition cond: String,
                                arguments args: StatementArguments, total: @escaping () throws -> Int, today: Day) throws -> [BackorderRow] {
        let (select, namesAfter) = Warehouse.unrestrictedBackorderSelect(key, condition: cond)
        let rows = try window(db, select, orderBy: orderBy, arguments: args, page: page, total: total)
        guard namesAfter else { return rows.map { backorderRow($0, today: today) } }
        var customers: [Int64: String] = [:], items: [String: String] = [:]
        for r in try db.rows(sql: """
            SELECT o.id, c.name FROM orders o JOIN customer c ON c.code = o.customer WHERE o.id IN (SELECT value FROM json_each(?))
            """, arguments: [JSONArgument.ids(rows.map { $0["order_id"] as Int64 })]) { customers[r[0]] = r[1] }
        for r in try db.rows(sql: "SELECT sku, name FROM item WHERE sku IN (SELECT value FROM json_each(?))",
                             arguments: [JSONArgument.strings(Set(rows.map { $0["sku"] as String }))]) { items[r[0]] = r[1] }
        return rows.map { r in backorderRow(r, customerName: customers[r["order_id"]] ?? "", itemName: items[r["sku"]] ?? "", today: today) }
    }

    /// The query of every waiting line for a sort (`condition`: the filter's), read the way that reaches its first page
    /// soonest: an index walked in the sort's order (oldest first and age: `line_open_age`; priority: `line_open_priority`;
    /// SKU: the queue's key; item: `item_name`, then each item's range of the queue; customer: `customer_name`, then each
    /// customer's open orders). For order number, quantity and promised date no index is kept (the queue changes with
    /// every receipt): the queue alone is sorted, and `namesAfter` says the page's names are looked up once it is cut
    /// (joined first, all 100,000 lines would be).
    static func unrestrictedBackorderSelect(_ key: BackorderSortKey?, condition cond: String) -> (sql: String, namesAfter: Bool) {
        switch key {
        case nil, .age?:
            return ("\(backordersOfOpenLines(index: "line_open_age")) WHERE \(openLine) \(cond)", false)
        case .priority?:
            return ("\(backordersOfOpenLines(index: "line_open_priority")) WHERE \(openLine) \(cond)", false)
        case .sku?:
            return ("""
                SELECT \(queueColumns) FROM \(waitingAsLines) JOIN orders o ON o.id = l.order_id
                JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
                WHERE 1 \(cond)
                """, false)
        case .item?:
            return ("""
                SELECT \(queueColumns) FROM item i INDEXED BY item_name CROSS JOIN \(waitingAsLines) ON l.sku = i.sku
                JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
                WHERE 1 \(cond)
                """, false)
        case .customer?:
            // Waiting lines belong to open orders: the closed ones (most of a customer's) are passed over before their lines.
            return ("""
                SELECT \(queueColumns)
                FROM customer c INDEXED BY customer_name CROSS JOIN orders o INDEXED BY orders_customer ON o.customer = c.code
                CROSS JOIN order_line x ON x.order_id = o.id
                CROSS JOIN waiting l ON l.sku = x.sku AND l.priority = x.priority AND l.order_date = x.order_date AND l.order_no = x.order_no AND l.line_no = x.line_no
                JOIN item i ON i.sku = l.sku
                WHERE o.closed_at IS NULL AND x.backordered > 0 \(cond)
                """, false)
        case .order?, .quantity?, .promised?:
            return ("SELECT l.* FROM \(waitingAsLines) WHERE 1 \(cond)", true)
        }
    }

    /// Throws notFound unless `code` is a customer: a restriction to a mistyped code would read as "no backorders".
    func requireCustomer(_ db: Database, _ code: String) throws {
        guard try db.int(sql: "SELECT 1 FROM customer WHERE code = ?", arguments: [code]) != nil else {
            throw BackorderError.notFound(.t(StoreText.unknownCustomer, code))
        }
    }

    /// Open expected arrivals by ETA (or for one SKU), with how much of each is promised to waiting lines; a sort orders
    /// every open arrival (thousands, not millions: sorted in memory).
    public func openArrivals(_ page: Page = Page(), sku: String? = nil, today: Day) throws -> [ArrivalRow] {
        let orderBy = try Warehouse.arrivalTerms(page.sort)
        return try read { db in
            let (cond, args) = likeFilter(page.filter, columns: ["a.po_number", "a.sku", "a.supplier", "i.name"])
            let index = sku == nil ? "arrival_open_eta" : "arrival_open_sku"
            // Units promised are only worked out in SQL to sort by them; the rows shown take them from `promisedPerArrival`.
            let byPromised = page.sort?.key == .arrivals(.promised)
            let rows = try window(db, """
                \(byPromised ? "WITH p AS (\(Warehouse.promisedOfOpenArrivals))" : "")
                SELECT a.*, i.name AS item_name, (SELECT COUNT(*) FROM eta_change e WHERE e.arrival_id = a.id) AS changes
                \(byPromised ? ", p.promised" : "")
                FROM arrival a INDEXED BY \(index) JOIN item i ON i.sku = a.sku \(byPromised ? "JOIN p ON p.id = a.id" : "")
                WHERE a.closed_at IS NULL \(sku == nil ? "" : "AND a.sku = ?") \(cond)
                """, orderBy: orderBy, arguments: StatementArguments(sku.map { [$0] } ?? []) + args, page: page,
                total: { try self.countArrivals(db, condition: cond, arguments: args, sku: sku) })
            var perArrival: [Int64: Int] = [:]
            for s in Set(rows.map { $0["sku"] as String }) { perArrival.merge(try promisedPerArrival(db, sku: s)) { a, _ in a } }
            return rows.map { r in
                let a = arrivalFrom(r)
                return ArrivalRow(arrival: a, itemName: r["item_name"], promised: perArrival[a.id] ?? 0,
                                  late: a.eta < today && a.outstanding > 0, etaChanges: r["changes"])
            }
        }
    }

    /// Items by SKU with their stock figures, or in the page's sort; with `sku`, only that item (an exact match on the
    /// primary key).
    public func stock(_ page: Page = Page(), onlyShort: Bool = false, sku: String? = nil) throws -> [Item] {
        let orderBy = try Warehouse.stockTerms(page.sort)
        return try read { db in
            let (cond, args) = likeFilter(page.filter, columns: ["sku", "name", "bin"])
            return try window(db, """
                SELECT * FROM item WHERE 1 \(sku == nil ? "" : "AND sku = ?") \(onlyShort ? "AND backordered > 0" : "") \(cond)
                """, orderBy: orderBy, arguments: StatementArguments(sku.map { [$0] } ?? []) + args, page: page).map(itemFrom)
        }
    }

    /// One item; throws notFound for an unknown SKU.
    public func item(_ sku: String) throws -> Item { try read { db in try fetchItem(db, sku) } }

    /// Every customer, by code.
    public func customers() throws -> [Customer] {
        try read { db in
            try db.rows(sql: "SELECT * FROM customer ORDER BY code").map(customerFrom)
        }
    }

    /// One arrival by `PO/line`, with its ETA history.
    public func arrival(_ reference: String) throws -> (Arrival, [ETAChange]) {
        try read { db in
            let a = try fetchArrival(db, reference)
            let changes = try db.rows(sql: "SELECT * FROM eta_change WHERE arrival_id = ? ORDER BY id", arguments: [a.id]).map {
                ETAChange(from: day($0["old_eta"]), to: day($0["new_eta"]), at: Timestamp(unixTime: $0["at"]), actor: $0["actor"], reason: $0["reason"])
            }
            return (a, changes)
        }
    }

    /// How many rows each list has, for scroll bars and status lines: read from the store's counters, not counted.
    public func counts(today: Day) throws -> Counts {
        try read { db in try Counters.counts(db, today: today) }
    }

    /// An order with its lines, promised dates, shipments and journal.
    public func orderDetail(_ number: String, today: Day) throws -> OrderDetail {
        try read { db in try detail(db, number, today: today) }
    }

    func detail(_ db: Database, _ number: String, today: Day) throws -> OrderDetail {
        let order = try fetchOrder(db, number)
        let lines = try fetchLines(db, orderId: order.id)
        let promised = try Dictionary(uniqueKeysWithValues: db.rows(sql: """
            SELECT l.id, w.promised FROM order_line l
            JOIN waiting w ON w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date AND w.order_no = l.order_no AND w.line_no = l.line_no
            WHERE l.order_id = ? AND l.backordered > 0
            """, arguments: [order.id]).map { ($0["id"] as Int64, Pegging.day($0["promised"])) })
        let shipments = try db.rows(sql: "SELECT * FROM shipment WHERE order_id = ? ORDER BY id", arguments: [order.id]).map { s in
            let sl = try db.rows(sql: """
                SELECT l.line_no, l.sku, sl.quantity FROM shipment_line sl JOIN order_line l ON l.id = sl.line_id
                WHERE sl.shipment_id = ? ORDER BY l.line_no
                """, arguments: [s["id"]]).map { Shipment.Line(lineNo: $0["line_no"], sku: $0["sku"], quantity: $0["quantity"]) }
            return Shipment(number: s["number"], orderNumber: number, at: Timestamp(unixTime: s["at"]), actor: s["actor"],
                            overridden: s["overridden"], lines: sl)
        }
        var history: [Movement] = []
        let journal = try Row.fetchCursor(db.cachedStatement(sql: orderJournalSQL), arguments: [order.id])
        while let r = try journal.next() { history.append(movementFrom(r, orderNumber: number)) }
        let reasons = history.filter { $0.kind == .cancel }.map(\.note)
        let note = try String.fetchOne(db, sql: "SELECT note FROM orders WHERE id = ?", arguments: [order.id]) ?? ""
        let changes = try Row.fetchAll(db, sql: "SELECT at, actor, field, old, new, reason FROM order_change WHERE order_id = ? ORDER BY id",
                                       arguments: [order.id]).map {
            OrderChange(at: Timestamp(unixTime: $0[0]), actor: $0[1], field: $0[2], from: $0[3], to: $0[4], reason: $0[5])
        }
        let expected = try expectedParts(db, orderId: order.id)
        return OrderDetail(order: order, lines: lines.map { .init(line: $0, promised: promised[$0.id] ?? nil, expected: expected[$0.id]) },
                           shipments: shipments, history: history, cancelReasons: reasons, note: note, changes: changes,
                           customerLanguage: try customerLanguage(db, order.customerCode))
    }

    /// The journal, newest first, optionally for one SKU.
    public func journal(sku: String? = nil, limit: Int = 100) throws -> [Movement] {
        try read { db in
            try db.rows(sql: """
                SELECT \(movementColumns), l.order_no
                FROM movement m LEFT JOIN order_line l ON l.id = m.line_id LEFT JOIN arrival a ON a.id = m.arrival_id
                LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id
                \(sku == nil ? "" : "WHERE m.sku = ?") ORDER BY m.id DESC LIMIT ?
                """, arguments: StatementArguments(sku.map { [$0] } ?? []) + [limit]).map { movementFrom($0, orderNumber: $0[movementColumnCount]) }
        }
    }

    /// A page of `select` in `orderBy` order (a unique key; a term may end in " DESC"). Deep pages are read from the far end backwards, so End on a
    /// list of 100,000 rows costs what Home does instead of stepping over every row before it.
    ///
    /// `total` counts the rows more cheaply than counting `select` (without its joins); by default `select` is counted.
    func window(_ db: Database, _ select: String, orderBy: [String], arguments: StatementArguments, page: Page,
                total count: (() throws -> Int)? = nil) throws -> [Row] {
        if page.offset > 1_000 {
            let total = try count?() ?? db.int(sql: "SELECT COUNT(*) FROM (\(select))", arguments: arguments) ?? 0
            if page.offset > total / 2 {
                let limit = max(0, min(page.limit, total - page.offset))
                let offset = max(0, total - page.offset - limit)
                let descending = orderBy.map(Warehouse.reversed).joined(separator: ", ")
                return try db.rows(sql: select + " ORDER BY \(descending) LIMIT ? OFFSET ?", arguments: arguments + [limit, offset]).reversed()
            }
        }
        return try db.rows(sql: select + " ORDER BY \(orderBy.joined(separator: ", ")) LIMIT ? OFFSET ?",
                           arguments: arguments + [page.limit, page.offset])
    }

    // MARK: pegging

    /// Units of each open arrival of a SKU promised to waiting lines. Waiting lines take arrivals in ETA order without
    /// gaps, so arrival k gets what is left of the waiting units after the arrivals before it: no need to read the lines.
    func promisedPerArrival(_ db: Database, sku: String) throws -> [Int64: Int] {
        var waiting = try db.int(sql: "SELECT backordered FROM item WHERE sku = ?", arguments: [sku]) ?? 0
        var out: [Int64: Int] = [:]
        for r in try db.rows(sql: """
            SELECT id, quantity - received FROM arrival INDEXED BY arrival_open_sku WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
            """, arguments: [sku]) {
            let outstanding = max(0, r[1] as Int)
            let take = min(waiting, outstanding)
            out[r[0]] = take
            waiting -= take
        }
        return out
    }

    // MARK: row decoding

    func fetchItem(_ db: Database, _ sku: String) throws -> Item {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE sku = ?"), arguments: [sku]) else {
            throw BackorderError.notFound(.t(StoreText.unknownSKU, sku))
        }
        return itemFrom(r)
    }

    func fetchOrder(_ db: Database, _ number: String) throws -> Order {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.*, c.name AS customer_name,
                   o.version + (SELECT COALESCE(SUM(l.version), 0) FROM order_line l WHERE l.order_id = o.id) AS current_version
            FROM orders o JOIN customer c ON c.code = o.customer WHERE o.number = ?
            """), arguments: [number]) else { throw BackorderError.notFound(.t(StoreText.noOrder, number)) }
        return Order(id: r["id"], number: r["number"], customerCode: r["customer"], customerName: r["customer_name"],
                     orderDate: day(r["order_date"]), priority: r["priority"], policy: ShipPolicy(rawValue: r["policy"]) ?? .partial,
                     closedAt: (r["closed_at"] as Int64?).map(Timestamp.init), version: r["current_version"])
    }

    func fetchLines(_ db: Database, orderId: Int64) throws -> [OrderLine] {
        // A cursor's rows are read straight from the statement, and columns by position: a lookup by name compares every
        // column name for every value, and copied rows decode each value twice.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT l.id, l.line_no, l.sku, i.name, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
            FROM order_line l JOIN item i ON i.sku = l.sku WHERE l.order_id = ? ORDER BY l.line_no
            """), arguments: [orderId])
        var lines: [OrderLine] = []
        while let r = try rows.next() {
            lines.append(OrderLine(id: r[0], lineNo: r[1], sku: r[2], itemName: r[3],
                                   quantities: LineQuantities(ordered: r[4], allocated: r[5], picked: r[6], shipped: r[7],
                                                              backordered: r[8], cancelled: r[9])))
        }
        return lines
    }

    /// Finds an arrival by `PO/line`, or by PO alone when that PO has one line.
    func fetchArrival(_ db: Database, _ reference: String) throws -> Arrival {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        let rows: [Row]
        if parts.count >= 2, let line = Int(parts.last!) {
            let po = parts.dropLast().joined(separator: "/")
            rows = try db.rows(sql: "SELECT * FROM arrival WHERE po_number = ? AND po_line = ?", arguments: [po, line])
        } else {
            rows = try db.rows(sql: "SELECT * FROM arrival WHERE po_number = ? ORDER BY po_line", arguments: [reference])
            if rows.count > 1 {
                throw BackorderError.invalid(.t(StoreText.poNeedsLine, reference, rows.count))
            }
        }
        guard let r = rows.first else { throw BackorderError.notFound(.t(StoreText.noArrival, reference)) }
        return arrivalFrom(r)
    }

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
    /// The condition of `line_open_age` (Schema v7) over lines aliased `l`: the line is neither shipped nor cancelled in
    /// full. A query must name it to walk that index; it is written as SQLite can match it (a column alone on the right
    /// of `<` would be turned around first, and then match nothing).
    static let openLine = "l.ordered - l.shipped - l.cancelled > 0"
    /// The backorder list's columns and joins: open lines oldest first (`line_open_age`, with `openLine` in the WHERE),
    /// of which the join with the queue keeps the waiting ones; rows read by `backorderRow`.
    static let backordersOldestFirst = backordersOfOpenLines(index: "line_open_age")
    /// The backorder list over the open lines as one of their indexes holds them (`line_open_age`, `line_open_priority`).
    static func backordersOfOpenLines(index: String) -> String {
        """
        SELECT l.id, l.order_no, l.order_date, o.priority, l.line_no, l.sku, w.backordered, w.promised, i.name AS item_name, c.name AS customer_name
        FROM order_line l INDEXED BY \(index) JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
        JOIN item i ON i.sku = l.sku JOIN \(waitingOfAgeLine)
        """
    }
    /// The backorder list's columns read from a queue row `l`, its order `o`, customer `c` and item `i`.
    static let queueColumns = """
        l.line_id AS id, l.order_no, l.order_date, l.priority, l.line_no, l.sku, l.backordered, l.promised, i.name AS item_name, c.name AS customer_name
        """
    /// Units of each open arrival (`id`, `promised`) promised to waiting lines: as `promisedPerArrival` gives them out,
    /// the SKU's waiting units to its open arrivals in ETA order, each taking what is left, up to what it still brings.
    static let promisedOfOpenArrivals = """
        SELECT a.id, MAX(0, MIN(MAX(0, a.quantity - a.received), it.backordered - COALESCE(SUM(MAX(0, a.quantity - a.received))
            OVER (PARTITION BY a.sku ORDER BY a.eta, a.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS promised
        FROM arrival a INDEXED BY arrival_open_sku JOIN item it ON it.sku = a.sku WHERE a.closed_at IS NULL
        """

    /// One customer's waiting lines (`o.customer = ?` and `x.backordered > 0` in the WHERE), found from its orders
    /// (`orders_customer`), their lines by `(order_id, line_no)` and each line's queue row by its key; the queue row is
    /// aliased `l` so the backorder filter applies unchanged. Rows read by `backorderRow`.
    static let customerBackorders = """
        SELECT l.line_id AS id, l.order_no, l.order_date, l.priority, l.line_no, l.sku, l.backordered, l.promised, i.name AS item_name, c.name AS customer_name
        FROM \(customerWaiting) JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
        """
    /// A customer's orders `o`, their lines `x` and the lines' queue rows `l`, joined in that order (CROSS JOIN keeps
    /// SQLite from starting at the queue, which would read every waiting line).
    static let customerWaiting = """
        orders o INDEXED BY orders_customer CROSS JOIN order_line x ON x.order_id = o.id
        CROSS JOIN waiting l ON l.sku = x.sku AND l.priority = x.priority AND l.order_date = x.order_date AND l.order_no = x.order_no AND l.line_no = x.line_no
        """

    /// The waiting queue read in place of the order lines: aliased `l`, so the backorder filter applies to it unchanged.
    static let waitingAsLines = "waiting l"
    /// The queue row of a waiting line read through `line_open_age`: the line's priority is its order's (`o`), which
    /// that index lacks, so the row is found by its key without reading the order_line table.
    static let waitingOfAgeLine = """
        waiting w ON w.sku = l.sku AND w.priority = o.priority AND w.order_date = l.order_date AND w.order_no = l.order_no AND w.line_no = l.line_no
        """
}

func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

/// A backorder-list row (columns as in `Warehouse.backordersOldestFirst`), aged and marked late against `today`.
func backorderRow(_ r: Row, today: Day) -> BackorderRow {
    backorderRow(r, customerName: r["customer_name"], itemName: r["item_name"], today: today)
}

/// A backorder-list row from a queue row and the names looked up for it.
func backorderRow(_ r: Row, customerName: String, itemName: String, today: Day) -> BackorderRow {
    let date = day(r["order_date"])
    let promised = Pegging.day(r["promised"])
    return BackorderRow(orderNumber: r["order_no"], customerName: customerName, orderDate: date, priority: r["priority"],
                        lineNo: r["line_no"], sku: r["sku"], itemName: itemName, backordered: r["backordered"],
                        promised: promised, ageDays: today.days(since: date), late: promised.map { $0 < today } ?? true)
}

func itemFrom(_ r: Row) -> Item {
    Item(sku: r["sku"], name: r["name"], unit: r["unit"], bin: r["bin"], onHand: r["on_hand"], allocated: r["allocated"],
         picked: r["picked"], backordered: r["backordered"], incoming: r["incoming"], minOrderQty: r["min_order_qty"], packSize: r["pack_size"],
         supplier: r["supplier"], leadTimeDays: r["lead_time_days"])
}

func arrivalFrom(_ r: Row) -> Arrival {
    Arrival(id: r["id"], supplier: r["supplier"], poNumber: r["po_number"], poLine: r["po_line"], sku: r["sku"], quantity: r["quantity"],
            received: r["received"], eta: day(r["eta"]), closedAt: (r["closed_at"] as Int64?).map(Timestamp.init))
}

/// The journal columns `movementFrom` reads, by position, over `movement m`, `order_line l`, `arrival a`, `shipment s`
/// and `receipt r`: a journal of many rows is read without a lookup by name per value.
let movementColumns = """
    m.id, m.at, m.actor, m.kind, m.sku, m.quantity, m.d_ordered, m.d_allocated, m.d_picked, m.d_shipped, m.d_backordered,
    m.d_cancelled, m.d_on_hand, m.note, l.line_no, a.po_number, a.po_line, s.number, r.number
    """
/// An order's journal, oldest first: its lines' own movements (`movement_by_line`) and the allocations they received
/// (`movement_allocation`, keyed by SKU); schema v9 keeps the two apart.
let orderJournalSQL = """
    SELECT \(movementColumns)
    FROM order_line l JOIN movement m INDEXED BY movement_by_line ON m.line_id = l.id AND m.kind <> 'allocate'
    LEFT JOIN arrival a ON a.id = m.arrival_id LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id
    WHERE l.order_id = ?1
    UNION ALL
    SELECT \(movementColumns)
    FROM order_line l JOIN movement m INDEXED BY movement_allocation ON m.sku = l.sku AND m.line_id = l.id AND m.kind = 'allocate'
    LEFT JOIN arrival a ON a.id = m.arrival_id LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id
    WHERE l.order_id = ?1
    ORDER BY 1
    """
/// How many columns `movementColumns` holds: a query's own columns follow them.
let movementColumnCount = 19

func movementFrom(_ r: Row, orderNumber: String?) -> Movement {
    let po: String? = r[15]
    let poLine: Int? = r[16]
    return Movement(id: r[0], at: Timestamp(unixTime: r[1]), actor: r[2], kind: MovementKind(rawValue: r[3]) ?? .adjust,
                    sku: r[4], quantity: r[5],
                    delta: Delta(ordered: r[6], allocated: r[7], picked: r[8], shipped: r[9], backordered: r[10], cancelled: r[11], onHand: r[12]),
                    orderNumber: orderNumber, lineNo: r[14], arrivalReference: po.map { "\($0)/\(poLine ?? 1)" },
                    document: r[17] ?? r[18], note: r[13])
}

extension Warehouse: WarehouseService {
    public var location: String { path ?? ":memory:" }

    /// Rows of a list with `filter`; with `sku`, only that SKU's rows, counted through the SKU's own index range; with
    /// `customer` (backorders only), only that customer's, counted from its orders. Throws notFound for an unknown customer.
    public func rowCount(_ list: ListKind, filter text: String, sku: String? = nil, customer: String? = nil) throws -> Int {
        if list == .orders, sku != nil { throw BackorderError.invalid(.t(StoreText.ordersNoSKU)) }
        if list != .backorders, customer != nil { throw BackorderError.invalid(.t(StoreText.onlyBackordersCustomer)) }
        return try read { db in
            switch list {
            case .orders:
                guard let (cond, args) = try filter(db, text, Warehouse.orderFilter) else { return 0 }
                return try count(db, .orders, condition: cond, arguments: args, sku: nil)
            case .backorders:
                if let customer { try requireCustomer(db, customer) }
                guard let (cond, args) = try filter(db, text, Warehouse.backorderFilter) else { return 0 }
                return try count(db, .backorders, condition: cond, arguments: args, sku: sku, customer: customer)
            case .arrivals:
                let (cond, args) = likeFilter(text, columns: ["a.po_number", "a.sku", "a.supplier", "i.name"])
                return try countArrivals(db, condition: cond, arguments: args, sku: sku)
            case .stock:
                let (cond, args) = likeFilter(text, columns: ["sku", "name", "bin"])
                if cond.isEmpty, sku == nil { return try Counters.value(db, Counters.items) }
                return try db.int(sql: "SELECT COUNT(*) FROM item WHERE 1 \(sku == nil ? "" : "AND sku = ?") \(cond)",
                                  arguments: StatementArguments(sku.map { [$0] } ?? []) + args) ?? 0
            }
        }
    }

    /// Open arrivals for a filter, without the list's per-row ETA-change count; the item is joined only for a filter.
    func countArrivals(_ db: Database, condition: String, arguments: StatementArguments, sku: String?) throws -> Int {
        // The whole list's size is kept: End on it reads no more rows than Home.
        if condition.isEmpty, sku == nil { return try Counters.openArrivals(db) }
        return try db.int(sql: """
            SELECT COUNT(*) FROM arrival a INDEXED BY \(sku == nil ? "arrival_open_eta" : "arrival_open_sku")
            \(condition.isEmpty ? "" : "JOIN item i ON i.sku = a.sku")
            WHERE a.closed_at IS NULL \(sku == nil ? "" : "AND a.sku = ?") \(condition)
            """, arguments: StatementArguments(sku.map { [$0] } ?? []) + arguments) ?? 0
    }

    /// Rows of the open orders or backorder lines for a resolved filter, counted on the list's index or the queue alone:
    /// the joins of the list query add names, never remove rows (foreign keys), the backorder list holds exactly the
    /// lines in the queue (a line waits only while open), and the filter only looks at columns both carry.
    /// A customer's lines are counted from its orders, as `customerBackorders` finds them, without the names.
    func count(_ db: Database, _ list: ListKind, condition: String, arguments: StatementArguments, sku: String?,
               customer: String? = nil) throws -> Int {
        // The whole list's size is kept: End on it reads no more rows than Home.
        if condition.isEmpty, sku == nil, customer == nil {
            return try Counters.value(db, list == .orders ? Counters.openOrders : Counters.waitingLines)
        }
        if list == .backorders, let customer {
            return try db.int(sql: """
                SELECT COUNT(*) FROM \(Warehouse.customerWaiting)
                WHERE o.customer = ? AND x.backordered > 0 \(sku == nil ? "" : "AND l.sku = ?") \(condition)
                """, arguments: StatementArguments([customer] + (sku.map { [$0] } ?? [])) + arguments) ?? 0
        }
        switch list {
        case .orders:
            return try db.int(sql: "SELECT COUNT(*) FROM orders o INDEXED BY orders_open WHERE o.closed_at IS NULL \(condition)",
                              arguments: arguments) ?? 0
        default:
            return try db.int(sql: """
                SELECT COUNT(*) FROM \(Warehouse.waitingAsLines) WHERE \(sku == nil ? "1" : "l.sku = ?") \(condition)
                """, arguments: StatementArguments(sku.map { [$0] } ?? []) + arguments) ?? 0
        }
    }
}

extension Database {
    /// Rows of a statement prepared once per connection: preparing (with GRDB's authorizer) costs more than running.
    func rows(sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first row of a cached statement.
    func row(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The integer result of a cached statement.
    func int(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Int? {
        try Int.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
