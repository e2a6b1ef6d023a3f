import BackorderCore
import Foundation
import PostgresNIO
import XCTest
@testable import BackorderStorePostgres

/// The transaction an import drives step by step from its own thread: kept on commit, gone on rollback, usable after
/// a step's own refusal, ended with the server's first failure, and with an error (never a hang) when the server drops
/// its connection.
final class HeldTransactionTests: PostgresTestCase {
    func testCommitKeepsRollbackDropsAndARefusalLeavesItUsable() throws {
        let b = bridge()
        try exec(b, "CREATE TABLE t (v BIGINT)")
        let kept = HeldTransaction(b)
        try kept.run { c in try await c.rows("INSERT INTO t VALUES (1)") }
        XCTAssertThrowsError(try kept.run { _ in throw BackorderError.refused(.verbatim("no")) }) { error in
            XCTAssertEqual((error as? BackorderError)?.kind, .refused)
        }
        let seen = try kept.run { c in try await c.rows("SELECT COUNT(*) FROM t").first?.decode(Int.self) ?? -1 }
        XCTAssertEqual(seen, 1, "its own insert, after the refusal")
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM t"), 0, "others see nothing before the commit")
        try kept.commit()
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM t"), 1)
        let dropped = HeldTransaction(b)
        try dropped.run { c in try await c.rows("INSERT INTO t VALUES (2)") }
        dropped.rollback()
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM t"), 1)
    }

    func testAStepTheServerFailedIsTheAnswerToEveryLaterStepAndToTheCommit() throws {
        let b = bridge()
        try exec(b, "CREATE TABLE t (v BIGINT CONSTRAINT positive CHECK (v > 0))")
        let held = HeldTransaction(b)
        try held.run { c in try await c.rows("INSERT INTO t VALUES (1)") }
        XCTAssertThrowsError(try held.run { c in try await c.rows("INSERT INTO t VALUES (-1)") }) { error in
            XCTAssertTrue("\(error)".contains("positive"), "\(error)")
        }
        XCTAssertThrowsError(try held.run { c in try await c.rows("SELECT 1") }) { error in
            XCTAssertEqual((error as? BackorderError)?.kind, .dataFile, "\(error)")
            XCTAssertTrue("\(error)".contains("positive") && !"\(error)".contains("aborted"), "\(error)")
        }
        XCTAssertThrowsError(try held.commit()) { error in XCTAssertTrue("\(error)".contains("positive"), "\(error)") }
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM t"), 0, "the first insert went with the rest")
    }

    func testALostConnectionEndsTheNextStepWithAnError() throws {
        let b = bridge()
        let held = HeldTransaction(b)
        let pid = try held.run { c in try await c.rows("SELECT pg_backend_pid()").first?.decode(Int.self) ?? 0 }
        try exec(adminBridge, "SELECT pg_terminate_backend(\(pid))")
        let started = Date()
        XCTAssertThrowsError(try held.run { c in try await c.rows("SELECT 1") }) { error in
            XCTAssertEqual((error as? BackorderError)?.kind, .dataFile, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        held.rollback()
    }
}
