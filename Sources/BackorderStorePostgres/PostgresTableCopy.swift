import BackorderCore
import PostgresNIO

/// `backorders copy` on a PostgreSQL server: every table's raw rows read in one snapshot, or written into an empty
/// warehouse (made by `db init`) in one transaction by multi-row INSERTs with bound values. Not `COPY … FROM STDIN`:
/// postgres-nio 1.33 traps (a precondition, the whole process ends) when the connection closes during a COPY.
public enum PostgresTableCopy {
    /// Puts every table's rows into `pipe`, in `WarehouseTables.copyOrder`, batch by batch, all from one read-only
    /// snapshot (at least one batch per table). Returns each table's digest. Refuses a database that is not a
    /// current warehouse.
    public static func read(_ bridge: PostgresBridge, into pipe: CopyPipe,
                            batchRows: Int = WarehouseTables.batchRows) throws -> [String: TableDigest] {
        let url = bridge.url
        return try keepingProblems { caught in try bridge.transaction(.snapshot, attempts: 1) { c in try await caught.noting {
            if let e = PostgresSetup.refusal(try await PostgresSetup.state(c), url) { throw e }
            var digests: [String: TableDigest] = [:]
            for table in WarehouseTables.copyOrder {
                let columns = try await Self.columns(c, table)
                var digest = TableDigest()
                var rows: [[CopyValue]] = []
                var sent = false
                let sql = "SELECT \(columns.map(PostgresSetup.quoted).joined(separator: ", ")) FROM \(table)"
                for try await row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet) {
                    let values = try values(of: row)
                    digest.add(values)
                    rows.append(values)
                    if rows.count == batchRows {
                        try await pipe.putAsync(RowBatch(table: table, columns: columns, rows: rows))
                        rows.removeAll(keepingCapacity: true)
                        sent = true
                    }
                }
                if !rows.isEmpty || !sent { try await pipe.putAsync(RowBatch(table: table, columns: columns, rows: rows)) }
                digests[table] = digest
            }
            return digests
        } } }
    }

    /// Writes the pipe's rows into the bridge's database, which must be a current warehouse holding no rows (beyond
    /// what `db init` puts in its counters), in one transaction: ids kept, each identity's sequence set past its
    /// largest id, counters and the waiting queue copied as they are. Triggers do not fire meanwhile
    /// (`session_replication_role = replica`, which takes a superuser or a role granted that setting); every
    /// reference is verified before the commit. Returns each table's digest read back before the commit; a
    /// difference from the source's rolls everything back.
    public static func write(_ bridge: PostgresBridge, from pipe: CopyPipe) throws -> [String: TableDigest] {
        let url = bridge.url
        return try keepingProblems { caught in try bridge.transaction(attempts: 1) { c in try await caught.noting {
            if let e = PostgresSetup.refusal(try await PostgresSetup.state(c), url) { throw e }
            // Nobody writes while the copy runs; readers still may.
            try await exec(c, "LOCK TABLE \(WarehouseTables.copyOrder.joined(separator: ", ")) IN EXCLUSIVE MODE")
            for table in WarehouseTables.copyOrder where !WarehouseTables.seeded.contains(table) {
                let any = try await c.query(PostgresQuery(unsafeSQL: "SELECT 1 FROM \(table) LIMIT 1"), logger: PostgresBridge.quiet).collect()
                if !any.isEmpty { throw CopyProblem.destinationNotEmpty(table: table) }
            }
            try await exec(c, "SET LOCAL session_replication_role = replica")
            for table in WarehouseTables.seeded.sorted() { try await exec(c, "DELETE FROM \(table)") }
            // Built once from all the rows instead of entry by entry as they come (several times faster on a big
            // warehouse); inside the transaction, so a failed copy leaves them as they were.
            let indexes = try await secondaryIndexes(c)
            for index in indexes { try await exec(c, "DROP INDEX \(index.name)") }
            let known = Set(WarehouseTables.copyOrder)
            var columnsOf: [String: [String]] = [:]
            while let batch = try await pipe.nextAsync() {
                let table = batch.table
                guard known.contains(table) else { throw CopyProblem.unknownTable(table) }
                if columnsOf[table] == nil { columnsOf[table] = batch.columns }
                try await insert(c, batch)
            }
            try await exec(c, "SET LOCAL maintenance_work_mem = '256MB'")
            for index in indexes { try await exec(c, index.definition) }
            try await exec(c, "SET LOCAL session_replication_role = origin")
            try await restartIdentities(c)
            try await verifyReferences(c)
            let digests = try await self.digests(c, columnsOf)
            if let source = pipe.sourceDigests, let table = WarehouseTables.copyOrder.first(where: { source[$0] != digests[$0] }) {
                throw CopyProblem.differs(table: table)
            }
            // Statistics now, not when autovacuum comes round: until then the planner guesses (an order's lines were
            // read by hashing all 20,000 items, 6–11 ms instead of 0.1).
            try await exec(c, "ANALYZE \(WarehouseTables.copyOrder.joined(separator: ", "))")
            // The revision is copied as it is: the destination is new, nobody's screen waits on it.
            return digests
        } } }
    }

    /// The warehouse's indexes that no constraint owns (a primary key's or a unique constraint's stay), with the
    /// statements that build them.
    static func secondaryIndexes(_ c: PostgresConnection) async throws -> [(name: String, definition: String)] {
        var out: [(name: String, definition: String)] = []
        for try await (name, definition) in try await c.query("""
            SELECT quote_ident(x.relname)::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname = ANY(\(WarehouseTables.copyOrder))
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY x.relname
            """, logger: PostgresBridge.quiet).decode((String, String).self) { out.append((name, definition)) }
        return out
    }

    /// Every table's digest over all its columns (in the order of their names), read in one snapshot (a test compares the server with a file).
    public static func tableDigests(_ bridge: PostgresBridge) throws -> [String: TableDigest] {
        try bridge.transaction(.snapshot) { c in
            var columnsOf: [String: [String]] = [:]
            // By name: both engines hold the same columns, not always in the same order.
            for table in WarehouseTables.copyOrder { columnsOf[table] = try await Self.columns(c, table).sorted() }
            return try await digests(c, columnsOf)
        }
    }

    static func digests(_ c: PostgresConnection, _ columnsOf: [String: [String]]) async throws -> [String: TableDigest] {
        var out: [String: TableDigest] = [:]
        for (table, columns) in columnsOf {
            var digest = TableDigest()
            let sql = "SELECT \(columns.map(PostgresSetup.quoted).joined(separator: ", ")) FROM \(table)"
            for try await row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet) {
                digest.add(try values(of: row))
            }
            out[table] = digest
        }
        return out
    }

    /// The table's columns in their order.
    static func columns(_ c: PostgresConnection, _ table: String) async throws -> [String] {
        var names: [String] = []
        for try await n in try await c.query("""
            SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(table)
            ORDER BY ordinal_position
            """, logger: PostgresBridge.quiet).decode(String.self) { names.append(n) }
        return names
    }

    /// A row's values, by the type the server sends.
    static func values(of row: PostgresRow) throws -> [CopyValue] {
        var out: [CopyValue] = []
        for cell in row {
            guard cell.bytes != nil else { out.append(.null); continue }
            switch cell.dataType {
            case .int2, .int4, .int8: out.append(.integer(try cell.decode(Int64.self)))
            case .float4, .float8: out.append(.real(try cell.decode(Double.self)))
            case .bool: out.append(.integer(try cell.decode(Bool.self) ? 1 : 0))
            default: out.append(.text(try cell.decode(String.self)))
            }
        }
        return out
    }

    /// Inserts a batch's rows, as many per statement as stay well within the protocol's 65,535 bound values.
    static func insert(_ c: PostgresConnection, _ batch: RowBatch) async throws {
        guard !batch.rows.isEmpty else { return }
        let width = max(1, batch.columns.count)
        let perStatement = max(1, 30_000 / width)
        let head = "INSERT INTO \(batch.table) (\(batch.columns.map(PostgresSetup.quoted).joined(separator: ", "))) VALUES "
        var start = 0
        while start < batch.rows.count {
            let rows = batch.rows[start..<min(start + perStatement, batch.rows.count)]
            var binds = PostgresBindings(capacity: rows.count * width)
            var sql = head
            var n = 0
            for (i, row) in rows.enumerated() {
                sql += i == 0 ? "(" : ", ("
                for (j, value) in row.enumerated() {
                    n += 1
                    sql += j == 0 ? "$\(n)" : ", $\(n)"
                    switch value {
                    case .null: binds.appendNull()
                    case let .integer(v): try binds.append(v)
                    case let .real(v): try binds.append(v)
                    case let .text(v): try binds.append(v)
                    }
                }
                sql += ")"
            }
            try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: PostgresBridge.quiet)
            start += perStatement
        }
    }

    /// Each identity column's sequence continues after the largest copied id.
    static func restartIdentities(_ c: PostgresConnection) async throws {
        var identities: [(String, String)] = []
        for try await (table, column) in try await c.query("""
            SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name
            """, logger: PostgresBridge.quiet).decode((String, String).self) { identities.append((table, column)) }
        for (table, column) in identities {
            try await exec(c, """
                SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), COALESCE((SELECT MAX(\(column)) FROM \(table)), 0) + 1, false)
                """)
        }
    }

    /// Every reference the copied rows make (triggers, which check them, rested during the load).
    static func verifyReferences(_ c: PostgresConnection) async throws {
        var references: [(String, String, String, String)] = []
        for try await r in try await c.query("""
            SELECT tc.table_name::text, kcu.column_name::text, ccu.table_name::text, ccu.column_name::text
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """, logger: PostgresBridge.quiet).decode((String, String, String, String).self) { references.append(r) }
        for (table, column, parent, key) in references {
            let orphans = try await c.query(PostgresQuery(unsafeSQL: """
                SELECT 1 FROM \(table) t WHERE t.\(column) IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM \(parent) p WHERE p.\(key) = t.\(column)) LIMIT 1
                """), logger: PostgresBridge.quiet).collect()
            if !orphans.isEmpty { throw CopyProblem.differs(table: table) }
        }
    }

    /// Runs `body`, throwing the copy's own problem (which the bridge would report as a server error) as it is.
    static func keepingProblems<T>(_ body: (Caught) throws -> T) throws -> T {
        let caught = Caught()
        do { return try body(caught) } catch {
            if let p = caught.problem { throw p }
            throw error
        }
    }

    /// The copy's problem, noted on its way out of a transaction's body.
    final class Caught: @unchecked Sendable {
        var problem: (any Error)?
        func noting<T>(_ body: () async throws -> T) async throws -> T {
            do { return try await body() } catch {
                if error is CopyProblem || error is CopyPipe.Cancelled { problem = error }
                throw error
            }
        }
    }

    static func exec(_ c: PostgresConnection, _ sql: String) async throws {
        try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet)
    }
}
