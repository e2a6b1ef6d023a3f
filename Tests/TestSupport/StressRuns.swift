import BackorderCore
import Foundation
import XCTest

/// Clerks' processes writing one warehouse at once (`backorders stress`), and what must hold after them.
public enum StressRuns {
    /// Waits for every process (started with `Binary.start`), each of which must end well with nothing on stderr, and
    /// returns how many operations they did in all, read from each one's "stress clerkN: D done, R refused".
    public static func operationsDone(_ processes: [(Process, Pipe, Pipe)], file: StaticString = #filePath, line: UInt = #line) -> Int {
        var done = 0
        for (p, out, err) in processes {
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "a clerk's process failed: \(o) \(e)", file: file, line: line)
            XCTAssertEqual(e, "", "an error reached a clerk", file: file, line: line)
            let parts = o.split(separator: " ")
            if let i = parts.firstIndex(of: "done,"), let n = Int(parts[i - 1]) { done += n }
        }
        return done
    }

    /// No unit given twice: per item, what came in less what shipped or was picked short is on the shelf, and no more is
    /// promised than is there.
    public static func assertEveryUnitAccounted(journal: [Movement], stock: [Item], file: StaticString = #filePath, line: UInt = #line) {
        for item in stock {
            let moves = journal.filter { $0.sku == item.sku }
            // Returns restock (or scrap: no change), a reversed receipt takes its units out again.
            let cameIn = moves.filter { [.receive, .adjust, .return, .receiptReversal].contains($0.kind) }.reduce(0) { $0 + $1.delta.onHand }
            let shipped = moves.filter { $0.kind == .ship }.reduce(0) { $0 + $1.quantity }
            let shortPicked = moves.filter { $0.kind == .shortPick }.reduce(0) { $0 + $1.quantity }
            XCTAssertEqual(cameIn - shipped - shortPicked, item.onHand, "\(item.sku): units appeared or vanished", file: file, line: line)
            XCTAssertLessThanOrEqual(item.allocated + item.picked, item.onHand, "\(item.sku): more promised than on the shelf",
                                     file: file, line: line)
        }
    }
}
