import Foundation
import XCTest

/// `backorders list … --sort COLUMN [--desc]` on the sample warehouse, through the real binary: the whole list is
/// sorted before the page is cut, and a column the list does not have is refused naming the ones it has.
final class SortCLITests: XCTestCase {
    static let script = SampleWarehouseTests.packageRoot.appendingPathComponent("sample-data/warehouse.txt")
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }

    override func setUpWithError() throws {
        db = tempDB()
        let r = try runCLI(["sample", "--from", Self.script.path, "--today", "2026-11-25"], db: db)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The rows of a `--json` list.
    func rows(_ args: [String]) throws -> [[String: Any]] {
        let r = try runCLI(["list"] + args + ["--json"], db: db)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "stdout is a JSON array")
    }

    func line(_ row: [String: Any]) -> String { "\(row["orderNumber"] ?? "?")/\(row["lineNo"] ?? "?")" }

    func testSortOrdersTheWholeListBeforeThePageIsCut() throws {
        let all = try rows(["backorders", "--limit", "1000"])
        XCTAssertGreaterThan(all.count, 6)
        // Most backordered units first; equal quantities newest order first (every term reversed).
        let expected = all.enumerated().sorted { a, b in
            let (qa, qb) = (a.element["backordered"] as! Int, b.element["backordered"] as! Int)
            return qa != qb ? qa > qb : a.offset > b.offset
        }.map { line($0.element) }
        let whole = try rows(["backorders", "--sort", "quantity", "--desc", "--limit", "1000"]).map(line)
        XCTAssertEqual(whole, expected)
        var pages: [String] = []
        for offset in stride(from: 0, to: all.count, by: 4) {
            pages += try rows(["backorders", "--sort", "quantity", "--desc", "--limit", "4", "--offset", "\(offset)"]).map(line)
        }
        XCTAssertEqual(pages, expected, "pages of the sorted list add up to it")
        XCTAssertNotEqual(Array(whole.prefix(4)), all.prefix(4).map(line), "not the first page of the list's own order, re-sorted")

        let text = try runCLI(["list", "stock", "--sort", "FREE", "--limit", "3"], db: db)
        XCTAssertEqual(text.status, 0, text.stderr)
        let free = text.stdout.split(separator: "\n").dropFirst(2).map { Int($0.split(separator: " ", omittingEmptySubsequences: true).reversed()[2])! }
        XCTAssertEqual(free, free.sorted(), "the table too, least free stock first (column names in any case)")
    }

    func testAColumnTheListDoesNotHaveIsRefusedNamingTheValidOnes() throws {
        let wrong = try runCLI(["list", "arrivals", "--sort", "age"], db: db)
        XCTAssertEqual(wrong.status, 64)
        XCTAssertEqual(wrong.stdout, "")
        XCTAssertEqual(wrong.stderr, "backorders: unknown sort column \"age\" for the arrivals list: use one of reference, supplier, sku, "
                       + "item, expected, received, promised, eta, moved\n")
        let missing = try runCLI(["list", "backorders", "--sort", "bogus"], db: "/nonexistent/dir/w.sqlite")
        XCTAssertEqual(missing.status, 64, "the column is checked before the file is opened")
        let desc = try runCLI(["list", "orders", "--desc"], db: db)
        XCTAssertEqual(desc.status, 64)
        XCTAssertTrue(desc.stderr.contains("--desc reverses a --sort: name the column to sort by"), desc.stderr)
    }
}
