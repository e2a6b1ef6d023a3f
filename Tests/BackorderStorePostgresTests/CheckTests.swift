import BackorderCore
import Foundation
import GRDB
import PostgresNIO
import TestSupport
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// `check` on the server: the sample warehouse from a real file copied to the server, then the same damage done on both
/// sides; both engines must report the same violations, rule and detail, in the same order.
final class CheckTests: PostgresTestCase {

    /// The sample warehouse with an amended order and a reversed receipt (as CopyTests makes it), on the server too.
    func sampleOnBothSides() throws -> (file: String, server: PostgresWarehouse) {
        let path = folder.appendingPathComponent("sample.sqlite").path
        try SampleFiles.sampleWithExceptions(at: path)
        try copyToServer(path)
        let server = try PostgresWarehouse(url: url)
        addTeardownBlock { server.close() }
        return (path, server)
    }

    func fileCheck(_ path: String, limit: Int = 20) throws -> [Violation] {
        let w = try Warehouse.open(path: path, mode: .readOnly)
        defer { try? w.close() }
        return try w.check(limit: limit)
    }

    /// Runs `statements` on the file with every trigger dropped and no constraint checked, and on the server with
    /// triggers resting (`session_replication_role = replica`) and its CHECK constraints dropped: the same rows changed,
    /// nothing else.
    func damage(_ path: String, _ statements: [String]) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
            for t in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(t.quotedDatabaseIdentifier)")
            }
            for s in statements { try db.execute(sql: s) }
        }
        try queue.close()
        try bridge().transaction { c in
            try await c.query("SET LOCAL session_replication_role = replica", logger: PostgresBridge.quiet)
            // The server checks constraints whatever the role: they go, as SQLite's are ignored above.
            try await c.query("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT conrelid::regclass AS t, conname FROM pg_constraint
                           WHERE contype = 'c' AND connamespace = current_schema()::regnamespace LOOP
                    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname);
                  END LOOP;
                END $$
                """, logger: PostgresBridge.quiet)
            for s in statements { try await c.query(PostgresQuery(unsafeSQL: s), logger: PostgresBridge.quiet) }
        }
    }

    /// One value from the file.
    func fileInt(_ path: String, _ sql: String) throws -> Int64 {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int64.fetchOne($0, sql: sql) } ?? -1
    }

    func testTheSampleChecksCleanOnBothEngines() throws {
        let (file, server) = try sampleOnBothSides()
        XCTAssertEqual(try fileCheck(file), [])
        XCTAssertEqual(try server.check(), [])
    }

    func testTheSameDamageIsReportedTheSameOnBothEngines() throws {
        let (file, server) = try sampleOnBothSides()
        let line = try fileInt(file, "SELECT MIN(id) FROM order_line WHERE allocated > 0")
        let movement = try fileInt(file, "SELECT MAX(id) FROM movement WHERE line_id IS NOT NULL AND line_id != \(line) AND d_on_hand != 0")
        let waiting = try fileInt(file, "SELECT line_id FROM waiting ORDER BY sku, priority, order_date, order_no, line_no LIMIT 1")
        XCTAssertGreaterThan(line, 0)
        XCTAssertGreaterThan(movement, 0)
        XCTAssertGreaterThan(waiting, 0)
        try damage(file, [
            "UPDATE order_line SET allocated = allocated + 1 WHERE id = \(line)",
            "DELETE FROM movement WHERE id = \(movement)",
            "UPDATE tally SET value = value + 3 WHERE name = 'items'",
            "DELETE FROM waiting WHERE line_id = \(waiting)",
        ])
        let onFile = try fileCheck(file)
        let onServer = try server.check()
        XCTAssertEqual(onServer, onFile)
        // Each damage is named, by the rule that owns it.
        let rules = Set(onFile.map(\.rule))
        for rule in ["line balance", "line vs journal", "stock vs lines", "stock vs journal", "counters", "waiting queue mirrors the order lines"] {
            XCTAssertTrue(rules.contains(rule), "\(rule) missing from \(onFile)")
        }
        XCTAssertTrue(onFile.contains { $0.rule == "counters" && $0.detail.contains("«items»") }, "\(onFile)")
        // The limit per rule holds on both.
        XCTAssertEqual(try server.check(limit: 1), try fileCheck(file, limit: 1))
        XCTAssertEqual(Dictionary(grouping: try server.check(limit: 1), by: \.rule).values.map(\.count).max(), 1)
    }

    func testAMissingParentIsFoundOnTheServerToo() throws {
        let (file, server) = try sampleOnBothSides()
        let order = try fileInt(file, "SELECT MIN(order_id) FROM notice")
        XCTAssertGreaterThan(order, 0)
        // A notice whose order is gone (a reference the server's own foreign-key check looks up).
        try damage(file, ["UPDATE notice SET order_id = 999999 WHERE order_id = \(order)"])
        let onFile = try fileCheck(file)
        XCTAssertEqual(onFile.map(\.rule), ["foreign keys"])
        XCTAssertEqual(try server.check(), onFile)
    }
}
