import BackorderCore
import Foundation
import GRDB

extension DemoStory {
    // MARK: operations

    /// Serves waiting lines of a SKU from its free stock in the stated priority (OperationTx.allocateFree).
    func allocateFree(_ sku: Int) {
        guard items[sku].free > 0, items[sku].backordered > 0 else { return }
        // A line served earlier and short-picked later was listed twice: keep each waiting line once.
        items[sku].waiting = Set(items[sku].waiting.filter { lines[Int($0)].q.backordered > 0 }).sorted()
        let waiting = items[sku].waiting.map { i -> WaitingLine in
            let l = lines[Int(i)], o = orders[Int(l.order)]
            return WaitingLine(lineId: Int64(i), orderNumber: o.number, lineNo: Int(l.lineNo), priority: o.priority,
                               orderDate: firstDay.adding(days: Int(o.day)), backordered: l.q.backordered)
        }
        for grant in Rules.distribute(items[sku].free, to: waiting) {
            let line = Int32(grant.lineId)
            apply(PlannedMovement(lineId: grant.lineId, sku: items[sku].sku, kind: .allocate, quantity: grant.quantity,
                                  delta: Delta(allocated: grant.quantity, backordered: -grant.quantity)), line: line, sku: Int32(sku), note: -1)
            schedulePick(lines[Int(line)].order)
        }
    }

    func createOrder(customer: Int) {
        beginOperation(salesActors)
        let c = customers[customer]
        var count = rng.weighted(lineCountWeights) + 1
        count = min(count, spec.orderLines - lines.count)
        var skus: [Int32] = []
        while skus.count < count {
            var s = Int32(rng.weighted(skuWeights))
            // An order names each item once; a repeat draw becomes its neighbour in the catalogue.
            while skus.contains(s) { s = (s + 1) % Int32(items.count) }
            skus.append(s)
        }
        let requested = skus.map { s -> NewOrderLine in
            let range = items[Int(s)].lineQuantity
            let quantity = range.lowerBound + min(range.count - 1, Int(Double(range.count) * pow(rng.unit(), 2)))
            return NewOrderLine(sku: items[Int(s)].sku, quantity: quantity)
        }
        var free: [String: Int] = [:]
        for s in skus { free[items[Int(s)].sku] = items[Int(s)].free }
        let quantities = Rules.allocateNewLines(requested, free: free)

        let o = Int32(orders.count)
        let rush = rng.chance(0.04)
        let policy: ShipPolicy = c.policy == .complete || rng.chance(0.01) ? .complete : .partial
        orders.append(SimOrder(number: "SO-" + padded(orders.count + 1, 6), customer: Int32(customer), day: Int32(today),
                               priority: rush ? rng.int(1...2) : c.priority, policy: policy, createdAt: stamp, closedAt: nil,
                               firstLine: Int32(lines.count), lineCount: Int32(count)))
        var anyAllocated = false, anyWaiting = false
        for (k, q) in quantities.enumerated() {
            let line = Int32(lines.count)
            lines.append(SimLine(order: o, lineNo: Int32(k + 1), sku: skus[k], q: LineQuantities()))
            apply(PlannedMovement(lineId: Int64(line), sku: requested[k].sku, kind: .order, quantity: q.ordered,
                                  delta: Delta(ordered: q.ordered, allocated: q.allocated, backordered: q.backordered)), line: line, sku: skus[k], note: -1)
            anyAllocated = anyAllocated || q.allocated > 0
            anyWaiting = anyWaiting || q.backordered > 0
            markDemand(skus[k])
            // Some customers give up on a backorder after a while: the whole remainder or one line.
            if q.backordered > 0 && rng.chance(0.05) {
                let d = workday(from: today + rng.int(5...45))
                if d < dayCount { cancelDue[d].append(CancelEvent(order: o, lineNo: rng.chance(0.5) ? Int32(k + 1) : 0)) }
            }
        }
        if anyAllocated && !(policy == .complete && anyWaiting) { schedulePick(o) }
    }

    func pick(_ o: Int32) throws {
        orders[Int(o)].pickPending = false
        guard orders[Int(o)].closedAt == nil else { return }
        let current = orderLines(o)
        guard current.contains(where: { $0.quantities.allocated > 0 }) else { return }
        // A ship-complete order is picked once everything is there.
        if orders[Int(o)].policy == .complete && current.contains(where: { $0.quantities.backordered > 0 }) { return }
        beginOperation(warehouseActors)
        let entries = current.filter { $0.quantities.allocated > 0 }.map { l -> PickEntry in
            let a = l.quantities.allocated
            let missing = rng.chance(0.004) ? rng.int(1...a) : 0
            return PickEntry(lineNo: l.lineNo, picked: a - missing, missing: missing)
        }
        var shortSkus: [Int32] = []
        for m in try Rules.planPick(lines: current, entries: entries) {
            let line = Int32(m.lineId!)
            apply(m, line: line, sku: lines[Int(line)].sku, note: m.kind == .shortPick ? text(shortPickNote) : -1)
            if m.kind == .shortPick { shortSkus.append(lines[Int(line)].sku); markDemand(lines[Int(line)].sku) }
        }
        for s in shortSkus.sorted(by: { items[Int($0)].sku < items[Int($1)].sku }) { allocateFree(Int(s)) }
        scheduleShip(o)
    }

    func ship(_ o: Int32) throws {
        orders[Int(o)].shipPending = false
        guard orders[Int(o)].closedAt == nil else { return }
        let current = orderLines(o)
        guard current.contains(where: { $0.quantities.picked > 0 }) else { return }
        let policy = orders[Int(o)].policy
        let isPartial = current.contains { $0.quantities.allocated + $0.quantities.backordered > 0 }
        // A ship-complete order waits for the rest, unless the customer asks for what is there (an override).
        let override = policy == .complete && isPartial && rng.chance(0.05)
        if policy == .complete && isPartial && !override { return }
        beginOperation(warehouseActors)
        let moves = try Rules.planShipment(policy: policy, lines: current, override: override)
        let s = Int32(shipmentBase + shipments.count)
        shipments.append(SimShipment(order: o, at: stamp, actor: actor, overridden: policy == .complete && isPartial))
        for m in moves {
            let line = Int32(m.lineId!)
            shipmentLines.append(SimShipmentLine(shipment: s, line: line, quantity: m.quantity))
            apply(m, line: line, sku: lines[Int(line)].sku, shipment: s, note: -1)
        }
        closeIfDone(o)
    }

    func cancel(_ event: CancelEvent) throws {
        let o = event.order
        guard orders[Int(o)].closedAt == nil else { return }
        let current = orderLines(o)
        let lineNo: Int? = event.lineNo == 0 ? nil : Int(event.lineNo)
        guard current.contains(where: { $0.quantities.backordered > 0 && (lineNo == nil || $0.lineNo == lineNo) }) else { return }
        beginOperation(salesActors)
        let reason = text(rng.pick(cancelReasons))
        for m in try Rules.planCancel(lines: current, lineNo: lineNo, scope: .backordered) {
            let line = Int32(m.lineId!)
            apply(m, line: line, sku: lines[Int(line)].sku, note: reason)
        }
        closeIfDone(o)
        if orders[Int(o)].closedAt == nil {
            let after = orderLines(o)
            if after.contains(where: { $0.quantities.allocated > 0 }) { schedulePick(o) }
            if after.contains(where: { $0.quantities.picked > 0 }) { scheduleShip(o) }
        }
    }

    func receive(_ event: ReceiptEvent) {
        let a = Int(event.arrival)
        guard arrivals[a].closedAt == nil else { return }
        beginOperation(warehouseActors)
        let sku = Int(arrivals[a].sku)
        let r = Int32(receipts.count)
        receipts.append(SimReceipt(arrival: event.arrival, sku: Int32(sku), quantity: event.quantity, at: stamp, actor: actor, note: -1))
        let outstanding = arrivals[a].outstanding
        arrivals[a].received += event.quantity
        if event.quantity >= outstanding {
            arrivals[a].closedAt = stamp
            items[sku].openArrivals -= 1
        }
        items[sku].incoming -= min(event.quantity, outstanding)
        stockMovement(sku: sku, kind: .receive, change: event.quantity, arrival: event.arrival, receipt: r, note: -1)
        allocateFree(sku)
    }

    func changeETA(_ event: ETAEvent) {
        let a = Int(event.arrival)
        guard arrivals[a].closedAt == nil, arrivals[a].eta != event.eta else { return }
        beginOperation(purchaseActors)
        etaChanges.append(SimETAChange(arrival: event.arrival, old: arrivals[a].eta, new: event.eta, at: stamp, actor: actor, reason: event.reason))
        arrivals[a].eta = event.eta
    }

    /// A customer return: an unplanned receipt that goes to waiting lines first.
    func customerReturn() {
        let sku = rng.weighted(skuWeights)
        beginOperation(warehouseActors)
        let r = Int32(receipts.count)
        let quantity = rng.int(1...3)
        receipts.append(SimReceipt(arrival: -1, sku: Int32(sku), quantity: quantity, at: stamp, actor: actor, note: text("customer return"))) // not prose: demo data stored in the file, like a customer's own
        stockMovement(sku: sku, kind: .receive, change: quantity, receipt: r, note: -1)
        allocateFree(sku)
    }

    /// A cycle count that finds a few units more or fewer than the books (never below what orders hold).
    func cycleCount() {
        let sku = rng.below(items.count)
        let change = rng.chance(0.5) ? rng.int(1...3) : -rng.int(1...3)
        guard items[sku].onHand + change >= items[sku].allocated + items[sku].picked else { return }
        beginOperation(warehouseActors)
        stockMovement(sku: sku, kind: .adjust, change: change, note: text(change > 0 ? "cycle count: found on the shelf" : "cycle count: damaged or missing")) // not prose: demo data stored in the file, like a customer's own
        if change > 0 { allocateFree(sku) } else { markDemand(Int32(sku)) }
    }

    /// Evening purchasing run: items whose stock position fell to the reorder point get a PO line, grouped per supplier.
    func placeOrders(_ candidates: [Int32]) {
        var poOfSupplier: [Int: (po: Int32, lines: Int32)] = [:]
        for s in candidates.sorted() {
            let i = Int(s)
            let item = items[i]
            let position = item.free + item.incoming - item.backordered
            // Only fast movers have a second PO in flight, and never at a supplier in crisis.
            let inCrisis = supplierCrisis[item.supplier].map { $0 <= today } ?? false
            guard position <= item.reorderPoint, item.openArrivals < (item.cycleDays <= 30 && !inCrisis ? 2 : 1) else { continue }
            let target = Double(item.reorderPoint) + item.dailyUnits * Double(item.cycleDays)
            let pack = item.packSize
            let quantity = max(item.minOrderQty, (max(1, Int(target.rounded(.up)) - position) + pack - 1) / pack * pack)
            if poOfSupplier[item.supplier] == nil {
                beginOperation(purchaseActors)
                poOfSupplier[item.supplier] = (Int32(poNumbers.count), 0)
                poNumbers.append("PO-" + padded(poNumbers.count + 1, 6))
            }
            poOfSupplier[item.supplier]!.lines += 1
            let (po, poLine) = poOfSupplier[item.supplier]!
            let eta = today + item.leadDays
            let a = Int32(arrivals.count)
            arrivals.append(SimArrival(supplier: Int32(item.supplier), po: po, poLine: poLine, sku: s, quantity: quantity, eta: eta, createdAt: stamp))
            items[i].incoming += quantity
            items[i].openArrivals += 1
            planDelivery(a)
        }
    }

    /// Decides when the supplier really delivers, what it announces before, and whether it delivers in parts.
    func planDelivery(_ a: Int32) {
        let arrival = arrivals[Int(a)]
        let eta = arrival.eta
        var delay: Int
        switch rng.unit() {
        case ..<0.03: delay = -rng.int(1...3)
        case ..<0.58: delay = 0
        case ..<0.78: delay = rng.int(1...3)
        case ..<0.92: delay = rng.int(4...14)
        default: delay = rng.int(15...45)
        }
        // The hot item's supplier falls behind: nothing of it arrives in the last 45 days.
        if Int(arrival.sku) == hot && eta + delay >= dayCount - 45 { delay = max(delay, dayCount + rng.int(3...25) - eta) }
        if let crisis = supplierCrisis[Int(arrival.supplier)], eta + delay >= crisis { delay = max(delay, dayCount + rng.int(3...30) - eta) }
        let actual = max(today + 1, eta + delay)
        if delay >= 4 && rng.chance(0.65) {
            let reason = text(rng.pick(etaReasons))
            let first = max(today + 1, eta - rng.int(0...5))
            if delay >= 12 && rng.chance(0.4) {
                // Announced twice: first a guess, then the real date.
                let guess = eta + delay / 2
                schedule(eta: ETAEvent(arrival: a, eta: guess, reason: reason), on: first)
                schedule(eta: ETAEvent(arrival: a, eta: actual, reason: text(rng.pick(etaReasons))), on: max(first + 1, guess - rng.int(0...3)))
            } else {
                schedule(eta: ETAEvent(arrival: a, eta: actual, reason: reason), on: first)
            }
        }
        let quantity = arrival.quantity
        let pack = items[Int(arrival.sku)].packSize
        if quantity > pack && rng.chance(0.08) {
            let firstPart = max(1, Int(Double(quantity) * (0.4 + 0.5 * rng.unit())) / pack * pack)
            schedule(receipt: ReceiptEvent(arrival: a, quantity: min(firstPart, quantity - 1)), on: actual)
            // Now and then the rest never comes: the PO line stays open and late.
            if rng.chance(0.9) { schedule(receipt: ReceiptEvent(arrival: a, quantity: quantity - min(firstPart, quantity - 1)), on: actual + rng.int(3...14)) }
        } else {
            schedule(receipt: ReceiptEvent(arrival: a, quantity: quantity + (rng.chance(0.02) ? pack : 0)), on: actual)
        }
    }

    func schedule(receipt: ReceiptEvent, on day: Int) {
        let d = workday(from: day)
        if d < dayCount { receiptDue[d].append(receipt) }
    }

    func schedule(eta: ETAEvent, on day: Int) {
        if day < dayCount { etaDue[day].append(eta) }
    }

}
