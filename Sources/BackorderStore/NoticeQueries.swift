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
        let rows = try window(db, "SELECT n.*, o.number, o.customer, c.name AS customer_name, c.language, c.email, c.contact " + from,
                              orderBy: ["n.id"],
                              arguments: args, page: Page(offset: offset, limit: limit))
        return try rows.map { r in try noticeFrom(db, r, today: today) }
    }

    /// A notice from a row of the notice list's select; a pending one's text is rendered in the customer's language.
    func noticeFrom(_ db: Database, _ r: Row, today: Day) throws -> Notice {
        let events = NoticeRules.decode(r["events"])
        let number: String = r["number"]
        let frozen: String? = r["text"]
        let text = try frozen ?? Notice.render(events: events, detail: detail(db, number, today: today), today: today)
        return Notice(id: r["id"], orderNumber: number, customerCode: r["customer"], customerName: r["customer_name"], events: events,
                      createdAt: Timestamp(unixTime: r["created_at"]), updatedAt: Timestamp(unixTime: r["updated_at"]),
                      sentAt: (r["sent_at"] as Int64?).map(Timestamp.init), sentBy: r["sent_by"], text: text,
                      customerLanguage: (r["language"] as String?).flatMap(Language.init(rawValue:)), email: r["email"],
                      contact: r["contact"])
    }

    /// Claims a pending notice for mailing and returns it as it reads now, or nil when it is sent already or another
    /// sender holds a claim younger than `staleAfter` seconds (one that died mid-send gives its claim up by then).
    /// Two clerks sending at once thus never mail one notice twice: the claim is taken in a write transaction.
    public func claimNotice(id: Int64, token: String, staleAfter: Int64 = 600, ctx: Context) throws -> Notice? {
        try write { db in
            try db.execute(sql: """
                UPDATE notice SET claimed_at = ?1, claimed_by = ?2
                WHERE id = ?3 AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?1 - ?4 OR claimed_by = ?2)
                """, arguments: [ctx.now.unixTime, token, id, staleAfter])
            guard db.changesCount == 1 else { return nil }
            let (from, args) = noticeSelection(includeSent: false, order: nil)
            guard let r = try Row.fetchOne(db, sql: "SELECT n.*, o.number, o.customer, c.name AS customer_name, c.language, c.email, c.contact "
                                           + from + (from.contains("WHERE") ? " AND" : " WHERE") + " n.id = ?", arguments: args + [id])
            else { return nil }
            return try noticeFrom(db, r, today: ctx.today)
        }
    }

    /// Ends a claim: when `sentText` is given (the mail was accepted), marks the notice sent with that text — unless
    /// events joined it while it was being mailed (`updatedAt` moved): then it stays pending, to tell the news too.
    /// Returns true when the notice was marked sent.
    @discardableResult
    public func finishNotice(id: Int64, token: String, sentText: String?, updatedAt: Timestamp, ctx: Context) throws -> Bool {
        try write { db in
            if let sentText {
                try db.execute(sql: """
                    UPDATE notice SET sent_at = ?, sent_by = ?, text = ?, claimed_at = NULL, claimed_by = NULL
                    WHERE id = ? AND claimed_by = ? AND sent_at IS NULL AND updated_at = ?
                    """, arguments: [ctx.now.unixTime, ctx.actor, sentText, id, token, updatedAt.unixTime])
                if db.changesCount == 1 { return true }
            }
            try db.execute(sql: "UPDATE notice SET claimed_at = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ?",
                           arguments: [id, token])
            return false
        }
    }
}
