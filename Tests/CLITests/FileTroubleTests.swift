import Foundation
import XCTest

/// The real UI in tmux when the file system fills up under it, and when its data file is replaced by another: it says
/// so in the message line, keeps running, and leaves the file as it was.
final class FileTroubleTests: XCTestCase {
    private var lab: ProcessLab!
    private var dir: URL!
    private var mounted = false
    private var db: String { dir.appendingPathComponent("w.sqlite").path }
    private var binary: String { (try? backordersBinary().path) ?? "" }

    override func setUpWithError() throws {
        guard ProcessLab.tmux != nil else { throw XCTSkip("tmux is not installed") }
        _ = try backordersBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("bo-trouble-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        lab = ProcessLab(dir: FileManager.default.temporaryDirectory)
    }

    override func tearDownWithError() throws {
        lab?.stop()
        // The UI is gone with the tmux server; give the kernel a moment to let go of the mount.
        if mounted { for _ in 0..<20 where umount(dir.path) != 0 { Thread.sleep(forTimeInterval: 0.1) } }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    /// A receipt confirmed when the disk is full: the message line says so, the UI goes on, nothing was booked; with
    /// room again the same receipt goes through.
    func testAFullDiskIsShownInTheUIWhichKeepsRunning() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to mount a small tmpfs that can fill up") }
        guard mount("tmpfs", dir.path, "tmpfs", 0, "size=4m") == 0 else {
            throw XCTSkip("mounting a tmpfs failed (\(String(cString: strerror(errno)))): no full disk to test on")
        }
        mounted = true
        try makeFile()
        let s = try lab.start("clerk", [binary, "ui", "--db", db])
        try lab.waitFor(s, "SO-000001")
        try fill()
        try lab.keys(s, "3"); try lab.waitFor(s, "PO-1/1")
        try lab.keys(s, "r"); try lab.waitFor(s, "Receive on PO-1/1")
        try lab.keys(s, "Enter"); try lab.waitFor(s, "Confirm receipt")
        try lab.keys(s, "Enter")
        try lab.waitFor(s, "is full; nothing was changed")
        // Still running: the dialog closes, another pane shows.
        try lab.keys(s, "Escape", "4")
        try lab.waitFor(s, "Widget")
        XCTAssertTrue(try lab.screen(s).contains("70"), "stock as it was")
        let stock = try cli(["list", "stock", "--json"])
        XCTAssertTrue(stock.stdout.contains("\"onHand\" : 70"), "nothing was booked: \(stock.stdout) \(stock.stderr)")

        try FileManager.default.removeItem(at: dir.appendingPathComponent("filler"))
        try lab.keys(s, "3", "r"); try lab.waitFor(s, "Receive on PO-1/1")
        try lab.keys(s, "Enter"); try lab.waitFor(s, "Confirm receipt")
        try lab.keys(s, "Enter"); try lab.waitFor(s, "30 → SO-000001 line 1")
        try lab.keys(s, "Enter", "q")
        try lab.waitForExit(s)
        XCTAssertEqual(try cli(["check"]).status, 0, "the file is intact")
        XCTAssertTrue(try cli(["list", "stock", "--json"]).stdout.contains("\"onHand\" : 100"), "one receipt of 30")
    }

    /// Another data file moved over the path under a running UI: the message line names it within a tick, a write is
    /// refused, the UI quits cleanly, and the new file is untouched.
    func testAFileReplacedUnderTheUIIsNamed() throws {
        try makeFile()
        let other = dir.appendingPathComponent("other.sqlite").path
        XCTAssertEqual(try cli(["init"], db: other).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        let s = try lab.start("clerk", [binary, "ui", "--db", db], width: 200)
        try lab.waitFor(s, "SO-000001")
        XCTAssertEqual(rename(other, db), 0)
        try lab.waitFor(s, "the data file \(db) was replaced by another file while open", timeout: 5)
        try lab.keys(s, "p")
        try lab.waitFor(s, "was replaced by another file")
        try lab.keys(s, "Escape", "q")
        try lab.waitForExit(s)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "nothing reached the file now at the path")
        XCTAssertEqual(try cli(["list", "orders", "--json"]).stdout.contains("SO-000001"), false)
    }

    // MARK: helpers

    /// An item with 70 on hand, an order of 100, an arrival of 30.
    private func makeFile() throws {
        for args in [["init"], ["item", "add", "SKU-1", "Widget", "--stock", "70"], ["customer", "add", "C1", "Nordic Tools AS"],
                     ["order", "create", "--customer", "C1", "SKU-1=100"],
                     ["arrival", "add", "--supplier", "Acme", "--po", "PO-1", "--sku", "SKU-1", "--qty", "30", "--eta", "+3"]] {
            let r = try cli(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
    }

    private func cli(_ args: [String], db: String? = nil) throws -> Run {
        try lab.run(binary, args + ["--db", db ?? self.db])
    }

    /// Writes a file until the file system has no room left.
    private func fill() throws {
        let fd = open(dir.appendingPathComponent("filler").path, O_CREAT | O_WRONLY, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        while write(fd, chunk, chunk.count) > 0 {}
        XCTAssertEqual(errno, ENOSPC)
    }
}
