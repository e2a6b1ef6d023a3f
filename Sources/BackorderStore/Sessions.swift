import BackorderCore
import Foundation
import GRDB
import HostProcess

/// This process's row in the file's registry of UI sessions.
struct Registration {
    var id: String
    /// When the row was last written.
    var beat: Timestamp
}

/// The registry of who has the data file open in the UI: a row per session, a heartbeat refreshing it, and liveness
/// checks, so `backorders who` and the status bar list only sessions that are really there.
///
/// A session that crashed (or whose machine stopped) leaves its row behind: it is not listed once its heartbeat is older
/// than `expirySeconds`, nor, on the same host, once its process is gone (or its pid belongs to a newer process).
/// A read-only session writes nothing, so it cannot record itself and is never listed.
extension Warehouse {
    /// How often a session refreshes its row.
    public static let heartbeatSeconds = SessionRegistry.heartbeatSeconds
    /// A row whose heartbeat is older than this belongs to a session that ended without saying so.
    public static let expirySeconds = SessionRegistry.expirySeconds

    /// Records this process as having the file open, until `unregister` (or `close`). Refused on a read-only file.
    public func register(now: Timestamp) throws {
        guard !isReadOnly else { throw BackorderError.refused(.t(StoreText.readOnlySession)) }
        let id = UUID().uuidString
        try writeRegistry { db in
            // Rows of sessions long gone are cleared by whoever comes next.
            try db.execute(sql: "DELETE FROM session WHERE seen_at < ?", arguments: [now.unixTime - Self.expirySeconds])
            try Self.insertRow(db, id: id, now: now)
        }
        registryLock.withLock { registration = Registration(id: id, beat: now) }
    }

    /// Refreshes this process's row when its last heartbeat is `heartbeatSeconds` old (a row someone removed comes
    /// back); does nothing for a process that has not registered.
    public func keepAlive(now: Timestamp) throws {
        guard let current = registryLock.withLock({ registration }), now.unixTime - current.beat.unixTime >= Self.heartbeatSeconds else { return }
        try writeRegistry { db in
            try db.execute(sql: "UPDATE session SET seen_at = ? WHERE id = ?", arguments: [now.unixTime, current.id])
            if db.changesCount == 0 { try Self.insertRow(db, id: current.id, now: now) }
        }
        registryLock.withLock { registration?.beat = now }
    }

    /// Removes this process's row (a session that ends); harmless when there is none.
    public func unregister() throws {
        guard let current = registryLock.withLock({ registration }) else { return }
        registryLock.withLock { registration = nil }
        try writeRegistry { db in try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [current.id]) }
    }

    /// The sessions that have the file open right now, oldest first.
    public func presence(now: Timestamp) throws -> [Presence] {
        let own = registryLock.withLock { registration?.id }
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM session WHERE seen_at >= ? ORDER BY started_at, user, id",
                             arguments: [now.unixTime - Self.expirySeconds])
        }.map { r in
            SessionRegistry.Row(id: r["id"], user: r["user"], host: r["host"], pid: r["pid"], processStart: r["process_start"],
                                startedAt: r["started_at"], seenAt: r["seen_at"])
        }
        return SessionRegistry.live(rows, now: now, host: HostProcess.name, own: own, isRunning: HostProcess.isRunning)
    }

    private static func insertRow(_ db: Database, id: String, now: Timestamp) throws {
        let pid = Int(getpid())
        try db.execute(sql: """
            INSERT INTO session (id, user, host, pid, process_start, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, Context.osUser(), HostProcess.name, pid, HostProcess.start(pid), now.unixTime, now.unixTime])
    }

    /// A registry write: its own short transaction, which leaves the revision alone (no screen reloads for a heartbeat).
    private func writeRegistry(_ body: (Database) throws -> Void) throws {
        guard !isReadOnly else { return }
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try verifyFile()
                    try body(db)
                    return .commit
                }
            }
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }
}
