import BackorderCore
import Foundation

/// Where a warehouse on a PostgreSQL server is, as a person writes it on the command line or in `BACKORDERS_DB`.
///
/// Two forms, as libpq reads them:
/// - network: `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]`
/// - Unix socket: `postgres://[user@]/database?host=/socket/folder[&port=5432]` (libpq's own form), or the folder
///   percent-encoded as the host: `postgres://user@%2Fsocket%2Ffolder/database`.
/// `postgresql://` is accepted too. Parts are percent-decoded; the user defaults to the login name, as for libpq.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// How the client reaches the server.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The folder that holds the server's socket file `.s.PGSQL.<port>`.
        case socket(folder: String, port: Int)
    }

    /// How a network connection is encrypted (a socket never is).
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        case disable, prefer, require
        /// Encrypted, and the server's certificate checked against the system's trusted authorities and the host name.
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(endpoint: Endpoint, user: String, password: String? = nil, database: String, tls: TLSMode = .prefer) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Whether `text` names a PostgreSQL database rather than a data file (a path).
    public static func isPostgres(_ text: String) -> Bool {
        let t = text.lowercased()
        return t.hasPrefix("postgres://") || t.hasPrefix("postgresql://")
    }

    /// The socket file the client connects to.
    public var socketPath: String? {
        guard case let .socket(folder, port) = endpoint else { return nil }
        return (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/.s.PGSQL.\(port)"
    }

    /// The same place with another database: tests and `db init` connect to one database to create another.
    public func with(database: String) -> PostgresURL {
        var u = self
        u.database = database
        return u
    }

    /// The same place as another user (no password).
    public func with(user: String) -> PostgresURL {
        var u = self
        u.user = user
        u.password = nil
        return u
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        let who = Self.encode(user) + (password == nil ? "" : ":***")
        let db = Self.encode(database)
        switch endpoint {
        case let .tcp(host, port):
            let h = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(who)@\(h)\(port == 5432 ? "" : ":\(port)")/\(db)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
        case let .socket(folder, port):
            return "postgres://\(who)@/\(db)?host=\(folder)" + (port == 5432 ? "" : "&port=\(port)")
        }
    }

    /// Reads a URL; a malformed one is refused with what is wrong in it.
    public init(parsing text: String, loginName: String? = nil) throws {
        func bad(_ key: PostgresText, _ args: any MessageArgument...) -> BackorderError {
            BackorderError(.invalidInput, LocalText { l in l.text(key, args) })
        }
        let lower = text.lowercased()
        guard let scheme = ["postgres://", "postgresql://"].first(where: { lower.hasPrefix($0) }) else {
            throw bad(.urlScheme, text)
        }
        var rest = Substring(text.dropFirst(scheme.count))
        var query: [(String, String)] = []
        if let q = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: q)...].split(separator: "&", omittingEmptySubsequences: true) {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard kv.count == 2, let k = Self.decode(kv[0]), let v = Self.decode(kv[1]) else { throw bad(.urlParameter, String(pair)) }
                query.append((k, v))
            }
            rest = rest[..<q]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw bad(.urlNoDatabase, text) }
        let authority = rest[..<slash]
        guard var database = Self.decode(rest[rest.index(after: slash)...]) else { throw bad(.urlEncoding, text) }
        var user: String?, password: String?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let who = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let parts = who.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let u = Self.decode(parts[0]) else { throw bad(.urlEncoding, text) }
            user = u.isEmpty ? nil : u
            if parts.count == 2 {
                guard let p = Self.decode(parts[1]) else { throw bad(.urlEncoding, text) }
                password = p
            }
        }
        var host: String?, port: Int?
        if hostPort.hasPrefix("[") {
            // An IPv6 address: [::1]:5432
            guard let close = hostPort.firstIndex(of: "]") else { throw bad(.urlHost, String(hostPort)) }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw bad(.urlHost, String(hostPort)) }
                port = try Self.port(String(after.dropFirst()), bad)
            }
        } else if !hostPort.isEmpty {
            let parts = hostPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let h = Self.decode(parts[0]) else { throw bad(.urlEncoding, text) }
            host = h.isEmpty ? nil : h
            if parts.count == 2 { port = try Self.port(String(parts[1]), bad) }
        }
        var tls: TLSMode?
        for (k, v) in query {
            switch k {
            case "host": host = v
            case "port": port = try Self.port(v, bad)
            case "user": user = v
            case "password": password = v
            case "dbname": guard database.isEmpty else { throw bad(.urlParameter, k) }; database = v
            case "sslmode":
                guard let m = TLSMode(rawValue: v) else { throw bad(.urlSSLMode, v, TLSMode.allCases.map(\.rawValue).joined(separator: ", ")) }
                tls = m
            default: throw bad(.urlParameter, k)
            }
        }
        guard !database.isEmpty else { throw bad(.urlNoDatabase, text) }
        self.database = database
        guard let host, !host.isEmpty else { throw bad(.urlNoHost, text) }
        guard let who = user ?? loginName ?? Self.loginName() else { throw bad(.urlNoUser, text) }
        self.user = who
        self.password = password
        if host.hasPrefix("/") {
            guard tls == nil || tls == .disable || tls == .prefer else { throw bad(.urlSocketTLS, host) }
            self.endpoint = .socket(folder: host, port: port ?? 5432)
            self.tls = .disable
        } else {
            self.endpoint = .tcp(host: host, port: port ?? 5432)
            self.tls = tls ?? .prefer
        }
    }

    private static func port(_ text: String, _ bad: (PostgresText, any MessageArgument...) -> BackorderError) throws -> Int {
        guard let p = Int(text), (1...65535).contains(p), text.allSatisfy(\.isASCII) else { throw bad(.urlPort, text) }
        return p
    }

    /// Percent-decoding; nil when a `%` is not followed by two hex digits or the bytes are not UTF-8.
    static func decode(_ s: Substring) -> String? {
        guard s.contains("%") else { return String(s) }
        return String(s).removingPercentEncoding
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// The name of the person running this process, libpq's default user.
    static func loginName() -> String? {
        if let u = ProcessInfo.processInfo.environment["PGUSER"], !u.isEmpty { return u }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return nil
    }
}
