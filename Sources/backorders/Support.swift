import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
import Foundation
import TerminalKit

/// Exit codes, documented in the README: scripts tell a refusal from a typo from a broken file.
enum Exit {
    static let refused: Int32 = 1
    static let usage: Int32 = 64
    static let dataFile: Int32 = 66
    static let internalFault: Int32 = 70
    static let checkFailed: Int32 = 3
}

/// Where the data file is: `--db`, else `BACKORDERS_DB`, else `./backorders.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: OptionText.db.help(valueName: "path"))
    var db: String?

    // Read and taken out before parsing (Backorders.main), so help and parse errors are in it too; declared here to be listed.
    @Option(name: .long, help: OptionText.lang.help(valueName: "nb|en"))
    var lang: String?

    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["BACKORDERS_DB"], !env.isEmpty { return env }
        return "backorders.sqlite"
    }

    /// The database is a PostgreSQL server (a `postgres://` URL), not a data file.
    var isServer: Bool { PostgresURL.isPostgres(path) }

    /// The data file, for the commands that work on a file only; a server URL is refused, saying so, before anything is read.
    func open(_ mode: AccessMode = .readWrite) throws -> Warehouse {
        if isServer { throw BackorderError.refused(.t(CLIText.fileOnly)) }
        let w = try Warehouse.open(path: path, mode: mode)
        if mode == .readWrite || mode == .create { OpenFiles.writable.append(w) }
        return w
    }

    /// The warehouse the commands and the UI work on: the data file, or the PostgreSQL database the URL names.
    func service(_ mode: AccessMode = .readWrite) throws -> any Service {
        guard isServer else { return try open(mode) }
        let reader = mode == .backgroundReads
        return try server(readOnly: mode == .readOnly || reader, connections: reader ? 1 : 2, interruptible: reader)
    }

    /// The PostgreSQL database the URL names, for what only a server store does; closed when the command ends.
    func server(readOnly: Bool, connections: Int = 2, interruptible: Bool = false) throws -> PostgresWarehouse {
        // The UI's notices view mails through the same sendmail as `notices --send`.
        PostgresWarehouse.mailer = { w, order, ctx in try NoticeMailer.mail(w, order: order, dryRun: nil, ctx: ctx) }
        let w = try PostgresWarehouse(url: try PostgresURL(parsing: path), readOnly: readOnly, maximumConnections: connections,
                                      interruptible: interruptible)
        OpenFiles.servers.append(w)
        return w
    }
}

/// What every command and the UI need of a warehouse, on either engine.
typealias Service = WarehouseService & ReportService & MasterDataService & ImportService & NoticeMailbox

/// Files this command opened for writing, closed when it ends: the store folds its log into the file in the background,
/// and a command that exits first would leave the log to grow with every run.
enum OpenFiles {
    /// Only the main thread's command body opens files.
    nonisolated(unsafe) static var writable: [Warehouse] = []
    /// Server connections this command opened, closed so the server sees the sessions end.
    nonisolated(unsafe) static var servers: [PostgresWarehouse] = []

    static func closeAll() {
        for w in writable { try? w.close(fully: false) }
        writable.removeAll()
        for w in servers { w.close() }
        servers.removeAll()
    }
}

/// Refuses a negative count given on the command line, naming the options checked.
func requireNonNegative(_ options: (name: String, value: Int)...) throws {
    guard options.allSatisfy({ $0.value >= 0 }) else {
        let names = options.map(\.name)
        let listed = names.dropLast().isEmpty ? names.joined() : Localizer.process(CLIText.bothOf, names.dropLast().joined(separator: ", "), names.last!)
        throw ValidationError(Localizer.process(names.count > 1 ? CLIText.notNegativeMany : CLIText.notNegative, listed))
    }
}

/// Listing output options shared by every list command.
struct ListOptions: ParsableArguments {
    @Flag(help: OptionText.json.help) var json = false
    @Flag(help: OptionText.csv.help) var csv = false
    @OptionGroup var dialect: CSVDialectOption
    // Unconditional, so `--limit -5` reaches validate() instead of reading as an unknown option -5.
    @Option(parsing: .unconditional, help: OptionText.limit.help) var limit = 50
    @Option(parsing: .unconditional, help: OptionText.offset.help) var offset = 0
    @Option(help: OptionText.filter.help) var filter = ""
    @Option(help: OptionText.sort.help) var sort: String?
    @Flag(help: OptionText.desc.help) var desc = false

    func validate() throws {
        try requireNonNegative(("--limit", limit), ("--offset", offset))
        guard !(json && csv) else { throw ValidationError(Localizer.process(CLIText.jsonOrCSV)) }
        guard sort != nil || !desc else { throw ValidationError(Localizer.process(CLIText.descNeedsSort)) }
    }

    /// The page asked for, its sort a column of `list` (another name is refused, naming the valid ones: exit 64).
    func page(_ list: ListKind) throws -> Page {
        Page(offset: offset, limit: limit, filter: filter, sort: try sort.map { ListSort(try ListSortKey.named($0, in: list), descending: desc) })
    }
}

/// Runs a command body and turns every failure into a clear one-line message and its exit code.
func perform(_ body: () throws -> Void) throws {
    defer { OpenFiles.closeAll() }
    do {
        try body()
    } catch let e as BackorderError {
        FileHandle.standardError.write(Data("backorders: \(e.message)\n".utf8))
        switch e.kind {
        case .invalidInput: throw ExitCode(Exit.usage)
        case .notFound, .refused, .stale: throw ExitCode(Exit.refused)
        case .dataFile: throw ExitCode(Exit.dataFile)
        }
    } catch let e as ScriptParseFailure {
        FileHandle.standardError.write(Data("backorders: \(Localizer.process(CLIText.scriptErrors))\n\(e.description)\n".utf8))
        throw ExitCode(Exit.usage)
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        FileHandle.standardError.write(Data("backorders: \(Localizer.process(CLIText.internalFault, String(describing: error)))\n".utf8))
        throw ExitCode(Exit.internalFault)
    }
}

func printJSON<T: Encodable>(_ value: T) throws {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try enc.encode(value), as: UTF8.self))
}

/// A plain aligned text table; numbers right-aligned. Control characters in data are shown, never sent to the terminal.
func printTable(_ headers: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
    let rows = rows.map { $0.map(visible) }
    var widths = headers.map(\.displayWidth)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.displayWidth) } }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, c in
            let pad = String(repeating: " ", count: max(0, widths[i] - c.displayWidth))
            return rightAligned.contains(i) ? pad + c : c + pad
        }.joined(separator: "  ").trimmingTrailingSpaces
    }
    print(line(headers))
    print(line(widths.map { String(repeating: "-", count: $0) }))
    for r in rows { print(line(r)) }
}

/// Shows control characters as ^X (the toolkit's rule), so data can never drive the terminal.
func visible(_ s: String) -> String { s.terminalSafe }

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Parses a day given on the command line: `YYYY-MM-DD`, `today`, `+N` / `-N` days from today.
func parseDay(_ text: String, today: Day, what: String) throws -> Day {
    if text == "today" { return today }
    if let d = Day(iso: text) { return d }
    if let f = text.first, f == "+" || f == "-", let n = Int(text.dropFirst()) { return today.adding(days: f == "-" ? -n : n) }
    throw BackorderError.invalid(.t(CLIText.notADay, what, text))
}

func qty(_ n: Int) -> String { String(n) }
