import BackorderCore
import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// What `Backups.backup` wrote.
public struct BackupReport: Sendable {
    /// The finished copy.
    public var path: String
    /// Its size on disk.
    public var bytes: Int64
    /// From the start of the copy until it was checked and in place.
    public var seconds: Double
    /// The copy's revision: every operation committed before the copy began is in it.
    public var revision: Int
    /// Rows of the movement journal in the copy.
    public var journalRows: Int
    /// What `check` found in the copy (the live file has the same); empty when all is well.
    public var violations: [Violation]
    /// Older backups `keep` removed from the folder, oldest first.
    public var removed: [String]
}

/// What `Backups.restore` did.
public struct RestoreReport: Sendable {
    /// The data file that now holds the restored copy.
    public var path: String
    /// Where the file it replaced was kept (with its `-wal`, when it had one); nil when there was no file.
    public var replaced: String?
    /// The restored copy's revision and journal rows.
    public var revision: Int
    public var journalRows: Int
    /// Format changes the restored copy needed to open with this version (a backup made by an older one).
    public var upgrades: [String]
}

/// Copies of a live data file, and putting one back.
///
/// A backup is SQLite's online backup of one read snapshot, so clerks keep working while it runs. A restore refuses
/// while any process has the data file open: every SQLite connection to a WAL file holds a shared lock on the `-shm`
/// file's "DMS" byte (and on the data file's shared range during reads) for as long as it is open, and the restore
/// takes exclusive locks on those same bytes, without waiting, before it touches anything. Holding them, it swaps the
/// files; a process starting meanwhile waits on the lock (its busy timeout) and then opens the restored file.
public enum Backups {
    /// A message about a temporary copy, worded with the name the person gave (`from` replaced by `to`).
    static func renamed(_ t: LocalText, _ from: String, _ to: String) -> LocalText {
        LocalText { l in t.text(l).replacingOccurrences(of: from, with: to) }
    }

    /// `backorders-YYYYMMDD-HHMMSS.sqlite`, in UTC so names sort in time order even across a change of summer time.
    public static func fileName(at date: Date) -> String {
        "backorders-\(stamp(date)).sqlite" // not prose: a file name
    }

    /// `YYYYMMDD-HHMMSS` in UTC.
    static func stamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// Whether `name` is a file name `fileName(at:)` makes: only those are ever removed by `keep`.
    public static func isBackupName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        guard u.count == "backorders-20260101-000000.sqlite".utf8.count,
              name.hasPrefix("backorders-"), name.hasSuffix(".sqlite") else { return false }
        let stamp = u[11..<26]
        return stamp.enumerated().allSatisfy { i, c in i == 8 ? c == UInt8(ascii: "-") : (c >= 48 && c <= 57) }
    }

    // MARK: backup

    /// Copies the data file at `live` to `destination` as one consistent snapshot while other processes keep writing,
    /// checks the copy, and only then gives it its name. Nothing is written to `live`.
    ///
    /// `destination` is a file, or an existing folder: the copy is then named `fileName(at: now)` in it, and `keep`
    /// (folders only) removes the oldest such files there beyond that many. An existing destination file is replaced
    /// only with `replace`. The copy is written beside the destination under a temporary name first, so a failed or
    /// interrupted backup never leaves a half file under a backup's name.
    public static func backup(live: String, to destination: String, replace: Bool = false, keep: Int? = nil,
                              now: Date = Date()) throws -> BackupReport {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let destIsFolder = fm.fileExists(atPath: destination, isDirectory: &isDir) && isDir.boolValue
        if let keep {
            guard destIsFolder else {
                throw BackorderError.invalid(.t(DataFileText.keepNeedsFolder, destination))
            }
            guard keep >= 1 else { throw BackorderError.invalid(.t(DataFileText.keepAtLeastOne, Plain(keep))) }
        }
        let target = destIsFolder ? (destination as NSString).appendingPathComponent(fileName(at: now)) : destination
        let folder = destIsFolder ? destination : parentFolder(of: target)
        if sameFile(target, live) || sameFile(destination, live) {
            throw BackorderError.invalid(.t(DataFileText.backupIsDataFile, target))
        }
        if fm.fileExists(atPath: target, isDirectory: &isDir) {
            if isDir.boolValue { throw BackorderError.invalid(.t(DataFileText.targetIsFolder, target)) }
            guard replace else {
                throw BackorderError.refused(.t(destIsFolder ? DataFileText.backupSameSecond : .backupExists, target))
            }
        }
        guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw BackorderError.dataFile(.t(DataFileText.backupFolderMissing, folder))
        }
        guard fm.isWritableFile(atPath: folder) else {
            throw BackorderError.dataFile(.t(DataFileText.backupFolderNotWritable, folder))
        }

        let started = Date()
        let source = try Warehouse.open(path: live, mode: .readOnly)
        defer { try? source.close() }
        // A name of its own per process, so two backups at once never write the same temporary file.
        let temp = target + ".partial-\(getpid())"
        removeWithCompanions(temp)
        var moved = false
        defer { if !moved { removeWithCompanions(temp) } }
        do {
            let copy = try DatabaseQueue(path: temp)
            // All pages in one step: the copy is read in ONE read transaction, a snapshot that writers in WAL mode never
            // wait for and never change (in several steps, every commit elsewhere would restart the copy).
            try source.writer.backup(to: copy)
            try copy.close()
        } catch let e as DatabaseError {
            if e.resultCode == .SQLITE_FULL { throw BackorderError.dataFile(.t(DataFileText.backupDiskFull, folder)) }
            throw BackorderError.dataFile(.t(DataFileText.cannotWriteBackup, target, e.message ?? "\(e)"))
        }
        let checked = try Warehouse.open(path: temp, mode: .readOnly)
        let violations: [Violation]
        let revision: Int, journalRows: Int
        do {
            defer { try? checked.close() }
            violations = try checked.check()
            revision = try checked.revision()
            journalRows = try checked.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movement") ?? 0 }
        }
        // SQLite's own check failing means the copy is unusable: no backup is better than a damaged one under its name.
        if let damage = violations.first(where: { $0.rule == "sqlite integrity" }) { // not prose: a rule key
            throw BackorderError.dataFile(.t(DataFileText.copyDamaged, live, damage.detail))
        }
        removeCompanions(temp)
        guard rename(temp, target) == 0 else {
            throw BackorderError.dataFile(.t(DataFileText.cannotNameBackup, target, String(cString: strerror(errno))))
        }
        moved = true
        syncFolder(folder)
        let bytes = (try? fm.attributesOfItem(atPath: target)[.size] as? NSNumber)?.int64Value ?? 0
        let seconds = Date().timeIntervalSince(started)
        var removed: [String] = []
        if let keep { removed = try rotate(folder: folder, keep: keep, sparing: (target as NSString).lastPathComponent) }
        return BackupReport(path: target, bytes: bytes, seconds: seconds, revision: revision, journalRows: journalRows,
                            violations: violations, removed: removed)
    }

    /// Removes the oldest `backorders-YYYYMMDD-HHMMSS.sqlite` files in `folder` beyond the newest `keep`; never `sparing`
    /// (the backup just made, even if the clock went back) and never a file of another name.
    static func rotate(folder: String, keep: Int, sparing: String) throws -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(isBackupName).sorted(by: >)
        var kept = 1
        var removed: [String] = []
        for name in names where name != sparing {
            if kept < keep { kept += 1; continue }
            let path = (folder as NSString).appendingPathComponent(name)
            guard unlink(path) == 0 else {
                throw BackorderError.dataFile(.t(DataFileText.oldBackupStays, path, String(cString: strerror(errno))))
            }
            removeCompanions(path)
            removed.append(path)
        }
        return removed.reversed()
    }

    // MARK: restore

    /// Puts the backup `source` in place of the data file at `live`.
    ///
    /// Refused, changing nothing, when: `source` is missing, not a backorders file, from a newer version, damaged or
    /// fails its check; it is `live` itself; `live`'s folder is not writable; or any process has `live` open (a clerk's
    /// UI, a command, a backup). `source` is only read: it is copied beside `live`, the copy is upgraded when it is of an
    /// older format, checked in full, and then moved into place in one rename. The file it replaces is kept as
    /// `LIVE.replaced-YYYYMMDD-HHMMSS` (with its `-wal`, so it stays complete); the old `-shm` is removed.
    ///
    /// Call it with no connection to `live` open in this process: POSIX locks do not see one's own process.
    public static func restore(from source: String, to live: String, now: Date = Date()) throws -> RestoreReport {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: source, isDirectory: &isDir) else {
            throw BackorderError.dataFile(.t(DataFileText.noBackup, source))
        }
        if isDir.boolValue {
            let newest = ((try? fm.contentsOfDirectory(atPath: source)) ?? []).filter(isBackupName).max()
            throw BackorderError.invalid(newest.map { .t(DataFileText.sourceIsFolderNewest, source, $0) } ?? .t(DataFileText.sourceIsFolder, source))
        }
        if sameFile(source, live) { throw BackorderError.invalid(.t(DataFileText.restoreIsDataFile, source)) }
        // Reading a WAL file creates its -wal and -shm; those this restore made are removed again, so SRC stays as it was.
        let hadCompanions = ["-wal", "-shm"].map { fm.fileExists(atPath: source + $0) }
        defer {
            let emptyLog = ((try? fm.attributesOfItem(atPath: source + "-wal")[.size] as? NSNumber)?.intValue ?? 0) == 0
            if hadCompanions == [false, false], emptyLog, FileUse.isUnused(source) {
                unlink(source + "-wal"); unlink(source + "-shm")
            }
        }
        if fm.fileExists(atPath: live, isDirectory: &isDir), isDir.boolValue {
            throw BackorderError.dataFile(.t(DataFileText.liveIsFolder, live))
        }
        let folder = parentFolder(of: live)
        guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw BackorderError.dataFile(.t(DataFileText.folderMissing, folder))
        }
        guard fm.isWritableFile(atPath: folder) else {
            throw BackorderError.dataFile(.t(DataFileText.restoreFolderNotWritable, folder))
        }
        guard fm.isReadableFile(atPath: source) else { throw BackorderError.dataFile(.t(DataFileText.sourceUnreadable, source)) }
        do {
            try Warehouse.inspectHeader(path: source)
            _ = try Warehouse.pendingMigrations(path: source)
        } catch let e as BackorderError {
            throw BackorderError(e.kind, e.text + .t(DataFileText.nothingChanged))
        }
        // Before the copy, so a busy file is refused at once; checked again, under lock, just before the swap.
        if let holder = try FileUse.holder(of: live) {
            throw busy(live, holder)
        }

        let temp = live + ".restoring-\(getpid())"
        removeWithCompanions(temp)
        var moved = false
        defer { if !moved { removeWithCompanions(temp) } }
        do {
            var config = Warehouse.configuration(readOnly: true)
            config.busyMode = .timeout(15)
            let from = try DatabaseQueue(path: source, configuration: config)
            defer { try? from.close() }
            let copy = try DatabaseQueue(path: temp)
            try from.backup(to: copy)
            try copy.close()
        } catch let e as DatabaseError {
            switch e.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                throw BackorderError.dataFile(.t(DataFileText.sourceDamaged, source, e.message ?? "corrupt")) // not prose: SQLite's word
            case .SQLITE_FULL:
                throw BackorderError.dataFile(.t(DataFileText.restoreDiskFull, folder))
            default:
                throw BackorderError.dataFile(.t(DataFileText.cannotCopy, source, e.message ?? "\(e)"))
            }
        }
        let upgrades: [String], revision: Int, journalRows: Int
        do {
            let w: Warehouse
            do { w = try Warehouse.open(path: temp, mode: .readWrite) } catch let e as BackorderError {
                throw BackorderError.dataFile(Backups.renamed(e.text, temp, source) + .t(DataFileText.nothingChanged))
            }
            defer { try? w.close() }
            let violations: [Violation]
            do { violations = try w.check(quick: false) } catch let e as BackorderError {
                throw BackorderError.dataFile(Backups.renamed(e.text, temp, source) + .t(DataFileText.nothingChanged))
            }
            if !violations.isEmpty {
                let shown = violations.prefix(3).map(\.description).joined(separator: "; ")
                throw BackorderError.dataFile(.t(DataFileText.failsCheck, source, violations.count, shown))
            }
            upgrades = w.upgrades
            revision = try w.revision()
            journalRows = try w.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movement") ?? 0 }
            try w.close()
        }
        removeCompanions(temp)

        guard fm.fileExists(atPath: live) else {
            guard rename(temp, live) == 0 else { throw BackorderError.dataFile(.t(DataFileText.cannotPlaceRestored, live, String(cString: strerror(errno)))) }
            moved = true
            syncFolder(folder)
            makeCompanions(live)
            return RestoreReport(path: live, replaced: nil, revision: revision, journalRows: journalRows, upgrades: upgrades)
        }
        // The restored file is used by the same people as the one it replaces: same permissions, and as root the same owner.
        var st = stat()
        if stat(live, &st) == 0 {
            chmod(temp, st.st_mode & 0o7777)
            if geteuid() == 0 { chown(temp, st.st_uid, st.st_gid) }
        }
        let lock = try FileUse.lockExclusively(live)
        defer { lock.release() }
        if let holder = lock.holder { throw busy(live, holder) }
        var replaced = live + ".replaced-" + stamp(now)
        var n = 1
        while fm.fileExists(atPath: replaced) { n += 1; replaced = live + ".replaced-" + stamp(now) + "-\(n)" }
        // A second name for the old file, then the restored one over the first name in one rename: the data file's
        // name never points at nothing. The old log goes with the old file (SQLite finds it by name) before the swap,
        // so it is never replayed onto the restored file; the -shm is only an index of that log.
        let linked = link(live, replaced) == 0
        if !linked, rename(live, replaced) != 0 {
            throw BackorderError.dataFile(.t(DataFileText.cannotKeepCurrent, replaced, String(cString: strerror(errno))))
        }
        // An empty log holds nothing; one with frames is part of the old file.
        if ((try? fm.attributesOfItem(atPath: live + "-wal")[.size] as? NSNumber)?.intValue ?? 0) > 0 {
            _ = rename(live + "-wal", replaced + "-wal")
        } else {
            unlink(live + "-wal")
        }
        unlink(live + "-shm")
        guard rename(temp, live) == 0 else {
            let reason = String(cString: strerror(errno))
            // Put the old file back as it was: its log under its own name again.
            if fm.fileExists(atPath: replaced + "-wal") { _ = rename(replaced + "-wal", live + "-wal") }
            if linked { unlink(replaced) } else { _ = rename(replaced, live) }
            throw BackorderError.dataFile(.t(DataFileText.cannotPlaceRestored, live, reason) + .t(DataFileText.nothingChanged))
        }
        moved = true
        syncFolder(folder)
        makeCompanions(live)
        return RestoreReport(path: live, replaced: replaced, revision: revision, journalRows: journalRows, upgrades: upgrades)
    }

    /// Opens the restored file once for writing, so its -wal and -shm exist (with its permissions) and supervisors, who
    /// cannot create them, can read it at once; should that fail, the first clerk to open it makes them.
    private static func makeCompanions(_ live: String) {
        if let w = try? Warehouse.open(path: live, mode: .readWrite) { try? w.close() }
    }

    static func busy(_ live: String, _ holder: FileUse.Holder) -> BackorderError {
        .refused(.t(DataFileText.inUse, live, holder.text))
    }

    // MARK: files

    /// Whether two paths name the same existing file (hard links and symbolic links included).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else {
            // A path that does not exist yet is the same file only if it is spelled the same once resolved.
            return URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
                == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    static func parentFolder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// SQLite's files beside a database: its log, the log's index, a rollback journal.
    static func removeCompanions(_ path: String) {
        for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    static func removeWithCompanions(_ path: String) {
        unlink(path)
        removeCompanions(path)
    }

    /// Makes a rename in `folder` survive a power cut.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// Who has a data file open, seen through the POSIX locks every SQLite connection holds on it.
///
/// SQLite's unix VFS (os_unix.c): a connection to a WAL file holds a shared lock on byte 128 of the `-shm` file (the
/// "DMS" byte) from opening until closing, and shared locks on bytes 120–127 while it reads or writes; on the data file
/// it locks the PENDING byte (0x40000000), RESERVED (+1) and the 510-byte SHARED range after them. An exclusive lock
/// over all of those, tried without waiting, succeeds only when no connection of any process is open.
enum FileUse {
    /// A process found holding a lock.
    struct Holder: CustomStringConvertible {
        var pid: Int32?
        /// The holder as a person reads it: "vim (process 12, user kari)".
        var text: LocalText {
            guard let pid else { return .t(DataFileText.anotherProcess) }
            let name = FileUse.processName(pid)
            return FileUse.processUser(pid).map { .t(DataFileText.processHolderUser, name, Plain(Int(pid)), $0) }
                ?? .t(DataFileText.processHolder, name, Plain(Int(pid)))
        }
        var description: String { text.description }
    }

    static let dataLockStart: off_t = 0x4000_0000
    static let dataLockLength: off_t = 512
    static let shmLockStart: off_t = 120
    static let shmLockLength: off_t = 9

    /// Open-file-description locks (Linux 3.15): they conflict with every other lock, this process's SQLite locks
    /// included, and closing another descriptor does not drop them.
    static let ofdGetLock: Int32 = 36
    static let ofdSetLock: Int32 = 37

    /// Exclusive locks held on a data file and its `-shm`, until `release`.
    final class Lock {
        var descriptors: [Int32] = []
        /// Set when a lock could not be taken: who holds it.
        var holder: Holder?
        func release() {
            for fd in descriptors { close(fd) }
            descriptors.removeAll()
        }
    }

    /// Takes exclusive locks on the bytes every connection locks; `holder` is set (and nothing held) when one is taken.
    static func lockExclusively(_ path: String) throws -> Lock {
        let lock = Lock()
        for (file, start, length) in [(path, dataLockStart, dataLockLength), (path + "-shm", shmLockStart, shmLockLength)] {
            let fd = open(file, O_RDWR | O_CLOEXEC)
            if fd < 0 {
                // No -shm: no process has the WAL file open (the first connection creates it, the last one removes it).
                if errno == ENOENT && file != path { continue }
                let reason = String(cString: strerror(errno))
                lock.release()
                throw BackorderError.dataFile(.t(DataFileText.cannotLock, file, reason))
            }
            lock.descriptors.append(fd)
            var fl = flock()
            fl.l_type = Int16(F_WRLCK)
            fl.l_whence = Int16(SEEK_SET)
            fl.l_start = start
            fl.l_len = length
            if fcntl(fd, ofdSetLock, &fl) != 0 {
                lock.holder = Holder(pid: lockHolder(fd: fd, start: start, length: length))
                lock.release()
                return lock
            }
        }
        return lock
    }

    /// Who has the data file at `path` open, or nil when nobody has (or there is no file). Holds no lock afterwards.
    static func holder(of path: String) throws -> Holder? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let lock = try lockExclusively(path)
        lock.release()
        return lock.holder
    }

    /// Whether nobody has the file open (false when that cannot be told).
    static func isUnused(_ path: String) -> Bool {
        do { return try holder(of: path) == nil } catch { return false }
    }

    /// The process holding a lock that conflicts with an exclusive one on the range, when the kernel names one.
    static func lockHolder(fd: Int32, start: off_t, length: off_t) -> Int32? {
        var fl = flock()
        fl.l_type = Int16(F_WRLCK)
        fl.l_whence = Int16(SEEK_SET)
        fl.l_start = start
        fl.l_len = length
        // F_GETLK names a classic POSIX lock's process (SQLite's kind); an open-file-description lock has none (-1).
        guard fcntl(fd, F_GETLK, &fl) == 0, fl.l_type != Int16(F_UNLCK), fl.l_pid > 0 else { return nil }
        return fl.l_pid
    }

    /// The command line's program name, from /proc (Linux).
    static func processName(_ pid: Int32) -> String {
        let file = "/proc/\(pid)/comm" // not prose: a path
        let comm = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return (comm?.isEmpty == false ? comm! : "a process")
    }

    /// The login name of the process's owner.
    static func processUser(_ pid: Int32) -> String? {
        var st = stat()
        guard stat("/proc/\(pid)", &st) == 0, let pw = getpwuid(st.st_uid), let name = pw.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}

extension Warehouse {
    /// This build's file format: how many format changes (migrations) it knows, and the newest one's name.
    public static var fileFormat: (number: Int, latest: String) {
        let known = Schema.knownMigrations
        return (known.count, known.last ?? "")
    }

    /// The version of the SQLite library this build runs on: what SQL's `sqlite_version()` answers, without a connection.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
