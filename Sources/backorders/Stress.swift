import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
import Foundation

/// Hammers a data file with random operations from one process; several run at once to prove concurrent clerks are safe.
struct Stress: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.stress.text,
                                                    shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @Option var ops = 500
    @Option var seed: UInt64 = 1
    @Option(help: OptionText.stressActor.help) var actor = "stress"
    @Option(help: OptionText.stressLog.help(valueName: "file"))
    var log: String?

    func run() throws {
        try perform {
            let w = try db.service()
            var rng = SeededRandom(seed: seed)
            var done = 0, refused = 0
            let skus = try w.stock(Page(limit: 10_000), onlyShort: false, sku: nil).map(\.sku)
            let customers = try w.customers().map(\.code)
            guard !skus.isEmpty, !customers.isEmpty else { throw BackorderError.refused(.t(CLIText.stressNeedsData)) }
            let commits = try log.map(CommitLog.init(path:))
            for i in 0..<ops {
                // A name of its own per operation lets a crash test find each logged operation's rows in the file.
                let tag = commits == nil ? actor : "\(actor).\(i)"
                let ctx = Context.current(actor: tag)
                do {
                    // What the log line says after the tag: the kind and what to look for in the file.
                    let committed: String
                    switch rng.below(13) {
                    case 0, 1:
                        let lines = (0..<(1 + rng.below(3))).map { _ in
                            NewOrderLine(sku: skus[rng.below(skus.count)], quantity: 1 + rng.below(20))
                        }
                        let number = "\(actor)-\(i)"
                        _ = try w.createOrder(NewOrder(number: number, customer: customers[rng.below(customers.count)],
                                                   priority: 1 + rng.below(9), lines: lines), ctx: ctx)
                        committed = "order \(number) \(lines.count)"
                    case 2:
                        let orders = try w.openOrders(Page(offset: rng.below(20), limit: 1))
                        guard let o = orders.first else { continue }
                        let d = try w.orderDetail(o.number, today: ctx.today)
                        let entries = d.lines.filter { $0.line.quantities.allocated > 0 }.map { l in
                            let a = l.line.quantities.allocated
                            let missing = rng.below(10) == 0 ? rng.below(a + 1) : 0
                            return PickEntry(lineNo: l.line.lineNo, picked: a - missing, missing: missing)
                        }
                        guard !entries.isEmpty else { continue }
                        _ = try w.pick(order: o.number, entries: entries, expectedVersion: d.order.version, ctx: ctx)
                        committed = "pick \(o.number)"
                    case 3:
                        let orders = try w.openOrders(Page(offset: rng.below(20), limit: 1))
                        guard let o = orders.first, o.picked > 0 else { continue }
                        let shipment = try w.ship(order: o.number, override: true, expectedVersion: o.version, ctx: ctx)
                        committed = "ship \(shipment.number)"
                    case 4:
                        let receipt = try w.receive(arrival: nil, sku: skus[rng.below(skus.count)], quantity: 1 + rng.below(30), note: "", ctx: ctx)
                        committed = "receive \(receipt.receiptNumber)"
                    case 5:
                        let lines = try w.backorderLines(Page(offset: rng.below(10), limit: 1), sku: nil, customer: nil, today: ctx.today)
                        guard let l = lines.first else { continue }
                        _ = try w.cancel(order: l.orderNumber, lineNo: l.lineNo, scope: rng.below(2) == 0 ? .open : .backordered, reason: "stress", expectedVersion: nil, preview: false, ctx: ctx)
                        committed = "cancel \(l.orderNumber)"
                    case 6:
                        // An urgent customer: served first, with stock taken from the least urgent orders.
                        let lines = try w.backorderLines(Page(offset: rng.below(30), limit: 1), sku: nil, customer: nil, today: ctx.today)
                        guard let l = lines.first else { continue }
                        _ = try w.expedite(l.orderNumber, reason: "stress", expectedVersion: nil, preview: false, ctx: ctx)
                        committed = "expedite \(l.orderNumber)"
                    case 7:
                        let orders = try w.openOrders(Page(offset: rng.below(20), limit: 1))
                        guard let o = orders.first else { continue }
                        _ = try w.changeOrder(o.number, OrderChanges(priority: 1 + rng.below(9)), reason: "stress", expectedVersion: o.version, preview: false, ctx: ctx)
                        committed = "priority \(o.number)"
                    case 8:
                        let orders = try w.openOrders(Page(offset: rng.below(20), limit: 1))
                        guard let o = orders.first else { continue }
                        if rng.below(2) == 0 {
                            _ = try w.amendLine(order: o.number, lineNo: 1, quantity: 1 + rng.below(30), reason: "stress", expectedVersion: o.version, preview: false, ctx: ctx)
                            committed = "amend \(o.number)"
                        } else {
                            _ = try w.addLine(order: o.number, sku: skus[rng.below(skus.count)], quantity: 1 + rng.below(10), reason: "stress",
                                          expectedVersion: o.version, preview: false, ctx: ctx)
                            committed = "add-line \(o.number)"
                        }
                    case 9:
                        let orders = try w.openOrders(Page(offset: rng.below(20), limit: 1))
                        guard let o = orders.first, o.picked > 0 else { continue }
                        _ = try w.putBack(order: o.number, entries: nil, reason: "stress", expectedVersion: o.version, preview: false, ctx: ctx)
                        committed = "put-back \(o.number)"
                    case 10:
                        let number = "RC-" + String(format: "%06d", 1 + rng.below(40))
                        _ = try w.reverseReceipt(number, reason: "stress", preview: false, ctx: ctx)
                        committed = "reverse \(number)"
                    case 11:
                        // A stock count finding a few units more or fewer than the books (never fewer than orders hold).
                        let sku = skus[rng.below(skus.count)]
                        let item = try w.item(sku)
                        let step = 1 + rng.below(6)
                        let counted = rng.below(2) == 0 || item.onHand - step < item.allocated + item.picked ? item.onHand + step : item.onHand - step
                        let found = try w.countStock(sku: sku, onHand: counted, reason: "stress", ctx: ctx)
                        // Another clerk may have made the books say `counted` meanwhile: then nothing was written to claim.
                        if commits != nil, try !w.journal(sku: sku, limit: found.count + 50).contains(where: { $0.actor == tag && $0.kind == .adjust }) {
                            done += 1
                            continue
                        }
                        committed = "count \(sku)"
                    default:
                        let orders = try w.openOrders(Page(offset: rng.below(20), limit: 1))
                        guard let o = orders.first, o.shipped > 0 else { continue }
                        _ = try w.returnUnits(order: o.number, lineNo: 1, quantity: 1, restock: rng.below(3) != 0, reason: "stress", preview: false, ctx: ctx)
                        committed = "return \(o.number)"
                    }
                    done += 1
                    try commits?.append("\(tag) \(committed)")
                } catch let e as BackorderError where e.kind == .refused || e.kind == .stale || e.kind == .notFound {
                    // Another process changed the order first: a refusal, not a failure.
                    refused += 1
                }
            }
            print(Localizer.process(CLIText.stressDone, actor, done, refused))
        }
    }
}

/// An append-only file of committed operations, one line each, written only after the commit returned: a line in it is a
/// claim that the operation is in the data file, which a crash test holds against the file after killing the writer.
struct CommitLog {
    let fd: Int32

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BackorderError.invalid(.t(CLIText.cannotOpenLog, path, String(cString: strerror(errno)))) }
    }

    /// One write(2) per line, unbuffered: once it returns, the line is the kernel's and survives a SIGKILL of this
    /// process (a torn line, if the kill ever split the write, lacks its newline and claims nothing).
    func append(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw BackorderError.invalid(.t(CLIText.cannotWriteLog, String(cString: strerror(errno)))) }
    }
}
