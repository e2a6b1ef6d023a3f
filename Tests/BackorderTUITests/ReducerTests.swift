import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import XCTest

/// The reducer, action by action: what each does to the state and which I/O it asks for.
final class ReducerTests: XCTestCase {
    /// A state with `total` orders, `loaded` of them in the window, at 80×24.
    func state(total: Int = 100, readOnly: Bool = false) -> AppState {
        var s = AppState(location: "/data/w.sqlite", actor: "clerk", readOnly: readOnly, today: fixedToday)
        _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 24)))
        _ = Reducer.reduce(&s, .revisionChecked(1))
        let visible = s.focused.visibleRows
        let rows = (0..<min(total, visible)).map { order($0) }
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: total, rows: .orders(rows), filter: "")))
        return s
    }

    func order(_ i: Int, version: Int = 1) -> OpenOrderRow {
        OpenOrderRow(number: "SO-\(i)", customerCode: "C1", customerName: "Customer", orderDate: fixedToday, priority: 5,
                     policy: .partial, lines: 1, ordered: 10, allocated: 10, picked: 0, shipped: 0, backordered: 0, version: version)
    }

    func detail(allocated: Int = 10, picked: Int = 0, backordered: Int = 0, policy: ShipPolicy = .partial, version: Int = 4) -> OrderDetail {
        let q = LineQuantities(ordered: allocated + picked + backordered, allocated: allocated, picked: picked, backordered: backordered)
        return OrderDetail(order: Order(id: 1, number: "SO-1", customerCode: "C1", customerName: "Customer", orderDate: fixedToday,
                                        priority: 5, policy: policy, closedAt: nil, version: version),
                           lines: [.init(line: OrderLine(id: 1, lineNo: 1, sku: "SKU-1", itemName: "Widget", quantities: q), promised: nil)],
                           shipments: [], history: [])
    }

    // MARK: startup, resize, live refresh

    func testStartPollsTheRevisionAndANewRevisionReloadsWhatIsShown() {
        var s = AppState(location: "x", actor: "clerk", readOnly: false, today: fixedToday)
        XCTAssertEqual(Reducer.reduce(&s, .started), [.loadCounts, .pollRevision, .refreshPresence])
        _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 24)))
        let effects = Reducer.reduce(&s, .revisionChecked(7))
        XCTAssertEqual(s.revision, 7)
        XCTAssertEqual(effects, [.loadCounts, .loadPane(.orders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true))])
        XCTAssertEqual(Reducer.reduce(&s, .revisionChecked(7)), [], "an unchanged file costs no reload")
    }

    func testALostConnectionIsShownUntilALookSucceedsThenEverythingIsReadAnew() {
        var s = state()
        let lost = BackorderError.dataFile("connection lost")
        XCTAssertEqual(Reducer.reduce(&s, .revisionFailed(lost)), [], "nothing to read while the warehouse cannot be reached")
        XCTAssertEqual(s.connectionLost, "connection lost")
        let status = { (s: AppState) in String(Views.render(s).text.split(separator: "\n", omittingEmptySubsequences: false)[22]) }
        XCTAssertTrue(status(s).contains("UNREACHABLE"), status(s))
        XCTAssertEqual(s.message?.text, "connection lost", "the store's own words")
        s.message = nil
        _ = Reducer.reduce(&s, .revisionFailed(lost))
        XCTAssertNil(s.message, "said once, not on every failed look")
        // Back with the same revision: read anew anyway (an unanswered commit may have been saved).
        let effects = Reducer.reduce(&s, .revisionChecked(1))
        XCTAssertNil(s.connectionLost)
        XCTAssertFalse(status(s).contains("UNREACHABLE"))
        XCTAssertTrue(effects.contains(.loadCounts), "\(effects)")
        XCTAssertEqual(Reducer.reduce(&s, .revisionChecked(1)), [], "then quiet again")
    }

    func testWideTerminalReloadsAllFourPanesAndAnOpenDetail() {
        var s = state()
        _ = Reducer.reduce(&s, .resized(Size(width: 160, height: 48)))
        _ = Reducer.reduce(&s, .detailLoaded(.view, detail()))
        let effects = Reducer.reduce(&s, .revisionChecked(2))
        XCTAssertEqual(effects.filter { if case .loadPane = $0 { return true } else { return false } }.count, 4)
        XCTAssertTrue(effects.contains(.loadDetail(order: "SO-1", purpose: .refresh)))
    }

    func testGrowingIntoTheGridLoadsThePanesItReveals() {
        var s = state()
        let effects = Reducer.reduce(&s, .resized(Size(width: 200, height: 50)))
        let loaded = effects.compactMap { effect -> PaneKind? in if case .loadPane(let kind, _) = effect { return kind }; return nil }
        XCTAssertEqual(Set(loaded), [.orders, .backorders, .arrivals, .stock])
    }

    func testTickPollsAndANewDayForcesAReload() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .tick(today: fixedToday)), [.pollRevision, .refreshPresence])
        XCTAssertEqual(s.revision, 1)
        _ = Reducer.reduce(&s, .tick(today: fixedToday.adding(days: 1)))
        XCTAssertEqual(s.revision, -1, "ages and lateness change with the day")
    }

    func testResizeChangesThePageSizeAndRefetches() {
        var s = state()
        let effects = Reducer.reduce(&s, .resized(Size(width: 40, height: 12)))
        XCTAssertEqual(s.focused.visibleRows, 7)
        XCTAssertEqual(effects, [.loadPane(.orders, PaneQuery(page: Page(offset: 0, limit: 7, filter: ""), withTotal: false))])
    }

    // MARK: moving

    func testMovingInsideTheWindowIsPureAndPastItFetchesOnlyTheNextWindow() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.down)), [])
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("j"))), [])
        XCTAssertEqual(s.focused.selected, 2)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("k"))), [])
        XCTAssertEqual(s.focused.selected, 1)
        let page = Reducer.reduce(&s, .key(.pageDown))
        XCTAssertEqual(s.focused.selected, 19)
        XCTAssertEqual(page, [.loadPane(.orders, PaneQuery(page: Page(offset: 1, limit: 19, filter: ""), withTotal: false))])
        let end = Reducer.reduce(&s, .key(.char("G")))
        XCTAssertEqual(s.focused.selected, 99)
        XCTAssertEqual(end, [.loadPane(.orders, PaneQuery(page: Page(offset: 81, limit: 19, filter: ""), withTotal: false))])
        _ = Reducer.reduce(&s, .key(.home))
        XCTAssertEqual(s.focused.selected, 0)
        XCTAssertEqual(s.focused.top, 0)
        _ = Reducer.reduce(&s, .key(.up))
        XCTAssertEqual(s.focused.selected, 0, "no move above the first row")
    }

    func testRowsThatWentAwayKeepTheSelectionOnAnExistingRow() {
        var s = state(total: 5)
        _ = Reducer.reduce(&s, .key(.end))
        XCTAssertEqual(s.focused.selected, 4)
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: 3, rows: .orders((0..<3).map { order($0) }), filter: "")))
        XCTAssertEqual(s.focused.selected, 2)
    }

    func testPanesSwitchByTabShiftTabAndDigitsAndLoadWhenStale() {
        var s = state()
        let tab = Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(s.focus, .backorders)
        XCTAssertEqual(tab, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true))])
        _ = Reducer.reduce(&s, .key(.backTab))
        XCTAssertEqual(s.focus, .orders)
        XCTAssertEqual(Reducer.reduce(&s, .key(.backTab)).count, 1)
        XCTAssertEqual(s.focus, .stock)
        _ = Reducer.reduce(&s, .key(.char("3")))
        XCTAssertEqual(s.focus, .arrivals)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("1"))), [], "a pane loaded at the current revision is shown as is")
    }

    // MARK: overlays and quitting

    func testHelpOpensScrollsAndClosesAndQuitQuits() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("?")))
        XCTAssertEqual(s.overlay, .help(scroll: 0))
        _ = Reducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.overlay, .help(scroll: 1))
        _ = Reducer.reduce(&s, .key(.char("q")))
        XCTAssertNil(s.overlay, "q closes help first")
        XCTAssertFalse(s.shouldQuit)
        _ = Reducer.reduce(&s, .key(.char("q")))
        XCTAssertTrue(s.shouldQuit)
    }

    func testCtrlCQuitsEvenFromADialog() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail()))
        XCTAssertEqual(s.context, .dialog)
        _ = Reducer.reduce(&s, .key(.ctrl("c")))
        XCTAssertTrue(s.shouldQuit)
    }

    func testEnterOpensTheOrderAndEscGoesBack() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.loadDetail(order: "SO-0", purpose: .view)])
        _ = Reducer.reduce(&s, .detailLoaded(.view, detail()))
        XCTAssertEqual(s.context, .detail)
        _ = Reducer.reduce(&s, .key(.down))
        _ = Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s.detail)
        XCTAssertEqual(s.context, .panes)
    }

    func testCustomerStatusShowsTheCoreText() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("c"))), [.loadDetail(order: "SO-0", purpose: .customerStatus)])
        _ = Reducer.reduce(&s, .detailLoaded(.customerStatus, detail()))
        guard case .text(_, let lines, _) = s.overlay else { return XCTFail("no text shown") }
        XCTAssertEqual(lines.joined(separator: "\n"), detail().customerStatus(today: fixedToday))
    }

    // MARK: read-only

    func testWriteKeysAreRefusedWhenReadOnlyWithoutDialogOrEffect() {
        var s = state(readOnly: true)
        for key in ["p", "s", "r", "x", "e", "a"] {
            XCTAssertEqual(Reducer.reduce(&s, .key(.char(Character(key)))), [], key)
            XCTAssertNil(s.overlay, key)
            XCTAssertEqual(s.message?.kind, .warning, key)
            XCTAssertTrue(s.message?.text.contains("Read-only") ?? false, key)
        }
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("c"))), [.loadDetail(order: "SO-0", purpose: .customerStatus)], "reading is fine")
    }

    // MARK: keymap

    func testHelpAndHintsComeFromTheKeymap() {
        for tr in [Localizer.en, .nb] {
            let help = Keymap.helpSections(readOnly: false, tr).flatMap(\.entries)
            for b in Keymap.bindings { XCTAssertTrue(help.contains { $0.description == tr(b.help) }, tr(b.help)) }
        }
        let readOnlyHelp = Keymap.helpSections(readOnly: true, .en).flatMap(\.entries)
        XCTAssertTrue(readOnlyHelp.first { $0.keys == "p" }?.description.contains("disabled") ?? false)
        let skrivebeskyttet = Keymap.helpSections(readOnly: true, .nb).flatMap(\.entries)
        XCTAssertTrue(skrivebeskyttet.first { $0.keys == "p" }?.description.contains("skrivebeskyttet") ?? false)
        let hints = Keymap.hints(in: .panes, readOnly: true)
        XCTAssertEqual(hints.first?.hint.key, "p")
        XCTAssertTrue(hints.first?.disabled ?? false)
        XCTAssertFalse(Keymap.hints(in: .panes, readOnly: false).contains { $0.disabled })
    }

    func testNoKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for b in Keymap.bindings where b.contexts.contains(context) {
                for k in b.keys {
                    if let other = seen[k] { XCTFail("\(k) bound to \(other) and \(b.command) in \(context)") }
                    seen[k] = b.command
                }
            }
        }
    }

    // MARK: helpers

    func dialogText(_ s: AppState) -> String? {
        if case .dialog(let d) = s.overlay { return d.field.text }
        return nil
    }

    func dialogMessage(_ s: AppState) -> String? {
        if case .dialog(let d) = s.overlay { return d.message }
        return nil
    }
}
