/// How a waiting line's units fall on its SKU's open arrivals, the same for every store.
extension OrderDetail {
    /// One open arrival as pegging sees it: what it still brings and when.
    public struct OpenSupply: Sendable, Equatable {
        public var reference: String
        public var outstanding: Int
        public var eta: Day
        public init(reference: String, outstanding: Int, eta: Day) { self.reference = reference; self.outstanding = outstanding; self.eta = eta }
    }

    /// The expected parts of a line waiting for `backordered` units, by the rule of `Rules.peg`: the units waiting ahead
    /// of it in serving order (`waitingAhead`, asked only when needed) take the `arrivals` (open, in ETA order) first,
    /// the line the next ones; what no arrival covers comes last, with no date. Arrivals of one ETA make one part.
    /// When the line's pegged date (`promised`) is the first arrival's ETA, every unit is on that arrival.
    public static func expectedParts(backordered: Int, promised: Day?, arrivals all: [OpenSupply],
                                     waitingAhead: () throws -> Int) rethrows -> [ExpectedPart] {
        let arrivals = all.filter { $0.outstanding > 0 }
        guard let first = arrivals.first else { return [.init(quantity: backordered, eta: nil, arrival: nil)] }
        if let promised, promised == first.eta { return [.init(quantity: backordered, eta: first.eta, arrival: first.reference)] }
        var skip = try waitingAhead()
        var need = backordered
        var parts: [ExpectedPart] = []
        for a in arrivals where need > 0 {
            var left = max(0, a.outstanding)
            let used = min(skip, left)
            skip -= used; left -= used
            let take = min(need, left)
            guard take > 0 else { continue }
            need -= take
            if let last = parts.last, last.eta == a.eta {
                parts[parts.count - 1].quantity += take
            } else {
                parts.append(.init(quantity: take, eta: a.eta, arrival: a.reference))
            }
        }
        if need > 0 { parts.append(.init(quantity: need, eta: nil, arrival: nil)) }
        return parts
    }
}
