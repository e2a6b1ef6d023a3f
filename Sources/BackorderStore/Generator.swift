import BackorderCore
import Foundation
import GRDB

/// What to generate.
public struct DemoSpec: Sendable {
    public var orderLines: Int
    public var seed: UInt64
    public init(orderLines: Int, seed: UInt64) { self.orderLines = orderLines; self.seed = seed }
}

/// What was generated.
public struct DemoSummary: Sendable, Codable, Equatable {
    public var items = 0, customers = 0, orders = 0, openOrders = 0, orderLines = 0, backorderLines = 0, openArrivals = 0, movements = 0
    /// Open arrivals whose ETA lies before today.
    public var lateArrivals = 0
    public var shipments = 0, receipts = 0, etaChanges = 0
    /// The SKU with the most waiting order lines (the one a benchmark receipt serves), and how many lines wait for it.
    public var hotSku = ""
    public var hotWaitingLines = 0
    public init() {}
}

extension Warehouse {
    /// Fills an empty warehouse with a realistic synthetic one of `spec.orderLines` order lines, deterministic for a seed.
    ///
    /// About 180 days up to `ctx.today` are simulated with the same rules the operations use (allocation of
    /// new lines, receipts served in priority, picks with the odd short pick, partial and ship-complete shipments,
    /// cancelled remainders, late and re-dated supplier arrivals), each day's shipments and journal written at its end, all in one transaction.
    /// Per 1,000,000 lines: about 200,000 orders, 20,000 items, 2,000 customers, 5,000 open arrivals and 100,000 open
    /// backorder lines; one hot item has well over 1,000 waiting lines and no free stock. Refuses a warehouse that
    /// already holds data.
    public func generateDemo(_ spec: DemoSpec, ctx: Context) throws -> DemoSummary {
        guard spec.orderLines >= 1 else { throw BackorderError.invalid(.t(StoreText.demoNeedsLine)) }
        guard !isReadOnly else { throw BackorderError.refused(.t(DataFileText.readOnlyOpen)) }
        guard session == nil else { throw BackorderError.refused(.t(StoreText.demoInBatch)) }
        let populatedError = BackorderError.refused(.t(StoreText.demoPopulated))
        func isPopulated(_ db: Database) throws -> Bool {
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM item) OR EXISTS(SELECT 1 FROM customer) OR EXISTS(SELECT 1 FROM orders)
                    OR EXISTS(SELECT 1 FROM arrival) OR EXISTS(SELECT 1 FROM movement)
                """) ?? false
        }
        // Everything happens on the writer connection: no reader is opened, so closing the file checkpoints its log.
        do {
            return try writer.writeWithoutTransaction { db in
                // Rows go in parents first or are numbered ahead, so checking each reference while loading only costs
                // time: they are all verified once, after the load.
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")") }
                // Memory stays bounded whatever the size: a page cache of 256 MiB (the sorts that rebuild the indexes
                // take as much), their runs spilled to temporary files rather than memory, and pages read through the
                // cache, not a memory map that would count the whole file as the process's own.
                let previous = (cache: try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000,
                                temp: try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0,
                                mmap: try Int.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0)
                try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA temp_store = FILE; PRAGMA mmap_size = 0")
                defer {
                    try? db.execute(sql: """
                        PRAGMA cache_size = \(previous.cache); PRAGMA temp_store = \(previous.temp); PRAGMA mmap_size = \(previous.mmap)
                        """)
                }
                var summary = DemoSummary()
                try db.inTransaction(.immediate) {
                    guard try !isPopulated(db) else { throw populatedError }
                    // Secondary indexes are dropped and rebuilt from their own definitions: one sort beats millions of
                    // random index inserts.
                    let indexes = try Row.fetchAll(db, sql: """
                        SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name
                        """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                    for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
                    // The load writes the waiting queue (and anything else a trigger would keep) itself: triggers rest.
                    let triggers = try Row.fetchAll(db, sql: """
                        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name
                        """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                    for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name.quotedDatabaseIdentifier)") }
                    // The story streams: each day's shipments and journal rows are written at its end and forgotten, so
                    // ten million lines fit in bounded memory. Rows that change until the last day are written after.
                    let story = DemoStory(spec: spec, ctx: ctx)
                    try story.run { try story.flush(db) }
                    try story.write(db)
                    // The summary is read now, and the lines and orders let go before the sorts take their memory.
                    summary = story.summary
                    story.forgetWrittenRows()
                    // The last tenth of the days' journal goes in after the indexes: rebuilt by sorting, an index has
                    // full pages, and the first new row at the end of each SKU's run of `movement_allocation` would
                    // split one. Written row by row, that tail leaves the room that use leaves where new rows go (an
                    // order then changes about 90 pages, not 180), for a tenth of the cost of building every index so.
                    for index in indexes { try db.execute(sql: index.sql) }
                    try story.writeJournal(db)
                    for trigger in triggers { try db.execute(sql: trigger.sql) }
                    // The load wrote the base tables with the triggers at rest: derived data is built once, from the rows.
                    try Counters.rebuild(db)
                    try Warehouse.rebuildSearchIndex(db)
                    // The load ran unchecked: make sure every reference holds before the file is committed.
                    if let orphan = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                        throw DemoGeneratorFault(description: Localizer.process(StoreText.demoFault, orphan[0] as String? ?? "?", orphan[2] as String? ?? "?"))
                    }
                    try db.execute(sql: "UPDATE meta SET revision = revision + 1")
                    return .commit
                }
                if path != nil {
                    // Fold the write-ahead log into the file now, so the file alone holds the warehouse.
                    try db.checkpoint(.truncate)
                }
                return summary
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }
}

/// A bug in the demo generator caught before its rows were committed.
public struct DemoGeneratorFault: Error, CustomStringConvertible {
    public var description: String
}
