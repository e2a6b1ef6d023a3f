import BackorderCore
import Foundation
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// An import on the server does what it does on a file: the same summary, the same refusals (and then nothing
/// changed, not even the next order's number), the same rows.
extension SameOperationsTests {
    func sameImport(_ what: String, _ records: ImportRecords, dryRun: Bool = false, line: UInt = #line) -> ImportSummary? {
        let ctx = self.ctx
        let batch = ImportBatch(file: "\(what).csv", records: records, headers: ["sku": "Varenr"])
        return same(what, { try ($0 as! any ImportService).apply(batch, dryRun: dryRun, ctx: ctx, tr: Localizer(.en)) }, line: line)
    }

    func testImportsAreTheSame() throws {
        let ctx = self.ctx
        let customers = ImportRecords.customers([
            Located(line: 2, value: Customer(code: "FJORD", name: "Fjord Bygg AS", language: .nb)),
            Located(line: 3, value: Customer(code: "NIHON", name: "Nihon Kogu KK", email: "buyer@nihon.example.jp")),
        ])
        XCTAssertEqual(sameImport("customers", customers)?.created, 1)
        XCTAssertEqual(sameImport("customers again", customers)?.changesNothing, true)
        let items = ImportRecords.items([
            Located(line: 2, value: ImportedItem(sku: "IMP-1", name: "Importert vare", stock: 4, supplier: "Acme")),
            Located(line: 3, value: ImportedItem(sku: "HT-3007", name: "Renamed in the file", bin: "Q-1")),
        ])
        let i = sameImport("items", items)
        XCTAssertEqual([i?.created, i?.updated], [1, 1])
        // Orders: one new (with a note), one for an unknown SKU and one for a customer nobody has: the whole file refused.
        let order = ImportedOrder(order: NewOrder(number: "WEB-1", customer: "FJORD", lines: [NewOrderLine(sku: "IMP-1", quantity: 6),
                                                                                               NewOrderLine(sku: "HT-3007", quantity: 2)]),
                                  fileLines: [2, 3], dateGiven: false, note: "PO 77")
        let unknownSKU = ImportedOrder(order: NewOrder(number: "WEB-2", customer: "FJORD", lines: [NewOrderLine(sku: "NOPE", quantity: 1)]),
                                       fileLines: [4], dateGiven: false)
        let unknownCustomer = ImportedOrder(order: NewOrder(number: "WEB-3", customer: "Fjord Byg", lines: [NewOrderLine(sku: "IMP-1", quantity: 1)]),
                                            fileLines: [5], dateGiven: false)
        let refused = sameImport("refused orders", .orders([order, unknownSKU, unknownCustomer]))
        XCTAssertEqual(refused?.problemCount, 2)
        XCTAssertEqual(refused?.problems.first?.column, "Varenr", "problems name the file's own column")
        XCTAssertEqual(sameImport("dry run", .orders([order]), dryRun: true)?.created, 1)
        try assertSameTables()
        XCTAssertEqual(sameImport("orders", .orders([order]))?.created, 1)
        XCTAssertEqual(sameImport("orders again", .orders([order]))?.unchanged, 1)
        var changed = order
        changed.note = "PO 78"
        XCTAssertEqual(sameImport("order with another note", .orders([changed]))?.refused, true)
        // Counts: the found units go to the new order's waiting line; a count below what is held refuses the file.
        let counts = sameImport("counts", .stock([Located(line: 2, value: StockCount(sku: "IMP-1", counted: 9))]))
        XCTAssertEqual(counts?.updated, 1)
        XCTAssertEqual(sameImport("count too low", .stock([Located(line: 2, value: StockCount(sku: "IMP-1", counted: 0))]))?.refused, true)
        // Arrivals: a new one; the same key with another quantity is refused.
        let eta = Day(iso: "2026-12-15")!
        XCTAssertEqual(sameImport("arrivals", .arrivals([Located(line: 2, value: NewArrival(supplier: "Acme", poNumber: "PO-IMP", sku: "IMP-1",
                                                                                                quantity: 10, eta: eta))]))?.created, 1)
        XCTAssertEqual(sameImport("arrival differs", .arrivals([Located(line: 2, value: NewArrival(supplier: "Acme", poNumber: "PO-IMP", sku: "IMP-1",
                                                                                                       quantity: 11, eta: eta))]))?.refused, true)
        // Nothing refused moved an id: the next order gets the same number on both.
        XCTAssertNotNil(same("next order") { try $0.createOrder(NewOrder(customer: "FJORD", lines: [NewOrderLine(sku: "IMP-1", quantity: 1)]),
                                                                ctx: ctx).order.number })
        try assertSameTables()
        let note = try PostgresTestCase.text(server.bridge, "SELECT note FROM orders WHERE number = 'WEB-1'")
        XCTAssertEqual(note, "PO 77")
    }

    func testTheImportCatalogueIsComplete() {
        XCTAssertEqual(Catalogue.problems(ServerCommandsText.self), [])
    }
}

extension PostgresTestCase {
    /// The first row's first value of `sql` as text, on any bridge.
    static func text(_ b: PostgresBridge, _ sql: String) throws -> String {
        try b.run { c in try await c.query(PostgresQueryText.make(sql), logger: PostgresBridge.quiet).collect().first?.decode(String?.self) ?? "" }
    }
}
