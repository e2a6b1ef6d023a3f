/// A backordered line waiting for stock, with what decides its place in the queue.
public struct WaitingLine: Hashable, Sendable {
    public var lineId: Int64
    public var orderNumber: String
    public var lineNo: Int
    public var priority: Int
    public var orderDate: Day
    public var backordered: Int

    public init(lineId: Int64, orderNumber: String, lineNo: Int, priority: Int, orderDate: Day, backordered: Int) {
        self.lineId = lineId; self.orderNumber = orderNumber; self.lineNo = lineNo; self.priority = priority
        self.orderDate = orderDate; self.backordered = backordered
    }

    /// The stated allocation priority: order priority, then order date, then order number (then line number).
    public static func servedBefore(_ a: WaitingLine, _ b: WaitingLine) -> Bool {
        (a.priority, a.orderDate, a.orderNumber, a.lineNo) < (b.priority, b.orderDate, b.orderNumber, b.lineNo)
    }
}

/// A quantity given to one waiting line.
public struct Grant: Hashable, Sendable {
    public var lineId: Int64
    public var quantity: Int
    public init(lineId: Int64, quantity: Int) { self.lineId = lineId; self.quantity = quantity }
}

/// A change to one order line (or to stock alone) that an operation will journal.
public struct PlannedMovement: Hashable, Sendable {
    public var lineId: Int64?
    public var sku: String
    public var kind: MovementKind
    public var quantity: Int
    public var delta: Delta

    public init(lineId: Int64?, sku: String, kind: MovementKind, quantity: Int, delta: Delta) {
        self.lineId = lineId; self.sku = sku; self.kind = kind; self.quantity = quantity; self.delta = delta
    }
}

/// One requested line of a new order.
public struct NewOrderLine: Hashable, Sendable, Codable {
    public var sku: String
    public var quantity: Int
    public init(sku: String, quantity: Int) { self.sku = sku; self.quantity = quantity }
}

/// What a clerk confirms for one line when picking.
public struct PickEntry: Hashable, Sendable, Codable {
    public var lineNo: Int
    /// Units taken from the shelf.
    public var picked: Int
    /// Units the books said were there but the shelf did not have (a short pick).
    public var missing: Int
    public init(lineNo: Int, picked: Int, missing: Int = 0) { self.lineNo = lineNo; self.picked = picked; self.missing = missing }
}

/// The backorder rules, as pure functions from the state they need to the movements they cause.
public enum Rules {
    /// Splits each new line into allocated (from free stock, first come first served within the order) and backordered.
    public static func allocateNewLines(_ lines: [NewOrderLine], free: [String: Int]) -> [LineQuantities] {
        var free = free
        return lines.map { line in
            let available = max(0, free[line.sku] ?? 0)
            let take = min(available, line.quantity)
            free[line.sku] = available - take
            return LineQuantities(ordered: line.quantity, allocated: take, backordered: line.quantity - take)
        }
    }

    /// Gives `available` units to waiting lines in the stated priority; only the last line served may get less than it waits for.
    public static func distribute(_ available: Int, to waiting: [WaitingLine]) -> [Grant] {
        var left = available
        var grants: [Grant] = []
        for line in waiting.sorted(by: WaitingLine.servedBefore) where left > 0 && line.backordered > 0 {
            let q = min(left, line.backordered)
            grants.append(Grant(lineId: line.lineId, quantity: q))
            left -= q
        }
        return grants
    }

    /// The movements of a pick; `entries == nil` picks everything allocated.
    public static func planPick(lines: [OrderLine], entries: [PickEntry]?) throws -> [PlannedMovement] {
        let requested = entries ?? lines.filter { $0.quantities.allocated > 0 }.map { PickEntry(lineNo: $0.lineNo, picked: $0.quantities.allocated) }
        guard !requested.isEmpty else { throw BackorderError.refused(.t(RuleText.nothingAllocated)) }
        var seen = Set<Int>()
        var moves: [PlannedMovement] = []
        for e in requested {
            guard seen.insert(e.lineNo).inserted else { throw BackorderError.invalid(.t(RuleText.lineGivenTwice, Plain(e.lineNo))) }
            guard let line = lines.first(where: { $0.lineNo == e.lineNo }) else {
                throw BackorderError.notFound(.t(RuleText.noSuchLine, Plain(e.lineNo)))
            }
            try Validate.nonNegative(e.picked, LocalText.t(FieldText.pickedOfLine, Plain(e.lineNo)))
            try Validate.nonNegative(e.missing, LocalText.t(FieldText.missingOfLine, Plain(e.lineNo)))
            let a = line.quantities.allocated
            guard e.picked + e.missing <= a else {
                throw BackorderError.refused(e.missing > 0 ? .t(RuleText.pickTooMuchMissing, Plain(e.lineNo), line.sku, a, e.picked, e.missing)
                                             : .t(RuleText.pickTooMuch, Plain(e.lineNo), line.sku, a, e.picked))
            }
            if e.picked > 0 {
                moves.append(PlannedMovement(lineId: line.id, sku: line.sku, kind: .pick, quantity: e.picked,
                                             delta: Delta(allocated: -e.picked, picked: e.picked)))
            }
            if e.missing > 0 {
                moves.append(PlannedMovement(lineId: line.id, sku: line.sku, kind: .shortPick, quantity: e.missing,
                                             delta: Delta(allocated: -e.missing, backordered: e.missing, onHand: -e.missing)))
            }
        }
        guard !moves.isEmpty else { throw BackorderError.invalid(.t(RuleText.nothingToPick)) }
        return moves
    }

    /// The movements of a shipment of everything picked; refuses a partial shipment of a ship-complete order without override.
    public static func planShipment(policy: ShipPolicy, lines: [OrderLine], override: Bool) throws -> [PlannedMovement] {
        let moves = lines.filter { $0.quantities.picked > 0 }.map {
            PlannedMovement(lineId: $0.id, sku: $0.sku, kind: .ship, quantity: $0.quantities.picked,
                            delta: Delta(picked: -$0.quantities.picked, shipped: $0.quantities.picked, onHand: -$0.quantities.picked))
        }
        guard !moves.isEmpty else { throw BackorderError.refused(.t(RuleText.nothingPicked)) }
        let leftOpen = lines.reduce(0) { $0 + $1.quantities.allocated + $1.quantities.backordered }
        if policy == .complete && leftOpen > 0 && !override {
            throw BackorderError.refused(.t(RuleText.shipComplete, leftOpen))
        }
        return moves
    }

    /// Pegging: the promised date of each waiting line, and how much of each arrival is promised.
    ///
    /// Arrivals are consumed in ETA order by waiting lines in allocation priority; a line's date is the ETA of the
    /// arrival that covers its last unit, or nil when the open arrivals do not cover it.
    public static func peg(waiting: [WaitingLine], arrivals: [Arrival]) -> (promised: [Int64: Day?], promisedPerArrival: [Int64: Int]) {
        let open = arrivals.filter { $0.isOpen && $0.outstanding > 0 }.sorted { ($0.eta, $0.id) < ($1.eta, $1.id) }
        var supply = PegSupply(open.map { (eta: $0.eta, left: $0.outstanding) })
        var promised: [Int64: Day?] = [:]
        var perArrival: [Int64: Int] = [:]
        for line in waiting.sorted(by: WaitingLine.servedBefore) {
            promised[line.lineId] = supply.take(line.backordered) { perArrival[open[$0].id, default: 0] += $1 }
        }
        return (promised, perArrival)
    }
}

/// One SKU's open arrivals handed out to its waiting lines, one line at a time in serving order: a line takes units
/// from the arrival with the earliest ETA that has any left, and is promised the ETA of the arrival that covers its last
/// unit (nil when the arrivals run out first). The one rule of pegging: `Rules.peg` and every store's re-pegging (which
/// reads the queue as a stream) take it from here. `ETA`: a `Day`, or a store's text for one.
// Inlinable: a store's re-peg calls `take` once per waiting line (thousands per receipt), across the module boundary.
public struct PegSupply<ETA> {
    /// The arrivals in ETA order, with the units each still has to give.
    public var arrivals: [(eta: ETA, left: Int)] { supply }
    @usableFromInline var supply: [(eta: ETA, left: Int)]
    @usableFromInline var index = 0

    /// `arrivals` in ETA order (then by id), each with units outstanding.
    @inlinable public init(_ arrivals: [(eta: ETA, left: Int)]) { supply = arrivals.filter { $0.left > 0 } }

    /// Every unit is promised: the lines further back get no date.
    @inlinable public var isExhausted: Bool { index == supply.count }

    /// Hands `units` to the next line; returns its date, nil when not all of them are covered. `given` hears what each
    /// arrival (its index in `arrivals`) gave.
    @inlinable public mutating func take(_ units: Int, given: ((Int, Int) -> Void)? = nil) -> ETA? {
        var need = units, eta: ETA?
        while need > 0 && index < supply.count {
            let take = min(need, supply[index].left)
            need -= take
            supply[index].left -= take
            given?(index, take)
            eta = supply[index].eta
            if supply[index].left == 0 { index += 1 }
        }
        return need == 0 ? eta : nil
    }
}
