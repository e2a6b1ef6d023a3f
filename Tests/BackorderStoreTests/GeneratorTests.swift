import BackorderCore
@testable import BackorderStore
import Foundation
import XCTest

/// The demo generator: every invariant holds, its summary matches what the lists say, a seed always builds the same
/// warehouse, and the operations keep working on what it built.
final class GeneratorTests: XCTestCase {
    private static let today = Day(iso: "2026-11-25")!
    /// 14:30 UTC on the demo's today: the generator's clock must not run past it.
    private static let context = Context(actor: "demo", now: Timestamp(unixTime: Int64(today.ordinal) * 86_400 + 14 * 3_600 + 1_800), today: today)
    private static let everything = Page(limit: 1_000_000)

    private func generate(lines: Int = 2_000, seed: UInt64 = 7) throws -> (Warehouse, DemoSummary) {
        let w = try Warehouse.inMemory()
        let summary = try w.generateDemo(DemoSpec(orderLines: lines, seed: seed), ctx: Self.context)
        return (w, summary)
    }

    private func assertNoViolations(_ w: Warehouse, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try w.check(limit: 5)
        XCTAssertEqual(found, [], "invariants broken:\n" + found.map(\.description).joined(separator: "\n"), file: file, line: line)
    }

    func testGeneratedWarehouseKeepsEveryInvariant() throws {
        let (w, _) = try generate()
        try assertNoViolations(w)
    }

    func testSummaryMatchesWhatTheListsSay() throws {
        let (w, s) = try generate()
        let counts = try w.counts(today: Self.today)
        XCTAssertEqual(s.orderLines, 2_000)
        XCTAssertEqual(s.items, counts.items)
        XCTAssertEqual(s.items, try w.stock(Self.everything).count)
        XCTAssertEqual(s.customers, try w.customers().count)
        XCTAssertEqual(s.openOrders, counts.openOrders)
        XCTAssertEqual(s.openOrders, try w.openOrders(Self.everything).count)
        XCTAssertEqual(s.backorderLines, counts.backorderLines)
        XCTAssertEqual(s.backorderLines, try w.backorderLines(Self.everything, today: Self.today).count)
        XCTAssertEqual(s.openArrivals, counts.openArrivals)
        XCTAssertEqual(s.openArrivals, try w.openArrivals(Self.everything, today: Self.today).count)
        XCTAssertEqual(s.lateArrivals, counts.lateArrivals)

        // Orders are numbered SO-000001 … in date order; their lines add up to the summary.
        var lines = 0, closed = 0, shipments = Set<String>()
        for n in 1...s.orders {
            let d = try w.orderDetail(String(format: "SO-%06d", n), today: Self.today)
            lines += d.lines.count
            if !d.order.isOpen { closed += 1 }
            shipments.formUnion(d.shipments.map(\.number))
        }
        XCTAssertThrowsError(try w.orderDetail(String(format: "SO-%06d", s.orders + 1), today: Self.today))
        XCTAssertEqual(lines, s.orderLines)
        XCTAssertEqual(closed, s.orders - s.openOrders)
        XCTAssertEqual(shipments.count, s.shipments)

        let journal = try w.journal(limit: 10_000_000)
        XCTAssertEqual(journal.count, s.movements)
        XCTAssertEqual(Set(journal.filter { $0.kind == .receive }.compactMap(\.document)).count, s.receipts)
        XCTAssertEqual(journal.map(\.id), journal.map(\.id).sorted(by: >), "newest first")
        XCTAssertTrue(zip(journal, journal.dropFirst()).allSatisfy { $0.at >= $1.at }, "the journal is in time order")
        XCTAssertLessThanOrEqual(journal.first!.at, Self.context.now, "nothing happens after now")

        let top = try XCTUnwrap(w.skusByWaitingLines(limit: 1).first)
        XCTAssertEqual(top.sku, s.hotSku)
        XCTAssertEqual(top.lines, s.hotWaitingLines)
        XCTAssertEqual(try w.item(s.hotSku).free, 0, "units wait, so nothing is free")
    }

    func testTheStoryHasEveryOrderStateAndSupplierTrouble() throws {
        let (w, s) = try generate(lines: 20_000)
        try assertNoViolations(w)
        let open = try w.openOrders(Self.everything)
        XCTAssertTrue(open.contains { $0.shipped > 0 && $0.backordered > 0 }, "partially shipped, rest on backorder")
        XCTAssertTrue(open.contains { $0.allocated > 0 }, "allocated, not yet picked")
        XCTAssertTrue(open.contains { $0.picked > 0 }, "picked, not yet shipped")
        XCTAssertTrue(open.contains { $0.policy == .complete }, "ship-complete orders")
        XCTAssertGreaterThan(s.orders - s.openOrders, s.openOrders, "most orders are done")
        XCTAssertLessThanOrEqual(try XCTUnwrap(open.map(\.priority).min()), 2, "rush orders")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(open.map(\.priority).max()), 7, "orders that can wait")
        XCTAssertGreaterThan(open.filter { $0.priority == 5 }.count * 2, open.count, "mostly priority 5")
        let oldest = try XCTUnwrap(open.map(\.orderDate).min())
        XCTAssertGreaterThanOrEqual(oldest, Self.today.adding(days: -179))

        let journal = try w.journal(limit: 10_000_000)
        // The demo's story has no corrections yet (the kinds v10 added); every kind before them it has.
        for kind in MovementKind.allCases where !Schema.v10Kinds.contains(kind.rawValue) {
            XCTAssertTrue(journal.contains { $0.kind == kind }, "the journal has \(kind) movements")
        }
        let arrivals = try w.openArrivals(Self.everything, today: Self.today)
        XCTAssertTrue(arrivals.contains(where: \.late), "some arrivals are late")
        XCTAssertTrue(arrivals.contains { !$0.late }, "some arrivals are still due")
        XCTAssertTrue(arrivals.contains { $0.etaChanges > 0 }, "some ETAs were moved")
        XCTAssertGreaterThan(s.etaChanges, 0)

        let waiting = try w.backorderLines(Self.everything, today: Self.today)
        XCTAssertTrue(waiting.contains { $0.promised != nil }, "some waiting lines have a promised date")
        XCTAssertTrue(waiting.contains { $0.promised == nil }, "some wait with no arrival planned")

        let customers = try w.customers()
        XCTAssertTrue(customers.contains { $0.name.contains(where: { "æøåÆØÅ".contains($0) }) }, "Norwegian letters")
        XCTAssertTrue(customers.contains { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "a CJK name")
        let items = try w.stock(Self.everything)
        XCTAssertEqual(Set(items.map(\.sku)).count, items.count)
        XCTAssertTrue(items.allSatisfy { $0.sku.hasPrefix("SKU-") && $0.bin.count == 7 && $0.minOrderQty % $0.packSize == 0 })
    }

    func testTheSameSeedBuildsTheSameWarehouse() throws {
        let (a, first) = try generate(seed: 42)
        let (b, second) = try generate(seed: 42)
        XCTAssertEqual(first, second)
        XCTAssertEqual(try a.stock(Self.everything), try b.stock(Self.everything))
        XCTAssertEqual(try a.backorderLines(Self.everything, today: Self.today), try b.backorderLines(Self.everything, today: Self.today))
        XCTAssertEqual(try a.journal(limit: 10_000_000), try b.journal(limit: 10_000_000))
        let (_, other) = try generate(seed: 43)
        XCTAssertNotEqual(first, other, "another seed tells another story")
    }

    func testTinyWarehousesAreStillConsistent() throws {
        for lines in [1, 9, 137] {
            let (w, s) = try generate(lines: lines)
            XCTAssertEqual(s.orderLines, lines)
            try assertNoViolations(w)
        }
    }

    func testOperationsKeepWorkingOnTheGeneratedWarehouse() throws {
        let (w, s) = try generate()
        let later = Context(actor: "clerk", now: Timestamp(unixTime: Self.context.now.unixTime + 600), today: Self.today)
        let queue = try w.backorderLines(Page(limit: 3), sku: s.hotSku, today: Self.today)
        let units = queue.reduce(0) { $0 + $1.backordered }
        let receipt = try w.receive(arrival: nil, sku: s.hotSku, quantity: units, ctx: later)
        XCTAssertEqual(receipt.allocations.map(\.orderNumber), queue.map(\.orderNumber), "served in queue order")
        XCTAssertEqual(receipt.leftFree, 0)

        let skus = try w.stock(Page(limit: 5)).map(\.sku)
        let customer = try XCTUnwrap(w.customers().first).code
        let created = try w.createOrder(NewOrder(customer: customer, lines: skus.map { NewOrderLine(sku: $0, quantity: 3) }), ctx: later)
        XCTAssertEqual(created.order.number, String(format: "SO-%06d", s.orders + 1))

        let ready = try XCTUnwrap(w.openOrders(Self.everything).first { $0.allocated > 0 && $0.policy == .partial })
        try w.pick(order: ready.number, entries: nil, expectedVersion: ready.version, ctx: later)
        try w.ship(order: ready.number, ctx: later)
        try assertNoViolations(w)
    }

    func testRefusesAWarehouseThatHoldsData() throws {
        let (w, _) = try generate(lines: 50)
        XCTAssertThrowsError(try w.generateDemo(DemoSpec(orderLines: 50, seed: 1), ctx: Self.context)) { error in
            XCTAssertEqual((error as? BackorderError)?.kind, .refused)
        }
    }

    func testAFileHoldsEverythingWithoutItsLog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("generator-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("demo.sqlite").path
        let w = try Warehouse.open(path: path, mode: .create)
        let s = try w.generateDemo(DemoSpec(orderLines: 500, seed: 3), ctx: Self.context)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(wal, 0, "the log is folded into the file")
        let figures = try w.storageFigures()
        XCTAssertEqual(figures.orderLines, 500)
        XCTAssertEqual(figures.orders, s.orders)
        XCTAssertEqual(figures.movements, s.movements)
        XCTAssertEqual(figures.fileBytes, try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try w.close()
        let reopened = try Warehouse.open(path: path, mode: .readOnly)
        XCTAssertEqual(try reopened.counts(today: Self.today).backorderLines, s.backorderLines)
        try assertNoViolations(reopened)
    }

    /// Other branches keep derived data by triggers and indexes of their own: the load must neither fire a trigger
    /// nor lose one, and must rebuild every index, whatever table it is on.
    func testLoadsAroundTriggersAndIndexesItDoesNotKnow() throws {
        let w = try Warehouse.inMemory()
        try w.writer.write { db in
            try db.execute(sql: """
                CREATE TABLE demo_probe (n INTEGER NOT NULL);
                CREATE TRIGGER demo_probe_orders AFTER INSERT ON orders BEGIN INSERT INTO demo_probe VALUES (NEW.id); END;
                CREATE TRIGGER demo_probe_movement AFTER INSERT ON movement BEGIN SELECT RAISE(ABORT, 'fired'); END;
                CREATE INDEX demo_probe_movement_note ON movement (note, id);
                """)
        }
        let s = try w.generateDemo(DemoSpec(orderLines: 300, seed: 5), ctx: Self.context)
        try w.writer.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM demo_probe"), 0, "no trigger fired during the load")
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'demo_probe_%' ORDER BY name")
            XCTAssertEqual(names, ["demo_probe_movement", "demo_probe_movement_note", "demo_probe_orders"])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM movement INDEXED BY demo_probe_movement_note WHERE note >= ''"),
                           s.movements, "the index was rebuilt over every journal row")
        }
        // The triggers are live again afterwards.
        XCTAssertThrowsError(try w.writer.write { db in
            try db.execute(sql: "INSERT INTO movement (at, actor, kind, sku, quantity) VALUES (0, 'x', 'adjust', 'SKU-000001', 1)")
        }) { error in
            XCTAssertTrue("\(error)".contains("fired"), "\(error)")
        }
    }

    func testHotPathsReadOrderLinesThroughIndexes() throws {
        let (w, _) = try generate(lines: 200)
        let plans = try w.queryPlans()
        XCTAssertGreaterThan(plans.count, 10)
        for p in plans {
            XCTAssertFalse(p.plan.isEmpty, p.name)
            let fullScans = p.plan.filter { step in
                let words = step.trimmingCharacters(in: .whitespaces).split(separator: " ")
                return words.first == "SCAN" && words.count == 2 && ["order_line", "l", "movement", "m"].contains(String(words[1]))
            }
            XCTAssertEqual(fullScans, [], "\(p.name) scans a whole table:\n" + p.plan.joined(separator: "\n"))
        }
    }
}
