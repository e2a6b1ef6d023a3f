import BackorderCore
import BackorderStore
@testable import BackorderTUI
import Foundation
import XCTest

/// The UI's CSV export is a file for a spreadsheet: in a Norwegian session what a Norwegian Excel opens straight
/// (excel-nb), and in any session never with a live formula in it.
final class ExportDialectTests: XCTestCase {
    func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tui-export-nb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// A warehouse whose customer is named like a formula, with one open order.
    func warehouse() throws -> Warehouse {
        let w = try makeWarehouse()
        try w.addCustomer(Customer(code: "EVIL", name: "=HYPERLINK(\"http://example.com\",\"click\")"))
        try w.createOrder(NewOrder(number: "SO-9999", customer: "EVIL", priority: 1, lines: [NewOrderLine(sku: "SKU-1001", quantity: 1)]),
                          ctx: fixedContext())
        return w
    }

    func testANorwegianSessionExportsExcelNB() throws {
        let saved = Localizer.process
        Localizer.process = .nb
        defer { Localizer.process = saved }
        let dir = try directory()
        let app = makeApp(try warehouse())
        XCTAssertEqual(app.state.language, .nb)
        app.exportDirectory = dir
        app.type(.char("w"))
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir).first)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: dir + "/" + name))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a UTF-8 BOM first")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "order;date;priority;customer;customer_name;policy;lines;ordered;allocated;picked;shipped;backordered")
        XCTAssertTrue(text.contains("\r\nSO-9999;2026-03-02;1;EVIL;\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\";partial;1;1;"), text)
        XCTAssertFalse(text.contains(";=HYPERLINK") || text.contains(";\"=HYPERLINK"), "never a live formula")
    }

    func testAnEnglishSessionKeepsRFC4180ButNeutralisesFormulas() throws {
        let dir = try directory()
        let exporter = Exporter(service: try warehouse(), today: fixedToday, now: fixedNow, directory: dir, csv: .forSpreadsheet(.en))
        let written = try exporter.run(.pane(.orders, filter: "SO-9999"))
        let text = try String(contentsOfFile: written[0].path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("order,date,priority,customer,customer_name,policy,lines,ordered,allocated,picked,shipped,backordered\r\n"
                                     + "SO-9999,2026-03-02,1,EVIL,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\",partial,1,1,"), text)
    }

    func testTheExportCatalogue() {
        XCTAssertEqual(Catalogue.problems(ExportText.self), [])
        XCTAssertEqual(ExportError(path: "/x/a.csv", exists: true).message(.nb), "/x/a.csv: det finnes allerede en fil med det navnet")
        XCTAssertEqual(ExportError(path: "/x/a.csv", reason: "Permission denied").message(.nb), "/x/a.csv: Permission denied")
    }
}
