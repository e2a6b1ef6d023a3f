import BackorderCore
import TerminalKit

/// The reducer's part for the panes: sizes, loads, reloads after a change, focus and moving the selection.
extension Reducer {
    static func resize(_ state: inout AppState, _ size: Size) -> [Effect] {
        state.size = size
        let layout = Layout(size: size)
        var effects: [Effect] = []
        for kind in PaneKind.allCases {
            var pane = state[pane: kind]
            let rows = layout.visibleRows(kind)
            let resized = rows != pane.visibleRows
            pane.visibleRows = rows
            pane.top = Scrolling.offset(selected: pane.selected, current: pane.top, visibleRows: rows, rowCount: pane.total)
            state[pane: kind] = pane
            guard isShown(state, kind) else { continue }
            // A pane that a wider terminal reveals for the first time (or since a change) needs its rows and total.
            if pane.loadedTop < 0 || pane.loadedRevision != state.revision {
                effects += loadCounted(&state, kind)
            } else if resized {
                effects.append(load(state, kind, withTotal: false))
            }
        }
        let reportRows = layout.reportRows(state.reports.kind)
        if let data = state.reports.data, data.kind != .aging {
            state.reports.top = Scrolling.offset(selected: state.reports.selected, current: state.reports.top,
                                                 visibleRows: reportRows, rowCount: ReportTables.rowCount(data))
        }
        if var lines = state.reports.bucketLines {
            let visible = layout.reportRows(.aging)
            lines.top = Scrolling.offset(selected: lines.selected, current: lines.top, visibleRows: visible, rowCount: lines.total)
            state.reports.bucketLines = lines
            if state.view == .reports && lines.loadedTop >= 0 { effects.append(bucketLinesLoad(state, lines)) }
        }
        state.notices.top = Scrolling.offset(selected: state.notices.selected, current: state.notices.top,
                                             visibleRows: layout.noticeRows, rowCount: state.notices.total)
        if state.view == .notices && state.notices.loadedTop >= 0 { effects += noticesWindowLoad(state) }
        return effects
    }

    static func isShown(_ state: AppState, _ kind: PaneKind) -> Bool {
        state.view == .panes && (Layout(size: state.size).isGrid || state.focus == kind)
    }

    static func load(_ state: AppState, _ kind: PaneKind, withTotal: Bool) -> Effect {
        let pane = state[pane: kind]
        // A whole list's size is in the counts (cheap indexed counts, loaded with every change); a filter or a restriction needs a count.
        let count = withTotal && !(pane.isUnrestricted && state.counts != nil)
        return .loadPane(kind, PaneQuery(page: Page(offset: pane.top, limit: pane.visibleRows, filter: pane.filter, sort: pane.sort),
                                         withTotal: count, sku: pane.sku, customer: pane.customer?.code))
    }

    /// A pane's rows and its total: a filtered pane's total is counted apart (`countRows`, in the background when the
    /// run loop has a second connection), so the rows never wait for a count; until it comes the pane shows "N+".
    static func loadCounted(_ state: inout AppState, _ kind: PaneKind) -> [Effect] {
        let pane = state[pane: kind]
        guard !pane.filter.isEmpty else { return [load(state, kind, withTotal: true)] }
        state[pane: kind].totalPending = true
        return [load(state, kind, withTotal: false), .countRows(kind, filter: pane.filter, sku: pane.sku, customer: pane.customer?.code)]
    }

    /// The size of an unfiltered list, from the counts.
    static func unfilteredTotal(_ counts: Counts, _ kind: PaneKind) -> Int {
        switch kind {
        case .orders: return counts.openOrders
        case .backorders: return counts.backorderLines
        case .arrivals: return counts.openArrivals
        case .stock: return counts.items
        }
    }

    /// Reloads what is on screen after a change of the data (ours or another process's).
    static func reloadAll(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = [.loadCounts]
        for kind in PaneKind.allCases {
            state[pane: kind].loadedRevision = -1
            if isShown(state, kind) { effects += loadCounted(&state, kind) }
        }
        if let detail = state.detail { effects.append(.loadDetail(order: detail.detail.order.number, purpose: .refresh)) }
        state.reports.loadedRevision = -1
        state.notices.loadedRevision = -1
        // Reports and notices refresh live like the panes, keeping their selection.
        switch state.view {
        case .reports: effects.append(.loadReport(reportQuery(state, state.reports.kind)))
        case .notices: effects.append(noticesLoad(state))
        case .panes: break
        }
        return effects
    }

    static func focus(_ state: inout AppState, _ kind: PaneKind) -> [Effect] {
        let returning = state.view != .panes
        state.view = .panes
        state.focus = kind
        // Back from the reports or notices, every pane on screen may have missed changes.
        let kinds = returning ? PaneKind.allCases.filter { isShown(state, $0) } : [kind]
        return kinds.flatMap { k in
            let pane = state[pane: k]
            return pane.loadedRevision != state.revision || pane.loadedTop < 0 ? loadCounted(&state, k) : []
        }
    }

    static func paneLoaded(_ state: inout AppState, _ kind: PaneKind, _ load: PaneLoad) -> [Effect] {
        var pane = state[pane: kind]
        // An answer to a filter since retyped, a SKU or customer since left, or a sort since changed, is dropped.
        guard load.filter == pane.filter, load.sku == pane.sku, load.customer == pane.customer?.code, load.sort == pane.sort else { return [] }
        pane.rows = load.rows
        pane.loadedTop = load.top
        pane.rowsKey = pane.selectionKey
        if let total = load.total {
            pane.total = total
            pane.totalPending = false
            pane.loadedRevision = state.revision
        } else if pane.totalPending, let limit = load.limit, load.rows.count < limit, load.top == 0 || load.rows.count > 0 {
            // The list ended within the window: its total is known without a count (whose answer is then dropped).
            pane.total = load.top + load.rows.count
            pane.totalPending = false
            pane.loadedRevision = state.revision
        } else if pane.totalPending {
            // Until the count arrives, the list is at least as long as what was seen (and as what it was before a reload).
            pane.total = max(pane.total, pane.selected + 1, load.top + load.rows.count)
        } else if load.filter.isEmpty, load.sku == nil, load.customer == nil, let counts = state.counts {
            pane.total = unfilteredTotal(counts, kind)
            pane.loadedRevision = state.revision
        }
        // Rows may have gone (shipped, filtered away): keep the selection on an existing row.
        pane.selected = max(0, min(pane.selected, pane.total - 1))
        let top = Scrolling.offset(selected: pane.selected, current: pane.top, visibleRows: pane.visibleRows, rowCount: pane.total)
        pane.top = top
        state[pane: kind] = pane
        if top != load.top { return [Reducer.load(state, kind, withTotal: false)] }
        return []
    }

    static func move(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch state.context {
        case .help:
            guard case .help(let scroll) = state.overlay else { return [] }
            let area = Layout(size: state.size).overlayFrame.inset(by: 1)
            let view = HelpView(sections: Keymap.helpSections(readOnly: state.readOnly, state.tr))
            let limit = view.maxScrollOffset(width: area.width, height: area.height)
            state.overlay = .help(scroll: scrolled(scroll, command, page: area.height, limit: limit))
            return []
        case .text:
            if case .paper = state.overlay { return movePaper(&state, command) }
            guard case .text(let title, let lines, let scroll) = state.overlay else { return [] }
            let area = Layout(size: state.size).overlayFrame.inset(by: 1)
            let limit = TextView(lines: lines).maxScrollOffset(width: area.width, height: area.height)
            state.overlay = .text(title: title, lines: lines, scroll: scrolled(scroll, command, page: area.height, limit: limit))
            return []
        case .reports:
            return moveInReport(&state, command)
        case .notices:
            return moveInNotices(&state, command)
        case .detail:
            guard var detail = state.detail else { return [] }
            let limit = max(0, DetailView.historyLines(detail.detail, state.tr).count - 1)
            detail.scroll = scrolled(detail.scroll, command, page: max(1, state.size.height / 2), limit: limit)
            state.detail = detail
            return []
        default:
            var pane = state.focused
            guard pane.total > 0 else { return [] }
            let page = max(1, pane.visibleRows - 1)
            let target: Int
            switch command {
            case .up: target = pane.selected - 1
            case .down: target = pane.selected + 1
            case .pageUp: target = pane.selected - page
            case .pageDown: target = pane.selected + page
            case .top: target = 0
            default: target = pane.total - 1
            }
            pane.selected = max(0, min(target, pane.total - 1))
            pane.top = Scrolling.offset(selected: pane.selected, current: pane.top, visibleRows: pane.visibleRows, rowCount: pane.total)
            state.focused = pane
            // Only a scroll past the loaded window costs a query; a move within it is a pure redraw.
            let needed = min(pane.visibleRows, pane.total - pane.top)
            if pane.top != pane.loadedTop || pane.rows.count < needed { return [load(state, state.focus, withTotal: false)] }
            return []
        }
    }

    static func scrolled(_ value: Int, _ command: Command, page: Int, limit: Int) -> Int {
        let next: Int
        switch command {
        case .up: next = value - 1
        case .down: next = value + 1
        case .pageUp: next = value - max(1, page - 1)
        case .pageDown: next = value + max(1, page - 1)
        case .top: next = 0
        default: next = limit
        }
        return max(0, min(next, limit))
    }
}
