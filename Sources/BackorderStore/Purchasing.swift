import BackorderCore
import GRDB

extension Warehouse {
    /// Creates expected arrivals from purchase suggestions, all in one transaction: each line through the same add-arrival
    /// step (so waiting lines are re-pegged at once), one new purchase order per supplier unless `request.poNumber` names
    /// one. Lines are settled by `Rules.planPurchase`: no quantity takes the shortage report's suggestion, no supplier the
    /// item's, no ETA today plus the item's lead time. With `preview` everything is done and rolled back: the result says
    /// which arrivals would be created and which promised dates would move.
    @discardableResult
    public func purchase(_ request: PurchaseRequest, preview: Bool = false, ctx: Context) throws -> PurchaseResult {
        for l in request.lines {
            try Validate.identifier(l.sku, LocalText.t(FieldText.sku))
            if let q = l.quantity { try Validate.positive(q, LocalText.t(FieldText.quantityOf, l.sku)) }
            if let s = l.supplier { try Validate.text(s, LocalText.t(FieldText.supplierOf, l.sku)) }
        }
        if let po = request.poNumber { try Validate.identifier(po, LocalText.t(FieldText.poNumber)) }
        var created: [Arrival] = []
        let result = try correction(preview: preview, ctx: ctx) { db, tx in
            created = []
            var items: [String: Item] = [:]
            for l in request.lines where items[l.sku] == nil {
                if let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE sku = ?"), arguments: [l.sku]) { items[l.sku] = itemFrom(r) }
            }
            let groups = Rules.groupBySupplier(try Rules.planPurchase(request.lines, items: items, today: ctx.today))
            var firstLine = 1
            if let po = request.poNumber {
                try Validate.onePurchaseOrder(po, suppliers: groups.map(\.supplier))
                if let r = try Row.fetchOne(db, sql: "SELECT MAX(supplier) AS supplier, MAX(po_line) AS last FROM arrival WHERE po_number = ?",
                                            arguments: [po]), let supplier: String = r["supplier"] {
                    guard supplier == groups[0].supplier else {
                        throw BackorderError.refused(.t(StoreText.poOtherSupplier, po, supplier, groups[0].supplier))
                    }
                    firstLine = (r["last"] as Int? ?? 0) + 1
                }
            }
            for group in groups {
                let po = try request.poNumber ?? nextPurchaseOrder(db)
                for (i, p) in group.lines.enumerated() {
                    let a = NewArrival(supplier: p.supplier, poNumber: po, poLine: firstLine + i, sku: p.sku, quantity: p.quantity, eta: p.eta)
                    try Validate.newArrival(a)
                    created.append(try insertArrival(db, tx, a))
                }
            }
            let pos = groups.indices.map { i in "\(created.first { $0.supplier == groups[i].supplier }!.poNumber) (\(groups[i].supplier))" }
            return (.t(StoreText.purchaseSummary, created.count, pos.joined(separator: ", ")), created.reduce(0) { $0 + $1.quantity })
        }
        return PurchaseResult(summaryText: result.summaryText, arrivals: created, consequences: result.consequences, preview: preview)
    }

    /// A new purchase order number: "PO-" and one more than the highest all-digit number after "PO-" so far, as wide
    /// as that one (PO-7013 after PO-7012); PO-000001 on a file without any.
    func nextPurchaseOrder(_ db: Database) throws -> String {
        // The (po_number, po_line) key is an index: a prefix GLOB reads only its PO- range.
        try DocumentNumber.nextPurchaseOrder(after: String.fetchAll(db, sql: "SELECT DISTINCT po_number FROM arrival WHERE po_number GLOB 'PO-[0-9]*'"))
    }
}
