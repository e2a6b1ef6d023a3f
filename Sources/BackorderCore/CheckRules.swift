/// What `check` verifies, engine by engine the same: the rule names (keys scripts read), the order a report lists them
/// in, and the rules themselves, fed the rows of a warehouse by whichever store holds it (`TableRules`, `StockRules`).
/// A store adds only what its engine alone has (SQLite's page check and full-text index, the server's foreign keys).
public enum CheckRules {
    // not prose: the rule names are keys scripts read, the same in every language.
    public static let ruleNames = [
        "sqlite integrity", "foreign keys", "journal without line", "line vs journal", "stock vs journal", "line balance", // not prose: rule keys
        "stock vs lines", "negative free stock", "free stock while orders wait", "incoming vs arrivals", "arrival vs receipts", // not prose: rule keys
        "arrival open/closed", "shipments vs lines", "order closed with open units", "order open with nothing left", // not prose: rule keys
        "line copies of order header", "waiting queue mirrors the order lines", "promised date", "more than one pending notice", // not prose: rule keys
        "search index", // not prose: a rule key
        "counters", // not prose: a rule key
    ]

    /// Where a rule's findings go in the report: the engine's pages, references, then the rules from the journal outwards.
    public static func ruleOrder(_ rule: String) -> Int {
        ruleNames.firstIndex(of: rule) ?? ruleNames.count
    }

    /// `found` in the report's order: by rule, and within a rule as found.
    public static func ordered(_ found: [Violation]) -> [Violation] {
        found.enumerated()
            .sorted { (ruleOrder($0.element.rule), $0.offset) < (ruleOrder($1.element.rule), $1.offset) }
            .map(\.element)
    }

    /// A promised date as stored on a waiting line: its ISO day, or "-" when no arrival is planned for it.
    public static func storedPromise(_ day: Day?) -> String { day?.iso ?? "-" }

    /// The names of the kept counters in `tally` (stored keys, not prose).
    public enum Tally {
        public static let openOrders = "open orders" // not prose: a stored key
        public static let waitingLines = "waiting lines" // not prose: a stored key
        public static let backorderedUnits = "backordered units" // not prose: a stored key
        public static let items = "items" // not prose: a stored key
        public static let all = [openOrders, waitingLines, backorderedUnits, items]
    }

    /// The rule "counters": each kept counter (`tally`, open arrivals per ETA day) that differs from what the rows count.
    public static func counters(kept: [String: Int], counted: [String: Int], keptDays: [String: Int], countedDays: [String: Int],
                                limit: Int) -> [Violation] {
        var found: [Violation] = []
        for name in Tally.all where kept[name] != counted[name] {
            found.append(Violation(rule: "counters", detail: Localizer.process(CheckText.counterDiffers, name, kept[name] ?? 0, counted[name] ?? 0))) // not prose: the rule key
        }
        for eta in Set(keptDays.keys).union(countedDays.keys).sorted() where keptDays[eta] != countedDays[eta] {
            let day = Day(iso: eta) ?? Day(ordinal: 0)
            found.append(Violation(rule: "counters", detail: Localizer.process(CheckText.arrivalDayDiffers, day, keptDays[eta] ?? 0, countedDays[eta] ?? 0))) // not prose: the rule key
        }
        return Array(found.prefix(limit))
    }
}

/// An order line's six counters, or a journal row's changes to them.
public struct LineCounts: Hashable, Sendable {
    public var ordered: Int64, allocated: Int64, picked: Int64, shipped: Int64, backordered: Int64, cancelled: Int64

    @inlinable
    public init(ordered: Int64, allocated: Int64, picked: Int64, shipped: Int64, backordered: Int64, cancelled: Int64) {
        self.ordered = ordered; self.allocated = allocated; self.picked = picked
        self.shipped = shipped; self.backordered = backordered; self.cancelled = cancelled
    }

    /// o/a/p/s/b/c, as the reports write them.
    var slashed: String { [ordered, allocated, picked, shipped, backordered, cancelled].map(String.init).joined(separator: "/") }
}

/// An order line as a report names it, read again (in the same snapshot) for a line a rule found wrong.
public struct NamedLine: Sendable {
    public var orderNo: String, lineNo: Int, counts: LineCounts
    public init(orderNo: String, lineNo: Int, counts: LineCounts) { self.orderNo = orderNo; self.lineNo = lineNo; self.counts = counts }
}

/// Findings, at most `limit` per rule.
struct Findings {
    let limit: Int
    private(set) var list: [Violation] = []
    private var perRule: [String: Int] = [:]

    init(limit: Int) { self.limit = limit }

    mutating func add(_ rule: String, _ detail: String?) {
        let n = perRule[rule, default: 0]
        guard n < limit, let detail else { return }
        perRule[rule] = n + 1
        list.append(Violation(rule: rule, detail: detail))
    }

    func full(_ rule: String) -> Bool { perRule[rule, default: 0] >= limit }
}
