/// The rules that compare the big tables with each other, fed each table once, row by row, by the store that holds them:
/// the journal, the order lines and the shipment lines against each other and their counters, the waiting queue against
/// the lines, and the references of these tables on the way.
///
/// A store feeds, in this order: `item` (in SKU order), `order`, `arrival`, `shipment`, `receipt`, `receiptReversal`,
/// `waiting` (in the queue's order), `line`, `shipmentLine`, `movement` (any order within a table); then reads the lines
/// `linesToName` asks for and calls `finish`. Within a rule, findings come in the order the rows were fed. What a rule needs is kept in arrays indexed by slot (`Slots`), never a
/// table's rows, so a million-line warehouse is checked in a few hundred megabytes at most.
public struct TableRules {
    private var findings: Findings

    // Items, by slot (in SKU order).
    private var items: [String: Int] = [:]
    private var itemSku: [String] = []
    private var itemCounters: [(onHand: Int64, allocated: Int64, picked: Int64, backordered: Int64)] = []
    private var lineSums: [(allocated: Int64, picked: Int64, backordered: Int64)] = []
    private var journalOnHand: [Int64] = []
    private var skuKeys = SKUKeys([:])
    private var skuKeysMade = false
    // Orders, by slot.
    private var orders = Slots()
    private var orderHeader: [(number: String, priority: Int64, closed: Bool)] = []
    /// Each order's number and date as the bytes its lines' copies are compared with.
    private var orderKeys: [(number: PackedText, date: PackedText)] = []
    private var orderOpen: [Int64] = []
    private var orderHasOpenLine: [Bool] = []
    // Arrivals, shipments, receipts.
    private var arrivals = Slots()
    private var arrivalName: [(po: String, line: Int64, received: Int64)] = []
    private var arrivalReceipts: [Int64] = []
    private var arrivalJournal: [Int64] = []
    private var shipments = Slots()
    private var receipts = Slots()
    // Order lines, by slot: ids, counters minus journal rows (zero when they agree), shipped minus shipment lines.
    private var lines = Slots()
    private var lineIds: [Int64] = []
    private var remaining: [Int64] = []
    private var journaled: [Bool] = []
    private var shippedLeft: [Int64] = []
    // The waiting queue in its own order, and its rows by line id.
    private var waiting: [WaitingRow] = []
    private var waitingByLine: [Int64: Int] = [:]
    private var nextWaiting: [Int] = []
    private var waitingMatched: [Bool] = []
    /// The first journal row that changes a line's counters without naming a line.
    private var unlinked: Int64?

    private struct WaitingRow {
        var lineId: Int64, sku: String, priority: Int64, orderDate: String, orderNo: String, lineNo: Int64, orderId: Int64, backordered: Int64
    }

    /// Reports at most `limit` offenders per rule.
    public init(limit: Int) { findings = Findings(limit: limit) }

    /// The references these rules check, by table ("column>parent.key"); a store checks the others its own way.
    public static let referencesChecked: [String: Set<String>] = [
        "order_line": ["order_id>orders.id", "sku>item.sku"],
        "shipment_line": ["shipment_id>shipment.id", "line_id>order_line.id"],
        "shipment": ["order_id>orders.id"],
        "receipt": ["arrival_id>arrival.id", "sku>item.sku"],
        "arrival": ["sku>item.sku"],
        "movement": ["sku>item.sku", "line_id>order_line.id", "arrival_id>arrival.id", "shipment_id>shipment.id", "receipt_id>receipt.id"],
    ]

    private mutating func missing(_ table: String, _ id: Int64, _ parent: String) {
        findings.add("foreign keys", Localizer.process(CheckText.missingParent, table, Plain(Int(id)), parent)) // not prose: the rule key
    }

    private mutating func missingShipmentLine(_ shipment: Int64, _ line: Int64, _ parent: String) {
        findings.add("foreign keys", Localizer.process(CheckText.missingShipmentLine, Plain(Int(shipment)), Plain(Int(line)), parent)) // not prose: the rule key
    }

    // MARK: rows

    /// An item, in SKU order.
    public mutating func item(sku: String, onHand: Int64, allocated: Int64, picked: Int64, backordered: Int64) {
        items[sku] = itemSku.count
        itemSku.append(sku)
        itemCounters.append((onHand, allocated, picked, backordered))
        lineSums.append((0, 0, 0))
        journalOnHand.append(0)
    }

    public mutating func order(id: Int64, number: String, priority: Int64, date: String, closed: Bool) {
        _ = orders.add(id)
        orderHeader.append((number, priority, closed))
        orderKeys.append((PackedText(number), PackedText(date)))
        orderOpen.append(0)
        orderHasOpenLine.append(false)
    }

    public mutating func arrival(id: Int64, po: String, line: Int64, received: Int64, sku: String) {
        _ = arrivals.add(id)
        arrivalName.append((po, line, received))
        arrivalReceipts.append(0)
        arrivalJournal.append(0)
        if items[sku] == nil { missing("arrival", id, "item") }
    }

    public mutating func shipment(id: Int64, orderId: Int64) {
        _ = shipments.add(id)
        if orders.slot(orderId) == nil { missing("shipment", id, "orders") }
    }

    public mutating func receipt(id: Int64, arrivalId: Int64?, sku: String, quantity: Int64) {
        _ = receipts.add(id)
        if let arrivalId {
            if let a = arrivals.slot(arrivalId) { arrivalReceipts[a] += quantity } else { missing("receipt", id, "arrival") }
        }
        if items[sku] == nil { missing("receipt", id, "item") }
    }

    /// A reversal of a receipt against an arrival: its units are no longer received on it.
    public mutating func receiptReversal(arrivalId: Int64, quantity: Int64) {
        if let a = arrivals.slot(arrivalId) { arrivalReceipts[a] -= quantity }
    }

    /// A row of the waiting queue, in the queue's order (SKU, priority, order date, order number, line number).
    public mutating func waiting(lineId: Int64, sku: String, priority: Int64, orderDate: String, orderNo: String, lineNo: Int64,
                                 orderId: Int64, backordered: Int64) {
        nextWaiting.append(waitingByLine[lineId] ?? -1)
        waitingByLine[lineId] = waiting.count
        waiting.append(WaitingRow(lineId: lineId, sku: sku, priority: priority, orderDate: orderDate, orderNo: orderNo, lineNo: lineNo,
                                  orderId: orderId, backordered: backordered))
        waitingMatched.append(false)
    }

    /// An order line. Texts come packed; Strings are made only for a line a rule names or the queue holds.
    public mutating func line(id: Int64, orderId: Int64, lineNo: Int64, sku: PackedText, priority: Int64, orderDate: PackedText,
                              orderNo: PackedText, counts c: LineCounts) {
        if !skuKeysMade { skuKeys = SKUKeys(items); skuKeysMade = true }
        _ = lines.add(id)
        lineIds.append(id)
        remaining.append(c.ordered); remaining.append(c.allocated); remaining.append(c.picked)
        remaining.append(c.shipped); remaining.append(c.backordered); remaining.append(c.cancelled)
        journaled.append(false)
        shippedLeft.append(c.shipped)
        if c.ordered != c.allocated + c.picked + c.shipped + c.backordered + c.cancelled || min(c.allocated, c.picked, c.shipped, c.backordered, c.cancelled) < 0 {
            findings.add("line balance", Localizer.process(CheckText.lineBalance, orderNo.string, Plain(Int(lineNo)), c.ordered, c.allocated, c.picked, // not prose: the rule key
                                                           c.shipped, c.backordered, c.cancelled))
        }
        if let i = skuKeys.slot(sku) {
            lineSums[i].allocated += c.allocated; lineSums[i].picked += c.picked; lineSums[i].backordered += c.backordered
        } else {
            missing("order_line", id, "item")
        }
        if let o = orders.slot(orderId) {
            let open = c.allocated + c.picked + c.backordered
            orderOpen[o] += open
            if open > 0 { orderHasOpenLine[o] = true }
            if orderHeader[o].priority != priority || orderKeys[o].number != orderNo || orderKeys[o].date != orderDate {
                findings.add("line copies of order header", Localizer.process(CheckText.headerCopy, orderNo.string, Plain(Int(lineNo)))) // not prose: the rule key
            }
        } else {
            missing("order_line", id, "orders")
        }
        guard c.backordered > 0 || waitingByLine[id] != nil else { return }
        let (sku, orderDate, orderNo) = (sku.string, orderDate.string, orderNo.string)
        // The queue holds exactly one row equal to each waiting line; a row equal to a line is matched whatever it waits for.
        var queued = false
        var w = waitingByLine[id] ?? -1
        while w >= 0 {
            let q = waiting[w]
            if q.sku == sku && q.priority == priority && q.orderDate == orderDate && q.orderNo == orderNo && q.lineNo == lineNo
                && q.orderId == orderId && q.backordered == c.backordered {
                waitingMatched[w] = true
                queued = true
            }
            w = nextWaiting[w]
        }
        if c.backordered > 0 && !queued {
            findings.add("waiting queue mirrors the order lines", Localizer.process(CheckText.queueLacks, orderNo, Plain(Int(lineNo)), sku, c.backordered)) // not prose: the rule key
        }
    }

    public mutating func shipmentLine(shipment: Int64, line: Int64, quantity: Int64) {
        if shipments.slot(shipment) == nil { missingShipmentLine(shipment, line, "shipment") }
        if let l = lines.slot(line) { shippedLeft[l] -= quantity } else { missingShipmentLine(shipment, line, "order_line") }
    }

    /// A journal row: its changes to its line's counters (`deltas`) and to the stock on hand, and its references.
    public mutating func movement(id: Int64, line: Int64?, deltas d: LineCounts, onHand delta: Int64, sku: PackedText,
                                  arrival: Int64?, shipment: Int64?, receipt: Int64?) {
        if let line {
            if let l = lines.slot(line) {
                journaled[l] = true
                let base = l * 6
                remaining[base] -= d.ordered; remaining[base + 1] -= d.allocated; remaining[base + 2] -= d.picked
                remaining[base + 3] -= d.shipped; remaining[base + 4] -= d.backordered; remaining[base + 5] -= d.cancelled
            } else {
                missing("movement", id, "order_line")
            }
        } else if d != LineCounts(ordered: 0, allocated: 0, picked: 0, shipped: 0, backordered: 0, cancelled: 0) {
            // The lowest such id, whatever order the rows come in.
            unlinked = min(unlinked ?? id, id)
        }
        if !skuKeysMade { skuKeys = SKUKeys(items); skuKeysMade = true }
        if let i = skuKeys.slot(sku) { journalOnHand[i] += delta } else { missing("movement", id, "item") }
        if let arrival {
            if let a = arrivals.slot(arrival) { arrivalJournal[a] += delta } else { missing("movement", id, "arrival") }
        }
        if let shipment, shipments.slot(shipment) == nil { missing("movement", id, "shipment") }
        if let receipt, receipts.slot(receipt) == nil { missing("movement", id, "receipt") }
    }

    // MARK: comparing

    private func lineDisagrees(_ l: Int) -> Bool {
        !journaled[l] || (0..<6).contains { remaining[l * 6 + $0] != 0 }
    }

    /// The ids of the lines a report will name (at most `limit` per rule): the store reads them again for `finish`.
    public func linesToName() -> [Int64] {
        var out: [Int64] = []
        var n = 0
        for l in 0..<lineIds.count where n < findings.limit && lineDisagrees(l) {
            out.append(lineIds[l]); n += 1
        }
        n = 0
        for l in 0..<lineIds.count where n < findings.limit && shippedLeft[l] != 0 {
            out.append(lineIds[l]); n += 1
        }
        return out
    }

    /// Every finding of these rules, given the lines `linesToName` asked for.
    public mutating func finish(named: [Int64: NamedLine]) -> [Violation] {
        let mirror = "waiting queue mirrors the order lines" // not prose: the rule key
        for (w, q) in waiting.enumerated() where !waitingMatched[w] {
            findings.add(mirror, Localizer.process(CheckText.queueExtra, q.orderNo, Plain(Int(q.lineNo)), q.sku, q.backordered))
        }
        if let unlinked {
            findings.add("journal without line", Localizer.process(CheckText.journalNoLine, Plain(Int(unlinked)))) // not prose: the rule key
        }
        for l in 0..<lineIds.count where lineDisagrees(l) {
            if findings.full("line vs journal") { break } // not prose: the rule key
            findings.add("line vs journal", named[lineIds[l]].map { r in // not prose: the rule key
                let c = r.counts
                guard journaled[l] else { return Localizer.process(CheckText.lineVsNoJournal, r.orderNo, Plain(r.lineNo), c.slashed) }
                let base = l * 6
                let journal = LineCounts(ordered: c.ordered - remaining[base], allocated: c.allocated - remaining[base + 1],
                                         picked: c.picked - remaining[base + 2], shipped: c.shipped - remaining[base + 3],
                                         backordered: c.backordered - remaining[base + 4], cancelled: c.cancelled - remaining[base + 5])
                return Localizer.process(CheckText.lineVsJournal, r.orderNo, Plain(r.lineNo), c.slashed, journal.slashed)
            })
        }
        for (i, sku) in itemSku.enumerated() {
            let c = itemCounters[i], sums = lineSums[i]
            if c.onHand != journalOnHand[i] {
                findings.add("stock vs journal", Localizer.process(CheckText.stockVsJournal, sku, c.onHand, journalOnHand[i])) // not prose: the rule key
            }
            if c.allocated != sums.allocated || c.picked != sums.picked || c.backordered != sums.backordered {
                findings.add("stock vs lines", Localizer.process(CheckText.stockVsLines, sku, "\(c.allocated)/\(c.picked)/\(c.backordered)", // not prose: the rule key
                                                                 "\(sums.allocated)/\(sums.picked)/\(sums.backordered)"))
            }
        }
        for (a, name) in arrivalName.enumerated() where name.received != arrivalReceipts[a] || name.received != arrivalJournal[a] {
            findings.add("arrival vs receipts", Localizer.process(CheckText.arrivalVsReceipts, "\(name.po)/\(name.line)", name.received, // not prose: the rule key
                                                                  arrivalReceipts[a], arrivalJournal[a]))
        }
        for l in 0..<lineIds.count where shippedLeft[l] != 0 {
            if findings.full("shipments vs lines") { break } // not prose: the rule key
            findings.add("shipments vs lines", named[lineIds[l]].map { r in // not prose: the rule key
                Localizer.process(CheckText.shipmentsVsLines, r.orderNo, Plain(r.lineNo), r.counts.shipped, r.counts.shipped - shippedLeft[l])
            })
        }
        for (o, header) in orderHeader.enumerated() {
            if header.closed && orderOpen[o] > 0 {
                findings.add("order closed with open units", Localizer.process(CheckText.closedWithOpen, header.number, orderOpen[o])) // not prose: the rule key
            }
            if !header.closed && !orderHasOpenLine[o] {
                findings.add("order open with nothing left", Localizer.process(CheckText.openWithNothing, header.number)) // not prose: the rule key
            }
        }
        return findings.list
    }
}
