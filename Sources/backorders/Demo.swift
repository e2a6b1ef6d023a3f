import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a large synthetic warehouse (for trying things out and for the benchmark).",
        discussion: "With --lines 1000000: about 200,000 orders, 20,000 items, 5,000 open arrivals and 100,000 open backorder lines.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Order lines to generate.") var lines = 100_000
    @Option(help: "Random seed: the same seed builds the same warehouse.") var seed: UInt64 = 1
    @Flag(help: "Replace the data file if it exists.") var force = false

    func validate() throws {
        guard (1...20_000_000).contains(lines) else { throw ValidationError("--lines must be 1 to 20,000,000") }
    }

    func run() throws {
        try perform {
            let ctx = Context.current()
            let start = Date()
            var summary: DemoSummary?
            try buildFresh(path: db.path, force: force) { w in
                summary = try w.generateDemo(DemoSpec(orderLines: lines, seed: seed), ctx: ctx)
            }
            let s = summary!
            print(String(format: "built %@ in %.1f s: %d items, %d customers, %d orders (%d open), %d order lines, %d open backorder lines, %d open arrivals, %d journal rows",
                         db.path, Date().timeIntervalSince(start), s.items, s.customers, s.orders, s.openOrders, s.orderLines,
                         s.backorderLines, s.openArrivals, s.movements))
        }
    }
}
