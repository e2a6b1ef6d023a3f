import BackorderCore
import Foundation
import PostgresNIO
import TestSupport
import XCTest
@testable import BackorderStorePostgres

/// `backorders db init` as a person runs it: the real binary against the real server.
final class DatabaseCommandTests: PostgresTestCase {
    /// The real binary (`Binary`, in TestSupport).
    func backorders(_ args: [String], env extra: [String: String] = [:]) throws -> RunResult { try Binary.run(args, env: extra) }

    func testInitCreatesThenFindsTheWarehouseAndGrantsTheRoles() throws {
        let supervisor = "sup_" + UUID().uuidString.lowercased().prefix(8)
        try exec(adminBridge, "CREATE ROLE \(supervisor) LOGIN")
        let first = try backorders(["db", "init", url.description, "--supervisor", supervisor])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, """
            Created the warehouse in \(url.description) (format \(PostgresSchema.migrationNames.count)).
            Roles: backorders_clerk (read and write), backorders_supervisor (read only).
            \(supervisor) may now log in as backorders_supervisor.

            """)
        // Again, in Norwegian and through BACKORDERS_DB: nothing to create.
        let second = try backorders(["--lang", "nb", "db", "init"], env: ["BACKORDERS_DB": url.description])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.hasPrefix("\(url.description) har allerede lageret (format \(PostgresSchema.migrationNames.count)); ingenting å lage."), second.stdout)
        let asSupervisor = bridge(url.with(user: supervisor))
        XCTAssertThrowsError(try exec(asSupervisor, "INSERT INTO setting (key, value) VALUES ('a', 'b')"))
    }

    func testRefusalsSayWhyWithTheirExitCodes() throws {
        let bad = try backorders(["db", "init", "postgres://clerk@db.example"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("names no database"), bad.stderr)
        let file = try backorders(["db", "init", "warehouse.sqlite"])
        XCTAssertEqual(file.status, 64)
        XCTAssertTrue(file.stderr.contains("is not a PostgreSQL URL; a data file is created with `backorders init`"), file.stderr)
        try exec(bridge(), "CREATE TABLE invoices (id int)")
        let foreign = try backorders(["db", "init", url.description])
        XCTAssertEqual(foreign.status, 66)
        XCTAssertTrue(foreign.stderr.contains("holds tables of another application (invoices)"), foreign.stderr)
        let nobody = try backorders(["db", "init", url.with(database: "no_such_db").description])
        XCTAssertEqual(nobody.status, 66)
        XCTAssertTrue(nobody.stderr.contains("there is no database «no_such_db» on the server"), nobody.stderr)
    }
}

extension DatabaseCommandTests {
    /// An earlier server schema: clerks are told to have it upgraded; the owner's `upgrade` does it once, in one go.
    func testUpgradeBringsAnEarlierServerSchemaUpToDate() throws {
        XCTAssertEqual(try backorders(["db", "init", url.description]).status, 0)
        let current = try backorders(["upgrade", "--db", url.description])
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertEqual(current.stdout, "\(url.description) is already in this version's format\n")
        try bridge().transaction { c in
            for statement in PostgresSetup.splitStatements(TriggerTests.countersInPlace) {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: PostgresBridge.quiet)
            }
        }
        let refused = try backorders(["list", "orders", "--db", url.description])
        XCTAssertEqual(refused.status, 66)
        XCTAssertTrue(refused.stderr.contains("lacks pg2-counters-at-commit): the database's owner runs `backorders upgrade --db"), refused.stderr)
        let upgraded = try backorders(["--lang", "nb", "upgrade", "--db", url.description])
        XCTAssertEqual(upgraded.status, 0, upgraded.stderr)
        XCTAssertTrue(upgraded.stdout.hasPrefix("oppgraderte \(url.description): pg2-counters-at-commit ("), upgraded.stdout)
        XCTAssertEqual(try backorders(["list", "orders", "--db", url.description]).status, 0)
    }
}
