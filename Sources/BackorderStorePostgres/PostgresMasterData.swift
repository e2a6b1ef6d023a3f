import BackorderCore
import PostgresNIO

/// Adding items and customers and counting stock on the server, as the SQLite store's Operations.swift: the checks and
/// the journal rows from `MasterDataRules`, each operation one transaction; found stock goes to waiting lines as a
/// receipt's does (`PostgresOperationTx.finish`).
extension PostgresWarehouse: MasterDataService {
    public func addItem(_ item: Item, ctx: Context) throws {
        try MasterDataRules.checkNewItem(item)
        try operate(ctx) { tx in try await Self.addItem(tx, item) }
    }

    /// Adds an item inside `tx`. A SKU another clerk is adding at this moment waits for that one and is refused as existing.
    static func addItem(_ tx: PostgresOperationTx, _ item: Item) async throws {
        let added = try await tx.c.rows("""
            INSERT INTO item (sku, name, unit, bin, min_order_qty, pack_size, supplier, lead_time_days)
            VALUES (\(item.sku), \(item.name), \(item.unit), \(item.bin), \(item.minOrderQty), \(item.packSize), \(item.supplier.trimmingSpaces),
                    \(item.leadTimeDays))
            ON CONFLICT (sku) DO NOTHING RETURNING sku
            """)
        guard !added.isEmpty else { throw MasterDataRules.itemExists(item.sku) }
        if let opening = MasterDataRules.openingStock(item) {
            try await tx.lockItems([item.sku])
            try await tx.apply(opening, .init(note: MasterDataRules.openingStockNote))
            try await tx.finish()
        }
    }

    public func addCustomer(_ c: Customer, ctx: Context) throws {
        try Validate.customer(c)
        try operate(ctx) { tx in try await Self.addCustomer(tx, c) }
    }

    /// Adds a customer inside `tx`, journaled as "created"; a code that exists (or is being added by another clerk) is refused.
    static func addCustomer(_ tx: PostgresOperationTx, _ c: Customer) async throws {
        let added = try await tx.c.rows("""
            INSERT INTO customer (code, name, language, email, contact) VALUES (\(c.code), \(c.name), \(c.language?.rawValue), \(c.email), \(c.contact))
            ON CONFLICT (code) DO NOTHING RETURNING code
            """)
        guard !added.isEmpty else { throw MasterDataRules.customerExists(c.code) }
        try await journalCustomer(tx, c.code, CustomerJournal.added(c))
    }

    @discardableResult
    public func countStock(sku: String, onHand counted: Int, reason: String, ctx: Context) throws -> [ReceiptResult.Allocation] {
        try MasterDataRules.checkCount(onHand: counted, reason: reason)
        return try operate(ctx) { tx in try await Self.countStock(tx, sku: sku, onHand: counted, reason: reason) }
    }

    /// Counts an item inside `tx`: its item locked, the adjustment journaled, found stock given to waiting lines.
    static func countStock(_ tx: PostgresOperationTx, sku: String, onHand counted: Int, reason: String) async throws -> [ReceiptResult.Allocation] {
        try await tx.lockItems([sku])
        guard let adjustment = try MasterDataRules.planCount(try await tx.fetchItem(sku), onHand: counted) else { return [] }
        try await tx.apply(adjustment, .init(note: reason))
        try await tx.finish()
        return tx.allocations
    }
}
