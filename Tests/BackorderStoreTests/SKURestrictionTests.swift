import BackorderCore
import BackorderStore
import XCTest

/// Lists restricted to one SKU (Follow SKU in the UI): an exact match, unlike the text filter, and combinable with it.
final class SKURestrictionTests: XCTestCase {
    static let skus = ["SKU-1", "SKU-10", "SKU-100", "XSKU-1"]

    /// Every SKU above has one arrival from Acme and a backordered line; SKU-1 also has a second arrival from Bolt Co.
    func makeLookalikes() throws -> Warehouse {
        let w = try makeWarehouse(stock: Dictionary(uniqueKeysWithValues: Self.skus.map { ($0, 0) }))
        for (i, sku) in Self.skus.enumerated() {
            try w.addArrival(NewArrival(supplier: "Acme", poNumber: "PO-\(i)", sku: sku, quantity: 10, eta: testToday.adding(days: i + 1)),
                             ctx: ctx())
            try w.createOrder(NewOrder(number: "SO-\(i)", customer: "C1", lines: [.init(sku: sku, quantity: 20)]), ctx: ctx())
        }
        try w.addArrival(NewArrival(supplier: "Bolt Co", poNumber: "PO-9", sku: "SKU-1", quantity: 5, eta: testToday.adding(days: 9)),
                         ctx: ctx())
        return w
    }

    func testSKU1DoesNotMatchSKU10() throws {
        let w = try makeLookalikes()
        // The text filter matches anywhere: SKU-1 finds all five arrivals.
        XCTAssertEqual(try w.rowCount(.arrivals, filter: "SKU-1"), 5)
        XCTAssertEqual(try w.rowCount(.stock, filter: "SKU-1"), 4)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "SKU-1"), 4)
        // The SKU restriction matches exactly.
        XCTAssertEqual(try w.openArrivals(Page(limit: 50), sku: "SKU-1", today: testToday).map(\.arrival.reference), ["PO-0/1", "PO-9/1"])
        XCTAssertEqual(try w.rowCount(.arrivals, filter: "", sku: "SKU-1"), 2)
        XCTAssertEqual(try w.stock(Page(limit: 50), sku: "SKU-1").map(\.sku), ["SKU-1"])
        XCTAssertEqual(try w.rowCount(.stock, filter: "", sku: "SKU-1"), 1)
        XCTAssertEqual(try w.backorderLines(Page(limit: 50), sku: "SKU-1", today: testToday).map(\.orderNumber), ["SO-0"])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", sku: "SKU-1"), 1)
        XCTAssertEqual(try w.stock(Page(limit: 50), sku: "SKU-10").map(\.sku), ["SKU-10"])
        XCTAssertEqual(try w.rowCount(.arrivals, filter: "", sku: "SKU-100"), 1)
    }

    func testTheTextFilterNarrowsARestrictedList() throws {
        let w = try makeLookalikes()
        XCTAssertEqual(try w.openArrivals(Page(limit: 50, filter: "bolt"), sku: "SKU-1", today: testToday).map(\.arrival.reference), ["PO-9/1"])
        XCTAssertEqual(try w.rowCount(.arrivals, filter: "bolt", sku: "SKU-1"), 1)
        XCTAssertEqual(try w.rowCount(.arrivals, filter: "bolt", sku: "SKU-10"), 0)
        XCTAssertEqual(try w.stock(Page(limit: 50, filter: "item"), sku: "SKU-1").map(\.sku), ["SKU-1"])
        XCTAssertEqual(try w.stock(Page(limit: 50, filter: "nothing like it"), sku: "SKU-1"), [])
        XCTAssertEqual(try w.rowCount(.stock, filter: "nothing like it", sku: "SKU-1"), 0)
        XCTAssertEqual(try w.stock(Page(limit: 50), onlyShort: true, sku: "SKU-1").map(\.sku), ["SKU-1"])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "SO-0", sku: "SKU-1"), 1)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "SO-1", sku: "SKU-1"), 0)
    }

    func testUnknownOrOddSKUsFindNothingAndOrdersRefuseASKU() throws {
        let w = try makeLookalikes()
        for sku in ["SKU-404", "SKU-1%", "SKU_1", "sku-1", "", "SKU-1' OR 1=1 --"] {
            XCTAssertEqual(try w.openArrivals(Page(limit: 50), sku: sku, today: testToday), [], sku)
            XCTAssertEqual(try w.stock(Page(limit: 50), sku: sku), [], sku)
            XCTAssertEqual(try w.backorderLines(Page(limit: 50), sku: sku, today: testToday), [], sku)
            for list in [ListKind.backorders, .arrivals, .stock] { XCTAssertEqual(try w.rowCount(list, filter: "", sku: sku), 0, "\(list) \(sku)") }
        }
        assertRefused(.invalidInput, "cannot be restricted to one SKU") { _ = try w.rowCount(.orders, filter: "", sku: "SKU-1") }
        XCTAssertEqual(try w.rowCount(.orders, filter: "", sku: nil), 4)
    }
}
