import BackorderCore
import GRDB

extension Warehouse {
    /// Customer notices, oldest first: the pending ones (texts rendered from the orders as they are now), or with
    /// `includeSent` also those already sent (texts as sent).
    public func notices(includeSent: Bool = false, order: String? = nil, limit: Int = 1_000, today: Day) throws -> [Notice] {
        try read { db in try fetchNotices(db, includeSent: includeSent, order: order, limit: limit, today: today) }
    }

    /// Marks pending notices sent — one order's, or all when `order` is nil — freezing their texts; returns them as sent.
    @discardableResult
    public func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] {
        try write { db in
            if let order { _ = try fetchOrder(db, order) }
            let pending = try fetchNotices(db, includeSent: false, order: order, limit: Int.max, today: ctx.today)
            if let order, pending.isEmpty { throw BackorderError.refused("order \(order) has no pending notice") }
            for n in pending {
                try db.cachedStatement(sql: "UPDATE notice SET sent_at = ?, sent_by = ?, text = ? WHERE id = ? AND sent_at IS NULL")
                    .execute(arguments: [ctx.now.unixTime, ctx.actor, n.text, n.id])
            }
            return pending.map { var n = $0; n.sentAt = ctx.now; n.sentBy = ctx.actor; return n }
        }
    }

    func fetchNotices(_ db: Database, includeSent: Bool, order: String?, limit: Int, today: Day) throws -> [Notice] {
        var conditions: [String] = []
        var args = StatementArguments()
        if !includeSent { conditions.append("n.sent_at IS NULL") }
        if let order { conditions.append("o.number = ?"); args += [order] }
        let rows = try db.rows(sql: """
            SELECT n.*, o.number, o.customer, c.name AS customer_name FROM notice n JOIN orders o ON o.id = n.order_id
            JOIN customer c ON c.code = o.customer
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY n.id LIMIT ?
            """, arguments: args + [limit])
        return try rows.map { r in
            let events = Notices.decode(r["events"])
            let number: String = r["number"]
            let frozen: String? = r["text"]
            let text = try frozen ?? Notice.render(events: events, detail: detail(db, number, today: today), today: today)
            return Notice(id: r["id"], orderNumber: number, customerCode: r["customer"], customerName: r["customer_name"], events: events,
                          createdAt: Timestamp(unixTime: r["created_at"]), updatedAt: Timestamp(unixTime: r["updated_at"]),
                          sentAt: (r["sent_at"] as Int64?).map(Timestamp.init), sentBy: r["sent_by"], text: text)
        }
    }
}
