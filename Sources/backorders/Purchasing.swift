import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct Why: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.why.text, discussion: HelpText.whyDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: OptionText.whyLine.help) var line: Int?
    @Flag(help: OptionText.whyJSON.help) var json = false

    func run() throws {
        try perform {
            let today = Context.current().today
            let explanations = try db.service(.readOnly).explainDates(order: order, lineNo: line, today: today)
            if json { return try printJSON(explanations) }
            for (i, e) in explanations.enumerated() {
                if i > 0 { print("") }
                for text in e.describe(today: today) { print(visible(text)) }
            }
        }
    }
}

struct Purchase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.purchase.text, discussion: HelpText.purchaseDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: OptionText.purchaseItems.help) var items: [String]
    @Option(help: OptionText.purchasePO.help) var po: String?
    @Option(help: OptionText.purchaseSupplier.help) var supplier: String?
    @Option(help: OptionText.purchaseETA.help) var eta: String?
    @Flag(help: OptionText.purchasePreview.help) var preview = false
    @Flag(help: OptionText.jsonResult.help) var json = false

    func run() throws {
        try perform {
            let ctx = Context.current()
            let day = try eta.map { try parseDay($0, today: ctx.today, what: "--eta") }
            let lines = try items.map { spec -> PurchaseLine in
                guard let eq = spec.lastIndex(of: "=") else { return PurchaseLine(sku: spec, supplier: supplier, eta: day) }
                let q = try Validate.parseQuantity(String(spec[spec.index(after: eq)...]), Localizer.process(CLIText.quantityOf, spec[..<eq]))
                return PurchaseLine(sku: String(spec[..<eq]), quantity: q, supplier: supplier, eta: day)
            }
            let r = try db.service().purchase(PurchaseRequest(lines: lines, poNumber: po), preview: preview, ctx: ctx)
            if json { return try printJSON(r) }
            print((r.preview ? Localizer.process(CLIText.previewNothingChanged) : "") + r.summaryText.text(.process))
            for text in r.describe(limit: 50) { print("  " + visible(text)) }
        }
    }
}
