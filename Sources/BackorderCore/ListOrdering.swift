/// What each list is ordered by for every `ListSort`, decided once for both stores: the sorted column(s), then the
/// tie-breakers that make the order total (the list's own order, ending in its unique key), so pages of one sort read
/// one after another neither repeat nor skip a row. Descending reverses every term, which an index walked in order can
/// also walk backwards. Names sort without regard to case, codes as written: each store spells a field in its SQL.
public enum ListOrdering {
    /// Refuses a sort by a column of another list: the key names columns the query at hand does not have.
    public static func requireSort(_ sort: ListSort?, of list: ListKind) throws {
        guard let sort, sort.key.list != list else { return }
        throw BackorderError.invalid(.t(StoreText.cannotSortBy, list.localName, sort.key.list.localName, sort.key.name))
    }

    /// The terms of `sort` on `list`: `natural` without a sort, else `terms` of its key (as `key` finds it), every one
    /// reversed when descending.
    static func terms<Key, Field>(_ sort: ListSort?, on list: ListKind, natural: [SortTerm<Field>], key: (ListSortKey) -> Key?,
                                  _ terms: (Key) -> [SortTerm<Field>]) throws -> [SortTerm<Field>] {
        try requireSort(sort, of: list)
        guard let sort, let key = key(sort.key) else { return natural }
        let chosen = terms(key)
        return sort.descending ? chosen.map(\.reversed) : chosen
    }

    // MARK: open orders

    /// Oldest first (order date, then number), as `orders_open` holds them.
    public static let orderNatural: [SortTerm<OrderSortField>] = [.up(.orderDate), .up(.number)]

    /// The open orders' terms for `sort` (nil: `orderNatural`).
    public static func orders(_ sort: ListSort?) throws -> [SortTerm<OrderSortField>] {
        try terms(sort, on: .orders, natural: orderNatural, key: { if case .orders(let k) = $0 { k } else { nil } }) { key in
            let first: [OrderSortField]
            switch key {
            // The number is unique: nothing follows it.
            case .number: return [.up(.number)]
            case .date: first = []
            case .customer: first = [.customerName, .customerCode]
            case .priority: first = [.priority]
            case .policy: first = [.policy]
            case .lines: first = [.lineCount]
            case .ordered: first = [.ordered]
            case .allocated: first = [.allocated]
            case .picked: first = [.picked]
            case .shipped: first = [.shipped]
            case .backordered: first = [.backordered]
            }
            return first.map(SortTerm.up) + orderNatural
        }
    }

    // MARK: backorder lines

    /// Oldest order first, as `line_open_age` holds the open lines.
    public static let backorderNatural: [SortTerm<BackorderSortField>] = [.up(.orderDate), .up(.orderNumber), .up(.lineNo)]
    /// The order receipts serve one SKU's lines in, as the queue's key holds them.
    public static let servingOrder: [SortTerm<BackorderSortField>] = [.up(.priority)] + backorderNatural

    /// The backorder lines' terms for `sort`; with no sort the list's own order: `backorderNatural`, or for one SKU's
    /// lines (`oneSKU`) `servingOrder`.
    public static func backorders(_ sort: ListSort?, oneSKU: Bool = false) throws -> [SortTerm<BackorderSortField>] {
        let natural = oneSKU ? servingOrder : backorderNatural
        return try terms(sort, on: .backorders, natural: natural, key: { if case .backorders(let k) = $0 { k } else { nil } }) { key in
            switch key {
            // Order number and line number are unique together.
            case .order: return [.up(.orderNumber), .up(.lineNo)]
            // The queue's own key: a walk of `waiting`, one SKU after another in serving order.
            case .sku: return [.up(.sku)] + servingOrder
            // Each item's lines as the queue holds them, walked from `item_name`.
            case .item: return [.up(.itemName), .up(.itemSKU)] + servingOrder
            case .customer: return [.up(.customerName), .up(.customerCode)] + backorderNatural
            // Receipts' order across every SKU, walked on `line_open_priority`.
            case .priority: return servingOrder
            case .quantity: return [.up(.quantity)] + backorderNatural
            // A line that no arrival covers comes after every date (each store spells it so).
            case .promised: return [.up(.promised)] + backorderNatural
            // Fewest days first: the newest order date first, `line_open_age` walked backwards.
            case .age: return backorderNatural.map(\.reversed)
            }
        }
    }

    // MARK: expected arrivals

    /// By ETA, as `arrival_open_eta` holds them.
    public static let arrivalNatural: [SortTerm<ArrivalSortField>] = [.up(.eta), .up(.id)]

    /// The open arrivals' terms for `sort` (nil: `arrivalNatural`).
    public static func arrivals(_ sort: ListSort?) throws -> [SortTerm<ArrivalSortField>] {
        try terms(sort, on: .arrivals, natural: arrivalNatural, key: { if case .arrivals(let k) = $0 { k } else { nil } }) { key in
            let first: [ArrivalSortField]
            switch key {
            case .reference: first = [.poNumber, .poLine]
            case .supplier: first = [.supplier]
            case .sku: first = [.sku]
            case .item: first = [.itemName, .sku]
            case .expected: first = [.quantity]
            case .received: first = [.received]
            case .promised: first = [.promised]
            case .eta: first = []
            case .moved: first = [.etaChanges]
            }
            return first.map(SortTerm.up) + arrivalNatural
        }
    }

    // MARK: stock

    /// By SKU, the item's key.
    public static let stockNatural: [SortTerm<StockSortField>] = [.up(.sku)]

    /// The stock list's terms for `sort` (nil: `stockNatural`).
    public static func stock(_ sort: ListSort?) throws -> [SortTerm<StockSortField>] {
        try terms(sort, on: .stock, natural: stockNatural, key: { if case .stock(let k) = $0 { k } else { nil } }) { key in
            let first: StockSortField?
            switch key {
            case .sku: first = nil
            case .name: first = .name
            case .bin: first = .bin
            case .onHand: first = .onHand
            case .allocated: first = .allocated
            case .picked: first = .picked
            case .free: first = .free
            case .backordered: first = .backordered
            case .incoming: first = .incoming
            }
            return (first.map { [.up($0)] } ?? []) + stockNatural
        }
    }
}

/// One term of a list's order: a field, ascending or descending.
public struct SortTerm<Field: SortField>: Hashable, Sendable {
    public var field: Field
    public var descending: Bool
    public init(_ field: Field, descending: Bool = false) { self.field = field; self.descending = descending }

    /// `field` ascending.
    public static func up(_ field: Field) -> SortTerm { SortTerm(field) }

    /// The term ordered the other way.
    public var reversed: SortTerm { SortTerm(field, descending: !descending) }
}

extension Array {
    /// Each term as a store writes it: `spell` writes the field's values, `reverse` turns a descending term round.
    public func spelled<Field>(_ spell: (Field) -> String, reverse: (String) -> String) -> [String] where Element == SortTerm<Field> {
        map { $0.descending ? reverse(spell($0.field)) : spell($0.field) }
    }
}

/// Something a list is ordered by; where its values are and how they compare is `source`.
public protocol SortField: Hashable, Sendable, CaseIterable {
    var source: SortSource { get }
}

/// Where a sort field's values are, as both engines' list queries name them (tables aliased `o` orders, `c` customer,
/// `l` line or queue row, `i` item, `a` arrival), and how they compare; each store spells the comparison in its SQL.
public enum SortSource: Hashable, Sendable {
    /// A code (order number, SKU, customer code, policy): compared as written, byte by byte.
    case code(String)
    /// A name: compared without regard to ASCII case.
    case name(String)
    /// A number or an ISO date: compared as it is.
    case value(String)
    /// How many lines an open order (`o`) has.
    case lineCount
    /// The sum of one column over an open order's (`o`) lines.
    case lineSum(String)
    /// A figure each store works out its own way (the field says which).
    case figure
}

/// What the open orders are ordered by: columns of an order `o` and its customer `c` (the raw value), and totals over
/// the order's lines (the column of `order_line` summed).
public enum OrderSortField: String, SortField {
    case orderDate = "o.order_date", number = "o.number", customerName = "c.name", customerCode = "c.code"
    case priority = "o.priority", policy = "o.policy"
    case lineCount = "*", ordered, allocated, picked, shipped, backordered

    public var source: SortSource {
        switch self {
        case .number, .customerCode, .policy: return .code(rawValue)
        case .customerName: return .name(rawValue)
        case .orderDate, .priority: return .value(rawValue)
        case .lineCount: return .lineCount
        case .ordered, .allocated, .picked, .shipped, .backordered: return .lineSum(rawValue)
        }
    }
}

/// What the backorder lines are ordered by: columns of a waiting line `l`, its item `i` and its order's customer `c`
/// (the raw value), and the date an arrival covers the line by (a line none covers after every date).
public enum BackorderSortField: String, SortField {
    case orderDate = "l.order_date", orderNumber = "l.order_no", lineNo = "l.line_no", sku = "l.sku", priority = "l.priority"
    case quantity = "l.backordered", promised = "l.promised"
    case itemName = "i.name", itemSKU = "i.sku", customerName = "c.name", customerCode = "c.code"

    public var source: SortSource {
        switch self {
        case .orderNumber, .sku, .itemSKU, .customerCode: return .code(rawValue)
        case .itemName, .customerName: return .name(rawValue)
        case .orderDate, .lineNo, .priority, .quantity: return .value(rawValue)
        case .promised: return .figure
        }
    }
}

/// What the expected arrivals are ordered by: columns of an arrival `a` and its item `i` (the raw value), the units of
/// the arrival promised to waiting lines and how often its ETA was changed.
public enum ArrivalSortField: String, SortField {
    case eta = "a.eta", id = "a.id", poNumber = "a.po_number", poLine = "a.po_line", supplier = "a.supplier", sku = "a.sku"
    case itemName = "i.name", quantity = "a.quantity", received = "a.received"
    case promised, etaChanges

    public var source: SortSource {
        switch self {
        case .poNumber, .sku: return .code(rawValue)
        case .supplier, .itemName: return .name(rawValue)
        case .eta, .id, .poLine, .quantity, .received: return .value(rawValue)
        case .promised, .etaChanges: return .figure
        }
    }
}

/// What the stock list is ordered by: an item's columns (the raw value), and its free stock.
public enum StockSortField: String, SortField {
    case sku, name, bin, onHand = "on_hand", allocated, picked, free = "on_hand - allocated - picked", backordered, incoming

    public var source: SortSource {
        switch self {
        case .sku: return .code(rawValue)
        case .name, .bin: return .name(rawValue)
        case .onHand, .allocated, .picked, .free, .backordered, .incoming: return .value(rawValue)
        }
    }
}
