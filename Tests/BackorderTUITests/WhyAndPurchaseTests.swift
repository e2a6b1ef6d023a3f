import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// `y` (why this date) and purchasing from the shortage report (Space marks, P buys): reducer steps, the runtime on a
/// real warehouse, and the screens.
final class WhyAndPurchaseTests: XCTestCase {
    /// The report warehouse with a new order making SKU-1001 short by 12 (MOQ 10, packs of 5: 15 suggested, no supplier
    /// set), and SKU-2002 (3 uncovered) bought from Far East Ltd in 21 days.
    func makePurchaseWarehouse() throws -> Warehouse {
        let w = try makeReportWarehouse()
        try w.changeItem("SKU-1001", ItemChanges(minOrderQty: 10, packSize: 5))
        try w.changeItem("SKU-2002", ItemChanges(supplier: "Far East Ltd", leadTimeDays: 21))
        _ = try w.createOrder(NewOrder(number: "SO-000005", customer: "C002", lines: [NewOrderLine(sku: "SKU-1001", quantity: 12)]),
                              ctx: fixedContext(-1))
        return w
    }

    func shortageRow(_ sku: String, suggested: Int, supplier: String = "", lead: Int? = nil) -> ShortageRow {
        ShortageRow(sku: sku, name: "Item \(sku)", unit: "pcs", backordered: 10, waitingLines: 1, free: 0, incoming: 0, uncovered: suggested,
                    oldestAgeDays: 3, minOrderQty: 1, packSize: 1, suggestedPurchase: suggested, supplier: supplier, leadTimeDays: lead)
    }

    /// The reports view showing a shortage report of `rows`.
    func shortageState(_ rows: [ShortageRow], readOnly: Bool = false) -> AppState {
        var s = AppState(location: "/data/w.sqlite", actor: "clerk", readOnly: readOnly, today: fixedToday)
        _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 24)))
        _ = Reducer.reduce(&s, .revisionChecked(1))
        _ = Reducer.reduce(&s, .key(.char("R")))
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .reportLoaded(Reducer.reportQuery(s, .shortage), .shortage(rows)))
        return s
    }

    func step(_ s: AppState) -> DialogStep? {
        if case .dialog(let d) = s.overlay { return d.step }
        return nil
    }

    func fieldText(_ s: AppState) -> String? {
        if case .dialog(let d) = s.overlay { return d.field.text }
        return nil
    }

    /// Replaces the dialog's input with `text` and presses Enter.
    func answer(_ s: inout AppState, _ text: String) -> [Effect] {
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in text { _ = Reducer.reduce(&s, .key(.char(c))) }
        return Reducer.reduce(&s, .key(.enter))
    }

    // MARK: why this date: reducer

    func testYAsksForTheSelectedLineOrTheWholeOrder() {
        var s = AppState(location: "x", actor: "clerk", readOnly: true, today: fixedToday)
        _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 24)))
        _ = Reducer.reduce(&s, .revisionChecked(1))
        let line = BackorderRow(orderNumber: "SO-7", customerName: "C", orderDate: fixedToday, priority: 5, lineNo: 2, sku: "A", itemName: "A",
                                backordered: 3, promised: nil, ageDays: 0, late: true)
        _ = Reducer.reduce(&s, .key(.char("2")))
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 1, rows: .backorders([line]), filter: "")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("y"))), [.loadExplanation(order: "SO-7", lineNo: 2)], "read-only may ask why")
        _ = Reducer.reduce(&s, .explanationLoaded(order: "SO-7", lineNo: 2, []))
        guard case .text(let title, _, _)? = s.overlay else { return XCTFail("no text overlay") }
        XCTAssertEqual(title, "Why this date: SO-7/2")
        XCTAssertEqual(s.context, .text)
        _ = Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s.overlay)

        _ = Reducer.reduce(&s, .key(.char("1")))
        let order = OpenOrderRow(number: "SO-8", customerCode: "C1", customerName: "C", orderDate: fixedToday, priority: 5, policy: .partial,
                                 lines: 1, ordered: 1, allocated: 0, picked: 0, shipped: 0, backordered: 1, version: 1)
        _ = Reducer.reduce(&s, .paneLoaded(.orders, PaneLoad(top: 0, total: 1, rows: .orders([order]), filter: "")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("y"))), [.loadExplanation(order: "SO-8", lineNo: nil)], "an order: every waiting line")

        _ = Reducer.reduce(&s, .key(.char("3")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("y"))), [])
        XCTAssertEqual(s.message?.kind, .warning, "an arrival has no promised date to explain")
        _ = Reducer.reduce(&s, .lookupFailed(.refused("SO-8 has no backordered line: no promised date to explain")))
        XCTAssertEqual(s.message?.text, "SO-8 has no backordered line: no promised date to explain")
    }

    // MARK: why this date: on a real warehouse

    /// SO-000001 waits for 30 of SKU-1001 behind SO-000005 (priority 1, 5 units): PO-7001's 30 leave it 5 short.
    func testWhyOnABackorderLineAndInTheOrderDetail() throws {
        let app = makeApp(try makeQueueWarehouse())
        app.type(.char("2"), .char("y"))
        guard case .text(let title, let lines, _)? = app.state.overlay else { return XCTFail("no explanation: \(app.screen)") }
        XCTAssertEqual(title, "Why this date: SO-000001/1")
        XCTAssertTrue(lines.contains("No arrival planned: 5 of its 30 unit(s) are not covered by an open arrival (25 are)."), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("  • SO-000005/1 Bygg & Co: 5, priority 1, ordered 2026-03-01"))
        XCTAssertTrue(lines.contains("  • PO-7001/1 Acme Supply, ETA 2026-03-07: 30 outstanding — 5 to lines ahead, 25 to this line"))
        XCTAssertTrue(lines.contains("  • Priority 1 (now 5): promised 2026-03-07, 0 unit(s) ahead — key P, or backorders order set SO-000001 --priority 1"),
                      "as old as it is, it would go before SO-000005")
        app.type(.escape, .enter, .char("y"))
        guard case .text(let detailTitle, let all, _)? = app.state.overlay else { return XCTFail("no explanation: \(app.screen)") }
        XCTAssertEqual(detailTitle, "Why these dates: SO-000001")
        XCTAssertEqual(all.filter { $0.hasPrefix("SO-000001 line ") }.count, 2, "both waiting lines of the order")
    }

    func testWhyOnAnOrderWithNothingWaitingSaysSo() throws {
        let app = makeApp(try makeWarehouse())
        // SO-000003's 20 of SKU-3003 were all allocated from stock: the refusal goes to the message line.
        app.type(.end, .char("y"))
        XCTAssertNil(app.state.overlay)
        XCTAssertEqual(app.state.message?.text, "SO-000003 has no backordered line: no promised date to explain")
    }

    func testWhyOverlayScreens() throws {
        for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
            let app = makeApp(try makeQueueWarehouse(), width: width, height: height)
            app.type(.char("2"), .char("y"))
            assertSnapshot(of: app.render(), named: "why-line-\(sizeName)")
            app.type(.pageDown)
            assertSnapshot(of: app.render(), named: "why-line-scrolled-\(sizeName)")
        }
    }

    // MARK: purchasing: reducer

    func testSpaceMarksAndMovesOnAndPAsksEachMarkedItemInTurn() {
        var s = shortageState([shortageRow("A", suggested: 20, supplier: "Acme", lead: 14), shortageRow("B", suggested: 6),
                               shortageRow("C", suggested: 0, supplier: "Cee", lead: 2)])
        XCTAssertEqual(Reducer.reduce(&s, .key(.char(" "))), [])
        XCTAssertEqual(s.reports.marked, ["A"])
        XCTAssertEqual(s.reports.selected, 1, "the next row, to mark a run with one key each")
        _ = Reducer.reduce(&s, .key(.char(" ")))
        _ = Reducer.reduce(&s, .key(.char(" ")))
        XCTAssertEqual(s.reports.marked, ["A", "B", "C"])
        XCTAssertEqual(s.message?.text, "3 items marked · P purchases them")
        _ = Reducer.reduce(&s, .key(.char(" ")))
        XCTAssertEqual(s.reports.marked, ["A", "B"], "Space again unmarks")
        _ = Reducer.reduce(&s, .key(.char(" ")))

        XCTAssertEqual(Reducer.reduce(&s, .key(.char("P"))), [])
        guard case .purchaseQuantity(let first)? = step(s) else { return XCTFail("no quantity step") }
        XCTAssertEqual(first.rows.map(\.sku), ["A", "B", "C"], "in the report's order")
        XCTAssertEqual(fieldText(s), "20", "the suggestion, prefilled")
        XCTAssertEqual(answer(&s, "25"), [])
        // B has neither supplier nor lead time: both are asked.
        XCTAssertEqual(fieldText(s), "6")
        XCTAssertEqual(answer(&s, "x"), [])
        guard case .dialog(let bad)? = s.overlay, case .purchaseQuantity = bad.step else { return XCTFail("a bad quantity stays") }
        XCTAssertEqual(bad.message, "quantity of B \"x\" is not a whole number")
        XCTAssertEqual(answer(&s, "0"), [])
        XCTAssertEqual((s.overlay.flatMap { if case .dialog(let d) = $0 { return d.message } else { return nil } }),
                       "quantity of B must be a positive whole number, not 0")
        _ = answer(&s, "6")
        guard case .purchaseSupplier? = step(s) else { return XCTFail("no supplier step for an item without one") }
        XCTAssertEqual(answer(&s, " "), [])
        guard case .purchaseSupplier? = step(s) else { return XCTFail("an empty supplier stays") }
        _ = answer(&s, "Bee AB")
        guard case .purchaseETA? = step(s) else { return XCTFail("no ETA step for an item without a lead time") }
        _ = answer(&s, "soon")
        guard case .purchaseETA? = step(s) else { return XCTFail("a bad day stays") }
        _ = answer(&s, "+10")
        // C suggests nothing (covered): the quantity is typed.
        XCTAssertEqual(fieldText(s), "")
        _ = answer(&s, "4")
        guard case .purchaseConfirm(let plan)? = step(s) else { return XCTFail("no confirmation") }
        XCTAssertEqual(plan.lines, [PlannedPurchase(sku: "A", quantity: 25, supplier: "Acme", eta: fixedToday.adding(days: 14)),
                                    PlannedPurchase(sku: "B", quantity: 6, supplier: "Bee AB", eta: fixedToday.adding(days: 10)),
                                    PlannedPurchase(sku: "C", quantity: 4, supplier: "Cee", eta: fixedToday.adding(days: 2))])
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.purchase(PurchaseRequest(lines: [
            PurchaseLine(sku: "A", quantity: 25, supplier: "Acme", eta: fixedToday.adding(days: 14)),
            PurchaseLine(sku: "B", quantity: 6, supplier: "Bee AB", eta: fixedToday.adding(days: 10)),
            PurchaseLine(sku: "C", quantity: 4, supplier: "Cee", eta: fixedToday.adding(days: 2))])))])
    }

    func testPWithoutMarksBuysTheSelectedItemAndElsewhereSaysWhere() {
        var s = shortageState([shortageRow("A", suggested: 20, supplier: "Acme", lead: 14), shortageRow("B", suggested: 6)])
        _ = Reducer.reduce(&s, .key(.down))
        _ = Reducer.reduce(&s, .key(.char("P")))
        guard case .purchaseQuantity(let plan)? = step(s) else { return XCTFail("no quantity step") }
        XCTAssertEqual(plan.rows.map(\.sku), ["B"])
        _ = Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.text, "Cancelled: nothing was changed")

        _ = Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("P"))), [])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.text, "P purchases from the shortage report (Tab to it)")
        _ = Reducer.reduce(&s, .key(.char(" ")))
        XCTAssertEqual(s.reports.marked, [])

        var empty = shortageState([])
        _ = Reducer.reduce(&empty, .key(.char("P")))
        XCTAssertNil(empty.overlay)
        XCTAssertEqual(empty.message?.text, "No item is short: nothing to purchase")
    }

    func testPurchaseIsDisabledReadOnlyButMarkingIsNot() {
        var s = shortageState([shortageRow("A", suggested: 20, supplier: "Acme", lead: 14)], readOnly: true)
        _ = Reducer.reduce(&s, .key(.char(" ")))
        XCTAssertEqual(s.reports.marked, ["A"])
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("P"))), [])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.text, "Read-only: purchase is disabled (the file was opened with --read-only)")
    }

    func testASuccessfulPurchaseClearsTheMarksAndReloads() {
        var s = shortageState([shortageRow("A", suggested: 20, supplier: "Acme", lead: 14)])
        _ = Reducer.reduce(&s, .key(.char(" ")))
        let result = PurchaseResult(summary: "1 line(s) on PO-000001 (Acme)", arrivals: [
            Arrival(id: 1, supplier: "Acme", poNumber: "PO-000001", poLine: 1, sku: "A", quantity: 20, received: 0,
                    eta: fixedToday.adding(days: 14), closedAt: nil)], consequences: Consequences(), preview: false)
        XCTAssertEqual(Reducer.reduce(&s, .operationSucceeded(.purchased(result))), [.pollRevision])
        XCTAssertEqual(s.reports.marked, [])
        guard case .result(let title, let lines)? = step(s) else { return XCTFail("no result") }
        XCTAssertEqual(title, "Purchased")
        XCTAssertEqual(lines, ["PO-000001 to Acme:", "• line 1: 20 × A, ETA 2026-03-16",
                               "No promised date moves: no waiting line was short of these units."])
        XCTAssertEqual(s.message?.text, "Purchase: 1 line(s) on PO-000001 (Acme)")
    }

    // MARK: purchasing: on a real warehouse

    func testPurchaseByKeysCreatesTheArrivalsAndTheDatesFollow() throws {
        let w = try makePurchaseWarehouse()
        XCTAssertNil(try w.orderDetail("SO-000005", today: fixedToday).lines[0].promised)
        let app = makeApp(w)
        app.type(.char("R"), .tab)
        guard case .shortage(let rows)? = app.state.reports.data else { return XCTFail("shortage not loaded") }
        XCTAssertEqual(rows.map { "\($0.sku) \($0.uncovered) \($0.suggestedPurchase)" }, ["SKU-1001 12 15", "SKU-2002 3 3"])
        app.type(.char(" "), .char(" "), .char("P"), .enter)
        app.type(text: "Acme Supply")
        app.type(.enter)
        app.type(text: "+9")
        app.type(.enter, .enter)
        guard case .purchaseConfirm? = app.dialog?.step else { return XCTFail("no confirmation: \(app.screen)") }
        app.type(.enter)
        guard case .result(let title, let lines)? = app.dialog?.step else { return XCTFail("no result: \(app.screen)") }
        XCTAssertEqual(title, "Purchased", lines.joined(separator: "\n"))
        XCTAssertEqual(Array(lines.prefix(4)), ["PO-7003 to Acme Supply:", "• line 1: 15 × SKU-1001, ETA 2026-03-11",
                                               "PO-7004 to Far East Ltd:", "• line 1: 3 × SKU-2002, ETA 2026-03-23"])
        XCTAssertTrue(lines.contains("• SO-000005/1 SKU-1001: no arrival planned → 2026-03-11"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("• SO-000001/2 SKU-2002: no arrival planned → 2026-03-23"), lines.joined(separator: "\n"))
        XCTAssertEqual(try w.orderDetail("SO-000005", today: fixedToday).lines[0].promised, fixedToday.adding(days: 9))
        XCTAssertEqual(try w.arrival("PO-7004/1").0.supplier, "Far East Ltd")
        app.type(.enter)
        guard case .shortage(let after)? = app.state.reports.data else { return XCTFail("shortage not reloaded") }
        XCTAssertEqual(after.map(\.uncovered), [0, 0], "both now covered")
        XCTAssertEqual(app.state.reports.marked, [])
        XCTAssertEqual(try w.check(quick: false), [])
    }

    func testReadOnlyPurchaseChangesNothing() throws {
        let w = try makePurchaseWarehouse()
        let before = try w.revision()
        let app = makeApp(ReadOnlyService(base: w))
        app.type(.char("R"), .tab, .char(" "), .char("P"), .enter, .enter)
        XCTAssertNil(app.dialog)
        XCTAssertEqual(try w.revision(), before)
    }

    // MARK: an item's supplier and lead time

    func testSAsksTheSupplierThenTheLeadTimeWithTheCurrentOnesFilledIn() {
        var s = shortageState([shortageRow("A", suggested: 20, supplier: "Acme", lead: 14)])
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("S"))), [])
        guard case .supplierName? = step(s) else { return XCTFail("no supplier step") }
        XCTAssertEqual(fieldText(s), "Acme")
        XCTAssertEqual(answer(&s, "Acme AB"), [])
        guard case .supplierLeadTime(let draft)? = step(s) else { return XCTFail("no lead time step") }
        XCTAssertEqual(draft.supplier, "Acme AB")
        XCTAssertEqual(fieldText(s), "14")
        XCTAssertEqual(answer(&s, "9999"), [])
        XCTAssertEqual((s.overlay.flatMap { if case .dialog(let d) = $0 { return d.message } else { return nil } }),
                       "lead time must be 0 to 3650 days, not 9999")
        XCTAssertEqual(answer(&s, ""), [.perform(.setPurchasing(sku: "A", supplier: "Acme AB", leadTimeDays: nil))], "empty: no lead time")
        XCTAssertEqual(Reducer.reduce(&s, .operationSucceeded(.itemChanged(sku: "A", changed: ["supplier", "lead time"]))), [.pollRevision])
        XCTAssertNil(s.overlay, "the message line says it; no dialog to dismiss")
        XCTAssertEqual(s.message?.text, "A: supplier and lead time set")

        var readOnly = shortageState([shortageRow("A", suggested: 20)], readOnly: true)
        XCTAssertEqual(Reducer.reduce(&readOnly, .key(.char("S"))), [])
        XCTAssertNil(readOnly.overlay)
        XCTAssertEqual(readOnly.message?.text, "Read-only: supplier is disabled (the file was opened with --read-only)")
    }

    func testSupplierSetFromTheStockPaneIsWhatThePurchaseUses() throws {
        let w = try makePurchaseWarehouse()
        let app = makeApp(w)
        app.type(.char("1"), .char("S"))
        XCTAssertNil(app.dialog, "an order has no supplier")
        XCTAssertEqual(app.state.message?.kind, .warning)
        app.type(.char("4"), .char("S"))
        guard case .supplierName? = app.dialog?.step else { return XCTFail("no supplier dialog: \(app.screen)") }
        app.type(text: "Acme Supply")
        app.type(.enter)
        app.type(text: "12")
        app.type(.enter)
        XCTAssertNil(app.dialog)
        XCTAssertEqual(app.state.message?.text, "SKU-1001: supplier and lead time set")
        XCTAssertEqual(try w.item("SKU-1001").supplier, "Acme Supply")
        XCTAssertEqual(try w.item("SKU-1001").leadTimeDays, 12)
        app.type(.char("R"), .tab, .char("P"))
        guard case .purchaseQuantity? = app.dialog?.step else { return XCTFail("no purchase dialog: \(app.screen)") }
        XCTAssertTrue(app.screen.contains("From Acme Supply, ETA 2026-03-14 (12 days)."), app.screen)
        app.type(.enter)
        guard case .purchaseConfirm? = app.dialog?.step else { return XCTFail("supplier and ETA known: straight to the confirmation") }
        assertSnapshot(of: app.render(), named: "purchase-confirm-known-supplier-80x24")
    }

    func testSupplierDialogScreens() throws {
        for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
            let app = makeApp(try makePurchaseWarehouse(), width: width, height: height)
            app.type(.char("R"), .tab, .down, .char("S"))
            assertSnapshot(of: app.render(), named: "supplier-name-\(sizeName)")
            app.type(.enter)
            assertSnapshot(of: app.render(), named: "supplier-lead-time-\(sizeName)")
        }
    }

    func testPurchaseScreens() throws {
        for (sizeName, width, height) in [("80x24", 80, 24), ("40x12", 40, 12)] {
            let app = makeApp(try makePurchaseWarehouse(), width: width, height: height)
            app.type(.char("R"), .tab, .char(" "), .char(" "))
            assertSnapshot(of: app.render(), named: "purchase-marked-\(sizeName)")
            app.type(.char("P"))
            assertSnapshot(of: app.render(), named: "purchase-quantity-\(sizeName)")
            app.type(.enter)
            assertSnapshot(of: app.render(), named: "purchase-supplier-\(sizeName)")
            app.type(text: "Acme Supply")
            app.type(.enter)
            app.type(text: "+9")
            app.type(.enter, .enter)
            assertSnapshot(of: app.render(), named: "purchase-confirm-\(sizeName)")
            app.type(.enter)
            assertSnapshot(of: app.render(), named: "purchase-result-\(sizeName)")
        }
    }
}
