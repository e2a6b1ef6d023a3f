import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
import Foundation

/// `backorders copy --from SRC --to DST`: a whole warehouse from a data file to a PostgreSQL database or back.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: CopyCommandText.copy.text, discussion: CopyCommandText.copyDiscussion.text
    )
    @Option(name: .long, help: CopyCommandText.fromOption.help(valueName: "file|url")) var from: String
    @Option(name: .long, help: CopyCommandText.toOption.help(valueName: "file|url")) var to: String
    // Read and taken out before parsing (Backorders.main); declared here to be listed.
    @Option(name: .long, help: OptionText.lang.help(valueName: "nb|en")) var lang: String?

    func run() throws {
        try perform {
            let started = DispatchTime.now()
            let toServer = PostgresURL.isPostgres(to), fromServer = PostgresURL.isPostgres(from)
            guard toServer != fromServer else {
                throw BackorderError.invalid(.t(toServer ? CopyCommandText.bothServers : CopyCommandText.bothFiles, from, to))
            }
            let digests: (source: [String: TableDigest], destination: [String: TableDigest])
            var names = (from: from, to: to)
            if toServer {
                let target = try PostgresURL(parsing: to)
                names.to = target.description
                let source = try Warehouse.open(path: from, mode: .readOnly)
                defer { try? source.close() }
                let bridge = PostgresBridge(url: target, maximumConnections: 2)
                defer { bridge.close() }
                digests = try Self.explained(names.to) {
                    try WarehouseTables.run(read: { pipe in try source.readTables(into: pipe) },
                                            write: { pipe in try PostgresTableCopy.write(bridge, from: pipe) })
                }
            } else {
                let origin = try PostgresURL(parsing: from)
                names.from = origin.description
                if FileManager.default.fileExists(atPath: to) { throw BackorderError.refused(.t(CopyCommandText.fileExists, to)) }
                let bridge = PostgresBridge(url: origin, maximumConnections: 2)
                defer { bridge.close() }
                // The source is a warehouse, or the refusal comes before a file is made.
                try PostgresSetup.requireCurrent(bridge)
                digests = try Self.explained(to) {
                    try WarehouseTables.run(read: { pipe in try PostgresTableCopy.read(bridge, into: pipe) },
                                            write: { pipe in try Warehouse.createCopy(path: to, from: pipe) })
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let lines = digests.destination["order_line"]?.rows ?? 0, journal = digests.destination["movement"]?.rows ?? 0
            let all = digests.destination.values.reduce(0) { $0 + $1.rows }
            let tr = Localizer.process
            print(tr(CopyCommandText.copied, lines, journal, all - lines - journal, names.from, names.to, tr.decimal(seconds)))
            if !toServer {
                let copy = try Warehouse.open(path: to, mode: .readOnly)
                defer { try? copy.close() }
                let problems = try copy.check()
                if problems.isEmpty {
                    print(tr(CopyCommandText.checked, to))
                } else {
                    print(tr(CopyCommandText.checkFailed, to, problems.count))
                    for p in problems { print("  \(p)") }
                    throw ExitCode(Exit.checkFailed)
                }
            }
        }
    }

    /// Runs the copy, putting its own problems into words.
    static func explained<T>(_ destination: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let p as CopyProblem {
            switch p {
            case let .destinationExists(path): throw BackorderError.refused(.t(CopyCommandText.fileExists, path))
            case let .destinationNotEmpty(table): throw BackorderError.refused(.t(CopyCommandText.notEmpty, destination, table))
            case let .differs(table): throw BackorderError.dataFile(.t(CopyCommandText.differs, destination, table))
            case let .unknownTable(table): throw BackorderError.dataFile(.t(CopyCommandText.unknownTable, destination, table))
            }
        }
    }
}
