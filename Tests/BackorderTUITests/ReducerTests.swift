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

    // MARK: filter and sort

    func testTypingOnAfterAFilterMatchedNothingAsksTheStoreNothing() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("/")))
        _ = Reducer.reduce(&s, .key(.char("z")))
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: nil, rows: .orders([]), filter: "z")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("q"))), [], "nothing contains z, so nothing contains zq")
        XCTAssertEqual(s.focused.filter, "zq")
        XCTAssertEqual(s.focused.total, 0)
        XCTAssertFalse(s.focused.totalPending)
        let shorter = Reducer.reduce(&s, .key(.backspace))
        XCTAssertEqual(shorter, [.loadPane(.orders, PaneQuery(page: Page(offset: 0, limit: 19, filter: "z"), withTotal: false)),
                                 .countRows(.orders, filter: "z")], "a shorter text may match again: asked")
        _ = Reducer.reduce(&s, .key(.backspace))
        _ = Reducer.reduce(&s, .key(.char("a")))
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: nil, rows: .orders([order(1)]), filter: "a")))
        XCTAssertFalse(Reducer.reduce(&s, .key(.char("b"))).isEmpty, "after a match, the longer text is asked for")
    }

    func testEachFilterKeystrokeRefiltersAndEscRestoresThePreviousFilter() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("/"))), [])
        XCTAssertEqual(s.context, .filter)
        let first = Reducer.reduce(&s, .key(.char("q")))
        XCTAssertEqual(first, [.loadPane(.orders, PaneQuery(page: Page(offset: 0, limit: 19, filter: "q"), withTotal: false)),
                               .countRows(.orders, filter: "q")], "the window at once, the count when typing pauses")
        XCTAssertTrue(s.focused.totalPending)
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: nil, rows: .orders([order(1)]), filter: "q")))
        XCTAssertEqual(s.focused.total, 1, "until counted, the rows seen")
        _ = Reducer.reduce(&s, .rowsCounted(.orders, filter: "q", total: 40))
        XCTAssertEqual(s.focused.total, 40)
        XCTAssertFalse(s.focused.totalPending)
        XCTAssertFalse(s.shouldQuit, "q is text while filtering")
        _ = Reducer.reduce(&s, .key(.char("x")))
        XCTAssertEqual(s.focused.filter, "qx")
        _ = Reducer.reduce(&s, .key(.backspace))
        XCTAssertEqual(s.focused.filter, "q")
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertEqual(s.context, .panes)
        XCTAssertEqual(s.focused.filter, "q")
        _ = Reducer.reduce(&s, .key(.char("/")))
        _ = Reducer.reduce(&s, .key(.char("z")))
        let escaped = Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(s.focused.filter, "q")
        XCTAssertEqual(escaped.count, 2)
        _ = Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(s.focused.filter, "", "Esc in a pane drops its filter")
    }

    func testAStaleFilterAnswerIsDropped() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("/")))
        _ = Reducer.reduce(&s, .key(.char("a")))
        _ = Reducer.reduce(&s, .key(.char("b")))
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: 42, rows: .orders([]), filter: "a")))
        XCTAssertEqual(s.focused.total, 0, "the answer for \"a\" is not the total of \"ab\"")
        XCTAssertTrue(s.focused.isSearching, "the rows held are still another filter's")
        XCTAssertTrue(Views.render(s).text.contains("Searching /ab …"))
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: nil, rows: .orders([order(1), order(2)]), filter: "ab", limit: 19)))
        XCTAssertFalse(s.focused.isSearching)
        XCTAssertEqual(s.focused.total, 2, "fewer rows than asked for: the list ended, no count is needed")
        XCTAssertFalse(s.focused.totalPending)
    }

    /// The query a pane at the top asks for its first 19 rows.
    func top(_ kind: PaneKind, filter: String = "", sort: ListSort?, withTotal: Bool = false, sku: String? = nil) -> Effect {
        .loadPane(kind, PaneQuery(page: Page(offset: 0, limit: 19, filter: filter, sort: sort), withTotal: withTotal, sku: sku))
    }

    func testSortAsksTheStoreForTheWholeListFromTheTopAndLeavesTheRowsToIt() {
        var s = state(total: 100)
        for _ in 0..<30 { _ = Reducer.reduce(&s, .key(.char("j"))) }
        XCTAssertEqual(s.focused.selected, 30)
        let rowsBefore = s.focused.rows
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("o"))), [top(.orders, sort: ListSort(.orders(.number)))],
                       "one load of the first rows, sorted by the store; the total stays")
        XCTAssertEqual(s.focused.sortColumn, 0)
        XCTAssertEqual(s.focused.selected, 0, "back to the first row")
        XCTAssertEqual(s.focused.top, 0)
        XCTAssertEqual(s.focused.rows, rowsBefore, "nothing is sorted here: the rows come from the store")
        XCTAssertEqual(s.message?.text, "Sorted by Order ▲: the whole list (o: next column, O: reverse)")

        XCTAssertEqual(Reducer.reduce(&s, .key(.char("O"))), [top(.orders, sort: ListSort(.orders(.number), descending: true))])
        XCTAssertTrue(s.focused.sortDescending)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("o"))), [top(.orders, sort: ListSort(.orders(.date)))], "the next column, ascending")

        // A page sorted the old way arrives late: it is not shown.
        let stale = [order(7)]
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: nil, rows: .orders(stale), filter: "",
                                                             sort: ListSort(.orders(.number), descending: true))))
        XCTAssertNotEqual(s.focused.rows, .orders(stale))
        let sorted = [order(3), order(1)]
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: nil, rows: .orders(sorted), filter: "", sort: ListSort(.orders(.date)))))
        XCTAssertEqual(s.focused.rows, .orders(sorted), "shown in the order the store gave")
        XCTAssertEqual(Views.caption(s.focused), "1/100 by Date▲")

        for _ in 2..<Columns.count(.orders) { _ = Reducer.reduce(&s, .key(.char("o"))) }
        XCTAssertEqual(s.focused.sortColumn, Columns.count(.orders) - 1)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("o"))), [top(.orders, sort: nil)], "after the last column, the list's own order")
        XCTAssertNil(s.focused.sortColumn)
        XCTAssertEqual(s.message?.text, "Open orders: the list's own order (o: sort by a column)")
    }

    func testSortSkipsColumnsTheStoreCannotSortByAndReverseStartsFromTheListsOwnOrder() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("2")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("O"))), [top(.backorders, sort: ListSort(.backorders(.age)))],
                       "unsorted, oldest first: reversed, the fewest days first")
        XCTAssertEqual(Columns.columns(.backorders)[s.focused.sortColumn!].title, "Age d")
        XCTAssertFalse(s.focused.sortDescending)
        _ = Reducer.reduce(&s, .key(.char("o")))
        _ = Reducer.reduce(&s, .key(.char("o")))
        XCTAssertEqual(s.focused.sortColumn, 0, "past Age d and Late, then round to Order")
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("o"))), [top(.backorders, sort: ListSort(.backorders(.sku)))], "Ln is passed over")
        XCTAssertEqual(Columns.columns(.backorders)[s.focused.sortColumn!].title, "SKU")
    }

    func testSortCombinesWithTheFilterAndTheSKUAndTheExport() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("4")))
        _ = Reducer.reduce(&s, .paneLoaded(.stock, PaneLoad(top: 0, total: 1, rows: .stock([Item(sku: "SKU-1", name: "One")]), filter: "")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.focus, .backorders)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("O"))), [top(.backorders, sort: ListSort(.backorders(.priority), descending: true),
                                                                  sku: "SKU-1")],
                       "one SKU comes in serving order: reversed, least urgent first, still that SKU only")
        XCTAssertEqual(Views.caption(s.focused), "0 SKU = SKU-1 by Pri▼", "sorted: no longer in serving order")
        _ = Reducer.reduce(&s, .key(.char("/")))
        let typed = Reducer.reduce(&s, .key(.char("a")))
        XCTAssertEqual(typed.first, top(.backorders, filter: "a", sort: ListSort(.backorders(.priority), descending: true), sku: "SKU-1"),
                       "a filter typed on a sorted pane keeps the sort")
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))),
                       [.export(.pane(.backorders, filter: "a", sku: "SKU-1", sort: ListSort(.backorders(.priority), descending: true)))],
                       "the file lists the rows in the pane's order")
    }

    func testASlowSortOnALongListSaysSo() {
        var s = state(total: 68_000)
        for _ in 0..<4 { _ = Reducer.reduce(&s, .key(.char("o"))) }
        XCTAssertEqual(s.message?.text, "Sorted by Pri ▲: the whole list (o: next column, O: reverse)")
        _ = Reducer.reduce(&s, .key(.char("o")))
        XCTAssertEqual(Columns.columns(.orders)[s.focused.sortColumn!].title, "Lines")
        XCTAssertEqual(s.message?.text, "Sorted by Lines ▲ — slow sort on a long list", "every line of every open order is summed")
        var short = state(total: 40)
        for _ in 0..<5 { _ = Reducer.reduce(&short, .key(.char("o"))) }
        XCTAssertEqual(short.message?.text, "Sorted by Lines ▲: the whole list (o: next column, O: reverse)", "a short list sorts at once")
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

    /// The state with the backorder pane focused on one line of `sku`.
    func followingState(sku: String) -> AppState {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("2")))
        let row = BackorderRow(orderNumber: "SO-1", customerName: "C", orderDate: fixedToday, priority: 5, lineNo: 1, sku: sku,
                               itemName: "One", backordered: 3, promised: nil, ageDays: 2, late: true)
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 1, rows: .backorders([row]), filter: "")))
        return s
    }

    func arrival(sku: String) -> ArrivalRow {
        ArrivalRow(arrival: Arrival(id: 1, supplier: "Acme", poNumber: "PO-1", poLine: 1, sku: sku, quantity: 30, received: 0,
                                    eta: fixedToday, closedAt: nil), itemName: "One", promised: 0, late: false, etaChanges: 0)
    }

    func testFollowSKURestrictsArrivalsAndStockToExactlyThatSKU() {
        var s = followingState(sku: "SKU-1")
        s[pane: .arrivals].filter = "acme"
        let effects = Reducer.reduce(&s, .key(.char("f")))
        XCTAssertEqual(s.focus, .arrivals)
        XCTAssertEqual(s[pane: .arrivals].sku, "SKU-1")
        XCTAssertEqual(s[pane: .stock].sku, "SKU-1")
        XCTAssertEqual(s[pane: .arrivals].filter, "", "following is a fresh look at the SKU: an older text filter goes")
        XCTAssertEqual(s[pane: .stock].filter, "")
        XCTAssertNil(s[pane: .backorders].sku, "the pane followed from stays as it was")
        XCTAssertEqual(effects, [.loadPane(.arrivals, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, sku: "SKU-1")),
                                 .loadPane(.stock, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, sku: "SKU-1"))],
                       "the store restricts by SKU (not a text filter), rows and count at once")
        XCTAssertEqual(s.message?.text, "Arrivals and stock: SKU = SKU-1 only (Esc in a pane shows every SKU)")
        XCTAssertEqual(Views.caption(s[pane: .arrivals]), "0 SKU = SKU-1")
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))), [.export(.pane(.arrivals, filter: "", sku: "SKU-1"))],
                       "CSV writes what the pane shows: that SKU only")
    }

    func testAnswersForAnotherSKURestrictionAreDropped() {
        var s = followingState(sku: "SKU-1")
        _ = Reducer.reduce(&s, .countsLoaded(Counts(openOrders: 100, backorderLines: 1, backorderedUnits: 3, openArrivals: 40,
                                                    lateArrivals: 0, items: 9)))
        _ = Reducer.reduce(&s, .key(.char("f")))
        // An answer fetched before following (every SKU) arrives late: it must not replace the SKU's rows.
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: 40, rows: .arrivals([arrival(sku: "SKU-10")]), filter: "")))
        XCTAssertEqual(s[pane: .arrivals].rows, .arrivals([]))
        XCTAssertEqual(s[pane: .arrivals].loadedTop, -1)
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: 1, rows: .arrivals([arrival(sku: "SKU-1")]), filter: "",
                                                              sku: "SKU-1")))
        XCTAssertEqual(s[pane: .arrivals].rows, .arrivals([arrival(sku: "SKU-1")]))
        XCTAssertEqual(s[pane: .arrivals].total, 1)
        // A window without a count (a move) keeps the SKU's total, not the whole list's from the counts.
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: nil, rows: .arrivals([arrival(sku: "SKU-1")]), filter: "",
                                                              sku: "SKU-1")))
        XCTAssertEqual(s[pane: .arrivals].total, 1)
        let reload = Reducer.reduce(&s, .revisionChecked(2))
        XCTAssertTrue(reload.contains(.loadPane(.arrivals, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, sku: "SKU-1"))),
                      "a change by anyone reloads the SKU's rows and counts them again")
    }

    func testATextFilterCombinesWithTheSKUAndEscLiftsOneLayerAtATime() {
        var s = followingState(sku: "SKU-1")
        _ = Reducer.reduce(&s, .key(.char("f")))
        _ = Reducer.reduce(&s, .key(.char("/")))
        _ = Reducer.reduce(&s, .key(.char("a")))
        let typed = Reducer.reduce(&s, .key(.char("c")))
        XCTAssertEqual(typed, [.loadPane(.arrivals, PaneQuery(page: Page(offset: 0, limit: 19, filter: "ac"), withTotal: false, sku: "SKU-1")),
                               .countRows(.arrivals, filter: "ac", sku: "SKU-1")])
        XCTAssertTrue(Views.render(s).text.contains("Filter expected arrivals of SKU = SKU-1: ac"), "the filter line names the SKU too")
        _ = Reducer.reduce(&s, .rowsCounted(.arrivals, filter: "ac", total: 12))
        XCTAssertTrue(s[pane: .arrivals].totalPending, "a count without the SKU is not this pane's")
        _ = Reducer.reduce(&s, .rowsCounted(.arrivals, filter: "ac", sku: "SKU-1", total: 2))
        XCTAssertEqual(s[pane: .arrivals].total, 2)
        _ = Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(s[pane: .arrivals].filter, "", "Esc while typing drops what was typed")
        XCTAssertEqual(s[pane: .arrivals].sku, "SKU-1", "and keeps the SKU")
        for c in "/ac" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: nil, rows: .arrivals([arrival(sku: "SKU-1"), arrival(sku: "SKU-1")]),
                                                               filter: "ac", sku: "SKU-1", limit: 2)))
        XCTAssertEqual(Views.caption(s[pane: .arrivals]), "1/2+ SKU = SKU-1 /ac", "position, SKU, then the text filter")

        let first = Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(s[pane: .arrivals].filter, "")
        XCTAssertEqual(s[pane: .arrivals].sku, "SKU-1", "the first Esc drops the text filter only")
        XCTAssertEqual(first, [.loadPane(.arrivals, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, sku: "SKU-1"))])
        XCTAssertEqual(s.message?.text, "Filter of expected arrivals dropped; still SKU = SKU-1 only (Esc again shows every SKU)")
        let second = Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s[pane: .arrivals].sku, "the second Esc lifts the SKU restriction")
        XCTAssertEqual(second, [.loadPane(.arrivals, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true))])
        XCTAssertEqual(s.message?.text, "SKU = SKU-1 lifted: expected arrivals of every SKU")
        XCTAssertEqual(Reducer.reduce(&s, .key(.escape)), [], "nothing left to lift")
        XCTAssertEqual(s[pane: .stock].sku, "SKU-1", "each pane lifts its own restriction")
    }

    func testACaptionTooWideIsCutButNeverInsideTheSKU() {
        var pane = PaneState(kind: .arrivals)
        pane.total = 1
        pane.sku = "SKU-1001"
        pane.filter = "Acme"
        XCTAssertEqual(Views.caption(pane), "1/1 SKU = SKU-1001 /Acme")
        XCTAssertEqual(Views.caption(pane, width: 24), "1/1 SKU = SKU-1001 /Acme")
        XCTAssertEqual(Views.caption(pane, width: 23), "1/1 SKU = SKU-1001 /Ac…", "the text filter may be cut short")
        XCTAssertEqual(Views.caption(pane, width: 20), "1/1 SKU = SKU-1001 …")
        XCTAssertEqual(Views.caption(pane, width: 19), "SKU-1001 …", "not \"SKU = SKU-100…\", which names another SKU; the SKU before the position")
        XCTAssertEqual(Views.caption(pane, width: 9), "1/1 …", "no room even for the SKU alone")
        pane.filter = ""
        XCTAssertEqual(Views.caption(pane, width: 8), "SKU-1001", "nothing follows the SKU: no \"…\"")
        pane.filter = "Acme"
        pane.sku = nil
        pane.filter = "Acme Supply"
        XCTAssertEqual(Views.caption(pane, width: 10), "1/1 /Acme…", "without a SKU the caption is simply cut")
    }

    func testACaptionTooWideIsCutButNeverInsideTheCustomer() {
        var pane = PaneState(kind: .backorders)
        pane.total = 2
        pane.customer = Customer(code: "NORDBYGG", name: "Nordbygg Grossist AS")
        pane.filter = "nut"
        XCTAssertEqual(Views.caption(pane), "1/2 Customer = Nordbygg Grossist AS /nut")
        XCTAssertEqual(Views.caption(pane, width: 40), "1/2 Customer = Nordbygg Grossist AS /nut")
        XCTAssertEqual(Views.caption(pane, width: 39), "1/2 Customer = Nordbygg Grossist AS /n…", "the text filter may be cut short")
        XCTAssertEqual(Views.caption(pane, width: 34), "Nordbygg Grossist AS …", "the customer before the position")
        XCTAssertEqual(Views.caption(pane, width: 21), "NORDBYGG …", "not \"Nordbygg Gros…\", which may be another customer: the code")
        XCTAssertEqual(Views.caption(pane, width: 9), "1/2 …", "no room even for the code alone")
        pane.filter = ""
        XCTAssertEqual(Views.caption(pane, width: 20), "Nordbygg Grossist AS", "nothing follows the name: no \"…\"")
        XCTAssertEqual(Views.caption(pane, width: 8), "NORDBYGG")
    }

    func testFollowingAgainFromAnotherRowMovesTheRestriction() {
        var s = followingState(sku: "SKU-1")
        _ = Reducer.reduce(&s, .key(.char("f")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("f"))), [], "nothing selected in the restricted pane yet: no SKU to follow")
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: 1, rows: .arrivals([arrival(sku: "SKU-1")]), filter: "",
                                                              sku: "SKU-1")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("f"))), [], "the same SKU again: already shown, nothing to load")
        _ = Reducer.reduce(&s, .key(.char("2")))
        let row = BackorderRow(orderNumber: "SO-2", customerName: "C", orderDate: fixedToday, priority: 5, lineNo: 1, sku: "SKU-10",
                               itemName: "Ten", backordered: 1, promised: nil, ageDays: 2, late: true)
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 1, rows: .backorders([row]), filter: "")))
        let effects = Reducer.reduce(&s, .key(.char("f")))
        XCTAssertEqual(s[pane: .arrivals].sku, "SKU-10")
        XCTAssertEqual(s[pane: .stock].sku, "SKU-10")
        XCTAssertEqual(effects.count, 2)
    }

    func backorderRow(_ order: String, sku: String) -> BackorderRow {
        BackorderRow(orderNumber: order, customerName: "C", orderDate: fixedToday, priority: 5, lineNo: 1, sku: sku,
                     itemName: "One", backordered: 1, promised: nil, ageDays: 2, late: true)
    }

    func testEnterOnAnItemRestrictsBackordersToExactlyThatSKUInServingOrder() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("4")))
        _ = Reducer.reduce(&s, .paneLoaded(.stock, PaneLoad(top: 0, total: 1, rows: .stock([Item(sku: "SKU-1", name: "One")]), filter: "")))
        s[pane: .backorders].filter = "acme"
        let effects = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.focus, .backorders)
        XCTAssertEqual(s[pane: .backorders].sku, "SKU-1")
        XCTAssertEqual(s[pane: .backorders].filter, "", "a fresh look at the item: an older text filter goes")
        XCTAssertEqual(effects, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, sku: "SKU-1"))],
                       "the store restricts by SKU (SKU-1, not every SKU containing it), loaded once")
        XCTAssertEqual(s.message?.text, "Backorders of SKU = SKU-1 as receipts serve them (Esc: every SKU)")
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 2, rows: .backorders([backorderRow("SO-9", sku: "SKU-1"),
                                                                                                          backorderRow("SO-2", sku: "SKU-1")]),
                                                                   filter: "", sku: "SKU-1")))
        XCTAssertEqual(Views.caption(s[pane: .backorders]), "1/2 SKU = SKU-1 serving order", "the pane says its rows are not oldest first")
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))), [.export(.pane(.backorders, filter: "", sku: "SKU-1"))])
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.loadDetail(order: "SO-9", purpose: .view)], "Enter on a line opens its order")

        let lifted = Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s[pane: .backorders].sku)
        XCTAssertEqual(lifted, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true))])
        XCTAssertEqual(s.message?.text, "SKU = SKU-1 lifted: backorder lines of every SKU, oldest first")
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 5, rows: .backorders([backorderRow("SO-2", sku: "SKU-1")]),
                                                                   filter: "")))
        XCTAssertEqual(Views.caption(s[pane: .backorders]), "1/5", "every SKU: the list's own order, nothing to say")
    }

    func testServingOrderIsSaidOnlyForASKUsBackordersInTheirOwnOrder() {
        var pane = PaneState(kind: .backorders)
        pane.total = 3
        pane.sku = "SKU-1001"
        XCTAssertEqual(Views.caption(pane), "1/3 SKU = SKU-1001 serving order")
        XCTAssertEqual(Views.caption(pane, width: 31), "1/3 SKU = SKU-1001 …", "not \"serving ord…\"")
        pane.filter = "Acme"
        XCTAssertEqual(Views.caption(pane), "1/3 SKU = SKU-1001 serving order /Acme")
        XCTAssertEqual(Views.caption(pane, width: 36), "1/3 SKU = SKU-1001 serving order /A…")
        pane.sortColumn = 0
        XCTAssertEqual(Views.caption(pane), "1/3 SKU = SKU-1001 /Acme by Order▲", "a sorted list is in the column's order")
        var arrivals = PaneState(kind: .arrivals)
        arrivals.total = 1
        arrivals.sku = "SKU-1001"
        XCTAssertEqual(Views.caption(arrivals), "1/1 SKU = SKU-1001", "one SKU's arrivals keep the list's ETA order")
    }

    func testFollowSKUOnAnOrderSaysWhy() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("f"))), [])
        XCTAssertEqual(s.message?.kind, .warning)
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

    // MARK: pick

    func testPickAsksEachLineDefaultsToAllAllocatedAndCommitsWithTheVersionSeen() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("p"))), [.loadDetail(order: "SO-0", purpose: .pick)])
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10, version: 4)))
        XCTAssertEqual(dialogText(s), "10")
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        guard case .dialog(let d) = s.overlay, case .pickConfirm = d.step else { return XCTFail("no confirmation") }
        let effects = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(effects, [.perform(.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 10)], expectedVersion: 4))])
    }

    func testPickTypingMistakesStayInTheDialog() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10)))
        for (typed, expected) in [("", "empty"), ("7x", "not a whole number"), ("11", "only 10 allocated"), ("-1", "not a whole number")] {
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            for c in typed { _ = Reducer.reduce(&s, .key(.char(c))) }
            XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [], typed)
            guard case .dialog(let d) = s.overlay, case .pickQuantity = d.step else { return XCTFail("dialog left on \(typed)") }
            XCTAssertTrue(d.message?.contains(expected) ?? false, "\(typed): \(d.message ?? "no message")")
        }
        _ = Reducer.reduce(&s, .key(.char("1")))
        guard case .dialog(let d) = s.overlay else { return XCTFail() }
        XCTAssertNil(d.message, "typing again clears the message")
    }

    func testAShortPickAsksWhetherTheRestIsMissing() {
        for (answer, missing) in [(Character("y"), 6), (Character("n"), 0)] {
            var s = state()
            _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10)))
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            _ = Reducer.reduce(&s, .key(.char("4")))
            _ = Reducer.reduce(&s, .key(.enter))
            guard case .dialog(let d) = s.overlay, case .pickShort = d.step else { return XCTFail("no short-pick question") }
            _ = Reducer.reduce(&s, .key(.enter))
            if case .dialog(let d2) = s.overlay { XCTAssertNotNil(d2.message, "Enter is not an answer") }
            _ = Reducer.reduce(&s, .key(.char(answer)))
            XCTAssertEqual(Reducer.reduce(&s, .key(.enter)),
                           [.perform(.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 4, missing: missing)], expectedVersion: 4))])
        }
    }

    func testPickingZeroEverywhereIsNotAPick() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10)))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("0")))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("n")))
        guard case .dialog(let d) = s.overlay, case .pickQuantity = d.step else { return XCTFail("should ask again") }
        XCTAssertTrue(d.message?.contains("nothing to pick") ?? false)
    }

    func testPickWithNothingAllocatedSaysSo() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 0, backordered: 5)))
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("nothing to pick") ?? false)
    }

    // MARK: ship

    func testShipListsAndCommitsWithTheVersionSeen() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("s"))), [.loadDetail(order: "SO-0", purpose: .ship)])
        let d = detail(allocated: 0, picked: 7, backordered: 3)
        _ = Reducer.reduce(&s, .detailLoaded(.ship, d))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.ship(order: "SO-1", override: false, expectedVersion: 4, before: d))])
    }

    func testShipCompleteNeedsAnExplicitOverride() {
        var s = state()
        let d = detail(allocated: 0, picked: 7, backordered: 3, policy: .complete)
        _ = Reducer.reduce(&s, .detailLoaded(.ship, d))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        guard case .dialog(let dialog) = s.overlay else { return XCTFail() }
        XCTAssertTrue(dialog.message?.contains("O") ?? false)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("O"))), [.perform(.ship(order: "SO-1", override: true, expectedVersion: 4, before: d))])
    }

    func testShipWithNothingPickedSaysPickFirst() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.ship, detail(allocated: 10)))
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("pick first") ?? false)
    }

    func testShipResultShowsTheShipmentNumberAndReloads() {
        var s = state()
        let d = detail(allocated: 0, picked: 7, backordered: 3)
        let shipment = Shipment(number: "SH-000009", orderNumber: "SO-1", at: fixedNow, actor: "clerk", overridden: false,
                                lines: [.init(lineNo: 1, sku: "SKU-1", quantity: 7)])
        XCTAssertEqual(Reducer.reduce(&s, .operationSucceeded(.shipped(shipment, before: d))), [.pollRevision])
        guard case .dialog(let dialog) = s.overlay, case .result(let title, let lines) = dialog.step else { return XCTFail() }
        XCTAssertTrue(title.contains("SH-000009"))
        XCTAssertTrue(lines.joined().contains("3 backordered"))
        XCTAssertEqual(s.message?.kind, .success)
        _ = Reducer.reduce(&s, .key(.char("z")))
        XCTAssertNil(s.overlay, "any key closes a result")
    }

    // MARK: refusals

    func testAStaleActionIsRefusedClosedAndRefreshed() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.ship, detail(allocated: 0, picked: 7)))
        let op = Operation.ship(order: "SO-1", override: false, expectedVersion: 4, before: detail(allocated: 0, picked: 7))
        let effects = Reducer.reduce(&s, .operationFailed(op, .stale("order SO-1 was changed by someone else")))
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.kind, .error)
        XCTAssertTrue(s.message?.text.contains("refreshed") ?? false)
        XCTAssertEqual(effects, [.pollRevision])
        XCTAssertEqual(s.revision, -1, "the next poll reloads whatever the revision")
    }

    func testARefusedActionKeepsTheDialogWithTheReason() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.ship, detail(allocated: 0, picked: 7)))
        let op = Operation.ship(order: "SO-1", override: false, expectedVersion: 4, before: detail(allocated: 0, picked: 7))
        _ = Reducer.reduce(&s, .operationFailed(op, .refused("nothing is picked on this order")))
        guard case .dialog(let d) = s.overlay else { return XCTFail() }
        XCTAssertEqual(d.message, "nothing is picked on this order")
    }

    func testEscCancelsADialogWithoutAnyEffect() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail()))
        XCTAssertEqual(Reducer.reduce(&s, .key(.escape)), [])
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("nothing was changed") ?? false)
    }

    // MARK: receive, ETA, arrivals, cancel

    func testReceiveAsksForTheArrivalThenTheQuantity() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("r")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [], "nothing typed")
        for c in "PO-1/1" { _ = Reducer.reduce(&s, .key(.char(c))) }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.resolveReceiveTarget("PO-1/1")])
        _ = Reducer.reduce(&s, .lookupFailed(.notFound("no expected arrival and no SKU")))
        XCTAssertEqual(dialogMessage(s), "no expected arrival and no SKU")
        let arrival = Arrival(id: 1, supplier: "Acme", poNumber: "PO-1", poLine: 1, sku: "SKU-1", quantity: 30, received: 0,
                              eta: fixedToday, closedAt: nil)
        _ = Reducer.reduce(&s, .receiveTargetResolved(.arrival(arrival)))
        XCTAssertEqual(dialogText(s), "30", "defaults to what is outstanding")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("0")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertTrue(dialogMessage(s)?.contains("positive") ?? false)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("5")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.receive(.arrival(arrival), quantity: 5))])
    }

    func testChangeETAParsesDaysAndAsksAReason() {
        var s = state()
        let arrival = Arrival(id: 1, supplier: "Acme", poNumber: "PO-1", poLine: 1, sku: "SKU-1", quantity: 30, received: 0,
                              eta: fixedToday, closedAt: nil)
        _ = Reducer.reduce(&s, .key(.char("3")))
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: 1, rows: .arrivals([
            ArrivalRow(arrival: arrival, itemName: "Widget", promised: 0, late: false, etaChanges: 0)]), filter: "")))
        _ = Reducer.reduce(&s, .key(.char("e")))
        XCTAssertEqual(dialogText(s), fixedToday.iso)
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertTrue(dialogMessage(s)?.contains("already expected") ?? false)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "soon" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertTrue(dialogMessage(s)?.contains("not a day") ?? false)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "+3" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        for c in "supplier mail" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)),
                       [.perform(.changeETA(arrival: "PO-1/1", to: fixedToday.adding(days: 3), reason: "supplier mail"))])
    }

    func testAddArrivalValidatesEachField() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("a")))
        let answers: [(String, String?)] = [("", "empty"), ("Acme", nil), ("PO 9", "spaces"), ("PO-9", nil), ("x", "not a whole number"),
                                            ("2", nil), ("SKU-1", nil), ("lots", "not a whole number"), ("0", "positive"), ("40", nil),
                                            ("2026-02-30", "not a day"), ("2026-03-20", nil)]
        for (typed, problem) in answers {
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            for c in typed { _ = Reducer.reduce(&s, .key(.char(c))) }
            _ = Reducer.reduce(&s, .key(.enter))
            if let problem { XCTAssertTrue(dialogMessage(s)?.contains(problem) ?? false, "\(typed): \(dialogMessage(s) ?? "-")") }
            else { XCTAssertNil(dialogMessage(s), typed) }
        }
        var draft = ArrivalDraft(sku: "SKU-1")
        draft.supplier = "Acme"; draft.poNumber = "PO-9"; draft.poLine = 2; draft.quantity = 40; draft.eta = Day(iso: "2026-03-20")!
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.addArrival(draft))])
    }

    func testCancelOfABackorderLineAsksLineScopeAndReasonThenPreviews() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("2")))
        let row = BackorderRow(orderNumber: "SO-1", customerName: "C", orderDate: fixedToday, priority: 5, lineNo: 1, sku: "SKU-1",
                               itemName: "Widget", backordered: 3, promised: nil, ageDays: 2, late: true)
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 1, rows: .backorders([row]), filter: "")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("x"))), [.loadDetail(order: "SO-1", purpose: .correct(.cancel, lineNo: 1))])
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.cancel, lineNo: 1), detail(allocated: 0, backordered: 3)))
        XCTAssertEqual(dialogText(s), "1", "the selected line is the default")
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertEqual(dialogText(s), "a")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("z")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertTrue(dialogMessage(s)?.contains("type a") ?? false, dialogMessage(s) ?? "-")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("b")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [], "a reason is needed")
        XCTAssertTrue(dialogMessage(s)?.contains("empty") ?? false)
        for c in "customer gave up" { _ = Reducer.reduce(&s, .key(.char(c))) }
        let c = Correction.cancel(order: "SO-1", lineNo: 1, scope: .backordered, reason: "customer gave up", expectedVersion: 4)
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.correct(c, preview: true))])
        // The preview's consequences are shown; Enter then does it.
        let result = CorrectionResult(summary: "cancelled 3 unit(s) on SO-1 line 1", units: 3, consequences: Consequences(), preview: true)
        _ = Reducer.reduce(&s, .operationSucceeded(.corrected(c, result)))
        guard case .dialog(let d) = s.overlay, case .correctionConfirm = d.step else { return XCTFail("no confirmation") }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.correct(c, preview: false))])
    }

    /// Each exception from its key: the order is loaded, the questions default to the likely answers, and Enter through
    /// them asks for exactly the preview of that exception.
    func testEachExceptionKeyAsksItsQuestionsThenPreviews() {
        let cases: [(key: Character, purpose: CorrectionKind, typed: [String], expected: Correction)] = [
            ("u", .putBack, ["", "wrong order"], .putBack(order: "SO-1", entries: nil, reason: "wrong order", expectedVersion: 4)),
            ("P", .changeOrder, ["1", "c", "PO 4711", ""],
             .changeOrder(order: "SO-1", OrderChanges(priority: 1, policy: .complete, note: "PO 4711"), reason: "", expectedVersion: 4)),
            ("U", .expedite, ["hospital"], .expedite(order: "SO-1", reason: "hospital", expectedVersion: 4)),
            ("t", .reallocate, ["1", "SO-9/2=3", "urgent"],
             .reallocate(order: "SO-1", lineNo: 1, donors: [DonorLine(orderNumber: "SO-9", lineNo: 2, quantity: 3)], reason: "urgent", expectedVersion: 4)),
            ("A", .amend, ["1", "12", "more"], .amend(order: "SO-1", lineNo: 1, quantity: 12, reason: "more", expectedVersion: 4)),
            ("+", .addLine, ["SKU-9", "4", ""], .addLine(order: "SO-1", sku: "SKU-9", quantity: 4, reason: "", expectedVersion: 4)),
        ]
        for c in cases {
            var s = state()
            _ = Reducer.reduce(&s, .key(.down))  // SO-1
            XCTAssertEqual(Reducer.reduce(&s, .key(.char(c.key))), [.loadDetail(order: "SO-1", purpose: .correct(c.purpose, lineNo: nil))], "\(c.key)")
            _ = Reducer.reduce(&s, .detailLoaded(.correct(c.purpose, lineNo: nil), detail(allocated: 4, picked: 2, backordered: 3)))
            var last: [Effect] = []
            for answer in c.typed {
                _ = Reducer.reduce(&s, .key(.ctrl("u")))
                for ch in answer { _ = Reducer.reduce(&s, .key(.char(ch))) }
                last = Reducer.reduce(&s, .key(.enter))
                XCTAssertNil(dialogMessage(s).flatMap { $0.hasPrefix("Working") ? nil : $0 }, "\(c.key) \(answer)")
            }
            XCTAssertEqual(last.last, .perform(.correct(c.expected, preview: true)), "\(c.key)")
        }
    }

    func testReverseReceiptAsksForTheReceiptWithoutAnOrder() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("V"))), [])
        for ch in "RC-000007" { _ = Reducer.reduce(&s, .key(.char(ch))) }
        _ = Reducer.reduce(&s, .key(.enter))
        for ch in "wrong PO" { _ = Reducer.reduce(&s, .key(.char(ch))) }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.correct(.reverseReceipt(number: "RC-000007", reason: "wrong PO"), preview: true))])
    }

    func testExceptionsThatDoNotApplySayWhyAndReadOnlyRefusesThem() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.putBack, lineNo: nil), detail(allocated: 4)))
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.text, "Nothing is picked on SO-1: nothing to put back")
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.returnUnits, lineNo: nil), detail(allocated: 4)))
        XCTAssertEqual(s.message?.text, "Nothing has shipped on SO-1: nothing can come back")
        var r = AppState(location: "x", actor: "clerk", readOnly: true, today: fixedToday)
        for key in ["x", "u", "P", "U", "t", "A", "+", "V", "N"] {
            XCTAssertEqual(Reducer.reduce(&r, .key(.char(Character(key)))), [], key)
            XCTAssertTrue(r.message?.text.hasPrefix("Read-only") ?? false, key)
        }
    }

    func testARefusedPreviewGoesBackToTheLastQuestion() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.amend, lineNo: 1), detail(allocated: 0, backordered: 3)))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.enter))
        for c in "typo" { _ = Reducer.reduce(&s, .key(.char(c))) }
        guard case .perform(.correct(let c, true))? = Reducer.reduce(&s, .key(.enter)).first else { return XCTFail("no preview") }
        _ = Reducer.reduce(&s, .operationFailed(.correct(c, preview: true), .refused("line 1 is already for 3")))
        XCTAssertEqual(dialogMessage(s), "line 1 is already for 3")
        XCTAssertEqual(dialogText(s), "typo", "the last answer is back to edit")
    }

    func testActionsWithoutASelectionSayWhatToSelect() {
        var s = state(total: 0)
        for key in ["p", "s", "x", "c"] {
            XCTAssertEqual(Reducer.reduce(&s, .key(.char(Character(key)))), [], key)
            XCTAssertEqual(s.message?.kind, .warning, key)
        }
        _ = Reducer.reduce(&s, .key(.char("e")))
        XCTAssertTrue(s.message?.text.contains("arrival") ?? false)
    }

    func testSuspendAndRedrawAreTerminalEffects() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.ctrl("z"))), [.suspend])
        XCTAssertEqual(Reducer.reduce(&s, .key(.ctrl("l"))), [.redraw])
        XCTAssertEqual(Reducer.reduce(&s, .key(.ctrl("r"))), [.pollRevision])
        XCTAssertEqual(s.revision, -1)
    }

    func testLoadFailureShowsTheMessage() {
        var s = state()
        _ = Reducer.reduce(&s, .loadFailed(.dataFile("the file is damaged")))
        XCTAssertEqual(s.message, StatusMessage("the file is damaged", .error))
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
