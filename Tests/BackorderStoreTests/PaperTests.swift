import BackorderCore
import BackorderStore
import XCTest

/// Pick lists and delivery notes read from a real warehouse and written in both languages.
final class PaperTests: XCTestCase {
    /// Ålesund kommune's SO-1: two lines shipped in two shipments, one in stock, one waiting for two arrivals, one for
    /// nothing planned; SO-2 for another customer shares a bin with it.
    func makePaperWarehouse() throws -> Warehouse {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "FS-1001", name: "Treskrue 4,5×40 Torx, 200 stk, forsinket i tolleren hos speditøren", unit: "pk", bin: "A-10-1",
                           onHand: 50), ctx: ctx(-60))
        try w.addItem(Item(sku: "FS-1002", name: "Mutter M8 fz", unit: "pk", bin: "A-2-1", onHand: 30), ctx: ctx(-60))
        try w.addItem(Item(sku: "HV-2001", name: "Skrutrekker æøå", unit: "stk", onHand: 10), ctx: ctx(-60))
        try w.addItem(Item(sku: "EL-3001", name: "Kabel 漢字", unit: "m", bin: "B-01", onHand: 0), ctx: ctx(-60))
        try w.addItem(Item(sku: "EL-3002", name: "Lampe \u{1B}[31m", unit: "stk", bin: "B-02", onHand: 0), ctx: ctx(-60))
        try w.addCustomer(Customer(code: "C1", name: "Ålesund kommune"))
        try w.addCustomer(Customer(code: "C2", name: "Øst-Agder Kjemi"))
        try w.addArrival(NewArrival(supplier: "Kabelfabrikken", poNumber: "PO-1", sku: "EL-3001", quantity: 10, eta: testToday.adding(days: 7)),
                         ctx: ctx(-20))
        try w.addArrival(NewArrival(supplier: "Kabelfabrikken", poNumber: "PO-2", sku: "EL-3001", quantity: 20, eta: testToday.adding(days: 21)),
                         ctx: ctx(-20))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", orderDate: testToday.adding(days: -10), priority: 3, lines: [
            NewOrderLine(sku: "FS-1001", quantity: 20), NewOrderLine(sku: "FS-1002", quantity: 12), NewOrderLine(sku: "HV-2001", quantity: 3),
            NewOrderLine(sku: "EL-3001", quantity: 25), NewOrderLine(sku: "EL-3002", quantity: 4)]), ctx: ctx(-10))
        _ = try w.createOrder(NewOrder(number: "SO-2", customer: "C2", lines: [NewOrderLine(sku: "FS-1001", quantity: 5)]), ctx: ctx(-9))
        return w
    }

    func testThePickListWalksTheBinsAndShowsWhatIsAllocated() throws {
        let w = try makePaperWarehouse()
        let list = try w.pickList(orders: ["SO-2", "SO-1", "SO-2"])
        XCTAssertEqual(list.orders.map(\.number), ["SO-2", "SO-1"], "each order once, in the order asked")
        XCTAssertEqual(list.lines.map { "\($0.bin) \($0.sku) \($0.quantity) \($0.orderNumber)/\($0.lineNo)" }, [
            "A-2-1 FS-1002 12 SO-1/2", "A-10-1 FS-1001 20 SO-1/1", "A-10-1 FS-1001 5 SO-2/1", " HV-2001 3 SO-1/3",
        ], "A-2 before A-10, a line without a bin last, backordered lines not at all")
        XCTAssertEqual(list.units, 40)

        let en = PaperLayout.pickList(list, warehouse: "Nordisk Jernvare", today: testToday, .en)
        let nb = PaperLayout.pickList(list, warehouse: "Nordisk Jernvare", today: testToday, .nb)
        for (text, words) in [(en, ["PICK LIST", "Date:", "2026-11-25", "Orders:", "Bin", "SKU", "Qty", "Unit", "Order/line", "(none)",
                                    "4 lines, 40 units to pick", "Picked by:", "Ålesund kommune (C1)", "ordered 2026-11-15, priority 3", "SO-2  Øst-Agder Kjemi (C2), ordered 2026-11-16\n"]),
                              (nb, ["PLUKKLISTE", "Dato:", "25.11.2026", "Ordrer:", "Lokasjon", "Varenr.", "Antall", "Enhet", "Ordre/linje",
                                    "(ingen)", "4 linjer, 40 enheter å plukke", "Plukket av:", "Øst-Agder Kjemi (C2)", "bestilt 15.11.2026, prioritet 3"])] {
            for word in words { XCTAssertTrue(text.contains(word), "«\(word)» missing in:\n\(text)") }
            assertFits(text)
            XCTAssertTrue(text.hasPrefix(en == text ? "PICK LIST" : "PLUKKLISTE"))
            XCTAssertTrue(text.split(separator: "\n").first!.hasSuffix("Nordisk Jernvare"), "the warehouse on the title line")
        }
        // The rows in walking order, each with its order and line.
        let rows = nb.split(separator: "\n").filter { $0.contains("SO-") && $0.contains("______") }.map(String.init)
        XCTAssertEqual(rows.count, 4, nb)
        XCTAssertTrue(rows[0].hasPrefix("A-2-1") && rows[0].contains("FS-1002") && rows[0].contains(" 12 ") && rows[0].contains("SO-1/2"), rows[0])
        XCTAssertTrue(rows[1].hasPrefix("A-10-1") && rows[1].contains(" 20 ") && rows[1].contains("SO-1/1"), rows[1])
        XCTAssertTrue(rows[2].contains(" 5 ") && rows[2].contains("SO-2/1"), rows[2])
        XCTAssertTrue(rows[3].hasPrefix("(ingen)") && rows[3].contains("Skrutrekker æøå"), rows[3])
        XCTAssertTrue(nb.contains("speditøren"), "a long name wraps inside its column instead of being cut:\n\(nb)")
    }

    func testADeliveryNoteSaysWhatShipsWhatCameBeforeAndWhatIsStillToCome() throws {
        let w = try makePaperWarehouse()
        try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 20)], ctx: ctx(-3))
        let first = try w.ship(order: "SO-1", override: false, expectedVersion: nil, ctx: ctx(-3))
        try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 2, picked: 12)], ctx: ctx(0))
        let second = try w.ship(order: "SO-1", override: false, expectedVersion: nil, ctx: ctx(0))

        let note = try w.deliveryNote(shipment: nil, order: "SO-1", today: testToday)
        XCTAssertEqual(note.shipment.number, second.number, "the order's latest shipment")
        XCTAssertEqual(note.sequence, 2)
        XCTAssertEqual(note.shipment.lines.map { "\($0.sku) \($0.quantity) \($0.unit)" }, ["FS-1002 12 pk"])
        XCTAssertEqual(note.earlier.map(\.number), [first.number])
        XCTAssertEqual(note.earlier.first?.lines.map(\.quantity), [20])
        XCTAssertEqual(note.later, [])
        XCTAssertEqual(note.outstanding.map(\.sku), ["HV-2001", "EL-3001", "EL-3002"])
        XCTAssertEqual(note.outstanding[0].parts, [DeliveryNote.Part(quantity: 3, inStock: true)])
        XCTAssertEqual(note.outstanding[1].parts, [DeliveryNote.Part(quantity: 10, expected: testToday.adding(days: 7)),
                                                   DeliveryNote.Part(quantity: 15, expected: testToday.adding(days: 21))],
                       "a line split across two arrivals: both parts with their days")
        XCTAssertEqual(note.outstanding[2].parts, [DeliveryNote.Part(quantity: 4)], "nothing planned: no date")
        XCTAssertNil(note.customerLanguage, "until customers keep a language")
        XCTAssertEqual(note.readerLanguage(fallback: .en), .en)
        var norwegianCustomer = note
        norwegianCustomer.customerLanguage = .nb
        XCTAssertEqual(norwegianCustomer.readerLanguage(fallback: .en), .nb, "the customer's language wins over the clerk's")

        let en = PaperLayout.deliveryNote(note, warehouse: "Nordisk Jernvare", today: testToday, .en)
        let nb = PaperLayout.deliveryNote(note, warehouse: "Nordisk Jernvare", today: testToday, Localizer(note.readerLanguage(fallback: .nb)))
        for (text, words) in [
            (en, ["DELIVERY NOTE", "Customer:", "Ålesund kommune (C1)", "SO-1, ordered 2026-11-15", "\(second.number), shipped 2026-11-25 (shipment 2 of this order)",
                  "In this shipment", "Delivered before", first.number, "2026-11-22", "On backorder and still to come (as of 2026-11-25)",
                  "in stock, ships soon", "2026-12-02", "2026-12-16", "no date yet", "Received by:", "Kabel 漢字", "Lampe ^[[31m"]),
            (nb, ["FØLGESEDDEL", "Kunde:", "Ålesund kommune (C1)", "SO-1, bestilt 15.11.2026", "\(second.number), sendt 25.11.2026 (forsendelse 2 på denne ordren)",
                  "I denne forsendelsen", "Levert tidligere", first.number, "22.11.2026", "I restordre og utestående (per 25.11.2026)",
                  "på lager, sendes snart", "02.12.2026", "16.12.2026", "ingen dato ennå", "Mottatt av:", "Oppgi ordrenummer SO-1"]),
        ] {
            for word in words { XCTAssertTrue(text.contains(word), "«\(word)» missing in:\n\(text)") }
            XCTAssertFalse(text.contains("\u{1B}"), "no escape reaches the printer")
            assertFits(text)
        }
        // The sections in the order a customer reads them, each quantity on its own row.
        let lines = nb.split(separator: "\n").map(String.init)
        let at = { (s: String) in lines.firstIndex { $0.hasPrefix(s) } ?? -1 }
        XCTAssertTrue(at("I denne forsendelsen") < at("Levert tidligere") && at("Levert tidligere") < at("I restordre"), nb)
        XCTAssertTrue(lines.contains { $0.contains("EL-3001") && $0.contains(" 10 ") && $0.hasSuffix("02.12.2026") }, nb)
        XCTAssertTrue(lines.contains { !$0.contains("EL-3001") && $0.contains(" 15 ") && $0.hasSuffix("16.12.2026") }, nb)
        XCTAssertTrue(lines.contains { $0.contains("EL-3002") && $0.contains(" 4 ") && $0.hasSuffix("ingen dato ennå") }, nb)
        XCTAssertTrue(lines.contains { $0.contains(first.number) && $0.contains("FS-1001") && $0.contains(" 20 ") }, nb)

        // An earlier shipment's note: nothing before it, the later one named; an arrival past due reads as delayed.
        let old = try w.deliveryNote(shipment: first.number, order: nil, today: testToday)
        XCTAssertEqual(old.sequence, 1)
        XCTAssertEqual(old.later.map(\.number), [second.number])
        let oldText = PaperLayout.deliveryNote(old, warehouse: "x", today: testToday.adding(days: 10), .en)
        XCTAssertTrue(oldText.contains("Nothing delivered before: this is the first shipment."), oldText)
        XCTAssertTrue(oldText.contains("Shipped after this one"), oldText)
        XCTAssertTrue(oldText.contains("2026-12-02 (delayed)"), oldText)
    }

    func testPapersThatCannotBeMadeSaySo() throws {
        let w = try makePaperWarehouse()
        assertRefused(.refused, "has not shipped anything yet") { _ = try w.deliveryNote(shipment: nil, order: "SO-2", today: testToday) }
        assertRefused(.notFound, "no shipment SH-404") { _ = try w.deliveryNote(shipment: "SH-404", order: nil, today: testToday) }
        assertRefused(.notFound, "no order SO-404") { _ = try w.pickList(orders: ["SO-1", "SO-404"]) }
        try w.pick(order: "SO-1", entries: nil, ctx: ctx())
        let s = try w.ship(order: "SO-1", override: false, expectedVersion: nil, ctx: ctx())
        assertRefused(.refused, "belongs to order SO-1, not SO-2") { _ = try w.deliveryNote(shipment: s.number, order: "SO-2", today: testToday) }
        let picked = try w.pickList(orders: ["SO-1"])
        XCTAssertEqual(picked.lines, [], "everything allocated was picked and shipped")
        XCTAssertTrue(PaperLayout.pickList(picked, warehouse: "x", today: testToday, .nb).contains("Ingenting å plukke"))
    }

    func testThePaperCatalogueIsCompleteInBothLanguages() {
        XCTAssertEqual(Catalogue.problems(PaperText.self), [])
    }

    func testThePrintCommandIsLpUnlessTheSiteSaysOtherwise() {
        let lp = PrintCommand.resolve(environment: [:], printer: "Lager 1")
        XCTAssertEqual(lp.shown, "lp -d Lager 1")
        XCTAssertEqual(lp.arguments, ["-c", "lp \"$@\"", "backorders-print", "-d", "Lager 1"])
        let lpr = PrintCommand.resolve(environment: ["BACKORDERS_PRINT": " lpr -P office "], printer: nil)
        XCTAssertEqual(lpr.shown, "lpr -P office")
        XCTAssertEqual(lpr.executable, "/bin/sh")
    }

    /// Every line fits an A4 page or an 80-column terminal with a border.
    func assertFits(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for l in text.split(separator: "\n") where l.count > PaperLayout.width {
            XCTFail("a line wider than \(PaperLayout.width) columns: \(l)", file: file, line: line)
        }
    }
}
