import BackorderCore
import Foundation
import GRDB
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// Both engines speak one version language: the same migration names (no server needed).
final class MigrationNameTests: XCTestCase {
    func testTheMigrationNamesAreTheSQLiteStores() {
        XCTAssertEqual(PostgresSchema.migrationNames, Schema.knownMigrations,
                       "a migration added to the SQLite store needs its PostgreSQL counterpart (PostgresSchema)")
        XCTAssertEqual(PostgresSetup.formatNumber, Warehouse.fileFormat.number)
    }
}

/// Both engines hold one schema: table by table, the same columns.
final class SameSchemaTests: PostgresTestCase {
    func testEveryTableHasTheSQLiteFilesColumns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("same-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        try Warehouse.open(path: path, mode: .create).close()
        let file = try DatabaseQueue(path: path)
        let sqliteTables = try file.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%'
                AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%search%'
                """)
        }
        // The FTS5 tables are the trigram indexes here; every other table is in both.
        XCTAssertEqual(Set(sqliteTables), Set(PostgresSchema.tables))
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        for table in PostgresSchema.tables {
            let inFile = try file.read { db in try db.columns(in: table).map(\.name) }
            let onServer = try b.run { c in
                var names: [String] = []
                for try await n in try await c.query("""
                    SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = \(table)
                    ORDER BY ordinal_position
                    """, logger: PostgresBridge.quiet).decode(String.self) { names.append(n) }
                return names
            }
            XCTAssertEqual(Set(onServer), Set(inFile), table)
        }
    }
}
