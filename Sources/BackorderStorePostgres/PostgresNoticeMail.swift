import BackorderCore
import PostgresNIO

/// Mailing notices from the server: the file's claim columns, taken by an UPDATE that a second sender waits behind and
/// then finds taken (READ COMMITTED re-reads the row), so two senders never mail one notice twice.
extension PostgresWarehouse: NoticeMailbox {
    /// How the UI's notices view mails from the server: set by the program that links a mailer (the command line's
    /// sendmail, which this module does not carry); without one, mailing is refused as by any service that cannot mail.
    nonisolated(unsafe) public static var mailer: (@Sendable (PostgresWarehouse, _ order: String?, Context) throws -> [NoticeMailing])?

    public func mailNotices(order: String?, ctx: Context) throws -> [NoticeMailing] {
        guard let mailer = Self.mailer else { throw BackorderError.refused(.t(CustomerText.cannotMail)) }
        return try mailer(self, order, ctx)
    }

    public func claimNotice(id: Int64, token: String, staleAfter: Int64 = NoticeMailRun.claimSeconds, ctx: Context) throws -> Notice? {
        try operate(ctx) { tx in
            let c = tx.c, now = ctx.now.unixTime
            let claimed = try await c.rows("""
                UPDATE notice SET claimed_at = \(now), claimed_by = \(token)
                WHERE id = \(id) AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < \(now - staleAfter) OR claimed_by = \(token))
                RETURNING id
                """)
            guard !claimed.isEmpty else { return nil }
            guard let r = try await c.rows("""
                SELECT n.id, n.events, n.created_at, n.updated_at, o.number, o.customer, c.name, c.language, c.email, c.contact
                FROM notice n JOIN orders o ON o.id = n.order_id JOIN customer c ON c.code = o.customer WHERE n.id = \(id)
                """).first else { return nil }
            let v = try r.decode((Int64, String, Int64, Int64, String, String, String, String?, String?, String?).self)
            let events = NoticeRules.decode(v.1)
            let text = Notice.render(events: events, detail: try await Fetch.detail(c, v.4), today: ctx.today)
            return Notice(id: v.0, orderNumber: v.4, customerCode: v.5, customerName: v.6, events: events, createdAt: Timestamp(unixTime: v.2),
                          updatedAt: Timestamp(unixTime: v.3), sentAt: nil, sentBy: nil, text: text,
                          customerLanguage: v.7.flatMap(Language.init(rawValue:)), email: v.8, contact: v.9)
        }
    }

    @discardableResult
    public func finishNotice(id: Int64, token: String, sentText: String?, updatedAt: Timestamp, ctx: Context) throws -> Bool {
        try operate(ctx) { tx in
            let c = tx.c
            if let sentText {
                let sent = try await c.rows("""
                    UPDATE notice SET sent_at = \(ctx.now.unixTime), sent_by = \(ctx.actor), text = \(sentText), claimed_at = NULL, claimed_by = NULL
                    WHERE id = \(id) AND claimed_by = \(token) AND sent_at IS NULL AND updated_at = \(updatedAt.unixTime)
                    RETURNING id
                    """)
                if !sent.isEmpty { return true }
            }
            try await c.rows("UPDATE notice SET claimed_at = NULL, claimed_by = NULL WHERE id = \(id) AND claimed_by = \(token)")
            return false
        }
    }

    public func setting(_ key: String) throws -> String? {
        try bridge.run { c in try await c.rows("SELECT value FROM setting WHERE key = \(key)").first?.decode(String.self) }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        _ = try operate(Context(actor: "", now: Timestamp(unixTime: 0), today: Day(ordinal: 0))) { tx in
            if let value, !value.isEmpty {
                try await tx.c.rows("""
                    INSERT INTO setting (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                    """)
            } else {
                try await tx.c.rows("DELETE FROM setting WHERE key = \(key)")
            }
        }
    }
}
