import BackorderCore

extension Reader {
    /// One row per order line, grouped by order number in order of first appearance. The order's customer, date,
    /// priority, policy and note must agree on every row (a row may leave the note empty); line numbers, when given,
    /// must be 1…n. The customer is a code or a name, as written: the store finds which.
    mutating func orders() -> [ImportedOrder] {
        struct Draft {
            var header: (line: Int, customer: String, date: Day?, priority: Int, policy: ShipPolicy)
            var note: (line: Int, text: String)?
            var lines: [(fileLine: Int, lineNo: Int?, line: NewOrderLine)] = []
            var bad = false
        }
        var drafts: [String: Draft] = [:]
        var order: [String] = []
        let hasDate = index["date"] != nil
        for r in csv.records where checkWidth(r) {
            let orderNo = identifier(r, "order", .whatOrderNumber)
            let customer = freeText(r, "customer", .whatCustomer)
            let sku = identifier(r, "sku", .whatSKU)
            let qty = number(r, "qty", min: 1)
            let dateText = text(r, "date")
            let date: Day?? = dateText.isEmpty ? .some(nil) : day(r, "date").map { .some($0) }
            let priority = number(r, "priority", min: 1, max: 9, default: 5)
            let policy = SpreadsheetPolicy.parse(text(r, "policy"))
            if policy == nil { problem(r.line, "policy", tr(ImportText.notAPolicy, text(r, "policy"))) }
            let lineText = text(r, "line")
            let lineNo: Int?? = lineText.isEmpty ? .some(nil) : number(r, "line", min: 1, max: 10_000).map { .some($0) }
            let note = freeText(r, "note", .whatNote, required: false)
            guard let number = orderNo else { continue }
            guard let customer, let sku, let qty, let date, let priority, let policy, let lineNo, let note else {
                drafts[number]?.bad = true
                continue
            }
            var d = drafts[number] ?? Draft(header: (r.line, customer, date, priority, policy))
            if drafts[number] == nil {
                order.append(number)
            } else {
                let h = d.header
                func differs(_ column: String, _ mine: String, _ theirs: String) {
                    problem(r.line, column, tr(ImportText.differs, mine, theirs, Plain(h.line), number)); d.bad = true
                }
                let empty = tr(ImportText.empty)
                if customer != h.customer { differs("customer", customer, h.customer) }
                if date != h.date { differs("date", date.map { tr.day($0) } ?? empty, h.date.map { tr.day($0) } ?? empty) }
                if priority != h.priority { differs("priority", "\(priority)", "\(h.priority)") }
                if policy != h.policy { differs("policy", policy.rawValue, h.policy.rawValue) }
            }
            if !note.isEmpty {
                // The note is the order's: given once (on any row) or the same on every row that gives it.
                if let n = d.note, n.text != note {
                    problem(r.line, "note", tr(ImportText.differs, note, n.text, Plain(n.line), number)); d.bad = true
                } else if d.note == nil {
                    d.note = (r.line, note)
                }
            }
            d.lines.append((r.line, lineNo, NewOrderLine(sku: sku, quantity: qty)))
            drafts[number] = d
        }
        var out: [ImportedOrder] = []
        for number in order {
            guard let d = drafts[number], !d.bad else { continue }
            var lines = d.lines
            let numbered = lines.filter { $0.lineNo != nil }
            if !numbered.isEmpty {
                guard numbered.count == lines.count else {
                    for l in lines where l.lineNo == nil { problem(l.fileLine, "line", tr(ImportText.lineEmptyWhileNumbered, number)) }
                    continue
                }
                lines.sort { $0.lineNo! < $1.lineNo! }
                if lines.map({ $0.lineNo! }) != Array(1...lines.count) {
                    var seen: [Int: Int] = [:]
                    var reported = false
                    for l in lines {
                        if let first = seen[l.lineNo!] {
                            problem(l.fileLine, "line", tr(ImportText.lineGivenTwice, Plain(l.lineNo!), number, Plain(first)))
                            reported = true
                        }
                        seen[l.lineNo!] = l.fileLine
                    }
                    if !reported {
                        problem(lines[0].fileLine, "line", tr(ImportText.linesNotNumbered, number, Plain(lines.count),
                                                              lines.map { "\($0.lineNo!)" }.joined(separator: ", ")))
                    }
                    continue
                }
            }
            let h = d.header
            out.append(ImportedOrder(order: NewOrder(number: number, customer: h.customer, orderDate: h.date, priority: h.priority,
                                                     policy: h.policy, lines: lines.map(\.line)),
                                     fileLines: lines.map(\.fileLine), dateGiven: hasDate && h.date != nil, note: d.note?.text ?? ""))
        }
        return out
    }
}
