import Foundation
import PostgresNIO

extension PostgresConnection {
    /// This connection among all of the process's: the driver's `id` counts per pool, and every pool (one per
    /// opened warehouse) and every direct connection starts it anew.
    var identity: Int { Int(bitPattern: UInt(bitPattern: ObjectIdentifier(self))) }

    /// Runs one statement and returns its rows (all of them: the next statement may only start when this one ended).
    /// A statement this connection has run before is kept parsed and planned on the server (see `StatementCache`).
    @discardableResult
    func rows(_ q: PostgresQuery) async throws -> [PostgresRow] {
        guard let kept = StatementCache.shared.kept(q, on: identity) else {
            return try await query(q, logger: PostgresBridge.quiet).collect()
        }
        do {
            return try await KeptStatement.$current.withValue(kept) {
                var rows: [PostgresRow] = []
                for try await row in try await execute(KeptStatement(bindings: q.binds), logger: PostgresBridge.quiet) {
                    rows.append(row)
                }
                return rows
            }
        } catch {
            // The driver remembers a failed preparation for good: the next use prepares the text under a new name.
            StatementCache.shared.retire(kept, on: identity)
            throw error
        }
    }
}

/// The statements each connection keeps prepared on the server, by their text and parameter types.
///
/// Each statement of an operation used to be parsed, analysed and planned anew on every run (most of the server's
/// work for a short write, 1–3 ms of a list page). A text run a second time on a connection is prepared under a name
/// of its own and from then on only bound and executed; a text seen once (a one-off filter) costs no extra round trip.
/// At most `limit` texts are kept per connection, since a prepared statement holds server memory until the connection
/// ends.
final class StatementCache: @unchecked Sendable {
    static let shared = StatementCache()
    /// `BACKORDERS_STATEMENT_CACHE=off` runs every statement unnamed (to measure what the cache saves).
    let enabled = ProcessInfo.processInfo.environment["BACKORDERS_STATEMENT_CACHE"] != "off" // not prose: a switch's value
    /// Prepared statements per connection at most.
    let limit = 400
    /// Connections remembered at most (a process that reconnects often forgets the oldest).
    let connections = 64

    struct Key: Hashable, Sendable {
        var sql: String
        var types: Int
    }

    struct Kept: Sendable {
        var key: Key
        var name: String
        var sql: String
    }

    private struct Entry {
        var uses = 0
        var name: String?
    }

    private struct PerConnection {
        var entries: [Key: Entry] = [:]
        var prepared = 0
        var touched = 0
    }

    private let lock = NSLock()
    private var byConnection: [Int: PerConnection] = [:]
    private var clock = 0
    /// Names are never reused, in any connection: a name the driver has prepared always means the same text.
    private var serial = 0

    /// The name to run `q` under on connection `id`, or nil to run it unnamed (first use, the limit reached, or
    /// parameter types the cache cannot read).
    func kept(_ q: PostgresQuery, on id: Int) -> Kept? {
        guard enabled, let types = Self.types(q.binds) else { return nil }
        let key = Key(sql: q.sql, types: types)
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if byConnection[id] == nil {
            forgetOldest()
            byConnection[id] = PerConnection()
        }
        // Changed in place: a copy of the connection's table on every statement cost more than the statement's lookup.
        guard let name = use(key, &byConnection[id]!) else { return nil }
        return Kept(key: key, name: name, sql: q.sql)
    }

    private func use(_ key: Key, _ c: inout PerConnection) -> String? {
        c.touched = clock
        return Self.use(&c.entries[key, default: Entry()], &c.prepared, &serial, limit: limit)
    }

    private static func use(_ e: inout Entry, _ prepared: inout Int, _ serial: inout Int, limit: Int) -> String? {
        e.uses += 1
        if e.name == nil, e.uses >= 2, prepared < limit {
            serial += 1
            prepared += 1
            e.name = "backorders_\(serial)" // not prose: a prepared statement's name
        }
        return e.name
    }

    /// Forgets the name of a statement whose run failed: the next use prepares it afresh under a new name.
    func retire(_ kept: Kept, on id: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard var c = byConnection[id], var e = c.entries[kept.key], e.name == kept.name else { return }
        e.name = nil
        e.uses = 1
        c.entries[kept.key] = e
        byConnection[id] = c
    }

    private func forgetOldest() {
        guard byConnection.count >= connections, let oldest = byConnection.min(by: { $0.value.touched < $1.value.touched }) else { return }
        byConnection[oldest.key] = nil
    }

    /// The bindings' parameter types (and formats) as one hash: the same text bound with other types (a NULL
    /// among them) is another statement to the server. Nil when the driver's bindings cannot be read.
    static func types(_ binds: PostgresBindings) -> Int? {
        if binds.count == 0 { return 0 }
        if BindingsLayout.matches { return BindingsLayout.types(binds).hashValue }
        return reflectedTypes(binds)
    }

    /// The same hash by reflection: what `BindingsLayout` is checked against, and the way when it does not match.
    static func reflectedTypes(_ binds: PostgresBindings) -> Int? {
        // One reflection of the whole array, hashed as it is: per element it cost a tenth of the client's time.
        guard let metadata = Mirror(reflecting: binds).descendant("metadata") as? AnyHashable else { return nil }
        return metadata.hashValue
    }
}

/// `PostgresBindings`' stored properties as the driver declares them (its types are internal to it): read in place,
/// the bindings' types cost nothing, where reflecting them on every statement took 7 % of a busy client's time.
/// Used only when the layout checks out (`matches`); otherwise the cache reflects as before.
struct BindingsLayout {
    struct Metadata: Hashable {
        var dataType: PostgresDataType
        var format: PostgresFormat
        var protected: Bool
    }
    var metadata: [Metadata]
    var bytes: ByteBuffer

    /// The bindings' parameter types, formats and protection, read through this layout.
    static func types(_ binds: PostgresBindings) -> [Metadata] {
        withUnsafePointer(to: binds) { $0.withMemoryRebound(to: BindingsLayout.self, capacity: 1) { $0.pointee.metadata } }
    }

    /// The driver's bindings have this layout: same size, and a sample of every kind read alike both ways.
    static let matches: Bool = {
        guard MemoryLayout<PostgresBindings>.size == MemoryLayout<BindingsLayout>.size,
              MemoryLayout<PostgresBindings>.alignment == MemoryLayout<BindingsLayout>.alignment,
              MemoryLayout<PostgresBindings>.stride == MemoryLayout<BindingsLayout>.stride else { return false }
        var sample = PostgresBindings()
        sample.append(Int64(7)); sample.append("text"); sample.appendNull(); sample.append([Int64(1), 2]); sample.append(["a"])
        sample.append(true)
        guard let mirrored = Mirror(reflecting: sample).descendant("metadata") as? AnyHashable else { return false }
        let read = types(sample)
        let expected: [PostgresDataType] = [.int8, .text, .null, .int8Array, .textArray, .bool]
        return read.map(\.dataType) == expected && read.count == sample.count && AnyHashable(read).hashValue == mirrored.hashValue
    }()
}

/// A statement kept prepared: its name and text are the task's `current` (the driver asks the type for them).
struct KeptStatement: PostgresPreparedStatement {
    typealias Row = PostgresRow
    @TaskLocal static var current = StatementCache.Kept(key: .init(sql: "", types: 0), name: "", sql: "")
    static var name: String { current.name }
    static var sql: String { current.sql }
    let bindings: PostgresBindings
    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// Which plans each connection's kept statements run on: a write's statements on the generic plan made once, a
/// read's as the server chooses.
///
/// The server plans a prepared statement afresh for its first five runs and then keeps doing so whenever the generic
/// plan's estimate looks dearer, which for statements over arrays (`unnest($1::bigint[])`, `= ANY($1)`) it always
/// does: measured, planning was a third of the server's time under 8 writers, though every such statement of an
/// operation looks rows up by key. A read (a list page with a filter, an offset, a sort) may well need the plan made
/// for its values, so it keeps the server's choice. A connection switches only when its kind of work changes (one
/// `SET` before that transaction's BEGIN), so a writer's connection pays it once.
final class PlanModes: @unchecked Sendable {
    static let shared = PlanModes()
    /// `BACKORDERS_GENERIC_PLANS=off` leaves every statement to the server's choice (to measure what this saves).
    let enabled = ProcessInfo.processInfo.environment["BACKORDERS_GENERIC_PLANS"] != "off" // not prose: a switch's value
    private let lock = NSLock()
    private var generic: [Int: Bool] = [:]

    /// The statement that puts connection `id` in the wanted mode, or nil when it is in it already. A connection
    /// not seen yet is set either way: its server's default is not known.
    func switchTo(_ wanted: Bool, on id: Int) -> String? {
        guard enabled else { return nil }
        let changed: Bool = lock.withLock {
            if generic[id] == wanted { return false }
            if generic.count >= 256 { generic.removeAll() }
            generic[id] = wanted
            return true
        }
        guard changed else { return nil }
        return wanted ? "SET plan_cache_mode = force_generic_plan" : "SET plan_cache_mode = auto"
    }
}
