import BackorderCore
import Foundation
import GRDB

extension Warehouse {
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
                    let terms = try Warehouse.backorderTerms(sort)
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
