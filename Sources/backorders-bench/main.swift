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
