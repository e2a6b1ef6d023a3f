import BackorderCore
import GRDB

extension Warehouse: ImportService {}

extension Warehouse {
    /// Applies an import file's records as ONE transaction: every record goes through the same operation a clerk's
    /// command would (create order, add arrival, stock count, …), decided by `ImportRules` (shared with the server). A
    /// record whose key exists with equal content is "unchanged", so importing a file twice changes nothing the second time.
    ///
    /// Every problem (an unknown SKU or customer, an existing order or arrival with other content, a count below what
    /// is allocated) is collected with its file line; if there is any, the whole file is rolled back and the summary
    /// lists them. With `dryRun` the file is applied and always rolled back: the summary says what would happen.
    ///
    /// Problems are worded in `tr`'s language and name the columns as the file's header does.
    public func apply(_ batch: ImportBatch, dryRun isDryRun: Bool, ctx: Context, tr: Localizer = .process) throws -> ImportSummary {
        /// Thrown to roll back a refused file, or one that changes nothing (so not even the revision moves).
        struct Undo: Error { var summary: ImportSummary }
        let body = { (w: Warehouse) throws -> ImportSummary in
            try ImportRules.apply(batch, dryRun: isDryRun, to: FileImportTarget(w: w), ctx: ctx, tr: tr)
        }
        return try withLargeCache {
            // No savepoint per record: any problem rolls the whole file back, and the operations check before they write.
            if isDryRun { return try dryRun(savepointPerOperation: false, body) }
            do {
                return try self.batch(savepointPerOperation: false) { w in
                    let summary = try body(w)
                    if summary.refused || summary.changesNothing { throw Undo(summary: summary) }
                    return summary
                }
            } catch let r as Undo {
                return r.summary
            }
        }
    }

    /// Runs `body` with a page cache that holds a whole file's changes: a transaction larger than the cache spills pages
    /// to the WAL before it commits. (Savepoint journals are in memory on every connection; see `configuration`.)
    func withLargeCache<T>(_ body: () throws -> T) throws -> T {
        guard session == nil, !isReadOnly else { return try body() }
        do {
            let old = try writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA cache_size") ?? -2000 }
            // Negative is KiB; SQLite allocates pages only as they are used.
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -262144") }
            defer { try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = \(old)") } }
            return try body()
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }
}

/// The file as an import's target: the warehouse's own operations, which join the batch's transaction.
private struct FileImportTarget: ImportTarget {
    let w: Warehouse
    func existingItem(_ sku: String) throws -> Item? { try w.existingItem(sku) }
    func addItem(_ item: Item, ctx: Context) throws { try w.addItem(item, ctx: ctx) }
    func updateItem(_ item: Item) throws -> [String] { try w.updateItem(item) }
    func customerExists(_ code: String) throws -> Bool { try w.customerExists(code) }
    func customerNames() throws -> [(code: String, name: String)] {
        try w.read { db in try Row.fetchAll(db, sql: "SELECT code, name FROM customer ORDER BY code") }.map { (code: $0["code"], name: $0["name"]) }
    }
    func addCustomer(_ c: Customer, ctx: Context) throws { try w.addCustomer(c, ctx: ctx) }
    func updateCustomer(_ c: Customer, ctx: Context) throws -> Bool { try w.updateCustomer(c, ctx: ctx) }
    func countStock(sku: String, onHand counted: Int, reason: String, ctx: Context) throws -> [ReceiptResult.Allocation] {
        try w.countStock(sku: sku, onHand: counted, reason: reason, ctx: ctx)
    }
    func existingOrder(_ number: String) throws -> (order: Order, lines: [OrderLine])? { try w.existingOrder(number) }
    func orderNote(orderId: Int64) throws -> String {
        try w.read { db in try String.fetchOne(db, sql: "SELECT note FROM orders WHERE id = ?", arguments: [orderId]) ?? "" }
    }
    func placeOrder(_ new: NewOrder, note: String, ctx: Context) throws -> String {
        let placed = try w.placeOrder(new, ctx: ctx)
        if !note.isEmpty {
            try w.write { db in try db.execute(sql: "UPDATE orders SET note = ? WHERE number = ?", arguments: [note, placed]) }
        }
        return placed
    }
    func existingArrival(po: String, line: Int) throws -> Arrival? { try w.existingArrival(po: po, line: line) }
    func addArrival(_ a: NewArrival, ctx: Context) throws { _ = try w.addArrival(a, ctx: ctx) }
    func knownSKUs(_ skus: Set<String>) throws -> Set<String> { try w.known("item", "sku", skus) }
    func knownCustomers(_ codes: Set<String>) throws -> Set<String> { try w.known("customer", "code", codes) }
    func knownOrders(_ numbers: Set<String>) throws -> Set<String> { try w.known("orders", "number", numbers) }
}

extension Warehouse {
    /// An item, or nil when the SKU is unknown.
    func existingItem(_ sku: String) throws -> Item? {
        try read { db in try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE sku = ?"), arguments: [sku]).map(itemFrom) }
    }

    func customerExists(_ code: String) throws -> Bool {
        try read { db in try exists(db, "SELECT 1 FROM customer WHERE code = ?", [code]) }
    }

    /// An order and its lines, or nil when the number is unknown.
    func existingOrder(_ number: String) throws -> (order: Order, lines: [OrderLine])? {
        try read { db in
            guard try exists(db, "SELECT 1 FROM orders WHERE number = ?", [number]) else { return nil }
            let order = try fetchOrder(db, number)
            return (order, try fetchLines(db, orderId: order.id))
        }
    }

    /// Which of `keys` are in `table`'s unique text `column`: one statement for them all.
    func known(_ table: String, _ column: String, _ keys: Set<String>) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            Set(try String.fetchAll(db, sql: "SELECT \(column) FROM \(table) WHERE \(column) IN (SELECT value FROM json_each(?))",
                                    arguments: [JSONArgument.strings(keys)]))
        }
    }

    func existingArrival(po: String, line: Int) throws -> Arrival? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM arrival WHERE po_number = ? AND po_line = ?"), arguments: [po, line])
                .map(arrivalFrom)
        }
    }
}
