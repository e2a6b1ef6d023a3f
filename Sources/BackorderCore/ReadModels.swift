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
        /// For a line with backordered units: how they fall on the open arrivals (pegging), in ETA order, the units no
        /// arrival covers last with no date; nil when the line waits for nothing or the reader did not ask.
        public var expected: [ExpectedPart]?
        public init(line: OrderLine, promised: Day?, expected: [ExpectedPart]? = nil) {
            self.line = line; self.promised = promised; self.expected = expected
        }
    }
    /// Some of a waiting line's units and the arrival that brings them.
    public struct ExpectedPart: Hashable, Sendable, Codable {
        public var quantity: Int
        /// The arrival's ETA; nil: no arrival covers these units yet.
        public var eta: Day?
        /// The arrival (PO/line); nil with `eta`.
        public var arrival: String?
        public init(quantity: Int, eta: Day?, arrival: String?) { self.quantity = quantity; self.eta = eta; self.arrival = arrival }
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
    /// The language the customer reads (nil: none set, texts for it use the reader's).
    public var customerLanguage: Language?

    public init(order: Order, lines: [Line], shipments: [Shipment], history: [Movement], cancelReasons: [String] = [],
                note: String = "", changes: [OrderChange] = [], customerLanguage: Language? = nil) {
        self.order = order; self.lines = lines; self.shipments = shipments; self.history = history; self.cancelReasons = cancelReasons
        self.note = note; self.changes = changes; self.customerLanguage = customerLanguage
    }

    /// The localizer of the customer's texts: the customer's language, else the process's.
    public var customerLocalizer: Localizer { customerLanguage.map(Localizer.init) ?? .process }

    /// Sum of every line's quantities.
    public var totals: LineQuantities {
        lines.reduce(into: LineQuantities()) { t, l in
            let q = l.line.quantities
            t.ordered += q.ordered; t.allocated += q.allocated; t.picked += q.picked
            t.shipped += q.shipped; t.backordered += q.backordered; t.cancelled += q.cancelled
        }
    }

    /// What the customer should be told, in the customer's language (else the process's): see `customerStatus(today:_:)`.
    public func customerStatus(today: Day) -> String { customerStatus(today: today, customerLocalizer) }

    /// What the customer should be told, in `tr`'s language: what shipped and when (shipment numbers), what is
    /// outstanding, and for waiting units the dates of the arrivals that bring them ("15 expected 14.12.2026, 20 …").
    public func customerStatus(today: Day, _ tr: Localizer) -> String {
        var out: [String] = []
        let o = order
        out.append(tr(NoticeText.orderHeader, o.number, o.customerName, o.customerCode, o.orderDate))
        if !note.isEmpty { out.append(tr(NoticeText.note, note)) }
        out.append(o.closedAt.map { tr(NoticeText.statusClosed, $0.day()) } ?? tr(NoticeText.statusOpen))
        out.append("")
        if shipments.isEmpty {
            out.append(tr(NoticeText.shippedNothing))
        } else {
            out.append(tr(NoticeText.shippedHeader))
            for s in shipments {
                out.append("  " + tr(NoticeText.shipmentHeader, s.number, s.at.day()))
                for l in s.lines {
                    let name = lines.first { $0.line.lineNo == l.lineNo }?.line.itemName ?? ""
                    out.append("    " + tr(NoticeText.shipmentLine, l.quantity, l.sku, name))
                }
            }
        }
        let outstanding = lines.filter { $0.line.quantities.open > 0 }
        out.append("")
        if outstanding.isEmpty {
            out.append(tr(NoticeText.outstandingNothing))
        } else {
            out.append(tr(NoticeText.outstandingHeader))
            for l in outstanding {
                let q = l.line.quantities
                var parts: [String] = []
                if q.allocated + q.picked > 0 {
                    parts.append(tr(o.policy == .complete ? NoticeText.inStockComplete : NoticeText.inStockNext, q.allocated + q.picked))
                }
                if q.backordered > 0 { parts.append(Self.waiting(q.backordered, l, today: today, tr)) }
                out.append("  " + tr(NoticeText.outstandingLine, l.line.sku, l.line.itemName, parts.joined(separator: "; ")))
            }
        }
        let cancelled = lines.filter { $0.line.quantities.cancelled > 0 }
        if !cancelled.isEmpty {
            out.append("")
            out.append(tr(NoticeText.cancelledHeader))
            for l in cancelled { out.append("  " + tr(NoticeText.cancelledLine, l.line.quantities.cancelled, l.line.sku, l.line.itemName)) }
        }
        return out.joined(separator: "\n")
    }

    /// A waiting line's units and when they come: one date, or each part with its own when arrivals split it.
    static func waiting(_ backordered: Int, _ l: Line, today: Day, _ tr: Localizer) -> String {
        func expected(_ d: Day) -> String { tr(d < today ? NoticeText.expectedDelayed : NoticeText.expectedOn, d) }
        let parts = (l.expected ?? []).filter { $0.quantity > 0 }
        if parts.count > 1 {
            let each = parts.map { p in p.eta.map { tr(NoticeText.partExpected, p.quantity, expected($0)) } ?? tr(NoticeText.partNoDate, p.quantity) }
            return tr(NoticeText.backorderedSplit, backordered, each.joined(separator: ", "))
        }
        let date = parts.count == 1 ? parts[0].eta : l.promised
        return date.map { tr(NoticeText.backorderedOn, backordered, expected($0)) } ?? tr(NoticeText.backorderedNoDate, backordered)
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
