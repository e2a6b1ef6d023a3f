import BackorderCore
import Foundation
import TestSupport
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// The operations on the server do what they do on a file: the sample warehouse in a real file and the same warehouse
/// copied to the real server get the same operations with the same context, and every result, every refusal and at
/// the end every row of every table (ids, journal, notices, promised dates) are the same.
final class SameOperationsTests: PostgresTestCase {
    var file: Warehouse!
    var server: PostgresWarehouse!
    /// The sample's "today" (the binary runs with BACKORDERS_TODAY = 2026-11-25), an hour into the working day.
    let ctx = Context(actor: "tester", now: Timestamp(unixTime: 1_795_604_400), today: Day(iso: "2026-11-25")!)

    override func setUpWithError() throws {
        try super.setUpWithError()
        let path = folder.appendingPathComponent("sample.sqlite").path
        let ran = try Binary.run(["sample", "--db", path])
        XCTAssertEqual(ran.status, 0, ran.stderr)
        try copyToServer(path)
        file = try Warehouse.open(path: path, mode: .readWrite)
        server = try PostgresWarehouse(url: url)
    }

    override func tearDownWithError() throws {
        server?.close()
        try? file?.close()
        try super.tearDownWithError()
    }

    /// Runs `op` on both warehouses: both give the same result, or both refuse with the same kind and words.
    @discardableResult
    func same<T: Equatable>(_ what: String, _ op: (any WarehouseService) throws -> T, line: UInt = #line) -> T? {
        let a = Result { try op(file) }, b = Result { try op(server) }
        switch (a, b) {
        case let (.success(x), .success(y)):
            XCTAssertEqual(x, y, what, line: line)
            if ProcessInfo.processInfo.environment["SAME_OPERATIONS_SHOW"] != nil { print("\(what): \(x)") }
            return x
        case let (.failure(x), .failure(y)):
            if ProcessInfo.processInfo.environment["SAME_OPERATIONS_SHOW"] != nil { print("\(what): refused: \(x)") }
            XCTAssertEqual(x as? BackorderError, y as? BackorderError, "\(what): \(x) / \(y)", line: line)
            XCTAssertNotNil(x as? BackorderError, "\(what): \(x)", line: line)
        default:
            XCTFail("\(what): the file gave \(a), the server \(b)", line: line)
        }
        return nil
    }

    /// Both refuse, with the same kind.
    func refusedByBoth<T: Equatable>(_ what: String, _ kind: BackorderError.Kind, _ op: (any WarehouseService) throws -> T, line: UInt = #line) {
        for (name, w) in [("file", file as any WarehouseService), ("server", server as any WarehouseService)] {
            XCTAssertThrowsError(try op(w), "\(what) on the \(name)", line: line) { error in
                XCTAssertEqual((error as? BackorderError)?.kind, kind, "\(what) on the \(name): \(error)", line: line)
            }
        }
        same(what, op, line: line)
    }

    func assertSameTables(line: UInt = #line) throws {
        let fileDigests = try file.tableDigests()
        let serverDigests = try PostgresTableCopy.tableDigests(server.bridge)
        for table in WarehouseTables.copyOrder {
            XCTAssertNotNil(fileDigests[table], table, line: line)
            XCTAssertEqual(serverDigests[table], fileDigests[table], "table \(table) differs", line: line)
        }
        XCTAssertGreaterThan(fileDigests["movement"]?.rows ?? 0, 100, line: line)
    }

    func testTheSameOperationsGiveTheSameWarehouse() throws {
        try scenario()
    }

    /// The same on a server whose collation sorts text by language: the queue is still served byte by byte, as the file's.
    func testTheSameWhereTheDatabaseSortsByLanguage() throws {
        PostgresReads.assumeLinguistic = true
        defer { PostgresReads.assumeLinguistic = false }
        server.close()
        server = try PostgresWarehouse(url: url)
        XCTAssertFalse(server.reads.bytewise)
        try scenario()
    }

    func scenario() throws {
        let ctx = self.ctx
        // A new order, partly from stock and partly backordered; its preview first.
        let new = NewOrder(customer: "NORDBYGG", priority: 4, lines: [NewOrderLine(sku: "HT-3007", quantity: 8),
                                                                      NewOrderLine(sku: "FS-1002", quantity: 10),
                                                                      NewOrderLine(sku: "HT-3004", quantity: 5)])
        same("preview order") { try $0.previewOrder(new, ctx: ctx) }
        guard let placed = same("create order", { try $0.createOrder(new, ctx: ctx) }) else { return }
        XCTAssertTrue(placed.lines.contains { $0.line.quantities.backordered > 0 }, "partly backordered")
        XCTAssertTrue(placed.lines.contains { $0.line.quantities.allocated > 0 }, "partly from stock")
        try assertSameTables()
        let number = placed.order.number
        // A pick with one unit short on the first line that had stock; the rest picked.
        let entries = placed.lines.filter { $0.line.quantities.allocated > 0 }.enumerated().map { i, l in
            PickEntry(lineNo: l.line.lineNo, picked: l.line.quantities.allocated - (i == 0 ? 1 : 0), missing: i == 0 ? 1 : 0)
        }
        refusedByBoth("stale pick", .stale) { try $0.pick(order: number, entries: entries, expectedVersion: placed.order.version - 1, ctx: ctx) }
        same("short pick") { try $0.pick(order: number, entries: entries, expectedVersion: nil, ctx: ctx) }
        // A partial shipment: the backordered units stay open.
        same("partial shipment") { try $0.ship(order: number, override: false, expectedVersion: nil, ctx: ctx) }
        refusedByBoth("nothing picked", .refused) { try $0.ship(order: number, override: false, expectedVersion: nil, ctx: ctx) }
        try assertSameTables()
        // A receipt that serves waiting lines, previewed first; then an unplanned one.
        same("preview receipt") { try $0.previewReceipt(arrival: "PO-4505/1", sku: nil, quantity: 40, ctx: ctx) }
        let pallet = same("receipt") { try $0.receive(arrival: "PO-4505/1", sku: nil, quantity: 40, note: "first pallet", ctx: ctx) }
        let unplanned = same("unplanned receipt") { try $0.receive(arrival: nil, sku: "HT-3007", quantity: 3, note: "", ctx: ctx) }
        // Both receipts reversed (their units taken back from the lines they served), the pallet booked again.
        if let receipt = unplanned?.receiptNumber {
            same("unplanned reversal") { try $0.reverseReceipt(receipt, reason: "miscounted", preview: false, ctx: ctx) }
        }
        XCTAssertNotNil(pallet)
        if let receipt = pallet?.receiptNumber {
            same("preview reversal") { try $0.reverseReceipt(receipt, reason: "miscounted", preview: true, ctx: ctx) }
            same("reversal") { try $0.reverseReceipt(receipt, reason: "miscounted", preview: false, ctx: ctx) }
            refusedByBoth("reversed twice", .refused) { try $0.reverseReceipt(receipt, reason: "again", preview: false, ctx: ctx) }
        }
        same("receipt again") { try $0.receive(arrival: "PO-4505/1", sku: nil, quantity: 40, note: "counted again", ctx: ctx) }
        refusedByBoth("closed arrival", .refused) { try $0.receive(arrival: "PO-4501/1", sku: nil, quantity: 1, note: "", ctx: ctx) }
        try assertSameTables()
        // An ETA moved (previewed first), a new arrival for the short item.
        let later = Day(iso: "2026-12-20")!
        same("preview ETA") { try $0.previewETAChange(arrival: "PO-4508/1", to: later, reason: "late ship", ctx: ctx) }
        same("ETA") { try $0.changeETA(arrival: "PO-4508/1", to: later, reason: "late ship", ctx: ctx); return true }
        refusedByBoth("same ETA", .refused) { try $0.changeETA(arrival: "PO-4508/1", to: later, reason: "", ctx: ctx); return true }
        same("new arrival") {
            try $0.addArrival(NewArrival(supplier: "Järvinen Työkalut Oy", poNumber: "PO-4600", sku: "HT-3007", quantity: 20,
                                         eta: Day(iso: "2026-12-01")!), ctx: ctx)
        }
        refusedByBoth("arrival twice", .refused) {
            try $0.addArrival(NewArrival(supplier: "X", poNumber: "PO-4600", sku: "HT-3007", quantity: 1, eta: later), ctx: ctx)
        }
        // A second order for the same item, behind the first in the queue.
        let second = same("second order") {
            try $0.createOrder(NewOrder(customer: "WEBSHOP", lines: [NewOrderLine(sku: "HT-3007", quantity: 30)]), ctx: ctx)
        }?.order.number ?? "?"
        // An order numbered by hand with the number the order after it would get: that one takes the next free number.
        if let n = Int64(second.dropFirst(3)) {
            let line = [NewOrderLine(sku: "HT-3007", quantity: 1)]
            same("hand-numbered order") {
                try $0.createOrder(NewOrder(number: DocumentNumber.candidate("SO-", n + 2), customer: "WEBSHOP", lines: line), ctx: ctx)
            }
            let next = same("order after it") { try $0.createOrder(NewOrder(customer: "WEBSHOP", lines: line), ctx: ctx) }
            XCTAssertEqual(next?.order.number, DocumentNumber.candidate("SO-", n + 3), "the taken number skipped")
        } else {
            XCTFail("an order number from its id: \(second)")
        }
        
        refusedByBoth("unknown SKU", .notFound) { try $0.createOrder(NewOrder(customer: "WEBSHOP", lines: [NewOrderLine(sku: "NOPE", quantity: 1)]), ctx: ctx) }
        refusedByBoth("closed order", .refused) { try $0.pick(order: "SO-000001", entries: nil, expectedVersion: nil, ctx: ctx) }
        // Corrections, each previewed first: a new priority moves the first order's waiting lines in their queues; picked
        // units put back; a backordered remainder cancelled; a whole order cancelled, its stock going to waiting lines.
        same("preview priority") { try $0.changeOrder(number, OrderChanges(priority: 1), reason: "VIP", expectedVersion: nil, preview: true, ctx: ctx) }
        same("priority") { try $0.changeOrder(number, OrderChanges(priority: 1), reason: "VIP", expectedVersion: nil, preview: false, ctx: ctx) }
        refusedByBoth("same priority", .refused) {
            try $0.changeOrder(number, OrderChanges(priority: 1), reason: "", expectedVersion: nil, preview: false, ctx: ctx)
        }
        same("preview put back") { try $0.putBack(order: "SO-000035", entries: nil, reason: "wrong pallet", expectedVersion: nil, preview: true, ctx: ctx) }
        same("put back") { try $0.putBack(order: "SO-000035", entries: nil, reason: "wrong pallet", expectedVersion: nil, preview: false, ctx: ctx) }
        same("cancel remainder") {
            try $0.cancel(order: number, lineNo: nil, scope: .backordered, reason: "customer gave up", expectedVersion: nil, preview: false, ctx: ctx)
        }
        same("preview cancel") { try $0.cancel(order: "SO-000035", lineNo: nil, scope: .open, reason: "lost", expectedVersion: nil, preview: true, ctx: ctx) }
        same("cancel") { try $0.cancel(order: "SO-000035", lineNo: nil, scope: .open, reason: "lost", expectedVersion: nil, preview: false, ctx: ctx) }
        refusedByBoth("cancel closed", .refused) {
            try $0.cancel(order: "SO-000035", lineNo: nil, scope: .open, reason: "again", expectedVersion: nil, preview: false, ctx: ctx)
        }
        try assertSameTables()
        // Amending and adding lines, giving stock to an urgent order, a return, a reversed receipt and a purchase.
        same("preview amend") { try $0.amendLine(order: second, lineNo: 1, quantity: 25, reason: "fewer", expectedVersion: nil, preview: true, ctx: ctx) }
        same("amend") { try $0.amendLine(order: second, lineNo: 1, quantity: 25, reason: "fewer", expectedVersion: nil, preview: false, ctx: ctx) }
        same("preview add line") { try $0.addLine(order: second, sku: "FS-1002", quantity: 5, reason: "", expectedVersion: nil, preview: true, ctx: ctx) }
        same("add line") { try $0.addLine(order: second, sku: "FS-1002", quantity: 5, reason: "", expectedVersion: nil, preview: false, ctx: ctx) }
        same("reallocate") {
            try $0.reallocate(to: second, lineNo: 2, from: nil, quantity: 1, reason: "urgent", expectedVersion: nil, preview: false, ctx: ctx)
        }
        same("preview expedite") { try $0.expedite(second, reason: "urgent", expectedVersion: nil, preview: true, ctx: ctx) }
        same("expedite") { try $0.expedite(second, reason: "urgent", expectedVersion: nil, preview: false, ctx: ctx) }
        same("preview return") { try $0.returnUnits(order: "SO-000001", lineNo: 1, quantity: 1, restock: true, reason: "dented", preview: true, ctx: ctx) }
        same("return") { try $0.returnUnits(order: "SO-000001", lineNo: 1, quantity: 1, restock: true, reason: "dented", preview: false, ctx: ctx) }
        refusedByBoth("return too much", .refused) {
            try $0.returnUnits(order: "SO-000001", lineNo: 1, quantity: 100_000, restock: false, reason: "x", preview: false, ctx: ctx)
        }
        let purchase = PurchaseRequest(lines: [PurchaseLine(sku: "HT-3007", quantity: 10), PurchaseLine(sku: "FS-1002", quantity: 100)])
        same("preview purchase") { try $0.purchase(purchase, preview: true, ctx: ctx) }
        same("purchase") { try $0.purchase(purchase, preview: false, ctx: ctx) }
        try assertSameTables()
        // Notices: one order's marked sent (its text frozen), then every other pending one; an order with none refused.
        same("notices of one order") { try $0.markNoticesSent(order: number, ctx: ctx) }
        refusedByBoth("no pending notice", .refused) { try $0.markNoticesSent(order: number, ctx: ctx) }
        refusedByBoth("no such order", .notFound) { try $0.markNoticesSent(order: "SO-999999", ctx: ctx) }
        same("all notices") { try $0.markNoticesSent(order: nil, ctx: ctx) }
        // Master data.
        same("item") { try $0.changeItem("HT-3007", ItemChanges(bin: "C-09-9", leadTimeDays: .some(21))) }
        same("customer") { try $0.changeCustomer("NIHON", CustomerChanges(email: "order@nihon.example.jp"), ctx: ctx) }
        same("customer unchanged") { try $0.changeCustomer("NIHON", CustomerChanges(email: "order@nihon.example.jp"), ctx: ctx) }
        refusedByBoth("unknown customer", .notFound) { try $0.changeCustomer("NOBODY", CustomerChanges(name: "X"), ctx: ctx) }
        try assertSameTables()
    }

    /// The test: twenty clerks at once, each ordering one unit of an item that has ten free, end with exactly
    /// ten allocated and ten backordered, and the counters agree with the lines.
    func testTwentyClerksForTenFreeUnits() throws {
        let sku = "HT-3001"
        try exec(server.bridge, "UPDATE item SET on_hand = allocated + picked + 10 WHERE sku = '\(sku)'")
        let before = try scalar(server.bridge, "SELECT backordered FROM item WHERE sku = '\(sku)'")
        // A moment no sample order has.
        let ctx = Context(actor: "clerk", now: Timestamp(unixTime: 1_795_700_000), today: self.ctx.today)
        // Twenty threads of their own (not a pool the size of the machine), each with a connection, started together.
        let clerks = try PostgresWarehouse(url: url, maximumConnections: 20)
        defer { clerks.close() }
        let failures = ConflictCounter()
        let done = DispatchGroup(), start = DispatchSemaphore(value: 0)
        for _ in 0..<20 {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                do {
                    _ = try clerks.createOrder(NewOrder(customer: "WEBSHOP", lines: [NewOrderLine(sku: sku, quantity: 1)]), ctx: ctx)
                } catch {
                    failures.add()
                }
                done.leave()
            }
        }
        for _ in 0..<20 { start.signal() }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(failures.count, 0)
        let b = server.bridge
        let mine = "FROM order_line l JOIN orders o ON o.id = l.order_id WHERE o.created_at = \(ctx.now.unixTime) AND l.sku = '\(sku)'"
        XCTAssertEqual(try scalar(b, "SELECT COUNT(DISTINCT o.number) \(mine)"), 20)
        XCTAssertEqual(try scalar(b, "SELECT SUM(l.allocated)::bigint \(mine)"), 10)
        XCTAssertEqual(try scalar(b, "SELECT SUM(l.backordered)::bigint \(mine)"), 10)
        XCTAssertEqual(try scalar(b, "SELECT on_hand - allocated - picked FROM item WHERE sku = '\(sku)'"), 0)
        XCTAssertEqual(try scalar(b, "SELECT backordered FROM item WHERE sku = '\(sku)'"), before + 10)
        XCTAssertEqual(try scalar(b, "SELECT COUNT(*) FROM waiting w JOIN orders o ON o.id = w.order_id WHERE o.created_at = \(ctx.now.unixTime)"), 10)
        XCTAssertEqual(try scalar(b, "SELECT value FROM tally WHERE name = 'backordered units'"),
                       try scalar(b, "SELECT SUM(backordered)::bigint FROM item"))
    }
}

/// The operations' own words are in the catalogue, in both languages.
final class PostgresOperationTextTests: XCTestCase {
    func testTheCatalogueIsWhole() {
        XCTAssertEqual(Catalogue.problems(PostgresOperationText.self), [])
    }
}

extension SameOperationsTests {
    /// Timings of a 20-line order and a receipt that serves many waiting lines (printed; the machine is shared, so the
    /// goals are read in the benchmark, not asserted here). The counts are asserted: the batching is what keeps them fast.
    func testTimingsOfAnOrderAndABigReceipt() throws {
        let skus = ["FS-1001", "FS-1003", "FS-1004", "FS-1005", "FS-1006", "FS-1009", "HT-3001", "HT-3002", "HT-3003", "HT-3004",
                    "HT-3005", "HT-3006", "HW-4001", "CS-5001", "CS-5002", "CS-5005", "CS-5006", "TL-2001", "TL-2003", "TL-2004"]
        var times: [Double] = []
        for i in 0..<30 {
            let ctx = Context(actor: "t", now: Timestamp(unixTime: ctx.now.unixTime + Int64(i)), today: ctx.today)
            let t0 = Date()
            _ = try server.createOrder(NewOrder(customer: "WEBSHOP", lines: skus.map { NewOrderLine(sku: $0, quantity: 1) }), ctx: ctx)
            times.append(Date().timeIntervalSince(t0) * 1000)
        }
        times.sort()
        print("20-line order on the server: p50 \(times[times.count / 2]) ms, p95 \(times[times.count * 95 / 100]) ms")
        // 1,000 one-unit lines wait for one SKU; one receipt serves them all.
        try exec(server.bridge, "UPDATE item SET on_hand = allocated + picked WHERE sku = 'CS-5005'")
        // One order of 1,000 lines (1,000 orders one by one took a minute of the suite in a debug build).
        _ = try server.createOrder(NewOrder(customer: "WEBSHOP", lines: (0..<1_000).map { _ in NewOrderLine(sku: "CS-5005", quantity: 1) }),
                                   ctx: Context(actor: "t", now: Timestamp(unixTime: ctx.now.unixTime + 100), today: ctx.today))
        let t0 = Date()
        let r = try server.receive(arrival: nil, sku: "CS-5005", quantity: 1_000, note: "", ctx: ctx)
        print("receipt serving \(r.allocations.count) lines on the server: \(Date().timeIntervalSince(t0) * 1000) ms")
        XCTAssertEqual(r.allocations.count, 1_000)
        XCTAssertEqual(try scalar(server.bridge, "SELECT COUNT(*) FROM waiting WHERE sku = 'CS-5005'"), 0)
    }
}
