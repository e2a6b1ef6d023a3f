import ArgumentParser
import BackorderCore

extension CustomerCommand {
    /// `customer history CODE`: the journal of a customer's details, newest first, on either engine.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Localizer.process(CustomerHistoryText.abstract))
        @OptionGroup var db: DatabaseOptions
        @Argument var code: String
        // Unconditional, so `--limit -5` reaches validate() instead of reading as an unknown option -5.
        @Option(parsing: .unconditional, help: ArgumentHelp(Localizer.process(CustomerHistoryText.limitHelp))) var limit = 50
        @Flag var json = false

        func validate() throws {
            try requireNonNegative(("--limit", limit))
        }

        func run() throws {
            try perform {
                let rows = try db.service(.readOnly).customerHistory(code, limit: limit)
                if json { try printJSON(rows); return }
                let tr = Localizer.process
                guard !rows.isEmpty else { print(tr(CustomerHistoryText.nothing, code)); return }
                printTable(headers(.when, .who) + [tr(CustomerHistoryText.field), tr(CustomerHistoryText.before), tr(CustomerHistoryText.after)],
                           rows.map { c in
                               let created = c.field == CustomerJournal.created
                               return [moment(c.at), c.actor, CustomerJournal.fieldName(c.field, tr),
                                       created ? "" : CustomerJournal.shown(c.from, tr), CustomerJournal.shown(c.to, tr)]
                           })
            }
        }
    }
}
