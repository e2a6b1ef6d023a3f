import Foundation
import PostgresNIO

extension PostgresBridge {
    /// Cancels the statements this bridge's connections are running now (an interruptible bridge's; others let
    /// them finish): the call running one ends with the server's "canceling statement" and its transaction rolled
    /// back. Returns at once; the cancel is sent from a connection of its own, and the bridge's next call starts
    /// after it was delivered.
    ///
    /// A filter's rows read in the background go out of date with the next key; the server would otherwise read on
    /// for the old text (a text matching no row walks the whole list: 1.5 s on a million lines) before the new one.
    public func interrupt() {
        guard let tag = interruptTag else { return }
        interrupts.add { [self] in
            guard let c = try? await directConnection() else { return }
            // Only statements running: a session between statements (or idle) is left alone.
            _ = try? await c.query("""
                SELECT pg_cancel_backend(pid) FROM pg_stat_activity
                WHERE application_name = \(tag) AND state = 'active' AND pid <> pg_backend_pid()
                """, logger: Self.quiet)
            try? await c.close()
        }
    }

    /// The cancels sent and not yet delivered, one after another.
    final class Interrupts: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: Task<Void, Never>?

        func add(_ cancel: @escaping @Sendable () async -> Void) {
            lock.withLock {
                let before = pending
                pending = Task.detached {
                    await before?.value
                    await cancel()
                }
            }
        }

        /// Returns once every cancel asked for so far is delivered.
        func settled() async {
            guard let p = lock.withLock({ pending }) else { return }
            await p.value
        }
    }
}
