import BackorderCore
import GRDB

/// The file format: migrations, and the marks that tell our files from others.
enum Schema {
    /// SQLite's header field `application_id`: "BKOR", so a foreign SQLite file is told apart at once.
    static let applicationID: Int32 = 0x424B_4F52

    /// A migration found the file's tables not as an earlier backorders wrote them, so it will not change them.
    struct Unrecognized: Error { var reason: String }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                -- revision rises with every committed operation: other processes poll it to know when to reload.
                CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                INSERT INTO meta (id, revision) VALUES (1, 0);
                CREATE TABLE item (
                    sku TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL DEFAULT 'pcs',
                    bin TEXT NOT NULL DEFAULT '',
                    on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
                    allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0),
                    picked INTEGER NOT NULL DEFAULT 0 CHECK (picked >= 0),
                    backordered INTEGER NOT NULL DEFAULT 0 CHECK (backordered >= 0),
                    incoming INTEGER NOT NULL DEFAULT 0 CHECK (incoming >= 0),
                    min_order_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_order_qty >= 1),
                    pack_size INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
                    CHECK (on_hand >= allocated + picked)
                );
                CREATE TABLE customer (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    customer TEXT NOT NULL REFERENCES customer(code),
                    order_date TEXT NOT NULL,
                    priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 9),
                    policy TEXT NOT NULL CHECK (policy IN ('partial', 'complete')),
                    created_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX orders_open ON orders(order_date, number) WHERE closed_at IS NULL;
                CREATE INDEX orders_customer ON orders(customer);
                -- priority, order_date and order_no repeat the order's (never changing) header so that the queue of
                -- waiting lines is a single index.
                CREATE TABLE order_line (
                    id INTEGER PRIMARY KEY,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    line_no INTEGER NOT NULL,
                    sku TEXT NOT NULL REFERENCES item(sku),
                    priority INTEGER NOT NULL,
                    order_date TEXT NOT NULL,
                    order_no TEXT NOT NULL,
                    ordered INTEGER NOT NULL CHECK (ordered >= 0),
                    allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0),
                    picked INTEGER NOT NULL DEFAULT 0 CHECK (picked >= 0),
                    shipped INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0),
                    backordered INTEGER NOT NULL DEFAULT 0 CHECK (backordered >= 0),
                    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
                    CHECK (ordered = allocated + picked + shipped + backordered + cancelled),
                    UNIQUE (order_id, line_no)
                );
                CREATE INDEX line_waiting ON order_line(sku, priority, order_date, order_no, line_no) WHERE backordered > 0;
                CREATE INDEX line_backorder_age ON order_line(order_date, order_no, line_no) WHERE backordered > 0;
                CREATE TABLE arrival (
                    id INTEGER PRIMARY KEY,
                    supplier TEXT NOT NULL,
                    po_number TEXT NOT NULL,
                    po_line INTEGER NOT NULL,
                    sku TEXT NOT NULL REFERENCES item(sku),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
                    eta TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    UNIQUE (po_number, po_line)
                );
                CREATE INDEX arrival_open_eta ON arrival(eta, id) WHERE closed_at IS NULL;
                CREATE INDEX arrival_open_sku ON arrival(sku, eta, id) WHERE closed_at IS NULL;
                CREATE INDEX arrival_sku ON arrival(sku);
                CREATE TABLE eta_change (
                    id INTEGER PRIMARY KEY,
                    arrival_id INTEGER NOT NULL REFERENCES arrival(id),
                    old_eta TEXT NOT NULL,
                    new_eta TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX eta_change_arrival ON eta_change(arrival_id);
                CREATE TABLE shipment (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    overridden INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX shipment_order ON shipment(order_id);
                CREATE TABLE shipment_line (
                    shipment_id INTEGER NOT NULL REFERENCES shipment(id),
                    line_id INTEGER NOT NULL REFERENCES order_line(id),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    PRIMARY KEY (shipment_id, line_id)
                ) WITHOUT ROWID;
                CREATE TABLE receipt (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    arrival_id INTEGER REFERENCES arrival(id),
                    sku TEXT NOT NULL REFERENCES item(sku),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX receipt_arrival ON receipt(arrival_id) WHERE arrival_id IS NOT NULL;
                -- The journal: one row per change of a quantity; the d_* columns are the change itself.
                CREATE TABLE movement (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('order','allocate','pick','short-pick','ship','receive','cancel','adjust')),
                    sku TEXT NOT NULL REFERENCES item(sku),
                    quantity INTEGER NOT NULL,
                    line_id INTEGER REFERENCES order_line(id),
                    arrival_id INTEGER REFERENCES arrival(id),
                    shipment_id INTEGER REFERENCES shipment(id),
                    receipt_id INTEGER REFERENCES receipt(id),
                    d_ordered INTEGER NOT NULL DEFAULT 0,
                    d_allocated INTEGER NOT NULL DEFAULT 0,
                    d_picked INTEGER NOT NULL DEFAULT 0,
                    d_shipped INTEGER NOT NULL DEFAULT 0,
                    d_backordered INTEGER NOT NULL DEFAULT 0,
                    d_cancelled INTEGER NOT NULL DEFAULT 0,
                    d_on_hand INTEGER NOT NULL DEFAULT 0,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX movement_line ON movement(line_id) WHERE line_id IS NOT NULL;
                CREATE INDEX movement_sku ON movement(sku);
                """)
            // Records are history: once written, never changed nor removed.
            for table in ["movement", "shipment", "shipment_line", "receipt", "eta_change"] {
                for event in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_no_\(event.lowercased()) BEFORE \(event) ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) rows are records and cannot be changed'); END
                        """)
                }
            }
        }
        m.registerMigration("v2-notices") { db in
            try db.execute(sql: """
                -- The pegged promised date of a waiting line: 'YYYY-MM-DD', '-' when no arrival covers it, NULL when the
                -- line waits for nothing. Kept so a moved date can be told to the customer, and lists read it directly.
                ALTER TABLE order_line ADD COLUMN promised TEXT;
                -- What a customer should hear. At most one pending notice per order: newer events join it.
                CREATE TABLE notice (
                    id INTEGER PRIMARY KEY,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    events TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    sent_at INTEGER,
                    sent_by TEXT,
                    text TEXT
                );
                CREATE UNIQUE INDEX notice_pending ON notice(order_id) WHERE sent_at IS NULL;
                CREATE INDEX notice_order ON notice(order_id);
                """)
            try legacyPegOrderLines(db)
        }
        m.registerMigration("v3-report-indexes") { db in
            // The service-level report reads one period of shipments and of journal rows, never the whole history.
            try db.execute(sql: """
                CREATE INDEX shipment_at ON shipment(at);
                CREATE INDEX movement_at ON movement(at);
                """)
        }
        m.registerMigration("v4-covering-filters") { db in
            // The open lists' indexes also carry what a filter looks at, so typing a filter never reads the tables.
            try db.execute(sql: """
                DROP INDEX orders_open;
                CREATE INDEX orders_open ON orders(order_date, number, customer) WHERE closed_at IS NULL;
                DROP INDEX line_backorder_age;
                CREATE INDEX line_backorder_age ON order_line(order_date, order_no, line_no, sku, order_id) WHERE backordered > 0;
                """)
        }
        m.registerMigration("v5-journal-by-sku-line") { db in
            // A receipt journals a thousand lines of ONE SKU: keyed by SKU first, their index entries sit on a few
            // neighbouring pages instead of a thousand scattered ones (movement_line), and one index replaces two.
            try db.execute(sql: """
                CREATE INDEX movement_sku_line ON movement(sku, line_id);
                DROP INDEX movement_line;
                DROP INDEX movement_sku;
                """)
            // Each line counts its own changes; an order's version is its header's plus its lines' (see fetchOrder). A
            // receipt serving a thousand orders then rewrites only the lines it changes, not a thousand order rows too.
            try db.execute(sql: "ALTER TABLE order_line ADD COLUMN version INTEGER NOT NULL DEFAULT 0")
        }
        // Immediate checks: nothing here can break a foreign key, and the deferred whole-file check would take seconds.
        m.registerMigration("v6-waiting-queue", foreignKeyChecks: .immediate) { db in
            // Clustered in serving order, a receipt walks its SKU's queue as one range and moves dates on a few pages, not one per line.
            // order_line.promised stays as v5 left it and nothing reads it: clearing it would rewrite most of the table's pages.
            try db.execute(sql: """
                -- The queue of waiting lines and their pegged promised dates ('YYYY-MM-DD', '-' when no arrival covers the
                -- line, NULL until pegging settles it). Key and backordered copy the line's; triggers keep them in step.
                CREATE TABLE waiting (
                    sku TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    order_date TEXT NOT NULL,
                    order_no TEXT NOT NULL,
                    line_no INTEGER NOT NULL,
                    line_id INTEGER NOT NULL,
                    order_id INTEGER NOT NULL,
                    backordered INTEGER NOT NULL CHECK (backordered > 0),
                    promised TEXT,
                    PRIMARY KEY (sku, priority, order_date, order_no, line_no)
                ) WITHOUT ROWID;
                INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered, promised)
                SELECT sku, priority, order_date, order_no, line_no, id, order_id, backordered, promised
                FROM order_line INDEXED BY line_waiting WHERE backordered > 0 ORDER BY sku, priority, order_date, order_no, line_no;
                DROP INDEX line_waiting;
                """)
            try createWaitingTriggers(db)
        }
        m.registerMigration("v7-open-line-age", foreignKeyChecks: .immediate) { db in
            // The backorder list walks open lines oldest first and keeps those in the queue. Keyed on waiting lines
            // (backordered > 0), the index lost an entry for each line a receipt served, and a receipt's thousand
            // lines are spread over all dates: 650 of its 1,700 changed pages. A line stays open until shipped or
            // cancelled, which a receipt never changes, so a receipt leaves this index alone. (Queries name the condition
            // as `Warehouse.openLine`; INDEXED BY fails loudly if the two ever differ.)
            try db.execute(sql: """
                DROP INDEX line_backorder_age;
                CREATE INDEX line_open_age ON order_line(order_date, order_no, line_no, sku, order_id) WHERE ordered - shipped - cancelled > 0;
                """)
        }
        // The journal's check of `kind`, written as comparisons: SQLite tests `kind IN (eight texts)` by building a lookup
        // table for every row written, 10 µs a row (a receipt journals a thousand); eight comparisons take 0.1 µs. The
        // two accept the same rows, so the table's definition is edited in place as SQLite documents for changing
        // constraints (lang_altertable.html, section 7): no row is read or copied, on a file of any size.
        m.registerMigration("v8-journal-kind-check", foreignKeyChecks: .immediate) { db in
            let kinds = ["order", "allocate", "pick", "short-pick", "ship", "receive", "cancel", "adjust"]
            let before = "CHECK (kind IN (\(kinds.map { "'\($0)'" }.joined(separator: ","))))"
            let after = "CHECK (\(kinds.map { "kind = '\($0)'" }.joined(separator: " OR ")))"
            try editJournalKindCheck(db, from: before, to: after)
        }
        m.registerMigration("v9-journal-by-line", foreignKeyChecks: .immediate) { db in
            // An order, a pick, a shipment or a cancellation journals lines of ONE order, whose ids run consecutively:
            // keyed by line, their index entries land on a page or two at the end. Keyed by SKU (v5), a new 20-line order
            // changed one page per line (24 of its 73 pages, a quarter of its time). Allocations, which a receipt
            // journals for a thousand lines of one SKU, stay keyed by SKU. No index holds all of one SKU's rows any more:
            // the journal of one SKU reads the table newest first.
            try db.execute(sql: """
                CREATE INDEX movement_by_line ON movement(line_id) WHERE line_id IS NOT NULL AND kind <> 'allocate';
                CREATE INDEX movement_allocation ON movement(sku, line_id) WHERE kind = 'allocate';
                DROP INDEX movement_sku_line;
                """)
        }
        m.registerMigration("v10-exceptions", foreignKeyChecks: .immediate) { db in
            // The journal learns the corrections; its kind check is edited in place as v8 did (no row is read or copied).
            let old = v8Kinds.map { "kind = '\($0)'" }.joined(separator: " OR ")
            let new = (v8Kinds + v10Kinds).map { "kind = '\($0)'" }.joined(separator: " OR ")
            try editJournalKindCheck(db, from: "CHECK (\(old))", to: "CHECK (\(new))")
            try db.execute(sql: """
                -- The customer's reference or a note on the order.
                ALTER TABLE orders ADD COLUMN note TEXT NOT NULL DEFAULT '';
                -- Changes of an order's header after it was placed (priority, policy, note): who, when, why.
                CREATE TABLE order_change (
                    id INTEGER PRIMARY KEY,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    field TEXT NOT NULL,
                    old TEXT NOT NULL,
                    new TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX order_change_order ON order_change(order_id);
                -- A receipt booked in error and taken back; the receipt itself stays as it was.
                CREATE TABLE receipt_reversal (
                    id INTEGER PRIMARY KEY,
                    receipt_id INTEGER NOT NULL UNIQUE REFERENCES receipt(id),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    reason TEXT NOT NULL
                );
                -- Units an order line sent back: per line, so a return can never exceed what shipped.
                CREATE INDEX movement_return ON movement(line_id) WHERE kind = 'return';
                -- The allocations a receipt made, so a reversal takes back exactly those (receipt_id is set on them).
                CREATE INDEX movement_receipt ON movement(receipt_id) WHERE receipt_id IS NOT NULL;
                -- Purchasing from the shortage report: who an item is bought from, and how many days it takes to come.
                ALTER TABLE item ADD COLUMN supplier TEXT NOT NULL DEFAULT '';
                ALTER TABLE item ADD COLUMN lead_time_days INTEGER CHECK (lead_time_days IS NULL OR lead_time_days >= 0);
                """)
            for table in ["order_change", "receipt_reversal"] {
                for event in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_no_\(event.lowercased()) BEFORE \(event) ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) rows are records and cannot be changed'); END
                        """)
                }
            }
        }
        m.registerMigration("v11-sort-indexes", foreignKeyChecks: .immediate) { db in
            // Sorting a whole list reads its first screen from an index in the sort's order, not from a sort of every row.
            // None of them is touched by a receipt: the open lines' index, like `line_open_age` (v7), keys on what a receipt
            // never changes, so a receipt's thousand served lines leave it alone; a new order's lines share one priority and
            // date, so they go onto one page of it. Names change only when an item or a customer is edited.
            try db.execute(sql: """
                CREATE INDEX line_open_priority ON order_line(priority, order_date, order_no, line_no, sku, order_id)
                    WHERE ordered - shipped - cancelled > 0;
                CREATE UNIQUE INDEX item_name ON item(name COLLATE NOCASE, sku);
                CREATE UNIQUE INDEX customer_name ON customer(name COLLATE NOCASE, code);
                """)
        }
        m.registerMigration("v12-sessions") { db in
            // Who has the file open in the UI: one row per session, refreshed by its heartbeat, deleted when it ends.
            // Not warehouse data: no operation reads it, and writing it does not raise the revision.
            try db.execute(sql: """
                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    user TEXT NOT NULL,
                    host TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    process_start INTEGER,
                    started_at INTEGER NOT NULL,
                    seen_at INTEGER NOT NULL
                )
                """)
        }
        m.registerMigration("v13-customer-mail") { db in
            // Notices reach the customer: the language it reads, its address and who to address (all optional).
            // A notice being mailed is claimed first, so two clerks sending at once never mail it twice.
            // `setting` keeps the warehouse's own values, such as the From address of its mail.
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'nb'));
                ALTER TABLE customer ADD COLUMN email TEXT;
                ALTER TABLE customer ADD COLUMN contact TEXT;
                ALTER TABLE notice ADD COLUMN claimed_at INTEGER;
                ALTER TABLE notice ADD COLUMN claimed_by TEXT;
                CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }
        // The status bar's figures and the lists' sizes kept as the rows change, not counted over millions of rows.
        // Immediate foreign-key checks: nothing is altered, and the deferred check would read every table (seconds on 1M lines).
        m.registerMigration("v14-counters", foreignKeyChecks: .immediate) { db in try Counters.install(db) }
        // Immediate foreign-key checks, as for v14: the index adds tables and triggers, it changes no row.
        m.registerMigration("v15-search", foreignKeyChecks: .immediate) { db in
            // The filter's full-text index (FTS5 trigram), built from the rows and kept by triggers: see Search.swift.
            try SearchIndex.migrate(db)
        }
        // The journal by time served one report, the service level, which reads only the movements that put units on
        // backorder (a twelfth of them): its index holds those alone, a tenth of the size (37 MB less on 1M lines).
        m.registerMigration("v16-journal-index", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                DROP INDEX movement_at;
                CREATE INDEX movement_backordered_at ON movement(at) WHERE d_backordered > 0;
                """)
        }
        // Who changed a customer's details, when, from what: one row per field changed (CustomerJournal), kept forever.
        m.registerMigration("v17-customer-journal", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: customerJournal)
        }
        return m
    }

    /// Replaces the journal's kind check `before` by `after` in the table's stored definition, as SQLite documents for
    /// changing constraints (lang_altertable.html, section 7): no row is read or copied, on a file of any size.
    private static func editJournalKindCheck(_ db: Database, from before: String, to after: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: """
            UPDATE sqlite_master SET sql = replace(sql, ?1, ?2) WHERE type = 'table' AND name = 'movement' AND instr(sql, ?1) > 0
            """, arguments: [before, after])
        let edited = db.changesCount
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        guard edited == 1 else {
            throw Schema.Unrecognized(reason: Localizer.process(CheckText.schemaUnrecognized))
        }
        // SQLite reads the edited definition again here: had the edit broken it, the migration would fail and roll back.
        _ = try Row.fetchOne(db, sql: "SELECT * FROM movement LIMIT 1")
    }

    /// The journal kinds v8 knew, in its check's order.
    static let v8Kinds = ["order", "allocate", "pick", "short-pick", "ship", "receive", "cancel", "adjust"]
    /// The kinds the corrections of v10 added.
    static let v10Kinds = ["release", "put-back", "amend", "return", "receipt-reversal"]

    /// Keeps `waiting` in step with `order_line` whoever writes the lines: operations, bulk allocation, imports, tools.
    static func createWaitingTriggers(_ db: Database) throws {
        let key = "sku = OLD.sku AND priority = OLD.priority AND order_date = OLD.order_date AND order_no = OLD.order_no AND line_no = OLD.line_no"
        let insert = """
            INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered)
            VALUES (NEW.sku, NEW.priority, NEW.order_date, NEW.order_no, NEW.line_no, NEW.id, NEW.order_id, NEW.backordered)
            """
        try db.execute(sql: """
            -- Lines are inserted empty and filled by their first movement; one inserted already waiting joins the queue too.
            CREATE TRIGGER waiting_line_inserted AFTER INSERT ON order_line WHEN NEW.backordered > 0
            BEGIN \(insert); END;
            CREATE TRIGGER waiting_line_starts AFTER UPDATE OF backordered ON order_line WHEN OLD.backordered = 0 AND NEW.backordered > 0
            BEGIN \(insert); END;
            CREATE TRIGGER waiting_line_stops AFTER UPDATE OF backordered ON order_line WHEN OLD.backordered > 0 AND NEW.backordered = 0
            BEGIN DELETE FROM waiting WHERE \(key); END;
            -- A partial allocation or a short pick changes how much a waiting line waits for; its date stays until re-pegged.
            CREATE TRIGGER waiting_line_changes AFTER UPDATE OF backordered ON order_line
            WHEN OLD.backordered > 0 AND NEW.backordered > 0 AND NEW.backordered != OLD.backordered
            BEGIN UPDATE waiting SET backordered = NEW.backordered WHERE \(key); END;
            CREATE TRIGGER waiting_line_deleted AFTER DELETE ON order_line WHEN OLD.backordered > 0
            BEGIN DELETE FROM waiting WHERE \(key); END;
            """)
    }

    /// What v2 ran to settle the dates of a file that had none: pegs every SKU into `order_line.promised`, where dates
    /// lived until v6 (which copies them into `waiting`). Frozen with v2: later code keeps dates elsewhere.
    private static func legacyPegOrderLines(_ db: Database) throws {
        var arrivalsBySku: [String: [Arrival]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM arrival WHERE closed_at IS NULL ORDER BY sku, eta, id") {
            let a = arrivalFrom(r)
            arrivalsBySku[a.sku, default: []].append(a)
        }
        var bySku: [String: [WaitingLine]] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT id, sku, order_no, line_no, priority, order_date, backordered FROM order_line
            WHERE backordered > 0 ORDER BY sku, priority, order_date, order_no, line_no
            """) {
            bySku[r["sku"], default: []].append(WaitingLine(lineId: r["id"], orderNumber: r["order_no"], lineNo: r["line_no"],
                                                            priority: r["priority"], orderDate: day(r["order_date"]),
                                                            backordered: r["backordered"]))
        }
        let update = try db.makeStatement(sql: "UPDATE order_line SET promised = ? WHERE id = ?")
        for (sku, lines) in bySku {
            for (lineId, date) in Rules.peg(waiting: lines, arrivals: arrivalsBySku[sku] ?? []).promised {
                try update.execute(arguments: [Pegging.stored(date), lineId])
            }
        }
    }

    /// `v17-customer-journal`: the table, its index by customer, and the triggers that keep its rows as records.
    static let customerJournal = """
        CREATE TABLE customer_change (
            id INTEGER PRIMARY KEY,
            customer TEXT NOT NULL REFERENCES customer(code),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT NOT NULL,
            new TEXT NOT NULL
        );
        CREATE INDEX customer_change_customer ON customer_change(customer, id);
        CREATE TRIGGER customer_change_no_update BEFORE UPDATE ON customer_change
        BEGIN SELECT RAISE(ABORT, 'customer_change rows are records and cannot be changed'); END;
        CREATE TRIGGER customer_change_no_delete BEFORE DELETE ON customer_change
        BEGIN SELECT RAISE(ABORT, 'customer_change rows are records and cannot be changed'); END;
        """

    /// The migrations this build knows.
    static var knownMigrations: [String] { migrator.migrations }
}
