import BackorderCore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// Counters and the revision move at commit: two writers moving one counter do not wait for each other meanwhile,
/// and what a transaction or a savepoint takes back never reaches them.
extension TriggerTests {
    func testTwoTransactionsMovingOneCounterDoNotWaitForEachOtherUntilCommit() throws {
        let b = try warehouse(lines: 2)
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let release = CopyTests.Flag()
        let first = Handed<Result<Void, any Error>>()
        DispatchQueue.global().async {
            first.value = Result {
                try b.transaction { c in
                    try await c.rows("INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-A', 'C1', '2026-12-07', 5, 'partial', 0)")
                    started.signal()
                    while !release.value { try await Task.sleep(for: .milliseconds(10)) }
                }
            }
            finished.signal()
        }
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success)
        // Before pg2 the open transaction held "open orders" and this one waited for it: here a lock wait fails it.
        try b.transaction { c in
            try await c.rows("SET LOCAL lock_timeout = '2s'")
            try await c.rows("INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES ('SO-B', 'C1', '2026-12-07', 5, 'partial', 0)")
        }
        release.value = true
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success)
        XCTAssertNoThrow(try first.value?.get())
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'open orders'"), 3)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM orders WHERE closed_at IS NULL"), 3)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM tally_pending"), 0)
    }

    func testTheRevisionRisesOncePerTransactionAtCommitAndNothingTakenBackIsCounted() throws {
        let b = try warehouse(lines: 2)
        let revision = try scalar(b, "SELECT revision FROM meta")
        try b.transaction { c in
            try await c.rows("SELECT backorders_touch()")
            try await c.rows("UPDATE order_line SET backordered = backordered - 1, cancelled = cancelled + 1 WHERE line_no = 1")
            try await c.rows("SELECT backorders_touch()")
        }
        XCTAssertEqual(try scalar(b, "SELECT revision FROM meta"), revision + 1)
        try assertQueueFollowsTheLines(b, "a line leaving the queue")
        // A savepoint rolled back (a preview) takes back its counters, its revision and its pending row.
        try b.transaction { c in
            try await c.rows("SAVEPOINT preview")
            try await c.rows("UPDATE order_line SET backordered = backordered - 1, cancelled = cancelled + 1 WHERE line_no = 2")
            try await c.rows("SELECT backorders_touch()")
            try await c.rows("ROLLBACK TO SAVEPOINT preview")
        }
        XCTAssertEqual(try scalar(b, "SELECT revision FROM meta"), revision + 1)
        try assertQueueFollowsTheLines(b, "a change taken back")
        // A transaction that fails saves nothing.
        XCTAssertThrowsError(try b.transaction { c in
            try await c.rows("SELECT backorders_touch()")
            try await c.rows("UPDATE order_line SET backordered = backordered - 2, cancelled = cancelled + 2 WHERE line_no = 2")
            try await c.rows("SELECT 1 / 0")
        })
        XCTAssertEqual(try scalar(b, "SELECT revision FROM meta"), revision + 1)
        try assertQueueFollowsTheLines(b, "a failed transaction")
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM tally_pending"), 0)
    }

    func testAStatementRunAgainIsPreparedAndOneThatFailedIsPreparedAfresh() throws {
        let b = try warehouse(lines: 2)
        let names: [String] = try b.run { c in
            for n in 1...3 { try await c.rows("SELECT sku FROM item WHERE sku = \("SKU-\(n % 2 + 1)")") }
            // Prepared once it ran twice; 1 / $1 fails for 0 after its preparation, then runs again under a new name.
            for n in [1, 2, 0, 4, 5] {
                do { try await c.rows("SELECT 100 / \(n)") } catch where n == 0 {}
            }
            return try await c.rows("SELECT name FROM pg_prepared_statements ORDER BY name").map { try $0.decode(String.self) }
        }
        XCTAssertEqual(names.count, 3, "\(names)")
        XCTAssertTrue(names.allSatisfy { $0.hasPrefix("backorders_") }, "\(names)")
        XCTAssertNotEqual(StatementCache.types(try PostgresOperationTx.binds(1, "a")), StatementCache.types(try PostgresOperationTx.binds(1, nil)),
                          "a NULL makes another statement")
        XCTAssertEqual(StatementCache.types(try PostgresOperationTx.binds(1, "a")), StatementCache.types(try PostgresOperationTx.binds(2, "b")))
    }
}

/// What one thread hands another (the semaphore that follows orders the write before the read).
final class Handed<T>: @unchecked Sendable {
    var value: T?
}
