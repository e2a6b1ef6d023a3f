import BackorderCore
import Dispatch
import Foundation
import Logging
import NIOPosix
import NIOSSL
import PostgresNIO

/// The one place where the synchronous service meets the async driver: owns a `PostgresClient` (its connection pool,
/// run by a detached task for the bridge's lifetime) and offers blocking calls to threads that are not event loops.
///
/// Every call leases one connection for its whole body, so a body's statements share a session and a transaction.
/// A call waits at most `connectWait` for a connection (the pool would otherwise wait a minute for a server that is
/// down). Once the body runs it ends with the server's answer, or, when its connection closes under it (a killed
/// backend, a restarted server), with "connection lost" (the server rolled back) or "outcome unknown" (COMMIT was
/// sent): never with a half-applied transaction. The next call gets a new connection.
public final class PostgresBridge: Sendable {
    /// Where the bridge connects (without the password in its description).
    public let url: PostgresURL
    /// How long a call waits for a connection before it says the server cannot be reached.
    public let connectWait: Duration
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let monitor = Monitor()
    /// The application name of an interruptible bridge's sessions, which `interrupt` cancels by it (nil: not interruptible).
    let interruptTag: String?
    let interrupts = Interrupts()

    /// Starts the pool; connections are made when the first call needs one. `interruptible`: `interrupt` may cancel
    /// what the bridge's connections run (a reader whose reads go out of date, as the UI's background readers).
    public init(url: PostgresURL, maximumConnections: Int = 10, connectWait: Duration = .seconds(10), interruptible: Bool = false) {
        self.url = url
        self.connectWait = connectWait
        let tag = interruptible ? "backorders-reader-\(UUID().uuidString.prefix(18))" : nil // not prose: an application name
        interruptTag = tag
        var config: PostgresClient.Configuration
        switch url.endpoint {
        case .socket:
            config = .init(unixSocketPath: url.socketPath ?? "", username: url.user, password: url.password, database: url.database)
        case let .tcp(host, port):
            config = .init(host: host, port: port, username: url.user, password: url.password, database: url.database,
                           tls: Self.tls(url.tls))
        }
        config.options.maximumConnections = maximumConnections
        config.options.connectTimeout = connectWait
        // Memoize caches lookups across a long nested loop; a page of 50 rows has none, and building the cache cost
        // more than it saved (the backorder lines' first page: 1–2 ms without, 2–5 ms with).
        config.options.additionalStartupParameters = [("application_name", tag ?? "backorders"), ("enable_memoize", "off")]
        let client = PostgresClient(configuration: config)
        self.client = client
        runner = Task.detached { await client.run() }
        monitor.bridge = self
    }

    deinit { runner.cancel() }

    /// Closes every connection and waits until they are closed (at most five seconds: a connection still leased by
    /// a stuck call is left to the process's end).
    public func close() {
        runner.cancel()
        let r = runner
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await r.value
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }

    /// Runs `body` on one leased connection and returns what it returns, blocking the calling thread meanwhile.
    /// Each statement commits on its own (autocommit); use `transaction` for work that must happen whole or not at all.
    public func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        do {
            return try Self.block { try await self.leased { c, _ in try await body(c) } }
        } catch {
            throw problem(error)
        }
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws.
    /// A serialization failure or a deadlock (SQLSTATE 40001, 40P01) rolls back and runs `body` again, up to
    /// `attempts` times in all (see `Retry`); so `body` must do nothing outside the database that it cannot repeat.
    public func transaction<T: Sendable>(_ isolation: Isolation = .readCommitted, attempts: Int = Retry.defaultAttempts,
                                         conflicts: ConflictCounter? = nil,
                                         _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        do {
            return try Self.block {
                try await Retry.onConflict(attempts: attempts, conflicts: conflicts) {
                    try await self.leased { c, watch in try await Self.once(c, watch, isolation, body) }
                }
            }
        } catch {
            throw problem(error)
        }
    }

    /// The transaction's isolation level.
    public enum Isolation: Sendable {
        /// Each statement sees what was committed before it; the writer takes row locks (`SELECT … FOR UPDATE`).
        case readCommitted
        /// As if the transactions ran one after another; the server aborts one of two that conflict (40001).
        case serializable
        /// Reads only, all from one snapshot taken at its first statement (a list page and its totals agree).
        case snapshot

        var begin: String {
            switch self {
            case .readCommitted: return "BEGIN ISOLATION LEVEL READ COMMITTED"
            case .serializable: return "BEGIN ISOLATION LEVEL SERIALIZABLE"
            case .snapshot: return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            }
        }

        /// Writes run their kept statements on generic plans (see `PlanModes`); reads let the server choose.
        var genericPlans: Bool { self != .snapshot }
    }

    /// The transaction's commit did not answer: the change may or may not be saved.
    struct CommitOutcomeUnknown: Error { var underlying: any Error }
    /// The connection closed under a call that did not end.
    struct ConnectionClosed: Error {}
    /// A direct connection failed too: why.
    struct CannotConnect: Error { var underlying: any Error }
    /// No connection within `connectWait`.
    struct ConnectWaitExceeded: Error {}
    /// The lease came after the wait was given up: the body must not run.
    struct LeaseTooLate: Error {}

    static let quiet = Logger(label: "backorders.postgres", factory: { _ in SwiftLogNoOpLogHandler() }) // not prose: a logger label

    static func once<T: Sendable>(_ c: PostgresConnection, _ watch: Watch, _ isolation: Isolation,
                                  _ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        if let set = PlanModes.shared.switchTo(isolation.genericPlans, on: c.identity) {
            // Outside the transaction: a server that refuses the setting only keeps its own choice of plans.
            do { try await c.query(PostgresQuery(unsafeSQL: set), logger: quiet) } catch let e as PSQLError where e.code == .server {}
        }
        try await c.query(PostgresQuery(unsafeSQL: isolation.begin), logger: quiet)
        let result: T
        do {
            result = try await body(c)
        } catch {
            // On a lost connection the server has rolled back already; the pool drops the connection.
            if !c.isClosed { _ = try? await c.query("ROLLBACK", logger: quiet) }
            throw error
        }
        watch.committing()
        do {
            try await c.query("COMMIT", logger: quiet)
        } catch let e as PSQLError where e.code == .server {
            throw e // refused at commit (a deferred check, a serialization failure): rolled back, nothing saved
        } catch {
            throw CommitOutcomeUnknown(underlying: error)
        }
        return result
    }

    /// Leases a connection, waiting at most `connectWait`, and runs `body` on it on the connection's event loop.
    /// Whichever comes first decides: the lease (the body then runs to its end) or the wait's end (the body never
    /// runs). While the body runs its connection is watched: the driver's query on a connection the server has closed
    /// (a killed backend) may never answer, so once the connection is closed and the body has not ended soon after,
    /// the call ends with the connection lost (the server rolled back), or with the outcome unknown if COMMIT had been
    /// sent. The stuck task is left behind, its lease returned; the pool drops the closed connection.
    /// The waits and the watching are the bridge's `monitor`'s: one timer for every call in flight, not a few tasks
    /// and timers per call (measured: a tenth of a busy client's time).
    func leased<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Watch) async throws -> T) async throws -> T {
        let call = Call()
        let client = self.client
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = Once(continuation)
            let task = Task { [interrupts] in
                // After an interrupt, the next statement starts once the cancel is delivered (never hitting it).
                await interrupts.settled()
                do {
                    let value = try await client.withConnection { c in
                        guard call.take(.running(c)) else { throw LeaseTooLate() }
                        return try await withTaskExecutorPreference(LoopExecutor(c.eventLoop)) { try await body(c, call.watch) }
                    }
                    once.resume(.success(value))
                } catch {
                    once.resume(.failure(error))
                }
                call.end()
            }
            // Given up or lost: the caller is answered, and a lease still asked for (or a stuck query) is cancelled.
            call.fail = { error in
                guard once.resume(.failure(error)) else { return false }
                task.cancel()
                return true
            }
            monitor.watch(call)
        }
    }

    /// Watches the calls in flight every 50 ms: a lease slow to come (one direct attempt then says why, and the
    /// call gives up at `connectWait`), a connection closed under a running body. Runs only while calls are in flight.
    final class Monitor: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [ObjectIdentifier: Call] = [:]
        private var running = false
        weak var bridge: PostgresBridge?

        func watch(_ call: Call) {
            let start: Bool = lock.withLock {
                calls[ObjectIdentifier(call)] = call
                defer { running = true }
                return !running
            }
            if start { Task.detached { await self.loop() } }
        }

        private func loop() async {
            while true {
                try? await Task.sleep(for: .milliseconds(50))
                let now = ContinuousClock.now
                let current: [Call]? = lock.withLock {
                    calls = calls.filter { !$0.value.isOver }
                    if calls.isEmpty { running = false; return nil }
                    return Array(calls.values)
                }
                guard let current, let bridge else { return }
                for call in current { call.tick(now, bridge) }
            }
        }
    }

    /// One call's lease and body, as the monitor sees them.
    final class Call: @unchecked Sendable {
        enum State { case waiting, running(PostgresConnection), gaveUp, over }
        private let lock = NSLock()
        private var state = State.waiting
        private var probing = false
        private var closedFor = 0
        let started = ContinuousClock.now
        let watch = Watch()
        /// Ends the caller's wait with an error (false when it ended already).
        var fail: @Sendable (any Error) -> Bool = { _ in false }

        /// Moves from waiting to `to` (running, or given up); false when the other side was first.
        func take(_ to: State) -> Bool {
            lock.withLock {
                guard case .waiting = state else { return false }
                state = to
                return true
            }
        }

        func end() { lock.withLock { state = .over } }

        var isOver: Bool {
            lock.withLock {
                switch state {
                case .gaveUp, .over: return true
                case .waiting, .running: return false
                }
            }
        }

        func tick(_ now: ContinuousClock.Instant, _ bridge: PostgresBridge) {
            enum Act { case none, probe, giveUp, lost }
            let act: Act = lock.withLock {
                switch state {
                case .waiting:
                    let waited = now - started
                    if waited >= bridge.connectWait { state = .gaveUp; return .giveUp }
                    // A lease that is slow to come may never come (no server, no such database, a refused login: the
                    // pool only retries): one direct attempt says why at once.
                    if waited >= min(bridge.connectWait, .milliseconds(250)), !probing { probing = true; return .probe }
                    return .none
                case .running(let c):
                    closedFor = c.isClosed ? closedFor + 1 : 0
                    if closedFor >= 3 { state = .over; return .lost }
                    return .none
                case .gaveUp, .over:
                    return .none
                }
            }
            switch act {
            case .none: break
            case .giveUp: _ = fail(ConnectWaitExceeded())
            case .lost:
                let lost = ConnectionClosed()
                _ = fail(watch.isCommitting ? CommitOutcomeUnknown(underlying: lost) : lost)
            case .probe:
                Task.detached {
                    if let why = await bridge.probe(), self.take(.gaveUp) { _ = self.fail(CannotConnect(underlying: why)) }
                }
            }
        }
    }

    /// One connection made directly, outside the pool, to learn why the pool gets none: nil when it connects.
    func probe() async -> (any Error)? {
        do {
            let c = try await directConnection()
            try? await c.close()
            return nil
        } catch {
            return error
        }
    }

    /// A connection made directly, outside the pool (the caller closes it).
    func directConnection() async throws -> PostgresConnection {
        var config: PostgresConnection.Configuration
        switch url.endpoint {
        case .socket:
            config = .init(unixSocketPath: url.socketPath ?? "", username: url.user, password: url.password, database: url.database)
        case let .tcp(host, port):
            let tls: PostgresConnection.Configuration.TLS
            switch url.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: Self.tlsConfiguration(url.tls)))
            case .require, .verifyFull: tls = .require(try NIOSSLContext(configuration: Self.tlsConfiguration(url.tls)))
            }
            config = .init(host: host, port: port, username: url.user, password: url.password, database: url.database, tls: tls)
        }
        config.options.connectTimeout = .milliseconds(Int64(connectWait.components.seconds * 1000 + connectWait.components.attoseconds / 1_000_000_000_000_000))
        return try await PostgresConnection.connect(configuration: config, id: 0, logger: Self.quiet)
    }

    /// Runs `op` on a detached task and blocks this thread until it ends. Never on an event loop: the loop would wait
    /// for itself.
    static func block<T: Sendable>(_ op: @escaping @Sendable () async throws -> T) throws -> T {
        precondition(MultiThreadedEventLoopGroup.currentEventLoop == nil, "PostgresBridge called on an event-loop thread") // not prose: a programmer's assertion
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await op()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// The bridge's words for what the driver or the server said.
    func problem(_ error: any Error) -> BackorderError {
        if let e = error as? BackorderError { return e }
        if error is ConnectWaitExceeded || error is LeaseTooLate {
            let seconds = Int(connectWait.components.seconds)
            return .dataFile(.t(PostgresText.unreachable, url.description, seconds))
        }
        if let e = error as? CannotConnect {
            if let p = e.underlying as? PSQLError, p.code == .server { return problem(p) }
            return .dataFile(.t(PostgresText.cannotConnect, url.description, Self.detail(e.underlying)))
        }
        if error is ConnectionClosed { return .dataFile(.t(PostgresText.connectionLost, LocalText.t(PostgresText.closedByServer))) }
        if let e = error as? CommitOutcomeUnknown {
            let why: any MessageArgument = e.underlying is ConnectionClosed ? LocalText.t(PostgresText.closedByServer) : Self.detail(e.underlying)
            return .dataFile(.t(PostgresText.commitUnknown, why))
        }
        if let e = error as? Retry.GaveUp {
            return .stale(.t(PostgresText.tooBusy, e.attempts))
        }
        guard let e = error as? PSQLError else {
            return .dataFile(.t(PostgresText.serverError, "", String(describing: error)))
        }
        switch e.code {
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            let message = e.serverInfo?[.message] ?? ""
            switch state {
            case "42501": return .refused(.t(PostgresText.notAllowed, url.user, message))
            case "57014": return .dataFile(.t(PostgresText.cancelled, message))
            case "57P01", "57P02", "57P03", "08000", "08003", "08006": return .dataFile(.t(PostgresText.connectionLost, message))
            case "3D000": return .dataFile(.t(PostgresText.noDatabase, url.database, url.description))
            case "28000", "28P01": return .dataFile(.t(PostgresText.loginRefused, url.user, message))
            default: return .dataFile(.t(PostgresText.serverError, state, message))
            }
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return .dataFile(.t(PostgresText.connectionLost, Self.detail(e)))
        default:
            return .dataFile(.t(PostgresText.serverError, "", Self.detail(e)))
        }
    }

    /// What went wrong underneath, for a message: the server's words, else the system's.
    static func detail(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let m = e.serverInfo?[.message] { return m }
            if let u = e.underlying { return String(describing: u) }
            return e.code.description
        }
        return String(describing: error)
    }

    static func tlsConfiguration(_ mode: PostgresURL.TLSMode) -> TLSConfiguration {
        var config = TLSConfiguration.makeClientConfiguration()
        // As libpq: prefer and require encrypt without checking the certificate; verify-full checks it and the name.
        if mode != .verifyFull { config.certificateVerification = .none }
        return config
    }

    static func tls(_ mode: PostgresURL.TLSMode) -> PostgresClient.Configuration.TLS {
        let config = tlsConfiguration(mode)
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(config)
        case .require, .verifyFull: return .require(config)
        }
    }
}

/// What a watched call is doing: after COMMIT is sent, a lost connection leaves the outcome unknown.
final class Watch: @unchecked Sendable {
    private let lock = NSLock()
    private var commit = false
    func committing() { lock.lock(); commit = true; lock.unlock() }
    var isCommitting: Bool { lock.lock(); defer { lock.unlock() }; return commit }
}

/// A continuation resumed once, by whichever comes first.
final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    init(_ c: CheckedContinuation<T, any Error>) { continuation = c }
    var isDone: Bool { lock.lock(); defer { lock.unlock() }; return continuation == nil }
    /// False when it was resumed already.
    @discardableResult
    func resume(_ result: Result<T, any Error>) -> Bool {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        guard let c else { return false }
        c.resume(with: result)
        return true
    }
}

/// Runs a task's jobs on its connection's event loop. The driver answers on that loop; an operation's body, run
/// there too, writes its next statement without waiting for a thread of the shared pool (with two cores busy that wait
/// was most of a statement's round trip). The body only awaits the server and computes briefly: it never blocks.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}

/// A result handed from the task to the blocked thread; the semaphore orders the write before the read.
final class Box<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
