import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// The filter's full-text index (v15): kept by every write, folded for æøå in both directions, the same rows as the
/// walk it replaced, and proved by `check`.
final class SearchIndexTests: XCTestCase {
    func makeFile() throws -> (Warehouse, String) {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "FS-1002", name: "Terrasseskrue Ærlig", onHand: 0), ctx: ctx(-60))
        try w.addItem(Item(sku: "KJ-100", name: "Kjemikalie", onHand: 0), ctx: ctx(-60))
        try w.addCustomer(Customer(code: "AAL", name: "Ålesund kommune"))
        try w.addCustomer(Customer(code: "OST", name: "Øst-Agder Kjemi"))
        try w.addCustomer(Customer(code: "BER", name: "Bergen Bygg"))
        for (n, c, sku) in [("SO-1001", "AAL", "KJ-100"), ("SO-1002", "OST", "KJ-100"), ("SO-2003", "BER", "FS-1002")] {
            try w.createOrder(NewOrder(number: n, customer: c, lines: [.init(sku: sku, quantity: 3)]), ctx: ctx())
        }
        return (w, path)
    }

    func orders(_ w: Warehouse, _ filter: String) throws -> [String] { try w.openOrders(Page(limit: 50, filter: filter)).map(\.number) }
    func backorders(_ w: Warehouse, _ filter: String) throws -> [String] {
        try w.backorderLines(Page(limit: 50, filter: filter), today: testToday).map(\.orderNumber)
    }

    func testFoldsNordicLettersBothWaysThroughTheIndex() throws {
        let (w, _) = try makeFile()
        defer { try? w.close() }
        XCTAssertEqual(try orders(w, "øst"), ["SO-1002"])
        XCTAssertEqual(try orders(w, "ØST-agder"), ["SO-1002"])
        XCTAssertEqual(try orders(w, "ÅLESUND"), ["SO-1001"])
        XCTAssertEqual(try backorders(w, "ålesund"), ["SO-1001"])
        XCTAssertEqual(try backorders(w, "ÆRLIG"), ["SO-2003"], "an item's name")
        XCTAssertEqual(try backorders(w, "æRlIg"), ["SO-2003"])
        XCTAssertEqual(try orders(w, "ost"), ["SO-1002"], "the customer code OST; Øst is not ost")
        XCTAssertEqual(try orders(w, "estad"), [], "accents are not dropped: only case is folded")
        XCTAssertEqual(try backorders(w, "kj-1"), ["SO-1001", "SO-1002"], "a SKU")
        XCTAssertEqual(try backorders(w, "so-100"), ["SO-1001", "SO-1002"], "order numbers")
        XCTAssertEqual(try orders(w, "zqxwv"), [])
        XCTAssertEqual(try w.rowCount(.orders, filter: "øST", sku: nil, customer: nil), 1)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "100", sku: nil, customer: nil), 3, "order numbers and the SKU FS-1002")
        XCTAssertEqual(try orders(w, "\"1"), [], "a quote in the text is text, not FTS5 syntax")
        // Two characters: the list's own index, same folding.
        XCTAssertEqual(try orders(w, "øS"), ["SO-1002"])
    }

    func testWritesKeepTheIndexInTheirTransaction() throws {
        let (w, _) = try makeFile()
        defer { try? w.close() }
        try w.addCustomer(Customer(code: "TRO", name: "Tromsø Jern"))
        try w.createOrder(NewOrder(number: "SO-3004", customer: "TRO", lines: [.init(sku: "KJ-100", quantity: 1)]), ctx: ctx())
        XCTAssertEqual(try orders(w, "TROMSØ"), ["SO-3004"])
        XCTAssertEqual(try orders(w, "3004"), ["SO-3004"])
        try w.updateCustomer(Customer(code: "TRO", name: "Nordlys Jern"), ctx: ctx())
        XCTAssertEqual(try orders(w, "tromsø"), [], "a renamed customer is found by its new name only")
        XCTAssertEqual(try orders(w, "NORDLYS"), ["SO-3004"])
        _ = try w.updateItem(Item(sku: "KJ-100", name: "Lim Ønskeklar", onHand: 0))
        XCTAssertEqual(try backorders(w, "ØNSKE"), ["SO-1001", "SO-1002", "SO-3004"])
        XCTAssertEqual(try backorders(w, "kjemikalie"), [])
        // A write that fails leaves the index as it was.
        XCTAssertThrowsError(try w.createOrder(NewOrder(number: "SO-9999", customer: "NOPE", lines: [.init(sku: "KJ-100", quantity: 1)]), ctx: ctx()))
        XCTAssertEqual(try orders(w, "9999"), [])
        XCTAssertEqual(try w.check(), [])
    }

    func testCheckFindsADamagedIndex() throws {
        let (w, path) = try makeFile()
        XCTAssertEqual(try w.check(), [])
        try w.close()
        for sql in [
            // An order the index lost (as if a write had bypassed the trigger).
            "INSERT INTO order_search (order_search, rowid, number) SELECT 'delete', id, number FROM orders WHERE number = 'SO-1002'",
            // An item with a stale name.
            "UPDATE item_search_content SET c1 = 'Gammelt navn' WHERE c0 = 'KJ-100'",
            // A customer's row gone from the index's copy but not from the index.
            "DELETE FROM customer_search_content WHERE c0 = 'BER'",
        ] {
            let copy = temporaryPath()
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let queue = try DatabaseQueue(path: copy)
            try queue.write { try $0.execute(sql: sql) }
            try queue.close()
            let damaged = try Warehouse.open(path: copy, mode: .readWrite)
            let found: [Violation]
            do { found = try damaged.check() } catch { XCTFail("\(sql): \(error)"); try damaged.close(); continue }
            XCTAssertFalse(found.isEmpty, sql)
            XCTAssertEqual(Set(found.map(\.rule)), ["search index"], sql)
            // The rebuild mends it.
            try damaged.write { try Warehouse.rebuildSearchIndex($0) }
            XCTAssertEqual(try damaged.check(), [], sql)
            try damaged.close()
        }
    }

    func testRebuildMatchesTheTriggers() throws {
        let (w, _) = try makeFile()
        defer { try? w.close() }
        let before = try ["øst", "SO-", "ærlig", "100"].map { try backorders(w, $0) }
        try w.write { try Warehouse.rebuildSearchIndex($0) }
        XCTAssertEqual(try ["øst", "SO-", "ærlig", "100"].map { try backorders(w, $0) }, before)
        XCTAssertEqual(try w.check(), [])
    }

    /// Past its bound a set gives way to the text test on the walk: the same rows either way, and 1–2 characters
    /// (no trigram) take the walk alone.
    func testLargeSetsAndShortTextsFindTheSameRows() throws {
        let (w, _) = try makeFile()
        defer { try? w.close() }
        let texts = ["øst", "SO-", "ærlig", "100", "kj-", "ålesund", "so-2", "1", "øs", "Å", "zq", "-1", "be", "r", "ber"]
        let viaSets = try texts.map { try (orders(w, $0), backorders(w, $0), w.rowCount(.backorders, filter: $0)) }
        let countsViaSets = try texts.map { try w.rowCount(.orders, filter: $0) }
        let (o, i) = (SearchIndex.orderSetBound, SearchIndex.itemSetBound)
        SearchIndex.orderSetBound = 0
        SearchIndex.itemSetBound = 0
        defer { (SearchIndex.orderSetBound, SearchIndex.itemSetBound) = (o, i) }
        let viaWalk = try texts.map { try (orders(w, $0), backorders(w, $0), w.rowCount(.backorders, filter: $0)) }
        XCTAssertEqual(countsViaSets, try texts.map { try w.rowCount(.orders, filter: $0) })
        for (n, text) in texts.enumerated() {
            XCTAssertEqual(viaSets[n].0, viaWalk[n].0, text)
            XCTAssertEqual(viaSets[n].1, viaWalk[n].1, text)
            XCTAssertEqual(viaSets[n].2, viaWalk[n].2, text)
        }
        XCTAssertEqual(viaWalk[0].0, ["SO-1002"])
        XCTAssertEqual(viaWalk[2].1, ["SO-2003"])
        XCTAssertEqual(viaSets[8].0, ["SO-1002"], "two letters: Øst-Agder by the walk")
        XCTAssertEqual(viaSets[9].0, ["SO-1001"], "one letter: Ålesund")
        XCTAssertEqual(viaWalk[12].1, ["SO-2003"], "two letters of a customer's name, tested on the row: Bergen Bygg")
        XCTAssertEqual(viaWalk[14].0, ["SO-2003"])
    }

    func testCatalogue() {
        XCTAssertEqual(Catalogue.problems(SearchText.self), [])
    }
}
