import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.demo.text, discussion: HelpText.demoDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Option(help: OptionText.demoLines.help) var lines = 100_000
    @Option(help: OptionText.demoSeed.help) var seed: UInt64 = 1
    @Flag(help: OptionText.force.help) var force = false

    func validate() throws {
        guard (1...20_000_000).contains(lines) else { throw ValidationError(Localizer.process(CLIText.demoLinesRange, 20_000_000)) }
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
            let tr = Localizer.process
            print(tr(CLIText.demoBuilt, db.path, tr.decimal(Date().timeIntervalSince(start)), s.items, s.customers, s.orders, s.openOrders, s.orderLines,
                     s.backorderLines, s.openArrivals, s.movements))
        }
    }
}
