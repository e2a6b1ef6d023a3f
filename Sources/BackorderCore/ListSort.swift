/// The columns the open orders can be sorted by.
public enum OrderSortKey: String, CaseIterable, Sendable, Codable {
    case number, date, customer, priority, lines, ordered, allocated, picked, shipped, backordered, policy
}

/// The columns the backorder lines can be sorted by. `age` counts days, so ascending is the newest order first.
public enum BackorderSortKey: String, CaseIterable, Sendable, Codable {
    case order, sku, item, customer, priority, quantity, promised, age
}

/// The columns the expected arrivals can be sorted by (`reference` is PO number, then PO line).
public enum ArrivalSortKey: String, CaseIterable, Sendable, Codable {
    case reference, supplier, sku, item, expected, received, promised, eta, moved
}

/// The columns the stock list can be sorted by.
public enum StockSortKey: String, CaseIterable, Sendable, Codable {
    case sku, name, bin, onHand = "on-hand", allocated, picked, free, backordered, incoming
}

/// A column of one of the four lists to sort by. The store turns it into its own ordering; no SQL comes from outside.
public enum ListSortKey: Hashable, Sendable {
    case orders(OrderSortKey)
    case backorders(BackorderSortKey)
    case arrivals(ArrivalSortKey)
    case stock(StockSortKey)

    /// The list this column belongs to.
    public var list: ListKind {
        switch self {
        case .orders: return .orders
        case .backorders: return .backorders
        case .arrivals: return .arrivals
        case .stock: return .stock
        }
    }

    /// The column's name as the CLI takes it (`--sort NAME`).
    public var name: String {
        switch self {
        case .orders(let k): return k.rawValue
        case .backorders(let k): return k.rawValue
        case .arrivals(let k): return k.rawValue
        case .stock(let k): return k.rawValue
        }
    }

    /// Every column `list` can be sorted by, in the order the CLI names them.
    public static func all(_ list: ListKind) -> [ListSortKey] {
        switch list {
        case .orders: return OrderSortKey.allCases.map { .orders($0) }
        case .backorders: return BackorderSortKey.allCases.map { .backorders($0) }
        case .arrivals: return ArrivalSortKey.allCases.map { .arrivals($0) }
        case .stock: return StockSortKey.allCases.map { .stock($0) }
        }
    }

    /// The column of `list` called `name` (case-insensitive); `.invalidInput` naming every valid column otherwise.
    public static func named(_ name: String, in list: ListKind) throws -> ListSortKey {
        let wanted = name.trimmingSpaces.lowercased()
        if let key = all(list).first(where: { $0.name == wanted }) { return key }
        throw BackorderError.invalid(.t(RuleText.unknownSortColumn, name, list.localName, all(list).map(\.name).joined(separator: ", ")))
    }

    /// Whether the store reads and sorts every row of a long list for this column instead of walking an index in its
    /// order, so the first screen of a million-line file takes a noticeable moment (still under a second).
    public var isSlowOnLongLists: Bool {
        switch self {
        // Open orders by a total of their lines add up every line of every open order first.
        case .orders(let k): return [.lines, .ordered, .allocated, .picked, .shipped, .backordered].contains(k)
        // Order number, quantity and promised date sort the waiting lines themselves (no names joined until the page is
        // known): 100,000 lines in tens of milliseconds, not slow. The rest walk an index.
        case .backorders: return false
        // Arrivals and items are lists of thousands, not millions.
        case .arrivals, .stock: return false
        }
    }
}

/// The order a list is asked in: a column, ascending or descending. Rows equal in the column keep the list's own
/// order (its natural key), so pages read one after another neither repeat nor skip a row.
public struct ListSort: Sendable, Hashable {
    public var key: ListSortKey
    public var descending: Bool
    public init(_ key: ListSortKey, descending: Bool = false) { self.key = key; self.descending = descending }
}
