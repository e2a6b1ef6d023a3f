import BackorderCore
import TerminalKit

/// The one place state changes: an action in, the state updated, effects (I/O to do) out.
public enum Reducer {
    /// Applies `action` to `state` and returns the I/O the runtime must perform next.
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(&state, key)
        case .command(let command):
            return handle(&state, command)
        case .resized(let size):
            return resize(&state, size)
        case .started:
            state.message = StatusMessage(state.tr(state.readOnly ? ScreenText.startReadOnly : .startHint))
            // Counts first: they give the sizes of the unfiltered lists, so the first frame needs no row counts.
            return [.loadCounts, .pollRevision, .refreshPresence]
        case .tick(let today):
            if today != state.today {
                // A new day changes ages and lateness everywhere.
                state.today = today
                state.revision = -1
            }
            return [.pollRevision, .refreshPresence]
        case .presenceLoaded(let presence):
            state.presence = presence
            return []
        case .revisionFailed(let error):
            // Said once in the message line (the store's words say why: a lost file, a server down); the status bar
            // keeps saying it until a look for changes succeeds, which the tick tries twice a second.
            if state.connectionLost == nil { state.message = StatusMessage(error.message(state.tr), .error) }
            state.connectionLost = error.message(state.tr)
            return []
        case .revisionChecked(let revision) where state.connectionLost != nil:
            // Back: whatever happened meanwhile (another clerk's work, an operation whose commit went unanswered) is read anew.
            state.connectionLost = nil
            state.message = StatusMessage(state.tr(ScreenText.connectionBack), .success)
            state.revision = revision
            return reloadAll(&state)
        case .revisionChecked(let revision):
            guard revision != state.revision else { return [] }
            state.revision = revision
            return reloadAll(&state)
        case .countsLoaded(let counts):
            state.counts = counts
            return []
        case .paneLoaded(let kind, let load):
            return paneLoaded(&state, kind, load)
        case .rowsCounted(let kind, let filter, let sku, let customer, let total):
            var pane = state[pane: kind]
            guard pane.filter == filter, pane.sku == sku, pane.customer?.code == customer, pane.totalPending else { return [] }
            pane.totalPending = false
            pane.total = total
            pane.loadedRevision = state.revision
            pane.selected = max(0, min(pane.selected, total - 1))
            state[pane: kind] = pane
            return []
        case .detailLoaded(let purpose, let detail):
            return detailLoaded(&state, purpose, detail)
        case .customerLoaded(let customer):
            return customerLoaded(&state, customer)
        case .operationSucceeded(.customerChanged(let code, let changed)):
            return customerChanged(&state, code: code, changed: changed)
        case .arrivalLoaded(let arrival, let changes):
            state.overlay = .text(title: state.tr(ScreenText.arrivalTitle, arrival.reference), lines: Texts.arrival(arrival, changes, tr: state.tr),
                                  scroll: 0)
            return []
        case .explanationLoaded(let order, let lineNo, let explanations):
            let title = lineNo.map { state.tr(ScreenText.whyTitleLine, order, Plain($0)) } ?? state.tr(ScreenText.whyTitleOrder, order)
            state.overlay = .text(title: title, lines: Texts.explanations(explanations, today: state.today, tr: state.tr), scroll: 0)
            return []
        case .receiveTargetResolved(let target):
            openReceiveQuantity(&state, target)
            return []
        case .operationSucceeded(.corrected(let c, let result)) where result.preview:
            return correctionPreviewed(&state, c, result)
        case .customersFound(let text, let hits):
            return newOrderHits(&state, text) { $0.customerHits = hits }
        case .itemsFound(let text, let hits):
            return newOrderHits(&state, text) { $0.itemHits = hits }
        case .orderPreviewed(let order, let preview):
            return newOrderPreviewed(&state, order, preview)
        case .operationPreviewed(let operation, let result):
            return operationPreviewed(&state, operation, result)
        case .donorsLoaded(let sku, let candidates):
            return donorsLoaded(&state, sku: sku, candidates)
        case .operationSucceeded(.itemChanged(let sku, let changed)):
            // Master data: the message line says what changed; no result dialog to dismiss.
            state.overlay = nil
            let tr = state.tr
            state.message = StatusMessage(changed.isEmpty ? tr(ScreenText.supplierUnchanged, sku)
                                          : tr(ScreenText.supplierSet, sku, changed.map { Texts.itemField($0, tr) }.joined(separator: tr(ScreenText.and))),
                                          .success)
            return [.pollRevision]
        case .operationSucceeded(.noticesMailed(let results, let all)):
            return noticesMailed(&state, results, all: all)
        case .operationSucceeded(.noticesMarked(let notices, let all)):
            // Marking notices sent says so in the message line; no result dialog to dismiss.
            return noticesMarked(&state, notices, all: all)
        case .operationSucceeded(let outcome):
            // What was bought is off the shortage list (or on it with its new arrival): the marks are done with.
            if case .purchased = outcome { state.reports.marked = [] }
            let (title, lines, summary) = Texts.outcome(outcome, today: state.today, tr: state.tr)
            state.overlay = .dialog(DialogState(step: .result(title: title, lines: lines)))
            state.message = StatusMessage(summary, .success)
            return [.pollRevision]
        case .operationFailed(.correct(_, preview: true), let error) where correctionPreviewFailed(&state, error):
            return []
        case .operationFailed(_, let error):
            return operationFailed(&state, error)
        case .loadFailed(let error):
            state.message = StatusMessage(error.message(state.tr), .error)
            return []
        case .lookupFailed(let error):
            if case .dialog(var dialog) = state.overlay {
                dialog.message = error.message(state.tr)
                state.overlay = .dialog(dialog)
            } else {
                state.message = StatusMessage(error.message(state.tr), .error)
            }
            return []
        case .reportLoaded(let query, let data):
            return reportLoaded(&state, query, data)
        case .bucketLinesLoaded(let bucket, let top, let rows):
            return bucketLinesLoaded(&state, bucket, top: top, rows: rows)
        case .noticesLoaded(let load):
            return noticesLoaded(&state, load)
        case .exported(_, let files):
            return exported(&state, files)
        case .paperLoaded(let paper): return paperLoaded(&state, paper)
        case .printed(let result): return printed(&state, result)
        case .exportFailed(let request, let reason):
            state.message = StatusMessage(state.tr(ScreenText.csvNotWritten, request.name, reason), .error)
            return []
        }
    }

    // MARK: keys

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if key == .resize { return [] }
        let context = state.context
        let binding = Keymap.binding(for: key, in: context)
        switch context {
        case .filter:
            if let binding { return handle(&state, binding.command) }
            return editFilter(&state, key)
        case .dialog:
            guard case .dialog(var dialog) = state.overlay else { return [] }
            if case .newOrder(let draft) = dialog.step, ![Command.confirm, .dismiss, .quit].contains(binding?.command ?? .redraw) {
                return newOrderKey(&state, dialog, draft, key)
            }
            if case .result = dialog.step {
                if binding?.command == .quit { state.shouldQuit = true; return [] }
                state.overlay = nil  // any key closes a result
                return []
            }
            let fieldKey = dialog.step.hasField && !(binding.map { [Command.confirm, .dismiss, .quit].contains($0.command) } ?? false)
            if fieldKey || binding == nil {
                if dialog.step.hasField && dialog.field.handle(key) {
                    dialog.message = nil
                    state.overlay = .dialog(dialog)
                }
                return []
            }
            return handle(&state, binding!.command)
        default:
            guard let binding else { return [] }
            return handle(&state, binding.command)
        }
    }

    static func handle(_ state: inout AppState, _ command: Command) -> [Effect] {
        let context = state.context
        if let binding = Keymap.bindings.first(where: { $0.command == command }), binding.writes, state.readOnly {
            state.message = StatusMessage(state.tr(ScreenText.readOnlyKey, state.tr(binding.label).lowercased()), .warning)
            return []
        }
        switch command {
        case .quit:
            switch context {
            case .help, .text: state.overlay = nil
            default: state.shouldQuit = true
            }
            return []
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        case .refresh:
            state.revision = -1
            state.message = StatusMessage(state.tr(ScreenText.reloaded))
            return [.pollRevision]
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            return move(&state, command)
        case .nextPane:
            return focus(&state, PaneKind(rawValue: (state.focus.rawValue + 1) % PaneKind.allCases.count)!)
        case .previousPane:
            return focus(&state, PaneKind(rawValue: (state.focus.rawValue + PaneKind.allCases.count - 1) % PaneKind.allCases.count)!)
        case .focus(let kind):
            return focus(&state, kind)
        case .open:
            return open(&state)
        case .back:
            return back(&state)
        case .help:
            state.overlay = state.overlay == nil ? .help(scroll: 0) : nil
            return []
        case .switchLanguage:
            // This session only: other clerks and the CLI keep theirs. Texts already worded (an open result) stay as they are.
            state.language = state.language.next
            state.message = StatusMessage(state.tr(ScreenText.languageSwitched, state.language.nativeName))
            return []
        case .filter:
            state.filterBefore = state.focused.filter
            state.filterInput = TextField(text: state.focused.filter, maxLength: 64)
            return []
        case .sortNext, .sortReverse:
            return sort(&state, reverse: command == .sortReverse)
        case .followSKU:
            return followSKU(&state)
        case .pick: return startOrderAction(&state, .pick)
        case .ship: return startOrderAction(&state, .ship)
        case .customerStatus: return startOrderAction(&state, .customerStatus)
        case .customer: return startOrderAction(&state, .customer)
        case .cancel: return startCorrection(&state, .cancel)
        case .putBack: return startCorrection(&state, .putBack)
        case .changeOrder: return startCorrection(&state, .changeOrder)
        case .expedite: return startCorrection(&state, .expedite)
        case .reallocate: return startCorrection(&state, .reallocate)
        case .amend: return startCorrection(&state, .amend)
        case .addLine: return startCorrection(&state, .addLine)
        case .returnUnits: return startCorrection(&state, .returnUnits)
        case .reverseReceipt: return startCorrection(&state, .reverseReceipt)
        case .newOrder:
            state.overlay = .dialog(DialogState(step: .newOrder(NewOrderDraft())))
            return [.searchCustomers("")]
        case .whyDate: return whyDate(&state)
        case .mark: return markForPurchase(&state)
        case .purchase: return startPurchase(&state)
        case .setSupplier: return startSetSupplier(&state)
        case .receive:
            return startReceive(&state)
        case .editETA:
            guard state.focus == .arrivals, case .arrivals(let rows) = state.focused.rows, let i = state.focused.selectedInWindow else {
                state.message = StatusMessage(state.tr(ScreenText.selectArrivalForETA), .warning)
                return []
            }
            state.overlay = .dialog(DialogState(step: .etaDate(rows[i].arrival), text: state.tr.day(rows[i].arrival.eta)))
            return []
        case .addArrival:
            state.overlay = .dialog(DialogState(step: .arrivalField(ArrivalDraft(sku: selectedSKU(state) ?? ""), .supplier)))
            return []
        case .confirm, .dismiss, .yes, .no, .override:
            if context == .filter { return finishFilter(&state, keep: command == .confirm) }
            return dialogCommand(&state, command)
        case .reports:
            if context == .reports { return switchReport(&state, by: 1) }
            return openReports(&state)
        case .nextReport: return switchReport(&state, by: 1)
        case .previousReport: return switchReport(&state, by: -1)
        case .previousPeriod: return movePeriod(&state, by: -1)
        case .nextPeriod: return movePeriod(&state, by: 1)
        case .notices:
            if context == .notices { state.notices.loadedRevision = -1 }  // n again reloads the list
            return openNotices(&state)
        case .markSent: return markSent(&state)
        case .markAllSent: return markAllSent(&state)
        case .pickList, .deliveryNote, .printText: return paperCommand(&state, command)
        case .mailNotice: return mailNotice(&state)
        case .mailAllNotices: return mailAllNotices(&state)
        case .export:
            guard let request = exportRequest(state) else { return [] }
            return [.export(request)]
        }
    }

    // MARK: panes

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

    // MARK: actions

    static func selectedOrder(_ state: AppState) -> String? {
        if let detail = state.detail { return detail.detail.order.number }
        let pane = state.focused
        guard let i = pane.selectedInWindow else { return nil }
        switch pane.rows {
        case .orders(let r): return r[i].number
        case .backorders(let r): return r[i].orderNumber
        default: return nil
        }
    }

    static func startOrderAction(_ state: inout AppState, _ purpose: DetailPurpose) -> [Effect] {
        guard let order = selectedOrder(state) else {
            state.message = StatusMessage(state.tr(ScreenText.selectOrder), .warning)
            return []
        }
        // The dialog works on the order as it is now, and commits only if it is still so.
        return [.loadDetail(order: order, purpose: purpose)]
    }

    static func detailLoaded(_ state: inout AppState, _ purpose: DetailPurpose, _ detail: OrderDetail) -> [Effect] {
        if let open = state.detail, open.detail.order.number == detail.order.number {
            state.detail = DetailState(detail: detail, scroll: open.scroll)
        }
        let number = detail.order.number
        let totals = detail.totals
        switch purpose {
        case .view:
            state.detail = DetailState(detail: detail)
        case .refresh:
            break
        case .customerStatus:
            state.overlay = .text(title: state.tr(ScreenText.customerStatusTitle, number), lines: detail.customerStatus(today: state.today)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init), scroll: 0)
        case .customer:
            return [.loadCustomer(detail.order.customerCode)]
        case .pick:
            guard detail.order.isOpen else { state.message = StatusMessage(state.tr(ScreenText.orderIsClosed, number), .warning); return [] }
            let plan = PickPlan(detail: detail)
            guard !plan.lines.isEmpty else {
                state.message = StatusMessage(state.tr(ScreenText.nothingAllocated, number)
                                              + (totals.backordered > 0 ? state.tr(ScreenText.waitForStock, totals.backordered) : ""), .warning)
                return []
            }
            state.overlay = .dialog(DialogState(step: .pickQuantity(plan), text: String(plan.current.line.quantities.allocated)))
        case .ship:
            guard detail.order.isOpen else { state.message = StatusMessage(state.tr(ScreenText.orderIsClosed, number), .warning); return [] }
            guard totals.picked > 0 else {
                state.message = StatusMessage(state.tr(ScreenText.nothingPicked, number), .warning)
                return []
            }
            state.overlay = .dialog(DialogState(step: .shipConfirm(detail)))
        case .correct(let kind, let lineNo):
            return openCorrection(&state, kind, lineNo: lineNo, detail)
        }
        return []
    }

    /// `y`: the selected backorder line's date explained; on an order (its row or its detail) every waiting line's.
    static func whyDate(_ state: inout AppState) -> [Effect] {
        if let detail = state.detail { return [.loadExplanation(order: detail.detail.order.number, lineNo: nil)] }
        let pane = state.focused
        if let i = pane.selectedInWindow {
            switch pane.rows {
            case .backorders(let r): return [.loadExplanation(order: r[i].orderNumber, lineNo: r[i].lineNo)]
            case .orders(let r): return [.loadExplanation(order: r[i].number, lineNo: nil)]
            default: break
            }
        }
        state.message = StatusMessage(state.tr(ScreenText.whyWhere), .warning)
        return []
    }

    static func startReceive(_ state: inout AppState) -> [Effect] {
        let pane = state.focused
        if state.detail == nil, case .arrivals(let rows) = pane.rows, let i = pane.selectedInWindow {
            openReceiveQuantity(&state, .arrival(rows[i].arrival))
            return []
        }
        state.overlay = .dialog(DialogState(step: .receiveTarget, text: selectedSKU(state) ?? ""))
        return []
    }

    static func openReceiveQuantity(_ state: inout AppState, _ target: ReceiveTarget) {
        var text = ""
        if case .arrival(let a) = target { text = String(a.outstanding) }
        state.overlay = .dialog(DialogState(step: .receiveQuantity(target), text: text))
    }

    static func operationFailed(_ state: inout AppState, _ error: BackorderError) -> [Effect] {
        if error.kind == .stale {
            // The clerk decided on figures that are no longer true: close, refresh, let them look again.
            state.overlay = nil
            state.message = StatusMessage(state.tr(ScreenText.refreshed, error.message(state.tr)), .error)
            state.revision = -1
            return [.pollRevision]
        }
        if case .dialog(var dialog) = state.overlay {
            dialog.message = error.message(state.tr)
            state.overlay = .dialog(dialog)
        }
        state.message = StatusMessage(error.message(state.tr), .error)
        // A refusal often means the data moved on (someone else shipped): show the current state.
        return error.kind == .refused ? [.pollRevision] : []
    }

    // MARK: dialogs

    static func dialogCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard case .dialog(var dialog) = state.overlay else { return [] }
        if command == .dismiss {
            state.overlay = nil
            state.message = StatusMessage(state.tr(ScreenText.dialogCancelled))
            return []
        }
        let text = dialog.field.text
        let tr = state.tr
        do {
            switch (dialog.step, command) {
            case (.pickQuantity(var plan), .confirm):
                let allocated = plan.current.line.quantities.allocated
                let lineNo = plan.current.line.lineNo
                let picked = try Validate.parseQuantity(text, tr(InputText.pickedQuantity))
                guard picked <= allocated else {
                    throw BackorderError.invalid(.t(InputText.tooManyPicked, allocated, Plain(lineNo)))
                }
                if picked < allocated {
                    dialog = DialogState(step: .pickShort(plan, picked: picked))
                } else {
                    plan.entries.append(PickEntry(lineNo: lineNo, picked: picked))
                    dialog = nextPickStep(plan, tr: tr)
                }
            case (.pickShort(var plan, let picked), .yes), (.pickShort(var plan, let picked), .no):
                let allocated = plan.current.line.quantities.allocated
                plan.entries.append(PickEntry(lineNo: plan.current.line.lineNo, picked: picked,
                                              missing: command == .yes ? allocated - picked : 0))
                dialog = nextPickStep(plan, tr: tr)
            case (.pickShort, .confirm):
                throw BackorderError.invalid(.t(InputText.pressYesOrNo))
            case (.pickConfirm(let plan), .confirm):
                return [.perform(.pick(order: plan.detail.order.number, entries: plan.entries.filter { $0.picked + $0.missing > 0 },
                                       expectedVersion: plan.detail.order.version))]
            case (.shipConfirm(let detail), .confirm), (.shipConfirm(let detail), .override):
                let behind = detail.totals.allocated + detail.totals.backordered
                let needsOverride = detail.order.policy == .complete && behind > 0
                if needsOverride && command != .override {
                    throw BackorderError.refused(.t(InputText.shipCompleteOverride))
                }
                return [.perform(.ship(order: detail.order.number, override: needsOverride, expectedVersion: detail.order.version,
                                       before: detail))]
            case (.receiveTarget, .confirm):
                let name = text.trimmingSpaces
                guard !name.isEmpty else { throw BackorderError.invalid(.t(InputText.receiveTargetEmpty)) }
                return [.resolveReceiveTarget(name)]
            case (.receiveQuantity(let target), .confirm):
                let quantity = try Validate.parseQuantity(text, tr(InputText.receivedQuantity))
                try Validate.positive(quantity, tr(InputText.receivedQuantity))
                state.overlay = .dialog(DialogState(step: .receiveConfirm(target, quantity: quantity), message: tr(InputText.workingReceipt)))
                return [.previewOperation(.receive(target, quantity: quantity))]
            case (.receiveConfirm(let target, let quantity), .confirm):
                return [.perform(.receive(target, quantity: quantity))]
            case (.etaDate(let arrival), .confirm):
                let day = try DayInput.parse(text, today: state.today, what: tr(InputText.eta))
                guard day != arrival.eta else { throw BackorderError.invalid(.t(InputText.alreadyExpected, arrival.reference, day)) }
                dialog = DialogState(step: .etaReason(arrival, day))
            case (.etaReason(let arrival, let day), .confirm):
                try Validate.text(text, tr(InputText.reason), required: false)
                state.overlay = .dialog(DialogState(step: .etaConfirm(arrival, day, reason: text.trimmingSpaces),
                                                    message: tr(InputText.workingETA)))
                return [.previewOperation(.changeETA(arrival: arrival.reference, to: day, reason: text.trimmingSpaces))]
            case (.etaConfirm(let arrival, let day, let reason), .confirm):
                return [.perform(.changeETA(arrival: arrival.reference, to: day, reason: reason))]
            case (.arrivalField(var draft, let field), .confirm):
                let value = text.trimmingSpaces
                switch field {
                case .supplier: try Validate.text(value, tr(InputText.supplier)); draft.supplier = value
                case .poNumber: try Validate.identifier(value, tr(InputText.poNumber)); draft.poNumber = value
                case .poLine:
                    let n = try Validate.parseQuantity(value, tr(InputText.poLine))
                    guard n >= 1 else { throw BackorderError.invalid(.t(InputText.poLineTooSmall)) }
                    draft.poLine = n
                case .sku: try Validate.identifier(value, tr(InputText.sku)); draft.sku = value
                case .quantity:
                    let n = try Validate.parseQuantity(value, tr(InputText.expectedQuantity))
                    try Validate.positive(n, tr(InputText.expectedQuantity))
                    draft.quantity = n
                case .eta: draft.eta = try DayInput.parse(value, today: state.today, what: tr(InputText.eta))
                }
                if let next = ArrivalDraft.Field(rawValue: field.rawValue + 1) {
                    dialog = DialogState(step: .arrivalField(draft, next), text: Texts.defaultText(draft, next, today: state.today, tr: tr))
                } else {
                    dialog = DialogState(step: .arrivalConfirm(draft))
                }
            case (.arrivalConfirm(let draft), .confirm):
                return [.perform(.addArrival(draft))]
            case (.newOrder(let draft), .confirm):
                return try answerNewOrder(&state, dialog, draft)
            case (.newOrderConfirm(let draft, _), .confirm):
                return [.perform(.createOrder(draft.order))]
            case (.correctionField(let draft), .confirm):
                return try answerCorrection(&state, dialog, draft)
            case (.correctionConfirm(_, let c, _), .confirm):
                return [.perform(.correct(c, preview: false))]
            case (.customerField(let draft), .confirm):
                return try answerCustomer(&state, dialog, draft)
            case (.customerConfirm(let draft), .confirm):
                return [.perform(.changeCustomer(code: draft.customer.code, draft.changes))]
            case (.mailAllConfirm, .confirm):
                return [.perform(.mailNotices(order: nil))]
            case (.markAllSentConfirm, .confirm):
                return [.perform(.markNoticesSent(order: nil))]
            case (.purchaseQuantity(var plan), .confirm):
                let row = plan.current
                let quantity = try Validate.parseQuantity(text, tr(InputText.quantityOf, row.sku))
                try Validate.positive(quantity, tr(InputText.quantityOf, row.sku))
                // A placeholder ETA until the supplier and the day are settled: the steps below replace it.
                plan.draft = PlannedPurchase(sku: row.sku, quantity: quantity, supplier: row.supplier,
                                             eta: row.purchaseETA(today: state.today) ?? state.today)
                dialog = nextPurchaseStep(plan, today: state.today)
            case (.purchaseSupplier(var plan), .confirm):
                let supplier = text.trimmingSpaces
                try Validate.text(supplier, tr(InputText.supplier))
                plan.draft?.supplier = supplier
                dialog = nextPurchaseStep(plan, today: state.today)
            case (.purchaseETA(var plan), .confirm):
                let day = try DayInput.parse(text, today: state.today, what: tr(InputText.eta))
                guard var draft = plan.draft else { return [] }
                draft.eta = day
                plan.lines.append(draft)
                plan.draft = nil
                dialog = nextPurchaseItem(plan)
            case (.supplierName(var draft), .confirm):
                let supplier = text.trimmingSpaces
                try Validate.text(supplier, tr(InputText.supplier), required: false)
                draft.supplier = supplier
                dialog = DialogState(step: .supplierLeadTime(draft), text: draft.leadTimeDays.map(String.init) ?? "")
            case (.supplierLeadTime(let draft), .confirm):
                var days: Int?
                if !text.trimmingSpaces.isEmpty {
                    days = try Validate.parseQuantity(text, tr(InputText.leadTime))
                    try Validate.leadTime(days!)
                }
                return [.perform(.setPurchasing(sku: draft.sku, supplier: draft.supplier, leadTimeDays: days))]
            case (.purchaseConfirm(let plan), .confirm):
                return [.perform(.purchase(PurchaseRequest(lines: plan.lines.map {
                    PurchaseLine(sku: $0.sku, quantity: $0.quantity, supplier: $0.supplier, eta: $0.eta)
                })))]
            case (.result, _):
                state.overlay = nil
                return []
            default:
                return []
            }
        } catch let error as BackorderError {
            dialog.message = error.message(state.tr)
        } catch {
            dialog.message = "\(error)"
        }
        state.overlay = .dialog(dialog)
        return []
    }

    /// After an answer about the current item: its supplier or ETA when the item has none set, else the next item.
    static func nextPurchaseStep(_ plan: PurchasePlan, today: Day) -> DialogState {
        var plan = plan
        guard let draft = plan.draft else { return nextPurchaseItem(plan) }
        if draft.supplier.trimmingSpaces.isEmpty { return DialogState(step: .purchaseSupplier(plan)) }
        if plan.current.leadTimeDays == nil { return DialogState(step: .purchaseETA(plan)) }
        plan.lines.append(draft)
        plan.draft = nil
        return nextPurchaseItem(plan)
    }

    /// The quantity of the next item, or the confirmation after the last.
    static func nextPurchaseItem(_ plan: PurchasePlan) -> DialogState {
        var plan = plan
        guard plan.lines.count < plan.rows.count else {
            plan.index = plan.rows.count - 1
            return DialogState(step: .purchaseConfirm(plan))
        }
        plan.index = plan.lines.count
        return DialogState(step: .purchaseQuantity(plan), text: plan.suggestion)
    }

    static func nextPickStep(_ plan: PickPlan, tr: Localizer = .process) -> DialogState {
        var plan = plan
        plan.index += 1
        if plan.index < plan.lines.count {
            return DialogState(step: .pickQuantity(plan), text: String(plan.current.line.quantities.allocated))
        }
        guard plan.entries.contains(where: { $0.picked + $0.missing > 0 }) else {
            // Nothing picked and nothing missing would be an empty pick: ask again from the first line.
            var restart = plan
            restart.index = 0
            restart.entries = []
            return DialogState(step: .pickQuantity(restart), text: String(restart.current.line.quantities.allocated),
                               message: tr(InputText.everyQuantityZero))
        }
        plan.index = plan.lines.count - 1
        return DialogState(step: .pickConfirm(plan))
    }
}

/// Days as a clerk types them (ISO, dd.mm.yyyy, d.m.yyyy, +N, today): read by `Day.parse(typed:today:)` in the core.
enum DayInput {
    static func parse(_ text: String, today: Day, what: String) throws -> Day {
        guard let day = Day.parse(typed: text, today: today) else {
            throw BackorderError.invalid(.t(InputText.notADay, what, text.trimmingSpaces))
        }
        return day
    }
}
