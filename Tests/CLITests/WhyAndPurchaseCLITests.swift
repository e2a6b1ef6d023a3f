import Foundation
import TestSupport
import XCTest

/// `backorders why`, `purchase` and `item set` through the real binary, on the sample warehouse as of 2026-11-25.
final class WhyAndPurchaseCLITests: XCTestCase {
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/warehouse.txt")

    override func setUpWithError() throws {
        db = tempDB()
        let r = try run(["sample", "--from", Self.script.path, "--today", "2026-11-25"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ args: [String]) throws -> RunResult { try runCLI(args, db: db, today: "2026-11-25") }

    /// SO-000017 waits for 8 × HW-4002 behind the priority-1 SO-000039 (4), and PO-4503/1 brings 8: 4 for it.
    func testWhyExplainsALineBehindAnUrgentOrder() throws {
        let r = try run(["why", "SO-000017", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "SO-000017 line 1: 8 × HW-4002 Dørvrider «Ålesund» børstet stål waiting · priority 5 · ordered 2026-10-27")
        for expected in [
            "No arrival planned: 4 of its 8 unit(s) are not covered by an open arrival (4 are).",
            "Place in the queue of HW-4002: 2 of 2 (served by priority, then order date, order number, line).",
            "  • SO-000039/2 Ålesund kommune, bygg og eiendom: 4, priority 1, ordered 2026-11-25",
            "  • PO-4503/1 Dansk Beslag A/S, ETA 2026-11-27: 8 outstanding — 4 to lines ahead, 4 to this line",
            "  • Priority 1 (now 5): promised 2026-11-27, 0 unit(s) ahead — key P, or backorders order set SO-000017 --priority 1",
            "  • 4 more unit(s) on order would give it a date — P in the shortage report, or backorders purchase HW-4002=4",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing \"\(expected)\" in:\n\(r.stdout)")
        }

        let json = try run(["why", "SO-000031", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let all = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(all.count, 1, "every waiting line of the order: one")
        XCTAssertEqual(all[0]["promised"] as? String, "2026-12-01")
        XCTAssertEqual(all[0]["coveringArrival"] as? String, "PO-4505/1")
        XCTAssertEqual(all[0]["unitsAhead"] as? Int, 30, "the wholesaler's 30 on the same arrival")
        XCTAssertEqual((all[0]["coveringArrivesToday"] as? [String: Any])?["date"] as? String, "2026-11-25")

        let none = try run(["why", "SO-000036"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.stderr, "backorders: SO-000036 has no backordered line: no promised date to explain\n")
        XCTAssertEqual(try run(["why", "SO-999999"]).status, 1)
    }

    func testPurchasePreviewsCreatesAndRefuses() throws {
        let arrivalsBefore = try run(["list", "arrivals", "--json", "--limit", "100"]).stdout

        let preview = try run(["purchase", "HW-4002", "--preview"])
        XCTAssertEqual(preview.status, 0, preview.stderr)
        XCTAssertEqual(preview.stdout, """
            preview (nothing was changed): 1 line(s) on PO-4509 (Dansk Beslag A/S)
              PO-4509 to Dansk Beslag A/S:
              • line 1: 24 × HW-4002, ETA 2026-12-05
              Promised dates that move:
              • SO-000017/1 HW-4002: no arrival planned → 2026-12-05
              Notice to: SO-000017 (Fjellheim Byggevare AS)

            """)
        XCTAssertEqual(try run(["list", "arrivals", "--json", "--limit", "100"]).stdout, arrivalsBefore, "a preview changes nothing")

        // HT-3008 has a supplier but no lead time: the whole purchase is refused, naming it; nothing is created.
        let refused = try run(["purchase", "HW-4002", "HT-3008"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "backorders: cannot purchase: HT-3008: no lead time: set one (item set HT-3008 --lead-time DAYS) or give --eta\n")
        XCTAssertEqual(try run(["list", "arrivals", "--json", "--limit", "100"]).stdout, arrivalsBefore)

        let bought = try run(["purchase", "HW-4002", "TL-2005", "--json"])
        XCTAssertEqual(bought.status, 0, bought.stderr)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bought.stdout.utf8)) as? [String: Any])
        let arrivals = try XCTUnwrap(result["arrivals"] as? [[String: Any]])
        XCTAssertEqual(arrivals.map { "\($0["poNumber"]!)/\($0["poLine"]!) \($0["quantity"]!)×\($0["sku"]!) \($0["eta"]!)" },
                       ["PO-4509/1 24×HW-4002 2026-12-05", "PO-4510/1 6×TL-2005 2027-01-13"], "one PO per supplier; ETA today + lead time")
        XCTAssertEqual(result["preview"] as? Bool, false)
        let why = try run(["why", "SO-000017"])
        XCTAssertTrue(why.stdout.contains("Promised 2026-12-05: PO-4509/1 covers its last unit."), why.stdout)
        let status = try run(["status", "SO-000030"])
        // The webshop reads Norwegian (the sample's lang=nb): its status gives days as dd.mm.yyyy.
        XCTAssertTrue(status.stdout.contains("13.01.2027"), "the jigsaws now have a date:\n" + status.stdout)

        // Given an ETA, an item without a lead time is bought; with a lead time set, it is bought without one.
        let eta = try run(["purchase", "HT-3008=12", "--eta", "+7", "--preview"])
        XCTAssertEqual(eta.status, 0, eta.stderr)
        XCTAssertTrue(eta.stdout.contains("• line 1: 12 × HT-3008, ETA 2026-12-02"), eta.stdout)
        let set = try run(["item", "set", "HT-3008", "--lead-time", "14"])
        XCTAssertEqual(set.stdout, "HT-3008: changed lead time\n")
        XCTAssertEqual(try run(["item", "set", "HT-3008", "--lead-time", "14"]).stdout, "HT-3008 already has that\n")
        let shortage = try run(["report", "shortage"])
        XCTAssertTrue(shortage.stdout.contains("HT-3008  Bøylesag 300 mm                         3      1     0         0          3      9d   12     6   12 stk  Järvinen Työkalut Oy        14d"),
                      shortage.stdout)
        let later = try run(["purchase", "HT-3008"])
        XCTAssertEqual(later.status, 0, later.stderr)
        XCTAssertTrue(later.stdout.hasPrefix("1 line(s) on PO-4511 (Järvinen Työkalut Oy)\n"), later.stdout)
        XCTAssertEqual(try run(["purchase", "HT-3008"]).stderr,
                       "backorders: cannot purchase: HT-3008: nothing is uncovered (3 backordered, 0 free, 12 incoming): give a quantity (HT-3008=QTY) to buy anyway\n")
        XCTAssertEqual(try run(["check"]).status, 0)
    }

    func testItemMasterDataOnTheCommandLine() throws {
        let add = try run(["item", "add", "NEW-1", "Ny skrue", "--supplier", "Bultfabriken i Småland AB", "--lead-time", "21"])
        XCTAssertEqual(add.status, 0, add.stderr)
        let shown = try run(["list", "stock", "--sku", "NEW-1", "--json"])
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.first?["supplier"] as? String, "Bultfabriken i Småland AB")
        XCTAssertEqual(items.first?["leadTimeDays"] as? Int, 21)
        XCTAssertEqual(try run(["item", "set", "NEW-1", "--supplier", "", "--lead-time", "none"]).stdout, "NEW-1: changed supplier, lead time\n")
        let bad = try run(["item", "set", "NEW-1", "--lead-time", "-3"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(try run(["item", "set", "NEW-1"]).status, 64, "nothing to change")
        XCTAssertEqual(try run(["item", "set", "GONE", "--lead-time", "3"]).status, 1)
        XCTAssertEqual(try run(["purchase", "NEW-1=10"]).stderr,
                       "backorders: cannot purchase: NEW-1: no default supplier: set one (item set NEW-1 --supplier NAME) or give --supplier; "
                       + "no lead time: set one (item set NEW-1 --lead-time DAYS) or give --eta\n")
    }
}
