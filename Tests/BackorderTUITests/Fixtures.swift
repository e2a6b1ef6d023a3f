import BackorderCore
import BackorderStore
import BackorderTUI
import TerminalKit
import XCTest

/// The fixed day every test warehouse lives on, so ages, lateness and snapshots never change.
let fixedToday = Day(iso: "2026-03-02")!
let fixedNow = Timestamp(unixTime: Int64(fixedToday.ordinal) * 86_400 + 9 * 3600)

/// A context `offset` days from the fixed day, as `actor`.
func fixedContext(_ offset: Int = 0, actor: String = "clerk") -> Context {
    let day = fixedToday.adding(days: offset)
    return Context(actor: actor, now: Timestamp(unixTime: Int64(day.ordinal) * 86_400 + 9 * 3600), today: day)
}

let fixedClock = Clock { (fixedNow, fixedToday) }

/// A session at 80×24 that has seen the file's revision, before any pane is loaded.
func freshState(readOnly: Bool = false) -> AppState {
    var s = AppState(location: "/data/w.sqlite", actor: "clerk", readOnly: readOnly, today: fixedToday)
    _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 24)))
    _ = Reducer.reduce(&s, .revisionChecked(1))
    return s
}

/// A pending notice of one backordered order.
func pendingNotice(_ order: String) -> Notice {
    Notice(id: 1, orderNumber: order, customerCode: "C1", customerName: "Customer", events: [.backordered],
           createdAt: fixedNow, updatedAt: fixedNow, sentAt: nil, sentBy: nil, text: "Part of your order is on backorder.")
}

/// A small deterministic warehouse: three items (one with non-ASCII text, one with a control character),
/// two customers, three orders (one ship-complete) and two arrivals (one late).
func makeWarehouse(extraOrders: Int = 0) throws -> Warehouse {
    let w = try Warehouse.inMemory()
    try w.addItem(Item(sku: "SKU-1001", name: "Widget æøå", bin: "A-01", onHand: 70), ctx: fixedContext(-30))
    try w.addItem(Item(sku: "SKU-2002", name: "Gadget 漢字", bin: "B-02", onHand: 5), ctx: fixedContext(-30))
    try w.addItem(Item(sku: "SKU-3003", name: "Bolt \u{1B}[31mM8", bin: "C-03", onHand: 200), ctx: fixedContext(-30))
    try w.addCustomer(Customer(code: "C001", name: "Nordic Tools AS"), ctx: fixedContext(-30))
    try w.addCustomer(Customer(code: "C002", name: "Bygg & Co"), ctx: fixedContext(-30))
    _ = try w.createOrder(NewOrder(number: "SO-000001", customer: "C001", lines: [
        NewOrderLine(sku: "SKU-1001", quantity: 100), NewOrderLine(sku: "SKU-2002", quantity: 8)]), ctx: fixedContext(-10))
    _ = try w.createOrder(NewOrder(number: "SO-000002", customer: "C002", priority: 3, policy: .complete, lines: [
        NewOrderLine(sku: "SKU-3003", quantity: 10), NewOrderLine(sku: "SKU-2002", quantity: 4)]), ctx: fixedContext(-5))
    _ = try w.createOrder(NewOrder(number: "SO-000003", customer: "C002", lines: [
        NewOrderLine(sku: "SKU-3003", quantity: 20)]), ctx: fixedContext(-1))
    try w.addArrival(NewArrival(supplier: "Acme Supply", poNumber: "PO-7001", sku: "SKU-1001", quantity: 30,
                                eta: fixedToday.adding(days: 5)), ctx: fixedContext(-8))
    try w.addArrival(NewArrival(supplier: "Far East Ltd", poNumber: "PO-7002", sku: "SKU-2002", quantity: 10,
                                eta: fixedToday.adding(days: -2)), ctx: fixedContext(-8))
    for i in 0..<extraOrders {
        _ = try w.createOrder(NewOrder(number: String(format: "SO-1%05d", i), customer: i % 2 == 0 ? "C001" : "C002",
                                       lines: [NewOrderLine(sku: "SKU-3003", quantity: 1)]), ctx: fixedContext(-1))
    }
    return w
}

/// The small warehouse plus an item whose SKU starts with SKU-1001 (SKU-10010), with an arrival and a waiting line.
func makeLookalikeWarehouse() throws -> Warehouse {
    let w = try makeWarehouse()
    try w.addItem(Item(sku: "SKU-10010", name: "Widget XL", bin: "A-02", onHand: 0), ctx: fixedContext(-30))
    try w.addArrival(NewArrival(supplier: "Acme Supply", poNumber: "PO-7003", sku: "SKU-10010", quantity: 12,
                                eta: fixedToday.adding(days: 3)), ctx: fixedContext(-8))
    _ = try w.createOrder(NewOrder(number: "SO-000004", customer: "C001", lines: [NewOrderLine(sku: "SKU-10010", quantity: 2)]),
                          ctx: fixedContext(-2))
    return w
}

/// The look-alike warehouse plus a newer, more urgent order for SKU-1001 (SO-000005, priority 1): receipts serve it
/// before the older SO-000001, so the SKU's serving order differs from the list's oldest-first order.
func makeQueueWarehouse() throws -> Warehouse {
    let w = try makeLookalikeWarehouse()
    _ = try w.createOrder(NewOrder(number: "SO-000005", customer: "C002", priority: 1, lines: [NewOrderLine(sku: "SKU-1001", quantity: 5)]),
                          ctx: fixedContext(-1))
    return w
}

/// An app on `service` at a terminal size, started (first load done).
func makeApp(_ service: any BackorderService, width: Int = 80, height: Int = 24) -> BackorderApp {
    let app = BackorderApp(service: service, actor: "clerk", clock: fixedClock)
    app.send(.resized(Size(width: width, height: height)))
    app.send(.started)
    return app
}

extension BackorderApp {
    /// Sends keys as a clerk types them: each character a key, with named keys in between.
    func type(_ keys: Key...) { for k in keys { send(.key(k)) } }
    func type(text: String) { for c in text { send(.key(.char(c))) } }

    /// The open dialog, if any.
    var dialog: DialogState? {
        if case .dialog(let d) = state.overlay { return d }
        return nil
    }
    /// The screen as text.
    var screen: String { render().text }
}

/// A test service that hands the exceptions to a real warehouse, or refuses them as a read-only file does.
protocol ForwardingExceptions: WarehouseService {
    var base: Warehouse { get }
    var refusesWrites: Bool { get }
}

extension ForwardingExceptions {
    private func writable() throws -> Warehouse {
        if refusesWrites { throw BackorderError.refused("read-only") }
        return base
    }
    func createOrder(_ new: NewOrder, ctx: Context) throws -> OrderDetail { try writable().createOrder(new, ctx: ctx) }
    func previewETAChange(arrival: String, to eta: Day, reason: String, ctx: Context) throws -> CorrectionResult {
        try writable().previewETAChange(arrival: arrival, to: eta, reason: reason, ctx: ctx)
    }
    func previewReceipt(arrival: String?, sku: String?, quantity: Int, ctx: Context) throws -> CorrectionResult {
        try writable().previewReceipt(arrival: arrival, sku: sku, quantity: quantity, ctx: ctx)
    }
    func previewOrder(_ new: NewOrder, ctx: Context) throws -> OrderPreview { try writable().previewOrder(new, ctx: ctx) }
    func searchCustomers(_ text: String, limit: Int) throws -> [Customer] { try base.searchCustomers(text, limit: limit) }
    func customers() throws -> [Customer] { try base.customers() }
    func journal(sku: String?, limit: Int) throws -> [Movement] { try base.journal(sku: sku, limit: limit) }
    func searchItems(_ text: String, limit: Int) throws -> [Item] { try base.searchItems(text, limit: limit) }
    func cancel(order: String, lineNo: Int?, scope: CancelScope, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().cancel(order: order, lineNo: lineNo, scope: scope, reason: reason, expectedVersion: expectedVersion, preview: preview, ctx: ctx)
    }
    func putBack(order: String, entries: [PutBackEntry]?, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().putBack(order: order, entries: entries, reason: reason, expectedVersion: expectedVersion, preview: preview, ctx: ctx)
    }
    func changeOrder(_ number: String, _ changes: OrderChanges, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().changeOrder(number, changes, reason: reason, expectedVersion: expectedVersion, preview: preview, ctx: ctx)
    }
    func donorCandidates(sku: String, excludingOrder: String?) throws -> [DonorCandidate] {
        try base.donorCandidates(sku: sku, excludingOrder: excludingOrder)
    }
    func reallocate(to number: String, lineNo: Int, from donors: [DonorLine]?, quantity: Int?, reason: String, expectedVersion: Int?,
                    preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().reallocate(to: number, lineNo: lineNo, from: donors, quantity: quantity, reason: reason, expectedVersion: expectedVersion,
                                  preview: preview, ctx: ctx)
    }
    func expedite(_ number: String, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().expedite(number, reason: reason, expectedVersion: expectedVersion, preview: preview, ctx: ctx)
    }
    func amendLine(order: String, lineNo: Int, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().amendLine(order: order, lineNo: lineNo, quantity: quantity, reason: reason, expectedVersion: expectedVersion, preview: preview, ctx: ctx)
    }
    func addLine(order: String, sku: String, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().addLine(order: order, sku: sku, quantity: quantity, reason: reason, expectedVersion: expectedVersion, preview: preview, ctx: ctx)
    }
    func reverseReceipt(_ number: String, reason: String, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().reverseReceipt(number, reason: reason, preview: preview, ctx: ctx)
    }
    func returnUnits(order: String, lineNo: Int, quantity: Int, restock: Bool, reason: String, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try writable().returnUnits(order: order, lineNo: lineNo, quantity: quantity, restock: restock, reason: reason, preview: preview, ctx: ctx)
    }
    func purchase(_ request: PurchaseRequest, preview: Bool, ctx: Context) throws -> PurchaseResult {
        try writable().purchase(request, preview: preview, ctx: ctx)
    }
    func changeItem(_ sku: String, _ changes: ItemChanges) throws -> [String] { try writable().changeItem(sku, changes) }
    func customer(_ code: String) throws -> Customer { try base.customer(code) }
    func changeCustomer(_ code: String, _ changes: CustomerChanges, ctx: Context) throws -> [String] {
        try writable().changeCustomer(code, changes, ctx: ctx)
    }
    func customerHistory(_ code: String, limit: Int) throws -> [CustomerChange] { try base.customerHistory(code, limit: limit) }
    func explainDates(order: String, lineNo: Int?, today: Day) throws -> [DateExplanation] {
        try base.explainDates(order: order, lineNo: lineNo, today: today)
    }
    func pickList(orders: [String]) throws -> PickList { try base.pickList(orders: orders) }
    func deliveryNote(shipment: String?, order: String?, today: Day) throws -> DeliveryNote {
        try base.deliveryNote(shipment: shipment, order: order, today: today)
    }
}

/// A warehouse seen through a read-only service, as `--read-only` opens it.
struct ReadOnlyService: ForwardingExceptions, ReportService {
    var refusesWrites: Bool { true }
    let base: Warehouse
    var location: String { "/data/warehouse.sqlite" }
    var isReadOnly: Bool { true }
    func revision() throws -> Int { try base.revision() }
    func counts(today: Day) throws -> Counts { try base.counts(today: today) }
    func rowCount(_ list: ListKind, filter: String, sku: String?, customer: String?) throws -> Int {
        try base.rowCount(list, filter: filter, sku: sku, customer: customer)
    }
    func openOrders(_ page: Page) throws -> [OpenOrderRow] { try base.openOrders(page) }
    func backorderLines(_ page: Page, sku: String?, customer: String?, today: Day) throws -> [BackorderRow] {
        try base.backorderLines(page, sku: sku, customer: customer, today: today)
    }
    func openArrivals(_ page: Page, sku: String?, today: Day) throws -> [ArrivalRow] { try base.openArrivals(page, sku: sku, today: today) }
    func stock(_ page: Page, onlyShort: Bool, sku: String?) throws -> [Item] { try base.stock(page, onlyShort: onlyShort, sku: sku) }
    func item(_ sku: String) throws -> Item { try base.item(sku) }
    func orderDetail(_ number: String, today: Day) throws -> OrderDetail { try base.orderDetail(number, today: today) }
    func arrival(_ reference: String) throws -> (Arrival, [ETAChange]) { try base.arrival(reference) }
    func pick(order: String, entries: [PickEntry]?, expectedVersion: Int?, ctx: Context) throws -> PickResult { throw refusal }
    func ship(order: String, override: Bool, expectedVersion: Int?, ctx: Context) throws -> Shipment { throw refusal }
    func receive(arrival: String?, sku: String?, quantity: Int, note: String, ctx: Context) throws -> ReceiptResult { throw refusal }
    func addArrival(_ a: NewArrival, ctx: Context) throws -> Arrival { throw refusal }
    func changeETA(arrival: String, to eta: Day, reason: String, ctx: Context) throws { throw refusal }
    func notices(includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice] {
        try base.notices(includeSent: includeSent, order: order, offset: offset, limit: limit, today: today)
    }
    func noticeCount(includeSent: Bool, order: String?) throws -> Int { try base.noticeCount(includeSent: includeSent, order: order) }
    func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] { throw refusal }
    var refusal: BackorderError { .refused("read-only") }
    func agingReport(today: Day) throws -> [AgingRow] { try base.agingReport(today: today) }
    func backorderLines(in bucket: AgeBucket, _ page: Page, today: Day) throws -> [BackorderRow] {
        try base.backorderLines(in: bucket, page, today: today)
    }
    func shortageReport(today: Day) throws -> [ShortageRow] { try base.shortageReport(today: today) }
    func lateArrivalsReport(today: Day) throws -> LateArrivalsReport { try base.lateArrivalsReport(today: today) }
    func serviceLevelReport(from: Day, to: Day) throws -> ServiceLevelReport { try base.serviceLevelReport(from: from, to: to) }
    func backlogReport(today: Day) throws -> [BacklogRow] { try base.backlogReport(today: today) }
}

/// The small warehouse with some history for the reports: SO-000001 picked and shipped in part three days ago,
/// the late arrival's ETA moved once, and an old order so the aging chart has a long bar.
func makeReportWarehouse() throws -> Warehouse {
    let w = try makeWarehouse()
    try w.pick(order: "SO-000001", entries: nil, ctx: fixedContext(-3))
    _ = try w.ship(order: "SO-000001", override: false, expectedVersion: nil, ctx: fixedContext(-3))
    try w.changeETA(arrival: "PO-7002/1", to: fixedToday.adding(days: -1), reason: "vessel delayed", ctx: fixedContext(-4))
    _ = try w.createOrder(NewOrder(number: "SO-000004", customer: "C001", orderDate: fixedToday.adding(days: -45), lines: [
        NewOrderLine(sku: "SKU-2002", quantity: 6)]), ctx: fixedContext(-45))
    return w
}
