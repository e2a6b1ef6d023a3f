import BackorderCore
import PostgresNIO

/// Purchasing on the server, as the SQLite store's Purchasing.swift: one transaction, each line through the same
/// add-arrival step, one new purchase order per supplier unless the request names one.
extension PostgresWarehouse {
    public func purchase(_ request: PurchaseRequest, preview: Bool, ctx: Context) throws -> PurchaseResult {
        for l in request.lines {
            try Validate.identifier(l.sku, LocalText.t(FieldText.sku))
            if let q = l.quantity { try Validate.positive(q, LocalText.t(FieldText.quantityOf, l.sku)) }
            if let s = l.supplier { try Validate.text(s, LocalText.t(FieldText.supplierOf, l.sku)) }
        }
        if let po = request.poNumber { try Validate.identifier(po, LocalText.t(FieldText.poNumber)) }
        return try operate(ctx, preview: preview) { tx in
            tx.collectsConsequences = true
            let c = tx.c
            try await tx.lockItems(request.lines.map(\.sku))
            var items: [String: Item] = [:]
            for l in request.lines where items[l.sku] == nil {
                if let item = try? await tx.fetchItem(l.sku) { items[l.sku] = item }
            }
            let groups = Rules.groupBySupplier(try Rules.planPurchase(request.lines, items: items, today: ctx.today))
            var firstLine = 1
            if let po = request.poNumber {
                try Validate.onePurchaseOrder(po, suppliers: groups.map(\.supplier))
                if let r = try await c.rows("SELECT MAX(supplier), MAX(po_line) FROM arrival WHERE po_number = \(po)").first,
                   case let (supplier?, last) = try r.decode((String?, Int?).self) {
                    guard supplier == groups[0].supplier else {
                        throw BackorderError.refused(.t(StoreText.poOtherSupplier, po, supplier, groups[0].supplier))
                    }
                    firstLine = (last ?? 0) + 1
                }
            } else {
                // Two clerks purchasing at once would pick the same new PO number: they take turns from here to commit.
                try await c.rows("SELECT pg_advisory_xact_lock(\(Self.purchaseNumbering))")
            }
            var created: [Arrival] = []
            for group in groups {
                let po: String
                if let given = request.poNumber {
                    po = given
                } else {
                    let numbers = try await c.rows("SELECT DISTINCT po_number FROM arrival WHERE po_number LIKE 'PO-%'").map { try $0.decode(String.self) }
                    po = DocumentNumber.nextPurchaseOrder(after: numbers)
                }
                for (i, p) in group.lines.enumerated() {
                    let a = NewArrival(supplier: p.supplier, poNumber: po, poLine: firstLine + i, sku: p.sku, quantity: p.quantity, eta: p.eta)
                    try Validate.newArrival(a)
                    created.append(try await Self.insertArrival(tx, a))
                }
            }
            let pos = groups.indices.map { i in "\(created.first { $0.supplier == groups[i].supplier }!.poNumber) (\(groups[i].supplier))" }
            try await tx.finish()
            return PurchaseResult(summaryText: .t(StoreText.purchaseSummary, created.count, pos.joined(separator: ", ")), arrivals: created,
                                  consequences: try await tx.consequences(), preview: preview)
        }
    }

    /// The advisory lock that serializes numbering new purchase orders (any fixed number no other lock uses).
    static let purchaseNumbering: Int64 = 0x5055_5243 // not prose: an advisory lock key
}
