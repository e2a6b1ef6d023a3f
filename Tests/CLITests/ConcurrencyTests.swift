import BackorderCore
import BackorderStore
import Foundation
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
        var done = 0
        for (p, out, err) in processes {
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "a clerk's process failed: \(o) \(e)")
            XCTAssertEqual(e, "", "an error reached a clerk")
            // "stress clerkN: D done, R refused"
            let parts = o.split(separator: " ")
            if let i = parts.firstIndex(of: "done,"), let n = Int(parts[i - 1]) { done += n }
        }
        XCTAssertGreaterThan(done, 4 * ops / 2, "most operations should go through")

        let check = try runCLI(["check"], db: db)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)

        // No unit given twice: per SKU, what shipped never exceeds what ever came in, and the rest is on the shelf.
        let w = try Warehouse.open(path: db, mode: .readOnly)
        let journal = try w.journal(limit: 10_000_000)
        for item in try w.stock(Page(limit: 100)) {
            let moves = journal.filter { $0.sku == item.sku }
            // Returns restock (or scrap: no change), a reversed receipt takes its units out again.
            let cameIn = moves.filter { [.receive, .adjust, .return, .receiptReversal].contains($0.kind) }.reduce(0) { $0 + $1.delta.onHand }
            let shipped = moves.filter { $0.kind == .ship }.reduce(0) { $0 + $1.quantity }
            let shortPicked = moves.filter { $0.kind == .shortPick }.reduce(0) { $0 + $1.quantity }
            XCTAssertEqual(cameIn - shipped - shortPicked, item.onHand, "\(item.sku): units appeared or vanished")
            XCTAssertLessThanOrEqual(item.allocated + item.picked, item.onHand, "\(item.sku): more promised than on the shelf")
        }
        XCTAssertTrue(Set(journal.map(\.actor)).isSuperset(of: ["clerk1", "clerk2", "clerk3", "clerk4"]), "every process wrote")
        let exceptions: Set<MovementKind> = [.release, .putBack, .amend, .return, .receiptReversal]
        XCTAssertGreaterThanOrEqual(Set(journal.map(\.kind)).intersection(exceptions).count, 3,
                                    "the processes mixed the exceptions in: \(Set(journal.map(\.kind)))")
    }
}
