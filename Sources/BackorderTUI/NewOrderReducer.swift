import BackorderCore
import TerminalKit

/// The order desk's dialog: customer, then lines (SKU, quantity) found as the clerk types, priority and policy, then what
/// each line gets (from stock, on backorder with its promised date) before the order is placed.
extension Reducer {
    /// A key in the new-order dialog: ↑↓ choose among the matches, anything else edits the text and searches again.
    static func newOrderKey(_ state: inout AppState, _ dialog: DialogState, _ draft: NewOrderDraft, _ key: Key) -> [Effect] {
        var dialog = dialog, draft = draft
        if key == .up || key == .down {
            guard draft.hitCount > 0 else { return [] }
            draft.hit = max(0, min(draft.hitCount - 1, draft.hit + (key == .down ? 1 : -1)))
            dialog.step = .newOrder(draft)
            state.overlay = .dialog(dialog)
            return []
        }
        guard dialog.field.handle(key) else { return [] }
        dialog.message = nil
        state.overlay = .dialog(dialog)
        switch draft.step {
        case .customer: return [.searchCustomers(dialog.field.text)]
        case .sku: return [.searchItems(dialog.field.text)]
        default: return []
        }
    }

    /// Matches for what was typed; an answer to text since changed is dropped.
    static func newOrderHits(_ state: inout AppState, _ text: String, _ set: (inout NewOrderDraft) -> Void) -> [Effect] {
        guard case .dialog(var dialog) = state.overlay, case .newOrder(var draft) = dialog.step, dialog.field.text == text else { return [] }
        set(&draft)
        draft.hit = 0
        dialog.step = .newOrder(draft)
        state.overlay = .dialog(dialog)
        return []
    }

    /// Enter: take the highlighted match or the typed value, and ask the next question.
    static func answerNewOrder(_ state: inout AppState, _ dialog: DialogState, _ draft: NewOrderDraft) throws -> [Effect] {
        var draft = draft
        let text = dialog.field.text.trimmingSpaces
        var next = ""
        var effects: [Effect] = []
        switch draft.step {
        case .customer:
            guard draft.hit < draft.customerHits.count else { throw BackorderError.invalid(.t(OrderDeskText.noCustomer, text)) }
            draft.customer = draft.customerHits[draft.hit]
            draft.step = .sku
            effects = [.searchItems("")]
        case .sku:
            if text.isEmpty {
                guard !draft.lines.isEmpty else { throw BackorderError.invalid(.t(OrderDeskText.needsLine)) }
                draft.step = .priority
                next = String(draft.priority)
            } else {
                guard draft.hit < draft.itemHits.count else { throw BackorderError.invalid(.t(OrderDeskText.noItem, text)) }
                draft.item = draft.itemHits[draft.hit]
                draft.step = .quantity
            }
        case .quantity:
            let q = try Validate.parseQuantity(text, state.tr(OrderDeskText.whatQuantity))
            try Validate.positive(q, state.tr(OrderDeskText.whatQuantity))
            guard let item = draft.item else { return [] }
            draft.lines.append(NewOrderLine(sku: item.sku, quantity: q))
            draft.itemNames[item.sku] = item.name
            draft.item = nil
            draft.step = .sku
            effects = [.searchItems("")]
        case .priority:
            guard let p = Int(text), (1...9).contains(p) else { throw BackorderError.invalid(.t(OrderDeskText.priorityRange)) }
            draft.priority = p
            draft.step = .policy
            next = draft.policy == .complete ? "c" : "p"
        case .policy:
            guard ["p", "c"].contains(text.lowercased()) else { throw BackorderError.invalid(.t(OrderDeskText.typePolicy)) }
            draft.policy = text.lowercased() == "c" ? .complete : .partial
            var working = DialogState(step: .newOrder(draft), text: text, message: state.tr(OrderDeskText.workingOut))
            working.field.text = text
            state.overlay = .dialog(working)
            return [.previewOrder(draft.order)]
        }
        draft.customerHits = draft.step == .customer ? draft.customerHits : []
        draft.itemHits = []
        draft.hit = 0
        state.overlay = .dialog(DialogState(step: .newOrder(draft), text: next))
        return effects
    }

    /// What each line gets came back: show it and wait for the clerk's yes.
    static func newOrderPreviewed(_ state: inout AppState, _ order: NewOrder, _ preview: OrderPreview) -> [Effect] {
        guard case .dialog(let dialog) = state.overlay, case .newOrder(let draft) = dialog.step, draft.order == order else { return [] }
        state.overlay = .dialog(DialogState(step: .newOrderConfirm(draft, preview)))
        return []
    }
}

/// The words of the new-order dialog.
enum NewOrderView {
    typealias T = OrderDeskText

    static func content(_ draft: NewOrderDraft, _ tr: Localizer) -> (String, [String]) {
        var body: [String] = []
        if let c = draft.customer { body.append(tr(T.customer, c.code, c.name)) }
        for (i, l) in draft.lines.enumerated() { body.append(tr(T.line, Plain(i + 1), l.sku, draft.itemNames[l.sku] ?? "", l.quantity)) }
        switch draft.step {
        case .customer:
            body.append(tr(T.askCustomer))
            body += hits(draft.customerHits.map { "\($0.code) \($0.name)" }, draft.hit)
        case .sku:
            body.append(tr(draft.lines.isEmpty ? T.askItem : T.askNextItem))
            body += hits(draft.itemHits.map { tr(T.itemHit, $0.sku, $0.name, $0.free) }, draft.hit)
        case .quantity:
            if let i = draft.item { body.append(tr(T.itemFree, i.sku, i.name, i.free, i.backordered)) }
            body.append(tr(T.quantity))
        case .priority: body.append(tr(T.priority))
        case .policy: body.append(tr(T.policy))
        }
        return (draft.customer.map { tr(T.titleFor, $0.name) } ?? tr(T.title), body)
    }

    static func hits(_ rows: [String], _ selected: Int) -> [String] {
        rows.prefix(5).enumerated().map { ($0.offset == selected ? "▸ " : "· ") + $0.element }
    }

    /// "70 from stock, 30 on backorder, promised 2026-12-13 (PO-4505/1)".
    static func promise(_ l: OrderPreview.Line, _ tr: Localizer) -> String {
        guard l.backordered > 0 else { return tr(T.fromStock, l.fromStock) }
        let when = l.promised.map { day in l.arrival.map { tr(T.promisedFrom, day, $0) } ?? tr(T.promisedOn, day) } ?? tr(T.noArrivalPlanned)
        return (l.fromStock > 0 ? tr(T.fromStockAnd, l.fromStock) : "") + tr(T.onBackorder, l.backordered, when)
    }

    static func confirmation(_ draft: NewOrderDraft, _ preview: OrderPreview, _ tr: Localizer) -> (String, [String]) {
        var body = [tr(T.header, draft.customer?.name ?? "", Plain(draft.priority),
                       tr(draft.policy == .complete ? T.shipComplete : T.partialShipments)),
                    tr(T.nothingYet)]
        for l in preview.lines { body.append(tr(T.previewLine, Plain(l.lineNo), l.sku, l.quantity, promise(l, tr))) }
        return (tr(T.confirmTitle), body)
    }
}
