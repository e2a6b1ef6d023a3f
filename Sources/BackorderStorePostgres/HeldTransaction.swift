import BackorderCore
import Dispatch
import Foundation
import PostgresNIO

/// One transaction on one leased connection that synchronous code drives step by step (an import: the shared rules
/// decide record by record what to run next). Each `run` blocks its thread until its statements answered; `commit`
/// or `rollback` ends it. Never retried: what ran cannot be run again from here, so a conflict ends it with an error.
///
/// A step the server failed (a refused statement, a lost connection) leaves the transaction aborted: every later step
/// and the commit end with that first failure, not sent (the server would only answer "current transaction is aborted").
final class HeldTransaction: @unchecked Sendable {
    private enum Step: Sendable { case work(@Sendable (PostgresConnection) async -> Void), end(commit: Bool) }
    /// Ends the transaction the rolled-back way (the bridge's ROLLBACK), without it being an error.
    private struct RolledBack: Error {}

    private let bridge: PostgresBridge
    private let feed: AsyncStream<Step>.Continuation
    private let ended = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<Void, any Error>?
    private var firstFailure: BackorderError?

    /// Why the server failed a step, the first time it did (nil while every step ran or was refused by our own checks).
    var failure: BackorderError? { lock.withLock { firstFailure } }

    /// Leases a connection and begins the transaction (READ COMMITTED, as every operation).
    init(_ bridge: PostgresBridge) {
        self.bridge = bridge
        let (steps, feed) = AsyncStream.makeStream(of: Step.self)
        self.feed = feed
        Task.detached { [self] in
            let result: Result<Void, any Error>
            do {
                try await bridge.leased { c, watch in
                    try await PostgresBridge.once(c, watch, .readCommitted) { c in
                        for await step in steps {
                            switch step {
                            case .work(let work): await work(c)
                            case .end(let commit): if commit { return } else { throw RolledBack() }
                            }
                        }
                        throw RolledBack()
                    }
                }
                result = .success(())
            } catch is RolledBack {
                result = .success(())
            } catch {
                result = .failure(error)
            }
            lock.withLock { outcome = result }
            feed.finish()
            ended.signal()
        }
    }

    /// The transaction's end, once it has ended.
    private var finished: Result<Void, any Error>? { lock.withLock { outcome } }

    /// Runs `body` inside the transaction and returns what it returns, blocking this thread meanwhile.
    @discardableResult
    func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        if let first = failure { throw Self.aborted(first) }
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        feed.yield(.work { c in
            do { box.result = .success(try await body(c)) } catch { box.result = .failure(error) }
            done.signal()
        })
        // A transaction that ended (its connection lost, no lease) never runs the step: its end is the answer.
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            guard let end = finished else { continue }
            if done.wait(timeout: .now()) == .success { break } // it ran just before the end
            if case .failure(let e) = end { throw bridge.problem(e) }
            throw bridge.problem(PostgresBridge.ConnectionClosed())
        }
        do {
            return try box.result!.get()
        } catch let e as BackorderError {
            throw e // the step's own refusal: nothing the server failed, the transaction goes on
        } catch {
            let problem = bridge.problem(error)
            lock.withLock { if firstFailure == nil { firstFailure = problem } }
            throw problem
        }
    }

    /// A step after the server failed one: the first failure's words, as an error that ends the caller's work (a
    /// refusal would be taken for one record's problem, and the next record tried).
    private static func aborted(_ first: BackorderError) -> BackorderError { BackorderError(.dataFile, first.text) }

    /// Commits what ran; throws when the server refused it or the outcome is unknown.
    func commit() throws {
        // COMMIT of an aborted transaction answers ROLLBACK without an error: it must not look kept.
        if let first = failure {
            rollback()
            throw first
        }
        try end(commit: true)
    }

    /// Rolls back what ran (nothing stays).
    func rollback() { try? end(commit: false) }

    private func end(commit: Bool) throws {
        feed.yield(.end(commit: commit))
        ended.wait()
        ended.signal() // a second end (rollback after a failed commit) returns at once
        if case .failure(let e) = finished { throw bridge.problem(e) }
    }
}
