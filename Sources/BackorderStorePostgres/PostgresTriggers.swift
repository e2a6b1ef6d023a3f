/// The server's triggers: history kept, the waiting queue in step with the lines, and the counters of `tally` and
/// `open_arrival_day` — the file's triggers (Schema.createWaitingTriggers, Counters.createTriggers) in effect.
///
/// Why they differ in form: SQLite fires per row, and so did the first translation; on the server a receipt serving a
/// thousand lines is one UPDATE, and per-row triggers made it a thousand DELETEs from the queue and a thousand updates
/// of one counter row (whose versions pile up inside the transaction: measured 130 ms of 190 ms). Here the queue and
/// the counters follow each statement as a whole, through its transition tables (measured 10 ms for the same UPDATE).
/// The journal's and the notices' references are checked the same way: a foreign key checks each row on its own
/// and locks the row it points to (measured 50–90 ms for a receipt's thousand movements, 32 ms for its notices).
enum PostgresTriggers {
    /// Room left in each page of the lines and the queue, so that changing a line's quantities rewrites it in place
    /// (a HOT update: no index touched) instead of on a new page with every index updated.
    static let lineFillFactor = 85
    /// The same for items, whose counters every operation changes (a rewrite on a new page also updates the trigram
    /// index of its name: measured 1.2 ms for an order's 20 items, against a few tenths in place).
    static let itemFillFactor = 80

    /// Changes made to a database created before, in order: each recorded under its name in the migrations table,
    /// beside the file's migration names (`PostgresSchema.migrationNames`), applied by `backorders upgrade`.
    static let steps: [(name: String, sql: String)] = [
        ("pg1-set-based-triggers", setBasedTriggers),
        ("pg2-counters-at-commit", countersAtCommit),
    ]

    /// History is never changed nor removed.
    static var records: String {
        var sql = """
            CREATE FUNCTION backorders_record_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% rows are records and cannot be changed', TG_TABLE_NAME; END $$;
            """
        for table in ["movement", "shipment", "shipment_line", "receipt", "eta_change", "order_change", "receipt_reversal"] {
            sql += "\nCREATE TRIGGER \(table)_is_kept BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION backorders_record_is_kept();"
        }
        return sql
    }

    /// The counters: one function to move one, and the triggers of orders, items and arrivals.
    static var counters: String { [tally, orderCounter, itemCounter, arrivalCounter].joined(separator: "\n") }

    /// `pg1-set-based-triggers`: the per-row queue and item-counter triggers of the first schema replaced.
    static var setBasedTriggers: String {
        """
        DROP TRIGGER waiting_line ON order_line;
        DROP FUNCTION backorders_waiting();
        DROP TRIGGER tally_waiting ON waiting;
        DROP FUNCTION backorders_tally_waiting();
        DROP TRIGGER tally_items ON item;
        DROP FUNCTION backorders_tally_items();
        ALTER TABLE order_line SET (fillfactor = \(lineFillFactor));
        ALTER TABLE waiting SET (fillfactor = \(lineFillFactor));
        ALTER TABLE item SET (fillfactor = \(itemFillFactor));
        \(tallyInPlace.replacingOccurrences(of: "CREATE FUNCTION", with: "CREATE OR REPLACE FUNCTION"))
        ALTER TABLE movement DROP CONSTRAINT movement_sku_fkey, DROP CONSTRAINT movement_line_id_fkey,
            DROP CONSTRAINT movement_arrival_id_fkey, DROP CONSTRAINT movement_shipment_id_fkey,
            DROP CONSTRAINT movement_receipt_id_fkey;
        ALTER TABLE notice DROP CONSTRAINT notice_order_id_fkey;
        \(waiting)
        \(itemCounter)
        \(references)
        """
    }

    /// The journal and the notices point only to rows that exist, and those rows stay: checked once per statement
    /// (one anti-join over the statement's new rows) instead of a foreign key's per-row check and row lock. Nothing
    /// the application does removes an item, line, arrival or order; one removed by hand while referenced is refused.
    /// The references `references` keeps, as a foreign key would name them (for `check`).
    static let statementReferences: [(table: String, column: String, parent: String, key: String)] = [
        ("movement", "sku", "item", "sku"), ("movement", "line_id", "order_line", "id"), ("movement", "arrival_id", "arrival", "id"),
        ("movement", "shipment_id", "shipment", "id"), ("movement", "receipt_id", "receipt", "id"), ("notice", "order_id", "orders", "id"),
    ]

    static let references = """
        CREATE FUNCTION backorders_journal_points_somewhere() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM added m
                       WHERE NOT EXISTS (SELECT 1 FROM item i WHERE i.sku = m.sku)
                          OR m.line_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM order_line l WHERE l.id = m.line_id)
                          OR m.arrival_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM arrival a WHERE a.id = m.arrival_id)
                          OR m.shipment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.id = m.shipment_id)
                          OR m.receipt_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.id = m.receipt_id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                    MESSAGE = 'a journal row points to an item, line, arrival, shipment or receipt that does not exist'; -- // not prose: the server's words
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER movement_points_somewhere AFTER INSERT ON movement REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_journal_points_somewhere();
        CREATE FUNCTION backorders_notice_points_somewhere() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM added n WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = n.order_id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = 'a notice points to an order that does not exist';
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER notice_points_somewhere AFTER INSERT ON notice REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_notice_points_somewhere();
        CREATE FUNCTION backorders_still_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE named boolean;
        BEGIN
            -- One branch per table: each statement is planned when reached, against that table's removed rows.
            IF TG_TABLE_NAME = 'item' THEN
                named := EXISTS (SELECT 1 FROM movement m JOIN removed r ON m.sku = r.sku);
            ELSIF TG_TABLE_NAME = 'order_line' THEN
                named := EXISTS (SELECT 1 FROM movement m JOIN removed r ON m.line_id = r.id);
            ELSIF TG_TABLE_NAME = 'arrival' THEN
                named := EXISTS (SELECT 1 FROM movement m JOIN removed r ON m.arrival_id = r.id);
            ELSE
                named := EXISTS (SELECT 1 FROM notice n JOIN removed r ON n.order_id = r.id);
            END IF;
            IF named THEN
                RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                    MESSAGE = format('%s rows named by the journal or a notice cannot be removed', TG_TABLE_NAME); -- // not prose: the server's words
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER item_still_referenced AFTER DELETE ON item REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_still_referenced();
        CREATE TRIGGER order_line_still_referenced AFTER DELETE ON order_line REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_still_referenced();
        CREATE TRIGGER arrival_still_referenced AFTER DELETE ON arrival REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_still_referenced();
        CREATE TRIGGER orders_still_referenced AFTER DELETE ON orders REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_still_referenced();
        """

    /// Moved one counter at once (until `pg2-counters-at-commit`); a zero change wrote nothing.
    static let tallyInPlace = """
        CREATE FUNCTION backorders_tally(counter text, delta bigint) RETURNS void LANGUAGE sql AS $$
            UPDATE tally SET value = value + delta WHERE name = counter AND delta <> 0 $$;
        """

    /// `pg2-counters-at-commit`: counters and the revision moved when the transaction commits.
    static var countersAtCommit: String {
        tally.replacingOccurrences(of: "CREATE FUNCTION backorders_tally(", with: "CREATE OR REPLACE FUNCTION backorders_tally(")
            + "\n" + pendingGrant + ";"
    }

    /// The counters and the revision move at commit. A counter's row changed at once stays locked until the commit,
    /// so every two operations that moved one counter (an order and a shipment both move "open orders") ran one after
    /// the other from that statement on; the revision's row likewise for the round trip to COMMIT. Now a change is
    /// added up in the transaction (a setting local to it) and written by a deferred trigger as the commit begins.
    /// An operation's revision is asked for by `backorders_touch()`. The pending row arms the trigger once per
    /// transaction; a rolled-back savepoint takes back its changes, its settings and its pending row alike.
    static let tally = """
        CREATE UNLOGGED TABLE tally_pending (xid BIGINT PRIMARY KEY)
            WITH (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
        CREATE FUNCTION backorders_arm() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF COALESCE(current_setting('backorders.armed', true), '') <> 'on' THEN
                INSERT INTO tally_pending (xid) VALUES (txid_current());
                PERFORM set_config('backorders.armed', 'on', true);
            END IF;
        END $$;
        CREATE FUNCTION backorders_tally(counter text, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            setting TEXT := 'backorders.tally_' || replace(counter, ' ', '_');
        BEGIN
            IF delta <> 0 THEN
                PERFORM backorders_arm();
                PERFORM set_config(setting, (COALESCE(NULLIF(current_setting(setting, true), ''), '0')::bigint + delta)::text, true);
            END IF;
        END $$;
        CREATE FUNCTION backorders_touch() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM backorders_arm();
            PERFORM set_config('backorders.touched', 'on', true);
        END $$;
        CREATE FUNCTION backorders_settle() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            counter TEXT;
            setting TEXT;
            delta BIGINT;
        BEGIN
            -- In the counters' order, then the revision: two commits never wait for each other in a circle.
            FOR counter IN SELECT name FROM tally ORDER BY name LOOP
                setting := 'backorders.tally_' || replace(counter, ' ', '_');
                delta := COALESCE(NULLIF(current_setting(setting, true), ''), '0')::bigint;
                IF delta <> 0 THEN
                    UPDATE tally SET value = value + delta WHERE name = counter;
                    PERFORM set_config(setting, '0', true);
                END IF;
            END LOOP;
            IF current_setting('backorders.touched', true) = 'on' THEN
                UPDATE meta SET revision = revision + 1 WHERE id = 1;
            END IF;
            PERFORM set_config('backorders.touched', '', true);
            PERFORM set_config('backorders.armed', '', true);
            DELETE FROM tally_pending WHERE xid = NEW.xid;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER tally_settle AFTER INSERT ON tally_pending DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION backorders_settle();
        """

    /// What a clerk needs of the pending table (`db init` gives it with the rest; an upgrade here).
    static let pendingGrant = "GRANT SELECT, INSERT, DELETE ON tally_pending TO \(PostgresSetup.clerkRole)"

    /// The lines a statement changed in a way the queue sees (how much they wait, or their place in it), old beside
    /// new: `o…` the old place and units, then the new line, and whether the place is the same.
    static let changedLines = """
        SELECT o.sku AS osku, o.priority AS op, o.order_date AS od, o.order_no AS ono, o.line_no AS oln, o.backordered AS ob,
               n.sku, n.priority, n.order_date, n.order_no, n.line_no, n.id, n.order_id, n.backordered,
               (n.sku, n.priority, n.order_date, n.order_no, n.line_no) = (o.sku, o.priority, o.order_date, o.order_no, o.line_no) AS same
        FROM old_lines o JOIN new_lines n ON n.id = o.id
        WHERE (o.backordered > 0 OR n.backordered > 0) AND o.backordered <> n.backordered
           OR (n.sku, n.priority, n.order_date, n.order_no, n.line_no) <> (o.sku, o.priority, o.order_date, o.order_no, o.line_no)
        """

    /// Keeps `waiting` (and the count of waiting lines) in step with `order_line` whoever writes the lines: a line
    /// waits while it has units on backorder, at its place in its SKU's queue. A change of how much a line waits
    /// keeps its promised date (re-pegging sets it); a line that stops waiting, or moves in the queue, leaves it.
    static let waiting = """
        CREATE FUNCTION backorders_waiting_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE added bigint;
        BEGIN
            INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered)
            SELECT sku, priority, order_date, order_no, line_no, id, order_id, backordered FROM new_lines WHERE backordered > 0
            ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS added = ROW_COUNT;
            PERFORM backorders_tally('waiting lines', added);
            RETURN NULL;
        END $$;
        CREATE FUNCTION backorders_waiting_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE gone bigint := 0; added bigint := 0; k bigint; r record;
        BEGIN
            IF (SELECT count(*) FROM new_lines) <= 16 THEN
                -- A few lines (a pick, a cancellation): row by row, each by its key, cheaper than planning a join.
                FOR r IN \(changedLines) LOOP
                    IF r.ob > 0 AND (r.backordered = 0 OR NOT r.same) THEN
                        DELETE FROM waiting WHERE sku = r.osku AND priority = r.op AND order_date = r.od AND order_no = r.ono
                            AND line_no = r.oln;
                        GET DIAGNOSTICS k = ROW_COUNT;
                        gone := gone + k;
                    ELSIF r.ob > 0 AND r.backordered > 0 THEN
                        UPDATE waiting SET backordered = r.backordered WHERE sku = r.osku AND priority = r.op
                            AND order_date = r.od AND order_no = r.ono AND line_no = r.oln;
                        CONTINUE;
                    END IF;
                    IF r.backordered > 0 THEN
                        INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered)
                        VALUES (r.sku, r.priority, r.order_date, r.order_no, r.line_no, r.id, r.order_id, r.backordered)
                        ON CONFLICT DO NOTHING;
                        GET DIAGNOSTICS k = ROW_COUNT;
                        added := added + k;
                    END IF;
                END LOOP;
            ELSE
                -- A batch (a receipt serving a thousand lines): set-based, the changed pairs joined once (MATERIALIZED,
                -- or the planner joins the queue first and the two transition tables in a nested loop).
                WITH c AS MATERIALIZED (\(changedLines)), out AS ( -- // not prose: SQL
                    DELETE FROM waiting w USING c WHERE c.ob > 0 AND (c.backordered = 0 OR NOT c.same)
                        AND (w.sku, w.priority, w.order_date, w.order_no, w.line_no) = (c.osku, c.op, c.od, c.ono, c.oln)
                    RETURNING 1
                ), changed AS (
                    UPDATE waiting w SET backordered = c.backordered FROM c WHERE c.ob > 0 AND c.backordered > 0 AND c.same
                        AND (w.sku, w.priority, w.order_date, w.order_no, w.line_no) = (c.osku, c.op, c.od, c.ono, c.oln)
                ), put AS (
                    INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered)
                    SELECT sku, priority, order_date, order_no, line_no, id, order_id, backordered FROM c
                    WHERE backordered > 0 AND (ob = 0 OR NOT same)
                    ON CONFLICT DO NOTHING
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM out), (SELECT count(*) FROM put) INTO gone, added;
            END IF;
            PERFORM backorders_tally('waiting lines', added - gone);
            RETURN NULL;
        END $$;
        CREATE FUNCTION backorders_waiting_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE gone bigint;
        BEGIN
            DELETE FROM waiting w USING old_lines o WHERE o.backordered > 0
                AND (w.sku, w.priority, w.order_date, w.order_no, w.line_no) = (o.sku, o.priority, o.order_date, o.order_no, o.line_no);
            GET DIAGNOSTICS gone = ROW_COUNT;
            PERFORM backorders_tally('waiting lines', -gone);
            RETURN NULL;
        END $$;
        CREATE TRIGGER waiting_line_insert AFTER INSERT ON order_line REFERENCING NEW TABLE AS new_lines
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_waiting_inserted();
        CREATE TRIGGER waiting_line_update AFTER UPDATE ON order_line REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_waiting_updated();
        CREATE TRIGGER waiting_line_delete AFTER DELETE ON order_line REFERENCING OLD TABLE AS old_lines
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_waiting_deleted();
        """

    /// Open orders: an order is closed one at a time, so per row (and only when `closed_at` is written).
    static let orderCounter = """
        CREATE FUNCTION backorders_tally_orders() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM backorders_tally('open orders',
                (CASE WHEN TG_OP <> 'DELETE' AND NEW.closed_at IS NULL THEN 1 ELSE 0 END)
              - (CASE WHEN TG_OP <> 'INSERT' AND OLD.closed_at IS NULL THEN 1 ELSE 0 END));
            RETURN NULL;
        END $$;
        CREATE TRIGGER tally_orders AFTER INSERT OR DELETE OR UPDATE OF closed_at ON orders
            FOR EACH ROW EXECUTE FUNCTION backorders_tally_orders();
        """

    /// Items and backordered units: an operation writes all its items in one statement, counted once.
    static let itemCounter = """
        CREATE FUNCTION backorders_tally_items_in() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM backorders_tally('items', (SELECT count(*) FROM added));
            PERFORM backorders_tally('backordered units', (SELECT COALESCE(sum(backordered), 0)::bigint FROM added));
            RETURN NULL;
        END $$;
        CREATE FUNCTION backorders_tally_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM backorders_tally('backordered units',
                (SELECT COALESCE(sum(backordered), 0)::bigint FROM changed) - (SELECT COALESCE(sum(backordered), 0)::bigint FROM was));
            RETURN NULL;
        END $$;
        CREATE FUNCTION backorders_tally_items_out() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM backorders_tally('items', -(SELECT count(*) FROM removed));
            PERFORM backorders_tally('backordered units', -(SELECT COALESCE(sum(backordered), 0)::bigint FROM removed));
            RETURN NULL;
        END $$;
        CREATE TRIGGER tally_items_in AFTER INSERT ON item REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_tally_items_in();
        CREATE TRIGGER tally_items_changed AFTER UPDATE ON item REFERENCING OLD TABLE AS was NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_tally_items_changed();
        CREATE TRIGGER tally_items_out AFTER DELETE ON item REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION backorders_tally_items_out();
        """

    /// Open arrivals by day (the arrivals list's day headings).
    static let arrivalCounter = """
        CREATE FUNCTION backorders_tally_arrivals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.closed_at IS NULL
               AND (TG_OP = 'DELETE' OR NEW.closed_at IS NOT NULL OR NEW.eta <> OLD.eta) THEN
                UPDATE open_arrival_day SET arrivals = arrivals - 1 WHERE eta = OLD.eta;
                DELETE FROM open_arrival_day WHERE eta = OLD.eta AND arrivals = 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.closed_at IS NULL
               AND (TG_OP = 'INSERT' OR OLD.closed_at IS NOT NULL OR NEW.eta <> OLD.eta) THEN
                INSERT INTO open_arrival_day (eta, arrivals) VALUES (NEW.eta, 1)
                    ON CONFLICT (eta) DO UPDATE SET arrivals = open_arrival_day.arrivals + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER tally_arrivals AFTER INSERT OR DELETE OR UPDATE OF closed_at, eta ON arrival
            FOR EACH ROW EXECUTE FUNCTION backorders_tally_arrivals();
        """
}
