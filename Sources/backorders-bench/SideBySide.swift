import BackorderCore
import BackorderStore
import BackorderStorePostgres
import Foundation

// The same work measured on both engines through `WarehouseService` alone: a data file and a PostgreSQL database
// holding a copy of it (`backorders copy`). Each engine works on a scratch copy, so both originals stay as they were.

/// One engine's warehouse for the side-by-side measurements: the service, and what only its store knows.
struct BenchEngine {
    var name: String
    var service: any WarehouseService
    /// The SKU with the most waiting lines.
    var hotSku: () throws -> (sku: String, lines: Int)
    var customers: () throws -> [String]
    /// `check` on the whole warehouse, when the engine has one.
    var check: (() throws -> [Violation])?
    /// A service on a connection of its own, for one of several concurrent writers.
    var writer: () throws -> any WarehouseService
    var close: () -> Void
}

/// The data file's engine on a copy of `path`.
func fileEngine(_ path: String) throws -> BenchEngine {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("backorders-bench-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    let copy = dir.appendingPathComponent("bench.sqlite").path
    progress("copying \(path) to \(copy)")
    try fm.copyItem(atPath: path, toPath: copy)
    sync()
    let w = try Warehouse.open(path: copy, mode: .readWrite)
    var writers: [Warehouse] = []
    return BenchEngine(name: "SQLite file", service: w,
                       hotSku: { try w.skusByWaitingLines(limit: 1).first.map { ($0.sku, $0.lines) } ?? ("", 0) },
                       customers: { try w.customers().map(\.code) },
                       check: { try w.check() },
                       writer: { let x = try Warehouse.open(path: copy, mode: .readWrite); writers.append(x); return x },
                       close: {
                           for x in writers { try? x.close() }
                           try? w.close()
                           try? fm.removeItem(at: dir)
                       })
}

/// The server's engine on a scratch database cloned from the one `url` names.
func serverEngine(_ text: String) throws -> BenchEngine {
    let url = try PostgresURL(parsing: text)
    let scratch = "\(url.database)_bench_\(getpid())"
    let admin = PostgresBridge(url: url.with(database: "postgres"), maximumConnections: 1)
    progress("cloning database \(url.database) as \(scratch)")
    try PostgresScratch.clone(admin, source: url.database, as: scratch)
    let target = url.with(database: scratch)
    let w = try PostgresWarehouse(url: target, maximumConnections: 2)
    var writers: [PostgresWarehouse] = []
    return BenchEngine(name: "PostgreSQL", service: w,
                       hotSku: { try w.skusByWaitingLines(limit: 1).first.map { ($0.sku, $0.lines) } ?? ("", 0) },
                       customers: { try w.customers().map(\.code) },
                       check: { try w.check() },
                       writer: { let x = try PostgresWarehouse(url: target, maximumConnections: 1); writers.append(x); return x },
                       close: {
                           for x in writers { x.close() }
                           w.close()
                           try? PostgresScratch.drop(admin, scratch)
                           admin.close()
                       })
}

/// One measured row of the side-by-side table: the same work on each engine.
struct SideRow {
    var what: String
    var goal: String
    var cells: [String]
}

/// Measures the engines one after the other and returns the Markdown table, engines side by side.
func sideBySide(_ engines: [() throws -> BenchEngine], runs: Int, writers: Int, ordersPerWriter: Int, only: Set<String>? = nil) throws -> String {
    func want(_ part: String) -> Bool { only?.contains(part) ?? true }
    var columns: [String] = []
    var results: [[String: String]] = []
    let names = ["list-orders", "list-backorders", "list-arrivals", "list-stock", "filter", "receipt", "order", "check", "writers"]
    for make in engines {
        let e = try make()
        defer { e.close() }
        columns.append(e.name)
        progress("\(e.name): measuring")
        var cell: [String: String] = [:]
        let w = e.service
        let today = Context.current().today
        let page = Page(limit: 50)
        let lists: [(String, () throws -> Void)] = [
            ("list-orders", { _ = try w.openOrders(page) }),
            ("list-backorders", { _ = try w.backorderLines(page, sku: nil, customer: nil, today: today) }),
            ("list-arrivals", { _ = try w.openArrivals(page, sku: nil, today: today) }),
            ("list-stock", { _ = try w.stock(page, onlyShort: false, sku: nil) }),
            ("filter", { _ = try w.openOrders(Page(limit: 50, filter: "berg")) }),
        ]
        for (key, body) in lists where want("lists") {
            let t = try measure(runs: runs, body)
            cell[key] = "\(ms(t.median)) / \(ms(t.p95))"
        }
        let hot = try e.hotSku()
        guard hot.lines >= 1_000 else { throw BenchFailure(message: "\(e.name): no SKU has 1,000 waiting lines") }
        let customers = try e.customers()
        let skus = try w.stock(Page(limit: 1_000_000), onlyShort: false, sku: nil).map(\.sku)
        var rng = SeededRandom(seed: 2_024)
        var units = 0
        if want("receipt") {
        let receipt = try measure(runs: runs, prepare: {
            var queue = try w.backorderLines(Page(limit: 1_000), sku: hot.sku, customer: nil, today: today)
            if queue.count < 1_000 {
                let lines = (0..<(1_000 - queue.count)).map { _ in NewOrderLine(sku: hot.sku, quantity: 1 + rng.below(5)) }
                _ = try w.createOrder(NewOrder(customer: customers[rng.below(customers.count)], lines: lines), ctx: .current(actor: "bench"))
                queue = try w.backorderLines(Page(limit: 1_000), sku: hot.sku, customer: nil, today: today)
            }
            units = queue.reduce(0) { $0 + $1.backordered }
        }, {
            let r = try w.receive(arrival: nil, sku: hot.sku, quantity: units, note: "benchmark", ctx: .current(actor: "bench"))
            guard r.allocations.count == 1_000 else { throw BenchFailure(message: "\(e.name): the receipt served \(r.allocations.count) lines, not 1,000") }
        })
        cell["receipt"] = "\(ms(receipt.median)) / \(ms(receipt.p95))"
        }
        var next: [NewOrderLine] = []
        if want("order") {
        let order = try measure(runs: runs, prepare: {
            var picked = Set<String>()
            while picked.count < 20 { picked.insert(skus[rng.below(skus.count)]) }
            next = picked.sorted().map { NewOrderLine(sku: $0, quantity: 1 + rng.below(10)) }
        }, {
            _ = try w.createOrder(NewOrder(customer: customers[rng.below(customers.count)], lines: next), ctx: .current(actor: "bench"))
        })
        cell["order"] = "\(ms(order.median)) / \(ms(order.p95))"
        }
        if want("writers") {
            cell["writers"] = try concurrentWriters(e, writers: writers, orders: ordersPerWriter, skus: skus, customers: customers)
        }
        if !want("check") {
            cell["check"] = "—"
        } else if let check = e.check {
            var found: [Violation] = []
            let t = try measure(runs: 1) { found = try check() }
            guard found.isEmpty else { throw BenchFailure(message: "\(e.name): check found \(found.count) problems") }
            cell["check"] = secs(t.median)
        } else {
            cell["check"] = "—"
        }
        results.append(cell)
    }
    let labels: [String: (String, String)] = [
        "list-orders": ("Open orders, first 50 rows (median / p95)", "≤ 5 ms on the server"),
        "list-backorders": ("Backorder lines, first 50 rows", "≤ 5 ms on the server"),
        "list-arrivals": ("Expected arrivals, first 50 rows", "≤ 5 ms on the server"),
        "list-stock": ("Stock, first 50 rows", "≤ 5 ms on the server"),
        "filter": ("Open orders filtered by `berg`, first 50 rows", ""),
        "receipt": ("Receipt serving 1,000 waiting lines", "p95 ≤ 100 ms on the server"),
        "order": ("New order of 20 lines", "p95 ≤ 10 ms on the server"),
        "check": ("check() on the whole warehouse", ""),
        "writers": ("\(writers) concurrent writers: order, pick, ship (operations per second)", "server ≥ file"),
    ]
    var md = ["| Measurement | " + columns.joined(separator: " | ") + " | Goal |",
              "|---|" + columns.map { _ in "---:|" }.joined() + "---|"]
    for key in names {
        let (what, goal) = labels[key]!
        md.append("| \(what) | " + results.map { $0[key] ?? "—" }.joined(separator: " | ") + " | \(goal) |")
    }
    return md.joined(separator: "\n") + "\n"
}

/// `writers` threads, each on a connection of its own, each placing `orders` 3-line orders and picking and shipping
/// what each got; returns the committed operations per second over the wall time of all of them.
func concurrentWriters(_ e: BenchEngine, writers: Int, orders: Int, skus: [String], customers: [String]) throws -> String {
    let services = try (0..<writers).map { _ in try e.writer() }
    let done = Counter(), failures = Counter()
    let clock = ContinuousClock()
    let start = clock.now
    // One thread each: `concurrentPerform` runs no more at once than there are cores (two here), so a writer waiting
    // for the server left a core idle instead of another writer taking it.
    let group = DispatchGroup()
    let threads = (0..<writers).map { i in Thread {
        defer { group.leave() }
        var rng = SeededRandom(seed: UInt64(1_000 + i))
        let w = services[i]
        for _ in 0..<orders {
            do {
                let lines = (0..<3).map { _ in NewOrderLine(sku: skus[rng.below(skus.count)], quantity: 1 + rng.below(4)) }
                let d = try w.createOrder(NewOrder(customer: customers[rng.below(customers.count)], lines: lines), ctx: .current(actor: "bench\(i)"))
                done.add()
                guard d.lines.contains(where: { $0.line.quantities.allocated > 0 }) else { continue }
                _ = try w.pick(order: d.order.number, entries: nil, expectedVersion: nil, ctx: .current(actor: "bench\(i)"))
                done.add()
                _ = try w.ship(order: d.order.number, override: true, expectedVersion: nil, ctx: .current(actor: "bench\(i)"))
                done.add()
            } catch {
                failures.add()
            }
        }
    } }
    for t in threads { group.enter(); t.start() }
    group.wait()
    let elapsed = seconds(clock.now - start)
    guard failures.value == 0 else { throw BenchFailure(message: "\(e.name): \(failures.value) concurrent operations failed") }
    return String(format: "%.0f", Double(done.value) / elapsed)
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
