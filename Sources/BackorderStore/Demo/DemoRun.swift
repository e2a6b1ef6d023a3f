import BackorderCore
import Foundation
import GRDB

extension DemoStory {
    // MARK: the story

    /// Plays the days; `endOfDay` runs after each (the writer flushes what the day made, so memory stays bounded).
    func run(endOfDay: () throws -> Void = {}) throws {
        makeMasterData()
        let n = spec.orderLines
        // Sized once: doubling an array of ten million lines would hold both copies for a moment.
        lines.reserveCapacity(n)
        orders.reserveCapacity(n / 5 + n / 50 + 16)
        // Opening stock, counted the evening before the first day.
        today = -1
        clock = 20 * 3_600
        secondsPerOperation = 1
        for i in items.indices {
            let item = items[i]
            let onHand: Int
            if i == hot || rng.chance(0.85) {
                let cover = Double(item.reorderPoint) + item.dailyUnits * Double(item.cycleDays) * (0.3 + 0.7 * rng.unit())
                onHand = Int(cover.rounded(.up)) / max(1, item.packSize) * item.packSize
            } else {
                onHand = 0
            }
            guard onHand > 0 else { continue }
            actor = text("admin")
            opId += 1
            stamp = Int64(firstDay.ordinal - 1) * 86_400 + clock
            stockMovement(sku: i, kind: .adjust, change: onHand, note: text("opening stock")) // not prose: demo data stored in the file, like a customer's own
        }

        // Orders per day: weekdays busier than weekends, slowly growing.
        let dayWeights = (0..<dayCount).map { d -> Double in
            let weekday = (firstDay.ordinal + d + 3) % 7
            return (weekday < 5 ? 1.0 : weekday == 5 ? 0.35 : 0.2) * (0.9 + 0.2 * Double(d) / Double(dayCount))
        }
        let weightTotal = dayWeights.reduce(0, +)
        let opsPerDay = max(1.0, Double(n) / 5.0 / Double(dayCount) * 3.2)
        var cumulativeWeight = 0.0
        for d in 0..<dayCount {
            today = d
            // The journal of the last tenth of the days is held back, to go in after the indexes (see generateDemo).
            if d == dayCount - dayCount / 10 { journalTail = movementBase + movements.count }
            picksDone = false; shipsDone = false
            touchedToday.removeAll(keepingCapacity: true)
            clock = 6 * 3_600 + 1_800
            secondsPerOperation = 15.0 * 3_600 / opsPerDay
            // The first evening's purchasing run looks at every item.
            if d == 0 { for i in items.indices { markDemand(Int32(i)) } }

            // Morning: goods in, then news from suppliers.
            for e in receiptDue[d] { receive(e) }
            for e in etaDue[d] { changeETA(e) }
            // Picking lists of the morning.
            var p = 0
            while p < pickDue[d].count { try pick(pickDue[d][p]); p += 1 }
            // Orders come in during the day.
            cumulativeWeight += dayWeights[d]
            let target = d == dayCount - 1 ? n : min(n, Int((Double(n) * cumulativeWeight / weightTotal).rounded()))
            while lines.count < target { createOrder(customer: rng.weighted(customerWeights)) }
            // Same-day picks, then the afternoon's shipments.
            while p < pickDue[d].count { try pick(pickDue[d][p]); p += 1 }
            picksDone = true
            var s = 0
            while s < shipDue[d].count { try ship(shipDue[d][s]); s += 1 }
            shipsDone = true
            for e in cancelDue[d] { try cancel(e) }
            if isWorkday(d) {
                for _ in 0..<poissonish(Double(items.count) * 0.0005) { customerReturn() }
                for _ in 0..<poissonish(Double(items.count) * 0.001) { cycleCount() }
            }
            placeOrders(touchedToday)
            try endOfDay()
            // Nothing is scheduled on a day gone by.
            pickDue[d] = []; shipDue[d] = []; receiptDue[d] = []; etaDue[d] = []; cancelDue[d] = []
        }
    }

    /// A count near `mean` that still yields occasional events when the mean is below one.
    func poissonish(_ mean: Double) -> Int {
        let whole = Int(mean)
        return whole + (rng.chance(mean - Double(whole)) ? 1 : 0)
    }

    // MARK: summary

    var summary: DemoSummary {
        var s = DemoSummary()
        s.items = items.count
        s.customers = customers.count
        s.orders = orders.count
        s.openOrders = orders.reduce(0) { $0 + ($1.closedAt == nil ? 1 : 0) }
        s.orderLines = lines.count
        s.backorderLines = lines.reduce(0) { $0 + ($1.q.backordered > 0 ? 1 : 0) }
        s.openArrivals = arrivals.reduce(0) { $0 + ($1.closedAt == nil ? 1 : 0) }
        s.lateArrivals = arrivals.reduce(0) { $0 + ($1.closedAt == nil && $1.eta < dayCount - 1 ? 1 : 0) }
        s.movements = movementBase + movements.count
        s.shipments = shipmentBase + shipments.count
        s.receipts = receipts.count
        s.etaChanges = etaChanges.count
        var waitingPerItem = Array(repeating: 0, count: items.count)
        for l in lines where l.q.backordered > 0 { waitingPerItem[Int(l.sku)] += 1 }
        if let top = waitingPerItem.indices.max(by: { (waitingPerItem[$0], $1) < (waitingPerItem[$1], $0) }), waitingPerItem[top] > 0 {
            s.hotSku = items[top].sku
            s.hotWaitingLines = waitingPerItem[top]
        }
        return s
    }

}
