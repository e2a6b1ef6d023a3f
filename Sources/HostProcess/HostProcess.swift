import Foundation

/// Facts about this machine's processes that both stores' session registries need: the host's name, and whether a
/// recorded process is still the one that registered. The only I/O they share; the rules stay in the core.
public enum HostProcess {
    /// This machine's name (as `hostname` prints it), or "localhost" when it cannot be read.
    public static var name: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" } // not prose: a host name
        return String(cString: buffer)
    }

    /// The login name of the effective user; the same whether typed at a local console or over SSH.
    public static var user: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())" // not prose: a user name
    }

    /// When a process started (clock ticks since boot, field 22 of /proc/PID/stat): a pid and this tell a process from
    /// a later one that got the same pid. Nil where /proc cannot say.
    public static func start(_ pid: Int) -> Int64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), // not prose: a path
              let close = text.lastIndex(of: ")") else { return nil }
        // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? Int64(fields[19]) : nil
    }

    /// Whether the process `pid` on this host is the one that registered (same start time, when known).
    public static func isRunning(pid: Int, startedAt: Int64?) -> Bool {
        guard pid > 0 else { return false }
        // EPERM: it exists but belongs to another user (a supervisor asking about a clerk's session).
        guard kill(pid_t(pid), 0) == 0 || errno == EPERM else { return false }
        guard let startedAt, let now = start(pid) else { return true }
        return now == startedAt
    }
}
