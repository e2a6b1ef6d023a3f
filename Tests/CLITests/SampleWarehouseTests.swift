import Foundation
import XCTest

/// The sample warehouse (sample-data/warehouse.txt), built by the real `backorders` binary as of a fixed day and
/// checked end to end: the file is intact, the lists a clerk sees match their golden files, and the wholesaler case
/// (100 ordered, 70 in stock) reads as it should.
///
/// Golden files live in Tests/CLITests/Golden/. A missing one is written and the test fails once, saying so;
/// `GOLDEN_RECORD=1 swift test --filter SampleWarehouseTests` rewrites them all after an intended change.
final class SampleWarehouseTests: XCTestCase {
    /// The replay's today (a Wednesday). Also given as BACKORDERS_TODAY to every command, because `list backorders`,
    /// `list arrivals` and `status` judge ages and lateness by the clock and have no `--today` option.
    static let today = "2026-11-25"
    /// THE KEY CASE: Nordbygg ordered 100 × FS-1002 with 70 in stock.
    static let wholesalerOrder = "SO-000028"

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("sample-data/warehouse.txt")
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Where SwiftPM put the products (`.build/debug/`), as in swift-argument-parser's own tests.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("couldn't find the products directory")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    static var binary: URL { productsDirectory.appendingPathComponent("backorders") }

    private var dir: URL!
    private var db: String { dir.appendingPathComponent("sample.sqlite").path }
    private var buildOutput = ""

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw Failure("no backorders binary at \(Self.binary.path): build the package first")
        }
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = try run(["sample", "--db", db, "--from", Self.script.path, "--today", Self.today])
        guard r.status == 0 else { throw Failure("backorders sample failed (exit \(r.status)):\n\(r.stderr)\(r.stdout)") }
        buildOutput = r.stdout
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    // MARK: the file

    func testSampleIsBuiltCompletely() throws {
        XCTAssertEqual(buildOutput, "built \(db) from \(Self.script.path): 33 items, 17 open orders, 14 backorder lines, 10 expected arrivals\n")
        // The whole story must be in the data file, not stranded in the write-ahead log of the temporary file it was built in.
        let wal = dir.appendingPathComponent("sample.sqlite.building-wal").path
        if FileManager.default.fileExists(atPath: wal) {
            let size = try FileManager.default.attributesOfItem(atPath: wal)[.size] as? NSNumber
            XCTAssertEqual(size?.intValue, 0, "sample left committed data in \(wal): the data file it moved into place lacks it")
        }
    }

    func testCheckSaysOK() throws {
        let r = try run(["check", "--db", db])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, "ok: every invariant holds and the file is intact\n")
    }

    // MARK: what a clerk sees (golden files)

    func testListOrders() throws { try assertGolden(["list", "orders"], "list-orders.txt") }
    func testListBackorders() throws { try assertGolden(["list", "backorders"], "list-backorders.txt") }
    func testListArrivals() throws { try assertGolden(["list", "arrivals"], "list-arrivals.txt") }
    func testListStock() throws { try assertGolden(["list", "stock"], "list-stock.txt") }
    func testListStockOfOneSKU() throws { try assertGolden(["list", "stock", "--sku", "FS-1002"], "list-stock-FS-1002.txt") }
    func testListBackordersOfOneCustomer() throws { try assertGolden(["list", "backorders", "--customer", "NORDBYGG"], "list-backorders-NORDBYGG.txt") }
    func testNoticesPage() throws { try assertGolden(["notices", "--limit", "2", "--offset", "1"], "notices-2-from-1.txt") }
    func testCustomerHistory() throws {
        try assertGolden(["customer", "history", "NORDBYGG"], "customer-history-NORDBYGG.txt")
        try assertGolden(["--lang", "nb", "customer", "history", "NORDBYGG"], "customer-history-NORDBYGG-nb.txt")
        try assertGolden(["customer", "history", "NORDBYGG", "--json"], "customer-history-NORDBYGG.json")
    }
    func testWholesalerStatus() throws { try assertGolden(["status", Self.wholesalerOrder], "status-\(Self.wholesalerOrder).txt") }

    // MARK: the supervisor's reports (golden files, text and JSON)

    func testReportAging() throws { try assertGolden(["report", "aging"], "report-aging.txt") }
    func testReportAgingJSON() throws { try assertGolden(["report", "aging", "--json"], "report-aging.json") }
    func testReportAgingBucket() throws { try assertGolden(["report", "aging", "--bucket", "15-30"], "report-aging-15-30.txt") }
    func testReportShortage() throws { try assertGolden(["report", "shortage"], "report-shortage.txt") }
    func testReportShortageJSON() throws { try assertGolden(["report", "shortage", "--json"], "report-shortage.json") }
    func testReportLate() throws { try assertGolden(["report", "late"], "report-late.txt") }
    func testReportLateJSON() throws { try assertGolden(["report", "late", "--json"], "report-late.json") }
    func testReportService() throws { try assertGolden(["report", "service"], "report-service.txt") }
    func testReportServiceJSON() throws { try assertGolden(["report", "service", "--json"], "report-service.json") }
    func testReportBacklog() throws { try assertGolden(["report", "backlog"], "report-backlog.txt") }
    func testReportBacklogJSON() throws { try assertGolden(["report", "backlog", "--json"], "report-backlog.json") }
    func testReportShortageCSV() throws { try assertGolden(["report", "shortage", "--csv"], "report-shortage.csv") }

    /// The aging buckets and the lines listed per bucket agree with the backorder list: every waiting line is in
    /// exactly one bucket.
    func testAgingBucketsCoverEveryBackorderLine() throws {
        let aging = try run(["report", "aging", "--json", "--db", db])
        let buckets = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(aging.stdout.utf8)) as? [[String: Any]])
        var listed = 0
        for b in buckets {
            let name = try XCTUnwrap(b["bucket"] as? String)
            let r = try run(["report", "aging", "--bucket", name, "--json", "--db", db])
            let lines = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            XCTAssertEqual(lines.count, int(b["lines"]), "bucket \(name)")
            XCTAssertEqual(lines.reduce(0) { $0 + (int($1["backordered"]) ?? 0) }, int(b["units"]), "bucket \(name)")
            listed += lines.count
        }
        XCTAssertEqual(listed, 14, "the sample has 14 backorder lines")
    }

    // MARK: the key case

    /// 100 ordered, 70 on the shelf: 70 picked and shipped in one shipment, 30 on backorder promised from the next
    /// arrival of the item (PO-4505/1).
    func testWholesalerShips70AndBackorders30WithAPromisedDate() throws {
        let r = try run(["show", Self.wholesalerOrder, "--json", "--db", db])
        guard r.status == 0 else { return XCTFail("show \(Self.wholesalerOrder) failed (exit \(r.status)): \(r.stderr)") }
        let detail = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])

        let order = try XCTUnwrap(detail["order"] as? [String: Any])
        XCTAssertEqual(order["number"] as? String, Self.wholesalerOrder)
        XCTAssertEqual(order["customerCode"] as? String, "NORDBYGG")
        XCTAssertNil(order["closedAt"], "the order stays open while 30 wait")

        let lines = try XCTUnwrap(detail["lines"] as? [[String: Any]])
        XCTAssertEqual(lines.count, 1)
        let line = try XCTUnwrap(lines.first?["line"] as? [String: Any])
        XCTAssertEqual(line["sku"] as? String, "FS-1002")
        let q = try XCTUnwrap(line["quantities"] as? [String: Any])
        XCTAssertEqual(int(q["ordered"]), 100)
        XCTAssertEqual(int(q["shipped"]), 70)
        XCTAssertEqual(int(q["backordered"]), 30)
        XCTAssertEqual(int(q["allocated"]), 0)
        XCTAssertEqual(int(q["picked"]), 0)
        XCTAssertEqual(int(q["cancelled"]), 0)

        let shipments = try XCTUnwrap(detail["shipments"] as? [[String: Any]])
        XCTAssertEqual(shipments.count, 1, "the 70 left in one shipment")
        let shipped = try XCTUnwrap(shipments.first?["lines"] as? [[String: Any]])
        XCTAssertEqual(shipped.map { int($0["quantity"]) }, [70])

        // Promised: the ETA of the next open arrival of FS-1002.
        let promised = try XCTUnwrap(lines.first?["promised"] as? String, "the 30 on backorder have a promised date")
        let a = try run(["list", "arrivals", "--sku", "FS-1002", "--json", "--db", db])
        guard a.status == 0 else { return XCTFail("list arrivals failed (exit \(a.status)): \(a.stderr)") }
        let arrivals = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [[String: Any]])
        let next = try XCTUnwrap(arrivals.first?["arrival"] as? [String: Any])
        XCTAssertEqual(next["poNumber"] as? String, "PO-4505")
        XCTAssertEqual(int(next["poLine"]), 1)
        XCTAssertEqual(promised, next["eta"] as? String)
        XCTAssertEqual(promised, "2026-12-01")
        XCTAssertGreaterThan(promised, Self.today, "promised in the future, not late")
    }

    // MARK: helpers

    private struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    private struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the real binary with a fixed today; stdout and stderr go to files, so no pipe can fill up and block.
    private func run(_ arguments: [String]) throws -> Run {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["BACKORDERS_TODAY"] = Self.today
        env["BACKORDERS_DB"] = nil
        p.environment = env
        let id = UUID().uuidString
        let outURL = dir.appendingPathComponent("stdout-\(id)"), errURL = dir.appendingPathComponent("stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close(); try err.close()
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        return Run(status: p.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    private func int(_ value: Any?) -> Int? {
        if let i = value as? Int { return i }
        return (value as? NSNumber)?.intValue
    }

    /// Runs a command on the sample file and compares its output with Golden/`name`.
    private func assertGolden(_ arguments: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(arguments + ["--db", db])
        guard r.status == 0 else {
            XCTFail("backorders \(arguments.joined(separator: " ")) failed (exit \(r.status)): \(r.stderr)", file: file, line: line)
            return
        }
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GOLDEN_RECORD"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(r.stdout.utf8).write(to: url)
            XCTFail("recorded the golden file \(url.path); look it over, then run again without GOLDEN_RECORD", file: file, line: line)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != r.stdout {
            XCTFail("""
                `backorders \(arguments.joined(separator: " "))` differs from Golden/\(name) \
                (- golden, + now; GOLDEN_RECORD=1 accepts the new output):
                \(Self.diff(expected, r.stdout))
                """, file: file, line: line)
        }
    }

    /// A line diff (longest common subsequence) showing each change with two lines of context.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(mark: Character, text: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append((" ", a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(("-", a[i])); i += 1
            } else {
                ops.append(("+", b[j])); j += 1
            }
        }
        let changed = ops.indices.filter { ops[$0].mark != " " }
        var out: [String] = []
        var last = -1
        for k in ops.indices where changed.contains(where: { abs($0 - k) <= 2 }) {
            if last >= 0 && k > last + 1 { out.append("  …") }
            out.append("\(ops[k].mark) \(ops[k].text.isEmpty ? "⏎" : ops[k].text)")
            last = k
        }
        return out.joined(separator: "\n")
    }
}
