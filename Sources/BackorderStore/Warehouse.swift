import BackorderCore
import Foundation
import GRDB

extension Context {
    /// The current OS user at the current time in the local time zone.
    ///
    /// `BACKORDERS_TODAY=YYYY-MM-DD` fixes the calendar day (ages, lateness, new order dates), so examples and golden
    /// tests read the same on any day.
    public static func current(actor: String? = nil) -> Context {
        let now = Int64(Date().timeIntervalSince1970)
        let offset = TimeZone.current.secondsFromGMT()
        let fixed = ProcessInfo.processInfo.environment["BACKORDERS_TODAY"].flatMap { Day(iso: $0) }
        return Context(actor: actor ?? osUser(), now: Timestamp(unixTime: now),
                       today: fixed ?? Day(unixTime: now, utcOffsetSeconds: offset))
    }

    /// The login name of the effective user; the same whether typed at a local console or over SSH.
    public static func osUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
    }
}


/// How a data file is opened.
public enum AccessMode: Sendable {
    /// Read and write; the file must exist.
    case readWrite
    /// Read and write, creating a new empty data file when there is none.
    case create
    /// Browse only: nothing can be written, not even a migration.
    case readOnly
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

    init(writer: any DatabaseWriter, path: String?, readOnly: Bool, session: Database? = nil, savepoints: Bool = true,
         deferredPegging: DeferredPegging? = nil, checkpointer: Checkpointer? = nil) {
        self.writer = writer; self.path = path; self.isReadOnly = readOnly; self.session = session; self.savepoints = savepoints
        self.deferredPegging = deferredPegging; self.checkpointer = checkpointer
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
                                            deferredPegging: deferred))
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
    public static func open(path: String, mode: AccessMode) throws -> Warehouse {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue { throw BackorderError.dataFile("\(path) is a directory, not a data file") }
        if !exists {
            guard mode == .create else {
                throw BackorderError.dataFile("no data file at \(path): create one with `backorders init` (empty) or `backorders sample` (the sample warehouse)")
            }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) { throw BackorderError.dataFile("the folder \(dir) does not exist") }
            do {
                let checkpointer = Checkpointer(path: path)
                let pool = try makePool(path: path, readOnly: false, checkpointer: checkpointer)
                try Schema.migrator.migrate(pool)
                return Warehouse(writer: pool, path: path, readOnly: false, checkpointer: checkpointer)
            } catch let e as DatabaseError {
                throw BackorderError.dataFile("cannot create \(path): \(e.message ?? "\(e)")")
            }
        }
        guard fm.isReadableFile(atPath: path) else { throw BackorderError.dataFile("\(path) cannot be read (permissions)") }
        try inspectHeader(path: path)
        let readOnly = mode == .readOnly
        if !readOnly {
            let dir = (path as NSString).deletingLastPathComponent
            if !fm.isWritableFile(atPath: path) || !fm.isWritableFile(atPath: dir.isEmpty ? "." : dir) {
                throw BackorderError.dataFile("\(path) is read-only for you (or its folder is): open it with --read-only to browse")
            }
        }
        let pending = try pendingMigrations(path: path)
        if readOnly && !pending.isEmpty {
            throw BackorderError.dataFile("\(path) uses an older file format; upgrade it once with `backorders upgrade` (or open it without --read-only)")
        }
        do {
            let checkpointer = readOnly ? nil : Checkpointer(path: path)
            let pool = try makePool(path: path, readOnly: readOnly, checkpointer: checkpointer)
            if !readOnly && !pending.isEmpty { try Schema.migrator.migrate(pool) }
            let w = Warehouse(writer: pool, path: path, readOnly: readOnly, checkpointer: checkpointer)
            w.upgrades = readOnly ? [] : pending
            return w
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        } catch let e as Schema.Unrecognized {
            throw BackorderError.dataFile("\(path) cannot be upgraded to this version: \(e.reason); nothing was changed")
        }
    }

    /// The pool of connections to a data file: one writer, several readers.
    static func makePool(path: String, readOnly: Bool, checkpointer: Checkpointer?) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration(readOnly: readOnly, checkpointer: checkpointer))
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
            // Only the pool's writer commits; its readers are opened read-only.
            if let checkpointer, !db.configuration.readonly { checkpointer.install(on: db) }
        }
        return c
    }

    /// Refuses files that are not SQLite, or SQLite files of another application, before SQLite touches them.
    static func inspectHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackorderError.dataFile("\(path) cannot be opened") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty {
            throw BackorderError.dataFile("\(path) is an empty file, not a backorders data file")
        }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw BackorderError.dataFile("\(path) is not a backorders data file (not an SQLite database at all: damaged, or another kind of file)")
        }
        let appID = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        guard appID == Schema.applicationID else {
            throw BackorderError.dataFile("\(path) is an SQLite database of another application, not a backorders data file")
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
                throw BackorderError.dataFile("\(path) was written by a newer version of backorders (format \(unknown.joined(separator: ", "))); update backorders to open it")
            }
            return Schema.knownMigrations.filter { !applied.contains($0) }
        } catch let e as DatabaseError {
            throw translate(e, path: path)
        }
    }

    /// A database error as a message a clerk can act on.
    static func translate(_ e: DatabaseError, path: String?) -> BackorderError {
        let file = path ?? "the data file"
        switch e.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .dataFile("\(file) is damaged (\(e.message ?? "corrupt")); restore it from a backup, or run `backorders check` for details")
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .dataFile("\(file) cannot be written (read-only); nothing was changed")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .dataFile("\(file) stayed locked by another process for too long; nothing was changed, try again")
        case .SQLITE_FULL:
            return .dataFile("the disk holding \(file) is full; nothing was changed")
        case .SQLITE_CANTOPEN:
            return .dataFile("\(file) cannot be opened")
        default:
            return .dataFile("\(file): database error \(e.resultCode): \(e.message ?? "")")
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
        guard !isReadOnly else { throw BackorderError.refused("the data file is open read-only; nothing can be changed") }
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
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
            return try writer.read(body)
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
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
        // A pool's read-only connections close last and never checkpoint: fold the WAL in from the writer first.
        checkpointer?.close()
        if !isReadOnly, path != nil { _ = try writer.writeWithoutTransaction { try $0.checkpoint(fully ? .truncate : .passive) } }
        if let pool = writer as? DatabasePool { try pool.close() } else if let q = writer as? DatabaseQueue { try q.close() }
        closed = true
    }
}

