import BackorderCore
import BackorderStore
import Foundation
import XCTest

/// Sorting a whole list in the store: for every column of every list, in both directions, with filters and SKU and
/// customer restrictions, pages read one after another (the deep ones from the far end, as End reads them) add up to
/// the whole list sorted here by the column, with the list's own order breaking ties.
final class SortTests: XCTestCase {
    private static let today = Day(iso: "2026-11-25")!
    private static let context = Context(actor: "demo", now: Timestamp(unixTime: Int64(today.ordinal) * 86_400 + 14 * 3_600), today: today)
    /// 20,000 generated order lines: about 1,500 waiting lines, so pages past offset 1,000 are read from the far end.
    nonisolated(unsafe) private static var shared: Warehouse?

    private var w: Warehouse {
        get throws {
            if let w = Self.shared { return w }
            let w = try Warehouse.inMemory()
            _ = try w.generateDemo(DemoSpec(orderLines: 20_000, seed: 14), ctx: Self.context)
            Self.shared = w
            return w
        }
    }

    private let everything = 1_000_000

    // MARK: comparing as SQLite does

    /// One part of a row's sort key.
    private enum Atom: Comparable {
        case int(Int)
        case text([UInt8])

        static func < (a: Atom, b: Atom) -> Bool {
            switch (a, b) {
            case let (.int(x), .int(y)): return x < y
            case let (.text(x), .text(y)): return x.lexicographicallyPrecedes(y)
            default: fatalError("a sort key compares like with like")
            }
        }
    }

    /// Text as SQLite's BINARY collation compares it: UTF-8 bytes.
    private func code(_ s: String) -> Atom { .text(Array(s.utf8)) }
    /// Text as SQLite's NOCASE collation compares it: ASCII capitals folded, then bytes.
    private func name(_ s: String) -> Atom { .text(s.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }) }
    private func int(_ n: Int) -> Atom { .int(n) }
    private func date(_ d: Day) -> Atom { .int(d.ordinal) }

    /// `rows` sorted by `key` ascending, or the other way round: every key ends in the list's natural key, so it is total.
    private func sorted<R>(_ rows: [R], descending: Bool, by key: (R) -> [Atom]) -> [R] {
        let keyed = rows.map { (key($0), $0) }
        XCTAssertEqual(Set(keyed.map { $0.0.map(String.init(describing:)) }).count, rows.count, "the sort key is total")
        let up = keyed.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        return descending ? up.reversed() : up
    }

    /// Every row of a list in pages of `size`, read one after another.
    private func paged<R>(size: Int, _ fetch: (Page) throws -> [R], _ page: (Int, Int) -> Page) throws -> [R] {
        var out: [R] = []
        while true {
            let rows = try fetch(page(out.count, size))
            out += rows
            if rows.count < size { return out }
        }
    }

    // MARK: backorder lines

    private func backorderKey(_ key: BackorderSortKey) -> (BackorderRow) -> [Atom] {
        { [self] r in
            let natural = [date(r.orderDate), code(r.orderNumber), int(r.lineNo)]
            let serving = [int(r.priority)] + natural
            switch key {
            case .order: return [code(r.orderNumber), int(r.lineNo)]
            case .sku: return [code(r.sku)] + serving
            case .item: return [name(r.itemName), code(r.sku)] + serving
            case .customer: return [name(r.customerName)] + natural
            case .priority: return serving
            case .quantity: return [int(r.backordered)] + natural
            case .promised: return [int(r.promised?.ordinal ?? Int.max)] + natural
            // Fewest days first: the newest order first, ties broken the other way round too.
            case .age: return [int(-r.orderDate.ordinal)] + [code(r.orderNumber), int(r.lineNo)].map(negated)
            }
        }
    }

    /// The atom that sorts the other way round (for the age's reversed tie-break).
    private func negated(_ a: Atom) -> Atom {
        switch a {
        case .int(let n): return .int(-n)
        case .text(let b): return .text(b.map { 255 - $0 } + [255])
        }
    }

    private func assertBackordersSorted(filter: String = "", sku: String? = nil, customer: String? = nil, pageSize: Int = 200,
                                        file: StaticString = #filePath, line: UInt = #line) throws {
        let w = try self.w
        let rows = try w.backorderLines(Page(limit: everything, filter: filter), sku: sku, customer: customer, today: Self.today)
        XCTAssertFalse(rows.isEmpty, "the case has lines to sort", file: file, line: line)
        for key in BackorderSortKey.allCases {
            for descending in [false, true] {
                let sort = ListSort(.backorders(key), descending: descending)
                let expected = sorted(rows, descending: descending, by: backorderKey(key))
                let whole = try w.backorderLines(Page(limit: everything, filter: filter, sort: sort), sku: sku, customer: customer, today: Self.today)
                let pages = try paged(size: pageSize, { try w.backorderLines($0, sku: sku, customer: customer, today: Self.today) }) {
                    Page(offset: $0, limit: $1, filter: filter, sort: sort)
                }
                let what = "\(key)\(descending ? " desc" : "") filter \"\(filter)\" sku \(sku ?? "-") customer \(customer ?? "-")"
                XCTAssertEqual(whole.map(\.id), expected.map(\.id), "whole list by \(what)", file: file, line: line)
                XCTAssertEqual(pages.map(\.id), expected.map(\.id), "pages by \(what)", file: file, line: line)
            }
        }
    }

    func testEveryBackorderSortOrdersTheWholeListAcrossPages() throws {
        let count = try w.counts(today: Self.today).backorderLines
        XCTAssertGreaterThan(count, 1_200, "deep pages are read from the far end")
        try assertBackordersSorted()
    }

    func testBackorderSortsCombineWithAFilterAndRestrictions() throws {
        let w = try self.w
        // The SKU and the customer with the most waiting lines, and a filter that matches part of the list.
        let all = try w.backorderLines(Page(limit: everything), today: Self.today)
        let sku = Dictionary(grouping: all, by: \.sku).max { $0.value.count < $1.value.count }!.key
        let byName = Dictionary(grouping: try w.customers(), by: \.name)
        XCTAssertEqual(byName.count, try w.customers().count, "customer names are unique here, so a name stands for its code")
        let customerName = Dictionary(grouping: all, by: \.customerName).max { $0.value.count < $1.value.count }!.key
        let customer = byName[customerName]!.first!.code
        // Filters that match some of a restriction's lines: an order number's first digits, one of the customer's SKUs.
        let skuLines = all.filter { $0.sku == sku }
        let someOrders = String(skuLines[skuLines.count / 2].orderNumber.prefix(7))
        let customerSKU = all.first { $0.customerName == customerName }!.sku
        try assertBackordersSorted(filter: "SO-0035", pageSize: 37)
        // Part of a customer's name: matched through the set of its orders, which every way of reading the list tests.
        try assertBackordersSorted(filter: String(customerName.prefix(6)), pageSize: 25)
        try assertBackordersSorted(sku: sku, pageSize: 7)
        try assertBackordersSorted(filter: someOrders, sku: sku, pageSize: 3)
        try assertBackordersSorted(customer: customer, pageSize: 9)
        try assertBackordersSorted(filter: customerSKU, customer: customer, pageSize: 2)
        try assertBackordersSorted(filter: customerSKU, sku: customerSKU, customer: customer, pageSize: 1)
    }

    // MARK: the other lists

    func testEveryOrderSortOrdersTheWholeListAcrossPages() throws {
        let w = try self.w
        for filter in ["", "SO-0039"] {
            let rows = try w.openOrders(Page(limit: everything, filter: filter))
            XCTAssertFalse(rows.isEmpty)
            for key in OrderSortKey.allCases {
                for descending in [false, true] {
                    let sort = ListSort(.orders(key), descending: descending)
                    let expected = sorted(rows, descending: descending) { [self] r -> [Atom] in
                        let natural = [date(r.orderDate), code(r.number)]
                        switch key {
                        case .number: return [code(r.number)]
                        case .date: return natural
                        case .customer: return [name(r.customerName), code(r.customerCode)] + natural
                        case .priority: return [int(r.priority)] + natural
                        case .lines: return [int(r.lines)] + natural
                        case .ordered: return [int(r.ordered)] + natural
                        case .allocated: return [int(r.allocated)] + natural
                        case .picked: return [int(r.picked)] + natural
                        case .shipped: return [int(r.shipped)] + natural
                        case .backordered: return [int(r.backordered)] + natural
                        case .policy: return [code(r.policy.rawValue)] + natural
                        }
                    }
                    let pages = try paged(size: 150, { try w.openOrders($0) }) { Page(offset: $0, limit: $1, filter: filter, sort: sort) }
                    XCTAssertEqual(pages.map(\.number), expected.map(\.number), "orders by \(key)\(descending ? " desc" : "") /\(filter)")
                }
            }
        }
    }

    func testEveryArrivalSortOrdersTheWholeListAcrossPages() throws {
        let w = try self.w
        let all = try w.openArrivals(Page(limit: everything), today: Self.today)
        let sku = Dictionary(grouping: all, by: \.arrival.sku).max { $0.value.count < $1.value.count }!.key
        XCTAssertGreaterThan(all.filter { $0.promised > 0 }.count, 0, "some arrivals are promised to waiting lines")
        for (filter, restriction) in [("", nil), ("PO-", nil), ("", sku)] as [(String, String?)] {
            let rows = try w.openArrivals(Page(limit: everything, filter: filter), sku: restriction, today: Self.today)
            for key in ArrivalSortKey.allCases {
                for descending in [false, true] {
                    let sort = ListSort(.arrivals(key), descending: descending)
                    let expected = sorted(rows, descending: descending) { [self] r -> [Atom] in
                        let a = r.arrival
                        let natural = [date(a.eta), int(Int(a.id))]
                        switch key {
                        case .reference: return [code(a.poNumber), int(a.poLine)] + natural
                        case .supplier: return [name(a.supplier)] + natural
                        case .sku: return [code(a.sku)] + natural
                        case .item: return [name(r.itemName), code(a.sku)] + natural
                        case .expected: return [int(a.quantity)] + natural
                        case .received: return [int(a.received)] + natural
                        // The units the rows show, worked out apart from the sort's own figure: the two must agree.
                        case .promised: return [int(r.promised)] + natural
                        case .eta: return natural
                        case .moved: return [int(r.etaChanges)] + natural
                        }
                    }
                    let pages = try paged(size: 11, { try w.openArrivals($0, sku: restriction, today: Self.today) }) {
                        Page(offset: $0, limit: $1, filter: filter, sort: sort)
                    }
                    XCTAssertEqual(pages.map(\.arrival.id), expected.map(\.arrival.id),
                                   "arrivals by \(key)\(descending ? " desc" : "") /\(filter) sku \(restriction ?? "-")")
                }
            }
        }
    }

    func testEveryStockSortOrdersTheWholeListAcrossPages() throws {
        let w = try self.w
        for (filter, short) in [("", false), ("", true), ("SKU-0001", false)] {
            let rows = try w.stock(Page(limit: everything, filter: filter), onlyShort: short)
            XCTAssertFalse(rows.isEmpty)
            for key in StockSortKey.allCases {
                for descending in [false, true] {
                    let sort = ListSort(.stock(key), descending: descending)
                    let expected = sorted(rows, descending: descending) { [self] i -> [Atom] in
                        let first: [Atom]
                        switch key {
                        case .sku: first = []
                        case .name: first = [name(i.name)]
                        case .bin: first = [name(i.bin)]
                        case .onHand: first = [int(i.onHand)]
                        case .allocated: first = [int(i.allocated)]
                        case .picked: first = [int(i.picked)]
                        case .free: first = [int(i.free)]
                        case .backordered: first = [int(i.backordered)]
                        case .incoming: first = [int(i.incoming)]
                        }
                        return first + [code(i.sku)]
                    }
                    let pages = try paged(size: 45, { try w.stock($0, onlyShort: short) }) { Page(offset: $0, limit: $1, filter: filter, sort: sort) }
                    XCTAssertEqual(pages.map(\.sku), expected.map(\.sku), "stock by \(key)\(descending ? " desc" : "") /\(filter) short \(short)")
                }
            }
        }
    }

    // MARK: refusals and indexes

    func testASortByAnotherListsColumnOrAnAgeBucketsIsRefused() throws {
        let w = try self.w
        assertRefused(.invalidInput, "cannot be sorted by the backorders column age") {
            _ = try w.openOrders(Page(sort: ListSort(.backorders(.age))))
        }
        assertRefused(.invalidInput, "cannot be sorted") {
            _ = try w.backorderLines(in: .over60, Page(sort: ListSort(.backorders(.age))), today: Self.today)
        }
        assertRefused(.invalidInput, "use one of order, sku, item, customer, priority, quantity, promised, age") {
            _ = try ListSortKey.named("colour", in: .backorders)
        }
        XCTAssertEqual(try ListSortKey.named("On-Hand", in: .stock), .stock(.onHand))
    }

    /// The hot sorts of the backorder lines walk an index in their order: the first page never sorts every line.
    func testTheHotBackorderSortsWalkAnIndex() throws {
        let plans = try self.w.sortPlans()
        for key in [BackorderSortKey.age, .priority, .sku, .item, .customer] {
            for descending in [false, true] {
                let plan = try XCTUnwrap(plans[ListSort(.backorders(key), descending: descending)], "\(key)")
                XCTAssertFalse(plan.contains { $0.contains("USE TEMP B-TREE FOR ORDER BY") }, "\(key): \(plan)")
            }
        }
    }
}

private extension BackorderRow {
    var id: String { "\(orderNumber)/\(lineNo)" }
}
