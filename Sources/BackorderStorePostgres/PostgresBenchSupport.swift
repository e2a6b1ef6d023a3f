import BackorderCore
import PostgresNIO

/// What the benchmark needs of a server beyond the service: a scratch copy of a warehouse database (the benchmark
/// writes, the original stays as it was) and the figures it picks its work by.
public enum PostgresScratch {
    /// Makes database `name` as a copy of `source` on the server `admin` is connected to (`CREATE DATABASE … TEMPLATE`,
    /// a file-level copy: nobody may be connected to `source` meanwhile). Takes a role that may create databases.
    public static func clone(_ admin: PostgresBridge, source: String, as name: String) throws {
        let sql = "CREATE DATABASE \(PostgresSetup.quoted(name)) TEMPLATE \(PostgresSetup.quoted(source))"
        try admin.run { c in _ = try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet) }
    }

    /// Drops database `name`, ending whatever sessions still use it.
    public static func drop(_ admin: PostgresBridge, _ name: String) throws {
        let sql = "DROP DATABASE IF EXISTS \(PostgresSetup.quoted(name)) WITH (FORCE)"
        try admin.run { c in _ = try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet) }
    }
}

extension PostgresWarehouse {
    /// The SKUs with the most waiting lines, most first (as the file's `skusByWaitingLines`).
    public func skusByWaitingLines(limit: Int = 10) throws -> [(sku: String, lines: Int, units: Int)] {
        try bridge.transaction(.snapshot) { c in
            var out: [(sku: String, lines: Int, units: Int)] = []
            for try await (sku, n, u) in try await c.query("""
                SELECT sku, COUNT(*)::bigint, SUM(backordered)::bigint FROM waiting GROUP BY sku ORDER BY 2 DESC, sku LIMIT \(limit)
                """, logger: PostgresBridge.quiet).decode((String, Int, Int).self) { out.append((sku, n, u)) }
            return out
        }
    }
}
