import BackorderCore
import TerminalKit

/// The reducer's part for starting an operation on the selected order or arrival, and for an operation that failed.
extension Reducer {
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
}
