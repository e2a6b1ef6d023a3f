import BackorderCore
import XCTest

/// The core's refusals, consequences and explanations come from catalogues and read in the reader's language.
final class RuleTextTests: XCTestCase {
    func testTheCoreCataloguesAreComplete() {
        XCTAssertEqual(Catalogue.problems(RuleText.self), [])
        XCTAssertEqual(Catalogue.problems(FieldText.self), [])
        XCTAssertEqual(Catalogue.problems(ConsequenceText.self), [])
        XCTAssertEqual(Catalogue.problems(ExplanationText.self), [])
    }

    func testAValidateRefusalNamesTheFieldInTheReadersLanguage() {
        XCTAssertThrowsError(try Validate.positive(0, LocalText.t(FieldText.quantityOfLine, Plain(2)))) { error in
            let e = error as! BackorderError
            XCTAssertEqual(e.message(.en), "quantity of line 2 must be a positive whole number, not 0")
            XCTAssertEqual(e.message(.nb), "antall på linje 2 må være et positivt heltall, ikke 0")
        }
        XCTAssertThrowsError(try Validate.parseQuantity("12a", LocalText.t(FieldText.quantity))) { error in
            XCTAssertEqual((error as! BackorderError).message(.nb), "antall «12a» er ikke et heltall")
        }
        XCTAssertThrowsError(try Validate.positive(2_000_000_000, "quantity")) { error in
            XCTAssertEqual((error as! BackorderError).message(.nb), "quantity 2000000000 er større enn 1\u{00A0}000\u{00A0}000\u{00A0}000")
        }
    }

    func testAShipCompleteRefusalAgreesWithItsCount() {
        let line = OrderLine(id: 1, lineNo: 1, sku: "A", itemName: "", quantities: LineQuantities(ordered: 3, allocated: 1, picked: 2))
        XCTAssertThrowsError(try Rules.planShipment(policy: .complete, lines: [line], override: false)) { error in
            let e = error as! BackorderError
            XCTAssertTrue(e.message(.nb).hasPrefix("ordren skal sendes komplett, og 1 enhet ville bli igjen"), e.message(.nb))
            XCTAssertTrue(e.message(.en).hasPrefix("the order is ship-complete and 1 unit(s) would stay behind"), e.message(.en))
        }
    }

    func testAPromiseAndAChangeReadInNorwegian() {
        let p = OrderPreview.Line(lineNo: 1, sku: "A", itemName: "", quantity: 100, fromStock: 70, backordered: 30,
                                  promised: Day(iso: "2026-12-13"), arrival: "PO-4505/1")
        XCTAssertEqual(p.promise(.nb), "70 fra lager, 30 i restordre, lovet 13.12.2026 (PO-4505/1)")
        XCTAssertEqual(p.promise(.en), "70 from stock, 30 on backorder, promised 2026-12-13 (PO-4505/1)")
        XCTAssertEqual(Consequences.change(LineQuantities(ordered: 5, allocated: 5), LineQuantities(ordered: 5, backordered: 5), .nb),
                       "reservert 5 → 0, i restordre 0 → 5")
    }

    func testAnExplanationReadsInNorwegianWithNorwegianDates() throws {
        let today = Day(iso: "2026-11-25")!
        let waiting = [WaitingLine(lineId: 1, orderNumber: "SO-1", lineNo: 1, priority: 5, orderDate: today, backordered: 4)]
        let arrivals = [Arrival(id: 1, supplier: "Acme", poNumber: "PO-1", poLine: 1, sku: "A", quantity: 10, received: 0,
                                eta: today.adding(days: 5), closedAt: nil)]
        let e = try XCTUnwrap(Rules.explainDate(lineId: 1, waiting: waiting, arrivals: arrivals, donors: [], sku: "A", today: today))
        let nb = e.describe(.nb, today: today)
        XCTAssertEqual(nb[0], "SO-1 linje 1: 4 × A venter · prioritet 5 · bestilt 25.11.2026")
        XCTAssertEqual(nb[1], "Lovet 30.11.2026: PO-1/1 dekker den siste enheten.")
        XCTAssertEqual(e.describe(.en, today: today)[1], "Promised 2026-11-30: PO-1/1 covers its last unit.")
    }
}

extension RuleTextTests {
    func testNamesInsideMessagesAreWorded() {
        XCTAssertEqual(Catalogue.problems(NameText.self), [])
        XCTAssertEqual(Catalogue.problems(ItemFieldText.self), [])
        XCTAssertEqual(Catalogue.problems(ScriptText.self), [])
        XCTAssertEqual(ItemFieldText.named("lead time").text(.nb), "leveringstid")
        XCTAssertEqual(ItemFieldText.named("colour").text(.nb), "colour")
        XCTAssertThrowsError(try ListSortKey.named("colour", in: .orders)) { error in
            let e = error as! BackorderError
            XCTAssertTrue(e.message(.en).hasPrefix("unknown sort column \"colour\" for the orders list: use one of number, date"), e.message(.en))
            XCTAssertTrue(e.message(.nb).hasPrefix("ukjent sorteringskolonne «colour» for ordrelisten: bruk en av number, date"), e.message(.nb))
        }
    }
}
