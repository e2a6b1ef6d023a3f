/// The everyday exceptions: cancelling what is open, putting back a pick, amending a line, giving stock to an urgent
/// order, reversing a receipt, taking back a return. Their inputs, what they report, and the pure rules they follow.

/// How much of a line a cancellation takes.
public enum CancelScope: String, Sendable, Codable, CaseIterable {
    /// Everything not yet picked: backordered units are dropped and allocated units freed for waiting lines.
    case open
    /// Only the backordered remainder; allocated units stay to be picked and shipped.
    case backordered
}

/// What an exception changed (or, in a preview, would change): every line whose quantities moved, every promised date
/// that moved, and the orders whose customers get a notice. A dialog shows this before the clerk confirms.
public struct Consequences: Hashable, Sendable, Codable {
    /// One order line before and after.
    public struct LineChange: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var customerName: String
        public var lineNo: Int
        public var sku: String
        public var before: LineQuantities
        public var after: LineQuantities
        public init(orderNumber: String, customerName: String, lineNo: Int, sku: String, before: LineQuantities, after: LineQuantities) {
            self.orderNumber = orderNumber; self.customerName = customerName; self.lineNo = lineNo; self.sku = sku
            self.before = before; self.after = after
        }
    }

    /// A waiting line whose promised date moved; nil is "no arrival planned".
    public struct DateMove: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var lineNo: Int
        public var sku: String
        /// The date before; nil also when the line did not wait before (`wasWaiting` false).
        public var from: Day?
        public var to: Day?
        public var wasWaiting: Bool
        public init(orderNumber: String, lineNo: Int, sku: String, from: Day?, to: Day?, wasWaiting: Bool) {
            self.orderNumber = orderNumber; self.lineNo = lineNo; self.sku = sku; self.from = from; self.to = to; self.wasWaiting = wasWaiting
        }
    }

    /// A customer who will get (or whose pending notice gains) a message about an order.
    public struct Notified: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var customerName: String
        public var events: [NoticeEvent]
        public init(orderNumber: String, customerName: String, events: [NoticeEvent]) {
            self.orderNumber = orderNumber; self.customerName = customerName; self.events = events
        }
    }

    public var lines: [LineChange]
    public var dates: [DateMove]
    public var notified: [Notified]
    /// Orders that close with this change (nothing left open).
    public var closedOrders: [String]

    public init(lines: [LineChange] = [], dates: [DateMove] = [], notified: [Notified] = [], closedOrders: [String] = []) {
        self.lines = lines; self.dates = dates; self.notified = notified; self.closedOrders = closedOrders
    }

    /// Lines that gained allocated units, and lines that lost them, for the "who gains, who loses" part of a dialog.
    public var gainers: [LineChange] { lines.filter { $0.after.allocated > $0.before.allocated } }
    public var losers: [LineChange] { lines.filter { $0.after.allocated < $0.before.allocated } }

    /// The consequences as short lines a person reads: units moved per line, dates moved, customers told.
    public func describe(limit: Int = 12) -> [String] {
        var out: [String] = []
        for c in lines.prefix(limit) {
            out.append("• \(c.orderNumber)/\(c.lineNo) \(c.sku) (\(c.customerName)): " + Consequences.change(c.before, c.after))
        }
        if lines.count > limit { out.append("• … and \(lines.count - limit) more line(s)") }
        let moved = dates.filter(\.wasWaiting)
        if !moved.isEmpty {
            out.append("Promised dates that move:")
            for d in moved.prefix(limit) {
                out.append("• \(d.orderNumber)/\(d.lineNo) \(d.sku): \(d.from?.iso ?? "no arrival planned") → \(d.to?.iso ?? "no arrival planned")")
            }
            if moved.count > limit { out.append("• … and \(moved.count - limit) more") }
        }
        let fresh = dates.filter { !$0.wasWaiting && $0.to != nil }
        for d in fresh.prefix(limit) { out.append("• \(d.orderNumber)/\(d.lineNo) \(d.sku) now waits, promised \(d.to!.iso)") }
        if !closedOrders.isEmpty { out.append("Closes: " + closedOrders.joined(separator: ", ")) }
        if !notified.isEmpty {
            let names = notified.prefix(limit).map { "\($0.orderNumber) (\($0.customerName))" }
            out.append("Notice to: " + names.joined(separator: ", ") + (notified.count > limit ? " and \(notified.count - limit) more" : ""))
        }
        return out
    }

    /// "allocated 10 → 4, backordered 0 → 6": only the buckets that changed.
    public static func change(_ a: LineQuantities, _ b: LineQuantities) -> String {
        let parts: [(String, Int, Int)] = [("ordered", a.ordered, b.ordered), ("allocated", a.allocated, b.allocated),
                                           ("picked", a.picked, b.picked), ("shipped", a.shipped, b.shipped),
                                           ("backordered", a.backordered, b.backordered), ("cancelled", a.cancelled, b.cancelled)]
        let changed = parts.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) → \($0.2)" }
        return changed.isEmpty ? "unchanged" : changed.joined(separator: ", ")
    }
}

/// What an exception did, or in a preview would do.
public struct CorrectionResult: Hashable, Sendable, Codable {
    /// The operation in a few words ("cancelled 12 unit(s) on SO-000037").
    public var summary: String
    /// Units the operation moved (cancelled, put back, re-allocated, reversed, returned; the new quantity for an amendment).
    public var units: Int
    public var consequences: Consequences
    /// True when nothing was written: the result says what confirming would do.
    public var preview: Bool

    public init(summary: String, units: Int, consequences: Consequences, preview: Bool) {
        self.summary = summary; self.units = units; self.consequences = consequences; self.preview = preview
    }
}

/// A header field of an order, changed after creation.
public struct OrderChanges: Sendable, Codable, Equatable {
    public var priority: Int?
    public var policy: ShipPolicy?
    /// The customer's reference or a note on the order; "" clears it.
    public var note: String?
    public init(priority: Int? = nil, policy: ShipPolicy? = nil, note: String? = nil) {
        self.priority = priority; self.policy = policy; self.note = note
    }
    public var isEmpty: Bool { priority == nil && policy == nil && note == nil }
}

/// One recorded change of an order's header: kept forever, like the journal.
public struct OrderChange: Hashable, Sendable, Codable {
    public var at: Timestamp
    public var actor: String
    /// "priority", "policy" or "note".
    public var field: String
    public var from: String
    public var to: String
    public var reason: String
    public init(at: Timestamp, actor: String, field: String, from: String, to: String, reason: String) {
        self.at = at; self.actor = actor; self.field = field; self.from = from; self.to = to; self.reason = reason
    }
}

/// Units of one line given to another line.
public struct DonorLine: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var lineNo: Int
    public var quantity: Int
    public init(orderNumber: String, lineNo: Int, quantity: Int) { self.orderNumber = orderNumber; self.lineNo = lineNo; self.quantity = quantity }

    /// A donor as a clerk types it: `ORDER/LINE=QTY`.
    public static func parse(_ spec: String) throws -> DonorLine {
        guard let eq = spec.lastIndex(of: "="), let slash = spec[..<eq].lastIndex(of: "/"),
              let lineNo = Int(spec[spec.index(after: slash)..<eq]) else {
            throw BackorderError.invalid("donor \"\(spec)\" is not ORDER/LINE=QTY")
        }
        let q = try Validate.parseQuantity(String(spec[spec.index(after: eq)...]), "quantity from \(spec[..<eq])")
        return DonorLine(orderNumber: String(spec[..<slash]), lineNo: lineNo, quantity: q)
    }
}

/// A line holding allocated (not picked) units of a SKU: a possible donor for an urgent order.
public struct DonorCandidate: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var customerName: String
    public var lineNo: Int
    public var priority: Int
    public var orderDate: Day
    public var allocated: Int
    public init(orderNumber: String, customerName: String, lineNo: Int, priority: Int, orderDate: Day, allocated: Int) {
        self.orderNumber = orderNumber; self.customerName = customerName; self.lineNo = lineNo; self.priority = priority
        self.orderDate = orderDate; self.allocated = allocated
    }
}

/// Picked units of one line to put back on the shelf (still allocated to the line).
public struct PutBackEntry: Hashable, Sendable, Codable {
    public var lineNo: Int
    public var quantity: Int
    public init(lineNo: Int, quantity: Int) { self.lineNo = lineNo; self.quantity = quantity }
}

extension Rules {
    /// Cancels what is open on one line (`lineNo`) or on every line: `.open` takes backordered and allocated units
    /// (refused while units are picked: they must be put back first), `.backordered` only the backordered remainder.
    public static func planCancel(lines: [OrderLine], lineNo: Int?, scope: CancelScope) throws -> [PlannedMovement] {
        let targets: [OrderLine]
        if let lineNo {
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound("the order has no line \(lineNo)") }
            targets = [line]
        } else {
            targets = lines
        }
        func units(_ q: LineQuantities) -> Int { scope == .open ? q.backordered + q.allocated : q.backordered }
        if scope == .open, let held = targets.first(where: { $0.quantities.picked > 0 }) {
            throw BackorderError.refused("line \(held.lineNo) (\(held.sku)) has \(held.quantities.picked) unit(s) picked: put them back "
                                         + "first (put-back), ship them, or cancel only the backordered units")
        }
        let moving = targets.filter { units($0.quantities) > 0 }
        guard !moving.isEmpty else {
            let what = scope == .open ? "nothing open (backordered or allocated)" : "nothing backordered"
            throw BackorderError.refused((lineNo.map { "line \($0)" } ?? "the order") + " has \(what) to cancel")
        }
        return moving.map {
            let q = $0.quantities, a = scope == .open ? q.allocated : 0
            return PlannedMovement(lineId: $0.id, sku: $0.sku, kind: .cancel, quantity: q.backordered + a,
                                   delta: Delta(allocated: -a, backordered: -q.backordered, cancelled: q.backordered + a))
        }
    }

    /// Puts picked (not shipped) units back: they return to allocated on their line. `entries == nil` puts back all picked.
    public static func planPutBack(lines: [OrderLine], entries: [PutBackEntry]?) throws -> [PlannedMovement] {
        let requested = entries ?? lines.filter { $0.quantities.picked > 0 }.map { PutBackEntry(lineNo: $0.lineNo, quantity: $0.quantities.picked) }
        guard !requested.isEmpty else { throw BackorderError.refused("nothing is picked on this order, so there is nothing to put back") }
        var seen = Set<Int>()
        var moves: [PlannedMovement] = []
        for e in requested {
            guard seen.insert(e.lineNo).inserted else { throw BackorderError.invalid("line \(e.lineNo) is given twice") }
            guard let line = lines.first(where: { $0.lineNo == e.lineNo }) else { throw BackorderError.notFound("the order has no line \(e.lineNo)") }
            try Validate.positive(e.quantity, "quantity to put back on line \(e.lineNo)")
            guard e.quantity <= line.quantities.picked else {
                throw BackorderError.refused("line \(e.lineNo) (\(line.sku)) has \(line.quantities.picked) picked; cannot put back \(e.quantity)")
            }
            moves.append(PlannedMovement(lineId: line.id, sku: line.sku, kind: .putBack, quantity: e.quantity,
                                         delta: Delta(allocated: e.quantity, picked: -e.quantity)))
        }
        return moves
    }

    /// A line's ordered quantity changed to `quantity`. Up: the extra is taken from `free` stock, the rest backordered.
    /// Down: backordered units go first, then allocated ones (freed for waiting lines); never below what is picked,
    /// shipped or cancelled.
    public static func planAmend(line: OrderLine, quantity: Int, free: Int) throws -> PlannedMovement {
        try Validate.positive(quantity, "new quantity of line \(line.lineNo)")
        let q = line.quantities
        let floor = q.picked + q.shipped + q.cancelled
        guard quantity != q.ordered else { throw BackorderError.refused("line \(line.lineNo) (\(line.sku)) is already for \(quantity)") }
        guard quantity >= floor else {
            throw BackorderError.refused("line \(line.lineNo) (\(line.sku)): \(q.picked) picked, \(q.shipped) shipped and \(q.cancelled) cancelled "
                                         + "make \(floor); the quantity cannot go below that (put back picked units first)")
        }
        var d = Delta(ordered: quantity - q.ordered)
        if quantity > q.ordered {
            let extra = quantity - q.ordered
            d.allocated = min(max(0, free), extra)
            d.backordered = extra - d.allocated
        } else {
            let less = q.ordered - quantity
            d.backordered = -min(less, q.backordered)
            d.allocated = -(less + d.backordered)
        }
        return PlannedMovement(lineId: line.id, sku: line.sku, kind: .amend, quantity: abs(quantity - q.ordered), delta: d)
    }

    /// The donors a clerk is offered for `quantity` units: lowest priority first (9 before 1), newest order first,
    /// taking as much as each holds until the quantity is covered.
    public static func proposeDonors(_ candidates: [DonorCandidate], quantity: Int) -> [DonorLine] {
        var left = quantity
        var out: [DonorLine] = []
        for c in candidates.sorted(by: donorBefore) where left > 0 && c.allocated > 0 {
            let take = min(left, c.allocated)
            out.append(DonorLine(orderNumber: c.orderNumber, lineNo: c.lineNo, quantity: take))
            left -= take
        }
        return out
    }

    /// The order donors are proposed in: the reverse of the serving order (least urgent, newest first).
    public static func donorBefore(_ a: DonorCandidate, _ b: DonorCandidate) -> Bool {
        (b.priority, b.orderDate, b.orderNumber, b.lineNo) < (a.priority, a.orderDate, a.orderNumber, a.lineNo)
    }
}

/// What a new order would do, line by line, at the moment it is taken (available to promise).
public struct OrderPreview: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var lineNo: Int
        public var sku: String
        public var itemName: String
        public var quantity: Int
        /// Units reserved from free stock at once.
        public var fromStock: Int
        public var backordered: Int
        /// The promised date of the backordered units; nil: no arrival planned.
        public var promised: Day?
        /// The arrival (PO/line) that covers the line's last unit.
        public var arrival: String?
        public init(lineNo: Int, sku: String, itemName: String, quantity: Int, fromStock: Int, backordered: Int, promised: Day?, arrival: String?) {
            self.lineNo = lineNo; self.sku = sku; self.itemName = itemName; self.quantity = quantity; self.fromStock = fromStock
            self.backordered = backordered; self.promised = promised; self.arrival = arrival
        }

        /// "70 from stock, 30 on backorder, promised 2026-12-13 (PO-4505/1)".
        public var promise: String {
            guard backordered > 0 else { return "\(fromStock) from stock" }
            let when = promised.map { "promised \($0.iso)" + (arrival.map { " (\($0))" } ?? "") } ?? "no arrival planned"
            return (fromStock > 0 ? "\(fromStock) from stock, " : "") + "\(backordered) on backorder, " + when
        }
    }
    public var lines: [Line]
    public init(lines: [Line]) { self.lines = lines }
}
