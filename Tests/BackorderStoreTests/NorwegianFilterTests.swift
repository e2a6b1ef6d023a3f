import BackorderCore
import BackorderStore
import XCTest

/// A filter finds names regardless of case for every letter, æøå included, in both directions: SQLite's LIKE folds
/// ASCII only, so such text is matched letter by letter in both cases.
final class NorwegianFilterTests: XCTestCase {
    func makeNordic() throws -> Warehouse {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "FS-1002", name: "Terrasseskrue Ærlig", onHand: 0), ctx: ctx(-60))
        try w.addItem(Item(sku: "KJ-1", name: "Kjemikalie", onHand: 0), ctx: ctx(-60))
        try w.addCustomer(Customer(code: "AAL", name: "Ålesund kommune"))
        try w.addCustomer(Customer(code: "OST", name: "Øst-Agder Kjemi"))
        try w.addCustomer(Customer(code: "BER", name: "Bergen Bygg"))
        for (n, c, sku) in [("SO-1", "AAL", "KJ-1"), ("SO-2", "OST", "KJ-1"), ("SO-3", "BER", "FS-1002")] {
            try w.createOrder(NewOrder(number: n, customer: c, lines: [.init(sku: sku, quantity: 3)]), ctx: ctx())
        }
        try w.addArrival(NewArrival(supplier: "Øst-Agder Kjemi AS", poNumber: "PO-1", sku: "KJ-1", quantity: 5, eta: testToday.adding(days: 5)), ctx: ctx())
        return w
    }

    func orders(_ w: Warehouse, _ filter: String) throws -> [String] { try w.openOrders(Page(limit: 50, filter: filter)).map(\.number) }
    func backorders(_ w: Warehouse, _ filter: String) throws -> [String] {
        try w.backorderLines(Page(limit: 50, filter: filter), today: testToday).map(\.orderNumber)
    }

    func testLowerCaseFindsUpperCaseAndBack() throws {
        let w = try makeNordic()
        XCTAssertEqual(try orders(w, "øst"), ["SO-2"])
        XCTAssertEqual(try orders(w, "ØST"), ["SO-2"])
        XCTAssertEqual(try orders(w, "ålesund"), ["SO-1"])
        XCTAssertEqual(try orders(w, "ÅLESUND"), ["SO-1"])
        XCTAssertEqual(try backorders(w, "ålesund"), ["SO-1"])
        XCTAssertEqual(try backorders(w, "ærlig"), ["SO-3"], "an item's name")
        XCTAssertEqual(try backorders(w, "ÆRLIG"), ["SO-3"])
        XCTAssertEqual(try w.openArrivals(Page(limit: 50, filter: "øst-agder"), today: testToday).map(\.arrival.poNumber), ["PO-1"])
        XCTAssertEqual(try w.rowCount(.orders, filter: "øST", sku: nil, customer: nil), 1)
        XCTAssertEqual(try orders(w, "ø*"), [], "GLOB's wildcards in the text match themselves")
        XCTAssertEqual(try orders(w, "bergen"), ["SO-3"], "ASCII text keeps the LIKE path")
    }
}
