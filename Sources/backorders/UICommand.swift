import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct UI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "Open the full-screen terminal UI (the default).")
    @OptionGroup var db: DatabaseOptions
    @Flag(help: "Browse only: nothing can be changed.") var readOnly = false

    func run() throws {
        try perform {
            _ = try db.open(readOnly ? .readOnly : .readWrite)
            FileHandle.standardError.write(Data("backorders: the full-screen UI is not part of this build yet; use the subcommands (see --help)\n".utf8))
            throw ExitCode(Exit.usage)
        }
    }
}

