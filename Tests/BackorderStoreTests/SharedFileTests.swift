import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import HostProcess
import GRDBSQLite
import XCTest

/// A data file shared by several processes and users: the files SQLite keeps beside it, a file that goes away or is
/// replaced under an open warehouse, and the registry of who has it open.
final class SharedFileTests: XCTestCase {
    /// Every connection leaves -wal and -shm behind, with the file's permissions; a new file takes 0666 less the umask.
    func testCompanionFilesStayWithTheFilesPermissions() throws {
        let path = temporaryPath()
        let old = umask(0o002)
        defer { umask(old) }
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 5), ctx: ctx())
        let persisted = { (db: Database) -> Int32 in
            var flag: Int32 = -1  // -1 asks for the setting without changing it
            sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &flag)
            return flag
        }
        XCTAssertEqual(try w.writer.writeWithoutTransaction(persisted), 1, "the writer keeps them")
        XCTAssertEqual(try w.writer.read(persisted), 1, "so does a reader")
        try w.close()
        for file in [path, path + "-wal", path + "-shm"] {
            let a = try FileManager.default.attributesOfItem(atPath: file)
            XCTAssertEqual(a[.posixPermissions] as? Int, 0o664, file)
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int, 0, "the log was folded in and emptied")
        // A session that closes without folding the log in (as the UI does) leaves it empty all the same: frames left there
        // would be replayed into whatever file is put at the path next.
        let ui = try Warehouse.open(path: path, mode: .readWrite)
        try ui.addItem(Item(sku: "NUT", name: "Nut", onHand: 1), ctx: ctx())
        XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0, 0)
        try ui.close(fully: false)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int, 0, "the last close empties the log")
        // A lone writer connection closing last (no pool reader to outlive it) leaves them too.
        for file in [path + "-wal", path + "-shm"] { try FileManager.default.removeItem(atPath: file) }
        let lone = try DatabaseQueue(path: path, configuration: Warehouse.configuration(readOnly: false))
        try lone.write { try $0.execute(sql: "UPDATE meta SET revision = revision") }
        try lone.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"), "a writer closing last keeps -wal")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-shm"), "and -shm")
        // A reader closing last leaves them too.
        try Warehouse.open(path: path, mode: .readOnly).close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-shm"))
        XCTAssertEqual(try Warehouse.open(path: path, mode: .readOnly).item("BOLT").onHand, 5)
    }

    /// The path deleted, moved away or replaced under an open warehouse: every read and write is refused naming it;
    /// the file moved back is read again.
    func testAFileDeletedOrReplacedWhileOpenIsNeverReadAgain() throws {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 5), ctx: ctx())
        let aside = path + ".moved"
        XCTAssertEqual(rename(path, aside), 0)
        let gone = "the data file \(path) was deleted (or moved away) while open; nothing more is read from it or written to it: quit and start again"
        for attempt in [{ _ = try w.item("BOLT") }, { _ = try w.revision() }, { try w.addCustomer(Customer(code: "C1", name: "x")) }] {
            assertRefused(.dataFile, gone, attempt)
        }
        // Another backorders file where the old one was.
        let other = temporaryPath()
        try Warehouse.open(path: other, mode: .create).close()
        XCTAssertEqual(rename(other, path), 0)
        let replaced = "the data file \(path) was replaced by another file while open"
        assertRefused(.dataFile, replaced) { _ = try w.item("BOLT") }
        assertRefused(.dataFile, replaced) { try w.addCustomer(Customer(code: "C1", name: "x")) }
        assertRefused(.dataFile, replaced) { try w.register(now: ctx().now) }
        XCTAssertEqual(try Warehouse.open(path: path, mode: .readOnly).searchCustomers("", limit: 5), [], "nothing reached the new file")
        // The original back in its place: the same file (inode) again, so it is read as before.
        XCTAssertEqual(rename(aside, path), 0)
        XCTAssertEqual(try w.item("BOLT").onHand, 5)
        try w.addCustomer(Customer(code: "C1", name: "x"))
        try w.close()
    }

    /// Sessions register, refresh, expire and leave; another process's entry is kept only while that process runs;
    /// the registry never raises the revision (no screen reloads for a heartbeat).
    func testTheRegistryListsOnlySessionsThatAreThere() throws {
        let path = temporaryPath()
        let start = ctx().now
        let a = try Warehouse.open(path: path, mode: .create), b = try Warehouse.open(path: path, mode: .readWrite)
        let revision = try a.revision()
        try a.register(now: start)
        try b.register(now: start)
        XCTAssertEqual(try a.revision(), revision, "registering is not a change to the warehouse")
        var seen = try a.presence(now: start)
        XCTAssertEqual(seen.count, 2)
        XCTAssertEqual(seen.filter(\.isThisProcess).count, 1, "a's own entry is marked")
        XCTAssertEqual(seen.map(\.user), [Context.osUser(), Context.osUser()])
        XCTAssertEqual(seen.map(\.pid), [Int(getpid()), Int(getpid())])

        // The heartbeat writes at most every heartbeatSeconds; a session silent for expirySeconds is not listed.
        try a.keepAlive(now: Timestamp(unixTime: start.unixTime + 5))
        XCTAssertEqual(try a.presence(now: start).map(\.seen), [start, start], "too soon for a heartbeat")
        let later = Timestamp(unixTime: start.unixTime + Warehouse.heartbeatSeconds)
        try a.keepAlive(now: later)
        let expiry = Timestamp(unixTime: start.unixTime + Warehouse.expirySeconds + 1)
        seen = try b.presence(now: expiry)
        XCTAssertEqual(seen.count, 1, "b stopped beating and is not listed")
        XCTAssertEqual(seen.first?.seen, later)
        XCTAssertEqual(seen.first?.isThisProcess, false)

        // Rows of other processes: one that ended, one whose pid a newer process has, one on another host.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let insert = "INSERT INTO session (id, user, host, pid, process_start, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            try db.execute(sql: insert, arguments: ["ended", "ghost", HostProcess.name, Int(ended.processIdentifier), nil, start.unixTime, later.unixTime])
            try db.execute(sql: insert, arguments: ["reused", "ghost", HostProcess.name, Int(getpid()), 1, start.unixTime, later.unixTime])
            try db.execute(sql: insert, arguments: ["far", "remote", "another-host", 1, nil, start.unixTime, later.unixTime])
        }
        try queue.close()
        XCTAssertEqual(try a.presence(now: later).map(\.user).sorted(), [Context.osUser(), Context.osUser(), "remote"].sorted())

        // Ending: the row goes (close unregisters too); a read-only warehouse records nothing.
        try b.unregister()
        try a.close()
        let reader = try Warehouse.open(path: path, mode: .readOnly)
        XCTAssertEqual(try reader.presence(now: later).map(\.user), ["remote"])
        assertRefused(.refused, "read-only session cannot record itself") { try reader.register(now: later) }
        try reader.keepAlive(now: later)
        XCTAssertEqual(try reader.revision(), revision)
    }
}

/// A real file system that fills up (a small tmpfs, mounted as root): an operation that does not fit is refused with
/// the disk named, changes nothing, and the same operation goes through once there is room.
final class FullDiskTests: XCTestCase {
    private var mountPoint: String?

    override func tearDown() {
        if let mountPoint {
            _ = mountPoint.withCString { umount2($0, Int32(MNT_DETACH)) }
            try? FileManager.default.removeItem(atPath: mountPoint)
        }
    }

    func testAnOperationOnAFullDiskChangesNothing() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to mount a small tmpfs that can fill up") }
        let dir = (temporaryPath() as NSString).deletingLastPathComponent
        guard mount("tmpfs", dir, "tmpfs", 0, "size=4m") == 0 else {
            throw XCTSkip("mounting a tmpfs failed (\(String(cString: strerror(errno)))): no full disk to test on")
        }
        mountPoint = dir
        let path = dir + "/w.sqlite"
        let w = try Warehouse.open(path: path, mode: .create)
        for i in 0..<40 { try w.addItem(Item(sku: "BOLT-\(i)", name: "Bolt \(i)", onHand: 70), ctx: ctx()) }
        try w.addCustomer(Customer(code: "C1", name: "Customer"))
        let big = NewOrder(number: "SO-1", customer: "C1", lines: (0..<40).map { NewOrderLine(sku: "BOLT-\($0)", quantity: 100) })
        let before = (try w.revision(), try w.counts(today: testToday), try w.item("BOLT-7"))

        try fill(dir)
        assertRefused(.dataFile, "the disk holding \(path) is full; nothing was changed") { _ = try w.createOrder(big, ctx: ctx()) }
        XCTAssertEqual(try w.revision(), before.0)
        XCTAssertEqual(try w.counts(today: testToday), before.1)
        XCTAssertEqual(try w.item("BOLT-7"), before.2)
        try assertIntact(w)

        try FileManager.default.removeItem(atPath: dir + "/filler")
        _ = try w.createOrder(big, ctx: ctx())
        XCTAssertEqual(try w.item("BOLT-7").allocated, 70)
        try assertIntact(w)
        try w.close()
    }

    /// Writes a file until the file system has no room left.
    private func fill(_ dir: String) throws {
        let fd = open(dir + "/filler", O_CREAT | O_WRONLY, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        while write(fd, chunk, chunk.count) > 0 {}
        XCTAssertEqual(errno, ENOSPC)
    }
}
