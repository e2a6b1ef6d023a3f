import BackorderCore
import PostgresNIO

/// The journal of customers' details on the server, as the file's store keeps it (BackorderStore/Customers.swift):
/// the rows `CustomerJournal` decides, written inside the change's transaction, read back newest first.
extension PostgresWarehouse {
    public func customerHistory(_ code: String, limit: Int) throws -> [CustomerChange] {
        try CustomerJournal.checkLimit(limit)
        return try bridge.transaction(.snapshot) { c in
            let q = SQL()
            guard try await c.cell(q.query("SELECT 1 FROM customer WHERE code = \(q.bind(code))")) != nil else {
                throw BackorderError.notFound(.t(CustomerText.unknownCustomer, code))
            }
            let rows = SQL()
            return try await c.cells(rows.query("""
                SELECT at, actor, customer, field, old, new FROM customer_change WHERE customer = \(rows.bind(code))
                ORDER BY id DESC LIMIT \(rows.bind(limit))
                """)).map {
                CustomerChange(at: try $0.time(0), actor: try $0.text(1), customer: try $0.text(2), field: try $0.text(3),
                               from: try $0.text(4), to: try $0.text(5))
            }
        }
    }

    /// Writes the journal rows of a customer's addition or change inside `tx`, ids given as the file gives them.
    static func journalCustomer(_ tx: PostgresOperationTx, _ code: String, _ entries: [CustomerJournal.Entry]) async throws {
        guard !entries.isEmpty else { return }
        try await tx.c.rows(PostgresQuery(unsafeSQL: """
            INSERT INTO customer_change (id, customer, at, actor, field, old, new)
            SELECT \(tx.newId("customer_change", ordinal: "u.ord")), $1, $2, $3, u.f, u.o, u.n
            FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(f, o, n, ord) ORDER BY u.ord
            """, binds: try PostgresOperationTx.binds(code, tx.ctx.now.unixTime, tx.ctx.actor, entries.map(\.field), entries.map(\.from),
                                                      entries.map(\.to))))
    }
}
