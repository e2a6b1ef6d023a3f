import BackorderCore
import BackorderStore
import XCTest

/// "Why this date" read from the file, and purchasing from the shortage report: arrivals created in one transaction,
/// waiting lines re-pegged at once, refusals that name each item, previews that change nothing.
final class PurchasingScenarioTests: XCTestCase {
    /// BOLT (10 on hand, MOQ 20, packs of 10, from Bultfabriken in 14 days): SO-1 holds 8 allocated; SO-2 has 2 and waits
    /// for 10; SO-3 (priority 2, newer) waits for 6; SO-4 waits for 4. PO-1 brings 12 in six days.
    /// Serving order: SO-3 (6), SO-2 (10), SO-4 (4). PO-1 covers SO-3 and 6 of SO-2: SO-2 and SO-4 have no date.
    func warehouse() throws -> Warehouse {
        let w = try makeWarehouse(stock: [:])
        try w.addItem(Item(sku: "BOLT", name: "Hex bolt M8x40", onHand: 10, minOrderQty: 20, packSize: 10, supplier: "Bultfabriken",
                           leadTimeDays: 14), ctx: ctx(-60))
        try w.addItem(Item(sku: "NUT", name: "Nut M8", onHand: 0), ctx: ctx(-60))
        try w.addItem(Item(sku: "WASHER", name: "Washer M8", onHand: 0, supplier: "Skivesmia", leadTimeDays: 3), ctx: ctx(-60))
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", orderDate: testToday.adding(days: -10), lines: [.init(sku: "BOLT", quantity: 8)]), ctx: ctx(-10))
        try w.createOrder(NewOrder(number: "SO-2", customer: "C2", orderDate: testToday.adding(days: -5), lines: [.init(sku: "BOLT", quantity: 12)]), ctx: ctx(-5))
        try w.createOrder(NewOrder(number: "SO-3", customer: "C3", orderDate: testToday.adding(days: -2), priority: 2,
                                   lines: [.init(sku: "BOLT", quantity: 6)]), ctx: ctx(-2))
        try w.createOrder(NewOrder(number: "SO-4", customer: "C1", orderDate: testToday.adding(days: -1),
                                   lines: [.init(sku: "BOLT", quantity: 4), .init(sku: "NUT", quantity: 5), .init(sku: "WASHER", quantity: 3)]),
                          ctx: ctx(-1))
        try w.addArrival(NewArrival(supplier: "Bultfabriken", poNumber: "PO-1", sku: "BOLT", quantity: 12, eta: testToday.adding(days: 6)), ctx: ctx(-1))
        return w
    }

    func promised(_ w: Warehouse, _ order: String, _ line: Int = 1) throws -> Day? {
        try w.orderDetail(order, today: testToday).lines.first { $0.line.lineNo == line }!.promised
    }

    // MARK: why this date

    func testWhyOnALineBehindOthers() throws {
        let w = try warehouse()
        let e = try XCTUnwrap(try w.explainDates(order: "SO-2", lineNo: 1, today: testToday).first)
        XCTAssertNil(e.promised)
        XCTAssertEqual(e.position, 2)
        XCTAssertEqual(e.queueLines, 3)
        XCTAssertEqual(e.unitsAhead, 6)
        XCTAssertEqual(e.ahead.map { "\($0.orderNumber) \($0.customerName) p\($0.priority) \($0.units)" }, ["SO-3 Customer C3 p2 6"])
        XCTAssertEqual(e.arrivals.map { "\($0.reference) \($0.toLinesAhead)+\($0.toThisLine)" }, ["PO-1/1 6+6"])
        XCTAssertEqual(e.uncovered, 4)
        XCTAssertEqual(e.unitsToCover, 4)
        XCTAssertEqual(e.atPriorityOne, DateExplanation.WhatIf(date: testToday.adding(days: 6), unitsAhead: 0),
                       "at priority 1 it goes before SO-3 and PO-1 covers all 10")
        XCTAssertEqual(e.donors.map { "\($0.orderNumber)/\($0.lineNo)×\($0.gives)" }, ["SO-1/1×8"], "never its own 2 allocated units")
        XCTAssertTrue(e.describe(today: testToday).contains("  • 4 more unit(s) on order would give it a date — P in the shortage report, or backorders purchase BOLT=4"))

        // The explanation agrees with the stored pegging, line by line.
        let all = try w.explainDates(order: "SO-4", lineNo: nil, today: testToday)
        XCTAssertEqual(all.map(\.sku), ["BOLT", "NUT", "WASHER"], "every waiting line of the order")
        for e in all + [try w.explainDates(order: "SO-3", lineNo: nil, today: testToday)[0]] {
            XCTAssertEqual(e.promised, try promised(w, e.orderNumber, e.lineNo), "\(e.orderNumber)/\(e.lineNo)")
        }
        XCTAssertEqual(try promised(w, "SO-3"), testToday.adding(days: 6))
    }

    func testWhyIsRefusedWhereNothingWaits() throws {
        let w = try warehouse()
        assertRefused(.refused, "SO-1 line 1 (BOLT) waits for nothing") { _ = try w.explainDates(order: "SO-1", lineNo: 1, today: testToday) }
        assertRefused(.refused, "SO-1 has no backordered line") { _ = try w.explainDates(order: "SO-1", lineNo: nil, today: testToday) }
        assertRefused(.notFound, "SO-2 has no line 9") { _ = try w.explainDates(order: "SO-2", lineNo: 9, today: testToday) }
        assertRefused(.notFound, "no order SO-99") { _ = try w.explainDates(order: "SO-99", lineNo: nil, today: testToday) }
    }

    // MARK: purchasing

    func testShortageReportCarriesSupplierAndLeadTime() throws {
        let w = try warehouse()
        let rows = try w.shortageReport(today: testToday)
        let bolt = try XCTUnwrap(rows.first { $0.sku == "BOLT" })
        XCTAssertEqual(bolt.supplier, "Bultfabriken")
        XCTAssertEqual(bolt.leadTimeDays, 14)
        XCTAssertEqual(bolt.uncovered, 8)
        XCTAssertEqual(bolt.suggestedPurchase, 20, "8 uncovered raised to the MOQ of 20, two packs of 10")
        XCTAssertEqual(bolt.purchaseETA(today: testToday), testToday.adding(days: 14))
        XCTAssertEqual(rows.first { $0.sku == "NUT" }?.supplier, "")
        XCTAssertNil(rows.first { $0.sku == "NUT" }?.leadTimeDays)
    }

    func testPurchaseCreatesArrivalsAndRepegsAtOnce() throws {
        let w = try warehouse()
        // The preview does everything and keeps nothing.
        let revision = try w.revision()
        let preview = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT"), PurchaseLine(sku: "WASHER")]), preview: true, ctx: ctx())
        XCTAssertTrue(preview.preview)
        XCTAssertEqual(preview.arrivals.map(\.reference), ["PO-2/1", "PO-3/1"], "a new PO per supplier, after PO-1")
        XCTAssertEqual(try w.revision(), revision)
        XCTAssertThrowsError(try w.arrival("PO-2/1"))
        XCTAssertNil(try promised(w, "SO-2"))
        XCTAssertEqual(try w.item("BOLT").incoming, 12)

        let r = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT"), PurchaseLine(sku: "WASHER")]), ctx: ctx())
        XCTAssertFalse(r.preview)
        XCTAssertEqual(r.arrivals.map(\.reference), preview.arrivals.map(\.reference), "the preview said what was done")
        XCTAssertEqual(r.consequences, preview.consequences)
        XCTAssertEqual(r.arrivals.map { "\($0.reference) \($0.supplier) \($0.quantity)×\($0.sku) \($0.eta.iso)" },
                       ["PO-2/1 Bultfabriken 20×BOLT 2026-12-09", "PO-3/1 Skivesmia 3×WASHER 2026-11-28"])
        XCTAssertEqual(r.summary, "2 line(s) on PO-2 (Bultfabriken), PO-3 (Skivesmia)")
        XCTAssertEqual(try w.item("BOLT").incoming, 32)
        // Re-pegged in the same transaction: the dates are stored and reported as moves.
        XCTAssertEqual(try promised(w, "SO-2"), testToday.adding(days: 14))
        XCTAssertEqual(try promised(w, "SO-4", 1), testToday.adding(days: 14))
        XCTAssertEqual(try promised(w, "SO-4", 3), testToday.adding(days: 3))
        XCTAssertEqual(try promised(w, "SO-3"), testToday.adding(days: 6), "the line PO-1 covered keeps its date")
        XCTAssertEqual(r.consequences.dates.map { "\($0.orderNumber)/\($0.lineNo) \($0.from?.iso ?? "-") → \($0.to?.iso ?? "-")" },
                       ["SO-2/1 - → 2026-12-09", "SO-4/1 - → 2026-12-09", "SO-4/3 - → 2026-11-28"])
        XCTAssertEqual(Set(r.consequences.notified.map(\.orderNumber)), ["SO-2", "SO-4"])
        XCTAssertEqual(r.describe().first, "PO-2 to Bultfabriken:")
        XCTAssertTrue(r.describe().contains("• SO-2/1 BOLT: no arrival planned → 2026-12-09"), r.describe().joined(separator: "\n"))
        try assertIntact(w)

        // Nothing is uncovered any more: without a quantity there is nothing to buy; with one it is bought anyway.
        assertRefused(.refused, "BOLT: nothing is uncovered") { _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT")]), ctx: ctx()) }
        let more = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT", quantity: 5)], poNumber: "PO-2"), ctx: ctx())
        XCTAssertEqual(more.arrivals.map(\.reference), ["PO-2/2"], "an open PO of the same supplier continues its lines")
        XCTAssertEqual(more.consequences.dates, [], "no waiting line needed these")
        try assertIntact(w)
    }

    func testPurchaseRefusalsNameEachItemAndChangeNothing() throws {
        let w = try warehouse()
        let revision = try w.revision()
        assertRefused(.refused, "NUT: no default supplier: set one (item set NUT --supplier NAME) or give --supplier; no lead time") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT"), PurchaseLine(sku: "NUT")]), ctx: ctx())
        }
        assertRefused(.refused, "NUT: no lead time") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "NUT", supplier: "Mutterhuset")]), ctx: ctx())
        }
        assertRefused(.refused, "PO-1 would go to Bultfabriken and Skivesmia") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT"), PurchaseLine(sku: "WASHER")], poNumber: "PO-1"), ctx: ctx())
        }
        assertRefused(.refused, "PO-1 is a purchase order to Bultfabriken, not Skivesmia") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "WASHER")], poNumber: "PO-1"), ctx: ctx())
        }
        assertRefused(.notFound, "unknown SKU GONE") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT"), PurchaseLine(sku: "GONE")]), ctx: ctx())
        }
        assertRefused(.invalidInput, "BOLT is given twice") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT"), PurchaseLine(sku: "BOLT", quantity: 3)]), ctx: ctx())
        }
        assertRefused(.invalidInput, "quantity of BOLT must be a positive whole number") {
            _ = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "BOLT", quantity: 0)]), ctx: ctx())
        }
        XCTAssertEqual(try w.revision(), revision, "no refusal wrote anything, not even the good lines")
        XCTAssertEqual(try w.openArrivals(today: testToday).count, 1)

        // Given on the command line, the supplier and the ETA stand in for the item's.
        let r = try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "NUT", supplier: "Mutterhuset", eta: testToday.adding(days: 2))]), ctx: ctx())
        XCTAssertEqual(r.arrivals.map { "\($0.reference) \($0.supplier) \($0.quantity) \($0.eta.iso)" }, ["PO-2/1 Mutterhuset 5 2026-11-27"])
        XCTAssertEqual(try promised(w, "SO-4", 2), testToday.adding(days: 2))
        try assertIntact(w)
    }

    func testPONumbersKeepTheWidthOfTheHighestAndStartAtSixDigits() throws {
        let w = try makeWarehouse(stock: [:])
        try w.addItem(Item(sku: "A", name: "A", supplier: "S", leadTimeDays: 1), ctx: ctx())
        XCTAssertEqual(try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "A", quantity: 1)]), ctx: ctx()).arrivals[0].poNumber, "PO-000001")
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-7012", sku: "A", quantity: 1, eta: testToday), ctx: ctx())
        try w.addArrival(NewArrival(supplier: "S", poNumber: "PO-99X", sku: "A", quantity: 1, eta: testToday), ctx: ctx())
        XCTAssertEqual(try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: "A", quantity: 1)]), ctx: ctx()).arrivals[0].poNumber, "PO-7013")
    }

    func testSupplierAndLeadTimeAreMasterData() throws {
        let w = try warehouse()
        XCTAssertEqual(try w.changeItem("NUT", ItemChanges(supplier: "  Mutterhuset ", leadTimeDays: .some(5))), ["supplier", "lead time"])
        XCTAssertEqual(try w.item("NUT").supplier, "Mutterhuset", "trimmed")
        XCTAssertEqual(try w.item("NUT").leadTimeDays, 5)
        XCTAssertEqual(try w.changeItem("NUT", ItemChanges(name: "Nut M8")), [], "nil keeps every field; the same name changes nothing")
        XCTAssertEqual(try w.changeItem("NUT", ItemChanges(leadTimeDays: .some(nil))), ["lead time"])
        XCTAssertNil(try w.item("NUT").leadTimeDays)
        assertRefused(.invalidInput, "lead time must be 0 to 3650 days, not -1") { _ = try w.changeItem("NUT", ItemChanges(leadTimeDays: -1)) }
        assertRefused(.invalidInput, "supplier contains a line break") { _ = try w.changeItem("NUT", ItemChanges(supplier: "A\nB")) }
        assertRefused(.notFound, "unknown SKU GONE") { _ = try w.changeItem("GONE", ItemChanges(supplier: "S")) }
        XCTAssertEqual(try w.item("NUT").supplier, "Mutterhuset", "a refusal changes nothing")
        var item = try w.item("BOLT")
        item.leadTimeDays = 21
        XCTAssertEqual(try w.updateItem(item), ["lead time"])
        XCTAssertEqual(try w.item("BOLT").leadTimeDays, 21)
    }
}
