import ArgumentParser
import BackorderCore
import BackorderExchange
import BackorderStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CSV file of items, stock counts, customers, orders or arrivals: all of it, or nothing.",
        discussion: """
            Columns are matched by header name (any case, any order); required columns first, [optional] after:
              items      sku,name[,unit,bin,stock,moq,pack,supplier,lead_time]
                                                              new items get `stock` as opening stock; existing ones are updated
              customers  code,name                            new customers are added; a changed name is updated
              stock      sku,counted                          a stock count: journaled adjustments; found stock goes to backorders
              orders     order,customer,sku,qty[,date,priority,policy,line]   one row per line, grouped by order number
              arrivals   po,line,sku,qty,eta,supplier
            Separator `,` or `;`, RFC 4180 quoting, UTF-8 with or without BOM, CRLF or LF; quantities may be written
            12,0 or 12.0 but must be whole. Orders (by number) and arrivals (by PO and line) already there with the same
            content are left unchanged, so importing a file twice changes nothing; with other content they are refused.
            Every problem is listed as FILE:LINE: column: reason (the first 100) and then nothing is changed (exit 1).
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "items, stock, customers, orders or arrivals.") var kind: String
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Show what would be created and changed, and change nothing.") var dryRun = false
    @Flag(help: "Print the outcome as JSON.") var json = false

    func run() throws {
        try perform {
            guard let kind = ImportKind(rawValue: kind.lowercased()) else {
                throw BackorderError.invalid("\"\(kind)\" is not something to import: use " + ImportKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw BackorderError.invalid("cannot read \(file)")
            }
            let summary: ImportSummary
            switch ImportReader.read(kind, data: data, file: file) {
            case .failure(let failure):
                summary = ImportSummary(file: file, kind: kind, dryRun: dryRun, actions: [], problems: failure.problems)
            case .success(let batch):
                summary = try db.open().apply(batch, dryRun: dryRun, ctx: .current())
            }
            if json { try printJSON(summary) }
            if summary.refused {
                var lines = summary.problems.map { visible($0.description) }
                if summary.problemCount > summary.problems.count {
                    lines.append("… and \(summary.problemCount - summary.problems.count) more problem(s)")
                }
                lines.append("backorders: \(file) was not imported: \(summary.problemCount) problem(s); nothing was changed")
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(Exit.refused)
            }
            if !json { report(summary) }
        }
    }

    /// What happened (or would), in a line or two; a dry run lists every record it would create or change.
    func report(_ s: ImportSummary) {
        let noun = s.kind == .stock ? "stock counts" : s.kind.rawValue
        if s.changesNothing {
            print("\(s.dryRun ? "dry run: " : "")\(s.file): nothing to change; all \(s.unchanged) \(noun) are as the file says"
                  + (s.dryRun ? "" : " (already imported)"))
            return
        }
        let counts = "\(s.created) created, \(s.updated) changed, \(s.unchanged) unchanged"
        if s.dryRun {
            print("dry run: \(s.file) would give \(counts) \(noun); nothing was changed")
            for a in s.actions where a.change != .unchanged {
                print("  " + (a.change == .created ? "create" : "change") + " \(visible(a.key))" + (a.detail.isEmpty ? "" : ": \(visible(a.detail))"))
            }
        } else {
            print("imported \(s.file): \(counts) \(noun)")
        }
    }
}
