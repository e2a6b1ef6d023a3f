import BackorderCore
@testable import BackorderStore
import Foundation
import XCTest

/// The store's refusals, summaries and data-file messages are worded in the reader's language.
final class LocalizedMessageTests: XCTestCase {
    func testTheStoreCataloguesAreComplete() {
        XCTAssertEqual(Catalogue.problems(StoreText.self), [])
        XCTAssertEqual(Catalogue.problems(DataFileText.self), [])
    }

    private func refusal(_ body: () throws -> Void) -> BackorderError? {
        do { try body(); return nil } catch { return error as? BackorderError }
    }

    private func order(_ w: Warehouse) throws {
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 20)]), ctx: ctx())
        try w.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 10)], ctx: ctx())
    }

    func testCancellingPickedUnitsIsRefusedInNorwegianAndInEnglish() throws {
        let w = try makeWarehouse()
        try order(w)
        let e = try XCTUnwrap(refusal { try w.cancel(order: "SO-1", lineNo: 1, reason: "kunden angret", ctx: ctx()) })
        XCTAssertEqual(e.kind, .refused)
        XCTAssertEqual(e.message(.en), "line 1 (BOLT) has 10 unit(s) picked: put them back first (put-back), ship them, or cancel only the backordered units")
        XCTAssertEqual(e.message(.nb), "linje 1 (BOLT) har 10 enheter plukket: legg dem tilbake først (put-back), send dem, "
                       + "eller kanseller bare enhetene i restordre")
    }

    func testAmendingBelowWhatIsPickedIsRefusedInNorwegianAndInEnglish() throws {
        let w = try makeWarehouse()
        try order(w)
        let e = try XCTUnwrap(refusal { try w.amendLine(order: "SO-1", lineNo: 1, quantity: 5, reason: "feil antall", ctx: ctx()) })
        XCTAssertEqual(e.message(.en), "line 1 (BOLT): 10 picked, 0 shipped and 0 cancelled make 10; the quantity cannot go below that "
                       + "(put back picked units first)")
        XCTAssertTrue(e.message(.nb).hasPrefix("linje 1 (BOLT): 10 plukket, 0 sendt og 0 kansellert gir 10; antallet kan ikke bli lavere"),
                      e.message(.nb))
    }

    func testAFieldNameAndANumberAreWordedForTheReader() throws {
        let w = try makeWarehouse()
        let e = try XCTUnwrap(refusal {
            try w.createOrder(NewOrder(number: "SO-2", customer: "C1", lines: [.init(sku: "BOLT", quantity: 0)]), ctx: ctx())
        })
        XCTAssertEqual(e.message(.en), "quantity of line 1 (BOLT) must be a positive whole number, not 0")
        XCTAssertEqual(e.message(.nb), "antall på linje 1 (BOLT) må være et positivt heltall, ikke 0")
        let unknown = try XCTUnwrap(refusal { _ = try w.item("NOPE") })
        XCTAssertEqual(unknown.message(.nb), "ukjent varenummer NOPE")
    }

    func testACorrectionsSummaryAndConsequencesReadInEitherLanguage() throws {
        let w = try makeWarehouse(stock: ["BOLT": 10])
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [.init(sku: "BOLT", quantity: 10)]), ctx: ctx())
        try w.createOrder(NewOrder(number: "SO-2", customer: "C2", lines: [.init(sku: "BOLT", quantity: 4)]), ctx: ctx())
        let r = try w.cancel(order: "SO-1", lineNo: nil, reason: "x", preview: true, ctx: ctx())
        XCTAssertEqual(r.summaryText.text(.en), "cancelled 10 unit(s) on SO-1")
        XCTAssertEqual(r.summaryText.text(.nb), "kansellerte 10 enheter på SO-1")
        XCTAssertEqual(r.summary, r.summaryText.text(.process))
        let nb = r.consequences.describe(.nb)
        XCTAssertTrue(nb.contains("• SO-1/1 BOLT (Customer C1): reservert 10 → 0, kansellert 0 → 10"), nb.joined(separator: "\n"))
        XCTAssertTrue(r.consequences.describe(.en).contains("• SO-1/1 BOLT (Customer C1): allocated 10 → 0, cancelled 0 → 10"))
        XCTAssertEqual(r.consequences.describe(), r.consequences.describe(.process))
    }

    func testAFileThatIsNoDataFileIsSaidInNorwegian() throws {
        let path = temporaryPath("notes.sqlite")
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        let e = try XCTUnwrap(refusal { _ = try Warehouse.open(path: path, mode: .readWrite) })
        XCTAssertEqual(e.kind, .dataFile)
        XCTAssertTrue(e.message(.en).hasSuffix("is not a backorders data file (not an SQLite database at all: damaged, or another kind of file)"))
        XCTAssertTrue(e.message(.nb).hasSuffix("er ikke en datafil for backorders (ikke en SQLite-database i det hele tatt: skadet, eller en annen type fil)"),
                      e.message(.nb))
        let missing = try XCTUnwrap(refusal { _ = try Warehouse.open(path: path + ".gone", mode: .readWrite) })
        XCTAssertTrue(missing.message(.nb).hasPrefix("ingen datafil i "), missing.message(.nb))
    }
}
