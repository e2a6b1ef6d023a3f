import BackorderCore
import Foundation
import PostgresNIO

/// Imports on the server: the whole file ONE transaction, record by record through the same rules as the file
/// (`ImportRules`) and the same operations a clerk's command runs, all or nothing.
///
/// Like the file's write lock, the import holds every table a clerk's change writes for its whole length (readers go
/// on). Its rows get ids past the largest, as the file gives them (and as a preview takes them), not from the id
/// sequences: a dry run, a refused file or one that changes nothing is rolled back without a sequence having moved, so
/// the next order still gets the number the file would give it. Before a kept import commits, each sequence is moved
/// past the ids it took (with `nextval`, which the clerk's role may call; nobody else can insert meanwhile).
extension PostgresWarehouse: ImportService {
    public func apply(_ batch: ImportBatch, dryRun: Bool, ctx: Context, tr: Localizer = .process) throws -> ImportSummary {
        try requireWritable()
        let held = HeldTransaction(bridge)
        do {
            try held.run { c in
                try await Self.lockForImport(c)
                for setting in Self.importPlanning { try await c.query(PostgresQuery(unsafeSQL: setting), logger: PostgresBridge.quiet) }
            }
            let summary = try ImportRules.apply(batch, dryRun: dryRun, to: ServerImportTarget(held: held, bytewise: reads.bytewise), ctx: ctx, tr: tr)
            // A server failure a record took for its own refusal ends the import with it, whatever the summary says.
            if let failure = held.failure { throw failure }
            // The plans made under the import's settings are not kept for the connection's later work.
            try held.run { c in try await c.query("DISCARD PLANS", logger: PostgresBridge.quiet) }
            guard !(dryRun || summary.refused || summary.changesNothing) else {
                held.rollback()
                return summary
            }
            try held.run { c in
                for table in Self.importIds {
                    try await c.rows(PostgresQuery(unsafeSQL: """
                        SELECT COUNT(nextval('\(table)_id_seq')) FROM generate_series(1, (SELECT COALESCE(MAX(id), 0) FROM \(table))
                            - (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM \(table)_id_seq))
                        """))
                }
                try await c.rows("UPDATE meta SET revision = revision + 1 WHERE id = 1")
            }
            try held.commit()
            return summary
        } catch {
            held.rollback()
            // The server's first failure is the cause; what followed it only says the transaction was aborted.
            throw held.failure ?? error
        }
    }

    /// How the import's statements are planned. An import is one long transaction that fills tables the planner may
    /// know as nearly empty (a new warehouse; no ANALYZE sees the rows before the commit, and a clerk may not run one),
    /// so it chose to read whole tables and hash them, or to look an item up through the name search's index whose
    /// list of pending entries every lookup reads: each order cost more than the one before (10,000 lines into a new
    /// warehouse: 34.6 s). Every statement of an import looks rows up by key; by the keys' indexes it took 4.7 s.
    static let importPlanning = ["SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off"] // not prose: SQL

    /// The tables whose rows an import makes with new ids (orders, their lines, the journal, arrivals, notices).
    static let importIds = ["orders", "order_line", "arrival", "movement", "notice"] // not prose: SQL table names

    /// The tables a clerk's change writes, in one order; locked against writers (EXCLUSIVE: readers go on).
    static let importLocks = "item, customer, orders, order_line, arrival, movement, notice" // not prose: SQL table names

    /// Takes the import's table locks all at once, never waiting while holding some (so never in a deadlock): each try
    /// takes them without waiting, and gives them all back when one is held by another clerk's operation.
    static func lockForImport(_ c: PostgresConnection) async throws {
        let started = ContinuousClock.now
        while true {
            try await c.rows("SAVEPOINT import_locks")
            do {
                try await c.rows(PostgresQuery(unsafeSQL: "LOCK TABLE \(importLocks) IN EXCLUSIVE MODE NOWAIT"))
                try await c.rows("RELEASE SAVEPOINT import_locks")
                return
            } catch let e as PSQLError where e.serverInfo?[.sqlState] == "55P03" {
                try await c.rows("ROLLBACK TO SAVEPOINT import_locks")
                guard ContinuousClock.now - started < importLockWait else {
                    throw BackorderError.stale(.t(ServerCommandsText.importBusy, Int(importLockWait.components.seconds)))
                }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// How long an import tries to get its locks while clerks keep changing things.
    static let importLockWait: Duration = .seconds(30)
}

/// The server as an import's target: each record's operation runs in the import's one transaction, as the clerk's
/// command would run it (its own counters, allocations, promised dates and notices).
private struct ServerImportTarget: ImportTarget {
    let held: HeldTransaction
    let bytewise: Bool

    /// For the steps that write no journal (customers, master data): no actor, no time.
    static let noContext = Context(actor: "", now: Timestamp(unixTime: 0), today: Day(ordinal: 0))

    func operation<T: Sendable>(_ ctx: Context = noContext, _ body: @escaping @Sendable (PostgresOperationTx) async throws -> T) throws -> T {
        // Ids past the largest, as the file gives them: see `PostgresWarehouse.apply`.
        let bytewise = self.bytewise
        return try held.run { c in
            let tx = PostgresOperationTx(c, ctx, preview: true, bytewise: bytewise)
            let result = try await body(tx)
            try await tx.writePending() // nothing held is left for the record after it
            return result
        }
    }

    func existingItem(_ sku: String) throws -> Item? {
        try operation { tx in
            // One statement: an unknown SKU is the read's own refusal (the server failed nothing).
            do { return try await tx.fetchItem(sku) } catch let e as BackorderError where e.kind == .notFound { return nil }
        }
    }

    func addItem(_ item: Item, ctx: Context) throws {
        try MasterDataRules.checkNewItem(item)
        try operation(ctx) { tx in try await PostgresWarehouse.addItem(tx, item) }
    }

    func updateItem(_ item: Item) throws -> [String] {
        try Validate.masterData(item)
        let changes = ItemChanges(name: item.name, unit: item.unit, bin: item.bin, minOrderQty: item.minOrderQty, packSize: item.packSize,
                                  supplier: item.supplier, leadTimeDays: .some(item.leadTimeDays))
        return try operation { tx in try await PostgresWarehouse.changeItem(tx, item.sku, changes) }
    }

    func customerExists(_ code: String) throws -> Bool {
        try operation { tx in try await tx.exists("SELECT 1 FROM customer WHERE code = \(code)") }
    }

    func customerNames() throws -> [(code: String, name: String)] {
        let rows = try operation { tx in
            try await tx.c.rows("SELECT code, name FROM customer ORDER BY code COLLATE \"C\"").map { try $0.decode((String, String).self) }
        }
        return rows.map { (code: $0.0, name: $0.1) }
    }

    func addCustomer(_ c: Customer, ctx: Context) throws {
        try Validate.customer(c)
        try operation(ctx) { tx in try await PostgresWarehouse.addCustomer(tx, c) }
    }

    func updateCustomer(_ c: Customer, ctx: Context) throws -> Bool {
        try Validate.customer(c)
        let changes = CustomerChanges(overlaying: c)
        return try !operation(ctx) { tx in try await PostgresWarehouse.changeCustomer(tx, c.code, changes) }.isEmpty
    }

    func countStock(sku: String, onHand counted: Int, reason: String, ctx: Context) throws -> [ReceiptResult.Allocation] {
        try MasterDataRules.checkCount(onHand: counted, reason: reason)
        return try operation(ctx) { tx in try await PostgresWarehouse.countStock(tx, sku: sku, onHand: counted, reason: reason) }
    }

    func existingOrder(_ number: String) throws -> (order: Order, lines: [OrderLine])? {
        let found = try operation { tx -> OrderAndLines? in
            do {
                let (order, lines) = try await tx.fetchOrderWithLines(number)
                return OrderAndLines(order: order, lines: lines)
            } catch let e as BackorderError where e.kind == .notFound { return nil }
        }
        return found.map { ($0.order, $0.lines) }
    }

    func orderNote(orderId: Int64) throws -> String {
        try operation { tx in try await tx.c.rows("SELECT note FROM orders WHERE id = \(orderId)").first?.decode(String.self) ?? "" }
    }

    func placeOrder(_ new: NewOrder, note: String, ctx: Context) throws -> String {
        try operation(ctx) { tx in
            try await PostgresWarehouse.place(tx, new, readBack: false, imported: note).number
        }
    }

    func existingArrival(po: String, line: Int) throws -> Arrival? {
        try operation { tx in
            try await tx.c.rows("""
                SELECT \(unescaped: PostgresOperationTx.arrivalColumns) FROM arrival WHERE po_number = \(po) AND po_line = \(line)
                """).first.map(PostgresOperationTx.arrival)
        }
    }

    func knownSKUs(_ skus: Set<String>) throws -> Set<String> { try known("item", "sku", skus) }
    func knownCustomers(_ codes: Set<String>) throws -> Set<String> { try known("customer", "code", codes) }
    func knownOrders(_ numbers: Set<String>) throws -> Set<String> { try known("orders", "number", numbers) }

    /// Which of `keys` are in `table`'s unique text `column`: one statement for them all.
    func known(_ table: String, _ column: String, _ keys: Set<String>) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let keys = Array(keys)
        return Set(try operation { tx in
            try await tx.c.rows(PostgresQuery(unsafeSQL: "SELECT \(column) FROM \(table) WHERE \(column) = ANY($1)", binds: try PostgresOperationTx.binds(keys)))
                .map { try $0.decode(String.self) }
        })
    }

    func addArrival(_ a: NewArrival, ctx: Context) throws {
        try Validate.newArrival(a)
        try operation(ctx) { tx in
            _ = try await PostgresWarehouse.insertArrival(tx, a)
            try await tx.finish()
        }
    }
}

/// An order and its lines, handed from the connection's task to the import's thread.
private struct OrderAndLines: Sendable {
    var order: Order
    var lines: [OrderLine]
}
