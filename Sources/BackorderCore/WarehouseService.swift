/// The four open lists a clerk works from.
public enum ListKind: String, Sendable, CaseIterable, Codable {
    case orders, backorders, arrivals, stock
}

/// What a front end (the TUI) needs from the warehouse: windowed reads and the clerk's operations.
///
/// The store implements it on the SQLite file; front ends depend on this protocol only, never on the store.
/// Every write is one transaction; a write with `expectedVersion` is refused as `.stale` when the order changed since.
public protocol WarehouseService: Sendable {
    /// Where the data lives (a file path), for the status bar.
    var location: String { get }
    var isReadOnly: Bool { get }

    /// Rises with every committed change from any process; poll it to know when to reload.
    func revision() throws -> Int
    /// Who has the file open in the UI right now (live entries of the registry, this process's own marked), for the
    /// status bar and `backorders who`.
    func presence(now: Timestamp) throws -> [Presence]
    /// Refreshes this process's entry in the registry (at most every few seconds; nothing when it has none).
    func keepAlive(now: Timestamp) throws
    func counts(today: Day) throws -> Counts
    /// Stops the queries this service is running on other threads (they throw); for a connection kept for background
    /// counts, whose count a newer one has made useless.
    func interruptQueries()
    /// How many rows a list has with a filter and, for backorders, arrivals and stock, restricted to exactly one `sku`
    /// (for scroll positions and End). Open orders cannot be restricted to a SKU: that is refused as `.invalidInput`.
    /// Backorder lines can be restricted to exactly one `customer` (a code; unknown: `.notFound`), other lists cannot.
    func rowCount(_ list: ListKind, filter: String, sku: String?, customer: String?) throws -> Int

    func openOrders(_ page: Page) throws -> [OpenOrderRow]
    /// Open backorder lines; with `sku`, only that SKU's (an exact match), in the order receipts serve them; with
    /// `customer`, only the lines of that customer code (an exact match; unknown: `.notFound`). Both combine with the filter.
    func backorderLines(_ page: Page, sku: String?, customer: String?, today: Day) throws -> [BackorderRow]
    /// Open expected arrivals by ETA; with `sku`, only that SKU's (an exact match).
    func openArrivals(_ page: Page, sku: String?, today: Day) throws -> [ArrivalRow]
    /// Items by SKU; with `sku`, only that item (exactly, not every SKU that starts with it).
    func stock(_ page: Page, onlyShort: Bool, sku: String?) throws -> [Item]
    func item(_ sku: String) throws -> Item
    func orderDetail(_ number: String, today: Day) throws -> OrderDetail
    func arrival(_ reference: String) throws -> (Arrival, [ETAChange])

    func pick(order: String, entries: [PickEntry]?, expectedVersion: Int?, ctx: Context) throws -> PickResult
    func ship(order: String, override: Bool, expectedVersion: Int?, ctx: Context) throws -> Shipment
    func createOrder(_ new: NewOrder, ctx: Context) throws -> OrderDetail
    /// What each line of `new` would get if placed now (from stock, on backorder, promised date and arrival); writes nothing.
    func previewOrder(_ new: NewOrder, ctx: Context) throws -> OrderPreview
    /// One customer with its contact details (unknown code: `.notFound`).
    func customer(_ code: String) throws -> Customer
    /// Changes some of a customer's details (what `changes` leaves nil stays; "" clears the e-mail address or the
    /// contact); refused as `.invalidInput` with the reason when a value is not valid. Returns the names of the fields changed.
    /// Each changed field is journaled (`CustomerJournal`) with `ctx`'s time and actor, in the same transaction.
    func changeCustomer(_ code: String, _ changes: CustomerChanges, ctx: Context) throws -> [String]
    /// The journal of a customer's details, newest first: `limit` rows (unknown code: `.notFound`).
    func customerHistory(_ code: String, limit: Int) throws -> [CustomerChange]
    /// Every customer, by code.
    func customers() throws -> [Customer]
    /// The journal, newest movement first: `limit` movements, with `sku` only that SKU's.
    func journal(sku: String?, limit: Int) throws -> [Movement]
    /// Customers whose code or name contains the text, for type-to-search.
    func searchCustomers(_ text: String, limit: Int) throws -> [Customer]
    /// Items whose SKU or name contains the text, for type-to-search.
    func searchItems(_ text: String, limit: Int) throws -> [Item]

    // The everyday exceptions: each returns its consequences; with `preview` nothing is written (a dialog shows them).
    func cancel(order: String, lineNo: Int?, scope: CancelScope, reason: String, expectedVersion: Int?, preview: Bool,
                ctx: Context) throws -> CorrectionResult
    func putBack(order: String, entries: [PutBackEntry]?, reason: String, expectedVersion: Int?, preview: Bool,
                 ctx: Context) throws -> CorrectionResult
    func changeOrder(_ number: String, _ changes: OrderChanges, reason: String, expectedVersion: Int?, preview: Bool,
                     ctx: Context) throws -> CorrectionResult
    /// Lines of other open orders holding allocated units of `sku`, least urgent and newest first.
    func donorCandidates(sku: String, excludingOrder: String?) throws -> [DonorCandidate]
    func reallocate(to number: String, lineNo: Int, from donors: [DonorLine]?, quantity: Int?, reason: String, expectedVersion: Int?,
                    preview: Bool, ctx: Context) throws -> CorrectionResult
    func expedite(_ number: String, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult
    func amendLine(order: String, lineNo: Int, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool,
                   ctx: Context) throws -> CorrectionResult
    func addLine(order: String, sku: String, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool,
                 ctx: Context) throws -> CorrectionResult
    func reverseReceipt(_ number: String, reason: String, preview: Bool, ctx: Context) throws -> CorrectionResult
    func returnUnits(order: String, lineNo: Int, quantity: Int, restock: Bool, reason: String, preview: Bool,
                     ctx: Context) throws -> CorrectionResult
    func receive(arrival: String?, sku: String?, quantity: Int, note: String, ctx: Context) throws -> ReceiptResult
    func addArrival(_ a: NewArrival, ctx: Context) throws -> Arrival
    /// Expected arrivals from purchase suggestions, one transaction for all lines (one PO per supplier unless one is
    /// named); with `preview` nothing is written. Refused, naming each item, when a supplier or an ETA cannot be settled.
    func purchase(_ request: PurchaseRequest, preview: Bool, ctx: Context) throws -> PurchaseResult
    /// Changes some of an item's master data (what `changes` leaves nil stays); returns the names of the fields changed.
    func changeItem(_ sku: String, _ changes: ItemChanges) throws -> [String]
    /// Why each waiting line of an order (or only `lineNo`) is promised its date, and what would make it earlier.
    /// Refused for a line or an order with nothing backordered.
    func explainDates(order: String, lineNo: Int?, today: Day) throws -> [DateExplanation]
    func changeETA(arrival: String, to eta: Day, reason: String, ctx: Context) throws
    /// What an ETA change would do to promised dates and notices; writes nothing.
    func previewETAChange(arrival: String, to eta: Day, reason: String, ctx: Context) throws -> CorrectionResult
    /// What a receipt would do (orders served, dates moved); writes nothing.
    func previewReceipt(arrival: String?, sku: String?, quantity: Int, ctx: Context) throws -> CorrectionResult

    /// Customer notices, oldest first: pending ones (or with `includeSent` all of them), `limit` of them from `offset`.
    func notices(includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice]
    /// How many notices `notices` has in all with the same arguments (for scroll positions and End).
    func noticeCount(includeSent: Bool, order: String?) throws -> Int
    /// Marks one order's pending notice (or all, when `order` is nil) sent, freezing the text.
    func markNoticesSent(order: String?, ctx: Context) throws -> [Notice]

    /// What is allocated and not yet picked on the orders (each once), sorted by bin, for a pick list.
    func pickList(orders: [String]) throws -> PickList
    /// The delivery note of a shipment, or of the order's latest shipment when only `order` is given.
    func deliveryNote(shipment: String?, order: String?, today: Day) throws -> DeliveryNote
    /// E-mails one order's pending notice (or all, when `order` is nil) through sendmail; what became of each.
    func mailNotices(order: String?, ctx: Context) throws -> [NoticeMailing]
}

/// Someone who has the data file open for writing in the UI right now, from the registry the file keeps.
///
/// Read-only sessions write nothing, not even their own presence, so they are never listed.
public struct Presence: Sendable, Equatable, Codable {
    public init(user: String, host: String, pid: Int, since: Timestamp, seen: Timestamp, isThisProcess: Bool = false) {
        self.user = user; self.host = host; self.pid = pid; self.since = since; self.seen = seen
        self.isThisProcess = isThisProcess
    }
    /// The Unix login name.
    public var user: String
    public var host: String
    public var pid: Int
    /// When the session opened the file.
    public var since: Timestamp
    /// Its last heartbeat.
    public var seen: Timestamp
    /// The entry is the asking process's own.
    public var isThisProcess: Bool
}

extension WarehouseService {
    /// Files that keep no registry have nobody to show.
    public func presence(now: Timestamp) throws -> [Presence] { [] }
    /// Services whose queries cannot be interrupted let them finish.
    public func interruptQueries() {}
    /// Files that keep no registry have nothing to refresh.
    public func keepAlive(now: Timestamp) throws {}
    /// Services that cannot mail say so.
    public func mailNotices(order: String?, ctx: Context) throws -> [NoticeMailing] {
        throw BackorderError.refused(.t(CustomerText.cannotMail))
    }
}
