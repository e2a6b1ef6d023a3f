import BackorderCore
import TerminalKit

/// The everyday exceptions' dialogs: the questions one by one, a preview of the consequences, then the clerk's yes.
extension Reducer {
    /// A command that starts an exception: an order's exceptions load the order first (the dialog works on it as it is now).
    static func startCorrection(_ state: inout AppState, _ kind: CorrectionKind) -> [Effect] {
        if kind == .reverseReceipt {
            state.overlay = .dialog(DialogState(step: .correctionField(CorrectionDraft(kind: kind, detail: nil))))
            return []
        }
        var line: Int?
        if state.detail == nil, state.focus == .backorders, case .backorders(let rows) = state.focused.rows, let i = state.focused.selectedInWindow {
            line = rows[i].lineNo
        }
        return startOrderAction(&state, .correct(kind, lineNo: line))
    }

    /// The order arrived: open the dialog at its first question, or say why the exception does not apply.
    static func openCorrection(_ state: inout AppState, _ kind: CorrectionKind, lineNo: Int?, _ detail: OrderDetail) -> [Effect] {
        let number = detail.order.number
        guard detail.order.isOpen || kind == .returnUnits else {
            state.message = StatusMessage(state.tr(CorrectionText.orderClosed, number), .warning)
            return []
        }
        let t = detail.totals
        let refusal: String?
        switch kind {
        case .putBack: refusal = t.picked == 0 ? state.tr(CorrectionText.nothingPicked, number) : nil
        case .reallocate: refusal = t.backordered == 0 ? state.tr(CorrectionText.nothingWaits, number) : nil
        case .returnUnits: refusal = t.shipped == 0 ? state.tr(CorrectionText.nothingShipped, number) : nil
        case .cancel: refusal = t.open == 0 ? state.tr(CorrectionText.nothingOpen, number) : nil
        default: refusal = nil
        }
        if let refusal {
            state.message = StatusMessage(refusal, .warning)
            return []
        }
        let draft = CorrectionDraft(kind: kind, detail: detail, selectedLine: lineNo)
        state.overlay = .dialog(DialogState(step: .correctionField(draft), text: defaultAnswer(draft)))
        return []
    }

    /// What a question's field holds when it is asked: the likely answer, so Enter often suffices.
    static func defaultAnswer(_ draft: CorrectionDraft) -> String {
        guard let field = draft.field else { return "" }
        let lines = draft.detail?.lines ?? []
        switch field {
        case .line:
            if let n = draft.selectedLine { return String(n) }
            switch draft.kind {
            case .reallocate: return lines.first { $0.line.quantities.backordered > 0 }.map { String($0.line.lineNo) } ?? ""
            case .returnUnits: return lines.first { $0.line.quantities.shipped > 0 }.map { String($0.line.lineNo) } ?? ""
            case .amend: return lines.count == 1 ? "1" : ""
            default: return ""  // cancel and put back: the whole order
            }
        case .scope: return "a"
        case .quantity:
            switch draft.kind {
            case .amend: return draft.line.map { String($0.line.quantities.ordered) } ?? ""
            case .returnUnits: return draft.line.map { String($0.line.quantities.shipped) } ?? ""
            default: return ""
            }
        case .priority: return draft.detail.map { String($0.order.priority) } ?? "5"
        case .policy: return draft.detail?.order.policy == .complete ? "c" : "p"
        case .note: return draft.detail?.note ?? ""
        case .donors:
            guard let candidates = draft.candidates, let line = draft.line else { return "" }
            return Rules.proposeDonors(candidates, quantity: line.line.quantities.backordered)
                .map { "\($0.orderNumber)/\($0.lineNo)=\($0.quantity)" }.joined(separator: " ")
        case .restock: return "r"
        case .sku, .receipt, .reason, .optionalReason: return ""
        }
    }

    /// Checks an answer and returns it as kept.
    static func accept(_ draft: CorrectionDraft, _ field: CorrectionField, _ raw: String, _ tr: Localizer) throws -> String {
        typealias T = CorrectionText
        let text = raw.trimmingSpaces
        let lines = draft.detail?.lines ?? []
        switch field {
        case .line:
            if text.isEmpty && (draft.kind == .cancel || draft.kind == .putBack) { return "" }
            guard let n = Int(text), let line = lines.first(where: { $0.line.lineNo == n }) else {
                throw BackorderError.invalid(.t(T.typeLine, lines.map { String($0.line.lineNo) }.joined(separator: ", ")))
            }
            let q = line.line.quantities
            switch draft.kind {
            case .reallocate where q.backordered == 0:
                throw BackorderError.invalid(.t(T.lineWaitsForNothing, Plain(n),
                                             lines.filter { $0.line.quantities.backordered > 0 }.map { String($0.line.lineNo) }.joined(separator: ", ")))
            case .returnUnits where q.shipped == 0: throw BackorderError.invalid(.t(T.lineNotShipped, Plain(n)))
            case .putBack where q.picked == 0: throw BackorderError.invalid(.t(T.lineNotPicked, Plain(n)))
            default: return String(n)
            }
        case .scope:
            guard ["a", "b"].contains(text.lowercased()) else { throw BackorderError.invalid(.t(T.typeScope)) }
            return text.lowercased()
        case .quantity:
            let q = try Validate.parseQuantity(text, tr(T.whatQuantity))
            try Validate.positive(q, tr(T.whatQuantity))
            return String(q)
        case .priority:
            guard let p = Int(text), (1...9).contains(p) else { throw BackorderError.invalid(.t(T.priorityRange)) }
            return String(p)
        case .policy:
            guard ["p", "c"].contains(text.lowercased()) else { throw BackorderError.invalid(.t(T.typePolicy)) }
            return text.lowercased()
        case .note:
            try Validate.text(text, tr(T.whatNote), required: false)
            return text
        case .sku:
            try Validate.identifier(text, tr(T.whatSKU))
            return text
        case .donors:
            _ = try parseDonors(text)
            return text
        case .restock:
            guard ["r", "s"].contains(text.lowercased()) else { throw BackorderError.invalid(.t(T.typeRestock)) }
            return text.lowercased()
        case .receipt:
            try Validate.identifier(text, tr(T.whatReceipt))
            return text
        case .reason:
            try Validate.text(text, tr(T.whatReason))
            return text
        case .optionalReason:
            try Validate.text(text, tr(T.whatReason), required: false)
            return text
        }
    }

    /// Donors typed as `ORDER/LINE=QTY`, separated by spaces or commas; empty: the proposed ones.
    static func parseDonors(_ text: String) throws -> [DonorLine]? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !parts.isEmpty else { return nil }
        return try parts.map(DonorLine.parse)
    }

    /// The exception the answers describe.
    static func correction(_ draft: CorrectionDraft) throws -> Correction {
        let a = { (f: CorrectionField) in draft.answer(f) ?? "" }
        let number = draft.detail?.order.number ?? ""
        let version = draft.detail?.order.version ?? 0
        let lineNo = Int(a(.line))
        switch draft.kind {
        case .cancel:
            return .cancel(order: number, lineNo: lineNo, scope: a(.scope) == "b" ? .backordered : .open, reason: a(.reason), expectedVersion: version)
        case .putBack:
            let entries = draft.line.map { [PutBackEntry(lineNo: $0.line.lineNo, quantity: $0.line.quantities.picked)] }
            return .putBack(order: number, entries: entries, reason: a(.reason), expectedVersion: version)
        case .changeOrder:
            let d = draft.detail
            let priority = Int(a(.priority)), policy: ShipPolicy = a(.policy) == "c" ? .complete : .partial
            let changes = OrderChanges(priority: priority == d?.order.priority ? nil : priority,
                                       policy: policy == d?.order.policy ? nil : policy,
                                       note: a(.note) == d?.note ? nil : a(.note))
            guard !changes.isEmpty else { throw BackorderError.invalid(.t(CorrectionText.nothingChanged)) }
            return .changeOrder(order: number, changes, reason: a(.optionalReason), expectedVersion: version)
        case .expedite:
            return .expedite(order: number, reason: a(.reason), expectedVersion: version)
        case .reallocate:
            return .reallocate(order: number, lineNo: lineNo ?? 0, donors: try parseDonors(a(.donors)), reason: a(.reason), expectedVersion: version)
        case .amend:
            return .amend(order: number, lineNo: lineNo ?? 0, quantity: Int(a(.quantity)) ?? 0, reason: a(.reason), expectedVersion: version)
        case .addLine:
            return .addLine(order: number, sku: a(.sku), quantity: Int(a(.quantity)) ?? 0, reason: a(.optionalReason), expectedVersion: version)
        case .returnUnits:
            return .returnUnits(order: number, lineNo: lineNo ?? 0, quantity: Int(a(.quantity)) ?? 0, restock: a(.restock) != "s", reason: a(.reason))
        case .reverseReceipt:
            return .reverseReceipt(number: a(.receipt), reason: a(.reason))
        }
    }

    /// Enter on an exception's question: keep the answer, ask the next, or (all answered) work out the consequences.
    static func answerCorrection(_ state: inout AppState, _ dialog: DialogState, _ draft: CorrectionDraft) throws -> [Effect] {
        guard let field = draft.field else { return [] }  // the preview is on its way
        var next = draft
        next.answers.append(try accept(draft, field, dialog.field.text, state.tr))
        var effects: [Effect] = []
        if next.field == .donors, let line = next.line, let number = next.detail?.order.number {
            effects.append(.loadDonors(sku: line.line.sku, excluding: number))
        }
        if next.field == nil {
            let c = try correction(next)
            effects.append(.perform(.correct(c, preview: true)))
        }
        var opened = DialogState(step: .correctionField(next), text: defaultAnswer(next))
        if next.field == nil { opened.message = state.tr(CorrectionText.workingOut) }
        state.overlay = .dialog(opened)
        return effects
    }

    /// The candidates for a re-allocation arrived: shown in the dialog, the proposal typed in for the clerk to keep or edit.
    static func donorsLoaded(_ state: inout AppState, sku: String, _ candidates: [DonorCandidate]) -> [Effect] {
        guard case .dialog(let dialog) = state.overlay, case .correctionField(var draft) = dialog.step, draft.field == .donors,
              draft.line?.line.sku == sku else { return [] }
        draft.candidates = candidates
        var opened = DialogState(step: .correctionField(draft), text: defaultAnswer(draft))
        if candidates.isEmpty { opened.message = state.tr(CorrectionText.noDonorsFor, sku) }
        state.overlay = .dialog(opened)
        return []
    }

    /// A preview came back: show its consequences and wait for the clerk's yes.
    static func correctionPreviewed(_ state: inout AppState, _ c: Correction, _ result: CorrectionResult) -> [Effect] {
        guard case .dialog(let dialog) = state.overlay, case .correctionField(let draft) = dialog.step, draft.field == nil else { return [] }
        state.overlay = .dialog(DialogState(step: .correctionConfirm(draft, c, result)))
        return []
    }

    /// What an ETA change or a receipt would change arrived: listed in its confirmation.
    static func operationPreviewed(_ state: inout AppState, _ operation: Operation, _ result: CorrectionResult) -> [Effect] {
        guard case .dialog(var dialog) = state.overlay else { return [] }
        let matches: Bool
        switch (dialog.step, operation) {
        case (.etaConfirm(let a, let day, let reason), .changeETA(let ref, let to, let why)): matches = (a.reference, day, reason) == (ref, to, why)
        case (.receiveConfirm(let target, let quantity), .receive(let t, let q)): matches = target == t && quantity == q
        default: matches = false
        }
        if matches {
            let c = result.consequences
            var lines = CorrectionView.describe(c, limit: 6, state.tr)
            if c.dates.filter(\.wasWaiting).isEmpty { lines.insert(state.tr(DialogText.noDateMoves), at: 0) }
            dialog.consequences = lines
            dialog.message = nil
            state.overlay = .dialog(dialog)
        }
        return []
    }

    /// A preview was refused: back to the last question, with the reason, so the clerk can change the answer.
    static func correctionPreviewFailed(_ state: inout AppState, _ error: BackorderError) -> Bool {
        guard error.kind != .stale, case .dialog(let dialog) = state.overlay, case .correctionField(var draft) = dialog.step,
              draft.field == nil, let last = draft.answers.popLast() else { return false }
        state.overlay = .dialog(DialogState(step: .correctionField(draft), text: last, message: error.message(state.tr)))
        state.message = StatusMessage(error.message(state.tr), .error)
        return true
    }
}
