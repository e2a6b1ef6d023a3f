import BackorderCore
import TerminalKit

/// The reducer's part for the dialogs' answers: pick, ship, receive, ETA, arrivals, purchases and the confirmations.
extension Reducer {
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
