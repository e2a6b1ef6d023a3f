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
        let orderBy = try Warehouse.backorderTerms(page.sort, oneSKU: sku != nil)
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

    // MARK: the lists' SQL

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
