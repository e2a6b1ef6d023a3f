import BackorderCore
import XCTest

/// The report computations against figures worked out by hand.
final class ReportsTests: XCTestCase {
    let today = Day(iso: "2026-11-25")!

    // MARK: reorder suggestion

    /// Hand-computed: uncovered units raised to the minimum order quantity, then up to whole packs.
    func testSuggestedPurchaseRespectsMinimumAndPack() {
        let cases: [(uncovered: Int, moq: Int, pack: Int, expected: Int, why: String)] = [
            (0, 50, 25, 0, "nothing uncovered: buy nothing"),
            (-5, 50, 25, 0, "over-covered: buy nothing"),
            (1, 1, 1, 1, "no constraints: exactly the gap"),
            (4, 24, 8, 24, "below the minimum: the minimum (already 3 packs)"),
            (30, 24, 8, 32, "above the minimum: 30 rounded up to 4 packs of 8"),
            (32, 24, 8, 32, "exactly 4 packs"),
            (3, 12, 6, 12, "minimum 12 = 2 packs of 6"),
            (7, 10, 4, 12, "minimum 10 is not whole packs: up to 3 packs of 4"),
            (101, 100, 50, 150, "101 needs a third pack of 50"),
            (45, 40, 10, 50, "45 → 5 packs of 10"),
        ]
        for c in cases {
            XCTAssertEqual(Reports.suggestedPurchase(uncovered: c.uncovered, minOrderQty: c.moq, packSize: c.pack), c.expected, c.why)
        }
    }

    /// The shortage row: uncovered = backordered − free − incoming; sorted by uncovered, then by the oldest wait.
    func testShortageRowsAndOrder() {
        func input(_ sku: String, backordered: Int, incoming: Int, moq: Int, pack: Int, oldest: Int) -> ShortageInput {
            ShortageInput(item: Item(sku: sku, name: sku, backordered: backordered, incoming: incoming, minOrderQty: moq, packSize: pack),
                          waitingLines: 1, oldestOrderDate: today.adding(days: -oldest))
        }
        let rows = Reports.shortage([
            input("COVERED", backordered: 10, incoming: 30, moq: 5, pack: 5, oldest: 40),
            input("YOUNG", backordered: 20, incoming: 5, moq: 24, pack: 8, oldest: 2),
            input("OLD", backordered: 15, incoming: 0, moq: 10, pack: 4, oldest: 30),
            input("BIG", backordered: 100, incoming: 40, moq: 50, pack: 25, oldest: 1),
        ], today: today)
        // Equal gaps: the longer wait hurts more.
        XCTAssertEqual(rows.map(\.sku), ["BIG", "OLD", "YOUNG", "COVERED"])
        XCTAssertEqual(rows.map(\.uncovered), [60, 15, 15, 0])
        // BIG: 60 ≥ moq 50 → 3 packs of 25 = 75. OLD: 15 → 4 packs of 4 = 16. YOUNG: 15 < moq 24 → 24 (3 packs of 8).
        XCTAssertEqual(rows.map(\.suggestedPurchase), [75, 16, 24, 0])
        XCTAssertEqual(rows.map(\.oldestAgeDays), [1, 30, 2, 40])
    }

    // MARK: aging

    func testAgeBucketsAndTheirOrderDates() {
        XCTAssertEqual([-2, 0, 7, 8, 14, 15, 30, 31, 60, 61, 400].map { AgeBucket.of(ageDays: $0) },
                       [.days0to7, .days0to7, .days0to7, .days8to14, .days8to14, .days15to30, .days15to30, .days31to60, .days31to60, .over60, .over60])
        for b in AgeBucket.allCases {
            let (earliest, latest) = b.orderDates(today: today)
            // Every age in the bucket maps back into it, and the day ranges meet without a gap.
            if let earliest { XCTAssertEqual(AgeBucket.of(ageDays: today.days(since: earliest)), b) }
            if let latest { XCTAssertEqual(AgeBucket.of(ageDays: today.days(since: latest)), b) }
            if let latest { XCTAssertNotEqual(AgeBucket.of(ageDays: today.days(since: latest.adding(days: 1))), b) }
        }
        XCTAssertEqual(AgeBucket(argument: "60+"), .over60)
        XCTAssertNil(AgeBucket(argument: "7-9"))
    }

    func testAgingCountsLinesUnitsAndDistinctOrders() {
        func line(_ order: String, _ no: Int, age: Int, units: Int) -> OpenBackorder {
            OpenBackorder(orderNumber: order, lineNo: no, customerCode: "C", customerName: "C", sku: "S",
                          orderDate: today.adding(days: -age), backordered: units, promised: nil)
        }
        let rows = Reports.aging([line("A", 1, age: 3, units: 5), line("A", 2, age: 3, units: 7), line("B", 1, age: 10, units: 1),
                                  line("C", 1, age: 75, units: 9)], today: today)
        XCTAssertEqual(rows.map(\.bucket), AgeBucket.allCases)
        XCTAssertEqual(rows.map(\.lines), [2, 1, 0, 0, 1])
        XCTAssertEqual(rows.map(\.units), [12, 1, 0, 0, 9])
        XCTAssertEqual(rows.map(\.orders), [1, 1, 0, 0, 1])
    }

    // MARK: service level

    /// Three orders, worked by hand for the period 2026-11-01 … 2026-11-30:
    /// - O1 (C1): two lines shipped whole in its first shipment on 11-05 → 2 of 2 lines, order complete.
    /// - O2 (C1): line 1 (10) shipped 6 on 11-10 and 4 on 11-20 after a backorder (ordered 11-02: waited 18 days);
    ///   line 2 shipped whole on 11-10 → lines 1 of 2 complete, order not complete.
    /// - O3 (C2): first shipment on 10-20, before the period: counts neither for line nor order fill; its backordered
    ///   line completed on 11-03 (ordered 10-15: waited 19 days).
    func testServiceLevelByHand() {
        func d(_ s: String) -> Day { Day(iso: s)! }
        func line(_ order: String, _ no: Int, _ customer: String, _ sku: String, date: String, ordered: Int, open: Int = 0,
                  backordered: Bool = false, _ shipments: [(Int64, String, Int)]) -> ServiceLineInput {
            ServiceLineInput(orderNumber: order, lineNo: no, customerCode: customer, customerName: "Name \(customer)", sku: sku,
                             itemName: "Item \(sku)", orderDate: d(date), ordered: ordered, open: open, everBackordered: backordered,
                             shipments: shipments.map { .init(shipmentId: $0.0, day: d($0.1), quantity: $0.2) })
        }
        let lines = [
            line("O1", 1, "C1", "A", date: "2026-11-01", ordered: 5, [(1, "2026-11-05", 5)]),
            line("O1", 2, "C1", "B", date: "2026-11-01", ordered: 3, [(1, "2026-11-05", 3)]),
            line("O2", 1, "C1", "A", date: "2026-11-02", ordered: 10, backordered: true, [(2, "2026-11-10", 6), (4, "2026-11-20", 4)]),
            line("O2", 2, "C1", "B", date: "2026-11-02", ordered: 2, [(2, "2026-11-10", 2)]),
            line("O3", 1, "C2", "A", date: "2026-10-15", ordered: 8, backordered: true, [(0, "2026-10-20", 2), (3, "2026-11-03", 6)]),
        ]
        let events = [BackorderEvent(customerCode: "C1", customerName: "Name C1", sku: "A", itemName: "Item A", units: 4)]
        let r = Reports.serviceLevel(lines: lines, backorderEvents: events, from: d("2026-11-01"), to: d("2026-11-30"))
        XCTAssertEqual(r.total.lines, 4)
        XCTAssertEqual(r.total.linesComplete, 3)
        XCTAssertEqual(r.total.lineFillRate, 0.75)
        XCTAssertEqual(r.total.orders, 2)
        XCTAssertEqual(r.total.ordersComplete, 1)
        XCTAssertEqual(r.total.orderFillRate, 0.5)
        XCTAssertEqual(r.total.unitsBackordered, 4)
        XCTAssertEqual(r.total.backordersShipped, 2)
        XCTAssertEqual(r.total.averageWaitDays, 18.5)

        XCTAssertEqual(r.customers.map(\.key), ["C1", "C2"])
        XCTAssertEqual(r.customers.map(\.lines), [4, 0])
        XCTAssertEqual(r.customers.map(\.orderFillRate), [0.5, nil])
        XCTAssertEqual(r.customers.map(\.averageWaitDays), [18, 19])
        XCTAssertEqual(r.items.map(\.key), ["A", "B"])
        XCTAssertEqual(r.items.map(\.lineFillRate), [0.5, 1])
        XCTAssertEqual(r.items.map(\.orders), [nil, nil], "order fill is not kept per item")
        XCTAssertEqual(r.items.map(\.unitsBackordered), [4, 0])

        // The same data for October only: O3's first shipment (incomplete) is the only one.
        let october = Reports.serviceLevel(lines: lines, backorderEvents: [], from: d("2026-10-01"), to: d("2026-10-31"))
        XCTAssertEqual(october.total.lines, 1)
        XCTAssertEqual(october.total.lineFillRate, 0)
        XCTAssertEqual(october.total.orderFillRate, 0)
        XCTAssertNil(october.total.averageWaitDays, "O3 completed in November")
    }

    // MARK: late arrivals and suppliers

    func testPegDetailFollowsPriorityAndETA() {
        let waiting = [
            WaitingLine(lineId: 1, orderNumber: "SO-2", lineNo: 1, priority: 5, orderDate: today, backordered: 8),
            WaitingLine(lineId: 2, orderNumber: "SO-1", lineNo: 1, priority: 1, orderDate: today, backordered: 5),
        ]
        let arrivals = [
            Arrival(id: 10, supplier: "S", poNumber: "P", poLine: 2, sku: "X", quantity: 10, received: 0, eta: today.adding(days: 9), closedAt: nil),
            Arrival(id: 11, supplier: "S", poNumber: "P", poLine: 1, sku: "X", quantity: 6, received: 0, eta: today.adding(days: -3), closedAt: nil),
        ]
        let detail = Reports.pegDetail(waiting: waiting, arrivals: arrivals)
        // The earlier arrival (11, 6 units) serves priority 1 (5) and 1 unit of SO-2; the later one the other 7.
        XCTAssertEqual(detail[11]?.map(\.lineId), [2, 1])
        XCTAssertEqual(detail[11]?.map(\.units), [5, 1])
        XCTAssertEqual(detail[10]?.map(\.lineId), [1])
        XCTAssertEqual(detail[10]?.map(\.units), [7])
        // The totals agree with the promised quantities of the ordinary pegging.
        let peg = Rules.peg(waiting: waiting, arrivals: arrivals)
        XCTAssertEqual(peg.promisedPerArrival[11], 6)
        XCTAssertEqual(peg.promisedPerArrival[10], 7)
    }

    func testSupplierSlips() {
        func d(_ n: Int) -> Day { today.adding(days: n) }
        let rows = Reports.supplierSlips([
            ArrivalETAHistory(supplier: "Slow", isOpen: true, isLate: true, changes: [(d(0), d(10)), (d(10), d(14))]),
            ArrivalETAHistory(supplier: "Slow", isOpen: false, isLate: false, changes: [(d(0), d(-2))]),
            ArrivalETAHistory(supplier: "Slow", isOpen: true, isLate: false, changes: []),
            ArrivalETAHistory(supplier: "Steady", isOpen: true, isLate: false, changes: []),
        ])
        XCTAssertEqual(rows.map(\.supplier), ["Slow", "Steady"])
        let slow = rows[0]
        XCTAssertEqual([slow.arrivals, slow.openArrivals, slow.lateArrivals, slow.movedArrivals, slow.etaChanges], [3, 2, 1, 2, 3])
        XCTAssertEqual(slow.daysMoved, 12)
        XCTAssertEqual(slow.averageDaysPerChange, 4)
        XCTAssertEqual(slow.largestSlipDays, 10)
        XCTAssertNil(rows[1].averageDaysPerChange)
    }

    func testBacklogPerCustomer() {
        func line(_ customer: String, _ order: String, age: Int, units: Int, promised: Int?) -> OpenBackorder {
            OpenBackorder(orderNumber: order, lineNo: 1, customerCode: customer, customerName: customer, sku: "S",
                          orderDate: today.adding(days: -age), backordered: units, promised: promised.map { today.adding(days: $0) })
        }
        let rows = Reports.backlog([line("A", "1", age: 3, units: 5, promised: 4), line("A", "2", age: 20, units: 5, promised: -1),
                                    line("B", "3", age: 1, units: 30, promised: nil)], today: today)
        XCTAssertEqual(rows.map(\.customerCode), ["B", "A"])
        XCTAssertEqual(rows[1].lines, 2); XCTAssertEqual(rows[1].orders, 2); XCTAssertEqual(rows[1].units, 10)
        XCTAssertEqual(rows[1].oldestAgeDays, 20)
        XCTAssertEqual(rows[1].nextPromised, today.adding(days: -1))
        XCTAssertNil(rows[0].nextPromised)
        XCTAssertEqual(rows[0].unpromisedLines, 1)
    }

    // MARK: CSV text

    func testCSVWriterQuotesOnlyWhatNeedsIt() {
        let w = CSVWriter()
        XCTAssertEqual(w.line(["plain", "a,b", "say \"hi\"", "two\nlines", " edge", "æøå"]),
                       "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge\",æøå\r\n")
        XCTAssertEqual(CSVWriter(separator: ";", lineEnding: "\n").line(["a,b", "c;d"]), "a,b;\"c;d\"\n")
        XCTAssertEqual(w.document(header: ["x"], rows: [["1"], [""]]), "x\r\n1\r\n\r\n")
    }

    func testRowsExportUnderTheirHeader() {
        let item = Item(sku: "S-1", name: "Skrue, 4×40", onHand: 10, allocated: 3, minOrderQty: 5, packSize: 5)
        XCTAssertEqual(Item.csvHeader.count, item.csvFields.count)
        XCTAssertEqual(CSVWriter().document([item]),
                       "sku,name,unit,bin,on_hand,allocated,picked,free,backordered,incoming,moq,pack\r\n"
                       + "S-1,\"Skrue, 4×40\",pcs,,10,3,0,7,0,0,5,5\r\n")
        XCTAssertEqual(ServiceRow.csvHeader.count,
                       ServiceRow(scope: .item, key: "S", name: "n", lines: 0, linesComplete: 0, orders: nil, ordersComplete: nil,
                                  unitsBackordered: 0, backordersShipped: 0, waitDaysTotal: 0).csvFields.count)
        XCTAssertEqual(ReportFormat.percent(2.0 / 3.0), "66.7")
        XCTAssertEqual(ReportFormat.oneDecimal(-0.25), "-0.3")
        XCTAssertEqual(ReportFormat.oneDecimal(nil), "")
    }
}
