import BackorderCore
import GRDB

extension Warehouse: WarehouseService {
    public var location: String { path ?? ":memory:" }

    /// Rows of a list with `filter`; with `sku`, only that SKU's rows, counted through the SKU's own index range; with
    /// `customer` (backorders only), only that customer's, counted from its orders. Throws notFound for an unknown customer.
    public func rowCount(_ list: ListKind, filter text: String, sku: String? = nil, customer: String? = nil) throws -> Int {
        if list == .orders, sku != nil { throw BackorderError.invalid(.t(StoreText.ordersNoSKU)) }
        if list != .backorders, customer != nil { throw BackorderError.invalid(.t(StoreText.onlyBackordersCustomer)) }
        return try read { db in
            switch list {
            case .orders:
                guard let (cond, args) = try filter(db, text, Warehouse.orderFilter) else { return 0 }
                return try count(db, .orders, condition: cond, arguments: args, sku: nil)
            case .backorders:
                if let customer { try requireCustomer(db, customer) }
                guard let (cond, args) = try filter(db, text, Warehouse.backorderFilter) else { return 0 }
                return try count(db, .backorders, condition: cond, arguments: args, sku: sku, customer: customer)
            case .arrivals:
                let (cond, args) = likeFilter(text, columns: ["a.po_number", "a.sku", "a.supplier", "i.name"])
                return try countArrivals(db, condition: cond, arguments: args, sku: sku)
            case .stock:
                let (cond, args) = likeFilter(text, columns: ["sku", "name", "bin"])
                if cond.isEmpty, sku == nil { return try Counters.value(db, Counters.items) }
                return try db.int(sql: "SELECT COUNT(*) FROM item WHERE 1 \(sku == nil ? "" : "AND sku = ?") \(cond)",
                                  arguments: StatementArguments(sku.map { [$0] } ?? []) + args) ?? 0
            }
        }
    }

    /// Open arrivals for a filter, without the list's per-row ETA-change count; the item is joined only for a filter.
    func countArrivals(_ db: Database, condition: String, arguments: StatementArguments, sku: String?) throws -> Int {
        // The whole list's size is kept: End on it reads no more rows than Home.
        if condition.isEmpty, sku == nil { return try Counters.openArrivals(db) }
        return try db.int(sql: """
            SELECT COUNT(*) FROM arrival a INDEXED BY \(sku == nil ? "arrival_open_eta" : "arrival_open_sku")
            \(condition.isEmpty ? "" : "JOIN item i ON i.sku = a.sku")
            WHERE a.closed_at IS NULL \(sku == nil ? "" : "AND a.sku = ?") \(condition)
            """, arguments: StatementArguments(sku.map { [$0] } ?? []) + arguments) ?? 0
    }

    /// Rows of the open orders or backorder lines for a resolved filter, counted on the list's index or the queue alone:
    /// the joins of the list query add names, never remove rows (foreign keys), the backorder list holds exactly the
    /// lines in the queue (a line waits only while open), and the filter only looks at columns both carry.
    /// A customer's lines are counted from its orders, as `customerBackorders` finds them, without the names.
    func count(_ db: Database, _ list: ListKind, condition: String, arguments: StatementArguments, sku: String?,
               customer: String? = nil) throws -> Int {
        // The whole list's size is kept: End on it reads no more rows than Home.
        if condition.isEmpty, sku == nil, customer == nil {
            return try Counters.value(db, list == .orders ? Counters.openOrders : Counters.waitingLines)
        }
        if list == .backorders, let customer {
            return try db.int(sql: """
                SELECT COUNT(*) FROM \(Warehouse.customerWaiting)
                WHERE o.customer = ? AND x.backordered > 0 \(sku == nil ? "" : "AND l.sku = ?") \(condition)
                """, arguments: StatementArguments([customer] + (sku.map { [$0] } ?? [])) + arguments) ?? 0
        }
        switch list {
        case .orders:
            return try db.int(sql: "SELECT COUNT(*) FROM orders o INDEXED BY orders_open WHERE o.closed_at IS NULL \(condition)",
                              arguments: arguments) ?? 0
        default:
            return try db.int(sql: """
                SELECT COUNT(*) FROM \(Warehouse.waitingAsLines) WHERE \(sku == nil ? "1" : "l.sku = ?") \(condition)
                """, arguments: StatementArguments(sku.map { [$0] } ?? []) + arguments) ?? 0
        }
    }
}
