import BackorderCore
import PostgresNIO

/// The four lists and their sizes on the server, as the SQLite store answers them (Queries.swift, Sorting.swift):
/// the same rows in the same order for every filter, restriction and sort. Each read is one snapshot.
extension PostgresWarehouse {
    public func openOrders(_ page: Page) throws -> [OpenOrderRow] { try reads.openOrders(page) }

    /// Open backorder lines, oldest order first (with `sku`, in serving order), or in the page's sort; with `customer`
    /// (a code, exactly) only that customer's, an unknown one `.notFound`.
    public func backorderLines(_ page: Page, sku: String?, customer: String?, today: Day) throws -> [BackorderRow] {
        let orderBy = ListOrder.fitted(try ListOrder.backorderTerms(page.sort, oneSKU: sku != nil), bytewise: reads.bytewise)
        let key: BackorderSortKey? = page.sort.flatMap { if case .backorders(let k) = $0.key { k } else { nil } }
        return try bridge.transaction(.snapshot) { c in
            if let customer { try await Self.requireCustomer(c, customer) }
            let window = try await Window.of(page) { try await Self.countBackorders(c, filter: page.filter, sku: sku, customer: customer) }
            let q = SQL()
            let terms = window.terms(orderBy)
            let sql: String
            if sku == nil, customer == nil, key == nil || key == .age || key == .priority {
                // The whole list in its own order (or by age or priority) walks the open lines' index in that order, as
                // the file does.
                guard let filter = try await PostgresReads.indexedFilter(c, q, page.filter, .backorders) else { return [] }
                sql = "\(Self.backordersOfOpenLines) \(filter) ORDER BY \(terms) LIMIT \(q.bind(window.limit)) OFFSET \(q.bind(window.offset))"
            } else if sku == nil, customer == nil, page.filter.trimmingSpaces.isEmpty, key == .order || key == .quantity || key == .promised {
                // No index keeps these orders: the queue alone is sorted and the page cut before any name is joined.
                sql = """
                    SELECT \(Self.queueColumns)
                    FROM (SELECT * FROM waiting l ORDER BY \(terms) LIMIT \(q.bind(window.limit)) OFFSET \(q.bind(window.offset))) l
                    JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
                    ORDER BY \(terms)
                    """
            } else {
                let from = Self.backordersOfQueue(q, sku: sku, customer: customer)
                guard let filter = try await PostgresReads.indexedFilter(c, q, page.filter, .backorders) else { return [] }
                sql = "\(from) \(filter) ORDER BY \(terms) LIMIT \(q.bind(window.limit)) OFFSET \(q.bind(window.offset))"
            }
            let rows = window.rows(try await c.cells(q.query(sql)))
            return try rows.map { try Self.backorderRow($0, today: today) }
        }
    }

    /// Open expected arrivals by ETA (with `sku`, only that SKU's), or in the page's sort, with the units of each
    /// promised to waiting lines.
    public func openArrivals(_ page: Page, sku: String?, today: Day) throws -> [ArrivalRow] {
        let orderBy = ListOrder.fitted(try ListOrder.arrivalTerms(page.sort), bytewise: reads.bytewise)
        let byPromised = page.sort?.key == .arrivals(.promised)
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            let restrict = sku.map { "AND a.sku = \(q.bind($0))" } ?? ""
            let filter = PostgresReads.filter(q, page.filter, columns: Self.arrivalFilter)
            let order = orderBy.joined(separator: ", ")
            let sql: String
            if filter.isEmpty, !byPromised, !order.contains("i.") {
                // The page's arrivals cut from the open ones first, and only they joined and counted: the server
                // works out a row's select list before OFFSET skips it (the last page was 6,000 items joined and
                // 6,000 counts of date changes: 42 ms, now 2).
                sql = """
                    SELECT \(arrivalColumns), i.name, (SELECT COUNT(*) FROM eta_change e WHERE e.arrival_id = a.id)
                    FROM (SELECT * FROM arrival a WHERE a.closed_at IS NULL \(restrict)
                          ORDER BY \(order) LIMIT \(q.bind(page.limit)) OFFSET \(q.bind(page.offset))) a
                    JOIN item i ON i.sku = a.sku
                    ORDER BY \(order)
                    """
            } else {
                sql = """
                    \(byPromised ? "WITH p AS (\(Self.promisedOfOpenArrivals(nil)))" : "")
                    SELECT \(arrivalColumns), i.name, (SELECT COUNT(*) FROM eta_change e WHERE e.arrival_id = a.id)
                    FROM arrival a JOIN item i ON i.sku = a.sku \(byPromised ? "JOIN p ON p.id = a.id" : "")
                    WHERE a.closed_at IS NULL \(restrict) \(filter)
                    ORDER BY \(order) LIMIT \(q.bind(page.limit)) OFFSET \(q.bind(page.offset))
                    """
            }
            let rows = try await c.cells(q.query(sql))
            // The units promised of the page's arrivals, worked out over their SKUs' open arrivals.
            let p = SQL()
            let skus = Array(Set(try rows.map { try $0.text(4) })).sorted()
            var promised: [Int64: Int] = [:]
            if !skus.isEmpty {
                for r in try await c.cells(p.query(Self.promisedOfOpenArrivals(p.bind(skus)))) { promised[try r.int64(0)] = try r.int(1) }
            }
            return try rows.map { r in
                let a = try arrivalRow(r)
                return ArrivalRow(arrival: a, itemName: try r.text(9), promised: promised[a.id] ?? 0, late: a.eta < today && a.outstanding > 0,
                                  etaChanges: try r.int(10))
            }
        }
    }

    /// Items by SKU (or in the page's sort) with their stock figures; with `sku`, only that item.
    public func stock(_ page: Page, onlyShort: Bool, sku: String?) throws -> [Item] {
        let orderBy = ListOrder.fitted(try ListOrder.stockTerms(page.sort), bytewise: reads.bytewise)
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            let restrict = sku.map { "AND sku = \(q.bind($0))" } ?? ""
            let filter = PostgresReads.filter(q, page.filter, columns: Self.stockFilter)
            return try await c.cells(q.query("""
                SELECT \(itemColumns) FROM item WHERE TRUE \(restrict) \(onlyShort ? "AND backordered > 0" : "") \(filter)
                ORDER BY \(orderBy.joined(separator: ", ")) LIMIT \(q.bind(page.limit)) OFFSET \(q.bind(page.offset))
                """)).map { try itemRow($0) }
        }
    }

    /// Rows of a list with `filter` (and `sku`, `customer` where the list takes them), as the lists count them; the
    /// whole of a list is its kept counter.
    public func rowCount(_ list: ListKind, filter text: String, sku: String?, customer: String?) throws -> Int {
        if list == .orders, sku != nil { throw BackorderError.invalid(.t(StoreText.ordersNoSKU)) }
        if list != .backorders, customer != nil { throw BackorderError.invalid(.t(StoreText.onlyBackordersCustomer)) }
        let reads = self.reads
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            switch list {
            case .orders:
                return try await reads.countOrders(c, filter: text)
            case .backorders:
                if let customer { try await Self.requireCustomer(c, customer) }
                return try await Self.countBackorders(c, filter: text, sku: sku, customer: customer)
            case .arrivals:
                let restrict = sku.map { "AND a.sku = \(q.bind($0))" } ?? ""
                let filter = PostgresReads.filter(q, text, columns: Self.arrivalFilter)
                if filter.isEmpty, sku == nil {
                    return try await c.cell(q.query("SELECT COALESCE(SUM(arrivals), 0)::bigint FROM open_arrival_day"))?.int(0) ?? 0
                }
                return try await c.cell(q.query("""
                    SELECT COUNT(*) FROM arrival a JOIN item i ON i.sku = a.sku WHERE a.closed_at IS NULL \(restrict) \(filter)
                    """))?.int(0) ?? 0
            case .stock:
                let restrict = sku.map { "AND sku = \(q.bind($0))" } ?? ""
                let filter = PostgresReads.filter(q, text, columns: Self.stockFilter)
                if filter.isEmpty, sku == nil { return try await PostgresReads.tally(c, "items") } // not prose: a stored key
                return try await c.cell(q.query("SELECT COUNT(*) FROM item WHERE TRUE \(restrict) \(filter)"))?.int(0) ?? 0
            }
        }
    }

    /// Waiting lines with a filter, of one SKU or one customer: the kept counter for all of them.
    static func countBackorders(_ c: PostgresConnection, filter text: String, sku: String?, customer: String?) async throws -> Int {
        let q = SQL()
        let from = backordersOfQueue(q, sku: sku, customer: customer, columns: "COUNT(*)")
        guard let filter = try await PostgresReads.indexedFilter(c, q, text, .backorders) else { return 0 }
        if filter.isEmpty, sku == nil, customer == nil { return try await PostgresReads.tally(c, "waiting lines") } // not prose: a stored key
        return try await c.cell(q.query(from + " " + filter))?.int(0) ?? 0
    }

    /// Throws notFound unless `code` is a customer: a restriction to a mistyped code would read as "no backorders".
    static func requireCustomer(_ c: PostgresConnection, _ code: String) async throws {
        let q = SQL()
        guard try await c.cell(q.query("SELECT 1 FROM customer WHERE code = \(q.bind(code))")) != nil else {
            throw BackorderError.notFound(.t(StoreText.unknownCustomer, code))
        }
    }

    static let arrivalFilter = ["a.po_number", "a.sku", "a.supplier", "i.name"]
    static let stockFilter = ["sku", "name", "bin"]

    /// Waiting lines found through the open lines `l` (`line_open_age`, `line_open_priority`), each joined with its
    /// queue row `w` by the queue's key with the order's priority, as the file finds them; the priority shown is the order's.
    /// The queue row is looked up per line (a lateral subquery kept apart by OFFSET 0): the planner cannot estimate the
    /// five-column join and would otherwise hash every open line and sort them (100 ms on 100,000 lines, not 3).
    static let backordersOfOpenLines = """
        SELECT l.id, l.order_no, l.order_date, o.priority, l.line_no, l.sku, w.backordered, w.promised, i.name, c.name
        FROM order_line l JOIN orders o ON o.id = l.order_id
        CROSS JOIN LATERAL (SELECT q.backordered, q.promised FROM waiting q WHERE q.sku = l.sku AND q.priority = o.priority
                            AND q.order_date = l.order_date AND q.order_no = l.order_no AND q.line_no = l.line_no OFFSET 0) w
        JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
        WHERE l.ordered - l.shipped - l.cancelled > 0
        """

    /// One customer's waiting lines, found from its orders (`orders_customer`), their lines and each line's
    /// queue row by its key (aliased `l`, so the filter and the sorts apply unchanged), as the file finds them.
    static func customerBackorders(_ q: SQL, customer: String, sku: String?, columns: String) -> String {
        """
        SELECT \(columns)
        FROM orders o JOIN order_line x ON x.order_id = o.id
        CROSS JOIN LATERAL (SELECT * FROM waiting q WHERE q.sku = x.sku AND q.priority = x.priority AND q.order_date = x.order_date
                            AND q.order_no = x.order_no AND q.line_no = x.line_no OFFSET 0) l
        JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
        WHERE o.customer = \(q.bind(customer)) AND x.backordered > 0 \(sku.map { "AND l.sku = \(q.bind($0))" } ?? "")
        """
    }

    /// Waiting lines read from the queue itself (aliased `l`), restricted to one SKU, or found from one customer's orders.
    static func backordersOfQueue(_ q: SQL, sku: String?, customer: String?, columns: String = queueColumns) -> String {
        if let customer { return customerBackorders(q, customer: customer, sku: sku, columns: columns) }
        return """
        SELECT \(columns)
        FROM waiting l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer JOIN item i ON i.sku = l.sku
        WHERE TRUE \(sku.map { "AND l.sku = \(q.bind($0))" } ?? "")
        """
    }

    /// The backorder list's columns read from a queue row `l`, its order `o`, customer `c` and item `i`.
    static let queueColumns = "l.line_id, l.order_no, l.order_date, l.priority, l.line_no, l.sku, l.backordered, l.promised, i.name, c.name"

    /// A backorder-list row (columns as `backordersOfOpenLines` selects them), aged and marked late against `today`.
    static func backorderRow(_ r: Cells, today: Day) throws -> BackorderRow {
        let date = try r.day(2)
        let promised = try r.promised(7)
        return BackorderRow(orderNumber: try r.text(1), customerName: try r.text(9), orderDate: date, priority: try r.int(3),
                            lineNo: try r.int(4), sku: try r.text(5), itemName: try r.text(8), backordered: try r.int(6),
                            promised: promised, ageDays: today.days(since: date), late: promised.map { $0 < today } ?? true)
    }

    /// Units of each open arrival (`id`, `promised`) promised to waiting lines: the SKU's waiting units given to its
    /// open arrivals in ETA order, each taking what is left up to what it still brings; only the SKUs `skus` binds, if given.
    static func promisedOfOpenArrivals(_ skus: String?) -> String {
        """
        SELECT a.id, GREATEST(0, LEAST(GREATEST(0, a.quantity - a.received), it.backordered - COALESCE(SUM(GREATEST(0, a.quantity - a.received))
            OVER (PARTITION BY a.sku ORDER BY a.eta, a.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)))::bigint AS promised
        FROM arrival a JOIN item it ON it.sku = a.sku WHERE a.closed_at IS NULL \(skus.map { "AND a.sku = ANY(\($0))" } ?? "")
        """
    }
}
