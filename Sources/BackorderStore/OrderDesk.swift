import BackorderCore
import GRDB

/// What the order desk needs to take an order at the terminal: finding customers and items as the clerk types, and
/// what each line would get before the order is placed.
extension Warehouse {
    /// Customers whose code or name contains `text` (any case), codes that start with it first.
    public func searchCustomers(_ text: String, limit: Int = 8) throws -> [Customer] {
        try read { db in
            let t = text.trimmingSpaces
            // SQLite's LIKE folds ASCII only: "ålesund" must find "Ålesund kommune", so such text is matched here.
            if !t.allSatisfy(\.isASCII) {
                return try Row.fetchAll(db, sql: "SELECT code, name FROM customer ORDER BY name").map { Customer(code: $0[0], name: $0[1]) }
                    .filter { Warehouse.folded($0.code).contains(Warehouse.folded(t)) || Warehouse.folded($0.name).contains(Warehouse.folded(t)) }
                    .prefix(limit).map { $0 }
            }
            return try Row.fetchAll(db, sql: """
                SELECT code, name FROM customer WHERE code LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'
                ORDER BY code NOT LIKE ?2 ESCAPE '\\', name LIMIT ?3
                """, arguments: [likePattern(t), likePrefix(t), limit]).map { Customer(code: $0[0], name: $0[1]) }
        }
    }

    /// Items whose SKU or name contains `text` (any case), SKUs that start with it first.
    public func searchItems(_ text: String, limit: Int = 8) throws -> [Item] {
        try read { db in
            let t = text.trimmingSpaces
            if !t.allSatisfy(\.isASCII) {
                return try Row.fetchAll(db, sql: "SELECT * FROM item ORDER BY sku").map(itemFrom)
                    .filter { Warehouse.folded($0.sku).contains(Warehouse.folded(t)) || Warehouse.folded($0.name).contains(Warehouse.folded(t)) }
                    .prefix(limit).map { $0 }
            }
            return try Row.fetchAll(db, sql: """
                SELECT * FROM item WHERE sku LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'
                ORDER BY sku NOT LIKE ?2 ESCAPE '\\', sku LIMIT ?3
                """, arguments: [likePattern(t), likePrefix(t), limit]).map(itemFrom)
        }
    }

    /// Text with every letter's case folded (æøå as well as ASCII), for matching what a clerk types.
    static func folded(_ text: String) -> String { text.lowercased() }

    /// `text%` with LIKE's wildcards escaped as `likePattern` does.
    private func likePrefix(_ text: String) -> String {
        let p = likePattern(text)
        return p.hasSuffix("%") ? String(p.dropFirst()) : p
    }

    /// Places the order in a transaction that is rolled back: each line's units from stock, on backorder, and the
    /// promised date with the arrival that covers it, exactly as placing it now would give them.
    public func previewOrder(_ new: NewOrder, ctx: Context) throws -> OrderPreview {
        do {
            _ = try place(new, ctx: ctx, readBack: true) { db, detail in
                throw PreviewOrder(preview: try OrderPreview(lines: detail.lines.map { l in
                    let q = l.line.quantities
                    let arrival = q.backordered > 0 && l.promised != nil ? try self.coveringArrival(db, lineId: l.line.id) : nil
                    return .init(lineNo: l.line.lineNo, sku: l.line.sku, itemName: l.line.itemName, quantity: q.ordered,
                                 fromStock: q.allocated, backordered: q.backordered, promised: l.promised, arrival: arrival)
                }))
            }
        } catch let p as PreviewOrder {
            return p.preview
        }
        throw BackorderError.refused(.t(StoreText.notPreviewed))
    }

    /// Thrown to roll the previewed order back.
    private struct PreviewOrder: Error { var preview: OrderPreview }

    /// The open arrival (PO/line) that covers a waiting line's last unit: arrivals in ETA order against the units waiting
    /// up to and including this line in serving order (the rule of `Rules.peg`).
    func coveringArrival(_ db: Database, lineId: Int64) throws -> String? {
        guard let w = try Row.fetchOne(db, sql: """
            SELECT w.sku, w.priority, w.order_date, w.order_no, w.line_no FROM order_line l
            JOIN waiting w ON w.sku = l.sku AND w.priority = l.priority AND w.order_date = l.order_date AND w.order_no = l.order_no
                          AND w.line_no = l.line_no
            WHERE l.id = ?
            """, arguments: [lineId]) else { return nil }
        let sku: String = w[0]
        let upTo = try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(backordered), 0) FROM waiting WHERE sku = ? AND (priority, order_date, order_no, line_no) <= (?, ?, ?, ?)
            """, arguments: [sku, w[1], w[2], w[3], w[4]]) ?? 0
        var covered = 0
        for a in try Row.fetchAll(db, sql: """
            SELECT po_number, po_line, quantity - received FROM arrival INDEXED BY arrival_open_sku
            WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
            """, arguments: [sku]) {
            covered += max(0, a[2] as Int)
            if covered >= upTo { return "\(a[0] as String)/\(a[1] as Int)" }
        }
        return nil
    }
}
