import BackorderCore
import GRDB
import GRDBSQLite

/// The big tables fed to the shared `TableRules`, each read once in row order.
///
/// On a million-line file, SQL joins and `GROUP BY`s for these rules sorted or probed millions of rows (seconds each);
/// here every table is stepped once with SQLite's C API, and texts reach the rules as packed bytes (`PackedText`), so
/// the journal's three million rows make no String. The references of these tables are checked on the way
/// (`Warehouse.foreignKeysCheckedInPasses`).
struct CheckPasses {
    private let db: Database
    private var rules: TableRules

    init(_ db: Database, limit: Int) {
        self.db = db
        rules = TableRules(limit: limit)
    }

    /// Every rule of this pass, in the order the rules found them.
    mutating func run() throws -> [Violation] {
        let db = self.db
        func step(_ sql: String, _ row: (OpaquePointer) throws -> Void) throws { try CheckPasses.step(db, sql, row) }
        try step("SELECT sku, on_hand, allocated, picked, backordered FROM item ORDER BY sku") { s in
            rules.item(sku: text(s, 0), onHand: int(s, 1), allocated: int(s, 2), picked: int(s, 3), backordered: int(s, 4))
        }
        try step("SELECT id, number, priority, order_date, closed_at IS NOT NULL FROM orders") { s in
            rules.order(id: int(s, 0), number: text(s, 1), priority: int(s, 2), date: text(s, 3), closed: int(s, 4) != 0)
        }
        try step("SELECT id, po_number, po_line, received, sku FROM arrival") { s in
            rules.arrival(id: int(s, 0), po: text(s, 1), line: int(s, 2), received: int(s, 3), sku: text(s, 4))
        }
        try step("SELECT id, order_id FROM shipment") { s in rules.shipment(id: int(s, 0), orderId: int(s, 1)) }
        try step("SELECT id, arrival_id, sku, quantity FROM receipt") { s in
            rules.receipt(id: int(s, 0), arrivalId: optional(s, 1), sku: text(s, 2), quantity: int(s, 3))
        }
        try step("""
            SELECT r.arrival_id, v.quantity FROM receipt_reversal v JOIN receipt r ON r.id = v.receipt_id WHERE r.arrival_id IS NOT NULL
            """) { s in rules.receiptReversal(arrivalId: int(s, 0), quantity: int(s, 1)) }
        try step("""
            SELECT line_id, sku, priority, order_date, order_no, line_no, order_id, backordered FROM waiting
            ORDER BY sku, priority, order_date, order_no, line_no
            """) { s in
            rules.waiting(lineId: int(s, 0), sku: text(s, 1), priority: int(s, 2), orderDate: text(s, 3), orderNo: text(s, 4),
                          lineNo: int(s, 5), orderId: int(s, 6), backordered: int(s, 7))
        }
        try step("""
            SELECT id, order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, picked, shipped, backordered, cancelled
            FROM order_line
            """) { s in
            rules.line(id: int(s, 0), orderId: int(s, 1), lineNo: int(s, 2), sku: PackedText(s, 3), priority: int(s, 4),
                       orderDate: PackedText(s, 5), orderNo: PackedText(s, 6), counts: counts(s, 7))
        }
        try step("SELECT shipment_id, line_id, quantity FROM shipment_line") { s in
            rules.shipmentLine(shipment: int(s, 0), line: int(s, 1), quantity: int(s, 2))
        }
        try step("""
            SELECT id, line_id, d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand,
                   arrival_id, shipment_id, receipt_id, sku
            FROM movement NOT INDEXED
            """) { s in
            rules.movement(id: int(s, 0), line: optional(s, 1), deltas: counts(s, 2), onHand: int(s, 8), sku: PackedText(s, 12),
                           arrival: optional(s, 9), shipment: optional(s, 10), receipt: optional(s, 11))
        }
        var named: [Int64: NamedLine] = [:]
        let statement = try db.makeStatement(sql: """
            SELECT order_no, line_no, ordered, allocated, picked, shipped, backordered, cancelled FROM order_line WHERE id = ?
            """)
        for id in rules.linesToName() where named[id] == nil {
            if let r = try Row.fetchOne(statement, arguments: [id]) {
                named[id] = NamedLine(orderNo: r[0], lineNo: r[1], counts: LineCounts(ordered: r[2], allocated: r[3], picked: r[4],
                                                                                      shipped: r[5], backordered: r[6], cancelled: r[7]))
            }
        }
        return rules.finish(named: named)
    }

    // MARK: stepping rows

    private static func step(_ db: Database, _ sql: String, _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try row(s)
        }
    }
}

private func int(_ s: OpaquePointer, _ column: Int32) -> Int64 { sqlite3_column_int64(s, column) }
private func optional(_ s: OpaquePointer, _ column: Int32) -> Int64? {
    sqlite3_column_type(s, column) == SQLITE_NULL ? nil : sqlite3_column_int64(s, column)
}
private func text(_ s: OpaquePointer, _ column: Int32) -> String {
    guard let p = sqlite3_column_text(s, column) else { return "" }
    return String(cString: p)
}
/// Six counters from `first` on.
private func counts(_ s: OpaquePointer, _ first: Int32) -> LineCounts {
    LineCounts(ordered: int(s, first), allocated: int(s, first + 1), picked: int(s, first + 2), shipped: int(s, first + 3),
               backordered: int(s, first + 4), cancelled: int(s, first + 5))
}

extension PackedText {
    /// The text in column `column` of the row `s` is on.
    init(_ s: OpaquePointer, _ column: Int32) {
        // Text first, then its length: SQLite's documented order for these two calls.
        let p = sqlite3_column_text(s, column)
        self.init(p, Int(sqlite3_column_bytes(s, column)))
    }
}
