import BackorderCore
import Foundation

/// Replays a warehouse script (see `Script`) through the real operations, as of a given today.
public struct ScriptRunner {
    public let warehouse: Warehouse
    public let today: Day
    public let utcOffsetSeconds: Int

    public init(warehouse: Warehouse, today: Day, utcOffsetSeconds: Int = 0) {
        self.warehouse = warehouse; self.today = today; self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Runs every command; stops at the first refused one and names its line.
    public func run(_ commands: [(line: Int, command: ScriptCommand)]) throws {
        var day = today
        var minutes = 9 * 60
        var actor = "sample"
        var tick = 0
        for (line, cmd) in commands {
            // Each command a minute after the previous one, so the journal keeps the story's order in time.
            tick += 1
            let unix = Int64(day.ordinal) * 86_400 + Int64(minutes * 60 + tick * 60) - Int64(utcOffsetSeconds)
            let ctx = Context(actor: actor, now: Timestamp(unixTime: unix), today: day)
            do {
                switch cmd {
                case .at(let ref, let m):
                    day = ref.resolve(today: today); minutes = m; tick = 0
                case .actor(let a):
                    actor = a
                case let .item(sku, name, unit, bin, stock, moq, pack, supplier, lead):
                    try warehouse.addItem(Item(sku: sku, name: name, unit: unit, bin: bin, onHand: stock, minOrderQty: moq, packSize: pack,
                                               supplier: supplier, leadTimeDays: lead), ctx: ctx)
                case let .customer(customer):
                    try warehouse.addCustomer(customer, ctx: ctx)
                case let .arrival(po, l, sku, q, eta, supplier):
                    try warehouse.addArrival(NewArrival(supplier: supplier, poNumber: po, poLine: l, sku: sku, quantity: q,
                                                        eta: eta.resolve(today: today)), ctx: ctx)
                case let .order(number, customer, date, prio, policy, lines):
                    try warehouse.createOrder(NewOrder(number: number, customer: customer, orderDate: date?.resolve(today: today) ?? day,
                                                       priority: prio, policy: policy, lines: lines), ctx: ctx)
                case let .pick(order, lines, short):
                    let entries: [PickEntry]?
                    if lines.isEmpty {
                        entries = nil
                    } else {
                        let detail = try warehouse.orderDetail(order, today: day)
                        entries = try lines.map { l in
                            guard let ol = detail.lines.first(where: { $0.line.lineNo == l.lineNo }) else {
                                throw BackorderError.notFound(.t(StoreText.orderHasNoLine, order, Plain(l.lineNo)))
                            }
                            return PickEntry(lineNo: l.lineNo, picked: l.quantity,
                                             missing: short ? max(0, ol.line.quantities.allocated - l.quantity) : 0)
                        }
                    }
                    try warehouse.pick(order: order, entries: entries, ctx: ctx)
                case let .ship(order, override):
                    try warehouse.ship(order: order, override: override, ctx: ctx)
                case let .receive(ref, q, unplanned):
                    try warehouse.receive(arrival: unplanned ? nil : ref, sku: unplanned ? ref : nil, quantity: q, ctx: ctx)
                case let .eta(ref, d, reason):
                    try warehouse.changeETA(arrival: ref, to: d.resolve(today: today), reason: reason, ctx: ctx)
                case let .cancel(order, l, reason):
                    try warehouse.cancel(order: order, lineNo: l, reason: reason, ctx: ctx)
                case let .count(sku, q, reason):
                    try warehouse.countStock(sku: sku, onHand: q, reason: reason, ctx: ctx)
                }
            } catch let e as BackorderError {
                throw BackorderError(e.kind, .t(StoreText.scriptLine, Plain(line), e.text))
            }
        }
    }
}
