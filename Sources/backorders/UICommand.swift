import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
import BackorderTUI
import Foundation
import NcursesBackend

extension Terminal: TerminalScreen {}

struct UI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: HelpText.ui.text)
    @OptionGroup var db: DatabaseOptions
    @Flag(help: OptionText.readOnly.help) var readOnly = false
    @Option(help: .hidden) var trace: String?

    func run() throws {
        let startedAt = ContinuousClock.now
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data("backorders: \(Localizer.process(CLIText.uiNeedsTerminal))\n".utf8))
            throw ExitCode(Exit.usage)
        }
        if let problem = Terminal.problem() {
            FileHandle.standardError.write(Data("backorders: \(Localizer.process(CLIText.terminalUnusable, terminalProblem(problem)))\n".utf8))
            throw ExitCode(Exit.usage)
        }
        try perform {
            let warehouse = try db.service(readOnly ? .readOnly : .readWrite)
            let actor = Context.current().actor
            // Listed in `backorders who` and in other clerks' status bars until the UI ends; best effort (a full disk).
            if !readOnly {
                if let file = warehouse as? Warehouse { try? file.register(now: Context.current().now) }
                if let server = warehouse as? PostgresWarehouse, !server.isReadOnly { try? server.register(now: Context.current().now) }
            }
            let app = BackorderApp(service: warehouse, actor: actor, clock: Clock {
                let ctx = Context.current(actor: actor)
                return (ctx.now, ctx.today)
            })
            // Two more connections read a filter's rows and count them while the clerk types on (without them, keys
            // wait for the rows and counts for pauses in typing).
            let rowsReader = try? db.service(.backgroundReads), counting = try? db.service(.backgroundReads)
            // CSV exports (w) land in the directory the UI was started from, named in the message line.
            app.exportDirectory = FileManager.default.currentDirectoryPath
            app.printText = { PaperPrinter.send($0, command: .resolve(environment: ProcessInfo.processInfo.environment, printer: nil)) }
            var traceFile: FileHandle?
            if let trace {
                guard FileManager.default.createFile(atPath: trace, contents: nil), let handle = FileHandle(forWritingAtPath: trace) else {
                    throw BackorderError.invalid(.t(CLIText.cannotWriteTrace, trace))
                }
                traceFile = handle
                app.trace = { line in handle.write(Data((line + "\n").utf8)) }
            }
            if let rowsReader, let counting { app.readInBackground(pages: rowsReader, counts: counting) }
            Terminal.run(describingFailure: { Localizer.process(CLIText.terminalFailed, terminalFailure($0)) }) { terminal in
                app.run(on: terminal, startedAt: startedAt)
            }
            if let traceFile {
                // Resident memory at the end, for the benchmark's memory budget.
                if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                   let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
                    traceFile.write(Data("peak-rss \(line.dropFirst(6).trimmingCharacters(in: .whitespaces))\n".utf8))
                }
                try? traceFile.close()
            }
            // Server connections close with the command (OpenFiles); files fold their logs now.
            for case let file as Warehouse in [rowsReader, counting, warehouse] { try? file.close(fully: false) }
        }
    }
}
