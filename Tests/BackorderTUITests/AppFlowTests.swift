import BackorderCore
import BackorderStore
import BackorderTUI
import TerminalKit
import XCTest

/// The runtime against a real (in-memory) warehouse: keys in, effects performed, the file changed only as confirmed.
final class AppFlowTests: XCTestCase {
    /// The wholesaler flow by keys: order of 100 with 70 on hand; pick, ship 70; receive 30; pick, ship; the order is gone.
    func testWholesalerFlowByKeys() throws {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "SKU-1", name: "Widget", onHand: 70), ctx: fixedContext(-3))
        try w.addCustomer(Customer(code: "C1", name: "Nordic Tools AS"))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [NewOrderLine(sku: "SKU-1", quantity: 100)]), ctx: fixedContext(-2))
        try w.addArrival(NewArrival(supplier: "Acme", poNumber: "PO-1", sku: "SKU-1", quantity: 30, eta: fixedToday.adding(days: 3)),
                         ctx: fixedContext(-2))
        let app = makeApp(w)
        app.type(.char("p"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("Picked 70 units on SO-1"), app.screen)
        app.type(.enter, .char("s"))
        XCTAssertTrue(app.screen.contains("30 backordered"), app.screen)
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("Shipment SH-000001"), app.screen)
        app.type(.enter, .char("3"), .char("r"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("30 → SO-1 line 1 (line filled)"), app.screen)
        app.type(.enter, .char("1"), .char("p"), .enter, .enter, .enter, .char("s"), .enter)
        XCTAssertTrue(app.screen.contains("complete and closed"), app.screen)
        app.type(.enter)
        XCTAssertEqual(app.state[pane: .orders].total, 0)
        XCTAssertTrue(app.screen.contains("No open orders"), app.screen)
        let detail = try w.orderDetail("SO-1", today: fixedToday)
        XCTAssertFalse(detail.order.isOpen)
        XCTAssertEqual(detail.shipments.map { $0.lines.map(\.quantity) }, [[70], [30]])
        XCTAssertEqual(try w.check(quick: false), [])
    }

    /// The receipt dialog proposes what the arrival still brings; typing a number replaces it (12, not 3012).
    func testATypedQuantityReplacesTheProposedOne() throws {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "SKU-1", name: "Widget", onHand: 0), ctx: fixedContext(-3))
        try w.addCustomer(Customer(code: "C1", name: "Nordic Tools AS"))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [NewOrderLine(sku: "SKU-1", quantity: 100)]), ctx: fixedContext(-2))
        try w.addArrival(NewArrival(supplier: "Acme", poNumber: "PO-1", sku: "SKU-1", quantity: 30, eta: fixedToday.adding(days: 3)),
                         ctx: fixedContext(-2))
        let app = makeApp(w)
        app.type(.char("3"), .char("r"))
        XCTAssertEqual(app.dialog?.field.text, "30", app.screen)
        app.type(.char("1"), .char("2"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("12 → SO-1 line 1"), app.screen)
        XCTAssertEqual(try w.orderDetail("SO-1", today: fixedToday).lines[0].line.quantities.allocated, 12)
    }

    /// Two clerks on one file: B's screen refreshes on the poll, and B's ship built on the old screen is refused as stale.
    func testSecondClerkRefreshesAndCannotShipTheSameUnitsTwice() throws {
        let w = try makeWarehouse()
        try w.pick(order: "SO-000001", entries: nil, ctx: fixedContext())
        let a = makeApp(w)
        let b = makeApp(w)
        b.type(.char("s"))
        XCTAssertTrue(b.screen.contains("Ships now"), b.screen)
        a.type(.char("s"), .enter)
        XCTAssertTrue(a.screen.contains("Shipment SH-000001"))
        b.type(.enter)
        XCTAssertNil(b.dialog, "a stale dialog closes")
        XCTAssertTrue(b.screen.contains("changed by someone else"), b.screen)
        XCTAssertEqual(b.state[pane: .orders].total, 3)
        b.type(.char("s"))
        XCTAssertNil(b.dialog)
        XCTAssertTrue(b.screen.contains("Nothing is picked on SO-000001"), b.screen)
        XCTAssertEqual(try w.orderDetail("SO-000001", today: fixedToday).shipments.count, 1)
    }

    func testAChangeByAnotherProcessShowsOnTheNextTickWithoutAKey() throws {
        let w = try makeWarehouse()
        let app = makeApp(w)
        XCTAssertTrue(app.screen.contains("108    75      0"), app.screen)
        let seen = app.state.revision
        try w.pick(order: "SO-000001", entries: nil, ctx: fixedContext(actor: "other"))
        XCTAssertNotEqual(try w.revision(), seen)
        app.send(.tick(today: fixedToday))
        XCTAssertEqual(app.state.revision, try w.revision())
        XCTAssertTrue(app.screen.contains("108     0     75"), app.screen)
    }

    func testReadOnlyChangesNothing() throws {
        let w = try makeWarehouse()
        let before = try w.revision()
        let app = makeApp(ReadOnlyService(base: w))
        app.type(.char("p"), .enter, .enter, .char("s"), .enter, .char("3"), .char("r"), .enter, .enter, .char("a"))
        XCTAssertNil(app.dialog)
        XCTAssertEqual(try w.revision(), before)
        XCTAssertTrue(app.screen.contains("READ-ONLY"))
    }

    func testUnplannedReceiptByTypedSKUAndUnknownNames() throws {
        let w = try makeWarehouse()
        let app = makeApp(w)
        app.type(.char("r"))
        app.type(text: "NOPE-1")
        app.type(.enter)
        XCTAssertTrue(app.dialog?.message?.contains("no expected arrival and no SKU") ?? false, app.screen)
        app.type(.ctrl("u"))
        app.type(text: "SKU-2002")
        app.type(.enter)
        app.type(text: "3")
        app.type(.enter, .enter)
        XCTAssertTrue(app.screen.contains("(unplanned)"), app.screen)
        XCTAssertEqual(try w.item("SKU-2002").onHand, 8)
    }

    /// The order desk: a customer found by part of its name (æøå folded), an item by part of its name, ↓ to the second
    /// match; the preview's promise is what the placed order gets.
    func testANewOrderTakenAtTheTerminalIsPlacedAsPreviewed() throws {
        let w = try makeWarehouse()
        try w.addCustomer(Customer(code: "AAL", name: "Ålesund kommune"))
        let app = makeApp(w)
        app.type(.char("N"))
        app.type(text: "ålesund")
        XCTAssertTrue(app.screen.contains("▸ AAL Ålesund kommune"), app.screen)
        app.type(.enter)
        app.type(text: "SKU-")
        app.type(.down, .enter)
        app.type(text: "10")
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("Next item"), app.screen)
        app.type(.enter, .ctrl("u"), .char("2"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("Confirm new order"), app.screen)
        let promise = app.screen.contains("10 on backorder")
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("Order placed"), app.screen)
        let placed = try w.openOrders(Page(limit: 50)).first { $0.customerCode == "AAL" }
        XCTAssertEqual(placed?.priority, 2)
        XCTAssertEqual(placed?.ordered, 10)
        XCTAssertEqual(placed.map { $0.backordered == 10 }, promise, "the preview said what the order got")
        XCTAssertEqual(try w.check(), [])
    }

    /// P changes priority and note; the order shown in full keeps both in its history, and the queue moved at once.
    func testAPriorityChangeShowsInTheOrdersHistory() throws {
        let w = try makeWarehouse()
        let app = makeApp(w)
        app.type(.char("P"), .ctrl("u"), .char("1"), .enter, .enter)
        app.type(text: "ref 4711")
        app.type(.enter)
        app.type(text: "customer called")
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("Confirm: change order"), app.screen)
        app.type(.enter, .enter, .enter)
        XCTAssertTrue(app.screen.contains("changed priority 5 → 1"), app.screen)
        XCTAssertTrue(app.screen.contains("Note: ref 4711"), app.screen)
        XCTAssertEqual(try w.orderDetail("SO-000001", today: fixedToday).order.priority, 1)
    }

    /// Nothing typed matches: the dialog says so and nothing is created.
    func testANewOrderNeedsAKnownCustomerAndALine() throws {
        let w = try makeWarehouse()
        let app = makeApp(w)
        let before = try w.counts(today: fixedToday).openOrders
        app.type(.char("N"))
        app.type(text: "zzz")
        app.type(.enter)
        XCTAssertTrue(app.dialog?.message?.contains("no customer matches") ?? false, app.screen)
        app.type(.ctrl("u"), .enter, .ctrl("u"), .enter)
        XCTAssertTrue(app.dialog?.message?.contains("at least one line") ?? false, app.screen)
        app.type(.escape)
        XCTAssertEqual(try w.counts(today: fixedToday).openOrders, before)
    }

    func testCancelEditETAAndAddArrivalWriteWhatTheDialogsSaid() throws {
        let w = try makeWarehouse()
        let app = makeApp(w)
        app.type(.char("2"), .char("x"), .enter, .ctrl("u"), .char("b"), .enter)
        app.type(text: "customer gave up")
        app.type(.enter)
        XCTAssertTrue(app.screen.contains("backordered 30 → 0"), app.screen)
        app.type(.enter, .enter)
        XCTAssertEqual(try w.orderDetail("SO-000001", today: fixedToday).lines[0].line.quantities.cancelled, 30)
        app.type(.char("3"), .char("e"), .ctrl("u"))
        app.type(text: "2026-03-09")
        app.type(.enter)
        app.type(text: "late ship")
        app.type(.enter, .enter)
        XCTAssertEqual(try w.arrival("PO-7002/1").1.map(\.reason), ["late ship"])
        app.type(.enter, .char("a"))
        for answer in ["Acme", "PO-8000", "1", "SKU-3003", "50", "+10"] {
            app.type(.ctrl("u"))
            app.type(text: answer)
            app.type(.enter)
        }
        app.type(.enter)
        XCTAssertEqual(try w.arrival("PO-8000/1").0.eta, fixedToday.adding(days: 10))
    }

    func testScrollingFetchesOnlyTheShownWindow() throws {
        let counting = CountingService(base: try makeWarehouse(extraOrders: 200))
        let app = makeApp(counting)
        XCTAssertEqual(counting.largestPage, 19)
        app.type(.end)
        XCTAssertEqual(app.state.focused.selected, 202)
        XCTAssertEqual(counting.largestPage, 19)
        XCTAssertTrue(app.screen.contains("203/203"))
    }

    /// Keys typed ahead of a slow query are applied together: one query for the state after the last of them.
    func testTypedAheadFilterKeysCostOneQuery() throws {
        let counting = CountingService(base: try makeWarehouse())
        let app = makeApp(counting)
        counting.orderQueries = 0
        app.sendBatch([.key(.char("/")), .key(.char("B")), .key(.char("y")), .key(.char("g"))])
        XCTAssertEqual(counting.orderQueries, 1)
        XCTAssertEqual(app.state.focused.filter, "Byg")
        XCTAssertEqual(app.state.focused.total, 2)
        XCTAssertTrue(app.screen.contains("SO-000002"))
        XCTAssertFalse(app.screen.contains("SO-000001"))
    }

    /// "2jx" typed in one burst: the pane switch's load is deferred, but x acts on the row j selected, not on nothing.
    func testAnActionTypedAheadOfAPaneLoadActsOnTheSelectedRow() throws {
        let app = makeApp(try makeWarehouse())
        app.sendBatch([.key(.char("2")), .key(.char("j")), .key(.char("x"))])
        XCTAssertTrue(app.screen.contains("Cancel — SO-000001"), app.screen)
        XCTAssertEqual(app.dialog?.field.text, "2", "the second backorder line is SO-000001 line 2")
    }
}

/// Forwards to a warehouse and records the largest page asked for.
final class CountingService: ForwardingExceptions, @unchecked Sendable {
    var refusesWrites: Bool { false }
    let base: Warehouse
    var largestPage = 0
    var orderQueries = 0
    init(base: Warehouse) { self.base = base }
    var location: String { base.location }
    var isReadOnly: Bool { false }
    func note(_ p: Page) { largestPage = max(largestPage, p.limit) }
    func revision() throws -> Int { try base.revision() }
    func counts(today: Day) throws -> Counts { try base.counts(today: today) }
    func rowCount(_ list: ListKind, filter: String, sku: String?, customer: String?) throws -> Int {
        try base.rowCount(list, filter: filter, sku: sku, customer: customer)
    }
    func openOrders(_ page: Page) throws -> [OpenOrderRow] { note(page); orderQueries += 1; return try base.openOrders(page) }
    func backorderLines(_ page: Page, sku: String?, customer: String?, today: Day) throws -> [BackorderRow] {
        note(page)
        return try base.backorderLines(page, sku: sku, customer: customer, today: today)
    }
    func openArrivals(_ page: Page, sku: String?, today: Day) throws -> [ArrivalRow] { note(page); return try base.openArrivals(page, sku: sku, today: today) }
    func stock(_ page: Page, onlyShort: Bool, sku: String?) throws -> [Item] { note(page); return try base.stock(page, onlyShort: onlyShort, sku: sku) }
    func item(_ sku: String) throws -> Item { try base.item(sku) }
    func orderDetail(_ number: String, today: Day) throws -> OrderDetail { try base.orderDetail(number, today: today) }
    func arrival(_ reference: String) throws -> (Arrival, [ETAChange]) { try base.arrival(reference) }
    func pick(order: String, entries: [PickEntry]?, expectedVersion: Int?, ctx: Context) throws -> PickResult {
        try base.pick(order: order, entries: entries, expectedVersion: expectedVersion, ctx: ctx)
    }
    func ship(order: String, override: Bool, expectedVersion: Int?, ctx: Context) throws -> Shipment {
        try base.ship(order: order, override: override, expectedVersion: expectedVersion, ctx: ctx)
    }
    func receive(arrival: String?, sku: String?, quantity: Int, note: String, ctx: Context) throws -> ReceiptResult {
        try base.receive(arrival: arrival, sku: sku, quantity: quantity, note: note, ctx: ctx)
    }
    func addArrival(_ a: NewArrival, ctx: Context) throws -> Arrival { try base.addArrival(a, ctx: ctx) }
    func changeETA(arrival: String, to eta: Day, reason: String, ctx: Context) throws { try base.changeETA(arrival: arrival, to: eta, reason: reason, ctx: ctx) }
    func notices(includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice] {
        try base.notices(includeSent: includeSent, order: order, offset: offset, limit: limit, today: today)
    }
    func noticeCount(includeSent: Bool, order: String?) throws -> Int { try base.noticeCount(includeSent: includeSent, order: order) }
    func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] { try base.markNoticesSent(order: order, ctx: ctx) }
}

/// The reports pass straight through: the counting service counts list pages only.
extension CountingService: ReportService {
    func agingReport(today: Day) throws -> [AgingRow] { try base.agingReport(today: today) }
    func backorderLines(in bucket: AgeBucket, _ page: Page, today: Day) throws -> [BackorderRow] {
        note(page)
        return try base.backorderLines(in: bucket, page, today: today)
    }
    func shortageReport(today: Day) throws -> [ShortageRow] { try base.shortageReport(today: today) }
    func lateArrivalsReport(today: Day) throws -> LateArrivalsReport { try base.lateArrivalsReport(today: today) }
    func serviceLevelReport(from: Day, to: Day) throws -> ServiceLevelReport { try base.serviceLevelReport(from: from, to: to) }
    func backlogReport(today: Day) throws -> [BacklogRow] { try base.backlogReport(today: today) }
}
