import BackorderCore
import BackorderStore
import XCTest

final class NoticeTests: XCTestCase {
    /// The wholesaler's customer hears: backordered (with the promised date), partially shipped, backorder shipped — in order.
    func testWholesalerFlowYieldsExactlyTheRightNotices() throws {
        let w = try makeWarehouse(stock: ["BOLT": 70])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 6)), ctx: ctx())
        XCTAssertEqual(try w.notices(today: testToday), [], "an arrival alone tells no customer anything")

        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 100)]), ctx: ctx())
        let first = try w.markNoticesSent(order: "SO-1", ctx: ctx())
        XCTAssertEqual(first.map(\.events), [[.backordered]])
        XCTAssertTrue(first[0].text.hasPrefix("Part of your order is on backorder."), first[0].text)
        XCTAssertTrue(first[0].text.contains("BOLT Item BOLT: 70 in stock, ships with the next shipment; 30 on backorder, expected \(testToday.adding(days: 6).iso)"), first[0].text)

        try w.pick(order: "SO-1", entries: nil, ctx: ctx(1))
        try w.ship(order: "SO-1", ctx: ctx(1))
        let second = try w.markNoticesSent(order: "SO-1", ctx: ctx(1))
        XCTAssertEqual(second.map(\.events), [[.partiallyShipped]])
        XCTAssertTrue(second[0].text.contains("Shipment SH-000001 on \(testToday.adding(days: 1).iso):\n    70 × BOLT"), second[0].text)
        XCTAssertTrue(second[0].text.contains("30 on backorder, expected"), second[0].text)

        try w.receive(arrival: "PO-1/1", sku: nil, quantity: 30, ctx: ctx(6))
        XCTAssertEqual(try w.notices(today: testToday), [], "stock reserved for the order is no news until it ships")
        try w.pick(order: "SO-1", entries: nil, ctx: ctx(6))
        try w.ship(order: "SO-1", ctx: ctx(6))
        let third = try w.markNoticesSent(order: "SO-1", ctx: ctx(6))
        XCTAssertEqual(third.map(\.events), [[.backorderShipped]])
        XCTAssertTrue(third[0].text.contains("Status: complete"), third[0].text)
        XCTAssertTrue(third[0].text.contains("Outstanding: nothing"), third[0].text)

        let all = try w.notices(includeSent: true, today: testToday)
        XCTAssertEqual(all.map(\.events), [[.backordered], [.partiallyShipped], [.backorderShipped]])
        XCTAssertEqual(all.map(\.text), [first[0].text, second[0].text, third[0].text], "sent texts are frozen")
        try assertIntact(w)
    }

    /// Two ETA changes before sending leave one pending notice, with the latest date.
    func testTwoEtaChangesLeaveOnePendingNoticeWithTheLatestDate() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 50, eta: testToday.adding(days: 3)), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.markNoticesSent(order: nil, ctx: ctx())
        try w.changeETA(arrival: "PO-1/1", to: testToday.adding(days: 8), reason: "late ship", ctx: ctx())
        try w.changeETA(arrival: "PO-1/1", to: testToday.adding(days: 12), reason: "later still", ctx: ctx())
        let pending = try w.notices(today: testToday)
        XCTAssertEqual(pending.count, 1)
        XCTAssertEqual(pending[0].events, [.promisedDateChanged])
        XCTAssertTrue(pending[0].text.contains("expected \(testToday.adding(days: 12).iso)"), pending[0].text)
        XCTAssertFalse(pending[0].text.contains(testToday.adding(days: 8).iso), pending[0].text)
        try assertIntact(w)
    }

    /// A newer change to the same order joins its unsent notice; a more urgent order pushing others back tells them.
    func testEventsJoinThePendingNoticeAndQueueShiftsAreTold() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 10, eta: testToday.adding(days: 3)), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-2", sku: "BOLT", quantity: 10, eta: testToday.adding(days: 20)), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", priority: 5, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.markNoticesSent(order: nil, ctx: ctx())
        // A priority-1 order takes PO-1: SO-1 now waits for PO-2.
        try w.createOrder(NewOrder(number: "SO-VIP", customer: "C2", priority: 1, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        let pending = try w.notices(today: testToday)
        XCTAssertEqual(pending.map(\.orderNumber), ["SO-1", "SO-VIP"])
        XCTAssertEqual(pending[0].events, [.promisedDateChanged])
        XCTAssertTrue(pending[0].text.contains("expected \(testToday.adding(days: 20).iso)"), pending[0].text)
        try w.cancel(order: "SO-1", lineNo: nil, reason: "customer bought elsewhere", ctx: ctx())
        let joined = try w.notices(order: "SO-1", today: testToday)
        XCTAssertEqual(joined.count, 1)
        XCTAssertEqual(joined[0].events, [.promisedDateChanged, .cancelled])
        XCTAssertTrue(joined[0].text.contains("Reason: customer bought elsewhere"), joined[0].text)
        XCTAssertEqual(try w.markNoticesSent(order: "SO-1", ctx: ctx()).count, 1)
        assertRefused(.refused, "no pending notice") { try w.markNoticesSent(order: "SO-1", ctx: ctx()) }
        assertRefused(.notFound, "no order SO-404") { try w.markNoticesSent(order: "SO-404", ctx: ctx()) }
        try assertIntact(w)
    }

    /// In a batch (an import) promised dates are settled once at the end: same dates, same notices as one by one.
    func testABatchSettlesPromisedDatesAtItsEnd() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-1", sku: "BOLT", quantity: 10, eta: testToday.adding(days: 3)), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-2", sku: "BOLT", quantity: 30, eta: testToday.adding(days: 20)), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", priority: 5, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.markNoticesSent(order: nil, ctx: ctx())
        try w.batch { s in
            try s.createOrder(NewOrder(number: "SO-2", customer: "C2", priority: 1, lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
            try s.createOrder(NewOrder(number: "SO-3", customer: "C3", priority: 9, lines: [.init(sku: "BOLT", quantity: 5)]), ctx: ctx())
        }
        let lines = try w.backorderLines(Page(limit: 10), sku: "BOLT", today: testToday)
        XCTAssertEqual(lines.map(\.orderNumber), ["SO-2", "SO-1", "SO-3"])
        XCTAssertEqual(lines.map(\.promised), [testToday.adding(days: 3), testToday.adding(days: 20), testToday.adding(days: 20)])
        let pending = try w.notices(today: testToday)
        // Oldest first: the moved date of SO-1 is told when the batch ends, after the new orders' notices.
        XCTAssertEqual(pending.map(\.orderNumber), ["SO-2", "SO-3", "SO-1"])
        XCTAssertEqual(pending.map(\.events), [[.backordered], [.backordered], [.promisedDateChanged]])
        try assertIntact(w)
    }

    /// More notices than a page, and than the 1,000 one call used to stop at: pages from an offset hold every one, once, in order.
    func testNoticesPageThroughMoreThanOnePage() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.batch { s in
            for i in 0..<1_205 {
                try s.createOrder(NewOrder(number: String(format: "SO-%05d", i), customer: ["C1", "C2", "C3"][i % 3],
                                           lines: [.init(sku: "BOLT", quantity: 1)]), ctx: ctx())
            }
        }
        XCTAssertEqual(try w.noticeCount(), 1_205)
        let all = try w.notices(limit: Int.max, today: testToday)
        XCTAssertEqual(all.count, 1_205)
        XCTAssertEqual(Set(all.map(\.orderNumber)).count, 1_205)
        XCTAssertTrue(zip(all, all.dropFirst()).allSatisfy { $0.id < $1.id }, "oldest first")
        XCTAssertEqual(try w.notices(today: testToday).count, 1_000, "without paging a call still stops at its limit")
        var paged: [Notice] = []
        while true {
            let page = try w.notices(offset: paged.count, limit: 100, today: testToday)
            paged += page
            if page.count < 100 { break }
        }
        XCTAssertEqual(paged, all)
        // Pages past the first thousand are read backwards from the end: the same notices as a forward scan.
        for offset in [999, 1_000, 1_001, 1_103, 1_200, 1_204] {
            XCTAssertEqual(try w.notices(offset: offset, limit: 7, today: testToday).map(\.id), Array(all.dropFirst(offset).prefix(7)).map(\.id),
                           "offset \(offset)")
        }
        XCTAssertEqual(try w.notices(offset: 1_205, limit: 10, today: testToday), [])
        XCTAssertEqual(try w.notices(offset: 50_000, limit: 10, today: testToday), [])
        XCTAssertEqual(try w.notices(offset: -3, limit: 2, today: testToday).map(\.id), all.prefix(2).map(\.id), "a negative offset counts as 0")
        XCTAssertEqual(try w.notices(limit: -1, today: testToday), [], "a negative limit counts as 0")

        // A notice marked sent leaves the pending pages and their count; with includeSent it keeps its place.
        try w.markNoticesSent(order: all[3].orderNumber, ctx: ctx())
        XCTAssertEqual(try w.noticeCount(), 1_204)
        XCTAssertEqual(try w.noticeCount(includeSent: true), 1_205)
        XCTAssertEqual(try w.notices(offset: 3, limit: 1, today: testToday).map(\.orderNumber), [all[4].orderNumber])
        XCTAssertEqual(try w.notices(includeSent: true, offset: 3, limit: 1, today: testToday).map(\.sentBy), ["tester"])
        XCTAssertEqual(try w.noticeCount(order: all[7].orderNumber), 1)
        XCTAssertEqual(try w.noticeCount(order: "SO-404"), 0)
        try assertIntact(w)
    }
}
