import BackorderCore
import Foundation
import TestSupport
import XCTest

@testable import backorders

/// The command-line tool in Norwegian and in English: chosen by `--lang`, `BACKORDERS_LANG` or the locale, for lists,
/// refusals and `--help`, while `--json` stays the same byte for byte and exit codes never change.
final class LanguageCLITests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let today = "2026-11-25"

    /// Only the language variables of a test's choosing: the test machine's own locale must not decide.
    static let neutral = ["LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "BACKORDERS_LANG": ""]

    private var dir: URL!
    private var db: String { dir.appendingPathComponent("sample.sqlite").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = try run(["sample", "--db", db, "--from", Self.packageRoot.appendingPathComponent("sample-data/warehouse.txt").path,
                         "--today", Self.today])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    private func run(_ args: [String], _ env: [String: String] = [:]) throws -> RunResult {
        try runCLI(args, db: nil, today: Self.today, extraEnv: Self.neutral.merging(env) { $1 })
    }

    /// The first four words of the first line: a table's first headings.
    private func firstWords(_ text: String) -> [String] {
        Array((text.split(separator: "\n").first ?? "").split(separator: " ").prefix(4).map(String.init))
    }

    // MARK: the catalogues

    func testTheCLICataloguesAreCompleteInBothLanguages() {
        XCTAssertEqual(Catalogue.problems(HelpText.self), [])
        XCTAssertEqual(Catalogue.problems(OptionText.self), [])
        XCTAssertEqual(Catalogue.problems(CLIText.self), [])
        XCTAssertEqual(Catalogue.problems(ColumnText.self), [])
    }

    func testLangIsTakenOutOfTheCommandLineUpToADoubleDash() {
        XCTAssertEqual(Language.removingFlag(from: ["list", "--lang", "nb", "orders"]), ["list", "orders"])
        XCTAssertEqual(Language.removingFlag(from: ["--lang=en", "who"]), ["who"])
        XCTAssertEqual(Language.removingFlag(from: ["order", "create", "--", "--lang", "nb"]), ["order", "create", "--", "--lang", "nb"])
        XCTAssertEqual(Language.removingFlag(from: ["list", "--lang"]), ["list", "--lang"], "a --lang without a value is the parser's to refuse")
    }

    // MARK: Norwegian by each route

    func testAListIsNorwegianWithLangNb() throws {
        let r = try run(["list", "orders", "--db", db, "--lang", "nb"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let header = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        for word in ["ORDRE", "DATO", "KUNDE", "LEVERING", "LINJER", "BESTILT", "RESERV.", "PLUKKET", "SENDT", "RESTORD."] {
            XCTAssertTrue(header.contains(word), "\(word) missing from \(header)")
        }
        XCTAssertTrue(r.stdout.contains("SO-000011  12.10.2026"), "days as dd.mm.yyyy:\n\(r.stdout)")
        XCTAssertTrue(r.stdout.contains("delvis"), r.stdout)
        XCTAssertFalse(r.stdout.contains("partial"), r.stdout)
    }

    func testAListIsNorwegianWithTheLocale() throws {
        let r = try run(["list", "backorders", "--db", db], ["LANG": "nb_NO.UTF-8"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(firstWords(r.stdout), ["ORDRE", "LINJE", "DATO", "ALDER"], r.stdout)
        XCTAssertTrue(r.stdout.contains("ingen ankomst planlagt"), r.stdout)
        XCTAssertTrue(r.stdout.contains(" d  "), "ages in days, Norwegian style:\n\(r.stdout)")
        // LC_ALL outranks LANG, as POSIX says.
        let english = try run(["list", "backorders", "--db", db], ["LANG": "nb_NO.UTF-8", "LC_ALL": "C.UTF-8"])
        XCTAssertEqual(firstWords(english.stdout), ["ORDER", "LINE", "DATE", "AGE"], english.stdout)
    }

    func testAReportIsNorwegianWithBackordersLang() throws {
        let r = try run(["report", "service", "--db", db], ["BACKORDERS_LANG": "nb"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Leveringsgrad 27.10.2026 til 25.11.2026"), r.stdout)
        XCTAssertTrue(r.stdout.contains("73,1 % (19 av 26 linjer komplett ved første forsendelse)"), "decimal comma:\n\(r.stdout)")
        XCTAssertTrue(r.stdout.contains("per kunde"), r.stdout)
        // The flag outranks the variable.
        let english = try run(["report", "service", "--db", db, "--lang", "en"], ["BACKORDERS_LANG": "nb"])
        XCTAssertTrue(english.stdout.contains("73.1% (19 of 26 lines complete at their first shipment)"), english.stdout)
    }

    /// A refusal is worded in the language and keeps its exit code.
    func testARefusalIsNorwegianAndKeepsItsExitCode() throws {
        for env in [["BACKORDERS_LANG": "nb"], ["LANG": "nb_NO.UTF-8"]] {
            let r = try run(["init", "--db", db], env)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertEqual(r.stderr, "backorders: \(db) finnes allerede; ingenting ble endret\n")
            XCTAssertEqual(r.stdout, "")
        }
        let english = try run(["init", "--db", db])
        XCTAssertEqual(english.status, 1)
        XCTAssertEqual(english.stderr, "backorders: \(db) exists already; nothing was changed\n")

        let usage = try run(["order", "create", "--customer", "NORDBYGG", "FS-1002", "--db", db, "--lang", "nb"])
        XCTAssertEqual(usage.status, 64, usage.stderr)
        XCTAssertTrue(usage.stderr.contains("linjen «FS-1002» er ikke VARENR=ANTALL"), usage.stderr)
        let validation = try run(["list", "orders", "--limit", "-1", "--db", db, "--lang", "nb"])
        XCTAssertEqual(validation.status, 64, validation.stderr)
        XCTAssertTrue(validation.stderr.contains("--limit og --offset kan ikke være negative"), validation.stderr)
    }

    /// `backorders status` says what the customer should be told; its words come from the core's customer status.
    func testAStatusIsNorwegian() throws {
        let r = try run(["status", "SO-000028", "--db", db, "--lang", "nb"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Sendt så langt"), r.stdout)
        XCTAssertTrue(r.stdout.contains("SH-000029"), r.stdout)
        XCTAssertTrue(r.stdout.contains("16.11.2026"), "days as dd.mm.yyyy:\n\(r.stdout)")
        // The status is for the customer: NORDBYGG reads Norwegian, whatever language the clerk's command speaks.
        let en = try run(["status", "SO-000028", "--db", db, "--lang", "en"])
        XCTAssertEqual(en.stdout, r.stdout)
    }

    // MARK: help

    func testHelpIsNorwegian() throws {
        let root = try run(["--lang", "nb", "--help"])
        XCTAssertEqual(root.status, 0, root.stderr)
        XCTAssertTrue(root.stdout.contains("Restordrer for et lager"), root.stdout)
        XCTAssertTrue(root.stdout.contains("Bekreft plukket antall."), root.stdout)
        XCTAssertTrue(root.stdout.contains("Bokfør et varemottak"), root.stdout)

        let list = try run(["list", "orders", "--help"], ["LANG": "nb_NO.UTF-8"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("Åpne ordrer, eldste først."), list.stdout)
        XCTAssertTrue(list.stdout.contains("Skriv JSON i stedet for en tabell."), list.stdout)
        XCTAssertTrue(list.stdout.contains("--sort tar en av:"), list.stdout)

        let receive = try run(["receive", "--help"], ["BACKORDERS_LANG": "nb"])
        XCTAssertTrue(receive.stdout.contains("Varemottak uten innkjøpsordre av dette varenummeret."), receive.stdout)

        let english = try run(["--help"])
        XCTAssertTrue(english.stdout.contains("Backorder handling for a warehouse"), english.stdout)
    }

    /// Every command takes `--lang`, also the groups and the commands without a data file.
    func testEveryCommandAcceptsLang() throws {
        let paths: [[String]] = [
            [], ["ui"], ["init"], ["sample"], ["demo"], ["item"], ["item", "add"], ["item", "set"], ["customer"], ["customer", "add"],
            ["order"], ["order", "create"], ["order", "set"], ["order", "amend"], ["order", "add-line"], ["pick"], ["ship"],
            ["cancel"], ["put-back"], ["reallocate"], ["expedite"], ["donors"], ["arrival"], ["arrival", "add"], ["arrival", "eta"],
            ["arrival", "show"], ["purchase"], ["receive"], ["receipt"], ["receipt", "reverse"], ["return"], ["count"], ["why"],
            ["list"], ["list", "orders"], ["list", "backorders"], ["list", "arrivals"], ["list", "stock"], ["show"], ["status"],
            ["who"], ["notices"], ["report"], ["report", "aging"], ["report", "shortage"], ["report", "late"], ["report", "service"],
            ["report", "backlog"], ["import"], ["journal"], ["check"], ["upgrade"], ["backup"], ["restore"],
        ]
        for path in paths {
            for args in [path + ["--lang", "nb", "--help"], ["--lang=nb"] + path + ["--help"]] {
                let r = try run(args)
                XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stdout.contains("OVERVIEW:") || r.stdout.contains("USAGE:"), "\(args): \(r.stdout)")
            }
        }
        let who = try run(["who", "--lang", "nb", "--db", db])
        XCTAssertEqual(who.status, 0, who.stderr)
        XCTAssertTrue(who.stdout.hasPrefix("ingen har"), who.stdout)
        let other = dir.appendingPathComponent("other.sqlite").path
        let sample = try run(["sample", "--lang", "nb", "--db", other, "--today", Self.today])
        XCTAssertEqual(sample.status, 0, sample.stderr)
        XCTAssertTrue(sample.stdout.hasPrefix("laget \(other) fra det innebygde eksempellageret:"), sample.stdout)
        let group = try run(["report", "--lang", "nb", "aging", "--db", db])
        XCTAssertEqual(group.status, 0, group.stderr)
        XCTAssertTrue(group.stdout.contains("Åpne restordrer etter alder"), group.stdout)
    }

    // MARK: what scripts read stays the same

    func testJSONIsTheSameInEveryLanguage() throws {
        let commands: [[String]] = [
            ["list", "orders", "--json"], ["list", "backorders", "--json"], ["list", "arrivals", "--json"], ["list", "stock", "--json"],
            ["show", "SO-000028", "--json"], ["report", "aging", "--json"], ["report", "shortage", "--json"], ["report", "late", "--json"],
            ["report", "service", "--json"], ["report", "backlog", "--json"], ["journal", "--json"], ["arrival", "show", "PO-4505/1", "--json"],
            ["why", "SO-000028", "--json"], ["check", "--json"],
        ]
        for c in commands {
            let en = try run(c + ["--db", db, "--lang", "en"])
            XCTAssertEqual(en.status, 0, "\(c): \(en.stderr)")
            XCTAssertFalse(en.stdout.isEmpty, "\(c)")
            for env in [["BACKORDERS_LANG": "nb"], ["LANG": "nb_NO.UTF-8"]] {
                let nb = try run(c + ["--db", db], env)
                XCTAssertEqual(nb.status, en.status, "\(c)")
                XCTAssertEqual(nb.stdout, en.stdout, "\(c) --json differs between the languages")
            }
            let flagged = try run(c + ["--db", db, "--lang", "nb"])
            XCTAssertEqual(flagged.stdout, en.stdout, "\(c) --json differs with --lang nb")
        }
    }

    func testAnUnknownLanguageIsBadUsage() throws {
        let r = try run(["list", "orders", "--db", db, "--lang", "sv"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "backorders: unknown language \"sv\": use nb (Norwegian) or en (English)\n")
        XCTAssertEqual(r.stdout, "")
        let variable = try run(["list", "orders", "--db", db], ["BACKORDERS_LANG": "klingon"])
        XCTAssertEqual(variable.status, 64)
        XCTAssertTrue(variable.stderr.contains("BACKORDERS_LANG=\"klingon\""), variable.stderr)
        // An unknown locale is no request: English.
        let locale = try run(["list", "orders", "--db", db, "--limit", "1"], ["LANG": "xx_YY.UTF-8"])
        XCTAssertEqual(locale.status, 0, locale.stderr)
        XCTAssertTrue(locale.stdout.hasPrefix("ORDER "), locale.stdout)
    }

    // MARK: the terminal

    /// A terminal the UI cannot draw on is explained in the clerk's language.
    func testATerminalProblemIsNorwegian() throws {
        let lab = ProcessLab(dir: dir)
        defer { lab.stop() }
        let s = try lab.start("dumb", ["/usr/bin/env", "TERM=dumb", try backordersBinary().path, "--lang", "nb", "--db", db], showExit: true)
        // Joined: a long line wraps at the pane's edge.
        let screen = try lab.waitFor(s, "[exited").replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(screen.contains("terminalen er «dum» (TERM=dumb)"), screen)
        XCTAssertTrue(screen.contains("Bruk underkommandoene"), screen)
        XCTAssertTrue(screen.contains("[exited 64]"), screen)
        let piped = try run(["ui", "--db", db, "--lang", "nb"])
        XCTAssertEqual(piped.status, 64)
        XCTAssertTrue(piped.stderr.contains("skjermbildet trenger en terminal"), piped.stderr)
    }
}
