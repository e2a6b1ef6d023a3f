import BackorderCore

/// The ORDER BY terms of every sortable column. Names sort without regard to (ASCII) case, as `item_name` and
/// `customer_name` hold them; codes (order numbers, SKUs) as they are written. Each list ends with the list's own order (its natural key), so the
/// order is total and offset pages of one sort neither repeat nor skip a row; descending reverses every term, which an
/// index walked in order can also walk backwards.
extension Warehouse {
    /// `term` ordered the other way.
    static func reversed(_ term: String) -> String { term.hasSuffix(" DESC") ? String(term.dropLast(5)) : term + " DESC" }

    static func ordered(_ terms: [String], descending: Bool) -> [String] { descending ? terms.map(reversed) : terms }

    /// Refuses a sort by a column of another list: the key names columns the query at hand does not have.
    static func requireSort(_ sort: ListSort?, of list: ListKind) throws {
        guard let sort, sort.key.list != list else { return }
        throw BackorderError.invalid(.t(StoreText.cannotSortBy, list.localName, sort.key.list.localName, sort.key.name))
    }

    // MARK: open orders (orders `o`, customer `c`)

    /// Oldest first, as `orders_open` holds them.
    static let orderNatural = ["o.order_date", "o.number"]

    static func orderTerms(_ sort: ListSort?) throws -> [String] {
        try requireSort(sort, of: .orders)
        guard let sort, case .orders(let key) = sort.key else { return orderNatural }
        // A line total is summed per open order: every line of every open order is read (slow on a long list).
        func total(_ expression: String) -> String { "(SELECT \(expression) FROM order_line x WHERE x.order_id = o.id)" }
        let first: [String]
        switch key {
        case .number: first = []
        case .date: first = []
        case .customer: first = ["c.name COLLATE NOCASE", "c.code"]
        case .priority: first = ["o.priority"]
        case .policy: first = ["o.policy"]
        case .lines: first = [total("COUNT(*)")]
        case .ordered: first = [total("SUM(x.ordered)")]
        case .allocated: first = [total("SUM(x.allocated)")]
        case .picked: first = [total("SUM(x.picked)")]
        case .shipped: first = [total("SUM(x.shipped)")]
        case .backordered: first = [total("SUM(x.backordered)")]
        }
        // The number is unique: nothing follows it.
        return ordered(key == .number ? ["o.number"] : first + orderNatural, descending: sort.descending)
    }

    // MARK: backorder lines (queue row or line `l`, orders `o`, customer `c`, item `i`)

    /// Oldest order first, as `line_open_age` holds the open lines.
    static let backorderNatural = ["l.order_date", "l.order_no", "l.line_no"]
    /// The order receipts serve one SKU's lines in, as the queue's key holds them.
    static let servingOrder = ["l.priority", "l.order_date", "l.order_no", "l.line_no"]

    /// The terms of a backorder sort; `natural` is the list's own order (a SKU's lines: serving order).
    static func backorderTerms(_ sort: ListSort?, natural: [String]) throws -> [String] {
        try requireSort(sort, of: .backorders)
        guard let sort, case .backorders(let key) = sort.key else { return natural }
        let terms: [String]
        switch key {
        // Order number and line number are unique together.
        case .order: terms = ["l.order_no", "l.line_no"]
        // The queue's own key: a walk of `waiting`, one SKU after another in serving order.
        case .sku: terms = ["l.sku"] + servingOrder
        // Each item's lines as the queue holds them, walked from `item_name`.
        case .item: terms = ["i.name COLLATE NOCASE", "i.sku"] + servingOrder
        case .customer: terms = ["c.name COLLATE NOCASE", "c.code"] + backorderNatural
        // Receipts' order across every SKU, walked on `line_open_priority`.
        case .priority: terms = servingOrder
        case .quantity: terms = ["l.backordered"] + backorderNatural
        // A line that no arrival covers ('-', or not yet pegged) comes after every date.
        case .promised: terms = ["COALESCE(NULLIF(l.promised, '-'), '9999-99-99')"] + backorderNatural
        // Fewest days first: the newest order date first, `line_open_age` walked backwards.
        case .age: terms = backorderNatural.map(reversed)
        }
        return ordered(terms, descending: sort.descending)
    }

    // MARK: expected arrivals (arrival `a`, item `i`, ETA changes counted as `changes`, units promised as `promised`)

    /// By ETA, as `arrival_open_eta` holds them.
    static let arrivalNatural = ["a.eta", "a.id"]

    static func arrivalTerms(_ sort: ListSort?) throws -> [String] {
        try requireSort(sort, of: .arrivals)
        guard let sort, case .arrivals(let key) = sort.key else { return arrivalNatural }
        let first: [String]
        switch key {
        case .reference: first = ["a.po_number", "a.po_line"]
        case .supplier: first = ["a.supplier COLLATE NOCASE"]
        case .sku: first = ["a.sku"]
        case .item: first = ["i.name COLLATE NOCASE", "a.sku"]
        case .expected: first = ["a.quantity"]
        case .received: first = ["a.received"]
        case .promised: first = ["promised"]
        case .eta: first = []
        case .moved: first = ["changes"]
        }
        return ordered(first + arrivalNatural, descending: sort.descending)
    }

    // MARK: stock (item, unaliased)

    static func stockTerms(_ sort: ListSort?) throws -> [String] {
        try requireSort(sort, of: .stock)
        guard let sort, case .stock(let key) = sort.key else { return ["sku"] }
        let first: [String]
        switch key {
        case .sku: first = []
        case .name: first = ["name COLLATE NOCASE"]
        case .bin: first = ["bin COLLATE NOCASE"]
        case .onHand: first = ["on_hand"]
        case .allocated: first = ["allocated"]
        case .picked: first = ["picked"]
        case .free: first = ["on_hand - allocated - picked"]
        case .backordered: first = ["backordered"]
        case .incoming: first = ["incoming"]
        }
        return ordered(first + ["sku"], descending: sort.descending)
    }
}
