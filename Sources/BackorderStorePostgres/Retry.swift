import Foundation
import PostgresNIO

/// Runs a transaction again when the server aborted it for a conflict with another one, a bounded number of times.
///
/// The store's choice for its operations is **row locks taken in a fixed order under READ COMMITTED**, with this
/// retry as the net beneath it, not SERIALIZABLE as the rule:
/// - The work is hot-spot work: twenty clerks ordering the same fast-moving SKU, a receipt serving a thousand lines
///   that other clerks pick from. Under SERIALIZABLE each conflict aborts a transaction that did all its work and
///   runs it again, so the busiest SKU gets the most retries (and may run out of them); with `SELECT … FOR UPDATE`
///   the second clerk waits a few milliseconds for the first and then succeeds once. Measured here
///   (`BridgeTests.testTwentyClerksForTenUnitsBothWays`, 20 clerks taking one of 10 free units): row locks ran no
///   transaction twice; SERIALIZABLE ran 54–57 of them again, nearly three runs per clerk.
/// - A lock order is already how the SQLite store thinks: an operation reads the item row (by SKU), then its order
///   lines (by id), then arrivals (by id); taken in that order, two operations never wait for each other in a circle.
/// - The retry still covers what the order cannot: a deadlock the server breaks (40P01) from a path that locks in
///   another order (a tool, a future operation), and serialization failures (40001) for a caller that asks for
///   SERIALIZABLE (a report that needs one consistent snapshot of several statements, or a test).
/// Only an aborted transaction is run again: the server rolled it back, so running it again cannot apply it twice.
public enum Retry {
    /// SQLSTATEs meaning "rolled back for a conflict; the same work may succeed if run again".
    public static let retryable: Set<String> = ["40001", "40P01"] // not prose: SQLSTATE codes
    /// Attempts in all, the first included: enough for a burst of clerks on one SKU, few enough to give up in under a second.
    public static let defaultAttempts = 8

    /// All attempts failed on conflicts.
    public struct GaveUp: Error {
        public var attempts: Int
        public var last: any Error
    }

    /// Whether `error` is a conflict the server rolled back.
    public static func isConflict(_ error: any Error) -> Bool {
        guard let e = error as? PSQLError, e.code == .server, let state = e.serverInfo?[.sqlState] else { return false }
        return retryable.contains(state)
    }

    /// Runs `op`; on a conflict waits a short, growing, random time and runs it again, `attempts` times in all.
    /// `conflicts` counts the retries (for tests and measurements).
    public static func onConflict<T>(attempts: Int = defaultAttempts, conflicts: ConflictCounter? = nil,
                                      _ op: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await op()
            } catch where isConflict(error) {
                conflicts?.add()
                guard attempt < attempts else { throw GaveUp(attempts: attempts, last: error) }
                attempt += 1
                // Jittered, so two clerks that collided do not collide again at once: up to 2, 4, … 128 ms.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(1 << min(attempt, 7)))))
            }
        }
    }
}

/// Counts conflicts across threads.
public final class ConflictCounter: @unchecked Sendable {
    private let lock = NSLockLite()
    private var n = 0
    public init() {}
    public func add() { lock.with { n += 1 } }
    public var count: Int { lock.with { n } }
}

/// A lock with a scoped helper.
final class NSLockLite: @unchecked Sendable {
    private let lock = NSLock()
    func with<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
