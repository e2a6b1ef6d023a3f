import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// Backups and restores of real files, in this process (the multi-process cases are in CLITests/BackupCLITests).
final class BackupTests: XCTestCase {
    /// A closed data file holding one order of 10 BOLT with 4 on the shelf.
    func liveFile() throws -> String {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 4), ctx: ctx())
        try w.addCustomer(Customer(code: "C1", name: "Customer C1"))
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [NewOrderLine(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.close()
        return path
    }

    func folder(of path: String) -> String { (path as NSString).deletingLastPathComponent }

    func revision(_ path: String) throws -> Int {
        let w = try Warehouse.open(path: path, mode: .readOnly)
        defer { try? w.close() }
        return try w.revision()
    }

    func testBackupNamesAreUTCAndOnlyTheyAreRotated() {
        let date = Date(timeIntervalSince1970: 1_795_600_800) // 2026-11-25 10:00:00 UTC
        XCTAssertEqual(Backups.fileName(at: date), "backorders-20261125-100000.sqlite")
        XCTAssertTrue(Backups.isBackupName("backorders-20261125-100000.sqlite"))
        for name in ["backorders-20261125-0720.sqlite", "backorders-2026112a-072000.sqlite", "backorders-20261125_072000.sqlite",
                     "backorders-20261125-072000.sqlite-wal", "x-backorders-20261125-100000.sqlite", "backorders-20261125-072000.sqlite.partial-1"] {
            XCTAssertFalse(Backups.isBackupName(name), name)
        }
    }

    func testVersionFiguresComeFromTheSchemaAndTheLibrary() throws {
        XCTAssertEqual(Warehouse.fileFormat.number, Schema.knownMigrations.count)
        XCTAssertEqual(Warehouse.fileFormat.latest, Schema.knownMigrations.last)
        let sql = try DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }
        XCTAssertEqual(Warehouse.sqliteVersion, sql)
    }

    func testBackupToAFolderKeepsTheNewestAndSparesTheNewOne() throws {
        let live = try liveFile()
        let dir = folder(of: live) + "/backups"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A file dated later than the clock (the clock went back): --keep 1 must still keep the one just made.
        _ = FileManager.default.createFile(atPath: dir + "/backorders-29990101-000000.sqlite", contents: Data("x".utf8))
        let now = Date(timeIntervalSince1970: 1_795_600_800)
        let r = try Backups.backup(live: live, to: dir, keep: 1, now: now)
        XCTAssertEqual(r.path, dir + "/backorders-20261125-100000.sqlite")
        XCTAssertEqual(r.removed, [dir + "/backorders-29990101-000000.sqlite"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["backorders-20261125-100000.sqlite"])
        XCTAssertEqual(r.violations, [])
        XCTAssertEqual(r.revision, try revision(live))
        XCTAssertGreaterThan(r.bytes, 0)
        // The same second again: refused, the first copy untouched.
        assertRefused(.refused, "exists already") { _ = try Backups.backup(live: live, to: dir, keep: 1, now: now) }
    }

    /// A backup of a file whose counters disagree with its journal is still written (it is what there is), and says so.
    func testABackupOfAFileThatBreaksARuleIsKeptAndReported() throws {
        let live = try liveFile()
        let q = try DatabaseQueue(path: live)
        try q.write { try $0.execute(sql: "UPDATE item SET on_hand = on_hand + 5 WHERE sku = 'BOLT'") }
        try q.close()
        let r = try Backups.backup(live: live, to: folder(of: live) + "/b.sqlite")
        XCTAssertTrue(r.violations.contains { $0.rule == "stock vs journal" }, "\(r.violations)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: r.path))
    }

    /// A damaged live file: no backup under the destination's name, and nothing temporary left.
    func testADamagedFileGivesNoBackup() throws {
        let live = try liveFile()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: live))
        for i in 4096..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try bytes.write(to: URL(fileURLWithPath: live))
        let dest = folder(of: live) + "/b.sqlite"
        assertRefused(.dataFile, "damaged") { _ = try Backups.backup(live: live, to: dest) }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder(of: live))
        XCTAssertFalse(left.contains { $0.hasPrefix("b.sqlite") }, "\(left)")
    }

    /// A source whose counters disagree with its journal fails its check: refused, and the live file stays.
    func testRestoreRefusesASourceThatFailsItsCheck() throws {
        let live = try liveFile()
        let source = folder(of: live) + "/bad.sqlite"
        _ = try Backups.backup(live: live, to: source)
        let q = try DatabaseQueue(path: source)
        try q.write { try $0.execute(sql: "UPDATE item SET on_hand = on_hand + 5 WHERE sku = 'BOLT'") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: live))
        assertRefused(.dataFile, "fails its check") { _ = try Backups.restore(from: source, to: live) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: live)), before)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder(of: live)).contains { $0.contains(".restoring") || $0.contains(".replaced") })
    }

    func testRestoreRefusesAnotherApplicationsOrANewerFile() throws {
        let live = try liveFile()
        let before = try Data(contentsOf: URL(fileURLWithPath: live))
        let other = folder(of: live) + "/other.sqlite"
        let q = try DatabaseQueue(path: other)
        try q.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        try q.close()
        assertRefused(.dataFile, "another application") { _ = try Backups.restore(from: other, to: live) }

        let newer = folder(of: live) + "/newer.sqlite"
        _ = try Backups.backup(live: live, to: newer)
        let n = try DatabaseQueue(path: newer)
        try n.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try n.close()
        assertRefused(.dataFile, "newer version") { _ = try Backups.restore(from: newer, to: live) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: live)), before)
    }

    /// A backup made by an older version is upgraded on the way in; the backup itself is not touched.
    func testRestoreOfAnOlderFormatUpgradesTheCopyOnly() throws {
        let live = try liveFile()
        let old = folder(of: live) + "/old.sqlite"
        let pool = try DatabasePool(path: old)
        try Schema.migrator.migrate(pool, upTo: "v10-exceptions")
        try pool.close()
        let oldBytes = try Data(contentsOf: URL(fileURLWithPath: old))
        let liveRevision = try revision(live)
        let r = try Backups.restore(from: old, to: live)
        XCTAssertEqual(r.upgrades, ["v11-sort-indexes", "v12-sessions", "v13-customer-mail", "v14-counters", "v15-search", "v16-journal-index", "v17-customer-journal"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: old)), oldBytes, "the backup was changed")
        XCTAssertEqual(try Warehouse.pendingMigrations(path: live), [])
        XCTAssertEqual(try revision(live), 0, "the empty old file is in place")
        XCTAssertEqual(try r.replaced.map(revision), liveRevision, "the file it replaced is kept")
    }

    /// The restored file takes the permissions of the one it replaces (a clerks' group may write it).
    func testRestoredFileKeepsThePermissionsOfTheReplacedOne() throws {
        let live = try liveFile()
        let source = folder(of: live) + "/b.sqlite"
        _ = try Backups.backup(live: live, to: source)
        chmod(source, 0o600)
        chmod(live, 0o664)
        let r = try Backups.restore(from: source, to: live)
        var st = stat()
        XCTAssertEqual(stat(live, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o664)
        XCTAssertNotNil(r.replaced)
    }

    /// A restore where there was no file puts the backup there and keeps nothing.
    func testRestoreWhereThereIsNoFile() throws {
        let live = try liveFile()
        let source = folder(of: live) + "/b.sqlite"
        _ = try Backups.backup(live: live, to: source)
        let fresh = folder(of: live) + "/fresh.sqlite"
        let r = try Backups.restore(from: source, to: fresh)
        XCTAssertNil(r.replaced)
        XCTAssertEqual(try revision(fresh), try revision(live))
    }

    /// An open connection is what a restore looks for (its locks conflict with the restore's even in this process);
    /// a file opened and closed again is free.
    func testTheFileIsInUseExactlyWhileAConnectionIsOpen() throws {
        let live = try liveFile()
        XCTAssertNil(try FileUse.holder(of: live))
        let w = try Warehouse.open(path: live, mode: .readOnly)
        _ = try w.revision()
        XCTAssertNotNil(try FileUse.holder(of: live), "an open reader was not seen")
        try w.close()
        XCTAssertNil(try FileUse.holder(of: live))
        XCTAssertNil(try FileUse.holder(of: live + ".none"), "no file, nobody on it")
    }
}
