import BackorderCore
import PostgresNIO

extension PostgresWarehouse {
    /// Verifies every invariant the file's `check` verifies, with the same shared rules (`TableRules`, `StockRules`):
    /// same rule names, order, wording and `limit` per rule. Returns what is wrong (empty when all is well).
    ///
    /// One read-only snapshot (REPEATABLE READ) holds the whole check, so no rule compares two moments; the rows stream
    /// from the server table by table (the journal's millions never all in memory). The server keeps its own pages and
    /// its trigram indexes need no check; in place of SQLite's `foreign_key_check`, every reference the shared rules do
    /// not check is looked up (the server enforces them, unless a bulk load set `session_replication_role`).
    public func check(limit: Int = 20) throws -> [Violation] {
        try bridge.transaction(.snapshot) { c in
            // The whole warehouse's joins are the long nested loops memoize is for (off for the pages of the lists).
            try await c.rows("SET LOCAL enable_memoize = on")
            var found = try await PostgresCheck.references(c, limit: limit)
            found += try await PostgresCheck.tableRules(c, limit: limit)
            found += try await PostgresCheck.stockRules(c, limit: limit)
            return CheckRules.ordered(found)
        }
    }
}

/// The server's rows fed to the shared rules, in the orders the rules ask for (texts in byte order, as in the file).
enum PostgresCheck {
    static func tableRules(_ c: PostgresConnection, limit: Int) async throws -> [Violation] {
        var rules = TableRules(limit: limit)
        for try await r in try await c.query("""
            SELECT sku, on_hand::bigint, allocated::bigint, picked::bigint, backordered::bigint FROM item ORDER BY sku COLLATE "C"
            """, logger: PostgresBridge.quiet).decode((String, Int64, Int64, Int64, Int64).self) {
            rules.item(sku: r.0, onHand: r.1, allocated: r.2, picked: r.3, backordered: r.4)
        }
        for try await r in try await c.query("""
            SELECT id, number, priority::bigint, order_date, closed_at IS NOT NULL FROM orders ORDER BY id
            """, logger: PostgresBridge.quiet).decode((Int64, String, Int64, String, Bool).self) {
            rules.order(id: r.0, number: r.1, priority: r.2, date: r.3, closed: r.4)
        }
        for try await r in try await c.query("SELECT id, po_number, po_line::bigint, received::bigint, sku FROM arrival ORDER BY id",
                                             logger: PostgresBridge.quiet).decode((Int64, String, Int64, Int64, String).self) {
            rules.arrival(id: r.0, po: r.1, line: r.2, received: r.3, sku: r.4)
        }
        for try await r in try await c.query("SELECT id, order_id FROM shipment ORDER BY id", logger: PostgresBridge.quiet)
            .decode((Int64, Int64).self) { rules.shipment(id: r.0, orderId: r.1) }
        for try await r in try await c.query("SELECT id, arrival_id, sku, quantity::bigint FROM receipt ORDER BY id", logger: PostgresBridge.quiet)
            .decode((Int64, Int64?, String, Int64).self) { rules.receipt(id: r.0, arrivalId: r.1, sku: r.2, quantity: r.3) }
        for try await r in try await c.query("""
            SELECT r.arrival_id, v.quantity::bigint FROM receipt_reversal v JOIN receipt r ON r.id = v.receipt_id
            WHERE r.arrival_id IS NOT NULL ORDER BY v.receipt_id
            """, logger: PostgresBridge.quiet).decode((Int64, Int64).self) { rules.receiptReversal(arrivalId: r.0, quantity: r.1) }
        for try await r in try await c.query("""
            SELECT line_id, sku, priority::bigint, order_date, order_no, line_no::bigint, order_id, backordered::bigint FROM waiting
            ORDER BY sku COLLATE "C", priority, order_date COLLATE "C", order_no COLLATE "C", line_no
            """, logger: PostgresBridge.quiet).decode((Int64, String, Int64, String, String, Int64, Int64, Int64).self) {
            rules.waiting(lineId: r.0, sku: r.1, priority: r.2, orderDate: r.3, orderNo: r.4, lineNo: r.5, orderId: r.6, backordered: r.7)
        }
        for try await r in try await c.query("""
            SELECT id, order_id, line_no::bigint, sku, priority::bigint, order_date, order_no, ordered::bigint, allocated::bigint,
                   picked::bigint, shipped::bigint, backordered::bigint, cancelled::bigint
            FROM order_line ORDER BY id
            """, logger: PostgresBridge.quiet)
            .decode((Int64, Int64, Int64, String, Int64, String, String, Int64, Int64, Int64, Int64, Int64, Int64).self) {
            rules.line(id: r.0, orderId: r.1, lineNo: r.2, sku: PackedText(r.3), priority: r.4, orderDate: PackedText(r.5),
                       orderNo: PackedText(r.6), counts: LineCounts(ordered: r.7, allocated: r.8, picked: r.9, shipped: r.10,
                                                                    backordered: r.11, cancelled: r.12))
        }
        for try await r in try await c.query("SELECT shipment_id, line_id, quantity::bigint FROM shipment_line ORDER BY shipment_id, line_id",
                                             logger: PostgresBridge.quiet).decode((Int64, Int64, Int64).self) {
            rules.shipmentLine(shipment: r.0, line: r.1, quantity: r.2)
        }
        // The journal in the order it lies on disk: no sort of millions of rows; no rule depends on it.
        for try await r in try await c.query("""
            SELECT id, line_id, d_ordered::bigint, d_allocated::bigint, d_picked::bigint, d_shipped::bigint, d_backordered::bigint,
                   d_cancelled::bigint, d_on_hand::bigint, arrival_id, shipment_id, receipt_id, sku
            FROM movement
            """, logger: PostgresBridge.quiet)
            .decode((Int64, Int64?, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64?, Int64?, Int64?, String).self) {
            rules.movement(id: r.0, line: r.1, deltas: LineCounts(ordered: r.2, allocated: r.3, picked: r.4, shipped: r.5, backordered: r.6,
                                                                   cancelled: r.7),
                           onHand: r.8, sku: PackedText(r.12), arrival: r.9, shipment: r.10, receipt: r.11)
        }
        var named: [Int64: NamedLine] = [:]
        let ids = rules.linesToName()
        if !ids.isEmpty {
            for try await r in try await c.query("""
                SELECT id, order_no, line_no::bigint, ordered::bigint, allocated::bigint, picked::bigint, shipped::bigint,
                       backordered::bigint, cancelled::bigint
                FROM order_line WHERE id = ANY(\(ids))
                """, logger: PostgresBridge.quiet).decode((Int64, String, Int, Int64, Int64, Int64, Int64, Int64, Int64).self) {
                named[r.0] = NamedLine(orderNo: r.1, lineNo: r.2, counts: LineCounts(ordered: r.3, allocated: r.4, picked: r.5, shipped: r.6,
                                                                                    backordered: r.7, cancelled: r.8))
            }
        }
        return rules.finish(named: named)
    }

    static func stockRules(_ c: PostgresConnection, limit: Int) async throws -> [Violation] {
        var rules = StockRules(limit: limit)
        for try await r in try await c.query("""
            SELECT sku, on_hand::bigint, allocated::bigint, picked::bigint, backordered::bigint, incoming::bigint FROM item
            ORDER BY sku COLLATE "C"
            """, logger: PostgresBridge.quiet).decode((String, Int, Int, Int, Int, Int).self) {
            rules.item(sku: r.0, onHand: r.1, allocated: r.2, picked: r.3, backordered: r.4, incoming: r.5)
        }
        for try await r in try await c.query("""
            SELECT id, po_number, po_line::bigint, sku, quantity::bigint, received::bigint, eta, closed_at IS NOT NULL FROM arrival ORDER BY id
            """, logger: PostgresBridge.quiet).decode((Int64, String, Int, String, Int, Int, String, Bool).self) {
            rules.arrival(id: r.0, po: r.1, line: r.2, sku: r.3, quantity: r.4, received: r.5, eta: r.6, closed: r.7)
        }
        for try await r in try await c.query("""
            SELECT sku, priority::bigint, order_date, order_no, line_no::bigint, line_id, backordered::bigint, promised FROM waiting
            ORDER BY sku COLLATE "C", priority, order_date COLLATE "C", order_no COLLATE "C", line_no
            """, logger: PostgresBridge.quiet).decode((String, Int, String, String, Int, Int64, Int, String?).self) {
            rules.waiting(sku: r.0, priority: r.1, orderDate: r.2, orderNo: r.3, lineNo: r.4, lineId: r.5, backordered: r.6, promised: r.7)
        }
        for try await r in try await c.query("""
            SELECT o.number, n.n FROM (SELECT order_id, COUNT(*) n FROM notice WHERE sent_at IS NULL GROUP BY order_id) n
            JOIN orders o ON o.id = n.order_id WHERE n.n > 1 ORDER BY o.id
            """, logger: PostgresBridge.quiet).decode((String, Int).self) { rules.pendingNotices(order: r.0, count: r.1) }
        for try await n in try await c.query("SELECT COUNT(*) FROM orders WHERE closed_at IS NULL", logger: PostgresBridge.quiet)
            .decode(Int.self) { rules.openOrders(n) }
        for try await r in try await c.query("SELECT name, value::bigint FROM tally", logger: PostgresBridge.quiet).decode((String, Int).self) {
            rules.keptCounter(name: r.0, value: r.1)
        }
        for try await r in try await c.query("SELECT eta, arrivals::bigint FROM open_arrival_day", logger: PostgresBridge.quiet)
            .decode((String, Int).self) { rules.keptArrivalDay(eta: r.0, arrivals: r.1) }
        return rules.finish()
    }

    /// The references `TableRules` does not check (the smaller tables'), table by table in name order, at most `limit`
    /// in all: each row whose reference names no row, by its id (0 for a table without one, as SQLite's check does).
    static func references(_ c: PostgresConnection, limit: Int) async throws -> [Violation] {
        var keys: [(table: String, column: String, parent: String, key: String, hasId: Bool)] = []
        for try await r in try await c.query("""
            SELECT tc.table_name::text, kcu.column_name::text, ccu.table_name::text, ccu.column_name::text,
                   EXISTS (SELECT 1 FROM information_schema.columns ic
                           WHERE ic.table_schema = tc.table_schema AND ic.table_name = tc.table_name AND ic.column_name = 'id')
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            ORDER BY 1, 2
            """, logger: PostgresBridge.quiet).decode((String, String, String, String, Bool).self) {
            guard TableRules.referencesChecked[r.0]?.contains("\(r.1)>\(r.2).\(r.3)") != true else { continue }
            keys.append((r.0, r.1, r.2, r.3, r.4))
        }
        // The references kept by statement triggers instead of foreign keys are checked the same way.
        for r in PostgresTriggers.statementReferences where TableRules.referencesChecked[r.table]?.contains("\(r.column)>\(r.parent).\(r.key)") != true {
            keys.append((r.table, r.column, r.parent, r.key, true))
        }
        keys.sort { ($0.table, $0.column) < ($1.table, $1.column) }
        var found: [Violation] = []
        for k in keys where found.count < limit {
            let id = k.hasId ? "t.id" : "0"
            let sql = """
                SELECT \(id)::bigint FROM \(PostgresSetup.quoted(k.table)) t WHERE t.\(PostgresSetup.quoted(k.column)) IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM \(PostgresSetup.quoted(k.parent)) p
                                WHERE p.\(PostgresSetup.quoted(k.key)) = t.\(PostgresSetup.quoted(k.column)))
                ORDER BY 1 LIMIT \(limit - found.count)
                """ // not prose: SQL
            for try await rowId in try await c.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBridge.quiet).decode(Int64.self) {
                found.append(Violation(rule: "foreign keys", detail: Localizer.process(CheckText.missingParent, k.table, Plain(Int(rowId)), k.parent))) // not prose: the rule key
            }
        }
        return found
    }
}
