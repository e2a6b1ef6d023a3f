import BackorderCore
import Foundation
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// Items, customers and stock counts on the server do what they do on a file: same results, same refusals, same rows.
extension SameOperationsTests {
    /// Runs a master-data operation on both warehouses through the protocol the command line uses.
    @discardableResult
    func sameMasterData<T: Equatable>(_ what: String, line: UInt = #line, _ op: @escaping (any MasterDataService) throws -> T) -> T? {
        same(what, { try op($0 as! any MasterDataService) }, line: line)
    }

    func refusedByBothMasterData(_ what: String, _ kind: BackorderError.Kind, line: UInt = #line, _ op: @escaping (any MasterDataService) throws -> Void) {
        refusedByBoth(what, kind, { try op($0 as! any MasterDataService); return true }, line: line)
    }

    func testItemsCustomersAndCountsAreTheSame() throws {
        let ctx = self.ctx
        // A new item with opening stock (journaled), one without, and the refusals.
        sameMasterData("item with stock") { try $0.addItem(Item(sku: "NEW-1", name: "Ny vare", bin: "Z-01", onHand: 12, supplier: " Acme "), ctx: ctx); return true }
        sameMasterData("item without stock") { try $0.addItem(Item(sku: "NEW-2", name: "Tom vare", leadTimeDays: 7), ctx: ctx); return true }
        refusedByBothMasterData("item twice", .refused) { try $0.addItem(Item(sku: "NEW-1", name: "Again"), ctx: ctx) }
        refusedByBothMasterData("bad SKU", .invalidInput) { try $0.addItem(Item(sku: "has space", name: "X"), ctx: ctx) }
        refusedByBothMasterData("negative stock", .invalidInput) { try $0.addItem(Item(sku: "NEW-3", name: "X", onHand: -1), ctx: ctx) }
        // Customers.
        sameMasterData("customer") { try $0.addCustomer(Customer(code: "FJORD", name: "Fjord Bygg AS", language: .nb, email: "innkjop@fjord.example"), ctx: ctx); return true }
        refusedByBothMasterData("customer twice", .refused) { try $0.addCustomer(Customer(code: "FJORD", name: "Another"), ctx: ctx) }
        refusedByBothMasterData("bad e-mail", .invalidInput) { try $0.addCustomer(Customer(code: "BAD", name: "Bad", email: "not an address"), ctx: ctx) }
        try assertSameTables()

        // A count that finds stock of an item whose lines wait: the units go to them in the queue's order, on both.
        let short = try file.stock(Page(offset: 0, limit: 500, filter: ""), onlyShort: false, sku: nil)
            .filter { $0.backordered > 1 && $0.onHand == $0.allocated + $0.picked }
        guard let waiting = short.first else { return XCTFail("the sample has an item whose lines wait and no free stock") }
        let found = sameMasterData("count up") {
            try $0.countStock(sku: waiting.sku, onHand: waiting.onHand + waiting.backordered - 1, reason: "stock count", ctx: ctx)
        }
        XCTAssertEqual(found?.reduce(0) { $0 + $1.quantity }, waiting.backordered - 1, "every unit found went to a waiting line")
        XCTAssertEqual(sameMasterData("count unchanged") { try $0.countStock(sku: waiting.sku, onHand: waiting.onHand + waiting.backordered - 1,
                                                                             reason: "again", ctx: ctx) }, [])
        let held = try file.item(waiting.sku)
        refusedByBothMasterData("count below held", .refused) {
            try $0.countStock(sku: waiting.sku, onHand: held.allocated + held.picked - 1, reason: "x", ctx: ctx)
        }
        refusedByBothMasterData("count unknown SKU", .notFound) { try $0.countStock(sku: "NOPE", onHand: 1, reason: "x", ctx: ctx) }
        refusedByBothMasterData("count without reason", .invalidInput) { try $0.countStock(sku: waiting.sku, onHand: 1, reason: "", ctx: ctx) }
        sameMasterData("count down") { try $0.countStock(sku: "NEW-1", onHand: 5, reason: "broken", ctx: ctx) }
        try assertSameTables()
    }
}
