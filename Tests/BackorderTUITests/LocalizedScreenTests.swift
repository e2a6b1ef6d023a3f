import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// Every dialog, every report and the notices view in Norwegian and in English, at 80×24 and 40×12: the words come
/// from the catalogues and the layouts hold with the longer Norwegian words.
final class LocalizedScreenTests: XCTestCase {
    static let sizes: [(String, Int, Int)] = [("80x24", 80, 24), ("40x12", 40, 12)]

    static func text(_ s: String) -> [Key] { s.map { Key.char($0) } }

    /// Which warehouse a screen is reached on.
    enum Base { case small, report, queue }

    static let newOrder: [Key] = [.char("N"), .enter] + text("SKU-2002") + [.enter, .char("9"), .enter]
    static let picked: [Key] = [.char("p"), .enter, .enter, .enter, .enter]
    static let received: [Key] = [.char("3"), .char("r"), .enter, .enter, .enter]

    /// Screens reached from the start by keys only.
    static let scenarios: [(String, Base, [Key])] = [
        // The order desk
        ("new-order-customer", .small, [.char("N")] + text("bygg")),
        ("new-order-no-customer", .small, [.char("N")] + text("zzz") + [.enter]),
        ("new-order-item", .small, [.char("N"), .enter] + text("gad")),
        ("new-order-quantity", .small, [.char("N"), .enter] + text("SKU-2002") + [.enter]),
        ("new-order-bad-quantity", .small, [.char("N"), .enter] + text("SKU-2002") + [.enter] + text("mange") + [.enter]),
        ("new-order-next-item", .small, newOrder),
        ("new-order-priority", .small, newOrder + [.enter]),
        ("new-order-policy", .small, newOrder + [.enter, .enter]),
        ("new-order-confirm", .small, newOrder + [.enter, .enter, .enter]),
        // Pick and ship
        ("pick-quantity", .small, [.char("p")]),
        ("pick-bad-quantity", .small, [.char("p"), .ctrl("u"), .char("7"), .char("x"), .enter]),
        ("pick-short", .small, [.char("p"), .ctrl("u"), .char("5"), .char("0"), .enter]),
        ("pick-confirm", .small, [.char("p"), .enter, .enter]),
        ("ship-confirm", .small, picked + [.char("s")]),
        ("ship-complete-override", .small, [.down, .char("p"), .enter, .enter, .enter, .char("s")]),
        // Receipts, ETAs, arrivals
        ("receive-target", .small, [.char("r")]),
        ("receive-quantity", .small, [.char("3"), .char("r")]),
        ("receive-unplanned", .small, [.char("r")] + text("SKU-3003") + [.enter]),
        ("receive-confirm", .small, [.char("3"), .char("r"), .enter]),
        ("eta-date", .small, [.char("3"), .char("e")]),
        ("eta-bad-date", .small, [.char("3"), .char("e"), .ctrl("u")] + text("31.02.2026") + [.enter]),
        ("eta-reason", .small, [.char("3"), .char("e"), .ctrl("u")] + text("30.3.2026") + [.enter]),
        ("eta-confirm", .small, [.char("3"), .char("e"), .ctrl("u")] + text("30.03.2026") + [.enter] + text("båten er forsinket") + [.enter]),
        ("add-arrival", .small, [.char("a")]),
        ("add-arrival-eta", .small, [.char("a")] + text("Nordisk Stål") + [.enter] + text("PO-9001") + [.enter, .enter, .ctrl("u")]
            + text("SKU-1001") + [.enter] + text("12") + [.enter]),
        ("add-arrival-confirm", .small, [.char("a")] + text("Nordisk Stål") + [.enter] + text("PO-9001") + [.enter, .enter, .ctrl("u")]
            + text("SKU-1001") + [.enter] + text("12") + [.enter, .ctrl("u")] + text("14.03.2026") + [.enter]),
        // The exceptions
        ("cancel-line", .small, [.char("2"), .char("x")]),
        ("cancel-scope", .small, [.char("2"), .char("x"), .enter]),
        ("cancel-bad-scope", .small, [.char("2"), .char("x"), .enter, .ctrl("u"), .char("q"), .enter]),
        ("cancel-reason", .small, [.char("2"), .char("x"), .enter, .enter]),
        ("cancel-confirm", .small, [.char("2"), .char("x"), .enter, .enter] + text("kunden ga opp") + [.enter]),
        ("cancel-nothing-open", .small, picked + [.char("s"), .enter, .enter, .char("x")]),
        ("put-back-nothing", .small, [.char("u")]),
        ("put-back-line", .small, picked + [.char("u")]),
        ("put-back-confirm", .small, picked + [.char("u"), .enter] + text("feil hylle") + [.enter]),
        ("priority", .small, [.char("P")]),
        ("priority-policy", .small, [.char("2"), .char("P"), .ctrl("u"), .char("1"), .enter]),
        ("priority-note", .small, [.char("2"), .char("P"), .ctrl("u"), .char("1"), .enter, .enter]),
        ("priority-confirm", .small, [.char("2"), .char("P"), .ctrl("u"), .char("1"), .enter, .enter] + text("Ref. 4411") + [.enter, .enter]),
        ("priority-unchanged", .small, [.char("P"), .enter, .enter, .enter, .enter]),
        ("expedite", .small, [.char("2"), .char("U")]),
        ("expedite-confirm", .small, [.char("2"), .char("U")] + text("sykehus") + [.enter]),
        ("reallocate-line", .queue, [.end, .char("t")]),
        ("reallocate-donors", .queue, [.end, .char("t"), .enter]),
        ("reallocate-confirm", .queue, [.end, .char("t"), .enter, .enter] + text("haster") + [.enter]),
        ("amend-line", .small, [.char("A")]),
        ("amend-quantity", .small, [.char("A"), .char("1"), .enter]),
        ("amend-bad-line", .small, [.char("A"), .ctrl("u"), .char("9"), .enter]),
        ("amend-confirm", .small, [.char("A"), .char("1"), .enter, .ctrl("u")] + text("60") + [.enter] + text("kunden ringte") + [.enter]),
        ("add-line", .small, [.char("+")]),
        ("add-line-quantity", .small, [.char("+")] + text("SKU-3003") + [.enter]),
        ("add-line-confirm", .small, [.char("+")] + text("SKU-3003") + [.enter, .char("2"), .enter, .enter]),
        ("return-line", .report, [.down, .enter, .char("b")]),
        ("return-restock", .report, [.down, .enter, .char("b"), .enter, .enter]),
        ("return-confirm", .report, [.down, .enter, .char("b"), .enter, .enter, .enter] + text("skadet") + [.enter]),
        ("return-nothing-shipped", .small, [.enter, .char("b")]),
        ("reverse-receipt", .small, [.char("3"), .char("V")]),
        ("reverse-receipt-confirm", .small, received + [.char("V")] + text("RC-000001") + [.enter] + text("feil varer") + [.enter]),
        ("why", .queue, [.char("2"), .char("y")]),
        // Purchasing from the shortage report
        ("purchase-quantity", .report, [.char("R"), .tab, .char("P")]),
        ("supplier-name", .report, [.char("R"), .tab, .char("S")]),
        ("supplier-lead-time", .report, [.char("R"), .tab, .char("S"), .enter]),
        // Reports and notices
        ("report-aging", .report, [.char("R")]),
        ("report-aging-lines", .report, [.char("R"), .down, .down, .down, .enter]),
        ("report-aging-empty-bucket", .report, [.char("R"), .down, .enter]),
        ("report-shortage", .report, [.char("R"), .tab]),
        ("report-shortage-marked", .report, [.char("R"), .tab, .char(" ")]),
        ("report-late", .report, [.char("R"), .tab, .tab]),
        ("report-service", .report, [.char("R"), .tab, .tab, .tab]),
        ("report-service-earlier", .report, [.char("R"), .tab, .tab, .tab, .char("[")]),
        ("report-backlog", .report, [.char("R"), .tab, .tab, .tab, .tab]),
        ("notices", .report, [.char("n")]),
        ("notice-text", .report, [.char("n"), .enter]),
        ("notices-mark-all-confirm", .report, [.char("n"), .char("M")]),
        ("notices-none", .small, [.char("n"), .char("M"), .enter, .char("m")]),
    ]

    /// An app in `language` on the scenario's warehouse, with the keys typed.
    static func app(_ base: Base, _ keys: [Key], language: Language, width: Int, height: Int) throws -> BackorderApp {
        let saved = Localizer.process
        Localizer.process = Localizer(language)
        defer { Localizer.process = saved }
        let w: Warehouse
        switch base {
        case .small: w = try makeWarehouse()
        case .report: w = try makeReportWarehouse()
        case .queue: w = try makeQueueWarehouse()
        }
        let app = makeApp(w, width: width, height: height)
        XCTAssertEqual(app.state.language, language)
        for key in keys { app.send(.key(key)) }
        return app
    }

    func testEveryDialogReportAndTheNoticesInBothLanguages() throws {
        for language in Language.allCases {
            for (sizeName, width, height) in Self.sizes {
                for (name, base, keys) in Self.scenarios {
                    let app = try Self.app(base, keys, language: language, width: width, height: height)
                    assertSnapshot(of: app.render(), named: "\(language.rawValue)-\(name)-\(sizeName)")
                }
            }
        }
    }

    /// The Norwegian screens say it in Norwegian: a sample of words a clerk reads, and none of the English ones.
    func testNorwegianDialogsReadNorwegian() throws {
        let expectations: [(String, Base, [Key], [String], [String])] = [
            ("pick", .small, [.char("p")], ["Plukk SO-000001", "reservert", "Hvor mange tok du fra hylla?"], ["allocated", "How many"]),
            ("ship", .small, Self.picked + [.char("s")], ["Send SO-000001 til Nordic Tools AS", "Sendes nå", "i restordre"],
             ["Ships now", "backordered"]),
            ("eta", .small, [.char("3"), .char("e"), .ctrl("u")] + Self.text("30.03.2026") + [.enter],
             ["Flytt fra 28.02.2026 til 30.03.2026.", "Årsak (valgfritt"], ["Move from", "2026-03-30"]),
            ("cancel", .small, [.char("2"), .char("x"), .enter, .enter] + Self.text("kunden ga opp") + [.enter],
             ["Bekreft: kanseller", "kansellerte", "Ingenting er endret ennå"], ["cancelled", "Nothing is changed"]),
            ("new order", .small, Self.newOrder + [.enter, .enter, .enter],
             ["Bekreft ny ordre", "prioritet 5, delforsendelser", "Legg inn ordren"], ["priority", "Place the order"]),
            ("shortage", .report, [.char("R"), .tab], ["Mangel", "Varenr.", "udekket"], ["Shortage", "uncovered"]),
            ("notices", .report, [.char("n")], ["Å varsle", "Hendelser", "Tekst som sendes"], ["To inform", "Events"]),
        ]
        for (what, base, keys, present, absent) in expectations {
            let screen = try Self.app(base, keys, language: .nb, width: 80, height: 24).render().text
            for word in present { XCTAssertTrue(screen.contains(word), "\(what): «\(word)» missing in\n\(screen)") }
            for word in absent { XCTAssertFalse(screen.contains(word), "\(what): «\(word)» still English in\n\(screen)") }
        }
    }

    /// A Norwegian clerk types the new ETA as dd.mm.yyyy or d.m.yyyy, and an impossible day is refused in Norwegian.
    func testADialogTakesADayAsANorwegianTypesIt() throws {
        for typed in ["30.03.2026", "30.3.2026", "2026-03-30", "+28"] {
            let app = try Self.app(.small, [.char("3"), .char("e"), .ctrl("u")] + Self.text(typed) + [.enter], language: .nb, width: 80, height: 24)
            guard case .etaReason(_, let day)? = app.dialog?.step else { return XCTFail("\(typed): \(app.screen)") }
            XCTAssertEqual(day, Day(iso: "2026-03-30"), typed)
        }
        let app = try Self.app(.small, [.char("3"), .char("e"), .ctrl("u")] + Self.text("31.02.2026") + [.enter], language: .nb, width: 80, height: 24)
        XCTAssertEqual(app.dialog?.message, "ankomstdato «31.02.2026» er ikke en dato: bruk DD.MM.ÅÅÅÅ, «i dag», +N eller -N")
    }

    /// Numbers shown to people are grouped as each language writes them, and days follow the screen's language.
    func testReportCellsUseTheReadersNumbersAndDays() {
        let row = BacklogRow(customerCode: "C9", customerName: "Ålesund kommune", orders: 2, lines: 3, units: 12_345, oldestAgeDays: 40,
                             nextPromised: Day(iso: "2026-12-14"), unpromisedLines: 0)
        XCTAssertEqual(ReportTables.backlogCells(row, today: Day(iso: "2026-03-02")!, .nb)[4], "12\u{00A0}345")
        XCTAssertEqual(ReportTables.backlogCells(row, today: Day(iso: "2026-03-02")!, .nb)[6], "14.12.2026")
        XCTAssertEqual(ReportTables.backlogCells(row, today: Day(iso: "2026-03-02")!, .en)[4], "12,345")
        XCTAssertEqual(ReportTables.backlogCells(row, today: Day(iso: "2026-03-02")!, .en)[6], "2026-12-14")
        XCTAssertEqual(ReportTables.percent(0.875, .nb), "87,5%")
        XCTAssertEqual(ReportTables.percent(0.875, .en), "87.5%")
    }

    /// What a confirmation lists is worded in the screen's language, numbers grouped and days written as there.
    func testConsequencesAndPromisesAreWordedInTheReadersLanguage() {
        var before = LineQuantities(), after = LineQuantities()
        before.ordered = 1_200; before.allocated = 1_200; after.ordered = 1_200; after.backordered = 1_200
        let c = Consequences(lines: [.init(orderNumber: "SO-1", customerName: "Ålesund kommune", lineNo: 2, sku: "FS-1002",
                                           before: before, after: after)],
                             dates: [.init(orderNumber: "SO-1", lineNo: 2, sku: "FS-1002", from: nil, to: Day(iso: "2026-12-14"),
                                           wasWaiting: true)],
                             notified: [.init(orderNumber: "SO-1", customerName: "Ålesund kommune", events: [.backordered])])
        XCTAssertEqual(CorrectionView.describe(c, .nb), [
            "• SO-1/2 FS-1002 (Ålesund kommune): reservert 1\u{00A0}200 → 0, restordre 0 → 1\u{00A0}200",
            "Lovede datoer som flyttes:",
            "• SO-1/2 FS-1002: ingen ankomst planlagt → 14.12.2026",
            "Varsel til: SO-1 (Ålesund kommune)"])
        XCTAssertEqual(CorrectionView.describe(c, .en), c.describe(), "English reads as the store words it")
        let line = OrderPreview.Line(lineNo: 1, sku: "FS-1002", itemName: "Terrasseskrue", quantity: 50, fromStock: 20, backordered: 30,
                                     promised: Day(iso: "2026-12-14"), arrival: "PO-4505/1")
        XCTAssertEqual(NewOrderView.promise(line, .nb), "20 fra lager, 30 i restordre, lovet 14.12.2026 (PO-4505/1)")
        XCTAssertEqual(NewOrderView.promise(line, .en), line.promise)
    }

    func testTheCataloguesAreComplete() {
        XCTAssertEqual(Catalogue.problems(DialogText.self), [])
        XCTAssertEqual(Catalogue.problems(CorrectionText.self, sameInBoth: ["donorLine"]), [])
        XCTAssertEqual(Catalogue.problems(OrderDeskText.self), [])
        XCTAssertEqual(Catalogue.problems(ReportText.self, sameInBoth: ["short0to7", "short8to14", "short15to30", "short31to60",
                                                                         "shortOver60", "days"]), [])
        XCTAssertEqual(Catalogue.problems(NoticeViewText.self), [])
    }
}
