import BackorderCore
import PostgresNIO

/// Customer notices on the server, as the SQLite store lists them (NoticeQueries.swift): oldest first, a pending one's
/// text rendered from its order as it is now, a sent one's as it was sent.
extension PostgresWarehouse {
    public func notices(includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice] {
        try bridge.transaction(.snapshot) { c in
            let q = SQL()
            let from = Self.noticeSelection(q, includeSent: includeSent, order: order)
            let sql = """
                SELECT n.id, n.events, n.created_at, n.updated_at, n.sent_at, n.sent_by, n.text, o.number, o.customer, c.name,
                       c.language, c.email, c.contact
                \(from)
                ORDER BY n.id LIMIT \(q.bind(max(0, limit))) OFFSET \(q.bind(max(0, offset)))
                """
            var out: [Notice] = []
            for r in try await c.cells(q.query(sql)) {
                let events = Self.events(try r.text(1))
                let number = try r.text(7)
                let text: String
                if let frozen = try r.textOrNil(6) { text = frozen } else {
                    text = Notice.render(events: events, detail: try await Fetch.detail(c, number), today: today)
                }
                out.append(Notice(id: try r.int64(0), orderNumber: number, customerCode: try r.text(8), customerName: try r.text(9),
                                  events: events, createdAt: try r.time(2), updatedAt: try r.time(3), sentAt: try r.timeOrNil(4),
                                  sentBy: try r.textOrNil(5), text: text, customerLanguage: try r.textOrNil(10).flatMap(Language.init(rawValue:)),
                                  email: try r.textOrNil(11), contact: try r.textOrNil(12)))
            }
            return out
        }
    }

    public func noticeCount(includeSent: Bool, order: String?) throws -> Int {
        try bridge.transaction(.snapshot) { c in
            let q = SQL()
            let sql = "SELECT COUNT(*) " + Self.noticeSelection(q, includeSent: includeSent, order: order)
            return try await c.cell(q.query(sql))?.int(0) ?? 0
        }
    }

    /// The `FROM … WHERE …` of a notice list, shared by the rows and their count so the two always agree.
    static func noticeSelection(_ q: SQL, includeSent: Bool, order: String?) -> String {
        var conditions: [String] = []
        if !includeSent { conditions.append("n.sent_at IS NULL") }
        if let order { conditions.append("o.number = \(q.bind(order))") }
        return """
            FROM notice n JOIN orders o ON o.id = n.order_id JOIN customer c ON c.code = o.customer
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            """
    }

    /// A notice's events as stored: their names, comma-separated (unknown names skipped).
    static func events(_ stored: String) -> [NoticeEvent] {
        stored.split(separator: ",").compactMap { NoticeEvent(rawValue: String($0)) }
    }
}
