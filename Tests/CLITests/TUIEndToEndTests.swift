import Foundation
import XCTest

/// The real binary's full-screen UI driven in tmux by keystrokes only, checked by reading the screen
/// (`tmux capture-pane`) and afterwards the data file with the headless CLI.
///
/// Each test runs its own tmux server (`-L`), so it never touches a user's sessions; tearDown kills it.
final class TUIEndToEndTests: XCTestCase {
    private var dir: URL!
    private var socket = ""
    private var db: String { dir.appendingPathComponent("e2e.sqlite").path }

    /// Where SwiftPM put the products (`<scratch>/debug/`), whatever `--scratch-path` was.
    static var binary: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("backorders")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("backorders")
    }

    static var tmux: String? {
        for path in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }

    override func setUpWithError() throws {
        guard Self.tmux != nil else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw XCTSkip("the backorders binary is not at \(Self.binary.path)")
        }
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        socket = "bo-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    override func tearDownWithError() throws {
        if !socket.isEmpty { _ = try? run(Self.tmux!, ["-L", socket, "kill-server"]) }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    // MARK: the tests

    /// Order of 100 with 70 on hand: pick, ship 70; receive 30; pick, ship; the order is gone from the open lists.
    func testWholesalerFlowByKeystrokes() throws {
        try makeFile()
        let s = try startUI("clerk")
        try waitFor(s, "SO-000001")
        try keys(s, "p"); try waitFor(s, "Pick SO-000001")
        try keys(s, "Enter"); try waitFor(s, "Confirm pick")
        try keys(s, "Enter"); try waitFor(s, "Picked 70 units on SO-000001")
        try keys(s, "Enter", "s"); try waitFor(s, "Ships now")
        XCTAssertTrue(try screen(s).contains("30 backordered"), "the ship dialog says what stays backordered")
        try keys(s, "Enter"); try waitFor(s, "Shipment SH-000001 for SO-000001")
        try keys(s, "Enter", "3"); try waitFor(s, "PO-1/1")
        try keys(s, "r"); try waitFor(s, "Receive on PO-1/1")
        try keys(s, "Enter"); try waitFor(s, "Confirm receipt")
        try keys(s, "Enter"); try waitFor(s, "30 → SO-000001 line 1 (line filled)")
        try keys(s, "Enter", "1", "p"); try waitFor(s, "Pick SO-000001")
        try keys(s, "Enter", "Enter"); try waitFor(s, "Picked 30 units")
        try keys(s, "Enter", "s"); try waitFor(s, "Nothing stays behind")
        try keys(s, "Enter"); try waitFor(s, "Shipment SH-000002 for SO-000001")
        try keys(s, "Enter"); try waitFor(s, "No open orders")
        try keys(s, "2"); try waitFor(s, "No backorder lines")
        try keys(s, "q"); try waitForExit(s)

        let order = try showJSON("SO-000001")
        XCTAssertNotNil(order["order"].flatMap { ($0 as? [String: Any])?["closedAt"] }, "the order is closed")
        let shipments = order["shipments"] as? [[String: Any]] ?? []
        XCTAssertEqual(shipments.count, 2)
        XCTAssertEqual(try cli(["check"]).status, 0, "the file is intact")
    }

    /// An urgent order taken at the terminal with nothing free is served first with stock given by the older order,
    /// picked and shipped; the older order's new promised date shows in the backorder lines and the CLI agrees.
    func testUrgentOrderTakenInTheUIIsServedFromAnOlderOrder() throws {
        try makeFile()
        for args in [["customer", "add", "AAL", "Sykehjemmet Ålesund"],
                     ["arrival", "add", "--supplier", "Acme", "--po", "PO-2", "--sku", "SKU-1", "--qty", "40", "--eta", "+10"]] {
            XCTAssertEqual(try cli(args).status, 0, "\(args)")
        }
        let s = try startUI("clerk")
        try waitFor(s, "SO-000001")
        try keys(s, "N"); try waitFor(s, "New order")
        for c in "sykeh" { try keys(s, String(c)) }
        try waitFor(s, "AAL Sykehjemmet")
        try keys(s, "Enter"); try waitFor(s, "Item (type")
        for c in "SKU-1" { try keys(s, String(c)) }
        try waitFor(s, "▸ SKU-1 Widget")
        try keys(s, "Enter"); try waitFor(s, "Quantity:")
        try keys(s, "2", "0", "Enter"); try waitFor(s, "Next item")
        try keys(s, "Enter"); try waitFor(s, "Priority, 1")
        try keys(s, "C-u", "1", "Enter"); try waitFor(s, "p: partial")
        try keys(s, "Enter"); try waitFor(s, "Confirm new order")
        XCTAssertTrue(try screen(s).contains("20 on backorder"), "nothing is free: the preview says so")
        try keys(s, "Enter"); try waitFor(s, "Order SO-000002 for Sykehjemmet Ålesund is placed")
        try keys(s, "Enter", "2"); try waitFor(s, "Promised")
        try waitFor(s, "SO-000002")
        try keys(s, "j", "U"); try waitFor(s, "Serve first — SO-000002")
        for c in "sykehjem" { try keys(s, String(c)) }
        try keys(s, "Enter"); try waitFor(s, "Confirm: serve first")
        XCTAssertTrue(try screen(s).contains("SO-000001/1 SKU-1"), "the dialog names the order that gives")
        try keys(s, "Enter"); try waitFor(s, "20 unit(s) given from other orders")
        try keys(s, "Enter", "1"); try waitFor(s, "Policy")
        try keys(s, "j", "p"); try waitFor(s, "Pick SO-000002")
        try keys(s, "Enter", "Enter"); try waitFor(s, "Picked 20 units on SO-000002")
        try keys(s, "Enter", "s"); try waitFor(s, "Ship SO-000002")
        try keys(s, "Enter"); try waitFor(s, "Shipment SH-000001 for SO-000002")
        let donor = try showJSON("SO-000001")
        let line = (donor["lines"] as? [[String: Any]])?.first
        let quantities = line?["line"].flatMap { ($0 as? [String: Any])?["quantities"] as? [String: Any] }
        XCTAssertEqual(quantities?["allocated"] as? Int, 50)
        XCTAssertEqual(quantities?["backordered"] as? Int, 50)
        let promised = try XCTUnwrap(line?["promised"] as? String, "the donor waits for PO-2 now")
        try keys(s, "Enter", "2"); try waitFor(s, promised)
        let lines = try screen(s)
        XCTAssertTrue(lines.contains("SO-000001"), lines)
        try keys(s, "q"); try waitForExit(s)
        let urgent = try showJSON("SO-000002")
        XCTAssertNotNil(urgent["order"].flatMap { ($0 as? [String: Any])?["closedAt"] }, "the urgent order shipped complete")
        XCTAssertEqual(try cli(["check"]).status, 0, "the file is intact")
    }

    /// A terminal that cannot address the cursor (TERM unset or dumb) gets words and exit 64, not a blank screen.
    func testATerminalWithoutCursorAddressingIsToldToUseTheCLI() throws {
        try makeFile()
        for (name, term) in [("dumb", "TERM=dumb"), ("unset", "-u TERM")] {
            let s = try startUI(name, term: term)
            try waitFor(s, "Use the subcommands")
            try waitFor(s, "status 64")
            let text = try screen(s)
            XCTAssertTrue(text.contains(name == "dumb" ? "TERM=dumb" : "TERM is not set"), text)
            XCTAssertFalse(text.contains("Orders"), "nothing of the UI is drawn")
        }
    }

    /// A UI whose terminal disappears without a SIGHUP reaching it (here: in a session of its own, so the closing pty
    /// signals nobody) ends by itself instead of spinning on failed reads; the file stays intact.
    func testAUIWhoseTerminalVanishesEnds() throws {
        try makeFile()
        let marker = "bo-vanish-\(UUID().uuidString.prefix(8))"
        // The marker goes in the environment, so the process can be found by it after the terminal is gone.
        let r = try run(Self.tmux!, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "vanish", "-x", "100", "-y", "30",
                                     "setsid -w env TERM=xterm-256color BACKORDERS_DB= BO_TEST_MARKER=\(marker) '\(Self.binary.path)' ui --db '\(db)'"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try waitFor("vanish", "SO-000001")
        let pids = try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap(Int32.init).filter { pid in
            (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8))?.contains("BO_TEST_MARKER=\(marker)") ?? false
        }
        XCTAssertEqual(pids.count, 1, "the UI runs")
        _ = try run(Self.tmux!, ["-L", socket, "kill-server"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && pids.contains(where: { kill($0, 0) == 0 }) { Thread.sleep(forTimeInterval: 0.1) }
        let left = pids.filter { kill($0, 0) == 0 }
        for pid in left { kill(pid, SIGKILL) }
        XCTAssertEqual(left, [], "the UI went on after its terminal was gone")
        XCTAssertEqual(try cli(["check"]).status, 0)
    }

    /// Over SSH LANG is often unset (or names a locale the server lacks): æøå still show, as UTF-8; BACKORDERS_UTF8=0
    /// keeps a non-UTF-8 locale's own character set for a terminal that really is not UTF-8.
    func testNorwegianLettersShowWithLANGUnset() throws {
        try makeFile()
        XCTAssertEqual(try cli(["customer", "add", "AAL", "Ålesund kommune"]).status, 0)
        XCTAssertEqual(try cli(["order", "create", "--customer", "AAL", "SKU-1=5"]).status, 0)
        let s = try startUI("nolang", term: "-u LANG -u LC_ALL -u LC_CTYPE TERM=xterm-256color")
        try waitFor(s, "Ålesund kommune")
        try keys(s, "q")
        let c = try startUI("latin", term: "TERM=xterm-256color LANG=C LC_ALL=C BACKORDERS_UTF8=0")
        try waitFor(s, "status 0")
        try waitFor(c, "?lesund kommune")
        try keys(c, "q")
    }

    /// A filter's rows and count are read on connections of their own while keys go on: what was typed last is what the
    /// pane shows, counted; a miss says so; Enter on a filtered row opens that row's order (it waits for the rows).
    func testFilteredRowsAndCountsComeFromTheBackgroundReaders() throws {
        let made = try cli(["sample"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let s = try startUI("filter")
        try waitFor(s, "SO-000011")
        try keys(s, "/", "z", "q")
        try waitFor(s, "Nothing matches /zq")
        try keys(s, "Escape", "/", "s", "ø", "r", "l", "Enter")
        try waitFor(s, "1/2 /sørl")
        let shown = try screen(s)
        XCTAssertTrue(shown.contains("SO-000018") && shown.contains("SO-000031"), shown)
        XCTAssertFalse(shown.contains("SO-000011"), shown)
        try keys(s, "j", "Enter")
        try waitFor(s, "Snekker AS")  // the detail names the customer in full; the list cuts it short
        let detail = try screen(s)
        XCTAssertTrue(detail.contains("SO-000031") && !detail.contains("SO-000018"), detail)
        try keys(s, "Escape", "q"); try waitForExit(s)
    }

    /// Two instances on one order: A ships; B's screen changes without a key, its ship built on the old screen is
    /// refused, and afterwards there is nothing left for it to ship. Only one shipment exists.
    func testTwoInstancesCannotShipTheSameUnitsTwice() throws {
        try makeFile()
        XCTAssertEqual(try cli(["pick", "SO-000001"]).status, 0)
        let a = try startUI("a"), b = try startUI("b")
        for s in [a, b] {
            try waitFor(s, "SO-000001")
            try keys(s, "Enter")
            try waitFor(s, "Shipments: none yet")
        }
        try keys(b, "s"); try waitFor(b, "Ships now")
        try keys(a, "s"); try waitFor(a, "Ships now")
        try keys(a, "Enter"); try waitFor(a, "Shipment SH-000001")
        // No key pressed in B: its detail view shows A's shipment from the poll.
        let seen = Date()
        try waitFor(b, "SH-000001", timeout: 5)
        XCTAssertLessThan(Date().timeIntervalSince(seen), 2.5, "B refreshed within about a second")
        try keys(b, "Enter"); try waitFor(b, "changed by someone else")
        try keys(b, "s"); try waitFor(b, "Nothing is picked on SO-000001")
        try keys(a, "Enter", "q"); try keys(b, "q")
        try waitForExit(a); try waitForExit(b)

        let shipments = try showJSON("SO-000001")["shipments"] as? [[String: Any]] ?? []
        XCTAssertEqual(shipments.count, 1, "only one shipment")
        XCTAssertEqual(try cli(["check"]).status, 0)
    }

    /// Read-only: write keys are refused on screen and the file does not change.
    func testReadOnlyInstanceCannotWrite() throws {
        try makeFile()
        let before = try showJSON("SO-000001")["order"] as? [String: Any]
        let s = try startUI("ro", extra: ["--read-only"])
        try waitFor(s, "READ-ONLY")
        try keys(s, "p"); try waitFor(s, "Read-only: pick is disabled")
        try keys(s, "q"); try waitForExit(s)
        let after = try showJSON("SO-000001")["order"] as? [String: Any]
        XCTAssertEqual(before?["version"] as? Int, after?["version"] as? Int)
    }

    /// Not a terminal: a clear message and exit 64.
    func testWithoutATerminalItExitsWithUsage() throws {
        try makeFile()
        let r = try cli(["ui"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("needs a terminal"), r.stderr)
    }

    /// A clerk's UI sitting idle on the file (and a supervisor's read-only one) holds it open: a restore is refused,
    /// naming the process, and nothing changes; once both have quit, the restore goes through.
    func testRestoreIsRefusedWhileAUIHasTheFileOpen() throws {
        try makeFile()
        let backup = dir.appendingPathComponent("backup.sqlite").path
        XCTAssertEqual(try cli(["backup", backup]).status, 0)
        XCTAssertEqual(try cli(["pick", "SO-000001"]).status, 0, "a change after the backup")
        for (name, extra) in [("clerk", [String]()), ("supervisor", ["--read-only"])] {
            let s = try startUI(name, extra: extra)
            try waitFor(s, "SO-000001")
            let r = try cli(["restore", backup])
            XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
            XCTAssertTrue(r.stderr.contains("is in use by backorders (process "), r.stderr)
            XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir.path).contains { $0.contains(".replaced") }, "something was replaced")
            try keys(s, "q"); try waitForExit(s)
        }
        XCTAssertEqual((try showJSON("SO-000001")["lines"] as? [[String: Any]])?.count, 1)
        let picked = try cli(["list", "orders", "--json"]).stdout
        let done = try cli(["restore", backup])
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertNotEqual(try cli(["list", "orders", "--json"]).stdout, picked, "the pick made after the backup is undone")
        XCTAssertEqual(try cli(["check"]).status, 0)
    }

    // MARK: helpers

    /// A fresh file made with the CLI: an item with 70 on hand, a customer, an order of 100, an arrival of 30.
    private func makeFile() throws {
        for args in [["init"], ["item", "add", "SKU-1", "Widget", "--stock", "70"], ["customer", "add", "C1", "Nordic Tools AS"],
                     ["order", "create", "--customer", "C1", "SKU-1=100"],
                     ["arrival", "add", "--supplier", "Acme", "--po", "PO-1", "--sku", "SKU-1", "--qty", "30", "--eta", "+3"]] {
            let r = try cli(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
    }

    /// Starts the UI in a new tmux session of 100×30 and returns the session name.
    private func startUI(_ name: String, extra: [String] = [], term: String = "TERM=xterm-256color") throws -> String {
        // `term`: the environment the UI starts with (TERM and the locale), as `env` arguments.
        var command = "env \(term) BACKORDERS_DB= " + ([Self.binary.path, "ui", "--db", db] + extra).map { "'\($0)'" }.joined(separator: " ")
        // A UI that refuses to start ends at once: its words and status stay on screen for the test to read.
        if term != "TERM=xterm-256color" { command = "\(command); echo \"status $?\"; sleep 30" }
        let r = try run(Self.tmux!, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command])
        XCTAssertEqual(r.status, 0, r.stderr)
        _ = try run(Self.tmux!, ["-L", socket, "set-option", "-t", name, "remain-on-exit", "on"])
        return name
    }

    /// Sends tmux key names ("Enter", "Escape") or literal characters.
    private func keys(_ session: String, _ keys: String...) throws {
        for k in keys {
            let r = try run(Self.tmux!, ["-L", socket, "send-keys", "-t", session] + (k.count == 1 ? ["-l", k] : [k]))
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    private func screen(_ session: String) throws -> String {
        try run(Self.tmux!, ["-L", socket, "capture-pane", "-p", "-t", session]).stdout
    }

    /// Polls the screen until `text` shows; fails with the last screen after `timeout` seconds.
    private func waitFor(_ session: String, _ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(session)
            if last.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("\"\(text)\" did not show in \(session) within \(timeout) s; the screen:\n\(last)", file: file, line: line)
        throw WaitFailed(text: text)
    }

    /// Waits until the UI has exited, and checks it exited cleanly.
    private func waitForExit(_ session: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let r = try run(Self.tmux!, ["-L", socket, "display-message", "-p", "-t", session,
                                         "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}"])
            let parts = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|", omittingEmptySubsequences: false)
            // tmux records the status only if it reaps the process itself (not in every container): judge what it recorded.
            if parts.count == 3, parts[0] == "1" {
                XCTAssertTrue(parts[1].isEmpty || parts[1] == "0", "exit status \(parts[1])", file: file, line: line)
                XCTAssertTrue(parts[2].isEmpty, "ended by signal \(parts[2])", file: file, line: line)
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("\(session) did not exit", file: file, line: line)
    }

    private func showJSON(_ order: String) throws -> [String: Any] {
        let r = try cli(["show", order, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }

    private struct WaitFailed: Error { var text: String }

    private func cli(_ arguments: [String]) throws -> Run {
        try run(Self.binary.path, arguments + ["--db", db])
    }

    /// Runs a program and waits for it; output goes to files so no pipe can fill up and block.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: `tmux new-session` leaves a daemon (the tmux server)
    /// that inherits Process's exit-watching descriptor, and Process would then wait for the server to end.
    private func run(_ program: String, _ arguments: [String]) throws -> Run {
        try ProcessLab(dir: dir).run(program, arguments, today: nil)
    }
}
