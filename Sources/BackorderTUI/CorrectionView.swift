import BackorderCore

/// The words of the exception dialogs: the order as it stands, the question, and the consequences to confirm.
enum CorrectionView {
    typealias T = CorrectionText

    /// The dialog's title.
    static func title(_ kind: CorrectionKind, _ tr: Localizer) -> String {
        switch kind {
        case .cancel: return tr(T.titleCancel)
        case .putBack: return tr(T.titlePutBack)
        case .changeOrder: return tr(T.titleChangeOrder)
        case .expedite: return tr(T.titleExpedite)
        case .reallocate: return tr(T.titleReallocate)
        case .amend: return tr(T.titleAmend)
        case .addLine: return tr(T.titleAddLine)
        case .returnUnits: return tr(T.titleReturn)
        case .reverseReceipt: return tr(T.titleReverse)
        }
    }

    /// The label of the confirming key.
    static func confirmLabel(_ kind: CorrectionKind, _ tr: Localizer) -> String {
        switch kind {
        case .cancel: return tr(T.confirmCancel)
        case .putBack: return tr(T.confirmPutBack)
        case .changeOrder: return tr(T.confirmChange)
        case .expedite: return tr(T.confirmExpedite)
        case .reallocate: return tr(T.confirmReallocate)
        case .amend: return tr(T.confirmAmend)
        case .addLine: return tr(T.confirmAddLine)
        case .returnUnits: return tr(T.confirmReturn)
        case .reverseReceipt: return tr(T.confirmReverse)
        }
    }

    /// One line of the order, its buckets in short.
    static func lineSummary(_ l: OrderDetail.Line, _ tr: Localizer) -> String {
        let q = l.line.quantities
        var parts = [tr(T.ordered, q.ordered)]
        if q.allocated > 0 { parts.append(tr(T.allocated, q.allocated)) }
        if q.picked > 0 { parts.append(tr(T.picked, q.picked)) }
        if q.shipped > 0 { parts.append(tr(T.shipped, q.shipped)) }
        if q.backordered > 0 { parts.append(tr(T.backordered, q.backordered)) }
        if q.cancelled > 0 { parts.append(tr(T.cancelled, q.cancelled)) }
        return "\(l.line.lineNo) \(l.line.sku): " + parts.joined(separator: ", ")
    }

    static func question(_ draft: CorrectionDraft, _ tr: Localizer) -> (String, [String]) {
        var body: [String] = []
        let title: String
        if let d = draft.detail {
            title = tr(T.titleWithOrder, self.title(draft.kind, tr), d.order.number)
            body.append(tr(T.orderHeader, d.order.customerName, Plain(d.order.priority),
                           tr(d.order.policy == .complete ? T.shipComplete : T.partialShipments)))
            let shown = draft.line.map { [$0] } ?? d.lines
            for l in shown.prefix(6) { body.append("• " + lineSummary(l, tr)) }
            if shown.count > 6 { body.append(tr(T.moreLines, shown.count - 6)) }
        } else {
            title = self.title(draft.kind, tr)
        }
        guard let field = draft.field else { return (title, body) }
        if field == .donors {
            if let candidates = draft.candidates {
                body.append(tr(candidates.isEmpty ? T.noDonors : T.donorsHeading))
                for c in candidates.prefix(5) {
                    body.append(tr(T.donorLine, c.orderNumber, Plain(c.lineNo), Plain(c.priority), c.orderDate, c.allocated, c.customerName))
                }
                if candidates.count > 5 { body.append(tr(T.moreDonors, candidates.count - 5)) }
            } else {
                body.append(tr(T.lookingUpDonors))
            }
        }
        body.append(prompt(draft, field, tr))
        return (title, body)
    }

    static func prompt(_ draft: CorrectionDraft, _ field: CorrectionField, _ tr: Localizer) -> String {
        switch field {
        case .line:
            switch draft.kind {
            case .cancel: return tr(T.lineToCancel)
            case .putBack: return tr(T.lineToPutBack)
            case .reallocate: return tr(T.lineGetsStock)
            case .returnUnits: return tr(T.lineCameBack)
            default: return tr(T.line)
            }
        case .scope: return tr(T.scope)
        case .quantity:
            switch draft.kind {
            case .amend: return tr(T.newQuantity)
            case .returnUnits: return tr(T.unitsReturned)
            default: return tr(T.quantity)
            }
        case .priority: return tr(T.priority)
        case .policy: return tr(T.policy)
        case .note: return tr(T.note)
        case .sku: return tr(T.sku)
        case .donors: return tr(T.donors)
        case .restock: return tr(T.restock)
        case .receipt: return tr(T.receipt)
        case .reason: return tr(T.reason)
        case .optionalReason: return tr(T.optionalReason)
        }
    }

    static func confirmation(_ draft: CorrectionDraft, _ correction: Correction, _ result: CorrectionResult,
                             _ tr: Localizer) -> (String, [String]) {
        let c = result.consequences
        var body = [tr(T.nothingYet), summary(draft, correction, result, tr) + "."]
        if c.lines.isEmpty && c.dates.isEmpty { body.append(tr(T.noLineChanges)) }
        body += describe(c, limit: 6, tr)
        return (tr(T.confirmTitle, title(draft.kind, tr).lowercased()), body)
    }

    /// What confirming does, in a few words, as the store words it in the reader's language.
    static func summary(_ draft: CorrectionDraft, _ correction: Correction, _ result: CorrectionResult, _ tr: Localizer) -> String {
        result.summaryText.text(tr)
    }

    /// The consequences as short lines a person reads: units moved per line, dates moved, customers told.
    static func describe(_ c: Consequences, limit: Int = 12, _ tr: Localizer) -> [String] {
        var out: [String] = []
        for l in c.lines.prefix(limit) {
            out.append("• \(l.orderNumber)/\(l.lineNo) \(l.sku) (\(l.customerName)): " + change(l.before, l.after, tr))
        }
        if c.lines.count > limit { out.append(tr(T.moreLineChanges, c.lines.count - limit)) }
        let moved = c.dates.filter(\.wasWaiting)
        if !moved.isEmpty {
            out.append(tr(T.datesMove))
            for d in moved.prefix(limit) {
                let from = d.from.map(tr.day) ?? tr(T.noArrivalPlanned), to = d.to.map(tr.day) ?? tr(T.noArrivalPlanned)
                out.append("• \(d.orderNumber)/\(d.lineNo) \(d.sku): \(from) → \(to)")
            }
            if moved.count > limit { out.append(tr(T.moreDates, moved.count - limit)) }
        }
        for d in c.dates.filter({ !$0.wasWaiting && $0.to != nil }).prefix(limit) {
            out.append(tr(T.nowWaits, d.orderNumber, Plain(d.lineNo), d.sku, d.to!))
        }
        if !c.closedOrders.isEmpty { out.append(tr(T.closes, c.closedOrders.joined(separator: ", "))) }
        if !c.notified.isEmpty {
            let names = c.notified.prefix(limit).map { "\($0.orderNumber) (\($0.customerName))" }
            out.append(tr(T.noticeTo, names.joined(separator: ", "))
                       + (c.notified.count > limit ? tr(T.andMore, c.notified.count - limit) : ""))
        }
        return out
    }

    /// "allocated 10 → 4, backordered 0 → 6": only the buckets that changed.
    static func change(_ a: LineQuantities, _ b: LineQuantities, _ tr: Localizer) -> String {
        let parts: [(CorrectionText, Int, Int)] = [(T.bOrdered, a.ordered, b.ordered), (T.bAllocated, a.allocated, b.allocated),
                                                   (T.bPicked, a.picked, b.picked), (T.bShipped, a.shipped, b.shipped),
                                                   (T.bBackordered, a.backordered, b.backordered), (T.bCancelled, a.cancelled, b.cancelled)]
        let changed = parts.filter { $0.1 != $0.2 }.map { tr($0.0) + " \(tr.number($0.1)) → \(tr.number($0.2))" }
        return changed.isEmpty ? tr(T.unchanged) : changed.joined(separator: ", ")
    }
}
