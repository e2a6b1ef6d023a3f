import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
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
            let spec = DemoSpec(orderLines: lines, seed: seed)
            let name = db.isServer ? try toServer(spec, ctx, &summary) : db.path
            if !db.isServer {
                try buildFresh(path: db.path, force: force) { w in summary = try w.generateDemo(spec, ctx: ctx) }
            }
            let s = summary!
            let tr = Localizer.process
            print(tr(CLIText.demoBuilt, name, tr.decimal(Date().timeIntervalSince(start)), s.items, s.customers, s.orders, s.openOrders, s.orderLines,
                     s.backorderLines, s.openArrivals, s.movements))
        }
    }

    /// Builds the demo into a temporary file and copies it to the server (`copy`'s code: one transaction, every table
    /// compared), which must be an empty warehouse (`db init`); the file is removed. Returns the URL as shown.
    func toServer(_ spec: DemoSpec, _ ctx: Context, _ summary: inout DemoSummary?) throws -> String {
        let target = try PostgresURL(parsing: db.path)
        let bridge = PostgresBridge(url: target, maximumConnections: 2)
        defer { bridge.close() }
        if let table = try PostgresTableCopy.firstTableWithRows(bridge) {
            throw BackorderError.refused(.t(CopyCommandText.notEmpty, target.description, table))
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-demo-\(getpid())-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temp + suffix) } }
        var built: DemoSummary?
        try buildFresh(path: temp, force: true) { w in built = try w.generateDemo(spec, ctx: ctx) }
        summary = built
        let source = try Warehouse.open(path: temp, mode: .readOnly)
        defer { try? source.close() }
        _ = try CopyCommand.explained(target.description) {
            try WarehouseTables.run(read: { pipe in try source.readTables(into: pipe) },
                                    write: { pipe in try PostgresTableCopy.write(bridge, from: pipe) })
        }
        return target.description
    }
}
