import BackorderCore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// A server made before the journal of customers' details (v17) is refused to clerks until its owner upgrades it;
/// the upgrade adds the table, keeps its rows as records and grants it to the clerks.
final class CustomerJournalUpgradeTests: PostgresTestCase {
    /// A database as `db init` made it before v17.
    static let beforeCustomerJournal = """
        DROP TABLE customer_change;
        DELETE FROM backorders_migration WHERE identifier = 'v17-customer-journal';
        """

    func testAServerWithoutTheJournalIsRefusedUntilUpgraded() throws {
        let clerk = "clerk_" + UUID().uuidString.lowercased().prefix(8)
        try exec(adminBridge, "CREATE ROLE \(clerk) LOGIN")
        let b = bridge()
        _ = try PostgresSetup.initialize(b, clerks: [clerk])
        try exec(b, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        try Self.older(b)
        XCTAssertEqual(try PostgresSetup.state(of: b), .older(["v17-customer-journal"]))
        XCTAssertThrowsError(try PostgresSetup.requireCurrent(b)) { error in
            let message = (error as? BackorderError)?.message(Localizer(.en)) ?? "\(error)"
            XCTAssertTrue(message.contains("v17-customer-journal"), message)
            XCTAssertTrue(message.contains("runs `backorders upgrade --db"), message)
        }
        XCTAssertThrowsError(try PostgresSetup.initialize(b), "db init does not change an older schema")
        XCTAssertEqual(try PostgresSetup.upgrade(b), ["v17-customer-journal"])
        XCTAssertEqual(try PostgresSetup.state(of: b), .current)
        XCTAssertEqual(try PostgresSetup.upgrade(b), [], "a second upgrade finds nothing to do")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM backorders_migration WHERE identifier = 'v17-customer-journal'"), 1)
        // The clerk's change is journaled through the granted table; the row stays as written.
        let w = try PostgresWarehouse(url: url.with(user: clerk))
        defer { w.close() }
        let ctx = Context(actor: "kari", now: Timestamp(unixTime: 1_795_604_400), today: Day(iso: "2026-11-25")!)
        XCTAssertEqual(try w.changeCustomer("C1", CustomerChanges(contact: "Kari"), ctx: ctx), ["contact"])
        XCTAssertEqual(try w.customerHistory("C1", limit: 5),
                       [CustomerChange(at: ctx.now, actor: "kari", customer: "C1", field: "contact", from: "", to: "Kari")])
        XCTAssertThrowsError(try exec(b, "UPDATE customer_change SET actor = 'someone'")) { error in
            XCTAssertTrue("\(error)".contains("customer_change rows are records and cannot be changed"), "\(error)")
        }
    }

    /// Every later step of the server missing at once: one `upgrade` applies them in order.
    func testOneUpgradeAppliesEveryMissingStepInOrder() throws {
        let b = bridge()
        try firstServerSchema(b)
        try Self.older(b)
        let steps = ["pg1-set-based-triggers", "pg2-counters-at-commit", "v17-customer-journal"]
        XCTAssertEqual(try PostgresSetup.state(of: b), .older(steps))
        XCTAssertEqual(try PostgresSetup.upgrade(b), steps)
        XCTAssertEqual(try PostgresSetup.state(of: b), .current)
    }
}

extension DatabaseCommandTests {
    /// `upgrade` on the command line adds the journal; `customer history` then reads it, in either language.
    func testUpgradeAddsTheCustomerJournalAndHistoryReadsIt() throws {
        XCTAssertEqual(try backorders(["db", "init", url.description]).status, 0)
        try CustomerJournalUpgradeTests.older(bridge())
        let refused = try backorders(["customer", "list", "--db", url.description])
        XCTAssertEqual(refused.status, 66)
        XCTAssertTrue(refused.stderr.contains("lacks v17-customer-journal)"), refused.stderr)
        let upgraded = try backorders(["upgrade", "--db", url.description])
        XCTAssertEqual(upgraded.status, 0, upgraded.stderr)
        XCTAssertTrue(upgraded.stdout.contains("v17-customer-journal"), upgraded.stdout)
        let env = ["BACKORDERS_TODAY": "2026-11-25"]
        XCTAssertEqual(try backorders(["customer", "add", "FJORD", "Fjord Bygg AS", "--db", url.description], env: env).status, 0)
        let set = try backorders(["customer", "set", "FJORD", "--email", "post@fjord.example.no", "--db", url.description], env: env)
        XCTAssertEqual(set.status, 0, set.stderr)
        let history = try backorders(["--lang", "nb", "customer", "history", "FJORD", "--db", url.description])
        XCTAssertEqual(history.status, 0, history.stderr)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, "headings, rule, two changes:\n" + history.stdout)
        guard lines.count == 4 else { return }
        XCTAssertTrue(lines[0].hasPrefix("NÅR"), history.stdout)
        for (line, words) in [(lines[2], ["e-post", "(ingen)", "post@fjord.example.no"]), (lines[3], ["opprettet", "Fjord Bygg AS"])] {
            for word in words { XCTAssertTrue(line.contains(word), "«\(word)» missing in\n\(history.stdout)") }
        }
        let json = try backorders(["customer", "history", "FJORD", "--json", "--limit", "1", "--db", url.description])
        let rows = try JSONDecoder().decode([CustomerChange].self, from: Data(json.stdout.utf8))
        XCTAssertEqual(rows.map(\.field), ["email"])
    }
}

extension CustomerJournalUpgradeTests {
    /// Turns a current database into one `db init` made before v17.
    static func older(_ b: PostgresBridge) throws {
        try b.transaction { c in
            for statement in PostgresSetup.splitStatements(beforeCustomerJournal) {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: PostgresBridge.quiet)
            }
        }
    }
}
