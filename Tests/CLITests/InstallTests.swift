import BackorderCore
import BackorderStore
import Foundation
import TestSupport
import XCTest

/// What `scripts/install` relies on: the sample warehouse inside the binary, `--version`, and the completion scripts.
final class InstallTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built-in sample is the file, byte for byte: after editing sample-data/warehouse.txt, run scripts/embed-sample.
    func testTheBuiltInSampleIsTheSampleFile() throws {
        let file = try String(contentsOf: Self.packageRoot.appendingPathComponent(SampleWarehouse.sourcePath), encoding: .utf8)
        XCTAssertTrue(SampleWarehouse.script == file,
                      "Sources/BackorderCore/SampleWarehouse*.swift differ from \(SampleWarehouse.sourcePath): run scripts/embed-sample")
    }

    /// Runs the binary in `folder`, with no data file named in the environment.
    func run(_ args: [String], in folder: String) throws -> RunResult {
        let p = Process()
        p.executableURL = try backordersBinary()
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["BACKORDERS_DB"] = nil
        env["BACKORDERS_TODAY"] = "2026-11-25"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// `backorders sample` in a folder far from the sources builds the same warehouse as the script file does.
    func testSampleWorksFromAnyFolder() throws {
        let folder = (tempDB() as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let built = try run(["sample", "--today", "2026-11-25"], in: folder)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(built.stdout, "built backorders.sqlite from the built-in sample warehouse: 33 items, 17 open orders, 14 backorder lines, 10 expected arrivals\n")
        let script = Self.packageRoot.appendingPathComponent(SampleWarehouse.sourcePath).path
        let fromFile = try run(["sample", "--db", "file.sqlite", "--from", script, "--today", "2026-11-25"], in: folder)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        for list in [["list", "orders", "--limit", "100"], ["list", "backorders", "--limit", "100"], ["list", "stock", "--limit", "100"]] {
            let embedded = try run(list, in: folder), file = try run(list + ["--db", "file.sqlite"], in: folder)
            XCTAssertEqual(embedded.status, 0, embedded.stderr)
            XCTAssertEqual(embedded.stdout, file.stdout, "\(list): the built-in sample differs from the file")
        }
        let missing = try run(["sample", "--db", "x.sqlite", "--from", "no-such-script.txt"], in: folder)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("cannot read the warehouse script no-such-script.txt"), missing.stderr)
    }

    func testVersionNamesTheAppTheFileFormatAndSQLite() throws {
        let r = try runCLI(["--version"], db: nil)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("backorders "), r.stdout)
        XCTAssertEqual(lines[1], "data file format \(Warehouse.fileFormat.number) (\(Warehouse.fileFormat.latest))")
        XCTAssertEqual(lines[2], "SQLite \(Warehouse.sqliteVersion)")
        XCTAssertTrue(Warehouse.sqliteVersion.hasPrefix("3."), Warehouse.sqliteVersion)
    }

    /// Each shell's completion script names the commands (the new ones too) and is valid for that shell where installed.
    func testCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try runCLI(["--generate-completion-script", shell], db: nil)
            XCTAssertEqual(r.status, 0, "\(shell): \(r.stderr)")
            for command in ["backup", "restore", "sample", "report"] {
                XCTAssertTrue(r.stdout.contains(command), "\(shell) completion lacks \(command)")
            }
            XCTAssertFalse(r.stdout.contains("stress"), "\(shell) completion offers the hidden stress command")
            guard let program = ["/bin/\(shell)", "/usr/bin/\(shell)"].first(where: FileManager.default.isExecutableFile(atPath:)) else { continue }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-completion-\(UUID().uuidString).\(shell)")
            try r.stdout.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: program)
            p.arguments = ["-n", file.path]
            let err = Pipe()
            p.standardError = err
            try p.run()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(shell) -n: \(e)")
        }
    }

    /// The man page scripts/install falls back on (when the generate-manual plugin cannot run) has a section per
    /// command, and groff reads it without a warning.
    func testManualFromHelp() throws {
        let p = Process()
        p.executableURL = Self.packageRoot.appendingPathComponent("scripts/manual-from-help")
        p.arguments = [try backordersBinary().path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let page = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, e)
        XCTAssertTrue(page.hasPrefix(".TH BACKORDERS 1 "), String(page.prefix(200)))
        for section in ["backorders backup", "backorders restore", "backorders item add", "backorders report aging"] {
            XCTAssertTrue(page.contains("\n.SS \(section)\n"), "no section for \(section)")
        }
        XCTAssertFalse(page.contains(".SS backorders stress"), "the hidden stress command is in the manual")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-\(UUID().uuidString).1")
        try page.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let groff = Process()
        groff.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        groff.arguments = ["-man", "-Tutf8", "-ww", "-z", file.path]
        let groffErr = Pipe()
        groff.standardError = groffErr
        try groff.run()
        let warnings = String(decoding: groffErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        groff.waitUntilExit()
        XCTAssertEqual(groff.terminationStatus, 0, warnings)
        XCTAssertEqual(warnings, "", "groff warns about the page")
    }
}
