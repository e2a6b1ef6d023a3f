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

/// How a sort field's values compare; each store spells the comparison in its SQL, and finds the field's values in
/// its list's select (the column names are the stores' own: BackorderStoreSQL).
public enum SortSource: Hashable, Sendable {
    /// A code (order number, SKU, customer code, policy): compared as written, byte by byte.
    case code
    /// A name: compared without regard to ASCII case.
    case name
    /// A number or an ISO date: compared as it is.
    case value
    /// How many lines an open order has.
    case lineCount
    /// The sum of one quantity over an open order's lines.
    case lineSum
    /// A figure each store works out its own way (the field says which).
    case figure
}

/// What the open orders are ordered by: an order's and its customer's fields, and totals over the order's lines.
public enum OrderSortField: SortField {
    case orderDate, number, customerName, customerCode
    case priority, policy
    case lineCount, ordered, allocated, picked, shipped, backordered

    public var source: SortSource {
        switch self {
        case .number, .customerCode, .policy: return .code
        case .customerName: return .name
        case .orderDate, .priority: return .value
        case .lineCount: return .lineCount
        case .ordered, .allocated, .picked, .shipped, .backordered: return .lineSum
        }
    }
}

/// What the backorder lines are ordered by: a waiting line's, its item's and its order's customer's fields, and the
/// date an arrival covers the line by (a line none covers after every date).
public enum BackorderSortField: SortField {
    case orderDate, orderNumber, lineNo, sku, priority
    case quantity, promised
    case itemName, itemSKU, customerName, customerCode

    public var source: SortSource {
        switch self {
        case .orderNumber, .sku, .itemSKU, .customerCode: return .code
        case .itemName, .customerName: return .name
        case .orderDate, .lineNo, .priority, .quantity: return .value
        case .promised: return .figure
        }
    }
}

/// What the expected arrivals are ordered by: an arrival's and its item's fields, the units of the arrival promised
/// to waiting lines and how often its ETA was changed.
public enum ArrivalSortField: SortField {
    case eta, id, poNumber, poLine, supplier, sku
    case itemName, quantity, received
    case promised, etaChanges

    public var source: SortSource {
        switch self {
        case .poNumber, .sku: return .code
        case .supplier, .itemName: return .name
        case .eta, .id, .poLine, .quantity, .received: return .value
        case .promised, .etaChanges: return .figure
        }
    }
}

/// What the stock list is ordered by: an item's fields, and its free stock.
public enum StockSortField: SortField {
    case sku, name, bin, onHand, allocated, picked, free, backordered, incoming

    public var source: SortSource {
        switch self {
        case .sku: return .code
        case .name, .bin: return .name
        case .onHand, .allocated, .picked, .free, .backordered, .incoming: return .value
        }
    }
}
