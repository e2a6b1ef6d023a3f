import BackorderCore
import BackorderStore
import Foundation

// The benchmark of a large data file: run it as a release build on a file made by `backorders demo`.

let usage = """
    usage: backorders-bench --db PATH [--runs N] [--check-runs N] [--demo-seconds S] [--write FILE]

    Measures a backorders data file (built with `backorders demo --lines 1000000`) on a copy, so the file itself stays
    as it was: the first page of each open list (also sorted by a column: the whole list in the store), a receipt that
    serves 1,000 waiting lines, a new 20-line order, check() on the whole file, bytes per order line, and the query
    plans of the hot paths. Prints a Markdown report.

      --db PATH          the data file to measure (required)
      --runs N           timed runs of each measurement, after one warm-up run (default 20)
      --check-runs N     timed runs of check(), after its warm-up run (default 3: one run takes seconds)
      --demo-seconds S   how long `backorders demo` took to build the file (timed separately), for the report
      --write FILE       also write the report to FILE, keeping what follows the notes marker in it
      --only LIST        only these measurements (lists,sorts,receipt,order,exceptions,check), with a short report; not with --write
      --server URL       instead: the same work on the file and on this PostgreSQL database (a copy of the file made by
                         `backorders copy`; the URL's role must be able to create databases), side by side through the
                         service both engines share, each on a scratch copy
      --engines LIST     with --server: which to measure, file,server (default both)
      --writers N        with --server: concurrent writers (default 8), each placing --writer-orders 3-line orders
                         (default 100) and picking and shipping them
    """

struct Options {
    var db = ""
    var runs = 20
    var checkRuns = 3
    var demoSeconds: Double?
    var write: String?
    /// Only these measurements (lists, sorts, receipt, order, check), with a short report: for trying a change quickly.
    var only: Set<String>?
    /// A PostgreSQL database holding a copy of the file: measure both, side by side.
    var server: String?
    /// With `server`: the engines measured.
    var engines: Set<String> = ["file", "server"]
    var writers = 8
    var writerOrders = 100
}

struct UsageError: Error { var message: String }
/// A measurement that could not be made as described, or a file that broke an invariant: the figures would be wrong.
struct BenchFailure: Error { var message: String }

func parseOptions(_ arguments: [String]) throws -> Options {
    var options = Options()
    var rest = arguments[...]
    func value(_ flag: String) throws -> String {
        guard let v = rest.popFirst(), !v.hasPrefix("--") else { throw UsageError(message: "\(flag) needs a value") }
        return v
    }
    func count(_ flag: String) throws -> Int {
        let v = try value(flag)
        guard let n = Int(v), n >= 1 else { throw UsageError(message: "\(flag) must be a whole number of at least 1, not \(v)") }
        return n
    }
    while let flag = rest.popFirst() {
        switch flag {
        case "--db": options.db = try value(flag)
        case "--runs": options.runs = try count(flag)
        case "--check-runs": options.checkRuns = try count(flag)
        case "--demo-seconds":
            let v = try value(flag)
            guard let s = Double(v), s > 0 else { throw UsageError(message: "--demo-seconds must be a positive number, not \(v)") }
            options.demoSeconds = s
        case "--write": options.write = try value(flag)
        case "--only":
            let parts = Set(try value(flag).split(separator: ",").map(String.init))
            let known: Set<String> = ["lists", "sorts", "receipt", "order", "exceptions", "check", "writers"]
            guard parts.isSubset(of: known) else {
                throw UsageError(message: "--only takes a comma-separated subset of lists,sorts,receipt,order,exceptions,check,writers")
            }
            options.only = parts
        case "--server": options.server = try value(flag)
        case "--engines":
            let parts = Set(try value(flag).split(separator: ",").map(String.init))
            guard !parts.isEmpty, parts.isSubset(of: ["file", "server"]) else { throw UsageError(message: "--engines takes file, server or both") }
            options.engines = parts
        case "--writers": options.writers = try count(flag)
        case "--writer-orders": options.writerOrders = try count(flag)
        case "-h", "--help": print(usage); exit(0)
        default: throw UsageError(message: "unknown argument \(flag)")
        }
    }
    guard !options.db.isEmpty else { throw UsageError(message: "--db PATH is required") }
    if options.only != nil && options.write != nil { throw UsageError(message: "--only makes a partial report: it cannot --write one") }
    return options
}

// MARK: measuring

/// Timed samples of one measurement, in seconds.
struct Timing {
    var samples: [Double]
    /// CPU seconds of the measuring thread in each run: far below `samples` means the run waited (disk, locks).
    var cpu: [Double] = []
    /// Kernel CPU seconds and minor page faults of the thread in each run: page faults on the memory map show up here.
    var system: [Double] = []
    var faults: [Int] = []
    var sorted: [Double] { samples.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    /// Nearest-rank 95th percentile: with 20 runs, the second slowest.
    var p95: Double {
        let s = sorted
        return s[max(0, Int((0.95 * Double(s.count)).rounded(.up)) - 1)]
    }
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

/// One untimed warm-up run, then `runs` timed ones; `prepare` runs untimed before each.
func measure(runs: Int, enabled: Bool = true, prepare: () throws -> Void = {}, _ body: () throws -> Void) throws -> Timing {
    guard enabled else { return Timing(samples: []) }
    try prepare()
    try body()
    let clock = ContinuousClock()
    var samples: [Double] = [], cpu: [Double] = [], system: [Double] = [], faults: [Int] = []
    for _ in 0..<runs {
        try prepare()
        let usageStart = threadUsage()
        let cpuStart = threadCPU()
        let start = clock.now
        try body()
        samples.append(seconds(clock.now - start))
        cpu.append(threadCPU() - cpuStart)
        let usage = threadUsage()
        system.append(usage.system - usageStart.system)
        faults.append(usage.minorFaults - usageStart.minorFaults)
    }
    return Timing(samples: samples, cpu: cpu, system: system, faults: faults)
}

/// Kernel CPU seconds and minor page faults of the calling thread so far.
func threadUsage() -> (system: Double, minorFaults: Int) {
    var u = rusage()
    getrusage(__rusage_who_t(1), &u)  // RUSAGE_THREAD, which Glibc does not export to Swift
    return (Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) * 1e-6, Int(u.ru_minflt))
}

/// CPU time the calling thread has used, in seconds.
func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func progress(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

// MARK: the machine

func readText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

func cpuModel() -> String {
    readText("/proc/cpuinfo").split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown"
}

func memory() -> String {
    guard let line = readText("/proc/meminfo").split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "unknown" }
    return String(format: "%.1f GiB", kb / 1_048_576)
}

func operatingSystem() -> String {
    let pretty = readText("/etc/os-release").split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
        .map { String($0.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    return (pretty ?? "Linux") + ", kernel " + (readText("/proc/sys/kernel/osrelease").trimmingCharacters(in: .whitespacesAndNewlines))
}

func loadAverage() -> String { readText("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ") }

func swiftVersion() -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["swift", "--version"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = Pipe()
    guard (try? p.run()) != nil else { return "unknown (swift not on PATH)" }
    p.waitUntilExit()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init) ?? "unknown"
}

// MARK: formatting

func ms(_ s: Double) -> String { String(format: s < 0.01 ? "%.2f ms" : "%.1f ms", s * 1_000) }
func secs(_ s: Double) -> String { String(format: "%.1f s", s) }
func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}
func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

struct ResultRow {
    var what: String
    var median: String
    var p95: String
    var goal: String
    /// nil: no goal to meet.
    var pass: Bool?
}

/// Lines of a plan that read a whole table row by row: `SCAN t` with no index.
func fullScans(_ plan: [String]) -> [String] {
    plan.filter { step in
        let words = step.trimmingCharacters(in: .whitespaces).split(separator: " ")
        return words.first == "SCAN" && words.count == 2
    }
}

/// Whether a plan reads order_line without an index (it is aliased `l` in the queries).
func scansOrderLines(_ plan: [String]) -> Bool {
    fullScans(plan).contains { ["order_line", "l"].contains($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[1]) }
}

/// A short name for a statement `check` ran.
func checkStep(_ sql: String) -> String {
    let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    return flat.count > 110 ? String(flat.prefix(107)) + "…" : flat
}

// MARK: the run

let notesMarker = "<!-- Notes below this line are kept when backorders-bench --write rewrites this file. -->"

func run(_ options: Options) throws -> String {
    let fm = FileManager.default
    guard fm.fileExists(atPath: options.db) else { throw UsageError(message: "no data file at \(options.db)") }
    let loadBefore = loadAverage()
    let startedAt = Date()

    // Work on a copy: the benchmark writes (receipts, orders), and the original stays as `demo` built it.
    let dir = fm.temporaryDirectory.appendingPathComponent("backorders-bench-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("bench.sqlite").path
    progress("copying \(options.db) to \(copy)")
    try fm.copyItem(atPath: options.db, toPath: copy)
    if fm.fileExists(atPath: options.db + "-wal") { try fm.copyItem(atPath: options.db + "-wal", toPath: copy + "-wal") }
    // The kernel writes the copy's 400 MB back to disk for seconds; a commit's sync during that waits for it (ext4's
    // journal), which measures the copy, not the store. Let it finish first.
    progress("syncing the copy to disk")
    sync()

    let w = try Warehouse.open(path: copy, mode: .readWrite)
    let today = Context.current().today
    let storage = try w.storageFigures()
    let counts = try w.counts(today: today)
    guard let hot = try w.skusByWaitingLines(limit: 1).first, hot.lines >= 1_000 else {
        throw BenchFailure(message: "no SKU has 1,000 waiting lines: build the file with `backorders demo --lines 1000000`")
    }
    let skus = try w.stock(Page(limit: counts.items)).map(\.sku)
    let customers = try w.customers().map(\.code)
    var rng = SeededRandom(seed: 2_024)
    var rows: [ResultRow] = []
    func want(_ part: String) -> Bool { options.only?.contains(part) ?? true }

    // (a) The first page of each open list.
    progress("lists")
    let page = Page(limit: 50)
    let lists: [(String, () throws -> Void)] = [
        ("Open orders, first 50 rows", { _ = try w.openOrders(page) }),
        ("Backorder lines, first 50 rows", { _ = try w.backorderLines(page, today: today) }),
        ("Expected arrivals, first 50 rows", { _ = try w.openArrivals(page, today: today) }),
        ("Stock, first 50 rows", { _ = try w.stock(page) }),
        // What the screen's End key and a filter that matches nothing cost in the store (the UI adds its drawing).
        ("Backorder lines, last 50 rows (End)", {
            _ = try w.backorderLines(Page(offset: max(0, counts.backorderLines - 50), limit: 50), today: today) }),
        ("Open orders, last 50 rows (End)", { _ = try w.openOrders(Page(offset: max(0, counts.openOrders - 50), limit: 50)) }),
        ("Backorder lines, a filter matching nothing", { _ = try w.backorderLines(Page(limit: 50, filter: "zqxw"), today: today) }),
        ("Open orders, a filter matching nothing", { _ = try w.openOrders(Page(limit: 50, filter: "zqxw")) }),
    ]
    for (name, body) in lists where want("lists") {
        let t = try measure(runs: options.runs, body)
        // The first pages have the store's 2 ms goal; End and filters feed the screen's 16 ms and 50 ms goals.
        let goal = name.contains("first 50") ? 0.002 : name.contains("End") ? 0.016 : 0.050
        rows.append(ResultRow(what: name, median: ms(t.median), p95: ms(t.p95), goal: goal < 0.01 ? "≤ 2 ms" : "≤ \(Int(goal * 1000)) ms (screen)",
                              pass: t.p95 <= goal))
    }

    // (a2) Whole-list sorts: the first 50 rows of a list sorted by a column in the store. The hot sorts of the
    // backorder lines have the screen's 100 ms goal; every other sort must stay under a second, as must the page in
    // the middle of a long sort (the farthest from either end: deeper pages are read from the far end).
    progress("sorts")
    let sortMeasurements: [(String, Double, () throws -> Void)] = [
        ("whole-list sort by age on backorder lines, first screen", 0.100, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.age))), today: today) }),
        ("whole-list sort by priority on backorder lines, first screen", 0.100, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.priority))), today: today) }),
        ("whole-list sort by promised date on backorder lines, first screen", 0.100, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.promised))), today: today) }),
        ("whole-list sort by SKU on backorder lines, first screen", 0.100, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.sku), descending: true)), today: today) }),
        ("whole-list sort by customer on backorder lines, first screen", 0.100, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.customer))), today: today) }),
        ("whole-list sort by item on backorder lines, first screen", 1.0, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.item))), today: today) }),
        ("whole-list sort by quantity on backorder lines, first screen", 1.0, {
            _ = try w.backorderLines(Page(limit: 50, sort: ListSort(.backorders(.quantity), descending: true)), today: today) }),
        ("whole-list sort by customer on backorder lines, middle page", 1.0, {
            _ = try w.backorderLines(Page(offset: counts.backorderLines / 2, limit: 50, sort: ListSort(.backorders(.customer))), today: today) }),
        ("whole-list sort by promised date on backorder lines, middle page", 1.0, {
            _ = try w.backorderLines(Page(offset: counts.backorderLines / 2, limit: 50, sort: ListSort(.backorders(.promised))), today: today) }),
        ("whole-list sort by customer on open orders, first screen", 1.0, {
            _ = try w.openOrders(Page(limit: 50, sort: ListSort(.orders(.customer)))) }),
        ("whole-list sort by units ordered on open orders, first screen", 1.0, {
            _ = try w.openOrders(Page(limit: 50, sort: ListSort(.orders(.ordered), descending: true))) }),
        ("whole-list sort by promised units on arrivals, first screen", 1.0, {
            _ = try w.openArrivals(Page(limit: 50, sort: ListSort(.arrivals(.promised), descending: true)), today: today) }),
        ("whole-list sort by free stock on stock, first screen", 1.0, {
            _ = try w.stock(Page(limit: 50, sort: ListSort(.stock(.free)))) }),
    ]
    for (name, goal, body) in sortMeasurements where want("sorts") {
        let t = try measure(runs: options.runs, body)
        let shown = name.prefix(1).uppercased() + name.dropFirst()
        rows.append(ResultRow(what: shown, median: ms(t.median), p95: ms(t.p95), goal: goal < 1 ? "≤ 100 ms (screen)" : "≤ 1 s",
                              pass: t.p95 <= goal))
    }

    // (b) A receipt that serves exactly the first 1,000 waiting lines of the hot SKU; before each run, new orders
    // put the queue back to at least 1,000 lines (untimed).
    progress("receipts for \(hot.sku)")
    var receiptUnits = 0
    var toppedUp = 0
    // Each line's promised date before a receipt, to count how many the receipt moved (untimed).
    func promisedDates() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try w.backorderLines(Page(limit: Int(Int32.max)), sku: hot.sku, today: today)
            .map { ("\($0.orderNumber)/\($0.lineNo)", $0.promised?.iso ?? "-") })
    }
    var datesBefore: [String: String]?
    var datesMoved: [Int] = []
    func countMoved() throws {
        guard let before = datesBefore else { return }
        let after = try promisedDates()
        datesMoved.append(before.filter { line, date in after[line].map { $0 != date } ?? false }.count)
    }
    let receipt = try measure(runs: options.runs, enabled: want("receipt"), prepare: {
        try countMoved()
        var queue = try w.backorderLines(Page(limit: 1_000), sku: hot.sku, today: today)
        if queue.count < 1_000 {
            let lines = (0..<(1_000 - queue.count)).map { _ in NewOrderLine(sku: hot.sku, quantity: 1 + rng.below(5)) }
            try w.createOrder(NewOrder(customer: customers[rng.below(customers.count)], lines: lines), ctx: .current(actor: "bench"))
            toppedUp += lines.count
            queue = try w.backorderLines(Page(limit: 1_000), sku: hot.sku, today: today)
        }
        receiptUnits = queue.reduce(0) { $0 + $1.backordered }
        datesBefore = try promisedDates()
        w.waitForCheckpoint()
    }, {
        let r = try w.receive(arrival: nil, sku: hot.sku, quantity: receiptUnits, note: "benchmark", ctx: .current(actor: "bench"))
        guard r.allocations.count == 1_000, r.allocations.allSatisfy(\.lineFilled), r.leftFree == 0 else {
            throw BenchFailure(message: "the receipt served \(r.allocations.count) lines, not 1,000 (left free: \(r.leftFree))")
        }
    })
    try countMoved()
    if !datesMoved.isEmpty { datesMoved.removeFirst() } // the warm-up run's
    if want("receipt") { rows.append(ResultRow(what: "Receipt serving 1,000 waiting lines", median: ms(receipt.median), p95: ms(receipt.p95), goal: "≤ 50 ms",
                          pass: receipt.p95 <= 0.050)) }

    // (c) A new order of 20 lines, each a different SKU drawn at random.
    progress("orders")
    // How many lines wait for each SKU, to tell which orders had long queues to re-peg.
    let queueLength = !want("order") ? [:] : Dictionary(uniqueKeysWithValues: try w.skusByWaitingLines(limit: Int(Int32.max)).map { ($0.sku, $0.lines) })
    var orderShapes: [(backordered: Int, longestQueue: Int)] = []
    var nextOrder: [NewOrderLine] = []
    let order = try measure(runs: options.runs, enabled: want("order"), prepare: {
        var picked = Set<String>()
        while picked.count < 20 { picked.insert(skus[rng.below(skus.count)]) }
        nextOrder = picked.sorted().map { NewOrderLine(sku: $0, quantity: 1 + rng.below(10)) }
        w.waitForCheckpoint()
    }, {
        let d = try w.createOrder(NewOrder(customer: customers[rng.below(customers.count)], lines: nextOrder), ctx: .current(actor: "bench"))
        orderShapes.append((d.lines.filter { $0.line.quantities.backordered > 0 }.count,
                            nextOrder.map { queueLength[$0.sku] ?? 0 }.max() ?? 0))
    })
    if !orderShapes.isEmpty { orderShapes.removeFirst() } // the warm-up run's
    if want("order") { rows.append(ResultRow(what: "New order of 20 lines (createOrder)", median: ms(order.median), p95: ms(order.p95), goal: "≤ 5 ms",
                          pass: order.p95 <= 0.005)) }

    // (c2) The order desk's preview of a new order of 20 lines (placed after, untimed, so the file moves on as at a desk),
    // and re-prioritising an order whose line waits at the end of the hot SKU's queue: priority 9 → 1 moves it ahead of
    // every other waiting line and re-pegs the whole queue.
    progress("order desk preview and re-prioritising")
    var desk = NewOrder(customer: customers[0], lines: [])
    let preview = try measure(runs: options.runs, enabled: want("exceptions"), prepare: {
        var picked = Set<String>()
        while picked.count < 20 { picked.insert(skus[rng.below(skus.count)]) }
        desk = NewOrder(customer: customers[rng.below(customers.count)], lines: picked.sorted().map { NewOrderLine(sku: $0, quantity: 1 + rng.below(10)) })
        w.waitForCheckpoint()
    }, {
        let p = try w.previewOrder(desk, ctx: .current(actor: "bench"))
        guard p.lines.count == 20 else { throw BenchFailure(message: "the preview has \(p.lines.count) lines, not 20") }
    })
    var urgent = ""
    var ahead: [Int] = []
    if want("exceptions") {
        urgent = try w.createOrder(NewOrder(customer: customers[0], priority: 9, lines: [NewOrderLine(sku: hot.sku, quantity: 5)]),
                                   ctx: .current(actor: "bench")).order.number
    }
    let reprioritise = try measure(runs: options.runs, enabled: want("exceptions"), prepare: {
        if try w.orderDetail(urgent, today: today).order.priority != 9 {
            try w.changeOrder(urgent, OrderChanges(priority: 9), reason: "bench", ctx: .current(actor: "bench"))
        }
        var queue = try w.backorderLines(Page(limit: Int(Int32.max)), sku: hot.sku, today: today)
        // The receipts above used up much of the hot queue: lines of priority 5 put 5,000 back ahead of it (untimed).
        let place = queue.firstIndex { $0.orderNumber == urgent } ?? 0
        if place < 5_000 {
            let lines = (0..<(5_000 - place)).map { _ in NewOrderLine(sku: hot.sku, quantity: 1 + rng.below(5)) }
            try w.createOrder(NewOrder(customer: customers[rng.below(customers.count)], lines: lines), ctx: .current(actor: "bench"))
            queue = try w.backorderLines(Page(limit: Int(Int32.max)), sku: hot.sku, today: today)
        }
        ahead.append(queue.firstIndex { $0.orderNumber == urgent } ?? -1)
        w.waitForCheckpoint()
    }, {
        try w.changeOrder(urgent, OrderChanges(priority: 1), reason: "bench", ctx: .current(actor: "bench"))
    })
    if want("exceptions") {
        guard let least = ahead.min(), least >= 5_000 else {
            throw BenchFailure(message: "the re-prioritised order waited behind \(ahead.min() ?? 0) lines, not 5,000")
        }
        rows.append(ResultRow(what: "New order of 20 lines, previewed at the order desk (previewOrder)", median: ms(preview.median),
                              p95: ms(preview.p95), goal: "≤ 5 ms", pass: preview.p95 <= 0.005))
        rows.append(ResultRow(what: "Re-prioritising an order waiting behind \(grouped(least)) lines (priority 9 → 1)",
                              median: ms(reprioritise.median), p95: ms(reprioritise.p95), goal: "≤ 50 ms", pass: reprioritise.p95 <= 0.050))
    }

    // (d) check() on the whole file, after the benchmark's own writes: it must still find nothing.
    progress("check() × \(options.checkRuns + 1)")
    var violations: [Violation] = []
    let check = try measure(runs: options.checkRuns, enabled: want("check")) { violations = try w.check() }
    guard violations.isEmpty else {
        throw BenchFailure(message: "check() found problems:\n" + violations.map(\.description).joined(separator: "\n"))
    }
    if want("check") {
        rows.append(ResultRow(what: "check() on the whole file", median: secs(check.median), p95: secs(check.p95), goal: "≤ 10 s",
                              pass: check.p95 <= 10))
    }
    if options.only != nil {
        // A partial run: the rows and each run's time, no report.
        try w.close()
        var out = rows.map { "\($0.what): median \($0.median), p95 \($0.p95) (goal \($0.goal))\($0.pass == false ? " FAIL" : "")" }
        if want("receipt") { out.append("receipt runs: " + receipt.samples.map(ms).joined(separator: ", ")) }
        if want("receipt") { out.append("receipt CPU: " + receipt.cpu.map(ms).joined(separator: ", ")) }
        if want("receipt") { out.append("receipt minor faults: " + receipt.faults.map(String.init).joined(separator: ", ")) }
        if want("receipt") { out.append("dates moved: " + datesMoved.map(String.init).joined(separator: ", ")) }
        if want("order") { out.append("order runs: " + order.samples.map(ms).joined(separator: ", ")) }
        if want("order") { out.append("order CPU: " + order.cpu.map(ms).joined(separator: ", ")) }
        if want("order") { out.append("order kernel CPU: " + order.system.map(ms).joined(separator: ", ")) }
        if want("order") { out.append("order minor faults: " + order.faults.map(String.init).joined(separator: ", ")) }
        if want("exceptions") { out.append("preview runs: " + preview.samples.map(ms).joined(separator: ", ")) }
        if want("exceptions") { out.append("re-prioritise runs: " + reprioritise.samples.map(ms).joined(separator: ", ")) }
        if want("check") { out.append("check runs: " + check.samples.map(secs).joined(separator: ", ")) }
        return out.joined(separator: "\n") + "\n"
    }
    progress("check(quick: false)")
    let full = try measure(runs: 1, enabled: want("check")) { _ = try w.check(quick: false) }
    progress("check() profiled")
    let profile = try w.profiledCheck(quick: true)

    // (e) Bytes per order line, measured on the copy before the benchmark wrote to it.
    rows.append(ResultRow(what: "File bytes per order line", median: grouped(storage.fileBytes / max(1, storage.orderLines)) + " B",
                          p95: "—", goal: "—", pass: nil))
    if let demo = options.demoSeconds {
        rows.append(ResultRow(what: "`backorders demo` building this file", median: secs(demo), p95: "—", goal: "≤ 120 s", pass: demo <= 120))
    }

    // (f) Query plans of the hot paths.
    let plans = try w.queryPlans()
    let sortPlans = try w.sortPlans()
    let scanning = plans.filter { scansOrderLines($0.plan) }
    rows.append(ResultRow(what: "Hot-path queries that scan order_line", median: "\(scanning.count) of \(plans.count)", p95: "—",
                          goal: "0", pass: scanning.isEmpty))
    try w.close()

    // MARK: the report
    var md: [String] = []
    let stamp = ISO8601DateFormatter().string(from: startedAt)
    md.append("# Benchmarks")
    md.append("")
    md.append("Written by `backorders-bench` on \(stamp). Every figure below comes from that run; rerun the commands to refresh it.")
    md.append("")
    md.append("## Machine")
    md.append("")
    md.append("| | |")
    md.append("|---|---|")
    md.append("| CPU | \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores (`nproc`) |")
    md.append("| Memory | \(memory()) |")
    md.append("| System | \(operatingSystem()) |")
    md.append("| Swift | \(swiftVersion()) |")
    md.append("| SQLite | \(storage.sqliteVersion) |")
    md.append("| Load average (1, 5, 15 min) | \(loadBefore) at the start, \(loadAverage()) at the end |")
    md.append("")
    md.append("## Data file")
    md.append("")
    md.append("\(grouped(storage.orderLines)) order lines in \(grouped(storage.orders)) orders (\(grouped(counts.openOrders)) open), "
              + "\(grouped(counts.items)) items, \(grouped(counts.backorderLines)) waiting backorder lines, "
              + "\(grouped(counts.openArrivals)) open arrivals (\(grouped(counts.lateArrivals)) late), "
              + "\(grouped(storage.movements)) journal rows; \(megabytes(storage.fileBytes)). "
              + "The hot SKU \(hot.sku) has \(grouped(hot.lines)) waiting lines.")
    md.append("")
    md.append("## Commands")
    md.append("")
    md.append("```sh")
    md.append("swift build -c release --scratch-path .build-gen-rel")
    md.append("time .build-gen-rel/release/backorders demo --lines \(storage.orderLines) --db \(options.db) --force")
    md.append(".build-gen-rel/release/backorders check --db \(options.db)")
    md.append(".build-gen-rel/release/backorders-bench --db \(options.db) --runs \(options.runs) --check-runs \(options.checkRuns)"
              + (options.demoSeconds.map { String(format: " --demo-seconds %.1f", $0) } ?? "") + " --write docs/BENCHMARKS.md")
    md.append("```")
    md.append("")
    md.append("## Results")
    md.append("")
    md.append("| Measurement | Median | p95 | Goal | |")
    md.append("|---|---:|---:|---:|---|")
    for r in rows {
        md.append("| \(r.what) | \(r.median) | \(r.p95) | \(r.goal) | \(r.pass.map { $0 ? "PASS" : "**FAIL**" } ?? "") |")
    }
    md.append("")
    md.append("A goal is met when the p95 is within it. Also measured once: `check(quick: false)` (`backorders check --full`: "
              + "SQLite's `integrity_check`, every index entry against its table, instead of `quick_check`) took \(secs(full.median)).")
    md.append("")
    md.append("## Method")
    md.append("")
    md.append("- Everything runs on a copy of the data file (its `-wal` too, if any) in a temporary folder, written to disk "
              + "(`sync`) before anything is timed, through the public "
              + "`Warehouse` API of a release build, with `ContinuousClock`. Each measurement has one untimed warm-up run, "
              + "then \(options.runs) timed runs (check(): \(options.checkRuns)). A timed receipt or order starts once the "
              + "background checkpoint of the writes before it is done.")
    md.append("- Lists: `openOrders`, `backorderLines(today:)`, `openArrivals(today:)` and `stock`, each with `Page(limit: 50)`.")
    md.append("- Whole-list sorts: the same calls with `Page(limit: 50, sort: ListSort(column, descending:))`, no filter, no "
              + "restriction; the middle page is `Page(offset: lines / 2, …)`, the page farthest from both ends.")
    md.append("- Receipt: the SKU with the most waiting lines (\(hot.sku)). Before each run (untimed) the first 1,000 lines "
              + "of its queue are read in serving order; when fewer than 1,000 wait, a new order of 1–5 units per line "
              + "tops the queue up (\(grouped(toppedUp)) lines in all). The timed run is `receive(arrival: nil, sku:, quantity:)` "
              + "of exactly the units those 1,000 lines wait for, and the run fails unless it fills exactly those 1,000 lines "
              + "and leaves nothing free. Its time includes re-pegging the SKU's remaining waiting lines and the customer notices that causes.")
    md.append("- New order: `createOrder` with 20 different SKUs drawn at random (fixed seed) from all items, 1–10 units each, "
              + "for a random customer; the time includes the order's detail it returns (lines, promised dates, journal).")
    md.append("- Order desk preview: `previewOrder` of such an order, as the UI's new-order dialog asks before placing it: the "
              + "same `place` in a transaction that is rolled back, with each backordered line's covering arrival.")
    md.append("- Re-prioritising: one order of one line of the hot SKU at priority 9 (behind every other waiting line of it); "
              + "the timed run is `changeOrder(priority: 1)`, which moves the line to the head of the queue and re-pegs the "
              + "SKU's whole queue (and tells the customers whose dates moved); before each run it is set back to 9, untimed.")
    md.append("- check(): `check()` as `backorders check` runs it, after the writes above; it found nothing. Two readers side by "
              + "side: one runs `PRAGMA quick_check`, SQLite's `foreign_key_check` of the small tables and the small rules; the "
              + "other reads the journal, the order lines and the shipment lines once each in row order and checks every rule "
              + "and reference that compares them.")
    md.append("- Bytes per order line: file size after a checkpoint (page size × page count), divided by the order lines, "
              + "before the benchmark wrote to the copy.")
    md.append("")
    md.append("## Receipt and new-order runs")
    md.append("")
    md.append("Each timed run in order. A receipt also re-pegs the SKU's remaining waiting lines: the promised dates it moved "
              + "are counted from the lists before and after it (untimed). A new order re-pegs every SKU it names: the longest "
              + "queue of waiting lines among them is shown.")
    md.append("")
    md.append("| Run | Receipt | Promised dates moved | New order | Its lines backordered | Longest queue re-pegged |")
    md.append("|---:|---:|---:|---:|---:|---:|")
    for i in 0..<options.runs {
        md.append("| \(i + 1) | \(ms(receipt.samples[i])) | \(grouped(datesMoved[i])) | \(ms(order.samples[i])) | "
                  + "\(orderShapes[i].backordered) | \(grouped(orderShapes[i].longestQueue)) |")
    }
    md.append("")
    md.append("## Where check() spends its time")
    md.append("")
    md.append("One profiled run of `check()` on one connection (SQLite's profile hook; a pass over a table counts the "
              + "checks made on each of its rows as its statement's time): "
              + "\(secs(profile.statements.reduce(0) { $0 + $1.seconds })) in SQL.")
    md.append("")
    md.append("| Seconds | Statement |")
    md.append("|---:|---|")
    for s in profile.statements.sorted(by: { $0.seconds > $1.seconds }) where s.seconds >= 0.05 {
        md.append("| \(String(format: "%.2f", s.seconds)) | `\(checkStep(s.sql).replacingOccurrences(of: "|", with: "\\|"))` |")
    }
    md.append("")
    md.append("## Storage")
    md.append("")
    md.append("\(megabytes(storage.fileBytes)) for \(grouped(storage.orderLines)) order lines: "
              + "\(grouped(storage.fileBytes / max(1, storage.orderLines))) bytes per line, "
              + "\(String(format: "%.1f", Double(storage.movements) / Double(max(1, storage.orderLines)))) journal rows per line.")
    if !storage.objects.isEmpty {
        md.append("")
        md.append("| Table or index | Size | Bytes per order line |")
        md.append("|---|---:|---:|")
        for o in storage.objects where o.bytes >= storage.fileBytes / 200 {
            md.append("| \(o.name) | \(megabytes(o.bytes)) | \(grouped(o.bytes / max(1, storage.orderLines))) |")
        }
    }
    md.append("")
    md.append("## Query plans of the hot paths")
    md.append("")
    md.append("`EXPLAIN QUERY PLAN` of the statements the lists, receipts, re-pegging and order creation run. "
              + "`SCAN x USING INDEX` walks an index in order and stops at the page's `LIMIT`; a bare `SCAN x` would read the whole table.")
    for p in plans {
        md.append("")
        md.append("**\(p.name)**" + (scansOrderLines(p.plan) ? " — **scans order_line**" : ""))
        md.append("")
        md.append("```")
        md.append(contentsOf: p.plan)
        md.append("```")
    }
    md.append("")
    md.append("## Query plans of the whole-list sorts")
    md.append("")
    md.append("The first page of every sort of the backorder lines (no filter; descending walks the same way backwards). "
              + "`USE TEMP B-TREE FOR ORDER BY` sorts every waiting line (the queue alone, names looked up for the page after); "
              + "`RIGHT PART OF ORDER BY` sorts within one customer at a time.")
    for key in BackorderSortKey.allCases {
        md.append("")
        md.append("**backorder lines by \(key.rawValue)**")
        md.append("")
        md.append("```")
        md.append(contentsOf: sortPlans[ListSort(.backorders(key))] ?? [])
        md.append("```")
    }
    md.append("")
    md.append(notesMarker)
    return md.joined(separator: "\n") + "\n"
}

/// Writes the report, keeping the hand-written notes that follow the marker in the existing file.
func writeReport(_ report: String, to path: String) throws {
    var text = report
    if let old = try? String(contentsOfFile: path, encoding: .utf8), let range = old.range(of: notesMarker) {
        let notes = old[range.upperBound...].drop { $0 == "\n" }
        if !notes.isEmpty { text += "\n" + notes }
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

do {
    let options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
    if let server = options.server {
        let db = options.db
        var engines: [() throws -> BenchEngine] = []
        if options.engines.contains("file") { engines.append { try fileEngine(db) } }
        if options.engines.contains("server") { engines.append { try serverEngine(server) } }
        print(try sideBySide(engines, runs: options.runs, writers: options.writers, ordersPerWriter: options.writerOrders,
                             only: options.only), terminator: "")
        exit(0)
    }
    let report = try run(options)
    print(report, terminator: "")
    if let path = options.write {
        try writeReport(report, to: path)
        progress("wrote \(path)")
    }
} catch let e as UsageError {
    FileHandle.standardError.write(Data("backorders-bench: \(e.message)\n\n\(usage)\n".utf8))
    exit(64)
} catch let e as BenchFailure {
    FileHandle.standardError.write(Data("backorders-bench: \(e.message)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("backorders-bench: \(error)\n".utf8))
    exit(1)
}
