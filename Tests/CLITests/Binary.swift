import Foundation
import XCTest

/// The `backorders` executable built beside this test bundle (`swift build` puts both in the same products folder).
func backordersBinary() throws -> URL {
    var candidates: [URL] = []
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("backorders"))
    }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("backorders"))
    // The package's own .build/debug, found from this source file's location.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/backorders"))
    for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
    throw XCTSkip("the backorders executable was not found beside the tests (looked in \(candidates.map(\.path)))")
}

/// The result of running the real binary.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `backorders ARGS` with the data file in `BACKORDERS_DB`, a fixed today, and no terminal.
@discardableResult
func runCLI(_ args: [String], db: String?, today: String = "2026-11-25", extraEnv: [String: String] = [:]) throws -> RunResult {
    let p = Process()
    p.executableURL = try backordersBinary()
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["BACKORDERS_DB"] = db
    env["BACKORDERS_TODAY"] = today
    for (k, v) in extraEnv { env[k] = v }
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    // Read before waiting so a large output cannot fill the pipe and block the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func tempDB() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-cli-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("w.sqlite").path
}

/// Starts a clerk process writing `ops` random operations to the file (`backorders stress`); its output stays in the pipes.
func startStressWriter(db: String, ops: Int, seed: Int, actor: String) throws -> (Process, Pipe, Pipe) {
    let p = Process()
    p.executableURL = try backordersBinary()
    p.arguments = ["stress", "--ops", "\(ops)", "--seed", "\(seed)", "--actor", actor]
    var env = ProcessInfo.processInfo.environment
    env["BACKORDERS_DB"] = db
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out; p.standardError = err
    try p.run()
    return (p, out, err)
}
