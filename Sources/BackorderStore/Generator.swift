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
    /// About 180 days up to `ctx.today` are simulated in memory with the same rules the operations use (allocation of
    /// new lines, receipts served in priority, picks with the odd short pick, partial and ship-complete shipments,
    /// cancelled remainders, late and re-dated supplier arrivals), then every row is written in one transaction.
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
            guard try !writer.writeWithoutTransaction(isPopulated) else { throw populatedError }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
        let story = DemoStory(spec: spec, ctx: ctx)
        try story.run()
        do {
            return try writer.writeWithoutTransaction { db in
                // Rows go in parents first, so checking each reference while loading only costs time: they are all
                // verified once, after the load.
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")") }
                let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                // Room for the indexes being rebuilt over millions of rows.
                try db.execute(sql: "PRAGMA cache_size = -1048576")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCache)") }
                try db.inTransaction(.immediate) {
                    guard try !isPopulated(db) else { throw populatedError }
                    // Secondary indexes are dropped and rebuilt from their own definitions: one sort beats millions of
                    // random index inserts.
                    let indexes = try Row.fetchAll(db, sql: """
                        SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name
                        """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                    for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
                    // The load writes the waiting queue itself, in key order and with its dates: the lines' triggers rest.
                    let triggers = try Row.fetchAll(db, sql: """
                        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'order_line' ORDER BY name
                        """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                    for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name.quotedDatabaseIdentifier)") }
                    // The last tenth of the journal goes in after the indexes: rebuilt by sorting, an index has full
                    // pages, and the first new row at the end of each SKU's run of `movement_allocation` would split one.
                    // Written row by row, that tail leaves the room that use leaves where new rows go (an order then
                    // changes about 90 pages, not 180), for a tenth of the cost of building every index that way.
                    let tail = story.journalCount - story.journalCount / 10
                    try story.write(db, journalBefore: tail)
                    for index in indexes { try db.execute(sql: index.sql) }
                    try story.writeJournal(db, from: tail)
                    for trigger in triggers { try db.execute(sql: trigger.sql) }
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
                return story.summary
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }

    /// The SKUs with the most waiting (backordered) order lines, most first; read from the waiting queue.
    public func skusByWaitingLines(limit: Int = 10) throws -> [(sku: String, lines: Int, units: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT sku, COUNT(*) AS n, SUM(backordered) AS u FROM waiting GROUP BY sku ORDER BY n DESC, sku LIMIT ?
                """, arguments: [limit]).map { ($0["sku"], $0["n"], $0["u"]) }
        }
    }

    /// `EXPLAIN QUERY PLAN` of the queries on the hot paths (the open lists, the receipt's waiting-line queue, pegging,
    /// order creation), each as its plan's lines indented by depth. The SQL texts are those of Queries.swift,
    /// Transaction.swift, Pegging.swift and Operations.swift.
    public func queryPlans() throws -> [(name: String, sql: String, plan: [String])] {
        try read { db in
            try hotPathQueries().map { q in (q.name, q.sql, try plan(db, q.sql, q.arguments)) }
        }
    }

    /// The plan of the first page of every backorder sort over the whole list (no filter, no restriction), as
    /// `backorderLines` reads it.
    public func sortPlans() throws -> [ListSort: [String]] {
        try read { db in
            var plans: [ListSort: [String]] = [:]
            for key in BackorderSortKey.allCases {
                for descending in [false, true] {
                    let sort = ListSort(.backorders(key), descending: descending)
                    let select = Warehouse.unrestrictedBackorderSelect(key, condition: "").sql
                    let terms = try Warehouse.backorderTerms(sort, natural: Warehouse.backorderNatural)
                    plans[sort] = try plan(db, select + " ORDER BY \(terms.joined(separator: ", ")) LIMIT ? OFFSET ?", [50, 0])
                }
            }
            return plans
        }
    }

    /// `EXPLAIN QUERY PLAN` of a statement, its lines indented by depth.
    private func plan(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
        var depth: [Int: Int] = [0: -1]
        return rows.map { r -> String in
            let id: Int = r["id"], parent: Int = r["parent"]
            let d = (depth[parent] ?? -1) + 1
            depth[id] = d
            return String(repeating: "  ", count: d) + (r["detail"] as String)
        }
    }

    /// Size of the data file and of what it holds; a writable file first has its write-ahead log folded into it.
    public func storageFigures() throws -> StorageFigures {
        if path != nil && !isReadOnly && session == nil {
            do {
                _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            } catch let e as DatabaseError {
                throw Warehouse.translate(e, path: path)
            }
        }
        return try read { db in
            StorageFigures(pageSize: try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                           pageCount: try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
                           orderLines: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_line") ?? 0,
                           orders: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders") ?? 0,
                           movements: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM movement") ?? 0,
                           sqliteVersion: try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?",
                           objects: try objectSizes(db))
        }
    }

    /// Runs `check` on the writer connection with SQLite's profiler on: what it found, and how long each statement took,
    /// in the order they ran.
    public func profiledCheck(quick: Bool = false) throws -> (violations: [Violation], statements: [ProfiledStatement]) {
        guard session == nil else { throw BackorderError.refused(.t(StoreText.profilingBatch)) }
        do {
            return try writer.writeWithoutTransaction { db in
                var statements: [ProfiledStatement] = []
                db.trace(options: .profile) { event in
                    if case let .profile(statement, duration) = event { statements.append(ProfiledStatement(sql: statement.sql, seconds: duration)) }
                }
                defer { db.trace(options: .profile, nil) }
                // A warehouse bound to this connection, so `check` runs where the profiler listens.
                let found = try Warehouse(writer: writer, path: path, readOnly: true, session: db).check(quick: quick)
                return (found, statements)
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }

    /// Bytes per table and index from SQLite's `dbstat` table; empty when this SQLite build lacks it.
    private func objectSizes(_ db: Database) throws -> [(name: String, bytes: Int)] {
        do {
            return try Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC")
                .map { ($0["name"], $0["bytes"]) }
        } catch {
            return []
        }
    }
}

/// A bug in the demo generator caught before its rows were committed.
public struct DemoGeneratorFault: Error, CustomStringConvertible {
    public var description: String
}

/// One SQL statement and how long it ran.
public struct ProfiledStatement: Sendable {
    public var sql: String
    public var seconds: Double
}

/// How big a data file is, and what takes the room.
public struct StorageFigures: Sendable {
    public var pageSize: Int
    public var pageCount: Int
    public var orderLines: Int
    public var orders: Int
    public var movements: Int
    public var sqliteVersion: String
    /// Bytes per table or index, largest first (empty when SQLite cannot tell).
    public var objects: [(name: String, bytes: Int)]
    /// The file's size in bytes.
    public var fileBytes: Int { pageSize * pageCount }
}

/// The hot-path statements (texts as in Queries.swift, Transaction.swift, Pegging.swift and Operations.swift), with
/// placeholder arguments.
private func hotPathQueries() -> [(name: String, sql: String, arguments: StatementArguments)] { [
    ("open orders: first page", """
        SELECT o.id, o.number, o.customer, c.name AS customer_name, o.order_date, o.priority, o.policy, o.version
        FROM orders o INDEXED BY orders_open JOIN customer c ON c.code = o.customer
        WHERE o.closed_at IS NULL ORDER BY o.order_date, o.number LIMIT ? OFFSET ?
        """, [50, 0]),
    ("open orders: line totals of one order", """
        SELECT COUNT(*) AS n, SUM(ordered) AS o, SUM(allocated) AS a, SUM(picked) AS p, SUM(shipped) AS s, SUM(backordered) AS b
        FROM order_line WHERE order_id = ?
        """, [1]),
    ("backorder lines: oldest first", """
        SELECT l.id, l.order_no, l.order_date, o.priority, l.line_no, l.sku, w.backordered, w.promised, i.name AS item_name, c.name AS customer_name
        FROM order_line l INDEXED BY line_open_age JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
        JOIN item i ON i.sku = l.sku JOIN \(Warehouse.waitingOfAgeLine)
        WHERE \(Warehouse.openLine) ORDER BY l.order_date, l.order_no, l.line_no LIMIT ? OFFSET ?
        """, [50, 0]),
    ("backorder lines: one SKU in serving order", """
        SELECT l.line_id AS id, l.order_no, l.order_date, l.priority, l.line_no, l.sku, l.backordered, l.promised, i.name AS item_name, c.name AS customer_name
        FROM \(Warehouse.waitingAsLines) JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
        JOIN item i ON i.sku = l.sku
        WHERE l.sku = ? ORDER BY l.priority, l.order_date, l.order_no, l.line_no LIMIT ? OFFSET ?
        """, ["SKU-000001", 50, 0]),
    ("expected arrivals: by ETA", """
        SELECT a.*, i.name AS item_name, (SELECT COUNT(*) FROM eta_change e WHERE e.arrival_id = a.id) AS changes
        FROM arrival a INDEXED BY arrival_open_eta JOIN item i ON i.sku = a.sku
        WHERE a.closed_at IS NULL ORDER BY a.eta, a.id LIMIT ? OFFSET ?
        """, [50, 0]),
    ("late arrivals: pegging, waiting lines of a SKU", """
        SELECT l.line_id AS id, l.order_no, l.line_no, l.priority, l.order_date, l.backordered, c.name AS customer_name
        FROM waiting l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.code = o.customer
        WHERE l.sku = ? ORDER BY l.priority, l.order_date, l.order_no, l.line_no
        """, ["SKU-000001"]),
    ("expected arrivals: pegging, open arrivals of a SKU", """
        SELECT * FROM arrival INDEXED BY arrival_open_sku WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
        """, ["SKU-000001"]),
    ("stock: by SKU", "SELECT * FROM item WHERE 1 ORDER BY sku LIMIT ? OFFSET ?", [50, 0]),
    ("receipt: waiting-line queue (allocateFree)", """
        SELECT line_id, order_id, order_no, line_no, priority, order_date, backordered FROM waiting
        WHERE sku = ? ORDER BY priority, order_date, order_no, line_no
        """, ["SKU-000001"]),
    ("receipt: serve one line", """
        UPDATE order_line SET ordered = ordered + ?, allocated = allocated + ?, picked = picked + ?, shipped = shipped + ?,
            backordered = backordered + ?, cancelled = cancelled + ?, version = version + 1 WHERE id = ?
        """, [0, 1, 0, 0, -1, 0, 1]),
    ("receipt: journal filled lines from the lines, in serving order (journalAllocations)", """
        INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_allocated, d_backordered)
        SELECT ?1, ?2, 'allocate', l.sku, l.backordered, l.id, l.backordered, -l.backordered
        FROM json_each(?3) j CROSS JOIN order_line l ON l.id = j.value
        """, [0, "plan", "[1,2]"]),
    ("receipt: fill many lines (journalAllocations)", """
        UPDATE order_line SET allocated = allocated + backordered, backordered = 0, version = version + 1
        WHERE id IN (SELECT value FROM json_each(?))
        """, ["[1,2]"]),
    ("receipt: serve the last line in part (journalAllocations)", """
        UPDATE order_line SET allocated = allocated + ?1, backordered = backordered - ?1, version = version + 1 WHERE id = ?2
        """, [1, 1]),
    ("re-pegging: open supply of a SKU (Pegging.repeg)", """
        SELECT eta, quantity - received AS outstanding FROM arrival INDEXED BY arrival_open_sku
        WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
        """, ["SKU-000001"]),
    ("re-pegging: waiting lines of a SKU (Pegging.repeg)", """
        SELECT backordered, promised, priority, order_date, order_no, line_no, line_id, order_id FROM waiting
        WHERE sku = ? ORDER BY priority, order_date, order_no, line_no
        """, ["SKU-000001"]),
    ("re-pegging: waiting lines from where a new order joined (Pegging.repeg)", """
        SELECT backordered, promised, priority, order_date, order_no, line_no, line_id, order_id FROM waiting
        WHERE sku = ? AND (priority, order_date, order_no, line_no) >= (?, ?, ?, ?) ORDER BY priority, order_date, order_no, line_no
        """, ["SKU-000001", 5, "2026-01-01", "SO-000001", 1]),
    ("re-pegging: lines past the supply that still show a date (Pegging.repeg)", """
        SELECT priority, order_date, order_no, line_no, line_id, order_id, backordered, promised FROM waiting
        WHERE sku = ? AND (priority, order_date, order_no, line_no) > (?, ?, ?, ?) AND (promised IS NULL OR promised != '-')
        ORDER BY priority, order_date, order_no, line_no
        """, ["SKU-000001", 5, "2026-01-01", "SO-000001", 1]),
    ("re-pegging: write moved dates, one range per date (Pegging.write)", """
        UPDATE waiting SET promised = ?1
        WHERE sku = ?2 AND (priority, order_date, order_no, line_no) >= (?3, ?4, ?5, ?6)
          AND (priority, order_date, order_no, line_no) <= (?7, ?8, ?9, ?10) AND promised IS NOT ?1
        """, ["2026-02-01", "SKU-000001", 5, "2026-01-01", "SO-000001", 1, 5, "2026-01-09", "SO-000009", 1]),
    ("operation end: close an order with nothing open", "SELECT SUM(allocated + picked + backordered) FROM order_line WHERE order_id = ?", [1]),
    ("operation end: pending notice of an order", "SELECT id, events FROM notice WHERE order_id = ? AND sent_at IS NULL", [1]),
    ("new order: next number", "SELECT COALESCE(MAX(id), 0) + 1 FROM orders", []),
    ("new order: free stock of its SKUs", """
        SELECT sku, on_hand - allocated - picked, name, backordered FROM item WHERE sku IN (SELECT value FROM json_each(?))
        """, [#"["SKU-000001","SKU-000002"]"#]),
    ("new order: journal rows read from its lines (insertNewLines)", """
        INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_ordered, d_allocated, d_backordered)
        SELECT ?1, ?2, 'order', sku, ordered, id, ordered, allocated, backordered FROM order_line WHERE order_id = ?3 ORDER BY line_no
        """, [0, "plan", -1]),
    ("operation end: item counters of a SKU it moved (flushItems)", """
        UPDATE item SET on_hand = on_hand + ?, allocated = allocated + ?, picked = picked + ?, backordered = backordered + ?
        WHERE sku = ?
        """, [0, 0, 0, 0, "SKU-000001"]),
    ("operation end: SKUs with free stock and waiting lines", """
        SELECT sku FROM item WHERE sku IN (SELECT value FROM json_each(?)) AND on_hand - allocated - picked > 0 AND backordered > 0
        """, [#"["SKU-000001","SKU-000002"]"#]),
    ("order detail: lines", """
        SELECT l.id, l.line_no, l.sku, i.name, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
        FROM order_line l JOIN item i ON i.sku = l.sku WHERE l.order_id = ? ORDER BY l.line_no
        """, [1]),
    ("order detail: promised dates of its waiting lines", """
        SELECT l.id, w.promised FROM order_line l
        JOIN waiting w ON w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date AND w.order_no = l.order_no AND w.line_no = l.line_no
        WHERE l.order_id = ? AND l.backordered > 0
        """, [1]),
    ("order detail: journal", orderJournalSQL, [1]), // not prose: a profile label for developers
    ("shipment: did the line wait before", "SELECT EXISTS(SELECT 1 FROM movement INDEXED BY movement_allocation WHERE sku = ? AND line_id = ? AND kind = 'allocate')", ["SKU-000001", 1]),
] }

// MARK: - random numbers

// MARK: - word lists

/// A kind of product the warehouse stocks: its name, how it is counted, its variants and how it is bought and sold.
private struct ItemKind {
    var name: String
    var unit: String
    /// Each list adds one word group to the name (size, finish, colour…).
    var variants: [[String]]
    /// Largest quantity a customer usually orders on one line.
    var lineQuantity: ClosedRange<Int>
    /// Purchase pack sizes the supplier sells it in.
    var packs: [Int]

    init(_ name: String, _ unit: String, _ variants: [[String]], lines: ClosedRange<Int>, packs: [Int]) {
        self.name = name; self.unit = unit; self.variants = variants; self.lineQuantity = lines; self.packs = packs
    }
}

private let metricSizes = ["M5", "M6", "M8", "M10", "M12", "M16"]
private let steelFinishes = ["zinc plated", "stainless A2", "stainless A4", "hot-dip galvanised"] // not prose: demo data stored in the file, like a customer's own
private let itemKinds: [ItemKind] = [
    // Fasteners
    ItemKind("Hex bolt", "box", [metricSizes, ["×20", "×30", "×40", "×60", "×80", "×100"], steelFinishes], lines: 1...20, packs: [10, 20, 50]),
    ItemKind("Hex nut", "box", [metricSizes, steelFinishes], lines: 1...20, packs: [10, 20, 50]),
    ItemKind("Flat washer", "box", [metricSizes, steelFinishes], lines: 1...20, packs: [10, 20, 50]),
    ItemKind("Wood screw", "box", [["3.5×30", "4×40", "4.5×50", "5×60", "5×80", "6×100"], ["Torx", "Pozidriv"],
                                   ["yellow zinc", "stainless A2", "Ruspert coated"]], lines: 1...30, packs: [10, 25, 50]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Wall plug", "box", [["5 mm", "6 mm", "8 mm", "10 mm"], ["nylon", "universal", "frame"]], lines: 1...30, packs: [10, 50]),
    ItemKind("Threaded rod", "pcs", [["M6", "M8", "M10", "M12"], ["1 m", "2 m"], steelFinishes], lines: 1...25, packs: [10, 25]),
    ItemKind("Blind rivet", "box", [["3.2×8", "4×10", "4.8×12"], ["aluminium", "steel", "stainless"]], lines: 1...15, packs: [10, 20]),
    ItemKind("Plasterboard screw", "box", [["3.5×25", "3.5×35", "3.9×45", "3.9×55"], ["phosphated", "zinc plated"]], lines: 1...40, packs: [20, 48]), // not prose: demo data stored in the file, like a customer's own
    // Electrical
    ItemKind("Cable tie", "pack", [["100×2.5 mm", "200×4.8 mm", "300×4.8 mm", "370×7.6 mm"], ["black", "natural"]], lines: 1...40, packs: [10, 50]),
    ItemKind("Installation cable", "m", [["3G1.5", "3G2.5", "5G1.5", "5G2.5", "5G6"], ["PFSP", "PR", "halogen-free"]], lines: 10...200, packs: [50, 100]),
    ItemKind("Circuit breaker", "pcs", [["B10", "B16", "C16", "C20", "C32"], ["1-pole", "3-pole"]], lines: 1...12, packs: [1, 6, 12]),
    ItemKind("Junction box", "pcs", [["IP44", "IP55", "IP67"], ["80×80", "100×100", "150×110"], ["grey", "white"]], lines: 1...20, packs: [10, 20]),
    ItemKind("LED panel", "pcs", [["30×120", "60×60", "62×62"], ["3000 K", "4000 K"], ["UGR<19", "backlit"]], lines: 1...12, packs: [1, 4]),
    ItemKind("Socket outlet", "pcs", [["single", "double"], ["surface-mounted", "flush"], ["white", "anthracite"]], lines: 1...20, packs: [5, 10]),
    ItemKind("Heat-shrink tube", "m", [["3.2 mm", "6.4 mm", "12.7 mm", "25.4 mm"], ["black", "red", "clear"]], lines: 5...50, packs: [10, 50]),
    // Plumbing
    ItemKind("Ball valve", "pcs", [["1/2\"", "3/4\"", "1\"", "5/4\""], ["brass", "stainless"], ["lever", "butterfly handle"]], lines: 1...10, packs: [1, 5, 10]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Press elbow 90°", "pcs", [["15 mm", "22 mm", "28 mm", "35 mm"], ["copper", "stainless", "carbon steel"]], lines: 1...30, packs: [10, 20]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("PEX pipe", "roll", [["16 mm", "20 mm", "25 mm"], ["50 m", "100 m"], ["with sleeve", "bare"]], lines: 1...5, packs: [1, 5]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Copper pipe", "pcs", [["15 mm", "22 mm", "28 mm"], ["3 m", "5 m"], ["half-hard", "soft"]], lines: 1...20, packs: [5, 10]),
    ItemKind("Pipe clamp", "pcs", [["15 mm", "22 mm", "28 mm", "35 mm", "54 mm"], ["with rubber", "galvanised"]], lines: 1...50, packs: [25, 50]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Flexible hose", "pcs", [["300 mm", "500 mm"], ["1/2\"×1/2\"", "3/8\"×1/2\""]], lines: 1...10, packs: [5, 10]),
    // Tools
    ItemKind("HSS drill bit set", "set", [["13-piece", "19-piece", "25-piece"], ["cobalt", "titanium-coated"]], lines: 1...5, packs: [1, 5]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Hole saw", "pcs", [["32 mm", "51 mm", "68 mm", "76 mm"], ["bi-metal", "TCT"]], lines: 1...5, packs: [1, 5]),
    ItemKind("Screwdriver", "pcs", [["PH1", "PH2", "PZ2", "T20", "T25", "slotted 5.5"], ["insulated 1000 V", "standard"]], lines: 1...10, packs: [1, 6]),
    ItemKind("Tape measure", "pcs", [["3 m", "5 m", "8 m"], ["magnetic hook", "standard"]], lines: 1...10, packs: [1, 6]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Spirit level", "pcs", [["600 mm", "1000 mm", "1200 mm", "2000 mm"], ["aluminium", "magnetic"]], lines: 1...5, packs: [1, 5]),
    ItemKind("Snap-off blade", "pack", [["18 mm", "25 mm"], ["10 blades", "50 blades"]], lines: 1...10, packs: [10, 20]),
    // Safety
    ItemKind("Work gloves", "pair", [["nitrile-coated", "leather", "cut-resistant C", "winter-lined"], ["size 8", "size 9", "size 10", "size 11"]],
             lines: 1...24, packs: [12, 24]),
    ItemKind("Safety glasses", "pcs", [["clear", "tinted", "yellow"], ["anti-fog", "standard"]], lines: 1...20, packs: [10, 20]),
    ItemKind("Dust mask", "box", [["FFP2", "FFP3"], ["with valve", "without valve"]], lines: 1...10, packs: [5, 10]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Hi-vis vest", "pcs", [["M", "L", "XL", "XXL"], ["yellow", "orange"]], lines: 1...20, packs: [10]),
    ItemKind("Safety boots S3", "pair", [["size 40", "size 41", "size 42", "size 43", "size 44", "size 45", "size 46"], ["low", "high"]],
             lines: 1...6, packs: [1]),
    // Packaging
    ItemKind("Packing tape", "roll", [["48 mm × 66 m", "50 mm × 66 m"], ["brown", "transparent", "printed"]], lines: 6...72, packs: [36]),
    ItemKind("Stretch film", "roll", [["500 mm × 300 m"], ["17 µm", "23 µm"], ["hand roll", "machine roll"]], lines: 1...12, packs: [6]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Cardboard box", "pcs", [["300×200×150", "400×300×200", "600×400×400"], ["single wall", "double wall"]], lines: 10...200, packs: [25, 50]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Bubble wrap", "roll", [["0.5 m × 100 m", "1.0 m × 50 m"], ["small bubbles", "large bubbles"]], lines: 1...10, packs: [1, 4]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Shipping label", "roll", [["100×150 mm", "100×50 mm"], ["thermal", "laser"]], lines: 1...20, packs: [10, 20]),
    // Paint and chemicals
    ItemKind("Silicone sealant", "tube", [["sanitary", "construction", "glazing"], ["white", "transparent", "grey"], ["300 ml"]], lines: 1...24, packs: [12, 24]),
    ItemKind("PU foam", "can", [["gun-grade", "hand-held", "fire-rated"], ["750 ml"]], lines: 1...24, packs: [12]),
    ItemKind("Wood primer", "can", [["1 l", "2.7 l", "10 l"], ["white", "grey"]], lines: 1...10, packs: [1, 6]),
    ItemKind("Anti-rust paint", "can", [["0.75 l", "2.5 l"], ["black", "RAL 7035", "RAL 9010"]], lines: 1...10, packs: [1, 6]),
    ItemKind("Degreaser", "can", [["1 l", "5 l"], ["solvent-based", "water-based"]], lines: 1...10, packs: [1, 4]),
    ItemKind("Thread locker", "pcs", [["medium strength", "high strength"], ["10 ml", "50 ml"]], lines: 1...10, packs: [10]), // not prose: demo data stored in the file, like a customer's own
    // Building hardware
    ItemKind("Angle bracket", "pcs", [["40×40", "60×60", "90×90", "105×105"], ["galvanised", "stainless"]], lines: 1...50, packs: [25, 50]),
    ItemKind("Joist hanger", "pcs", [["48×150", "48×198", "73×198"], ["galvanised"]], lines: 1...50, packs: [25]),
    ItemKind("Perforated strap", "roll", [["20 mm × 10 m", "40 mm × 10 m"], ["galvanised", "stainless"]], lines: 1...10, packs: [1, 5]),
    ItemKind("Door hinge", "pcs", [["76×76", "89×89", "102×76"], ["stainless", "brass", "matt black"]], lines: 1...20, packs: [2, 10]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Shelf bracket", "pcs", [["150 mm", "200 mm", "250 mm"], ["white", "black", "galvanised"]], lines: 1...20, packs: [10]),
]

private let customerSurnames = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Berg",
    "Haugen", "Hagen", "Lund", "Strand", "Dahl", "Holm", "Lie", "Moen", "Bakken", "Solberg", "Lindqvist", "Nyström",
    "Virtanen", "Korhonen", "Schmidt", "Müller", "Novak", "Fischer", "Dubois", "Rossi", "Kowalski", "Nordby", "Fjeld", "Vik",
    "Eriksen", "Halvorsen", "Jakobsen", "Martinsen", "Iversen", "Sandvik", "Tangen", "Aune", "Eide", "Rud", "Myhre",
    "Bjørnstad", "Sørensen", "Ødegård", "Åsheim", "Løvås", "Grønli", "Brændeland", "Skår", "Kjær", "Næss", "Sæther", "Østby",
]
private let customerTrades = ["Bygg", "Elektro", "VVS", "Rør", "Maskin", "Entreprenør", "Tømrer", "Eiendom", "Marine",
                              "Installasjon", "Industri", "Service", "Montasje", "Handel", "Verksted", "Anlegg"]
private let customerForms = ["AS", "ANS", "& Sønn AS", "ApS", "AB", "Oy", "GmbH", "DA"]
private let customerTowns = ["Oslo", "Bergen", "Trondheim", "Tromsø", "Bodø", "Ålesund", "Stavanger", "Kristiansand", "Drammen",
                             "Fredrikstad", "Gjøvik", "Hamar", "Molde", "Førde", "Harstad"]
/// A customer name in a non-Latin script, so every screen and export is exercised with CJK text.
private let cjkCustomerName = "東京精機株式会社"
private let europeanPlaces = ["Nordic", "Baltic", "Hanse", "Skagen", "Bergen", "Malmö", "Gdańsk", "Tallinn", "Rotterdam", "Milano",
                              "Lyon", "Ruhr", "Brno", "Porto", "Vilnius", "Oulu", "Aarhus"]
private let europeanForms = ["AB", "AS", "A/S", "GmbH", "Sp. z o.o.", "Oy", "B.V.", "S.r.l.", "s.r.o."]
private let overseasPlaces = ["Ningbo", "Shenzhen", "Taizhou", "Xiamen", "Taichung", "Busan", "Penang", "Haiphong"]
private let overseasForms = ["Co., Ltd.", "Industrial Co., Ltd.", "Trading Co., Ltd.", "Manufacturing Ltd."]
private let supplierTrades = ["Fasteners", "Electro", "Hardware", "Tools", "Plast", "Safety", "Packaging", "Chemicals", "Metal", "Trading"]

private let salesActors = ["webshop", "edi", "kari", "lars", "mette"]
private let warehouseActors = ["ole", "sofie", "tuan", "anna", "jonas"]
private let purchaseActors = ["bjorn", "ingrid"]
private let cancelReasons = ["customer cancelled: found it elsewhere", "customer cancelled: no longer needed", // not prose: demo data stored in the file, like a customer's own
                             "item discontinued by the supplier", "replaced by an alternative item", // not prose: demo data stored in the file, like a customer's own
                             "customer cancelled: waited too long", "duplicate order line"] // not prose: demo data stored in the file, like a customer's own
private let etaReasons = ["supplier: production delay", "supplier: vessel delayed", "supplier: waiting for raw material", // not prose: demo data stored in the file, like a customer's own
                          "forwarder: customs hold", "supplier: capacity shortage", "supplier confirmed a new date"] // not prose: demo data stored in the file, like a customer's own
private let shortPickNote = "short pick: shelf had less than the books" // not prose: demo data stored in the file, like a customer's own

private func padded(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

// MARK: - the simulation

/// The synthetic warehouse's story, played day by day in memory with the Core rules, then written in bulk.
///
/// Rows refer to each other by array index (id = index + 1), so the write is a plain sequence of inserts in
/// foreign-key order and the journal comes out in time order.
final class DemoStory {
    struct SimItem {
        var sku: String
        var name: String
        var unit: String
        var bin: String
        var minOrderQty: Int
        var packSize: Int
        var supplier: Int
        var leadDays: Int
        /// Units per day the buyers plan with.
        var dailyUnits: Double
        var reorderPoint: Int
        var cycleDays: Int
        /// What customers order on one line: usually near the minimum, now and then up to the maximum.
        var lineQuantity: ClosedRange<Int>
        var onHand = 0, allocated = 0, picked = 0, backordered = 0, incoming = 0
        /// Open PO lines: buyers chase an overdue PO rather than stacking new ones.
        var openArrivals = 0
        /// Lines that waited at some point; entries whose line no longer waits are dropped when read.
        var waiting: [Int32] = []
        var free: Int { onHand - allocated - picked }
    }

    struct SimOrder {
        var number: String
        var customer: Int32
        var day: Int32
        var priority: Int
        var policy: ShipPolicy
        var createdAt: Int64
        var closedAt: Int64?
        var version = 1
        var firstLine: Int32
        var lineCount: Int32
        /// The operation that last raised `version`: an operation raises it once however many lines it touches.
        var lastOp = -1
        var pickPending = false
        var shipPending = false
    }

    struct SimLine {
        var order: Int32
        var lineNo: Int32
        var sku: Int32
        var q: LineQuantities
    }

    struct SimArrival {
        var supplier: Int32
        var po: Int32
        var poLine: Int32
        var sku: Int32
        var quantity: Int
        var received = 0
        var eta: Int
        var createdAt: Int64
        var closedAt: Int64?
        var outstanding: Int { max(0, quantity - received) }
    }

    struct SimETAChange { var arrival: Int32; var old: Int; var new: Int; var at: Int64; var actor: Int32; var reason: Int32 }
    struct SimReceipt { var arrival: Int32; var sku: Int32; var quantity: Int; var at: Int64; var actor: Int32; var note: Int32 }
    struct SimShipment { var order: Int32; var at: Int64; var actor: Int32; var overridden: Bool }
    struct SimShipmentLine { var shipment: Int32; var line: Int32; var quantity: Int }

    /// One journal row; references are indexes, -1 for none.
    struct SimMovement {
        var at: Int64
        var line: Int32
        var sku: Int32
        var arrival: Int32
        var shipment: Int32
        var receipt: Int32
        var actor: Int32
        /// Index into `texts`, or -1 for no note (a receipt's movement takes the receipt's note).
        var note: Int32
        var quantity: Int32
        var kind: MovementKind
        var d: (Int32, Int32, Int32, Int32, Int32, Int32, Int32)
    }

    struct ReceiptEvent { var arrival: Int32; var quantity: Int }
    struct ETAEvent { var arrival: Int32; var eta: Int; var reason: Int32 }
    struct CancelEvent { var order: Int32; var lineNo: Int32 }

    let spec: DemoSpec
    let ctx: Context
    private var rng: SeededRandom
    /// Days simulated: index 0 is 179 days before today, the last index is today.
    let dayCount = 180
    let firstDay: Day
    /// Latest moment a journal row may carry: a clock never runs past `ctx.now` on today.
    private let latestStamp: Int64

    private(set) var items: [SimItem] = []
    private(set) var customers: [(code: String, name: String, priority: Int, policy: ShipPolicy)] = []
    private(set) var suppliers: [String] = []
    /// The day from which a supplier's deliveries stall until after today, for suppliers caught in the crisis.
    private var supplierCrisis: [Int?] = []
    /// Share of suppliers that ship from overseas, and share of those caught in the supply crisis.
    let overseasShare = 0.35
    let crisisShare = 0.75
    /// Steepness of the item popularity curve: about 80 % of the lines go to 10 % of the items.
    let popularityExponent = 1.0
    private(set) var orders: [SimOrder] = []
    private(set) var lines: [SimLine] = []
    private(set) var arrivals: [SimArrival] = []
    private(set) var poNumbers: [String] = []
    private(set) var etaChanges: [SimETAChange] = []
    private(set) var receipts: [SimReceipt] = []
    private(set) var shipments: [SimShipment] = []
    private(set) var shipmentLines: [SimShipmentLine] = []
    private(set) var movements: [SimMovement] = []
    /// Actor names and free texts (notes, reasons) that rows point into.
    private(set) var texts: [String] = []
    private var textIndex: [String: Int32] = [:]
    private(set) var hot = 0

    private var skuWeights: [Double] = []
    private var customerWeights: [Double] = []
    private var pickDue: [[Int32]]
    private var shipDue: [[Int32]]
    private var receiptDue: [[ReceiptEvent]]
    private var etaDue: [[ETAEvent]]
    private var cancelDue: [[CancelEvent]]
    private var dayISO: [Int: String] = [:]

    // The clock of the day being played.
    private var today = 0
    private var picksDone = false, shipsDone = false
    private var opId = 0
    private var clock: Int64 = 0
    private var secondsPerOperation = 60.0
    private var stamp: Int64 = 0
    private var actor: Int32 = 0
    private var touchedToday: [Int32] = []
    private var touchedMark: [Int] = []

    init(spec: DemoSpec, ctx: Context) {
        self.spec = spec
        self.ctx = ctx
        rng = SeededRandom(seed: spec.seed)
        firstDay = ctx.today.adding(days: -(dayCount - 1))
        let todayStart = Int64(ctx.today.ordinal) * 86_400
        latestStamp = ctx.now.unixTime >= todayStart && ctx.now.unixTime < todayStart + 86_400 ? ctx.now.unixTime : todayStart + 86_399
        pickDue = Array(repeating: [], count: dayCount)
        shipDue = Array(repeating: [], count: dayCount)
        receiptDue = Array(repeating: [], count: dayCount)
        etaDue = Array(repeating: [], count: dayCount)
        cancelDue = Array(repeating: [], count: dayCount)
    }

    // MARK: master data

    private func text(_ s: String) -> Int32 {
        if let i = textIndex[s] { return i }
        let i = Int32(texts.count)
        texts.append(s)
        textIndex[s] = i
        return i
    }

    /// Lines per order, 1–10, averaging about 5.
    private let lineCountWeights: [Double] = {
        var total = 0.0
        return [14, 12, 11, 10, 10, 10, 9, 9, 8, 7].map { total += $0; return total }
    }()

    private func makeMasterData() {
        let n = spec.orderLines
        let itemCount = max(20, n / 50)
        let customerCount = max(12, n / 500)
        let supplierCount = max(4, itemCount / 100)

        // European suppliers deliver within days; overseas ones ship by sea, and most of those are caught in the crisis.
        // Fixed shares (at least one of each) drawn over a shuffled list, so even a tiny warehouse tells the same story.
        var supplierOrder = Array(0..<supplierCount)
        for i in stride(from: supplierCount - 1, to: 0, by: -1) { supplierOrder.swapAt(i, rng.below(i + 1)) }
        let overseasCount = max(1, Int((Double(supplierCount) * overseasShare).rounded()))
        let crisisCount = max(1, Int((Double(overseasCount) * crisisShare).rounded()))
        var supplierRank = Array(repeating: 0, count: supplierCount)
        for (rank, s) in supplierOrder.enumerated() { supplierRank[s] = rank }
        var seenSuppliers = Set<String>()
        var supplierLead: [Int] = []
        for s in 0..<supplierCount {
            let overseas = supplierRank[s] < overseasCount
            var name = overseas ? "\(rng.pick(overseasPlaces)) \(rng.pick(supplierTrades)) \(rng.pick(overseasForms))"
                                : "\(rng.pick(europeanPlaces)) \(rng.pick(supplierTrades)) \(rng.pick(europeanForms))"
            if seenSuppliers.contains(name) { name += " \(s + 1)" }
            seenSuppliers.insert(name)
            suppliers.append(name)
            supplierLead.append(overseas ? rng.int(20...35) : rng.int(1...5))
            supplierCrisis.append(supplierRank[s] < crisisCount ? rng.int((dayCount - 140)...(dayCount - 70)) : nil)
        }

        // Popularity follows a power law over a shuffled ranking, so busy SKUs are scattered over the catalogue.
        var rank = Array(0..<itemCount)
        for i in stride(from: itemCount - 1, to: 0, by: -1) { rank.swapAt(i, rng.below(i + 1)) }
        hot = rng.below(itemCount)
        var weights = (0..<itemCount).map { 1.0 / pow(Double(rank[$0] + 8), popularityExponent) }
        let others = weights.enumerated().reduce(0.0) { $0 + ($1.offset == hot ? 0 : $1.element) }
        // The hot item takes 1.5 % of all lines: about 80 lines a day per million lines generated.
        weights[hot] = others * 0.015 / 0.985
        let linesPerDay = Double(n) / Double(dayCount)
        let totalWeight = weights.reduce(0, +)

        var cumulative = 0.0
        for i in 0..<itemCount {
            let kind = itemKinds[rng.below(itemKinds.count)]
            let name = ([kind.name] + kind.variants.map { rng.pick($0) }).joined(separator: " ")
            let pack = rng.pick(kind.packs)
            let lineQuantity = kind.lineQuantity.lowerBound...rng.int(kind.lineQuantity)
            let meanQuantity = Double(lineQuantity.lowerBound) + Double(lineQuantity.count) / 3.0
            let supplier = rng.below(supplierCount)
            let lead = max(1, supplierLead[supplier] + rng.int(-1...2))
            let daily = linesPerDay * weights[i] / totalWeight * meanQuantity
            // Buyers' safety margins vary: most items are well covered, some are reordered late and run out.
            let safetyDays: Double
            switch rng.unit() {
            case ..<0.40: safetyDays = Double(lead) * 0.5 + 7
            case ..<0.70: safetyDays = 0
            default: safetyDays = -Double(lead) * 0.5
            }
            let reorderPoint = max(0, Int((daily * (Double(lead) + safetyDays)).rounded()))
            // Fast movers are bought every few weeks, slow movers a few times a year.
            let percentile = Double(rank[i]) / Double(itemCount)
            let cycle = percentile < 0.1 ? rng.int(10...30) : percentile < 0.4 ? rng.int(30...60) : rng.int(60...150)
            let bin = String(UnicodeScalar(UInt8(65 + rng.below(26)))) + "-" + padded(rng.int(1...60), 2) + "-" + padded(rng.int(1...8), 2)
            var item = SimItem(sku: "SKU-" + padded(i + 1, 6), name: name, unit: kind.unit, bin: bin,
                               minOrderQty: pack * rng.pick([1, 1, 2, 4, 10]), packSize: pack, supplier: supplier, leadDays: lead,
                               dailyUnits: daily, reorderPoint: reorderPoint, cycleDays: cycle, lineQuantity: lineQuantity)
            if i == hot {
                // A fast mover restocked often, whose supplier falls behind at the end (see `placeOrders`).
                item.cycleDays = 10
                item.leadDays = 21
                item.reorderPoint = Int((daily * 28).rounded())
            }
            items.append(item)
            cumulative += weights[i]
            skuWeights.append(cumulative)
        }
        touchedMark = Array(repeating: -1, count: itemCount)

        // Customer names are distinct combinations; a few carry æøå and one is written in CJK.
        let combinations = customerSurnames.count * customerTrades.count * customerForms.count
        let stride = 7_919 // prime, coprime with the combination count: walks every combination once
        let offset = rng.below(combinations)
        var cumulativeCustomers = 0.0
        for i in 0..<customerCount {
            let k = (offset + i * stride) % combinations
            var surname = customerSurnames[k % customerSurnames.count]
            if i < 4 { surname = ["Bjørnstad", "Ødegård", "Åsheim", "Brændeland"][i] }
            var name = "\(surname) \(customerTrades[(k / customerSurnames.count) % customerTrades.count]) \(customerForms[k / (customerSurnames.count * customerTrades.count)])"
            if i >= combinations { name += ", " + customerTowns[(i / combinations) % customerTowns.count] }
            if i == 7 { name = cjkCustomerName }
            let priority: Int
            switch rng.unit() {
            case ..<0.70: priority = 5
            case ..<0.80: priority = 3
            case ..<0.85: priority = 2
            case ..<0.88: priority = 4
            case ..<0.94: priority = 6
            default: priority = rng.int(7...9)
            }
            let policy: ShipPolicy = rng.chance(0.04) ? .complete : .partial
            customers.append(("C-" + padded(i + 1, 5), name, priority, policy))
            // A few large accounts place most orders.
            cumulativeCustomers += 1.0 / Double(rng.int(1...40))
            customerWeights.append(cumulativeCustomers)
        }
    }

    // MARK: clock and journal

    private func iso(_ dayIndex: Int) -> String {
        if let s = dayISO[dayIndex] { return s }
        let s = firstDay.adding(days: dayIndex).iso
        dayISO[dayIndex] = s
        return s
    }

    private func isWorkday(_ dayIndex: Int) -> Bool { (firstDay.ordinal + dayIndex + 3) % 7 < 5 } // 1970-01-01 was a Thursday

    private func workday(from dayIndex: Int) -> Int {
        var d = dayIndex
        while !isWorkday(d) { d += 1 }
        return d
    }

    /// Starts an operation: a moment a little later than the previous one, and who does it.
    private func beginOperation(_ who: [String]) {
        opId += 1
        clock += Int64(max(1, (secondsPerOperation * (0.5 + rng.unit())).rounded()))
        stamp = min(Int64(firstDay.ordinal + today) * 86_400 + min(clock, 86_399), latestStamp)
        actor = text(rng.pick(who))
    }

    private func touch(_ order: Int32) {
        if orders[Int(order)].lastOp != opId {
            orders[Int(order)].version += 1
            orders[Int(order)].lastOp = opId
        }
    }

    private func markDemand(_ sku: Int32) {
        if touchedMark[Int(sku)] != today {
            touchedMark[Int(sku)] = today
            touchedToday.append(sku)
        }
    }

    /// Journals a movement and applies it to its line (none when `line` is -1) and to the item `sku`, as OperationTx.apply does.
    private func apply(_ m: PlannedMovement, line: Int32, sku: Int32, arrival: Int32 = -1, shipment: Int32 = -1, receipt: Int32 = -1,
                       note: Int32) {
        let d = m.delta
        movements.append(SimMovement(at: stamp, line: line, sku: sku, arrival: arrival, shipment: shipment, receipt: receipt,
                                     actor: actor, note: note, quantity: Int32(m.quantity), kind: m.kind,
                                     d: (Int32(d.ordered), Int32(d.allocated), Int32(d.picked), Int32(d.shipped),
                                         Int32(d.backordered), Int32(d.cancelled), Int32(d.onHand))))
        if line >= 0 {
            let before = lines[Int(line)].q.backordered
            lines[Int(line)].q = lines[Int(line)].q.applying(d)
            if before == 0 && lines[Int(line)].q.backordered > 0 { items[Int(sku)].waiting.append(line) }
            touch(lines[Int(line)].order)
        }
        items[Int(sku)].onHand += d.onHand
        items[Int(sku)].allocated += d.allocated
        items[Int(sku)].picked += d.picked
        items[Int(sku)].backordered += d.backordered
    }

    private func stockMovement(sku: Int, kind: MovementKind, change: Int, arrival: Int32 = -1, receipt: Int32 = -1, note: Int32) {
        apply(PlannedMovement(lineId: nil, sku: items[sku].sku, kind: kind, quantity: abs(change), delta: Delta(onHand: change)),
              line: -1, sku: Int32(sku), arrival: arrival, receipt: receipt, note: note)
    }

    private func orderLines(_ o: Int32) -> [OrderLine] {
        let order = orders[Int(o)]
        return (0..<Int(order.lineCount)).map { k in
            let i = Int(order.firstLine) + k
            return OrderLine(id: Int64(i), lineNo: Int(lines[i].lineNo), sku: items[Int(lines[i].sku)].sku, itemName: "", quantities: lines[i].q)
        }
    }

    private func openUnits(_ o: Int32) -> Int { orderLines(o).reduce(0) { $0 + $1.quantities.open } }

    private func closeIfDone(_ o: Int32) {
        if orders[Int(o)].closedAt == nil && openUnits(o) == 0 { orders[Int(o)].closedAt = stamp }
    }

    // MARK: scheduling

    private func schedulePick(_ o: Int32) {
        guard !orders[Int(o)].pickPending else { return }
        let r = rng.unit()
        var d = workday(from: today + (r < 0.35 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : rng.int(3...4)))
        if d == today && picksDone { d = workday(from: today + 1) }
        guard d < dayCount else { return }
        orders[Int(o)].pickPending = true
        pickDue[d].append(o)
    }

    private func scheduleShip(_ o: Int32) {
        guard !orders[Int(o)].shipPending else { return }
        var d = workday(from: today + (rng.chance(0.7) ? 0 : 1))
        if d == today && shipsDone { d = workday(from: today + 1) }
        guard d < dayCount else { return }
        orders[Int(o)].shipPending = true
        shipDue[d].append(o)
    }

    // MARK: operations

    /// Serves waiting lines of a SKU from its free stock in the stated priority (OperationTx.allocateFree).
    private func allocateFree(_ sku: Int) {
        guard items[sku].free > 0, items[sku].backordered > 0 else { return }
        // A line served earlier and short-picked later was listed twice: keep each waiting line once.
        items[sku].waiting = Set(items[sku].waiting.filter { lines[Int($0)].q.backordered > 0 }).sorted()
        let waiting = items[sku].waiting.map { i -> WaitingLine in
            let l = lines[Int(i)], o = orders[Int(l.order)]
            return WaitingLine(lineId: Int64(i), orderNumber: o.number, lineNo: Int(l.lineNo), priority: o.priority,
                               orderDate: firstDay.adding(days: Int(o.day)), backordered: l.q.backordered)
        }
        for grant in Rules.distribute(items[sku].free, to: waiting) {
            let line = Int32(grant.lineId)
            apply(PlannedMovement(lineId: grant.lineId, sku: items[sku].sku, kind: .allocate, quantity: grant.quantity,
                                  delta: Delta(allocated: grant.quantity, backordered: -grant.quantity)), line: line, sku: Int32(sku), note: -1)
            schedulePick(lines[Int(line)].order)
        }
    }

    private func createOrder(customer: Int) {
        beginOperation(salesActors)
        let c = customers[customer]
        var count = rng.weighted(lineCountWeights) + 1
        count = min(count, spec.orderLines - lines.count)
        var skus: [Int32] = []
        while skus.count < count {
            var s = Int32(rng.weighted(skuWeights))
            // An order names each item once; a repeat draw becomes its neighbour in the catalogue.
            while skus.contains(s) { s = (s + 1) % Int32(items.count) }
            skus.append(s)
        }
        let requested = skus.map { s -> NewOrderLine in
            let range = items[Int(s)].lineQuantity
            let quantity = range.lowerBound + min(range.count - 1, Int(Double(range.count) * pow(rng.unit(), 2)))
            return NewOrderLine(sku: items[Int(s)].sku, quantity: quantity)
        }
        var free: [String: Int] = [:]
        for s in skus { free[items[Int(s)].sku] = items[Int(s)].free }
        let quantities = Rules.allocateNewLines(requested, free: free)

        let o = Int32(orders.count)
        let rush = rng.chance(0.04)
        let policy: ShipPolicy = c.policy == .complete || rng.chance(0.01) ? .complete : .partial
        orders.append(SimOrder(number: "SO-" + padded(orders.count + 1, 6), customer: Int32(customer), day: Int32(today),
                               priority: rush ? rng.int(1...2) : c.priority, policy: policy, createdAt: stamp, closedAt: nil,
                               firstLine: Int32(lines.count), lineCount: Int32(count)))
        var anyAllocated = false, anyWaiting = false
        for (k, q) in quantities.enumerated() {
            let line = Int32(lines.count)
            lines.append(SimLine(order: o, lineNo: Int32(k + 1), sku: skus[k], q: LineQuantities()))
            apply(PlannedMovement(lineId: Int64(line), sku: requested[k].sku, kind: .order, quantity: q.ordered,
                                  delta: Delta(ordered: q.ordered, allocated: q.allocated, backordered: q.backordered)), line: line, sku: skus[k], note: -1)
            anyAllocated = anyAllocated || q.allocated > 0
            anyWaiting = anyWaiting || q.backordered > 0
            markDemand(skus[k])
            // Some customers give up on a backorder after a while: the whole remainder or one line.
            if q.backordered > 0 && rng.chance(0.05) {
                let d = workday(from: today + rng.int(5...45))
                if d < dayCount { cancelDue[d].append(CancelEvent(order: o, lineNo: rng.chance(0.5) ? Int32(k + 1) : 0)) }
            }
        }
        if anyAllocated && !(policy == .complete && anyWaiting) { schedulePick(o) }
    }

    private func pick(_ o: Int32) throws {
        orders[Int(o)].pickPending = false
        guard orders[Int(o)].closedAt == nil else { return }
        let current = orderLines(o)
        guard current.contains(where: { $0.quantities.allocated > 0 }) else { return }
        // A ship-complete order is picked once everything is there.
        if orders[Int(o)].policy == .complete && current.contains(where: { $0.quantities.backordered > 0 }) { return }
        beginOperation(warehouseActors)
        let entries = current.filter { $0.quantities.allocated > 0 }.map { l -> PickEntry in
            let a = l.quantities.allocated
            let missing = rng.chance(0.004) ? rng.int(1...a) : 0
            return PickEntry(lineNo: l.lineNo, picked: a - missing, missing: missing)
        }
        var shortSkus: [Int32] = []
        for m in try Rules.planPick(lines: current, entries: entries) {
            let line = Int32(m.lineId!)
            apply(m, line: line, sku: lines[Int(line)].sku, note: m.kind == .shortPick ? text(shortPickNote) : -1)
            if m.kind == .shortPick { shortSkus.append(lines[Int(line)].sku); markDemand(lines[Int(line)].sku) }
        }
        for s in shortSkus.sorted(by: { items[Int($0)].sku < items[Int($1)].sku }) { allocateFree(Int(s)) }
        scheduleShip(o)
    }

    private func ship(_ o: Int32) throws {
        orders[Int(o)].shipPending = false
        guard orders[Int(o)].closedAt == nil else { return }
        let current = orderLines(o)
        guard current.contains(where: { $0.quantities.picked > 0 }) else { return }
        let policy = orders[Int(o)].policy
        let isPartial = current.contains { $0.quantities.allocated + $0.quantities.backordered > 0 }
        // A ship-complete order waits for the rest, unless the customer asks for what is there (an override).
        let override = policy == .complete && isPartial && rng.chance(0.05)
        if policy == .complete && isPartial && !override { return }
        beginOperation(warehouseActors)
        let moves = try Rules.planShipment(policy: policy, lines: current, override: override)
        let s = Int32(shipments.count)
        shipments.append(SimShipment(order: o, at: stamp, actor: actor, overridden: policy == .complete && isPartial))
        for m in moves {
            let line = Int32(m.lineId!)
            shipmentLines.append(SimShipmentLine(shipment: s, line: line, quantity: m.quantity))
            apply(m, line: line, sku: lines[Int(line)].sku, shipment: s, note: -1)
        }
        closeIfDone(o)
    }

    private func cancel(_ event: CancelEvent) throws {
        let o = event.order
        guard orders[Int(o)].closedAt == nil else { return }
        let current = orderLines(o)
        let lineNo: Int? = event.lineNo == 0 ? nil : Int(event.lineNo)
        guard current.contains(where: { $0.quantities.backordered > 0 && (lineNo == nil || $0.lineNo == lineNo) }) else { return }
        beginOperation(salesActors)
        let reason = text(rng.pick(cancelReasons))
        for m in try Rules.planCancel(lines: current, lineNo: lineNo, scope: .backordered) {
            let line = Int32(m.lineId!)
            apply(m, line: line, sku: lines[Int(line)].sku, note: reason)
        }
        closeIfDone(o)
        if orders[Int(o)].closedAt == nil {
            let after = orderLines(o)
            if after.contains(where: { $0.quantities.allocated > 0 }) { schedulePick(o) }
            if after.contains(where: { $0.quantities.picked > 0 }) { scheduleShip(o) }
        }
    }

    private func receive(_ event: ReceiptEvent) {
        let a = Int(event.arrival)
        guard arrivals[a].closedAt == nil else { return }
        beginOperation(warehouseActors)
        let sku = Int(arrivals[a].sku)
        let r = Int32(receipts.count)
        receipts.append(SimReceipt(arrival: event.arrival, sku: Int32(sku), quantity: event.quantity, at: stamp, actor: actor, note: -1))
        let outstanding = arrivals[a].outstanding
        arrivals[a].received += event.quantity
        if event.quantity >= outstanding {
            arrivals[a].closedAt = stamp
            items[sku].openArrivals -= 1
        }
        items[sku].incoming -= min(event.quantity, outstanding)
        stockMovement(sku: sku, kind: .receive, change: event.quantity, arrival: event.arrival, receipt: r, note: -1)
        allocateFree(sku)
    }

    private func changeETA(_ event: ETAEvent) {
        let a = Int(event.arrival)
        guard arrivals[a].closedAt == nil, arrivals[a].eta != event.eta else { return }
        beginOperation(purchaseActors)
        etaChanges.append(SimETAChange(arrival: event.arrival, old: arrivals[a].eta, new: event.eta, at: stamp, actor: actor, reason: event.reason))
        arrivals[a].eta = event.eta
    }

    /// A customer return: an unplanned receipt that goes to waiting lines first.
    private func customerReturn() {
        let sku = rng.weighted(skuWeights)
        beginOperation(warehouseActors)
        let r = Int32(receipts.count)
        let quantity = rng.int(1...3)
        receipts.append(SimReceipt(arrival: -1, sku: Int32(sku), quantity: quantity, at: stamp, actor: actor, note: text("customer return"))) // not prose: demo data stored in the file, like a customer's own
        stockMovement(sku: sku, kind: .receive, change: quantity, receipt: r, note: -1)
        allocateFree(sku)
    }

    /// A cycle count that finds a few units more or fewer than the books (never below what orders hold).
    private func cycleCount() {
        let sku = rng.below(items.count)
        let change = rng.chance(0.5) ? rng.int(1...3) : -rng.int(1...3)
        guard items[sku].onHand + change >= items[sku].allocated + items[sku].picked else { return }
        beginOperation(warehouseActors)
        stockMovement(sku: sku, kind: .adjust, change: change, note: text(change > 0 ? "cycle count: found on the shelf" : "cycle count: damaged or missing")) // not prose: demo data stored in the file, like a customer's own
        if change > 0 { allocateFree(sku) } else { markDemand(Int32(sku)) }
    }

    /// Evening purchasing run: items whose stock position fell to the reorder point get a PO line, grouped per supplier.
    private func placeOrders(_ candidates: [Int32]) {
        var poOfSupplier: [Int: (po: Int32, lines: Int32)] = [:]
        for s in candidates.sorted() {
            let i = Int(s)
            let item = items[i]
            let position = item.free + item.incoming - item.backordered
            // Only fast movers have a second PO in flight, and never at a supplier in crisis.
            let inCrisis = supplierCrisis[item.supplier].map { $0 <= today } ?? false
            guard position <= item.reorderPoint, item.openArrivals < (item.cycleDays <= 30 && !inCrisis ? 2 : 1) else { continue }
            let target = Double(item.reorderPoint) + item.dailyUnits * Double(item.cycleDays)
            let pack = item.packSize
            let quantity = max(item.minOrderQty, (max(1, Int(target.rounded(.up)) - position) + pack - 1) / pack * pack)
            if poOfSupplier[item.supplier] == nil {
                beginOperation(purchaseActors)
                poOfSupplier[item.supplier] = (Int32(poNumbers.count), 0)
                poNumbers.append("PO-" + padded(poNumbers.count + 1, 6))
            }
            poOfSupplier[item.supplier]!.lines += 1
            let (po, poLine) = poOfSupplier[item.supplier]!
            let eta = today + item.leadDays
            let a = Int32(arrivals.count)
            arrivals.append(SimArrival(supplier: Int32(item.supplier), po: po, poLine: poLine, sku: s, quantity: quantity, eta: eta, createdAt: stamp))
            items[i].incoming += quantity
            items[i].openArrivals += 1
            planDelivery(a)
        }
    }

    /// Decides when the supplier really delivers, what it announces before, and whether it delivers in parts.
    private func planDelivery(_ a: Int32) {
        let arrival = arrivals[Int(a)]
        let eta = arrival.eta
        var delay: Int
        switch rng.unit() {
        case ..<0.03: delay = -rng.int(1...3)
        case ..<0.58: delay = 0
        case ..<0.78: delay = rng.int(1...3)
        case ..<0.92: delay = rng.int(4...14)
        default: delay = rng.int(15...45)
        }
        // The hot item's supplier falls behind: nothing of it arrives in the last 45 days.
        if Int(arrival.sku) == hot && eta + delay >= dayCount - 45 { delay = max(delay, dayCount + rng.int(3...25) - eta) }
        if let crisis = supplierCrisis[Int(arrival.supplier)], eta + delay >= crisis { delay = max(delay, dayCount + rng.int(3...30) - eta) }
        let actual = max(today + 1, eta + delay)
        if delay >= 4 && rng.chance(0.65) {
            let reason = text(rng.pick(etaReasons))
            let first = max(today + 1, eta - rng.int(0...5))
            if delay >= 12 && rng.chance(0.4) {
                // Announced twice: first a guess, then the real date.
                let guess = eta + delay / 2
                schedule(eta: ETAEvent(arrival: a, eta: guess, reason: reason), on: first)
                schedule(eta: ETAEvent(arrival: a, eta: actual, reason: text(rng.pick(etaReasons))), on: max(first + 1, guess - rng.int(0...3)))
            } else {
                schedule(eta: ETAEvent(arrival: a, eta: actual, reason: reason), on: first)
            }
        }
        let quantity = arrival.quantity
        let pack = items[Int(arrival.sku)].packSize
        if quantity > pack && rng.chance(0.08) {
            let firstPart = max(1, Int(Double(quantity) * (0.4 + 0.5 * rng.unit())) / pack * pack)
            schedule(receipt: ReceiptEvent(arrival: a, quantity: min(firstPart, quantity - 1)), on: actual)
            // Now and then the rest never comes: the PO line stays open and late.
            if rng.chance(0.9) { schedule(receipt: ReceiptEvent(arrival: a, quantity: quantity - min(firstPart, quantity - 1)), on: actual + rng.int(3...14)) }
        } else {
            schedule(receipt: ReceiptEvent(arrival: a, quantity: quantity + (rng.chance(0.02) ? pack : 0)), on: actual)
        }
    }

    private func schedule(receipt: ReceiptEvent, on day: Int) {
        let d = workday(from: day)
        if d < dayCount { receiptDue[d].append(receipt) }
    }

    private func schedule(eta: ETAEvent, on day: Int) {
        if day < dayCount { etaDue[day].append(eta) }
    }

    // MARK: the story

    func run() throws {
        makeMasterData()
        let n = spec.orderLines
        // Opening stock, counted the evening before the first day.
        today = -1
        clock = 20 * 3_600
        secondsPerOperation = 1
        for i in items.indices {
            let item = items[i]
            let onHand: Int
            if i == hot || rng.chance(0.85) {
                let cover = Double(item.reorderPoint) + item.dailyUnits * Double(item.cycleDays) * (0.3 + 0.7 * rng.unit())
                onHand = Int(cover.rounded(.up)) / max(1, item.packSize) * item.packSize
            } else {
                onHand = 0
            }
            guard onHand > 0 else { continue }
            actor = text("admin")
            opId += 1
            stamp = Int64(firstDay.ordinal - 1) * 86_400 + clock
            stockMovement(sku: i, kind: .adjust, change: onHand, note: text("opening stock")) // not prose: demo data stored in the file, like a customer's own
        }

        // Orders per day: weekdays busier than weekends, slowly growing.
        let dayWeights = (0..<dayCount).map { d -> Double in
            let weekday = (firstDay.ordinal + d + 3) % 7
            return (weekday < 5 ? 1.0 : weekday == 5 ? 0.35 : 0.2) * (0.9 + 0.2 * Double(d) / Double(dayCount))
        }
        let weightTotal = dayWeights.reduce(0, +)
        let opsPerDay = max(1.0, Double(n) / 5.0 / Double(dayCount) * 3.2)
        var cumulativeWeight = 0.0
        for d in 0..<dayCount {
            today = d
            picksDone = false; shipsDone = false
            touchedToday.removeAll(keepingCapacity: true)
            clock = 6 * 3_600 + 1_800
            secondsPerOperation = 15.0 * 3_600 / opsPerDay
            // The first evening's purchasing run looks at every item.
            if d == 0 { for i in items.indices { markDemand(Int32(i)) } }

            // Morning: goods in, then news from suppliers.
            for e in receiptDue[d] { receive(e) }
            for e in etaDue[d] { changeETA(e) }
            // Picking lists of the morning.
            var p = 0
            while p < pickDue[d].count { try pick(pickDue[d][p]); p += 1 }
            // Orders come in during the day.
            cumulativeWeight += dayWeights[d]
            let target = d == dayCount - 1 ? n : min(n, Int((Double(n) * cumulativeWeight / weightTotal).rounded()))
            while lines.count < target { createOrder(customer: rng.weighted(customerWeights)) }
            // Same-day picks, then the afternoon's shipments.
            while p < pickDue[d].count { try pick(pickDue[d][p]); p += 1 }
            picksDone = true
            var s = 0
            while s < shipDue[d].count { try ship(shipDue[d][s]); s += 1 }
            shipsDone = true
            for e in cancelDue[d] { try cancel(e) }
            if isWorkday(d) {
                for _ in 0..<poissonish(Double(items.count) * 0.0005) { customerReturn() }
                for _ in 0..<poissonish(Double(items.count) * 0.001) { cycleCount() }
            }
            placeOrders(touchedToday)
        }
    }

    /// A count near `mean` that still yields occasional events when the mean is below one.
    private func poissonish(_ mean: Double) -> Int {
        let whole = Int(mean)
        return whole + (rng.chance(mean - Double(whole)) ? 1 : 0)
    }

    // MARK: summary

    var summary: DemoSummary {
        var s = DemoSummary()
        s.items = items.count
        s.customers = customers.count
        s.orders = orders.count
        s.openOrders = orders.reduce(0) { $0 + ($1.closedAt == nil ? 1 : 0) }
        s.orderLines = lines.count
        s.backorderLines = lines.reduce(0) { $0 + ($1.q.backordered > 0 ? 1 : 0) }
        s.openArrivals = arrivals.reduce(0) { $0 + ($1.closedAt == nil ? 1 : 0) }
        s.lateArrivals = arrivals.reduce(0) { $0 + ($1.closedAt == nil && $1.eta < dayCount - 1 ? 1 : 0) }
        s.movements = movements.count
        s.shipments = shipments.count
        s.receipts = receipts.count
        s.etaChanges = etaChanges.count
        var waitingPerItem = Array(repeating: 0, count: items.count)
        for l in lines where l.q.backordered > 0 { waitingPerItem[Int(l.sku)] += 1 }
        if let top = waitingPerItem.indices.max(by: { (waitingPerItem[$0], $1) < (waitingPerItem[$1], $0) }), waitingPerItem[top] > 0 {
            s.hotSku = items[top].sku
            s.hotWaitingLines = waitingPerItem[top]
        }
        return s
    }

    // MARK: writing

    /// Inserts every row, parents before children, with one prepared statement per table.
    /// Rows in the journal.
    var journalCount: Int { movements.count }

    /// Writes every table, and the journal up to (not including) row `journalBefore`.
    func write(_ db: Database, journalBefore: Int) throws {
        let insertItem = try db.makeStatement(sql: """
            INSERT INTO item (sku, name, unit, bin, on_hand, allocated, picked, backordered, incoming, min_order_qty, pack_size)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in items {
            try insertItem.execute(arguments: [item.sku, item.name, item.unit, item.bin, item.onHand, item.allocated, item.picked,
                                               item.backordered, item.incoming, item.minOrderQty, item.packSize])
        }
        let insertCustomer = try db.makeStatement(sql: "INSERT INTO customer (code, name) VALUES (?, ?)")
        for c in customers { try insertCustomer.execute(arguments: [c.code, c.name]) }

        let insertOrder = try db.makeStatement(sql: """
            INSERT INTO orders (id, number, customer, order_date, priority, policy, created_at, closed_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, o) in orders.enumerated() {
            try insertOrder.execute(arguments: [i + 1, o.number, customers[Int(o.customer)].code, iso(Int(o.day)), o.priority,
                                                o.policy.rawValue, o.createdAt, o.closedAt, o.version])
        }
        let insertLine = try db.makeStatement(sql: """
            INSERT INTO order_line (id, order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, picked, shipped,
                backordered, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, l) in lines.enumerated() {
            let o = orders[Int(l.order)]
            try insertLine.execute(arguments: [i + 1, Int(l.order) + 1, l.lineNo, items[Int(l.sku)].sku, o.priority, iso(Int(o.day)),
                                               o.number, l.q.ordered, l.q.allocated, l.q.picked, l.q.shipped, l.q.backordered,
                                               l.q.cancelled])
        }
        // The waiting queue in key order, so each row is appended to the table's last page instead of inserted at random.
        let promised = promisedDates()
        let queue = lines.indices.filter { lines[$0].q.backordered > 0 }.map { i -> (key: (String, Int, String, String, Int), line: Int) in
            let l = lines[i], o = orders[Int(l.order)]
            return ((items[Int(l.sku)].sku, o.priority, iso(Int(o.day)), o.number, Int(l.lineNo)), i)
        }.sorted { $0.key < $1.key }
        let insertWaiting = try db.makeStatement(sql: """
            INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered, promised)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (k, i) in queue {
            try insertWaiting.execute(arguments: [k.0, k.1, k.2, k.3, k.4, i + 1, Int(lines[i].order) + 1, lines[i].q.backordered, promised[i]])
        }

        let insertArrival = try db.makeStatement(sql: """
            INSERT INTO arrival (id, supplier, po_number, po_line, sku, quantity, received, eta, created_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, a) in arrivals.enumerated() {
            try insertArrival.execute(arguments: [i + 1, suppliers[Int(a.supplier)], poNumbers[Int(a.po)], a.poLine, items[Int(a.sku)].sku,
                                                  a.quantity, a.received, iso(a.eta), a.createdAt, a.closedAt])
        }
        let insertETAChange = try db.makeStatement(sql: """
            INSERT INTO eta_change (id, arrival_id, old_eta, new_eta, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, e) in etaChanges.enumerated() {
            try insertETAChange.execute(arguments: [i + 1, Int(e.arrival) + 1, iso(e.old), iso(e.new), e.at, texts[Int(e.actor)], texts[Int(e.reason)]])
        }
        let insertReceipt = try db.makeStatement(sql: """
            INSERT INTO receipt (id, number, arrival_id, sku, quantity, at, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, r) in receipts.enumerated() {
            try insertReceipt.execute(arguments: [i + 1, receiptNumber(i), r.arrival < 0 ? nil : Int(r.arrival) + 1, items[Int(r.sku)].sku,
                                                  r.quantity, r.at, texts[Int(r.actor)], r.note < 0 ? "" : texts[Int(r.note)]])
        }
        let insertShipment = try db.makeStatement(sql: """
            INSERT INTO shipment (id, number, order_id, at, actor, overridden) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (i, s) in shipments.enumerated() {
            try insertShipment.execute(arguments: [i + 1, shipmentNumber(i), Int(s.order) + 1, s.at, texts[Int(s.actor)], s.overridden])
        }
        let insertShipmentLine = try db.makeStatement(sql: "INSERT INTO shipment_line (shipment_id, line_id, quantity) VALUES (?, ?, ?)")
        for l in shipmentLines { try insertShipmentLine.execute(arguments: [Int(l.shipment) + 1, Int(l.line) + 1, l.quantity]) }

        try writeJournal(db, from: 0, to: journalBefore)
    }

    /// Writes journal rows `from` up to (not including) `to`, by default the last.
    func writeJournal(_ db: Database, from start: Int, to end: Int? = nil) throws {
        let insertMovement = try db.makeStatement(sql: """
            INSERT INTO movement (id, at, actor, kind, sku, quantity, line_id, arrival_id, shipment_id, receipt_id,
                d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        func ref(_ i: Int32) -> Int? { i < 0 ? nil : Int(i) + 1 }
        for i in start..<(end ?? movements.count) {
            let m = movements[i]
            // A receipt's movement carries the receipt's own note, as Warehouse.receive journals it.
            let noteIndex = m.kind == .receive ? receipts[Int(m.receipt)].note : m.note
            let note = noteIndex < 0 ? "" : texts[Int(noteIndex)]
            try insertMovement.execute(arguments: [i + 1, m.at, texts[Int(m.actor)], m.kind.rawValue, items[Int(m.sku)].sku, m.quantity,
                                                   ref(m.line), ref(m.arrival), ref(m.shipment), ref(m.receipt),
                                                   m.d.0, m.d.1, m.d.2, m.d.3, m.d.4, m.d.5, m.d.6, note])
        }
    }

    /// Each line's stored promised date, as Pegging keeps it: the day (or "-") for a waiting line, nil for any other.
    private func promisedDates() -> [String?] {
        var promised = [String?](repeating: nil, count: lines.count)
        var openArrivals = [[Arrival]](repeating: [], count: items.count)
        for (i, a) in arrivals.enumerated() where a.closedAt == nil {
            openArrivals[Int(a.sku)].append(Arrival(id: Int64(i + 1), supplier: suppliers[Int(a.supplier)], poNumber: poNumbers[Int(a.po)],
                                                    poLine: Int(a.poLine), sku: items[Int(a.sku)].sku, quantity: a.quantity,
                                                    received: a.received, eta: firstDay.adding(days: a.eta), closedAt: nil))
        }
        for (s, item) in items.enumerated() where item.backordered > 0 {
            let waiting = Set(item.waiting).filter { lines[Int($0)].q.backordered > 0 }.sorted().map { i -> WaitingLine in
                let l = lines[Int(i)], o = orders[Int(l.order)]
                return WaitingLine(lineId: Int64(i), orderNumber: o.number, lineNo: Int(l.lineNo), priority: o.priority,
                                   orderDate: firstDay.adding(days: Int(o.day)), backordered: l.q.backordered)
            }
            for (line, day) in Rules.peg(waiting: waiting, arrivals: openArrivals[s]).promised { promised[Int(line)] = day?.iso ?? "-" }
        }
        return promised
    }

    private func receiptNumber(_ i: Int) -> String { "RC-" + padded(i + 1, 6) }
    private func shipmentNumber(_ i: Int) -> String { "SH-" + padded(i + 1, 6) }
}

