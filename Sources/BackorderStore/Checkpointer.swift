import Dispatch
import Foundation
import GRDB
import GRDBSQLite

/// Folds the write-ahead log into the data file in the background, so no clerk's operation pays for it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold: every few operations one of them
/// would copy megabytes and sync the file while the clerk waits. The writer connection instead reports the log's size
/// after each commit (the WAL hook); past `threshold` pages, a passive checkpoint runs on a connection of its own, which
/// never blocks writers or readers (of this process or another one).
final class Checkpointer: @unchecked Sendable {
    let path: String
    /// Pages in the log (4 KiB each) that start a checkpoint: SQLite's own default.
    let threshold: Int32
    private let queue = DispatchQueue(label: "backorders.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var scheduled = false
    private var closed = false
    private var connection: DatabaseQueue?

    init(path: String, threshold: Int32 = 1_000) { self.path = path; self.threshold = threshold }

    /// Installs the hook on the writer connection; SQLite's automatic checkpoint is off from then on.
    func install(on db: Database) {
        // Replaces SQLite's own auto-checkpoint hook: the two are the same slot.
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, pages in
            guard let context else { return SQLITE_OK }
            Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().committed(pages: pages)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called inside the writer's commit: must not touch that connection, only schedule.
    private func committed(pages: Int32) {
        guard pages >= threshold else { return }
        lock.lock()
        let start = !scheduled && !closed
        if start { scheduled = true }
        lock.unlock()
        if start { queue.async { self.run() } }
    }

    private func run() {
        lock.lock(); scheduled = false; let isClosed = closed; lock.unlock()
        guard !isClosed else { return }
        do {
            if connection == nil {
                var config = Configuration()
                config.label = "backorders.checkpoint"
                config.busyMode = .timeout(1)
                // The last connection to close must leave the -wal and -shm files for readers who cannot create them.
                config.prepareDatabase { Warehouse.keepCompanionFiles($0) }
                connection = try DatabaseQueue(path: path, configuration: config)
            }
            // PASSIVE copies what no reader still needs and never waits: a busy log is simply tried again later.
            _ = try connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
        } catch {
            // Best effort: the next commit past the threshold tries again, and closing the file checkpoints fully.
        }
    }

    /// Waits until a checkpoint already scheduled or running has finished.
    func wait() { queue.sync {} }

    /// Waits for a running checkpoint and stops scheduling new ones.
    func close() {
        lock.lock(); closed = true; lock.unlock()
        queue.sync {
            try? connection?.close()
            connection = nil
        }
    }
}
