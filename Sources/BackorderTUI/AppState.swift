import BackorderCore
import TerminalKit

/// The four lists of the main screen, in pane-bar order (keys 1–4).
public enum PaneKind: Int, CaseIterable, Sendable, Hashable {
    case orders, backorders, arrivals, stock

    /// The store's list behind this pane.
    public var list: ListKind {
        switch self {
        case .orders: return .orders
        case .backorders: return .backorders
        case .arrivals: return .arrivals
        case .stock: return .stock
        }
    }

    /// Short title for the pane bar, in `tr`'s language.
    public func shortTitle(_ tr: Localizer) -> String {
        switch self {
        case .orders: return tr(ScreenText.ordersShort)
        case .backorders: return tr(ScreenText.backordersShort)
        case .arrivals: return tr(ScreenText.arrivalsShort)
        case .stock: return tr(ScreenText.stockShort)
        }
    }

    /// Full title for a pane's frame, in `tr`'s language.
    public func title(_ tr: Localizer) -> String {
        switch self {
        case .orders: return tr(ScreenText.ordersTitle)
        case .backorders: return tr(ScreenText.backordersTitle)
        case .arrivals: return tr(ScreenText.arrivalsTitle)
        case .stock: return tr(ScreenText.stockTitle)
        }
    }

    /// Short title in the process's language (the UI itself uses `shortTitle(state.tr)`).
    public var shortTitle: String { shortTitle(.process) }
    /// Full title in the process's language (the UI itself uses `title(state.tr)`).
    public var title: String { title(.process) }
}

/// The rows a pane holds: only the window it shows, never a whole table.
public enum PaneRows: Equatable, Sendable {
    case orders([OpenOrderRow])
    case backorders([BackorderRow])
    case arrivals([ArrivalRow])
    case stock([Item])

    /// No rows of the given pane.
    public static func empty(_ kind: PaneKind) -> PaneRows {
        switch kind {
        case .orders: return .orders([])
        case .backorders: return .backorders([])
        case .arrivals: return .arrivals([])
        case .stock: return .stock([])
        }
    }

    /// Number of rows held.
    public var count: Int {
        switch self {
        case .orders(let r): return r.count
        case .backorders(let r): return r.count
        case .arrivals(let r): return r.count
        case .stock(let r): return r.count
        }
    }
}

/// One pane's view of its list: filter, restriction, sort, selection and the loaded window.
public struct PaneState: Equatable, Sendable {
    public var kind: PaneKind
    /// Text typed after `/`; the store matches it against the list's key fields.
    public var filter = ""
    /// The one SKU the list is restricted to (Follow SKU, Enter on an item), matched exactly; nil: every SKU. Combines with `filter`.
    public var sku: String?
    /// The one customer the backorder lines are restricted to (Enter on a backlog row), matched exactly by code; the name
    /// is for the caption. Never together with `sku`; combines with `filter`.
    public var customer: Customer?
    /// Rows the list has with the current filter.
    public var total = 0
    /// True while the filtered list is being counted: `total` only counts the rows seen so far.
    public var totalPending = false
    /// Selected row, as an index into the whole (filtered) list.
    public var selected = 0
    /// First row shown, as an index into the whole list.
    public var top = 0
    /// Data rows the pane can show at the current terminal size.
    public var visibleRows = 0
    /// The loaded window: the rows from `loadedTop`.
    public var rows: PaneRows
    /// Where the loaded window starts; -1 before the first load.
    public var loadedTop = -1
    /// The filter and restriction the loaded rows were read with (`selectionKey` then); nil before the first load.
    public var rowsKey: String?
    /// The filter and restriction, as one value to compare with `rowsKey`.
    public var selectionKey: String { PaneState.selectionKey(filter: filter, sku: sku, customer: customer?.code) }
    static func selectionKey(filter: String, sku: String?, customer: String?) -> String { "\(filter)\u{1}\(sku ?? "")\u{1}\(customer ?? "")" }
    /// True while the rows for a new filter are being read (in the background): the rows held are an older filter's.
    public var isSearching: Bool { loadedTop >= 0 && rowsKey != nil && rowsKey != selectionKey }
    /// The data revision the window was loaded at; -1 when it must be reloaded.
    public var loadedRevision = -1
    /// Column the whole list is sorted by (in the store, before the window is cut), nil for the list's own order.
    public var sortColumn: Int?
    public var sortDescending = false

    /// The store's sort for `sortColumn`, as every load of this pane asks it.
    public var sort: ListSort? {
        sortColumn.flatMap { Columns.sortKey(kind, column: $0) }.map { ListSort($0, descending: sortDescending) }
    }

    /// A pane with nothing loaded yet.
    public init(kind: PaneKind) {
        self.kind = kind
        self.rows = .empty(kind)
    }

    /// The selected row's position within the loaded window, when it is loaded.
    public var selectedInWindow: Int? {
        let i = selected - loadedTop
        return loadedTop >= 0 && i >= 0 && i < rows.count ? i : nil
    }

    /// Whether the whole list is shown: no text filter, no SKU and no customer restriction.
    public var isUnrestricted: Bool { filter.isEmpty && sku == nil && customer == nil }

    /// Whether the rows come in serving order (priority, order date, number: as receipts fill lines), as one SKU's
    /// backorders do unless sorted by a column.
    public var inServingOrder: Bool { kind == .backorders && sku != nil && sortColumn == nil }
}

/// An order shown in full (Enter), with its scroll position.
public struct DetailState: Equatable, Sendable {
    public var detail: OrderDetail
    /// First line of the shipments-and-history text shown.
    public var scroll = 0
    public init(detail: OrderDetail, scroll: Int = 0) { self.detail = detail; self.scroll = scroll }
}

/// What a receipt is booked against.
public enum ReceiveTarget: Equatable, Sendable {
    /// An expected arrival (a PO line).
    case arrival(Arrival)
    /// Units nobody announced, of this item.
    case unplanned(Item)

    /// The SKU received.
    public var sku: String {
        switch self {
        case .arrival(let a): return a.sku
        case .unplanned(let i): return i.sku
        }
    }
}

/// The answers gathered so far by a pick dialog: one quantity per line that has stock allocated.
public struct PickPlan: Equatable, Sendable {
    public var detail: OrderDetail
    /// The lines with allocated units, in line order; each is asked in turn.
    public var lines: [OrderDetail.Line]
    /// The line being asked.
    public var index = 0
    /// Answers for the lines before `index`.
    public var entries: [PickEntry] = []

    public init(detail: OrderDetail) {
        self.detail = detail
        self.lines = detail.lines.filter { $0.line.quantities.allocated > 0 }
    }

    /// The line being asked.
    public var current: OrderDetail.Line { lines[min(index, lines.count - 1)] }
}

/// A new arrival being typed field by field.
public struct ArrivalDraft: Equatable, Sendable {
    public var supplier = ""
    public var poNumber = ""
    public var poLine = 1
    public var sku = ""
    public var quantity = 0
    public var eta = Day(ordinal: 0)

    public init(sku: String = "") { self.sku = sku }

    /// The fields, asked in this order.
    public enum Field: Int, CaseIterable, Sendable {
        case supplier, poNumber, poLine, sku, quantity, eta

        /// The question for the field, in `tr`'s language.
        public func prompt(_ tr: Localizer) -> String {
            switch self {
            case .supplier: return tr(InputText.promptSupplier)
            case .poNumber: return tr(InputText.promptPONumber)
            case .poLine: return tr(InputText.promptPOLine)
            case .sku: return tr(InputText.promptSKU)
            case .quantity: return tr(InputText.promptQuantity)
            case .eta: return tr(InputText.promptETA)
            }
        }

        /// The question in the process's language (a dialog shows `prompt(state.tr)`).
        public var prompt: String { prompt(.process) }
    }
}

/// The answers gathered so far by a purchase dialog: each item in turn, its quantity (and its supplier or ETA when the
/// item has none set).
public struct PurchasePlan: Equatable, Sendable {
    /// The shortage report's rows of the items to buy, in the report's order.
    public var rows: [ShortageRow]
    /// The item being asked.
    public var index = 0
    /// The item being asked, as far as it is answered; moved to `lines` when complete.
    public var draft: PlannedPurchase?
    /// The settled lines of the items before `index`.
    public var lines: [PlannedPurchase] = []

    public init(rows: [ShortageRow]) { self.rows = rows }

    /// The item being asked.
    public var current: ShortageRow { rows[min(index, rows.count - 1)] }
    /// The quantity offered for the current item: the report's suggestion, or nothing when it suggests none.
    public var suggestion: String { current.suggestedPurchase > 0 ? String(current.suggestedPurchase) : "" }
}

/// An item's purchasing data being typed: who it is bought from and how many days it takes.
public struct SupplierDraft: Equatable, Sendable {
    public var sku: String
    public var name: String
    public var supplier: String
    public var leadTimeDays: Int?
    public init(sku: String, name: String, supplier: String, leadTimeDays: Int?) {
        self.sku = sku; self.name = name; self.supplier = supplier; self.leadTimeDays = leadTimeDays
    }
}

/// Which step of which action a dialog is at, with everything gathered so far.
public enum DialogStep: Equatable, Sendable {
    case pickQuantity(PickPlan)
    case pickShort(PickPlan, picked: Int)
    case pickConfirm(PickPlan)
    case shipConfirm(OrderDetail)
    case receiveTarget
    case receiveQuantity(ReceiveTarget)
    case receiveConfirm(ReceiveTarget, quantity: Int)
    case etaDate(Arrival)
    case etaReason(Arrival, Day)
    case etaConfirm(Arrival, Day, reason: String)
    case arrivalField(ArrivalDraft, ArrivalDraft.Field)
    case arrivalConfirm(ArrivalDraft)
    /// Mark every pending notice sent: how many there are now.
    case markAllSentConfirm(count: Int)
    /// E-mail every pending notice: how many there are now.
    case mailAllConfirm(count: Int)
    /// A new order being taken.
    case newOrder(NewOrderDraft)
    /// A new order's lines with what each will get, waiting for the clerk's yes.
    case newOrderConfirm(NewOrderDraft, OrderPreview)
    /// An exception's next question.
    case correctionField(CorrectionDraft)
    /// An exception's consequences, worked out by a preview, waiting for the clerk's yes.
    case correctionConfirm(CorrectionDraft, Correction, CorrectionResult)
    case purchaseQuantity(PurchasePlan)
    /// The current item has no default supplier: who to buy it from.
    case purchaseSupplier(PurchasePlan)
    /// The current item has no lead time: when it is expected.
    case purchaseETA(PurchasePlan)
    case purchaseConfirm(PurchasePlan)
    /// An item's default supplier, then its lead time.
    case supplierName(SupplierDraft)
    case supplierLeadTime(SupplierDraft)
    /// A customer's language, e-mail address or contact being asked; then the change, waiting for the clerk's yes.
    case customerField(CustomerDraft)
    case customerConfirm(CustomerDraft)
    /// What an action did; any key closes it.
    case result(title: String, lines: [String])

    /// Whether this step reads a line of text.
    public var hasField: Bool {
        switch self {
        case .pickQuantity, .receiveTarget, .receiveQuantity, .etaDate, .etaReason, .arrivalField,
             .purchaseQuantity, .purchaseSupplier, .purchaseETA, .supplierName, .supplierLeadTime: return true
        case .correctionField(let draft): return draft.field != nil
        case .customerField: return true
        case .newOrder: return true
        default: return false
        }
    }
}

/// An open dialog: its step, its input line and the message about the last thing typed.
public struct DialogState: Equatable, Sendable {
    public var step: DialogStep
    public var field: TextField
    /// Why the last input was not accepted, or what went wrong; shown inside the dialog.
    public var message: String?
    /// What confirming would change (orders served, dates moved, customers told), once worked out.
    public var consequences: [String]?

    /// A dialog whose field holds `text`, selected: a proposal (the units outstanding, today's ETA…) that the first key
    /// typed replaces, so "50" typed over "120" is 50, not 12050; a cursor key keeps it for editing.
    public init(step: DialogStep, text: String = "", message: String? = nil) {
        self.step = step
        self.field = TextField(text: text, maxLength: 200, selected: true)
        self.message = message
    }
}

/// Something drawn over the screen.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case dialog(DialogState)
    /// A read-only text, such as the customer status of an order.
    case text(title: String, lines: [String], scroll: Int)
    /// A paper (pick list, delivery note) as it prints: 78 columns, never re-wrapped; `p` prints it.
    case paper(title: String, lines: [String], scroll: Int)
}

/// How a status-line message looks.
public enum MessageKind: Equatable, Sendable { case info, success, warning, error }

/// The last thing the app wants the clerk to know.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var kind: MessageKind
    public init(_ text: String, _ kind: MessageKind = .info) { self.text = text; self.kind = kind }
}

/// Everything the screen shows; only `reduce` changes it.
public struct AppState: Equatable, Sendable {
    /// The data file, for the status bar.
    public var location: String
    /// Who works: every write is journaled under this name.
    public var actor: String
    public var readOnly: Bool
    /// The calendar day lateness and ages are computed for.
    public var today: Day
    public var size = Size(width: 80, height: 24)
    public var focus: PaneKind = .orders
    /// What fills the screen: the panes, the reports or the notices to send.
    public var view: MainView = .panes
    public var reports = ReportsState()
    public var notices = NoticesState()
    public var panes: [PaneState] = PaneKind.allCases.map(PaneState.init)
    /// The order shown in full, when the detail view is open.
    public var detail: DetailState?
    public var overlay: Overlay?
    /// The `/` filter being typed, with the filter it replaces (restored by Esc).
    public var filterInput: TextField?
    public var filterBefore = ""
    public var counts: Counts?
    /// Who has the file open in the UI (read-write sessions; this one included when it could record itself).
    public var presence: [Presence] = []
    /// Why the warehouse cannot be reached (the last look for changes failed); nil while all is well.
    public var connectionLost: String?
    /// The latest data revision seen; a higher one on the file means another change to show.
    public var revision = -1
    public var message: StatusMessage?
    public var shouldQuit = false
    /// The language of this session's screens; starts as the process's (`--lang`, `BACKORDERS_LANG`, the locale).
    public var language: Language = Localizer.process.language
    /// Writes this session's texts, numbers and dates.
    public var tr: Localizer { Localizer(language) }

    /// The starting state for a data file.
    public init(location: String, actor: String, readOnly: Bool, today: Day) {
        self.location = location
        self.actor = actor
        self.readOnly = readOnly
        self.today = today
    }

    /// The pane of a kind.
    public subscript(pane kind: PaneKind) -> PaneState {
        get { panes[kind.rawValue] }
        set { panes[kind.rawValue] = newValue }
    }

    /// The focused pane.
    public var focused: PaneState {
        get { self[pane: focus] }
        set { self[pane: focus] = newValue }
    }

    /// Where keys go now.
    public var context: KeyContext {
        switch overlay {
        case .help: return .help
        case .dialog: return .dialog
        case .text, .paper: return .text
        case nil: break
        }
        if filterInput != nil { return .filter }
        if detail != nil { return .detail }
        switch view {
        case .panes: return .panes
        case .reports: return .reports
        case .notices: return .notices
        }
    }
}
