import BackorderCore
import TerminalKit

/// The reducer's part for narrowing and ordering a pane: the text filter, a SKU or customer restriction, Esc peeling
/// them off, sorting, following a SKU and opening the selected row.
extension Reducer {
    static func editFilter(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var field = state.filterInput, field.handle(key) else { return [] }
        state.filterInput = field
        return applyFilter(&state, state.focus, field.text)
    }

    static func applyFilter(_ state: inout AppState, _ kind: PaneKind, _ text: String) -> [Effect] {
        var pane = state[pane: kind]
        guard pane.filter != text else { return [] }
        let old = pane.filter.trimmingSpaces, new = text.trimmingSpaces
        // A row that contains the longer text contains the shorter one: when the shorter matched nothing, neither does
        // the longer, so typing on after a miss costs no query (the worst case: a full pass over the list per key).
        if !old.isEmpty, new.contains(old), pane.loadedTop == 0, pane.rows.count == 0, pane.selected == 0 {
            pane.filter = text
            pane.total = 0
            pane.totalPending = false
            pane.rowsKey = pane.selectionKey
            state[pane: kind] = pane
            return []
        }
        state[pane: kind].filter = text
        return narrowed(&state, kind)
    }

    /// Restricts a pane to exactly one SKU, or (nil) shows every SKU again, keeping the text filter.
    static func restrict(_ state: inout AppState, _ kind: PaneKind, to sku: String?) -> [Effect] {
        let pane = state[pane: kind]
        // Following a SKU is a fresh look at it: a text filter or a customer chosen for something else would hide its rows.
        return sku == nil ? narrow(&state, kind, sku: nil, customer: pane.customer, filter: pane.filter)
                          : narrow(&state, kind, sku: sku, customer: nil, filter: "")
    }

    /// Restricts a pane (the backorder lines) to exactly one customer, or (nil) shows every customer's again, keeping the
    /// text filter.
    static func restrict(_ state: inout AppState, _ kind: PaneKind, toCustomer customer: Customer?) -> [Effect] {
        let pane = state[pane: kind]
        // A customer's lines of every SKU, seen afresh: an item's restriction or a filter left from before would hide most.
        return customer == nil ? narrow(&state, kind, sku: pane.sku, customer: nil, filter: pane.filter)
                               : narrow(&state, kind, sku: nil, customer: customer, filter: "")
    }

    /// Sets a pane's restrictions and filter, and starts it over when any of them changed.
    private static func narrow(_ state: inout AppState, _ kind: PaneKind, sku: String?, customer: Customer?, filter: String) -> [Effect] {
        var pane = state[pane: kind]
        guard pane.sku != sku || pane.customer != customer || pane.filter != filter else { return [] }
        pane.sku = sku
        pane.customer = customer
        pane.filter = filter
        state[pane: kind] = pane
        return narrowed(&state, kind)
    }

    /// Focuses a pane just narrowed (by `narrowing`, its load): one load of it, not a second one for the focus.
    static func focusNarrowed(_ state: inout AppState, _ kind: PaneKind, _ narrowing: [Effect]) -> [Effect] {
        let focused = focus(&state, kind).filter { effect in
            if case .loadPane(kind, _) = effect { return narrowing.isEmpty }
            return true
        }
        return narrowing + focused
    }

    /// Starts a pane over at its first row after its filter or restriction changed, and loads it.
    static func narrowed(_ state: inout AppState, _ kind: PaneKind) -> [Effect] {
        var pane = state[pane: kind]
        pane.selected = 0
        pane.top = 0
        pane.totalPending = !pane.filter.isEmpty
        // The old total belonged to the old filter: from nothing, until the rows or the count say.
        if pane.totalPending { pane.total = 0 }
        state[pane: kind] = pane
        // The window first (cheap when rows match), the count after: a keystroke does not wait for a full count.
        // A SKU or a customer alone is counted with the window: its rows are one short index range.
        if pane.filter.isEmpty { return [load(state, kind, withTotal: true)] }
        return [load(state, kind, withTotal: false), .countRows(kind, filter: pane.filter, sku: pane.sku, customer: pane.customer?.code)]
    }

    static func finishFilter(_ state: inout AppState, keep: Bool) -> [Effect] {
        state.filterInput = nil
        if keep { return [] }
        return applyFilter(&state, state.focus, state.filterBefore)
    }

    static func back(_ state: inout AppState) -> [Effect] {
        switch state.context {
        case .help, .text:
            // A paper's "p prints" hint belongs to the paper: it goes with it.
            if case .paper? = state.overlay, state.message?.text == state.tr(PaperText.printHint) { state.message = nil }
            state.overlay = nil
            return []
        case .detail:
            state.detail = nil
            // Back to where the order was opened from: a bucket's lines stay as they were.
            if state.view != .panes { return [] }
            return focus(&state, state.focus)
        case .reports:
            if state.reports.bucketLines != nil {
                state.reports.bucketLines = nil
                state.message = nil
                return []
            }
            state.message = nil
            return focus(&state, state.focus)
        case .notices:
            state.message = nil
            return focus(&state, state.focus)
        default:
            // Esc peels one layer at a time: the text filter (typed last, as a restriction clears it), then the SKU or customer.
            let pane = state.focused
            let tr = state.tr
            let name = state.focus.title(tr).lowercased()
            if !pane.filter.isEmpty {
                let still = pane.sku.map { tr(ScreenText.stillSKU, $0) } ?? pane.customer.map { tr(ScreenText.stillCustomer, $0.name) } ?? ""
                state.message = StatusMessage(tr(ScreenText.filterDropped, name) + still)
                return applyFilter(&state, state.focus, "")
            }
            if let customer = pane.customer {
                state.message = StatusMessage(tr(ScreenText.customerLifted, customer.name, name))
                return restrict(&state, state.focus, toCustomer: nil)
            }
            guard let sku = pane.sku else { return [] }
            // Only a SKU's backorder lines come in serving order: without it the pane is oldest first again.
            state.message = StatusMessage(tr(ScreenText.skuLifted, sku, name) + (state.focus == .backorders ? tr(ScreenText.skuLiftedOldestFirst) : ""))
            return restrict(&state, state.focus, to: nil)
        }
    }

    /// A list at least this long makes a sort that reads every row noticeable, and the message line says so.
    static let longList = 10_000

    /// `o`: the next column the store can sort by (after the last, the list's own order again); `O`: the other
    /// direction (with no sort, the list's own order reversed). The whole list is ordered in the store: the pane starts
    /// over at its first row and loads it, keeping its filter and restriction.
    static func sort(_ state: inout AppState, reverse: Bool) -> [Effect] {
        var pane = state.focused
        let count = Columns.count(pane.kind)
        if reverse {
            if pane.sortColumn == nil {
                let own = ownOrder(pane)
                pane.sortColumn = own.column
                pane.sortDescending = !own.descending
            } else {
                pane.sortDescending.toggle()
            }
        } else {
            let next = ((pane.sortColumn ?? -1) + 1..<count).first { Columns.sortKey(pane.kind, column: $0) != nil }
            pane.sortColumn = next
            pane.sortDescending = false
        }
        pane.selected = 0
        pane.top = 0
        state.focused = pane
        let effects = [load(state, pane.kind, withTotal: false)]
        guard let column = pane.sortColumn, let sort = pane.sort else {
            state.message = StatusMessage(state.tr(ScreenText.ownOrder, pane.kind.title(state.tr)))
            return effects
        }
        let title = Columns.columns(pane.kind, state.tr)[column].title
        let slow = sort.key.isSlowOnLongLists && pane.total >= longList
        state.message = StatusMessage(state.tr(ScreenText.sortedBy, title, pane.sortDescending ? "▼" : "▲")
                                      + state.tr(slow ? ScreenText.sortSlow : .sortWhole))
        return effects
    }

    /// The column and direction the list comes in unsorted: orders by date, backorder lines oldest first (one SKU's in
    /// serving order, which is the priority column's), arrivals by ETA, stock by SKU.
    static func ownOrder(_ pane: PaneState) -> (column: Int, descending: Bool) {
        let key: ListSortKey
        var descending = false
        switch pane.kind {
        case .orders: key = .orders(.date)
        case .backorders:
            if pane.sku != nil { key = .backorders(.priority) } else { key = .backorders(.age); descending = true }
        case .arrivals: key = .arrivals(.eta)
        case .stock: key = .stock(.sku)
        }
        let column = (0..<Columns.count(pane.kind)).first { Columns.sortKey(pane.kind, column: $0) == key } ?? 0
        return (column, descending)
    }

    static func selectedSKU(_ state: AppState) -> String? {
        let pane = state.focused
        guard let i = pane.selectedInWindow else { return nil }
        switch pane.rows {
        case .backorders(let r): return r[i].sku
        case .arrivals(let r): return r[i].arrival.sku
        case .stock(let r): return r[i].sku
        case .orders: return nil
        }
    }

    static func followSKU(_ state: inout AppState) -> [Effect] {
        guard let sku = selectedSKU(state) else {
            state.message = StatusMessage(state.tr(ScreenText.followWhere), .warning)
            return []
        }
        // An exact restriction, not a text filter: following SKU-1 must not bring SKU-10 and SKU-100 along.
        var effects = restrict(&state, .arrivals, to: sku) + restrict(&state, .stock, to: sku)
        state.focus = .arrivals
        if effects.isEmpty { effects = focus(&state, .arrivals) }
        state.message = StatusMessage(state.tr(ScreenText.followed, sku))
        return effects
    }

    static func open(_ state: inout AppState) -> [Effect] {
        if state.context == .reports { return openReportRow(&state) }
        if state.context == .notices { return openNotice(&state) }
        let pane = state.focused
        guard let i = pane.selectedInWindow else { return [] }
        switch pane.rows {
        case .orders(let r): return [.loadDetail(order: r[i].number, purpose: .view)]
        case .backorders(let r): return [.loadDetail(order: r[i].orderNumber, purpose: .view)]
        case .arrivals(let r): return [.loadArrival(r[i].arrival.reference)]
        case .stock(let r):
            return showItemBackorders(&state, sku: r[i].sku, back: nil)
        }
    }

    /// Shows the backorder lines of exactly `sku`, in serving order; `back` names a way back besides Esc.
    static func showItemBackorders(_ state: inout AppState, sku: String, back: String?) -> [Effect] {
        let restricted = restrict(&state, .backorders, to: sku)
        let effects = focusNarrowed(&state, .backorders, restricted)
        state.message = StatusMessage(state.tr(ScreenText.itemBackorders, sku, back.map { ", " + $0 } ?? ""))
        return effects
    }
}
