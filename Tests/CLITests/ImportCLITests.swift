import Foundation
import XCTest

/// `backorders import` end to end through the real binary: exit codes, the FILE:LINE list, idempotence, dry runs.
final class ImportCLITests: XCTestCase {
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }

    override func setUpWithError() throws {
        db = tempDB()
        for args in [["init"], ["item", "add", "BOLT", "Hex bolt M8x40", "--stock", "70"], ["customer", "add", "C1", "Nordbygg Grossist AS"]] {
            let r = try runCLI(args, db: db)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testRefusedFileExitsOneListingEveryLineAndChangesNothing() throws {
        let file = try write("orders.csv", "order;customer;sku;qty\nSO-1;C1;BOLT;100\nSO-2;C9;BOLT;1\nSO-3;C1;NUT;2\nSO-4;C1;BOLT;1,5\n")
        let r = try runCLI(["import", "orders", file], db: db)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "\(file):5: qty: must be a whole number of units, not 1,5\n"
                       + "backorders: \(file) was not imported: 1 problem(s); nothing was changed\n",
                       "the reader's problems come first, and the store is not asked")
        let fixed = try write("orders2.csv", "order;customer;sku;qty\nSO-1;C1;BOLT;100\nSO-2;C9;BOLT;1\nSO-3;C1;NUT;2\n")
        let r2 = try runCLI(["import", "orders", fixed], db: db)
        XCTAssertEqual(r2.status, 1)
        XCTAssertEqual(r2.stderr, "\(fixed):3: customer: unknown customer C9\n\(fixed):4: sku: unknown SKU NUT\n"
                       + "backorders: \(fixed) was not imported: 2 problem(s); nothing was changed\n")
        XCTAssertEqual(try runCLI(["list", "orders", "--json"], db: db).stdout, "[\n\n]\n", "SO-1 was not created either")
    }

    func testImportTwiceDryRunAndJSON() throws {
        let file = try write("orders.csv", "order,customer,sku,qty\nSO-1,C1,BOLT,100\n")
        let dry = try runCLI(["import", "orders", file, "--dry-run"], db: db)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, "dry run: \(file) would give 1 created, 0 changed, 0 unchanged orders; nothing was changed\n  create SO-1: 1 line\n")
        let first = try runCLI(["import", "orders", file], db: db)
        XCTAssertEqual(first.stdout, "imported \(file): 1 created, 0 changed, 0 unchanged orders\n")
        let second = try runCLI(["import", "orders", file], db: db)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(second.stdout, "\(file): nothing to change; all 1 orders are as the file says (already imported)\n")
        let json = try runCLI(["import", "orders", file, "--json"], db: db)
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(summary["unchanged"] as? Int, 1)
        XCTAssertEqual(summary["created"] as? Int, 0)
        let list = try runCLI(["list", "backorders", "--csv"], db: db)
        XCTAssertEqual(list.stdout, "order,line,date,age_days,priority,customer_name,sku,item,backordered,promised,late\r\n"
                       + "SO-1,1,2026-11-25,0,5,Nordbygg Grossist AS,BOLT,Hex bolt M8x40,30,,yes\r\n")
    }

    func testBadUsageIs64() throws {
        XCTAssertEqual(try runCLI(["import", "pallets", "x.csv"], db: db).status, 64)
        let missing = try runCLI(["import", "orders", dir.appendingPathComponent("nope.csv").path], db: db)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)
        XCTAssertEqual(try runCLI(["report", "aging", "--json", "--csv"], db: db).status, 64)
        XCTAssertEqual(try runCLI(["report", "aging", "--bucket", "9-10"], db: db).status, 64)
        XCTAssertEqual(try runCLI(["report", "service", "--from", "2026-12-01", "--to", "2026-11-01"], db: db).status, 64)
    }
}
