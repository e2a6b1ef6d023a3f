/// The rules that read the smaller tables: stock and arrivals, the promised dates pegging gives the waiting lines, pending
/// notices and the kept counters, fed row by row by the store that holds them.
///
/// A store feeds, in this order: `item` (in SKU order), `arrival` (by id), `waiting` (in the queue's order), and in any
/// order `pendingNotices`, `openOrders`, `keptCounter`, `keptArrivalDay`; then calls `finish`.
public struct StockRules {
    private var findings: Findings
    private var items: [(sku: String, onHand: Int, allocated: Int, picked: Int, backordered: Int, incoming: Int)] = []
    private var arrivals: [Arrival] = []
    private var openBySku: [String: [Arrival]] = [:]
    private var countedDays: [String: Int] = [:]
    // The waiting lines of one SKU, pegged when the next SKU begins.
    private var group: [(line: WaitingLine, stored: String?)] = []
    private var groupSku: String?
    private var waitingLines = 0
    private var openOrderCount = 0
    private var kept: [String: Int] = [:]
    private var keptDays: [String: Int] = [:]

    /// Reports at most `limit` offenders per rule.
    public init(limit: Int) { findings = Findings(limit: limit) }

    /// An item, in SKU order.
    public mutating func item(sku: String, onHand: Int, allocated: Int, picked: Int, backordered: Int, incoming: Int) {
        items.append((sku, onHand, allocated, picked, backordered, incoming))
    }

    /// An arrival, open or closed, by id; `eta` as stored.
    public mutating func arrival(id: Int64, po: String, line: Int, sku: String, quantity: Int, received: Int, eta: String, closed: Bool) {
        let a = Arrival(id: id, supplier: "", poNumber: po, poLine: line, sku: sku, quantity: quantity, received: received,
                        eta: Day(iso: eta) ?? Day(ordinal: 0), closedAt: closed ? Timestamp(unixTime: 0) : nil)
        arrivals.append(a)
        if !closed {
            openBySku[sku, default: []].append(a)
            countedDays[eta, default: 0] += 1
        }
    }

    /// A row of the waiting queue, in its order; `promised` as stored ("-" for no arrival planned).
    public mutating func waiting(sku: String, priority: Int, orderDate: String, orderNo: String, lineNo: Int, lineId: Int64,
                                 backordered: Int, promised: String?) {
        waitingLines += 1
        if sku != groupSku { peg(); group.removeAll(keepingCapacity: true); groupSku = sku }
        group.append((WaitingLine(lineId: lineId, orderNumber: orderNo, lineNo: lineNo, priority: priority,
                                  orderDate: Day(iso: orderDate) ?? Day(ordinal: 0), backordered: backordered), promised))
    }

    /// An order with `count` pending (unsent) notices.
    public mutating func pendingNotices(order: String, count: Int) {
        if count > 1 { findings.add("more than one pending notice", Localizer.process(CheckText.manyNotices, order, count)) } // not prose: the rule key
    }

    /// How many orders are open, counted from the orders.
    public mutating func openOrders(_ count: Int) { openOrderCount = count }

    /// A kept counter of `tally`.
    public mutating func keptCounter(name: String, value: Int) { kept[name] = value }

    /// A kept row of open arrivals per ETA day.
    public mutating func keptArrivalDay(eta: String, arrivals: Int) { keptDays[eta] = arrivals }

    /// The promised dates of the SKU's waiting lines against what pegging them to its open arrivals gives.
    private mutating func peg() {
        guard let sku = groupSku, !group.isEmpty, !findings.full("promised date") else { return } // not prose: the rule key
        let promised = Rules.peg(waiting: group.map(\.line), arrivals: openBySku[sku] ?? []).promised
        for (line, old) in group {
            let new = CheckRules.storedPromise(promised[line.lineId] ?? nil)
            guard old != new else { continue }
            findings.add("promised date", Localizer.process(CheckText.promisedDate, line.orderNumber, Plain(line.lineNo), sku, // not prose: the rule key
                                                            old ?? Localizer.process(CheckText.nothingStored), new))
        }
    }

    /// Every finding of these rules.
    public mutating func finish() -> [Violation] {
        for i in items where i.onHand < i.allocated + i.picked || i.onHand < 0 {
            findings.add("negative free stock", Localizer.process(CheckText.negativeFree, i.sku, i.onHand, i.allocated, i.picked)) // not prose: the rule key
        }
        for i in items where i.onHand - i.allocated - i.picked > 0 && i.backordered > 0 {
            findings.add("free stock while orders wait", Localizer.process(CheckText.freeWhileWaiting, i.sku, i.onHand - i.allocated - i.picked, i.backordered)) // not prose: the rule key
        }
        for i in items {
            let expected = (openBySku[i.sku] ?? []).reduce(0) { $0 + $1.outstanding }
            if i.incoming != expected {
                findings.add("incoming vs arrivals", Localizer.process(CheckText.incomingVsArrivals, i.sku, i.incoming, expected)) // not prose: the rule key
            }
        }
        for a in arrivals where (a.isOpen && a.received >= a.quantity) || (!a.isOpen && a.received < a.quantity) {
            findings.add("arrival open/closed", Localizer.process(a.isOpen ? CheckText.arrivalStillOpen : .arrivalClosed, a.reference, a.received, a.quantity)) // not prose: the rule key
        }
        peg()
        group.removeAll()
        groupSku = nil
        let counted = [
            CheckRules.Tally.openOrders: openOrderCount, CheckRules.Tally.waitingLines: waitingLines,
            CheckRules.Tally.backorderedUnits: items.reduce(0) { $0 + $1.backordered }, CheckRules.Tally.items: items.count,
        ]
        var found = findings.list
        found += CheckRules.counters(kept: kept, counted: counted, keptDays: keptDays, countedDays: countedDays, limit: findings.limit)
        return found
    }
}
