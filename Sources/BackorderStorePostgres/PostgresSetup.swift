import BackorderCore
import Foundation
import PostgresNIO

/// A warehouse's schema on a PostgreSQL server: what a database holds, and `backorders db init`, which creates the
/// schema and the two roles whose rights the server enforces.
public enum PostgresSetup {
    /// The role that reads and writes the application's tables (no schema changes).
    public static let clerkRole = "backorders_clerk" // not prose: a role name
    /// The role that only reads them.
    public static let supervisorRole = "backorders_supervisor" // not prose: a role name

    /// The format number, as the data file's: how many migrations the schema holds.
    public static var formatNumber: Int { PostgresSchema.migrationNames.count }

    /// What a database holds.
    public enum State: Sendable, Equatable {
        /// No tables at all: `db init` may create the warehouse.
        case empty
        /// A warehouse of exactly the migrations this build knows.
        case current
        /// A warehouse from a newer backorders: the names of the migrations this build does not know.
        case newer([String])
        /// Another application's tables (some of their names).
        case foreign([String])
        /// A backorders schema lacking migrations this build expects.
        case unrecognized([String])
        /// A warehouse of every file migration, lacking the server's own later steps (`PostgresTriggers.steps`):
        /// `upgrade` brings it up to date.
        case older([String])
    }

    /// What `initialize` did.
    public struct Outcome: Sendable, Equatable {
        /// True when the schema was created now, false when it was there already.
        public var created: Bool
        /// Login roles granted the clerk's and the supervisor's role.
        public var clerks: [String], supervisors: [String]
    }

    /// What the database the connection is in holds.
    static func state(_ c: PostgresConnection) async throws -> State {
        let table = PostgresSchema.migrationsTable
        let hasMigrations = try await c.query("SELECT to_regclass(\(table))::text", logger: PostgresBridge.quiet)
            .collect().first.flatMap { try? $0.decode(String?.self) } ?? nil
        guard hasMigrations != nil else {
            var names: [String] = []
            for try await name in try await c.query("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname LIMIT 6
                """, logger: PostgresBridge.quiet).decode(String.self) { names.append(name) }
            return names.isEmpty ? .empty : .foreign(names)
        }
        var applied: [String] = []
        for try await name in try await c.query(PostgresQuery(unsafeSQL: "SELECT identifier FROM \(table) ORDER BY identifier"),
                                                logger: PostgresBridge.quiet).decode(String.self) { applied.append(name) }
        let steps = PostgresTriggers.steps.map(\.name)
        let known = Set(PostgresSchema.migrationNames + steps)
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { return .newer(unknown) }
        // A file migration that is also a server step (added after servers were made) is behind, not missing.
        let missing = PostgresSchema.migrationNames.filter { !applied.contains($0) && !steps.contains($0) }
        if !missing.isEmpty { return .unrecognized(missing) }
        let behind = steps.filter { !applied.contains($0) }
        return behind.isEmpty ? .current : .older(behind)
    }

    /// The refusal for a database that is not a warehouse this build can use; nil for a current one.
    static func refusal(_ state: State, _ url: PostgresURL) -> BackorderError? {
        switch state {
        case .current: return nil
        case .empty: return .dataFile(.t(PostgresText.noSchema, url.description))
        case let .newer(names): return .dataFile(.t(PostgresText.newerSchema, url.description, names.joined(separator: ", ")))
        case let .foreign(names): return .dataFile(.t(PostgresText.foreignTables, url.description, names.joined(separator: ", ")))
        case let .unrecognized(names): return .dataFile(.t(PostgresText.unrecognizedSchema, url.description, names.joined(separator: ", ")))
        case let .older(names): return .dataFile(.t(PostgresText.olderSchema, url.description, names.joined(separator: ", ")))
        }
    }

    /// What the bridge's database holds.
    public static func state(of bridge: PostgresBridge) throws -> State {
        try bridge.run { c in try await state(c) }
    }

    /// Refuses, changing nothing, unless the bridge's database is a warehouse this build can use.
    public static func requireCurrent(_ bridge: PostgresBridge) throws {
        if let e = refusal(try state(of: bridge), bridge.url) { throw e }
    }

    /// `backorders db init`: creates the schema in an empty database (the whole current schema at once, every migration name
    /// recorded), the clerk's and the supervisor's roles with their rights, and grants them to the named login roles.
    /// Harmless when run again; a database of another application or a newer version is refused, changing nothing.
    /// All in one transaction: it happens whole or not at all. Needs a user who owns the database and may create roles.
    public static func initialize(_ bridge: PostgresBridge, clerks: [String] = [], supervisors: [String] = []) throws -> Outcome {
        let url = bridge.url
        return try bridge.transaction { c in
            // Two `db init` at once on one database: the second waits, then finds the schema there.
            try await c.query("SELECT pg_advisory_xact_lock(4242424242)", logger: PostgresBridge.quiet)
            let created: Bool
            switch try await state(c) {
            case .empty:
                for statement in splitStatements(PostgresSchema.create) {
                    try await c.query(PostgresQuery(unsafeSQL: statement), logger: PostgresBridge.quiet)
                }
                for name in PostgresSchema.recordedNames {
                    try await c.query("INSERT INTO backorders_migration (identifier) VALUES (\(name))", logger: PostgresBridge.quiet)
                }
                created = true
            case .current:
                created = false
            case let other:
                throw refusal(other, url)!
            }
            try await createRoles(c)
            for (names, role) in [(clerks, clerkRole), (supervisors, supervisorRole)] {
                for name in names {
                    let exists = try await c.query("SELECT 1 FROM pg_roles WHERE rolname = \(name)", logger: PostgresBridge.quiet)
                        .collect().count == 1
                    guard exists else { throw BackorderError.refused(.t(PostgresText.noSuchRole, name)) }
                    try await c.query(PostgresQuery(unsafeSQL: "GRANT \(role) TO \(quoted(name))"), logger: PostgresBridge.quiet)
                }
            }
            return Outcome(created: created, clerks: clerks, supervisors: supervisors)
        }
    }

    /// `backorders upgrade` on a server: applies the server's steps this database lacks, in order, in one transaction
    /// (whole or not at all), recording each; returns their names (none when it was current). Needs the database's owner.
    public static func upgrade(_ bridge: PostgresBridge) throws -> [String] {
        let url = bridge.url
        return try bridge.transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(4242424242)", logger: PostgresBridge.quiet)
            switch try await state(c) {
            case .current:
                return []
            case let .older(names):
                for (name, sql) in PostgresTriggers.steps where names.contains(name) {
                    for statement in splitStatements(sql) {
                        try await c.query(PostgresQuery(unsafeSQL: statement), logger: PostgresBridge.quiet)
                    }
                    try await c.query("INSERT INTO backorders_migration (identifier) VALUES (\(name))", logger: PostgresBridge.quiet)
                }
                // A step may add a table: the roles are granted it as `db init` grants the others.
                try await createRoles(c)
                return names
            case let other:
                throw refusal(other, url)!
            }
        }
    }

    /// The two roles (cluster-wide, made once) and their rights in this database (given again each time: harmless).
    static func createRoles(_ c: PostgresConnection) async throws {
        for role in [clerkRole, supervisorRole] {
            let exists = try await c.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)", logger: PostgresBridge.quiet).collect().count == 1
            if !exists { try await c.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(role) NOLOGIN"), logger: PostgresBridge.quiet) }
        }
        let tables = PostgresSchema.tables.joined(separator: ", ")
        for sql in [
            "GRANT USAGE ON SCHEMA public TO \(clerkRole), \(supervisorRole)",
            // The clerk works through the tables; history tables refuse changes by their triggers, whoever asks.
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(tables) TO \(clerkRole)",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \(clerkRole)",
            "GRANT SELECT ON \(tables), \(PostgresSchema.migrationsTable) TO \(clerkRole), \(supervisorRole)",
            PostgresTriggers.pendingGrant,
        ] {
            try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet)
        }
    }

    /// An identifier quoted for SQL: "name", its quotes doubled.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Splits a script into statements at semicolons outside quotes, `$$` bodies and `--` comments (the driver runs
    /// one statement per query).
    static func splitStatements(_ script: String) -> [String] {
        var out: [String] = [], current = ""
        var inQuote = false, inDollar = false, inComment = false
        let chars = Array(script)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if inComment {
                if ch == "\n" { inComment = false; current.append(ch) }
                i += 1
                continue
            }
            if !inQuote && !inDollar && ch == "-" && i + 1 < chars.count && chars[i + 1] == "-" { inComment = true; i += 2; continue }
            if !inQuote && ch == "$" && i + 1 < chars.count && chars[i + 1] == "$" {
                inDollar.toggle()
                current += "$$"
                i += 2
                continue
            }
            if !inDollar && ch == "'" { inQuote.toggle() }
            if !inQuote && !inDollar && ch == ";" {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(s) }
                current = ""
            } else {
                current.append(ch)
            }
            i += 1
        }
        let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { out.append(s) }
        return out
    }
}
