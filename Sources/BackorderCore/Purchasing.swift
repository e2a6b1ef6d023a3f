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
    /// "3 line(s) on PO-000013 (Acme), PO-000014 (Bolt AS)".
    public var summary: String
    public var arrivals: [Arrival]
    public var consequences: Consequences
    /// True when nothing was written.
    public var preview: Bool

    public init(summary: String, arrivals: [Arrival], consequences: Consequences, preview: Bool) {
        self.summary = summary; self.arrivals = arrivals; self.consequences = consequences; self.preview = preview
    }

    /// The result as lines a person reads: each PO with its lines, then the dates that move.
    public func describe(limit: Int = 12) -> [String] {
        var out: [String] = []
        var pos: [String] = []
        var byPO: [String: [Arrival]] = [:]
        for a in arrivals {
            if byPO[a.poNumber] == nil { pos.append(a.poNumber) }
            byPO[a.poNumber, default: []].append(a)
        }
        for po in pos {
            let lines = byPO[po]!
            out.append("\(po) to \(lines[0].supplier):")
            for a in lines { out.append("• line \(a.poLine): \(a.quantity) × \(a.sku), ETA \(a.eta.iso)") }
        }
        let said = consequences.describe(limit: limit)
        if said.isEmpty {
            out.append("No promised date moves: no waiting line was short of these units.")
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
        guard !lines.isEmpty else { throw BackorderError.invalid("name at least one SKU to purchase") }
        var seen = Set<String>()
        var problems: [String] = []
        var out: [PlannedPurchase] = []
        for l in lines {
            guard seen.insert(l.sku).inserted else { throw BackorderError.invalid("\(l.sku) is given twice") }
            guard let item = items[l.sku] else { throw BackorderError.notFound("unknown SKU \(l.sku)") }
            var said: [String] = []
            let quantity = l.quantity ?? Reports.suggestedPurchase(uncovered: Reports.uncovered(item), minOrderQty: item.minOrderQty,
                                                                   packSize: item.packSize)
            if quantity == 0 {
                said.append("nothing is uncovered (\(item.backordered) backordered, \(max(0, item.free)) free, \(item.incoming) incoming): "
                            + "give a quantity (\(l.sku)=QTY) to buy anyway")
            }
            let supplier = (l.supplier ?? item.supplier).trimmingSpaces
            if supplier.isEmpty { said.append("no default supplier: set one (item set \(l.sku) --supplier NAME) or give --supplier") }
            let eta = l.eta ?? item.leadTimeDays.map { today.adding(days: $0) }
            if eta == nil { said.append("no lead time: set one (item set \(l.sku) --lead-time DAYS) or give --eta") }
            if !said.isEmpty { problems.append("\(l.sku): " + said.joined(separator: "; ")); continue }
            out.append(PlannedPurchase(sku: l.sku, quantity: quantity, supplier: supplier, eta: eta!))
        }
        guard problems.isEmpty else { throw BackorderError.refused("cannot purchase: " + problems.joined(separator: " · ")) }
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
