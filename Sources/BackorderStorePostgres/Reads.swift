import BackorderCore
import PostgresNIO

/// The service's first reads on PostgreSQL: the status bar's figures and the open orders' list, as the SQLite store
/// answers them (same rows, same order, same filter), from the same kept counters and indexes.
/// Each read is one read-only snapshot (REPEATABLE READ), so its figures agree with each other.
public struct PostgresReads: Sendable {
    public let bridge: PostgresBridge

    /// Whether the database's own collation compares text byte by byte, as SQLite's BINARY does: then the lists' codes
    /// are sorted in it and its indexes serve the order; otherwise each code term names the "C" collation.
    public let bytewise: Bool
    /// Makes every read name the "C" collation, as on a database with a linguistic one (for a test on a C database).
    nonisolated(unsafe) static var assumeLinguistic = false

    /// Refuses a database that is not a warehouse this build can use.
    public init(_ bridge: PostgresBridge) throws {
        try PostgresSetup.requireCurrent(bridge)
        self.bridge = bridge
        let collation = try bridge.run { c -> String in
            var name = ""
            for try await v in try await c.query("SELECT datcollate FROM pg_database WHERE datname = current_database()",
                                                 logger: PostgresBridge.quiet).decode(String.self) { name = v }
            return name
        }
        bytewise = !Self.assumeLinguistic && ["C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8"].contains(collation)
    }

    /// The status bar's figures: the kept counters, and open arrivals per ETA day (late: those before `today`).
    public func counts(today: Day) throws -> Counts {
        try bridge.transaction(.snapshot) { c in
            var tally: [String: Int] = [:]
            for try await (name, value) in try await c.query("SELECT name, value FROM tally", logger: PostgresBridge.quiet)
                .decode((String, Int).self) { tally[name] = value }
            var open = 0, late = 0
            for try await (all, before) in try await c.query("""
                SELECT COALESCE(SUM(arrivals), 0)::bigint, COALESCE(SUM(CASE WHEN eta < \(today.iso) THEN arrivals ELSE 0 END), 0)::bigint
                FROM open_arrival_day
                """, logger: PostgresBridge.quiet).decode((Int, Int).self) { open = all; late = before }
            return Counts(openOrders: tally["open orders"] ?? 0, backorderLines: tally["waiting lines"] ?? 0, // not prose: stored keys
                          backorderedUnits: tally["backordered units"] ?? 0, openArrivals: open, lateArrivals: late, // not prose: a stored key
                          items: tally["items"] ?? 0)
        }
    }

    /// One page of open orders, oldest first (order date, then number) or in the page's sort, with their lines'
    /// totals. The filter matches the order number, the customer's code or name, any case, as a substring (through
    /// the trigram indexes: `indexedFilter`).
    public func openOrders(_ page: Page = Page()) throws -> [OpenOrderRow] {
        let orderBy = ListOrder.fitted(try ListOrder.orderTerms(page.sort), bytewise: bytewise)
        return try bridge.transaction(.snapshot) { c in
            let window = try await Window.of(page) { try await countOrders(c, filter: page.filter) }
            let q = SQL()
            guard let filter = try await Self.indexedFilter(c, q, page.filter, .orders) else { return [] }
            let rows = window.rows(try await c.cells(q.query("""
                SELECT o.id, o.number, o.customer, c.name, o.order_date, o.priority, o.policy, o.version
                FROM orders o JOIN customer c ON c.code = o.customer
                WHERE o.closed_at IS NULL \(filter)
                ORDER BY \(window.terms(orderBy)) LIMIT \(q.bind(window.limit)) OFFSET \(q.bind(window.offset))
                """)))
            // The page's line totals in one grouped query, not one per order.
            let t = SQL()
            let ids = try rows.map { try $0.int64(0) }
            var totals: [Int64: Cells] = [:]
            for r in try await c.cells(t.query("""
                SELECT order_id, COUNT(*), SUM(ordered)::bigint, SUM(allocated)::bigint, SUM(picked)::bigint, SUM(shipped)::bigint,
                       SUM(backordered)::bigint, SUM(version)::bigint
                FROM order_line WHERE order_id = ANY(\(t.bind(ids))) GROUP BY order_id
                """)) { totals[try r.int64(0)] = r }
            return try rows.map { r in
                let sums = totals[try r.int64(0)]
                func sum(_ i: Int) throws -> Int { try sums?.int(i) ?? 0 }
                return OpenOrderRow(number: try r.text(1), customerCode: try r.text(2), customerName: try r.text(3), orderDate: try r.day(4),
                                    priority: try r.int(5), policy: ShipPolicy(rawValue: try r.text(6)) ?? .partial, lines: try sum(1),
                                    ordered: try sum(2), allocated: try sum(3), picked: try sum(4), shipped: try sum(5),
                                    backordered: try sum(6), version: try r.int(7) + sum(7))
            }
        }
    }

    /// How many open orders the filter leaves: the kept counter when there is no filter.
    func countOrders(_ c: PostgresConnection, filter text: String) async throws -> Int {
        let q = SQL()
        guard let filter = try await Self.indexedFilter(c, q, text, .orders) else { return 0 }
        if filter.isEmpty { return try await Self.tally(c, "open orders") } // not prose: a stored key
        return try await c.cell(q.query("""
            SELECT COUNT(*) FROM orders o JOIN customer c ON c.code = o.customer WHERE o.closed_at IS NULL \(filter)
            """))?.int(0) ?? 0
    }

    /// A kept counter of `tally`.
    static func tally(_ c: PostgresConnection, _ name: String) async throws -> Int {
        let q = SQL()
        return try await c.cell(q.query("SELECT value FROM tally WHERE name = \(q.bind(name))"))?.int(0) ?? 0
    }

    /// `AND (…)` matching the filter text (spaces and tabs around it ignored) as a substring of any of `columns`,
    /// any case (æøå as well as ASCII), its `%` and `_` taken literally; "" when there is no text.
    static func filter(_ q: SQL, _ text: String, columns: [String]) -> String {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return "" }
        let p = q.bind("%" + likeEscaped(t) + "%")
        return "AND (" + columns.map { "\($0) ILIKE \(p)" }.joined(separator: " OR ") + ")"
    }

    /// `text` for ILIKE, its wildcards taken literally.
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
