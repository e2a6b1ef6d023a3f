import BackorderCore
import PostgresNIO

/// The service's first reads on PostgreSQL: the status bar's figures and the open orders' list, as the SQLite store
/// answers them (same rows, same order, same filter), from the same kept counters and indexes.
/// Each read is one read-only snapshot (REPEATABLE READ), so its figures agree with each other.
public struct PostgresReads: Sendable {
    public let bridge: PostgresBridge

    /// Refuses a database that is not a warehouse this build can use.
    public init(_ bridge: PostgresBridge) throws {
        try PostgresSetup.requireCurrent(bridge)
        self.bridge = bridge
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

    /// One page of open orders, oldest first (order date, then number), with their lines' totals. The filter matches
    /// the order number, the customer's code or name, any case, as a substring (through the trigram indexes).
    /// Sorting by a column is not yet done on PostgreSQL: a sort is refused.
    public func openOrders(_ page: Page = Page()) throws -> [OpenOrderRow] {
        guard page.sort == nil else { throw BackorderError.invalid(.t(PostgresText.sortNotYet)) }
        let pattern = page.filter.isEmpty ? nil : "%" + Self.likeEscaped(page.filter) + "%"
        return try bridge.transaction(.snapshot) { c in
            var rows: [OpenOrderRow] = []
            let query: PostgresQuery = """
                SELECT o.number, o.customer, c.name, o.order_date, o.priority, o.policy, o.version,
                       COUNT(l.id)::bigint, COALESCE(SUM(l.ordered), 0)::bigint, COALESCE(SUM(l.allocated), 0)::bigint,
                       COALESCE(SUM(l.picked), 0)::bigint, COALESCE(SUM(l.shipped), 0)::bigint,
                       COALESCE(SUM(l.backordered), 0)::bigint, COALESCE(SUM(l.version), 0)::bigint
                FROM (SELECT o.* FROM orders o JOIN customer c ON c.code = o.customer
                      WHERE o.closed_at IS NULL
                        AND (\(pattern)::text IS NULL OR o.number ILIKE \(pattern) OR o.customer ILIKE \(pattern) OR c.name ILIKE \(pattern))
                      ORDER BY o.order_date, o.number LIMIT \(page.limit) OFFSET \(page.offset)) o
                JOIN customer c ON c.code = o.customer
                LEFT JOIN order_line l ON l.order_id = o.id
                GROUP BY o.id, o.number, o.customer, c.name, o.order_date, o.priority, o.policy, o.version
                ORDER BY o.order_date, o.number
                """
            for try await r in try await c.query(query, logger: PostgresBridge.quiet)
                .decode((String, String, String, String, Int, String, Int, Int, Int, Int, Int, Int, Int, Int).self) {
                rows.append(OpenOrderRow(number: r.0, customerCode: r.1, customerName: r.2, orderDate: Day(iso: r.3) ?? Day(ordinal: 0),
                                         priority: r.4, policy: ShipPolicy(rawValue: r.5) ?? .partial, lines: r.7, ordered: r.8,
                                         allocated: r.9, picked: r.10, shipped: r.11, backordered: r.12, version: r.6 + r.13))
            }
            return rows
        }
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
