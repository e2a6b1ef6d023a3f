import BackorderCore
import BackorderStore
@testable import BackorderTUI
import Foundation
import TerminalKit
import XCTest

/// The reports, notices and export, step by step through the reducer: what each key does to the state and which I/O it
/// asks for.
extension SupervisorTests {
    func state(readOnly: Bool = false) -> AppState { freshState(readOnly: readOnly) }

    func notice(_ order: String) -> Notice { pendingNotice(order) }

    /// The whole list of notices arriving as one window from the top.
    func loaded(_ notices: [Notice]) -> Action { .noticesLoaded(NoticesLoad(top: 0, total: notices.count, notices: notices)) }

    func testReportsOpenCycleAndDropAnswersForAnotherReport() {
        var s = state()
        let period = (fixedToday.adding(days: -29), fixedToday)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("R"))), [.loadReport(ReportQuery(kind: .aging, from: period.0, to: period.1))])
        XCTAssertEqual(s.context, .reports)
        XCTAssertEqual(Reducer.reduce(&s, .key(.tab)), [.loadReport(ReportQuery(kind: .shortage, from: period.0, to: period.1))])
        XCTAssertEqual(Reducer.reduce(&s, .key(.backTab)), [.loadReport(ReportQuery(kind: .aging, from: period.0, to: period.1))])
        _ = Reducer.reduce(&s, .reportLoaded(ReportQuery(kind: .shortage, from: period.0, to: period.1), .shortage([])))
        XCTAssertNil(s.reports.data, "an answer for a report no longer shown is dropped")
        _ = Reducer.reduce(&s, .reportLoaded(ReportQuery(kind: .aging, from: period.0, to: period.1), .aging([])))
        XCTAssertEqual(s.reports.data, .aging([]))
        XCTAssertEqual(Reducer.reduce(&s, .revisionChecked(2)).last, .loadReport(ReportQuery(kind: .aging, from: period.0, to: period.1)),
                       "reports refresh live")
    }

    func shortage(_ sku: String) -> ShortageRow {
        ShortageRow(sku: sku, name: "Item", unit: "pcs", backordered: 5, waitingLines: 2, free: 0, incoming: 0, uncovered: 5,
                    oldestAgeDays: 3, minOrderQty: 1, packSize: 1, suggestedPurchase: 5)
    }

    func testEnterOnAShortItemShowsExactlyThatSKUsBackordersAndABacklogCustomerEverySKU() {
        var s = state()
        let period = (fixedToday.adding(days: -29), fixedToday)
        _ = Reducer.reduce(&s, .key(.char("R")))
        _ = Reducer.reduce(&s, .key(.tab))
        s[pane: .backorders].filter = "acme"
        _ = Reducer.reduce(&s, .reportLoaded(ReportQuery(kind: .shortage, from: period.0, to: period.1), .shortage([shortage("SKU-10"), shortage("SKU-1")])))
        _ = Reducer.reduce(&s, .key(.down))
        let effects = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.context, .panes)
        XCTAssertEqual(s.focus, .backorders)
        XCTAssertEqual(s[pane: .backorders].sku, "SKU-1")
        XCTAssertEqual(s[pane: .backorders].filter, "", "an exact SKU, not a text filter that SKU-10 would match too")
        XCTAssertEqual(effects, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, sku: "SKU-1"))])
        XCTAssertEqual(s.message?.text, "Backorders of SKU = SKU-1 as receipts serve them (Esc: every SKU, R: report)")
        XCTAssertTrue(Views.render(s).text.contains("SKU = SKU-1 serving order"), Views.render(s).text)

        // Back in the reports, a customer's lines are of every SKU: the item's restriction does not hide them.
        _ = Reducer.reduce(&s, .key(.char("R")))
        for _ in 0..<3 { _ = Reducer.reduce(&s, .key(.tab)) }
        XCTAssertEqual(s.reports.kind, .backlog)
        _ = Reducer.reduce(&s, .reportLoaded(ReportQuery(kind: .backlog, from: period.0, to: period.1), .backlog([backlog("C1", "Nordic")])))
        let customer = Reducer.reduce(&s, .key(.enter))
        XCTAssertNil(s[pane: .backorders].sku)
        XCTAssertEqual(s[pane: .backorders].customer, Customer(code: "C1", name: "Nordic"))
        XCTAssertEqual(s[pane: .backorders].filter, "")
        XCTAssertEqual(customer, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, customer: "C1"))])
    }

    func backlog(_ code: String, _ name: String) -> BacklogRow {
        BacklogRow(customerCode: code, customerName: name, orders: 1, lines: 3, units: 9, oldestAgeDays: 4, nextPromised: nil, unpromisedLines: 3)
    }

    func line(_ order: String, customer: String = "Bolt") -> BackorderRow {
        BackorderRow(orderNumber: order, customerName: customer, orderDate: fixedToday, priority: 5, lineNo: 1, sku: "SKU-1",
                     itemName: "Bolt M8", backordered: 1, promised: nil, ageDays: 2, late: true)
    }

    /// Enter on a backlog row: exactly that customer's lines (by code, not a text filter of its name), of every SKU, with a
    /// filter or SKU left from before dropped; answers for another restriction are dropped; a filter narrows further; Esc
    /// drops the filter, then the customer; an item's backorders later are of every customer.
    func testEnterOnABacklogRowRestrictsBackordersToExactlyThatCustomer() {
        var s = state()
        let period = (fixedToday.adding(days: -29), fixedToday)
        s[pane: .backorders].filter = "acme"
        s[pane: .backorders].sku = "SKU-1"
        _ = Reducer.reduce(&s, .key(.char("R")))
        for _ in 0..<4 { _ = Reducer.reduce(&s, .key(.tab)) }
        XCTAssertEqual(s.reports.kind, .backlog)
        _ = Reducer.reduce(&s, .reportLoaded(ReportQuery(kind: .backlog, from: period.0, to: period.1),
                                             .backlog([backlog("BOLTON", "Bolton Bygg AS"), backlog("BOLT", "Bolt")])))
        _ = Reducer.reduce(&s, .key(.down))
        let effects = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.context, .panes)
        XCTAssertEqual(s.focus, .backorders)
        let pane = s[pane: .backorders]
        XCTAssertEqual(pane.customer, Customer(code: "BOLT", name: "Bolt"))
        XCTAssertNil(pane.sku, "a customer's lines of every SKU")
        XCTAssertEqual(pane.filter, "", "no text filter: \"Bolt\" would match Bolton and the item Bolt M8 too")
        XCTAssertFalse(pane.isUnrestricted, "the whole list's count from the counts does not apply")
        XCTAssertEqual(effects, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, customer: "BOLT"))],
                       "the store restricts by code, rows and count at once")
        XCTAssertEqual(s.message?.text, "Backorder lines of Bolt (Esc drops the restriction, R goes back to the report)")

        // Answers for the whole list or another customer, fetched before, are dropped.
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 9, rows: .backorders([line("SO-9", customer: "Bolton")]), filter: "")))
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 9, rows: .backorders([line("SO-9", customer: "Bolton")]), filter: "",
                                                                 customer: "BOLTON")))
        XCTAssertEqual(s[pane: .backorders].loadedTop, -1)
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 2, rows: .backorders([line("SO-4"), line("SO-2")]), filter: "",
                                                                 customer: "BOLT")))
        XCTAssertEqual(s[pane: .backorders].rows, .backorders([line("SO-4"), line("SO-2")]))
        XCTAssertEqual(Views.caption(s[pane: .backorders]), "1/2 Customer = Bolt", "oldest first: no \"serving order\"")
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))), [.export(.pane(.backorders, filter: "", customer: "BOLT"))],
                       "CSV writes what the pane shows: that customer's lines only")

        // A text filter narrows the customer's lines; its count is for the customer too.
        _ = Reducer.reduce(&s, .key(.char("/")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("n"))),
                       [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: "n"), withTotal: false, customer: "BOLT")),
                        .countRows(.backorders, filter: "n", customer: "BOLT")])
        _ = Reducer.reduce(&s, .rowsCounted(.backorders, filter: "n", total: 7))
        XCTAssertTrue(s[pane: .backorders].totalPending, "a count of every customer's lines is not this pane's")
        _ = Reducer.reduce(&s, .rowsCounted(.backorders, filter: "n", customer: "BOLT", total: 1))
        XCTAssertEqual(s[pane: .backorders].total, 1)
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: nil, rows: .backorders([line("SO-4")]), filter: "n", customer: "BOLT")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Views.caption(s[pane: .backorders]), "1/1 Customer = Bolt /n")

        let first = Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(s[pane: .backorders].filter, "")
        XCTAssertEqual(s[pane: .backorders].customer?.code, "BOLT", "the first Esc drops the text filter only")
        XCTAssertEqual(first, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true, customer: "BOLT"))])
        XCTAssertEqual(s.message?.text, "Filter of backorder lines dropped; still Bolt only (Esc again shows every customer)")
        let second = Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s[pane: .backorders].customer, "the second Esc lifts the customer restriction")
        XCTAssertTrue(s[pane: .backorders].isUnrestricted)
        XCTAssertEqual(second, [.loadPane(.backorders, PaneQuery(page: Page(offset: 0, limit: 19, filter: ""), withTotal: true))])
        XCTAssertEqual(s.message?.text, "Bolt lifted: backorder lines of every customer")
        XCTAssertEqual(Reducer.reduce(&s, .key(.escape)), [], "nothing left to lift")

        // An item's backorders are of every customer: Enter on an item drops a customer restriction.
        s[pane: .backorders].customer = Customer(code: "BOLT", name: "Bolt")
        _ = Reducer.reduce(&s, .key(.char("4")))
        _ = Reducer.reduce(&s, .paneLoaded(.stock, PaneLoad(top: 0, total: 1, rows: .stock([Item(sku: "SKU-1", name: "One")]), filter: "")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s[pane: .backorders].sku, "SKU-1")
        XCTAssertNil(s[pane: .backorders].customer)
    }

    /// A customer's pane with nothing in it says whose it is and how to see every customer's lines, not "no backorders".
    func testAnEmptyCustomerPaneSaysWhoseItIs() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("2")))
        _ = Reducer.restrict(&s, .backorders, toCustomer: Customer(code: "BOLT", name: "Bolt"))
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 0, rows: .backorders([]), filter: "", customer: "BOLT")))
        XCTAssertTrue(Views.render(s).text.contains("Nothing for Bolt (Esc shows every customer)"), Views.render(s).text)
        s[pane: .backorders].filter = "zz"
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 0, rows: .backorders([]), filter: "zz", customer: "BOLT")))
        XCTAssertTrue(Views.render(s).text.contains("Bolt: nothing matches /zz (Esc drops the filter)"), Views.render(s).text)
    }

    func testServicePeriodMovesBackAndNotPastToday() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("R")))
        for _ in 0..<3 { _ = Reducer.reduce(&s, .key(.tab)) }
        XCTAssertEqual(s.reports.kind, .service)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("]"))), [], "the default period already ends today")
        XCTAssertEqual(s.message?.kind, .warning)
        let earlier = Reducer.reduce(&s, .key(.char("[")))
        XCTAssertEqual(earlier, [.loadReport(ReportQuery(kind: .service, from: fixedToday.adding(days: -59), to: fixedToday.adding(days: -30)))])
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("]"))), [.loadReport(ReportQuery(kind: .service, from: fixedToday.adding(days: -29), to: fixedToday))])
        XCTAssertNil(s.reports.periodStart, "back at today the period follows the calendar again")
    }

    func testMarkSentRefusedWhenReadOnlyOrNothingPending() {
        var ro = state(readOnly: true)
        _ = Reducer.reduce(&ro, .key(.char("n")))
        _ = Reducer.reduce(&ro, loaded([notice("SO-1")]))
        XCTAssertEqual(Reducer.reduce(&ro, .key(.char("m"))), [])
        XCTAssertEqual(ro.message?.kind, .warning)
        XCTAssertTrue(ro.message?.text.hasPrefix("Read-only") ?? false)
        XCTAssertEqual(Reducer.reduce(&ro, .key(.char("M"))), [])
        XCTAssertNil(ro.overlay)

        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("n"))), [.loadNotices(Page(offset: 0, limit: 7))])
        _ = Reducer.reduce(&s, loaded([]))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("m"))), [])
        XCTAssertEqual(s.message?.text, "No pending notices: nothing to mark sent")
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("M"))), [])
        XCTAssertNil(s.overlay, "no confirmation for nothing")
    }

    func testMarkSentAndMarkAllSentAskTheRuntime() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, loaded([notice("SO-1"), notice("SO-2")]))
        _ = Reducer.reduce(&s, .key(.down))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("m"))), [.perform(.markNoticesSent(order: "SO-2"))])
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("M"))), [])
        guard case .dialog(let d)? = s.overlay, case .markAllSentConfirm(count: 2) = d.step else { return XCTFail("no confirmation") }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.markNoticesSent(order: nil))])
        XCTAssertEqual(Reducer.reduce(&s, .operationSucceeded(.noticesMarked([notice("SO-1"), notice("SO-2")], all: true))), [.pollRevision])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message, StatusMessage("2 notice(s) marked sent", .success))
    }

    func testNoticesKeepTheSelectedOrderWhenTheListChanges() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, loaded([notice("SO-1"), notice("SO-2"), notice("SO-3")]))
        _ = Reducer.reduce(&s, .key(.char("G")))
        _ = Reducer.reduce(&s, loaded([notice("SO-2"), notice("SO-3")]))
        XCTAssertEqual(s.notices.current?.orderNumber, "SO-3")
    }

    /// Notices `from..<to` of a long list, numbered by their place in it.
    func notices(_ range: Range<Int>) -> [Notice] { range.map { notice("SO-\($0)") } }

    func testNoticesPageThroughTheWholeListLikeAPane() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("n"))), [.loadNotices(Page(offset: 0, limit: 7))], "one window, not every notice")
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 0, total: 2_500, notices: notices(0..<7))))
        XCTAssertEqual(s.notices.total, 2_500)
        XCTAssertEqual(Reducer.reduce(&s, .key(.pageDown)), [], "a move inside the loaded window is a pure redraw")
        XCTAssertEqual(s.notices.current?.orderNumber, "SO-6")
        XCTAssertEqual(Reducer.reduce(&s, .key(.pageDown)), [.loadNotices(Page(offset: 6, limit: 7))])
        XCTAssertNil(s.notices.current, "not loaded yet")
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 6, total: 2_500, notices: notices(6..<13))))
        XCTAssertEqual(s.notices.current?.orderNumber, "SO-12")
        XCTAssertEqual(Reducer.reduce(&s, .key(.end)), [.loadNotices(Page(offset: 2_493, limit: 7))], "End reaches the last notice")
        XCTAssertEqual(s.notices.selected, 2_499)
        // An answer for the window left behind does not move the list back: the window shown is asked for again.
        XCTAssertEqual(Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 6, total: 2_500, notices: notices(6..<13)))),
                       [.loadNotices(Page(offset: 2_493, limit: 7))])
        XCTAssertEqual(s.notices.top, 2_493)
        XCTAssertEqual(s.notices.selected, 2_499)
        XCTAssertNil(s.notices.current)
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 2_493, total: 2_500, notices: notices(2_493..<2_500))))
        XCTAssertEqual(s.notices.current?.orderNumber, "SO-2499")
        XCTAssertTrue(Views.render(s).text.contains("2500/2500 pending"), Views.render(s).text)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("m"))), [.perform(.markNoticesSent(order: "SO-2499"))])
        _ = Reducer.reduce(&s, .key(.enter))
        guard case .text(let title, _, _)? = s.overlay else { return XCTFail("Enter shows the last notice's text") }
        XCTAssertEqual(title, "Notice for SO-2499 to Customer")
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("M")))
        guard case .dialog(let d)? = s.overlay, case .markAllSentConfirm(count: 2_500) = d.step else {
            return XCTFail("the confirmation counts every pending notice, not the window")
        }
        _ = Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(Reducer.reduce(&s, .key(.home)), [.loadNotices(Page(offset: 0, limit: 7))])
    }

    func testFewerNoticesThanTheWindowShownReloadTheLastWindow() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 0, total: 30, notices: notices(0..<7))))
        _ = Reducer.reduce(&s, .key(.end))
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 23, total: 30, notices: notices(23..<30))))
        // Someone marked 20 sent: the window at 23 is past the end now.
        let again = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 23, total: 10, notices: [])))
        XCTAssertEqual(s.notices.selected, 9)
        XCTAssertEqual(again, [.loadNotices(Page(offset: 3, limit: 7))])
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 3, total: 10, notices: notices(3..<10))))
        XCTAssertEqual(s.notices.current?.orderNumber, "SO-9")
    }

    func testAResizeLoadsTheNoticesTheTallerListShows() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 0, total: 30, notices: notices(0..<7))))
        let effects = Reducer.reduce(&s, .resized(Size(width: 80, height: 48)))
        XCTAssertEqual(effects, [.loadNotices(Page(offset: 0, limit: Layout(size: Size(width: 80, height: 48)).noticeRows))])
    }

    func testExportAsksForTheWholeListOfWhatIsShown() {
        var s = state()
        s.panes[PaneKind.backorders.rawValue].filter = "SKU-1"
        s.focus = .backorders
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))), [.export(.pane(.backorders, filter: "SKU-1"))])
        _ = Reducer.reduce(&s, .key(.char("R")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))),
                       [.export(.report(ReportQuery(kind: .aging, from: fixedToday.adding(days: -29), to: fixedToday)))])
        _ = Reducer.reduce(&s, .key(.char("n")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("w"))), [.export(.notices)])
        _ = Reducer.reduce(&s, .exported(.notices, [ExportedFile(path: "/tmp/x.csv", rows: 3)]))
        XCTAssertEqual(s.message, StatusMessage("Wrote 3 row(s) to /tmp/x.csv", .success))
        _ = Reducer.reduce(&s, .exportFailed(.notices, "/nope/x.csv: Permission denied"))
        XCTAssertEqual(s.message?.kind, .error)
    }

    func testKeymapListsTheNewKeysInHelp() {
        let help = Keymap.helpSections(readOnly: true)
        XCTAssertEqual(help.map(\.title).filter { ["Reports", "Customer notices", "Export"].contains($0) }.count, 3)
        for key in ["R", "n", "m", "M", "w", "[", "]"] {
            XCTAssertTrue(help.contains { $0.entries.contains { $0.keys == key } }, key)
        }
    }
}
