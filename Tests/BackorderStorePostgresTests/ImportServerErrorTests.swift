import BackorderCore
import Foundation
import TestSupport
import XCTest
@testable import BackorderStorePostgres

/// An import the server fails part way (a statement it refuses): the clerk is told the server's reason for the first
/// failure, not that the transaction was aborted, and nothing of the file stays.
final class ImportServerErrorTests: PostgresTestCase {

    /// A warehouse with one customer and one item, and an orders file of three orders.
    func ordersFile() throws -> String {
        XCTAssertEqual(try Binary.run(["db", "init", url.description]).status, 0)
        XCTAssertEqual(try Binary.run(["customer", "add", "C1", "Nordbygg AS", "--db", url.description]).status, 0)
        XCTAssertEqual(try Binary.run(["item", "add", "BOLT", "Bolt", "--stock", "3", "--db", url.description]).status, 0)
        let path = folder.appendingPathComponent("orders.csv").path
        try Data("order,customer,sku,qty\nSO-1,C1,BOLT,1\nSO-2,C1,BOLT,5\nSO-3,C1,BOLT,1\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func assertNothingImported(line: UInt = #line) throws {
        let b = bridge()
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM orders"), 0, line: line)
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM movement WHERE kind = 'order'"), 0, line: line)
        XCTAssertEqual(try scalar(b, "SELECT on_hand - allocated FROM item WHERE sku = 'BOLT'"), 3, line: line)
    }

    /// The clerk's login may not write notices here: the first order's notice is refused, and that is what is said
    /// (with the refusal's exit code), though later orders were still to come.
    func testARefusalOfTheServerIsReportedNotTheAbortedTransaction() throws {
        let orders = try ordersFile()
        let clerk = "clerk_" + UUID().uuidString.lowercased().prefix(8)
        try exec(adminBridge, "CREATE ROLE \(clerk) LOGIN")
        _ = try PostgresSetup.initialize(bridge(), clerks: [clerk], supervisors: [])
        try exec(bridge(), "REVOKE INSERT ON notice FROM \(PostgresSetup.clerkRole)")
        let ran = try Binary.run(["import", "orders", orders, "--db", url.with(user: clerk).description])
        XCTAssertEqual(ran.status, 1, ran.stdout + ran.stderr)
        XCTAssertTrue(ran.stderr.contains("permission denied for table notice"), ran.stderr)
        XCTAssertFalse(ran.stderr.contains("aborted"), ran.stderr)
        try assertNothingImported()
    }

    /// A check the server holds refuses the second order: its words are the answer, and the first order is gone too.
    func testAConstraintTheServerRefusesMidFileIsReported() throws {
        let orders = try ordersFile()
        try exec(bridge(), "ALTER TABLE orders ADD CONSTRAINT not_so_2 CHECK (number <> 'SO-2')")
        let ran = try Binary.run(["import", "orders", orders, "--db", url.description])
        XCTAssertEqual(ran.status, 66, ran.stdout + ran.stderr)
        XCTAssertTrue(ran.stderr.contains("not_so_2"), ran.stderr)
        XCTAssertFalse(ran.stderr.contains("aborted"), ran.stderr)
        try assertNothingImported()
    }
}
