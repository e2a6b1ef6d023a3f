import BackorderCore
import BackorderStore
import Foundation
import TestSupport
import XCTest

/// `backup` and `restore` through the real binary, with real clerk processes (`backorders stress`) on the file.
final class BackupCLITests: XCTestCase {
    private var db = ""
    private var dir: String { (db as NSString).deletingLastPathComponent }
    private var storm: [(Process, Pipe, Pipe)] = []

    override func setUpWithError() throws {
        db = tempDB()
        XCTAssertEqual(try runCLI(["init"], db: db).status, 0)
        for sku in ["A", "B", "C", "D", "E"] {
            XCTAssertEqual(try runCLI(["item", "add", sku, "Item \(sku)", "--stock", "40"], db: db).status, 0)
        }
        for c in ["C1", "C2", "C3"] { XCTAssertEqual(try runCLI(["customer", "add", c, "Customer \(c)"], db: db).status, 0) }
    }

    override func tearDownWithError() throws {
        for (p, _, _) in storm where p.isRunning { p.terminate(); p.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Starts `count` clerk processes writing random operations to the file.
    private func startStorm(processes count: Int, ops: Int) throws {
        storm = try (1...count).map { n in try startStressWriter(db: db, ops: ops, seed: n + 10, actor: "clerk\(n)") }
    }

    /// Waits for every clerk process and checks that none of them saw an error.
    private func finishStorm(file: StaticString = #filePath, line: UInt = #line) {
        _ = StressRuns.operationsDone(storm, file: file, line: line)
    }

    private func revision(_ path: String) throws -> Int {
        let w = try Warehouse.open(path: path, mode: .readOnly)
        defer { try? w.close() }
        return try w.revision()
    }

    /// Waits until the clerks have committed `operations` more operations than `from`.
    private func waitForRevision(above from: Int, by operations: Int) throws {
        let deadline = Date().addingTimeInterval(60)
        while try revision(db) < from + operations {
            guard Date() < deadline else { throw XCTSkip("the clerk processes committed too little in a minute") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    private func journal(_ path: String) throws -> [Movement] {
        let w = try Warehouse.open(path: path, mode: .readOnly)
        defer { try? w.close() }
        return try w.journal(limit: 10_000_000)
    }

    // MARK: backup

    /// Backups taken while three clerks write: each copy passes `check` and holds every journal row committed before
    /// the backup started, exactly as committed; the clerks never see an error.
    func testBackupDuringAWriteStormHoldsEverythingCommittedBefore() throws {
        let start = try revision(db)
        try startStorm(processes: 3, ops: 1_500)
        try waitForRevision(above: start, by: 30)

        let before = try journal(db)
        let revisionBefore = try revision(db)
        let copy = dir + "/copy.sqlite"
        let r = try runCLI(["backup", copy], db: db)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(storm.contains { $0.0.isRunning }, "the clerks were still writing when the backup ended (raise --ops otherwise)")
        XCTAssertTrue(r.stdout.hasPrefix("backed up \(db) to \(copy): "), r.stdout)
        XCTAssertTrue(r.stdout.contains("check: ok"), r.stdout)

        let folder = dir + "/nightly"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let beforeSecond = try journal(db)
        let second = try runCLI(["backup", folder, "--keep", "3"], db: db)
        XCTAssertEqual(second.status, 0, second.stderr)
        finishStorm()

        let copyRows = try journal(copy)
        XCTAssertGreaterThanOrEqual(try revision(copy), revisionBefore, "operations committed before the backup are missing")
        XCTAssertTrue(Set(before).isSubset(of: Set(copyRows)), "the copy lacks or altered journal rows committed before it started")
        XCTAssertLessThan(copyRows.count, try journal(db).count, "the storm went on after the copy (the test proves nothing otherwise)")
        let copyFile = try Warehouse.open(path: copy, mode: .readOnly)
        XCTAssertEqual(try copyFile.check(quick: false), [], "the copy breaks an invariant")
        try copyFile.close()

        let dated = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(dated.count, 1, "one file, nothing temporary left: \(dated)")
        XCTAssertTrue(Backups.isBackupName(dated[0]), dated[0])
        XCTAssertTrue(Set(beforeSecond).isSubset(of: Set(try journal(folder + "/" + dated[0]))))
        XCTAssertEqual(try runCLI(["check"], db: folder + "/" + dated[0]).status, 0)
        XCTAssertEqual(try runCLI(["check"], db: db).status, 0, "the live file is intact")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.contains(".partial") }, "a temporary file was left")
    }

    /// `--keep N` removes the oldest dated backups beyond N in the folder, and nothing else there.
    func testKeepRemovesTheOldestDatedBackupsOnly() throws {
        let folder = dir + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let old = ["backorders-20250101-020000.sqlite", "backorders-20250102-020000.sqlite", "backorders-20250103-020000.sqlite"]
        let others = ["notes.txt", "backorders-latest.sqlite", "backorders-2025-01-01.sqlite", "backorders-20250101-020000.sqlite.gz"]
        for name in old + others { _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8)) }

        let r = try runCLI(["backup", folder, "--keep", "3"], db: db)
        XCTAssertEqual(r.status, 0, r.stderr)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let made = left.filter { Backups.isBackupName($0) && !old.contains($0) }
        XCTAssertEqual(made.count, 1, "\(left)")
        XCTAssertEqual(left, Set(others + ["backorders-20250102-020000.sqlite", "backorders-20250103-020000.sqlite"] + made))
        XCTAssertTrue(r.stdout.contains("removed the older backup \(folder)/backorders-20250101-020000.sqlite"), r.stdout)

        // Names go by the second: a second backup in the same one is refused, saying so.
        let sameSecond = try runCLI(["backup", folder], db: db)
        if sameSecond.status != 0 { XCTAssertTrue(sameSecond.stderr.contains("in this same second"), sameSecond.stderr) }
        Thread.sleep(forTimeInterval: 1.1)
        let again = try runCLI(["backup", folder, "--keep", "1"], db: db)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder)).filter(Backups.isBackupName).count, 1)
    }

    /// Bad destinations: a clear message, the exit code the README gives, and nothing written.
    func testBadDestinationsChangeNothing() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        func refused(_ args: [String], _ status: Int32, _ message: String, line: UInt = #line) throws {
            let listing = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
            let r = try runCLI(args, db: db)
            XCTAssertEqual(r.status, status, r.stderr, line: line)
            XCTAssertTrue(r.stderr.contains(message), r.stderr, line: line)
            XCTAssertEqual(r.stdout, "", line: line)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") },
                           listing, "a file was written", line: line)
        }
        try refused(["backup", db], 64, "is the data file itself")
        try refused(["backup", dir + "/../" + (dir as NSString).lastPathComponent + "/w.sqlite"], 64, "is the data file itself")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.sqlite", withDestinationPath: db)
        try refused(["backup", dir + "/link.sqlite", "--force"], 64, "is the data file itself")
        try refused(["backup", dir + "/no/such/folder/b.sqlite"], 66, "does not exist")
        try refused(["backup", dir + "/single.sqlite", "--keep", "2"], 64, "--keep needs a folder")
        try refused(["backup", dir, "--keep", "0"], 64, "at least 1")
        XCTAssertEqual(try runCLI(["backup", dir + "/b.sqlite"], db: db).status, 0)
        try refused(["backup", dir + "/b.sqlite"], 1, "exists already")
        XCTAssertEqual(try runCLI(["backup", dir + "/b.sqlite", "--force"], db: db).status, 0, "--force replaces it")
        if geteuid() != 0 {
            let locked = dir + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
            chmod(locked, 0o555)
            defer { chmod(locked, 0o755) }
            try refused(["backup", locked], 66, "not writable")
        }
        let missing = try runCLI(["backup", dir + "/c.sqlite"], db: dir + "/none.sqlite")
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/c.sqlite"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "the data file changed")
    }

    // MARK: restore

    /// A restore is refused while a clerk's process has the file open, names that process, and changes nothing; once
    /// the clerks are done it goes through, and the replaced file is kept whole beside it.
    func testRestoreIsRefusedWhileAClerkProcessHasTheFileOpen() throws {
        let backup = dir + "/backup.sqlite"
        XCTAssertEqual(try runCLI(["backup", backup], db: db).status, 0)
        let backupRevision = try revision(backup)
        let start = try revision(db)
        try startStorm(processes: 1, ops: 1_500)
        try waitForRevision(above: start, by: 10)

        let r = try runCLI(["restore", backup], db: db)
        XCTAssertTrue(storm[0].0.isRunning, "the clerk must still be at work (raise --ops otherwise)")
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("is in use by backorders (process \(storm[0].0.processIdentifier)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("nothing was changed"), r.stderr)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.contains(".replaced") || $0.contains(".restoring") })
        finishStorm()

        let liveRevision = try revision(db)
        XCTAssertGreaterThan(liveRevision, backupRevision)
        let done = try runCLI(["restore", backup], db: db)
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertEqual(try revision(db), backupRevision, "the backup is in place")
        XCTAssertEqual(try runCLI(["check"], db: db).status, 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("w.sqlite.replaced-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        XCTAssertEqual(kept.count, 1, "\(kept)")
        XCTAssertTrue(done.stdout.contains("the file it replaced is kept as \(dir)/\(kept[0])"), done.stdout)
        XCTAssertEqual(try revision(dir + "/" + kept[0]), liveRevision, "the replaced file is kept complete, with what its log held")
        XCTAssertEqual(try runCLI(["check"], db: dir + "/" + kept[0]).status, 0)
    }

    /// With nobody on the file, a restore puts the backup back (undoing what came after it) and says what it did.
    func testRestoreWhenNothingHasTheFileOpenSaysWhatItDid() throws {
        let backup = dir + "/backup.sqlite"
        XCTAssertEqual(try runCLI(["backup", backup], db: db).status, 0)
        XCTAssertEqual(try runCLI(["item", "add", "F", "Item F", "--stock", "3"], db: db).status, 0)
        let r = try runCLI(["restore", backup], db: db)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("restored \(db) from \(backup): revision "), r.stdout)
        XCTAssertFalse(try runCLI(["list", "stock"], db: db).stdout.contains("Item F"), "the item added after the backup is gone")
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasPrefix("backup.sqlite-") }, [],
                       "the backup was only read: no -wal or -shm left beside it")
    }

    /// A missing, foreign, damaged or failing source, or the live file itself: refused with the README's exit code,
    /// and the data file stays exactly as it was.
    func testRestoreOfABadSourceChangesNothing() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        func files() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
        }
        let listing = try files()
        func refused(_ source: String, _ status: Int32, _ message: String, line: UInt = #line) throws {
            let r = try runCLI(["restore", source], db: db)
            XCTAssertEqual(r.status, status, r.stdout + r.stderr, line: line)
            XCTAssertTrue(r.stderr.contains(message), r.stderr, line: line)
            XCTAssertTrue(r.stderr.contains("nothing was changed") || status == 64, r.stderr, line: line)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "the data file changed", line: line)
        }
        let text = dir + "/notes.txt"
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        try refused(dir + "/missing.sqlite", 66, "no backup at")
        try refused(text, 66, "not a backorders data file")
        try refused(db, 64, "is the data file itself")

        // A good backup with its pages overwritten past the header.
        let damaged = dir + "/damaged.sqlite"
        XCTAssertEqual(try runCLI(["backup", damaged], db: db).status, 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        for i in 4096..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try bytes.write(to: URL(fileURLWithPath: damaged))
        try refused(damaged, 66, "damaged")

        for name in ["notes.txt", "damaged.sqlite"] { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
        XCTAssertEqual(try files(), listing, "a file was left behind")
    }
}
