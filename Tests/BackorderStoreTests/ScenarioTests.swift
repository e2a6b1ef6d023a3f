import BackorderCore
import BackorderStore
import XCTest

final class ScenarioTests: XCTestCase {
    /// The wholesaler: 100 ordered, 70 on hand → 70 ship, 30 backordered with a promised date; receipt of 30 closes it.
    func testWholesalerEndToEnd() throws {
        let w = try makeWarehouse(stock: ["BOLT": 70])
        try w.addArrival(NewArrival(supplier: "Bolt & Co", poNumber: "PO-1", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 6)), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "Bolt & Co", poNumber: "PO-2", sku: "BOLT", quantity: 500, eta: testToday.adding(days: 20)), ctx: ctx())

        let created = try w.createOrder(NewOrder(number: "SO-100", customer: "C1", lines: [NewOrderLine(sku: "BOLT", quantity: 100)]), ctx: ctx())
        XCTAssertEqual(created.lines[0].line.quantities, LineQuantities(ordered: 100, allocated: 70, backordered: 30))
        XCTAssertEqual(created.lines[0].promised, testToday.adding(days: 6), "promised from the next arrival")

        try w.pick(order: "SO-100", entries: nil, ctx: ctx())
        let s1 = try w.ship(order: "SO-100", ctx: ctx())
        XCTAssertEqual(s1.lines.map(\.quantity), [70])
        var d = try w.orderDetail("SO-100", today: testToday)
        XCTAssertTrue(d.order.isOpen)
        XCTAssertEqual(d.lines[0].line.quantities, LineQuantities(ordered: 100, shipped: 70, backordered: 30))
        XCTAssertEqual(try w.backorderLines(today: testToday).map(\.backordered), [30])
        XCTAssertEqual(try w.item("BOLT").onHand, 0)
        try assertIntact(w)

        let r = try w.receive(arrival: "PO-1/1", sku: nil, quantity: 30, ctx: ctx(6))
        XCTAssertEqual(r.allocations, [ReceiptResult.Allocation(orderNumber: "SO-100", lineNo: 1, quantity: 30, lineFilled: true)])
        XCTAssertTrue(r.arrivalClosed)
        try w.pick(order: "SO-100", entries: nil, ctx: ctx(6))
        let s2 = try w.ship(order: "SO-100", ctx: ctx(6))
        XCTAssertNotEqual(s1.number, s2.number)
        d = try w.orderDetail("SO-100", today: testToday)
        XCTAssertFalse(d.order.isOpen)
        XCTAssertEqual(d.lines[0].line.quantities, LineQuantities(ordered: 100, shipped: 100))
        XCTAssertEqual(d.shipments.map(\.number), [s1.number, s2.number])
        XCTAssertEqual(try w.openOrders().count, 0)
        XCTAssertEqual(try w.backorderLines(today: testToday).count, 0)
        // The journal tells the whole story, in order.
        XCTAssertEqual(d.history.map(\.kind), [.order, .pick, .ship, .allocate, .pick, .ship])
        XCTAssertEqual(d.history.map(\.id), d.history.map(\.id).sorted())
        // The SKU's journal, newest first, holds the rows of both indexes (the line's own and the allocation) and the
        // receipt and stock count, which belong to no line.
        XCTAssertEqual(try w.journal(sku: "BOLT", limit: 100).map(\.kind), [.ship, .pick, .allocate, .receive, .ship, .pick, .order, .adjust])
        XCTAssertEqual(try w.journal(sku: "BOLT", limit: 3).map(\.kind), [.ship, .pick, .allocate])
        try assertIntact(w)
    }

    /// A webshop order reaches its customer in three shipments.
    func testWebshopOrderFilledByThreeShipments() throws {
        let w = try makeWarehouse(stock: ["MUG": 2, "TEE": 1])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-M", sku: "MUG", quantity: 1, eta: testToday.adding(days: 3)), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-T", sku: "TEE", quantity: 5, eta: testToday.adding(days: 9)), ctx: ctx())
        try w.createOrder(NewOrder(number: "WEB-1", customer: "C2", lines: [NewOrderLine(sku: "MUG", quantity: 3), NewOrderLine(sku: "TEE", quantity: 2)]),
                          ctx: ctx())
        try w.pick(order: "WEB-1", entries: nil, ctx: ctx())
        XCTAssertEqual(try w.ship(order: "WEB-1", ctx: ctx()).lines.map(\.quantity), [2, 1])
        try w.receive(arrival: "PO-M", sku: nil, quantity: 1, ctx: ctx(3))
        try w.pick(order: "WEB-1", entries: nil, ctx: ctx(3))
        XCTAssertEqual(try w.ship(order: "WEB-1", ctx: ctx(3)).lines.map(\.sku), ["MUG"])
        XCTAssertTrue(try w.orderDetail("WEB-1", today: testToday).order.isOpen)
        try w.receive(arrival: "PO-T/1", sku: nil, quantity: 5, ctx: ctx(9))
        try w.pick(order: "WEB-1", entries: nil, ctx: ctx(9))
        try w.ship(order: "WEB-1", ctx: ctx(9))
        let d = try w.orderDetail("WEB-1", today: testToday)
        XCTAssertEqual(d.shipments.count, 3)
        XCTAssertFalse(d.order.isOpen)
        XCTAssertEqual(try w.item("TEE").free, 4, "the rest of the receipt stays free")
        let status = d.customerStatus(today: testToday)
        XCTAssertTrue(status.contains("Status: complete"), status)
        try assertIntact(w)
    }

    /// Scarce stock goes to the right orders in the right order: priority, then order date, then order number.
    func testReceiptServesWaitingOrdersInStatedPriority() throws {
        let w = try makeWarehouse(stock: ["CHIP": 0])
        try w.createOrder(NewOrder(number: "SO-B", customer: "C1", orderDate: testToday.adding(days: -10), priority: 5, lines: [.init(sku: "CHIP", quantity: 10)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-A", customer: "C2", orderDate: testToday.adding(days: -10), priority: 5, lines: [.init(sku: "CHIP", quantity: 10)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-OLD", customer: "C3", orderDate: testToday.adding(days: -30), priority: 5, lines: [.init(sku: "CHIP", quantity: 4)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-VIP", customer: "C3", orderDate: testToday, priority: 1, lines: [.init(sku: "CHIP", quantity: 3)]), ctx: ctx())
        let r = try w.receive(arrival: nil, sku: "CHIP", quantity: 12, ctx: ctx())
        XCTAssertEqual(r.allocations.map(\.orderNumber), ["SO-VIP", "SO-OLD", "SO-A"])
        XCTAssertEqual(r.allocations.map(\.quantity), [3, 4, 5])
        XCTAssertEqual(r.allocations.map(\.lineFilled), [true, true, false])
        XCTAssertEqual(try w.orderDetail("SO-B", today: testToday).lines[0].line.quantities.backordered, 10)
        // The listing for the SKU shows the queue in the same order receipts use.
        XCTAssertEqual(try w.backorderLines(sku: "CHIP", today: testToday).map(\.orderNumber), ["SO-A", "SO-B"])
        try assertIntact(w)
    }

    func testShortPickBackordersTheMissingUnitsAndCorrectsStock() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        let r = try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 6, missing: 4)], ctx: ctx())
        XCTAssertEqual(r.missing, 4)
        let q = try w.orderDetail("SO-1", today: testToday).lines[0].line.quantities
        XCTAssertEqual(q, LineQuantities(ordered: 10, picked: 6, backordered: 4))
        let item = try w.item("BOLT")
        XCTAssertEqual(item.onHand, 6)
        XCTAssertEqual(item.free, 0)
        XCTAssertEqual(try w.journal(sku: "BOLT", limit: 1).first?.kind, .shortPick)
        try assertIntact(w)
    }

    func testShipCompleteOrderWaitsUnlessOverridden() throws {
        let w = try makeWarehouse(stock: ["BOLT": 5])
        try w.createOrder(NewOrder(number: "SO-C", customer: "C1", policy: .complete, lines: [.init(sku: "BOLT", quantity: 8)]), ctx: ctx())
        try w.pick(order: "SO-C", entries: nil, ctx: ctx())
        assertRefused(.refused, "ship-complete") { try w.ship(order: "SO-C", ctx: ctx()) }
        let s = try w.ship(order: "SO-C", override: true, ctx: ctx())
        XCTAssertTrue(s.overridden)
        try assertIntact(w)
    }

    func testCancelRemainderClosesTheOrderAndKeepsTheReason() throws {
        let w = try makeWarehouse(stock: ["BOLT": 3])
        try w.createOrder(NewOrder(number: "SO-X", customer: "C1", lines: [.init(sku: "BOLT", quantity: 5)]), ctx: ctx())
        try w.pick(order: "SO-X", entries: nil, ctx: ctx())
        try w.ship(order: "SO-X", ctx: ctx())
        XCTAssertEqual(try w.cancel(order: "SO-X", lineNo: 1, reason: "customer found it elsewhere", ctx: ctx()).units, 2)
        let d = try w.orderDetail("SO-X", today: testToday)
        XCTAssertFalse(d.order.isOpen)
        XCTAssertEqual(d.cancelReasons, ["customer found it elsewhere"])
        XCTAssertEqual(try w.item("BOLT").backordered, 0)
        try assertIntact(w)
    }

    func testEtaChangesKeepHistoryAndMovePromisedDates() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-9", sku: "BOLT", quantity: 10, eta: testToday.adding(days: 2)), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 4)]), ctx: ctx())
        try w.changeETA(arrival: "PO-9/1", to: testToday.adding(days: 5), reason: "ship delayed", ctx: ctx())
        try w.changeETA(arrival: "PO-9/1", to: testToday.adding(days: 9), reason: "again", ctx: ctx(1))
        let (a, history) = try w.arrival("PO-9/1")
        XCTAssertEqual(a.eta, testToday.adding(days: 9))
        XCTAssertEqual(history.map(\.to), [testToday.adding(days: 5), testToday.adding(days: 9)])
        XCTAssertEqual(history.first?.from, testToday.adding(days: 2))
        XCTAssertEqual(try w.backorderLines(today: testToday).first?.promised, testToday.adding(days: 9))
        let rows = try w.openArrivals(today: testToday)
        XCTAssertEqual(rows.first?.promised, 4)
        XCTAssertEqual(rows.first?.etaChanges, 2)
        // Once the date passes, the line and the arrival show as late.
        XCTAssertEqual(try w.backorderLines(today: testToday.adding(days: 10)).first?.late, true)
        XCTAssertEqual(try w.openArrivals(today: testToday.adding(days: 10)).first?.late, true)
    }

    func testOverReceiptIsAllowedAndRecorded() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 10, eta: testToday), ctx: ctx())
        let r = try w.receive(arrival: "PO-1/1", sku: nil, quantity: 12, ctx: ctx())
        XCTAssertEqual(r.overReceived, 2)
        XCTAssertTrue(r.arrivalClosed)
        XCTAssertEqual(try w.item("BOLT").onHand, 12)
        XCTAssertEqual(try w.item("BOLT").incoming, 0)
        try assertIntact(w)
    }

    func testStaleScreenIsRefused() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        let d = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.pick(order: "SO-1", entries: nil, expectedVersion: d.order.version, ctx: ctx())
        // Another clerk's screen still shows the version before the pick.
        assertRefused(.stale, "changed by someone else") { try w.ship(order: "SO-1", expectedVersion: d.order.version, ctx: ctx()) }
        XCTAssertEqual(try w.orderDetail("SO-1", today: testToday).shipments.count, 0)
    }

    func testCountStockGivesFoundUnitsToWaitingOrdersAndRefusesBelowAllocated() throws {
        let w = try makeWarehouse(stock: ["BOLT": 5])
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 8)]), ctx: ctx())
        assertRefused(.refused, "below the 5") { try w.countStock(sku: "BOLT", onHand: 4, reason: "count", ctx: ctx()) }
        let found = try w.countStock(sku: "BOLT", onHand: 9, reason: "found a box", ctx: ctx())
        XCTAssertEqual(found.map(\.quantity), [3])
        XCTAssertEqual(try w.item("BOLT").free, 1)
        try assertIntact(w)
    }
}

final class BatchTests: XCTestCase {
    func testABatchIsAllOrNothing() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        let before = try w.revision()
        XCTAssertThrowsError(try w.batch { s in
            try s.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 4)]), ctx: ctx())
            try s.createOrder(NewOrder(number: "SO-2", customer: "NOBODY", lines: [.init(sku: "BOLT", quantity: 4)]), ctx: ctx())
        })
        XCTAssertEqual(try w.revision(), before)
        XCTAssertEqual(try w.openOrders().count, 0)
        try w.batch { s in
            try s.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 4)]), ctx: ctx())
            try s.createOrder(NewOrder(number: "SO-2", customer: "C2", lines: [.init(sku: "BOLT", quantity: 8)]), ctx: ctx())
        }
        XCTAssertEqual(try w.revision(), before + 1, "one transaction")
        XCTAssertEqual(try w.backorderLines(today: testToday).map(\.backordered), [2])
        try assertIntact(w)
    }

    func testDryRunShowsTheResultAndChangesNothing() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        let before = try w.revision()
        let detail = try w.dryRun { s in
            try s.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 14)]), ctx: ctx())
        }
        XCTAssertEqual(detail.lines.first?.line.quantities.backordered, 4)
        XCTAssertEqual(try w.revision(), before)
        XCTAssertEqual(try w.openOrders().count, 0)
    }
}

final class SavepointTests: XCTestCase {
    func testAFailedOperationInsideABatchLeavesNothingBehind() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        try w.batch { s in
            try s.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 4)]), ctx: ctx())
            // Fails after its first line was written: that line must vanish, the batch goes on.
            XCTAssertThrowsError(try s.createOrder(NewOrder(number: "SO-2", customer: "C1", lines: [.init(sku: "BOLT", quantity: 4), .init(sku: "GONE", quantity: 1)]), ctx: ctx()))
            try s.createOrder(NewOrder(number: "SO-3", customer: "C1", lines: [.init(sku: "BOLT", quantity: 1)]), ctx: ctx())
        }
        XCTAssertEqual(try w.openOrders().map(\.number), ["SO-1", "SO-3"])
        XCTAssertEqual(try w.item("BOLT").allocated, 5)
        try assertIntact(w)
    }
}

final class WindowTests: XCTestCase {
    /// Deep pages (read backwards from the far end) hold exactly the rows a forward scan would.
    func testDeepPagesMatchTheForwardOrder() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0, "NUT": 0])
        try w.batch { s in
            for i in 0..<2_600 {
                try s.createOrder(NewOrder(number: "SO-\(String(i * 7919 % 10_007))", customer: ["C1", "C2", "C3"][i % 3],
                                           orderDate: testToday.adding(days: -(i % 40)), priority: 1 + i % 9,
                                           lines: [.init(sku: i % 2 == 0 ? "BOLT" : "NUT", quantity: 1 + i % 5)]), ctx: ctx())
            }
        }
        let all = try w.openOrders(Page(limit: 5_000))
        XCTAssertEqual(all.count, 2_600)
        for offset in [0, 999, 1_001, 1_299, 1_301, 2_000, 2_593, 2_599, 2_600, 3_000] {
            let page = try w.openOrders(Page(offset: offset, limit: 7))
            XCTAssertEqual(page.map(\.number), Array(all.dropFirst(offset).prefix(7)).map(\.number), "offset \(offset)")
        }
        let lines = try w.backorderLines(Page(limit: 5_000), today: testToday)
        let bolts = try w.backorderLines(Page(limit: 5_000), sku: "BOLT", today: testToday)
        for offset in [1_100, 1_290, 2_590] {
            XCTAssertEqual(try w.backorderLines(Page(offset: offset, limit: 9), today: testToday).map(\.orderNumber),
                           Array(lines.dropFirst(offset).prefix(9)).map(\.orderNumber), "offset \(offset)")
        }
        XCTAssertEqual(try w.backorderLines(Page(offset: 1_250, limit: 9), sku: "BOLT", today: testToday).map(\.orderNumber),
                       Array(bolts.dropFirst(1_250).prefix(9)).map(\.orderNumber))
        // A filter matches order numbers, SKUs, customer codes and names, and item names — and counts agree.
        XCTAssertEqual(try w.openOrders(Page(limit: 5_000, filter: "customer c2")).count, 2_600 / 3 + (2_600 % 3 > 1 ? 1 : 0))
        XCTAssertEqual(try w.rowCount(.orders, filter: "customer c2"), try w.openOrders(Page(limit: 5_000, filter: "customer c2")).count)
        XCTAssertEqual(try w.backorderLines(Page(limit: 5_000, filter: "item nut"), today: testToday).count, 1_300)
        XCTAssertEqual(try w.rowCount(.backorders, filter: "C3"), 2_600 / 3)
        XCTAssertEqual(try w.backorderLines(Page(limit: 5_000, filter: "50%"), today: testToday).count, 0, "% is a character, not a wildcard")
        let filtered = try w.openOrders(Page(limit: 5_000, filter: "SO-1"))
        XCTAssertEqual(try w.openOrders(Page(offset: filtered.count - 3, limit: 10, filter: "SO-1")).map(\.number),
                       Array(filtered.suffix(3)).map(\.number))
    }
}
