import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// What every exception takes besides its own arguments: why, and whether to only show what it would do.
struct CorrectionOptions: ParsableArguments {
    @Option(help: OptionText.reason.help) var reason: String
    @Flag(help: OptionText.correctionPreview.help) var preview = false
    @Flag(help: OptionText.jsonResult.help) var json = false
}

/// Prints what an exception did, or in a preview would do.
func printCorrection(_ r: CorrectionResult, json: Bool) throws {
    if json { try printJSON(r); return }
    print((r.preview ? Localizer.process(CLIText.previewNothingChanged) : "") + r.summaryText.text(.process))
    for line in r.consequences.describe(limit: 50) { print("  " + line) }
}

/// `LINE=QTY` pairs given on the command line.
func parseLineQuantities(_ specs: [String]) throws -> [(line: Int, qty: Int)] {
    try specs.map { spec in
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let lineNo = Int(parts[0]) else { throw BackorderError.invalid(.t(CLIText.notLineQty, spec)) }
        return (lineNo, try Validate.parseQuantity(parts[1], Localizer.process(CLIText.quantityOfLine, Plain(lineNo))))
    }
}

struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.cancel.text, discussion: HelpText.cancelDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Option(help: OptionText.cancelLine.help) var line: Int?
    @Flag(help: OptionText.backorderedOnly.help) var backorderedOnly = false
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let r = try db.service().cancel(order: order, lineNo: line, scope: backorderedOnly ? .backordered : .open, reason: options.reason,
                                         expectedVersion: nil, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct PutBack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put-back",
        abstract: HelpText.putBack.text, discussion: HelpText.putBackDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: OptionText.putBackLines.help) var lines: [String] = []
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let entries = try lines.isEmpty ? nil : parseLineQuantities(lines).map { PutBackEntry(lineNo: $0.line, quantity: $0.qty) }
            let r = try db.service().putBack(order: order, entries: entries, reason: options.reason, expectedVersion: nil, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct Reallocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.reallocate.text, discussion: HelpText.reallocateDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: OptionText.reallocateOrder.help) var order: String
    @Option(help: OptionText.reallocateLine.help) var line: Int
    @Option(help: OptionText.donor.help) var from: [String] = []
    @Option(help: OptionText.reallocateQty.help) var qty: Int?
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let donors = try from.map(DonorLine.parse)
            let r = try db.service().reallocate(to: order, lineNo: line, from: donors.isEmpty ? nil : donors, quantity: qty,
                                             reason: options.reason, expectedVersion: nil, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct Expedite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.expedite.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            let r = try db.service().expedite(order, reason: options.reason, expectedVersion: nil, preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}

struct Donors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.donors.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var sku: String
    @Option(help: OptionText.excluding.help) var excluding: String?
    @Flag(help: OptionText.jsonPrint.help) var json = false

    func run() throws {
        try perform {
            let rows = try db.service(.readOnly).donorCandidates(sku: sku, excludingOrder: excluding)
            if json { try printJSON(rows); return }
            let tr = Localizer.process
            if rows.isEmpty { print(tr(CLIText.noDonors, sku)); return }
            for c in rows {
                print(tr(CLIText.donorLine, c.orderNumber, Plain(c.lineNo), Plain(c.priority), c.orderDate, c.allocated, c.customerName))
            }
        }
    }
}

extension OrderCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.orderSet.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var order: String
        @Option(help: OptionText.priority.help) var priority: Int?
        @Option(help: OptionText.policy.help) var policy: String?
        @Option(help: OptionText.note.help) var note: String?
        @Option(help: OptionText.changeReason.help) var reason = ""
        @Flag(help: OptionText.changePreview.help) var preview = false
        @Flag(help: OptionText.jsonResult.help) var json = false

        func run() throws {
            try perform {
                let p = try policy.map { text -> ShipPolicy in
                    guard let p = ShipPolicy(rawValue: text) else { throw BackorderError.invalid(.t(CLIText.badPolicy, text)) }
                    return p
                }
                let r = try db.service().changeOrder(order, OrderChanges(priority: priority, policy: p, note: note), reason: reason,
                                                  expectedVersion: nil, preview: preview, ctx: .current())
                try printCorrection(r, json: json)
            }
        }
    }

    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.orderAmend.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var order: String
        @Option(help: OptionText.amendLine.help) var line: Int
        @Option(help: OptionText.amendQty.help) var qty: Int
        @OptionGroup var options: CorrectionOptions

        func run() throws {
            try perform {
                let r = try db.service().amendLine(order: order, lineNo: line, quantity: qty, reason: options.reason, expectedVersion: nil, preview: options.preview, ctx: .current())
                try printCorrection(r, json: options.json)
            }
        }
    }

    struct AddLine: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-line", abstract: HelpText.orderAddLine.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var order: String
        @Argument(help: OptionText.skuQty.help) var line: String
        @OptionGroup var options: CorrectionOptions

        func run() throws {
            try perform {
                guard let eq = line.lastIndex(of: "=") else { throw BackorderError.invalid(.t(CLIText.notSkuQty, line)) }
                let q = try Validate.parseQuantity(String(line[line.index(after: eq)...]), Localizer.process(CLIText.quantityOf, line[..<eq]))
                let r = try db.service().addLine(order: order, sku: String(line[..<eq]), quantity: q, reason: options.reason,
                                              expectedVersion: nil, preview: options.preview, ctx: .current())
                try printCorrection(r, json: options.json)
            }
        }
    }
}

struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receipt", abstract: HelpText.receipt.text, subcommands: [Reverse.self])

    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.receiptReverse.text, discussion: HelpText.receiptReverseDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: OptionText.receiptNumber.help) var receipt: String
        @OptionGroup var options: CorrectionOptions

        func run() throws {
            try perform {
                let r = try db.service().reverseReceipt(receipt, reason: options.reason, preview: options.preview, ctx: .current())
                try printCorrection(r, json: options.json)
            }
        }
    }
}

struct Return: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: HelpText.returnUnits.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: OptionText.lineQty.help) var line: String
    @Flag(help: OptionText.returnRestock.help) var restock = false
    @Flag(help: OptionText.returnScrap.help) var scrap = false
    @OptionGroup var options: CorrectionOptions

    func run() throws {
        try perform {
            guard restock != scrap else { throw BackorderError.invalid(.t(CLIText.restockOrScrap)) }
            guard let entry = try parseLineQuantities([line]).first else { throw BackorderError.invalid(.t(CLIText.giveLineQty)) }
            let r = try db.service().returnUnits(order: order, lineNo: entry.line, quantity: entry.qty, restock: restock, reason: options.reason,
                                              preview: options.preview, ctx: .current())
            try printCorrection(r, json: options.json)
        }
    }
}
