import BackorderCore
import GRDB

/// Customers' contact details, the expected parts of waiting lines, and the file's own settings.
extension Warehouse {
    /// One customer with its contact details.
    public func customer(_ code: String) throws -> Customer {
        try read { db in try fetchCustomer(db, code) }
    }

    /// Changes some of a customer's details (what `changes` leaves nil stays); returns the names of the fields changed.
    /// Each changed field is journaled in `customer_change`, in the same transaction.
    @discardableResult
    public func changeCustomer(_ code: String, _ changes: CustomerChanges, ctx: Context) throws -> [String] {
        try write { db in
            let old = try fetchCustomer(db, code)
            let new = changes.applied(to: old)
            try Validate.customer(new)
            let changed = old.changedFields(to: new)
            guard !changed.isEmpty else { return [] }
            try db.execute(sql: "UPDATE customer SET name = ?, language = ?, email = ?, contact = ? WHERE code = ?",
                           arguments: [new.name, new.language?.rawValue, new.email, new.contact, code])
            try journalCustomer(db, code, CustomerJournal.changed(from: old, to: new), ctx)
            return changed
        }
    }

    /// `changeCustomer` by the current OS user, now (for scripts and tests that have no context of their own).
    @discardableResult
    public func changeCustomer(_ code: String, _ changes: CustomerChanges) throws -> [String] {
        try changeCustomer(code, changes, ctx: .current())
    }

    /// The journal of a customer's details, newest first: `limit` rows.
    public func customerHistory(_ code: String, limit: Int) throws -> [CustomerChange] {
        try CustomerJournal.checkLimit(limit)
        return try read { db in
            _ = try fetchCustomer(db, code)
            return try Row.fetchAll(db, sql: """
                SELECT at, actor, customer, field, old, new FROM customer_change WHERE customer = ? ORDER BY id DESC LIMIT ?
                """, arguments: [code, limit]).map {
                CustomerChange(at: Timestamp(unixTime: $0[0]), actor: $0[1], customer: $0[2], field: $0[3], from: $0[4], to: $0[5])
            }
        }
    }

    /// Writes the journal rows of a customer's addition or change.
    func journalCustomer(_ db: Database, _ code: String, _ entries: [CustomerJournal.Entry], _ ctx: Context) throws {
        for e in entries {
            try db.execute(sql: "INSERT INTO customer_change (customer, at, actor, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [code, ctx.now.unixTime, ctx.actor, e.field, e.from, e.to])
        }
    }

    func fetchCustomer(_ db: Database, _ code: String) throws -> Customer {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE code = ?", arguments: [code]) else {
            throw BackorderError.notFound(.t(CustomerText.unknownCustomer, code))
        }
        return customerFrom(r)
    }

    /// The language a customer reads, if set.
    func customerLanguage(_ db: Database, _ code: String) throws -> Language? {
        try String.fetchOne(db, sql: "SELECT language FROM customer WHERE code = ?", arguments: [code]).flatMap(Language.init(rawValue:))
    }

    /// How each waiting line of an order falls on its SKU's open arrivals, by the rule of `Rules.peg`: the units waiting
    /// ahead of the line in serving order take the arrivals first (in ETA order), the line the next ones; what no
    /// arrival covers comes last, with no date. Arrivals of one ETA make one part.
    func expectedParts(_ db: Database, orderId: Int64) throws -> [Int64: [OrderDetail.ExpectedPart]] {
        var out: [Int64: [OrderDetail.ExpectedPart]] = [:]
        let lines = try Row.fetchAll(db, sql: """
            SELECT sku, priority, order_date, order_no, line_no, id, backordered FROM order_line WHERE order_id = ? AND backordered > 0
            """, arguments: [orderId])
        for w in lines {
            let sku: String = w[0], lineId: Int64 = w[5], backordered: Int = w[6]
            let arrivals = try Row.fetchAll(db, sql: """
                SELECT po_number, po_line, quantity - received, eta FROM arrival INDEXED BY arrival_open_sku
                WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
                """, arguments: [sku]).map { OrderDetail.OpenSupply(reference: "\($0[0] as String)/\($0[1] as Int)", outstanding: $0[2], eta: day($0[3])) }
            // The common cases need no walk along the queue: nothing on its way, or (the pegged date being the earliest
            // ETA) every unit on the first arrivals; the rule itself is BackorderCore's, shared with the server store.
            let promised = arrivals.contains { $0.outstanding > 0 } ? try String.fetchOne(db, sql: """
                SELECT promised FROM waiting WHERE sku = ? AND priority = ? AND order_date = ? AND order_no = ? AND line_no = ?
                """, arguments: [sku, w[1], w[2], w[3], w[4]]) : nil
            out[lineId] = try OrderDetail.expectedParts(backordered: backordered, promised: Pegging.day(promised), arrivals: arrivals) {
                try Int.fetchOne(db, sql: """
                    SELECT COALESCE(SUM(backordered), 0) FROM waiting WHERE sku = ? AND (priority, order_date, order_no, line_no) < (?, ?, ?, ?)
                    """, arguments: [sku, w[1], w[2], w[3], w[4]]) ?? 0
            }
        }
        return out
    }

    /// A value the file keeps for itself (such as `mail-from`), or nil.
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Stores a setting; nil or "" removes it.
    public func setSetting(_ key: String, _ value: String?) throws {
        try write { db in
            if let value, !value.isEmpty {
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
        }
    }
}

/// A customer from a row of `customer`.
func customerFrom(_ r: Row) -> Customer {
    Customer(code: r["code"], name: r["name"], language: (r["language"] as String?).flatMap(Language.init(rawValue:)),
             email: r["email"], contact: r["contact"])
}
