import BackorderCore
import GRDB
import XCTest
@testable import BackorderStore

/// Who changed a customer's details, when, from what: one row per field, written with the change, kept forever; an
/// older file gains the table on upgrade.
final class CustomerJournalTests: XCTestCase {
    func testAdditionsChangesAndImportsAreJournaledNewestFirst() throws {
        let w = try Warehouse.inMemory()
        try w.addCustomer(Customer(code: "FJORD", name: "Fjord Bygg AS", language: .nb), ctx: ctx(-2, actor: "kari"))
        XCTAssertEqual(try w.changeCustomer("FJORD", CustomerChanges(language: .some(nil), email: "innkjop@fjord.example.no"), ctx: ctx(-1, actor: "ola")),
                       ["language", "email"])
        XCTAssertEqual(try w.changeCustomer("FJORD", CustomerChanges(email: "innkjop@fjord.example.no"), ctx: ctx(actor: "ola")), [],
                       "nothing changed, nothing journaled")
        let summary = try w.apply(ImportBatch(file: "c.csv", records: .customers([
            Located(line: 2, value: Customer(code: "FJORD", name: "Fjord Bygg og Anlegg AS", email: "post@fjord.example.no")),
        ])), dryRun: false, ctx: ctx(actor: "import"))
        XCTAssertEqual(summary.updated, 1)
        let day = { (offset: Int) in Timestamp(unixTime: Int64(testToday.adding(days: offset).ordinal) * 86_400 + 9 * 3600) }
        // Newest first: a change's fields in reverse of `changedFields` order (name, language, email, contact).
        XCTAssertEqual(try w.customerHistory("FJORD", limit: 10), [
            CustomerChange(at: day(0), actor: "import", customer: "FJORD", field: "email", from: "innkjop@fjord.example.no", to: "post@fjord.example.no"),
            CustomerChange(at: day(0), actor: "import", customer: "FJORD", field: "name", from: "Fjord Bygg AS", to: "Fjord Bygg og Anlegg AS"),
            CustomerChange(at: day(-1), actor: "ola", customer: "FJORD", field: "email", from: "", to: "innkjop@fjord.example.no"),
            CustomerChange(at: day(-1), actor: "ola", customer: "FJORD", field: "language", from: "nb", to: ""),
            CustomerChange(at: day(-2), actor: "kari", customer: "FJORD", field: "created", from: "", to: "Fjord Bygg AS"),
        ])
        XCTAssertEqual(try w.customerHistory("FJORD", limit: 1).map(\.field), ["email"], "the latest first, the limit kept")
        assertRefused(.notFound, "unknown customer") { _ = try w.customerHistory("NOBODY", limit: 5) }
        assertRefused(.invalidInput, "at least 1") { _ = try w.customerHistory("FJORD", limit: 0) }
        // A refused change leaves no row.
        assertRefused(.invalidInput, "not an e-mail address") { _ = try w.changeCustomer("FJORD", CustomerChanges(email: "x at y"), ctx: ctx()) }
        XCTAssertEqual(try w.customerHistory("FJORD", limit: 10).count, 5)
        try assertIntact(w)
    }

    func testTheJournalRowsAreRecords() throws {
        let w = try Warehouse.inMemory()
        try w.addCustomer(Customer(code: "C1", name: "Kunde"), ctx: ctx())
        for sql in ["UPDATE customer_change SET actor = 'someone else'", "DELETE FROM customer_change"] {
            XCTAssertThrowsError(try w.write { try $0.execute(sql: sql) }, sql) { error in
                XCTAssertTrue("\(error)".contains("customer_change rows are records and cannot be changed"), "\(error)")
            }
        }
    }

    /// A file of v16 gains the journal when opened for writing; its customers have no rows until they change.
    func testAnOlderFileGainsTheJournalOnUpgrade() throws {
        let path = temporaryPath()
        let pool = try DatabasePool(path: path)
        try Schema.migrator.migrate(pool, upTo: "v16-journal-index")
        try pool.write { try $0.execute(sql: "INSERT INTO customer (code, name, email) VALUES ('C1', 'Nordlys AS', 'post@nordlys.example.no')") }
        try pool.close()
        let w = try Warehouse.open(path: path, mode: .readWrite)
        XCTAssertEqual(w.upgrades, ["v17-customer-journal"])
        XCTAssertEqual(try w.customerHistory("C1", limit: 5), [])
        try w.changeCustomer("C1", CustomerChanges(email: ""), ctx: ctx(actor: "kari"))
        XCTAssertEqual(try w.customerHistory("C1", limit: 5).map { [$0.field, $0.from, $0.to, $0.actor] },
                       [["email", "post@nordlys.example.no", "", "kari"]])
        try assertIntact(w)
        try w.close()
    }
}
