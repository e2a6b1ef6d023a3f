/// The supervisor's reports: their rows, and the pure computations (bucketing, the reorder formula, fill rates) that
/// turn what the store reads into them. The store reads; everything that decides a figure is here.

// MARK: inputs read by the store

/// One waiting backorder line as the open-backlog reports need it.
public struct OpenBackorder: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var lineNo: Int
    public var customerCode: String
    public var customerName: String
    public var sku: String
    public var orderDate: Day
    public var backordered: Int
    /// The promised date from pegging; nil when no open arrival covers the line.
    public var promised: Day?

    public init(orderNumber: String, lineNo: Int, customerCode: String, customerName: String, sku: String, orderDate: Day,
                backordered: Int, promised: Day?) {
        self.orderNumber = orderNumber; self.lineNo = lineNo; self.customerCode = customerCode; self.customerName = customerName
        self.sku = sku; self.orderDate = orderDate; self.backordered = backordered; self.promised = promised
    }
}

// MARK: aging

/// An age band of waiting backorders, by days since the order date.
public enum AgeBucket: String, CaseIterable, Sendable, Codable, Comparable {
    case days0to7 = "0-7"
    case days8to14 = "8-14"
    case days15to30 = "15-30"
    case days31to60 = "31-60"
    case over60 = "over-60"

    /// How people read it: "0–7 days", "over 60 days".
    public var label: String {
        switch self {
        case .days0to7: return "0–7 days"
        case .days8to14: return "8–14 days"
        case .days15to30: return "15–30 days"
        case .days31to60: return "31–60 days"
        case .over60: return "over 60 days"
        }
    }

    /// Youngest and oldest age in days; nil: no upper end.
    public var ages: (min: Int, max: Int?) {
        switch self {
        case .days0to7: return (0, 7)
        case .days8to14: return (8, 14)
        case .days15to30: return (15, 30)
        case .days31to60: return (31, 60)
        case .over60: return (61, nil)
        }
    }

    /// The bucket of an age; an order dated in the future (negative age) counts as new.
    public static func of(ageDays: Int) -> AgeBucket {
        switch ageDays {
        case ...7: return .days0to7
        case 8...14: return .days8to14
        case 15...30: return .days15to30
        case 31...60: return .days31to60
        default: return .over60
        }
    }

    /// The order dates whose lines fall in this bucket as seen from `today`: nil ends are open.
    public func orderDates(today: Day) -> (earliest: Day?, latest: Day?) {
        let (lo, hi) = ages
        return (hi.map { today.adding(days: -$0) }, self == .days0to7 ? nil : today.adding(days: -lo))
    }

    /// Parses `0-7`, `8-14`, `15-30`, `31-60`, `over-60` (also `60+`).
    public init?(argument: String) {
        if argument == "60+" { self = .over60; return }
        guard let b = AgeBucket(rawValue: argument) else { return nil }
        self = b
    }

    public static func < (a: AgeBucket, b: AgeBucket) -> Bool { a.ages.min < b.ages.min }
}

/// One bar of the aging report.
public struct AgingRow: Hashable, Sendable, Codable, CSVRepresentable {
    public var bucket: AgeBucket
    public var lines: Int
    public var units: Int
    public var orders: Int

    public init(bucket: AgeBucket, lines: Int, units: Int, orders: Int) {
        self.bucket = bucket; self.lines = lines; self.units = units; self.orders = orders
    }

    public static let csvHeader = ["bucket", "lines", "units", "orders"]
    public var csvFields: [String] { [bucket.rawValue, "\(lines)", "\(units)", "\(orders)"] }
}

// MARK: shortage and reorder

/// What the store knows about one short item.
public struct ShortageInput: Sendable {
    public var item: Item
    /// Waiting backorder lines of the item.
    public var waitingLines: Int
    /// Order date of the oldest waiting line.
    public var oldestOrderDate: Day?
    public init(item: Item, waitingLines: Int, oldestOrderDate: Day?) {
        self.item = item; self.waitingLines = waitingLines; self.oldestOrderDate = oldestOrderDate
    }
}

/// One item of the shortage list: its demand, what covers it, and what to buy.
public struct ShortageRow: Hashable, Sendable, Codable, CSVRepresentable {
    public var sku: String
    public var name: String
    public var unit: String
    /// Units customers wait for.
    public var backordered: Int
    public var waitingLines: Int
    public var free: Int
    /// Units on open expected arrivals not yet received.
    public var incoming: Int
    /// Backordered demand neither free stock nor open arrivals cover.
    public var uncovered: Int
    /// Days the oldest waiting order has waited.
    public var oldestAgeDays: Int?
    public var minOrderQty: Int
    public var packSize: Int
    /// Purchase quantity that covers `uncovered`, at least the minimum order quantity, in whole packs; 0 when covered.
    public var suggestedPurchase: Int
    /// The item's default supplier ("" when none is set).
    public var supplier: String
    /// Days from ordering to arrival; nil when not known.
    public var leadTimeDays: Int?

    public init(sku: String, name: String, unit: String, backordered: Int, waitingLines: Int, free: Int, incoming: Int,
                uncovered: Int, oldestAgeDays: Int?, minOrderQty: Int, packSize: Int, suggestedPurchase: Int,
                supplier: String = "", leadTimeDays: Int? = nil) {
        self.sku = sku; self.name = name; self.unit = unit; self.backordered = backordered; self.waitingLines = waitingLines
        self.free = free; self.incoming = incoming; self.uncovered = uncovered; self.oldestAgeDays = oldestAgeDays
        self.minOrderQty = minOrderQty; self.packSize = packSize; self.suggestedPurchase = suggestedPurchase
        self.supplier = supplier; self.leadTimeDays = leadTimeDays
    }

    /// The ETA of a purchase placed on `today`: today plus the lead time; nil without one.
    public func purchaseETA(today: Day) -> Day? { leadTimeDays.map { today.adding(days: $0) } }

    // Supplier and lead time come last, so spreadsheets reading the older columns by position still work.
    public static let csvHeader = ["sku", "item", "unit", "backordered", "waiting_lines", "free", "incoming", "uncovered",
                                   "oldest_age_days", "moq", "pack", "suggested_purchase", "supplier", "lead_time_days"]
    public var csvFields: [String] {
        [sku, name, unit, "\(backordered)", "\(waitingLines)", "\(free)", "\(incoming)", "\(uncovered)",
         oldestAgeDays.map(String.init) ?? "", "\(minOrderQty)", "\(packSize)", "\(suggestedPurchase)", supplier,
         leadTimeDays.map(String.init) ?? ""]
    }
}

// MARK: late and slipping arrivals

/// A waiting order line an arrival is pegged to, and how many of its units.
public struct PeggedLine: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var lineNo: Int
    public var customerName: String
    public var units: Int
    public init(orderNumber: String, lineNo: Int, customerName: String, units: Int) {
        self.orderNumber = orderNumber; self.lineNo = lineNo; self.customerName = customerName; self.units = units
    }
}

/// An open arrival past its ETA, with the orders that wait on it.
public struct LateArrivalRow: Hashable, Sendable, Codable, CSVRepresentable {
    public var reference: String
    public var supplier: String
    public var sku: String
    public var itemName: String
    public var outstanding: Int
    public var eta: Day
    public var daysLate: Int
    /// How many times the ETA was moved, and by how many days in all (later is positive).
    public var etaChanges: Int
    public var daysMoved: Int
    public var waiting: [PeggedLine]

    public init(reference: String, supplier: String, sku: String, itemName: String, outstanding: Int, eta: Day, daysLate: Int,
                etaChanges: Int, daysMoved: Int, waiting: [PeggedLine]) {
        self.reference = reference; self.supplier = supplier; self.sku = sku; self.itemName = itemName
        self.outstanding = outstanding; self.eta = eta; self.daysLate = daysLate; self.etaChanges = etaChanges
        self.daysMoved = daysMoved; self.waiting = waiting
    }

    /// `SO-000012/1×30 SO-000015/2×5`: the waiting lines in one field.
    public var waitingSummary: String { waiting.map { "\($0.orderNumber)/\($0.lineNo)×\($0.units)" }.joined(separator: " ") }

    public static let csvHeader = ["arrival", "supplier", "sku", "item", "outstanding", "eta", "days_late", "eta_changes",
                                   "days_moved", "waiting_orders", "waiting_units", "waiting_lines"]
    public var csvFields: [String] {
        [reference, supplier, sku, itemName, "\(outstanding)", eta.iso, "\(daysLate)", "\(etaChanges)", "\(daysMoved)",
         "\(Set(waiting.map(\.orderNumber)).count)", "\(waiting.reduce(0) { $0 + $1.units })", waitingSummary]
    }
}

/// One arrival's ETA history, as the supplier statistics need it.
public struct ArrivalETAHistory: Sendable {
    public var supplier: String
    public var isOpen: Bool
    public var isLate: Bool
    /// Every change, oldest first.
    public var changes: [(from: Day, to: Day)]
    public init(supplier: String, isOpen: Bool, isLate: Bool, changes: [(from: Day, to: Day)]) {
        self.supplier = supplier; self.isOpen = isOpen; self.isLate = isLate; self.changes = changes
    }
}

/// How reliable a supplier's ETAs are: how often they moved and by how much.
public struct SupplierSlipRow: Hashable, Sendable, Codable, CSVRepresentable {
    public var supplier: String
    public var arrivals: Int
    public var openArrivals: Int
    public var lateArrivals: Int
    /// Arrivals whose ETA moved at least once.
    public var movedArrivals: Int
    public var etaChanges: Int
    /// Sum of every move in days (later positive, earlier negative).
    public var daysMoved: Int
    /// Average move per change; nil without changes.
    public var averageDaysPerChange: Double?
    /// The largest single postponement in days (0 when none moved later).
    public var largestSlipDays: Int

    public init(supplier: String, arrivals: Int, openArrivals: Int, lateArrivals: Int, movedArrivals: Int, etaChanges: Int,
                daysMoved: Int, averageDaysPerChange: Double?, largestSlipDays: Int) {
        self.supplier = supplier; self.arrivals = arrivals; self.openArrivals = openArrivals; self.lateArrivals = lateArrivals
        self.movedArrivals = movedArrivals; self.etaChanges = etaChanges; self.daysMoved = daysMoved
        self.averageDaysPerChange = averageDaysPerChange; self.largestSlipDays = largestSlipDays
    }

    public static let csvHeader = ["supplier", "arrivals", "open", "late", "moved_arrivals", "eta_changes", "days_moved",
                                   "avg_days_per_change", "largest_slip_days"]
    public var csvFields: [String] {
        [supplier, "\(arrivals)", "\(openArrivals)", "\(lateArrivals)", "\(movedArrivals)", "\(etaChanges)", "\(daysMoved)",
         ReportFormat.oneDecimal(averageDaysPerChange), "\(largestSlipDays)"]
    }
}

/// Late arrivals and the suppliers' ETA record.
public struct LateArrivalsReport: Hashable, Sendable, Codable {
    public var today: Day
    public var arrivals: [LateArrivalRow]
    public var suppliers: [SupplierSlipRow]
    public init(today: Day, arrivals: [LateArrivalRow], suppliers: [SupplierSlipRow]) {
        self.today = today; self.arrivals = arrivals; self.suppliers = suppliers
    }
}

// MARK: service level

/// One order line with shipments, as the service-level report needs it.
public struct ServiceLineInput: Sendable {
    public struct Shipped: Sendable {
        /// Shipments are compared by id: a higher id shipped later.
        public var shipmentId: Int64
        public var day: Day
        public var quantity: Int
        public init(shipmentId: Int64, day: Day, quantity: Int) { self.shipmentId = shipmentId; self.day = day; self.quantity = quantity }
    }
    public var orderNumber: String
    public var lineNo: Int
    public var customerCode: String
    public var customerName: String
    public var sku: String
    public var itemName: String
    public var orderDate: Day
    public var ordered: Int
    /// Units still allocated, picked or backordered now.
    public var open: Int
    /// True when any unit of the line ever went onto backorder (at ordering or by a short pick).
    public var everBackordered: Bool
    public var shipments: [Shipped]

    public init(orderNumber: String, lineNo: Int, customerCode: String, customerName: String, sku: String, itemName: String,
                orderDate: Day, ordered: Int, open: Int, everBackordered: Bool, shipments: [Shipped]) {
        self.orderNumber = orderNumber; self.lineNo = lineNo; self.customerCode = customerCode; self.customerName = customerName
        self.sku = sku; self.itemName = itemName; self.orderDate = orderDate; self.ordered = ordered; self.open = open
        self.everBackordered = everBackordered; self.shipments = shipments
    }
}

/// Units that went onto backorder in the period (new lines short of stock, short picks), with who and what.
public struct BackorderEvent: Sendable {
    public var customerCode: String
    public var customerName: String
    public var sku: String
    public var itemName: String
    public var units: Int
    public init(customerCode: String, customerName: String, sku: String, itemName: String, units: Int) {
        self.customerCode = customerCode; self.customerName = customerName; self.sku = sku; self.itemName = itemName; self.units = units
    }
}

/// Service-level figures for the whole warehouse, one customer or one item.
public struct ServiceRow: Hashable, Sendable, Codable, CSVRepresentable {
    public enum Scope: String, Sendable, Codable { case total, customer, item }
    public var scope: Scope
    /// Customer code or SKU; empty for the total.
    public var key: String
    public var name: String
    /// Lines whose first shipment fell in the period, and how many of them it shipped complete.
    public var lines: Int
    public var linesComplete: Int
    public var lineFillRate: Double?
    /// Orders whose first shipment fell in the period, and how many it shipped complete (not kept per item).
    public var orders: Int?
    public var ordersComplete: Int?
    public var orderFillRate: Double?
    /// Units that went onto backorder in the period.
    public var unitsBackordered: Int
    /// Backordered lines whose last shipment in the period completed them, and their average wait in days.
    public var backordersShipped: Int
    public var averageWaitDays: Double?

    public init(scope: Scope, key: String, name: String, lines: Int, linesComplete: Int, orders: Int?, ordersComplete: Int?,
                unitsBackordered: Int, backordersShipped: Int, waitDaysTotal: Int) {
        self.scope = scope; self.key = key; self.name = name; self.lines = lines; self.linesComplete = linesComplete
        self.lineFillRate = lines > 0 ? Double(linesComplete) / Double(lines) : nil
        self.orders = orders; self.ordersComplete = ordersComplete
        self.orderFillRate = orders.flatMap { o in o > 0 ? Double(ordersComplete ?? 0) / Double(o) : nil }
        self.unitsBackordered = unitsBackordered; self.backordersShipped = backordersShipped
        self.averageWaitDays = backordersShipped > 0 ? Double(waitDaysTotal) / Double(backordersShipped) : nil
    }

    public static let csvHeader = ["scope", "key", "name", "lines", "lines_complete", "line_fill_pct", "orders",
                                   "orders_complete", "order_fill_pct", "units_backordered", "backorders_shipped",
                                   "avg_wait_days"]
    public var csvFields: [String] {
        [scope.rawValue, key, name, "\(lines)", "\(linesComplete)", ReportFormat.percent(lineFillRate),
         orders.map(String.init) ?? "", ordersComplete.map(String.init) ?? "", ReportFormat.percent(orderFillRate),
         "\(unitsBackordered)", "\(backordersShipped)", ReportFormat.oneDecimal(averageWaitDays)]
    }
}

/// The service level over a period, in all and per customer and item.
public struct ServiceLevelReport: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day
    public var total: ServiceRow
    public var customers: [ServiceRow]
    public var items: [ServiceRow]
    public init(from: Day, to: Day, total: ServiceRow, customers: [ServiceRow], items: [ServiceRow]) {
        self.from = from; self.to = to; self.total = total; self.customers = customers; self.items = items
    }
    /// Every row, total first: one table for CSV.
    public var allRows: [ServiceRow] { [total] + customers + items }
}

// MARK: customer backlog

/// One customer's open backorders.
public struct BacklogRow: Hashable, Sendable, Codable, CSVRepresentable {
    public var customerCode: String
    public var customerName: String
    public var orders: Int
    public var lines: Int
    public var units: Int
    public var oldestAgeDays: Int
    /// The earliest promised date of the customer's waiting lines (may lie in the past when an arrival is late).
    public var nextPromised: Day?
    /// Lines no open arrival covers.
    public var unpromisedLines: Int

    public init(customerCode: String, customerName: String, orders: Int, lines: Int, units: Int, oldestAgeDays: Int,
                nextPromised: Day?, unpromisedLines: Int) {
        self.customerCode = customerCode; self.customerName = customerName; self.orders = orders; self.lines = lines
        self.units = units; self.oldestAgeDays = oldestAgeDays; self.nextPromised = nextPromised; self.unpromisedLines = unpromisedLines
    }

    public static let csvHeader = ["customer", "name", "orders", "lines", "units", "oldest_age_days", "next_promised",
                                   "unpromised_lines"]
    public var csvFields: [String] {
        [customerCode, customerName, "\(orders)", "\(lines)", "\(units)", "\(oldestAgeDays)", nextPromised?.iso ?? "",
         "\(unpromisedLines)"]
    }
}

// MARK: the computations

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
