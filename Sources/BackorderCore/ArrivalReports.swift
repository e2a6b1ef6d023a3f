// The late-arrivals report: open arrivals past their ETA, who waits on them, and each supplier's ETA record.

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
