import BackorderCore
import PostgresNIO

/// The warehouse on a PostgreSQL server: the same `WarehouseService` as the SQLite file, chosen by a URL.
///
/// Every read is one snapshot (REPEATABLE READ READ ONLY); every write is one READ COMMITTED transaction that locks the
/// rows it changes in a fixed order (items by SKU, then lines by id) and raises the revision. Read-only is the server's
/// fact: a login without the right to change orders (the supervisor role) opens read-only.
public final class PostgresWarehouse: WarehouseService, Sendable {
    public let bridge: PostgresBridge
    /// The first reads (counts, open orders), kept beside the service's own.
    public let reads: PostgresReads
    public let isReadOnly: Bool
    /// This process's row in the session registry, once `register` made one.
    let registration = RegistrationBox()

    /// The URL without its password and its parameters (a socket folder is no use in a status bar), so the bar's
    /// last resort, the part after the last slash, is the database's name.
    public var location: String { String(bridge.url.description.prefix { $0 != "?" }) }

    /// Connects to `url` and refuses a database that is not a current warehouse. `readOnly` asks for a read-only
    /// session; a login the server allows only to read opens read-only whatever is asked.
    /// `interruptible`: `interruptQueries` cancels what it runs (a reader whose reads go out of date).
    public init(url: PostgresURL, readOnly: Bool = false, maximumConnections: Int = 4, interruptible: Bool = false) throws {
        let bridge = PostgresBridge(url: url, maximumConnections: maximumConnections, interruptible: interruptible)
        do {
            reads = try PostgresReads(bridge)
            let mayWrite = try bridge.run { c -> Bool in
                var ok = false
                for try await v in try await c.query("SELECT has_table_privilege('order_line', 'UPDATE')", logger: PostgresBridge.quiet)
                    .decode(Bool.self) { ok = v }
                return ok
            }
            isReadOnly = readOnly || !mayWrite
        } catch {
            bridge.close()
            throw error
        }
        self.bridge = bridge
    }

    /// Ends this process's registration (if any) and closes the connections.
    public func close() {
        try? unregister()
        bridge.close()
    }

    public func revision() throws -> Int {
        try bridge.run { c -> Int in
            var r = 0
            for try await v in try await c.query("SELECT revision FROM meta WHERE id = 1", logger: PostgresBridge.quiet).decode(Int.self) { r = v }
            return r
        }
    }

    public func counts(today: Day) throws -> Counts { try reads.counts(today: today) }

    public func interruptQueries() { bridge.interrupt() }

    /// Refuses a write in a read-only session before the server has to.
    func requireWritable() throws {
        if isReadOnly { throw BackorderError.refused(.t(PostgresText.readOnlySession)) }
    }
}

extension PostgresWarehouse {
    /// A part of the service the PostgreSQL store does not carry yet.
    func notYet(_ what: String) -> BackorderError { .refused(.t(PostgresText.notYet, what)) }
}
