import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

@main
struct Backorders: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backorders",
        abstract: "Backorder handling for a warehouse: orders, partial shipments, expected arrivals and receipts.",
        discussion: """
            With no subcommand, opens the full-screen terminal UI on the data file.
            The data file is --db PATH, else $BACKORDERS_DB, else ./backorders.sqlite.
            Exit codes: 0 done; 1 refused (the warehouse state does not allow it, or an unknown order/arrival);
            3 check found problems; 64 bad usage or input; 66 data file missing, foreign, damaged or read-only; 70 internal fault.
            """,
        version: versionText,
        subcommands: [
            UI.self, Init.self, Sample.self, Demo.self,
            ItemCommand.self, CustomerCommand.self, OrderCommand.self,
            Pick.self, Ship.self, Cancel.self, PutBack.self, Reallocate.self, Expedite.self, Donors.self,
            ArrivalCommand.self, Purchase.self, Receive.self, ReceiptCommand.self, Return.self, Count.self, Why.self,
            List.self, Show.self, Status.self, Who.self, NoticesCommand.self, Report.self, Import.self, Journal.self, Check.self, Upgrade.self,
            BackupCommand.self, RestoreCommand.self, Stress.self,
            PickListCommand.self, DeliveryNoteCommand.self,
        ],
        defaultSubcommand: UI.self
    )

    /// Chooses the language before anything is parsed or printed, then runs the command.
    static func main() {
        do {
            let env = ProcessInfo.processInfo.environment
            Localizer.process = Localizer(try Language.resolve(flag: Language.flag(in: Array(CommandLine.arguments.dropFirst())),
                                                               environment: env))
        } catch let e as BackorderError {
            FileHandle.standardError.write(Data("backorders: \(e.message)\n".utf8))
            Foundation.exit(Exit.usage)
        } catch {
            Foundation.exit(Exit.internalFault)
        }
        do {
            var command = try parseAsRoot()
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
    return """
        backorders \(appVersion)
        data file format \(format.number) (\(format.latest))
        SQLite \(Warehouse.sqliteVersion)
        """
}()
