import BackorderCore
import Foundation
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// The journal of customers' details on the server is the file's: the same rows from additions, changes and imports,
/// read back the same, copied across unchanged.
extension SameOperationsTests {
    func testCustomerChangesAreJournaledTheSame() throws {
        let ctx = self.ctx
        let before = try file.tableDigests()["customer_change"]?.rows ?? 0
        let later = Context(actor: "ola", now: Timestamp(unixTime: ctx.now.unixTime + 600), today: ctx.today)
        sameMasterData("add") { try $0.addCustomer(Customer(code: "FJORD", name: "Fjord Bygg AS", language: .nb), ctx: ctx); return true }
        same("change") { try $0.changeCustomer("FJORD", CustomerChanges(language: .some(nil), email: "innkjop@fjord.example.no",
                                                                         contact: "Kari"), ctx: later) }
        same("unchanged") { try $0.changeCustomer("FJORD", CustomerChanges(contact: "Kari"), ctx: later) }
        refusedByBoth("bad address", .invalidInput) { try $0.changeCustomer("FJORD", CustomerChanges(email: "x at y"), ctx: later) }
        let batch = ImportBatch(file: "c.csv", records: .customers([
            Located(line: 2, value: Customer(code: "FJORD", name: "Fjord Bygg og Anlegg AS", email: "post@fjord.example.no")),
            Located(line: 3, value: Customer(code: "NORD", name: "Nordlys AS")),
        ]))
        same("import") { try ($0 as! any ImportService).apply(batch, dryRun: false, ctx: later, tr: Localizer(.en)) }
        let history = same("history") { try $0.customerHistory("FJORD", limit: 20) }
        XCTAssertEqual(history?.map(\.field), ["email", "name", "contact", "email", "language", "created"])
        XCTAssertEqual(history?.first, CustomerChange(at: later.now, actor: "ola", customer: "FJORD", field: "email",
                                                      from: "innkjop@fjord.example.no", to: "post@fjord.example.no"))
        XCTAssertEqual(same("imported customer") { try $0.customerHistory("NORD", limit: 20) }?.map(\.field), ["created"])
        XCTAssertEqual(same("limit") { try $0.customerHistory("FJORD", limit: 2) }?.count, 2)
        refusedByBoth("unknown customer", .notFound) { try $0.customerHistory("NOBODY", limit: 5) }
        refusedByBoth("no rows asked", .invalidInput) { try $0.customerHistory("FJORD", limit: 0) }
        try assertSameTables()
        XCTAssertEqual(try file.tableDigests()["customer_change"]?.rows, before + 7, "the sample's customers, then the seven rows here")
    }
}
