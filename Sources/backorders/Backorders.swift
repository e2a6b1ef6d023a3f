import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

@main
struct Backorders: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backorders",
        abstract: HelpText.root.text,
        discussion: HelpText.rootDiscussion.text,
        version: versionText,
        subcommands: [
            UI.self, Init.self, Sample.self, Demo.self,
            ItemCommand.self, CustomerCommand.self, OrderCommand.self,
            Pick.self, Ship.self, Cancel.self, PutBack.self, Reallocate.self, Expedite.self, Donors.self,
            ArrivalCommand.self, Purchase.self, Receive.self, ReceiptCommand.self, Return.self, Count.self, Why.self,
            List.self, Show.self, Status.self, Who.self, NoticesCommand.self, Report.self, Import.self, Journal.self, Check.self, Upgrade.self,
            BackupCommand.self, RestoreCommand.self, Stress.self,
            PickListCommand.self, DeliveryNoteCommand.self,
            DatabaseCommand.self, CopyCommand.self,
        ],
        defaultSubcommand: UI.self
    )

    /// Chooses the language before anything is parsed or printed, then runs the command.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            let env = ProcessInfo.processInfo.environment
            Localizer.process = Localizer(try Language.resolve(flag: Language.flag(in: arguments), environment: env))
        } catch let e as BackorderError {
            FileHandle.standardError.write(Data("backorders: \(e.message)\n".utf8))
            Foundation.exit(Exit.usage)
        } catch {
            Foundation.exit(Exit.internalFault)
        }
        do {
            // `--lang` has done its work: taken out, every command accepts it, also those without DatabaseOptions.
            var command = try parseAsRoot(Language.removingFlag(from: arguments))
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// This version of backorders; raise it with every release installed for the team.
let appVersion = "1.0.0"

/// `backorders --version`: the app, the newest data-file format it reads and writes, and the SQLite it runs on.
let versionText: String = {
    let format = Warehouse.fileFormat
    return Localizer.process(CLIText.version, appVersion, Plain(format.number), format.latest, Warehouse.sqliteVersion)
}()

extension Language {
    /// The command line without its `--lang X` / `--lang=X` (up to a `--`, as `flag(in:)` reads it).
    static func removingFlag(from arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return out + arguments[i...] }
            if a == "--lang", i + 1 < arguments.count { i += 2; continue }
            if a.hasPrefix("--lang=") { i += 1; continue }
            out.append(a)
            i += 1
        }
        return out
    }
}
