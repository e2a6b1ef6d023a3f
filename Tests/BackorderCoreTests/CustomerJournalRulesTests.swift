import BackorderCore
import XCTest

/// Which rows a customer's addition or change journals, decided once for both engines, and how they read.
final class CustomerJournalRulesTests: XCTestCase {
    func testOneRowPerChangedFieldWithStoredValues() {
        let old = Customer(code: "C1", name: "Nordlys AS", language: .nb, email: "post@nordlys.example.no")
        let new = CustomerChanges(name: "Nordlys Bygg AS", language: .some(nil), email: "", contact: "Kari").applied(to: old)
        XCTAssertEqual(CustomerJournal.changed(from: old, to: new), [
            .init(field: "name", from: "Nordlys AS", to: "Nordlys Bygg AS"),
            .init(field: "language", from: "nb", to: ""),
            .init(field: "email", from: "post@nordlys.example.no", to: ""),
            .init(field: "contact", from: "", to: "Kari"),
        ])
        XCTAssertEqual(CustomerJournal.changed(from: old, to: old), [], "nothing changed, nothing written")
        XCTAssertEqual(CustomerJournal.added(old), [.init(field: "created", from: "", to: "Nordlys AS")])
    }

    func testAnImportRecordLeavesWhatItDoesNotGive() {
        let stored = Customer(code: "C1", name: "Nordlys AS", language: .nb, email: "post@nordlys.example.no", contact: "Kari")
        let record = Customer(code: "C1", name: "Nordlys AS", email: "innkjop@nordlys.example.no")
        XCTAssertEqual(CustomerChanges(overlaying: record).applied(to: stored),
                       Customer(code: "C1", name: "Nordlys AS", language: .nb, email: "innkjop@nordlys.example.no", contact: "Kari"))
    }

    func testAChangeReadsInBothLanguages() {
        let c = CustomerChange(at: Timestamp(unixTime: 0), actor: "kari", customer: "C1", field: "email", from: "", to: "a@b.no")
        XCTAssertEqual(CustomerJournal.fieldName(c.field, Localizer(.nb)) + " " + CustomerJournal.fromTo(c, Localizer(.nb)), "e-post (ingen) → a@b.no")
        XCTAssertEqual(CustomerJournal.fieldName(c.field, Localizer(.en)) + " " + CustomerJournal.fromTo(c, Localizer(.en)), "e-mail (none) → a@b.no")
        var created = c
        created.field = CustomerJournal.created; created.to = "Nordlys AS"
        XCTAssertEqual(CustomerJournal.fromTo(created, Localizer(.nb)), "Nordlys AS")
        XCTAssertThrowsError(try CustomerJournal.checkLimit(0))
    }

    func testTheCatalogueIsComplete() {
        XCTAssertEqual(Catalogue.problems(CustomerJournalText.self), [])
    }
}
