import BackorderCore
import BackorderStore
import Foundation
import TestSupport
import XCTest

/// Several clerks' processes write the same file at once: no error reaches them, no update is lost, no unit is given twice.
final class ConcurrencyTests: XCTestCase {
    func testFourProcessesWritingTheSameFile() throws {
        let db = tempDB()
        XCTAssertEqual(try runCLI(["init"], db: db).status, 0)
        for sku in ["A", "B", "C", "D", "E"] {
            XCTAssertEqual(try runCLI(["item", "add", sku, "Item \(sku)", "--stock", "40"], db: db).status, 0)
        }
        for c in ["C1", "C2", "C3"] { XCTAssertEqual(try runCLI(["customer", "add", c, "Customer \(c)"], db: db).status, 0) }

        let ops = 500
        let processes = try (1...4).map { n in try startStressWriter(db: db, ops: ops, seed: n, actor: "clerk\(n)") }
        let done = StressRuns.operationsDone(processes)
        XCTAssertGreaterThan(done, 4 * ops / 2, "most operations should go through")

        let check = try runCLI(["check"], db: db)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)

        // No unit given twice: per SKU, what shipped never exceeds what ever came in, and the rest is on the shelf.
        let w = try Warehouse.open(path: db, mode: .readOnly)
        let journal = try w.journal(limit: 10_000_000)
        StressRuns.assertEveryUnitAccounted(journal: journal, stock: try w.stock(Page(limit: 100)))
        XCTAssertTrue(Set(journal.map(\.actor)).isSuperset(of: ["clerk1", "clerk2", "clerk3", "clerk4"]), "every process wrote")
        let exceptions: Set<MovementKind> = [.release, .putBack, .amend, .return, .receiptReversal]
        XCTAssertGreaterThanOrEqual(Set(journal.map(\.kind)).intersection(exceptions).count, 3,
                                    "the processes mixed the exceptions in: \(Set(journal.map(\.kind)))")
    }
}
