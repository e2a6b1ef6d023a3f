import BackorderCore
import Foundation
import GRDB

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
    public static let heartbeatSeconds: Int64 = 10
    /// A row whose heartbeat is older than this belongs to a session that ended without saying so.
    public static let expirySeconds: Int64 = 45

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
        let host = Self.hostName
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM session WHERE seen_at >= ? ORDER BY started_at, user, id",
                             arguments: [now.unixTime - Self.expirySeconds])
        }.compactMap { r -> Presence? in
            let pid: Int = r["pid"], rowHost: String = r["host"]
            // The heartbeat says a session elsewhere is alive; here the process table says it at once.
            if rowHost == host && !Self.isRunning(pid: pid, startedAt: r["process_start"]) { return nil }
            return Presence(user: r["user"], host: rowHost, pid: pid, since: Timestamp(unixTime: r["started_at"]),
                            seen: Timestamp(unixTime: r["seen_at"]), isThisProcess: r["id"] == own)
        }
    }

    private static func insertRow(_ db: Database, id: String, now: Timestamp) throws {
        let pid = Int(getpid())
        try db.execute(sql: """
            INSERT INTO session (id, user, host, pid, process_start, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, Context.osUser(), hostName, pid, processStart(pid), now.unixTime, now.unixTime])
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

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(cString: buffer)
    }

    /// When a process started (clock ticks since boot, field 22 of /proc/PID/stat): a pid and this tell a process from
    /// a later one that got the same pid. Nil where /proc cannot say.
    static func processStart(_ pid: Int) -> Int64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), // not prose: a path
              let close = text.lastIndex(of: ")") else { return nil }
        // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? Int64(fields[19]) : nil
    }

    /// Whether the process `pid` on this host is the one that registered (same start time, when known).
    static func isRunning(pid: Int, startedAt: Int64?) -> Bool {
        guard pid > 0 else { return false }
        // EPERM: it exists but belongs to another user (a supervisor asking about a clerk's session).
        guard kill(pid_t(pid), 0) == 0 || errno == EPERM else { return false }
        guard let startedAt, let now = processStart(pid) else { return true }
        return now == startedAt
    }
}
