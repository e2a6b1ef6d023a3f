import BackorderCore
import Foundation
import HostProcess
import PostgresNIO

/// The registry of who has the warehouse open in the UI, kept on the server as the file keeps it (`SessionRegistry`'s
/// rules): a row per session, a heartbeat, and liveness, so the status bar and `backorders who` list clerks at every
/// machine. Registry writes leave the revision alone: nobody's screen reloads for a heartbeat.
extension PostgresWarehouse {
    /// Records this process as having the warehouse open, until `unregister` (or `close`). Refused in a read-only session.
    public func register(now: Timestamp) throws {
        try requireWritable()
        let id = UUID().uuidString
        let row = SessionRegistry.Row(id: id, user: HostProcess.user, host: HostProcess.name, pid: Int(getpid()),
                                      processStart: HostProcess.start(Int(getpid())), startedAt: now.unixTime, seenAt: now.unixTime)
        let expired = now.unixTime - SessionRegistry.expirySeconds
        try bridge.transaction { c in
            // Rows of sessions long gone are cleared by whoever comes next.
            try await c.query("DELETE FROM session WHERE seen_at < \(expired)", logger: PostgresBridge.quiet)
            try await Self.insert(c, row)
        }
        registration.set((id, now))
    }

    /// Refreshes this process's row when its last heartbeat is old enough (a row someone removed comes back); nothing
    /// for a process that has not registered.
    public func keepAlive(now: Timestamp) throws {
        guard let current = registration.get(), now.unixTime - current.beat.unixTime >= SessionRegistry.heartbeatSeconds else { return }
        let row = SessionRegistry.Row(id: current.id, user: HostProcess.user, host: HostProcess.name, pid: Int(getpid()),
                                      processStart: HostProcess.start(Int(getpid())), startedAt: current.beat.unixTime, seenAt: now.unixTime)
        try bridge.transaction { c in
            let updated = try await c.query("UPDATE session SET seen_at = \(now.unixTime) WHERE id = \(current.id) RETURNING id",
                                            logger: PostgresBridge.quiet).collect()
            if updated.isEmpty { try await Self.insert(c, row) }
        }
        registration.set((current.id, now))
    }

    /// Removes this process's row (a session that ends); harmless when there is none.
    public func unregister() throws {
        guard let current = registration.get() else { return }
        registration.set(nil)
        try bridge.run { c in _ = try await c.query("DELETE FROM session WHERE id = \(current.id)", logger: PostgresBridge.quiet) }
    }

    /// The sessions that have the warehouse open right now, oldest first.
    public func presence(now: Timestamp) throws -> [Presence] {
        let own = registration.get()?.id
        let since = now.unixTime - SessionRegistry.expirySeconds
        let rows = try bridge.transaction(.snapshot) { c in
            var out: [SessionRegistry.Row] = []
            for try await (id, user, host, pid, start, started, seen) in try await c.query("""
                SELECT id, "user", host, pid, process_start, started_at, seen_at FROM session WHERE seen_at >= \(since)
                ORDER BY started_at, "user", id
                """, logger: PostgresBridge.quiet).decode((String, String, String, Int, Int64?, Int64, Int64).self) {
                out.append(.init(id: id, user: user, host: host, pid: pid, processStart: start, startedAt: started, seenAt: seen))
            }
            return out
        }
        return SessionRegistry.live(rows, now: now, host: HostProcess.name, own: own, isRunning: HostProcess.isRunning)
    }

    static func insert(_ c: PostgresConnection, _ r: SessionRegistry.Row) async throws {
        try await c.query("""
            INSERT INTO session (id, "user", host, pid, process_start, started_at, seen_at)
            VALUES (\(r.id), \(r.user), \(r.host), \(r.pid), \(r.processStart), \(r.startedAt), \(r.seenAt))
            """, logger: PostgresBridge.quiet)
    }
}

/// This process's row in the registry, once registered: its id and its last heartbeat (shared by the UI's threads).
final class RegistrationBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (id: String, beat: Timestamp)?
    func get() -> (id: String, beat: Timestamp)? { lock.withLock { value } }
    func set(_ v: (id: String, beat: Timestamp)?) { lock.withLock { value = v } }
}
