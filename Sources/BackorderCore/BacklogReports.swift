// The open backlog's reports: what the store reads of waiting lines, the aging bars, the shortage list and each
// customer's backlog.

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
