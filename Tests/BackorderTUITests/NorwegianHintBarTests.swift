import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// The hint bar in Norwegian at 80×24 keeps each view's main keys, Enter and Esc (and quit, as in English), and at
/// 40×12 the way back: the views whose bars were fixed, with a snapshot each.
final class NorwegianHintBarTests: XCTestCase {
    /// A view, the keys that reach it, the hints its Norwegian bar must show at 80 and at 40 columns.
    static let views: [(name: String, keys: [Key], wide: [String], narrow: [String])] = [
        ("order", [.enter], ["p Plukk", "s Send", "x Kanseller", "U Hasteordre", "Esc Tilbake", "? Hjelp"], ["p Plukk", "Esc Tilbake"]),
        ("notices", [.char("n")], ["m Merk sendt", "M Alle sendt", "e E-post", "Enter Vis", "Esc Tilbake", "? Hjelp", "q Avslutt"],
         ["m Merk sendt", "Esc Tilbake"]),
        ("reports", [.char("R")], ["Enter Vis", "Esc Tilbake", "? Hjelp", "q Avslutt", "Tab Neste rapport", "w CSV"],
         ["Enter Vis", "Esc Tilbake"]),
    ]

    func bar(_ app: BackorderApp) throws -> String {
        try XCTUnwrap(app.screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }).description
    }

    func testEachViewKeepsItsMainKeysEnterAndEscIn80Columns() throws {
        for view in Self.views {
            let app = makeApp(try makeReportWarehouse(), width: 80, height: 24, language: .nb)
            for key in view.keys { app.send(.key(key)) }
            let bar = try bar(app)
            for hint in view.wide { XCTAssertTrue(bar.contains(hint), "\(view.name): «\(hint)» is not on «\(bar)»") }
            assertSnapshot(of: app.render(), named: "nb-\(view.name)-hints-80x24")
        }
    }

    func testAt40ColumnsTheWayBackStaysOnTheBar() throws {
        for view in Self.views {
            let app = makeApp(try makeReportWarehouse(), width: 40, height: 12, language: .nb)
            for key in view.keys { app.send(.key(key)) }
            let bar = try bar(app)
            for hint in view.narrow { XCTAssertTrue(bar.contains(hint), "\(view.name): «\(hint)» is not on «\(bar)»") }
            XCTAssertLessThanOrEqual(bar.displayWidth, 40)
        }
    }

    /// English keeps the same hints at 80 columns: the order's bar only changed its order, the notices' lost none.
    func testEnglishKeepsItsHints() throws {
        let order = Keymap.hints(in: .detail, readOnly: false, Localizer(.en)).map(\.hint.key)
        XCTAssertEqual(order.prefix(3), ["p", "s", "Esc"])
        XCTAssertEqual(Set(order), ["p", "s", "x", "c", "U", "Esc", "?", "q"])
        let notices = Keymap.hints(in: .notices, readOnly: false, Localizer(.en)).map(\.hint.key)
        XCTAssertEqual(notices.prefix(3), ["m", "M", "Esc"])
    }
}
