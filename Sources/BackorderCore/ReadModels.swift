/// One row of the open-orders list.
public struct OpenOrderRow: Hashable, Sendable, Codable {
    public var number: String
    public var customerCode: String
    public var customerName: String
    public var orderDate: Day
    public var priority: Int
    public var policy: ShipPolicy
    public var lines: Int
    public var ordered: Int
    public var allocated: Int
    public var picked: Int
    public var shipped: Int
    public var backordered: Int
    public var version: Int

    public init(number: String, customerCode: String, customerName: String, orderDate: Day, priority: Int, policy: ShipPolicy,
                lines: Int, ordered: Int, allocated: Int, picked: Int, shipped: Int, backordered: Int, version: Int) {
        self.number = number; self.customerCode = customerCode; self.customerName = customerName; self.orderDate = orderDate
        self.priority = priority; self.policy = policy; self.lines = lines; self.ordered = ordered; self.allocated = allocated
        self.picked = picked; self.shipped = shipped; self.backordered = backordered; self.version = version
    }
}

/// One row of the backorder-lines list.
public struct BackorderRow: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var customerName: String
    public var orderDate: Day
    public var priority: Int
    public var lineNo: Int
    public var sku: String
    public var itemName: String
    public var backordered: Int
    /// ETA of the arrival that covers this line when arrivals are pegged in priority; nil: no arrival planned.
    public var promised: Day?
    /// Days since the order date.
    public var ageDays: Int
    /// True when the promised date lies in the past (its arrival is late) or nothing is planned.
    public var late: Bool

    public init(orderNumber: String, customerName: String, orderDate: Day, priority: Int, lineNo: Int, sku: String,
                itemName: String, backordered: Int, promised: Day?, ageDays: Int, late: Bool) {
        self.orderNumber = orderNumber; self.customerName = customerName; self.orderDate = orderDate; self.priority = priority
        self.lineNo = lineNo; self.sku = sku; self.itemName = itemName; self.backordered = backordered
        self.promised = promised; self.ageDays = ageDays; self.late = late
    }
}

/// One row of the expected-arrivals list.
public struct ArrivalRow: Hashable, Sendable, Codable {
    public var arrival: Arrival
    public var itemName: String
    /// Units of this arrival already promised to waiting backorder lines.
    public var promised: Int
    /// True when the ETA has passed and units are still outstanding.
    public var late: Bool
    /// How many times the ETA was changed.
    public var etaChanges: Int

    public init(arrival: Arrival, itemName: String, promised: Int, late: Bool, etaChanges: Int) {
        self.arrival = arrival; self.itemName = itemName; self.promised = promised; self.late = late; self.etaChanges = etaChanges
    }
}

/// Everything about one order: lines, promised dates, shipments and history.
public struct OrderDetail: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var line: OrderLine
        /// For a line with backordered units: the promised date, or nil when no arrival is planned.
        public var promised: Day?
        public init(line: OrderLine, promised: Day?) { self.line = line; self.promised = promised }
    }
    public var order: Order
    public var lines: [Line]
    public var shipments: [Shipment]
    public var history: [Movement]
    public var cancelReasons: [String]
    /// The customer's reference or a note on the order ("" when none).
    public var note: String
    /// Changes of the order's priority, policy or note after it was placed, oldest first.
    public var changes: [OrderChange]

    public init(order: Order, lines: [Line], shipments: [Shipment], history: [Movement], cancelReasons: [String] = [],
                note: String = "", changes: [OrderChange] = []) {
        self.order = order; self.lines = lines; self.shipments = shipments; self.history = history; self.cancelReasons = cancelReasons
        self.note = note; self.changes = changes
    }

    /// Sum of every line's quantities.
    public var totals: LineQuantities {
        lines.reduce(into: LineQuantities()) { t, l in
            let q = l.line.quantities
            t.ordered += q.ordered; t.allocated += q.allocated; t.picked += q.picked
            t.shipped += q.shipped; t.backordered += q.backordered; t.cancelled += q.cancelled
        }
    }

    /// What the customer should be told: shipped so far, and what is outstanding with its promised date.
    public func customerStatus(today: Day) -> String {
        var out: [String] = []
        let o = order
        out.append("Order \(o.number) for \(o.customerName) (\(o.customerCode)), placed \(o.orderDate.iso)")
        if let closed = o.closedAt {
            out.append("Status: complete, closed \(closed.day().iso)")
        } else {
            out.append("Status: open")
        }
        out.append("")
        if shipments.isEmpty {
            out.append("Shipped so far: nothing yet")
        } else {
            out.append("Shipped so far:")
            for s in shipments {
                out.append("  Shipment \(s.number) on \(s.at.day().iso):")
                for l in s.lines {
                    let name = lines.first { $0.line.lineNo == l.lineNo }?.line.itemName ?? ""
                    out.append("    \(l.quantity) × \(l.sku) \(name)")
                }
            }
        }
        let outstanding = lines.filter { $0.line.quantities.open > 0 }
        out.append("")
        if outstanding.isEmpty {
            out.append("Outstanding: nothing")
        } else {
            out.append("Outstanding:")
            for l in outstanding {
                let q = l.line.quantities
                var parts: [String] = []
                if q.allocated + q.picked > 0 {
                    parts.append("\(q.allocated + q.picked) in stock, " + (o.policy == .complete ? "ships when the whole order is complete" : "ships with the next shipment"))
                }
                if q.backordered > 0 {
                    if let p = l.promised {
                        parts.append("\(q.backordered) on backorder, expected " + (p < today ? "\(p.iso) (delayed; new date to follow)" : p.iso))
                    } else {
                        parts.append("\(q.backordered) on backorder, no delivery date yet")
                    }
                }
                out.append("  \(l.line.sku) \(l.line.itemName): " + parts.joined(separator: "; "))
            }
        }
        let cancelled = lines.filter { $0.line.quantities.cancelled > 0 }
        if !cancelled.isEmpty {
            out.append("")
            out.append("Cancelled:")
            for l in cancelled { out.append("  \(l.line.quantities.cancelled) × \(l.line.sku) \(l.line.itemName)") }
        }
        return out.joined(separator: "\n")
    }
}

/// What a receipt did: stock in, and which orders got what.
public struct ReceiptResult: Hashable, Sendable, Codable {
    public struct Allocation: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var lineNo: Int
        public var quantity: Int
        /// True when this line now waits for nothing more.
        public var lineFilled: Bool
        public init(orderNumber: String, lineNo: Int, quantity: Int, lineFilled: Bool) {
            self.orderNumber = orderNumber; self.lineNo = lineNo; self.quantity = quantity; self.lineFilled = lineFilled
        }
    }
    public var receiptNumber: String
    public var sku: String
    public var quantity: Int
    public var arrivalReference: String?
    /// Units beyond what the arrival expected.
    public var overReceived: Int
    public var arrivalClosed: Bool
    public var allocations: [Allocation]
    /// Units left free on the shelf after serving every waiting line.
    public var leftFree: Int

    public init(receiptNumber: String, sku: String, quantity: Int, arrivalReference: String?, overReceived: Int,
                arrivalClosed: Bool, allocations: [Allocation], leftFree: Int) {
        self.receiptNumber = receiptNumber; self.sku = sku; self.quantity = quantity; self.arrivalReference = arrivalReference
        self.overReceived = overReceived; self.arrivalClosed = arrivalClosed; self.allocations = allocations; self.leftFree = leftFree
    }
}

/// One broken rule found by `check`.
public struct Violation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var rule: String
    public var detail: String
    public init(rule: String, detail: String) { self.rule = rule; self.detail = detail }
    public var description: String { "\(rule): \(detail)" }
}
