import BackorderCore
import PostgresNIO

/// The filter of the open orders and the backorder lines, found as the file finds it (BackorderStore's Search.swift):
/// a text of three characters or more is looked up first in the trigram indexes (order numbers, items, customers),
/// and each row walked is tested against the sets found, or the list is driven from them; a shorter text matches most
/// rows, so its sets are read without an index (items, customers, open orders) and are often past the bound: the
/// list's own index is then walked testing the columns. Either way a row matches when the text is a
/// substring of its order number, SKU, item name, customer code or name, in any case.
struct SearchColumns {
    /// The order-number column and the order-id column of the same row.
    var number: String, orderId: String
    /// The customer-code column of the row, and the joined customer's code and name.
    var customerKey: String, customerCode: String, customerName: String
    /// The SKU column and the joined item's name, for lists that have them.
    var sku: (sku: String, name: String)?

    static let orders = SearchColumns(number: "o.number", orderId: "o.id", customerKey: "o.customer", customerCode: "c.code",
                                      customerName: "c.name", sku: nil)
    static let backorders = SearchColumns(number: "l.order_no", orderId: "l.order_id", customerKey: "o.customer", customerCode: "c.code",
                                          customerName: "c.name", sku: ("l.sku", "i.name"))

}

extension PostgresReads {
    /// A filter needs this many characters (Unicode scalars) for the trigram indexes, as the file's.
    static let minimumIndexed = 3
    /// Past this many orders, items or customers matching, the text is tested on each row walked instead of a set.
    /// A test lowers it to take the other path on a small warehouse.
    nonisolated(unsafe) static var setBound = 5_000

    /// `AND (…)` for the filter text over `columns` (values bound in `q`); "" without a text; nil when the indexes
    /// find nothing: no row matches, and the list need not be read.
    static func indexedFilter(_ c: PostgresConnection, _ q: SQL, _ text: String, _ columns: SearchColumns) async throws -> String? {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return "" }
        // One or two characters have no trigram: the items, customers and open orders they match are still looked up
        // first (read whole), so a text that matches nothing reads no list at all. Testing every column on every row
        // walked took 1.5 s for such a text on a million lines.
        let short = t.unicodeScalars.count < minimumIndexed
        // A short text matches many (`S`: every item): past a few hundred the columns are tested on the walk, where
        // the first page is found at once, rather than thousands of names read over the wire first.
        let bound = short ? min(setBound, 200) : setBound
        let pattern = "%" + likeEscaped(t) + "%"
        func matching(_ sql: String) async throws -> [Cells] {
            let s = SQL()
            let p = s.bind(pattern)
            return try await c.cells(s.query(sql.replacingOccurrences(of: "$P", with: p) + " LIMIT \(bound + 1)"))
        }
        var terms: [String] = []
        let p = q.bind(pattern)
        if let sku = columns.sku {
            let skus = try await matching("SELECT sku FROM item WHERE sku ILIKE $P OR name ILIKE $P").map { try $0.text(0) }
            if skus.count > bound { terms.append("\(sku.sku) ILIKE \(p) OR \(sku.name) ILIKE \(p)") }
            else if !skus.isEmpty { terms.append("\(sku.sku) = ANY(\(q.bind(skus)))") }
        }
        let codes = try await matching("SELECT code FROM customer WHERE code ILIKE $P OR name ILIKE $P").map { try $0.text(0) }
        if codes.count > bound { terms.append("\(columns.customerCode) ILIKE \(p) OR \(columns.customerName) ILIKE \(p)") }
        else if !codes.isEmpty { terms.append("\(columns.customerKey) = ANY(\(q.bind(codes)))") }
        // Without a trigram the open orders' numbers are read whole (a third of the orders; both lists show only
        // open ones): 20–40 ms, where testing each line walked was 0.5 s for a text that matches none.
        let ids = try await matching("SELECT id FROM orders WHERE \(short ? "closed_at IS NULL AND " : "")number ILIKE $P")
            .map { try $0.int64(0) }
        if ids.count > bound { terms.append("\(columns.number) ILIKE \(p)") }
        else if !ids.isEmpty { terms.append("\(columns.orderId) = ANY(\(q.bind(ids)))") }
        guard !terms.isEmpty else { return nil }
        return "AND (" + terms.joined(separator: " OR ") + ")"
    }
}
