import BackorderCore
@testable import BackorderStore
import GRDB
import XCTest

/// One scenario per everyday exception, with its refusals; every one ends with `check` passing.
final class ExceptionScenarioTests: XCTestCase {
    /// SO-OLD (priority 5) holds 70 of BOLT allocated; PO-1 brings 30 in six days.
    func wholesaler() throws -> Warehouse {
        let w = try makeWarehouse(stock: ["BOLT": 70, "NUT": 10])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 6)), ctx: ctx(-1))
        try w.createOrder(NewOrder(number: "SO-OLD", customer: "C1", orderDate: testToday.adding(days: -3),
                                   lines: [.init(sku: "BOLT", quantity: 70)]), ctx: ctx(-3))
        return w
    }

    func quantities(_ w: Warehouse, _ order: String, _ line: Int = 1) throws -> LineQuantities {
        try w.orderDetail(order, today: testToday).lines.first { $0.line.lineNo == line }!.line.quantities
    }

    func testCancelFreesAllocatedUnitsForTheNextWaitingLine() throws {
        let w = try wholesaler()
        try w.createOrder(NewOrder(number: "SO-WAIT", customer: "C2", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        let r = try w.cancel(order: "SO-OLD", lineNo: nil, reason: "customer cancelled", ctx: ctx())
        XCTAssertEqual(r.units, 70)
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 70, cancelled: 70))
        XCTAssertFalse(try w.orderDetail("SO-OLD", today: testToday).order.isOpen)
        XCTAssertEqual(try quantities(w, "SO-WAIT"), LineQuantities(ordered: 20, allocated: 20), "the freed units go to the waiting line")
        XCTAssertEqual(r.consequences.closedOrders, ["SO-OLD"])
        XCTAssertEqual(r.consequences.gainers.map(\.orderNumber), ["SO-WAIT"])
        XCTAssertEqual(try w.item("BOLT").free, 50)
        try assertIntact(w)
    }

    func testCancelWithPickedUnitsIsRefusedUntilTheyArePutBack() throws {
        let w = try wholesaler()
        try w.pick(order: "SO-OLD", entries: [PickEntry(lineNo: 1, picked: 10)], ctx: ctx())
        assertRefused(.refused, "put them back") { try w.cancel(order: "SO-OLD", lineNo: 1, reason: "x", ctx: ctx()) }
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 70, allocated: 60, picked: 10), "a refusal changes nothing")
        let back = try w.putBack(order: "SO-OLD", entries: nil, reason: "wrong order picked", ctx: ctx())
        XCTAssertEqual(back.units, 10)
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 70, allocated: 70))
        try w.cancel(order: "SO-OLD", lineNo: 1, reason: "customer cancelled", ctx: ctx())
        XCTAssertEqual(try w.item("BOLT").free, 70)
        try w.createOrder(NewOrder(number: "SO-NUT", customer: "C2", lines: [.init(sku: "NUT", quantity: 1)]), ctx: ctx())
        assertRefused(.refused, "nothing is picked") { try w.putBack(order: "SO-NUT", entries: nil, reason: "x", ctx: ctx()) }
        try assertIntact(w)
    }

    func testPreviewChangesNothingAndReportsTheSame() throws {
        let w = try wholesaler()
        try w.createOrder(NewOrder(number: "SO-WAIT", customer: "C2", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        let revision = try w.revision()
        let preview = try w.cancel(order: "SO-OLD", lineNo: nil, reason: "x", preview: true, ctx: ctx())
        XCTAssertTrue(preview.preview)
        XCTAssertEqual(try w.revision(), revision)
        XCTAssertEqual(try quantities(w, "SO-OLD").allocated, 70)
        var done = try w.cancel(order: "SO-OLD", lineNo: nil, reason: "x", ctx: ctx())
        done.preview = true
        XCTAssertEqual(done, preview, "the preview says exactly what confirming does")
    }

    func testPriorityChangeMovesTheQueueAndThePromisedDates() throws {
        let w = try wholesaler()
        try w.createOrder(NewOrder(number: "SO-A", customer: "C1", orderDate: testToday.adding(days: -2), lines: [.init(sku: "BOLT", quantity: 30)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-B", customer: "C2", orderDate: testToday.adding(days: -1), lines: [.init(sku: "BOLT", quantity: 30)]), ctx: ctx())
        XCTAssertNotNil(try w.orderDetail("SO-A", today: testToday).lines[0].promised)
        XCTAssertNil(try w.orderDetail("SO-B", today: testToday).lines[0].promised)
        let r = try w.changeOrder("SO-B", OrderChanges(priority: 1, policy: .complete), reason: "key account", ctx: ctx())
        XCTAssertEqual(try w.orderDetail("SO-B", today: testToday).lines[0].promised, testToday.adding(days: 6))
        XCTAssertNil(try w.orderDetail("SO-A", today: testToday).lines[0].promised)
        XCTAssertEqual(Set(r.consequences.dates.map(\.orderNumber)), ["SO-A", "SO-B"])
        XCTAssertEqual(Set(r.consequences.notified.map(\.orderNumber)), ["SO-A", "SO-B"], "both customers' dates moved")
        let detail = try w.orderDetail("SO-B", today: testToday)
        XCTAssertEqual(detail.order.priority, 1)
        XCTAssertEqual(detail.order.policy, .complete)
        XCTAssertEqual(detail.changes.map(\.field), ["priority", "policy"])
        // The next receipt serves the new priority first.
        let receipt = try w.receive(arrival: nil, sku: "BOLT", quantity: 10, ctx: ctx())
        XCTAssertEqual(receipt.allocations.first?.orderNumber, "SO-B")
        assertRefused(.refused, "already has") { try w.changeOrder("SO-B", OrderChanges(priority: 1), reason: "", ctx: ctx()) }
        assertRefused(.invalidInput, "priority") { try w.changeOrder("SO-B", OrderChanges(priority: 0), reason: "", ctx: ctx()) }
        try assertIntact(w)
    }

    func testGivingStockToAnUrgentOrderAndItsRefusals() throws {
        let w = try wholesaler()
        try w.createOrder(NewOrder(number: "SO-URGENT", customer: "C2", priority: 2, lines: [.init(sku: "BOLT", quantity: 25)]), ctx: ctx())
        assertRefused(.refused, "holds 70") {
            try w.reallocate(to: "SO-URGENT", lineNo: 1, from: [DonorLine(orderNumber: "SO-OLD", lineNo: 1, quantity: 80)], reason: "x", ctx: ctx())
        }
        assertRefused(.refused, "waits for only 25") {
            try w.reallocate(to: "SO-URGENT", lineNo: 1, from: [DonorLine(orderNumber: "SO-OLD", lineNo: 1, quantity: 30)], reason: "x", ctx: ctx())
        }
        assertRefused(.refused, "itself") {
            try w.reallocate(to: "SO-URGENT", lineNo: 1, from: [DonorLine(orderNumber: "SO-URGENT", lineNo: 1, quantity: 1)], reason: "x", ctx: ctx())
        }
        let r = try w.reallocate(to: "SO-URGENT", lineNo: 1, from: [DonorLine(orderNumber: "SO-OLD", lineNo: 1, quantity: 25)], reason: "hospital", ctx: ctx())
        XCTAssertEqual(r.units, 25)
        XCTAssertEqual(try quantities(w, "SO-URGENT"), LineQuantities(ordered: 25, allocated: 25))
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 70, allocated: 45, backordered: 25))
        XCTAssertEqual(try w.orderDetail("SO-OLD", today: testToday).lines[0].promised, testToday.adding(days: 6), "the donor waits for PO-1")
        XCTAssertEqual(r.consequences.losers.map(\.orderNumber), ["SO-OLD"])
        XCTAssertTrue(r.consequences.notified.contains { $0.orderNumber == "SO-OLD" && $0.events.contains(.backordered) })
        try assertIntact(w)
    }

    func testExpediteTakesFromTheLeastUrgentNewestOrdersFirst() throws {
        let w = try makeWarehouse(stock: ["BOLT": 30])
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", orderDate: testToday.adding(days: -5), priority: 9, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-2", customer: "C1", orderDate: testToday.adding(days: -4), priority: 5, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-3", customer: "C1", orderDate: testToday.adding(days: -3), priority: 9, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-RUSH", customer: "C3", lines: [.init(sku: "BOLT", quantity: 15)]), ctx: ctx())
        let r = try w.expedite("SO-RUSH", reason: "customer's line stopped", ctx: ctx())
        XCTAssertEqual(r.units, 15)
        XCTAssertEqual(try quantities(w, "SO-3").allocated, 0, "priority 9 and newest gives first")
        XCTAssertEqual(try quantities(w, "SO-1").allocated, 5, "then the older priority-9 order")
        XCTAssertEqual(try quantities(w, "SO-2").allocated, 10, "priority 5 keeps its stock")
        XCTAssertEqual(try w.orderDetail("SO-RUSH", today: testToday).order.priority, 1)
        try w.pick(order: "SO-RUSH", entries: nil, ctx: ctx())
        XCTAssertEqual(try w.ship(order: "SO-RUSH", ctx: ctx()).lines.first?.quantity, 15)
        try assertIntact(w)
    }

    func testAmendUpDownAndBelowPicked() throws {
        let w = try wholesaler()
        try w.createOrder(NewOrder(number: "SO-WAIT", customer: "C2", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        try w.amendLine(order: "SO-OLD", lineNo: 1, quantity: 60, reason: "customer needs fewer", ctx: ctx())
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 60, allocated: 60))
        XCTAssertEqual(try quantities(w, "SO-WAIT"), LineQuantities(ordered: 20, allocated: 10, backordered: 10), "freed units served the queue")
        try w.amendLine(order: "SO-OLD", lineNo: 1, quantity: 75, reason: "more after all", ctx: ctx())
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 75, allocated: 60, backordered: 15), "no free stock: backordered")
        try w.pick(order: "SO-OLD", entries: [PickEntry(lineNo: 1, picked: 50)], ctx: ctx())
        assertRefused(.refused, "cannot go below") { try w.amendLine(order: "SO-OLD", lineNo: 1, quantity: 40, reason: "x", ctx: ctx()) }
        let added = try w.addLine(order: "SO-OLD", sku: "NUT", quantity: 12, reason: "forgot the nuts", ctx: ctx())
        XCTAssertEqual(try quantities(w, "SO-OLD", 2), LineQuantities(ordered: 12, allocated: 10, backordered: 2))
        XCTAssertTrue(added.consequences.notified.contains { $0.events.contains(.orderChanged) })
        assertRefused(.notFound, "unknown SKU") { try w.addLine(order: "SO-OLD", sku: "NOPE", quantity: 1, reason: "", ctx: ctx()) }
        try assertIntact(w)
    }

    func testReceiptReversalTakesBackWhatItGaveAndRefusesWhenShipped() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 6)), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-2", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 9)), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-2", customer: "C2", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        // Booked on the wrong PO: PO-2 instead of PO-1.
        let wrong = try w.receive(arrival: "PO-2/1", sku: nil, quantity: 30, ctx: ctx())
        XCTAssertEqual(try quantities(w, "SO-2"), LineQuantities(ordered: 20, allocated: 10, backordered: 10))
        let r = try w.reverseReceipt(wrong.receiptNumber, reason: "booked on the wrong PO", ctx: ctx())
        XCTAssertEqual(try quantities(w, "SO-1"), LineQuantities(ordered: 20, backordered: 20))
        XCTAssertEqual(try quantities(w, "SO-2"), LineQuantities(ordered: 20, backordered: 20))
        XCTAssertEqual(try w.arrival("PO-2/1").0.received, 0)
        XCTAssertTrue(try w.arrival("PO-2/1").0.isOpen)
        XCTAssertEqual(try w.item("BOLT").onHand, 0)
        XCTAssertEqual(try w.item("BOLT").incoming, 60)
        XCTAssertEqual(Set(r.consequences.losers.map(\.orderNumber)), ["SO-1", "SO-2"])
        assertRefused(.refused, "already reversed") { try w.reverseReceipt(wrong.receiptNumber, reason: "x", ctx: ctx()) }
        // The right PO this time; SO-1 ships, and then that receipt cannot be reversed.
        let right = try w.receive(arrival: "PO-1/1", sku: nil, quantity: 30, ctx: ctx())
        try w.pick(order: "SO-1", entries: nil, ctx: ctx())
        try w.ship(order: "SO-1", ctx: ctx())
        assertRefused(.refused, "SO-1/1") { try w.reverseReceipt(right.receiptNumber, reason: "x", ctx: ctx()) }
        XCTAssertEqual(try w.item("BOLT").onHand, 10, "a refusal changes nothing")
        try assertIntact(w)
    }

    func testReturnRestocksOrScrapsButNeverMoreThanShipped() throws {
        let w = try wholesaler()
        try w.pick(order: "SO-OLD", entries: nil, ctx: ctx())
        try w.ship(order: "SO-OLD", ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-WAIT", customer: "C2", lines: [.init(sku: "BOLT", quantity: 5)]), ctx: ctx())
        let r = try w.returnUnits(order: "SO-OLD", lineNo: 1, quantity: 8, restock: true, reason: "wrong size", ctx: ctx())
        XCTAssertEqual(try quantities(w, "SO-WAIT"), LineQuantities(ordered: 5, allocated: 5), "restocked units serve the queue")
        XCTAssertEqual(try w.item("BOLT").onHand, 8)
        XCTAssertTrue(r.consequences.notified.contains { $0.orderNumber == "SO-OLD" && $0.events == [.returned] })
        try w.returnUnits(order: "SO-OLD", lineNo: 1, quantity: 2, restock: false, reason: "broken", ctx: ctx())
        XCTAssertEqual(try w.item("BOLT").onHand, 8, "scrapped units do not come back")
        assertRefused(.refused, "came back already") {
            try w.returnUnits(order: "SO-OLD", lineNo: 1, quantity: 61, restock: true, reason: "x", ctx: ctx())
        }
        XCTAssertEqual(try quantities(w, "SO-OLD"), LineQuantities(ordered: 70, shipped: 70), "the shipment history stays")
        try assertIntact(w)
    }

    func testStaleScreensAreRefused() throws {
        let w = try wholesaler()
        let seen = try w.orderDetail("SO-OLD", today: testToday).order.version
        try w.pick(order: "SO-OLD", entries: [PickEntry(lineNo: 1, picked: 1)], ctx: ctx())
        assertRefused(.stale, "changed by someone else") {
            try w.changeOrder("SO-OLD", OrderChanges(priority: 1), reason: "", expectedVersion: seen, ctx: ctx())
        }
        assertRefused(.stale, "changed by someone else") {
            try w.amendLine(order: "SO-OLD", lineNo: 1, quantity: 5, reason: "x", expectedVersion: seen, ctx: ctx())
        }
        XCTAssertEqual(try w.orderDetail("SO-OLD", today: testToday).order.priority, 5)
    }
}

/// The order desk's reads and the previews of ETA changes and receipts.
final class OrderDeskTests: XCTestCase {
    func testPreviewOfANewOrderPromisesWhatPlacingItGives() throws {
        let w = try makeWarehouse(stock: ["BOLT": 70])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-4505", sku: "BOLT", quantity: 50, eta: testToday.adding(days: 6)), ctx: ctx())
        let new = NewOrder(customer: "C1", lines: [.init(sku: "BOLT", quantity: 100)])
        let revision = try w.revision()
        let preview = try w.previewOrder(new, ctx: ctx())
        XCTAssertEqual(try w.revision(), revision, "a preview writes nothing")
        XCTAssertEqual(try w.counts(today: testToday).openOrders, 0)
        XCTAssertEqual(preview.lines.map(\.promise), ["70 from stock, 30 on backorder, promised \(testToday.adding(days: 6).iso) (PO-4505/1)"])
        let placed = try w.createOrder(new, ctx: ctx())
        XCTAssertEqual(placed.lines[0].line.quantities.allocated, 70)
        XCTAssertEqual(placed.lines[0].promised, preview.lines[0].promised)
        // A second order behind it: the first arrival covers only 20 more, so nothing is promised.
        let second = try w.previewOrder(NewOrder(customer: "C2", lines: [.init(sku: "BOLT", quantity: 25)]), ctx: ctx())
        XCTAssertEqual(second.lines[0].promise, "25 on backorder, no arrival planned")
        assertRefused(.notFound, "unknown customer") { _ = try w.previewOrder(NewOrder(customer: "NOPE", lines: new.lines), ctx: ctx()) }
        try assertIntact(w)
    }

    func testSearchFindsCustomersAndItemsInAnyCaseWithNorwegianLetters() throws {
        let w = try makeWarehouse(stock: ["FS-1002": 1, "TL-2003": 1])
        try w.addCustomer(Customer(code: "AAL", name: "Ålesund kommune"))
        try w.addCustomer(Customer(code: "OST", name: "Øst-Agder Kjemi"))
        try w.updateItem(Item(sku: "TL-2003", name: "Batteri 18V Ærlig"))
        XCTAssertEqual(try w.searchCustomers("ålesund").map(\.code), ["AAL"])
        XCTAssertEqual(try w.searchCustomers("ØST").map(\.code), ["OST"])
        XCTAssertEqual(try w.searchCustomers("customer c").map(\.code), ["C1", "C2", "C3"])
        XCTAssertEqual(try w.searchCustomers("c2").map(\.code), ["C2"])
        XCTAssertEqual(try w.searchItems("ærlig").map(\.sku), ["TL-2003"])
        XCTAssertEqual(try w.searchItems("fs-").map(\.sku), ["FS-1002"])
        XCTAssertEqual(try w.searchItems("100%").map(\.sku), [], "a wildcard matches itself")
    }

    func testPreviewsOfAnETAChangeAndAReceiptNameWhatMovesAndChangeNothing() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 6)), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        let eta = try w.previewETAChange(arrival: "PO-1/1", to: testToday.adding(days: 9), reason: "", ctx: ctx())
        XCTAssertEqual(eta.consequences.dates, [.init(orderNumber: "SO-1", lineNo: 1, sku: "BOLT", from: testToday.adding(days: 6),
                                                      to: testToday.adding(days: 9), wasWaiting: true)])
        XCTAssertEqual(eta.consequences.notified.map(\.orderNumber), ["SO-1"])
        XCTAssertEqual(try w.arrival("PO-1/1").0.eta, testToday.adding(days: 6))
        let receipt = try w.previewReceipt(arrival: "PO-1/1", sku: nil, quantity: 12, ctx: ctx())
        XCTAssertEqual(receipt.consequences.gainers.map(\.after.allocated), [12])
        XCTAssertEqual(try w.item("BOLT").onHand, 0)
        XCTAssertEqual(try w.arrival("PO-1/1").0.received, 0)
        try assertIntact(w)
    }
}
