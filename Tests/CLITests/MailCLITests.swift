import Foundation
import TestSupport
import XCTest

/// `backorders notices --send` end to end: the real binary hands a Norwegian customer's notice to msmtp (Debian's
/// `sendmail -t`), which delivers it over SMTP to a local aiosmtpd mailbox; the delivered message is read back with
/// Python's own MIME parser. A failing sendmail leaves the notice pending; `--dry-run` writes .eml files.
final class MailCLITests: XCTestCase {
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }
    var smtp: Process?

    override func setUpWithError() throws { db = tempDB() }
    override func tearDownWithError() throws {
        if let smtp, smtp.isRunning { smtp.terminate(); smtp.waitUntilExit() }
        try? FileManager.default.removeItem(at: dir)
    }

    static let python = "/usr/bin/python3"
    static let msmtp = "/usr/bin/msmtp"

    func run(_ args: [String], env: [String: String] = [:]) throws -> RunResult {
        try runCLI(args, db: db, extraEnv: ["BACKORDERS_MAIL_FROM": "Lager Nord AS <lager@lagernord.example.no>", "BACKORDERS_LANG": "en"]
                   .merging(env) { $1 })
    }

    func ok(_ args: [String]) throws {
        let r = try run(args)
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
    }

    /// A Norwegian customer with 35 units waiting on two purchase orders (15 on 14.12, 20 on 28.12), and an English
    /// customer without an address.
    func makeWarehouse() throws {
        try ok(["init"])
        try ok(["item", "add", "FS-1002", "Terrasseskrue A4 4,2×55, 250 stk"])
        try ok(["customer", "add", "TROMSO", "Tromsø Jern & Stål AS", "--language", "nb", "--email", "post@tromso-jern.example.no",
                "--contact", "Siv Åsheim"])
        try ok(["customer", "add", "NOMAIL", "Nobody Mail Ltd", "--language", "en"])
        try ok(["arrival", "add", "--supplier", "Skruefabrikken", "--po", "PO-1", "--sku", "FS-1002", "--qty", "15", "--eta", "2026-12-14"])
        try ok(["arrival", "add", "--supplier", "Skruefabrikken", "--po", "PO-2", "--sku", "FS-1002", "--qty", "20", "--eta", "2026-12-28"])
        try ok(["order", "create", "--customer", "TROMSO", "--number", "SO-1", "FS-1002=35"])
        try ok(["order", "create", "--customer", "NOMAIL", "--number", "SO-2", "FS-1002=1"])
    }

    /// A free TCP port on the loopback interface.
    func freePort() throws -> Int {
        let r = Process()
        r.executableURL = URL(fileURLWithPath: Self.python)
        r.arguments = ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"]
        let out = Pipe()
        r.standardOutput = out
        try r.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        r.waitUntilExit()
        return try XCTUnwrap(Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Starts aiosmtpd delivering into a Maildir; returns the port once it listens.
    func startMailbox(_ maildir: URL) throws -> Int {
        let port = try freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python)
        p.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        smtp = p
        for _ in 0..<100 {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: Self.python)
            probe.arguments = ["-c", "import socket; socket.create_connection(('127.0.0.1', \(port)), 1).close()"]
            probe.standardError = FileHandle.nullDevice
            try probe.run(); probe.waitUntilExit()
            if probe.terminationStatus == 0 { return port }
            usleep(100_000)
        }
        XCTFail("aiosmtpd did not start listening")
        return port
    }

    /// A message parsed by Python's email package: decoded headers and body.
    func parse(_ file: URL) throws -> [String: String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python)
        p.arguments = ["-c", """
            import email, email.policy, json, sys
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            out = {k: str(m[k]) for k in ['From', 'To', 'Subject', 'Date', 'Message-ID', 'Content-Type', 'Content-Language']}
            out['To-address'] = m['To'].addresses[0].addr_spec
            out['To-name'] = m['To'].addresses[0].display_name
            out['body'] = m.get_content()
            out['raw-ascii-headers'] = str(all(b < 128 for b in open(sys.argv[1], 'rb').read().split(b'\\n\\n')[0]))
            print(json.dumps(out))
            """, file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python could not parse \(file.path)")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: String])
    }

    func pendingOrders() throws -> [String] {
        let r = try run(["notices", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        return list.map { $0["orderNumber"] as? String ?? "?" }
    }

    func requireMailTools() throws {
        for tool in [Self.python, Self.msmtp] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is missing: run scripts/install-deps (msmtp, python3-aiosmtpd)")
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: Self.python)
        probe.arguments = ["-c", "import aiosmtpd"]
        probe.standardError = FileHandle.nullDevice
        try probe.run(); probe.waitUntilExit()
        if probe.terminationStatus != 0 { throw XCTSkip("python3-aiosmtpd is missing: run scripts/install-deps") }
    }

    func testANorwegianNoticeArrivesInALocalMailboxInNorwegian() throws {
        try requireMailTools()
        try makeWarehouse()
        let maildir = dir.appendingPathComponent("Maildir")
        let port = try startMailbox(maildir)
        let msmtp = "\(Self.msmtp) -t --host=127.0.0.1 --port=\(port) --auth=off --tls=off --from=lager@lagernord.example.no"

        // Nobody listens on the mailbox's port + 1... or rather on a port just freed: sendmail fails, nothing is marked.
        let deadPort = try freePort()
        let failing = try run(["notices", "--send"], env: ["BACKORDERS_SENDMAIL": msmtp.replacingOccurrences(of: "--port=\(port)", with: "--port=\(deadPort)")])
        XCTAssertEqual(failing.status, 1, failing.stdout)
        XCTAssertTrue(failing.stderr.contains("SO-1: not sent, still pending: \(Self.msmtp) exited with status"), failing.stderr)
        XCTAssertTrue(failing.stderr.contains("msmtp:"), "msmtp's own reason is passed on: \(failing.stderr)")
        XCTAssertTrue(failing.stdout.contains("SO-2: Nobody Mail Ltd (NOMAIL) has no e-mail address; skipped"), failing.stdout)
        XCTAssertEqual(try pendingOrders(), ["SO-1", "SO-2"])
        let refused = try run(["notices", "--send"], env: ["BACKORDERS_SENDMAIL": "false"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("false exited with status 1"), refused.stderr)

        // A dry run writes the message as a file and marks nothing.
        let out = dir.appendingPathComponent("eml")
        let dry = try run(["notices", "--dry-run", out.path])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        let emls = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".eml") }
        XCTAssertEqual(emls.count, 1, "\(emls)")
        let drafted = try parse(out.appendingPathComponent(emls[0]))
        XCTAssertEqual(drafted["To-address"], "post@tromso-jern.example.no")
        XCTAssertEqual(try pendingOrders(), ["SO-1", "SO-2"])

        // Sent for real: msmtp delivers to the mailbox; the notice is marked sent.
        let sent = try run(["notices", "--send"], env: ["BACKORDERS_SENDMAIL": msmtp])
        XCTAssertEqual(sent.status, 0, sent.stderr)
        XCTAssertTrue(sent.stdout.contains("SO-1: sent to"), sent.stdout)
        XCTAssertTrue(sent.stdout.contains("1 sent, 1 skipped, 0 failed"), sent.stdout)
        XCTAssertEqual(try pendingOrders(), ["SO-2"], "only the customer without an address still waits")

        let delivered = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
        XCTAssertEqual(delivered.count, 1)
        let m = try parse(maildir.appendingPathComponent("new").appendingPathComponent(delivered[0]))
        XCTAssertEqual(m["raw-ascii-headers"], "True", "headers are ASCII on the wire (RFC 2047)")
        XCTAssertEqual(m["Subject"], "Ordre SO-1 – Deler av ordren din er i restordre")
        XCTAssertEqual(m["To-name"], "Siv Åsheim")
        XCTAssertEqual(m["To-address"], "post@tromso-jern.example.no")
        XCTAssertEqual(m["From"], "Lager Nord AS <lager@lagernord.example.no>")
        XCTAssertTrue(m["Content-Type"]?.lowercased().replacingOccurrences(of: "\"", with: "").contains("charset=utf-8") == true,
                      m["Content-Type"] ?? "")
        XCTAssertEqual(m["Content-Language"], "nb")
        XCTAssertTrue(m["Message-ID"]?.hasSuffix("@lagernord.example.no>") == true, m["Message-ID"] ?? "")
        XCTAssertTrue(m["Date"]?.hasSuffix("+0000") == true, m["Date"] ?? "")
        let body = try XCTUnwrap(m["body"])
        for expected in ["Hei Siv Åsheim,", "Deler av ordren din er i restordre.", "Ordre SO-1 for Tromsø Jern & Stål AS (TROMSO)",
                         "Sendt så langt: ingenting ennå",
                         "FS-1002 Terrasseskrue A4 4,2×55, 250 stk: 35 i restordre: 15 ventes 14.12.2026, 20 ventes 28.12.2026",
                         "Med vennlig hilsen\nLager Nord AS"] {
            XCTAssertTrue(body.contains(expected), "\(expected) not in:\n\(body)")
        }

        // Idempotent: a second run mails nothing more.
        let again = try run(["notices", "--send"], env: ["BACKORDERS_SENDMAIL": msmtp])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 sent, 1 skipped, 0 failed"), again.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path).count, 1)

        // The sent text is frozen in Norwegian whatever the clerk's language.
        let all = try run(["notices", "--all", "--order", "SO-1"])
        XCTAssertTrue(all.stdout.contains("15 ventes 14.12.2026, 20 ventes 28.12.2026"), all.stdout)
    }

    /// In the UI's notices view, `E` and a confirmation mail every pending notice; the result says what became of each.
    func testTheNoticesViewMailsAllAfterAConfirmation() throws {
        try requireMailTools()
        try makeWarehouse()
        let maildir = dir.appendingPathComponent("Maildir")
        let port = try startMailbox(maildir)
        let lab = ProcessLab(dir: dir)
        defer { lab.stop() }
        let session = try lab.start("mail", ["env", "BACKORDERS_TODAY=2026-11-25", "BACKORDERS_LANG=en",
                                             "BACKORDERS_MAIL_FROM=Lager Nord AS <lager@lagernord.example.no>",
                                             "BACKORDERS_SENDMAIL=\(Self.msmtp) -t --read-envelope-from --host=127.0.0.1 --port=\(port) --auth=off --tls=off",
                                             try backordersBinary().path, "ui", "--db", db])
        try lab.waitFor(session, "SO-1")
        try lab.keys(session, "n"); try lab.waitFor(session, "SO-2")
        try lab.keys(session, "E"); try lab.waitFor(session, "E-mail every pending notice?")
        try lab.keys(session, "Enter")
        // The result's last line, not its title: a capture may catch the dialog's title redrawn before its body.
        let shown = try lab.waitFor(session, "SO-2: Nobody Mail Ltd has no e-mail address; still pending")
        XCTAssertTrue(shown.contains("1 e-mailed, 1 skipped, 0 failed"), shown)
        try lab.keys(session, "Enter", "q")
        try lab.waitForExit(session)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path).count, 1)
        XCTAssertEqual(try pendingOrders(), ["SO-2"])
    }

    /// Two clerks send at once through a slow sendmail: every notice is mailed exactly once, and all end up sent.
    func testTwoSendersAtOnceMailEachNoticeOnce() throws {
        try makeWarehouse()
        for n in 3...8 { try ok(["order", "create", "--customer", "TROMSO", "--number", "SO-\(n)", "FS-1002=1"]) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let script = dir.appendingPathComponent("slowmail.sh")
        try Data("#!/bin/sh\nsleep 0.2\nf=$(mktemp \(out.path)/mail-XXXXXX)\ncat > \"$f\"\n".utf8).write(to: script)
        let env = ["BACKORDERS_SENDMAIL": "/bin/sh \(script.path)"]
        // Two processes started together, as two clerks pressing send at the same moment.
        let senders = try (0..<2).map { _ -> Process in
            let p = Process()
            p.executableURL = try backordersBinary()
            p.arguments = ["notices", "--send"]
            p.environment = ProcessInfo.processInfo.environment.merging(
                ["BACKORDERS_DB": db, "BACKORDERS_TODAY": "2026-11-25", "BACKORDERS_LANG": "en",
                 "BACKORDERS_MAIL_FROM": "lager@lagernord.example.no"].merging(env) { $1 }) { $1 }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in senders { p.waitUntilExit(); XCTAssertEqual(p.terminationStatus, 0) }
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let ids = try files.map { f -> String in
            let text = try String(contentsOf: out.appendingPathComponent(f), encoding: .utf8)
            return text.components(separatedBy: "\n").first { $0.hasPrefix("Message-ID: <notice-") }.map { String($0.split(separator: "-")[2]) } ?? "?"
        }
        XCTAssertEqual(ids.sorted(), Array(Set(ids)).sorted(), "a notice was mailed twice: \(ids)")
        XCTAssertEqual(files.count, 7, "SO-1 and SO-3…8 (SO-2 has no address)")
        XCTAssertEqual(try pendingOrders(), ["SO-2"])
    }

    func testStatusIsInTheCustomersLanguageAndTheSenderIsStored() throws {
        try makeWarehouse()
        let status = try run(["status", "SO-1"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("35 i restordre: 15 ventes 14.12.2026, 20 ventes 28.12.2026"), status.stdout)
        try ok(["customer", "set", "TROMSO", "--language", "en"])
        let english = try run(["status", "SO-1"], env: ["BACKORDERS_LANG": "nb"])
        XCTAssertTrue(english.stdout.contains("35 on backorder: 15 expected 2026-12-14, 20 expected 2026-12-28"), english.stdout)
        try ok(["customer", "set", "TROMSO", "--language", "none"])
        let reader = try run(["status", "SO-1"], env: ["BACKORDERS_LANG": "nb"])
        XCTAssertTrue(reader.stdout.contains("15 ventes 14.12.2026"), "no language: the reader's: \(reader.stdout)")

        let bad = try run(["customer", "set", "TROMSO", "--email", "not an address"])
        XCTAssertEqual(bad.status, 64, bad.stdout)
        XCTAssertTrue(bad.stderr.contains("is not an e-mail address"), bad.stderr)

        let noFrom = try runCLI(["notices", "--dry-run", dir.appendingPathComponent("x").path], db: db, extraEnv: ["BACKORDERS_LANG": "en"])
        XCTAssertEqual(noFrom.status, 1)
        XCTAssertTrue(noFrom.stderr.contains("no sender address"), noFrom.stderr)
        let stored = try runCLI(["notices", "--set-from", "Lager Nord <lager@lagernord.example.no>"], db: db)
        XCTAssertEqual(stored.status, 0, stored.stderr)
        let dry = try runCLI(["notices", "--dry-run", dir.appendingPathComponent("x").path], db: db, extraEnv: ["BACKORDERS_LANG": "en"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("1 message written to"), dry.stdout)
    }
}
