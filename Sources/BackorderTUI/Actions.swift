import BackorderCore
import TerminalKit

/// Why an order's detail is being loaded: to show it, or to start an action on it with fresh quantities.
public enum DetailPurpose: Equatable, Sendable {
    case view
    /// Reload the open detail view after a change.
    case refresh
    case pick
    case ship
    case customerStatus
    /// Open the order's customer (its details, and a change of language, e-mail and contact).
    case customer
    /// Start an exception's dialog on the order (`lineNo`: the line selected on screen).
    case correct(CorrectionKind, lineNo: Int?)
}

/// A change to the data file, run by the runtime as one transaction.
public enum Operation: Equatable, Sendable {
    case pick(order: String, entries: [PickEntry], expectedVersion: Int)
    case ship(order: String, override: Bool, expectedVersion: Int, before: OrderDetail)
    case receive(ReceiveTarget, quantity: Int)
    case addArrival(ArrivalDraft)
    case changeETA(arrival: String, to: Day, reason: String)
    /// Mark one order's pending notice sent, or all when `order` is nil.
    case markNoticesSent(order: String?)
    /// E-mail one order's pending notice, or all when `order` is nil.
    case mailNotices(order: String?)
    /// A new order taken at the terminal.
    case createOrder(NewOrder)
    /// An everyday exception; a preview runs it and rolls it back, to show what confirming would change.
    case correct(Correction, preview: Bool)
    /// Create expected arrivals for the items bought from the shortage report.
    case purchase(PurchaseRequest)
    /// Set an item's default supplier ("" for none) and lead time (nil for none).
    case setPurchasing(sku: String, supplier: String, leadTimeDays: Int?)
    /// Change a customer's language, e-mail address or contact.
    case changeCustomer(code: String, CustomerChanges)
}

/// What a successful operation did.
public enum Outcome: Equatable, Sendable {
    case picked(PickResult)
    /// The shipment, and the order as it was before (to say what stays behind).
    case shipped(Shipment, before: OrderDetail)
    case received(ReceiptResult)
    case arrivalAdded(Arrival)
    case etaChanged(arrival: String, to: Day)
    /// The notices now marked sent (one order's, or all when `all`).
    case noticesMarked([Notice], all: Bool)
    /// What became of each notice e-mailed (one order's, or all when `all`).
    case noticesMailed([NoticeMailing], all: Bool)
    /// The order created at the terminal.
    case orderCreated(OrderDetail)
    /// What an exception did, or (a preview) would do.
    case corrected(Correction, CorrectionResult)
    case purchased(PurchaseResult)
    /// The fields of an item that changed (none when it had those values already).
    case itemChanged(sku: String, changed: [String])
    /// The fields of a customer that changed (none when it had those values already).
    case customerChanged(code: String, changed: [String])
}

/// A window of a list as asked from the store.
public struct PaneQuery: Equatable, Sendable {
    public var page: Page
    /// Whether to count the rows too (after a filter change or a data change), not just fetch the window.
    public var withTotal: Bool
    /// The one SKU the list is restricted to, exactly; nil: every SKU.
    public var sku: String?
    /// The one customer (code) the backorder lines are restricted to, exactly; nil: every customer.
    public var customer: String?
    public init(page: Page, withTotal: Bool, sku: String? = nil, customer: String? = nil) {
        self.page = page; self.withTotal = withTotal; self.sku = sku; self.customer = customer
    }
}

/// What a pane load brought back.
public struct PaneLoad: Equatable, Sendable {
    public var top: Int
    public var total: Int?
    public var rows: PaneRows
    /// The filter the rows were fetched with (a result for an older filter is dropped).
    public var filter: String
    /// The SKU restriction the rows were fetched with (a result for another restriction is dropped).
    public var sku: String?
    /// The customer restriction (code) the rows were fetched with (a result for another customer is dropped).
    public var customer: String?
    /// The sort the rows were fetched in (a result for another sort is dropped).
    public var sort: ListSort?
    /// How many rows were asked for: fewer came when the list ended (nil: not known).
    public var limit: Int?
    public init(top: Int, total: Int?, rows: PaneRows, filter: String, sku: String? = nil, customer: String? = nil, sort: ListSort? = nil,
                limit: Int? = nil) {
        self.top = top; self.total = total; self.rows = rows; self.filter = filter; self.sku = sku; self.customer = customer
        self.sort = sort; self.limit = limit
    }
}

/// What a load of the notices brought back: a window of them and how many there are in all.
public struct NoticesLoad: Equatable, Sendable {
    /// Where the window starts in the whole list.
    public var top: Int
    public var total: Int
    public var notices: [Notice]
    public init(top: Int, total: Int, notices: [Notice]) { self.top = top; self.total = total; self.notices = notices }
}

/// Everything that can happen to the app: keys, time, and the results of its effects.
public enum Action: Equatable, Sendable {
    /// A key press, dispatched through the keymap.
    case key(Key)
    /// A command, as a key would give it.
    case command(Command)
    case resized(Size)
    /// The app starts: load everything.
    case started
    /// Time passed: the calendar day now, and a chance to look for changes by others.
    case tick(today: Day)
    case revisionChecked(Int)
    /// Looking for changes failed: the file or the server cannot be reached (shown until a look succeeds).
    case revisionFailed(BackorderError)
    case countsLoaded(Counts)
    case paneLoaded(PaneKind, PaneLoad)
    /// A filtered (or SKU- or customer-restricted) list's size, counted once typing paused.
    case rowsCounted(PaneKind, filter: String, sku: String? = nil, customer: String? = nil, total: Int)
    case detailLoaded(DetailPurpose, OrderDetail)
    /// A customer's details, for its dialog.
    case customerLoaded(Customer, history: [CustomerChange] = [])
    case arrivalLoaded(Arrival, [ETAChange])
    /// Why the waiting lines of an order (or its line `lineNo`) are promised their dates.
    case explanationLoaded(order: String, lineNo: Int?, [DateExplanation])
    case receiveTargetResolved(ReceiveTarget)
    case operationSucceeded(Outcome)
    case operationFailed(Operation, BackorderError)
    /// A read failed (file gone, damaged, locked too long).
    case loadFailed(BackorderError)
    /// A lookup for a dialog failed (unknown order, arrival or SKU): the message goes into the dialog.
    case lookupFailed(BackorderError)
    /// A report's figures, for the query they were asked with.
    case reportLoaded(ReportQuery, ReportData)
    /// A window of an age bucket's lines.
    case bucketLinesLoaded(AgeBucket, top: Int, rows: [BackorderRow])
    /// A window of the pending notices.
    case noticesLoaded(NoticesLoad)
    /// An export wrote its files.
    case exported(ExportRequest, [ExportedFile])
    /// An export could not read or write; nothing or only part of a file may exist.
    case exportFailed(ExportRequest, String)
    /// Customers or items matching what the order desk typed.
    case customersFound(String, [Customer])
    case itemsFound(String, [Item])
    /// What each line of a new order would get.
    case orderPreviewed(NewOrder, OrderPreview)
    /// What an ETA change or a receipt would change, for its confirmation.
    case operationPreviewed(Operation, CorrectionResult)
    /// Lines of other orders holding allocated units of a SKU, for a re-allocation dialog.
    case donorsLoaded(sku: String, [DonorCandidate])
    /// Who has the file open right now (this process's own entry marked).
    case presenceLoaded([Presence])
    /// A paper to show; what the print command did with a text.
    case paperLoaded(PaperContent)
    case printed(Result<PrintReceipt, PrintFailure>)
}

/// I/O the reducer asks for; the runtime performs it and answers with an action.
public enum Effect: Equatable, Sendable {
    case pollRevision
    /// This session's heartbeat in the file's registry, and who else has the file open (every few seconds at most).
    case refreshPresence
    case loadCounts
    case loadPane(PaneKind, PaneQuery)
    /// Count a filtered list; the runtime may wait until typing pauses (a count over a huge list is the slow part).
    case countRows(PaneKind, filter: String, sku: String? = nil, customer: String? = nil)
    case loadDetail(order: String, purpose: DetailPurpose)
    case loadArrival(String)
    /// A customer's details (by code), for its dialog.
    case loadCustomer(String)
    /// Explain the promised date of an order's line (`lineNo`), or of every waiting line of it.
    case loadExplanation(order: String, lineNo: Int?)
    /// Find the arrival (PO/line) or, failing that, the SKU a receipt is for.
    case resolveReceiveTarget(String)
    case perform(Operation)
    case loadReport(ReportQuery)
    case loadBucketLines(AgeBucket, Page)
    /// A window of the pending notices, with their count.
    case loadNotices(Page)
    /// Read the whole list or report (in chunks) and write it as CSV files.
    case export(ExportRequest)
    /// Work out what an ETA change or a receipt would change, without changing anything.
    case previewOperation(Operation)
    /// Type-to-search for the order desk.
    case searchCustomers(String)
    case searchItems(String)
    /// Work out what each line of a new order would get now.
    case previewOrder(NewOrder)
    /// Lines of other open orders holding allocated units of `sku` (not of `excluding`).
    case loadDonors(sku: String, excluding: String)
    /// Read a paper (pick list, delivery note) for an order; hand a text to the print command.
    case loadPaper(PaperRequest)
    case printText(String)
    /// Terminal requests.
    case suspend
    case redraw
}
