import BackorderCore
import Foundation
import TestSupport
import XCTest
@testable import BackorderStorePostgres
@testable import backorders

/// `backorders copy` end to end: the binary, a real file, the real server, and its exit codes.
final class CopyCLITests: PostgresTestCase {
    func testCopyThereAndBackThenItsRefusals() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.sqlite").path, back = folder.appendingPathComponent("back.sqlite").path
        XCTAssertEqual(try Binary.run(["sample", "--db", file]).status, 0)
        XCTAssertEqual(try Binary.run(["db", "init", url.description]).status, 0)

        let there = try Binary.run(["copy", "--from", file, "--to", url.description])
        XCTAssertEqual(there.status, 0, there.stderr)
        XCTAssertTrue(there.stdout.hasPrefix("Copied "), there.stdout)
        XCTAssertTrue(there.stdout.contains("; every table is the same on both sides."), there.stdout)

        let again = try Binary.run(["copy", "--from", file, "--to", url.description])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "backorders: \(url.description) is not empty (the table item holds rows): a copy goes into an empty warehouse; nothing was changed\n")

        let home = try Binary.run(["--lang", "nb", "copy", "--from", url.description, "--to", back])
        XCTAssertEqual(home.status, 0, home.stderr)
        XCTAssertTrue(home.stdout.contains("hver tabell er lik på begge sider."), home.stdout)
        XCTAssertTrue(home.stdout.hasSuffix("kontroll av \(back): ingen feil funnet.\n"), home.stdout)
        XCTAssertEqual(try Binary.run(["check", "--db", back]).status, 0)

        let exists = try Binary.run(["copy", "--from", url.description, "--to", back])
        XCTAssertEqual(exists.status, 1)
        XCTAssertTrue(exists.stderr.contains("\(back) exists already: a copy goes into a new data file; nothing was changed"), exists.stderr)

        let missing = try Binary.run(["copy", "--from", folder.appendingPathComponent("none.sqlite").path, "--to", url.description])
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("no data file at"), missing.stderr)

        let badURL = try Binary.run(["copy", "--from", file, "--to", "postgres://clerk@db.example"])
        XCTAssertEqual(badURL.status, 64)
        XCTAssertTrue(badURL.stderr.contains("names no database"), badURL.stderr)

        let files = try Binary.run(["copy", "--from", file, "--to", back + ".2"])
        XCTAssertEqual(files.status, 64)
        XCTAssertTrue(files.stderr.contains("copy a data file with `backorders backup`"), files.stderr)

        let notInitialized = admin.with(database: "postgres")
        let noSchema = try Binary.run(["copy", "--from", notInitialized.description, "--to", back + ".3"])
        XCTAssertEqual(noSchema.status, 66, noSchema.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: back + ".3"))
    }
}

/// The copy's catalogue is complete in both languages (no server needed).
final class CopyCatalogueTests: XCTestCase {
    func testTheCopyCataloguesAreComplete() {
        XCTAssertEqual(Catalogue.problems(CopyCommandText.self), [])
    }
}
