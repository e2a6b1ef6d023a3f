import BackorderCore
import BackorderStore
@testable import BackorderTUI
import Foundation
import TerminalKit
import TerminalKitTesting
import XCTest

/// The reports, the to-inform notices and CSV export: screens, reducer steps and real files.
final class SupervisorTests: XCTestCase {
    // MARK: screens

    static let scenarios: [(String, [Key])] = [
        ("report-aging", [.char("R")]),
        ("report-aging-lines", [.char("R"), .down, .down, .down, .enter]),
        ("report-shortage", [.char("R"), .tab]),
        ("report-late", [.char("R"), .tab, .tab]),
        ("report-service", [.char("R"), .tab, .tab, .tab]),
        ("report-backlog", [.char("R"), .tab, .tab, .tab, .tab]),
        ("notices", [.char("n")]),
        ("notices-mark-all-confirm", [.char("n"), .char("M")]),
    ]

    func testReportAndNoticeScreens() throws {
        for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
            for (name, keys) in Self.scenarios {
                let app = makeApp(try makeReportWarehouse(), width: width, height: height)
                for key in keys { app.send(.key(key)) }
                assertSnapshot(of: app.render(), named: "\(name)-\(sizeName)")
            }
        }
    }

    func testAgingChartOnAWideTerminal() throws {
        let app = makeApp(try makeReportWarehouse(), width: 160, height: 48)
        app.type(.char("R"))
        assertSnapshot(of: app.render(), named: "report-aging-160x48")
    }

    /// Enter on a short item: the backorders pane restricted to exactly that SKU (SKU-10010 waits too, and stays out),
    /// in serving order, with the way back to the report in the message line.
    func testEnterOnAShortItemScreens() throws {
        for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
            let app = makeApp(try makeQueueWarehouse(), width: width, height: height)
            app.type(.char("R"), .tab)
            guard case .shortage(let rows)? = app.state.reports.data else { return XCTFail("shortage not loaded") }
            let row = try XCTUnwrap(rows.firstIndex { $0.sku == "SKU-1001" })
            XCTAssertTrue(rows.contains { $0.sku == "SKU-10010" }, "the look-alike is short too")
            for _ in 0..<row { app.type(.down) }
            app.type(.enter)
            XCTAssertEqual(app.state.context, .panes)
            XCTAssertEqual(app.state[pane: .backorders].sku, "SKU-1001")
            guard case .backorders(let lines) = app.state[pane: .backorders].rows else { return XCTFail("no backorder lines") }
            XCTAssertEqual(lines.map(\.orderNumber), ["SO-000005", "SO-000001"])
            assertSnapshot(of: app.render(), named: "report-shortage-enter-\(sizeName)")
        }
    }

    /// Enter on a backlog row where one customer's name ("Nordic") is part of another's ("Nordic Tools AS"): the pane
    /// shows that customer's lines only, and says whose they are.
    func testEnterOnABacklogCustomerScreens() throws {
        for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
            let w = try makeReportWarehouse()
            try w.addCustomer(Customer(code: "C003", name: "Nordic"))
            _ = try w.createOrder(NewOrder(number: "SO-000005", customer: "C003", orderDate: fixedToday.adding(days: -2),
                                           lines: [NewOrderLine(sku: "SKU-2002", quantity: 3)]), ctx: fixedContext(-2))
            let app = makeApp(w, width: width, height: height)
            app.type(.char("R"), .tab, .tab, .tab, .tab)
            guard case .backlog(let rows)? = app.state.reports.data else { return XCTFail("backlog not loaded") }
            let i = try XCTUnwrap(rows.firstIndex { $0.customerCode == "C003" })
            for _ in 0..<i { app.type(.down) }
            app.type(.enter)
            XCTAssertEqual(app.state.focus, .backorders)
            XCTAssertEqual(app.state[pane: .backorders].customer, Customer(code: "C003", name: "Nordic"))
            guard case .backorders(let lines) = app.state[pane: .backorders].rows else { return XCTFail("no backorder lines") }
            XCTAssertEqual(lines.map(\.orderNumber), ["SO-000005"], "not the lines of Nordic Tools AS")
            XCTAssertEqual(app.state[pane: .backorders].total, 1)
            assertSnapshot(of: app.render(), named: "report-backlog-enter-\(sizeName)")
            app.type(.escape)
            XCTAssertNil(app.state[pane: .backorders].customer)
            XCTAssertEqual(app.state[pane: .backorders].total, 5, "every customer's lines again")
        }
    }

    // MARK: flows on a real warehouse

    func testAgingBucketListsItsLinesAndEnterOpensTheOrder() throws {
        let app = makeApp(try makeReportWarehouse())
        app.type(.char("R"))
        guard case .aging(let rows)? = app.state.reports.data else { return XCTFail("aging not loaded") }
        XCTAssertEqual(rows.map(\.lines), [1, 2, 0, 1, 0])
        app.type(.down, .enter)
        XCTAssertEqual(app.state.reports.bucketLines?.rows.map(\.orderNumber), ["SO-000001", "SO-000001"])
        app.type(.enter)
        XCTAssertEqual(app.state.detail?.detail.order.number, "SO-000001")
        app.type(.escape)
        XCTAssertNil(app.state.detail)
        XCTAssertEqual(app.state.context, .reports, "back from the order lands on the bucket's lines")
        XCTAssertNotNil(app.state.reports.bucketLines)
        app.type(.escape, .escape)
        XCTAssertEqual(app.state.context, .panes)
    }

    func testNoticesMarkOneThenAllSentAndTheListRefreshes() throws {
        let w = try makeReportWarehouse()
        let pending = try w.notices(includeSent: false, order: nil, limit: 100, today: fixedToday)
        XCTAssertGreaterThan(pending.count, 1)
        let app = makeApp(w)
        app.type(.char("n"))
        XCTAssertEqual(app.state.notices.rows.map(\.orderNumber), pending.map(\.orderNumber))
        XCTAssertEqual(app.state.notices.total, pending.count)
        app.type(.char("m"))
        XCTAssertEqual(app.state.notices.total, pending.count - 1)
        XCTAssertEqual(app.state.notices.rows.count, pending.count - 1)
        XCTAssertTrue(app.screen.contains("marked sent"), app.screen)
        app.type(.char("M"))
        XCTAssertNotNil(app.dialog)
        app.type(.enter)
        XCTAssertNil(app.dialog)
        XCTAssertEqual(app.state.notices.rows, [])
        XCTAssertEqual(app.state.notices.total, 0)
        XCTAssertTrue(app.screen.contains("no pending notices"), app.screen)
        XCTAssertEqual(try w.notices(includeSent: false, order: nil, limit: 100, today: fixedToday), [])
        app.type(.char("m"))
        XCTAssertTrue(app.screen.contains("nothing to mark sent"), app.screen)
    }

    func testANoticeFromAnotherClerkShowsOnTheNextTick() throws {
        let w = try makeWarehouse()
        let app = makeApp(w)
        app.type(.char("n"))
        let before = app.state.notices.total
        _ = try w.createOrder(NewOrder(number: "SO-000009", customer: "C001", lines: [NewOrderLine(sku: "SKU-2002", quantity: 50)]),
                              ctx: fixedContext(actor: "other"))
        app.send(.tick(today: fixedToday))
        XCTAssertEqual(app.state.notices.total, before + 1)
    }

    /// More notices than the list shows at once: End reaches the last, and the caption counts them all.
    func testNoticesPageToTheLastOnAWarehouse() throws {
        let w = try makeWarehouse()
        for i in 0..<40 {
            _ = try w.createOrder(NewOrder(number: String(format: "SO-2%05d", i), customer: i % 2 == 0 ? "C001" : "C002",
                                           lines: [NewOrderLine(sku: "SKU-2002", quantity: 3)]), ctx: fixedContext(-1))
        }
        let all = try w.notices(includeSent: false, order: nil, offset: 0, limit: 1_000, today: fixedToday)
        XCTAssertGreaterThan(all.count, 40)
        let app = makeApp(w)
        app.type(.char("n"))
        XCTAssertEqual(app.state.notices.total, all.count)
        XCTAssertLessThan(app.state.notices.rows.count, all.count, "only a window is loaded")
        app.type(.pageDown, .pageDown)
        XCTAssertEqual(app.state.notices.current, all[app.state.notices.selected])
        app.type(.end)
        XCTAssertEqual(app.state.notices.current, all.last)
        XCTAssertTrue(app.screen.contains("\(all.count)/\(all.count) pending"), app.screen)
        XCTAssertTrue(app.screen.contains("Text to send: \(all.last!.orderNumber)"), app.screen)
        app.type(.char("m"))
        XCTAssertEqual(app.state.notices.total, all.count - 1)
        XCTAssertEqual(app.state.notices.current, all[all.count - 2], "the selection stays at the end of the shorter list")
        assertSnapshot(of: app.render(), named: "notices-end-80x24")
    }

    func testReadOnlyCannotMarkNoticesSent() throws {
        let w = try makeReportWarehouse()
        let app = makeApp(ReadOnlyService(base: w))
        app.type(.char("n"), .char("m"), .char("M"))
        XCTAssertNil(app.dialog)
        XCTAssertTrue(app.state.message?.text.contains("Read-only") ?? false)
        XCTAssertFalse(try w.notices(includeSent: false, order: nil, limit: 100, today: fixedToday).isEmpty)
    }

    // MARK: reducer

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

    // MARK: export to real files

    func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tui-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func files(_ dir: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    func testExportWritesTheWholeListAsCSVAndSaysWhere() throws {
        let dir = try temporaryDirectory()
        let app = makeApp(try makeWarehouse(extraOrders: 60))
        app.exportDirectory = dir
        app.type(.char("w"))
        let names = try files(dir)
        XCTAssertEqual(names, ["backorders-orders-20260302-090000.csv"])
        let path = dir + "/" + names[0]
        XCTAssertTrue(app.screen.contains("Wrote 63 row(s) to"), app.screen)
        XCTAssertEqual(app.state.message?.text, "Wrote 63 row(s) to \(path)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "order,date,priority,customer,customer_name,policy,lines,ordered,allocated,picked,shipped,backordered")
        XCTAssertEqual(lines.count, 1 + 63 + 1, "header, every order (not just the page), and the final line end")
        XCTAssertTrue(lines.contains("SO-000002,2026-02-25,3,C002,Bygg & Co,complete,2,14,10,0,0,4"), text)
        // A second export in the same second never overwrites the first.
        app.type(.char("w"))
        XCTAssertEqual(try files(dir), ["backorders-orders-20260302-090000-2.csv", "backorders-orders-20260302-090000.csv"])
    }

    func testExportPagesThroughTheListInChunks() throws {
        let dir = try temporaryDirectory()
        let w = try makeWarehouse(extraOrders: 20)
        var exporter = Exporter(service: w, today: fixedToday, now: fixedNow, directory: dir)
        exporter.chunk = 7
        let written = try exporter.run(.pane(.orders, filter: "SO-1"))
        XCTAssertEqual(written.map(\.rows), [20])
        let csv = try String(contentsOfFile: written[0].path, encoding: .utf8)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("SO-1") }.count, 20)
    }

    func testExportOfARestrictedPaneWritesThatSKUOnly() throws {
        let dir = try temporaryDirectory()
        let exporter = Exporter(service: try makeLookalikeWarehouse(), today: fixedToday, now: fixedNow, directory: dir)
        XCTAssertEqual(try exporter.run(.pane(.arrivals, filter: "", sku: "SKU-1001")).map(\.rows), [1], "not SKU-10010's arrival")
        XCTAssertEqual(try exporter.run(.pane(.stock, filter: "", sku: "SKU-1001")).map(\.rows), [1])
        XCTAssertEqual(try exporter.run(.pane(.backorders, filter: "", sku: "SKU-1001")).map(\.rows), [1])
        XCTAssertEqual(try exporter.run(.pane(.arrivals, filter: "SKU-1001")).map(\.rows), [2], "the text filter still matches both")
    }

    func testNoticesExportInChunksAndWritesEveryOne() throws {
        let dir = try temporaryDirectory()
        let w = try makeReportWarehouse()
        var exporter = Exporter(service: w, today: fixedToday, now: fixedNow, directory: dir)
        exporter.chunk = 2
        let pending = try w.noticeCount(includeSent: false, order: nil)
        XCTAssertGreaterThan(pending, 2, "more notices than one chunk")
        let written = try exporter.run(.notices)
        XCTAssertEqual(written.map(\.rows), [pending])
        let csv = try String(contentsOfFile: written[0].path, encoding: .utf8)
        for n in try w.notices(includeSent: false, order: nil, offset: 0, limit: 100, today: fixedToday) {
            XCTAssertTrue(csv.contains("\r\n\(n.orderNumber),"), n.orderNumber)
        }
    }

    func testEveryReportAndTheNoticesExportWithTheirHeaders() throws {
        let dir = try temporaryDirectory()
        let app = makeApp(try makeReportWarehouse())
        app.exportDirectory = dir
        app.type(.char("R"), .char("w"), .down, .enter, .char("w"), .escape)
        for _ in 0..<4 { app.type(.tab, .char("w")) }
        app.type(.char("n"), .char("w"))
        let names = try files(dir)
        XCTAssertEqual(names.map { String($0.dropLast("-20260302-090000.csv".count)) },
                       ["backorders-aging", "backorders-aging-8-14", "backorders-backlog", "backorders-late", "backorders-late-suppliers",
                        "backorders-notices", "backorders-service", "backorders-shortage"])
        func read(_ prefix: String) throws -> String {
            try String(contentsOfFile: dir + "/" + names.first { $0.hasPrefix(prefix + "-2026") }!, encoding: .utf8)
        }
        XCTAssertEqual(try read("backorders-aging"), "bucket,lines,units,orders\r\n0-7,1,4,1\r\n8-14,2,33,1\r\n15-30,0,0,0\r\n31-60,1,6,1\r\nover-60,0,0,0\r\n")
        XCTAssertTrue(try read("backorders-aging-8-14").contains("SO-000001,1,2026-02-20,10,5,Nordic Tools AS,SKU-1001"))
        XCTAssertTrue(try read("backorders-late").hasPrefix(LateArrivalRow.csvHeader.joined(separator: ",") + "\r\nPO-7002/1,Far East Ltd"))
        XCTAssertTrue(try read("backorders-service").contains("\r\ntotal,,all,"))
        XCTAssertTrue(try read("backorders-notices").hasPrefix("order,customer,customer_name,events,pending_since,updated,text\r\n"))
        XCTAssertTrue(try read("backorders-notices").contains("\"Part of your order is on backorder."), "the text is one quoted field")
    }

    func testAnExportThatCannotWriteSaysWhy() throws {
        let app = makeApp(try makeWarehouse())
        app.exportDirectory = "/nonexistent-dir-for-tui-test"
        app.type(.char("w"))
        XCTAssertEqual(app.state.message?.kind, .error)
        XCTAssertTrue(app.state.message?.text.contains("/nonexistent-dir-for-tui-test/backorders-orders-") ?? false)
        XCTAssertTrue(app.state.message?.text.contains("No such file or directory") ?? false, app.state.message?.text ?? "")
    }
}
