import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// The rules `check` evaluates in its own passes over the big tables (not in SQL), each caught by one damage, on a file
/// (two readers side by side) and inside a dry run (one reader) alike.
final class CheckPassesTests: XCTestCase {
    /// A closed order, a partly shipped one, a waiting one, a receipt against an arrival: everything the passes compare.
    func baseFile() throws -> String {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 10), ctx: ctx(-9))
        try w.addItem(Item(sku: "NUT", name: "Nut", onHand: 5), ctx: ctx(-9))
        try w.addCustomer(Customer(code: "C1", name: "C"))
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 20, eta: testToday.adding(days: 10)), ctx: ctx(-8))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 14), .init(sku: "NUT", quantity: 2)]), ctx: ctx(-7))
        _ = try w.pick(order: "SO-1", entries: nil, ctx: ctx(-6))
        _ = try w.ship(order: "SO-1", ctx: ctx(-6))
        _ = try w.receive(arrival: "PO-1/1", sku: nil, quantity: 6, ctx: ctx(-5))
        _ = try w.pick(order: "SO-1", entries: nil, ctx: ctx(-4))
        _ = try w.ship(order: "SO-1", ctx: ctx(-4))
        _ = try w.createOrder(NewOrder(number: "SO-2", customer: "C1", lines: [.init(sku: "BOLT", quantity: 3)]), ctx: ctx(-3))
        _ = try w.createOrder(NewOrder(number: "SO-3", customer: "C1", lines: [.init(sku: "NUT", quantity: 1)]), ctx: ctx(-2))
        XCTAssertNotNil(try w.orderDetail("SO-1", today: testToday).order.closedAt)
        XCTAssertEqual(try w.check(), [])
        try w.close()
        return path
    }

    /// What `check` finds after `sql` on a copy of `base`, on the file and inside a dry run; both must agree.
    func damage(_ base: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Violation] {
        let path = temporaryPath()
        try FileManager.default.copyItem(atPath: base, toPath: path)
        let edit = """
            PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
            \(["movement", "shipment", "shipment_line", "receipt"].map { "DROP TRIGGER \($0)_no_update; DROP TRIGGER \($0)_no_delete;" }.joined())
            \(sql);
            """
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: edit) }
        try queue.close()
        let w = try Warehouse.open(path: path, mode: .readWrite)
        defer { try? w.close() }
        let onFile = try w.check()
        let copy = temporaryPath()
        try FileManager.default.copyItem(atPath: base, toPath: copy)
        let fresh = try Warehouse.open(path: copy, mode: .readWrite)
        defer { try? fresh.close() }
        let inDryRun = try fresh.dryRun { dry -> [Violation] in
            // Inside a transaction foreign keys cannot be switched off, only deferred to a commit that never comes.
            try dry.session!.execute(sql: edit.replacingOccurrences(of: "PRAGMA foreign_keys = OFF;", with: "PRAGMA defer_foreign_keys = ON;"))
            defer { try? dry.session!.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
            return try dry.check(integrity: false)
        }
        XCTAssertEqual(onFile, inDryRun, "two readers and one reader disagree", file: file, line: line)
        return onFile
    }

    func details(_ found: [Violation], _ rule: String) -> [String] { found.filter { $0.rule == rule }.map(\.detail) }

    func testEachRuleOfThePassesNamesItsOffender() throws {
        let base = try baseFile()
        XCTAssertEqual(details(try damage(base, "UPDATE order_line SET cancelled = 1 WHERE order_no = 'SO-3'"), "line balance"),
                       ["order SO-3 line 1: ordered 1 ≠ allocated 1 + picked 0 + shipped 0 + backordered 0 + cancelled 1, or a bucket is negative"])
        XCTAssertEqual(details(try damage(base, "UPDATE item SET allocated = allocated + 1, on_hand = on_hand + 1 WHERE sku = 'NUT'"), "stock vs lines"),
                       ["NUT: item says allocated/picked/backordered 2/0/0, its order lines say 1/0/0"])
        XCTAssertEqual(details(try damage(base, """
            UPDATE shipment_line SET quantity = quantity + 1 WHERE line_id = (SELECT id FROM order_line WHERE order_no = 'SO-1' AND line_no = 2)
            """), "shipments vs lines"), ["order SO-1 line 2: shipped 2 but its shipments hold 3"])
        XCTAssertEqual(details(try damage(base, "UPDATE orders SET closed_at = 1 WHERE number = 'SO-2'"), "order closed with open units"),
                       ["order SO-2 is closed but 3 unit(s) are still open"])
        XCTAssertEqual(details(try damage(base, "UPDATE orders SET closed_at = NULL WHERE number = 'SO-1'"), "order open with nothing left"),
                       ["order SO-1 has nothing left to ship but is still open"])
        XCTAssertEqual(details(try damage(base, "UPDATE orders SET order_date = '2026-01-01' WHERE number = 'SO-3'"), "line copies of order header"),
                       ["order SO-3 line 1: its copy of the order's number, priority or date differs from the order"])
        XCTAssertEqual(details(try damage(base, "UPDATE arrival SET received = received + 1"), "arrival vs receipts"),
                       ["arrival PO-1/1: received 7, receipts 6, journal 6"])
        XCTAssertEqual(details(try damage(base, "UPDATE movement SET line_id = NULL WHERE id = (SELECT MIN(id) FROM movement WHERE d_ordered != 0)"),
                               "journal without line").count, 1)
        // The journal, the lines and the item must agree: an extra unit on hand in the item alone.
        XCTAssertEqual(details(try damage(base, "UPDATE item SET on_hand = on_hand + 1 WHERE sku = 'BOLT'"), "stock vs journal"),
                       ["BOLT: on hand 3 but the journal sums to 2"])
    }

    func testReferencesTheyReadAreChecked() throws {
        let base = try baseFile()
        func missing(_ sql: String) throws -> [String] { details(try damage(base, sql), "foreign keys") }
        let so3 = "(SELECT id FROM order_line WHERE order_no = 'SO-3')"
        let line3 = try DatabaseQueue(path: base).read { try Int64.fetchOne($0, sql: "SELECT \(so3)")! }
        XCTAssertTrue(try missing("DELETE FROM orders WHERE number = 'SO-3'").contains("order_line row \(line3) points to a missing orders row"))
        XCTAssertEqual(try missing("UPDATE order_line SET sku = 'GONE' WHERE id = \(so3)"), ["order_line row \(line3) points to a missing item row"])
        XCTAssertEqual(try missing("UPDATE receipt SET arrival_id = 99"), ["receipt row 1 points to a missing arrival row"])
        XCTAssertEqual(try missing("UPDATE arrival SET sku = 'GONE'"), ["arrival row 1 points to a missing item row"])
        XCTAssertEqual(try missing("UPDATE shipment SET order_id = 99 WHERE id = 1"), ["shipment row 1 points to a missing orders row"])
        let gone = try missing("DELETE FROM shipment WHERE id = 2")
        XCTAssertTrue(gone.contains { $0.hasPrefix("shipment_line (shipment 2, line ") && $0.hasSuffix("points to a missing shipment row") }, "\(gone)")
        XCTAssertTrue(gone.contains { $0.hasPrefix("movement row ") && $0.hasSuffix("points to a missing shipment row") }, "\(gone)")
        XCTAssertTrue(try missing("DELETE FROM receipt").contains { $0.hasSuffix("points to a missing receipt row") })
    }

    /// The passes check some tables' references themselves and leave them out of SQLite's `foreign_key_check`: the list
    /// they cover must be exactly the schema's, or a new reference would go unchecked.
    func testThePassesCoverExactlyTheSchemasReferences() throws {
        let w = try makeWarehouse()
        let schema: [String: Set<String>] = try w.writer.read { db in
            var found: [String: Set<String>] = [:]
            for table in Warehouse.foreignKeysCheckedInPasses.keys {
                for r in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table))") {
                    found[table, default: []].insert("\(r["from"] as String)>\(r["table"] as String).\(r["to"] as String)")
                }
            }
            return found
        }
        XCTAssertEqual(schema, Warehouse.foreignKeysCheckedInPasses)
    }

    /// Ids are dense as SQLite hands them out; a hand-edited id far beyond the count goes to the dictionary, not a huge array.
    func testSlotsTakeAnyId() {
        var slots = Slots()
        let ids: [Int64] = [1, 2, 5, 1 << 40, -3, 70_000, 3]
        for id in ids { _ = slots.add(id) }
        XCTAssertEqual(ids.map { slots.slot($0) }, Array(0..<ids.count))
        XCTAssertNil(slots.slot(4))
        XCTAssertNil(slots.slot(1 << 41))
        XCTAssertNil(slots.slot(-1))
    }
}

/// The JSON arrays operations pass to `json_each`, built piece by piece: each must read back as what went in.
final class JSONArgumentTests: XCTestCase {
    func testArraysReadBackThroughSQLite() throws {
        let w = try makeWarehouse()
        let texts = ["plain", "quote \" and \\ backslash", "tab\there", ""]
        let (ids, pairs, strings) = try w.read { db in
            (try Int64.fetchAll(db, sql: "SELECT value FROM json_each(?)", arguments: [JSONArgument.ids([3, -1, 1 << 40, 0, -90, .max, .min])]),
             try Row.fetchAll(db, sql: "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)",
                              arguments: [JSONArgument.pairs(texts.enumerated().map { (Int64($0.offset), $0.element) })]).map { "\($0[0] as Int64):\($0[1] as String)" },
             try String.fetchAll(db, sql: "SELECT value FROM json_each(?)", arguments: [JSONArgument.strings(texts)]))
        }
        XCTAssertEqual(ids, [3, -1, 1 << 40, 0, -90, .max, .min])
        XCTAssertEqual(JSONArgument.ids([10, -7, 0]), "[10,-7,0]")
        XCTAssertEqual(pairs, texts.enumerated().map { "\($0.offset):\($0.element)" })
        XCTAssertEqual(strings, texts)
        XCTAssertEqual(JSONArgument.ids([]), "[]")
    }
}
