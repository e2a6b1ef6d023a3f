/// "Why this date": a backorder line's promised date explained from the same inputs pegging uses — its place in its
/// SKU's queue, the open arrivals and how their units fall along the queue — and what would bring the date forward.

/// Why one waiting line is promised the date it has, and what would make it earlier.
public struct DateExplanation: Hashable, Sendable, Codable {
    /// A line served before this one.
    public struct Ahead: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var lineNo: Int
        public var customerName: String
        public var priority: Int
        public var orderDate: Day
        public var units: Int
        public init(orderNumber: String, lineNo: Int, customerName: String, priority: Int, orderDate: Day, units: Int) {
            self.orderNumber = orderNumber; self.lineNo = lineNo; self.customerName = customerName; self.priority = priority
            self.orderDate = orderDate; self.units = units
        }
    }

    /// An open arrival of the SKU and how its outstanding units fall along the queue.
    public struct Supply: Hashable, Sendable, Codable {
        public var reference: String
        public var supplier: String
        public var eta: Day
        public var outstanding: Int
        /// Units promised to lines served before this one.
        public var toLinesAhead: Int
        /// Units promised to this line.
        public var toThisLine: Int
        public init(reference: String, supplier: String, eta: Day, outstanding: Int, toLinesAhead: Int, toThisLine: Int) {
            self.reference = reference; self.supplier = supplier; self.eta = eta; self.outstanding = outstanding
            self.toLinesAhead = toLinesAhead; self.toThisLine = toThisLine
        }
        /// Units left for the lines behind this one, or for nobody yet.
        public var rest: Int { outstanding - toLinesAhead - toThisLine }
    }

    /// Where the line would stand with another priority or another ETA, as pegging computes it.
    public struct WhatIf: Hashable, Sendable, Codable {
        /// The promised date it would get; nil: still no arrival planned.
        public var date: Day?
        /// Units that would still wait ahead of it.
        public var unitsAhead: Int
        public init(date: Day?, unitsAhead: Int) { self.date = date; self.unitsAhead = unitsAhead }
    }

    /// Allocated units another open order holds that could be given to this line (as `reallocate` proposes them).
    public struct Donor: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var lineNo: Int
        public var customerName: String
        public var priority: Int
        /// Units the donor line holds allocated.
        public var allocated: Int
        /// Units it would give this line.
        public var gives: Int
        public init(orderNumber: String, lineNo: Int, customerName: String, priority: Int, allocated: Int, gives: Int) {
            self.orderNumber = orderNumber; self.lineNo = lineNo; self.customerName = customerName; self.priority = priority
            self.allocated = allocated; self.gives = gives
        }
    }

    public var orderNumber: String
    public var lineNo: Int
    public var sku: String
    public var itemName: String
    public var priority: Int
    public var orderDate: Day
    /// Units the line waits for.
    public var backordered: Int
    /// The pegged date: the ETA of the arrival covering its last unit; nil when no open arrival covers it.
    public var promised: Day?
    /// Its place in the SKU's serving order, 1 being served next.
    public var position: Int
    /// Lines waiting for the SKU in all.
    public var queueLines: Int
    public var linesAhead: Int
    public var unitsAhead: Int
    /// The first lines ahead (at most `DateExplanation.aheadShown`), in serving order.
    public var ahead: [Ahead]
    /// Every open arrival of the SKU, in the order pegging gives them out (ETA).
    public var arrivals: [Supply]
    /// `PO/line` of the arrival that covers its last unit; nil when none does.
    public var coveringArrival: String?
    /// Units of this line no open arrival covers.
    public var uncovered: Int
    /// More units on order that would give it a date (they serve the uncovered lines ahead of it first); 0 when covered.
    public var unitsToCover: Int
    /// Its date at priority 1 (the order's waiting lines of this SKU moved); nil when it is priority 1 already.
    public var atPriorityOne: WhatIf?
    /// Its date if the covering arrival came today; nil when nothing covers it or that arrival is due today or earlier.
    public var coveringArrivesToday: WhatIf?
    /// Lines of other open orders whose allocated units would fill (or help) this line, as a re-allocation proposes them.
    public var donors: [Donor]

    /// How many lines ahead are listed by name.
    public static let aheadShown = 10

    public init(orderNumber: String, lineNo: Int, sku: String, itemName: String, priority: Int, orderDate: Day, backordered: Int,
                promised: Day?, position: Int, queueLines: Int, linesAhead: Int, unitsAhead: Int, ahead: [Ahead], arrivals: [Supply],
                coveringArrival: String?, uncovered: Int, unitsToCover: Int, atPriorityOne: WhatIf?, coveringArrivesToday: WhatIf?,
                donors: [Donor]) {
        self.orderNumber = orderNumber; self.lineNo = lineNo; self.sku = sku; self.itemName = itemName; self.priority = priority
        self.orderDate = orderDate; self.backordered = backordered; self.promised = promised; self.position = position
        self.queueLines = queueLines; self.linesAhead = linesAhead; self.unitsAhead = unitsAhead; self.ahead = ahead
        self.arrivals = arrivals; self.coveringArrival = coveringArrival; self.uncovered = uncovered; self.unitsToCover = unitsToCover
        self.atPriorityOne = atPriorityOne; self.coveringArrivesToday = coveringArrivesToday; self.donors = donors
    }

    /// Units the proposed donors would give in all.
    public var donorUnits: Int { donors.reduce(0) { $0 + $1.gives } }

    /// The explanation as lines a person reads, in the process's language (`Localizer.process`).
    public func describe(today: Day) -> [String] { describe(.process, today: today) }

    /// The explanation as lines a person reads in `tr`'s language; the CLI prints them and the UI shows them in a text overlay.
    public func describe(_ tr: Localizer, today: Day) -> [String] {
        typealias T = ExplanationText
        var out = [itemName.isEmpty ? tr(T.heading, orderNumber, Plain(lineNo), backordered, sku, Plain(priority), orderDate)
                   : tr(T.headingNamed, orderNumber, Plain(lineNo), backordered, sku, Plain(priority), orderDate, itemName)]
        if let promised, let coveringArrival {
            out.append(tr(promised < today ? T.promisedLate : T.promised, promised, coveringArrival))
        } else {
            out.append(uncovered == backordered ? tr(T.noArrivalNone, backordered)
                       : tr(T.noArrivalPart, uncovered, backordered, backordered - uncovered))
        }
        out.append("")
        out.append(tr(T.place, sku, position, queueLines))
        if linesAhead == 0 {
            out.append(tr(T.nothingAhead, sku))
        } else {
            out.append(tr(T.aheadOf, unitsAhead, linesAhead))
            for a in ahead {
                out.append(a.customerName.isEmpty ? tr(T.aheadLine, a.orderNumber, Plain(a.lineNo), a.units, Plain(a.priority), a.orderDate)
                           : tr(T.aheadLineNamed, a.orderNumber, Plain(a.lineNo), a.units, Plain(a.priority), a.orderDate, a.customerName))
            }
            if linesAhead > ahead.count {
                let shown = ahead.reduce(0) { $0 + $1.units }
                out.append(tr(T.aheadMore, linesAhead - ahead.count, unitsAhead - shown))
            }
        }
        out.append("")
        if arrivals.isEmpty {
            out.append(tr(T.noArrivals, sku))
        } else {
            out.append(tr(T.arrivalsHeading, sku))
            for s in arrivals {
                var parts: [String] = []
                if s.toLinesAhead > 0 { parts.append(tr(T.toLinesAhead, s.toLinesAhead)) }
                if s.toThisLine > 0 { parts.append(tr(T.toThisLine, s.toThisLine)) }
                if s.rest > 0 { parts.append(tr(T.leftAfter, s.rest)) }
                out.append(tr(s.eta < today ? T.arrivalLate : T.arrival, s.reference, s.supplier, s.eta, s.outstanding,
                              parts.joined(separator: ", ")))
            }
        }
        out.append("")
        out.append(tr(T.earlierHeading))
        var ways = 0
        if let p = atPriorityOne {
            ways += 1
            let date = p.date.map { tr(ConsequenceText.promisedOn, $0) } ?? tr(T.stillNoArrival)
            let same = p.date == promised && p.date != nil
            out.append(tr(same ? T.priorityOneSame : T.priorityOne, Plain(priority), date, p.unitsAhead, orderNumber))
        } else {
            out.append(tr(T.alreadyPriorityOne))
        }
        if let coveringArrival, let promised, let t = coveringArrivesToday {
            ways += 1
            out.append(tr(T.arrivingToday, coveringArrival, promised,
                          t.date.map { tr(ConsequenceText.promisedOn, $0) } ?? tr(ConsequenceText.noArrivalPlanned)))
        } else if let coveringArrival, let promised, promised <= today {
            ways += 1
            out.append(tr(T.wasDue, coveringArrival, promised))
        }
        if unitsToCover > 0 {
            ways += 1
            out.append(unitsToCover > uncovered ? tr(T.moreOnOrderAhead, unitsToCover, sku, unitsToCover - uncovered)
                       : tr(T.moreOnOrder, unitsToCover, sku))
        }
        if !donors.isEmpty {
            ways += 1
            out.append(donorUnits >= backordered ? tr(T.donorsFill, orderNumber, Plain(lineNo))
                       : tr(T.donorsPart, orderNumber, Plain(lineNo), donorUnits, backordered))
            for d in donors {
                out.append(d.customerName.isEmpty ? tr(T.donorLine, d.orderNumber, Plain(d.lineNo), Plain(d.priority), d.gives, d.allocated)
                           : tr(T.donorLineNamed, d.orderNumber, Plain(d.lineNo), Plain(d.priority), d.gives, d.allocated, d.customerName))
            }
        } else {
            out.append(tr(T.noDonors, sku))
        }
        if ways == 0 { out.append(tr(T.nothingElse)) }
        return out
    }
}

extension Rules {
    /// Explains the promised date of the waiting line `lineId` among a SKU's `waiting` lines and its `arrivals`.
    ///
    /// The date, the units ahead and how each arrival falls along the queue come from the same walk as `peg`; the
    /// what-ifs re-peg with the order moved to priority 1 and with the covering arrival due `today`. `donors` are the
    /// lines of other orders holding allocated units of the SKU (`DonorCandidate`), proposed as `proposeDonors` does.
    /// `customerNames` names the orders ahead (by order number). Nil when `lineId` does not wait.
    public static func explainDate(lineId: Int64, waiting: [WaitingLine], arrivals: [Arrival], donors: [DonorCandidate],
                                   customerNames: [String: String] = [:], sku: String, itemName: String = "",
                                   today: Day) -> DateExplanation? {
        let queue = waiting.filter { $0.backordered > 0 }.sorted(by: WaitingLine.servedBefore)
        guard let position = queue.firstIndex(where: { $0.lineId == lineId }) else { return nil }
        let line = queue[position]
        let open = arrivals.filter { $0.isOpen && $0.outstanding > 0 }.sorted { ($0.eta, $0.id) < ($1.eta, $1.id) }
        let aheadLines = queue[..<position]
        let unitsAhead = aheadLines.reduce(0) { $0 + $1.backordered }

        // The queue up to and including this line takes the arrivals in ETA order: the first `unitsAhead` units go
        // ahead, the next `backordered` to this line.
        var supplies: [DateExplanation.Supply] = []
        var cursor = 0
        var covering: Arrival?
        for a in open {
            let start = cursor, end = cursor + a.outstanding
            let ahead = max(0, min(end, unitsAhead) - start)
            let mine = max(0, min(end, unitsAhead + line.backordered) - max(start, unitsAhead))
            if mine > 0 { covering = a }
            supplies.append(.init(reference: a.reference, supplier: a.supplier, eta: a.eta, outstanding: a.outstanding,
                                  toLinesAhead: ahead, toThisLine: mine))
            cursor = end
        }
        let covered = supplies.reduce(0) { $0 + $1.toThisLine }
        let uncovered = line.backordered - covered
        let promised = uncovered == 0 ? covering?.eta : nil

        var atPriorityOne: DateExplanation.WhatIf?
        if line.priority > 1 {
            // A priority belongs to the order: every waiting line of it moves.
            let moved = queue.map { w -> WaitingLine in
                var w = w
                if w.orderNumber == line.orderNumber { w.priority = 1 }
                return w
            }
            atPriorityOne = whatIf(lineId: lineId, waiting: moved, arrivals: open)
        }
        var arrivesToday: DateExplanation.WhatIf?
        if let covering, uncovered == 0, covering.eta > today {
            let moved = open.map { a -> Arrival in
                var a = a
                if a.id == covering.id { a.eta = today }
                return a
            }
            arrivesToday = whatIf(lineId: lineId, waiting: queue, arrivals: moved)
        }
        let others = donors.filter { $0.orderNumber != line.orderNumber && $0.allocated > 0 }
        let offers = proposeDonors(others, quantity: line.backordered).compactMap { d -> DateExplanation.Donor? in
            guard let c = others.first(where: { $0.orderNumber == d.orderNumber && $0.lineNo == d.lineNo }) else { return nil }
            return .init(orderNumber: c.orderNumber, lineNo: c.lineNo, customerName: c.customerName, priority: c.priority,
                         allocated: c.allocated, gives: d.quantity)
        }
        let ahead = aheadLines.prefix(DateExplanation.aheadShown).map {
            DateExplanation.Ahead(orderNumber: $0.orderNumber, lineNo: $0.lineNo, customerName: customerNames[$0.orderNumber] ?? "",
                                  priority: $0.priority, orderDate: $0.orderDate, units: $0.backordered)
        }
        return DateExplanation(orderNumber: line.orderNumber, lineNo: line.lineNo, sku: sku, itemName: itemName, priority: line.priority,
                               orderDate: line.orderDate, backordered: line.backordered, promised: promised, position: position + 1,
                               queueLines: queue.count, linesAhead: position, unitsAhead: unitsAhead, ahead: Array(ahead),
                               arrivals: supplies, coveringArrival: uncovered == 0 ? covering?.reference : nil, uncovered: uncovered,
                               unitsToCover: max(0, unitsAhead + line.backordered - cursor), atPriorityOne: atPriorityOne,
                               coveringArrivesToday: arrivesToday, donors: offers)
    }

    /// The date pegging gives `lineId`, and the units ahead of it, for a changed queue or supply.
    private static func whatIf(lineId: Int64, waiting: [WaitingLine], arrivals: [Arrival]) -> DateExplanation.WhatIf {
        let date = peg(waiting: waiting, arrivals: arrivals).promised[lineId] ?? nil
        let sorted = waiting.sorted(by: WaitingLine.servedBefore)
        let ahead = sorted.prefix { $0.lineId != lineId }.reduce(0) { $0 + $1.backordered }
        return .init(date: date, unitsAhead: ahead)
    }
}
