import BackorderCore
import TerminalKit

/// Turns a dialog step into the dialog widget: what will happen, the input, and the keys that answer it.
enum DialogView {
    /// A button hint with the key the keymap gives the command.
    static func button(_ command: Command, _ label: String) -> KeyHintBar.Hint {
        let key = Keymap.bindings.first { $0.command == command && $0.contexts.contains(.dialog) }?.shownKeys ?? "?"
        return KeyHintBar.Hint(key, label)
    }

    /// The key the keymap gives a dialog command, as the dialog's text names it ("y", "O").
    static func key(_ command: Command) -> String {
        Keymap.bindings.first { $0.command == command && $0.contexts.contains(.dialog) }?.shownKeys ?? "?"
    }

    static func buttons(_ step: DialogStep, _ tr: Localizer) -> [KeyHintBar.Hint] {
        let cancel = button(.dismiss, tr(DialogText.btnCancel))
        switch step {
        case .pickShort:
            return [button(.yes, tr(DialogText.btnMissing)), button(.no, tr(DialogText.btnLater)), cancel]
        case .pickConfirm: return [button(.confirm, tr(DialogText.btnPick)), cancel]
        case .shipConfirm(let d):
            if d.order.policy == .complete && d.totals.allocated + d.totals.backordered > 0 {
                return [button(.override, tr(DialogText.btnShipAnyway)), cancel]
            }
            return [button(.confirm, tr(DialogText.btnShip)), cancel]
        case .receiveConfirm: return [button(.confirm, tr(DialogText.btnBookReceipt)), cancel]
        case .etaConfirm: return [button(.confirm, tr(DialogText.btnChangeETA)), cancel]
        case .arrivalConfirm: return [button(.confirm, tr(DialogText.btnAddArrival)), cancel]
        case .newOrderConfirm: return [button(.confirm, tr(DialogText.btnPlaceOrder)), cancel]
        case .correctionConfirm(let draft, _, _):
            return [button(.confirm, CorrectionView.confirmLabel(draft.kind, tr)), button(.dismiss, tr(DialogText.btnKeepAsIs))]
        case .markAllSentConfirm: return [button(.confirm, tr(DialogText.btnMarkAllSent)), cancel]
        case .mailAllConfirm: return [button(.confirm, tr(NoticeMailText.mailAllButton)), cancel]
        case .purchaseConfirm: return [button(.confirm, tr(DialogText.btnCreateArrivals)), cancel]
        case .customerConfirm: return [button(.confirm, tr(CustomerDialogText.save)), cancel]
        case .result: return [KeyHintBar.Hint("Enter", tr(DialogText.btnClose))]
        default: return [button(.confirm, tr(DialogText.btnOK)), cancel]
        }
    }

    static func make(_ dialog: DialogState, today: Day, width: Int, tr: Localizer) -> Dialog {
        var (title, body) = content(dialog.step, today: today, tr)
        if let more = dialog.consequences { body += more }
        var field: TextField?
        if dialog.step.hasField { field = dialog.field }
        return Dialog(title: title, body: body, field: field, message: dialog.message, buttons: buttons(dialog.step, tr),
                      preferredWidth: min(72, width >= 60 ? width - 8 : width - 2), borderStyle: Style(foreground: .cyan, attributes: .bold))
    }

    static func lineName(_ l: OrderDetail.Line, _ tr: Localizer) -> String {
        tr(DialogText.lineName, Plain(l.line.lineNo), l.line.sku, l.line.itemName)
    }

    /// What stays behind of a line after a shipment: allocated units and the backorder with its promised date.
    static func staysText(_ l: OrderDetail.Line, today: Day, _ tr: Localizer) -> String {
        let q = l.line.quantities
        var parts: [String] = []
        if q.allocated > 0 { parts.append(tr(DialogText.staysAllocated, q.allocated)) }
        if q.backordered > 0 { parts.append(tr(DialogText.staysBackordered, q.backordered, promisedText(l.promised, today: today, tr))) }
        return tr(DialogText.staysLine, Plain(l.line.lineNo), l.line.sku, parts.joined(separator: "; "))
    }

    static func promisedText(_ day: Day?, today: Day, _ tr: Localizer) -> String {
        guard let day else { return tr(DialogText.promisedNone) }
        return tr(day < today ? DialogText.promisedLate : DialogText.promised, day)
    }

    static func content(_ step: DialogStep, today: Day, _ tr: Localizer) -> (String, [String]) {
        typealias T = DialogText
        switch step {
        case .pickQuantity(let plan):
            let l = plan.current
            let a = l.line.quantities.allocated
            return (tr(T.pickTitle, plan.detail.order.number, Plain(plan.index + 1), Plain(plan.lines.count)),
                    [tr(T.pickAllocated, lineName(l, tr), a), tr(T.pickHowMany, a)])
        case .pickShort(let plan, let picked):
            let l = plan.current
            let rest = l.line.quantities.allocated - picked
            return (tr(T.shortTitle, plan.detail.order.number, Plain(l.line.lineNo)),
                    [tr(T.shortTook, picked, l.line.quantities.allocated, l.line.sku),
                     tr(T.shortYes, rest, key(.yes)), tr(T.shortNo, key(.no))])
        case .pickConfirm(let plan):
            var body = [tr(T.pickConfirmIntro, plan.detail.order.number)]
            for e in plan.entries {
                let l = plan.lines.first { $0.line.lineNo == e.lineNo }
                var text = tr(T.pickConfirmLine, Plain(e.lineNo), l?.line.sku ?? "", e.picked)
                if e.missing > 0 { text += tr(T.pickConfirmMissing, e.missing) }
                let left = (l?.line.quantities.allocated ?? 0) - e.picked - e.missing
                if left > 0 { text += tr(T.pickConfirmStays, left) }
                body.append(text)
            }
            return (tr(T.pickConfirmTitle), body)
        case .shipConfirm(let d):
            var body = [tr(T.shipNow)]
            for l in d.lines where l.line.quantities.picked > 0 {
                body.append(tr(T.shipLine, l.line.quantities.picked, l.line.sku, l.line.itemName, Plain(l.line.lineNo)))
            }
            let behind = d.lines.filter { $0.line.quantities.allocated + $0.line.quantities.backordered > 0 }
            if behind.isEmpty {
                body.append(tr(T.shipNothingBehind))
            } else {
                body.append(tr(T.shipStaysOpen))
                for l in behind { body.append("• " + staysText(l, today: today, tr)) }
            }
            if d.order.policy == .complete && !behind.isEmpty {
                body.append(tr(T.shipCompleteOverride, d.totals.allocated + d.totals.backordered, key(.override)))
            }
            return (tr(T.shipTitle, d.order.number, d.order.customerName), body)
        case .receiveTarget:
            return (tr(T.receiveTitle), [tr(T.receiveWhich)])
        case .receiveQuantity(let target):
            switch target {
            case .arrival(let a):
                return (tr(T.receiveOnTitle, a.reference),
                        [tr(T.receiveArrival, a.reference, a.supplier, a.quantity, a.sku, a.eta, a.received, a.outstanding),
                         tr(T.receivedQuantity)])
            case .unplanned(let i):
                return (tr(T.unplannedTitle, i.sku), [tr(T.unplannedItem, i.sku, i.name, i.onHand, i.backordered), tr(T.receivedQuantity)])
            }
        case .receiveConfirm(let target, let quantity):
            var body: [String]
            switch target {
            case .arrival(let a):
                body = [tr(T.bookOnArrival, quantity, a.sku, a.reference)]
                if quantity > a.outstanding { body.append(tr(T.moreThanExpected, quantity - a.outstanding)) }
                else if quantity == a.outstanding { body.append(tr(T.fullyReceived)) }
                else { body.append(tr(T.stayExpected, a.outstanding - quantity)) }
            case .unplanned(let i):
                body = [tr(T.bookUnplanned, quantity, i.sku)]
            }
            body.append(tr(T.unitsGo))
            return (tr(T.receiveConfirmTitle), body)
        case .etaDate(let a):
            return (tr(T.etaTitle, a.reference), [tr(T.etaNow, a.quantity - a.received, a.sku, a.supplier, a.eta), tr(T.etaNew)])
        case .etaReason(let a, let day):
            return (tr(T.etaTitle, a.reference), [tr(T.etaMove, a.eta, day), tr(T.etaReason)])
        case .etaConfirm(let a, let day, let reason):
            var body = [tr(T.etaMoveArrival, a.reference, a.eta, day)]
            if !reason.isEmpty { body.append(tr(T.etaReasonShown, reason)) }
            return (tr(T.etaConfirmTitle), body)
        case .arrivalField(let draft, let field):
            var body = summary(draft, upTo: field, tr)
            body.append(prompt(field, tr) + ":")
            return (tr(T.arrivalTitle, Plain(field.rawValue + 1), Plain(ArrivalDraft.Field.allCases.count)), body)
        case .arrivalConfirm(let draft):
            return (tr(T.arrivalConfirmTitle), summary(draft, upTo: nil, tr) + [tr(T.arrivalConfirmEnter)])
        case .newOrder(let draft):
            return NewOrderView.content(draft, tr)
        case .newOrderConfirm(let draft, let preview):
            return NewOrderView.confirmation(draft, preview, tr)
        case .correctionField(let draft):
            return CorrectionView.question(draft, tr)
        case .correctionConfirm(let draft, let correction, let result):
            return CorrectionView.confirmation(draft, correction, result, tr)
        case .mailAllConfirm(let count):
            return Reducer.mailAllQuestion(count, tr)
        case .markAllSentConfirm(let count):
            return (tr(T.markAllTitle), [tr(T.markAllCount, count), tr(T.markAllFrozen)])
        case .purchaseQuantity(let plan):
            let r = plan.current
            let source: String
            switch (r.supplier.isEmpty, r.purchaseETA(today: today)) {
            case (false, let eta?): source = tr(T.purchaseFrom, r.supplier, eta, r.leadTimeDays ?? 0)
            case (false, nil): source = tr(T.purchaseFromNoLead, r.supplier)
            case (true, let eta?): source = tr(T.purchaseNoSupplier, eta)
            case (true, nil): source = tr(T.purchaseNothingSet)
            }
            return (tr(T.purchaseTitle, Plain(plan.index + 1), Plain(plan.rows.count)),
                    [tr(T.purchaseItem, r.sku, r.name, r.uncovered, r.backordered), source,
                     r.suggestedPurchase > 0 ? tr(T.purchaseSuggested, r.suggestedPurchase, r.minOrderQty, r.packSize)
                                             : tr(T.purchaseAnyway)])
        case .purchaseSupplier(let plan):
            return (tr(T.purchaseSupplierTitle, plan.current.sku),
                    [tr(T.purchaseToBuy, plan.current.sku, plan.current.name, plan.draft?.quantity ?? 0), tr(T.purchaseNoDefault)])
        case .purchaseETA(let plan):
            return (tr(T.purchaseETATitle, plan.current.sku),
                    [tr(T.purchaseToBuyFrom, plan.current.sku, plan.current.name, plan.draft?.quantity ?? 0, plan.draft?.supplier ?? ""),
                     tr(T.purchaseNoLead)])
        case .supplierName(let d):
            return (tr(T.supplierTitle, d.sku), ["\(d.sku) \(d.name).", tr(T.supplierPrompt)])
        case .supplierLeadTime(let d):
            return (tr(T.leadTitle, d.sku), [tr(T.leadFrom, d.sku, d.name, d.supplier.isEmpty ? tr(T.noSupplier) : d.supplier),
                                             tr(T.leadPrompt)])
        case .purchaseConfirm(let plan):
            var body: [String] = []
            for group in Rules.groupBySupplier(plan.lines) {
                body.append(tr(T.newPO, group.supplier))
                for l in group.lines { body.append(tr(T.poLine, l.quantity, l.sku, l.eta)) }
            }
            body.append(tr(T.purchaseEnter))
            return (tr(T.purchaseConfirmTitle), body)
        case .customerField(let draft):
            return CustomerView.question(draft, tr)
        case .customerConfirm(let draft):
            return CustomerView.confirmation(draft, tr)
        case .result(let title, let lines):
            return (title, lines)
        }
    }

    /// The question of a new-arrival field.
    static func prompt(_ field: ArrivalDraft.Field, _ tr: Localizer) -> String {
        switch field {
        case .supplier: return tr(DialogText.fieldSupplier)
        case .poNumber: return tr(DialogText.fieldPONumber)
        case .poLine: return tr(DialogText.fieldPOLine)
        case .sku: return tr(DialogText.fieldSKU)
        case .quantity: return tr(DialogText.fieldQuantity)
        case .eta: return tr(DialogText.fieldETA)
        }
    }

    static func summary(_ d: ArrivalDraft, upTo field: ArrivalDraft.Field?, _ tr: Localizer) -> [String] {
        let limit = field?.rawValue ?? ArrivalDraft.Field.allCases.count
        var out: [String] = []
        if limit > 0 { out.append(tr(DialogText.sumSupplier, d.supplier)) }
        if limit > 2 { out.append(tr(DialogText.sumPOLine, d.poNumber, Plain(d.poLine))) }
        else if limit > 1 { out.append(tr(DialogText.sumPO, d.poNumber)) }
        if limit > 3 { out.append(tr(DialogText.sumSKU, d.sku)) }
        if limit > 4 { out.append(tr(DialogText.sumQuantity, d.quantity)) }
        if limit > 5 { out.append(tr(DialogText.sumETA, d.eta)) }
        return out
    }
}
