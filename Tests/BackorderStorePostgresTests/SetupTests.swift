import BackorderCore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// `db init` on the real server: the schema, its triggers, the roles the server enforces, and what it refuses.
final class SetupTests: PostgresTestCase {
    /// A login role of this test (roles are the cluster's, so each name is new).
    func loginRole(_ prefix: String) throws -> String {
        let name = prefix + "_" + UUID().uuidString.lowercased().prefix(8)
        try exec(adminBridge, "CREATE ROLE \(name) LOGIN")
        return name
    }

    func testInitCreatesTheWholeSchemaWithEveryMigrationName() throws {
        let b = bridge()
        XCTAssertEqual(try PostgresSetup.state(of: b), .empty)
        let outcome = try PostgresSetup.initialize(b)
        XCTAssertTrue(outcome.created)
        XCTAssertEqual(try PostgresSetup.state(of: b), .current)
        XCTAssertNoThrow(try PostgresSetup.requireCurrent(b))
        let names = try b.run { c in
            var names: [String] = []
            for try await n in try await c.query(PostgresQuery(unsafeSQL: "SELECT identifier FROM backorders_migration"),
                                                 logger: PostgresBridge.quiet).decode(String.self) { names.append(n) }
            return names
        }
        let everyStep = PostgresSchema.migrationNames + PostgresTriggers.steps.map(\.name)
        XCTAssertEqual(Set(names), Set(everyStep))
        XCTAssertEqual(names.count, Set(everyStep).count, "a step that is also a file migration is recorded once")
        XCTAssertTrue(PostgresSchema.migrationNames.last == "v17-customer-journal")
        for table in PostgresSchema.tables {
            XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '\(table)'"), 1, table)
        }
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"), 1)
    }

    func testTriggersKeepTheQueueTheCountersAndTheRecords() throws {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        for sql in [
            "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')",
            "INSERT INTO item (sku, name, on_hand) VALUES ('SKU-1', 'Skrue', 5), ('SKU-2', 'Mutter', 0)",
            "INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-1', 'C1', '2026-12-07', 5, 'partial', 0)",
            "INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered, backordered) SELECT id, 1, 'SKU-2', 5, '2026-12-07', 'SO-1', 3, 3 FROM orders",
            "UPDATE item SET backordered = 3 WHERE sku = 'SKU-2'",
            "INSERT INTO arrival (supplier, po_number, po_line, sku, quantity, eta, created_at) VALUES ('Lev', 'PO-1', 1, 'SKU-2', 10, '2026-12-20', 0)",
        ] { try exec(b, sql) }
        func tally(_ name: String) throws -> Int { try scalar(b, "SELECT value FROM tally WHERE name = '\(name)'") }
        XCTAssertEqual(try tally("open orders"), 1)
        XCTAssertEqual(try tally("items"), 2)
        XCTAssertEqual(try tally("waiting lines"), 1)
        XCTAssertEqual(try tally("backordered units"), 3)
        XCTAssertEqual(try scalar(b, "SELECT backordered FROM waiting WHERE order_no = 'SO-1'"), 3)
        XCTAssertEqual(try scalar(b, "SELECT arrivals FROM open_arrival_day WHERE eta = '2026-12-20'"), 1)
        // Part of the line served: it waits for less; all of it: it leaves the queue.
        try exec(b, "UPDATE order_line SET backordered = 1, allocated = 2")
        XCTAssertEqual(try scalar(b, "SELECT backordered FROM waiting"), 1)
        try exec(b, "UPDATE order_line SET backordered = 0, allocated = 3")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM waiting"), 0)
        XCTAssertEqual(try tally("waiting lines"), 0)
        try exec(b, "UPDATE arrival SET eta = '2026-12-24'")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM open_arrival_day WHERE eta = '2026-12-20'"), 0)
        XCTAssertEqual(try scalar(b, "SELECT arrivals FROM open_arrival_day WHERE eta = '2026-12-24'"), 1)
        try exec(b, "UPDATE orders SET closed_at = 1")
        XCTAssertEqual(try tally("open orders"), 0)
        // History is kept: the journal refuses changes whoever asks.
        try exec(b, "INSERT INTO movement (at, actor, kind, sku, quantity) VALUES (0, 'kari', 'adjust', 'SKU-1', 5)")
        XCTAssertThrowsError(try exec(b, "UPDATE movement SET quantity = 6")) { error in
            XCTAssertTrue("\(error)".contains("movement rows are records and cannot be changed"), "\(error)")
        }
        XCTAssertThrowsError(try exec(b, "INSERT INTO movement (at, actor, kind, sku, quantity) VALUES (0, 'kari', 'steal', 'SKU-1', 5)"))
        XCTAssertThrowsError(try exec(b, "INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-2', 'C1', '7.12.2026', 5, 'partial', 0)"),
                             "days are stored as YYYY-MM-DD, as in the file")
        // The filter's trigram index answers a substring, any case.
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM item WHERE name ILIKE '%KRU%'"), 1)
    }

    func testInitTwiceIsHarmless() throws {
        let b = bridge()
        XCTAssertTrue(try PostgresSetup.initialize(b).created)
        try exec(b, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        XCTAssertFalse(try PostgresSetup.initialize(b).created)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM customer"), 1, "nothing lost")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM backorders_migration"), PostgresSchema.recordedNames.count)
    }

    func testASupervisorLoginReadsButTheServerRefusesItsChanges() throws {
        let clerk = try loginRole("clerk"), supervisor = try loginRole("sup")
        let outcome = try PostgresSetup.initialize(bridge(), clerks: [clerk], supervisors: [supervisor])
        XCTAssertEqual(outcome.clerks, [clerk])
        let asSupervisor = bridge(url.with(user: supervisor))
        XCTAssertEqual(try scalar(asSupervisor, "SELECT count(*) FROM item"), 0, "the supervisor reads")
        XCTAssertThrowsError(try exec(asSupervisor, "INSERT INTO customer (code, name) VALUES ('C9', 'Sjef AS')")) { error in
            let e = error as? BackorderError
            XCTAssertEqual(e?.kind, .refused, "\(error)")
            let message = e?.message(Localizer(.en)) ?? ""
            XCTAssertTrue(message.contains("does not allow this for the user \(supervisor)"), message)
            XCTAssertTrue(message.contains("permission denied"), "the server's own words: \(message)")
        }
        let asClerk = bridge(url.with(user: clerk))
        try exec(asClerk, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        try exec(asClerk, "INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-1', 'C1', '2026-12-07', 5, 'partial', 0)")
        XCTAssertEqual(try scalar(asSupervisor, "SELECT count(*) FROM customer"), 1, "the supervisor sees the clerk's work")
        XCTAssertThrowsError(try exec(asClerk, "DROP TABLE customer"), "the clerk works through the tables, never on them")
        XCTAssertThrowsError(try exec(asClerk, "CREATE TABLE mine (x int)"))
        XCTAssertThrowsError(try exec(asClerk, "DELETE FROM backorders_migration"))
    }

    func testAGrantToARoleThatDoesNotExistChangesNothing() throws {
        let b = bridge()
        XCTAssertThrowsError(try PostgresSetup.initialize(b, supervisors: ["nobody_\(UUID().uuidString.prefix(6))"])) { error in
            XCTAssertTrue((error as? BackorderError)?.message(Localizer(.en)).contains("there is no login role") ?? false, "\(error)")
        }
        XCTAssertEqual(try PostgresSetup.state(of: b), .empty, "the schema was rolled back with it")
    }

    func testANewerSchemaIsRefused() throws {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        try exec(b, "INSERT INTO backorders_migration (identifier) VALUES ('v16-tomorrow')")
        XCTAssertEqual(try PostgresSetup.state(of: b), .newer(["v16-tomorrow"]))
        for attempt in [{ _ = try PostgresSetup.initialize(b) }, { try PostgresSetup.requireCurrent(b) }] {
            XCTAssertThrowsError(try attempt()) { error in
                let e = error as? BackorderError
                XCTAssertEqual(e?.kind, .dataFile)
                XCTAssertTrue(e?.message(Localizer(.en)).contains("set up by a newer version of backorders (it has v16-tomorrow)") ?? false, "\(error)")
                XCTAssertTrue(e?.message(Localizer(.nb)).contains("nyere versjon") ?? false)
            }
        }
    }

    func testADatabaseOfAnotherApplicationIsRefusedAndLeftAsItWas() throws {
        let b = bridge()
        try exec(b, "CREATE TABLE invoices (id int)")
        XCTAssertThrowsError(try PostgresSetup.initialize(b)) { error in
            XCTAssertTrue((error as? BackorderError)?.message(Localizer(.en)).contains("holds tables of another application (invoices)") ?? false, "\(error)")
        }
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 1, "nothing created")
        XCTAssertThrowsError(try PostgresSetup.requireCurrent(b))
    }

    func testAnEmptyDatabaseIsNotAWarehouseYet() throws {
        XCTAssertThrowsError(try PostgresSetup.requireCurrent(bridge())) { error in
            XCTAssertTrue((error as? BackorderError)?.message(Localizer(.en)).contains("holds no backorders warehouse yet: create one with `backorders db init") ?? false, "\(error)")
        }
    }

    func testTwoInitsAtOnceCreateOneSchema() throws {
        let b = bridge()
        let created = ConflictCounter(), failed = ConflictCounter()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                do { if try PostgresSetup.initialize(b).created { created.add() } } catch { failed.add() }
                group.leave()
            }.start()
        }
        group.wait()
        XCTAssertEqual(created.count, 1)
        XCTAssertEqual(failed.count, 0)
    }
}
