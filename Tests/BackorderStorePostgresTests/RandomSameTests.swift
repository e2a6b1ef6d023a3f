import BackorderCore
import Foundation
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// The model test's idea on both engines: random sequences of every operation and exception (stock counts and new
/// items too), drawn from the sample
/// warehouse, done on the file (which the model test holds to the reference model) and on the server with the same
/// context. Every step gives the same result or the same refusal, and the two warehouses stay identical table by table;
/// at the end the server's own `check` finds nothing. `BACKORDERS_PG_RANDOM_RUNS` / `_STEPS` run more.
extension SameOperationsTests {
    func testRandomSequencesGiveTheSameWarehouseOnBothEngines() throws {
        let env = ProcessInfo.processInfo.environment
        let runs = Int(env["BACKORDERS_PG_RANDOM_RUNS"] ?? "") ?? 2
        let steps = Int(env["BACKORDERS_PG_RANDOM_STEPS"] ?? "") ?? 60
        let base = UInt64(env["BACKORDERS_PG_RANDOM_SEED"] ?? "") ?? 20_261_207
        for run in 0..<runs {
            if run > 0 { try tearDownWithError(); try setUpWithError() }
            try randomSequence(seed: base + UInt64(run), steps: steps)
        }
    }

    func randomSequence(seed: UInt64, steps: Int) throws {
        var rng = SeededRandom(seed: seed)
        let skus = try file.stock(Page(limit: 1_000)).map(\.sku)
        let customers = try file.customers().map(\.code)
        var done = 0, refused = 0
        for step in 1...steps {
            let ctx = Context(actor: "random", now: Timestamp(unixTime: self.ctx.now.unixTime + Int64(step) * 60), today: self.ctx.today)
            let orders = try file.openOrders(Page(limit: 1_000)).map(\.number)
            let order = orders.isEmpty ? "SO-404404" : orders[rng.below(orders.count)]
            let arrivals = try file.openArrivals(Page(limit: 1_000), today: ctx.today).map(\.arrival.reference)
            let sku = skus[rng.below(skus.count)]
            let line = rng.int(1...3), qty = rng.int(0...12)
            let what: String
            let ok: Bool
            switch rng.below(19) {
            case 0, 1:
                let lines = (0..<rng.int(1...3)).map { _ in NewOrderLine(sku: rng.below(12) == 0 ? "NO-SUCH" : skus[rng.below(skus.count)], quantity: rng.int(1...15)) }
                let new = NewOrder(customer: customers[rng.below(customers.count)], priority: rng.int(1...9), policy: rng.below(5) == 0 ? .complete : .partial, lines: lines)
                what = "order \(lines)"
                ok = same(what, { try $0.createOrder(new, ctx: ctx) }) != nil
            case 2, 3:
                // Drawn once, outside the closure: it runs on each engine.
                let entries: [PickEntry]? = rng.below(3) == 0 ? [PickEntry(lineNo: line, picked: qty / 3, missing: qty % 2)] : nil
                what = "pick \(order) \(entries.map { "\($0)" } ?? "all")"
                ok = same(what, { try $0.pick(order: order, entries: entries, expectedVersion: nil, ctx: ctx) }) != nil
            case 4:
                let override = rng.below(2) == 0
                what = "ship \(order)"
                ok = same(what, { try $0.ship(order: order, override: override, expectedVersion: nil, ctx: ctx) }) != nil
            case 5:
                let target: String? = arrivals.isEmpty || rng.below(3) == 0 ? nil : arrivals[rng.below(arrivals.count)]
                what = "receive \(target ?? sku) \(qty)"
                ok = same(what, { try $0.receive(arrival: target, sku: target == nil ? sku : nil, quantity: qty, note: "", ctx: ctx) }) != nil
            case 6:
                guard !arrivals.isEmpty else { continue }
                let a = arrivals[rng.below(arrivals.count)], day = ctx.today.adding(days: rng.int(-3...20))
                what = "eta \(a) \(day.iso)"
                ok = same(what, { try $0.changeETA(arrival: a, to: day, reason: "leverandør", ctx: ctx); return true }) != nil
            case 7:
                let scope: CancelScope = rng.below(2) == 0 ? .open : .backordered
                let one: Int? = rng.below(2) == 0 ? nil : line
                what = "cancel \(order)/\(one.map(String.init) ?? "all")"
                ok = same(what, { try $0.cancel(order: order, lineNo: one, scope: scope, reason: "kunden", expectedVersion: nil, preview: false, ctx: ctx) }) != nil
            case 8:
                what = "put back \(order)"
                ok = same(what, { try $0.putBack(order: order, entries: nil, reason: "feil", expectedVersion: nil, preview: false, ctx: ctx) }) != nil
            case 9:
                let p = rng.int(1...9)
                what = "priority \(order) \(p)"
                ok = same(what, { try $0.changeOrder(order, OrderChanges(priority: p), reason: "ringte", expectedVersion: nil, preview: false, ctx: ctx) }) != nil
            case 10:
                what = "reallocate to \(order)/\(line)"
                ok = same(what, { try $0.reallocate(to: order, lineNo: line, from: nil, quantity: nil, reason: "haster", expectedVersion: nil,
                                                   preview: false, ctx: ctx) }) != nil
            case 11:
                let preview = rng.below(4) == 0
                what = "expedite \(order) preview=\(preview)"
                ok = same(what, { try $0.expedite(order, reason: "haster", expectedVersion: nil, preview: preview, ctx: ctx) }) != nil
            case 12:
                what = "amend \(order)/\(line) \(qty)"
                ok = same(what, { try $0.amendLine(order: order, lineNo: line, quantity: qty, reason: "endret", expectedVersion: nil, preview: false, ctx: ctx) }) != nil
            case 13:
                what = "add line \(order) \(sku) \(qty)"
                ok = same(what, { try $0.addLine(order: order, sku: sku, quantity: qty, reason: "mer", expectedVersion: nil, preview: false, ctx: ctx) }) != nil
            case 14:
                let restock = rng.below(3) != 0
                what = "return \(order)/\(line) \(qty % 4)"
                ok = same(what, { try $0.returnUnits(order: order, lineNo: line, quantity: qty % 4, restock: restock, reason: "retur", preview: false, ctx: ctx) }) != nil
            case 15:
                let number = "RC-" + String(format: "%06d", rng.int(1...12))
                what = "reverse \(number)"
                ok = same(what, { try $0.reverseReceipt(number, reason: "feil PO", preview: false, ctx: ctx) }) != nil
            case 17:
                // A stock count: found units go to waiting lines, missing ones may be refused (both engines alike).
                let counted = rng.int(0...40)
                what = "count \(sku) \(counted)"
                ok = same(what, { try ($0 as! any MasterDataService).countStock(sku: sku, onHand: counted, reason: "telling", ctx: ctx) }) != nil
            case 18:
                // A new item, or (now and then) one whose SKU exists: refused on both.
                let new = rng.below(4) == 0 ? sku : "NY-\(step)"
                what = "item add \(new)"
                ok = same(what, { try ($0 as! any MasterDataService).addItem(Item(sku: new, name: "Ny vare \(step)", onHand: qty), ctx: ctx); return true }) != nil
            default:
                let eta = ctx.today.adding(days: rng.int(1...30))
                what = "purchase \(sku) \(qty)"
                ok = same(what, { try $0.purchase(PurchaseRequest(lines: [PurchaseLine(sku: sku, quantity: max(1, qty), supplier: "Leverandør AS", eta: eta)]),
                                                  preview: false, ctx: ctx) }) != nil
            }
            if ok { done += 1 } else { refused += 1 }
            if step % 20 == 0 { try assertSameTables() }
            if testRun?.failureCount ?? 0 > 0 { XCTFail("seed \(seed), step \(step): \(what)"); return }
        }
        try assertSameTables()
        XCTAssertEqual(try server.check(), [], "seed \(seed)")
        XCTAssertEqual(try file.check(), [], "seed \(seed)")
        // Both paths exercised, or the comparison proves little.
        XCTAssertGreaterThan(done, steps / 4, "seed \(seed): too few operations went through")
        XCTAssertGreaterThan(refused, steps / 20, "seed \(seed): too few refusals exercised")
    }
}
