import BackorderCore

/// The words the app uses to say what will happen and what happened, in the session's language.
enum Texts {
    /// Title, body lines and a one-line summary (for the status line) of what an operation did.
    static func outcome(_ outcome: Outcome, today: Day, tr: Localizer = .process) -> (String, [String], String) {
        switch outcome {
        case .picked(let r):
            var lines = [tr(OutcomeText.pickedLine, r.picked, r.orderNumber)]
            if r.missing > 0 { lines.append(tr(OutcomeText.missingLine, r.missing)) }
            for a in r.reallocated { lines.append(tr(OutcomeText.reallocatedLine, a.quantity, a.orderNumber, Plain(a.lineNo))) }
            lines.append(tr(OutcomeText.nextShip))
            return (tr(OutcomeText.pickedTitle), lines,
                    tr(OutcomeText.pickedSummary, r.picked, r.orderNumber) + (r.missing > 0 ? tr(OutcomeText.pickedMissing, r.missing) : ""))
        case .shipped(let s, let before):
            var lines = [tr(OutcomeText.shipmentFor, s.number, s.orderNumber)]
            for l in s.lines { lines.append(tr(OutcomeText.shipmentLine, l.quantity, l.sku, Plain(l.lineNo))) }
            let behind = before.lines.filter { $0.line.quantities.allocated + $0.line.quantities.backordered > 0 }
            if behind.isEmpty {
                lines.append(tr(OutcomeText.nothingStays))
            } else {
                lines.append(tr(OutcomeText.staysOpen))
                for l in behind { lines.append("• " + staysText(l, today: today, tr: tr)) }
            }
            let units = s.lines.reduce(0) { $0 + $1.quantity }
            return (tr(OutcomeText.shippedTitle, s.number), lines, tr(OutcomeText.shippedSummary, s.number, units, s.orderNumber))
        case .orderCreated(let d):
            var lines = [tr(OutcomeText.orderPlaced, d.order.number, d.order.customerName)]
            for l in d.lines {
                let q = l.line.quantities
                let waiting = q.backordered > 0
                    ? tr(OutcomeText.orderLineBackorder, q.backordered,
                         l.promised.map { tr(OutcomeText.promised, $0) } ?? tr(OutcomeText.noArrivalPlanned))
                    : ""
                lines.append(tr(OutcomeText.orderLine, Plain(l.line.lineNo), l.line.sku, q.ordered, q.allocated) + waiting)
            }
            return (tr(OutcomeText.orderPlacedTitle), lines, tr(OutcomeText.orderPlacedSummary, d.order.number))
        case .corrected(_, let r):
            return (tr(OutcomeText.doneTitle), [r.summaryText.text(tr) + "."] + r.consequences.describe(tr, limit: 8),
                    r.summaryText.text(tr).prefix(1).uppercased() + r.summaryText.text(tr).dropFirst())
        case .received(let r):
            var lines = [tr(OutcomeText.receiptLine, r.receiptNumber, r.quantity, r.sku)
                         + (r.arrivalReference.map { tr(OutcomeText.receiptOn, $0) } ?? tr(OutcomeText.receiptUnplanned))
                         + (r.arrivalClosed ? tr(OutcomeText.receiptArrivalClosed) : ".")]
            if r.overReceived > 0 { lines.append(tr(OutcomeText.overReceived, r.overReceived)) }
            if r.allocations.isEmpty {
                lines.append(tr(OutcomeText.noOrderWaiting, r.sku))
            } else {
                lines.append(tr(OutcomeText.wentTo))
                for a in r.allocations {
                    lines.append(tr(OutcomeText.allocationLine, a.quantity, a.orderNumber, Plain(a.lineNo))
                                 + tr(a.lineFilled ? OutcomeText.lineFilled : .stillWaiting))
                }
            }
            if r.leftFree > 0 { lines.append(tr(OutcomeText.leftFree, r.leftFree)) }
            let orders = Set(r.allocations.map(\.orderNumber)).count
            return (tr(OutcomeText.receivedTitle, r.receiptNumber), lines,
                    tr(OutcomeText.receivedSummary, r.receiptNumber, r.quantity, r.sku, orders))
        case .arrivalAdded(let a):
            return (tr(OutcomeText.arrivalAddedTitle), [tr(OutcomeText.arrivalAddedLine, a.reference, a.supplier, a.quantity, a.sku, a.eta)],
                    tr(OutcomeText.arrivalAddedSummary, a.reference))
        case .etaChanged(let reference, let day):
            return (tr(OutcomeText.etaChangedTitle), [tr(OutcomeText.etaNow, reference, day), tr(OutcomeText.oldDateStays)],
                    tr(OutcomeText.etaSummary, reference, day))
        case .itemChanged(let sku, let changed):
            let what = changed.isEmpty ? tr(OutcomeText.itemNothingChanged, sku)
                                       : tr(OutcomeText.itemChanged, sku, changed.map { itemField($0, tr) }.joined(separator: ", "))
            return (tr(OutcomeText.itemChangedTitle), [what], tr(OutcomeText.itemChangedSummary, sku))
        case .customerChanged(let code, let changed):
            let what = CustomerView.changedText(code, changed, tr)
            return (tr(CustomerDialogText.outcomeTitle), [what], what)
        case .purchased(let r):
            return (tr(OutcomeText.purchasedTitle), r.describe(tr), tr(OutcomeText.purchasedSummary, r.summaryText.text(tr)))
        case .noticesMailed(let results, _):
            return Reducer.mailedSummary(results, tr)
        case .noticesMarked(let notices, _):
            let orders = notices.map(\.orderNumber).joined(separator: ", ")
            return (tr(OutcomeText.noticesTitle), [tr(OutcomeText.noticesLine, notices.count, orders)],
                    tr(OutcomeText.noticesSummary, notices.count))
        }
    }

    /// An item field the store names as changed ("supplier", "lead time"), as the reader calls it.
    static func itemField(_ field: String, _ tr: Localizer) -> String {
        switch field {
        case "supplier": return tr(ScreenText.itemFieldSupplier)
        case "lead time": return tr(ScreenText.itemFieldLeadTime)  // not prose: the store's key for the field
        default: return field
        }
    }

    /// The "why this date" text of one or more lines, a blank line between them.
    static func explanations(_ explanations: [DateExplanation], today: Day, tr: Localizer) -> [String] {
        var out: [String] = []
        for (i, e) in explanations.enumerated() {
            if i > 0 { out.append("") }
            out += e.describe(tr, today: today)
        }
        return out
    }

    /// What stays behind of a line after a shipment: allocated units and the backorder with its promised date.
    static func staysText(_ l: OrderDetail.Line, today: Day, tr: Localizer = .process) -> String {
        let q = l.line.quantities
        var parts: [String] = []
        if q.allocated > 0 { parts.append(tr(OutcomeText.staysAllocated, q.allocated)) }
        if q.backordered > 0 { parts.append(tr(OutcomeText.staysBackordered, q.backordered, promisedText(l.promised, today: today, tr: tr))) }
        return tr(OutcomeText.staysLine, Plain(l.line.lineNo), l.line.sku, parts.joined(separator: "; "))
    }

    static func promisedText(_ day: Day?, today: Day, tr: Localizer = .process) -> String {
        guard let day else { return tr(OutcomeText.noArrivalPlanned) }
        return tr(day < today ? OutcomeText.promisedLate : .promised, day)
    }

    /// A moment as the reader writes it: ISO in English; `20.02.2026 09:00 UTC` in Norwegian.
    static func stamp(_ t: Timestamp, _ tr: Localizer) -> String {
        guard tr.language == .nb else { return t.iso }
        let iso = t.iso
        return tr.day(t.day()) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// An arrival with its ETA history.
    static func arrival(_ a: Arrival, _ changes: [ETAChange], tr: Localizer = .process) -> [String] {
        var lines = [tr(OutcomeText.arrivalFrom, a.reference, a.supplier),
                     tr(OutcomeText.arrivalQuantities, a.quantity, a.sku, a.eta, a.received, a.outstanding)
                         + (a.isOpen ? "" : tr(OutcomeText.arrivalIsClosed)),
                     ""]
        if changes.isEmpty {
            lines.append(tr(OutcomeText.etaNeverChanged))
        } else {
            lines.append(tr(OutcomeText.etaHistory))
            for c in changes {
                lines.append("  \(stamp(c.at, tr)) \(c.actor): \(tr.day(c.from)) → \(tr.day(c.to))" + (c.reason.isEmpty ? "" : " (\(c.reason))"))
            }
        }
        return lines
    }

    /// The text a new-arrival field starts with.
    static func defaultText(_ draft: ArrivalDraft, _ field: ArrivalDraft.Field, today: Day, tr: Localizer = .process) -> String {
        switch field {
        case .supplier: return draft.supplier
        case .poNumber: return draft.poNumber
        case .poLine: return String(draft.poLine)
        case .sku: return draft.sku
        case .quantity: return draft.quantity > 0 ? String(draft.quantity) : ""
        case .eta: return draft.eta.ordinal > 0 ? tr.day(draft.eta) : "+7"
        }
    }
}
