import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// How a report is printed: a text table (default), JSON, or CSV.
struct ReportOutput: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Flag(help: "Print CSV (RFC 4180, comma-separated, CRLF) instead of a table.") var csv = false
    @OptionGroup var dialect: CSVDialectOption

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("--json and --csv exclude each other") }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Supervisor reports: aging, shortage (reorder suggestions), late arrivals, service level, customer backlog.",
        subcommands: [Aging.self, Shortage.self, Late.self, Service.self, Backlog.self])

    struct Aging: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open backorder lines, units and orders by age (0–7, 8–14, 15–30, 31–60, over 60 days), as a bar chart.",
            discussion: "With --bucket, the waiting lines of that bucket instead (oldest first), as `list backorders` shows them.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput
        @Option(help: "List the lines of one bucket: 0-7, 8-14, 15-30, 31-60 or over-60.") var bucket: String?
        @Option(parsing: .unconditional, help: "With --bucket: how many lines at most.") var limit = 1000

        func validate() throws {
            try requireNonNegative(("--limit", limit))
        }

        func run() throws {
            try perform {
                let today = Context.current().today
                let w = try db.open(.readOnly)
                if let bucket {
                    guard let b = AgeBucket(argument: bucket) else {
                        throw BackorderError.invalid("--bucket \"\(bucket)\" is not one of " + AgeBucket.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    let rows = try w.backorderLines(in: b, Page(limit: limit), today: today)
                    if output.json { return try printJSON(rows) }
                    if output.csv { return printCSV(rows) }
                    print("Backorder lines waiting \(b.label) (as of \(today.iso))")
                    return printBackorderTable(rows)
                }
                let rows = try w.agingReport(today: today)
                if output.json { return try printJSON(rows) }
                if output.csv { return printCSV(rows) }
                print("Open backorders by age (as of \(today.iso)); bars: units")
                let widest = rows.map(\.units).max() ?? 0
                printTable(["AGE", "LINES", "UNITS", "ORDERS", ""],
                           rows.map { [$0.bucket.label, "\($0.lines)", "\($0.units)", "\($0.orders)", bar($0.units, of: widest, width: 40)] },
                           rightAligned: [1, 2, 3])
                let t = rows.reduce(into: (lines: 0, units: 0, orders: 0)) { $0.lines += $1.lines; $0.units += $1.units; $0.orders += $1.orders }
                print("total: \(t.lines) line(s), \(t.units) unit(s), \(t.orders) order(s)")
            }
        }
    }

    struct Shortage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per short item: backordered demand, free stock, open incoming, uncovered units, oldest wait, a purchase suggestion, supplier and lead time.",
            discussion: """
                The suggestion covers the uncovered units (backordered − free − incoming), is at least the item's minimum order
                quantity, and is rounded up to whole packs. Sorted by what hurts most: uncovered units, then the longest wait.
                `backorders purchase SKU…` turns suggestions into expected arrivals from each item's supplier.
                """)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput

        func run() throws {
            try perform {
                let today = Context.current().today
                let rows = try db.open(.readOnly).shortageReport(today: today)
                if output.json { return try printJSON(rows) }
                if output.csv { return printCSV(rows) }
                print("Shortage and reorder suggestion (as of \(today.iso))")
                guard !rows.isEmpty else { return print("no item has backordered demand") }
                printTable(["SKU", "ITEM", "BACKORD", "LINES", "FREE", "INCOMING", "UNCOVERED", "OLDEST", "MOQ", "PACK", "SUGGEST",
                            "SUPPLIER", "LEAD"],
                           rows.map { [$0.sku, $0.name, "\($0.backordered)", "\($0.waitingLines)", "\($0.free)", "\($0.incoming)",
                                       "\($0.uncovered)", $0.oldestAgeDays.map { "\($0)d" } ?? "", "\($0.minOrderQty)", "\($0.packSize)",
                                       $0.suggestedPurchase > 0 ? "\($0.suggestedPurchase) \($0.unit)" : "-",
                                       $0.supplier.isEmpty ? "-" : $0.supplier, $0.leadTimeDays.map { "\($0)d" } ?? "-"] },
                           rightAligned: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12])
            }
        }
    }

    struct Late: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Arrivals past their ETA and not fully received, with the orders waiting on each; each supplier's ETA record.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput
        @Flag(help: "With --csv: the per-supplier ETA record instead of the late arrivals.") var suppliers = false

        func run() throws {
            try perform {
                let today = Context.current().today
                let report = try db.open(.readOnly).lateArrivalsReport(today: today)
                if output.json { return try printJSON(report) }
                if output.csv { return suppliers ? printCSV(report.suppliers) : printCSV(report.arrivals) }
                print("Late arrivals (ETA before \(today.iso), not fully received)")
                if report.arrivals.isEmpty {
                    print("none")
                } else {
                    printTable(["ARRIVAL", "SUPPLIER", "SKU", "OUTSTANDING", "ETA", "LATE", "MOVED", "WAITING"],
                               report.arrivals.map { [$0.reference, $0.supplier, $0.sku, "\($0.outstanding)", $0.eta.iso, "\($0.daysLate)d",
                                                      $0.etaChanges > 0 ? "\($0.etaChanges)× \(signed($0.daysMoved))d" : "",
                                                      $0.waiting.isEmpty ? "nobody" : $0.waitingSummary] },
                               rightAligned: [3, 5])
                }
                print("")
                print("ETA record per supplier (moves: later positive)")
                if report.suppliers.isEmpty { return print("no arrivals") }
                printTable(["SUPPLIER", "ARRIVALS", "OPEN", "LATE", "MOVED", "CHANGES", "DAYS MOVED", "AVG/CHANGE", "LARGEST SLIP"],
                           report.suppliers.map { [$0.supplier, "\($0.arrivals)", "\($0.openArrivals)", "\($0.lateArrivals)", "\($0.movedArrivals)",
                                                   "\($0.etaChanges)", signed($0.daysMoved),
                                                   $0.averageDaysPerChange.map { signedDecimal($0) } ?? "", "\($0.largestSlipDays)d"] },
                           rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
            }
        }
    }

    struct Service: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Service level over a period: line and order fill rate, units backordered, average backorder wait; per customer and item.",
            discussion: """
                Line fill rate: of the lines whose first shipment fell in the period, the share that shipment carried whole.
                Order fill rate: the same for orders (every line whole in the order's first shipment). Units backordered: units
                that went onto backorder in the period. Average wait: for backordered lines completed by a shipment in the
                period, the days from the order date to that shipment. Days are UTC days.
                """)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput
        @Option(help: "First day of the period (default: 29 days before --to).") var from: String?
        @Option(help: "Last day of the period (default: today).") var to: String?

        func run() throws {
            try perform {
                let today = Context.current().today
                let end = try to.map { try parseDay($0, today: today, what: "--to") } ?? today
                let start = try from.map { try parseDay($0, today: today, what: "--from") } ?? end.adding(days: -29)
                let r = try db.open(.readOnly).serviceLevelReport(from: start, to: end)
                if output.json { return try printJSON(r) }
                if output.csv { return printCSV(r.allRows) }
                let t = r.total
                print("Service level \(r.from.iso) to \(r.to.iso)")
                print("  line fill rate:   " + fillRate(t.linesComplete, t.lines, t.lineFillRate, "lines"))
                print("  order fill rate:  " + fillRate(t.ordersComplete ?? 0, t.orders ?? 0, t.orderFillRate, "orders"))
                print("  units backordered: \(t.unitsBackordered)")
                print("  backorder wait:   " + (t.averageWaitDays.map { "\(ReportFormat.oneDecimal($0)) days on average over \(t.backordersShipped) line(s) shipped" }
                                                ?? "no backordered line was completed"))
                for (title, rows, orders) in [("per customer", r.customers, true), ("per item", r.items, false)] {
                    print("")
                    print(title)
                    if rows.isEmpty { print("  nothing in the period"); continue }
                    var headers = [title == "per customer" ? "CUSTOMER" : "SKU", "NAME", "LINES", "LINE FILL"]
                    if orders { headers += ["ORDERS", "ORDER FILL"] }
                    headers += ["BACKORDERED", "AVG WAIT"]
                    printTable(headers, rows.map { s in
                        var cells = [s.key, s.name, "\(s.lines)", s.lineFillRate.map { ReportFormat.percent($0) + "%" } ?? "-"]
                        if orders { cells += ["\(s.orders ?? 0)", s.orderFillRate.map { ReportFormat.percent($0) + "%" } ?? "-"] }
                        cells += ["\(s.unitsBackordered)", s.averageWaitDays.map { ReportFormat.oneDecimal($0) + "d" } ?? "-"]
                        return cells
                    }, rightAligned: orders ? [2, 3, 4, 5, 6, 7] : [2, 3, 4, 5])
                }
            }
        }

        func fillRate(_ complete: Int, _ of: Int, _ rate: Double?, _ what: String) -> String {
            guard let rate else { return "no \(what) shipped for the first time in the period" }
            return "\(ReportFormat.percent(rate))% (\(complete) of \(of) \(what) complete at their first shipment)"
        }
    }

    struct Backlog: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per customer: open backorder lines and units, the oldest wait, and the next promised date.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput

        func run() throws {
            try perform {
                let today = Context.current().today
                let rows = try db.open(.readOnly).backlogReport(today: today)
                if output.json { return try printJSON(rows) }
                if output.csv { return printCSV(rows) }
                print("Customer backlog (as of \(today.iso))")
                guard !rows.isEmpty else { return print("no customer waits for anything") }
                printTable(["CUSTOMER", "NAME", "ORDERS", "LINES", "UNITS", "OLDEST", "NEXT PROMISED", "NO DATE"],
                           rows.map { [$0.customerCode, $0.customerName, "\($0.orders)", "\($0.lines)", "\($0.units)", "\($0.oldestAgeDays)d",
                                       ($0.nextPromised?.iso ?? "-") + ($0.nextPromised.map { $0 < today ? " LATE" : "" } ?? ""),
                                       $0.unpromisedLines > 0 ? "\($0.unpromisedLines) line(s)" : ""] },
                           rightAligned: [2, 3, 4, 5])
            }
        }
    }
}

/// A horizontal bar of `value` against the largest value `max`, at most `width` blocks; a non-zero value shows at least one.
func bar(_ value: Int, of max: Int, width: Int) -> String {
    guard value > 0, max > 0 else { return "" }
    let blocks = Swift.max(1, (value * width + max / 2) / max)
    return String(repeating: "█", count: blocks)
}

func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
func signedDecimal(_ d: Double) -> String { (d > 0 ? "+" : "") + ReportFormat.oneDecimal(d) }

/// The backorder-lines table, shared by `list backorders` and the lines of an aging bucket.
func printBackorderTable(_ rows: [BackorderRow]) {
    printTable(["ORDER", "LINE", "DATE", "AGE", "P", "CUSTOMER", "SKU", "ITEM", "BACKORD", "PROMISED"],
               rows.map { [$0.orderNumber, "\($0.lineNo)", $0.orderDate.iso, "\($0.ageDays)d", "\($0.priority)", $0.customerName, $0.sku,
                           $0.itemName, "\($0.backordered)", ($0.promised?.iso ?? "no arrival planned") + ($0.late && $0.promised != nil ? " LATE" : "")] },
               rightAligned: [1, 3, 4, 8])
}

/// Prints typed rows as CSV; control characters stay as they are inside quoted fields, as CSV allows.
func printCSV<R: CSVRepresentable>(_ rows: [R]) {
    FileHandle.standardOutput.write(Data(CSVOutput.writer.document(rows).utf8))
}
