import BackorderCore
import Dispatch
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// An order read for a change in one round trip (`backorders_locked_order`, step pg3): its items locked first, its
/// lines read as they are once those are held; and a database made before the step refused until upgraded.
final class LockedOrderTests: PostgresTestCase {
    let ctx = Context(actor: "kari", now: Timestamp(unixTime: 1_796_601_600), today: Day(iso: "2026-12-07")!)

    /// A warehouse of two items in stock and an order allocating 4 of one and 2 of the other.
    func orderInStock() throws -> (PostgresBridge, PostgresWarehouse, String) {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        try exec(b, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        try exec(b, "INSERT INTO item (sku, name, on_hand) VALUES ('SKU-1', 'Skrue', 10), ('SKU-2', 'Mutter', 10)")
        let w = try PostgresWarehouse(url: url)
        let order = try w.createOrder(NewOrder(customer: "C1", lines: [NewOrderLine(sku: "SKU-1", quantity: 4), NewOrderLine(sku: "SKU-2", quantity: 2)]),
                                      ctx: ctx)
        return (b, w, order.order.number)
    }

    /// Another clerk holds an item of the order and changes its line meanwhile: the pick waits for that item, then
    /// picks what the line holds after that clerk's commit, not what it held when the pick's statement began.
    func testAPickThatWaitsForAnItemReadsTheLinesAsTheOtherClerkLeftThem() throws {
        let (b, w, number) = try orderInStock()
        defer { w.close() }
        let holding = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let failure = Handed<String>()
        Thread {
            do {
                try b.transaction { c in
                    try await c.query("SELECT sku FROM item WHERE sku = 'SKU-1' FOR UPDATE", logger: PostgresBridge.quiet)
                    try await c.query("""
                        UPDATE order_line SET allocated = allocated - 4, picked = picked + 4, version = version + 1 WHERE sku = 'SKU-1'
                        """, logger: PostgresBridge.quiet)
                    try await c.query("UPDATE item SET allocated = allocated - 4, picked = picked + 4 WHERE sku = 'SKU-1'",
                                      logger: PostgresBridge.quiet)
                    holding.signal()
                    try await c.query("SELECT pg_sleep(0.5)", logger: PostgresBridge.quiet)
                }
            } catch {
                failure.value = "\(error)"
                holding.signal()
            }
            done.signal()
        }.start()
        holding.wait()
        let started = ContinuousClock.now
        let picked = try w.pick(order: number, entries: nil, expectedVersion: nil, ctx: ctx)
        XCTAssertGreaterThan(ContinuousClock.now - started, .milliseconds(200), "the pick waited for the other clerk's item")
        done.wait()
        XCTAssertNil(failure.value)
        XCTAssertEqual(picked.picked, 2, "only SKU-2's two units were left to pick")
        let lines = try w.orderDetail(number, today: ctx.today).lines.map(\.line.quantities)
        XCTAssertEqual(lines.map(\.picked), [4, 2])
        XCTAssertEqual(lines.map(\.allocated), [0, 0])
        // (No `check` here: the other clerk above is raw SQL, without the journal rows a real pick writes.)
    }

    /// A database made before pg3 lacks the function: refused to clerks until `upgrade` adds it; then it serves.
    func testADatabaseWithoutTheLockedOrderReadIsUpgraded() throws {
        let (b, w, number) = try orderInStock()
        w.close()
        try exec(b, "DROP FUNCTION backorders_locked_order(text, text[], text[])")
        try exec(b, "DELETE FROM backorders_migration WHERE identifier = 'pg3-locked-order'")
        XCTAssertEqual(try PostgresSetup.state(of: b), .older(["pg3-locked-order"]))
        XCTAssertThrowsError(try PostgresSetup.requireCurrent(b))
        XCTAssertEqual(try PostgresSetup.upgrade(b), ["pg3-locked-order"])
        XCTAssertEqual(try PostgresSetup.state(of: b), .current)
        let again = try PostgresWarehouse(url: url)
        defer { again.close() }
        XCTAssertEqual(try again.pick(order: number, entries: nil, expectedVersion: nil, ctx: ctx).picked, 6)
        XCTAssertEqual(try again.ship(order: number, override: false, expectedVersion: nil, ctx: ctx).lines.map(\.quantity), [4, 2])
        XCTAssertNotNil(try again.orderDetail(number, today: ctx.today).order.closedAt, "the order closed when it shipped whole")
    }

    /// The bindings' types read in place agree with reflection, which the statement cache used before.
    func testTheBindingsTypesReadInPlaceAgreeWithReflection() throws {
        XCTAssertTrue(BindingsLayout.matches, "the driver's bindings changed their layout: the cache reflects them again (slower)")
        let samples = [try PostgresOperationTx.binds(1, "a"), try PostgresOperationTx.binds(1, nil), try PostgresOperationTx.binds([Int64(1)], ["x"], true),
                       try PostgresOperationTx.binds(nil, nil, 3.5)]
        for s in samples {
            XCTAssertEqual(StatementCache.types(s), StatementCache.reflectedTypes(s))
        }
        XCTAssertNotEqual(StatementCache.types(samples[0]), StatementCache.types(samples[1]))
    }
}

/// The journal's reference check looks each new row's line up by its key, whatever the server makes of the table's
/// size: an import into a new warehouse (one transaction, no statistics yet) had it hash every line once per order.
final class ReferenceCheckTests: PostgresTestCase {
    func testAJournalRowsLineIsLookedUpByKeyNotByHashingTheLines() throws {
        let b = bridge()
        _ = try PostgresSetup.initialize(b)
        try exec(b, "INSERT INTO customer (code, name) VALUES ('C1', 'Nordlys AS')")
        try exec(b, "INSERT INTO item (sku, name) VALUES ('SKU-1', 'Skrue')")
        try exec(b, "INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-1', 'C1', '2026-12-07', 5, 'partial', 0)")
        let linesRead: Int = try b.transaction { c in
            func line(_ lineNo: Int) async throws -> Int64 {
                try await c.query(PostgresQueryText.make("SELECT id FROM order_line WHERE line_no = \(lineNo)"), logger: PostgresBridge.quiet)
                    .collect().first?.decode(Int64.self) ?? 0
            }
            func journal(_ lineId: Int64) async throws {
                try await c.query(PostgresQueryText.make("""
                    INSERT INTO movement (at, actor, kind, sku, quantity, line_id, d_ordered, d_backordered)
                    VALUES (0, 'test', 'order', 'SKU-1', 1, \(lineId), 1, 1)
                    """), logger: PostgresBridge.quiet)
            }
            func read() async throws -> Int {
                try await c.query("""
                    SELECT (COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0))::bigint FROM pg_stat_xact_user_tables WHERE relname = 'order_line'
                    """, logger: PostgresBridge.quiet).collect().first?.decode(Int.self) ?? 0
            }
            let insert = """
                INSERT INTO order_line (order_id, line_no, sku, priority, order_date, order_no, ordered, backordered)
                SELECT o.id, n, 'SKU-1', 5, '2026-12-07', 'SO-1', 1, 1 FROM orders o, generate_series
                """ // not prose: SQL
            // The check's plan is made while the lines are few (as at an import's first order), then kept.
            try await c.query(PostgresQueryText.make(insert + "(1, 1) AS n"), logger: PostgresBridge.quiet)
            try await journal(try await line(1))
            try await c.query(PostgresQueryText.make(insert + "(2, 20000) AS n"), logger: PostgresBridge.quiet)
            let last = try await line(20000)
            let before = try await read()
            try await journal(last)
            return try await read() - before
        }
        XCTAssertLessThan(linesRead, 100, "the check read \(linesRead) lines for one journal row")
    }
}
