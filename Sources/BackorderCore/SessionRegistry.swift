/// The rules of the registry of UI sessions both stores keep (a row per session that has the warehouse open for
/// writing, refreshed by a heartbeat): how often a session beats, when a silent one counts as gone, and who is listed.
public enum SessionRegistry {
    /// How often a session refreshes its row.
    public static let heartbeatSeconds: Int64 = 10
    /// A row whose heartbeat is older than this belongs to a session that ended without saying so.
    public static let expirySeconds: Int64 = 45

    /// One row of the registry as stored.
    public struct Row: Sendable, Equatable {
        public var id: String
        public var user: String
        public var host: String
        public var pid: Int
        /// When the process started (clock ticks since boot), to tell it from a later one with the same pid.
        public var processStart: Int64?
        public var startedAt: Int64
        public var seenAt: Int64
        public init(id: String, user: String, host: String, pid: Int, processStart: Int64?, startedAt: Int64, seenAt: Int64) {
            self.id = id; self.user = user; self.host = host; self.pid = pid; self.processStart = processStart
            self.startedAt = startedAt; self.seenAt = seenAt
        }
    }

    /// The sessions to list, in the rows' order: those whose heartbeat is fresh, and, on this host, whose process still
    /// runs (`isRunning` asks the process table; a heartbeat cannot say at once that a local process died).
    public static func live(_ rows: [Row], now: Timestamp, host: String, own: String?,
                            isRunning: (_ pid: Int, _ startedAt: Int64?) -> Bool) -> [Presence] {
        rows.compactMap { r in
            guard r.seenAt >= now.unixTime - expirySeconds else { return nil }
            if r.host == host && !isRunning(r.pid, r.processStart) { return nil }
            return Presence(user: r.user, host: r.host, pid: r.pid, since: Timestamp(unixTime: r.startedAt),
                            seen: Timestamp(unixTime: r.seenAt), isThisProcess: r.id == own)
        }
    }
}
