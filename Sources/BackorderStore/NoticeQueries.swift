import BackorderCore
import GRDB

extension Warehouse {
    /// Customer notices, oldest first: the pending ones (texts rendered from the orders as they are now), or with
    /// `includeSent` also those already sent (texts as sent); `limit` of them from `offset` (negative values count as 0).
    public func notices(includeSent: Bool = false, order: String? = nil, offset: Int = 0, limit: Int = 1_000, today: Day) throws -> [Notice] {
        try read { db in try fetchNotices(db, includeSent: includeSent, order: order, offset: offset, limit: limit, today: today) }
    }

    /// How many notices `notices(includeSent:order:…)` has in all.
    public func noticeCount(includeSent: Bool = false, order: String? = nil) throws -> Int {
        try read { db in
            let (from, args) = noticeSelection(includeSent: includeSent, order: order)
            return try db.int(sql: "SELECT COUNT(*) " + from, arguments: args) ?? 0
        }
    }

    /// Marks pending notices sent — one order's, or all when `order` is nil — freezing their texts; returns them as sent.
    @discardableResult
    public func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] {
        try write { db in
            if let order { _ = try fetchOrder(db, order) }
            let pending = try fetchNotices(db, includeSent: false, order: order, offset: 0, limit: Int.max, today: ctx.today)
            if let order, pending.isEmpty { throw BackorderError.refused("order \(order) has no pending notice") }
            for n in pending {
                try db.cachedStatement(sql: "UPDATE notice SET sent_at = ?, sent_by = ?, text = ? WHERE id = ? AND sent_at IS NULL")
                    .execute(arguments: [ctx.now.unixTime, ctx.actor, n.text, n.id])
            }
            return pending.map { var n = $0; n.sentAt = ctx.now; n.sentBy = ctx.actor; return n }
        }
    }

    /// The `FROM … WHERE …` of a notice list, shared by the rows and their count so the two always agree.
    func noticeSelection(includeSent: Bool, order: String?) -> (String, StatementArguments) {
        var conditions: [String] = []
        var args = StatementArguments()
        if !includeSent { conditions.append("n.sent_at IS NULL") }
        if let order { conditions.append("o.number = ?"); args += [order] }
        return ("""
            FROM notice n JOIN orders o ON o.id = n.order_id JOIN customer c ON c.code = o.customer
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            """, args)
    }

    func fetchNotices(_ db: Database, includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice] {
        let (from, args) = noticeSelection(includeSent: includeSent, order: order)
        // A window like the lists': a page near the end is read backwards instead of stepping over every notice before it.
        let rows = try window(db, "SELECT n.*, o.number, o.customer, c.name AS customer_name " + from, orderBy: ["n.id"],
                              arguments: args, page: Page(offset: offset, limit: limit))
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
