import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// Every bad request gets a clear message and changes nothing.
final class BadInputTests: XCTestCase {
    /// Runs `body`, expects a refusal, and checks that nothing at all changed in the file.
    func assertNothingChanges(_ w: Warehouse, _ kind: BackorderError.Kind, _ contains: String, file: StaticString = #filePath, line: UInt = #line,
                              _ body: () throws -> Void) throws {
        let before = try w.revision()
        let journal = try w.journal(limit: 1_000)
        assertRefused(kind, contains, file: file, line: line, body)
        XCTAssertEqual(try w.revision(), before, "the revision moved: something was written", file: file, line: line)
        XCTAssertEqual(try w.journal(limit: 1_000), journal, file: file, line: line)
    }

    func testBadRequestsChangeNothing() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 12)]), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 5, eta: testToday), ctx: ctx())
        try w.receive(arrival: "PO-1/1", sku: nil, quantity: 5, ctx: ctx())

        try assertNothingChanges(w, .notFound, "unknown SKU NOPE") {
            try w.createOrder(NewOrder(customer: "C1", lines: [.init(sku: "BOLT", quantity: 1), .init(sku: "NOPE", quantity: 1)]), ctx: ctx())
        }
        try assertNothingChanges(w, .invalidInput, "positive") {
            try w.createOrder(NewOrder(customer: "C1", lines: [.init(sku: "BOLT", quantity: 0)]), ctx: ctx())
        }
        try assertNothingChanges(w, .invalidInput, "positive") {
            try w.createOrder(NewOrder(customer: "C1", lines: [.init(sku: "BOLT", quantity: -5)]), ctx: ctx())
        }
        try assertNothingChanges(w, .notFound, "unknown customer") {
            try w.createOrder(NewOrder(customer: "ZZ", lines: [.init(sku: "BOLT", quantity: 1)]), ctx: ctx())
        }
        try assertNothingChanges(w, .refused, "exists already") {
            try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 1)]), ctx: ctx())
        }
        try assertNothingChanges(w, .invalidInput, "control characters") {
            try w.createOrder(NewOrder(number: "SO\u{1B}[2J", customer: "C1", lines: [.init(sku: "BOLT", quantity: 1)]), ctx: ctx())
        }
        // Shipping more than picked: nothing is picked yet.
        try assertNothingChanges(w, .refused, "nothing is picked") { try w.ship(order: "SO-1", ctx: ctx()) }
        // The receipt gave the 2 waiting units to SO-1: 12 allocated now.
        try assertNothingChanges(w, .refused, "has 12 allocated") {
            try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 13)], ctx: ctx())
        }
        try assertNothingChanges(w, .invalidInput, "must not be negative") {
            try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: -1)], ctx: ctx())
        }
        try assertNothingChanges(w, .refused, "closed") { try w.receive(arrival: "PO-1/1", sku: nil, quantity: 1, ctx: ctx()) }
        try assertNothingChanges(w, .notFound, "no expected arrival") { try w.receive(arrival: "PO-404/1", sku: nil, quantity: 1, ctx: ctx()) }
        try assertNothingChanges(w, .invalidInput, "positive") { try w.receive(arrival: nil, sku: "BOLT", quantity: 0, ctx: ctx()) }
        try assertNothingChanges(w, .notFound, "no order") { try w.cancel(order: "SO-404", lineNo: nil, reason: "x", ctx: ctx()) }
        try assertNothingChanges(w, .invalidInput, "reason is empty") { try w.cancel(order: "SO-1", lineNo: nil, reason: " ", ctx: ctx()) }
        try assertNothingChanges(w, .refused, "closed") { try w.changeETA(arrival: "PO-1/1", to: testToday.adding(days: 3), reason: "", ctx: ctx()) }
        try assertIntact(w)
    }

    func testAFailureHalfwayThroughAnOperationRollsBackEverything() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        let before = try w.revision()
        // The second line's SKU passes validation but the insert fails on the foreign key inside the transaction.
        try w.writer.write { db in try db.execute(sql: "PRAGMA ignore_check_constraints = 0") }
        assertRefused(.notFound, "unknown SKU") {
            try w.createOrder(NewOrder(number: "SO-9", customer: "C1", lines: [.init(sku: "BOLT", quantity: 3), .init(sku: "GONE", quantity: 1)]), ctx: ctx())
        }
        XCTAssertEqual(try w.revision(), before)
        XCTAssertEqual(try w.item("BOLT").allocated, 0)
        XCTAssertThrowsError(try w.orderDetail("SO-9", today: testToday))
    }
}

/// `check` names what a hand-edited or buggy file got wrong.
final class CheckTests: XCTestCase {
    /// A file with 10 bolts and one one-line order of bolts per entry, which `check` finds sound.
    func checkedFile(orders: [String: Int]) throws -> Warehouse {
        let w = try Warehouse.open(path: temporaryPath(), mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 10), ctx: ctx())
        try w.addCustomer(Customer(code: "C1", name: "C"))
        for (number, quantity) in orders.sorted(by: { $0.key < $1.key }) {
            try w.createOrder(NewOrder(number: number, customer: "C1", lines: [.init(sku: "BOLT", quantity: quantity)]), ctx: ctx())
        }
        XCTAssertEqual(try w.check(), [])
        return w
    }

    /// The journal's references are checked in check's own pass over it (not by SQLite's foreign-key check): a row
    /// pointing to a missing line, arrival or item is named, and so is a line left with no journal row at all.
    func testCheckNamesJournalRowsThatPointNowhere() throws {
        let w = try checkedFile(orders: ["SO-1": 4, "SO-2": 1])
        try w.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DROP TRIGGER IF EXISTS movement_no_update")
            try db.execute(sql: "UPDATE movement SET line_id = 999 WHERE line_id = (SELECT id FROM order_line WHERE order_no = 'SO-2')")
            try db.execute(sql: "UPDATE movement SET arrival_id = 77 WHERE id = (SELECT MIN(id) FROM movement)")
            try db.execute(sql: "UPDATE movement SET sku = 'GHOST' WHERE id = (SELECT MAX(id) FROM movement)")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let found = try w.check()
        let details = found.filter { $0.rule == "foreign keys" }.map(\.detail)
        XCTAssertTrue(details.contains { $0.hasSuffix("points to a missing order_line row") }, "\(found)")
        XCTAssertTrue(details.contains { $0.hasSuffix("points to a missing arrival row") }, "\(found)")
        XCTAssertTrue(details.contains { $0.hasSuffix("points to a missing item row") }, "\(found)")
        XCTAssertTrue(found.contains { $0.rule == "line vs journal" && $0.detail.contains("SO-2 line 1") && $0.detail.contains("nothing (no movement)") },
                      "\(found)")
    }

    func testCheckNamesCountersThatDisagreeWithTheJournal() throws {
        let w = try checkedFile(orders: ["SO-1": 4])
        // Edits behind the application's back, as a careless SQL session would make them.
        try w.writer.write { db in
            try db.execute(sql: "UPDATE order_line SET ordered = ordered + 1, allocated = allocated + 1 WHERE order_no = 'SO-1'")
            try db.execute(sql: "UPDATE item SET on_hand = on_hand + 5 WHERE sku = 'BOLT'")
        }
        let rules = Set(try w.check().map(\.rule))
        XCTAssertTrue(rules.isSuperset(of: ["line vs journal", "stock vs journal", "stock vs lines"] as Set<String>), "\(rules)")
        let detail = try w.check().first { $0.rule == "line vs journal" }?.detail ?? ""
        XCTAssertTrue(detail.contains("order SO-1 line 1: counters (o/a/p/s/b/c) 5/5/0/0/0/0 but journal sums 4/4/0/0/0/0"), detail)
    }
}

/// A missing, foreign, damaged, newer-schema or read-only file: a clear message, and the file untouched.
final class DataFileTests: XCTestCase {
    func assertOpenFails(_ path: String, mode: AccessMode = .readWrite, _ contains: String, file: StaticString = #filePath, line: UInt = #line) {
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        assertRefused(.dataFile, contains, file: file, line: line) { _ = try Warehouse.open(path: path, mode: mode) }
        XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: path)), before, "the file was modified", file: file, line: line)
        // SQLite may leave an empty -wal beside a WAL-mode file it only read; it must hold nothing.
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(wal, 0, "something was written to the WAL", file: file, line: line)
    }

    func testMissingFileIsNotCreatedUnlessAsked() throws {
        let path = temporaryPath()
        assertOpenFails(path, "no data file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        _ = try Warehouse.open(path: path, mode: .create)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testForeignFilesAreRefusedUntouched() throws {
        let text = temporaryPath("notes.txt")
        try Data("hello, this is not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        assertOpenFails(text, "not an SQLite database")

        let empty = temporaryPath("empty.sqlite")
        FileManager.default.createFile(atPath: empty, contents: Data())
        assertOpenFails(empty, "empty file")

        let other = temporaryPath("other.sqlite")
        let q = try DatabaseQueue(path: other)
        try q.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        try q.close()
        assertOpenFails(other, "another application")
    }

    /// A command closes its file and then every file it opened is closed on the way out: the second close must not
    /// touch the connections the first one released (it crashed the UI on quit).
    func testClosingTwiceIsHarmless() throws {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 5), ctx: ctx())
        try w.close(fully: false)
        try w.close(fully: false)
        try w.close()
        XCTAssertEqual(try Warehouse.open(path: path, mode: .readOnly).item("BOLT").onHand, 5, "the file is whole")
    }

    func testNewerSchemaIsRefused() throws {
        let path = temporaryPath()
        try Warehouse.open(path: path, mode: .create).close()
        let q = try DatabaseQueue(path: path)
        try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try q.close()
        assertOpenFails(path, "newer version")
    }

    func testDamagedFileIsRefusedAndCheckFindsCorruption() throws {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 5), ctx: ctx())
        try w.close()
        // Overwrite the middle of the file (table pages) with garbage, keeping the header intact.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(bytes.count, 8192)
        for i in 4096..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            let damaged = try Warehouse.open(path: path, mode: .readOnly)
            let v = try damaged.check()
            XCTAssertFalse(v.isEmpty, "check must find the damage")
        } catch let e as BackorderError {
            XCTAssertEqual(e.kind, .dataFile)
            XCTAssertTrue(e.message.contains("damaged"), e.message)
        }
    }

    func testReadOnlyFileOpensForBrowsingOnly() throws {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 5), ctx: ctx())
        try w.close()
        let ro = try Warehouse.open(path: path, mode: .readOnly)
        XCTAssertEqual(try ro.item("BOLT").onHand, 5)
        assertRefused(.refused, "read-only") { try ro.addCustomer(Customer(code: "C1", name: "x")) }
        if getuid() != 0 {
            // Root ignores file permissions, so this part only means something for ordinary users.
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            assertOpenFails(path, "read-only")
        }
    }
}
