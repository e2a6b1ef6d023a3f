import Foundation
import XCTest

/// A program's exit code and output.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs real programs and drives real terminals for a test: child processes through posix_spawn, full-screen UIs in
/// a tmux server of the test's own (`-L`), which `stop` kills.
final class ProcessLab {
    let dir: URL
    let socket: String

    init(dir: URL) {
        self.dir = dir
        socket = "bo-lab-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    static var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Kills this lab's tmux server (and so every UI it runs).
    func stop() {
        if let tmux = Self.tmux { _ = try? run(tmux, ["-L", socket, "kill-server"]) }
    }

    /// Runs a program and waits for it; output goes to files so no pipe can fill up and block.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: `tmux new-session` leaves a daemon (the tmux server)
    /// that inherits Process's exit-watching descriptor, and Process would then wait for the server to end.
    /// `today` fixes BACKORDERS_TODAY (nil: the real calendar day).
    func run(_ program: String, _ arguments: [String], environment extra: [String: String] = [:], today: String? = "2026-11-25") throws -> Run {
        let id = UUID().uuidString
        let outPath = dir.appendingPathComponent("out-\(id)").path, errPath = dir.appendingPathComponent("err-\(id)").path
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var environment = ProcessInfo.processInfo.environment
        environment["BACKORDERS_DB"] = nil
        environment["BACKORDERS_TODAY"] = today
        for (k, v) in extra { environment[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exit code when it exited, 128 + signal when a signal ended it (the shell's convention).
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(status: code, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Starts `command` (a program and its arguments) in a new tmux session and returns the session's name.
    ///
    /// `showExit`: the pane stays after the program ends and shows "[exited N]" (a program that fails at once would
    /// otherwise take its session with it before remain-on-exit is set).
    @discardableResult
    func start(_ name: String, _ command: [String], width: Int = 120, height: Int = 30, showExit: Bool = false) throws -> String {
        guard let tmux = Self.tmux else { throw XCTSkip("tmux is not installed") }
        let command = showExit ? ["/bin/sh", "-c", "\"$@\"; echo \"[exited $?]\"; exec sleep 600", "sh"] + command : command
        let line = command.map { "'\($0)'" }.joined(separator: " ")
        let r = try run(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                               "env TERM=xterm-256color LANG=C.UTF-8 BACKORDERS_DB= \(line)"])
        XCTAssertEqual(r.status, 0, r.stderr)
        _ = try run(tmux, ["-L", socket, "set-option", "-t", name, "remain-on-exit", "on"])
        return name
    }

    /// Sends tmux key names ("Enter", "Escape") or literal characters.
    func keys(_ session: String, _ keys: String...) throws {
        for k in keys {
            let r = try run(Self.tmux!, ["-L", socket, "send-keys", "-t", session] + (k.count == 1 ? ["-l", k] : [k]))
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    func screen(_ session: String) throws -> String {
        try run(Self.tmux!, ["-L", socket, "capture-pane", "-p", "-t", session]).stdout
    }

    /// Polls the screen until `text` shows; fails with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ session: String, _ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(session)
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("\"\(text)\" did not show in \(session) within \(timeout) s; the screen:\n\(last)", file: file, line: line)
        throw WaitFailed(text: text)
    }

    /// Waits until the session's program has exited; returns its exit status when tmux recorded one.
    @discardableResult
    func waitForExit(_ session: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let r = try run(Self.tmux!, ["-L", socket, "display-message", "-p", "-t", session, "#{pane_dead}|#{pane_dead_status}"])
            let parts = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == "1" { return String(parts[1]) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("\(session) did not exit", file: file, line: line)
        return ""
    }

    struct WaitFailed: Error { var text: String }
}
