import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// An app on `service` at a terminal size, speaking `language`, started (first load done).
func makeApp(_ service: any BackorderService, width: Int = 80, height: Int = 24, language: Language) -> BackorderApp {
    let app = BackorderApp(service: service, actor: "clerk", clock: fixedClock, language: language)
    app.send(.resized(Size(width: width, height: height)))
    app.send(.started)
    return app
}

/// The main screens in Norwegian and English: every pane, the order detail and the help, at 80×24 and 40×12, the
/// language key, numbers and dates as each language writes them, and the catalogues themselves.
final class LanguageTests: XCTestCase {
    static let sizes: [(String, Int, Int)] = [("80x24", 80, 24), ("40x12", 40, 12)]
    static let screens: [(String, [Key])] = [
        ("orders", []),
        ("backorders", [.char("2")]),
        ("arrivals", [.char("3")]),
        ("stock", [.char("4")]),
        ("detail", [.enter]),
        ("help", [.char("?")]),
        ("help-end", [.char("?"), .end]),
        ("arrival-history", [.char("3"), .enter]),
        ("filter", [.char("/"), .char("B"), .char("y"), .char("g")]),
        ("filter-nothing", [.char("/"), .char("z"), .char("z"), .enter]),
        ("sorted", [.char("o"), .char("o"), .char("o"), .char("O")]),
        ("pick-result", [.char("p"), .enter, .enter, .enter]),
        ("ship-result", [.char("p"), .enter, .enter, .enter, .enter, .char("s"), .enter]),
        ("receive-result", [.char("3"), .char("r"), .enter, .enter]),
    ]

    func testEveryMainScreenInBothLanguages() throws {
        for language in Language.allCases {
            for (sizeName, width, height) in Self.sizes {
                for (name, keys) in Self.screens {
                    let app = makeApp(try makeWarehouse(), width: width, height: height, language: language)
                    for key in keys { app.send(.key(key)) }
                    assertSnapshot(of: app.render(), named: "\(language.rawValue)-\(name)-\(sizeName)")
                }
            }
        }
    }

    /// A file opened read-only says so in Norwegian, and so does a write key refused.
    func testReadOnlyInNorwegian() throws {
        let service = ReadOnlyService(base: try makeWarehouse())
        for (sizeName, width, height) in Self.sizes {
            let app = makeApp(service, width: width, height: height, language: .nb)
            XCTAssertTrue(app.screen.contains("BARE LESING"), app.screen)
            app.send(.key(.char("p")))
            XCTAssertEqual(app.state.message, StatusMessage("Bare lesing: plukk er ikke mulig (filen ble åpnet med --read-only)", .warning))
            assertSnapshot(of: app.render(), named: "nb-read-only-pick-refused-\(sizeName)")
        }
    }

    /// The grid of four panes at 200×60 holds in Norwegian too.
    func testTheGridInNorwegian() throws {
        let app = makeApp(try makeWarehouse(), width: 200, height: 60, language: .nb)
        assertSnapshot(of: app.render(), named: "nb-grid-200x60")
        XCTAssertTrue(app.screen.contains("1 Åpne ordrer"), app.screen)
        XCTAssertTrue(app.screen.contains("4 Lager"), app.screen)
    }

    /// Words in the Norwegian screens read as a Norwegian clerk expects, and no English is left on them.
    func testTheNorwegianPanesSpeakNorwegian() throws {
        let app = makeApp(try makeWarehouse(), language: .nb)
        var screen = app.screen
        for word in ["1 Ordrer", "2 Restordre", "3 Ankomster", "4 Lager", "Ordre", "Kunde", "Bestilt", "Restord.", "20.02.2026",
                     "3 ordrer", "3 restlinjer (37 stk)", "2 ankomster (1 sen)", "p Plukk", "s Send", "? Hjelp", "q Avslutt"] {
            XCTAssertTrue(screen.contains(word), "\(word) missing:\n\(screen)")
        }
        for english in ["Orders", "Customer", "Ordered", "2026-02-20", "orders", "Pick", "Quit", "Help"] {
            XCTAssertFalse(screen.contains(english), "\(english) left in English:\n\(screen)")
        }
        app.type(.char("2"))
        screen = app.screen
        for word in ["Varenr", "Vare", "Ant.", "Lovet", "07.03.2026", "SEN"] { XCTAssertTrue(screen.contains(word), "\(word) missing:\n\(screen)") }
        app.type(.char("1"), .enter)
        screen = app.screen
        for word in ["Ordre SO-000001 · Nordic Tools AS (C001) · 20.02.2026 · prioritet 5 · delle", "Sum",
                     "Forsendelser: ingen ennå", "Historikk:", "20.02.2026 09:00 UTC", "linje 1"] {
            XCTAssertTrue(screen.contains(word), "\(word) missing:\n\(screen)")
        }
    }

    /// `L` switches the session's language, the status bar says which, and `L` again switches back.
    func testTheLanguageKeySwitchesAndTheStatusBarShowsIt() throws {
        var s = AppState(location: "/data/w.sqlite", actor: "kari", readOnly: false, today: fixedToday)
        s.language = .en
        _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 24)))
        let statusRow = { (s: AppState) in Views.render(s).text.split(separator: "\n", omittingEmptySubsequences: false)[22] }
        XCTAssertTrue(statusRow(s).hasPrefix(" en │ /data/w.sqlite │ kari"), String(statusRow(s)))
        _ = Reducer.reduce(&s, .key(.char("L")))
        XCTAssertEqual(s.language, .nb)
        XCTAssertEqual(s.tr, .nb)
        XCTAssertEqual(s.message, StatusMessage("Språk: norsk bokmål (L bytter tilbake)"))
        XCTAssertTrue(statusRow(s).hasPrefix(" nb │ /data/w.sqlite │ kari"), String(statusRow(s)))
        XCTAssertTrue(Views.render(s).text.contains("1 Ordrer"))
        _ = Reducer.reduce(&s, .key(.char("L")))
        XCTAssertEqual(s.language, .en)
        XCTAssertEqual(s.message, StatusMessage("Language: English (L switches back)"))
        // From the order detail and in the help; typing an L in a filter is text, not a switch.
        s.overlay = .help(scroll: 0)
        _ = Reducer.reduce(&s, .key(.char("?")))
        _ = Reducer.reduce(&s, .key(.char("/")))
        _ = Reducer.reduce(&s, .key(.char("L")))
        XCTAssertEqual(s.language, .en)
        XCTAssertEqual(s.filterInput?.text, "L")
        XCTAssertEqual(Keymap.binding(for: .char("L"), in: .panes)?.command, .switchLanguage)
        XCTAssertEqual(Keymap.binding(for: .char("L"), in: .detail)?.command, .switchLanguage)
        XCTAssertTrue(Keymap.helpSections(readOnly: false, .nb).flatMap(\.entries).contains { $0.keys == "L" && $0.description.contains("Bytt språk") })
        XCTAssertTrue(Keymap.helpSections(readOnly: false, .en).flatMap(\.entries).contains { $0.keys == "L" && $0.description.contains("language") })
    }

    /// The language key on a running app: the screen already loaded turns Norwegian, rows and all.
    func testSwitchingOnARunningApp() throws {
        let app = makeApp(try makeWarehouse(), language: .en)
        XCTAssertTrue(app.screen.contains("2026-02-20"))
        app.type(.char("L"))
        XCTAssertTrue(app.screen.contains("20.02.2026"), app.screen)
        XCTAssertTrue(app.screen.contains("Språk: norsk bokmål"), app.screen)
        assertSnapshot(of: app.render(), named: "switched-to-nb-80x24")
    }

    /// Numbers people read are grouped as their language writes them: a no-break space in Norwegian.
    func testNumbersAreGroupedInTheReadersLanguage() throws {
        let w = try makeWarehouse()
        try w.addItem(Item(sku: "SKU-9009", name: "Skrue", bin: "D-04", onHand: 12_345), ctx: fixedContext(-30))
        let nb = makeApp(w, language: .nb)
        nb.type(.char("4"), .end)
        XCTAssertTrue(nb.screen.contains("12\u{00A0}345"), nb.screen)
        let en = makeApp(w, language: .en)
        en.type(.char("4"), .end)
        XCTAssertTrue(en.screen.contains("12,345"), en.screen)
    }

    /// The wholesaler flow by keys, in Norwegian: pick, ship, receive, ship the rest.
    func testWholesalerFlowInNorwegian() throws {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "SKU-1", name: "Tykkvegget rør", onHand: 70), ctx: fixedContext(-3))
        try w.addCustomer(Customer(code: "C1", name: "Ålesund kommune"))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [NewOrderLine(sku: "SKU-1", quantity: 100)]), ctx: fixedContext(-2))
        try w.addArrival(NewArrival(supplier: "Øst-Agder Kjemi", poNumber: "PO-1", sku: "SKU-1", quantity: 30, eta: fixedToday.adding(days: 3)),
                         ctx: fixedContext(-2))
        let app = makeApp(w, language: .nb)
        app.type(.char("p"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("Plukket 70 enheter på SO-1"), app.screen)
        app.type(.enter, .char("s"))
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("Forsendelse SH-000001 for SO-1"), app.screen)
        XCTAssertTrue(app.screen.contains("linje 1 SKU-1: 30 i restordre, lovet 05.03.2026"), app.screen)
        app.type(.enter, .char("3"), .char("r"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("30 → SO-1 linje 1 (linjen er fylt)"), app.screen)
        app.type(.enter, .char("1"), .char("p"), .enter, .enter, .enter, .char("s"), .enter)
        XCTAssertTrue(app.screen.contains("Ingenting står igjen: ordren er komplett og avsluttet."), app.screen)
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("Ingen åpne ordrer"), app.screen)
    }

    /// Errors shown in a Norwegian session are worded in Norwegian.
    func testErrorsAreWordedInTheSessionsLanguage() throws {
        let app = makeApp(try makeWarehouse(), language: .nb)
        app.type(.char("p"), .ctrl("u"), .char("9"), .char("9"), .enter)
        XCTAssertEqual(app.dialog?.message, "bare 70 reservert på linje 1: plukk høyst 70")
        app.type(.escape)
        XCTAssertEqual(app.state.message, StatusMessage("Avbrutt: ingenting ble endret"))
        app.type(.char("r"), .ctrl("u"))
        app.type(text: "NOPE")
        app.type(.enter)
        XCTAssertEqual(app.dialog?.message, "ingen forventet ankomst og intet varenr. «NOPE»: skriv innkjøpsordre/linje eller et varenr.")
    }

    /// A Norwegian clerk types a date as the screen shows it.
    func testDaysAsAClerkTypesThem() throws {
        XCTAssertEqual(try DayInput.parse("14.12.2026", today: fixedToday, what: "ETA"), Day(iso: "2026-12-14"))
        XCTAssertEqual(try DayInput.parse("3.1.2027", today: fixedToday, what: "ETA"), Day(iso: "2027-01-03"))
        XCTAssertEqual(try DayInput.parse("2026-12-14", today: fixedToday, what: "ETA"), Day(iso: "2026-12-14"))
        XCTAssertEqual(try DayInput.parse("i dag", today: fixedToday, what: "ETA"), fixedToday)
        XCTAssertEqual(try DayInput.parse("today", today: fixedToday, what: "ETA"), fixedToday)
        XCTAssertEqual(try DayInput.parse("+3", today: fixedToday, what: "ETA"), fixedToday.adding(days: 3))
        XCTAssertEqual(try DayInput.parse("14.12.26", today: fixedToday, what: "ETA"), Day(iso: "2026-12-14"))
        for bad in ["31.02.2026", "14/12/2026", "1.2.3.4"] {
            XCTAssertThrowsError(try DayInput.parse(bad, today: fixedToday, what: "ankomstdato"), bad) { error in
                XCTAssertEqual((error as? BackorderError)?.message(.nb), "ankomstdato «\(bad)» er ikke en dato: bruk DD.MM.ÅÅÅÅ, «i dag», +N eller -N")
            }
        }
    }

    func testTheCataloguesAreComplete() {
        XCTAssertEqual(Catalogue.problems(ScreenText.self), [])
        XCTAssertEqual(Catalogue.problems(ColumnText.self), [])
        XCTAssertEqual(Catalogue.problems(KeyText.self), [])
        XCTAssertEqual(Catalogue.problems(KeyHelpText.self), [])
        XCTAssertEqual(Catalogue.problems(InputText.self), [])
        XCTAssertEqual(Catalogue.problems(OutcomeText.self), [])
    }

    /// Norwegian headers fit the columns drawn for them: a header cut short would read as another word.
    func testNorwegianHeadersFitTheirColumns() {
        for kind in PaneKind.allCases {
            for column in Columns.columns(kind, .nb) {
                if case .fixed(let width) = column.width { XCTAssertLessThanOrEqual(column.title.count, width, "\(kind) \(column.title)") }
            }
        }
        for column in DetailView.tableColumns(.nb) {
            if case .fixed(let width) = column.width { XCTAssertLessThanOrEqual(column.title.count, width, column.title) }
        }
        // Hint-bar labels short enough that the panes' most used keys fit 80 columns in Norwegian too.
        let hints = Keymap.hints(in: .panes, readOnly: false, .nb).prefix(8).map { $0.hint.key + " " + $0.hint.label }
        XCTAssertLessThanOrEqual(hints.joined(separator: "  ").count, 80, hints.joined(separator: "  "))
    }
}
