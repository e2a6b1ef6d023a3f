import ArgumentParser
import BackorderCore
import BackorderExchange
import BackorderStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Localizer.process(ImportCommandText.abstract),
        discussion: Localizer.process(ImportCommandText.discussion))
    @OptionGroup var db: DatabaseOptions
    @Argument(help: ArgumentHelp(Localizer.process(ImportCommandText.kindHelp))) var kind: String
    @Argument(help: ArgumentHelp(Localizer.process(ImportCommandText.fileHelp))) var file: String
    @Option(name: .long, help: ArgumentHelp(Localizer.process(ImportCommandText.mapHelp), valueName: "Header=column,..."))
    var map: [String] = []
    @Option(name: .customLong("map-file"), help: ArgumentHelp(Localizer.process(ImportCommandText.mapFileHelp), valueName: "file"))
    var mapFile: [String] = []
    @Flag(help: ArgumentHelp(Localizer.process(ImportCommandText.dryRunHelp))) var dryRun = false
    @Flag(help: ArgumentHelp(Localizer.process(ImportCommandText.jsonHelp))) var json = false

    func run() throws {
        try perform {
            let tr = Localizer.process
            guard let kind = ImportKind(named: kind) else {
                throw BackorderError.invalid(.t(ImportText.notAKind, kind, ImportKind.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            // The mapping file first, then --map: what is typed on the command line is the latest word.
            var headers = HeaderMap()
            for path in mapFile {
                guard let data = FileManager.default.contents(atPath: path) else { throw BackorderError.invalid(.t(ImportText.mapFileUnreadable, path)) }
                try headers.add(file: String(decoding: data, as: UTF8.self), name: path, kind: kind)
            }
            for option in map { try headers.add(option: option, kind: kind) }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw BackorderError.invalid(.t(ImportText.cannotRead, file))
            }
            let summary: ImportSummary
            switch ImportReader.read(kind, data: data, file: file, map: headers, tr: tr) {
            case .failure(let failure):
                summary = ImportSummary(file: file, kind: kind, dryRun: dryRun, actions: [], problems: failure.problems)
            case .success(let batch):
                summary = try db.service().apply(batch, dryRun: dryRun, ctx: .current(), tr: tr)
            }
            if json { try printJSON(summary) }
            if summary.refused {
                var lines = summary.problems.map { visible($0.description) }
                if summary.problemCount > summary.problems.count {
                    lines.append(tr(ImportText.moreProblems, summary.problemCount - summary.problems.count))
                }
                lines.append("backorders: " + tr(ImportText.notImported, file, summary.problemCount))
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(Exit.refused)
            }
            if !json { report(summary, tr) }
        }
    }

    /// What happened (or would), in a line or two; a dry run lists every record it would create or change.
    func report(_ s: ImportSummary, _ tr: Localizer) {
        let noun = tr(s.kind.noun)
        if s.changesNothing {
            print((s.dryRun ? tr(ImportText.dryRunPrefix) : "") + tr(ImportText.nothingToChange, s.file, s.unchanged, noun)
                  + (s.dryRun ? "" : tr(ImportText.alreadyImported)))
            return
        }
        let counts = tr(ImportText.counts, s.created, s.updated, s.unchanged)
        if s.dryRun {
            print(tr(ImportText.dryRunWouldGive, s.file, counts, noun))
            for a in s.actions where a.change != .unchanged {
                print("  " + tr(a.change == .created ? ImportText.create : ImportText.change) + " \(visible(a.key))"
                      + (a.detail.isEmpty ? "" : ": \(visible(a.detail))"))
            }
        } else {
            print(tr(ImportText.imported, s.file, counts, noun))
        }
    }
}

extension ImportKind {
    /// The kind a command line names, in English or Norwegian (`orders`, `ordrer`, `Kunder`…).
    init?(named text: String) {
        switch Folding.key(text) {
        case "items", "varer", "vare": self = .items
        case "stock", "telling", "varetelling", "lager": self = .stock
        case "customers", "kunder", "kunde": self = .customers
        case "orders", "ordrer", "ordre": self = .orders
        case "arrivals", "ankomster", "innkjop", "innkjopsordrer": self = .arrivals
        default: return nil
        }
    }
}
