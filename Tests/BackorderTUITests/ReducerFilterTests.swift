import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import XCTest

/// The reducer's filters, sorting, and restrictions to one SKU or customer.
extension ReducerTests {
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

    // MARK: following a SKU

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
}
