/// A place in a SKU's queue of waiting lines: the order receipts serve them in (the key of `waiting` after the SKU).
public struct WaitingQueueKey: Comparable, Sendable {
    public var priority: Int
    /// The order date as stored (ISO text: it sorts as the day does).
    public var orderDate: String
    public var orderNumber: String
    public var lineNo: Int

    public init(priority: Int, orderDate: String, orderNumber: String, lineNo: Int) {
        self.priority = priority; self.orderDate = orderDate; self.orderNumber = orderNumber; self.lineNo = lineNo
    }

    public static func < (a: WaitingQueueKey, b: WaitingQueueKey) -> Bool {
        (a.priority, a.orderDate, a.orderNumber, a.lineNo) < (b.priority, b.orderDate, b.orderNumber, b.lineNo)
    }
}

/// A waiting line whose promised date re-pegging changed.
public struct PromisedDateChange: Sendable {
    public var lineId: Int64
    public var orderId: Int64
    /// False when the line only now started waiting (its customer hears "backordered" instead).
    public var wasWaiting: Bool
    /// The date now stored (a day, or "-": no arrival covers the line).
    public var date: String
    /// The date stored before (nil when the line did not wait).
    public var old: String?
    public init(lineId: Int64, orderId: Int64, wasWaiting: Bool, date: String, old: String?) {
        self.lineId = lineId; self.orderId = orderId; self.wasWaiting = wasWaiting; self.date = date; self.old = old
    }
}

/// How an operation changes one item's counters, summed over its movements.
public struct ItemDelta: Equatable, Sendable {
    public var onHand = 0, allocated = 0, picked = 0, backordered = 0
    public init() {}
}

/// What one operation in progress has done besides its rows, the same on every engine: each item's counter changes,
/// the SKUs whose promised dates must be recomputed (all of a SKU's queue, or only from where new lines joined it),
/// the orders that may close, and what each order's customer should hear, in the order it happened.
public struct OperationLedger: Sendable {
    public var itemDeltas: [String: ItemDelta] = [:]
    public var closableOrders = Set<Int64>()
    /// SKUs whose item rows changed.
    public var touchedSkus = Set<String>()
    /// SKUs whose queue of waiting lines or whose open arrivals changed: only their promised dates can have moved.
    public var pegSkus = Set<String>()
    /// SKUs whose queue only gained lines, and the first place they joined it: only the queue from there on is re-pegged.
    public var pegFrom: [String: WaitingQueueKey] = [:]
    /// Units of the lines that joined each SKU's queue (the SKUs of `pegFrom`).
    public var joinedUnits: [String: Int] = [:]
    /// What each order's customer should hear, by order id, in the order it happened.
    public var events: [Int64: [NoticeEvent]] = [:]
    /// Each line's change, summed (kept when the operation reports its consequences).
    public var lineDeltas: [Int64: Delta] = [:]

    public init() {}

    /// Adds a change of one line to what the operation reports.
    public mutating func addLineDelta(_ lineId: Int64, _ d: Delta) {
        var t = lineDeltas[lineId] ?? Delta()
        t.ordered += d.ordered; t.allocated += d.allocated; t.picked += d.picked; t.shipped += d.shipped
        t.backordered += d.backordered; t.cancelled += d.cancelled
        lineDeltas[lineId] = t
    }

    /// A journaled movement: its item's counters, the re-pegging it calls for, an order that may close, notice events.
    /// `queueKey`: the line's place in its SKU's queue, when the movement puts a new line there.
    public mutating func account(_ m: PlannedMovement, orderId: Int64?, queueKey: WaitingQueueKey?) {
        let d = m.delta
        var item = itemDeltas[m.sku] ?? ItemDelta()
        item.onHand += d.onHand; item.allocated += d.allocated; item.picked += d.picked; item.backordered += d.backordered
        itemDeltas[m.sku] = item
        touchedSkus.insert(m.sku)
        if let key = queueKey, d.backordered > 0, d.onHand == 0 {
            pegFrom[m.sku] = min(pegFrom[m.sku] ?? key, key)
            joinedUnits[m.sku, default: 0] += d.backordered
        } else if d.backordered != 0 || d.onHand > 0 {
            pegSkus.insert(m.sku)
        }
        if let orderId {
            if NoticeRules.mayClose(m.kind) { closableOrders.insert(orderId) }
            for event in NoticeRules.events(of: m) { note(event, order: orderId) }
        }
    }

    /// Free stock of `sku` given to waiting lines (`units` in all): allocated up, backordered down, the queue re-pegged.
    public mutating func allocated(_ units: Int, of sku: String) {
        var item = itemDeltas[sku] ?? ItemDelta()
        item.allocated += units; item.backordered -= units
        itemDeltas[sku] = item
        touchedSkus.insert(sku)
        pegSkus.insert(sku)
    }

    /// Records an event for the order's customer notice (once).
    public mutating func note(_ event: NoticeEvent, order: Int64) {
        if !(events[order] ?? []).contains(event) { events[order, default: []].append(event) }
    }

    /// The item counter changes not yet written, by SKU (the order items are locked and written in), and none after.
    public mutating func takeItemDeltas() -> [(sku: String, delta: ItemDelta)] {
        let changed = itemDeltas.filter { $0.value != ItemDelta() }.sorted { $0.key < $1.key }.map { (sku: $0.key, delta: $0.value) }
        itemDeltas.removeAll()
        return changed
    }
}

extension Consequences {
    /// One order line as it is after an operation, with its order's number and customer.
    public struct LineNow: Sendable {
        public var order: String, customer: String, lineNo: Int, sku: String, q: LineQuantities
        public init(order: String, customer: String, lineNo: Int, sku: String, q: LineQuantities) {
            self.order = order; self.customer = customer; self.lineNo = lineNo; self.sku = sku; self.q = q
        }
    }

    /// A promised date an operation moved, as stored before and after (a day, or "-": no arrival covers the line).
    public struct MovedDate: Sendable {
        public var lineId: Int64, old: String?, new: String, wasWaiting: Bool
        public init(lineId: Int64, old: String?, new: String, wasWaiting: Bool) {
            self.lineId = lineId; self.old = old; self.new = new; self.wasWaiting = wasWaiting
        }
    }

    /// What an operation changed, from what each store reads after it: each line before (now less its deltas) and
    /// after, the dates moved, the customers told and the orders closed, each list in order number order.
    public init(lineDeltas: [Int64: Delta], dates: [MovedDate], lines: [Int64: LineNow], told: [Int64: [NoticeEvent]], closed: [Int64],
                orders: [Int64: (number: String, customer: String)]) {
        self.init()
        for (id, d) in lineDeltas where d != Delta() {
            guard let l = lines[id] else { continue }
            let before = LineQuantities(ordered: l.q.ordered - d.ordered, allocated: l.q.allocated - d.allocated, picked: l.q.picked - d.picked,
                                        shipped: l.q.shipped - d.shipped, backordered: l.q.backordered - d.backordered,
                                        cancelled: l.q.cancelled - d.cancelled)
            self.lines.append(.init(orderNumber: l.order, customerName: l.customer, lineNo: l.lineNo, sku: l.sku, before: before, after: l.q))
        }
        self.lines.sort { ($0.orderNumber, $0.lineNo) < ($1.orderNumber, $1.lineNo) }
        for change in dates {
            guard let l = lines[change.lineId] else { continue }
            self.dates.append(.init(orderNumber: l.order, lineNo: l.lineNo, sku: l.sku, from: change.old.flatMap { Day(iso: $0) },
                                    to: Day(iso: change.new), wasWaiting: change.wasWaiting))
        }
        self.dates.sort { ($0.orderNumber, $0.lineNo) < ($1.orderNumber, $1.lineNo) }
        notified = told.filter { !$0.value.isEmpty }.compactMap { id, e in
            orders[id].map { .init(orderNumber: $0.number, customerName: $0.customer, events: e) }
        }.sorted { $0.orderNumber < $1.orderNumber }
        closedOrders = closed.compactMap { orders[$0]?.number }.sorted()
    }
}

/// One row of a SKU's queue of waiting lines as re-pegging reads it (both stores').
public struct WaitingQueueRow: Sendable {
    public var key: WaitingQueueKey
    public var lineId: Int64
    public var orderId: Int64
    public var backordered: Int
    /// The promised date as stored ("-": no arrival planned; nil: not pegged yet).
    public var promised: String?

    public init(key: WaitingQueueKey, lineId: Int64, orderId: Int64, backordered: Int, promised: String?) {
        self.key = key; self.lineId = lineId; self.orderId = orderId; self.backordered = backordered; self.promised = promised
    }
}

/// What placing a new order already knows when its operation finishes, so the finish need not look it up again (both
/// stores').
public struct NewOrderFacts: Sendable {
    public var orderId: Int64
    /// Its SKUs' waiting units before it, read with their free stock: re-pegging from where its lines joined a queue
    /// takes the queue's total from here.
    public var waitingBefore: [String: Int]
    /// None of its SKUs has units free while lines wait (from the same counters): nothing to give out.
    public var nothingToAllocate: Bool
    /// The caller returns the order with its promised dates: the dates re-pegging wrote are kept.
    public var reportsDates: Bool

    public init(orderId: Int64, waitingBefore: [String: Int], nothingToAllocate: Bool, reportsDates: Bool) {
        self.orderId = orderId; self.waitingBefore = waitingBefore; self.nothingToAllocate = nothingToAllocate; self.reportsDates = reportsDates
    }
}
