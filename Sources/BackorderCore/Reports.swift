/// The supervisor's reports: the pure computations (bucketing, the reorder formula, fill rates) that turn what the store
/// reads into their rows (BacklogReports, ArrivalReports, ServiceLevelReport). The store reads; everything that decides a
/// figure is here.

/// The report computations: pure functions from what the store read to the rows people see.
public enum Reports {
    /// Waiting lines, units and orders per age bucket; every bucket is present, youngest first.
    public static func aging(_ lines: [OpenBackorder], today: Day) -> [AgingRow] {
        var rows = Dictionary(uniqueKeysWithValues: AgeBucket.allCases.map { ($0, AgingRow(bucket: $0, lines: 0, units: 0, orders: 0)) })
        var orders: [AgeBucket: Set<String>] = [:]
        for l in lines {
            let b = AgeBucket.of(ageDays: today.days(since: l.orderDate))
            rows[b]!.lines += 1
            rows[b]!.units += l.backordered
            orders[b, default: []].insert(l.orderNumber)
        }
        return AgeBucket.allCases.map { b in
            var r = rows[b]!
            r.orders = orders[b]?.count ?? 0
            return r
        }
    }

    /// The purchase quantity for `uncovered` units: at least the minimum order quantity, rounded up to whole packs;
    /// 0 when nothing is uncovered.
    public static func suggestedPurchase(uncovered: Int, minOrderQty: Int, packSize: Int) -> Int {
        guard uncovered > 0 else { return 0 }
        let pack = max(1, packSize)
        let wanted = max(uncovered, max(1, minOrderQty))
        return (wanted + pack - 1) / pack * pack
    }

    /// Backordered demand of an item that neither free stock nor open arrivals cover.
    public static func uncovered(_ i: Item) -> Int { max(0, i.backordered - max(0, i.free) - i.incoming) }

    /// One row per short item, what hurts most first: most uncovered units, then the longest wait, then most demand.
    public static func shortage(_ inputs: [ShortageInput], today: Day) -> [ShortageRow] {
        inputs.map { s in
            let i = s.item
            let uncovered = uncovered(i)
            return ShortageRow(sku: i.sku, name: i.name, unit: i.unit, backordered: i.backordered, waitingLines: s.waitingLines,
                               free: i.free, incoming: i.incoming, uncovered: uncovered,
                               oldestAgeDays: s.oldestOrderDate.map { today.days(since: $0) },
                               minOrderQty: i.minOrderQty, packSize: i.packSize,
                               suggestedPurchase: suggestedPurchase(uncovered: uncovered, minOrderQty: i.minOrderQty, packSize: i.packSize),
                               supplier: i.supplier, leadTimeDays: i.leadTimeDays)
        }.sorted {
            ($1.uncovered, $1.oldestAgeDays ?? -1, $1.backordered, $0.sku) < ($0.uncovered, $0.oldestAgeDays ?? -1, $0.backordered, $1.sku)
        }
    }

    /// Pegging in detail: which waiting lines each open arrival is promised to, and how many units of each.
    ///
    /// The same walk as `Rules.peg` (arrivals in ETA order, lines in allocation priority), keeping who gets what.
    public static func pegDetail(waiting: [WaitingLine], arrivals: [Arrival]) -> [Int64: [(lineId: Int64, units: Int)]] {
        var queue = arrivals.filter { $0.isOpen && $0.outstanding > 0 }
            .sorted { ($0.eta, $0.id) < ($1.eta, $1.id) }
            .map { (id: $0.id, left: $0.outstanding) }
        var index = 0
        var out: [Int64: [(lineId: Int64, units: Int)]] = [:]
        for line in waiting.sorted(by: WaitingLine.servedBefore) {
            var need = line.backordered
            while need > 0 && index < queue.count {
                let take = min(need, queue[index].left)
                need -= take
                queue[index].left -= take
                out[queue[index].id, default: []].append((line.lineId, take))
                if queue[index].left == 0 { index += 1 }
            }
        }
        return out
    }

    /// Per supplier: how many arrivals, how often and by how many days their ETAs moved; most moves first.
    public static func supplierSlips(_ histories: [ArrivalETAHistory]) -> [SupplierSlipRow] {
        var rows: [String: (arrivals: Int, open: Int, late: Int, moved: Int, changes: Int, days: Int, largest: Int)] = [:]
        for h in histories {
            var r = rows[h.supplier] ?? (0, 0, 0, 0, 0, 0, 0)
            r.arrivals += 1
            if h.isOpen { r.open += 1 }
            if h.isLate { r.late += 1 }
            if !h.changes.isEmpty { r.moved += 1 }
            r.changes += h.changes.count
            for c in h.changes {
                let d = c.to.days(since: c.from)
                r.days += d
                r.largest = max(r.largest, d)
            }
            rows[h.supplier] = r
        }
        return rows.map { s, r in
            SupplierSlipRow(supplier: s, arrivals: r.arrivals, openArrivals: r.open, lateArrivals: r.late, movedArrivals: r.moved,
                            etaChanges: r.changes, daysMoved: r.days,
                            averageDaysPerChange: r.changes > 0 ? Double(r.days) / Double(r.changes) : nil, largestSlipDays: r.largest)
        }.sorted { ($1.etaChanges, $1.daysMoved, $0.supplier) < ($0.etaChanges, $0.daysMoved, $1.supplier) }
    }

    /// Fill rates, backordered units and backorder waits for the days `from` through `to`.
    ///
    /// - A line counts when its first shipment falls in the period; it is complete when that shipment carried its whole
    ///   ordered quantity. An order counts when its first shipment falls in the period; it is complete when that
    ///   shipment carried every line whole. `lines` must hold every line of each order with a shipment in the period.
    /// - A backorder wait is counted for a line that was ever backordered, has nothing open any more, and whose last
    ///   shipment falls in the period: the days from its order date to that shipment.
    public static func serviceLevel(lines: [ServiceLineInput], backorderEvents: [BackorderEvent], from: Day, to: Day) -> ServiceLevelReport {
        struct Tally {
            var name = ""
            var lines = 0, linesComplete = 0, orders = 0, ordersComplete = 0, units = 0, waits = 0, waitDays = 0
        }
        var total = Tally(name: "all")
        var customers: [String: Tally] = [:]
        var items: [String: Tally] = [:]
        let inPeriod = { (d: Day) in from <= d && d <= to }

        for l in lines {
            let shipments = l.shipments.sorted { $0.shipmentId < $1.shipmentId }
            guard let first = shipments.first else { continue }
            if inPeriod(first.day) {
                let complete = first.quantity >= l.ordered ? 1 : 0
                total.lines += 1; total.linesComplete += complete
                customers[l.customerCode, default: Tally(name: l.customerName)].lines += 1
                customers[l.customerCode]!.linesComplete += complete
                items[l.sku, default: Tally(name: l.itemName)].lines += 1
                items[l.sku]!.linesComplete += complete
            }
            if l.everBackordered && l.open == 0, let last = shipments.last, inPeriod(last.day) {
                let wait = max(0, last.day.days(since: l.orderDate))
                total.waits += 1; total.waitDays += wait
                customers[l.customerCode, default: Tally(name: l.customerName)].waits += 1
                customers[l.customerCode]!.waitDays += wait
                items[l.sku, default: Tally(name: l.itemName)].waits += 1
                items[l.sku]!.waitDays += wait
            }
        }

        // Orders: the first shipment of the order over all its lines.
        let byOrder = Dictionary(grouping: lines, by: \.orderNumber)
        for (_, orderLines) in byOrder {
            let firstShipment = orderLines.flatMap(\.shipments).min { $0.shipmentId < $1.shipmentId }
            guard let first = firstShipment, inPeriod(first.day) else { continue }
            let complete = orderLines.allSatisfy { l in
                l.shipments.first { $0.shipmentId == first.shipmentId }.map { $0.quantity >= l.ordered } ?? false
            } ? 1 : 0
            let c = orderLines[0]
            total.orders += 1; total.ordersComplete += complete
            customers[c.customerCode, default: Tally(name: c.customerName)].orders += 1
            customers[c.customerCode]!.ordersComplete += complete
        }

        for e in backorderEvents {
            total.units += e.units
            customers[e.customerCode, default: Tally(name: e.customerName)].units += e.units
            items[e.sku, default: Tally(name: e.itemName)].units += e.units
        }

        func row(_ scope: ServiceRow.Scope, _ key: String, _ t: Tally, orders: Bool) -> ServiceRow {
            ServiceRow(scope: scope, key: key, name: t.name, lines: t.lines, linesComplete: t.linesComplete,
                       orders: orders ? t.orders : nil, ordersComplete: orders ? t.ordersComplete : nil,
                       unitsBackordered: t.units, backordersShipped: t.waits, waitDaysTotal: t.waitDays)
        }
        return ServiceLevelReport(
            from: from, to: to,
            total: row(.total, "", total, orders: true),
            customers: customers.sorted { $0.key < $1.key }.map { row(.customer, $0.key, $0.value, orders: true) },
            items: items.sorted { $0.key < $1.key }.map { row(.item, $0.key, $0.value, orders: false) })
    }

    /// One row per customer with waiting backorders: most units first, then the longest wait.
    public static func backlog(_ lines: [OpenBackorder], today: Day) -> [BacklogRow] {
        var rows: [String: BacklogRow] = [:]
        var orders: [String: Set<String>] = [:]
        for l in lines {
            let age = today.days(since: l.orderDate)
            var r = rows[l.customerCode] ?? BacklogRow(customerCode: l.customerCode, customerName: l.customerName, orders: 0, lines: 0,
                                                       units: 0, oldestAgeDays: age, nextPromised: nil, unpromisedLines: 0)
            r.lines += 1
            r.units += l.backordered
            r.oldestAgeDays = max(r.oldestAgeDays, age)
            if let p = l.promised {
                r.nextPromised = r.nextPromised.map { min($0, p) } ?? p
            } else {
                r.unpromisedLines += 1
            }
            rows[l.customerCode] = r
            orders[l.customerCode, default: []].insert(l.orderNumber)
        }
        return rows.values.map { r in
            var r = r
            r.orders = orders[r.customerCode]?.count ?? 0
            return r
        }.sorted { ($1.units, $1.oldestAgeDays, $0.customerCode) < ($0.units, $0.oldestAgeDays, $1.customerCode) }
    }
}

/// The reports a front end (the TUI) can show, next to `WarehouseService`; the store implements both.
public protocol ReportService: Sendable {
    /// Waiting lines, units and orders per age bucket, youngest first.
    func agingReport(today: Day) throws -> [AgingRow]
    /// The waiting lines of one age bucket, oldest order first, with promised dates.
    func backorderLines(in bucket: AgeBucket, _ page: Page, today: Day) throws -> [BackorderRow]
    /// Short items with what covers them and what to buy, what hurts most first.
    func shortageReport(today: Day) throws -> [ShortageRow]
    /// Open arrivals past their ETA with who waits on them, and each supplier's ETA record.
    func lateArrivalsReport(today: Day) throws -> LateArrivalsReport
    /// Fill rates, backordered units and waits for the days `from` through `to`.
    func serviceLevelReport(from: Day, to: Day) throws -> ServiceLevelReport
    /// Per customer: waiting lines and units, the oldest wait and the next promised date.
    func backlogReport(today: Day) throws -> [BacklogRow]
}
