import BackorderCore
import Foundation
import XCTest
@testable import BackorderStorePostgres

/// The first reads of the service on PostgreSQL, on rows written as the SQLite store writes them.
final class ReadsTests: PostgresTestCase {
    func warehouse() throws -> PostgresBridge {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        for sql in [
            "INSERT INTO customer (code, name) VALUES ('NORD', 'Nordlys AS'), ('FJELL', 'Fjellsport 50% Rabatt')",
            "INSERT INTO item (sku, name, on_hand, allocated, backordered) VALUES ('SKU-1', 'Skrue', 10, 4, 0), ('SKU-2', 'Mutter', 0, 0, 5)",
            """
            INSERT INTO orders (number, customer, order_date, priority, policy, created_at, closed_at, version) VALUES
              ('SO-3', 'NORD', '2026-12-03', 5, 'partial', 0, NULL, 1), ('SO-1', 'FJELL', '2026-12-01', 2, 'complete', 0, NULL, 1),
              ('SO-2', 'NORD', '2026-12-01', 5, 'partial', 0, NULL, 3), ('SO-0', 'NORD', '2026-11-30', 5, 'partial', 0, 99, 1)
            """,
            """
            INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, backordered, version)
            SELECT o.id, v.line_no, v.sku, o.priority, o.order_date, o.number, v.ordered, v.allocated, v.backordered, 1
            FROM orders o JOIN (VALUES ('SO-2', 1, 'SKU-1', 4, 4, 0), ('SO-2', 2, 'SKU-2', 5, 0, 5), ('SO-1', 1, 'SKU-1', 0, 0, 0))
                AS v(number, line_no, sku, ordered, allocated, backordered) ON v.number = o.number
            """,
            "INSERT INTO arrival (supplier, po_number, po_line, sku, quantity, eta, created_at) VALUES ('Lev', 'PO-1', 1, 'SKU-2', 10, '2026-12-05', 0), ('Lev', 'PO-2', 1, 'SKU-2', 10, '2026-12-20', 0)",
        ] { try exec(b, sql) }
        return b
    }

    func testCountsComeFromTheKeptCounters() throws {
        let reads = try PostgresReads(warehouse())
        XCTAssertEqual(try reads.counts(today: Day(iso: "2026-12-07")!),
                       Counts(openOrders: 3, backorderLines: 1, backorderedUnits: 5, openArrivals: 2, lateArrivals: 1, items: 2))
        XCTAssertEqual(try reads.counts(today: Day(iso: "2026-12-01")!).lateArrivals, 0)
    }

    func testOpenOrdersOldestFirstWithTheirLinesTotalsAndAFilter() throws {
        let reads = try PostgresReads(warehouse())
        let all = try reads.openOrders()
        XCTAssertEqual(all.map(\.number), ["SO-1", "SO-2", "SO-3"], "order date, then number; closed orders left out")
        let so2 = all[1]
        XCTAssertEqual(so2.customerName, "Nordlys AS")
        XCTAssertEqual(so2.orderDate, Day(iso: "2026-12-01"))
        XCTAssertEqual([so2.lines, so2.ordered, so2.allocated, so2.backordered], [2, 9, 4, 5])
        XCTAssertEqual(so2.version, 3 + 2, "the header's version plus its lines'")
        XCTAssertEqual(all[0].policy, .complete)
        XCTAssertEqual(all[2].lines, 0, "an order without lines is listed too")
        XCTAssertEqual(try reads.openOrders(Page(offset: 1, limit: 1)).map(\.number), ["SO-2"])
        XCTAssertEqual(try reads.openOrders(Page(filter: "nordlys")).map(\.number), ["SO-2", "SO-3"], "the customer's name, any case")
        XCTAssertEqual(try reads.openOrders(Page(filter: "so-3")).map(\.number), ["SO-3"])
        XCTAssertEqual(try reads.openOrders(Page(filter: "50%")).map(\.number), ["SO-1"], "a % is a percent sign, not a wildcard")
        XCTAssertEqual(try reads.openOrders(Page(filter: "_")).map(\.number), [])
        XCTAssertEqual(try reads.openOrders(Page(sort: ListSort(.orders(.number), descending: true))).map(\.number), ["SO-3", "SO-2", "SO-1"])
        XCTAssertEqual(try reads.openOrders(Page(sort: ListSort(.orders(.backordered)))).map(\.number), ["SO-3", "SO-1", "SO-2"],
                       "no lines sort before none backordered")
        XCTAssertThrowsError(try reads.openOrders(Page(sort: ListSort(.stock(.bin)))), "a column of another list")
    }

    func testASupervisorReadsThem() throws {
        let b = try warehouse()
        let name = "sup_" + UUID().uuidString.lowercased().prefix(8)
        try exec(adminBridge, "CREATE ROLE \(name) LOGIN")
        _ = try PostgresSetup.initialize(b, supervisors: [name])
        let reads = try PostgresReads(bridge(url.with(user: name)))
        XCTAssertEqual(try reads.openOrders().count, 3)
        XCTAssertEqual(try reads.counts(today: Day(iso: "2026-12-07")!).openOrders, 3)
    }

    func testAnEmptyDatabaseIsRefused() {
        XCTAssertThrowsError(try PostgresReads(bridge()))
    }
}
