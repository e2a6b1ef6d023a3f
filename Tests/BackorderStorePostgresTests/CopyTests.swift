import BackorderCore
import Foundation
import GRDB
import TestSupport
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// `backorders copy`: a whole warehouse from a real file to the real server and back, compared row by row.
final class CopyTests: PostgresTestCase {

    /// The sample warehouse, an amended order, a reversed receipt, plus a setting whose text needs escaping and a session row (its column "user" is a
    /// reserved word on the server).
    func sampleFile() throws -> String {
        let path = folder.appendingPathComponent("sample.sqlite").path
        try SampleFiles.sampleWithExceptions(at: path)
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('copy test', ?)", arguments: ["tab\there\nline\\slash «æøå»"])
            try db.execute(sql: """
                INSERT INTO session (id, user, host, pid, process_start, started_at, seen_at) VALUES ('s1', 'kari', 'lager1', 42, NULL, 1, 2)
                """)
        }
        try q.close()
        return path
    }

    func toServer(_ file: String, _ b: PostgresBridge) throws -> (source: [String: TableDigest], destination: [String: TableDigest]) {
        let w = try Warehouse.open(path: file, mode: .readOnly)
        defer { try? w.close() }
        return try WarehouseTables.run(read: { try w.readTables(into: $0, batchRows: 7) },
                                       write: { try PostgresTableCopy.write(b, from: $0) })
    }

    /// Every row of every table, sorted, as canonical text.
    func allRows(_ path: String) throws -> [String: [String]] {
        let q = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? q.close() }
        return try q.read { db in
            var out: [String: [String]] = [:]
            for table in WarehouseTables.copyOrder {
                let columns = try db.columns(in: table).map(\.name)
                out[table] = try Row.fetchAll(db, sql: "SELECT \(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")) FROM \(table)")
                    .map { row in WarehouseTables.canonical((0..<columns.count).map { Warehouse.copyValue(row[$0] as DatabaseValue) }) }
                    .sorted()
            }
            return out
        }
    }

    func testTheSampleGoesToTheServerAndBackUnchanged() throws {
        let original = try sampleFile()
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        let indexes = "SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = current_schema()"
        let fresh = try text(b, indexes)
        let there = try toServer(original, b)
        XCTAssertEqual(there.source, there.destination)
        // The indexes the copy dropped to load faster are all back, as they were defined.
        XCTAssertEqual(try text(b, indexes), fresh)
        XCTAssertTrue(fresh.contains("order_search") && fresh.contains("line_open_priority"), fresh)
        XCTAssertGreaterThan(there.source["order_line"]?.rows ?? 0, 0)
        XCTAssertGreaterThan(there.source["movement"]?.rows ?? 0, 0)
        // Read again afterwards, in a snapshot of its own: the server holds what the file holds, table by table.
        let file = try Warehouse.open(path: original, mode: .readOnly)
        let fileDigests = try file.tableDigests()
        try file.close()
        let serverDigests = try PostgresTableCopy.tableDigests(b)
        for table in WarehouseTables.copyOrder { XCTAssertEqual(serverDigests[table], fileDigests[table], table) }
        for table in WarehouseTables.copyOrder {
            XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM \(table)"), fileDigests[table]?.rows, table)
        }
        // New rows get ids after the copied ones.
        let maxOrder = try scalar(b, "SELECT MAX(id) FROM orders")
        XCTAssertEqual(try scalar(b, "SELECT nextval(pg_get_serial_sequence('orders', 'id'))"), maxOrder + 1)
        // And back into a new file: every row of every table as in the original, and check() passes.
        let back = folder.appendingPathComponent("back.sqlite").path
        // The leftover of a copy killed earlier is no obstacle, and is gone afterwards.
        FileManager.default.createFile(atPath: back + ".copying", contents: Data("half a copy".utf8))
        let returned = try WarehouseTables.run(read: { try PostgresTableCopy.read(b, into: $0, batchRows: 5) },
                                               write: { try Warehouse.createCopy(path: back, from: $0) })
        XCTAssertEqual(returned.source, returned.destination)
        let (was, is_) = (try allRows(original), try allRows(back))
        for table in WarehouseTables.copyOrder {
            XCTAssertEqual(is_[table], was[table], table)
            XCTAssertGreaterThan(was[table]?.count ?? 0, 0, "the sample has rows in \(table)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: back + ".copying"))
        let copy = try Warehouse.open(path: back, mode: .readWrite)
        defer { try? copy.close() }
        XCTAssertEqual(try copy.check(), [])
    }

    func testANonEmptyDestinationIsRefusedAndLeftAsItWas() throws {
        let original = try sampleFile()
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        _ = try toServer(original, b)
        let before = try PostgresTableCopy.tableDigests(b)
        XCTAssertThrowsError(try toServer(original, b)) { error in
            XCTAssertEqual(error as? CopyProblem, .destinationNotEmpty(table: "item"))
        }
        XCTAssertEqual(try PostgresTableCopy.tableDigests(b), before)
        // A file that exists is refused, untouched.
        let there = folder.appendingPathComponent("there.sqlite").path
        try Data("not mine".utf8).write(to: URL(fileURLWithPath: there))
        XCTAssertThrowsError(try WarehouseTables.run(read: { try PostgresTableCopy.read(b, into: $0) },
                                                     write: { try Warehouse.createCopy(path: there, from: $0) })) { error in
            XCTAssertEqual(error as? CopyProblem, .destinationExists(there))
        }
        XCTAssertEqual(try String(contentsOfFile: there, encoding: .utf8), "not mine")
    }

    func testAServerThatRefusesATableHalfWayHoldsNoRowsAfterwards() throws {
        let original = try sampleFile()
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        // The journal comes late in the copy: items, customers, orders and lines are in when it is refused.
        try exec(b, "ALTER TABLE movement ADD CONSTRAINT refuse_all CHECK (id < 0)")
        XCTAssertThrowsError(try toServer(original, b)) { error in
            XCTAssertTrue((error as? BackorderError)?.message.contains("refuse_all") ?? false, "\(error)")
        }
        for table in WarehouseTables.copyOrder where !WarehouseTables.seeded.contains(table) {
            XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM \(table)"), 0, table)
        }
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM tally"), 4)
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM meta"), 1)
    }

    /// Items as a reader would send them.
    static func items(_ from: Int, _ count: Int) -> RowBatch {
        RowBatch(table: "item", columns: ["sku", "name"], rows: (from..<from + count).map { [.text("SKU-\($0)"), .text("Item \($0)")] })
    }

    func testAConnectionKilledMidCopyLeavesTheServerEmpty() throws {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        let name = url.database
        let killer = adminBridge!
        XCTAssertThrowsError(try WarehouseTables.run(read: { pipe in
            try pipe.put(Self.items(0, 100))
            try pipe.put(Self.items(100, 100))
            // The writer is in the middle of COPY: end its connection from outside, as a restarted server would.
            Thread.sleep(forTimeInterval: 0.5)
            _ = try killer.run { c in
                try await c.query(PostgresQueryText.make("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()
                    """), logger: PostgresBridge.quiet).collect().count
            }
            for i in 2..<10 { try pipe.put(Self.items(i * 100, 100)) }
            return [:]
        }, write: { try PostgresTableCopy.write(b, from: $0) }))
        let fresh = bridge()
        for table in WarehouseTables.copyOrder where !WarehouseTables.seeded.contains(table) {
            XCTAssertEqual(try scalar(fresh, "SELECT COUNT(*) FROM \(table)"), 0, table)
        }
        XCTAssertEqual(try scalar(fresh, "SELECT COUNT(*) FROM tally"), 4)
    }

    func testAFileWhoseSourceFailsHalfWayIsNotLeftBehind() throws {
        let target = folder.appendingPathComponent("half.sqlite").path
        struct ReaderBroke: Error {}
        let sawTarget = Flag()
        XCTAssertThrowsError(try WarehouseTables.run(read: { pipe in
            try pipe.put(Self.items(0, 100))
            try pipe.put(Self.items(100, 100))
            // While the copy is being written, nothing is at the target (a SIGKILL now would leave no file there).
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: target + ".copying") && Date() < deadline { usleep(10_000) }
            sawTarget.value = FileManager.default.fileExists(atPath: target) || !FileManager.default.fileExists(atPath: target + ".copying")
            throw ReaderBroke()
        }, write: { try Warehouse.createCopy(path: target, from: $0) })) { error in
            XCTAssertTrue(error is ReaderBroke, "\(error)")
        }
        XCTAssertFalse(sawTarget.value, "the copy is built beside the target, under .copying")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + ".copying"))
    }

    /// A flag set on the copy's reading thread and read on the test's.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = false
        var value: Bool {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}
