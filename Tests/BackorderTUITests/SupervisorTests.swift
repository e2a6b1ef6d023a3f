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
