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
        subcommands: [
            UI.self, Init.self, Sample.self, Demo.self,
            ItemCommand.self, CustomerCommand.self, OrderCommand.self,
            Pick.self, Ship.self, Cancel.self, PutBack.self, Reallocate.self, Expedite.self, Donors.self,
            ArrivalCommand.self, Purchase.self, Receive.self, ReceiptCommand.self, Return.self, Count.self, Why.self,
            List.self, Show.self, Status.self, Who.self, NoticesCommand.self, Report.self, Import.self, Journal.self, Check.self, Upgrade.self, Stress.self,
        ],
        defaultSubcommand: UI.self
    )
}
