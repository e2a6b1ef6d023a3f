import BackorderCore
import Foundation
import GRDB
import XCTest

/// Clerks' processes killed with SIGKILL in the middle of their work, round after round: SQLite's atomic commit must
/// leave every invariant holding and keep every operation a process reported as committed.
final class CrashTests: XCTestCase {
    /// One writer of a round: the real binary running `stress --log`, killed at a random moment.
    private struct Writer {
        var name: String
        var process: Process
        var log: String
        var err: String
    }

    /// What a writer's log line claims: `TAG KIND ARTEFACT [LINES]` (Stress.swift writes them).
    private struct Claim {
        var tag: String
        var kind: String
        var artefact: String
        var lines: Int?
        var source: String
    }

    func testWritersKilledMidWriteKeepEveryReportedCommit() throws {
        let env = ProcessInfo.processInfo.environment
        // CI: 30 rounds within about a minute; scripts/soak asks for more through these.
        let rounds = Int(env["BACKORDERS_CRASH_ROUNDS"] ?? "") ?? 30
        let budget = Double(env["BACKORDERS_CRASH_SECONDS"] ?? "") ?? 60
        let writers = Int(env["BACKORDERS_CRASH_WRITERS"] ?? "") ?? 4
        let seed = UInt64(env["BACKORDERS_CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...999_999)
        var rng = SeededRandom(seed: seed)
        let binary = try backordersBinary()

        let db = tempDB()
        let dir = (db as NSString).deletingLastPathComponent
        XCTAssertEqual(try runCLI(["init"], db: db).status, 0)
        for sku in ["A", "B", "C", "D", "E"] {
            XCTAssertEqual(try runCLI(["item", "add", sku, "Item \(sku)", "--stock", "40"], db: db).status, 0)
        }
        for c in ["C1", "C2", "C3"] { XCTAssertEqual(try runCLI(["customer", "add", c, "Customer \(c)"], db: db).status, 0) }

        let started = Date()
        var done = 0, killed = 0, killedAtStart = 0, checkSeconds = 0.0
        var logs: [String] = []
        while done < rounds, Date().timeIntervalSince(started) < budget {
            let round = done + 1
            let ws: [Writer] = try (1...writers).map { n in
                let name = "r\(round)w\(n)"
                let log = "\(dir)/\(name).log", err = "\(dir)/\(name).err"
                FileManager.default.createFile(atPath: err, contents: nil)
                let p = Process()
                p.executableURL = binary
                // More operations than a round lasts: every writer dies by the kill, none by finishing.
                p.arguments = ["stress", "--ops", "1000000", "--seed", "\(rng.next() % 1_000_000)", "--actor", name, "--log", log]
                var e = env
                e["BACKORDERS_DB"] = db
                e["BACKORDERS_TODAY"] = "2026-11-25"
                p.environment = e
                p.standardInput = FileHandle.nullDevice
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle(forWritingAtPath: err)
                try p.run()
                return Writer(name: name, process: p, log: log, err: err)
            }
            logs += ws.map(\.log)
            for w in ws {
                // Mostly mid-work (after its first commit); one kill in eight while it opens the file, maybe recovering
                // after the last round's kills.
                if rng.below(8) == 0 {
                    killedAtStart += 1
                } else {
                    let deadline = Date().addingTimeInterval(20)
                    while w.process.isRunning, fileSize(w.log) == 0, Date() < deadline { usleep(5_000) }
                }
                usleep(UInt32(rng.below(250_000)))
                guard w.process.isRunning else {
                    w.process.waitUntilExit()
                    XCTFail("\(w.name) ended by itself (status \(w.process.terminationStatus)) before its kill: \(contents(w.err))")
                    continue
                }
                kill(w.process.processIdentifier, SIGKILL)
            }
            for w in ws {
                w.process.waitUntilExit()
                if w.process.terminationReason == .uncaughtSignal && w.process.terminationStatus == SIGKILL { killed += 1 }
                XCTAssertEqual(contents(w.err), "", "\(w.name) reported an error before its kill")
            }
            // After every round, so a failure names the round that broke the file.
            let t = Date()
            let check = try runCLI(["check"], db: db)
            checkSeconds += Date().timeIntervalSince(t)
            XCTAssertEqual(check.status, 0, "round \(round) (seed \(seed)): " + check.stdout + check.stderr)
            if check.status != 0 { break }
            done += 1
        }
        let full = try runCLI(["check", "--full"], db: db)
        XCTAssertEqual(full.status, 0, "seed \(seed): " + full.stdout + full.stderr)
        XCTAssertGreaterThanOrEqual(done, min(rounds, 12), "dozens of rounds were meant to run in \(budget) s")
        XCTAssertEqual(killed, done * writers, "every writer died by SIGKILL")

        // A torn last line (no newline) claims nothing; every whole line must be in the file.
        var claims: [Claim] = []
        for log in logs {
            let text = contents(log)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let f = line.split(separator: " ").map(String.init)
                XCTAssertGreaterThanOrEqual(f.count, 3, "a log line of \(log): \(line)")
                guard f.count >= 3 else { continue }
                claims.append(Claim(tag: f[0], kind: f[1], artefact: f[2], lines: f.count > 3 ? Int(f[3]) : nil, source: String(line)))
            }
        }
        XCTAssertGreaterThanOrEqual(claims.count, done * writers, "the writers committed work before their kills")
        let kinds = Set(claims.map(\.kind))
        XCTAssertTrue(kinds.isSuperset(of: ["order", "pick", "ship", "receive"]), "the everyday operations were logged: \(kinds)")
        XCTAssertGreaterThanOrEqual(kinds.subtracting(["order", "pick", "ship", "receive"]).count, 3, "the exceptions were logged: \(kinds)")

        let missing = try missingClaims(claims, db: db)
        XCTAssertTrue(missing.isEmpty, "seed \(seed): \(missing.count) of \(claims.count) operations reported committed are not in the file, "
                      + "e.g. \(missing.prefix(10).map(\.source))")

        // The figures: how often a kill fell between a commit and its log line (committed, never claimed) shows the
        // kills land on the write path, not only between operations.
        let inFile = try tagsInFile(db: db)
        let claimed = Set(claims.map(\.tag))
        let unclaimed = inFile.filter { $0.range(of: #"^r[0-9]+w[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil && !claimed.contains($0) }.count
        print("crash: seed \(seed), \(done) rounds × \(writers) writers, \(killed) killed (\(killedAtStart) while opening), "
              + "\(claims.count) operations claimed, \(unclaimed) committed unclaimed, check "
              + String(format: "%.2f s in all, %.1f s", checkSeconds, Date().timeIntervalSince(started)))
    }

    /// The claims not found in the file, each looked for in the tables its operation writes (by the operation's own
    /// journal name, which `stress --log` makes unique).
    private func missingClaims(_ claims: [Claim], db: String) throws -> [Claim] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: db, configuration: config)
        return try queue.read { db in
            let movementActors = Set(try String.fetchAll(db, sql: "SELECT DISTINCT actor FROM movement"))
            let changeActors = Set(try String.fetchAll(db, sql: "SELECT DISTINCT actor FROM order_change WHERE field = 'priority'"))
            var orderLines: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT actor, count(*) FROM movement WHERE kind = 'order' GROUP BY actor") {
                orderLines[r[0]] = r[1]
            }
            let orders = Set(try String.fetchAll(db, sql: "SELECT number FROM orders"))
            var shipments: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT s.number, s.actor FROM shipment s
                WHERE EXISTS (SELECT 1 FROM shipment_line sl WHERE sl.shipment_id = s.id)
                  AND EXISTS (SELECT 1 FROM movement m WHERE m.shipment_id = s.id AND m.kind = 'ship')
                """) { shipments[r[0]] = r[1] }
            var receipts: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT r.number, r.actor FROM receipt r WHERE EXISTS (SELECT 1 FROM movement m WHERE m.receipt_id = r.id AND m.kind = 'receive')
                """) { receipts[r[0]] = r[1] }
            var reversals: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT r.number, v.actor FROM receipt_reversal v JOIN receipt r ON r.id = v.receipt_id") {
                reversals[r[0]] = r[1]
            }
            // Each count's adjustment, as "actor sku".
            let counts = Set(try Row.fetchAll(db, sql: "SELECT DISTINCT actor, sku FROM movement WHERE kind = 'adjust'").map { r in
                "\(r[0] as String) \(r[1] as String)"
            })
            return claims.filter { c in
                switch c.kind {
                // A whole order: its header and one journal row per line it was placed with.
                case "order": return !(orders.contains(c.artefact) && orderLines[c.tag] == c.lines)
                case "ship": return shipments[c.artefact] != c.tag
                case "receive": return receipts[c.artefact] != c.tag
                case "reverse": return reversals[c.artefact] != c.tag || !movementActors.contains(c.tag)
                case "priority": return !changeActors.contains(c.tag)
                // A count: its own adjustment of the SKU it names.
                case "count": return !counts.contains("\(c.tag) \(c.artefact)")
                // Serving first may only raise the priority (no stock to give), or only give stock (already priority 1).
                case "expedite": return !changeActors.contains(c.tag) && !movementActors.contains(c.tag)
                default: return !movementActors.contains(c.tag)
                }
            }
        }
    }

    /// Every journal name that wrote a row anywhere.
    private func tagsInFile(db: String) throws -> Set<String> {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: db, configuration: config).read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT actor FROM movement UNION SELECT actor FROM order_change UNION SELECT actor FROM shipment
                UNION SELECT actor FROM receipt UNION SELECT actor FROM receipt_reversal
                """))
        }
    }
}

private func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

private func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}
