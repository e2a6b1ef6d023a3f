import BackorderCore
@testable import BackorderStore
import Foundation
import GRDB
import XCTest

/// Thousands of random operation sequences against the real store, compared after every step with the reference model
/// and every invariant. A failure prints its seed; `BACKORDERS_MODEL_SEED=N` replays that one sequence.
final class ModelTests: XCTestCase {
    let skus = ["A", "B", "C", "D"]

    func testRandomSequencesMatchTheReferenceModel() throws {
        let env = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        if let one = env["BACKORDERS_MODEL_SEED"].flatMap(UInt64.init) {
            seeds = [one]
        } else {
            let runs = env["BACKORDERS_MODEL_RUNS"].flatMap(Int.init) ?? 2_000
            let base = env["BACKORDERS_MODEL_BASE"].flatMap(UInt64.init) ?? 20_261_125
            seeds = (0..<UInt64(runs)).map { base + $0 }
        }
        var operations = 0, refusals = 0
        for seed in seeds {
            let (ops, refused, failure) = try run(seed: seed, steps: 24)
            operations += ops; refusals += refused
            if let failure {
                XCTFail("seed \(seed): \(failure)\nreplay: BACKORDERS_MODEL_SEED=\(seed) swift test --filter ModelTests")
                return
            }
        }
        // The generator must exercise both paths, or the test proves little.
        XCTAssertGreaterThan(operations - refusals, operations / 3, "too few operations succeeded")
        XCTAssertGreaterThan(refusals, seeds.count / 10, "too few refusals exercised")
    }

    /// One sequence; returns (operations, refusals, first mismatch).
    func run(seed: UInt64, steps: Int) throws -> (Int, Int, String?) {
        var rng = SeededRandom(seed: seed)
        let w = try Warehouse.inMemory()
        var model = ReferenceWarehouse(onHand: [:])
        let start = Day(iso: "2026-11-01")!
        for sku in skus {
            let q = rng.int(0...12)
            try w.addItem(Item(sku: sku, name: sku, onHand: q), ctx: context(start, 0))
            model.onHand[sku] = q
        }
        try w.addCustomer(Customer(code: "C", name: "C"))
        for n in 1...3 {
            let sku = skus[rng.int(0...3)], qty = rng.int(1...15), eta = start.adding(days: rng.int(1...20))
            try w.addArrival(NewArrival(supplier: "S", poNumber: "PO\(n)", sku: sku, quantity: qty, eta: eta), ctx: context(start, 0))
            model.arrivals["PO\(n)/1"] = .init(sku: sku, qty: qty, eta: eta, seq: n)
        }
        var trail: [String] = []
        var refused = 0
        for step in 1...steps {
            let ctx = context(start, step)
            let orderNos = model.orders.keys.sorted()
            let anyOrder = orderNos.isEmpty ? "SO-404" : orderNos[rng.int(0...(orderNos.count - 1))]
            var description = ""
            var expected = false
            var actual = true
            do {
                switch rng.int(0...18) {
                case 0, 1, 2:
                    let n = rng.int(1...3)
                    let req = (0..<n).map { _ in (rng.int(0...9) == 0 ? "ZZ" : skus[rng.int(0...3)], rng.int(0...9) == 0 ? 0 : rng.int(1...12)) }
                    let no = rng.int(0...15) == 0 && !orderNos.isEmpty ? anyOrder : "SO\(step)"
                    let prio = rng.int(1...3), date = start.adding(days: rng.int(0...5))
                    let policy: ShipPolicy = rng.int(0...4) == 0 ? .complete : .partial
                    description = "create \(no) p\(prio) \(date.iso) \(policy) \(req)"
                    expected = model.create(no, prio: prio, date: date, policy: policy, req)
                    let created = try w.createOrder(NewOrder(number: no, customer: "C", orderDate: date, priority: prio, policy: policy,
                                                             lines: req.map { NewOrderLine(sku: $0.0, quantity: $0.1) }), ctx: ctx)
                    // createOrder builds what it returns from what it wrote: it must be what a read of the file gives.
                    let stored = try w.orderDetail(no, today: ctx.today)
                    if created != stored {
                        return (step, refused, "step \(step): createOrder returned\n\(created)\nthe file holds\n\(stored)\n" + trail.joined(separator: "\n"))
                    }
                case 3, 4:
                    let count = model.orders[anyOrder]?.lines.count ?? 1
                    let entries = (1...count).compactMap { l -> PickEntry? in
                        guard rng.int(0...3) != 0 else { return nil }
                        let allocated = model.orders[anyOrder].map { model.lines[$0.lines[l - 1]].q.allocated } ?? 0
                        let picked = rng.int(0...(allocated + 1)), missing = rng.int(0...4) == 0 ? rng.int(0...2) : 0
                        return PickEntry(lineNo: l, picked: picked, missing: missing)
                    }
                    description = "pick \(anyOrder) \(entries.map { "\($0.lineNo)=\($0.picked)/-\($0.missing)" })"
                    expected = model.pick(anyOrder, entries)
                    try w.pick(order: anyOrder, entries: entries, ctx: ctx)
                case 5, 6:
                    let override = rng.int(0...1) == 0
                    description = "ship \(anyOrder) override=\(override)"
                    expected = model.ship(anyOrder, override: override)
                    try w.ship(order: anyOrder, override: override, ctx: ctx)
                case 7:
                    let qty = rng.int(0...9) == 0 ? 0 : rng.int(1...10)
                    if rng.int(0...1) == 0 {
                        let ref = "PO\(rng.int(1...3))/1"
                        description = "receive \(ref) \(qty)"
                        expected = model.receive(arrival: ref, sku: nil, qty: qty)
                        try w.receive(arrival: ref, sku: nil, quantity: qty, ctx: ctx)
                    } else {
                        let sku = skus[rng.int(0...3)]
                        description = "receive unplanned \(sku) \(qty)"
                        expected = model.receive(arrival: nil, sku: sku, qty: qty)
                        try w.receive(arrival: nil, sku: sku, quantity: qty, ctx: ctx)
                    }
                case 8:
                    let ref = "PO\(rng.int(1...3))/1", day = start.adding(days: rng.int(0...25))
                    description = "eta \(ref) \(day.iso)"
                    expected = model.changeETA(ref, to: day)
                    try w.changeETA(arrival: ref, to: day, reason: "supplier", ctx: ctx)
                case 9, 10:
                    let line: Int? = rng.int(0...1) == 0 ? nil : rng.int(1...3)
                    let scope: CancelScope = rng.int(0...1) == 0 ? .open : .backordered
                    description = "cancel \(anyOrder) line \(line.map(String.init) ?? "all") \(scope)"
                    expected = model.cancel(anyOrder, line: line, scope: scope)
                    try w.cancel(order: anyOrder, lineNo: line, scope: scope, reason: "model", ctx: ctx)
                case 11:
                    description = "put back \(anyOrder)"
                    expected = model.putBack(anyOrder)
                    try w.putBack(order: anyOrder, entries: nil, reason: "model", ctx: ctx)
                case 12:
                    let p = rng.int(1...3)
                    description = "priority \(anyOrder) \(p)"
                    expected = model.setPriority(anyOrder, p)
                    try w.changeOrder(anyOrder, OrderChanges(priority: p), reason: "model", ctx: ctx)
                case 13:
                    if rng.int(0...1) == 0 {
                        let line = rng.int(1...3)
                        description = "reallocate to \(anyOrder)/\(line)"
                        expected = model.reallocate(anyOrder, line: line)
                        try w.reallocate(to: anyOrder, lineNo: line, from: nil, reason: "model", ctx: ctx)
                    } else {
                        description = "expedite \(anyOrder)"
                        expected = model.expedite(anyOrder)
                        try w.expedite(anyOrder, reason: "model", ctx: ctx)
                    }
                case 14:
                    if rng.int(0...1) == 0 {
                        let line = rng.int(1...3), qty = rng.int(0...14)
                        description = "amend \(anyOrder)/\(line) to \(qty)"
                        expected = model.amend(anyOrder, line: line, qty: qty)
                        try w.amendLine(order: anyOrder, lineNo: line, quantity: qty, reason: "model", ctx: ctx)
                    } else {
                        let sku = rng.int(0...9) == 0 ? "ZZ" : skus[rng.int(0...3)], qty = rng.int(0...8)
                        description = "add line \(anyOrder) \(sku)=\(qty)"
                        expected = model.addLine(anyOrder, sku: sku, qty: qty)
                        try w.addLine(order: anyOrder, sku: sku, quantity: qty, reason: "model", ctx: ctx)
                    }
                case 15:
                    let line = rng.int(1...3), qty = rng.int(0...6), restock = rng.int(0...2) != 0
                    description = "return \(anyOrder)/\(line) \(qty) restock=\(restock)"
                    expected = model.returnUnits(anyOrder, line: line, qty: qty, restock: restock)
                    try w.returnUnits(order: anyOrder, lineNo: line, quantity: qty, restock: restock, reason: "model", ctx: ctx)
                case 16:
                    let index = model.receipts.isEmpty ? 0 : rng.int(0...(model.receipts.count - 1))
                    let digits = String(index + 1), number = "RC-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
                    description = "reverse receipt \(number)"
                    expected = model.reverseReceipt(index)
                    try w.reverseReceipt(number, reason: "model", ctx: ctx)
                case 17:
                    // Purchasing from the shortage report: a new expected arrival, re-pegged at once.
                    let sku = rng.int(0...9) == 0 ? "ZZ" : skus[rng.int(0...3)], qty = rng.int(1...12), eta = start.adding(days: rng.int(1...20))
                    description = "purchase \(sku) \(qty) eta \(eta.iso)"
                    expected = model.onHand[sku] != nil
                    if expected { model.arrivals["PX\(step)/1"] = .init(sku: sku, qty: qty, eta: eta, seq: 100 + step) }
                    try w.purchase(PurchaseRequest(lines: [PurchaseLine(sku: sku, quantity: qty, supplier: "S", eta: eta)], poNumber: "PX\(step)"),
                                   ctx: ctx)
                default:
                    // A preview changes nothing, whatever it would do.
                    let line = rng.int(1...3)
                    description = "preview cancel \(anyOrder)/\(line)"
                    expected = false
                    _ = try? w.cancel(order: anyOrder, lineNo: line, scope: .open, reason: "model", preview: true, ctx: ctx)
                    throw BackorderError.refused("previews change nothing")
                }
            } catch is BackorderError {
                actual = false
                refused += 1
            }
            trail.append("\(step): \(description) → \(actual ? "done" : "refused")")
            if expected != actual {
                return (step, refused, "step \(step): the model \(expected ? "accepts" : "refuses") but the store \(actual ? "accepts" : "refuses")\n" + trail.joined(separator: "\n"))
            }
            if let mismatch = try compare(w, model, today: start.adding(days: step)) {
                return (step, refused, "after step \(step): \(mismatch)\n" + trail.joined(separator: "\n"))
            }
        }
        let final = try w.check()
        return (steps, refused, final.isEmpty ? nil : "integrity at the end: \(final)")
    }

    /// Reads the whole (small) file in a handful of queries and compares it with the model.
    func compare(_ w: Warehouse, _ m: ReferenceWarehouse, today: Day) throws -> String? {
        let violations = try w.check(quick: true, integrity: false)
        if !violations.isEmpty { return "invariants: \(violations)" }
        let (lines, open, items, arrivals) = try w.read { db in
            (try Row.fetchAll(db, sql: "SELECT order_no, line_no, ordered, allocated, picked, shipped, backordered, cancelled FROM order_line"),
             try Row.fetchAll(db, sql: "SELECT number, closed_at IS NULL AS open FROM orders"),
             try Row.fetchAll(db, sql: "SELECT sku, on_hand, on_hand - allocated - picked AS free FROM item"),
             try Row.fetchAll(db, sql: "SELECT po_number || '/' || po_line AS ref, received, closed_at IS NULL AS open, eta FROM arrival"))
        }
        var storeLines: [String: LineQuantities] = [:]
        for r in lines {
            storeLines["\(r["order_no"] as String)/\(r["line_no"] as Int)"] = LineQuantities(
                ordered: r["ordered"], allocated: r["allocated"], picked: r["picked"], shipped: r["shipped"], backordered: r["backordered"], cancelled: r["cancelled"])
        }
        if storeLines.count != m.lines.count { return "store has \(storeLines.count) lines, model \(m.lines.count)" }
        for l in m.lines where storeLines["\(l.orderNo)/\(l.lineNo)"] != l.q {
            return "\(l.orderNo)/\(l.lineNo): store \(storeLines["\(l.orderNo)/\(l.lineNo)"].map { "\($0)" } ?? "missing") model \(l.q)"
        }
        for r in open {
            let no: String = r["number"]
            if (r["open"] as Bool) == (m.orders[no]?.closed ?? true) { return "\(no) open=\(r["open"] as Bool) in the store, model disagrees" }
        }
        for r in items {
            let sku: String = r["sku"]
            if (r["on_hand"] as Int) != m.onHand[sku] || (r["free"] as Int) != m.free(sku) {
                return "\(sku) on hand/free store \(r["on_hand"] as Int)/\(r["free"] as Int) model \(m.onHand[sku]!)/\(m.free(sku))"
            }
        }
        for r in arrivals {
            let ref: String = r["ref"]
            guard let a = m.arrivals[ref] else { return "unexpected arrival \(ref)" }
            if (r["received"] as Int) != a.received || (r["open"] as Bool) == a.closed || (r["eta"] as String) != a.eta.iso {
                return "\(ref) store received \(r["received"] as Int) open \(r["open"] as Bool) eta \(r["eta"] as String), model \(a)"
            }
        }
        for sku in skus {
            let perArrival = m.promisedPerArrival(sku: sku)
            for row in try w.openArrivals(Page(limit: 100), sku: sku, today: today) where perArrival[row.arrival.reference] != row.promised {
                return "\(row.arrival.reference) promised to waiting lines: store \(row.promised), model \(perArrival[row.arrival.reference] ?? 0)"
            }
            let expected = m.promised(sku: sku)
            let rows = try w.backorderLines(Page(limit: 1_000), sku: sku, today: today)
            if rows.count != expected.count { return "\(sku): \(rows.count) waiting lines in the store, \(expected.count) in the model" }
            for row in rows {
                let key = "\(row.orderNumber)/\(row.lineNo)"
                if expected[key] == nil || row.promised != expected[key]! {
                    return "\(key) promised store \(row.promised?.iso ?? "none") model \(expected[key].map { $0?.iso ?? "none" } ?? "not waiting")"
                }
            }
        }
        return nil
    }

    func context(_ start: Day, _ step: Int) -> Context {
        Context(actor: "model", now: Timestamp(unixTime: Int64(start.ordinal) * 86_400 + Int64(step) * 60), today: start)
    }
}
