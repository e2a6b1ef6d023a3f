import BackorderCore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// The set-based triggers keep the waiting queue and the counters as the file's per-row triggers do, for a few lines
/// (row by row) and for a batch (set-based); a database made with the first server schema is upgraded to them.
final class TriggerTests: PostgresTestCase {
    /// A customer, two items and `count` waiting lines of one order (line n waits for n units of SKU-1 or SKU-2).
    func warehouse(lines count: Int) throws -> PostgresBridge {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        try exec(b, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        try exec(b, "INSERT INTO item (sku, name) VALUES ('SKU-1', 'Skrue'), ('SKU-2', 'Mutter')")
        try exec(b, "INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-1', 'C1', '2026-12-07', 5, 'partial', 0)")
        try exec(b, """
            INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered, backordered)
            SELECT o.id, n, CASE WHEN n % 2 = 0 THEN 'SKU-2' ELSE 'SKU-1' END, 5, '2026-12-07', 'SO-1', n, n
            FROM orders o, generate_series(1, \(count)) AS n
            """)
        return b
    }

    /// The queue as the lines say it must be, and as it is; the count of waiting lines as kept and as counted.
    func assertQueueFollowsTheLines(_ b: PostgresBridge, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let differ = try scalar(b, """
            SELECT count(*) FROM (
                (SELECT sku, priority, order_date, order_no, line_no, id, order_id, backordered FROM order_line WHERE backordered > 0
                 EXCEPT ALL SELECT sku, priority, order_date, order_no, line_no, line_id, order_id, backordered FROM waiting)
                UNION ALL
                (SELECT sku, priority, order_date, order_no, line_no, line_id, order_id, backordered FROM waiting
                 EXCEPT ALL SELECT sku, priority, order_date, order_no, line_no, id, order_id, backordered FROM order_line WHERE backordered > 0)
            ) d
            """)
        XCTAssertEqual(differ, 0, "queue rows that differ from the lines after \(what)", file: file, line: line)
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'waiting lines'"), try scalar(b, "SELECT count(*) FROM waiting"),
                       "waiting lines counted after \(what)", file: file, line: line)
    }

    /// One statement changing lines every way a line changes: served whole, served in part, re-prioritised, left alone,
    /// put back on backorder; then the lines removed.
    func changeEveryWay(_ b: PostgresBridge, lines: Int) throws {
        try assertQueueFollowsTheLines(b, "inserting \(lines) lines")
        try exec(b, "UPDATE waiting SET promised = '2026-12-24'")
        try exec(b, """
            UPDATE order_line SET
                allocated = CASE line_no % 4 WHEN 0 THEN ordered WHEN 1 THEN ordered - 1 ELSE allocated END,
                backordered = CASE line_no % 4 WHEN 0 THEN 0 WHEN 1 THEN 1 ELSE backordered END,
                priority = CASE line_no % 4 WHEN 2 THEN 1 ELSE priority END,
                version = version + 1
            """)
        try assertQueueFollowsTheLines(b, "serving, re-prioritising and leaving \(lines) lines")
        // A line that waits for less keeps its promised date (re-pegging sets it); a line that moved in the queue has none.
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM waiting WHERE line_no % 4 = 1 AND line_no > 1 AND promised = '2026-12-24'"),
                       try scalar(b, "SELECT count(*) FROM order_line WHERE line_no % 4 = 1 AND line_no > 1"))
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM waiting WHERE line_no % 4 = 2 AND promised IS NOT NULL"), 0)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM waiting WHERE line_no % 4 = 3 AND promised = '2026-12-24'"),
                       try scalar(b, "SELECT count(*) FROM order_line WHERE line_no % 4 = 3"), "untouched lines keep their dates")
        try exec(b, "UPDATE order_line SET allocated = 0, backordered = ordered WHERE line_no % 4 = 0")
        try assertQueueFollowsTheLines(b, "putting lines back on backorder")
        XCTAssertGreaterThan(try scalar(b, "SELECT count(*) FROM waiting"), lines / 2)
        try exec(b, "DELETE FROM order_line WHERE line_no % 3 = 0")
        try assertQueueFollowsTheLines(b, "removing lines")
    }

    func testAFewLinesChangedRowByRow() throws {
        try changeEveryWay(try warehouse(lines: 12), lines: 12)
    }

    func testABatchOfLinesChangedAsASet() throws {
        try changeEveryWay(try warehouse(lines: 400), lines: 400)
    }

    func testBackorderedUnitsAreCountedOncePerStatementOfManyItems() throws {
        let b = try warehouse(lines: 3)
        try exec(b, "INSERT INTO item (sku, name, backordered) SELECT 'X-' || n, 'Ting ' || n, n FROM generate_series(1, 30) AS n")
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'items'"), 32)
        try exec(b, "UPDATE item SET backordered = backordered + 2 WHERE sku LIKE 'X-%'")
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'backordered units'"), try scalar(b, "SELECT sum(backordered)::bigint FROM item"))
        try exec(b, "DELETE FROM item WHERE sku LIKE 'X-1%'")
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'items'"), try scalar(b, "SELECT count(*) FROM item"))
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'backordered units'"), try scalar(b, "SELECT sum(backordered)::bigint FROM item"))
    }

    /// Counters moved at once, as a database made before `pg2-counters-at-commit` holds them.
    static let countersInPlace = """
        DROP TRIGGER tally_settle ON tally_pending;
        DROP FUNCTION backorders_settle();
        DROP FUNCTION backorders_touch();
        DROP TABLE tally_pending;
        CREATE OR REPLACE FUNCTION backorders_tally(counter text, delta bigint) RETURNS void LANGUAGE sql AS $$
            UPDATE tally SET value = value + delta WHERE name = counter AND delta <> 0 $$;
        DROP FUNCTION backorders_arm();
        DELETE FROM backorders_migration WHERE identifier = 'pg2-counters-at-commit';
        """

    /// The per-row triggers of the first server schema, as a database made then holds them (after `countersInPlace`).
    static let firstSchemaTriggers = """
        DROP TRIGGER waiting_line_insert ON order_line;
        DROP TRIGGER waiting_line_update ON order_line;
        DROP TRIGGER waiting_line_delete ON order_line;
        DROP TRIGGER tally_items_in ON item;
        DROP TRIGGER tally_items_changed ON item;
        DROP TRIGGER tally_items_out ON item;
        DROP FUNCTION backorders_waiting_inserted();
        DROP FUNCTION backorders_waiting_updated();
        DROP FUNCTION backorders_waiting_deleted();
        DROP FUNCTION backorders_tally_items_in();
        DROP FUNCTION backorders_tally_items_changed();
        DROP FUNCTION backorders_tally_items_out();
        DROP TRIGGER movement_points_somewhere ON movement;
        DROP TRIGGER notice_points_somewhere ON notice;
        DROP TRIGGER item_still_referenced ON item;
        DROP TRIGGER order_line_still_referenced ON order_line;
        DROP TRIGGER arrival_still_referenced ON arrival;
        DROP TRIGGER orders_still_referenced ON orders;
        DROP FUNCTION backorders_journal_points_somewhere();
        DROP FUNCTION backorders_notice_points_somewhere();
        DROP FUNCTION backorders_still_referenced();
        ALTER TABLE movement ADD CONSTRAINT movement_sku_fkey FOREIGN KEY (sku) REFERENCES item(sku),
            ADD CONSTRAINT movement_line_id_fkey FOREIGN KEY (line_id) REFERENCES order_line(id),
            ADD CONSTRAINT movement_arrival_id_fkey FOREIGN KEY (arrival_id) REFERENCES arrival(id),
            ADD CONSTRAINT movement_shipment_id_fkey FOREIGN KEY (shipment_id) REFERENCES shipment(id),
            ADD CONSTRAINT movement_receipt_id_fkey FOREIGN KEY (receipt_id) REFERENCES receipt(id);
        ALTER TABLE notice ADD CONSTRAINT notice_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders(id);
        CREATE FUNCTION backorders_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.backordered > 0 THEN
                DELETE FROM waiting WHERE line_id = OLD.id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.backordered > 0 THEN
                INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered)
                VALUES (NEW.sku, NEW.priority, NEW.order_date, NEW.order_no, NEW.line_no, NEW.id, NEW.order_id, NEW.backordered);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER waiting_line AFTER INSERT OR UPDATE OR DELETE ON order_line FOR EACH ROW EXECUTE FUNCTION backorders_waiting();
        CREATE FUNCTION backorders_tally_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM backorders_tally('waiting lines', CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END); RETURN NULL; END $$;
        CREATE TRIGGER tally_waiting AFTER INSERT OR DELETE ON waiting FOR EACH ROW EXECUTE FUNCTION backorders_tally_waiting();
        CREATE FUNCTION backorders_tally_items() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RETURN NULL; END $$;
        CREATE TRIGGER tally_items AFTER INSERT OR DELETE OR UPDATE OF backordered ON item FOR EACH ROW EXECUTE FUNCTION backorders_tally_items();
        ALTER TABLE order_line RESET (fillfactor);
        ALTER TABLE item RESET (fillfactor);
        DELETE FROM backorders_migration WHERE identifier = 'pg1-set-based-triggers';
        """

    func testADatabaseOfTheFirstServerSchemaIsRefusedUntilUpgradedThenKeptTheNewWay() throws {
        let b = bridge()
        try firstServerSchema(b)
        let steps = ["pg1-set-based-triggers", "pg2-counters-at-commit"]
        XCTAssertEqual(try PostgresSetup.state(of: b), .older(steps))
        XCTAssertThrowsError(try PostgresSetup.requireCurrent(b)) { error in
            let message = (error as? BackorderError)?.message(Localizer(.en)) ?? "\(error)"
            XCTAssertTrue(message.contains("runs `backorders upgrade --db"), message)
        }
        XCTAssertThrowsError(try PostgresSetup.initialize(b), "db init does not change an older schema")
        XCTAssertEqual(try PostgresSetup.upgrade(b), steps)
        XCTAssertEqual(try PostgresSetup.state(of: b), .current)
        XCTAssertEqual(try PostgresSetup.upgrade(b), [], "a second upgrade finds nothing to do")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_trigger WHERE tgname IN ('waiting_line', 'tally_waiting', 'tally_items')"), 0)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('movement'::regclass, 'notice'::regclass)"), 0)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%_points_somewhere'"), 2)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_class WHERE relname = 'order_line' AND 'fillfactor=85' = ANY(reloptions)"), 1)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_class WHERE relname = 'item' AND 'fillfactor=80' = ANY(reloptions)"), 1)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_trigger WHERE tgname = 'tally_settle' AND tgdeferrable AND tginitdeferred"), 1)
        try exec(b, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        try exec(b, "INSERT INTO item (sku, name) VALUES ('SKU-1', 'Skrue'), ('SKU-2', 'Mutter')")
        try exec(b, "INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-1', 'C1', '2026-12-07', 5, 'partial', 0)")
        try exec(b, """
            INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered, backordered)
            SELECT o.id, n, 'SKU-1', 5, '2026-12-07', 'SO-1', n, n FROM orders o, generate_series(1, 40) AS n
            """)
        try changeEveryWay(b, lines: 40)
    }
}

extension TriggerTests {
    func testTheJournalAndNoticesPointOnlyToRowsThatExistAndThoseRowsStay() throws {
        let b = try warehouse(lines: 2)
        let line = try scalar(b, "SELECT min(id) FROM order_line")
        try exec(b, "INSERT INTO movement (at, actor, kind, sku, quantity, line_id) VALUES (0, 'kari', 'adjust', 'SKU-1', 1, \(line))")
        for bad in [
            "INSERT INTO movement (at, actor, kind, sku, quantity) VALUES (0, 'kari', 'adjust', 'SKU-404', 1)",
            "INSERT INTO movement (at, actor, kind, sku, quantity, line_id) VALUES (0, 'kari', 'adjust', 'SKU-1', 1, 999999)",
            "INSERT INTO movement (at, actor, kind, sku, quantity, arrival_id) VALUES (0, 'kari', 'adjust', 'SKU-1', 1, 999999)",
            "INSERT INTO movement (at, actor, kind, sku, quantity, shipment_id) VALUES (0, 'kari', 'adjust', 'SKU-1', 1, 999999)",
            "INSERT INTO movement (at, actor, kind, sku, quantity, receipt_id) VALUES (0, 'kari', 'adjust', 'SKU-1', 1, 999999)",
            "INSERT INTO notice (order_id, events, created_at, updated_at) VALUES (999999, 'allocated', 0, 0)",
            "DELETE FROM order_line WHERE id = \(line)",
            "DELETE FROM item WHERE sku = 'SKU-1'",
        ] {
            XCTAssertThrowsError(try exec(b, bad), bad) { error in
                let message = (error as? BackorderError)?.message(Localizer(.en)) ?? "\(error)"
                XCTAssertTrue(message.contains("23503"), "a foreign-key violation, as the server's own constraint would say: \(message)")
            }
        }
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM movement"), 1, "nothing of the refused statements stayed")
        try exec(b, "INSERT INTO notice (order_id, events, created_at, updated_at) SELECT id, 'allocated', 0, 0 FROM orders")
        XCTAssertThrowsError(try exec(b, "DELETE FROM orders"))
        try exec(b, "DELETE FROM order_line WHERE id <> \(line)")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM order_line"), 1, "a line nothing names may go")
    }
}
