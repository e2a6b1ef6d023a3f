import Foundation
import TestSupport
import XCTest

/// The `backorders` executable built beside this test bundle (`Binary`, in TestSupport).
func backordersBinary() throws -> URL { try Binary.location() }

/// Runs `backorders ARGS` with the data file in `BACKORDERS_DB`, a fixed today, and no terminal.
@discardableResult
func runCLI(_ args: [String], db: String?, today: String = Binary.today, extraEnv: [String: String] = [:]) throws -> RunResult {
    var env: [String: String?] = ["BACKORDERS_DB": db, "BACKORDERS_TODAY": today]
    for (k, v) in extraEnv { env[k] = v }
    return try Binary.run(args, environment: env)
}

func tempDB() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-cli-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("w.sqlite").path
}

/// Starts a clerk process writing `ops` random operations to the file (`backorders stress`); its output stays in the pipes.
func startStressWriter(db: String, ops: Int, seed: Int, actor: String) throws -> (Process, Pipe, Pipe) {
    try Binary.start(["stress", "--ops", "\(ops)", "--seed", "\(seed)", "--actor", actor], environment: ["BACKORDERS_DB": db])
}
