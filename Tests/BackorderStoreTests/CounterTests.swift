import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// The kept counters (migration v14-counters) equal the rows counted after every kind of change, lateness moves with
/// the day without a change of the rows, and `check` names a counter that was tampered with.
final class CounterTests: XCTestCase {
    /// The figures counted from the rows, as the status bar showed them before they were kept.
    func counted(_ w: Warehouse, today: Day) throws -> Counts {
        try w.read { db in
            Counts(openOrders: try db.int(sql: "SELECT COUNT(*) FROM orders WHERE closed_at IS NULL") ?? -1,
                   backorderLines: try db.int(sql: "SELECT COUNT(*) FROM order_line WHERE backordered > 0") ?? -1,
                   backorderedUnits: try db.int(sql: "SELECT COALESCE(SUM(backordered), 0) FROM order_line") ?? -1,
                   openArrivals: try db.int(sql: "SELECT COUNT(*) FROM arrival WHERE closed_at IS NULL") ?? -1,
                   lateArrivals: try db.int(sql: "SELECT COUNT(*) FROM arrival WHERE closed_at IS NULL AND eta < ?", arguments: [today.iso]) ?? -1,
                   items: try db.int(sql: "SELECT COUNT(*) FROM item") ?? -1)
        }
    }

    func assertKept(_ w: Warehouse, today: Day = testToday, _ step: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let kept = try w.counts(today: today)
        XCTAssertEqual(kept, try counted(w, today: today), "after \(step)", file: file, line: line)
        // The unfiltered lists' sizes come from the same counters.
        XCTAssertEqual([try w.rowCount(.orders, filter: ""), try w.rowCount(.backorders, filter: ""),
                        try w.rowCount(.arrivals, filter: ""), try w.rowCount(.stock, filter: "")],
                       [kept.openOrders, kept.backorderLines, kept.openArrivals, kept.items], "after \(step)", file: file, line: line)
        XCTAssertEqual(try w.read { try Counters.verify($0, limit: 20) }, [], "after \(step)", file: file, line: line)
    }

    /// The sample warehouse's story, checked after every command, then the exceptions a clerk makes on top of it.
    func testCountersFollowTheSampleWarehouseAndItsExceptions() throws {
        let w = try Warehouse.inMemory()
        try assertKept(w, "nothing")
        let commands = try Script.parse(SampleWarehouse.script)
        let runner = ScriptRunner(warehouse: w, today: testToday)
        var clock: [(line: Int, command: ScriptCommand)] = []
        var actor: [(line: Int, command: ScriptCommand)] = []
        for c in commands {
            switch c.command {
            case .at: clock = [c]
            case .actor: actor = [c]
            default:
                try runner.run(clock + actor + [c])
                try assertKept(w, "line \(c.line): \(c.command)")
            }
        }
        let sample = try w.counts(today: testToday)
        XCTAssertGreaterThan(sample.openOrders, 0)
        XCTAssertGreaterThan(sample.backorderLines, 0)
        XCTAssertGreaterThan(sample.openArrivals, 0)

        // Orders placed, with and without backorders, and corrected.
        let sku = try w.backorderLines(today: testToday)[0].sku
        try w.addItem(Item(sku: "NEW-1", name: "New", onHand: 3), ctx: ctx())
        try assertKept(w, "an item added")
        try w.addCustomer(Customer(code: "CX", name: "Exceptions AS"))
        _ = try w.createOrder(NewOrder(number: "EX-1", customer: "CX", lines: [.init(sku: "NEW-1", quantity: 5), .init(sku: sku, quantity: 4)]), ctx: ctx())
        try assertKept(w, "an order partly backordered")
        _ = try w.addLine(order: "EX-1", sku: "NEW-1", quantity: 2, reason: "phoned", ctx: ctx())
        try assertKept(w, "a line added")
        _ = try w.amendLine(order: "EX-1", lineNo: 1, quantity: 7, reason: "more", ctx: ctx())
        try assertKept(w, "a line amended up")
        _ = try w.changeOrder("EX-1", OrderChanges(priority: 3), reason: "urgent", ctx: ctx())
        try assertKept(w, "priority changed")
        _ = try w.expedite("EX-1", reason: "urgent", ctx: ctx())
        try assertKept(w, "expedited")
        _ = try w.cancel(order: "EX-1", lineNo: 2, scope: .backordered, reason: "not needed", ctx: ctx())
        try assertKept(w, "backordered remainder cancelled")
        _ = try w.countStock(sku: "NEW-1", onHand: 20, reason: "found", ctx: ctx())
        try assertKept(w, "stock counted up, waiting lines served")
        _ = try w.pick(order: "EX-1", entries: nil, ctx: ctx())
        try assertKept(w, "picked")
        _ = try w.putBack(order: "EX-1", entries: nil, reason: "wrong bin", ctx: ctx())
        try assertKept(w, "put back")
        _ = try w.pick(order: "EX-1", entries: nil, ctx: ctx())
        _ = try w.ship(order: "EX-1", ctx: ctx())
        try assertKept(w, "shipped")
        _ = try w.returnUnits(order: "EX-1", lineNo: 1, quantity: 1, restock: true, reason: "damaged box", ctx: ctx())
        try assertKept(w, "returned")
        _ = try w.createOrder(NewOrder(number: "EX-2", customer: "CX", lines: [.init(sku: "NEW-1", quantity: 40)]), ctx: ctx())
        _ = try w.cancel(order: "EX-2", lineNo: nil, reason: "customer gave up", ctx: ctx())
        try assertKept(w, "a whole order cancelled")

        // Arrivals: added, moved, received in part and in full (closing it), a receipt reversed (reopening it).
        _ = try w.createOrder(NewOrder(number: "EX-3", customer: "CX", lines: [.init(sku: "NEW-1", quantity: 30)]), ctx: ctx())
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-EX", sku: "NEW-1", quantity: 30, eta: testToday.adding(days: 3)), ctx: ctx())
        try assertKept(w, "an arrival added")
        try w.changeETA(arrival: "PO-EX/1", to: testToday.adding(days: -2), reason: "came early", ctx: ctx())
        try assertKept(w, "an ETA moved before today")
        _ = try w.receive(arrival: "PO-EX/1", sku: nil, quantity: 10, ctx: ctx())
        try assertKept(w, "received in part")
        let full = try w.receive(arrival: "PO-EX/1", sku: nil, quantity: 20, ctx: ctx())
        XCTAssertTrue(full.arrivalClosed)
        try assertKept(w, "received in full, the arrival closes")
        _ = try w.reverseReceipt(full.receiptNumber, reason: "wrong PO", ctx: ctx())
        try assertKept(w, "a receipt reversed, the arrival open again")
        _ = try w.receive(arrival: nil, sku: "NEW-1", quantity: 5, ctx: ctx())
        try assertKept(w, "an unplanned receipt")

        // Imports: items, orders and arrivals in one batch each.
        _ = try w.apply(ImportBatch(file: "i.csv", records: .items([Located(line: 2, value: ImportedItem(sku: "IMP-1", name: "Imported", stock: 1))])),
                        dryRun: false, ctx: ctx())
        try assertKept(w, "items imported")
        _ = try w.apply(ImportBatch(file: "o.csv", records: .orders([ImportedOrder(order: NewOrder(number: "IMP-O1", customer: "CX",
                                                                                                     lines: [.init(sku: "IMP-1", quantity: 4)]),
                                                                                   fileLines: [2], dateGiven: false)])),
                        dryRun: false, ctx: ctx())
        try assertKept(w, "orders imported")
        _ = try w.apply(ImportBatch(file: "a.csv", records: .arrivals([Located(line: 2, value: NewArrival(supplier: "S", poNumber: "PO-IMP", sku: "IMP-1",
                                                                                                           quantity: 9, eta: testToday.adding(days: 1)))])),
                        dryRun: false, ctx: ctx())
        try assertKept(w, "arrivals imported")
        // A dry run changes nothing, counters included.
        let before = try w.counts(today: testToday)
        _ = try w.apply(ImportBatch(file: "o.csv", records: .orders([ImportedOrder(order: NewOrder(number: "IMP-O2", customer: "CX",
                                                                                                     lines: [.init(sku: "IMP-1", quantity: 4)]),
                                                                                   fileLines: [2], dateGiven: false)])),
                        dryRun: true, ctx: ctx())
        XCTAssertEqual(try w.counts(today: testToday), before)
        try assertIntact(w)
    }

    /// An arrival becomes late when the calendar passes its ETA, with no row changed; receiving it ends its lateness.
    func testLatenessFollowsTheDay() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 5, eta: testToday.adding(days: 2)), ctx: ctx())
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-2", sku: "BOLT", quantity: 5, eta: testToday.adding(days: 5)), ctx: ctx())
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-3", sku: "BOLT", quantity: 5, eta: testToday.adding(days: 5)), ctx: ctx())
        for (offset, late) in [(0, 0), (2, 0), (3, 1), (5, 1), (6, 3), (400, 3)] {
            let today = testToday.adding(days: offset)
            XCTAssertEqual(try w.counts(today: today).lateArrivals, late, "on day +\(offset)")
            try assertKept(w, today: today, "day +\(offset)")
        }
        _ = try w.receive(arrival: "PO-2/1", sku: nil, quantity: 5, ctx: ctx(6))
        XCTAssertEqual(try w.counts(today: testToday.adding(days: 6)).lateArrivals, 2)
        try assertKept(w, today: testToday.adding(days: 6), "PO-2 received late")
        try w.changeETA(arrival: "PO-3/1", to: testToday.adding(days: 10), reason: "delayed", ctx: ctx(6))
        XCTAssertEqual(try w.counts(today: testToday.adding(days: 6)).lateArrivals, 1)
        try assertKept(w, today: testToday.adding(days: 6), "PO-3 moved ahead")
    }

    /// A counter set wrong by hand is named by `check`, as is an ETA day's count, and `rebuild` puts them right.
    func testCheckReportsATamperedCounter() throws {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "BOLT", name: "Bolt", onHand: 1), ctx: ctx())
        try w.addCustomer(Customer(code: "C1", name: "C"))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 3)]), ctx: ctx())
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 5, eta: testToday), ctx: ctx())
        XCTAssertEqual(try w.check(), [])
        try w.close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE tally SET value = value + 7 WHERE name = 'waiting lines'")
            try db.execute(sql: "UPDATE open_arrival_day SET arrivals = 4")
        }
        try queue.close()
        let damaged = try Warehouse.open(path: path, mode: .readWrite)
        defer { try? damaged.close() }
        let found = try damaged.check()
        XCTAssertEqual(found.map(\.rule), ["counters", "counters"])
        XCTAssertEqual(found.map(\.detail), ["kept counter «waiting lines» holds 8, the rows count 1",
                                             "open arrivals with ETA \(testToday.iso): kept 4, the rows count 1"])
        try damaged.write { try Counters.rebuild($0) }
        XCTAssertEqual(try damaged.check(), [])
    }

    /// The upgrade builds the counters on a file written before them.
    func testUpgradeBuildsTheCounters() throws {
        let w = try makeWarehouse(stock: ["BOLT": 1])
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 3)]), ctx: ctx())
        _ = try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 5, eta: testToday.adding(days: -1)), ctx: ctx())
        let kept = try w.counts(today: testToday)
        try w.write { db in
            try Counters.dropTriggers(db)
            try db.execute(sql: "DROP TABLE tally; DROP TABLE open_arrival_day")
            try Counters.install(db)
        }
        XCTAssertEqual(try w.counts(today: testToday), kept)
        XCTAssertEqual(kept.lateArrivals, 1)
        try assertKept(w, "rebuilt")
    }

    /// End on a long list reads the last page backwards with the kept total: the same rows as reading forwards, and
    /// nothing counts the rows (a counter set off by five shifts the page by five).
    func testEndReadsTheLastPageBackwardsWithTheKeptTotal() throws {
        let w = try Warehouse.inMemory()
        let today = testToday
        _ = try w.generateDemo(DemoSpec(orderLines: 20_000, seed: 5),
                               ctx: Context(actor: "demo", now: Timestamp(unixTime: Int64(today.ordinal) * 86_400 + 14 * 3_600), today: today))
        let counts = try w.counts(today: today)
        XCTAssertEqual(counts, try counted(w, today: today))
        XCTAssertGreaterThan(counts.openOrders, 1_000)
        XCTAssertGreaterThan(counts.backorderLines, 1_000)
        for sort in [nil, ListSort(.orders(.customer)), ListSort(.orders(.number), descending: true)] {
            let all = try w.openOrders(Page(limit: 1_000_000, sort: sort)).map(\.number)
            XCTAssertEqual(all.count, counts.openOrders)
            XCTAssertEqual(try w.openOrders(Page(offset: all.count - 20, limit: 20, sort: sort)).map(\.number), Array(all.suffix(20)), "\(String(describing: sort))")
        }
        for sort in [nil, ListSort(.backorders(.customer)), ListSort(.backorders(.promised), descending: true)] {
            let all = try w.backorderLines(Page(limit: 1_000_000, sort: sort), today: today).map { "\($0.orderNumber)/\($0.lineNo)" }
            XCTAssertEqual(all.count, counts.backorderLines)
            XCTAssertEqual(try w.backorderLines(Page(offset: all.count - 20, limit: 20, sort: sort), today: today).map { "\($0.orderNumber)/\($0.lineNo)" },
                           Array(all.suffix(20)), "\(String(describing: sort))")
        }
        let natural = try w.openOrders(Page(limit: 1_000_000)).map(\.number)
        try w.write { try $0.execute(sql: "UPDATE tally SET value = value + 5 WHERE name = 'open orders'") }
        XCTAssertEqual(try w.openOrders(Page(offset: natural.count - 20, limit: 20)).map(\.number), Array(natural.suffix(25).prefix(20)))
    }

    func testCatalogue() {
        XCTAssertEqual(Catalogue.problems(CheckText.self), [])
    }
}
