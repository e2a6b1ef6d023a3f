import Foundation
import TestSupport
import XCTest

/// `backorders notices` paging (--limit, --offset, and a word on stderr when more exist than were printed),
/// `list stock --sku` and `list backorders --customer`, through the real binary.
final class NoticesAndStockCLITests: XCTestCase {
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }

    override func setUpWithError() throws { db = tempDB() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ args: [String]) throws -> RunResult { try runCLI(args, db: db) }

    /// `count` orders of one unit of an item nobody has: each order's backorder opens one pending notice.
    func makeNotices(_ count: Int) throws {
        for args in [["init"], ["item", "add", "GONE", "Sold out"], ["customer", "add", "C1", "Nordbygg Grossist AS"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let csv = "order,customer,sku,qty\n" + (1...count).map { String(format: "SO-%05d,C1,GONE,1\n", $0) }.joined()
        let file = dir.appendingPathComponent("orders.csv")
        try Data(csv.utf8).write(to: file)
        let r = try run(["import", "orders", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func orders(_ json: String) throws -> [String] {
        let notices = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "stdout is a JSON array")
        return notices.map { $0["orderNumber"] as? String ?? "?" }
    }

    func testMoreNoticesThanTheDefaultLimitSaySoOnStderr() throws {
        try makeNotices(1_003)
        let text = try run(["notices"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("── ") }.count, 1_000, "the default page")
        XCTAssertEqual(text.stderr, "showing 1000 of 1003 notices (1–1000); use --offset/--limit for the others\n")

        let json = try run(["notices", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let first = try orders(json.stdout)
        XCTAssertEqual(first.count, 1_000)
        XCTAssertEqual(first.first, "SO-00001")
        XCTAssertEqual(json.stderr, text.stderr, "the note goes to stderr, so stdout stays valid JSON")

        let rest = try run(["notices", "--json", "--offset", "1000"])
        XCTAssertEqual(rest.status, 0, rest.stderr)
        XCTAssertEqual(try orders(rest.stdout), ["SO-01001", "SO-01002", "SO-01003"], "the page after the first, oldest first")
        XCTAssertEqual(rest.stderr, "showing 3 of 1003 notices (1001–1003); use --offset/--limit for the others\n")

        let all = try run(["notices", "--json", "--limit", "2000"])
        XCTAssertEqual(try orders(all.stdout).count, 1_003)
        XCTAssertEqual(all.stderr, "", "every notice printed: nothing to say")
    }

    func testLimitAndOffsetPageTheList() throws {
        try makeNotices(5)
        let page = try run(["notices", "--json", "--limit", "2", "--offset", "1"])
        XCTAssertEqual(page.status, 0, page.stderr)
        XCTAssertEqual(try orders(page.stdout), ["SO-00002", "SO-00003"])
        XCTAssertEqual(page.stderr, "showing 2 of 5 notices (2–3); use --offset/--limit for the others\n")

        let text = try run(["notices", "--limit", "1", "--offset", "4"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("── SO-00005 to Nordbygg Grossist AS (C1) — backordered — pending since "), text.stdout)
        XCTAssertEqual(text.stderr, "showing 1 of 5 notices (5–5); use --offset/--limit for the others\n")

        let past = try run(["notices", "--offset", "9"])
        XCTAssertEqual(past.status, 0, past.stderr)
        XCTAssertEqual(past.stdout, "", "not \"no pending notices\": there are five")
        XCTAssertEqual(past.stderr, "showing 0 of 5 notices (--offset 9 is past the last); use --offset/--limit for the others\n")
        let pastJSON = try run(["notices", "--json", "--offset", "9"])
        XCTAssertEqual(try orders(pastJSON.stdout), [])

        let whole = try run(["notices", "--limit", "5"])
        XCTAssertEqual(whole.stderr, "")
        XCTAssertEqual(whole.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("── ") }.count, 5)
    }

    /// `upgrade` on a current file says there was nothing to do; on a missing file it is a data-file error.
    func testUpgradeSaysWhatItDid() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let r = try run(["upgrade"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "\(db) is already in this version's format\n")
        let missing = try runCLI(["upgrade"], db: dir.appendingPathComponent("none.sqlite").path)
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("no data file at"), missing.stderr)
    }

    func testNoNoticesAtAll() throws {
        try makeNotices(1)
        XCTAssertEqual(try run(["notices", "--mark-sent-all"]).stdout, "marked 1 notice(s) sent\n")
        let none = try run(["notices"])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "no pending notices\n")
        XCTAssertEqual(none.stderr, "")
        let sent = try run(["notices", "--all", "--json"])
        XCTAssertEqual(try orders(sent.stdout), ["SO-00001"], "--all pages the sent ones too")
    }

    func testBadLimitOrOffsetIs64WithAClearMessageAndMarksNothing() throws {
        try makeNotices(3)
        for args in [["--limit", "-1"], ["--offset", "-5"], ["--limit=-1"], ["--offset", "-1", "--json"]] {
            let r = try run(["notices"] + args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertEqual(r.stdout, "", args.joined(separator: " "))
            XCTAssertTrue(r.stderr.hasPrefix("Error: --limit and --offset must not be negative\n"), r.stderr)
        }
        let typo = try run(["notices", "--limit", "ten"])
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.hasPrefix("Error: The value 'ten' is invalid for '--limit <limit>'"), typo.stderr)

        // Marking is of every pending notice (or one order's), never of a page: asking for a page is refused before any write.
        for args in [["--mark-sent-all", "--limit", "1"], ["--mark-sent", "SO-00001", "--offset", "1"]] {
            let r = try run(["notices"] + args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.hasPrefix("Error: --limit and --offset page the list;"), r.stderr)
        }
        let pending = try run(["notices", "--json"])
        XCTAssertEqual(try orders(pending.stdout), ["SO-00001", "SO-00002", "SO-00003"], "nothing was marked sent")
    }

    func testListsRefuseANegativeLimitClearly() throws {
        try makeNotices(1)
        for list in ["orders", "backorders", "arrivals", "stock"] {
            let r = try run(["list", list, "--limit", "-5"])
            XCTAssertEqual(r.status, 64, list)
            XCTAssertTrue(r.stderr.hasPrefix("Error: --limit and --offset must not be negative\n"), "\(list): \(r.stderr)")
        }
    }

    func testJournalAndAgingRefuseANegativeLimitClearly() throws {
        try makeNotices(1)
        for args in [["journal", "--limit", "-5"], ["report", "aging", "--bucket", "0-7", "--limit", "-1"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertTrue(r.stderr.hasPrefix("Error: --limit must not be negative\n"), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try run(["journal", "--limit", "0"]).status, 0)
    }

    // MARK: list stock --sku

    func testListStockSKUIsExactlyThatItem() throws {
        for args in [["init"], ["item", "add", "SKU-1", "Widget", "--stock", "4"], ["item", "add", "SKU-10", "Widget XL"],
                     ["item", "add", "XSKU-1", "Other widget"], ["customer", "add", "C1", "Nordbygg Grossist AS"],
                     ["order", "create", "--customer", "C1", "SKU-1=6", "SKU-10=1"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
        let one = try run(["list", "stock", "--sku", "SKU-1"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, """
            SKU    ITEM    BIN  ON HAND  ALLOC  PICKED  FREE  BACKORD  INCOMING
            -----  ------  ---  -------  -----  ------  ----  -------  --------
            SKU-1  Widget             4      4       0     0        2         0

            """)
        let json = try run(["list", "stock", "--sku", "SKU-1", "--json"])
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.map { $0["sku"] as? String }, ["SKU-1"], "not SKU-10 or XSKU-1")
        let text = try run(["list", "stock", "--filter", "SKU-1", "--csv"])
        XCTAssertEqual(text.stdout.components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) },
                       ["SKU-1", "SKU-10", "XSKU-1"], "a text filter, by contrast, matches all three")

        let short = try run(["list", "stock", "--sku", "SKU-10", "--short", "--csv"])
        XCTAssertEqual(short.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 2, "SKU-10 waits for 1: header and one row")
        let none = try run(["list", "stock", "--sku", "XSKU-1", "--short", "--json"])
        XCTAssertEqual(none.stdout, "[\n\n]\n", "XSKU-1 has nothing backordered")
        let unknown = try run(["list", "stock", "--sku", "NOPE", "--json"])
        XCTAssertEqual(unknown.status, 0, "like list arrivals --sku: an empty list, not an error")
        XCTAssertEqual(unknown.stdout, "[\n\n]\n")
    }

    // MARK: list backorders --customer

    /// Customer BOLT is called "Bolt"; Bolton's name and the item Bolt M8's contain that too. `--customer BOLT` lists
    /// Bolt's lines only (a text filter would list all three), combines with --filter and --sku, and an unknown code fails.
    func testListBackordersCustomerIsExactlyThatCustomer() throws {
        for args in [["init"], ["item", "add", "BOLT-M8", "Bolt M8"], ["item", "add", "NUT", "Nut M8"],
                     ["customer", "add", "BOLT", "Bolt"], ["customer", "add", "BOLTON", "Bolton Bygg AS"], ["customer", "add", "C3", "Other AS"],
                     ["order", "create", "--customer", "BOLTON", "--number", "SO-1", "--date", "2026-11-05", "BOLT-M8=10"],
                     ["order", "create", "--customer", "BOLT", "--number", "SO-2", "--date", "2026-11-10", "NUT=5", "BOLT-M8=3"],
                     ["order", "create", "--customer", "C3", "--number", "SO-3", "--date", "2026-11-15", "BOLT-M8=2"],
                     ["order", "create", "--customer", "BOLT", "--number", "SO-4", "--date", "2026-10-26", "NUT=4"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
        func lines(_ args: [String]) throws -> [String] {
            let r = try run(["list", "backorders", "--json"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], r.stdout)
            return rows.map { "\($0["orderNumber"] as? String ?? "?")/\(($0["lineNo"] as? NSNumber)?.intValue ?? 0)" }
        }
        XCTAssertEqual(try lines(["--filter", "Bolt"]), ["SO-4/1", "SO-1/1", "SO-2/1", "SO-2/2", "SO-3/1"], "the text filter matches names")
        XCTAssertEqual(try lines(["--customer", "BOLT"]), ["SO-4/1", "SO-2/1", "SO-2/2"], "oldest first")
        XCTAssertEqual(try lines(["--customer", "BOLTON"]), ["SO-1/1"])
        XCTAssertEqual(try lines(["--customer", "BOLT", "--filter", "nut"]), ["SO-4/1", "SO-2/1"])
        XCTAssertEqual(try lines(["--customer", "BOLT", "--sku", "BOLT-M8"]), ["SO-2/2"])
        XCTAssertEqual(try lines(["--customer", "C3", "--sku", "NUT"]), [], "a known customer without such lines: an empty list")
        XCTAssertEqual(try lines(["--customer", "BOLT", "--limit", "1", "--offset", "1"]), ["SO-2/1"])

        let text = try run(["list", "backorders", "--customer", "BOLTON"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("SO-1 ") && text.stdout.contains("Bolton Bygg AS"), text.stdout)
        XCTAssertFalse(text.stdout.contains("SO-2"), text.stdout)

        for code in ["NOPE", "bolt", "BOL"] {
            let unknown = try run(["list", "backorders", "--customer", code])
            XCTAssertEqual(unknown.status, 1, "an unknown customer is refused like an unknown order, not an empty list")
            XCTAssertEqual(unknown.stdout, "")
            XCTAssertEqual(unknown.stderr, "backorders: unknown customer \(code)\n")
        }
    }

    /// `receive --sku SKU QTY` (the README's unplanned receipt) books the units; a PO/line with --sku, a missing or
    /// non-numeric quantity are refused with exit 64 and change nothing.
    func testUnplannedReceiptTakesTheQuantityAlone() throws {
        for args in [["init"], ["item", "add", "BOLT", "Bolt"]] { XCTAssertEqual(try run(args).status, 0) }
        for bad in [["receive", "--sku", "BOLT"], ["receive", "PO-1/1", "5", "--sku", "BOLT"], ["receive", "--sku", "BOLT", "five"],
                    ["receive", "12"]] {
            let r = try run(bad)
            XCTAssertEqual(r.status, 64, "\(bad): \(r.stderr)")
            XCTAssertFalse(r.stderr.isEmpty, "\(bad) says why")
        }
        let stock = try run(["list", "stock", "--sku", "BOLT", "--json"])
        XCTAssertTrue(stock.stdout.contains("\"onHand\" : 0") || stock.stdout.contains("\"onHand\":0"), stock.stdout)
        let ok = try run(["receive", "--sku", "BOLT", "12"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("12 × BOLT (unplanned)"), ok.stdout)
        let after = try run(["list", "stock", "--sku", "BOLT", "--json"])
        XCTAssertTrue(after.stdout.contains("\"onHand\" : 12") || after.stdout.contains("\"onHand\":12"), after.stdout)
    }
}
