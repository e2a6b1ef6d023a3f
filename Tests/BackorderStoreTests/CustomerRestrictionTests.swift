import BackorderCore
import BackorderStore
import XCTest

/// Backorder lines restricted to one customer (Enter on the backlog report, `list backorders --customer`): an exact
/// match on the code, unlike the text filter, which also finds items and other customers whose names contain the text.
final class CustomerRestrictionTests: XCTestCase {
    /// Customer BOLT is called "Bolt"; BOLTON's name contains it, and so does the item BOLT-M8's. BOLT has three waiting
    /// lines (SO-4 oldest; SO-2 newer but at priority 1), one line served from stock and one cancelled.
    func makeLookalikes() throws -> Warehouse {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "BOLT-M8", name: "Bolt M8", onHand: 0), ctx: ctx(-60))
        try w.addItem(Item(sku: "NUT", name: "Nut M8", onHand: 0), ctx: ctx(-60))
        try w.addItem(Item(sku: "WASHER", name: "Washer", onHand: 100), ctx: ctx(-60))
        try w.addCustomer(Customer(code: "BOLT", name: "Bolt"))
        try w.addCustomer(Customer(code: "BOLTON", name: "Bolton Bygg AS"))
        try w.addCustomer(Customer(code: "C3", name: "Customer C3"))
        func order(_ number: String, _ customer: String, daysAgo: Int, priority: Int = 5, _ lines: [NewOrderLine]) throws {
            _ = try w.createOrder(NewOrder(number: number, customer: customer, orderDate: testToday.adding(days: -daysAgo), priority: priority,
                                           lines: lines), ctx: ctx(-daysAgo))
        }
        try order("SO-1", "BOLTON", daysAgo: 20, [.init(sku: "BOLT-M8", quantity: 10)])
        try order("SO-2", "BOLT", daysAgo: 15, priority: 1, [.init(sku: "NUT", quantity: 5), .init(sku: "BOLT-M8", quantity: 3)])
        try order("SO-3", "C3", daysAgo: 10, [.init(sku: "BOLT-M8", quantity: 2)])
        try order("SO-4", "BOLT", daysAgo: 30, [.init(sku: "NUT", quantity: 4)])
        try order("SO-5", "BOLT", daysAgo: 5, [.init(sku: "WASHER", quantity: 2)])
        try order("SO-6", "BOLT", daysAgo: 3, [.init(sku: "NUT", quantity: 1)])
        _ = try w.cancel(order: "SO-6", lineNo: nil, reason: "customer gave up", ctx: ctx())
        return w
    }

    func lines(_ rows: [BackorderRow]) -> [String] { rows.map { "\($0.orderNumber)/\($0.lineNo)" } }

    /// The text filter looks up order numbers among open orders and SKUs among items before it reads any line, and
    /// leaves a column out when nothing there matches: what it finds is still every line whose order number, SKU, item
    /// name, customer code or customer name contains the text, and a text found nowhere reads no line at all.
    func testTheTextFilterFindsWhatTheColumnsHold() throws {
        let w = try makeLookalikes()
        let expected: [String: [String]] = [
            "so-2": ["SO-2/1", "SO-2/2"],                             // order number only
            "SO-6": [],                                               // a closed order's number
            "nut": ["SO-4/1", "SO-2/1"],                              // SKU and item name
            "t-m": ["SO-1/1", "SO-2/2", "SO-3/1"],                    // SKU BOLT-M8 only (its name is "Bolt M8")
            "washer": [],                                             // a SKU nobody waits for
            "m8": ["SO-4/1", "SO-1/1", "SO-2/1", "SO-2/2", "SO-3/1"], // SKU BOLT-M8, names "Bolt M8" and "Nut M8"
            "c3": ["SO-3/1"],                                         // customer code (and name)
            "bygg": ["SO-1/1"],                                       // customer name only
            "ut-m": [], "zqxw": [], "%": [],
        ]
        for (text, lines) in expected {
            XCTAssertEqual(self.lines(try w.backorderLines(Page(limit: 50, filter: text), today: testToday)), lines, text)
            XCTAssertEqual(try w.rowCount(.backorders, filter: text), lines.count, text)
        }
    }

    func testACustomerIsMatchedByCodeNotByTextInNames() throws {
        let w = try makeLookalikes()
        // The text filter finds Bolton's line, C3's line of the Bolt M8 item, and Bolt's own.
        XCTAssertEqual(lines(try w.backorderLines(Page(limit: 50, filter: "Bolt"), today: testToday)), ["SO-4/1", "SO-1/1", "SO-2/1", "SO-2/2", "SO-3/1"])
        // The restriction finds Bolt's waiting lines only, oldest order first (SO-4 before SO-2 despite SO-2's priority).
        let bolt = try w.backorderLines(Page(limit: 50), customer: "BOLT", today: testToday)
        XCTAssertEqual(lines(bolt), ["SO-4/1", "SO-2/1", "SO-2/2"], "not SO-5 (served from stock) nor SO-6 (cancelled)")
        XCTAssertEqual(bolt.map(\.customerName), ["Bolt", "Bolt", "Bolt"])
        XCTAssertEqual(bolt.map(\.backordered), [4, 5, 3])
        XCTAssertEqual(bolt.map(\.itemName), ["Nut M8", "Nut M8", "Bolt M8"])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", customer: "BOLT"), 3)
        XCTAssertEqual(lines(try w.backorderLines(Page(limit: 50), customer: "BOLTON", today: testToday)), ["SO-1/1"])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", customer: "BOLTON"), 1)
        // The same rows as the whole list has for these lines (ages, promised dates, priorities).
        let everything = try w.backorderLines(Page(limit: 50), today: testToday)
        XCTAssertEqual(bolt, everything.filter { $0.customerName == "Bolt" })
    }

    func testTheTextFilterAndTheSKUNarrowACustomersLines() throws {
        let w = try makeLookalikes()
        for (filter, expected) in [("nut", ["SO-4/1", "SO-2/1"]), ("SO-2", ["SO-2/1", "SO-2/2"]), ("Bolt", ["SO-4/1", "SO-2/1", "SO-2/2"]),
                                   ("Bolton", []), ("nothing like it", [])] {
            XCTAssertEqual(lines(try w.backorderLines(Page(limit: 50, filter: filter), customer: "BOLT", today: testToday)), expected, filter)
            XCTAssertEqual(try w.rowCount(.backorders, filter: filter, customer: "BOLT"), expected.count, filter)
        }
        // With a SKU too: that SKU's lines of that customer, in serving order (priority 1 first).
        XCTAssertEqual(lines(try w.backorderLines(Page(limit: 50), sku: "NUT", customer: "BOLT", today: testToday)), ["SO-2/1", "SO-4/1"])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", sku: "NUT", customer: "BOLT"), 2)
        XCTAssertEqual(lines(try w.backorderLines(Page(limit: 50), sku: "BOLT-M8", customer: "BOLT", today: testToday)), ["SO-2/2"])
        XCTAssertEqual(try w.backorderLines(Page(limit: 50), sku: "WASHER", customer: "BOLT", today: testToday), [])
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", sku: "NUT", customer: "BOLTON"), 0)
        // Paged: the same order a page at a time.
        XCTAssertEqual(lines(try w.backorderLines(Page(offset: 1, limit: 1), customer: "BOLT", today: testToday)), ["SO-2/1"])
    }

    func testAnUnknownCustomerIsAnErrorNotAnEmptyList() throws {
        let w = try makeLookalikes()
        for code in ["NOPE", "bolt", "BOL", "BOLT%", ""] {
            assertRefused(.notFound, "unknown customer \(code)") { _ = try w.backorderLines(Page(limit: 50), customer: code, today: testToday) }
            assertRefused(.notFound, "unknown customer \(code)") { _ = try w.rowCount(.backorders, filter: "", customer: code) }
        }
        for list in [ListKind.orders, .arrivals, .stock] {
            assertRefused(.invalidInput, "only backorder lines") { _ = try w.rowCount(list, filter: "", customer: "BOLT") }
        }
        // A customer without backorders is known: an empty list.
        XCTAssertEqual(try w.backorderLines(Page(limit: 50), sku: "NUT", customer: "C3", today: testToday), [])
    }

    /// Deep pages of a customer's lines (read backwards from the far end) hold the rows a forward read would.
    func testDeepPagesOfACustomerMatchTheForwardOrder() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0, "NUT": 0])
        try w.batch { s in
            for i in 0..<2_400 {
                try s.createOrder(NewOrder(number: "SO-\(String(i * 7919 % 10_007))", customer: i % 6 == 0 ? "C2" : "C1",
                                           orderDate: testToday.adding(days: -(i % 40)), priority: 1 + i % 9,
                                           lines: [.init(sku: i % 2 == 0 ? "BOLT" : "NUT", quantity: 1 + i % 5)]), ctx: ctx())
            }
        }
        let all = try w.backorderLines(Page(limit: 5_000), customer: "C1", today: testToday)
        XCTAssertEqual(all.count, 2_000)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "", customer: "C1"), 2_000)
        XCTAssertEqual(all.map { "\($0.orderDate.iso) \($0.orderNumber)" }, all.map { "\($0.orderDate.iso) \($0.orderNumber)" }.sorted(),
                       "oldest first, then by order number")
        for offset in [1_001, 1_500, 1_993, 1_999, 2_000] {
            XCTAssertEqual(lines(try w.backorderLines(Page(offset: offset, limit: 9), customer: "C1", today: testToday)),
                           lines(Array(all.dropFirst(offset).prefix(9))), "offset \(offset)")
        }
    }
}
