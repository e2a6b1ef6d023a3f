import BackorderCore

/// The words the app uses to say what will happen and what happened.
enum Texts {
    /// Title, body lines and a one-line summary (for the status line) of what an operation did.
    static func outcome(_ outcome: Outcome, today: Day) -> (String, [String], String) {
        switch outcome {
        case .picked(let r):
            var lines = ["Picked \(r.picked) unit(s) on \(r.orderNumber)."]
            if r.missing > 0 {
                lines.append("\(r.missing) unit(s) were missing from the shelf: they are back on backorder and the stock is corrected.")
            }
            for a in r.reallocated { lines.append("Book stock allocated: \(a.quantity) to \(a.orderNumber) line \(a.lineNo).") }
            lines.append("Next: s ships what is picked.")
            return ("Picked", lines, "Picked \(r.picked) on \(r.orderNumber)" + (r.missing > 0 ? ", \(r.missing) missing" : ""))
        case .shipped(let s, let before):
            var lines = ["Shipment \(s.number) for \(s.orderNumber):"]
            for l in s.lines { lines.append("• \(l.quantity) × \(l.sku) (line \(l.lineNo))") }
            let behind = before.lines.filter { $0.line.quantities.allocated + $0.line.quantities.backordered > 0 }
            if behind.isEmpty {
                lines.append("Nothing stays behind: the order is complete and closed.")
            } else {
                lines.append("Stays open:")
                for l in behind { lines.append("• " + staysText(l, today: today)) }
            }
            let units = s.lines.reduce(0) { $0 + $1.quantity }
            return ("Shipped \(s.number)", lines, "Shipment \(s.number) shipped: \(units) unit(s) of \(s.orderNumber)")
        case .orderCreated(let d):
            var lines = ["Order \(d.order.number) for \(d.order.customerName) is placed."]
            for l in d.lines {
                let q = l.line.quantities
                lines.append("• \(l.line.lineNo) \(l.line.sku) × \(q.ordered): \(q.allocated) from stock"
                             + (q.backordered > 0 ? ", \(q.backordered) on backorder, " + (l.promised.map { "promised \($0.iso)" } ?? "no arrival planned") : ""))
            }
            return ("Order placed", lines, "Order \(d.order.number) placed")
        case .corrected(_, let r):
            return ("Done", [r.summary + "."] + r.consequences.describe(limit: 8), r.summary.prefix(1).uppercased() + r.summary.dropFirst())
        case .received(let r):
            var lines = ["Receipt \(r.receiptNumber): \(r.quantity) × \(r.sku)" + (r.arrivalReference.map { " on \($0)" } ?? " (unplanned)")
                         + (r.arrivalClosed ? ", arrival closed." : ".")]
            if r.overReceived > 0 { lines.append("\(r.overReceived) unit(s) more than the arrival expected.") }
            if r.allocations.isEmpty {
                lines.append("No order was waiting for \(r.sku).")
            } else {
                lines.append("Went to waiting orders:")
                for a in r.allocations {
                    lines.append("• \(a.quantity) → \(a.orderNumber) line \(a.lineNo)" + (a.lineFilled ? " (line filled)" : " (still waiting for more)"))
                }
            }
            if r.leftFree > 0 { lines.append("\(r.leftFree) unit(s) left free on the shelf.") }
            let orders = Set(r.allocations.map(\.orderNumber)).count
            return ("Received \(r.receiptNumber)", lines, "Receipt \(r.receiptNumber): \(r.quantity) × \(r.sku), to \(orders) order(s)")
        case .arrivalAdded(let a):
            return ("Arrival added", ["\(a.reference) from \(a.supplier): \(a.quantity) × \(a.sku) expected \(a.eta.iso)."],
                    "Arrival \(a.reference) added")
        case .etaChanged(let reference, let day):
            return ("ETA changed", ["\(reference) is now expected \(day.iso).", "The old date stays in its history."],
                    "\(reference) now expected \(day.iso)")
        case .itemChanged(let sku, let changed):
            return ("Item changed", ["\(sku): " + (changed.isEmpty ? "nothing changed" : changed.joined(separator: ", ") + " changed")], "\(sku) changed")
        case .purchased(let r):
            return ("Purchased", r.describe(), "Purchase: " + r.summary)
        case .noticesMailed(let results, _):
            return Reducer.mailedSummary(results, .process)
        case .noticesMarked(let notices, _):
            let orders = notices.map(\.orderNumber).joined(separator: ", ")
            return ("Notices marked sent", ["\(notices.count) notice(s) marked sent: \(orders)."], "\(notices.count) notice(s) marked sent")
        }
    }

    /// The "why this date" text of one or more lines, a blank line between them.
    static func explanations(_ explanations: [DateExplanation], today: Day) -> [String] {
        var out: [String] = []
        for (i, e) in explanations.enumerated() {
            if i > 0 { out.append("") }
            out += e.describe(today: today)
        }
        return out
    }

    /// What stays behind of a line after a shipment: allocated units and the backorder with its promised date.
    static func staysText(_ l: OrderDetail.Line, today: Day) -> String {
        let q = l.line.quantities
        var parts: [String] = []
        if q.allocated > 0 { parts.append("\(q.allocated) allocated (pick later)") }
        if q.backordered > 0 { parts.append("\(q.backordered) backordered, " + promisedText(l.promised, today: today)) }
        return "line \(l.line.lineNo) \(l.line.sku): " + parts.joined(separator: "; ")
    }

    static func promisedText(_ day: Day?, today: Day) -> String {
        guard let day else { return "no arrival planned" }
        return day < today ? "promised \(day.iso) (late)" : "promised \(day.iso)"
    }

    /// An arrival with its ETA history.
    static func arrival(_ a: Arrival, _ changes: [ETAChange]) -> [String] {
        var lines = ["\(a.reference) from \(a.supplier)",
                     "\(a.quantity) × \(a.sku) expected \(a.eta.iso), \(a.received) received, \(a.outstanding) outstanding"
                         + (a.isOpen ? "" : " (closed)"),
                     ""]
        if changes.isEmpty {
            lines.append("The ETA was never changed.")
        } else {
            lines.append("ETA history:")
            for c in changes {
                lines.append("  \(c.at.iso) \(c.actor): \(c.from.iso) → \(c.to.iso)" + (c.reason.isEmpty ? "" : " (\(c.reason))"))
            }
        }
        return lines
    }

    /// The text a new-arrival field starts with.
    static func defaultText(_ draft: ArrivalDraft, _ field: ArrivalDraft.Field, today: Day) -> String {
        switch field {
        case .supplier: return draft.supplier
        case .poNumber: return draft.poNumber
        case .poLine: return String(draft.poLine)
        case .sku: return draft.sku
        case .quantity: return draft.quantity > 0 ? String(draft.quantity) : ""
        case .eta: return draft.eta.ordinal > 0 ? draft.eta.iso : "+7"
        }
    }
}
