import BackorderCore
@testable import BackorderTUI
import TerminalKit
import XCTest

/// The hint bar at the smallest full size: what a clerk and a supervisor need most must be on it in either language.
final class HintBarTests: XCTestCase {
    /// The bottom line of the panes at 80×24 shows the clerk's actions, the way to the reports, help and quit.
    func testThePanesShowTheWayToTheReportsAt80Columns() throws {
        for (language, reports, help, quit) in [(Language.en, "R Reports", "? Help", "q Quit"), (.nb, "R Rapporter", "? Hjelp", "q Avslutt")] {
            for keys in [[], [Key.char("2")], [.char("3")], [.char("4")]] {
                let app = makeApp(try makeWarehouse(), width: 80, height: 24, language: language)
                for key in keys { app.send(.key(key)) }
                let bar = try XCTUnwrap(app.screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty })
                for hint in [reports, help, quit, language == .en ? "p Pick" : "p Plukk", "/ "] {
                    XCTAssertTrue(bar.contains(hint), "\(language) \(keys): \(hint) is not on «\(bar)»")
                }
            }
        }
    }

    /// Where the width allows, every hint of the panes is shown, the ones kept first included once.
    func testAWideBarShowsEveryPaneHintOnce() {
        let keys = Keymap.hints(in: .panes, readOnly: false, .en).map(\.hint.key)
        XCTAssertEqual(keys, ["p", "s", "r", "N", "/", "R", "?", "q", "Enter", "n", "w"])
        XCTAssertEqual(Set(keys).count, keys.count)
    }
}
