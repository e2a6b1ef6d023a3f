import BackorderCore
import TerminalKit

/// Turns a dialog step into the dialog widget: what will happen, the input, and the keys that answer it.
enum DialogView {
    /// A button hint with the key the keymap gives the command.
    static func button(_ command: Command, _ label: String) -> KeyHintBar.Hint {
        let key = Keymap.bindings.first { $0.command == command && $0.contexts.contains(.dialog) }?.shownKeys ?? "?"
        return KeyHintBar.Hint(key, label)
    }

    static func buttons(_ step: DialogStep) -> [KeyHintBar.Hint] {
        switch step {
        case .pickShort:
            return [button(.yes, "Missing"), button(.no, "Later"), button(.dismiss, "Cancel")]
        case .pickConfirm: return [button(.confirm, "Pick"), button(.dismiss, "Cancel")]
        case .shipConfirm(let d):
            if d.order.policy == .complete && d.totals.allocated + d.totals.backordered > 0 {
                return [button(.override, "Ship partially anyway"), button(.dismiss, "Cancel")]
            }
            return [button(.confirm, "Ship"), button(.dismiss, "Cancel")]
        case .receiveConfirm: return [button(.confirm, "Book receipt"), button(.dismiss, "Cancel")]
        case .etaConfirm: return [button(.confirm, "Change ETA"), button(.dismiss, "Cancel")]
        case .arrivalConfirm: return [button(.confirm, "Add arrival"), button(.dismiss, "Cancel")]
        case .newOrderConfirm: return [button(.confirm, "Place the order"), button(.dismiss, "Cancel")]
        case .correctionConfirm(let draft, _, _): return [button(.confirm, CorrectionView.confirmLabel(draft.kind)), button(.dismiss, "Keep as is")]
        case .markAllSentConfirm: return [button(.confirm, "Mark all sent"), button(.dismiss, "Cancel")]
        case .mailAllConfirm: return [button(.confirm, Localizer.process(NoticeMailText.mailAllButton)), button(.dismiss, "Cancel")]
        case .purchaseConfirm: return [button(.confirm, "Create arrivals"), button(.dismiss, "Cancel")]
        case .result: return [KeyHintBar.Hint("Enter", "Close")]
        default: return [button(.confirm, "OK"), button(.dismiss, "Cancel")]
        }
    }

    static func make(_ dialog: DialogState, today: Day, width: Int) -> Dialog {
        var (title, body) = content(dialog.step, today: today)
        if let more = dialog.consequences { body += more }
        var field: TextField?
        if dialog.step.hasField { field = dialog.field }
        return Dialog(title: title, body: body, field: field, message: dialog.message, buttons: buttons(dialog.step),
                      preferredWidth: min(72, width >= 60 ? width - 8 : width - 2), borderStyle: Style(foreground: .cyan, attributes: .bold))
    }

    static func lineName(_ l: OrderDetail.Line) -> String { "line \(l.line.lineNo) \(l.line.sku) \(l.line.itemName)" }

    static func content(_ step: DialogStep, today: Day) -> (String, [String]) {
        switch step {
        case .pickQuantity(let plan):
            let l = plan.current
            let a = l.line.quantities.allocated
            return ("Pick \(plan.detail.order.number) — line \(plan.index + 1) of \(plan.lines.count)",
                    ["\(lineName(l)): \(a) allocated.",
                     "How many did you take from the shelf? Enter takes all \(a). Fewer is a short pick: you are asked about the rest."])
        case .pickShort(let plan, let picked):
            let l = plan.current
            let rest = l.line.quantities.allocated - picked
            return ("Short pick? \(plan.detail.order.number) line \(l.line.lineNo)",
                    ["You took \(picked) of the \(l.line.quantities.allocated) allocated \(l.line.sku).",
                     "y: the other \(rest) are missing from the shelf. They go back on backorder and the stock on hand is corrected by -\(rest).",
                     "n: they are there; they stay allocated to pick later."])
        case .pickConfirm(let plan):
            var body = ["This is what will be booked on \(plan.detail.order.number):"]
            for e in plan.entries {
                let l = plan.lines.first { $0.line.lineNo == e.lineNo }
                var text = "• line \(e.lineNo) \(l?.line.sku ?? ""): pick \(e.picked)"
                if e.missing > 0 { text += ", \(e.missing) missing (back on backorder, stock corrected)" }
                let left = (l?.line.quantities.allocated ?? 0) - e.picked - e.missing
                if left > 0 { text += ", \(left) stay allocated" }
                body.append(text)
            }
            return ("Confirm pick", body)
        case .shipConfirm(let d):
            var body = ["Ships now (everything picked):"]
            for l in d.lines where l.line.quantities.picked > 0 {
                body.append("• \(l.line.quantities.picked) × \(l.line.sku) \(l.line.itemName) (line \(l.line.lineNo))")
            }
            let behind = d.lines.filter { $0.line.quantities.allocated + $0.line.quantities.backordered > 0 }
            if behind.isEmpty {
                body.append("Nothing stays behind: the order will be complete and closed.")
            } else {
                body.append("Stays open (a partial shipment):")
                for l in behind { body.append("• " + Texts.staysText(l, today: today)) }
            }
            if d.order.policy == .complete && !behind.isEmpty {
                let units = d.totals.allocated + d.totals.backordered
                body.append("This order is ship-complete and \(units) unit(s) would stay behind: O ships partially anyway (an override, recorded on the shipment).")
            }
            return ("Ship \(d.order.number) to \(d.order.customerName)", body)
        case .receiveTarget:
            return ("Receive", ["Which expected arrival? Type it as PO/line (e.g. PO-7001/1), or a SKU to book an unplanned receipt."])
        case .receiveQuantity(let target):
            switch target {
            case .arrival(let a):
                return ("Receive on \(a.reference)",
                        ["\(a.reference) from \(a.supplier): \(a.quantity) × \(a.sku) expected \(a.eta.iso), \(a.received) received, \(a.outstanding) outstanding.",
                         "Received quantity:"])
            case .unplanned(let i):
                return ("Unplanned receipt of \(i.sku)",
                        ["\(i.sku) \(i.name): \(i.onHand) on hand, \(i.backordered) waiting on backorder. No arrival announced these units.",
                         "Received quantity:"])
            }
        case .receiveConfirm(let target, let quantity):
            var body: [String]
            switch target {
            case .arrival(let a):
                body = ["Book \(quantity) × \(a.sku) received on \(a.reference)."]
                if quantity > a.outstanding { body.append("That is \(quantity - a.outstanding) more than expected; the arrival closes.") }
                else if quantity == a.outstanding { body.append("The arrival is then fully received and closes.") }
                else { body.append("\(a.outstanding - quantity) stay expected on the arrival.") }
            case .unplanned(let i):
                body = ["Book \(quantity) × \(i.sku) as an unplanned receipt."]
            }
            body.append("The units go to waiting backorder lines by priority, then order date:")
            return ("Confirm receipt", body)
        case .etaDate(let a):
            return ("ETA of \(a.reference)", ["\(a.quantity - a.received) × \(a.sku) from \(a.supplier), now expected \(a.eta.iso).",
                                              "New ETA (YYYY-MM-DD, +N days, -N, today):"])
        case .etaReason(let a, let day):
            return ("ETA of \(a.reference)", ["Move from \(a.eta.iso) to \(day.iso).", "Reason (optional, kept in the history):"])
        case .etaConfirm(let a, let day, let reason):
            var body = ["Move \(a.reference) from \(a.eta.iso) to \(day.iso)."]
            if !reason.isEmpty { body.append("Reason: \(reason)") }
            return ("Confirm ETA change", body)
        case .arrivalField(let draft, let field):
            var body = summary(draft, upTo: field)
            body.append(field.prompt + ":")
            return ("Add arrival — \(field.rawValue + 1) of \(ArrivalDraft.Field.allCases.count)", body)
        case .arrivalConfirm(let draft):
            return ("Confirm new arrival", summary(draft, upTo: nil) + ["Enter adds it; its units are promised to waiting orders by ETA."])
        case .newOrder(let draft):
            return NewOrderView.content(draft)
        case .newOrderConfirm(let draft, let preview):
            return NewOrderView.confirmation(draft, preview)
        case .correctionField(let draft):
            return CorrectionView.question(draft)
        case .correctionConfirm(let draft, _, let result):
            return CorrectionView.confirmation(draft, result)
        case .mailAllConfirm(let count):
            return Reducer.mailAllQuestion(count, .process)
        case .markAllSentConfirm(let count):
            return ("Mark all notices sent?",
                    ["\(count) pending notice(s) will be marked sent, as if each customer had been told.",
                     "Their texts are frozen as they are now; new events start new notices."])
        case .purchaseQuantity(let plan):
            let r = plan.current
            let source: String
            switch (r.supplier.isEmpty, r.purchaseETA(today: today)) {
            case (false, let eta?): source = "From \(r.supplier), ETA \(eta.iso) (\(r.leadTimeDays ?? 0) days)."
            case (false, nil): source = "From \(r.supplier); no lead time: the ETA is asked next."
            case (true, let eta?): source = "No supplier set: asked next. ETA \(eta.iso)."
            case (true, nil): source = "No supplier or lead time set: both are asked next."
            }
            return ("Purchase — item \(plan.index + 1) of \(plan.rows.count)",
                    ["\(r.sku) \(r.name): \(r.uncovered) uncovered, \(r.backordered) backordered.", source,
                     r.suggestedPurchase > 0 ? "Quantity (suggested \(r.suggestedPurchase): MOQ \(r.minOrderQty), packs of \(r.packSize)):"
                                             : "Nothing is uncovered. Quantity to buy anyway:"])
        case .purchaseSupplier(let plan):
            return ("Purchase \(plan.current.sku) — supplier",
                    ["\(plan.current.sku) \(plan.current.name): \(plan.draft?.quantity ?? 0) to buy.", "No default supplier. Buy it from:"])
        case .purchaseETA(let plan):
            return ("Purchase \(plan.current.sku) — ETA",
                    ["\(plan.current.sku) \(plan.current.name): \(plan.draft?.quantity ?? 0) from \(plan.draft?.supplier ?? "").",
                     "No lead time. Expected (YYYY-MM-DD, +N days):"])
        case .supplierName(let d):
            return ("Supplier of \(d.sku)", ["\(d.sku) \(d.name).", "Default supplier (purchases go to it; empty: none):"])
        case .supplierLeadTime(let d):
            return ("Lead time of \(d.sku)", ["\(d.sku) \(d.name), from " + (d.supplier.isEmpty ? "no supplier" : d.supplier) + ".",
                                              "Days from ordering to arrival (a purchase's ETA is today + this; empty: none):"])
        case .purchaseConfirm(let plan):
            var body: [String] = []
            for group in Rules.groupBySupplier(plan.lines) {
                body.append("New PO to \(group.supplier):")
                for l in group.lines { body.append("• \(l.quantity) × \(l.sku), ETA \(l.eta.iso)") }
            }
            body.append("Enter creates them; waiting lines get their dates at once.")
            return ("Confirm purchase", body)
        case .result(let title, let lines):
            return (title, lines)
        }
    }

    static func summary(_ d: ArrivalDraft, upTo field: ArrivalDraft.Field?) -> [String] {
        let limit = field?.rawValue ?? ArrivalDraft.Field.allCases.count
        var out: [String] = []
        if limit > 0 { out.append("Supplier: \(d.supplier)") }
        if limit > 2 { out.append("PO/line: \(d.poNumber)/\(d.poLine)") } else if limit > 1 { out.append("PO: \(d.poNumber)") }
        if limit > 3 { out.append("SKU: \(d.sku)") }
        if limit > 4 { out.append("Quantity: \(d.quantity)") }
        if limit > 5 { out.append("ETA: \(d.eta.iso)") }
        return out
    }
}
