import BackorderCore
import BackorderStore
@testable import BackorderTUI
import Foundation
import TerminalKit
import XCTest

/// A filter's rows and count read on connections of their own (real SQLite file, real threads): the newest job of a
/// pane wins, a superseded read is interrupted, and the run loop shows what the last keystroke asked for.
final class BackgroundReadsTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-bg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A file with 40 orders of two customers, every line waiting.
    func makeFile() throws -> (Warehouse, String) {
        let path = dir.appendingPathComponent("w.sqlite").path
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addItem(Item(sku: "SKU-1", name: "Skrue rustfri", onHand: 0), ctx: fixedContext(-30))
        try w.addItem(Item(sku: "SKU-2", name: "Mutter", onHand: 0), ctx: fixedContext(-30))
        try w.addCustomer(Customer(code: "C1", name: "Nordic Tools AS"))
        try w.addCustomer(Customer(code: "C2", name: "Bygg & Co"))
        for i in 1...40 {
            _ = try w.createOrder(NewOrder(number: String(format: "SO-%06d", i), customer: i % 4 == 0 ? "C2" : "C1",
                                           lines: [NewOrderLine(sku: i % 2 == 0 ? "SKU-1" : "SKU-2", quantity: 3)]), ctx: fixedContext(-1))
        }
        return (w, path)
    }

    func testOnlyThePanesNewestJobIsAnswered() throws {
        let (w, path) = try makeFile()
        defer { try? w.close() }
        let reader = try Warehouse.open(path: path, mode: .backgroundReads)
        let reads = BackgroundReads(service: reader, name: "test")
        defer { reads.stop(); try? reader.close() }
        let gate = DispatchSemaphore(value: 0)
        reads.submit(.init(kind: .orders, key: "first") { _ in gate.wait(); return .rowsCounted(.orders, filter: "first", total: 1) })
        // The first job runs (held at the gate) while the second and third wait; the third replaces the second.
        Thread.sleep(forTimeInterval: 0.05)
        reads.submit(.init(kind: .orders, key: "second") { s in .rowsCounted(.orders, filter: "second", total: try s.rowCount(.orders, filter: "SO", sku: nil, customer: nil)) })
        reads.submit(.init(kind: .orders, key: "third") { s in .rowsCounted(.orders, filter: "third", total: try s.rowCount(.orders, filter: "Bygg", sku: nil, customer: nil)) })
        reads.submit(.init(kind: .backorders, key: "other pane") { s in .rowsCounted(.backorders, filter: "b", total: try s.rowCount(.backorders, filter: "", sku: nil, customer: nil)) })
        gate.signal()
        XCTAssertTrue(reads.settle(milliseconds: 10_000))
        XCTAssertEqual(reads.collect(), [.rowsCounted(.orders, filter: "third", total: 10), .rowsCounted(.backorders, filter: "b", total: 40)],
                       "the first was superseded while it ran, the second before it began; another pane's job is its own")
        XCTAssertFalse(reads.isBusy)
    }

    func testASupersededReadIsInterruptedAndTheConnectionStaysUsable() throws {
        let (w, path) = try makeFile()
        defer { try? w.close() }
        let reader = try Warehouse.open(path: path, mode: .backgroundReads)
        defer { try? reader.close() }
        let stop = Date().addingTimeInterval(20)
        let outcome = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        let thread = Thread {
            // Reads until one is interrupted (or 20 s pass).
            do { while Date() < stop { _ = try reader.rowCount(.backorders, filter: "ru", sku: nil, customer: nil) } } catch { failure = error }
            outcome.signal()
        }
        thread.start()
        while outcome.wait(timeout: .now() + .milliseconds(1)) == .timedOut { reader.interruptQueries() }
        XCTAssertNotNil(failure, "a read running on the connection is interrupted")
        XCTAssertEqual(try reader.rowCount(.backorders, filter: "ru", sku: nil, customer: nil), 20, "the next read on it works")
        XCTAssertEqual(try w.rowCount(.backorders, filter: "ru", sku: nil, customer: nil), 20, "the main connection never noticed")
    }

    /// The run loop with a terminal that types one key at a time: the frame after the last key and the answers shows
    /// that filter's rows and its exact count; Enter then opens the selected filtered row's order.
    func testTheRunLoopShowsTheLastFiltersRowsAndCount() throws {
        let (w, path) = try makeFile()
        defer { try? w.close() }
        let pages = try Warehouse.open(path: path, mode: .backgroundReads), counts = try Warehouse.open(path: path, mode: .backgroundReads)
        defer { try? pages.close(); try? counts.close() }
        let app = BackorderApp(service: w, actor: "clerk", clock: fixedClock, language: .en)
        app.readInBackground(pages: pages, counts: counts)
        let terminal = ScriptedTerminal(keys: "/Bygg".map { Key.char($0) } + [.enter, .char("j"), .enter]) { $0.contains("Order SO-000008 · Bygg & Co") }
        app.run(on: terminal)
        let seen = terminal.frames.map(\.text)
        XCTAssertTrue(seen.contains { $0.contains("1/10 /Bygg") }, "the exact count of the last filter")
        XCTAssertFalse(seen.contains { $0.contains("SO-000001") && $0.contains("/Bygg") }, "no row of an older filter under the new one")
        XCTAssertTrue(terminal.finished, "Enter on the second filtered row opened SO-000008")
    }
}

/// A terminal that hands over one key per read (never a batch), then waits, and quits when the screen shows `done`.
final class ScriptedTerminal: TerminalScreen {
    let size = Size(width: 100, height: 30)
    var keys: [Key]
    var frames: [ScreenBuffer] = []
    let done: (String) -> Bool
    var finished = false
    let deadline = Date().addingTimeInterval(20)

    init(keys: [Key], done: @escaping (String) -> Bool) {
        self.keys = keys
        self.done = done
    }

    func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    func readKey(timeoutMilliseconds: Int?) -> Key? {
        // A read that would not wait is typed-ahead input: there is none, each key comes alone.
        if timeoutMilliseconds == 0 { return nil }
        if finished { return .char("q") }
        if let text = frames.last?.text, done(text) { finished = true; return .char("q") }
        if Date() > deadline { return .char("q") }
        if !keys.isEmpty { return keys.removeFirst() }
        usleep(UInt32(min(timeoutMilliseconds ?? 10, 10)) * 1000)
        return nil
    }

    var terminationRequested: Bool { false }
    func suspend() {}
    func invalidate() {}
}
