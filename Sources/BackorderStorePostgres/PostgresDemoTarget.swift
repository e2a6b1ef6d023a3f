import BackorderCore
import PostgresNIO

extension PostgresTableCopy {
    /// The first table of a warehouse that holds rows (beyond what `db init` seeds), nil when the warehouse is empty
    /// and a copy may go into it; a database that is not a current warehouse is refused as `copy` refuses it. Asked
    /// before a long build (`demo`), so a full target is refused before minutes are spent; the copy asks again.
    public static func firstTableWithRows(_ bridge: PostgresBridge) throws -> String? {
        let url = bridge.url
        return try bridge.transaction(.snapshot) { c in
            if let e = PostgresSetup.refusal(try await PostgresSetup.state(c), url) { throw e }
            for table in WarehouseTables.copyOrder where !WarehouseTables.seeded.contains(table) {
                if try await !c.rows(PostgresQuery(unsafeSQL: "SELECT 1 FROM \(table) LIMIT 1")).isEmpty { return table }
            }
            return nil
        }
    }
}
