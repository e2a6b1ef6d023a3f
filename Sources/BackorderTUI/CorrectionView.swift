import BackorderCore

/// The words of the exception dialogs: the order as it stands, the question, and the consequences to confirm.
enum CorrectionView {
    /// The label of the confirming key.
    static func confirmLabel(_ kind: CorrectionKind) -> String {
        switch kind {
        case .cancel: return "Cancel it"
        case .putBack: return "Put back"
        case .changeOrder: return "Change"
        case .expedite: return "Serve first"
        case .reallocate: return "Give the stock"
        case .amend: return "Change quantity"
        case .addLine: return "Add the line"
        case .returnUnits: return "Book the return"
        case .reverseReceipt: return "Reverse it"
        }
    }

    /// One line of the order, its buckets in short.
    static func lineSummary(_ l: OrderDetail.Line) -> String {
        let q = l.line.quantities
        var parts = ["\(q.ordered) ordered"]
        if q.allocated > 0 { parts.append("\(q.allocated) allocated") }
        if q.picked > 0 { parts.append("\(q.picked) picked") }
        if q.shipped > 0 { parts.append("\(q.shipped) shipped") }
        if q.backordered > 0 { parts.append("\(q.backordered) backordered") }
        if q.cancelled > 0 { parts.append("\(q.cancelled) cancelled") }
        return "\(l.line.lineNo) \(l.line.sku): " + parts.joined(separator: ", ")
    }

    static func question(_ draft: CorrectionDraft) -> (String, [String]) {
        var body: [String] = []
        let title: String
        if let d = draft.detail {
            title = "\(draft.kind.title) — \(d.order.number)"
            body.append("\(d.order.customerName), priority \(d.order.priority), \(d.order.policy == .complete ? "ship complete" : "partial shipments")")
            let shown = draft.line.map { [$0] } ?? d.lines
            for l in shown.prefix(6) { body.append("• " + lineSummary(l)) }
            if shown.count > 6 { body.append("• … \(shown.count - 6) more line(s)") }
        } else {
            title = draft.kind.title
        }
        guard let field = draft.field else { return (title, body) }
        if field == .donors {
            if let candidates = draft.candidates {
                body.append(candidates.isEmpty ? "No other open order holds this SKU allocated." : "Holding it (least urgent, newest first):")
                for c in candidates.prefix(5) {
                    body.append("• \(c.orderNumber)/\(c.lineNo) p\(c.priority) \(c.orderDate.iso): \(c.allocated) (\(c.customerName))")
                }
                if candidates.count > 5 { body.append("• … \(candidates.count - 5) more") }
            } else {
                body.append("Looking up the orders that hold it…")
            }
        }
        body.append(prompt(draft, field))
        return (title, body)
    }

    static func prompt(_ draft: CorrectionDraft, _ field: CorrectionField) -> String {
        switch field {
        case .line:
            switch draft.kind {
            case .cancel: return "Line to cancel (empty: the whole order):"
            case .putBack: return "Line to put back (empty: everything picked):"
            case .reallocate: return "Line that gets the stock:"
            case .returnUnits: return "Line that came back:"
            default: return "Line:"
            }
        case .scope: return "a: everything not picked (allocated stock is freed for waiting orders); b: only the backordered units:"
        case .quantity:
            switch draft.kind {
            case .amend: return "New ordered quantity (down: backordered units go first, then allocated ones):"
            case .returnUnits: return "Units returned:"
            default: return "Quantity:"
            }
        case .priority: return "Priority, 1 (most urgent) to 9:"
        case .policy: return "p: partial shipments allowed; c: ship complete:"
        case .note: return "Customer's reference or note (empty: none):"
        case .sku: return "SKU:"
        case .donors: return "Take from ORDER/LINE=QTY … (as proposed, or edit; empty: the proposal):"
        case .restock: return "r: back in stock (waiting orders are served); s: scrap:"
        case .receipt: return "Receipt number (RC-…), as on the receipt or in the journal:"
        case .reason: return "Reason (kept in the journal):"
        case .optionalReason: return "Reason (optional, kept in the journal):"
        }
    }

    static func confirmation(_ draft: CorrectionDraft, _ result: CorrectionResult) -> (String, [String]) {
        let c = result.consequences
        var body = ["Nothing is changed yet. Confirming does this:", "\(result.summary)."]
        if c.lines.isEmpty && c.dates.isEmpty { body.append("No order line changes.") }
        body += c.describe(limit: 6)
        return ("Confirm: \(draft.kind.title.lowercased())", body)
    }
}
