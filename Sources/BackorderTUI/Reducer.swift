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
        case .customerLoaded(let customer, let history):
            return customerLoaded(&state, customer, history: history)
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
}
