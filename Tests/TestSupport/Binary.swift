import Foundation
import XCTest

/// What a run of the real binary gave: its exit code and both outputs.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// The real `backorders` executable, run by the tests as a person or a clerk's process runs it.
public enum Binary {
    /// The tests' fixed today, so ages and lateness do not move with the calendar.
    public static let today = "2026-11-25"

    /// The executable built beside the test bundle (`swift build` puts both in the same products folder), or the
    /// package's own .build/debug; a test without it is skipped, saying where it looked.
    public static func location() throws -> URL {
        var candidates = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }
            .map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("backorders") }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("backorders"))
        // The package root, found from this source file's location (Tests/TestSupport/Binary.swift).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/backorders"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        throw XCTSkip("the backorders executable was not found beside the tests (looked in \(candidates.map(\.path)))")
    }

    /// Starts `backorders ARGS` in the test's environment changed by `environment` (a nil value removes a variable) and
    /// returns at once, with no terminal; read both pipes to their ends, then wait for the process.
    public static func start(_ args: [String], environment: [String: String?]) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = try location()
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    /// Runs `backorders ARGS` to its end, as `start` starts it.
    public static func run(_ args: [String], environment: [String: String?]) throws -> RunResult {
        let (p, out, err) = try start(args, environment: environment)
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A person's run: no data file named in the environment (`--db` says which), English, the fixed today; `extra` adds to it.
    static func personal(_ extra: [String: String]) -> [String: String?] {
        var env: [String: String?] = ["BACKORDERS_DB": nil, "BACKORDERS_LANG": "en", "BACKORDERS_TODAY": today]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs the binary as a person runs it (English unless `extra` says otherwise).
    public static func run(_ args: [String], env extra: [String: String] = [:]) throws -> RunResult {
        try run(args, environment: personal(extra))
    }

    /// Starts the binary as a person runs it and returns at once.
    public static func start(_ args: [String], env extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        try start(args, environment: personal(extra))
    }
}
