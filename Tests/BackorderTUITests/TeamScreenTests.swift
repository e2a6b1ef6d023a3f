import BackorderCore
@testable import BackorderStore
import BackorderTUI
import Foundation
import TerminalKit
import TerminalKitTesting
import XCTest

/// What the UI shows of the others on the same file, and of a file that goes away under it.
final class TeamScreenTests: XCTestCase {
    /// Two other users on the file (one of them twice): the status bar names them, first on its right side, and a
    /// narrow screen still shows who, cutting the counts.
    func testOthersOnTheFileShowInTheStatusBar() throws {
        let others = [Presence(user: "anna", host: "wh1", pid: 11, since: fixedNow, seen: fixedNow),
                      Presence(user: "clerk", host: "wh1", pid: 12, since: fixedNow, seen: fixedNow, isThisProcess: true),
                      Presence(user: "bob", host: "wh1", pid: 13, since: fixedNow, seen: fixedNow),
                      Presence(user: "bob", host: "wh2", pid: 14, since: fixedNow, seen: fixedNow)]
        for (sizeName, width, height) in ScreenSnapshotTests.sizes {
            let clerk = makeApp(try makeWarehouse(), width: width, height: height)
            clerk.send(.presenceLoaded(others))
            XCTAssertTrue(clerk.screen.contains(width > 40 ? "also: anna, bob ×2" : "also: anna, b"), clerk.screen)
            assertSnapshot(of: clerk.render(), named: "also-here-\(sizeName)")
            let supervisor = makeApp(ReadOnlyService(base: try makeWarehouse()), width: width, height: height)
            supervisor.send(.presenceLoaded(others))
            assertSnapshot(of: supervisor.render(), named: "also-here-read-only-\(sizeName)")
        }
        // Alone again: the segment goes.
        let app = makeApp(try makeWarehouse())
        app.send(.presenceLoaded(Array(others[1...1])))
        XCTAssertFalse(app.screen.contains("also:"), app.screen)
    }

    /// On a real file: another session registered in the file shows in the status bar from the start.
    func testTheRegistryFeedsTheStatusBar() throws {
        let path = temporaryFile()
        let mine = try Warehouse.open(path: path, mode: .create), other = try Warehouse.open(path: path, mode: .readWrite)
        defer { try? mine.close(); try? other.close() }
        let now = Context.current().now
        try mine.register(now: now)
        try other.register(now: now)
        let app = BackorderApp(service: mine, actor: "clerk", clock: Clock { (now, fixedToday) })
        app.send(.resized(Size(width: 100, height: 24)))
        app.send(.started)
        XCTAssertEqual(app.state.presence.count, 2)
        XCTAssertEqual(app.state.presence.filter(\.isThisProcess).count, 1)
        XCTAssertTrue(app.screen.contains("also: \(Context.osUser())"), app.screen)
        try other.unregister()
        // The registry is read every few seconds, not on every tick.
        app.send(.tick(today: fixedToday))
        XCTAssertEqual(app.state.presence.count, 2, "read again only after a few seconds")
    }

    /// The file moved away under the running UI: the next tick names it in the message line, an operation is refused
    /// with the same words, and nothing reaches the file (moved back, it holds what it held).
    func testAFileGoneFromUnderTheUIIsNamedAndNotWritten() throws {
        let path = temporaryFile()
        let w = try Warehouse.open(path: path, mode: .create)
        defer { try? w.close() }
        try w.addItem(Item(sku: "SKU-1", name: "Widget", onHand: 70), ctx: fixedContext(-3))
        try w.addCustomer(Customer(code: "C1", name: "Nordic Tools AS"))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [NewOrderLine(sku: "SKU-1", quantity: 100)]), ctx: fixedContext(-2))
        let app = makeApp(w, width: 200, height: 24)
        XCTAssertTrue(app.screen.contains("SO-1"))
        let revision = try w.revision()

        XCTAssertEqual(rename(path, path + ".aside"), 0)
        app.send(.tick(today: fixedToday))
        let lost = "the data file \(path) was deleted (or moved away) while open"
        XCTAssertEqual(app.state.message?.kind, .error)
        XCTAssertTrue(app.state.message?.text.hasPrefix(lost) == true, app.state.message?.text ?? "no message")
        XCTAssertTrue(app.screen.contains(lost), app.screen)
        // A pick: the dialog cannot even load the order; the message says why.
        app.type(.char("p"))
        if case .dialog = app.state.overlay { app.type(.enter, .enter) }
        XCTAssertTrue(app.state.message?.text.contains(lost) == true || app.dialog?.message?.contains(lost) == true,
                      "\(String(describing: app.state.message)) \(String(describing: app.dialog))")

        XCTAssertEqual(rename(path + ".aside", path), 0)
        XCTAssertEqual(try w.revision(), revision, "nothing was written")
        XCTAssertEqual(try w.item("SKU-1").picked, 0)
    }

    private func temporaryFile() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backorders-team-ui-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.appendingPathComponent("w.sqlite").path
    }
}
