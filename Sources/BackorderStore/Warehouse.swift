import BackorderCore
import Foundation
import GRDB
import HostProcess
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

extension Context {
    /// The current OS user at the current time in the local time zone.
    ///
    /// `BACKORDERS_TODAY=YYYY-MM-DD` fixes the calendar day (ages, lateness, new order dates), so examples and golden
    /// tests read the same on any day.
    public static func current(actor: String? = nil) -> Context {
        let now = Int64(Date().timeIntervalSince1970)
        let offset = TimeZone.current.secondsFromGMT()
        // getenv, not ProcessInfo's environment: that copies every variable into a dictionary, on every operation.
        let fixed = getenv("BACKORDERS_TODAY").flatMap { Day(iso: String(cString: $0)) }
        return Context(actor: actor ?? osUser(), now: Timestamp(unixTime: now),
                       today: fixed ?? Day(unixTime: now, utcOffsetSeconds: offset))
    }

    /// The login name of the effective user; the same whether typed at a local console or over SSH.
    public static func osUser() -> String { HostProcess.user }
}


/// A file's device and inode: what a path named when it was opened.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    init(_ info: stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
}

/// How a data file is opened.
public enum AccessMode: Sendable {
    /// Read and write; the file must exist.
    case readWrite
    /// Read and write, creating a new empty data file when there is none.
    case create
    /// Browse only: nothing can be written, not even a migration.
    case readOnly
    /// Browse only, for connections that read beside another warehouse of the same process (the UI's background reads):
    /// without the memory map and with a small page cache, since a second map of the same file counts every page its
    /// walks touch a second time in the process's resident memory.
    case backgroundReads
}

/// The one owner of a data file: its connection pool, its migrations, and every operation as one transaction.
///
/// `@unchecked Sendable`: a batch session (which holds its transaction's `Database`) never escapes its `batch` closure;
/// every other instance holds only immutable references to thread-safe GRDB writers, and a closed flag behind a lock.
public final class Warehouse: @unchecked Sendable {
    let writer: any DatabaseWriter
    /// Set only on the warehouse handed to a `batch` body: operations then run inside that one transaction.
    let session: Database?
    /// In a batch: whether each operation runs in its own savepoint.
    let savepoints: Bool
    /// In a batch: the SKUs whose promised dates are recomputed once, when the batch ends.
    let deferredPegging: DeferredPegging?
    /// Where the data lives; nil when in memory.
    public let path: String?
    public let isReadOnly: Bool
    /// The format changes (migrations) that opening this file applied, oldest first; empty when it was current.
    public private(set) var upgrades: [String] = []
    /// Checkpoints the log in the background for a file open for writing.
    let checkpointer: Checkpointer?
    /// Set once `close` has released the connections; guarded by `closeLock`.
    private var closed = false
    private let closeLock = NSLock()
    /// The file opened (device and inode), to notice when the path comes to name another file or none.
    let identity: FileIdentity?
    /// This process's entry in the file's registry of UI sessions, once registered; guarded by `registryLock`.
    var registration: Registration?
    let registryLock = NSLock()

    init(writer: any DatabaseWriter, path: String?, readOnly: Bool, session: Database? = nil, savepoints: Bool = true,
         deferredPegging: DeferredPegging? = nil, checkpointer: Checkpointer? = nil, identity: FileIdentity? = nil) {
        self.writer = writer; self.path = path; self.isReadOnly = readOnly; self.session = session; self.savepoints = savepoints
        self.deferredPegging = deferredPegging; self.checkpointer = checkpointer; self.identity = identity
    }

    /// Throws when the path no longer names the file this warehouse opened: deleted, moved away, or replaced by another.
    ///
    /// SQLite would go on reading the old file through its open handle (and writing to it, lost to everyone else).
    public func verifyFile() throws {
        guard let path, let identity else { return }
        var info = stat()
        let what: DataFileText
        if stat(path, &info) != 0 {
            // Only a missing file is a lost one; another failure (permissions changed) is SQLite's to report.
            guard errno == ENOENT else { return }
            what = .fileLostDeleted
        } else if FileIdentity(info) != identity {
            what = .fileLostReplaced
        } else {
            return
        }
        throw BackorderError.dataFile(.t(what, path))
    }

    /// An operation's transaction helper, joined to the batch (if any) so re-pegging waits for the batch's end.
    func operation(_ db: Database, _ ctx: Context) -> OperationTx { OperationTx(db: db, ctx: ctx, deferred: deferredPegging) }

    /// Runs several operations as ONE transaction: `body` gets a warehouse whose operations all join it, so either all of
    /// them happen or none does (an import of a whole file, a dry run that is rolled back).
    ///
    /// `savepointPerOperation: false` is for a caller that rolls the whole batch back whenever any operation fails
    /// (an import): a failed operation may then leave part of its work behind until that rollback, and every
    /// operation saves copying the pages it touches into a savepoint journal.
    public func batch<T>(savepointPerOperation: Bool = true, _ body: (Warehouse) throws -> T) throws -> T {
        try write { db in
            // A file of 20,000 orders would re-peg a SKU's whole queue once per order; once at the end gives the same dates.
            let deferred = DeferredPegging()
            let result = try body(Warehouse(writer: writer, path: path, readOnly: false, session: db, savepoints: savepointPerOperation,
                                            deferredPegging: deferred, identity: identity))
            try deferred.flush(db)
            return result
        }
    }

    /// Thrown to undo a dry run's transaction.
    private struct Rollback: Error {}

    /// Runs `body` as a batch and rolls everything back, returning what it would have done.
    public func dryRun<T>(savepointPerOperation: Bool = true, _ body: (Warehouse) throws -> T) throws -> T {
        var result: T?
        do {
            try batch(savepointPerOperation: savepointPerOperation) { w -> Void in
                result = try body(w)
                throw Rollback()
            }
        } catch is Rollback {}
        return result!
    }

    /// A fresh warehouse in memory, for tests and dry runs.
    public static func inMemory() throws -> Warehouse {
        let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
        try Schema.migrator.migrate(queue)
        return Warehouse(writer: queue, path: nil, readOnly: false)
    }

    /// Opens (or with `.create`, creates) the data file at `path`, after making sure it is ours, intact and of a schema
    /// this build knows. Nothing is written to a file that fails these checks.
    ///
    /// A user who may only read the file (a supervisor) opens it `.readOnly`; that works whether or not a clerk has it
    /// open, because every connection leaves the `-wal` and `-shm` files in place when it closes (`SQLITE_FCNTL_PERSIST_WAL`)
    /// and SQLite reads a WAL database through them without writing (wal.html, "Read-Only Databases").
    public static func open(path: String, mode: AccessMode) throws -> Warehouse {
        var info = stat()
        if stat(path, &info) != 0 {
            let error = errno
            // A folder closed to the user hides the file: "no data file" would send them to create one.
            if error == EACCES { throw BackorderError.dataFile(noAccess(path)) }
            guard error == ENOENT else { throw BackorderError.dataFile(.t(DataFileText.cannotOpenReason, path, String(cString: strerror(error)))) }
            guard mode == .create else {
                throw BackorderError.dataFile(.t(DataFileText.noDataFile, path))
            }
            return try create(path: path)
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw BackorderError.dataFile(.t(DataFileText.isDirectory, path)) }
        let canWrite = access(path, W_OK) == 0
        guard access(path, R_OK) == 0 else {
            throw BackorderError.dataFile(canWrite ? .t(DataFileText.cannotReadPermissions, path) : noAccess(path))
        }
        try inspectHeader(path: path)
        let readOnly = mode == .readOnly || mode == .backgroundReads
        let dir = folder(of: path)
        // SQLite needs both companions: made when missing (which takes a writable folder), else used as they are.
        let companions = [path + "-wal", path + "-shm"]
        let missing = companions.filter { access($0, F_OK) != 0 }
        let folderWritable = access(dir, W_OK | X_OK) == 0
        if readOnly {
            if !missing.isEmpty && !folderWritable { throw BackorderError.dataFile(companionsMissing(path, folder: dir)) }
            if let closed = companions.first(where: { access($0, F_OK) == 0 && access($0, R_OK) != 0 }) {
                throw BackorderError.dataFile(.t(DataFileText.companionUnreadable, closed, path))
            }
        } else {
            let companionsWritable = companions.allSatisfy { access($0, F_OK) != 0 || access($0, W_OK) == 0 }
            if !canWrite || !companionsWritable || (!missing.isEmpty && !folderWritable) {
                throw BackorderError.dataFile(readOnlyForYou(path, info: info, canWrite: canWrite, folder: dir))
            }
        }
        let pending = try pendingMigrations(path: path)
        if readOnly && !pending.isEmpty {
            throw BackorderError.dataFile(.t(DataFileText.olderFormat, path))
        }
        do {
            let checkpointer = readOnly ? nil : Checkpointer(path: path)
            let pool = try makePool(path: path, readOnly: readOnly, checkpointer: checkpointer, lean: mode == .backgroundReads)
            if !readOnly && !pending.isEmpty { try Schema.migrator.migrate(pool) }
            let w = Warehouse(writer: pool, path: path, readOnly: readOnly, checkpointer: checkpointer, identity: FileIdentity(info))
            w.upgrades = readOnly ? [] : pending
            // The first read opens the log: a file that cannot be read through it says so here, not in the first listing.
            _ = try w.revision()
            return w
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path, readOnly: readOnly)
        } catch let e as Schema.Unrecognized {
            throw BackorderError.dataFile(.t(DataFileText.cannotUpgrade, path, e.reason))
        }
    }

    /// Creates a new data file at `path` with the permissions of any new file (0666 less the umask), so `umask 002`
    /// makes it, and the `-wal` and `-shm` files SQLite gives the same permissions, writable for the group.
    static func create(path: String) throws -> Warehouse {
        let dir = folder(of: path)
        guard access(dir, F_OK) == 0 else { throw BackorderError.dataFile(.t(DataFileText.folderMissing, dir)) }
        // SQLite itself would create the file 0644 whatever the umask: a clerks' group could not write it.
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let error = errno
            if error == EACCES { throw BackorderError.dataFile(.t(DataFileText.cannotCreateHere, path, Context.osUser(), dir)) }
            throw BackorderError.dataFile(.t(DataFileText.cannotCreateReason, path, String(cString: strerror(error))))
        }
        Glibc.close(fd)
        do {
            var info = stat()
            guard stat(path, &info) == 0 else { throw BackorderError.dataFile(.t(DataFileText.vanished, path)) }
            let checkpointer = Checkpointer(path: path)
            let pool = try makePool(path: path, readOnly: false, checkpointer: checkpointer)
            try Schema.migrator.migrate(pool)
            // The header (our application id) goes into the file itself at once: another process opening it now checks it there.
            _ = try pool.writeWithoutTransaction { try $0.checkpoint(.passive) }
            return Warehouse(writer: pool, path: path, readOnly: false, checkpointer: checkpointer, identity: FileIdentity(info))
        } catch let e as DatabaseError {
            unlink(path)
            throw BackorderError.dataFile(.t(DataFileText.cannotCreateReason, path, e.message ?? "\(e)"))
        } catch {
            unlink(path)
            throw error
        }
    }

    /// The folder holding `path` ("." for a bare name).
    static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// For a user the file's permissions let in in no way.
    static func noAccess(_ path: String) -> LocalText {
        .t(DataFileText.noAccess, Context.osUser(), path)
    }

    /// For a user who may read the file but not write it (a supervisor), naming the group that may, if one can.
    static func readOnlyForYou(_ path: String, info: stat, canWrite: Bool, folder: String) -> LocalText {
        let user = Context.osUser()
        var text: LocalText
        if !canWrite {
            text = .t(DataFileText.mayReadNotWrite, user, path)
            if info.st_mode & S_IWGRP != 0, let group = getgrgid(info.st_gid), let name = group.pointee.gr_name {
                text = text + .t(DataFileText.groupMay, String(cString: name))
            }
        } else {
            // Writing also takes the -wal and -shm files, or a folder to create them in.
            text = .t(DataFileText.mayWriteNotCompanions, user, path, folder)
        }
        return text + .t(DataFileText.browseReadOnly)
    }

    /// For a reader who cannot create the companion files SQLite needs beside a WAL database.
    static func companionsMissing(_ path: String, folder: String) -> LocalText {
        .t(DataFileText.companionsMissing, path, Context.osUser(), folder)
    }

    /// The pool of connections to a data file: one writer, several readers.
    static func makePool(path: String, readOnly: Bool, checkpointer: Checkpointer?, lean: Bool = false) throws -> DatabasePool {
        var config = configuration(readOnly: readOnly, checkpointer: checkpointer)
        if lean {
            // Prepared after the usual settings, which it overrides: 2 MiB of cache, reads by system call.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 0; PRAGMA cache_size = -2048") }
        }
        let pool = try DatabasePool(path: path, configuration: config)
        // Every commit syncs the log, so a confirmed order or receipt survives a power cut. GRDB's pool chooses NORMAL
        // after `prepareDatabase` has run, which would lose the last commits with the power; hence set here, afterwards.
        if !readOnly { try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") } }
        return pool
    }

    static func configuration(readOnly: Bool, checkpointer: Checkpointer? = nil) -> Configuration {
        var c = Configuration()
        c.readonly = readOnly
        c.foreignKeysEnabled = true
        // Another clerk's write holds the lock for milliseconds; wait rather than fail.
        c.busyMode = .timeout(15)
        c.label = "backorders"
        c.prepareDatabase { db in
            // The whole file is read through a memory map: a receipt reads a thousand scattered pages, and each read
            // through the map spares a system call (SQLite caps the map at its build's limit, 2 GiB). The page cache then
            // holds the pages an operation changes: 8 MiB (2,048 pages) takes a 1,000-line receipt's, and is soon reused.
            // At 64 MiB a process kept touching fresh memory for every page it changed: 700 page faults per receipt,
            // a sixth of its time on this VM (perf), until the cache had filled.
            // Statement journals stay in memory: a receipt's one UPDATE of a thousand lines would otherwise copy each
            // page it changes to a temporary file first, which took a third of its time.
            try db.execute(sql: "PRAGMA cache_size = -8192; PRAGMA mmap_size = 4294967296; PRAGMA temp_store = MEMORY")
            keepCompanionFiles(db)
            // Only the pool's writer commits; its readers are opened read-only.
            if let checkpointer, !db.configuration.readonly { checkpointer.install(on: db) }
        }
        return c
    }

    /// Makes the connection leave the `-wal` and `-shm` files in place when it closes, the last one too.
    ///
    /// A user who may only read the file cannot create them (they need a writable folder), and SQLite cannot read a WAL
    /// database without them: kept, they let a supervisor read while no clerk has the file open. SQLite gives them the
    /// data file's permissions (and, run as root, its owner), so they stay usable for the whole group.
    static func keepCompanionFiles(_ db: Database) {
        var persist: Int32 = 1
        sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        // With a size limit set, a writer that closes last empties the kept log (SQLite truncates it to 0 bytes):
        // frames left in it would otherwise be replayed into whatever file is put there next (a restored backup).
        // 64 MiB is far above what the checkpointer lets the log reach, so running sessions never pay for it.
        _ = try? db.execute(sql: "PRAGMA journal_size_limit = 67108864")
    }

    /// Refuses files that are not SQLite, or SQLite files of another application, before SQLite touches them.
    static func inspectHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackorderError.dataFile(.t(DataFileText.cannotOpen, path)) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty {
            throw BackorderError.dataFile(.t(DataFileText.emptyFile, path))
        }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw BackorderError.dataFile(.t(DataFileText.notSQLite, path))
        }
        let appID = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        guard appID == Schema.applicationID else {
            throw BackorderError.dataFile(.t(DataFileText.otherApplication, path))
        }
    }

    /// Migrations this build would apply; throws if the file holds one it does not know (a newer version wrote it).
    static func pendingMigrations(path: String) throws -> [String] {
        var config = configuration(readOnly: true)
        config.busyMode = .timeout(15)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let applied: [String] = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            let known = Set(Schema.knownMigrations)
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw BackorderError.dataFile(.t(DataFileText.newerVersion, path, unknown.joined(separator: ", ")))
            }
            return Schema.knownMigrations.filter { !applied.contains($0) }
        } catch let e as DatabaseError {
            throw translate(e, path: path, readOnly: true)
        }
    }

    /// A database error as a message a clerk can act on.
    static func translate(_ e: DatabaseError, path: String?, readOnly: Bool = false) -> BackorderError {
        let file: any MessageArgument = path.map { $0 as any MessageArgument } ?? LocalText.t(DataFileText.theDataFile)
        switch e.resultCode {
        case .SQLITE_READONLY where readOnly, .SQLITE_CANTOPEN where readOnly:
            // Reading a WAL database takes its -wal and -shm files: a listing writes nothing, so "cannot be written" would mislead.
            return .dataFile(.t(DataFileText.walUnreadable, file, e.message ?? "read-only")) // not prose: SQLite's own word when it gives none
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .dataFile(.t(DataFileText.damaged, file, e.message ?? "corrupt"))
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .dataFile(.t(DataFileText.cannotWrite, file))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .dataFile(.t(DataFileText.locked, file))
        case .SQLITE_FULL:
            return .dataFile(.t(DataFileText.diskFull, file))
        case .SQLITE_CANTOPEN:
            return .dataFile(.t(DataFileText.cannotOpen, file))
        default:
            return .dataFile(.t(DataFileText.databaseError, file, "\(e.resultCode)", e.message ?? ""))
        }
    }

    /// Runs `body` as one `BEGIN IMMEDIATE` transaction: all of it happens, or nothing does.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if let session {
            guard savepoints else { return try body(session) }
            // Each operation of a batch is a savepoint: one that fails leaves nothing behind, even if the batch goes on.
            var result: T?
            try session.inSavepoint {
                result = try body(session)
                return .commit
            }
            return result!
        }
        guard !isReadOnly else { throw BackorderError.refused(.t(DataFileText.readOnlyOpen)) }
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    // Checked under the write lock: nothing is written to a file the path no longer names.
                    try verifyFile()
                    result = try body(db)
                    try db.cachedStatement(sql: "UPDATE meta SET revision = revision + 1").execute()
                    return .commit
                }
                return result!
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let session { return try body(session) }
        do {
            // A queue (in memory) would toggle PRAGMA query_only around each read, which expires every cached statement;
            // its accesses are serialized anyway, so the snapshot is consistent without it.
            if let queue = writer as? DatabaseQueue { return try queue.inDatabase(body) }
            // Before a connection is taken too: a reader the pool opens now would open whatever the path names.
            try verifyFile()
            return try writer.read { db in
                // Checked inside the snapshot: a file replaced before it began is never read.
                try verifyFile()
                return try body(db)
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path, readOnly: isReadOnly)
        }
    }

    /// Rises with every committed operation, from any process: a screen polls it to know when to reload.
    public func revision() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT revision FROM meta WHERE id = 1") ?? 0 }
    }
}

extension Warehouse {
    /// Waits until the background checkpoint that recent writes started (if any) has folded the log into the file.
    ///
    /// For measurements: an operation timed right after a large one would otherwise share the disk with its checkpoint.
    public func waitForCheckpoint() {
        checkpointer?.wait()
    }

    /// Interrupts what this warehouse's connections run now (SQLite's `sqlite3_interrupt`): the query throws and changes
    /// nothing. Meant for a warehouse opened for background counts alone.
    public func interruptQueries() { writer.interrupt() }

    /// Closes the file: the write-ahead log is folded into it and the connections released.
    ///
    /// `fully` (for a file about to be moved or copied) waits until no other process reads an older snapshot and empties
    /// the log; otherwise the fold never waits for anyone and leaves to later what other processes still read.
    ///
    /// Closing again does nothing: a command may close its file before the close every command gets on its way out.
    public func close(fully: Bool = true) throws {
        closeLock.lock()
        defer { closeLock.unlock() }
        // A checkpoint on a connection already released reads freed memory (SIGSEGV), so the second close stops here.
        guard !closed else { return }
        // A session that ends says so; if it cannot (a full disk, a lost file), its row expires by itself.
        try? unregister()
        // A pool's read-only connections close last and never checkpoint: fold the WAL in from the writer first.
        checkpointer?.close()
        if !isReadOnly, path != nil {
            try writer.writeWithoutTransaction { db in
                if fully { _ = try db.checkpoint(.truncate); return }
                // Never waits for anyone: when no other process is reading, the log is folded in and emptied (the -wal
                // file stays, see keepCompanionFiles); else it is folded in as far as readers allow and the last one out
                // empties it.
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                if (try? db.checkpoint(.truncate)) == nil { _ = try db.checkpoint(.passive) }
            }
        }
        if let pool = writer as? DatabasePool { try pool.close() } else if let q = writer as? DatabaseQueue { try q.close() }
        closed = true
    }
}

