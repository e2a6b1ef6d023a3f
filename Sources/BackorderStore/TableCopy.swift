import BackorderCore
import Foundation
import GRDB

/// `backorders copy` on a data file: every table's raw rows read in one snapshot, or written into a new file in one
/// transaction (the generator's way: triggers at rest while the rows go in, the filter's index built after).
extension Warehouse {
    /// Puts every table's rows into `pipe`, in `WarehouseTables.copyOrder`, batch by batch, all from one snapshot
    /// (at least one batch per table, so that an empty table's columns are known). Returns each table's digest.
    public func readTables(into pipe: CopyPipe, batchRows: Int = WarehouseTables.batchRows) throws -> [String: TableDigest] {
        do {
            return try writer.read { db in
                var digests: [String: TableDigest] = [:]
                for table in WarehouseTables.copyOrder {
                    let columns = try db.columns(in: table).map(\.name)
                    let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                    var digest = TableDigest()
                    var rows: [[CopyValue]] = []
                    rows.reserveCapacity(batchRows)
                    let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier)")
                    var sent = false
                    while let row = try cursor.next() {
                        let values = (0..<columns.count).map { Self.copyValue(row[$0] as DatabaseValue) }
                        digest.add(values)
                        rows.append(values)
                        if rows.count == batchRows {
                            try pipe.put(RowBatch(table: table, columns: columns, rows: rows))
                            rows.removeAll(keepingCapacity: true)
                            sent = true
                        }
                    }
                    if !rows.isEmpty || !sent { try pipe.put(RowBatch(table: table, columns: columns, rows: rows)) }
                    digests[table] = digest
                }
                return digests
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }

    /// Creates a new data file at `path` holding exactly the rows taken from `pipe`, in one transaction, and returns
    /// each table's digest read back before the commit. The counters and the waiting queue are copied as they are
    /// (triggers rest meanwhile); the filter's index is built from the rows. Refuses a path that exists; on any
    /// failure the new file is removed, so nothing is left behind.
    public static func createCopy(path: String, from pipe: CopyPipe) throws -> [String: TableDigest] {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw CopyProblem.destinationExists(path) }
        // Built under a name of its own and linked into place only when complete: a copy killed half-way (even by
        // SIGKILL) leaves no file at `path`; its leftover is removed by the next copy to the same path.
        let temp = path + ".copying"
        let removeTemp = { for p in [temp, temp + "-wal", temp + "-shm"] { try? fm.removeItem(atPath: p) } }
        removeTemp()
        do {
            let digests: [String: TableDigest]
            do {
                let w = try Warehouse.open(path: temp, mode: .create)
                defer { try? w.close() }
                digests = try w.fill(from: pipe)
            }
            // link(2) refuses an existing path: a file made there meanwhile is never replaced.
            guard link(temp, path) == 0 else {
                if errno == EEXIST { throw CopyProblem.destinationExists(path) }
                throw BackorderError(.dataFile, .t(DataFileText.cannotOpenReason, path, String(cString: strerror(errno))))
            }
            removeTemp()
            return digests
        } catch {
            removeTemp()
            throw error
        }
    }

    /// Writes the pipe's rows into this (new, empty) warehouse; see `createCopy`.
    func fill(from pipe: CopyPipe) throws -> [String: TableDigest] {
        do {
            return try writer.writeWithoutTransaction { db in
                // Parents go in first; every reference is verified once, after the load (as the generator does).
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var digests: [String: TableDigest] = [:]
                try db.inTransaction(.immediate) {
                    let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                        .map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                    for t in triggers { try db.execute(sql: "DROP TRIGGER \(t.name.quotedDatabaseIdentifier)") }
                    for table in WarehouseTables.seeded { try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)") }
                    let known = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    var columnsOf: [String: [String]] = [:]
                    var statement: Statement?
                    var current = ""
                    while let batch = try pipe.next() {
                        guard known.contains(batch.table) else { throw CopyProblem.unknownTable(batch.table) }
                        if batch.table != current {
                            current = batch.table
                            columnsOf[batch.table] = batch.columns
                            let list = batch.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                            let marks = Array(repeating: "?", count: batch.columns.count).joined(separator: ", ")
                            statement = try db.makeStatement(sql: "INSERT INTO \(batch.table.quotedDatabaseIdentifier) (\(list)) VALUES (\(marks))")
                        }
                        for row in batch.rows {
                            try statement!.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                        }
                    }
                    for t in triggers { try db.execute(sql: t.sql) }
                    try Warehouse.rebuildSearchIndex(db)
                    if let orphan = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                        throw CopyProblem.differs(table: orphan[0] as String? ?? "?")
                    }
                    digests = try Self.digests(db, columnsOf)
                    if let source = pipe.sourceDigests, let table = WarehouseTables.copyOrder.first(where: { source[$0] != digests[$0] }) {
                        throw CopyProblem.differs(table: table)
                    }
                    // The revision is copied as it is: the file is new, nobody's screen waits on it.
                    return .commit
                }
                try db.checkpoint(.truncate)
                return digests
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }

    /// Every table's digest, over the given columns (in their order).
    static func digests(_ db: Database, _ columnsOf: [String: [String]]) throws -> [String: TableDigest] {
        var out: [String: TableDigest] = [:]
        for (table, columns) in columnsOf {
            let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            var digest = TableDigest()
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier)")
            while let row = try cursor.next() { digest.add((0..<columns.count).map { copyValue(row[$0] as DatabaseValue) }) }
            out[table] = digest
        }
        return out
    }

    /// Every table's digest over all its columns (in the order of their names), read now (a test compares two files with it).
    public func tableDigests() throws -> [String: TableDigest] {
        try writer.read { db in
            var columnsOf: [String: [String]] = [:]
            // By name: both engines hold the same columns, not always in the same order.
            for table in WarehouseTables.copyOrder { columnsOf[table] = try db.columns(in: table).map(\.name).sorted() }
            return try Self.digests(db, columnsOf)
        }
    }

    static func copyValue(_ v: DatabaseValue) -> CopyValue {
        switch v.storage {
        case .null: return .null
        case let .int64(n): return .integer(n)
        case let .double(d): return .real(d)
        case let .string(s): return .text(s)
        case let .blob(data): return .text(String(decoding: data, as: UTF8.self))
        }
    }

    static func databaseValue(_ v: CopyValue) -> DatabaseValue {
        switch v {
        case .null: return .null
        case let .integer(n): return n.databaseValue
        case let .real(d): return d.databaseValue
        case let .text(s): return s.databaseValue
        }
    }
}
