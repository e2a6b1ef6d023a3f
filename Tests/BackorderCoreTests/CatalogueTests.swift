import BackorderCore
import Foundation
import XCTest

final class CatalogueTests: XCTestCase {
    func testNumbersAndDaysAreWrittenInTheReadersLanguage() {
        XCTAssertEqual(Localizer.nb.number(1234), "1\u{00A0}234")
        XCTAssertEqual(Localizer.nb.number(-1_234_567), "-1\u{00A0}234\u{00A0}567")
        XCTAssertEqual(Localizer.nb.number(999), "999")
        XCTAssertEqual(Localizer.en.number(1234), "1234")
        XCTAssertEqual(Localizer.en.number(12345), "12,345")
        XCTAssertEqual(Localizer.nb.decimal(1234.5), "1\u{00A0}234,5")
        XCTAssertEqual(Localizer.en.decimal(-0.25, digits: 2), "-0.25")
        let day = Day(year: 2026, month: 12, day: 4)!
        XCTAssertEqual(Localizer.nb.day(day), "04.12.2026")
        XCTAssertEqual(Localizer.en.day(day), "2026-12-04")
    }

    func testTemplatesFillArgumentsPluralsAndNestedTexts() {
        enum T: String, Catalogued {
            case units, swapped
            var texts: (en: String, nb: String) {
                switch self {
                case .units: return ("{0} {0|unit|units} on {1}", "{0} {0|enhet|enheter} på {1}")
                case .swapped: return ("{0} before {1}", "{1} etter {0}")
                }
            }
        }
        XCTAssertEqual(Localizer.nb(T.units, 1, "SO-1"), "1 enhet på SO-1")
        XCTAssertEqual(Localizer.nb(T.units, 0, "SO-1"), "0 enheter på SO-1")
        XCTAssertEqual(Localizer.en(T.units, 2000, "SO-1"), "2000 units on SO-1")
        XCTAssertEqual(Localizer.nb(T.swapped, "a", "b"), "b etter a")
        let nested = LocalText.t(T.units, 3, LocalText.t(T.swapped, "x", "y"))
        XCTAssertEqual(nested.text(.nb), "3 enheter på y etter x")
        XCTAssertEqual(nested.text(.en), "3 units on x before y")
    }

    func testTheLanguageComesFromTheFlagTheVariableOrTheLocale() throws {
        XCTAssertEqual(try Language.resolve(flag: "nb", environment: ["LANG": "en_US.UTF-8"]), .nb)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["BACKORDERS_LANG": "en", "LANG": "nb_NO.UTF-8"]), .en)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LANG": "nb_NO.UTF-8"]), .nb)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LANG": "nn_NO.UTF-8"]), .nb)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "nb_NO.UTF-8"]), .en)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LC_MESSAGES": "no_NO", "LANG": "C"]), .nb)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: [:]), .en)
        XCTAssertThrowsError(try Language.resolve(flag: "sv", environment: [:]))
        XCTAssertThrowsError(try Language.resolve(flag: nil, environment: ["BACKORDERS_LANG": "klingon"]))
        XCTAssertEqual(Language.flag(in: ["list", "--lang", "nb"]), "nb")
        XCTAssertEqual(Language.flag(in: ["--lang=en", "list"]), "en")
        XCTAssertNil(Language.flag(in: ["list", "--", "--lang", "nb"]))
    }

    func testACatalogueWithAMissingPlaceholderOrAnUntranslatedTextIsFound() {
        enum Bad: String, Catalogued {
            case lost, copied, fine
            var texts: (en: String, nb: String) {
                switch self {
                case .lost: return ("{0} units of {1}", "{0} enheter")
                case .copied: return ("Orders waiting", "Orders waiting")
                case .fine: return ("Orders", "Ordrer")
                }
            }
        }
        let problems = Catalogue.problems(Bad.self)
        XCTAssertEqual(problems.count, 2, problems.joined(separator: "\n"))
        XCTAssertTrue(problems[0].contains("lost"))
        XCTAssertTrue(problems[1].contains("copied"))
        XCTAssertEqual(Catalogue.problems(CoreText.self), [])
    }

    func testBackorderErrorsAreWordedInTheReadersLanguage() {
        let e = BackorderError.invalid(.t(CoreText.unknownLanguage, "xx"))
        XCTAssertTrue(e.message(.nb).hasPrefix("ukjent språk"))
        XCTAssertTrue(e.message(.en).hasPrefix("unknown language"))
    }

    /// Every string a person reads comes from a catalogue: a literal that reads like prose, outside a catalogue,
    /// in a file that has been moved to the catalogue, fails this test, with its place.
    func testNoProseIsWrittenOutsideTheCatalogues() throws {
        let offenders = try ProseScan.offenders(in: ProseScan.translated)
        XCTAssertTrue(offenders.isEmpty, "prose outside the catalogues (move it to a *Text catalogue, or mark a line `// not prose: why`):\n"
                      + offenders.prefix(60).joined(separator: "\n") + (offenders.count > 60 ? "\n… \(offenders.count - 60) more" : ""))
    }

    func testTheProseScanFindsProse() throws {
        let found = ProseScan.offenders(source: """
            let a = "SELECT id FROM orders WHERE x = 1"
            // "a comment that reads like prose"
            throw BackorderError.refused("the order is closed")
            let b = "\\(n) units"
            let c = "Orders"
            """, name: "Example.swift")
        XCTAssertEqual(found, ["Example.swift:3: throw BackorderError.refused(\"the order is closed\")"])
    }
}

/// Finds string literals that read like prose (two lowercase words in a row) in source files.
enum ProseScan {
    /// Folders and files under Sources/ whose texts have moved to a catalogue; the scan holds them there.
    /// Add a module (or a file) here when its strings are in a catalogue.
    static let translated: [String] = [
        "BackorderCore/Localization",
        "BackorderTUI/Localization",
        "BackorderTUI/DialogView.swift",
        "BackorderTUI/CorrectionView.swift",
        "BackorderTUI/CorrectionState.swift",
        "BackorderTUI/CorrectionReducer.swift",
        "BackorderTUI/NewOrderReducer.swift",
        "BackorderTUI/NewOrderState.swift",
        "BackorderTUI/SupervisorReducer.swift",
        "BackorderTUI/SupervisorState.swift",
        "BackorderTUI/SupervisorViews.swift",
        "backorders/Localization",
        "backorders/Backorders.swift", "backorders/BackupCommands.swift", "backorders/Commands.swift", "backorders/Demo.swift",
        "backorders/Exceptions.swift", "backorders/Lists.swift", "backorders/Purchasing.swift", "backorders/Reports.swift",
        "backorders/Stress.swift", "backorders/Support.swift", "backorders/UICommand.swift",
        "NcursesBackend/Terminal.swift",
        "BackorderCore/Papers.swift", "BackorderCore/PaperLayout.swift", "BackorderStore/Papers.swift", "backorders/Papers.swift",
        "BackorderStore/Search.swift", "BackorderStore/Localization/SearchText.swift",
        "BackorderTUI/PapersReducer.swift",
        "BackorderTUI/Keymap.swift",
        "BackorderTUI/Reducer.swift", "BackorderTUI/PaneReducer.swift", "BackorderTUI/FilterReducer.swift",
        "BackorderTUI/OrderActionReducer.swift", "BackorderTUI/DialogReducer.swift",
        "BackorderTUI/Texts.swift",
        "BackorderTUI/Views.swift",
        "BackorderTUI/Columns.swift",
        "BackorderTUI/App.swift",
        "BackorderTUI/AppState.swift",
        "BackorderTUI/Layout.swift",
        "BackorderTUI/Actions.swift",
        "BackorderTUI/CustomerDialog.swift",
        // CSV in and out (import, --csv-dialect, the UI's export).
        "BackorderExchange", "BackorderStore/Import.swift", "BackorderCore/CSVText.swift", "BackorderCore/Folding.swift",
        "BackorderCore/Import.swift", "backorders/Import.swift", "backorders/ImportCommandText.swift", "backorders/CSVOutput.swift",
        "BackorderTUI/Export.swift",
        // The server's commands that once worked on a file only.
        "BackorderCore/MasterData.swift", "BackorderCore/ImportRun.swift", "BackorderStorePostgres/PostgresMasterData.swift",
        "BackorderStorePostgres/PostgresImport.swift", "BackorderStorePostgres/HeldTransaction.swift",
        "BackorderStorePostgres/ServerCommandsText.swift", "BackorderCore/NoticeMailRun.swift",
        "BackorderStorePostgres/PostgresNoticeMail.swift", "BackorderStorePostgres/PostgresDemoTarget.swift",
        "BackorderCore/Corrections.swift",
        "BackorderCore/Errors.swift",
        "BackorderCore/Explanation.swift",
        "BackorderCore/ListSort.swift",
        "BackorderCore/ListOrdering.swift", "BackorderCore/DeliveryNoteRequest.swift",
        "BackorderCore/Purchasing.swift",
        "BackorderCore/Rules.swift",
        "BackorderCore/Script.swift",
        "BackorderCore/Operations.swift",
        "BackorderStore/Localization",
        "BackorderStore/Backup.swift",
        "BackorderStore/Check.swift",
        "BackorderCore/CheckRules.swift", "BackorderCore/TableRules.swift", "BackorderCore/StockRules.swift", "BackorderCore/CheckKeys.swift",
        "BackorderStore/CheckPasses.swift",
        "BackorderStore/Checkpointer.swift",
        "BackorderStore/Corrections.swift",
        "BackorderStore/Counters.swift",
        "BackorderStore/Explanations.swift",
        "BackorderStore/Generator.swift",
        "BackorderStore/Demo",
        "BackorderStore/JSONArgument.swift",
        "BackorderStore/Operations.swift",
        "BackorderStore/OrderDesk.swift",
        "BackorderStore/Pegging.swift",
        "BackorderStore/Purchasing.swift",
        "BackorderStore/Queries.swift", "BackorderStore/RowDecoding.swift", "BackorderStore/ListFilters.swift", "BackorderStore/RowCounts.swift",
        "BackorderStore/Reports.swift",
        "BackorderStore/Schema.swift",
        "BackorderStore/ScriptRunner.swift",
        "BackorderStore/Sessions.swift",
        "BackorderStore/Sorting.swift",
        "BackorderStore/Transaction.swift",
        "BackorderStore/Warehouse.swift",
        "BackorderCore/Customers.swift",
        "BackorderCore/MailMessage.swift",
        "BackorderCore/Notices.swift",
        "BackorderCore/ReadModels.swift",
        "BackorderStore/Customers.swift",
        "BackorderStore/NoticeMailer.swift",
        "BackorderTUI/NoticeMail.swift",
        "backorders/NoticesCommand.swift",
        // The journal of customers' details.
        "BackorderCore/CustomerJournal.swift", "backorders/CustomerHistory.swift",
        // The PostgreSQL store and `backorders db`.
        "BackorderStorePostgres", "backorders/DatabaseCommand.swift",
        // `backorders copy`.
        "BackorderCore/TableCopy.swift", "BackorderStore/TableCopy.swift", "backorders/CopyCommand.swift",
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    static func offenders(in places: [String]) throws -> [String] {
        var out: [String] = []
        for place in places {
            let url = sources.appendingPathComponent(place)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { out.append("\(place): no such file or folder"); continue }
            let files: [URL]
            if isDir.boolValue {
                files = (FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
                    .filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
            } else {
                files = [url]
            }
            for f in files {
                let text = try String(contentsOf: f, encoding: .utf8)
                // A catalogue holds the prose by design.
                if text.contains(": Catalogued") || text.contains(", Catalogued") { continue }
                out += offenders(source: text, name: String(f.path.dropFirst(sources.path.count + 1)))
            }
        }
        return out
    }

    static let sqlWords = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", " WHERE ", " FROM ", "PRAGMA ", " JOIN ", "ALTER ", "DROP ",
                           " ORDER BY", " VALUES", " NOT NULL", "PRIMARY KEY", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE ",
                           "DECLARE ", "PERFORM ", "RAISE "]

    static func offenders(source: String, name: String) -> [String] {
        var out: [String] = []
        var inBlock = false
        for (i, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.contains("\"\"\"") {
                let count = line.components(separatedBy: "\"\"\"").count - 1
                if count % 2 == 1 { inBlock.toggle() }
                continue
            }
            // An SQL comment (`--`) inside a query is never shown to a person.
            if line.hasPrefix("//") || line.hasPrefix("///") || line.hasPrefix("*") || line.hasPrefix("--") { continue }
            if line.contains("// not prose") { continue }
            if sqlWords.contains(where: { (" " + line).contains($0) }) { continue }
            if line.contains("fatalError(") || line.contains("precondition") || line.contains("assert") { continue }
            let literals: [String]
            if inBlock { literals = [line] } else { literals = stringLiterals(line) }
            if literals.contains(where: readsLikeProse) { out.append("\(name):\(i + 1): \(line)") }
        }
        return out
    }

    /// The literals on one line, interpolations removed.
    static func stringLiterals(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inside = false
        var depth = 0
        var chars = Array(line)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if !inside {
                if c == "/" && chars.first == "/" { break }
                if c == "\"" { inside = true; current = "" }
                continue
            }
            if depth > 0 {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                continue
            }
            if c == "\\" {
                if chars.first == "(" { depth = 1; chars = chars.dropFirst(); current += " " } else { chars = chars.dropFirst() }
                continue
            }
            if c == "\"" { inside = false; out.append(current); continue }
            current.append(c)
        }
        return out
    }

    /// Two lowercase words of two letters or more in a row, separated by a space: "is closed", "units of".
    static func readsLikeProse(_ s: String) -> Bool {
        let words = s.split(whereSeparator: { $0 == " " })
        var previous = false
        for w in words {
            let letters = w.trimmingCharacters(in: CharacterSet.punctuationCharacters)
            let isWord = letters.count >= 2 && letters.allSatisfy({ $0.isLetter }) && letters.first!.isLowercase
            if isWord && previous { return true }
            previous = isWord
        }
        return false
    }
}
