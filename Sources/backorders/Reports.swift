import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// How a report is printed: a text table (default), JSON, or CSV.
struct ReportOutput: ParsableArguments {
    @Flag(help: OptionText.json.help) var json = false
    @Flag(help: OptionText.csv.help) var csv = false
    @OptionGroup var dialect: CSVDialectOption

    func validate() throws {
        guard !(json && csv) else { throw ValidationError(Localizer.process(CLIText.jsonOrCSV)) }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.report.text,
        subcommands: [Aging.self, Shortage.self, Late.self, Service.self, Backlog.self])

    struct Aging: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.reportAging.text, discussion: HelpText.reportAgingDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput
        @Option(help: OptionText.bucket.help) var bucket: String?
        @Option(parsing: .unconditional, help: OptionText.bucketLimit.help) var limit = 1000

        func validate() throws {
            try requireNonNegative(("--limit", limit))
        }

        func run() throws {
            try perform {
                let today = Context.current().today
                let w = try db.service(.readOnly)
                let tr = Localizer.process
                if let bucket {
                    guard let b = AgeBucket(argument: bucket) else {
                        throw BackorderError.invalid(.t(CLIText.notABucket, bucket, AgeBucket.allCases.map(\.rawValue).joined(separator: ", ")))
                    }
                    let rows = try w.backorderLines(in: b, Page(limit: limit), today: today)
                    if output.json { return try printJSON(rows) }
                    if output.csv { return printCSV(rows) }
                    print(tr(CLIText.agingBucketTitle, bucketName(b), today))
                    return printBackorderTable(rows)
                }
                let rows = try w.agingReport(today: today)
                if output.json { return try printJSON(rows) }
                if output.csv { return printCSV(rows) }
                print(tr(CLIText.agingTitle, today))
                let widest = rows.map(\.units).max() ?? 0
                printTable(headers(.age, .lines, .units, .orders) + [""],
                           rows.map { [bucketName($0.bucket), tr.number($0.lines), tr.number($0.units), tr.number($0.orders), bar($0.units, of: widest, width: 40)] },
                           rightAligned: [1, 2, 3])
                let t = rows.reduce(into: (lines: 0, units: 0, orders: 0)) { $0.lines += $1.lines; $0.units += $1.units; $0.orders += $1.orders }
                print(tr(CLIText.agingTotal, t.lines, t.units, t.orders))
            }
        }
    }

    struct Shortage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.reportShortage.text, discussion: HelpText.reportShortageDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput

        func run() throws {
            try perform {
                let today = Context.current().today
                let rows = try db.service(.readOnly).shortageReport(today: today)
                if output.json { return try printJSON(rows) }
                if output.csv { return printCSV(rows) }
                let tr = Localizer.process
                print(tr(CLIText.shortageTitle, today))
                guard !rows.isEmpty else { return print(tr(CLIText.noShortage)) }
                printTable(headers(.sku, .item, .backord, .lines, .free, .incoming, .uncovered, .oldest, .moq, .pack, .suggest, .supplier, .lead),
                           rows.map { [$0.sku, $0.name, tr.number($0.backordered), tr.number($0.waitingLines), tr.number($0.free), tr.number($0.incoming),
                                       tr.number($0.uncovered), $0.oldestAgeDays.map { tr(ColumnText.days, $0) } ?? "", tr.number($0.minOrderQty),
                                       tr.number($0.packSize), $0.suggestedPurchase > 0 ? "\(tr.number($0.suggestedPurchase)) \($0.unit)" : "-",
                                       $0.supplier.isEmpty ? "-" : $0.supplier, $0.leadTimeDays.map { tr(ColumnText.days, $0) } ?? "-"] },
                           rightAligned: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12])
            }
        }
    }

    struct Late: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.reportLate.text)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput
        @Flag(help: OptionText.lateSuppliers.help) var suppliers = false

        func run() throws {
            try perform {
                let today = Context.current().today
                let report = try db.service(.readOnly).lateArrivalsReport(today: today)
                if output.json { return try printJSON(report) }
                if output.csv { return suppliers ? printCSV(report.suppliers) : printCSV(report.arrivals) }
                let tr = Localizer.process
                print(tr(CLIText.lateTitle, today))
                if report.arrivals.isEmpty {
                    print(tr(CLIText.none))
                } else {
                    printTable(headers(.arrival, .supplier, .sku, .outstanding, .eta, .late, .moved, .waiting),
                               report.arrivals.map { [$0.reference, $0.supplier, $0.sku, tr.number($0.outstanding), tr.day($0.eta), tr(ColumnText.days, $0.daysLate),
                                                      $0.etaChanges > 0 ? tr(ColumnText.moves, $0.etaChanges, signed($0.daysMoved)) : "",
                                                      $0.waiting.isEmpty ? tr(ColumnText.nobody) : $0.waitingSummary] },
                               rightAligned: [3, 5])
                }
                print("")
                print(tr(CLIText.supplierRecordTitle))
                if report.suppliers.isEmpty { return print(tr(CLIText.noArrivals)) }
                printTable(headers(.supplier, .arrivals, .open, .late, .moved, .changes, .daysMoved, .avgChange, .largestSlip),
                           report.suppliers.map { [$0.supplier, tr.number($0.arrivals), tr.number($0.openArrivals), tr.number($0.lateArrivals),
                                                   tr.number($0.movedArrivals), tr.number($0.etaChanges), signed($0.daysMoved),
                                                   $0.averageDaysPerChange.map { signedDecimal($0) } ?? "", tr(ColumnText.days, $0.largestSlipDays)] },
                           rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
            }
        }
    }

    struct Service: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.reportService.text, discussion: HelpText.reportServiceDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput
        @Option(help: OptionText.serviceFrom.help) var from: String?
        @Option(help: OptionText.serviceTo.help) var to: String?

        func run() throws {
            try perform {
                let today = Context.current().today
                let end = try to.map { try parseDay($0, today: today, what: "--to") } ?? today
                let start = try from.map { try parseDay($0, today: today, what: "--from") } ?? end.adding(days: -29)
                let r = try db.service(.readOnly).serviceLevelReport(from: start, to: end)
                if output.json { return try printJSON(r) }
                if output.csv { return printCSV(r.allRows) }
                let t = r.total
                let tr = Localizer.process
                print(tr(CLIText.serviceTitle, r.from, r.to))
                print(t.lineFillRate.map { tr(CLIText.lineFillRate, percent($0), t.linesComplete, t.lines) } ?? tr(CLIText.lineFillNone))
                print(t.orderFillRate.map { tr(CLIText.orderFillRate, percent($0), t.ordersComplete ?? 0, t.orders ?? 0) } ?? tr(CLIText.orderFillNone))
                print(tr(CLIText.unitsBackordered, t.unitsBackordered))
                print(t.averageWaitDays.map { tr(CLIText.averageWait, tr.decimal($0), t.backordersShipped) } ?? tr(CLIText.noWaitCompleted))
                for (perCustomer, rows) in [(true, r.customers), (false, r.items)] {
                    print("")
                    print(tr(perCustomer ? CLIText.perCustomer : CLIText.perItem))
                    if rows.isEmpty { print(tr(CLIText.nothingInPeriod)); continue }
                    var keys: [ColumnText] = [perCustomer ? .customer : .sku, .name, .lines, .lineFill]
                    if perCustomer { keys += [.orders, .orderFill] }
                    keys += [.backordered, .avgWait]
                    printTable(keys.map { tr($0) }, rows.map { s in
                        var cells = [s.key, s.name, tr.number(s.lines), s.lineFillRate.map(percent) ?? "-"]
                        if perCustomer { cells += [tr.number(s.orders ?? 0), s.orderFillRate.map(percent) ?? "-"] }
                        cells += [tr.number(s.unitsBackordered), s.averageWaitDays.map { tr(ColumnText.decimalDays, tr.decimal($0)) } ?? "-"]
                        return cells
                    }, rightAligned: perCustomer ? [2, 3, 4, 5, 6, 7] : [2, 3, 4, 5])
                }
            }
        }
    }

    struct Backlog: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.reportBacklog.text)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var output: ReportOutput

        func run() throws {
            try perform {
                let today = Context.current().today
                let rows = try db.service(.readOnly).backlogReport(today: today)
                if output.json { return try printJSON(rows) }
                if output.csv { return printCSV(rows) }
                let tr = Localizer.process
                print(tr(CLIText.backlogTitle, today))
                guard !rows.isEmpty else { return print(tr(CLIText.noBacklog)) }
                printTable(headers(.customer, .name, .orders, .lines, .units, .oldest, .nextPromised, .noDate),
                           rows.map { [$0.customerCode, $0.customerName, tr.number($0.orders), tr.number($0.lines), tr.number($0.units),
                                       tr(ColumnText.days, $0.oldestAgeDays),
                                       ($0.nextPromised.map(tr.day) ?? "-") + ($0.nextPromised.map { $0 < today ? tr(ColumnText.lateSuffix) : "" } ?? ""),
                                       $0.unpromisedLines > 0 ? tr(ColumnText.linesCount, $0.unpromisedLines) : ""] },
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
func signedDecimal(_ d: Double) -> String { (d > 0 ? "+" : "") + Localizer.process.decimal(d) }

/// A ratio as a percentage with one decimal, in the reader's language: `87.5%`, `87,5 %`.
func percent(_ ratio: Double) -> String { Localizer.process(ColumnText.percent, Localizer.process.decimal(ratio * 100)) }

/// The backorder-lines table, shared by `list backorders` and the lines of an aging bucket.
func printBackorderTable(_ rows: [BackorderRow]) {
    let tr = Localizer.process
    printTable(headers(.order, .line, .date, .age, .p, .customer, .sku, .item, .backord, .promised),
               rows.map { [$0.orderNumber, "\($0.lineNo)", tr.day($0.orderDate), tr(ColumnText.days, $0.ageDays), "\($0.priority)", $0.customerName, $0.sku,
                           $0.itemName, tr.number($0.backordered),
                           ($0.promised.map(tr.day) ?? tr(ColumnText.noArrivalPlanned)) + ($0.late && $0.promised != nil ? tr(ColumnText.lateSuffix) : "")] },
               rightAligned: [1, 3, 4, 8])
}

/// Prints typed rows as CSV; control characters stay as they are inside quoted fields, as CSV allows.
func printCSV<R: CSVRepresentable>(_ rows: [R]) {
    FileHandle.standardOutput.write(Data(CSVOutput.writer.document(rows).utf8))
}
