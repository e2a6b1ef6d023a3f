import BackorderCore
import Foundation
import GRDB
import TestSupport
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// Every read of the service asked of the SQLite file and of its copy on the server: the same answers (rows, order,
/// totals) and the same refusals, on the sample warehouse with the everyday exceptions done on it.
final class SameReadsTests: PostgresTestCase {
    var file: Warehouse!
    var server: PostgresWarehouse!
    let today = Day(iso: "2026-11-25")!

    /// The sample file with exceptions on it, made once for all the tests of a run (each copies it to its own database).
    nonisolated(unsafe) static var sample: String?

    override func setUpWithError() throws {
        try super.setUpWithError()
        let path = try Self.sample ?? Self.makeSample()
        Self.sample = path
        try copyToServer(path, batchRows: 50)
        file = try Warehouse.open(path: path, mode: .readOnly)
        server = try PostgresWarehouse(url: url)
    }

    override func tearDownWithError() throws {
        server?.close()
        try file?.close()
        try super.tearDownWithError()
    }

    /// `backorders sample`, then an amended order, a reversed receipt, a cancelled backorder, an amended line, a pick of
    /// one line shipped alone (a partial shipment) and one order's notice marked sent.
    static func makeSample() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("same-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("sample.sqlite").path
        try SampleFiles.sampleWithExceptions(at: path)
        let w = try Warehouse.open(path: path, mode: .readWrite)
        defer { try? w.close() }
        let ctx = Context(actor: "test", now: Timestamp(unixTime: 1_795_608_000), today: Day(iso: "2026-11-25")!)
        let open = try w.openOrders(Page(limit: 1_000))
        // A cancelled backorder: the last line waiting of the first order with one.
        let waiting = try XCTUnwrap(open.first { $0.backordered > 0 })
        let waitingLine = try XCTUnwrap(try w.orderDetail(waiting.number, today: ctx.today).lines.last { $0.line.quantities.backordered > 0 })
        _ = try w.cancel(order: waiting.number, lineNo: waitingLine.line.lineNo, scope: .backordered, reason: "kunden trenger det ikke",
                         expectedVersion: nil, preview: false, ctx: ctx)
        // An amended line on another order waiting for units.
        if let other = try w.openOrders(Page(limit: 1_000)).last(where: { $0.backordered > 0 && $0.number != waiting.number }),
           let line = try w.orderDetail(other.number, today: ctx.today).lines.first(where: { $0.line.quantities.backordered > 0 }) {
            _ = try w.amendLine(order: other.number, lineNo: line.line.lineNo, quantity: line.line.quantities.ordered + 3,
                                reason: "flere", expectedVersion: nil, preview: false, ctx: ctx)
        }
        // A pick of one line of an order that ships in parts, shipped alone.
        for o in try w.openOrders(Page(limit: 1_000)) where o.policy == .partial && o.allocated > 0 {
            let lines = try w.orderDetail(o.number, today: ctx.today).lines.filter { $0.line.quantities.allocated > 0 }
            guard let first = lines.first, lines.count > 1 || o.backordered > 0 else { continue }
            _ = try w.pick(order: o.number, entries: [PickEntry(lineNo: first.line.lineNo, picked: first.line.quantities.allocated)],
                           expectedVersion: nil, ctx: ctx)
            _ = try w.ship(order: o.number, override: false, expectedVersion: nil, ctx: ctx)
            break
        }
        if let pending = try w.notices(includeSent: false, today: ctx.today).first {
            _ = try w.markNoticesSent(order: pending.orderNumber, ctx: ctx)
        }
        return path
    }

    // MARK: comparing

    /// Both answers equal, or both refusals of the same kind in the same words (English and Norwegian).
    func same<T: Equatable>(_ what: String, _ a: () throws -> T, _ b: () throws -> T, file f: StaticString = #filePath, line: UInt = #line) {
        let x = Result { try a() }, y = Result { try b() }
        switch (x, y) {
        case let (.success(p), .success(q)):
            XCTAssertEqual(q, p, "server differs: \(what)", file: f, line: line)
        case let (.failure(p), .failure(q)):
            let e = p as? BackorderError, g = q as? BackorderError
            XCTAssertNotNil(e, "\(what): \(p)", file: f, line: line)
            XCTAssertEqual(g, e, "server refuses differently: \(what)", file: f, line: line)
            XCTAssertEqual(g?.message(Localizer(.nb)), e?.message(Localizer(.nb)), what, file: f, line: line)
        case let (.success(p), .failure(q)):
            XCTFail("\(what): the file answers \(p), the server refuses: \(q)", file: f, line: line)
        case let (.failure(p), .success(q)):
            XCTFail("\(what): the file refuses (\(p)), the server answers \(q)", file: f, line: line)
        }
    }

    /// Every value of one column of the file.
    func column(_ sql: String) throws -> [String] {
        let q = try DatabaseQueue(path: Self.sample!, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? q.close() }
        return try q.read { db in try String.fetchAll(db, sql: sql) }
    }

    static let filters = ["", "   ", "\\", "50%", "a_b", "SO-0000", "so-00001", "fjellheim", "sør", "SØR", "æ", "Æ", "%", "_", "a", "A", "-", " nordbygg ", "zzz-ingen",
                          "FS-10", "skrue", "PO-45", "A-01", "日本", "tromsø jern", "Småland"]
    static let pages = [Page(offset: 0, limit: 1_000), Page(offset: 0, limit: 5), Page(offset: 5, limit: 5), Page(offset: 3, limit: 7),
                        Page(offset: 10_000, limit: 10), Page(offset: 0, limit: 0)]

    // MARK: lists

    func testEveryListWithFiltersAndPagesAndItsRowCount() throws {
        for filter in Self.filters {
            for p in Self.pages {
                let page = Page(offset: p.offset, limit: p.limit, filter: filter)
                let at = "«\(filter)» \(p.offset)+\(p.limit)"
                same("orders \(at)", { try self.file.openOrders(page) }, { try self.server.openOrders(page) })
                same("backorders \(at)", { try self.file.backorderLines(page, sku: nil, customer: nil, today: self.today) },
                     { try self.server.backorderLines(page, sku: nil, customer: nil, today: self.today) })
                same("arrivals \(at)", { try self.file.openArrivals(page, sku: nil, today: self.today) },
                     { try self.server.openArrivals(page, sku: nil, today: self.today) })
                for short in [false, true] {
                    same("stock \(short) \(at)", { try self.file.stock(page, onlyShort: short, sku: nil) },
                         { try self.server.stock(page, onlyShort: short, sku: nil) })
                }
            }
            let all = Page(limit: 100_000, filter: filter)
            let sizes = [ListKind.orders: try server.openOrders(all).count,
                         .backorders: try server.backorderLines(all, sku: nil, customer: nil, today: today).count,
                         .arrivals: try server.openArrivals(all, sku: nil, today: today).count,
                         .stock: try server.stock(all, onlyShort: false, sku: nil).count]
            for list in ListKind.allCases {
                XCTAssertEqual(try server.rowCount(list, filter: filter, sku: nil, customer: nil), sizes[list], "\(list) «\(filter)»")
                same("count \(list) «\(filter)»", { try self.file.rowCount(list, filter: filter, sku: nil, customer: nil) },
                     { try self.server.rowCount(list, filter: filter, sku: nil, customer: nil) })
            }
        }
        // The sample has rows in every list, and a filter that finds some of them.
        XCTAssertGreaterThan(try server.backorderLines(Page(limit: 1_000), sku: nil, customer: nil, today: today).count, 5)
        XCTAssertGreaterThan(try server.openOrders(Page(limit: 1_000, filter: "SØR")).count, 0)
        XCTAssertEqual(try server.openOrders(Page(limit: 1_000, filter: "zzz-ingen")), [])
    }

    func testFiltersMatchingManyRowsAreTestedOnTheWalk() throws {
        let bound = PostgresReads.setBound
        PostgresReads.setBound = 1
        defer { PostgresReads.setBound = bound }
        for filter in Self.filters {
            for sort in [nil, ListSort(.backorders(.customer), descending: true)] as [ListSort?] {
                let page = Page(limit: 1_000, filter: filter, sort: sort)
                same("backorders «\(filter)»", { try self.file.backorderLines(page, sku: nil, customer: nil, today: self.today) },
                     { try self.server.backorderLines(page, sku: nil, customer: nil, today: self.today) })
            }
            same("orders «\(filter)»", { try self.file.openOrders(Page(limit: 1_000, filter: filter)) },
                 { try self.server.openOrders(Page(limit: 1_000, filter: filter)) })
            for list in [ListKind.orders, .backorders] {
                same("count \(list) «\(filter)»", { try self.file.rowCount(list, filter: filter, sku: nil, customer: nil) },
                     { try self.server.rowCount(list, filter: filter, sku: nil, customer: nil) })
            }
        }
    }

    func testDeepPagesReadBackwardsAreTheSamePages() throws {
        let deep = Window.deep
        Window.deep = 2
        defer { Window.deep = deep }
        let lines = try server.rowCount(.backorders, filter: "", sku: nil, customer: nil)
        let orders = try server.rowCount(.orders, filter: "", sku: nil, customer: nil)
        XCTAssertGreaterThan(lines, 10)
        for sort in [nil] + ListSortKey.all(.backorders).map { ListSort($0, descending: true) } as [ListSort?] {
            for offset in [3, lines / 2 + 1, lines - 4, lines - 1, lines, lines + 3] {
                for filter in ["", "a"] {
                    let page = Page(offset: offset, limit: 3, filter: filter, sort: sort)
                    same("backorders \(sort?.key.name ?? "-") «\(filter)» at \(offset)",
                         { try self.file.backorderLines(page, sku: nil, customer: nil, today: self.today) },
                         { try self.server.backorderLines(page, sku: nil, customer: nil, today: self.today) })
                }
            }
        }
        for sort in [nil] + ListSortKey.all(.orders).map { ListSort($0) } as [ListSort?] {
            for offset in [3, orders / 2 + 1, orders - 4, orders - 1, orders + 3] {
                let page = Page(offset: offset, limit: 3, filter: "", sort: sort)
                same("orders \(sort?.key.name ?? "-") at \(offset)", { try self.file.openOrders(page) }, { try self.server.openOrders(page) })
            }
        }
        for code in ["SORLAND", "FJELLHEIM"] {
            let page = Page(offset: 3, limit: 2)
            same("backorders of \(code) at 3", { try self.file.backorderLines(page, sku: nil, customer: code, today: self.today) },
                 { try self.server.backorderLines(page, sku: nil, customer: code, today: self.today) })
        }
    }

    func testOnADatabaseWithALinguisticCollationCodesAreStillSortedByteByByte() throws {
        XCTAssertTrue(server.reads.bytewise, "the test server's database is C.UTF-8")
        PostgresReads.assumeLinguistic = true
        defer { PostgresReads.assumeLinguistic = false }
        let named = try PostgresWarehouse(url: url)
        defer { named.close() }
        XCTAssertFalse(named.reads.bytewise)
        for list in ListKind.allCases {
            for key in [nil] + ListSortKey.all(list).map { $0 } as [ListSortKey?] {
                for descending in [false, true] {
                    let page = Page(limit: 1_000, sort: key.map { ListSort($0, descending: descending) })
                    let at = "\(list) by \(key?.name ?? "-")\(descending ? " desc" : "")"
                    switch list {
                    case .orders: same(at, { try self.file.openOrders(page) }, { try named.openOrders(page) })
                    case .backorders:
                        same(at, { try self.file.backorderLines(page, sku: nil, customer: nil, today: self.today) },
                             { try named.backorderLines(page, sku: nil, customer: nil, today: self.today) })
                    case .arrivals:
                        same(at, { try self.file.openArrivals(page, sku: nil, today: self.today) }, { try named.openArrivals(page, sku: nil, today: self.today) })
                    case .stock: same(at, { try self.file.stock(page, onlyShort: false, sku: nil) }, { try named.stock(page, onlyShort: false, sku: nil) })
                    }
                }
            }
        }
    }

    func testEverySortOfEveryListBothWays() throws {
        for list in ListKind.allCases {
            for key in ListSortKey.all(list) {
                for descending in [false, true] {
                    for (filter, offset, limit) in [("", 0, 1_000), ("", 2, 5), ("a", 0, 1_000), ("sør", 1, 3)] {
                        let page = Page(offset: offset, limit: limit, filter: filter, sort: ListSort(key, descending: descending))
                        let at = "\(list) by \(key.name)\(descending ? " desc" : "") «\(filter)» \(offset)+\(limit)"
                        switch list {
                        case .orders: same(at, { try self.file.openOrders(page) }, { try self.server.openOrders(page) })
                        case .backorders:
                            same(at, { try self.file.backorderLines(page, sku: nil, customer: nil, today: self.today) },
                                 { try self.server.backorderLines(page, sku: nil, customer: nil, today: self.today) })
                        case .arrivals:
                            same(at, { try self.file.openArrivals(page, sku: nil, today: self.today) },
                                 { try self.server.openArrivals(page, sku: nil, today: self.today) })
                        case .stock:
                            same(at, { try self.file.stock(page, onlyShort: false, sku: nil) }, { try self.server.stock(page, onlyShort: false, sku: nil) })
                        }
                    }
                }
            }
        }
        // A column of another list is refused alike.
        let wrong = Page(sort: ListSort(.stock(.bin)))
        same("orders by bin", { try self.file.openOrders(wrong) }, { try self.server.openOrders(wrong) })
        same("backorders by bin", { try self.file.backorderLines(wrong, sku: nil, customer: nil, today: self.today) },
             { try self.server.backorderLines(wrong, sku: nil, customer: nil, today: self.today) })
        XCTAssertThrowsError(try server.openOrders(wrong))
    }

    func testRestrictionsToOneSKUOrOneCustomer() throws {
        let skus = try column("SELECT sku FROM item ORDER BY sku") + ["NO-SUCH-SKU"]
        let customers = try column("SELECT code FROM customer ORDER BY code")
        let sorts: [ListSort?] = [nil, ListSort(.backorders(.promised), descending: true), ListSort(.backorders(.customer))]
        for sku in skus {
            for filter in ["", "SO", "sør"] {
                for sort in sorts {
                    let page = Page(limit: 1_000, filter: filter, sort: sort)
                    same("backorders of \(sku) «\(filter)»", { try self.file.backorderLines(page, sku: sku, customer: nil, today: self.today) },
                         { try self.server.backorderLines(page, sku: sku, customer: nil, today: self.today) })
                }
                let page = Page(limit: 1_000, filter: filter)
                same("arrivals of \(sku) «\(filter)»", { try self.file.openArrivals(page, sku: sku, today: self.today) },
                     { try self.server.openArrivals(page, sku: sku, today: self.today) })
                same("stock of \(sku) «\(filter)»", { try self.file.stock(page, onlyShort: false, sku: sku) },
                     { try self.server.stock(page, onlyShort: false, sku: sku) })
                for list in [ListKind.backorders, .arrivals, .stock] {
                    same("count \(list) of \(sku) «\(filter)»", { try self.file.rowCount(list, filter: filter, sku: sku, customer: nil) },
                         { try self.server.rowCount(list, filter: filter, sku: sku, customer: nil) })
                }
            }
        }
        for code in customers + ["NO-SUCH-CUSTOMER"] {
            for filter in ["", "FS", "sør"] {
                for sort in sorts {
                    let page = Page(limit: 1_000, filter: filter, sort: sort)
                    same("backorders of \(code) «\(filter)»", { try self.file.backorderLines(page, sku: nil, customer: code, today: self.today) },
                         { try self.server.backorderLines(page, sku: nil, customer: code, today: self.today) })
                }
                same("count of \(code) «\(filter)»", { try self.file.rowCount(.backorders, filter: filter, sku: nil, customer: code) },
                     { try self.server.rowCount(.backorders, filter: filter, sku: nil, customer: code) })
                let sku = skus[0]
                same("backorders of \(code) and \(sku)", { try self.file.backorderLines(Page(), sku: sku, customer: code, today: self.today) },
                     { try self.server.backorderLines(Page(), sku: sku, customer: code, today: self.today) })
            }
        }
        XCTAssertGreaterThan(try server.backorderLines(Page(limit: 1_000), sku: nil, customer: "SORLAND", today: today).count, 0)
        XCTAssertThrowsError(try server.backorderLines(Page(), sku: nil, customer: "NO-SUCH-CUSTOMER", today: today))
        // Restrictions a list does not take are refused alike.
        same("orders of a SKU", { try self.file.rowCount(.orders, filter: "", sku: "FS-1001", customer: nil) },
             { try self.server.rowCount(.orders, filter: "", sku: "FS-1001", customer: nil) })
        for list in [ListKind.orders, .arrivals, .stock] {
            same("\(list) of a customer", { try self.file.rowCount(list, filter: "", sku: nil, customer: "SORLAND") },
                 { try self.server.rowCount(list, filter: "", sku: nil, customer: "SORLAND") })
        }
    }

    // MARK: one thing in full

    func testEveryOrderArrivalItemAndCustomerInFull() throws {
        let orders = try column("SELECT number FROM orders ORDER BY number")
        XCTAssertGreaterThan(orders.count, 30)
        for number in orders + ["SO-999999"] {
            same("order \(number)", { try self.file.orderDetail(number, today: self.today) }, { try self.server.orderDetail(number, today: self.today) })
        }
        let detailed = try orders.map { try server.orderDetail($0, today: today) }
        XCTAssertTrue(detailed.contains { !$0.shipments.isEmpty && !$0.history.isEmpty })
        XCTAssertTrue(detailed.contains { $0.lines.contains { ($0.expected?.count ?? 0) > 0 } }, "some line waits for an arrival")
        XCTAssertTrue(detailed.contains { !$0.changes.isEmpty })
        XCTAssertTrue(detailed.contains { !$0.cancelReasons.isEmpty })
        for reference in try column("SELECT po_number || '/' || po_line FROM arrival ORDER BY id")
            + column("SELECT DISTINCT po_number FROM arrival") + ["PO-NONE/1", "PO-NONE", "nonsense/x"] {
            same("arrival \(reference)", { try self.file.arrival(reference).0 }, { try self.server.arrival(reference).0 })
            same("arrival \(reference)'s ETA changes", { try self.file.arrival(reference).1 }, { try self.server.arrival(reference).1 })
        }
        for sku in try column("SELECT sku FROM item") + ["NO-SUCH-SKU"] {
            same("item \(sku)", { try self.file.item(sku) }, { try self.server.item(sku) })
        }
        for code in try column("SELECT code FROM customer") + ["NO-SUCH-CUSTOMER"] {
            same("customer \(code)", { try self.file.customer(code) }, { try self.server.customer(code) })
        }
        XCTAssertThrowsError(try server.orderDetail("SO-999999", today: today)) { XCTAssertEqual(($0 as? BackorderError)?.kind, .notFound) }
    }

    // MARK: the rest

    func testNoticesPapersExplanationsSearchAndDonors() throws {
        for includeSent in [false, true] {
            for order in [nil, "SO-000020", "SO-999999"] as [String?] {
                for (offset, limit) in [(0, 1_000), (1, 2), (-3, 5), (500, 5), (0, -1)] {
                    same("notices \(includeSent) \(order ?? "-") \(offset)+\(limit)",
                         { try self.file.notices(includeSent: includeSent, order: order, offset: offset, limit: limit, today: self.today) },
                         { try self.server.notices(includeSent: includeSent, order: order, offset: offset, limit: limit, today: self.today) })
                }
                same("notice count \(includeSent) \(order ?? "-")", { try self.file.noticeCount(includeSent: includeSent, order: order) },
                     { try self.server.noticeCount(includeSent: includeSent, order: order) })
            }
        }
        XCTAssertGreaterThan(try server.noticeCount(includeSent: true, order: nil), try server.noticeCount(includeSent: false, order: nil),
                             "a notice was sent")
        let open = try file.openOrders(Page(limit: 1_000)).map(\.number)
        same("pick list", { try self.file.pickList(orders: open + [open[0]]) }, { try self.server.pickList(orders: open + [open[0]]) })
        same("pick list of an unknown order", { try self.file.pickList(orders: [open[0], "SO-999999"]) },
             { try self.server.pickList(orders: [open[0], "SO-999999"]) })
        let orders = try column("SELECT number FROM orders ORDER BY number")
        for number in orders {
            same("delivery note of \(number)", { try self.file.deliveryNote(shipment: nil, order: number, today: self.today) },
                 { try self.server.deliveryNote(shipment: nil, order: number, today: self.today) })
            same("explanation of \(number)", { try self.file.explainDates(order: number, lineNo: nil, today: self.today) },
                 { try self.server.explainDates(order: number, lineNo: nil, today: self.today) })
            for lineNo in 1...4 {
                same("explanation of \(number)/\(lineNo)", { try self.file.explainDates(order: number, lineNo: lineNo, today: self.today) },
                     { try self.server.explainDates(order: number, lineNo: lineNo, today: self.today) })
            }
        }
        for shipment in try column("SELECT number FROM shipment ORDER BY id") + ["SH-999999"] {
            same("delivery note \(shipment)", { try self.file.deliveryNote(shipment: shipment, order: nil, today: self.today) },
                 { try self.server.deliveryNote(shipment: shipment, order: nil, today: self.today) })
            same("delivery note \(shipment) of SO-000001", { try self.file.deliveryNote(shipment: shipment, order: "SO-000001", today: self.today) },
                 { try self.server.deliveryNote(shipment: shipment, order: "SO-000001", today: self.today) })
        }
        same("delivery note of nothing", { try self.file.deliveryNote(shipment: nil, order: nil, today: self.today) },
             { try self.server.deliveryNote(shipment: nil, order: nil, today: self.today) })
        same("explanation of an unknown order", { try self.file.explainDates(order: "SO-999999", lineNo: nil, today: self.today) },
             { try self.server.explainDates(order: "SO-999999", lineNo: nil, today: self.today) })
        for text in ["", "a", "NOR", "nord", "sør", "ØRL", "å", "%", "_", "FS-1", "skrue", "日本", "zzz", " fjell "] {
            for limit in [8, 1, 100] {
                same("customers «\(text)» \(limit)", { try self.file.searchCustomers(text, limit: limit) }, { try self.server.searchCustomers(text, limit: limit) })
                same("items «\(text)» \(limit)", { try self.file.searchItems(text, limit: limit) }, { try self.server.searchItems(text, limit: limit) })
            }
        }
        XCTAssertFalse(try server.searchCustomers("sør", limit: 8).isEmpty)
        for sku in try column("SELECT sku FROM item ORDER BY sku") + ["NO-SUCH-SKU"] {
            for excluding in [nil, "SO-000020"] as [String?] {
                same("donors of \(sku) but \(excluding ?? "-")", { try self.file.donorCandidates(sku: sku, excludingOrder: excluding) },
                     { try self.server.donorCandidates(sku: sku, excludingOrder: excluding) })
            }
        }
    }
}
