import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// `K` on an order: the customer's language, e-mail address and contact seen and changed in the UI, in both languages,
/// stored through the service; read-only sessions only see them. And the notices view names where a notice goes.
final class CustomerDialogTests: XCTestCase {
    static func text(_ s: String) -> [Key] { s.map { Key.char($0) } }
    /// Replaces what a field holds.
    static func retype(_ s: String) -> [Key] { [.ctrl("u")] + text(s) + [.enter] }

    /// Language en, an address and a contact, typed over the customer's empty details.
    static let filledIn: [Key] = [.char("K")] + retype("en") + retype("innkjop@nordic.example.no") + retype("Kari Nordmann")

    func app(_ w: Warehouse, _ keys: [Key], language: Language = .en, width: Int = 80, height: Int = 24,
             readOnly: Bool = false) -> BackorderApp {
        let app = readOnly ? makeApp(ReadOnlyService(base: w), width: width, height: height, language: language)
                           : makeApp(w, width: width, height: height, language: language)
        for key in keys { app.send(.key(key)) }
        return app
    }

    func testTheClerkChangesTheLanguageAddressAndContactWithOneConfirmation() throws {
        let w = try makeWarehouse()
        let app = app(w, Self.filledIn, language: .nb)
        guard case .customerConfirm(let draft)? = app.dialog?.step else { return XCTFail(app.screen) }
        XCTAssertEqual(draft.changes, CustomerChanges(language: .some(.en), email: "innkjop@nordic.example.no", contact: "Kari Nordmann"))
        XCTAssertNil(try w.customer("C001").email, "nothing is stored before the yes")
        let screen = app.screen
        for words in ["Bekreft: endre kunde C001", "Språk: ingen (leserens) → engelsk (en)", "E-post: ingen → innkjop@nordic.example.no",
                      "Kontakt: ingen → Kari Nordmann", "Lagre"] {
            XCTAssertTrue(screen.contains(words), "«\(words)» missing in\n\(screen)")
        }
        app.type(.enter)
        XCTAssertNil(app.state.overlay)
        XCTAssertEqual(app.state.message?.text, "Kunde C001: språk, e-postadresse og kontaktperson endret")
        XCTAssertEqual(try w.customer("C001"), Customer(code: "C001", name: "Nordic Tools AS", language: .en,
                                                         email: "innkjop@nordic.example.no", contact: "Kari Nordmann"))
    }

    func testTheOrderShownInFullOpensItsCustomerWithWhatItHas() throws {
        let w = try makeWarehouse()
        try w.changeCustomer("C002", CustomerChanges(language: .some(.nb), email: "post@bygg.example.no", contact: "Ola"))
        let app = app(w, [.down, .enter, .char("K")])
        guard case .customerField(let draft)? = app.dialog?.step else { return XCTFail(app.screen) }
        XCTAssertEqual(draft.customer.code, "C002")
        XCTAssertEqual(app.dialog?.field.text, "nb", "the field holds the language as it is")
        XCTAssertTrue(app.screen.contains("Language: Norwegian (nb)"), app.screen)
        XCTAssertTrue(app.screen.contains("E-mail: post@bygg.example.no"), app.screen)
        app.type(.enter)
        XCTAssertEqual(app.dialog?.field.text, "post@bygg.example.no")
    }

    func testEmptyAnswersClearTheAddressAndTheContact() throws {
        let w = try makeWarehouse()
        try w.changeCustomer("C001", CustomerChanges(language: .some(.nb), email: "post@nordic.example.no", contact: "Kari"))
        let app = app(w, [.char("K"), .enter, .ctrl("u"), .enter, .ctrl("u"), .enter])
        guard case .customerConfirm(let draft)? = app.dialog?.step else { return XCTFail(app.screen) }
        XCTAssertEqual(draft.changes, CustomerChanges(email: "", contact: ""), "the language stays")
        XCTAssertTrue(app.screen.contains("E-mail: post@nordic.example.no → none"), app.screen)
        app.type(.enter)
        XCTAssertEqual(try w.customer("C001"), Customer(code: "C001", name: "Nordic Tools AS", language: .nb))
        XCTAssertEqual(app.state.message?.text, "Customer C001: e-mail address and contact changed")
    }

    func testTheLanguageIsClearedByAnEmptyFieldOrByNone() throws {
        let w = try makeWarehouse()
        try w.changeCustomer("C001", CustomerChanges(language: .some(.en)))
        let app = app(w, [.char("K")] + Self.retype("ingen") + [.enter, .enter, .enter], language: .nb)
        XCTAssertNil(try w.customer("C001").language)
        XCTAssertEqual(app.state.message?.text, "Kunde C001: språk endret")
    }

    func testABadAddressIsRefusedInNorwegianAndTheFieldStays() throws {
        let w = try makeWarehouse()
        let app = app(w, [.char("K"), .enter] + Self.retype("kari at nordic"), language: .nb)
        guard case .customerField(let draft)? = app.dialog?.step else { return XCTFail(app.screen) }
        XCTAssertEqual(draft.field, .email, "still asking for the address")
        XCTAssertEqual(app.dialog?.message, "«kari at nordic» er ikke en e-postadresse (skriv den som navn@eksempel.no)")
        XCTAssertTrue(app.screen.contains("er ikke en e-postadresse"), app.screen)
        let bad = self.app(w, [.char("K")] + Self.retype("fransk"), language: .nb)
        XCTAssertEqual(bad.dialog?.message, "ukjent språk «fransk»: skriv nb eller en (tomt: ingen)")
        XCTAssertNil(try w.customer("C001").email)
    }

    func testNothingChangedClosesWithoutAConfirmation() throws {
        let w = try makeWarehouse()
        let before = try w.revision()
        let app = app(w, [.char("K"), .enter, .enter, .enter])
        XCTAssertNil(app.state.overlay)
        XCTAssertEqual(app.state.message?.text, "Customer C001: nothing changed")
        XCTAssertEqual(try w.revision(), before)
    }

    func testEscapeOnTheConfirmationStoresNothing() throws {
        let w = try makeWarehouse()
        let app = app(w, Self.filledIn + [.escape])
        XCTAssertNil(app.state.overlay)
        XCTAssertEqual(try w.customer("C001"), Customer(code: "C001", name: "Nordic Tools AS"))
    }

    func testAReadOnlySessionSeesTheCustomerButCannotChangeIt() throws {
        let w = try makeWarehouse()
        try w.changeCustomer("C001", CustomerChanges(language: .some(.en), email: "post@nordic.example.no", contact: "Kari"),
                             ctx: fixedContext(-1, actor: "kari"))
        let app = app(w, [.char("K")], language: .nb, readOnly: true)
        guard case .result(let title, let lines)? = app.dialog?.step else { return XCTFail(app.screen) }
        XCTAssertEqual(title, "Kunde C001")
        XCTAssertEqual(lines, ["Nordic Tools AS (C001)", "Språk: engelsk (en)", "E-post: post@nordic.example.no", "Kontakt: Kari",
                               "Skrivebeskyttet: kunden kan ikke endres her.",
                               "Siste endringer:",
                               "  01.03.2026 09:00 UTC kari: kontakt: (ingen) → Kari",
                               "  01.03.2026 09:00 UTC kari: e-post: (ingen) → post@nordic.example.no",
                               "  01.03.2026 09:00 UTC kari: språk: (ingen) → en",
                               "  31.01.2026 09:00 UTC clerk: opprettet: Nordic Tools AS"])
        XCTAssertFalse(app.dialog!.step.hasField, "nothing to type")
        app.type(.char("x"))
        XCTAssertNil(app.state.overlay, "any key closes it")
    }

    /// The first question lists the latest changes (who, when, old → new) where the screen has room; at 40×12 the
    /// prompt and its field come first and the list is left out.
    func testTheDialogListsTheLatestChangesWhereThereIsRoom() throws {
        let w = try makeWarehouse()
        try w.changeCustomer("C001", CustomerChanges(email: "post@nordic.example.no"), ctx: fixedContext(-3, actor: "ola"))
        try w.changeCustomer("C001", CustomerChanges(language: .some(.nb), contact: "Kari"), ctx: fixedContext(-2, actor: "kari"))
        try w.changeCustomer("C001", CustomerChanges(email: "innkjop@nordic.example.no"), ctx: fixedContext(-1, actor: "ola"))
        let wide = app(w, [.char("K")], language: .nb)
        guard case .customerField(let draft)? = wide.dialog?.step else { return XCTFail(wide.screen) }
        XCTAssertEqual(draft.history.map(\.field), ["email", "contact", "language", "email"], "the latest four, newest first")
        for words in ["Siste endringer:", "01.03.2026 09:00 UTC ola: e-post: post@nordic.example.no →", "innkjop@nordic.example.no",
                      "28.02.2026 09:00 UTC kari: kontakt: (ingen) → Kari", "Språk (nb, en; tomt: ingen):"] {
            XCTAssertTrue(wide.screen.contains(words), "«\(words)» missing in\n\(wide.screen)")
        }
        assertSnapshot(of: wide.render(), named: "nb-customer-history-80x24")
        let small = app(w, [.char("K")], language: .nb, width: 40, height: 12)
        XCTAssertTrue(small.screen.contains("Språk (nb, en; tomt:"), small.screen)
        XCTAssertFalse(small.screen.contains("Siste endringer"), small.screen)
        assertSnapshot(of: small.render(), named: "nb-customer-history-40x12")
    }

    func testTheKeyIsInTheHelpInBothLanguages() throws {
        let w = try makeWarehouse()
        XCTAssertTrue(app(w, [.char("?")], language: .nb).screen.contains("Ordrens kunde: se og endre språk"))
        XCTAssertTrue(app(w, [.char("?")]).screen.contains("The order's customer: see and change its language"))
        XCTAssertEqual(Keymap.binding(for: .char("K"), in: .panes)?.command, .customer)
        XCTAssertEqual(Keymap.binding(for: .char("K"), in: .detail)?.command, .customer)
        XCTAssertEqual(Keymap.bindings.filter { $0.keys.contains(.char("K")) }.count, 1, "K means one thing")
    }

    /// The notices view says where the selected notice goes, or that it cannot be e-mailed.
    func testTheNoticesViewNamesTheRecipient() throws {
        let w = try makeReportWarehouse()
        let nb = app(w, [.char("n")], language: .nb)
        guard let first = nb.state.notices.current else { return XCTFail(nb.screen) }
        XCTAssertTrue(nb.screen.contains("Til: \(first.customerName) har ingen e-postadresse"), nb.screen)
        try w.changeCustomer(first.customerCode, CustomerChanges(email: "post@example.no", contact: "Siv Åsheim"))
        XCTAssertTrue(app(w, [.char("n")], language: .nb).screen.contains("Til: Siv Åsheim <post@example.no>"))
        try w.changeCustomer(first.customerCode, CustomerChanges(contact: ""))
        XCTAssertTrue(app(w, [.char("n")]).screen.contains("To: post@example.no"))
    }

    /// The dialog's screens in both languages at 80×24 and 40×12.
    func testTheDialogsScreensInBothLanguages() throws {
        let scenarios: [(String, [Key], Bool)] = [
            ("customer-language", [.char("K")], false),
            ("customer-email", [.char("K"), .enter], false),
            ("customer-bad-email", [.char("K"), .enter] + Self.retype("kari at nordic"), false),
            ("customer-confirm", Self.filledIn, false),
            ("customer-read-only", [.char("K")], true),
        ]
        for language in Language.allCases {
            for (sizeName, width, height) in LocalizedScreenTests.sizes {
                for (name, keys, readOnly) in scenarios {
                    let w = try makeWarehouse()
                    try w.changeCustomer("C001", CustomerChanges(contact: "Kari Nordmann"), ctx: fixedContext(-1, actor: "kari"))
                    let app = app(w, keys, language: language, width: width, height: height, readOnly: readOnly)
                    assertSnapshot(of: app.render(), named: "\(language.rawValue)-\(name)-\(sizeName)")
                }
            }
        }
    }

    func testTheCatalogueIsComplete() {
        XCTAssertEqual(Catalogue.problems(CustomerDialogText.self), [])
        XCTAssertEqual(Catalogue.problems(CustomerHistoryDialogText.self, sameInBoth: ["entry"]), [])
    }
}
