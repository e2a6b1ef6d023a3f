import BackorderCore
import BackorderStore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// The throwaway server scripts/test starts (`BACKORDERS_TEST_POSTGRES`), or the reason there is none.
enum TestServer {
    /// The administrator's URL (superuser, its `postgres` database); skips the test, saying why, without one.
    static func admin() throws -> PostgresURL {
        let env = ProcessInfo.processInfo.environment
        guard let text = env["BACKORDERS_TEST_POSTGRES"], !text.isEmpty else {
            let why = env["BACKORDERS_TEST_POSTGRES_SKIP"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "BACKORDERS_TEST_POSTGRES is not set (scripts/test starts a server; or run scripts/pg-test-cluster start)"
            throw XCTSkip("PostgreSQL tests skipped: \(why)")
        }
        return try PostgresURL(parsing: text)
    }
}

/// A test against the real server, in a database of its own (made in setUp, dropped in tearDown), so tests share
/// no state.
class PostgresTestCase: XCTestCase {
    var admin: PostgresURL!
    /// This test's database, as the superuser.
    var url: PostgresURL!
    var adminBridge: PostgresBridge!
    /// Bridges a test opened, closed in tearDown.
    var opened: [PostgresBridge] = []
    /// A folder of this test's own for files (a sample warehouse, CSV files), removed in tearDown.
    var folder: URL!

    override func setUpWithError() throws {
        admin = try TestServer.admin()
        adminBridge = PostgresBridge(url: admin, connectWait: .seconds(10))
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try adminBridge.run { c in _ = try await c.query(PostgresQueryText.make("CREATE DATABASE \(name)"), logger: PostgresBridge.quiet) }
        url = admin.with(database: String(name))
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgtest-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for b in opened { b.close() }
        opened = []
        if let folder { try? FileManager.default.removeItem(at: folder) }
        if let adminBridge, let url {
            let name = url.database
            _ = try? adminBridge.run { c in
                try await c.query(PostgresQueryText.make("DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: PostgresBridge.quiet)
            }
            adminBridge.close()
        }
    }

    /// The warehouse file at `path` copied into this test's database (made by `db init` first); every table the same.
    func copyToServer(_ path: String, batchRows: Int? = nil) throws {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        let source = try Warehouse.open(path: path, mode: .readOnly)
        defer { try? source.close() }
        let copied = try WarehouseTables.run(read: { pipe in
            if let batchRows { try source.readTables(into: pipe, batchRows: batchRows) } else { try source.readTables(into: pipe) }
        }, write: { try PostgresTableCopy.write(b, from: $0) })
        XCTAssertEqual(copied.source, copied.destination)
    }

    /// A bridge to this test's database (or another URL), closed at the end of the test.
    func bridge(_ u: PostgresURL? = nil, connections: Int = 10, wait: Duration = .seconds(10), interruptible: Bool = false) -> PostgresBridge {
        let b = PostgresBridge(url: u ?? url, maximumConnections: connections, connectWait: wait, interruptible: interruptible)
        opened.append(b)
        return b
    }

    /// One value of the first row of `sql`.
    func scalar(_ b: PostgresBridge, _ sql: String) throws -> Int {
        try b.run { c in
            let rows = try await c.query(PostgresQueryText.make(sql), logger: PostgresBridge.quiet).collect()
            return try rows.first?.decode(Int.self) ?? -1
        }
    }

    /// The text of the first row's first value of `sql` ("" when there is none).
    func text(_ b: PostgresBridge, _ sql: String) throws -> String {
        try b.run { c in
            let rows = try await c.query(PostgresQueryText.make(sql), logger: PostgresBridge.quiet).collect()
            return try rows.first?.decode(String?.self) ?? ""
        }
    }

    /// Runs `sql` (one statement).
    /// A warehouse made by the first server schema (before `pg1-set-based-triggers` and `pg2-counters-at-commit`),
    /// for the upgrade tests.
    func firstServerSchema(_ b: PostgresBridge) throws {
        _ = try PostgresSetup.initialize(b)
        try b.transaction { c in
            for statement in PostgresSetup.splitStatements(TriggerTests.countersInPlace + TriggerTests.firstSchemaTriggers) {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: PostgresBridge.quiet)
            }
        }
    }

    func exec(_ b: PostgresBridge, _ sql: String) throws {
        try b.run { c in _ = try await c.query(PostgresQueryText.make(sql), logger: PostgresBridge.quiet) }
    }
}
