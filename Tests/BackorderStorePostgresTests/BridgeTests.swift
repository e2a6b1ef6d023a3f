import BackorderCore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// The bridge against the real server: many threads at once, rollback on error, a cancelled or killed backend.
final class BridgeTests: PostgresTestCase {
    /// Runs `body(i)` on `n` threads at once and waits for all.
    func onThreads(_ n: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for i in 0..<n {
            group.enter()
            let t = Thread { body(i); group.leave() }
            t.start()
        }
        group.wait()
    }

    func testManyThreadsAtOnceEachGetTheirOwnConnectionAndEveryChangeCounts() throws {
        let b = bridge(connections: 8)
        try exec(b, "CREATE TABLE counter (n bigint NOT NULL)")
        try exec(b, "INSERT INTO counter VALUES (0)")
        try exec(b, "CREATE TABLE seen (pid int NOT NULL)")
        let failures = ConflictCounter()
        onThreads(16) { _ in
            for _ in 0..<20 {
                do {
                    try b.transaction { c in
                        try await c.query("UPDATE counter SET n = n + 1", logger: PostgresBridge.quiet)
                        try await c.query("INSERT INTO seen SELECT pg_backend_pid()", logger: PostgresBridge.quiet)
                    }
                } catch { failures.add() }
            }
        }
        XCTAssertEqual(failures.count, 0)
        XCTAssertEqual(try scalar(b, "SELECT n FROM counter"), 16 * 20)
        XCTAssertGreaterThan(try scalar(b, "SELECT count(DISTINCT pid) FROM seen"), 1, "the threads ran on several connections")
        XCTAssertLessThanOrEqual(try scalar(b, "SELECT count(DISTINCT pid) FROM seen"), 8, "never more than the pool's size")
    }

    /// The UI's background reader: a read gone out of date is cancelled on the server, and the next one runs whole.
    func testAnInterruptCancelsTheRunningStatementAndTheNextCallRuns() throws {
        let b = bridge(connections: 1, interruptible: true)
        let started = ContinuousClock.now
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { b.interrupt() }
        XCTAssertThrowsError(try b.transaction(.snapshot) { c in
            _ = try await c.query("SELECT pg_sleep(20)", logger: PostgresBridge.quiet).collect()
        }) { error in
            XCTAssertTrue((error as? BackorderError)?.message(Localizer(.en)).contains("canceling statement") ?? false, "cancelled: \(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(10), "the statement did not run on to its end")
        // Interrupted again while idle, the next statement is not hit: the cancel is delivered before it starts.
        b.interrupt()
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM pg_sleep(0.5)"), 1)

        // A bridge not made interruptible lets its statements finish.
        let plain = bridge(connections: 1)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { plain.interrupt() }
        XCTAssertEqual(try scalar(plain, "SELECT count(*) FROM pg_sleep(0.6)"), 1)
    }

    func testAQueryErrorRollsBackTheWholeTransaction() throws {
        let b = bridge()
        try exec(b, "CREATE TABLE t (x int PRIMARY KEY)")
        XCTAssertThrowsError(try b.transaction { c in
            try await c.query("INSERT INTO t VALUES (1)", logger: PostgresBridge.quiet)
            try await c.query("INSERT INTO t VALUES (2)", logger: PostgresBridge.quiet)
            try await c.query("INSERT INTO t VALUES (1)", logger: PostgresBridge.quiet) // a duplicate key
        }) { error in
            let e = error as? BackorderError
            XCTAssertEqual(e?.kind, .dataFile)
            XCTAssertTrue(e?.message(Localizer(.en)).contains("23505") ?? false, "\(error)")
            XCTAssertTrue(e?.message(Localizer(.en)).contains("duplicate key") ?? false, "the server's words: \(error)")
        }
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM t"), 0, "no half-applied transaction")
        // An error thrown by the body itself rolls back the same way.
        struct Mine: Error {}
        XCTAssertThrowsError(try b.transaction { c in
            try await c.query("INSERT INTO t VALUES (3)", logger: PostgresBridge.quiet)
            throw Mine()
        })
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM t"), 0)
        try b.transaction { c in try await c.query("INSERT INTO t VALUES (4)", logger: PostgresBridge.quiet) }
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM t"), 1, "the connection is usable after a rollback")
    }

    func testATerminatedBackendIsAClearErrorNothingHalfAppliedAndTheNextCallReconnects() throws {
        let b = bridge(connections: 1)
        try exec(b, "CREATE TABLE t (x int)")
        let killer = adminBridge!
        let first = try scalar(b, "SELECT pg_backend_pid()")
        XCTAssertThrowsError(try b.transaction { c in
            try await c.query("INSERT INTO t VALUES (1)", logger: PostgresBridge.quiet)
            let pid = try await c.query("SELECT pg_backend_pid()", logger: PostgresBridge.quiet).collect().first!.decode(Int.self)
            // Another connection ends this one's server process, as an administrator (or a crash) would.
            _ = try await killer.client.query("SELECT pg_terminate_backend(\(Int32(pid)))").collect()
            try await Task.sleep(for: .milliseconds(200))
            // The driver may never answer on the closed connection: the bridge's watch ends the call.
            try await c.query("INSERT INTO t VALUES (2)", logger: PostgresBridge.quiet)
        }) { error in
            let e = error as? BackorderError
            XCTAssertEqual(e?.kind, .dataFile, "\(error)")
            XCTAssertTrue(e?.message(Localizer(.en)).contains("connection to the database server was lost") ?? false, "\(error)")
            XCTAssertTrue(e?.message(Localizer(.nb)).contains("forbindelsen til databaseserveren ble brutt") ?? false, "\(error)")
        }
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM t"), 0, "the killed transaction left nothing behind")
        let next = try scalar(b, "SELECT pg_backend_pid()")
        XCTAssertNotEqual(next, first, "a new connection")
        // An idle pooled connection killed between calls: the next call still works.
        try exec(killer, "SELECT pg_terminate_backend(\(next))")
        Thread.sleep(forTimeInterval: 0.2)
        var answered = false
        for _ in 0..<2 where !answered {
            answered = (try? scalar(b, "SELECT 1")) == 1
        }
        XCTAssertTrue(answered, "at most one call lost with the killed idle connection")
        XCTAssertEqual(try scalar(b, "SELECT 1"), 1)
    }

    func testAServerSideCancelEndsTheWaitingCallWithAClearError() throws {
        let b = bridge(connections: 2)
        let started = Date()
        let outcome = Box<String>()
        let done = DispatchSemaphore(value: 0)
        Thread {
            do {
                _ = try b.run { c in try await c.query("SELECT pg_sleep(30)", logger: PostgresBridge.quiet).collect() }
                outcome.result = .success("finished")
            } catch let e as BackorderError {
                outcome.result = .success(e.message(Localizer(.en)))
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }.start()
        var cancelled = 0
        for _ in 0..<100 where cancelled == 0 {
            Thread.sleep(forTimeInterval: 0.05)
            cancelled = try scalar(adminBridge, """
                SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'
                """)
        }
        XCTAssertEqual(cancelled, 1)
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        let message = try outcome.result!.get()
        XCTAssertTrue(message.contains("cancelled the request"), message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try scalar(b, "SELECT 1"), 1, "the bridge goes on")
    }

    func testConflictsTheServerAbortsAreRetriedThenGivenUpWithNothingSaved() throws {
        let b = bridge()
        try exec(b, "CREATE TABLE tries (x int)")
        try exec(b, "CREATE SEQUENCE attempt")
        // A deadlock twice, then success: run three times, saved once.
        let counter = ConflictCounter()
        try b.transaction(conflicts: counter) { c in
            try await c.query("INSERT INTO tries VALUES (1)", logger: PostgresBridge.quiet)
            try await c.query("""
                DO $$ BEGIN IF nextval('attempt') < 3 THEN RAISE EXCEPTION 'deadlock' USING ERRCODE = 'deadlock_detected'; END IF; END $$
                """, logger: PostgresBridge.quiet)
        }
        XCTAssertEqual(counter.count, 2)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM tries"), 1)
        // Always a serialization failure: given up after the attempts, nothing saved.
        let always = ConflictCounter()
        XCTAssertThrowsError(try b.transaction(.serializable, attempts: 3, conflicts: always) { c in
            try await c.query("INSERT INTO tries VALUES (2)", logger: PostgresBridge.quiet)
            try await c.query("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$", logger: PostgresBridge.quiet)
        }) { error in
            let e = error as? BackorderError
            XCTAssertEqual(e?.kind, .stale)
            XCTAssertEqual(e?.message(Localizer(.en)), "the database was too busy with other clerks' changes: tried 3 times, nothing was changed; try again")
        }
        XCTAssertEqual(always.count, 3)
        XCTAssertEqual(try scalar(b, "SELECT count(*) FROM tries"), 1)
        // Other errors are never retried.
        let none = ConflictCounter()
        XCTAssertThrowsError(try b.transaction(conflicts: none) { c in try await c.query("SELECT 1/0", logger: PostgresBridge.quiet) })
        XCTAssertEqual(none.count, 0)
    }

    /// Twenty clerks take one unit each of ten free: exactly ten get one, both ways; how many runs each way costs.
    func testTwentyClerksForTenUnitsBothWays() throws {
        let b = bridge(connections: 10)
        for way in ["locks", "serializable"] {
            try exec(b, "DROP TABLE IF EXISTS stock, taken")
            try exec(b, "CREATE TABLE stock (sku text PRIMARY KEY, free int NOT NULL CHECK (free >= 0))")
            try exec(b, "CREATE TABLE taken (clerk int NOT NULL)")
            try exec(b, "INSERT INTO stock VALUES ('A', 10)")
            let conflicts = ConflictCounter(), failures = ConflictCounter()
            let serializable = way == "serializable"
            onThreads(20) { clerk in
                do {
                    try b.transaction(serializable ? .serializable : .readCommitted, attempts: 50, conflicts: conflicts) { c in
                        let lock = serializable ? "" : " FOR UPDATE"
                        let free = try await c.query(PostgresQuery(unsafeSQL: "SELECT free FROM stock WHERE sku = 'A'" + lock),
                                                     logger: PostgresBridge.quiet).collect().first!.decode(Int.self)
                        guard free > 0 else { return }
                        try await c.query("UPDATE stock SET free = free - 1 WHERE sku = 'A'", logger: PostgresBridge.quiet)
                        try await c.query("INSERT INTO taken VALUES (\(clerk))", logger: PostgresBridge.quiet)
                    }
                } catch { failures.add() }
            }
            XCTAssertEqual(failures.count, 0, way)
            XCTAssertEqual(try scalar(b, "SELECT count(*) FROM taken"), 10, way)
            XCTAssertEqual(try scalar(b, "SELECT free FROM stock"), 0, way)
            print("20 clerks for 10 units with \(way): \(conflicts.count) transactions run again")
            if !serializable { XCTAssertEqual(conflicts.count, 0, "row locks queue the clerks: nobody runs twice") }
        }
    }

    func testAServerThatIsNotThereIsSaidWithinTheWait() throws {
        let nowhere = PostgresURL(endpoint: .socket(folder: "/nonexistent-\(UUID().uuidString)", port: 5432), user: "x", database: "w")
        let b = bridge(nowhere, wait: .seconds(1))
        let started = Date()
        XCTAssertThrowsError(try b.run { c in try await c.query("SELECT 1", logger: PostgresBridge.quiet).collect().count }) { error in
            let e = error as? BackorderError
            XCTAssertEqual(e?.kind, .dataFile)
            XCTAssertTrue(e?.message(Localizer(.en)).hasPrefix("cannot connect to the database server for \(nowhere.description): ") ?? false, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
