import BackorderCore
import PostgresNIO

/// Marking notices sent on the server, as the SQLite store's `markNoticesSent`: the pending notices (one order's, or
/// all) locked, their texts rendered from their orders as they are now and frozen, in one transaction.
extension PostgresWarehouse {
    public func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] {
        try operate(ctx) { tx in
            let c = tx.c
            if let order { _ = try await tx.fetchOrder(order) }
            let rows = try await c.rows("""
                SELECT n.id, n.events, n.created_at, n.updated_at, o.number, o.customer, c.name, c.language, c.email, c.contact
                FROM notice n JOIN orders o ON o.id = n.order_id JOIN customer c ON c.code = o.customer
                WHERE n.sent_at IS NULL AND (\(order)::text IS NULL OR o.number = \(order))
                ORDER BY n.id FOR UPDATE OF n
                """)
            if let order, rows.isEmpty { throw BackorderError.refused(.t(PostgresOperationText.noPendingNotice, order)) }
            var sent: [Notice] = []
            for r in rows {
                let v = try r.decode((Int64, String, Int64, Int64, String, String, String, String?, String?, String?).self)
                let events = NoticeRules.decode(v.1)
                let text = Notice.render(events: events, detail: try await Fetch.detail(c, v.4), today: ctx.today)
                sent.append(Notice(id: v.0, orderNumber: v.4, customerCode: v.5, customerName: v.6, events: events,
                                   createdAt: Timestamp(unixTime: v.2), updatedAt: Timestamp(unixTime: v.3), sentAt: ctx.now, sentBy: ctx.actor,
                                   text: text, customerLanguage: v.7.flatMap(Language.init(rawValue:)), email: v.8, contact: v.9))
            }
            if !sent.isEmpty {
                try await c.rows(PostgresQuery(unsafeSQL: """
                    UPDATE notice n SET sent_at = $1, sent_by = $2, text = u.t FROM unnest($3::bigint[], $4::text[]) AS u(id, t)
                    WHERE n.id = u.id AND n.sent_at IS NULL
                    """, binds: try PostgresOperationTx.binds(ctx.now.unixTime, ctx.actor, sent.map(\.id), sent.map(\.text))))
            }
            return sent
        }
    }
}
