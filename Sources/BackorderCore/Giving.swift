/// Giving allocated units of other orders to a waiting line (reallocate, expedite): the checks and the journal's
/// movements, the same on every engine. The store reads what they need (candidates, each donor's order) in between.
public enum Giving {
    /// The units to give `line` of `order`: `quantity`, or all it waits for; refused when it waits for nothing or fewer.
    public static func wanted(order: String, line: OrderLine, quantity: Int?) throws -> Int {
        let waits = line.quantities.backordered
        guard waits > 0 else { throw BackorderError.refused(.t(StoreText.waitsForNothingGive, order, Plain(line.lineNo), line.sku)) }
        let wanted = quantity ?? waits
        guard wanted <= waits else {
            throw BackorderError.refused(.t(StoreText.waitsForFewer, order, Plain(line.lineNo), waits, line.sku, wanted))
        }
        return wanted
    }

    /// The donors: those named, or those proposed from `candidates` (read by the store only when none are named).
    public static func chosen(_ donors: [DonorLine]?, candidates: [DonorCandidate], wanted: Int, sku: String, partialOK: Bool) throws -> [DonorLine] {
        if let donors {
            guard !donors.isEmpty else { throw BackorderError.invalid(.t(StoreText.nameADonor)) }
            return donors
        }
        let proposed = Rules.proposeDonors(candidates, quantity: wanted)
        guard !proposed.isEmpty || partialOK else { throw BackorderError.refused(.t(StoreText.noDonorStock, sku)) }
        return proposed
    }

    /// Checks a donor before its order is read: a positive quantity, named once, not the receiving order itself.
    public static func precheck(_ d: DonorLine, seen: inout Set<String>, receiving order: String) throws {
        try Validate.positive(d.quantity, LocalText.t(FieldText.quantityFromLine, d.orderNumber, Plain(d.lineNo)))
        guard seen.insert("\(d.orderNumber)/\(d.lineNo)").inserted else {
            throw BackorderError.invalid(.t(StoreText.donorGivenTwice, d.orderNumber, Plain(d.lineNo)))
        }
        guard d.orderNumber != order else { throw BackorderError.refused(.t(StoreText.giveToItself)) }
    }

    /// The donor's line among its order's lines, of the same SKU, holding the units given.
    public static func donorLine(_ d: DonorLine, in lines: [OrderLine], sku: String) throws -> OrderLine {
        guard let dl = lines.first(where: { $0.lineNo == d.lineNo }) else {
            throw BackorderError.notFound(.t(StoreText.orderHasNoLine, d.orderNumber, Plain(d.lineNo)))
        }
        guard dl.sku == sku else { throw BackorderError.refused(.t(StoreText.donorOtherSKU, d.orderNumber, Plain(d.lineNo), dl.sku, sku)) }
        guard d.quantity <= dl.quantities.allocated else {
            throw BackorderError.refused(.t(dl.quantities.picked > 0 ? StoreText.donorHoldsLessPicked : .donorHoldsLess, d.orderNumber, Plain(d.lineNo),
                                            dl.quantities.allocated, dl.sku, d.quantity))
        }
        return dl
    }

    /// The journal's movements of the gift, each with the order it belongs to and its note: every donor releases,
    /// then the receiving line is allocated the total. Refused (after every donor was checked, so a clerk asking too
    /// much of one donor hears what that donor holds) when the donors give more than the line waits for.
    public static func movements(to orderId: Int64, number: String, _ line: OrderLine, from planned: [(orderId: Int64, line: OrderLine, donor: DonorLine)],
                                 reason: String) throws -> [(movement: PlannedMovement, orderId: Int64, note: String)] {
        let total = planned.reduce(0) { $0 + $1.donor.quantity }
        let waits = line.quantities.backordered
        guard total <= waits else { throw BackorderError.refused(.t(StoreText.donorsGiveTooMuch, total, number, Plain(line.lineNo), waits)) }
        var out = planned.map { p in
            (movement: PlannedMovement(lineId: p.line.id, sku: p.line.sku, kind: .release, quantity: p.donor.quantity,
                                       delta: Delta(allocated: -p.donor.quantity, backordered: p.donor.quantity)),
             orderId: p.orderId, note: "given to \(number): \(reason)") // not prose: the journal's stored note stays language-neutral
        }
        if total > 0 {
            out.append((movement: PlannedMovement(lineId: line.id, sku: line.sku, kind: .allocate, quantity: total,
                                                  delta: Delta(allocated: total, backordered: -total)),
                        orderId: orderId,
                        note: "given from " + planned.map { "\($0.donor.orderNumber)/\($0.donor.lineNo)" }.joined(separator: ", ") + ": \(reason)")) // not prose: stored journal note
        }
        return out
    }
}
