import Foundation
import TestSupport
import XCTest

/// `pick-list` and `delivery-note` through the real binary: to stdout, to a file, and to a print command that captures
/// what it was given (no CUPS server needed), or fails.
final class PapersCLITests: XCTestCase {
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }

    override func setUpWithError() throws {
        db = tempDB()
        for args in [["init"],
                     ["item", "add", "FS-1001", "Treskrue 4,5×40 Torx", "--unit", "pk", "--bin", "A-10", "--stock", "50"],
                     ["item", "add", "FS-1002", "Mutter M8 fz", "--unit", "pk", "--bin", "A-2", "--stock", "30"],
                     ["item", "add", "EL-3001", "Kabel æøå", "--unit", "m", "--bin", "B-01"],
                     ["customer", "add", "C1", "Ålesund kommune"],
                     ["arrival", "add", "--supplier", "Kabelfabrikken", "--po", "PO-1", "--sku", "EL-3001", "--qty", "10", "--eta", "2026-12-14"],
                     ["order", "create", "--customer", "C1", "--number", "SO-1", "FS-1001=20", "FS-1002=12", "EL-3001=15"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ args: [String], env: [String: String] = [:]) throws -> RunResult {
        try runCLI(args, db: db, extraEnv: ["BACKORDERS_LANG": "en", "BACKORDERS_PRINT": ""].merging(env) { $1 })
    }

    /// A print command that writes its arguments and then its standard input to `capture`, and says what lp would say.
    func capturingPrinter() throws -> (command: String, capture: URL) {
        let script = dir.appendingPathComponent("capture-print")
        let capture = dir.appendingPathComponent("printed.txt")
        try """
            #!/bin/sh
            printf 'ARGS:%s\\n' "$*" > "\(capture.path)"
            cat >> "\(capture.path)"
            echo "request id is lager-1 (1 file(s))"
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return (script.path, capture)
    }

    func testThePickListGoesToStdoutSortedByBin() throws {
        let r = try run(["pick-list", "SO-1", "--warehouse", "Nordisk Jernvare"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("PICK LIST") && lines[0].hasSuffix("Nordisk Jernvare"), r.stdout)
        let rows = lines.filter { $0.contains("SO-1/") }
        XCTAssertEqual(rows.count, 2, "the backordered cable is not picked:\n\(r.stdout)")
        XCTAssertTrue(rows[0].hasPrefix("A-2 ") && rows[0].contains("FS-1002") && rows[0].contains(" 12 "), rows[0])
        XCTAssertTrue(rows[1].hasPrefix("A-10 ") && rows[1].contains("Treskrue 4,5×40 Torx") && rows[1].contains(" 20 "), rows[1])
        XCTAssertTrue(r.stdout.contains("2 lines, 32 units to pick"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Ålesund kommune (C1)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2026-11-25"), "dated today")

        let nb = try run(["pick-list", "SO-1", "--lang", "nb"])
        XCTAssertEqual(nb.status, 0, nb.stderr)
        XCTAssertTrue(nb.stdout.hasPrefix("PLUKKLISTE") && nb.stdout.contains("2 linjer, 32 enheter å plukke") && nb.stdout.contains("25.11.2026"),
                      nb.stdout)
        XCTAssertTrue(nb.stdout.split(separator: "\n")[0].hasSuffix("w"), "the data file's name when no warehouse is named")
    }

    func testPrintHandsTheTextToThePrintCommandWithThePrinter() throws {
        let (command, capture) = try capturingPrinter()
        let r = try run(["pick-list", "SO-1", "--print", "--printer", "Lager 1"], env: ["BACKORDERS_PRINT": command])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Sent to the printer with \"\(command) -d Lager 1\": request id is lager-1 (1 file(s))\n")
        let printed = try String(contentsOf: capture, encoding: .utf8)
        XCTAssertTrue(printed.hasPrefix("ARGS:-d Lager 1\nPICK LIST"), printed)
        XCTAssertTrue(printed.contains("Treskrue 4,5×40 Torx") && printed.contains("Ålesund kommune"), "UTF-8 intact:\n\(printed)")
        let alone = try run(["pick-list", "SO-1"])
        XCTAssertEqual(String(printed.drop { $0 != "\n" }.dropFirst()), alone.stdout, "the printer gets exactly what stdout shows")

        // The delivery note of the order's latest shipment, in Norwegian, with the backordered cable and its day.
        XCTAssertEqual(try run(["pick", "SO-1"]).status, 0)
        XCTAssertEqual(try run(["ship", "SO-1"]).status, 0)
        let note = try run(["delivery-note", "--order", "SO-1", "--print", "--lang", "nb"], env: ["BACKORDERS_PRINT": command])
        XCTAssertEqual(note.status, 0, note.stderr)
        XCTAssertTrue(note.stdout.hasPrefix("Sendt til skriveren med «\(command)»"), note.stdout)
        let paper = try String(contentsOf: capture, encoding: .utf8)
        for word in ["ARGS:\n", "FØLGESEDDEL", "Ålesund kommune (C1)", "SH-000001", "I denne forsendelsen", "Levert tidligere",
                     "dette er første forsendelse", "EL-3001", "14.12.2026", "ingen dato ennå"] {
            XCTAssertTrue(paper.contains(word), "«\(word)» missing in:\n\(paper)")
        }
    }

    func testAFailingPrintCommandSaysWhyAndExits69() throws {
        let failing = dir.appendingPathComponent("failing-print")
        try "#!/bin/sh\ncat > /dev/null\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n"
            .write(to: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing.path)
        let r = try run(["pick-list", "SO-1", "--print"], env: ["BACKORDERS_PRINT": failing.path])
        XCTAssertEqual(r.status, 69)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "backorders: printing with \"\(failing.path)\" failed (exit status 1): lp: The printer or class does not exist.\n")

        let missing = try run(["pick-list", "SO-1", "--print"], env: ["BACKORDERS_PRINT": "/nonexistent/lp-nowhere"])
        XCTAssertEqual(missing.status, 69)
        XCTAssertTrue(missing.stderr.contains("no print command \"/nonexistent/lp-nowhere\": install cups-client"), missing.stderr)

        // The real lp (cups-client) with no scheduler to reach: refused, in lp's words; without lp installed, "no print command".
        let lp = try run(["pick-list", "SO-1", "--print", "--printer", "backorders-no-such-printer"],
                         env: ["CUPS_SERVER": dir.appendingPathComponent("no-cups.sock").path])
        XCTAssertEqual(lp.status, 69, lp.stderr)
        XCTAssertTrue(lp.stderr.hasPrefix("backorders: ") && lp.stderr.contains("\"lp -d backorders-no-such-printer\""), lp.stderr)

        // A command that exits at once without reading the paper does not take backorders down with SIGPIPE.
        let quick = try run(["pick-list", "SO-1", "--print"], env: ["BACKORDERS_PRINT": "false"])
        XCTAssertEqual(quick.status, 69, quick.stderr)
    }

    func testOutputWritesTheFileAndNothingElse() throws {
        let file = dir.appendingPathComponent("plukk.txt")
        let r = try run(["pick-list", "SO-1", "--output", file.path, "--lang", "nb"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "skrev \(file.path)\n")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("PLUKKLISTE") && text.contains("Ålesund kommune") && text.hasSuffix("\n"), text)
    }

    func testPapersThatCannotBeMadeAreRefused() throws {
        let none = try run(["delivery-note", "--order", "SO-1"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.stderr, "backorders: SO-1 has not shipped anything yet: there is no delivery note\n")
        let unknown = try run(["delivery-note", "SH-999999"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(try run(["delivery-note"]).status, 64, "a shipment or --order is needed")
        XCTAssertEqual(try run(["pick-list", "SO-404"]).status, 1)
        XCTAssertEqual(try run(["pick-list", "SO-1", "--printer", "x"]).status, 64, "--printer without --print")
        XCTAssertEqual(try run(["pick", "SO-1"]).status, 0)
        let picked = try run(["pick-list", "SO-1"])
        XCTAssertEqual(picked.status, 1, "nothing left to pick")
        XCTAssertTrue(picked.stderr.contains("nothing to pick on SO-1"), picked.stderr)
    }
}
