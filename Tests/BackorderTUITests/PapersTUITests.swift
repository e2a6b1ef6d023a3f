import BackorderCore
import BackorderStore
import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// The papers from the UI: `l` shows an order's pick list, `d` its latest delivery note, `p` prints the text shown.
final class PapersTUITests: XCTestCase {
    /// What a print command was given, in order.
    final class Tray: @unchecked Sendable {
        var texts: [String] = []
    }

    func testPickListFromTheOrdersListPrintsWhatIsShown() throws {
        let app = makeApp(try makeWarehouse())
        let tray = Tray()
        app.printText = { text in
            tray.texts.append(text)
            return .success(PrintReceipt(command: "lp", output: "request id is lager-7 (1 file(s))"))
        }
        app.type(.char("l"))
        guard case .paper(let title, let lines, _) = app.state.overlay else { return XCTFail("no paper shown:\n\(app.screen)") }
        XCTAssertEqual(title, "Pick list SO-000001")
        XCTAssertTrue(lines[0].hasPrefix("PICK LIST") && lines[0].hasSuffix(":memory:"), lines[0])
        let rows = lines.filter { $0.contains("SO-000001/") }
        XCTAssertEqual(rows.count, 2, lines.joined(separator: "\n"))
        XCTAssertTrue(rows[0].hasPrefix("A-01") && rows[0].contains("Widget æøå") && rows[0].contains(" 70 "), rows[0])
        XCTAssertTrue(rows[1].hasPrefix("B-02") && rows[1].contains(" 5 "), rows[1])
        XCTAssertTrue(app.screen.contains("│PICK LIST  "), "shown as it prints, spaces kept:\n\(app.screen)")

        app.type(.char("p"))
        XCTAssertEqual(tray.texts, [lines.joined(separator: "\n") + "\n"], "the printer gets the paper as shown")
        XCTAssertEqual(app.state.message?.text, "Sent to the printer with \"lp\": request id is lager-7 (1 file(s))")
        XCTAssertNotNil(app.state.overlay, "the paper stays open after printing")
        app.type(.escape)
        XCTAssertNil(app.state.overlay)
    }

    func testDeliveryNoteOnTheOrderDetailAndAFailingPrinter() throws {
        let app = makeApp(try makeReportWarehouse())
        app.printText = { _ in .failure(.failed(command: "lp", status: 1, output: "lp: Error - no default destination available.")) }
        app.type(.down, .enter, .char("d"))
        guard case .paper(let title, let lines, _) = app.state.overlay else { return XCTFail("no paper shown:\n\(app.screen)") }
        XCTAssertEqual(title, "Delivery note SH-000001")
        let text = lines.joined(separator: "\n")
        for word in ["DELIVERY NOTE", "Nordic Tools AS (C001)", "In this shipment", "Nothing delivered before", "On backorder and still to come",
                     "SKU-1001", "2026-03-07"] {
            XCTAssertTrue(text.contains(word), "«\(word)» missing in:\n\(text)")
        }
        app.type(.char("p"))
        XCTAssertEqual(app.state.message?.kind, .error)
        XCTAssertEqual(app.state.message?.text, "printing with \"lp\" failed (exit status 1): lp: Error - no default destination available.")
    }

    func testOnASmallTerminalThePaperScrollsByItsOwnLines() throws {
        let app = makeApp(try makeWarehouse(), width: 40, height: 12)
        app.type(.char("l"))
        guard case .paper(_, let lines, _) = app.state.overlay else { return XCTFail("no paper shown:\n\(app.screen)") }
        XCTAssertTrue(app.screen.contains("PICK LIST"), app.screen)
        app.type(.char("G"))
        guard case .paper(_, _, let scroll) = app.state.overlay else { return XCTFail("the paper closed") }
        XCTAssertGreaterThan(scroll, 0)
        XCTAssertTrue(app.screen.contains("Picked by:"), "the last line reached:\n\(app.screen)")
        XCTAssertEqual(scroll, lines.count - (app.screen.split(separator: "\n").filter { $0.hasPrefix("│") }.count), "no wrapped lines counted")
    }

    func testPapersThatDoNotExistSaySoAndPrintingNeedsACommand() throws {
        let app = makeApp(try makeWarehouse())
        app.type(.enter, .char("d"))
        XCTAssertNil(app.state.overlay)
        XCTAssertTrue(app.state.message?.text.contains("SO-000001 has not shipped anything yet") ?? false, app.screen)
        app.type(.char("l"))
        app.type(.char("p"))
        XCTAssertEqual(app.state.message?.text, "printing is not set up in this session")
    }

    /// The papers at 80×24 and 40×12 in both languages: the Norwegian screens from a state whose language is nb.
    func testPaperScreensInBothLanguages() throws {
        let w = try makeReportWarehouse()
        let list = try w.pickList(orders: ["SO-000002", "SO-000003"])
        let note = try w.deliveryNote(shipment: nil, order: "SO-000001", today: fixedToday)
        for language in Language.allCases {
            for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
                for (name, paper) in [("pick-list", PaperContent.pickList(list)), ("delivery-note", .deliveryNote(note))] {
                    var state = AppState(location: "/data/lager.sqlite", actor: "clerk", readOnly: false, today: fixedToday)
                    state.language = language
                    _ = Reducer.reduce(&state, .resized(Size(width: width, height: height)))
                    _ = Reducer.reduce(&state, .paperLoaded(paper))
                    assertSnapshot(of: Views.render(state), named: "\(name)-\(language.rawValue)-\(sizeName)")
                }
            }
        }
    }
}
