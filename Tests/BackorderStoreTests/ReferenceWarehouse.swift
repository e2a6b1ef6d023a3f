import BackorderCore

/// A deliberately simple reference warehouse, written without the production rules, that every random run is compared to.
struct ReferenceWarehouse {
    struct Line { var orderNo: String; var lineNo: Int; var sku: String; var prio: Int; var date: Day; var q: LineQuantities }
    struct OrderRef { var prio: Int; var date: Day; var policy: ShipPolicy; var lines: [Int]; var closed = false }
    /// `seq` is the order arrivals were added in: the store breaks ETA ties by it (its row id).
    struct ArrivalRef { var sku: String; var qty: Int; var received = 0; var eta: Day; var seq = 0; var closed: Bool { received >= qty } }

    struct ReceiptRef { var sku: String; var arrival: String?; var qty: Int; var served: [(line: Int, units: Int)]; var reversed = false }

    var onHand: [String: Int]
    var lines: [Line] = []
    var receipts: [ReceiptRef] = []
    /// Units each line sent back (by line index).
    var returned: [Int: Int] = [:]
    var orders: [String: OrderRef] = [:]
    var arrivals: [String: ArrivalRef] = [:]

    func free(_ sku: String) -> Int {
        onHand[sku]! - lines.filter { $0.sku == sku }.reduce(0) { $0 + $1.q.allocated + $1.q.picked }
    }

    /// Free stock goes to waiting lines: priority, order date, order number, line number. Returns what each line got.
    @discardableResult
    mutating func settle(_ sku: String) -> [(line: Int, units: Int)] {
        var left = free(sku)
        var given: [(line: Int, units: Int)] = []
        let queue = lines.indices.filter { lines[$0].sku == sku && lines[$0].q.backordered > 0 }
            .sorted { (lines[$0].prio, lines[$0].date, lines[$0].orderNo, lines[$0].lineNo) < (lines[$1].prio, lines[$1].date, lines[$1].orderNo, lines[$1].lineNo) }
        for i in queue where left > 0 {
            let take = min(left, lines[i].q.backordered)
            lines[i].q.backordered -= take; lines[i].q.allocated += take; left -= take
            given.append((i, take))
        }
        return given
    }

    mutating func closeFinished() {
        for (no, o) in orders where !o.closed && o.lines.allSatisfy({ lines[$0].q.open == 0 }) { orders[no]!.closed = true }
    }

    /// Returns false when the operation must be refused.
    mutating func create(_ no: String, prio: Int, date: Day, policy: ShipPolicy, _ req: [(String, Int)]) -> Bool {
        guard orders[no] == nil, !req.isEmpty, req.allSatisfy({ onHand[$0.0] != nil && $0.1 > 0 }) else { return false }
        var idx: [Int] = []
        for (n, (sku, q)) in req.enumerated() {
            let a = min(max(0, free(sku)), q)
            lines.append(Line(orderNo: no, lineNo: n + 1, sku: sku, prio: prio, date: date, q: LineQuantities(ordered: q, allocated: a, backordered: q - a)))
            idx.append(lines.count - 1)
        }
        orders[no] = OrderRef(prio: prio, date: date, policy: policy, lines: idx)
        return true
    }

    mutating func pick(_ no: String, _ entries: [PickEntry]) -> Bool {
        guard let o = orders[no], !o.closed, !entries.isEmpty, Set(entries.map(\.lineNo)).count == entries.count else { return false }
        for e in entries {
            guard e.lineNo >= 1, e.lineNo <= o.lines.count, e.picked >= 0, e.missing >= 0,
                  e.picked + e.missing <= lines[o.lines[e.lineNo - 1]].q.allocated else { return false }
        }
        guard entries.contains(where: { $0.picked + $0.missing > 0 }) else { return false }
        var skus = Set<String>()
        for e in entries {
            let i = o.lines[e.lineNo - 1]
            lines[i].q.allocated -= e.picked + e.missing
            lines[i].q.picked += e.picked
            lines[i].q.backordered += e.missing
            onHand[lines[i].sku]! -= e.missing
            skus.insert(lines[i].sku)
        }
        for s in skus { settle(s) }
        return true
    }

    mutating func ship(_ no: String, override: Bool) -> Bool {
        guard let o = orders[no], !o.closed else { return false }
        let ls = o.lines.map { lines[$0] }
        guard ls.contains(where: { $0.q.picked > 0 }) else { return false }
        if o.policy == .complete && !override && ls.contains(where: { $0.q.allocated + $0.q.backordered > 0 }) { return false }
        for i in o.lines {
            onHand[lines[i].sku]! -= lines[i].q.picked
            lines[i].q.shipped += lines[i].q.picked
            lines[i].q.picked = 0
        }
        closeFinished()
        return true
    }

    mutating func receive(arrival ref: String?, sku: String?, qty: Int) -> Bool {
        guard qty > 0 else { return false }
        let target: String
        if let ref {
            guard let a = arrivals[ref], !a.closed else { return false }
            arrivals[ref]!.received += qty
            target = a.sku
        } else {
            guard let sku, onHand[sku] != nil else { return false }
            target = sku
        }
        onHand[target]! += qty
        receipts.append(ReceiptRef(sku: target, arrival: ref, qty: qty, served: settle(target)))
        return true
    }

    /// Everything not picked (`open`) or only the backordered remainder; refused while `open` meets picked units.
    mutating func cancel(_ no: String, line: Int?, scope: CancelScope) -> Bool {
        guard let o = orders[no], !o.closed else { return false }
        if let line, line < 1 || line > o.lines.count { return false }
        let targets = line.map { [o.lines[$0 - 1]] } ?? o.lines
        if scope == .open && targets.contains(where: { lines[$0].q.picked > 0 }) { return false }
        let moving = targets.filter { lines[$0].q.backordered + (scope == .open ? lines[$0].q.allocated : 0) > 0 }
        guard !moving.isEmpty else { return false }
        for i in moving {
            let a = scope == .open ? lines[i].q.allocated : 0
            lines[i].q.cancelled += lines[i].q.backordered + a
            lines[i].q.backordered = 0; lines[i].q.allocated -= a
        }
        for sku in Set(moving.map { lines[$0].sku }) { settle(sku) }
        closeFinished()
        return true
    }

    mutating func putBack(_ no: String) -> Bool {
        guard let o = orders[no], !o.closed, o.lines.contains(where: { lines[$0].q.picked > 0 }) else { return false }
        for i in o.lines { lines[i].q.allocated += lines[i].q.picked; lines[i].q.picked = 0 }
        return true
    }

    mutating func setPriority(_ no: String, _ p: Int) -> Bool {
        guard let o = orders[no], !o.closed, o.prio != p else { return false }
        orders[no]!.prio = p
        for i in o.lines { lines[i].prio = p }
        return true
    }

    /// Units of other open orders' allocated lines of the SKU go to line `i`, least urgent and newest first.
    mutating func give(to i: Int, partialOK: Bool) -> Int? {
        let want = lines[i].q.backordered
        guard want > 0 else { return nil }
        let donors = lines.indices.filter { d in
            lines[d].sku == lines[i].sku && lines[d].orderNo != lines[i].orderNo && lines[d].q.allocated > 0 && !(orders[lines[d].orderNo]?.closed ?? true)
        }.sorted { (lines[$1].prio, lines[$1].date, lines[$1].orderNo, lines[$1].lineNo) < (lines[$0].prio, lines[$0].date, lines[$0].orderNo, lines[$0].lineNo) }
        var left = want
        for d in donors where left > 0 {
            let take = min(left, lines[d].q.allocated)
            lines[d].q.allocated -= take; lines[d].q.backordered += take; left -= take
        }
        guard left < want || partialOK else { return nil }
        lines[i].q.backordered -= want - left; lines[i].q.allocated += want - left
        return want - left
    }

    mutating func reallocate(_ no: String, line: Int) -> Bool {
        guard let o = orders[no], !o.closed, line >= 1, line <= o.lines.count else { return false }
        return give(to: o.lines[line - 1], partialOK: false) != nil
    }

    mutating func expedite(_ no: String) -> Bool {
        guard let o = orders[no], !o.closed else { return false }
        let changed = setPriority(no, 1)
        var total = 0
        for i in o.lines where lines[i].q.backordered > 0 { total += give(to: i, partialOK: true) ?? 0 }
        return changed || total > 0
    }

    mutating func amend(_ no: String, line: Int, qty: Int) -> Bool {
        guard let o = orders[no], !o.closed, line >= 1, line <= o.lines.count, qty > 0 else { return false }
        let i = o.lines[line - 1]
        var q = lines[i].q
        guard qty != q.ordered, qty >= q.picked + q.shipped + q.cancelled else { return false }
        if qty > q.ordered {
            let a = min(max(0, free(lines[i].sku)), qty - q.ordered)
            q.allocated += a; q.backordered += qty - q.ordered - a
        } else {
            let less = q.ordered - qty, b = min(less, q.backordered)
            q.backordered -= b; q.allocated -= less - b
        }
        q.ordered = qty
        lines[i].q = q
        settle(lines[i].sku)
        closeFinished()
        return true
    }

    mutating func addLine(_ no: String, sku: String, qty: Int) -> Bool {
        guard let o = orders[no], !o.closed, onHand[sku] != nil, qty > 0 else { return false }
        let a = min(max(0, free(sku)), qty)
        lines.append(Line(orderNo: no, lineNo: o.lines.count + 1, sku: sku, prio: o.prio, date: o.date,
                          q: LineQuantities(ordered: qty, allocated: a, backordered: qty - a)))
        orders[no]!.lines.append(lines.count - 1)
        return true
    }

    mutating func returnUnits(_ no: String, line: Int, qty: Int, restock: Bool) -> Bool {
        guard let o = orders[no], line >= 1, line <= o.lines.count, qty > 0 else { return false }
        let i = o.lines[line - 1]
        guard qty <= lines[i].q.shipped - returned[i, default: 0] else { return false }
        returned[i, default: 0] += qty
        if restock { onHand[lines[i].sku]! += qty; settle(lines[i].sku) }
        return true
    }

    /// Takes a receipt's units out again: free stock first, then the lines it served (last served first), never picked units.
    mutating func reverseReceipt(_ index: Int) -> Bool {
        guard index < receipts.count, !receipts[index].reversed else { return false }
        let r = receipts[index]
        var left = max(0, r.qty - free(r.sku))
        var got: [Int: Int] = [:], order: [Int] = []
        for s in r.served { if got[s.line] == nil { order.append(s.line) }; got[s.line, default: 0] += s.units }
        var releases: [(Int, Int)] = []
        for i in order.reversed() where left > 0 {
            let units = min(left, got[i]!, lines[i].q.allocated)
            if units > 0 { releases.append((i, units)); left -= units }
        }
        guard left == 0 else { return false }
        for (i, units) in releases { lines[i].q.allocated -= units; lines[i].q.backordered += units }
        onHand[r.sku]! -= r.qty
        if let ref = r.arrival { arrivals[ref]!.received -= r.qty }
        receipts[index].reversed = true
        settle(r.sku)
        return true
    }

    mutating func cancel(_ no: String, line: Int?) -> Bool {
        guard let o = orders[no], !o.closed else { return false }
        let targets = line.map { l in (l >= 1 && l <= o.lines.count) ? [o.lines[l - 1]] : [] } ?? o.lines
        let withBackorders = targets.filter { lines[$0].q.backordered > 0 }
        guard !withBackorders.isEmpty, line == nil || withBackorders.count == 1 else { return false }
        for i in withBackorders { lines[i].q.cancelled += lines[i].q.backordered; lines[i].q.backordered = 0 }
        closeFinished()
        return true
    }

    mutating func changeETA(_ ref: String, to day: Day) -> Bool {
        guard let a = arrivals[ref], !a.closed, a.eta != day else { return false }
        arrivals[ref]!.eta = day
        return true
    }

    /// Units of each open arrival promised to waiting lines, by the same plain simulation.
    func promisedPerArrival(sku: String) -> [String: Int] {
        var supply = arrivals.filter { $0.value.sku == sku && !$0.value.closed }
            .sorted { ($0.value.eta, $0.value.seq, $0.key) < ($1.value.eta, $1.value.seq, $1.key) }
            .map { (ref: $0.key, left: $0.value.qty - $0.value.received) }
        var taken: [String: Int] = Dictionary(uniqueKeysWithValues: supply.map { ($0.ref, 0) })
        for l in lines where l.sku == sku && l.q.backordered > 0 {
            var need = l.q.backordered
            while need > 0, let first = supply.indices.first(where: { supply[$0].left > 0 }) {
                let take = min(need, supply[first].left)
                supply[first].left -= take; need -= take; taken[supply[first].ref, default: 0] += take
            }
        }
        return taken
    }

    /// Promised dates by plain simulation: arrivals by ETA, waiting lines by priority.
    func promised(sku: String) -> [String: Day?] {
        var supply = arrivals.filter { $0.value.sku == sku && !$0.value.closed }
            .sorted { ($0.value.eta, $0.value.seq, $0.key) < ($1.value.eta, $1.value.seq, $1.key) }
            .map { (eta: $0.value.eta, left: $0.value.qty - $0.value.received) }
        var out: [String: Day?] = [:]
        for l in lines.filter({ $0.sku == sku && $0.q.backordered > 0 }).sorted(by: { ($0.prio, $0.date, $0.orderNo, $0.lineNo) < ($1.prio, $1.date, $1.orderNo, $1.lineNo) }) {
            var need = l.q.backordered
            var date: Day?
            while need > 0, let first = supply.indices.first(where: { supply[$0].left > 0 }) {
                let take = min(need, supply[first].left)
                supply[first].left -= take; need -= take; date = supply[first].eta
            }
            out["\(l.orderNo)/\(l.lineNo)"] = need == 0 ? date : nil
        }
        return out
    }
}
