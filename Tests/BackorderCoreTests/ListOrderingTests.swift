import XCTest
@testable import BackorderCore

/// The one table of every list's order, which both stores spell: each sort is total, descending is ascending turned
/// round, and the natural orders are the lists' own.
final class ListOrderingTests: XCTestCase {
    /// Checks every key of `list` both ways: the terms end with the fields of the list's unique key (so the order is
    /// total), name no field twice, and descending turns every ascending term round. Returns the sorts checked.
    private func checkEverySort<Field>(of list: ListKind, endsWith unique: [Field], _ terms: (ListSort) throws -> [SortTerm<Field>],
                                       line: UInt = #line) throws -> Int {
        var checked = 0
        for key in ListSortKey.all(list) {
            let up = try terms(ListSort(key)), down = try terms(ListSort(key, descending: true))
            for t in [up, down] {
                XCTAssertEqual(Array(t.map(\.field).suffix(unique.count)), unique, "\(key)", line: line)
                XCTAssertEqual(Set(t.map(\.field)).count, t.count, "\(key) names a field twice", line: line)
            }
            XCTAssertEqual(down, up.map(\.reversed), "\(key)", line: line)
            checked += 2
        }
        return checked
    }

    func testEverySortIsTotalAndDescendingReversesEveryTerm() throws {
        var checked = try checkEverySort(of: .orders, endsWith: [OrderSortField.number]) { try ListOrdering.orders($0) }
        checked += try checkEverySort(of: .backorders, endsWith: [BackorderSortField.orderNumber, .lineNo]) { try ListOrdering.backorders($0) }
        // A SKU's lines with a sort are ordered as the whole list's.
        checked += try checkEverySort(of: .backorders, endsWith: [BackorderSortField.orderNumber, .lineNo]) {
            let one = try ListOrdering.backorders($0, oneSKU: true)
            XCTAssertEqual(one, try ListOrdering.backorders($0))
            return one
        }
        checked += try checkEverySort(of: .arrivals, endsWith: [ArrivalSortField.id]) { try ListOrdering.arrivals($0) }
        checked += try checkEverySort(of: .stock, endsWith: [StockSortField.sku]) { try ListOrdering.stock($0) }
        XCTAssertEqual(checked, 2 * (ListKind.allCases.map { ListSortKey.all($0).count }.reduce(0, +) + BackorderSortKey.allCases.count))
    }

    func testWithoutASortEachListIsInItsOwnOrder() throws {
        XCTAssertEqual(try ListOrdering.orders(nil), [.up(.orderDate), .up(.number)])
        XCTAssertEqual(try ListOrdering.backorders(nil), [.up(.orderDate), .up(.orderNumber), .up(.lineNo)])
        // One SKU's lines: the order receipts serve them in.
        XCTAssertEqual(try ListOrdering.backorders(nil, oneSKU: true), [.up(.priority), .up(.orderDate), .up(.orderNumber), .up(.lineNo)])
        XCTAssertEqual(try ListOrdering.arrivals(nil), [.up(.eta), .up(.id)])
        XCTAssertEqual(try ListOrdering.stock(nil), [.up(.sku)])
    }

    func testTheTieBreakersOfSomeSorts() throws {
        // The number is unique: nothing follows it.
        XCTAssertEqual(try ListOrdering.orders(ListSort(.orders(.number), descending: true)), [SortTerm(.number, descending: true)])
        XCTAssertEqual(try ListOrdering.orders(ListSort(.orders(.customer))),
                       [.up(.customerName), .up(.customerCode), .up(.orderDate), .up(.number)])
        // Age counts days: ascending is the newest order first, every natural term reversed.
        XCTAssertEqual(try ListOrdering.backorders(ListSort(.backorders(.age))), ListOrdering.backorderNatural.map(\.reversed))
        XCTAssertEqual(try ListOrdering.backorders(ListSort(.backorders(.age), descending: true)), ListOrdering.backorderNatural)
        // A SKU's or an item's lines in serving order, whether or not the list is restricted to one SKU.
        XCTAssertEqual(try ListOrdering.backorders(ListSort(.backorders(.item)), oneSKU: true),
                       [.up(.itemName), .up(.itemSKU)] + ListOrdering.servingOrder)
        XCTAssertEqual(try ListOrdering.backorders(ListSort(.backorders(.priority))), ListOrdering.servingOrder)
        XCTAssertEqual(try ListOrdering.arrivals(ListSort(.arrivals(.reference))), [.up(.poNumber), .up(.poLine), .up(.eta), .up(.id)])
        XCTAssertEqual(try ListOrdering.stock(ListSort(.stock(.free), descending: true)),
                       [SortTerm(.free, descending: true), SortTerm(.sku, descending: true)])
    }

    func testASortByAnotherListsColumnIsRefused() {
        XCTAssertThrowsError(try ListOrdering.orders(ListSort(.stock(.sku)))) { error in
            XCTAssertEqual((error as? BackorderError)?.kind, .invalidInput, "\(error)")
        }
        XCTAssertThrowsError(try ListOrdering.backorders(ListSort(.orders(.number))))
        XCTAssertThrowsError(try ListOrdering.arrivals(ListSort(.backorders(.sku))))
        XCTAssertThrowsError(try ListOrdering.stock(ListSort(.arrivals(.sku))))
    }

    func testNamesAndCodesCompareAsTheyShould() {
        // The stores spell figures for backorders and arrivals only: the other lists have none.
        XCTAssertFalse(OrderSortField.allCases.contains { $0.source == .figure })
        XCTAssertFalse(StockSortField.allCases.contains { $0.source == .figure })
        XCTAssertEqual(BackorderSortField.allCases.filter { $0.source == .figure }, [.promised])
        XCTAssertEqual(Set(ArrivalSortField.allCases.filter { $0.source == .figure }), [.promised, .etaChanges])
        // Names without regard to case; order numbers and SKUs as written.
        XCTAssertEqual(BackorderSortField.itemName.source, .name)
        XCTAssertEqual(BackorderSortField.orderNumber.source, .code)
        XCTAssertEqual(StockSortField.bin.source, .name)
        XCTAssertEqual(ArrivalSortField.supplier.source, .name)
    }
}
