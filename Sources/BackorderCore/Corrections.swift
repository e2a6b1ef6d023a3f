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

    /// The consequences as short lines a person reads, in the process's language (`Localizer.process`).
    public func describe(limit: Int = 12) -> [String] { describe(.process, limit: limit) }

    /// The consequences as short lines a person reads: units moved per line, dates moved, customers told.
    public func describe(_ tr: Localizer, limit: Int = 12) -> [String] {
        var out: [String] = []
        for c in lines.prefix(limit) {
            out.append(tr(ConsequenceText.lineChange, c.orderNumber, Plain(c.lineNo), c.sku, c.customerName, Consequences.change(c.before, c.after, tr)))
        }
        if lines.count > limit { out.append(tr(ConsequenceText.moreLines, lines.count - limit)) }
        let none = tr(ConsequenceText.noArrivalPlanned)
        let moved = dates.filter(\.wasWaiting)
        if !moved.isEmpty {
            out.append(tr(ConsequenceText.datesMove))
            for d in moved.prefix(limit) {
                out.append(tr(ConsequenceText.dateMove, d.orderNumber, Plain(d.lineNo), d.sku, d.from.map { tr.day($0) } ?? none,
                              d.to.map { tr.day($0) } ?? none))
            }
            if moved.count > limit { out.append(tr(ConsequenceText.moreDates, moved.count - limit)) }
        }
        let fresh = dates.filter { !$0.wasWaiting && $0.to != nil }
        for d in fresh.prefix(limit) { out.append(tr(ConsequenceText.nowWaits, d.orderNumber, Plain(d.lineNo), d.sku, d.to!)) }
        if !closedOrders.isEmpty { out.append(tr(ConsequenceText.closes, closedOrders.joined(separator: ", "))) }
        if !notified.isEmpty {
            let names = notified.prefix(limit).map { tr(ConsequenceText.orderCustomer, $0.orderNumber, $0.customerName) }.joined(separator: ", ")
            out.append(tr(ConsequenceText.noticeTo, notified.count > limit ? tr(ConsequenceText.andMore, names, notified.count - limit) : names))
        }
        return out
    }

    /// "allocated 10 → 4, backordered 0 → 6": only the buckets that changed (in the process's language).
    public static func change(_ a: LineQuantities, _ b: LineQuantities) -> String { change(a, b, .process) }

    /// "allocated 10 → 4, backordered 0 → 6": only the buckets that changed, in `tr`'s language.
    public static func change(_ a: LineQuantities, _ b: LineQuantities, _ tr: Localizer) -> String {
        let parts: [(ConsequenceText, Int, Int)] = [(.ordered, a.ordered, b.ordered), (.allocated, a.allocated, b.allocated),
                                                    (.picked, a.picked, b.picked), (.shipped, a.shipped, b.shipped),
                                                    (.backordered, a.backordered, b.backordered), (.cancelled, a.cancelled, b.cancelled)]
        let changed = parts.filter { $0.1 != $0.2 }.map { tr(ConsequenceText.bucketChange, tr($0.0), $0.1, $0.2) }
        return changed.isEmpty ? tr(ConsequenceText.unchanged) : changed.joined(separator: ", ")
    }
}

/// What an exception did, or in a preview would do.
public struct CorrectionResult: Hashable, Sendable, Codable {
    /// The operation in a few words ("cancelled 12 unit(s) on SO-000037"), in the process's language when it was made.
    public var summary: String
    /// The operation in a few words, worded in the reader's language: `summaryText.text(state.tr)`.
    public var summaryText: LocalText
    /// Units the operation moved (cancelled, put back, re-allocated, reversed, returned; the new quantity for an amendment).
    public var units: Int
    public var consequences: Consequences
    /// True when nothing was written: the result says what confirming would do.
    public var preview: Bool

    public init(summary: String, units: Int, consequences: Consequences, preview: Bool) {
        self.init(summaryText: .verbatim(summary), units: units, consequences: consequences, preview: preview)
    }

    /// A result whose summary is worded when it is read.
    public init(summaryText: LocalText, units: Int, consequences: Consequences, preview: Bool) {
        self.summary = summaryText.text(.process); self.summaryText = summaryText
        self.units = units; self.consequences = consequences; self.preview = preview
    }

    enum CodingKeys: String, CodingKey { case summary, units, consequences, preview }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(summary: try c.decode(String.self, forKey: .summary), units: try c.decode(Int.self, forKey: .units),
                  consequences: try c.decode(Consequences.self, forKey: .consequences), preview: try c.decode(Bool.self, forKey: .preview))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary, forKey: .summary); try c.encode(units, forKey: .units)
        try c.encode(consequences, forKey: .consequences); try c.encode(preview, forKey: .preview)
    }

    // The summary in English stands for the worded text: two results are equal when they read the same.
    public static func == (a: CorrectionResult, b: CorrectionResult) -> Bool {
        a.summaryText.text(.en) == b.summaryText.text(.en) && a.units == b.units && a.consequences == b.consequences && a.preview == b.preview
    }

    public func hash(into h: inout Hasher) {
        h.combine(summaryText.text(.en)); h.combine(units); h.combine(consequences); h.combine(preview)
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
            throw BackorderError.invalid(.t(RuleText.donorSyntax, spec))
        }
        let q = try Validate.parseQuantity(String(spec[spec.index(after: eq)...]), LocalText.t(FieldText.quantityFrom, spec[..<eq]))
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
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound(.t(RuleText.noSuchLine, Plain(lineNo))) }
            targets = [line]
        } else {
            targets = lines
        }
        func units(_ q: LineQuantities) -> Int { scope == .open ? q.backordered + q.allocated : q.backordered }
        if scope == .open, let held = targets.first(where: { $0.quantities.picked > 0 }) {
            throw BackorderError.refused(.t(RuleText.cancelPicked, Plain(held.lineNo), held.sku, held.quantities.picked))
        }
        let moving = targets.filter { units($0.quantities) > 0 }
        guard !moving.isEmpty else {
            let which = lineNo.map { LocalText.t(RuleText.lineNumbered, Plain($0)) } ?? .t(RuleText.theOrder)
            throw BackorderError.refused(.t(scope == .open ? RuleText.nothingOpenToCancel : .nothingBackorderedToCancel, which))
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
        guard !requested.isEmpty else { throw BackorderError.refused(.t(RuleText.nothingToPutBack)) }
        var seen = Set<Int>()
        var moves: [PlannedMovement] = []
        for e in requested {
            guard seen.insert(e.lineNo).inserted else { throw BackorderError.invalid(.t(RuleText.lineGivenTwice, Plain(e.lineNo))) }
            guard let line = lines.first(where: { $0.lineNo == e.lineNo }) else { throw BackorderError.notFound(.t(RuleText.noSuchLine, Plain(e.lineNo))) }
            try Validate.positive(e.quantity, LocalText.t(FieldText.putBackOnLine, Plain(e.lineNo)))
            guard e.quantity <= line.quantities.picked else {
                throw BackorderError.refused(.t(RuleText.putBackTooMuch, Plain(e.lineNo), line.sku, line.quantities.picked, e.quantity))
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
        try Validate.positive(quantity, LocalText.t(FieldText.newQuantityOfLine, Plain(line.lineNo)))
        let q = line.quantities
        let floor = q.picked + q.shipped + q.cancelled
        guard quantity != q.ordered else { throw BackorderError.refused(.t(RuleText.amendSame, Plain(line.lineNo), line.sku, quantity)) }
        guard quantity >= floor else {
            throw BackorderError.refused(.t(RuleText.amendBelowFloor, Plain(line.lineNo), line.sku, q.picked, q.shipped, q.cancelled, floor))
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

        /// "70 from stock, 30 on backorder, promised 2026-12-13 (PO-4505/1)", in the process's language.
        public var promise: String { promise(.process) }

        /// "70 from stock, 30 on backorder, promised 2026-12-13 (PO-4505/1)" in `tr`'s language.
        public func promise(_ tr: Localizer) -> String {
            guard backordered > 0 else { return tr(ConsequenceText.fromStock, fromStock) }
            let when = promised.map { p in arrival.map { tr(ConsequenceText.promisedBy, p, $0) } ?? tr(ConsequenceText.promisedOn, p) }
                ?? tr(ConsequenceText.noArrivalPlanned)
            return (fromStock > 0 ? tr(ConsequenceText.fromStockAnd, fromStock) : "") + tr(ConsequenceText.onBackorder, backordered, when)
        }
    }
    public var lines: [Line]
    public init(lines: [Line]) { self.lines = lines }
}
