import BackorderCore
import XCTest

/// "Why this date" against figures worked out by hand.
///
/// The queue of SKU A (serving order): SO-1 priority 1 (4 units), SO-2 priority 5 ordered first (6), SO-3 priority 5 (5,
/// the line explained), SO-4 priority 9 (3). Arrivals by ETA: X 8 units on day +3, Y 5 on +10, Z 10 on +20.
/// X goes 4 to SO-1 and 4 to SO-2; Y 2 to SO-2 and 3 to SO-3; Z 2 to SO-3 (its last unit: promised +20) and 3 to SO-4.
final class ExplanationTests: XCTestCase {
    let today = Day(iso: "2026-11-25")!
    func day(_ offset: Int) -> Day { today.adding(days: offset) }

    func line(_ id: Int64, _ order: String, prio: Int, ordered: Int, qty: Int) -> WaitingLine {
        WaitingLine(lineId: id, orderNumber: order, lineNo: 1, priority: prio, orderDate: day(ordered), backordered: qty)
    }

    var queue: [WaitingLine] {
        // Given out of order: the explanation sorts them as receipts serve them.
        [line(4, "SO-4", prio: 9, ordered: -20, qty: 3), line(3, "SO-3", prio: 5, ordered: -3, qty: 5),
         line(1, "SO-1", prio: 1, ordered: -5, qty: 4), line(2, "SO-2", prio: 5, ordered: -10, qty: 6)]
    }

    func arrival(_ id: Int64, _ po: String, qty: Int, eta: Int, received: Int = 0) -> Arrival {
        Arrival(id: id, supplier: "Acme", poNumber: po, poLine: 1, sku: "A", quantity: qty, received: received, eta: day(eta), closedAt: nil)
    }

    var supply: [Arrival] { [arrival(3, "Z", qty: 10, eta: 20), arrival(1, "X", qty: 8, eta: 3), arrival(2, "Y", qty: 6, eta: 10, received: 1)] }

    let donors = [DonorCandidate(orderNumber: "SO-6", customerName: "Six", lineNo: 2, priority: 3, orderDate: Day(iso: "2026-11-20")!, allocated: 10),
                  DonorCandidate(orderNumber: "SO-5", customerName: "Five", lineNo: 1, priority: 9, orderDate: Day(iso: "2026-11-21")!, allocated: 2),
                  DonorCandidate(orderNumber: "SO-3", customerName: "Own", lineNo: 2, priority: 5, orderDate: Day(iso: "2026-11-22")!, allocated: 7)]

    func testALineBehindOthersCoveredByTheThirdArrival() throws {
        let e = try XCTUnwrap(Rules.explainDate(lineId: 3, waiting: queue, arrivals: supply, donors: donors,
                                                customerNames: ["SO-1": "One", "SO-2": "Two"], sku: "A", itemName: "Anvil", today: today))
        XCTAssertEqual(e.promised, day(20))
        XCTAssertEqual(e.coveringArrival, "Z/1")
        XCTAssertEqual(e.position, 3)
        XCTAssertEqual(e.queueLines, 4)
        XCTAssertEqual(e.linesAhead, 2)
        XCTAssertEqual(e.unitsAhead, 10)
        XCTAssertEqual(e.ahead.map(\.orderNumber), ["SO-1", "SO-2"])
        XCTAssertEqual(e.ahead.map(\.customerName), ["One", "Two"])
        XCTAssertEqual(e.ahead.map(\.units), [4, 6])
        XCTAssertEqual(e.arrivals.map(\.reference), ["X/1", "Y/1", "Z/1"], "in ETA order")
        XCTAssertEqual(e.arrivals.map(\.toLinesAhead), [8, 2, 0])
        XCTAssertEqual(e.arrivals.map(\.toThisLine), [0, 3, 2])
        XCTAssertEqual(e.arrivals.map(\.rest), [0, 0, 8])
        XCTAssertEqual(e.uncovered, 0)
        XCTAssertEqual(e.unitsToCover, 0)
        // Priority 1: behind SO-1 only (older priority-1 order): X gives 4 to SO-1 and 4 to it, Y its fifth unit.
        XCTAssertEqual(e.atPriorityOne, DateExplanation.WhatIf(date: day(10), unitsAhead: 4))
        // Z today comes first: 4 to SO-1, 6 to SO-2; X's first 5 units to this line.
        XCTAssertEqual(e.coveringArrivesToday, DateExplanation.WhatIf(date: day(3), unitsAhead: 10))
        // Least urgent first, never its own order: SO-5 gives its 2, SO-6 the other 3.
        XCTAssertEqual(e.donors.map { "\($0.orderNumber)/\($0.lineNo)×\($0.gives)" }, ["SO-5/1×2", "SO-6/2×3"])
        XCTAssertEqual(e.donorUnits, 5)

        let text = e.describe(today: today)
        XCTAssertEqual(text.first, "SO-3 line 1: 5 × A Anvil waiting · priority 5 · ordered 2026-11-22")
        XCTAssertTrue(text.contains("Promised 2026-12-15: Z/1 covers its last unit."), text.joined(separator: "\n"))
        XCTAssertTrue(text.contains("Ahead of it: 10 unit(s) on 2 line(s):"))
        XCTAssertTrue(text.contains("  • SO-1/1 One: 4, priority 1, ordered 2026-11-20"))
        XCTAssertTrue(text.contains("  • Y/1 Acme, ETA 2026-12-05: 5 outstanding — 2 to lines ahead, 3 to this line"))
        XCTAssertTrue(text.contains("  • Z/1 Acme, ETA 2026-12-15: 10 outstanding — 2 to this line, 8 left after it"))
        XCTAssertTrue(text.contains("  • Priority 1 (now 5): promised 2026-12-05, 4 unit(s) ahead — key P, or backorders order set SO-3 --priority 1"))
        XCTAssertTrue(text.contains("  • Z/1 arriving today instead of 2026-12-15: promised 2026-11-28 — ask the supplier"))
        XCTAssertTrue(text.contains("  • Stock from other orders: fills it now — key t, or backorders reallocate SO-3 --line 1"))
    }

    func testNoArrivalPlannedSaysHowManyMoreUnitsWouldGiveItADate() throws {
        // Only X (8 units): the 10 units ahead take all of it and 2 more.
        let e = try XCTUnwrap(Rules.explainDate(lineId: 3, waiting: queue, arrivals: [arrival(1, "X", qty: 8, eta: 3)], donors: [],
                                                sku: "A", today: today))
        XCTAssertNil(e.promised)
        XCTAssertNil(e.coveringArrival)
        XCTAssertEqual(e.uncovered, 5)
        XCTAssertEqual(e.unitsToCover, 7, "5 for it and 2 for SO-2 ahead of it")
        XCTAssertEqual(e.arrivals.map(\.toThisLine), [0])
        XCTAssertEqual(e.atPriorityOne, DateExplanation.WhatIf(date: nil, unitsAhead: 4), "4 of X left for it: still one short")
        XCTAssertNil(e.coveringArrivesToday)
        XCTAssertEqual(e.donors, [])
        let text = e.describe(today: today)
        XCTAssertTrue(text.contains("No arrival planned: none of its 5 unit(s) is covered by an open arrival."), text.joined(separator: "\n"))
        XCTAssertTrue(text.contains("  • 7 more unit(s) on order would give it a date (2 of them for the lines ahead) — P in the shortage report, or backorders purchase A=7"))
        XCTAssertTrue(text.contains("  • Priority 1 (now 5): still no arrival planned, 4 unit(s) ahead — key P, or backorders order set SO-3 --priority 1"))
        XCTAssertTrue(text.contains("  • No other open order holds allocated units of A to give."))
    }

    func testPartlyCoveredLineAndALateCoveringArrival() throws {
        // X 8 and Y 4 cover the 10 ahead and 2 of its 5; with Y alone due yesterday, SO-1's line is promised a late date.
        let arrivals = [arrival(1, "X", qty: 8, eta: 3), arrival(2, "Y", qty: 4, eta: 10)]
        let e = try XCTUnwrap(Rules.explainDate(lineId: 3, waiting: queue, arrivals: arrivals, donors: [], sku: "A", today: today))
        XCTAssertEqual(e.uncovered, 3)
        XCTAssertEqual(e.unitsToCover, 3)
        XCTAssertEqual(e.arrivals.map(\.toThisLine), [0, 2])
        XCTAssertTrue(e.describe(today: today).contains("No arrival planned: 3 of its 5 unit(s) are not covered by an open arrival (2 are)."))

        let first = try XCTUnwrap(Rules.explainDate(lineId: 1, waiting: queue, arrivals: [arrival(1, "X", qty: 8, eta: -1)], donors: [],
                                                    sku: "A", today: today))
        XCTAssertEqual(first.position, 1)
        XCTAssertEqual(first.linesAhead, 0)
        XCTAssertEqual(first.promised, day(-1))
        XCTAssertNil(first.atPriorityOne, "priority 1 already")
        XCTAssertNil(first.coveringArrivesToday, "its arrival was due yesterday")
        let text = first.describe(today: today)
        XCTAssertTrue(text.contains("Promised 2026-11-24 (late): X/1 covers its last unit."), text.joined(separator: "\n"))
        XCTAssertTrue(text.contains("Nothing waits ahead of it: it gets the next units of A."))
        XCTAssertTrue(text.contains("  • It is priority 1 already: only older priority-1 orders are ahead of it."))
        XCTAssertTrue(text.contains("  • X/1 was due 2026-11-24: chase the supplier, or receive it"))
    }

    func testPriorityOneMovesEveryWaitingLineOfTheOrderAndOnlyTenLinesAreNamed() throws {
        // Twelve priority-5 lines of one unit ahead of SO-9 (priority 9); SO-9 has a second line of the SKU behind them.
        var lines = (1...12).map { line(Int64($0), "SO-\($0)", prio: 5, ordered: -30 + $0, qty: 1) }
        lines.append(WaitingLine(lineId: 90, orderNumber: "SO-9X", lineNo: 1, priority: 9, orderDate: day(-1), backordered: 2))
        lines.append(WaitingLine(lineId: 91, orderNumber: "SO-9X", lineNo: 2, priority: 9, orderDate: day(-1), backordered: 1))
        let e = try XCTUnwrap(Rules.explainDate(lineId: 91, waiting: lines, arrivals: [arrival(1, "X", qty: 20, eta: 5)], donors: [],
                                                sku: "A", today: today))
        XCTAssertEqual(e.linesAhead, 13)
        XCTAssertEqual(e.unitsAhead, 14)
        XCTAssertEqual(e.ahead.count, DateExplanation.aheadShown)
        XCTAssertEqual(e.atPriorityOne?.unitsAhead, 2, "its own line 1 moves to priority 1 with it and stays ahead")
        XCTAssertTrue(e.describe(today: today).contains("  • … and 3 more line(s), 4 unit(s)"))
    }

    func testALineThatDoesNotWaitHasNoExplanation() {
        XCTAssertNil(Rules.explainDate(lineId: 77, waiting: queue, arrivals: supply, donors: [], sku: "A", today: today))
    }
}
