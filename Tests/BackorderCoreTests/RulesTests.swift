import BackorderCore
import XCTest

final class DayTests: XCTestCase {
    func testRoundTripsEveryDayOverFourCenturies() {
        var previous: Day?
        for ordinal in stride(from: -3_000, to: 150_000, by: 7) {
            let d = Day(ordinal: ordinal)
            XCTAssertEqual(Day(iso: d.iso), d, d.iso)
            if let p = previous { XCTAssertLessThan(p, d) }
            previous = d
        }
    }

    func testKnownDatesAndLeapYears() {
        XCTAssertEqual(Day(iso: "1970-01-01")?.ordinal, 0)
        XCTAssertEqual(Day(iso: "2026-11-25")?.iso, "2026-11-25")
        XCTAssertNotNil(Day(iso: "2024-02-29"))
        XCTAssertNil(Day(iso: "2026-02-29"))
        XCTAssertNil(Day(iso: "2100-02-29"))
        XCTAssertNotNil(Day(iso: "2000-02-29"))
        XCTAssertNil(Day(iso: "2026-13-01"))
        XCTAssertNil(Day(iso: "2026-1-01"))
        XCTAssertNil(Day(iso: "tomorrow"))
        for bad in ["", "2026-11-2", "2026-11-255", "2026/11/25", "20261-1-25", "2026-11-2x", "+026-11-25", "2026-١١-25", "0000-01-01"] {
            XCTAssertNil(Day(iso: bad), bad)
        }
        XCTAssertEqual(Day(iso: "2026-11-25"[...])?.iso, "2026-11-25")
        XCTAssertEqual(Day(iso: "2026-12-31")!.adding(days: 1).iso, "2027-01-01")
        XCTAssertEqual(Day(iso: "2026-11-25")!.days(since: Day(iso: "2026-10-26")!), 30)
    }

    func testTimestampDayAndIso() {
        let t = Timestamp(unixTime: 1_795_564_800 + 3_661) // 2026-11-25T01:01:01Z
        XCTAssertEqual(t.iso, "2026-11-25T01:01:01Z")
        XCTAssertEqual(t.day().iso, "2026-11-25")
        XCTAssertEqual(t.day(utcOffsetSeconds: -7_200).iso, "2026-11-24")
    }
}

final class RulesTests: XCTestCase {
    let today = Day(iso: "2026-11-25")!

    func testNewOrderAllocatesWhatIsFreeAndBackordersTheRest() {
        let q = Rules.allocateNewLines([NewOrderLine(sku: "A", quantity: 100)], free: ["A": 70])
        XCTAssertEqual(q, [LineQuantities(ordered: 100, allocated: 70, backordered: 30)])
        XCTAssertTrue(q[0].isBalanced)
    }

    func testTwoLinesOfOneSkuShareTheFreeStock() {
        let q = Rules.allocateNewLines([NewOrderLine(sku: "A", quantity: 5), NewOrderLine(sku: "A", quantity: 5), NewOrderLine(sku: "B", quantity: 1)],
                                       free: ["A": 7])
        XCTAssertEqual(q.map(\.allocated), [5, 2, 0])
        XCTAssertEqual(q.map(\.backordered), [0, 3, 1])
    }

    func waiting(_ id: Int64, _ order: String, prio: Int, date: String, qty: Int, line: Int = 1) -> WaitingLine {
        WaitingLine(lineId: id, orderNumber: order, lineNo: line, priority: prio, orderDate: Day(iso: date)!, backordered: qty)
    }

    func testScarceStockGoesByPriorityThenDateThenNumber() {
        let lines = [
            waiting(1, "SO-9", prio: 5, date: "2026-11-01", qty: 10),
            waiting(2, "SO-3", prio: 1, date: "2026-11-20", qty: 4),   // most urgent despite being newest
            waiting(3, "SO-5", prio: 5, date: "2026-10-15", qty: 6),   // oldest among priority 5
            waiting(4, "SO-1", prio: 5, date: "2026-11-01", qty: 10),  // same day as SO-9, lower number first
        ]
        let grants = Rules.distribute(15, to: lines)
        XCTAssertEqual(grants, [Grant(lineId: 2, quantity: 4), Grant(lineId: 3, quantity: 6), Grant(lineId: 4, quantity: 5)])
        XCTAssertEqual(grants.reduce(0) { $0 + $1.quantity }, 15)
    }

    func testDistributeNeverGivesMoreThanWaitingOrAvailable() {
        let lines = [waiting(1, "A", prio: 5, date: "2026-11-01", qty: 3)]
        XCTAssertEqual(Rules.distribute(10, to: lines), [Grant(lineId: 1, quantity: 3)])
        XCTAssertEqual(Rules.distribute(0, to: lines), [])
    }

    func line(_ no: Int, _ q: LineQuantities, sku: String = "A") -> OrderLine {
        OrderLine(id: Int64(no), lineNo: no, sku: sku, itemName: "x", quantities: q)
    }

    func testPickAllAndShortPick() throws {
        let lines = [line(1, LineQuantities(ordered: 10, allocated: 10)), line(2, LineQuantities(ordered: 5, backordered: 5))]
        let all = try Rules.planPick(lines: lines, entries: nil)
        XCTAssertEqual(all.map(\.kind), [.pick])
        XCTAssertEqual(all[0].quantity, 10)
        let short = try Rules.planPick(lines: lines, entries: [PickEntry(lineNo: 1, picked: 7, missing: 3)])
        XCTAssertEqual(short.map(\.kind), [.pick, .shortPick])
        XCTAssertEqual(short[1].delta, Delta(allocated: -3, backordered: 3, onHand: -3))
        XCTAssertTrue(lines[0].quantities.applying(short[0].delta).applying(short[1].delta).isBalanced)
    }

    func testPickRefusesMoreThanAllocatedUnknownLinesAndNothing() {
        let lines = [line(1, LineQuantities(ordered: 10, allocated: 4, backordered: 6))]
        XCTAssertThrowsError(try Rules.planPick(lines: lines, entries: [PickEntry(lineNo: 1, picked: 5)])) {
            XCTAssertEqual(($0 as? BackorderError)?.kind, .refused)
        }
        XCTAssertThrowsError(try Rules.planPick(lines: lines, entries: [PickEntry(lineNo: 9, picked: 1)])) {
            XCTAssertEqual(($0 as? BackorderError)?.kind, .notFound)
        }
        XCTAssertThrowsError(try Rules.planPick(lines: lines, entries: [PickEntry(lineNo: 1, picked: -1)])) {
            XCTAssertEqual(($0 as? BackorderError)?.kind, .invalidInput)
        }
        XCTAssertThrowsError(try Rules.planPick(lines: lines, entries: [PickEntry(lineNo: 1, picked: 0)]))
        XCTAssertThrowsError(try Rules.planPick(lines: [line(1, LineQuantities(ordered: 3, backordered: 3))], entries: nil))
    }

    func testShipCompleteRefusesPartialUnlessOverridden() throws {
        let lines = [line(1, LineQuantities(ordered: 10, picked: 7, backordered: 3))]
        XCTAssertThrowsError(try Rules.planShipment(policy: .complete, lines: lines, override: false)) {
            XCTAssertEqual(($0 as? BackorderError)?.kind, .refused)
        }
        XCTAssertEqual(try Rules.planShipment(policy: .complete, lines: lines, override: true).first?.quantity, 7)
        XCTAssertEqual(try Rules.planShipment(policy: .partial, lines: lines, override: false).first?.delta,
                       Delta(picked: -7, shipped: 7, onHand: -7))
        XCTAssertThrowsError(try Rules.planShipment(policy: .partial, lines: [line(1, LineQuantities(ordered: 1, allocated: 1))], override: false))
    }

    func testCancelBackorderedOnlyTouchesBackorderedUnits() throws {
        let lines = [line(1, LineQuantities(ordered: 10, allocated: 4, backordered: 6)), line(2, LineQuantities(ordered: 2, shipped: 2))]
        let m = try Rules.planCancel(lines: lines, lineNo: nil, scope: .backordered)
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m[0].delta, Delta(backordered: -6, cancelled: 6))
        XCTAssertThrowsError(try Rules.planCancel(lines: lines, lineNo: 2, scope: .backordered))
    }

    func testCancelOpenFreesAllocatedUnitsAndRefusesPickedOnes() throws {
        let lines = [line(1, LineQuantities(ordered: 10, allocated: 4, backordered: 6)), line(2, LineQuantities(ordered: 3, picked: 1, shipped: 2))]
        let m = try Rules.planCancel(lines: lines, lineNo: 1, scope: .open)
        XCTAssertEqual(m.map(\.delta), [Delta(allocated: -4, backordered: -6, cancelled: 10)])
        XCTAssertThrowsError(try Rules.planCancel(lines: lines, lineNo: nil, scope: .open)) { error in
            XCTAssertTrue((error as? BackorderError)?.message.contains("put them back") == true, "\(error)")
        }
    }

    func testAmendDropsBackorderedUnitsBeforeAllocatedOnesAndNeverGoesBelowPicked() throws {
        let l = line(1, LineQuantities(ordered: 10, allocated: 3, picked: 2, backordered: 5))
        XCTAssertEqual(try Rules.planAmend(line: l, quantity: 4, free: 0).delta, Delta(ordered: -6, allocated: -1, backordered: -5))
        XCTAssertEqual(try Rules.planAmend(line: l, quantity: 14, free: 1).delta, Delta(ordered: 4, allocated: 1, backordered: 3))
        XCTAssertThrowsError(try Rules.planAmend(line: l, quantity: 1, free: 0))
        XCTAssertThrowsError(try Rules.planAmend(line: l, quantity: 10, free: 0))
    }

    func testDonorsAreProposedLeastUrgentAndNewestFirst() {
        let c = [DonorCandidate(orderNumber: "SO-1", customerName: "A", lineNo: 1, priority: 5, orderDate: Day(iso: "2026-11-01")!, allocated: 4),
                 DonorCandidate(orderNumber: "SO-2", customerName: "B", lineNo: 1, priority: 9, orderDate: Day(iso: "2026-10-01")!, allocated: 3),
                 DonorCandidate(orderNumber: "SO-3", customerName: "C", lineNo: 1, priority: 5, orderDate: Day(iso: "2026-11-05")!, allocated: 10)]
        XCTAssertEqual(Rules.proposeDonors(c, quantity: 8), [DonorLine(orderNumber: "SO-2", lineNo: 1, quantity: 3),
                                                             DonorLine(orderNumber: "SO-3", lineNo: 1, quantity: 5)])
    }

    func arrival(_ id: Int64, qty: Int, received: Int = 0, eta: String) -> Arrival {
        Arrival(id: id, supplier: "S", poNumber: "PO\(id)", poLine: 1, sku: "A", quantity: qty, received: received, eta: Day(iso: eta)!, closedAt: nil)
    }

    func testPeggingGivesTheEtaOfTheArrivalCoveringTheLastUnit() {
        let lines = [waiting(1, "SO-1", prio: 5, date: "2026-11-01", qty: 30),
                     waiting(2, "SO-2", prio: 5, date: "2026-11-02", qty: 20),
                     waiting(3, "SO-3", prio: 5, date: "2026-11-03", qty: 50)]
        let arrivals = [arrival(10, qty: 40, eta: "2026-12-10"), arrival(11, qty: 40, received: 10, eta: "2026-12-01")]
        let (promised, per) = Rules.peg(waiting: lines, arrivals: arrivals)
        XCTAssertEqual(promised[1], Day(iso: "2026-12-01"))      // 30 of the 30 outstanding on PO11
        XCTAssertEqual(promised[2], Day(iso: "2026-12-10"))      // 20 from PO10
        XCTAssertEqual(promised[3], .some(nil))                  // 20 left on PO10 cannot cover 50
        XCTAssertEqual(per[11], 30)
        XCTAssertEqual(per[10], 40)
    }

    /// The supply as the stores stream it: a line takes from the earliest ETA first and is dated by its last unit; once
    /// spent, every line further back gets no date; arrivals with nothing outstanding give nothing.
    func testPegSupplyHandsOutInETAOrder() {
        var supply = PegSupply([(eta: "2026-12-01", left: 30), (eta: "2026-12-05", left: 0), (eta: "2026-12-10", left: 40)])
        var given: [Int: Int] = [:]
        XCTAssertEqual(supply.take(25) { given[$0, default: 0] += $1 }, "2026-12-01")
        XCTAssertEqual(supply.take(10) { given[$0, default: 0] += $1 }, "2026-12-10", "5 from the first, 5 from the second")
        XCTAssertFalse(supply.isExhausted)
        XCTAssertNil(supply.take(40) { given[$0, default: 0] += $1 }, "35 left cannot cover 40")
        XCTAssertTrue(supply.isExhausted)
        XCTAssertNil(supply.take(1))
        XCTAssertEqual(given, [0: 30, 1: 40], "the empty arrival is left out; every unit given once")
    }

    func testCustomerStatusTellsShippedAndOutstanding() {
        let order = Order(id: 1, number: "SO-1", customerCode: "C1", customerName: "Nordic", orderDate: Day(iso: "2026-11-20")!, priority: 5,
                          policy: .partial, closedAt: nil, version: 3)
        let detail = OrderDetail(
            order: order,
            lines: [.init(line: line(1, LineQuantities(ordered: 100, shipped: 70, backordered: 30)), promised: Day(iso: "2026-12-01")),
                    .init(line: line(2, LineQuantities(ordered: 5, backordered: 5), sku: "B"), promised: nil)],
            shipments: [Shipment(number: "SH-000001", orderNumber: "SO-1", at: Timestamp(unixTime: 1_795_564_800), actor: "ann",
                                 overridden: false, lines: [.init(lineNo: 1, sku: "A", quantity: 70)])],
            history: [])
        let text = detail.customerStatus(today: today)
        XCTAssertTrue(text.contains("Shipment SH-000001 on 2026-11-25"), text)
        XCTAssertTrue(text.contains("70 × A"), text)
        XCTAssertTrue(text.contains("30 on backorder, expected 2026-12-01"), text)
        XCTAssertTrue(text.contains("B x: 5 on backorder, no delivery date yet"), text)
    }
}

final class ScriptTests: XCTestCase {
    func testParsesCommandsQuotesAndRelativeDays() throws {
        let text = ["# a comment",
                    #"item SKU-1 "Hex bolt ""M8""" unit=pcs stock=70"#,
                    "at d-3 08:30\r",
                    "order SO-1 C1 SKU-1:100 prio=2 policy=complete",
                    "pick SO-1 1=60 short"].joined(separator: "\n")
        let cmds = try Script.parse(text)
        XCTAssertEqual(cmds.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(cmds[0].command, .item(sku: "SKU-1", name: "Hex bolt \"M8\"", unit: "pcs", bin: "", stock: 70, moq: 1, pack: 1,
                                                    supplier: "", leadTime: nil))
        XCTAssertEqual(cmds[1].command, .at(.relative(-3), minutes: 8 * 60 + 30))
        XCTAssertEqual(cmds[2].command, .order(number: "SO-1", customer: "C1", date: nil, priority: 2, policy: .complete,
                                               lines: [NewOrderLine(sku: "SKU-1", quantity: 100)]))
        XCTAssertEqual(cmds[3].command, .pick(order: "SO-1", lines: [(1, 60)], short: true))
    }

    func testQuotedTextWithAnEqualsSignIsText() throws {
        let cmds = try Script.parse(#"cancel SO-1 line=2 "price = too high""#)
        XCTAssertEqual(cmds.first?.command, .cancel(order: "SO-1", line: 2, reason: "price = too high"))
    }

    func testReportsEveryBadLine() {
        XCTAssertThrowsError(try Script.parse("item A\nfrobnicate\norder SO-1 C1 A:x\nitem B \"open")) { error in
            let lines = (error as? ScriptParseFailure)?.errors.map(\.line)
            XCTAssertEqual(lines, [1, 2, 3, 4])
        }
    }
}
