import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// The `waiting` table: the queue of waiting lines that triggers keep in step with `order_line`, and the rule that checks it.
final class WaitingQueueTests: XCTestCase {
    /// One row of the queue as stored.
    struct Queued: Equatable {
        var order: String
        var line: Int
        var backordered: Int
        var promised: String?
    }

    func queue(_ w: Warehouse, sku: String = "BOLT") throws -> [Queued] {
        try w.read { db in
            try Row.fetchAll(db, sql: """
                SELECT order_no, line_no, backordered, promised FROM waiting WHERE sku = ? ORDER BY priority, order_date, order_no, line_no
                """, arguments: [sku]).map { Queued(order: $0[0], line: $0[1], backordered: $0[2], promised: $0[3]) }
        }
    }

    func order(_ w: Warehouse, _ number: String, _ quantity: Int, sku: String = "BOLT", priority: Int = 5) throws {
        try w.createOrder(NewOrder(number: number, customer: "C1", priority: priority, lines: [.init(sku: sku, quantity: quantity)]), ctx: ctx())
    }

    func testALineJoinsTheQueueWhenItStartsWaitingAndLeavesWhenServed() throws {
        let w = try makeWarehouse(stock: ["BOLT": 70])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 50, eta: testToday.adding(days: 6)), ctx: ctx())
        try order(w, "SO-1", 60)
        XCTAssertEqual(try queue(w), [], "a fully allocated line does not wait")
        try order(w, "SO-2", 40)
        let eta = testToday.adding(days: 6).iso
        XCTAssertEqual(try queue(w), [Queued(order: "SO-2", line: 1, backordered: 30, promised: eta)])
        let lineId = try w.orderDetail("SO-2", today: testToday).lines[0].line.id
        XCTAssertEqual(try w.read { try Int64.fetchOne($0, sql: "SELECT line_id FROM waiting") }, lineId)
        try w.receive(arrival: "PO-1", sku: nil, quantity: 50, ctx: ctx(6))
        XCTAssertEqual(try queue(w), [], "served in full, the line leaves the queue")
        try assertIntact(w)
    }

    /// A receipt journals its allocations in one statement over a JSON array: the rows must still follow the serving
    /// order (priority, then order date, then number), not the order the lines were created in.
    func testAReceiptJournalsItsAllocationsInServingOrder() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        for (number, priority) in [("SO-1", 5), ("SO-2", 1), ("SO-3", 9), ("SO-4", 1), ("SO-5", 3)] {
            try order(w, number, 2, priority: priority)
        }
        let served = try w.receive(arrival: nil, sku: "BOLT", quantity: 10, ctx: ctx()).allocations.map(\.orderNumber)
        XCTAssertEqual(served, ["SO-2", "SO-4", "SO-5", "SO-1", "SO-3"])
        let journal = try w.read { db in
            try String.fetchAll(db, sql: """
                SELECT l.order_no FROM movement m JOIN order_line l ON l.id = m.line_id WHERE m.kind = 'allocate' ORDER BY m.id
                """)
        }
        XCTAssertEqual(journal, served)
        try assertIntact(w)
    }

    /// The filled lines' rows are read from the lines, the one served in part is written from its grant: both in serving
    /// order, each with the units it got.
    func testAReceiptJournalsALineServedInPartAfterTheFilledOnes() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        for (number, priority, quantity) in [("SO-1", 5, 3), ("SO-2", 1, 2), ("SO-3", 9, 4), ("SO-4", 1, 1)] {
            try order(w, number, quantity, priority: priority)
        }
        let allocations = try w.receive(arrival: nil, sku: "BOLT", quantity: 5, ctx: ctx()).allocations
        XCTAssertEqual(allocations.map { "\($0.orderNumber):\($0.quantity):\($0.lineFilled)" }, ["SO-2:2:true", "SO-4:1:true", "SO-1:2:false"])
        let journal = try w.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.order_no, m.quantity, m.d_allocated, m.d_backordered FROM movement m JOIN order_line l ON l.id = m.line_id
                WHERE m.kind = 'allocate' ORDER BY m.id
                """).map { "\($0[0] as String):\($0[1] as Int):\($0[2] as Int):\($0[3] as Int)" }
        }
        XCTAssertEqual(journal, ["SO-2:2:2:-2", "SO-4:1:1:-1", "SO-1:2:2:-2"])
        XCTAssertEqual(try w.orderDetail("SO-1", today: testToday).lines[0].line.quantities, LineQuantities(ordered: 3, allocated: 2, backordered: 1))
        try assertIntact(w)
    }

    /// Moved dates are written one range of the queue per date: lines between two moved lines keep or get the same date,
    /// and a line behind the ranges keeps its own.
    func testMovedDatesAreWrittenByRangeWithoutTouchingOthers() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        let early = testToday.adding(days: 3), late = testToday.adding(days: 9)
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 4, eta: early), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-2", sku: "BOLT", quantity: 4, eta: late), ctx: ctx())
        for n in 1...5 { try order(w, "SO-\(n)", 2) }
        XCTAssertEqual(try queue(w).map(\.promised), [early.iso, early.iso, late.iso, late.iso, "-"])
        // PO-1 slips past PO-2: the first two lines move to PO-2's date; SO-3 and SO-4 now wait for PO-1.
        try w.changeETA(arrival: "PO-1", to: testToday.adding(days: 12), reason: "slipped", ctx: ctx())
        XCTAssertEqual(try queue(w).map(\.promised), [late.iso, late.iso, testToday.adding(days: 12).iso, testToday.adding(days: 12).iso, "-"])
        // Two units arrive unplanned: SO-1 is served; everyone behind moves up by two units.
        try w.receive(arrival: nil, sku: "BOLT", quantity: 2, ctx: ctx())
        XCTAssertEqual(try queue(w).map(\.promised), [late.iso, late.iso, testToday.adding(days: 12).iso, testToday.adding(days: 12).iso])
        try assertIntact(w)
    }

    func testAPartialAllocationKeepsTheRestWaitingWithItsDate() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 100, eta: testToday.adding(days: 6)), ctx: ctx())
        try order(w, "SO-1", 30)
        try order(w, "SO-2", 20)
        let eta = testToday.adding(days: 6).iso
        try w.receive(arrival: nil, sku: "BOLT", quantity: 10, ctx: ctx())
        XCTAssertEqual(try queue(w), [Queued(order: "SO-1", line: 1, backordered: 20, promised: eta),
                                     Queued(order: "SO-2", line: 1, backordered: 20, promised: eta)])
        XCTAssertEqual(try w.orderDetail("SO-1", today: testToday).lines[0].line.quantities.allocated, 10)
        try assertIntact(w)
    }

    func testAShortPickPutsTheMissingUnitsInTheQueue() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        try order(w, "SO-1", 10)
        try order(w, "SO-2", 5)
        XCTAssertEqual(try queue(w), [Queued(order: "SO-2", line: 1, backordered: 5, promised: "-")])
        // SO-1 joins the queue ahead of SO-2 (earlier number, same priority and date); its units wait for no arrival.
        try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 7, missing: 3)], ctx: ctx())
        XCTAssertEqual(try queue(w), [Queued(order: "SO-1", line: 1, backordered: 3, promised: "-"),
                                     Queued(order: "SO-2", line: 1, backordered: 5, promised: "-")])
        try assertIntact(w)
    }

    func testAShortPickOnAWaitingLineRaisesWhatItWaitsFor() throws {
        let w = try makeWarehouse(stock: ["BOLT": 6])
        try order(w, "SO-1", 10)
        try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 4, missing: 2)], ctx: ctx())
        XCTAssertEqual(try queue(w), [Queued(order: "SO-1", line: 1, backordered: 6, promised: "-")])
        try assertIntact(w)
    }

    func testACancelledRemainderLeavesTheQueue() throws {
        let w = try makeWarehouse(stock: ["BOLT": 5])
        try order(w, "SO-1", 8)
        try order(w, "SO-2", 4)
        XCTAssertEqual(try queue(w).map(\.order), ["SO-1", "SO-2"])
        try w.cancel(order: "SO-1", lineNo: 1, scope: .backordered, reason: "customer changed plans", ctx: ctx())
        XCTAssertEqual(try queue(w).map(\.order), ["SO-2"])
        try assertIntact(w)
    }

    func testTheQueueIsInServingOrder() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 5, eta: testToday.adding(days: 2)), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-2", sku: "BOLT", quantity: 5, eta: testToday.adding(days: 9)), ctx: ctx())
        try order(w, "SO-1", 5)
        try order(w, "SO-2", 5, priority: 1)
        try order(w, "SO-3", 5)
        // The rush order SO-2 is served first, so it takes the first arrival and SO-1 moves to the second.
        XCTAssertEqual(try queue(w), [Queued(order: "SO-2", line: 1, backordered: 5, promised: testToday.adding(days: 2).iso),
                                     Queued(order: "SO-1", line: 1, backordered: 5, promised: testToday.adding(days: 9).iso),
                                     Queued(order: "SO-3", line: 1, backordered: 5, promised: "-")])
        XCTAssertEqual(try w.backorderLines(sku: "BOLT", today: testToday).map(\.orderNumber), ["SO-2", "SO-1", "SO-3"])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", sku: "BOLT"), 3)
        try assertIntact(w)
    }

    func testALineWrittenBehindTheOperationsStaysInTheQueue() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try order(w, "SO-1", 4)
        try w.writer.write { db in
            // A tool that writes a line already waiting, and removes it again.
            try db.execute(sql: """
                INSERT INTO order_line (id, order_id, line_no, sku, priority, order_date, order_no, ordered, backordered)
                SELECT 999, order_id, 2, sku, priority, order_date, order_no, 3, 3 FROM order_line WHERE order_no = 'SO-1'
                """)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT backordered FROM waiting WHERE line_id = 999"), 3)
            try db.execute(sql: "DELETE FROM order_line WHERE id = 999")
        }
        XCTAssertEqual(try queue(w).map(\.line), [1])
        try assertIntact(w)
    }

    /// Edits behind the application's back, each caught by the rule that the queue mirrors the waiting lines.
    func testCheckNamesADamagedQueue() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try order(w, "SO-1", 4)
        try order(w, "SO-2", 6)
        try assertIntact(w)
        func damage(_ sql: String) throws -> [String] {
            let found = try w.dryRun { dry -> [Violation] in
                try dry.write { db in try db.execute(sql: sql) }
                return try dry.check(quick: true, integrity: false)
            }
            return found.filter { $0.rule == "waiting queue mirrors the order lines" }.map(\.detail)
        }
        XCTAssertEqual(try damage("DELETE FROM waiting WHERE order_no = 'SO-1'"),
                       ["order SO-1 line 1 (BOLT) waits for 4 unit(s) but the waiting queue lacks it or says otherwise"])
        XCTAssertEqual(try damage("UPDATE waiting SET backordered = 5 WHERE order_no = 'SO-2'"),
                       ["order SO-2 line 1 (BOLT) waits for 6 unit(s) but the waiting queue lacks it or says otherwise",
                        "the waiting queue holds order SO-2 line 1 (BOLT) waiting for 5 unit(s), but no order line matches it"])
        XCTAssertEqual(try damage("UPDATE waiting SET priority = 1 WHERE order_no = 'SO-2'"),
                       ["order SO-2 line 1 (BOLT) waits for 6 unit(s) but the waiting queue lacks it or says otherwise",
                        "the waiting queue holds order SO-2 line 1 (BOLT) waiting for 6 unit(s), but no order line matches it"])
        XCTAssertEqual(try damage("""
            INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered)
            SELECT sku, priority, order_date, order_no, 2, line_id, order_id, 1 FROM waiting WHERE order_no = 'SO-1'
            """), ["the waiting queue holds order SO-1 line 2 (BOLT) waiting for 1 unit(s), but no order line matches it"])
        try assertIntact(w)
    }

    /// A file at `migration` holding one order of 10 BOLT with 4 on the shelf: 4 allocated, 6 waiting for PO-1;
    /// `promised` is the line's stored date, for a schema that has the column.
    func oldFile(at migration: String, promised: String?) throws -> String {
        let path = temporaryPath()
        let pool = try DatabasePool(path: path)
        try Schema.migrator.migrate(pool, upTo: migration)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO item (sku, name, on_hand, allocated, backordered, incoming) VALUES ('BOLT', 'Bolt', 4, 4, 6, 20);
                INSERT INTO customer (code, name) VALUES ('C1', 'Customer C1');
                INSERT INTO orders (id, number, customer, order_date, priority, policy, created_at) VALUES (1, 'SO-1', 'C1', '2026-11-25', 5, 'partial', 0);
                INSERT INTO order_line (id, order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, backordered)
                    VALUES (7, 1, 1, 'BOLT', 5, '2026-11-25', 'SO-1', 10, 4, 6);
                INSERT INTO arrival (id, supplier, po_number, po_line, sku, quantity, eta, created_at) VALUES (1, 'S', 'PO-1', 1, 'BOLT', 20, ?, 0);
                INSERT INTO movement (at, actor, kind, sku, quantity, d_on_hand) VALUES (0, 't', 'adjust', 'BOLT', 4, 4);
                INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_ordered, d_allocated, d_backordered) VALUES (0, 't', 'order', 'BOLT', 10, 7, 10, 4, 6);
                """, arguments: [testToday.adding(days: 6).iso])
            if let promised { try db.execute(sql: "UPDATE order_line SET promised = ? WHERE id = 7", arguments: [promised]) }
        }
        try pool.close()
        return path
    }

    /// A file of schema v1 (no stored dates) gets them from v2's pegging, and v6 carries them into the queue.
    func testAFileWithoutDatesIsPeggedThenQueued() throws {
        let w = try Warehouse.open(path: try oldFile(at: "v1", promised: nil), mode: .readWrite)
        XCTAssertEqual(try queue(w), [Queued(order: "SO-1", line: 1, backordered: 6, promised: testToday.adding(days: 6).iso)])
        XCTAssertEqual(try w.check(), [])
        try w.close()
    }

    /// A file of schema v5 keeps its promised dates: the migration copies them into the queue, and the file checks clean.
    func testMigrationCopiesTheWaitingLinesAndTheirDates() throws {
        let eta = testToday.adding(days: 6).iso
        let w = try Warehouse.open(path: try oldFile(at: "v5-journal-by-sku-line", promised: eta), mode: .readWrite)
        XCTAssertEqual(try queue(w), [Queued(order: "SO-1", line: 1, backordered: 6, promised: eta)])
        XCTAssertEqual(try w.read { try Bool.fetchOne($0, sql: "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE name = 'line_waiting')") }, false)
        XCTAssertEqual(try w.check(), [])
        // The migrated queue serves as a new one: a receipt empties it.
        try w.receive(arrival: "PO-1", sku: nil, quantity: 6, ctx: ctx())
        XCTAssertEqual(try queue(w), [])
        try assertIntact(w)
        try w.close()
    }

    /// A file of schema v7 gets the journal's kind check as comparisons (v8), edited in place: the same rows pass, a
    /// made-up kind is still refused, the journal is intact and operations go on.
    func testTheJournalKindCheckIsEditedInPlace() throws {
        let path = try oldFile(at: "v7-open-line-age", promised: nil)
        let w = try Warehouse.open(path: path, mode: .readWrite)
        let definition = try w.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'movement'") } ?? ""
        XCTAssertTrue(definition.contains("CHECK (kind = 'order' OR kind = 'allocate' OR"), definition)
        XCTAssertFalse(definition.contains("kind IN ("), definition)
        XCTAssertEqual(try w.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movement") }, 2)
        XCTAssertThrowsError(try w.writer.write { db in
            try db.execute(sql: "INSERT INTO movement (at, actor, kind, sku, quantity) VALUES (0, 't', 'gift', 'BOLT', 1)")
        })
        try w.receive(arrival: "PO-1", sku: nil, quantity: 6, ctx: ctx())
        try assertIntact(w)
        XCTAssertEqual(try w.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }, "ok")
        try w.close()
    }

    /// A file of schema v8 gets the journal keyed by line for the lines' own movements and by SKU for allocations (v9):
    /// its order's history, its SKU's journal and a receipt's allocation read as before.
    func testTheJournalIsReindexedByLine() throws {
        let w = try Warehouse.open(path: try oldFile(at: "v8-journal-kind-check", promised: nil), mode: .readWrite)
        let indexes = try w.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movement' ORDER BY name") }
        XCTAssertEqual(indexes, ["movement_allocation", "movement_backordered_at", "movement_by_line", "movement_receipt", "movement_return"])
        XCTAssertEqual(try w.orderDetail("SO-1", today: testToday).history.map(\.kind), [.order])
        try w.receive(arrival: "PO-1", sku: nil, quantity: 6, ctx: ctx())
        XCTAssertEqual(try w.orderDetail("SO-1", today: testToday).history.map(\.kind), [.order, .allocate])
        XCTAssertEqual(try w.journal(sku: "BOLT").map(\.kind), [.allocate, .receive, .order, .adjust])
        try assertIntact(w)
        XCTAssertEqual(try w.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }, "ok")
        try w.close()
    }

    /// An older file is upgraded only when opened for writing, and says so once; browsing it first names the way to upgrade.
    func testAnOlderFileIsUpgradedOnlyWhenOpenedForWriting() throws {
        let path = try oldFile(at: "v8-journal-kind-check", promised: nil)
        XCTAssertThrowsError(try Warehouse.open(path: path, mode: .readOnly)) { error in
            XCTAssertTrue("\(error)".contains("older file format; upgrade it once with `backorders upgrade`"), "\(error)")
        }
        let w = try Warehouse.open(path: path, mode: .readWrite)
        XCTAssertEqual(w.upgrades, ["v9-journal-by-line", "v10-exceptions", "v11-sort-indexes", "v12-sessions", "v13-customer-mail", "v14-counters", "v15-search", "v16-journal-index", "v17-customer-journal"])
        try w.close()
        let again = try Warehouse.open(path: path, mode: .readWrite)
        XCTAssertEqual(again.upgrades, [])
        try again.close()
        let browsing = try Warehouse.open(path: path, mode: .readOnly)
        XCTAssertEqual(try browsing.orderDetail("SO-1", today: testToday).history.map(\.kind), [.order])
        try browsing.close()
    }

    /// A journal table whose kind check is not the one v1 wrote is not edited: the upgrade stops with a message and the
    /// file stays as it was.
    func testAnUnknownJournalDefinitionStopsTheUpgradeAndChangesNothing() throws {
        let path = try oldFile(at: "v7-open-line-age", promised: nil)
        let pool = try DatabasePool(path: path)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = 'movement'",
                           arguments: ["'adjust')", "'adjust','gift')"])
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        let definition = { (p: DatabasePool) in try p.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'movement'") } ?? "" }
        let before = try definition(pool)
        XCTAssertTrue(before.contains("'gift'"), before)
        try pool.close()
        XCTAssertThrowsError(try Warehouse.open(path: path, mode: .readWrite)) { error in
            XCTAssertEqual((error as? BackorderError)?.kind, .dataFile, "\(error)")
            XCTAssertTrue("\(error)".contains("cannot be upgraded to this version: its journal table is not as backorders wrote it (the kind check differs)"), "\(error)")
        }
        let again = try DatabasePool(path: path)
        XCTAssertEqual(try definition(again), before)
        XCTAssertEqual(try again.read { try Bool.fetchOne($0, sql: "SELECT EXISTS(SELECT 1 FROM grdb_migrations WHERE identifier LIKE 'v8%')") }, false)
        try again.close()
    }

    /// A file of schema v6 gets the open-line index (v7): the backorder list and its count still hold exactly the waiting
    /// lines, also once a receipt has served a line that stays open (allocated, not yet shipped).
    func testTheBackorderListWalksOpenLinesAndShowsTheWaitingOnes() throws {
        let w = try Warehouse.open(path: try oldFile(at: "v6-waiting-queue", promised: nil), mode: .readWrite)
        let indexes = try w.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'order_line' AND type = 'index' ORDER BY name") }
        XCTAssertTrue(indexes.contains("line_open_age"), "\(indexes)")
        XCTAssertFalse(indexes.contains("line_backorder_age"), "\(indexes)")
        XCTAssertEqual(try w.backorderLines(today: testToday).map { "\($0.orderNumber)/\($0.lineNo) \($0.backordered)" }, ["SO-1/1 6"])
        XCTAssertEqual(try w.counts(today: testToday).backorderLines, 1)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "BOLT"), 1)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "nothing like it"), 0)
        try w.receive(arrival: "PO-1", sku: nil, quantity: 6, ctx: ctx())
        // Served and still open: in the index, not in the list.
        XCTAssertEqual(try w.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM order_line l INDEXED BY line_open_age WHERE \(Warehouse.openLine)") }, 1)
        XCTAssertEqual(try w.backorderLines(today: testToday).count, 0)
        XCTAssertEqual(try w.counts(today: testToday).backorderLines, 0)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "BOLT"), 0)
        try assertIntact(w)
        try w.close()
    }
}
