import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct Why: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Why a backorder line is promised its date: its place in the SKU's queue, the arrivals, what would make it earlier.",
        discussion: """
            Without LINE every waiting line of the order is explained. The queue is the serving order (priority, then order
            date, order number, line); arrivals are given out in ETA order; the date is the ETA of the arrival covering the
            line's last unit. The what-ifs are computed by the same pegging: priority 1, the covering arrival due today,
            stock given from other orders, more units on order.
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: "The line (default: every waiting line).") var line: Int?
    @Flag(help: "Print the explanations as JSON.") var json = false

    func run() throws {
        try perform {
            let today = Context.current().today
            let explanations = try db.open(.readOnly).explainDates(order: order, lineNo: line, today: today)
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
        abstract: "Buy what the shortage report suggests: expected arrivals, one new PO per supplier; waiting lines get dates at once.",
        discussion: """
            SKU alone buys the suggested quantity of `report shortage` (the uncovered units, at least the MOQ, in whole
            packs); SKU=QTY buys QTY. The supplier is the item's default and the ETA today + its lead time (see `item set`);
            an item without them is refused unless --supplier or --eta is given. Every line is one transaction: all are
            created or none. The promised dates that move are listed (--preview: and nothing is changed). Example:
              backorders purchase HW-4002 HT-3008=24 --preview
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Items to buy as SKU or SKU=QTY.") var items: [String]
    @Option(help: "Put every line on this purchase order (new, or an open one of the same supplier) instead of a new PO per supplier.")
    var po: String?
    @Option(help: "Buy every line from this supplier instead of each item's default.") var supplier: String?
    @Option(help: "Expected day of every line instead of today + lead time: YYYY-MM-DD, today, +N.") var eta: String?
    @Flag(help: "Show the arrivals and the dates that would move, and change nothing.") var preview = false
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try perform {
            let ctx = Context.current()
            let day = try eta.map { try parseDay($0, today: ctx.today, what: "--eta") }
            let lines = try items.map { spec -> PurchaseLine in
                guard let eq = spec.lastIndex(of: "=") else { return PurchaseLine(sku: spec, supplier: supplier, eta: day) }
                let q = try Validate.parseQuantity(String(spec[spec.index(after: eq)...]), "quantity of \(spec[..<eq])")
                return PurchaseLine(sku: String(spec[..<eq]), quantity: q, supplier: supplier, eta: day)
            }
            let r = try db.open().purchase(PurchaseRequest(lines: lines, poNumber: po), preview: preview, ctx: ctx)
            if json { return try printJSON(r) }
            print((r.preview ? "preview (nothing was changed): " : "") + r.summary)
            for text in r.describe(limit: 50) { print("  " + visible(text)) }
        }
    }
}
