import BackorderCore
import TerminalKit

/// What the app needs from a terminal. The ncurses backend's `Terminal` provides exactly this; tests can fake it.
public protocol TerminalScreen: AnyObject {
    /// Columns × rows.
    var size: Size { get }
    /// Shows a frame (sending only what changed).
    func draw(_ buffer: ScreenBuffer)
    /// The next key, or nil after the timeout or when the process is asked to end.
    func readKey(timeoutMilliseconds: Int?) -> Key?
    /// True once SIGINT/SIGTERM/SIGHUP arrived.
    var terminationRequested: Bool { get }
    /// Job control: back to the shell until `fg`.
    func suspend()
    /// Repaint everything on the next draw.
    func invalidate()
}

/// The time as the app needs it: now, and the clerk's calendar day.
public struct Clock: Sendable {
    public var read: @Sendable () -> (now: Timestamp, today: Day)
    public init(_ read: @escaping @Sendable () -> (now: Timestamp, today: Day)) { self.read = read }
}

/// The runtime: holds the state, runs the reducer, performs its effects against the warehouse, and drives a terminal.
public final class BackorderApp {
    /// The warehouse and its reports (the store's `Warehouse` is both).
    public let service: any BackorderService
    public let actor: String
    public let clock: Clock
    /// Receives one line per traced event (`--trace`); nil when not tracing.
    public var trace: ((String) -> Void)?
    /// How often the file is asked whether another process changed it.
    public var pollMilliseconds = 500
    /// A key's frame is drawn within this long: it waits for the rows a background read is finding (a filter's)
    /// only as long as leaves time to draw them (a frame is 16 ms; a large terminal takes several to draw).
    static let keyFrameMilliseconds = 12
    /// How long a frame takes to draw, from the recent ones.
    private var drawEstimate = 0.0
    /// How long a key's frame waits for a background read, learnt from the recent waits: while reads come within the
    /// frame it waits up to `keyFrameMilliseconds`; after waits that timed out (a server's filter read of many rows
    /// takes longer than a frame) it waits only a moment, and the key's frame says "searching" at once instead of
    /// later (measured on the server: filter keystrokes drawn in 12–14 ms, at most 16–19, each still without its rows).
    private var settleBudget = Double(keyFrameMilliseconds)
    /// Where `w` writes CSV files: the current directory unless the caller says otherwise.
    public var exportDirectory = "."
    /// Where `p` sends a paper shown (the CLI's print command); nil: printing is not set up.
    public var printText: TextPrinter?
    public private(set) var state: AppState
    private weak var terminal: TerminalScreen?
    private var lastFrame: ScreenBuffer?

    /// An app on a warehouse, for the clerk `actor`, speaking `language` (nil: the process's, from `--lang` or the locale).
    public init(service: any BackorderService, actor: String, clock: Clock, language: Language? = nil) {
        self.service = service
        self.actor = actor
        self.clock = clock
        self.state = AppState(location: service.location, actor: actor, readOnly: service.isReadOnly, today: clock.read().today)
        if let language { state.language = language }
    }

    /// Applies an action and everything it leads to (effects performed, their results reduced) until nothing is left.
    public func send(_ action: Action) {
        var queue = [action]
        var steps = 0
        // A bound on follow-up actions: a reducer bug must not hang the clerk's terminal.
        while !queue.isEmpty && steps < 500 {
            steps += 1
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                if batching, case .loadPane(let kind, _) = effect {
                    deferredLoads[kind] = effect  // a later keystroke's query for the same pane supersedes this one
                    continue
                }
                if submitInBackground(effect) { continue }
                if deferCounts, case .countRows(let kind, let filter, let sku, let customer) = effect {
                    pendingCounts[kind] = (filter, sku, customer)
                    continue
                }
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    /// Sends several key actions as one batch: each pane is queried once, for the state after the last key.
    ///
    /// Keys typed while a slow query ran (a filter on a huge list) then cost one query, not one each.
    public func sendBatch(_ actions: [Action]) {
        batching = true
        for action in actions {
            // A key that acts on the selected row (p, x, Enter…) typed ahead of a deferred load gets the rows first.
            // So does a move in a pane not loaded yet (it has no rows to move over).
            if case .key(let key) = action,
               Self.needsRows(key, in: state.context) || (state.context == .panes && state.focused.loadedTop < 0) {
                flushDeferredLoads()
                // Rows read in the background are waited for too: the key acts on what the filter found.
                if let pages = background?.pages, pages.isBusy {
                    _ = pages.settle(milliseconds: 60_000)
                    collectBackground()
                }
            }
            send(action)
        }
        batching = false
        flushDeferredLoads()
    }

    private func flushDeferredLoads() {
        let loads = deferredLoads.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        deferredLoads = [:]
        let wasBatching = batching
        batching = false
        for effect in loads where !submitInBackground(effect) {
            if let result = perform(effect) { send(result) }
        }
        batching = wasBatching
    }

    /// Whether a key does more than move or filter: such a key needs the rows it acts on to be loaded.
    static func needsRows(_ key: Key, in context: KeyContext) -> Bool {
        guard context == .panes, let binding = Keymap.binding(for: key, in: context) else { return false }
        switch binding.command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .focus, .nextPane, .previousPane, .filter, .redraw, .help: return false
        default: return true
        }
    }

    /// Performs the counts put off while typing (the run loop calls it when no key came for a moment).
    public func performPendingCounts() {
        let counts = pendingCounts.sorted { $0.key.rawValue < $1.key.rawValue }
        pendingCounts = [:]
        for (kind, (filter, sku, customer)) in counts {
            if let result = perform(.countRows(kind, filter: filter, sku: sku, customer: customer)) { send(result) }
        }
    }

    /// Reads in the background (`readInBackground`, BackgroundReads.swift): a filtered pane's rows on one connection,
    /// counts on another; nil: every read is done here, and counts wait for a pause in typing.
    var background: (pages: BackgroundReads, counts: BackgroundReads)?

    /// When the registry was last read.
    private var lastPresence: Timestamp?
    /// True in the run loop: counts wait for a pause in typing, or go to the background readers.
    private(set) var deferCounts = false
    private var pendingCounts: [PaneKind: (filter: String, sku: String?, customer: String?)] = [:]
    private var batching = false
    private var deferredLoads: [PaneKind: Effect] = [:]

    /// The screen for the current state.
    public func render() -> ScreenBuffer { Views.render(state) }

    /// Runs the app on a started terminal until the clerk quits or a signal ends it.
    /// - Parameter startedAt: when the process started, to trace the time to the first full frame.
    public func run(on terminal: TerminalScreen, startedAt: ContinuousClock.Instant? = nil) {
        self.terminal = terminal
        deferCounts = true
        defer { self.terminal = nil; deferCounts = false; stopBackground() }
        let timer = ContinuousClock()
        send(.resized(terminal.size))
        send(.started)
        draw(on: terminal)
        if let startedAt { trace?("first-frame \(milliseconds(startedAt.duration(to: timer.now)))") }
        var lastPoll = timer.now
        while !state.shouldQuit && !terminal.terminationRequested {
            let waited = milliseconds(lastPoll.duration(to: timer.now))
            // A count waits for a pause in typing: 150 ms without a key.
            var timeout = max(0, pollMilliseconds - Int(waited))
            if !pendingCounts.isEmpty { timeout = min(timeout, 150) }
            // Background reads are looked for every few milliseconds, as long as they run.
            if background?.pages.isBusy == true || background?.counts.isBusy == true { timeout = min(timeout, 10) }
            let key = terminal.readKey(timeoutMilliseconds: timeout)
            if key == nil && !pendingCounts.isEmpty {
                performPendingCounts()
                draw(on: terminal)
                continue
            }
            if key == nil && collectBackground() {
                draw(on: terminal)
                continue
            }
            let keyAt = timer.now
            if let key {
                // Whatever else is already typed goes in the same batch.
                var keys = [key]
                while keys.count < 256, let more = terminal.readKey(timeoutMilliseconds: 0) { keys.append(more) }
                sendBatch(keys.map { $0 == .resize ? .resized(terminal.size) : .key($0) })
            }
            if milliseconds(lastPoll.duration(to: timer.now)) >= Double(pollMilliseconds) {
                lastPoll = timer.now
                send(.tick(today: clock.read().today))
            }
            // Rows found within a moment are drawn with the key (no "searching" frame in between); slower ones follow
            // in a frame of their own, so the typed character shows within a frame (16 ms) however long they take.
            if let pages = background?.pages, pages.isBusy {
                let spent = milliseconds(keyAt.duration(to: timer.now)) + drawEstimate
                let answered = pages.settle(milliseconds: max(0, Int(settleBudget) - Int(spent.rounded(.up))))
                settleBudget = answered ? min(Double(Self.keyFrameMilliseconds), settleBudget + 4) : max(2, settleBudget / 2)
            }
            collectBackground()
            if state.shouldQuit { break }
            let cells = draw(on: terminal)
            if let key, let trace {
                trace("key \(key.description) \(milliseconds(keyAt.duration(to: timer.now))) cells=\(cells)")
            }
        }
    }

    /// Draws the current state; returns how many cells changed (for the trace).
    @discardableResult
    private func draw(on terminal: TerminalScreen) -> Int {
        let clock = ContinuousClock(), start = clock.now
        let frame = render()
        var changed = 0
        if trace != nil { changed = frame.changes(since: lastFrame).reduce(0) { $0 + $1.cells.count } }
        terminal.draw(frame)
        lastFrame = frame
        // The longest recent frame, fading: a key's frame leaves itself that long to draw.
        drawEstimate = max(drawEstimate * 0.9, milliseconds(start.duration(to: clock.now)))
        return changed
    }

    private func milliseconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return (Double(s) * 1000 + Double(atto) / 1e15).rounded(toPlaces: 2)
    }

    // MARK: effects

    private var context: Context {
        let (now, today) = clock.read()
        return Context(actor: actor, now: now, today: today)
    }

    /// Performs one effect against the warehouse (or the terminal) and returns the action reporting its result.
    func perform(_ effect: Effect) -> Action? {
        guard let trace else { return performUntraced(effect) }
        // Traced: how long each effect took, to tell the store's share of a key's time from the drawing's.
        let clock = ContinuousClock(), start = clock.now
        let result = performUntraced(effect)
        trace("effect \(String(describing: effect).prefix(60).split(separator: "(").first ?? "") \(milliseconds(start.duration(to: clock.now)))")
        return result
    }

    /// A pane's window of rows (and its total when asked), as `.paneLoaded`: here or on a background reader.
    static func readPane(_ service: any WarehouseService, _ kind: PaneKind, _ query: PaneQuery, today: Day) throws -> Action {
        let total = query.withTotal
            ? try service.rowCount(kind.list, filter: query.page.filter, sku: query.sku, customer: query.customer) : nil
        let rows: PaneRows
        switch kind {
        case .orders: rows = .orders(try service.openOrders(query.page))
        case .backorders:
            rows = .backorders(try service.backorderLines(query.page, sku: query.sku, customer: query.customer, today: today))
        case .arrivals: rows = .arrivals(try service.openArrivals(query.page, sku: query.sku, today: today))
        case .stock: rows = .stock(try service.stock(query.page, onlyShort: false, sku: query.sku))
        }
        return .paneLoaded(kind, PaneLoad(top: query.page.offset, total: total, rows: rows, filter: query.page.filter, sku: query.sku,
                                          customer: query.customer, sort: query.page.sort, limit: query.page.limit))
    }

    private func performUntraced(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .pollRevision:
                do {
                    return .revisionChecked(try service.revision())
                } catch let error as BackorderError {
                    return .revisionFailed(error)
                }
            case .refreshPresence:
                let now = clock.read().now
                // The registry is read every few seconds, not on every tick: who comes and goes is not that urgent.
                if let last = lastPresence, now.unixTime - last.unixTime < 3 { return nil }
                lastPresence = now
                // A heartbeat that fails (a full disk) stays quiet: a lost file is the revision poll's to report.
                try? service.keepAlive(now: now)
                return .presenceLoaded(try service.presence(now: now))
            case .loadCounts:
                return .countsLoaded(try service.counts(today: state.today))
            case .loadPane(let kind, let query):
                return try Self.readPane(service, kind, query, today: state.today)
            case .loadDetail(let order, let purpose):
                do {
                    return .detailLoaded(purpose, try service.orderDetail(order, today: state.today))
                } catch let error as BackorderError {
                    return .lookupFailed(error)
                }
            case .countRows(let kind, let filter, let sku, let customer):
                return .rowsCounted(kind, filter: filter, sku: sku, customer: customer,
                                    total: try service.rowCount(kind.list, filter: filter, sku: sku, customer: customer))
            case .loadArrival(let reference):
                let (arrival, changes) = try service.arrival(reference)
                return .arrivalLoaded(arrival, changes)
            case .loadCustomer(let code):
                return .customerLoaded(try service.customer(code), history: try service.customerHistory(code, limit: CustomerJournal.dialogLimit))
            case .loadExplanation(let order, let lineNo):
                do {
                    return .explanationLoaded(order: order, lineNo: lineNo, try service.explainDates(order: order, lineNo: lineNo, today: state.today))
                } catch let error as BackorderError {
                    return .lookupFailed(error)
                }
            case .resolveReceiveTarget(let text):
                return resolveReceiveTarget(text)
            case .previewOperation(let operation):
                do {
                    switch operation {
                    case .changeETA(let reference, let day, let reason):
                        return .operationPreviewed(operation, try service.previewETAChange(arrival: reference, to: day, reason: reason, ctx: context))
                    case .receive(let target, let quantity):
                        let (arrival, sku): (String?, String?) = { if case .arrival(let a) = target { return (a.reference, nil) }; return (nil, target.sku) }()
                        return .operationPreviewed(operation, try service.previewReceipt(arrival: arrival, sku: sku, quantity: quantity, ctx: context))
                    default: return nil
                    }
                } catch let error as BackorderError {
                    return .lookupFailed(error)
                }
            case .searchCustomers(let text):
                return .customersFound(text, try service.searchCustomers(text, limit: 6))
            case .searchItems(let text):
                return .itemsFound(text, try service.searchItems(text, limit: 6))
            case .previewOrder(let new):
                do {
                    return .orderPreviewed(new, try service.previewOrder(new, ctx: context))
                } catch let error as BackorderError {
                    return .lookupFailed(error)
                }
            case .loadDonors(let sku, let excluding):
                do {
                    return .donorsLoaded(sku: sku, try service.donorCandidates(sku: sku, excludingOrder: excluding))
                } catch let error as BackorderError {
                    return .lookupFailed(error)
                }
            case .perform(let operation):
                do {
                    return .operationSucceeded(try run(operation))
                } catch let error as BackorderError {
                    return .operationFailed(operation, error)
                } catch {
                    return .operationFailed(operation, .dataFile("\(error)"))
                }
            case .loadReport(let query):
                return .reportLoaded(query, try report(query))
            case .loadBucketLines(let bucket, let page):
                return .bucketLinesLoaded(bucket, top: page.offset, rows: try service.backorderLines(in: bucket, page, today: state.today))
            case .loadNotices(let page):
                let total = try service.noticeCount(includeSent: false, order: nil)
                let notices = try service.notices(includeSent: false, order: nil, offset: page.offset, limit: page.limit, today: state.today)
                return .noticesLoaded(NoticesLoad(top: page.offset, total: total, notices: notices))
            case .export(let request):
                let exporter = Exporter(service: service, today: state.today, now: clock.read().now, directory: exportDirectory,
                                        csv: .forSpreadsheet(state.language))
                do {
                    return .exported(request, try exporter.run(request))
                } catch let error as ExportError {
                    return .exportFailed(request, error.message(state.tr))
                } catch let error as BackorderError {
                    return .exportFailed(request, error.message(state.tr))
                } catch {
                    return .exportFailed(request, "\(error)")
                }
            case .loadPaper, .printText:
                return try performPaper(effect)
            case .suspend:
                terminal?.suspend()
                return nil
            case .redraw:
                terminal?.invalidate()
                return nil
            }
        } catch let error as BackorderError {
            return .loadFailed(error)
        } catch {
            return .loadFailed(.dataFile("\(error)"))
        }
    }

    private func report(_ query: ReportQuery) throws -> ReportData {
        switch query.kind {
        case .aging: return .aging(try service.agingReport(today: state.today))
        case .shortage: return .shortage(try service.shortageReport(today: state.today))
        case .late: return .late(try service.lateArrivalsReport(today: state.today))
        case .service: return .service(try service.serviceLevelReport(from: query.from, to: query.to))
        case .backlog: return .backlog(try service.backlogReport(today: state.today))
        }
    }

    private func resolveReceiveTarget(_ text: String) -> Action {
        do {
            let (arrival, _) = try service.arrival(text)
            guard arrival.isOpen else {
                return .lookupFailed(.refused(.t(InputText.arrivalClosed, arrival.reference)))
            }
            return .receiveTargetResolved(.arrival(arrival))
        } catch let error as BackorderError where error.kind == .notFound {
            if let item = try? service.item(text) { return .receiveTargetResolved(.unplanned(item)) }
            return .lookupFailed(.notFound(.t(InputText.noArrivalOrSKU, text)))
        } catch let error as BackorderError {
            return .lookupFailed(error)
        } catch {
            return .lookupFailed(.dataFile("\(error)"))
        }
    }

    private func run(_ operation: Operation) throws -> Outcome {
        let ctx = context
        switch operation {
        case .pick(let order, let entries, let version):
            return .picked(try service.pick(order: order, entries: entries, expectedVersion: version, ctx: ctx))
        case .ship(let order, let override, let version, let before):
            return .shipped(try service.ship(order: order, override: override, expectedVersion: version, ctx: ctx), before: before)
        case .receive(let target, let quantity):
            switch target {
            case .arrival(let a):
                return .received(try service.receive(arrival: a.reference, sku: nil, quantity: quantity, note: "", ctx: ctx))
            case .unplanned(let item):
                return .received(try service.receive(arrival: nil, sku: item.sku, quantity: quantity, note: "", ctx: ctx))
            }
        case .addArrival(let d):
            let new = NewArrival(supplier: d.supplier, poNumber: d.poNumber, poLine: d.poLine, sku: d.sku, quantity: d.quantity, eta: d.eta)
            return .arrivalAdded(try service.addArrival(new, ctx: ctx))
        case .changeETA(let reference, let day, let reason):
            try service.changeETA(arrival: reference, to: day, reason: reason, ctx: ctx)
            return .etaChanged(arrival: reference, to: day)
        case .mailNotices(let order):
            return .noticesMailed(try service.mailNotices(order: order, ctx: ctx), all: order == nil)
        case .markNoticesSent(let order):
            return .noticesMarked(try service.markNoticesSent(order: order, ctx: ctx), all: order == nil)
        case .purchase(let request):
            return .purchased(try service.purchase(request, preview: false, ctx: ctx))
        case .setPurchasing(let sku, let supplier, let days):
            return .itemChanged(sku: sku, changed: try service.changeItem(sku, ItemChanges(supplier: supplier, leadTimeDays: .some(days))))
        case .changeCustomer(let code, let changes):
            return .customerChanged(code: code, changed: try service.changeCustomer(code, changes, ctx: ctx))
        case .correct(let c, let preview):
            return .corrected(c, try correct(c, preview: preview, ctx: ctx))
        case .createOrder(let new):
            return .orderCreated(try service.createOrder(new, ctx: ctx))
        }
    }

    private func correct(_ c: Correction, preview: Bool, ctx: Context) throws -> CorrectionResult {
        switch c {
        case .cancel(let order, let lineNo, let scope, let reason, let version):
            return try service.cancel(order: order, lineNo: lineNo, scope: scope, reason: reason, expectedVersion: version, preview: preview, ctx: ctx)
        case .putBack(let order, let entries, let reason, let version):
            return try service.putBack(order: order, entries: entries, reason: reason, expectedVersion: version, preview: preview, ctx: ctx)
        case .changeOrder(let order, let changes, let reason, let version):
            return try service.changeOrder(order, changes, reason: reason, expectedVersion: version, preview: preview, ctx: ctx)
        case .expedite(let order, let reason, let version):
            return try service.expedite(order, reason: reason, expectedVersion: version, preview: preview, ctx: ctx)
        case .reallocate(let order, let lineNo, let donors, let reason, let version):
            return try service.reallocate(to: order, lineNo: lineNo, from: donors, quantity: nil, reason: reason, expectedVersion: version,
                                          preview: preview, ctx: ctx)
        case .amend(let order, let lineNo, let quantity, let reason, let version):
            return try service.amendLine(order: order, lineNo: lineNo, quantity: quantity, reason: reason, expectedVersion: version,
                                         preview: preview, ctx: ctx)
        case .addLine(let order, let sku, let quantity, let reason, let version):
            return try service.addLine(order: order, sku: sku, quantity: quantity, reason: reason, expectedVersion: version, preview: preview, ctx: ctx)
        case .returnUnits(let order, let lineNo, let quantity, let restock, let reason):
            return try service.returnUnits(order: order, lineNo: lineNo, quantity: quantity, restock: restock, reason: reason, preview: preview, ctx: ctx)
        case .reverseReceipt(let number, let reason):
            return try service.reverseReceipt(number, reason: reason, preview: preview, ctx: ctx)
        }
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
