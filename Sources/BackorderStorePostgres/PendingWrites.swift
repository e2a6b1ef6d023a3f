import PostgresNIO

/// Writes held to go with the next statement: one round trip where each was one of its own.
extension PostgresOperationTx {
    /// A write whose outcome nothing reads before the commit, held to go along with the next statement that takes it
    /// (`rowsAlong`, as data-modifying WITH entries of it) instead of a round trip of its own: a pick's or a
    /// shipment's journal and lines with the items' write after them, re-pegging's promised dates with the notices'
    /// statement. `ctes` is given the number of its first bind and a prefix for its entries' names.
    struct PendingWrite {
        var ctes: (_ firstBind: Int, _ prefix: String) -> String
        var binds: [(any PostgresThrowingDynamicTypeEncodable)?]
    }

    /// Runs `q` with the held writes, if any, as WITH entries of it. `q` must not read what they change: the
    /// statement's parts all see the rows as they were before it.
    @discardableResult
    func rowsAlong(_ q: PostgresQuery) async throws -> [PostgresRow] {
        guard !pendingWrites.isEmpty else { return try await c.rows(q) }
        var q = q
        let entries = try takePending(into: &q.binds)
        let sql = q.sql.drop { $0.isWhitespace }
        q.sql = sql.hasPrefix("WITH ") ? "WITH \(entries), " + sql.dropFirst(5) : "WITH \(entries) " + sql // not prose: SQL
        return try await c.rows(q)
    }

    /// Writes the held writes now, by themselves.
    func writePending() async throws {
        guard !pendingWrites.isEmpty else { return }
        var binds = PostgresBindings()
        let entries = try takePending(into: &binds)
        try await c.rows(PostgresQuery(unsafeSQL: "WITH \(entries) SELECT 1", binds: binds)) // not prose: SQL
    }

    /// The held writes' WITH entries, their binds appended to `binds`; they are no longer held.
    private func takePending(into binds: inout PostgresBindings) throws -> String {
        var entries: [String] = []
        for (i, w) in pendingWrites.enumerated() {
            entries.append(w.ctes(binds.count + 1, "p\(i)_"))
            for v in w.binds {
                if let v { try binds.append(v) } else { binds.appendNull() }
            }
        }
        pendingWrites = []
        return entries.joined(separator: ", ")
    }
}
