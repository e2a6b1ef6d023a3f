import BackorderCore
import PostgresNIO

/// A statement put together from pieces, its values bound as parameters (`$1`, `$2`…), never written into the SQL.
/// A class: `q.query("… \(q.bind(x)) …")` sees the values bound while its text was made.
final class SQL {
    var binds = PostgresBindings()

    /// Binds `value` and returns its placeholder.
    func bind<T: PostgresDynamicTypeEncodable>(_ value: T) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds `value` (NULL when nil) and returns its placeholder.
    func bind<T: PostgresDynamicTypeEncodable>(_ value: T?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// The statement `text` with the values bound so far.
    func query(_ text: String) -> PostgresQuery { PostgresQuery(unsafeSQL: text, binds: binds) }
}

/// A row's cells by position, decoded as the tables store them: days as ISO text, times as epoch seconds.
struct Cells: Sendable {
    let row: PostgresRandomAccessRow

    func int(_ i: Int) throws -> Int { try row[i].decode(Int.self) }
    func int64(_ i: Int) throws -> Int64 { try row[i].decode(Int64.self) }
    func intOrNil(_ i: Int) throws -> Int? { try row[i].decode(Int?.self) }
    func int64OrNil(_ i: Int) throws -> Int64? { try row[i].decode(Int64?.self) }
    func text(_ i: Int) throws -> String { try row[i].decode(String.self) }
    func textOrNil(_ i: Int) throws -> String? { try row[i].decode(String?.self) }
    /// A stored day; an unreadable one as day 0, as the SQLite store reads it.
    func day(_ i: Int) throws -> Day { Day(iso: try text(i)) ?? Day(ordinal: 0) }
    /// A promised date as `waiting` keeps it: nil when none is pegged or no arrival covers the line ('-').
    func promised(_ i: Int) throws -> Day? { try textOrNil(i).flatMap { Day(iso: $0) } }
    func time(_ i: Int) throws -> Timestamp { Timestamp(unixTime: try int64(i)) }
    func timeOrNil(_ i: Int) throws -> Timestamp? { try int64OrNil(i).map(Timestamp.init) }
}

extension PostgresConnection {
    /// Every row of `query`.
    func cells(_ query: PostgresQuery) async throws -> [Cells] {
        // Through the statement cache: a list's page read again (the next keystroke, the next page) is not planned anew.
        try await rows(query).map { Cells(row: $0.makeRandomAccess()) }
    }

    /// The first row of `query`, if any.
    func cell(_ query: PostgresQuery) async throws -> Cells? { try await cells(query).first }
}

/// The columns of `item` in the order `itemRow` reads them.
let itemColumns = "sku, name, unit, bin, on_hand, allocated, picked, backordered, incoming, min_order_qty, pack_size, supplier, lead_time_days" // not prose: SQL columns

/// An item from `itemColumns` starting at `at`.
func itemRow(_ r: Cells, at k: Int = 0) throws -> Item {
    Item(sku: try r.text(k), name: try r.text(k + 1), unit: try r.text(k + 2), bin: try r.text(k + 3), onHand: try r.int(k + 4),
         allocated: try r.int(k + 5), picked: try r.int(k + 6), backordered: try r.int(k + 7), incoming: try r.int(k + 8),
         minOrderQty: try r.int(k + 9), packSize: try r.int(k + 10), supplier: try r.text(k + 11), leadTimeDays: try r.intOrNil(k + 12))
}

/// The columns of `arrival` (aliased `a`) in the order `arrivalRow` reads them.
let arrivalColumns = "a.id, a.supplier, a.po_number, a.po_line, a.sku, a.quantity, a.received, a.eta, a.closed_at"

func arrivalRow(_ r: Cells, at k: Int = 0) throws -> Arrival {
    Arrival(id: try r.int64(k), supplier: try r.text(k + 1), poNumber: try r.text(k + 2), poLine: try r.int(k + 3), sku: try r.text(k + 4),
            quantity: try r.int(k + 5), received: try r.int(k + 6), eta: try r.day(k + 7), closedAt: try r.timeOrNil(k + 8))
}

/// The columns of `customer` in the order `customerRow` reads them.
let customerColumns = "code, name, language, email, contact" // not prose: SQL columns

func customerRow(_ r: Cells, at k: Int = 0) throws -> Customer {
    Customer(code: try r.text(k), name: try r.text(k + 1), language: try r.textOrNil(k + 2).flatMap(Language.init(rawValue:)),
             email: try r.textOrNil(k + 3), contact: try r.textOrNil(k + 4))
}

/// Where a page is cut from a list in a total order, as the file's `window`: a deep page (past 1,000 rows and the
/// list's middle) is read from the far end backwards, so End on a long list costs what Home does instead of stepping
/// over every row before it.
struct Window {
    var limit: Int
    var offset: Int
    var backwards = false
    /// Past this offset a page may be deep; a test lowers it to read a small list backwards.
    nonisolated(unsafe) static var deep = 1_000

    /// The cut of `page`; `total` (the list's size) is asked only for a deep page.
    static func of(_ page: Page, total: () async throws -> Int) async rethrows -> Window {
        guard page.offset > deep else { return Window(limit: page.limit, offset: page.offset) }
        let n = try await total()
        guard page.offset > n / 2 else { return Window(limit: page.limit, offset: page.offset) }
        let limit = max(0, min(page.limit, n - page.offset))
        return Window(limit: limit, offset: max(0, n - page.offset - limit), backwards: true)
    }

    /// The ORDER BY terms in the direction read.
    func terms(_ orderBy: [String]) -> String { (backwards ? orderBy.map(ListOrder.reversed) : orderBy).joined(separator: ", ") }

    /// Rows read, in the list's order.
    func rows<T>(_ read: [T]) -> [T] { backwards ? read.reversed() : read }
}
