import BackorderCore
import GRDB

/// The figures of the status bar and the sizes of the unfiltered lists, kept by the store as the rows change, so that
/// reading them costs a few rows however large the file is.
///
/// Kept by SQL triggers, not in Swift: every path that writes rows (operations, corrections, imports, the generator,
/// restore, a migration) then keeps them in its own transaction without knowing about them.
/// Lateness moves with the calendar, not with the rows: open arrivals are counted per ETA day, and the late ones are
/// the days before today summed (a few hundred rows at most).
enum Counters {
    /// The names of the kept counters in `tally` (keys, not prose).
    static let openOrders = CheckRules.Tally.openOrders
    static let waitingLines = CheckRules.Tally.waitingLines
    static let backorderedUnits = CheckRules.Tally.backorderedUnits
    static let items = CheckRules.Tally.items

    /// Creates the tables and the triggers, and fills the tables from the rows (migration `v14-counters`).
    static func install(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE tally (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
            -- Open arrivals per ETA day; a day with none has no row.
            CREATE TABLE open_arrival_day (eta TEXT PRIMARY KEY NOT NULL, arrivals INTEGER NOT NULL CHECK (arrivals >= 0)) WITHOUT ROWID;
            """)
        try createTriggers(db)
        try rebuild(db)
    }

    /// The triggers that keep the counters; a bulk load may drop them (`dropTriggers`) and call `rebuild` at the end.
    static func createTriggers(_ db: Database) throws {
        func add(_ name: String, _ delta: String) -> String {
            "UPDATE tally SET value = value + (\(delta)) WHERE name = '\(name)';"
        }
        let arrive = "INSERT INTO open_arrival_day (eta, arrivals) VALUES (NEW.eta, 1) ON CONFLICT (eta) DO UPDATE SET arrivals = arrivals + 1;"
        let leave = """
            UPDATE open_arrival_day SET arrivals = arrivals - 1 WHERE eta = OLD.eta;
            DELETE FROM open_arrival_day WHERE eta = OLD.eta AND arrivals = 0;
            """
        try db.execute(sql: """
            CREATE TRIGGER tally_order_inserted AFTER INSERT ON orders WHEN NEW.closed_at IS NULL
            BEGIN \(add(openOrders, "1")) END;
            CREATE TRIGGER tally_order_closes AFTER UPDATE OF closed_at ON orders WHEN OLD.closed_at IS NULL AND NEW.closed_at IS NOT NULL
            BEGIN \(add(openOrders, "-1")) END;
            CREATE TRIGGER tally_order_reopens AFTER UPDATE OF closed_at ON orders WHEN OLD.closed_at IS NOT NULL AND NEW.closed_at IS NULL
            BEGIN \(add(openOrders, "1")) END;
            CREATE TRIGGER tally_order_deleted AFTER DELETE ON orders WHEN OLD.closed_at IS NULL
            BEGIN \(add(openOrders, "-1")) END;
            CREATE TRIGGER tally_waiting_inserted AFTER INSERT ON waiting
            BEGIN \(add(waitingLines, "1")) END;
            CREATE TRIGGER tally_waiting_deleted AFTER DELETE ON waiting
            BEGIN \(add(waitingLines, "-1")) END;
            CREATE TRIGGER tally_item_inserted AFTER INSERT ON item
            BEGIN \(add(items, "1")) \(add(backorderedUnits, "NEW.backordered")) END;
            CREATE TRIGGER tally_item_backordered AFTER UPDATE OF backordered ON item WHEN NEW.backordered != OLD.backordered
            BEGIN \(add(backorderedUnits, "NEW.backordered - OLD.backordered")) END;
            CREATE TRIGGER tally_item_deleted AFTER DELETE ON item
            BEGIN \(add(items, "-1")) \(add(backorderedUnits, "-OLD.backordered")) END;
            CREATE TRIGGER tally_arrival_inserted AFTER INSERT ON arrival WHEN NEW.closed_at IS NULL
            BEGIN \(arrive) END;
            CREATE TRIGGER tally_arrival_leaves AFTER UPDATE OF closed_at, eta ON arrival
            WHEN OLD.closed_at IS NULL AND (NEW.closed_at IS NOT NULL OR NEW.eta != OLD.eta)
            BEGIN \(leave) END;
            CREATE TRIGGER tally_arrival_arrives AFTER UPDATE OF closed_at, eta ON arrival
            WHEN NEW.closed_at IS NULL AND (OLD.closed_at IS NOT NULL OR NEW.eta != OLD.eta)
            BEGIN \(arrive) END;
            CREATE TRIGGER tally_arrival_deleted AFTER DELETE ON arrival WHEN OLD.closed_at IS NULL
            BEGIN \(leave) END;
            """)
    }

    /// Drops the counters' triggers (for a bulk load that calls `rebuild` when it is done).
    static func dropTriggers(_ db: Database) throws {
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally\\_%' ESCAPE '\\'") {
            try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
        }
    }

    /// What the counters must hold, counted from the rows (one pass over each index).
    static func counted(_ db: Database) throws -> (tally: [String: Int], days: [String: Int]) {
        let tally = [
            openOrders: try db.int(sql: "SELECT COUNT(*) FROM orders INDEXED BY orders_open WHERE closed_at IS NULL") ?? 0,
            waitingLines: try db.int(sql: "SELECT COUNT(*) FROM waiting") ?? 0,
            backorderedUnits: try db.int(sql: "SELECT COALESCE(SUM(backordered), 0) FROM item") ?? 0,
            items: try db.int(sql: "SELECT COUNT(*) FROM item") ?? 0,
        ]
        var days: [String: Int] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT eta, COUNT(*) FROM arrival INDEXED BY arrival_open_eta WHERE closed_at IS NULL GROUP BY eta
            """) { days[r[0]] = r[1] }
        return (tally, days)
    }

    /// Sets every counter from the rows: for `upgrade` and for a bulk load that wrote rows without the triggers.
    static func rebuild(_ db: Database) throws {
        let (tally, days) = try counted(db)
        try db.execute(sql: "DELETE FROM tally")
        try db.execute(sql: "DELETE FROM open_arrival_day")
        for (name, value) in tally {
            try db.execute(sql: "INSERT INTO tally (name, value) VALUES (?, ?)", arguments: [name, value])
        }
        for (eta, n) in days {
            try db.execute(sql: "INSERT INTO open_arrival_day (eta, arrivals) VALUES (?, ?)", arguments: [eta, n])
        }
    }

    /// One kept counter.
    static func value(_ db: Database, _ name: String) throws -> Int {
        try db.int(sql: "SELECT value FROM tally WHERE name = ?", arguments: [name]) ?? 0
    }

    /// Open arrivals.
    static func openArrivals(_ db: Database) throws -> Int {
        try db.int(sql: "SELECT COALESCE(SUM(arrivals), 0) FROM open_arrival_day") ?? 0
    }

    /// Open arrivals, and those with an ETA before `today`.
    static func arrivals(_ db: Database, today: Day) throws -> (open: Int, late: Int) {
        let r = try db.row(sql: """
            SELECT COALESCE(SUM(arrivals), 0), COALESCE(SUM(CASE WHEN eta < ? THEN arrivals ELSE 0 END), 0) FROM open_arrival_day
            """, arguments: [today.iso])
        return (r?[0] ?? 0, r?[1] ?? 0)
    }

    /// The status bar's figures and the lists' sizes, from the counters.
    static func counts(_ db: Database, today: Day) throws -> Counts {
        let (open, late) = try arrivals(db, today: today)
        return Counts(openOrders: try value(db, openOrders), backorderLines: try value(db, waitingLines),
                      backorderedUnits: try value(db, backorderedUnits), openArrivals: open, lateArrivals: late,
                      items: try value(db, items))
    }

    /// Each counter that differs from the rows (`check`'s rule "counters", shared with the server's store).
    static func verify(_ db: Database, limit: Int) throws -> [Violation] {
        let (tally, days) = try counted(db)
        var kept: [String: Int] = [:], keptDays: [String: Int] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT name, value FROM tally") { kept[r[0]] = r[1] }
        for r in try Row.fetchAll(db, sql: "SELECT eta, arrivals FROM open_arrival_day") { keptDays[r[0]] = r[1] }
        return CheckRules.counters(kept: kept, counted: tally, keptDays: keptDays, countedDays: days, limit: limit)
    }
}
