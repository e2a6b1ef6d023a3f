import BackorderCore
import Foundation
import TestSupport
import XCTest
@testable import BackorderStorePostgres
@testable import backorders

/// The commands that once worked on a file only, run by the real binary against the real server.
final class ServerCommandsCLITests: PostgresTestCase {

    /// Runs the binary on this test's database; asserts the exit status and returns what it printed.
    @discardableResult
    func backorders(_ args: [String], status: Int32 = 0, env: [String: String] = [:], line: UInt = #line) throws -> RunResult {
        let ran = try Binary.run(args + ["--db", url.description], env: env)
        XCTAssertEqual(ran.status, status, "\(args): \(ran.stdout) \(ran.stderr)", line: line)
        return ran
    }

    func initialized() throws {
        XCTAssertEqual(try Binary.run(["db", "init", url.description]).status, 0)
    }

    func testItemCustomerAndCountOnTheServer() throws {
        try initialized()
        XCTAssertEqual(try backorders(["customer", "add", "FJORD", "Fjord Bygg AS", "--language", "nb"]).stdout, "added customer FJORD\n")
        let again = try backorders(["customer", "add", "FJORD", "Other"], status: 1)
        XCTAssertTrue(again.stderr.contains("customer FJORD exists already"), again.stderr)
        XCTAssertEqual(try backorders(["item", "add", "BOLT-8", "Bolt M8", "--stock", "2", "--bin", "A-01"]).stdout, "added item BOLT-8\n")
        XCTAssertEqual(try backorders(["item", "add", "BOLT-8", "Bolt M8"], status: 1).stderr, "backorders: item BOLT-8 exists already\n")
        // An order for more than the shelf holds waits; a count that finds more gives it the units.
        let order = try backorders(["order", "create", "--customer", "FJORD", "--number", "SO-1", "BOLT-8=5"])
        XCTAssertTrue(order.stdout.contains("3 backordered"), order.stdout)
        XCTAssertEqual(try backorders(["count", "BOLT-8", "10"]).stdout, "BOLT-8: on hand set to 10\n  3 → SO-1 line 1\n")
        let below = try backorders(["count", "BOLT-8", "1"], status: 1)
        XCTAssertTrue(below.stderr.contains("BOLT-8"), below.stderr)
        XCTAssertEqual(try backorders(["count", "NOPE", "1"], status: 1).status, 1)
        let item = try PostgresWarehouse(url: url)
        defer { item.close() }
        let stock = try item.item("BOLT-8")
        XCTAssertEqual([stock.onHand, stock.allocated, stock.backordered], [10, 5, 0])
        XCTAssertEqual(try item.customer("FJORD").language, .nb)
        let checked = try Binary.run(["check", "--db", url.description])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testImportOnTheServer() throws {
        try initialized()
        let customers = try write("customers.csv", "code,name\nC1,Nordbygg AS\n")
        XCTAssertEqual(try backorders(["import", "customers", customers]).stdout, "imported \(customers): 1 created, 0 changed, 0 unchanged customers\n")
        let items = try write("items.csv", "sku,name,stock\nBOLT,Bolt,10\n")
        try backorders(["import", "items", items])
        // A file with a problem changes nothing: the good order in it is not placed either.
        let orders = try write("orders.csv", "order,customer,sku,qty\nSO-1,C1,BOLT,100\nSO-2,C9,BOLT,1\n")
        let refused = try backorders(["import", "orders", orders], status: 1)
        XCTAssertTrue(refused.stderr.contains("\(orders):3: customer: "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("was not imported: 1 problem; nothing was changed"), refused.stderr)
        let fixed = try write("orders2.csv", "order,customer,sku,qty\nSO-1,C1,BOLT,100\n")
        let dry = try backorders(["import", "orders", fixed, "--dry-run"])
        XCTAssertTrue(dry.stdout.hasPrefix("dry run: \(fixed) would give 1 created"), dry.stdout)
        XCTAssertThrowsError(try PostgresWarehouse(url: url).orderDetail("SO-1", today: Day(iso: "2026-11-25")!), "the dry run placed nothing")
        try backorders(["import", "orders", fixed])
        let again = try backorders(["import", "orders", fixed])
        XCTAssertTrue(again.stdout.contains("nothing to change"), again.stdout)
        let server = try PostgresWarehouse(url: url)
        defer { server.close() }
        let order = try server.orderDetail("SO-1", today: Day(iso: "2026-11-25")!)
        XCTAssertEqual(order.lines.map(\.line.quantities.backordered), [90])
        XCTAssertEqual(try Binary.run(["check", "--db", url.description]).status, 0)
    }

    /// The sample warehouse, built in a file and copied to this test's database.
    func sample() throws {
        let file = folder.appendingPathComponent("sample.sqlite").path
        XCTAssertEqual(try Binary.run(["sample", "--db", file]).status, 0)
        try initialized()
        XCTAssertEqual(try Binary.run(["copy", "--from", file, "--to", url.description]).status, 0)
    }

    /// Two senders at once, each through a real sendmail stand-in (a shell appending the message to a file, slowly):
    /// every notice with an address is mailed exactly once and marked sent; the others stay pending.
    func testTwoSendersNeverMailOneNoticeTwice() throws {
        try sample()
        try backorders(["notices", "--set-from", "Lager Nord AS <lager@lagernord.example.no>"])
        let pending = try JSONSerialization.jsonObject(with: Data(try backorders(["notices", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let withAddress = pending.filter { $0["email"] is String }.compactMap { $0["id"] as? Int }
        XCTAssertGreaterThan(withAddress.count, 1, "the sample has notices to mail")
        // A dry run writes each message as a file and marks nothing.
        let drafts = folder.appendingPathComponent("drafts").path
        try backorders(["notices", "--dry-run", drafts])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: drafts).count, withAddress.count)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(try backorders(["notices", "--json"]).stdout.utf8)) as? [[String: Any]])?.count,
                       pending.count)
        let outbox = folder.appendingPathComponent("outbox").path
        let sendmail = "/bin/sh -c 'sleep 0.05; cat >> \(outbox); echo ==END== >> \(outbox)'"
        let senders = try (0..<2).map { _ in
            try Binary.start(["notices", "--send", "--db", url.description], env: ["BACKORDERS_SENDMAIL": sendmail])
        }
        for (p, out, err) in senders {
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, String(decoding: o + e, as: UTF8.self))
        }
        let mail = try String(contentsOfFile: outbox, encoding: .utf8)
        for id in withAddress {
            XCTAssertEqual(mail.components(separatedBy: "Message-ID: <notice-\(id)-").count - 1, 1, "notice \(id) mailed once")
        }
        let left = try JSONSerialization.jsonObject(with: Data(try backorders(["notices", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        XCTAssertEqual(left.count, pending.count - withAddress.count)
        XCTAssertTrue(left.allSatisfy { $0["email"] == nil })
    }

    /// `demo` builds into a temporary file and copies it to the server: check passes there with the demo's counts, the
    /// file is gone, and a second demo into the same (now full) warehouse is refused, changing nothing.
    func testDemoOnTheServer() throws {
        try initialized()
        let temp = FileManager.default.temporaryDirectory.path
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: temp).filter { $0.hasPrefix("backorders-demo-") })
        let built = try backorders(["demo", "--lines", "2000"])
        XCTAssertTrue(built.stdout.hasPrefix("built \(url.description) in "), built.stdout)
        XCTAssertTrue(built.stdout.contains(" 2,000 order lines") || built.stdout.contains(" 2000 order lines"), built.stdout)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: temp).filter { $0.hasPrefix("backorders-demo-") })
        XCTAssertEqual(after, before, "the temporary file is removed")
        let checked = try Binary.run(["check", "--db", url.description])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
        let server = try PostgresWarehouse(url: url)
        defer { server.close() }
        let lines = try scalar(server.bridge, "SELECT COUNT(*) FROM order_line")
        XCTAssertEqual(lines, 2000)
        let again = try backorders(["demo", "--lines", "100"], status: 1)
        XCTAssertTrue(again.stderr.contains("is not empty"), again.stderr)
        XCTAssertEqual(try scalar(server.bridge, "SELECT COUNT(*) FROM order_line"), 2000, "nothing changed")
    }

    /// The UI's notices view mails through the service: on the server, through the command line's sendmail too.
    func testTheServiceMailsFromTheServer() throws {
        try sample()
        let outbox = folder.appendingPathComponent("outbox").path
        setenv("BACKORDERS_SENDMAIL", "/bin/sh -c 'cat >> \(outbox)'", 1)
        setenv("BACKORDERS_MAIL_FROM", "Lager Nord AS <lager@lagernord.example.no>", 1)
        defer { unsetenv("BACKORDERS_SENDMAIL"); unsetenv("BACKORDERS_MAIL_FROM"); OpenFiles.closeAll() }
        let service = try DatabaseOptions.parse(["--db", url.description]).service()
        let ctx = Context(actor: "kari", now: Timestamp(unixTime: 1_795_604_400), today: Day(iso: "2026-11-25")!)
        let results = try service.mailNotices(order: nil, ctx: ctx)
        let sent = results.filter { $0.outcome == .sent }
        XCTAssertGreaterThan(sent.count, 0, "\(results)")
        let mail = try String(contentsOfFile: outbox, encoding: .utf8)
        XCTAssertEqual(mail.components(separatedBy: "Message-ID: <notice-").count - 1, sent.count)
        XCTAssertEqual(try service.notices(includeSent: false, order: nil, offset: 0, limit: 1_000, today: ctx.today).count, results.count - sent.count)
    }

    /// A clerk's login (the role `db init` grants, not a superuser) may import, add and count: the import's table locks
    /// and its moving of the id sequences are within the clerk's rights.
    func testAClerkImportsAddsAndCounts() throws {
        let clerk = "clerk_" + UUID().uuidString.lowercased().prefix(8)
        try exec(adminBridge, "CREATE ROLE \(clerk) LOGIN")
        _ = try PostgresSetup.initialize(bridge(), clerks: [clerk], supervisors: [])
        let asClerk = url.with(user: clerk).description
        func run(_ args: [String], status: Int32 = 0, line: UInt = #line) throws -> RunResult {
            let ran = try Binary.run(args + ["--db", asClerk])
            XCTAssertEqual(ran.status, status, "\(args): \(ran.stdout) \(ran.stderr)", line: line)
            return ran
        }
        _ = try run(["customer", "add", "C1", "Nordbygg AS"])
        _ = try run(["item", "add", "BOLT", "Bolt", "--stock", "3"])
        let orders = try write("orders.csv", "order,customer,sku,qty\nSO-1,C1,BOLT,5\nSO-2,C1,BOLT,1\n")
        XCTAssertTrue(try run(["import", "orders", orders]).stdout.hasPrefix("imported "))
        // After the import the sequences go on past its ids: a clerk's next order gets the next number.
        XCTAssertTrue(try run(["order", "create", "--customer", "C1", "BOLT=1"]).stdout.contains("SO-000003"))
        XCTAssertTrue(try run(["count", "BOLT", "9"]).stdout.contains("→ SO-1 line 1"))
        XCTAssertEqual(try Binary.run(["check", "--db", url.description]).status, 0)
    }

    /// An import while other clerks keep counting and ordering: everyone finishes (the import takes its locks only
    /// when it can take them all, so it never deadlocks with them) and the warehouse checks.
    func testAnImportWhileClerksWork() throws {
        try initialized()
        try backorders(["customer", "add", "C1", "Nordbygg AS"])
        for i in 0..<5 { try backorders(["item", "add", "I\(i)", "Vare \(i)", "--stock", "50"]) }
        var rows = "order,customer,sku,qty\n"
        for o in 0..<150 { rows += "IMP-\(o),C1,I\(o % 5),\(1 + o % 3)\nIMP-\(o),C1,I\((o + 1) % 5),1\n" }
        let orders = try write("orders.csv", rows)
        let importer = try Binary.start(["import", "orders", orders, "--db", url.description])
        var clerks: [(Process, Pipe, Pipe)] = []
        for i in 0..<6 {
            clerks.append(try Binary.start(i % 2 == 0 ? ["count", "I\(i % 5)", "\(200 + i)", "--db", url.description]
                                                      : ["order", "create", "--customer", "C1", "I\(i % 5)=2", "--db", url.description]))
        }
        for (p, out, err) in [importer] + clerks {
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, String(decoding: o + e, as: UTF8.self))
        }
        let server = try PostgresWarehouse(url: url)
        defer { server.close() }
        XCTAssertEqual(try scalar(server.bridge, "SELECT COUNT(*) FROM orders WHERE number LIKE 'IMP-%'"), 150)
        let checked = try Binary.run(["check", "--db", url.description])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
    }
}
