import BackorderCore
import BackorderStore
import Foundation
import XCTest

let testToday = Day(iso: "2026-11-25")!

/// A context at 09:00 UTC on `today + offset` days, as the clerk `actor`.
func ctx(_ offset: Int = 0, actor: String = "tester") -> Context {
    let day = testToday.adding(days: offset)
    return Context(actor: actor, now: Timestamp(unixTime: Int64(day.ordinal) * 86_400 + 9 * 3600), today: day)
}

/// A warehouse in memory with a few items and customers.
func makeWarehouse(stock: [String: Int] = ["BOLT": 70]) throws -> Warehouse {
    let w = try Warehouse.inMemory()
    for (sku, q) in stock.sorted(by: { $0.key < $1.key }) {
        try w.addItem(Item(sku: sku, name: "Item \(sku)", onHand: q), ctx: ctx(-60))
    }
    for c in ["C1", "C2", "C3"] { try w.addCustomer(Customer(code: c, name: "Customer \(c)")) }
    return w
}

func assertIntact(_ w: Warehouse, file: StaticString = #filePath, line: UInt = #line) throws {
    let v = try w.check(quick: true)
    XCTAssertEqual(v, [], "invariants broken:\n" + v.map(\.description).joined(separator: "\n"), file: file, line: line)
}

func assertRefused(_ kind: BackorderError.Kind, _ contains: String, file: StaticString = #filePath, line: UInt = #line,
                   _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected a refusal containing \"\(contains)\"", file: file, line: line)
    } catch let e as BackorderError {
        XCTAssertEqual(e.kind, kind, e.message, file: file, line: line)
        XCTAssertTrue(e.message.contains(contains), "message \"\(e.message)\" lacks \"\(contains)\"", file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}

func temporaryPath(_ name: String = "w.sqlite") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}
