import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// What every exception takes besides its own arguments: why, and whether to only show what it would do.
struct CorrectionOptions: ParsableArguments {
    @Option(help: "Why (kept in the journal).") var reason: String
    @Flag(help: "Show what would change (lines, promised dates, notices) and change nothing.") var preview = false
    @Flag(help: "Print the result as JSON.") var json = false
}

/// Prints what an exception did, or in a preview would do.
func printCorrection(_ r: CorrectionResult, json: Bool) throws {
    if json { try printJSON(r); return }
    print((r.preview ? "preview (nothing was changed): " : "") + r.summary)
    for line in r.consequences.describe(limit: 50) { print("  " + line) }
}

/// `LINE=QTY` pairs given on the command line.
func parseLineQuantities(_ specs: [String]) throws -> [(line: Int, qty: Int)] {
    try specs.map { spec in
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let lineNo = Int(parts[0]) else { throw BackorderError.invalid("\"\(spec)\" is not LINE=QTY") }
        return (lineNo, try Validate.parseQuantity(parts[1], "quantity of line \(lineNo)"))
    }
}

struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cancel what is open on a line, or on every line of an order.",
        discussion: """
            Backordered units are dropped and allocated units are freed (they go to waiting lines as a receipt would give
            them). Picked units must be put back first (put-back). --backordered-only cancels only the backordered
            remainder and leaves allocated units to ship.
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Option(help: "Only this line.") var line: Int?
    @Flag(help: "Cancel only the backordered units; allocated ones stay to be picked.") var backorderedOnly = false
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let r = try db.open().cancel(order: order, lineNo: line, scope: backorderedOnly ? .backordered : .open, reason: options.reason,
                                         preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct PutBack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put-back",
        abstract: "Put picked (not shipped) units back on the shelf: they are allocated to their line again.",
        discussion: "Without LINE=QTY every picked unit of the order is put back.")
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: "Units to put back as LINE=QTY.") var lines: [String] = []
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let entries = try lines.isEmpty ? nil : parseLineQuantities(lines).map { PutBackEntry(lineNo: $0.line, quantity: $0.qty) }
            let r = try db.open().putBack(order: order, entries: entries, reason: options.reason, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct Reallocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Give allocated units of other orders to a waiting line of an urgent order.",
        discussion: """
            The donors' units go back on backorder and rejoin the queue in their normal place, with new promised dates.
            Without --from the donors are proposed: least urgent first, newest first. Example:
              backorders reallocate SO-000120 --line 1 --from SO-000088/2=10 --reason "hospital, urgent"
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "The order that gets the units.") var order: String
    @Option(help: "Its line.") var line: Int
    @Option(help: "A donor as ORDER/LINE=QTY (repeatable).") var from: [String] = []
    @Option(help: "Units wanted (default: all the line waits for); with proposed donors only.") var qty: Int?
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let donors = try from.map(DonorLine.parse)
            let r = try db.open().reallocate(to: order, lineNo: line, from: donors.isEmpty ? nil : donors, quantity: qty,
                                             reason: options.reason, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct Expedite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve an order first: priority 1, and stock given to its waiting lines from the least urgent orders.")
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let r = try db.open().expedite(order, reason: options.reason, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct Donors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lines of open orders holding allocated units of a SKU, as they are proposed as donors (least urgent, newest first).")
    @OptionGroup var db: DatabaseOptions
    @Argument var sku: String
    @Option(help: "Leave out this order (the one to serve).") var excluding: String?
    @Flag(help: "Print as JSON.") var json = false

    func run() throws {
        try perform {
            let rows = try db.open(.readOnly).donorCandidates(sku: sku, excludingOrder: excluding)
            if json { try printJSON(rows); return }
            if rows.isEmpty { print("no open order holds allocated units of \(sku)"); return }
            for c in rows {
                print("\(c.orderNumber)/\(c.lineNo)  priority \(c.priority)  \(c.orderDate.iso)  \(c.allocated) allocated  \(c.customerName)")
            }
        }
    }
}

extension OrderCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an open order's priority, ship policy or note; its waiting lines move in the queue at once.")
        @OptionGroup var db: DatabaseOptions
        @Argument var order: String
        @Option(help: "1 (most urgent) to 9.") var priority: Int?
        @Option(help: "partial or complete.") var policy: String?
        @Option(help: "The customer's reference or a note (\"\" clears it).") var note: String?
        @Option(help: "Why (kept with the change).") var reason = ""
        @Flag(help: "Show what would change and change nothing.") var preview = false
        @Flag(help: "Print the result as JSON.") var json = false

        func run() throws {
            try perform {
                let p = try policy.map { text -> ShipPolicy in
                    guard let p = ShipPolicy(rawValue: text) else { throw BackorderError.invalid("--policy is partial or complete, not \(text)") }
                    return p
                }
                let r = try db.open().changeOrder(order, OrderChanges(priority: priority, policy: p, note: note), reason: reason,
                                                  preview: preview, ctx: .current())
                try printCorrection(r, json: json)
            }
        }
    }

    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a line's ordered quantity: up is allocated from free stock or backordered; down drops backordered units first, then frees allocated ones.")
        @OptionGroup var db: DatabaseOptions
        @Argument var order: String
        @Option(help: "The line.") var line: Int
        @Option(help: "The new ordered quantity.") var qty: Int
        @OptionGroup var options: CorrectionOptions

        func run() throws {
            try perform {
                let r = try db.open().amendLine(order: order, lineNo: line, quantity: qty, reason: options.reason, preview: options.preview, ctx: .current())
                try printCorrection(r, json: options.json)
            }
        }
    }

    struct AddLine: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-line", abstract: "Add a line to an open order (SKU=QTY).")
        @OptionGroup var db: DatabaseOptions
        @Argument var order: String
        @Argument(help: "SKU=QTY") var line: String
        @OptionGroup var options: CorrectionOptions

        func run() throws {
            try perform {
                guard let eq = line.lastIndex(of: "=") else { throw BackorderError.invalid("line \"\(line)\" is not SKU=QTY") }
                let q = try Validate.parseQuantity(String(line[line.index(after: eq)...]), "quantity of \(line[..<eq])")
                let r = try db.open().addLine(order: order, sku: String(line[..<eq]), quantity: q, reason: options.reason,
                                              preview: options.preview, ctx: .current())
                try printCorrection(r, json: options.json)
            }
        }
    }
}

struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receipt", abstract: "Receipts already booked.", subcommands: [Reverse.self])

    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reverse a receipt booked in error (wrong arrival or quantity): stock goes down, the arrival expects the units again.",
            discussion: """
                Units the receipt gave to orders are taken back from lines that have not picked them (they wait again, with
                dates). If some were picked or shipped, the reversal is refused and names the orders. Book the receipt
                again on the right arrival afterwards.
                """)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The receipt number (RC-…).") var receipt: String
        @OptionGroup var options: CorrectionOptions

        func run() throws {
            try perform {
                let r = try db.open().reverseReceipt(receipt, reason: options.reason, preview: options.preview, ctx: .current())
                try printCorrection(r, json: options.json)
            }
        }
    }
}

struct Return: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Shipped units came back from the customer: restock them (waiting lines are served) or scrap them.")
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: "LINE=QTY") var line: String
    @Flag(help: "Put the units back in stock.") var restock = false
    @Flag(help: "The units are damaged: they do not go back in stock.") var scrap = false
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            guard restock != scrap else { throw BackorderError.invalid("say --restock or --scrap") }
            guard let entry = try parseLineQuantities([line]).first else { throw BackorderError.invalid("give the line as LINE=QTY") }
            let r = try db.open().returnUnits(order: order, lineNo: entry.line, quantity: entry.qty, restock: restock, reason: options.reason,
                                              preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}
