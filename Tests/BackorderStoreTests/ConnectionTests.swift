@testable import BackorderStore
import GRDB
import XCTest

/// How every connection to a data file is set up: the settings the receipt and order timings rely on.
final class ConnectionTests: XCTestCase {
    func testEveryConnectionKeepsStatementJournalsInMemoryMapsTheFileAndCommitsDurably() throws {
        let path = temporaryPath()
        let settings = { (db: Database) in
            (try Int.fetchOne(db, sql: "PRAGMA temp_store"), try Int.fetchOne(db, sql: "PRAGMA mmap_size"))
        }
        for mode in [AccessMode.create, .readOnly] {
            let w = try Warehouse.open(path: path, mode: mode)
            for (temp, mapped) in [try w.writer.writeWithoutTransaction(settings), try w.writer.read(settings)] {
                // 2 = MEMORY: a thousand-line UPDATE's statement journal never goes to a temporary file.
                XCTAssertEqual(temp, 2, "\(mode)")
                // At least 1 GiB: a file of a million order lines (421 MB) is read through the map, not page by page.
                XCTAssertGreaterThanOrEqual(mapped ?? 0, 1 << 30, "\(mode)")
            }
            if mode == .create {
                // 2 = FULL: each commit syncs the log, so a confirmed order survives a power cut.
                XCTAssertEqual(try w.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 2)
            }
        }
    }
}
