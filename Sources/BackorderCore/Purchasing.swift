/// Purchasing from the shortage report: the items to buy become expected arrivals (one purchase order per supplier),
/// so the waiting lines get promised dates at once.

/// One item to buy.
public struct PurchaseLine: Hashable, Sendable, Codable {
    public var sku: String
    /// Units to order; nil: the shortage report's suggestion (the uncovered units, at least the MOQ, in whole packs).
    public var quantity: Int?
    /// Who from; nil: the item's default supplier.
    public var supplier: String?
    /// When it is expected; nil: today plus the item's lead time.
    public var eta: Day?

    public init(sku: String, quantity: Int? = nil, supplier: String? = nil, eta: Day? = nil) {
        self.sku = sku; self.quantity = quantity; self.supplier = supplier; self.eta = eta
    }
}

/// Items to buy in one go: every line becomes an expected arrival in one transaction.
public struct PurchaseRequest: Hashable, Sendable, Codable {
    public var lines: [PurchaseLine]
    /// The purchase order every line goes on (a new one, or an open one of the same supplier, continuing its line
    /// numbers); nil: a new PO number per supplier.
    public var poNumber: String?

    public init(lines: [PurchaseLine], poNumber: String? = nil) { self.lines = lines; self.poNumber = poNumber }
}

/// A purchase line with everything settled: what, how many, who from, when.
public struct PlannedPurchase: Hashable, Sendable, Codable {
    public var sku: String
    public var quantity: Int
    public var supplier: String
    public var eta: Day
    public init(sku: String, quantity: Int, supplier: String, eta: Day) {
        self.sku = sku; self.quantity = quantity; self.supplier = supplier; self.eta = eta
    }
}

/// What a purchase created (or, in a preview, would create): the arrivals and the promised dates they move.
public struct PurchaseResult: Hashable, Sendable, Codable {
    /// "3 line(s) on PO-000013 (Acme), PO-000014 (Bolt AS)", in the process's language when it was made.
    public var summary: String
    /// The summary worded in the reader's language: `summaryText.text(state.tr)`.
    public var summaryText: LocalText
    public var arrivals: [Arrival]
    public var consequences: Consequences
    /// True when nothing was written.
    public var preview: Bool

    public init(summary: String, arrivals: [Arrival], consequences: Consequences, preview: Bool) {
        self.init(summaryText: .verbatim(summary), arrivals: arrivals, consequences: consequences, preview: preview)
    }

    /// A result whose summary is worded when it is read.
    public init(summaryText: LocalText, arrivals: [Arrival], consequences: Consequences, preview: Bool) {
        self.summary = summaryText.text(.process); self.summaryText = summaryText
        self.arrivals = arrivals; self.consequences = consequences; self.preview = preview
    }

    enum CodingKeys: String, CodingKey { case summary, arrivals, consequences, preview }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(summary: try c.decode(String.self, forKey: .summary), arrivals: try c.decode([Arrival].self, forKey: .arrivals),
                  consequences: try c.decode(Consequences.self, forKey: .consequences), preview: try c.decode(Bool.self, forKey: .preview))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary, forKey: .summary); try c.encode(arrivals, forKey: .arrivals)
        try c.encode(consequences, forKey: .consequences); try c.encode(preview, forKey: .preview)
    }

    // Equal when they read the same in English and create the same arrivals.
    public static func == (a: PurchaseResult, b: PurchaseResult) -> Bool {
        a.summaryText.text(.en) == b.summaryText.text(.en) && a.arrivals == b.arrivals && a.consequences == b.consequences
            && a.preview == b.preview
    }

    public func hash(into h: inout Hasher) {
        h.combine(summaryText.text(.en)); h.combine(arrivals); h.combine(consequences); h.combine(preview)
    }

    /// The result as lines a person reads, in the process's language.
    public func describe(limit: Int = 12) -> [String] { describe(.process, limit: limit) }

    /// The result as lines a person reads: each PO with its lines, then the dates that move.
    public func describe(_ tr: Localizer, limit: Int = 12) -> [String] {
        var out: [String] = []
        var pos: [String] = []
        var byPO: [String: [Arrival]] = [:]
        for a in arrivals {
            if byPO[a.poNumber] == nil { pos.append(a.poNumber) }
            byPO[a.poNumber, default: []].append(a)
        }
        for po in pos {
            let lines = byPO[po]!
            out.append(tr(ConsequenceText.poTo, po, lines[0].supplier))
            for a in lines { out.append(tr(ConsequenceText.poLine, Plain(a.poLine), a.quantity, a.sku, a.eta)) }
        }
        let said = consequences.describe(tr, limit: limit)
        if said.isEmpty {
            out.append(tr(ConsequenceText.noDateMoves))
        } else {
            out += said
        }
        return out
    }
}

extension Rules {
    /// Settles each line's quantity, supplier and ETA from `items` (by SKU): a line without a quantity takes the
    /// reorder suggestion, without a supplier the item's, without an ETA today plus the item's lead time. Every line
    /// that cannot be settled is named in one refusal.
    public static func planPurchase(_ lines: [PurchaseLine], items: [String: Item], today: Day) throws -> [PlannedPurchase] {
        guard !lines.isEmpty else { throw BackorderError.invalid(.t(RuleText.purchaseNothing)) }
        var seen = Set<String>()
        var problems: [LocalText] = []
        var out: [PlannedPurchase] = []
        for l in lines {
            guard seen.insert(l.sku).inserted else { throw BackorderError.invalid(.t(RuleText.skuTwice, l.sku)) }
            guard let item = items[l.sku] else { throw BackorderError.notFound(.t(RuleText.unknownSKU, l.sku)) }
            var said: [LocalText] = []
            let quantity = l.quantity ?? Reports.suggestedPurchase(uncovered: Reports.uncovered(item), minOrderQty: item.minOrderQty,
                                                                   packSize: item.packSize)
            if quantity == 0 {
                said.append(.t(RuleText.nothingUncovered, item.backordered, max(0, item.free), item.incoming, l.sku))
            }
            let supplier = (l.supplier ?? item.supplier).trimmingSpaces
            if supplier.isEmpty { said.append(.t(RuleText.noSupplier, l.sku)) }
            let eta = l.eta ?? item.leadTimeDays.map { today.adding(days: $0) }
            if eta == nil { said.append(.t(RuleText.noLeadTime, l.sku)) }
            if !said.isEmpty { problems.append(.verbatim("\(l.sku): ") + said.joined(separator: "; ")); continue }
            out.append(PlannedPurchase(sku: l.sku, quantity: quantity, supplier: supplier, eta: eta!))
        }
        guard problems.isEmpty else { throw BackorderError.refused(.t(RuleText.cannotPurchase, problems.joined(separator: " · "))) }
        return out
    }

    /// The lines grouped into purchase orders: one per supplier, in the order the suppliers first appear.
    public static func groupBySupplier(_ planned: [PlannedPurchase]) -> [(supplier: String, lines: [PlannedPurchase])] {
        var order: [String] = []
        var groups: [String: [PlannedPurchase]] = [:]
        for p in planned {
            if groups[p.supplier] == nil { order.append(p.supplier) }
            groups[p.supplier, default: []].append(p)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
