import BackorderCore
import Foundation

/// Reads for the run loop on a thread of its own, through a connection of its own, so that no key waits for them: a
/// filtered list's count walks the list (half a second on ten million order lines), and a rare filter's first page may
/// too. The run loop submits jobs and collects the answers (actions) between keys; the reducer drops an answer to a
/// filter since retyped.
///
/// Only the newest job of each pane matters: a newer one replaces a waiting one and interrupts a running one.
final class BackgroundReads: @unchecked Sendable {
    /// A job: what to read, and the pane it is for.
    struct Job: Sendable {
        var kind: PaneKind
        /// What the job is (compared to tell a newer job from a repeat of the running one).
        var key: String
        var read: @Sendable (any WarehouseService) throws -> Action
    }

    private let service: any WarehouseService
    private let name: String
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [Job] = []
    private var running: Job?
    private var answers: [Action] = []
    private var stopping = false
    private var thread: Thread?
    /// Receives the time each job took (the trace), on the reading thread.
    var trace: (@Sendable (String) -> Void)?

    /// A reader on `service`, which must be a connection of its own: interrupting it interrupts every query it runs.
    init(service: any WarehouseService, name: String) {
        self.service = service
        self.name = name
        let thread = Thread { [unowned self] in self.work() }
        thread.name = "backorders-" + name  // not prose: a thread name for debuggers
        self.thread = thread
        thread.start()
    }

    /// Asks for a read, replacing any older job for the same pane (and interrupting it when it runs).
    func submit(_ job: Job) {
        condition.lock()
        defer { condition.unlock() }
        waiting.removeAll { $0.kind == job.kind }
        if let running, running.kind == job.kind, running.key != job.key { service.interruptQueries() }
        waiting.append(job)
        condition.broadcast()
    }

    /// Drops a pane's jobs (its filter was cleared): a waiting one is removed, a running one interrupted.
    func cancel(_ kind: PaneKind) {
        condition.lock()
        defer { condition.unlock() }
        waiting.removeAll { $0.kind == kind }
        if let running, running.kind == kind { service.interruptQueries() }
    }

    /// True while a job is waiting or running, or an answer is not collected yet.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running != nil || !waiting.isEmpty || !answers.isEmpty
    }

    /// Waits up to `milliseconds` for every job to be answered; true when all were.
    func settle(milliseconds: Int) -> Bool {
        let deadline = Date(timeIntervalSinceNow: Double(milliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while running != nil || !waiting.isEmpty {
            if !condition.wait(until: deadline) { return running == nil && waiting.isEmpty }
        }
        return true
    }

    /// The answers since the last call, oldest first.
    func collect() -> [Action] {
        condition.lock()
        defer { condition.unlock() }
        let taken = answers
        answers = []
        return taken
    }

    /// Ends the thread after the job it runs (interrupted), and waits for it.
    func stop() {
        condition.lock()
        stopping = true
        waiting = []
        if running != nil { service.interruptQueries() }
        condition.broadcast()
        condition.unlock()
        while thread?.isFinished == false { usleep(1_000) }
    }

    private func work() {
        while true {
            condition.lock()
            while waiting.isEmpty && !stopping { condition.wait() }
            if stopping { condition.unlock(); return }
            let job = waiting.removeFirst()
            running = job
            condition.unlock()
            let clock = ContinuousClock(), start = clock.now
            let answer = try? job.read(service)
            let took = start.duration(to: clock.now)
            condition.lock()
            running = nil
            // An interrupted or failed read gives no answer: a newer one is on its way, or the pane keeps what it shows.
            if let answer, !waiting.contains(where: { $0.kind == job.kind }) { answers.append(answer) }
            condition.broadcast()
            condition.unlock()
            let ms = Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15
            trace?("\(name) \(job.kind) \((ms * 100).rounded() / 100)")
        }
    }
}

extension BackorderApp {
    /// From now on, reads a filtered pane's rows on `pages` and counts filtered lists on `counts`, each on a thread of its
    /// own, so that keys never wait for them: each must be a separate connection to the same warehouse (it is
    /// interrupted when its read is superseded). For the run loop only; `send` alone reads everything itself.
    public func readInBackground(pages: any WarehouseService, counts: any WarehouseService) {
        stopBackground()
        let readers = (pages: BackgroundReads(service: pages, name: "rows"), counts: BackgroundReads(service: counts, name: "count"))
        if let trace {
            // Written from the reading threads: the trace file's handle takes whole lines from any thread.
            nonisolated(unsafe) let write = trace
            readers.pages.trace = { line in write(line) }
            readers.counts.trace = { line in write(line) }
        }
        background = readers
    }

    func stopBackground() {
        background?.pages.stop()
        background?.counts.stop()
        background = nil
    }

    /// Hands a filtered pane's rows or a count to the background readers (in the run loop, when it has them).
    func submitInBackground(_ effect: Effect) -> Bool {
        guard deferCounts, let background else { return false }
        let today = state.today
        switch effect {
        case .countRows(let kind, let filter, let sku, let customer):
            background.counts.submit(.init(kind: kind, key: "\(filter)|\(sku ?? "")|\(customer ?? "")") { service in
                .rowsCounted(kind, filter: filter, sku: sku, customer: customer,
                             total: try service.rowCount(kind.list, filter: filter, sku: sku, customer: customer))
            })
            return true
        case .loadPane(let kind, let query) where !query.page.filter.isEmpty:
            background.pages.submit(.init(kind: kind, key: "\(query)") { service in try Self.readPane(service, kind, query, today: today) })
            return true
        case .loadPane(let kind, _):
            // The filter is gone: what was read for it is of no use, and would only take the other core.
            background.pages.cancel(kind)
            background.counts.cancel(kind)
            return false
        default:
            return false
        }
    }

    /// Sends what the background readers answered; true when there was anything.
    @discardableResult
    func collectBackground() -> Bool {
        guard let background else { return false }
        let answers = background.pages.collect() + background.counts.collect()
        for answer in answers { send(answer) }
        return !answers.isEmpty
    }
}
