import BackorderCore

/// The ORDER BY terms of every sortable column on the server, as the SQLite store orders them (BackorderStore's
/// Sorting.swift): codes (order numbers, SKUs) as written, byte by byte (the "C" collation), names without regard to
/// ASCII case (SQLite's NOCASE: `lower` of the "C" collation folds ASCII letters only), then the list's own order, so
/// every order is total and pages neither repeat nor skip a row. Descending reverses every term.
enum ListOrder {
    /// What a code column is compared with: byte order, as SQLite's BINARY.
    static let byteOrder = " COLLATE \"C\""

    /// A code column, compared byte by byte.
    static func code(_ column: String) -> String { column + byteOrder }

    /// `terms` for a database whose own collation already compares byte by byte (C, POSIX, C.UTF-8): the codes without
    /// the explicit collation, so the indexes (made in the database's collation) serve the order.
    static func fitted(_ terms: [String], bytewise: Bool) -> [String] {
        bytewise ? terms.map { $0.replacingOccurrences(of: byteOrder, with: "") } : terms
    }

    /// `term` ordered the other way.
    static func reversed(_ term: String) -> String { term.hasSuffix(" DESC") ? String(term.dropLast(5)) : term + " DESC" }

    static func ordered(_ terms: [String], descending: Bool) -> [String] { descending ? terms.map(reversed) : terms }

    /// A name as SQLite's NOCASE compares it: ASCII letters folded, every other character as it is, byte by byte
    /// ("POSIX" is "C" under another name, kept apart from `byteOrder`, which `fitted` may drop).
    static func nocase(_ column: String) -> String { "lower(\(column) COLLATE \"POSIX\")" }

    /// Refuses a sort by a column of another list, in the SQLite store's words.
    static func requireSort(_ sort: ListSort?, of list: ListKind) throws {
        guard let sort, sort.key.list != list else { return }
        throw BackorderError.invalid(.t(StoreText.cannotSortBy, list.localName, sort.key.list.localName, sort.key.name))
    }

    // MARK: open orders (orders `o`, customer `c`)

    static let orderNatural = ["o.order_date", code("o.number")]

    static func orderTerms(_ sort: ListSort?) throws -> [String] {
        try requireSort(sort, of: .orders)
        guard let sort, case .orders(let key) = sort.key else { return orderNatural }
        // SQLite sums no lines to NULL, which sorts before every number: -1 here.
        func total(_ expression: String) -> String { "(SELECT COALESCE(\(expression), -1) FROM order_line x WHERE x.order_id = o.id)" }
        let first: [String]
        switch key {
        case .number, .date: first = []
        case .customer: first = [nocase("c.name"), code("c.code")]
        case .priority: first = ["o.priority"]
        case .policy: first = [code("o.policy")]
        case .lines: first = ["(SELECT COUNT(*) FROM order_line x WHERE x.order_id = o.id)"]
        case .ordered: first = [total("SUM(x.ordered)")]
        case .allocated: first = [total("SUM(x.allocated)")]
        case .picked: first = [total("SUM(x.picked)")]
        case .shipped: first = [total("SUM(x.shipped)")]
        case .backordered: first = [total("SUM(x.backordered)")]
        }
        return ordered(key == .number ? [code("o.number")] : first + orderNatural, descending: sort.descending)
    }

    // MARK: backorder lines (queue row or line `l`, orders `o`, customer `c`, item `i`)

    static let backorderNatural = ["l.order_date", code("l.order_no"), "l.line_no"]
    static let servingOrder = ["l.priority", "l.order_date", code("l.order_no"), "l.line_no"]

    static func backorderTerms(_ sort: ListSort?, natural: [String]) throws -> [String] {
        try requireSort(sort, of: .backorders)
        guard let sort, case .backorders(let key) = sort.key else { return natural }
        let terms: [String]
        switch key {
        case .order: terms = [code("l.order_no"), "l.line_no"]
        case .sku: terms = [code("l.sku")] + servingOrder
        case .item: terms = [nocase("i.name"), code("i.sku")] + servingOrder
        case .customer: terms = [nocase("c.name"), code("c.code")] + backorderNatural
        case .priority: terms = servingOrder
        case .quantity: terms = ["l.backordered"] + backorderNatural
        case .promised: terms = ["COALESCE(NULLIF(l.promised, '-'), '9999-99-99')"] + backorderNatural
        case .age: terms = backorderNatural.map(reversed)
        }
        return ordered(terms, descending: sort.descending)
    }

    // MARK: expected arrivals (arrival `a`, item `i`, ETA changes `changes`, units promised `promised`)

    static let arrivalNatural = ["a.eta", "a.id"]

    static func arrivalTerms(_ sort: ListSort?) throws -> [String] {
        try requireSort(sort, of: .arrivals)
        guard let sort, case .arrivals(let key) = sort.key else { return arrivalNatural }
        let first: [String]
        switch key {
        case .reference: first = [code("a.po_number"), "a.po_line"]
        case .supplier: first = [nocase("a.supplier")]
        case .sku: first = [code("a.sku")]
        case .item: first = [nocase("i.name"), code("a.sku")]
        case .expected: first = ["a.quantity"]
        case .received: first = ["a.received"]
        case .promised: first = ["p.promised"]
        case .eta: first = []
        case .moved: first = ["(SELECT COUNT(*) FROM eta_change e WHERE e.arrival_id = a.id)"]
        }
        return ordered(first + arrivalNatural, descending: sort.descending)
    }

    // MARK: stock (item, unaliased)

    static func stockTerms(_ sort: ListSort?) throws -> [String] {
        try requireSort(sort, of: .stock)
        guard let sort, case .stock(let key) = sort.key else { return [code("sku")] }
        let first: [String]
        switch key {
        case .sku: first = []
        case .name: first = [nocase("name")]
        case .bin: first = [nocase("bin")]
        case .onHand: first = ["on_hand"]
        case .allocated: first = ["allocated"]
        case .picked: first = ["picked"]
        case .free: first = ["on_hand - allocated - picked"]
        case .backordered: first = ["backordered"]
        case .incoming: first = ["incoming"]
        }
        return ordered(first + [code("sku")], descending: sort.descending)
    }
}
