import BackorderCore
import BackorderStore
import BackorderTUI
import TerminalKit
import TerminalKitTesting
import XCTest

/// Whole screens, from the buffer, at the three sizes the brief names: every pane, the detail view, the help and each dialog.
final class ScreenSnapshotTests: XCTestCase {
    static let sizes: [(String, Int, Int)] = [("80x24", 80, 24), ("160x48", 160, 48), ("40x12", 40, 12)]

    /// Screens reached from the start by keys only.
    static let scenarios: [(String, [Key])] = [
        ("orders", []),
        ("backorders", [.char("2")]),
        ("arrivals", [.char("3")]),
        ("stock", [.char("4")]),
        ("detail", [.enter]),
        ("help", [.char("?")]),
        ("customer-status", [.char("c")]),
        ("arrival-history", [.char("3"), .enter]),
        ("filter", [.char("/"), .char("B"), .char("y"), .char("g")]),
        ("sorted", [.char("o"), .char("o"), .char("o"), .char("O")]),
        ("pick-quantity", [.char("p")]),
        ("pick-bad-quantity", [.char("p"), .ctrl("u"), .char("7"), .char("x"), .enter]),
        ("pick-too-many", [.char("p"), .ctrl("u"), .char("9"), .char("9"), .enter]),
        ("pick-short", [.char("p"), .ctrl("u"), .char("5"), .char("0"), .enter]),
        ("pick-confirm", [.char("p"), .enter, .enter]),
        ("pick-result", [.char("p"), .enter, .enter, .enter]),
        ("ship-confirm", [.char("p"), .enter, .enter, .enter, .enter, .char("s")]),
        ("ship-result", [.char("p"), .enter, .enter, .enter, .enter, .char("s"), .enter]),
        ("ship-complete-override", [.down, .char("p"), .enter, .enter, .enter, .char("s")]),
        ("receive-target", [.char("r")]),
        ("receive-quantity", [.char("3"), .char("r")]),
        ("receive-confirm", [.char("3"), .char("r"), .enter]),
        ("receive-result", [.char("3"), .char("r"), .enter, .enter]),
        ("eta-date", [.char("3"), .char("e")]),
        ("eta-confirm", [.char("3"), .char("e"), .ctrl("u")] + "2026-03-30".map { Key.char($0) } + [.enter, .enter]),
        ("add-arrival", [.char("a")]),
        ("cancel-line", [.char("2"), .char("x")]),
        ("cancel-reason", [.char("2"), .char("x"), .enter, .enter]),
        ("cancel-confirm", [.char("2"), .char("x"), .enter, .enter] + "customer gave up".map { Key.char($0) } + [.enter]),
        ("cancel-result", [.char("2"), .char("x"), .enter, .enter] + "customer gave up".map { Key.char($0) } + [.enter, .enter]),
        ("expedite-confirm", [.char("2"), .char("U")] + "hospital".map { Key.char($0) } + [.enter]),
        ("reallocate-donors", [.char("2"), .char("t"), .enter]),
        ("priority", [.char("P")]),
        ("priority-confirm", [.char("2"), .char("P"), .ctrl("u"), .char("1"), .enter, .enter, .enter, .enter]),
        ("amend-quantity", [.char("A"), .enter]),
        ("put-back-nothing", [.char("u")]),
        ("reverse-receipt", [.char("3"), .char("V")]),
        ("add-line", [.char("+")]),
        ("add-line-confirm", [.char("+")] + "SKU-3003".map { Key.char($0) } + [.enter, .char("2"), .enter, .enter]),
        ("new-order-customer", [.char("N")] + "bygg".map { Key.char($0) }),
        ("new-order-item", [.char("N"), .enter] + "gad".map { Key.char($0) }),
        ("new-order-confirm", [.char("N"), .enter] + "SKU-2002".map { Key.char($0) } + [.enter, .char("9"), .enter, .enter, .enter, .enter]),
        ("new-order-placed", [.char("N"), .enter] + "SKU-2002".map { Key.char($0) } + [.enter, .char("9"), .enter, .enter, .enter, .enter, .enter]),
    ]

    func testEveryScreenAtEverySize() throws {
        for (sizeName, width, height) in Self.sizes {
            for (name, keys) in Self.scenarios {
                let app = makeApp(try makeWarehouse(), width: width, height: height)
                for key in keys { app.send(.key(key)) }
                assertSnapshot(of: app.render(), named: "\(name)-\(sizeName)")
            }
        }
    }

    func testReadOnlyScreens() throws {
        let service = ReadOnlyService(base: try makeWarehouse())
        for (sizeName, width, height) in Self.sizes {
            let app = makeApp(service, width: width, height: height)
            assertSnapshot(of: app.render(), named: "read-only-\(sizeName)")
            app.send(.key(.char("p")))
            assertSnapshot(of: app.render(), named: "read-only-pick-refused-\(sizeName)")
            app.send(.key(.char("?")))
            assertSnapshot(of: app.render(), named: "read-only-help-\(sizeName)")
        }
    }

    /// A long list scrolled to its end: the window fetched is the one shown.
    func testScrolledToTheEnd() throws {
        let app = makeApp(try makeWarehouse(extraOrders: 60), width: 80, height: 24)
        app.send(.key(.end))
        assertSnapshot(of: app.render(), named: "orders-end-80x24")
    }

    /// Follow SKU from the stock pane: arrivals and stock show SKU-1001 only (not SKU-10010), and say so; a text filter
    /// narrows further; Esc lifts the filter, then the SKU.
    func testFollowSKUScreens() throws {
        for (sizeName, width, height) in Self.sizes {
            let app = makeApp(try makeLookalikeWarehouse(), width: width, height: height)
            app.type(.char("4"), .char("f"))
            XCTAssertEqual(app.state[pane: .arrivals].sku, "SKU-1001")
            guard case .arrivals(let arrivals) = app.state[pane: .arrivals].rows else { return XCTFail("no arrivals") }
            XCTAssertEqual(arrivals.map(\.arrival.sku), ["SKU-1001"], "SKU-10010 is another item")
            guard case .stock(let items) = app.state[pane: .stock].rows else { return XCTFail("no stock") }
            XCTAssertEqual(items.map(\.sku), ["SKU-1001"])
            assertSnapshot(of: app.render(), named: "follow-sku-\(sizeName)")
            app.type(.char("/"))
            app.type(text: "Bolt")
            assertSnapshot(of: app.render(), named: "follow-sku-filter-nothing-\(sizeName)")
            app.type(.ctrl("u"))
            app.type(text: "Acme")
            app.type(.enter)
            assertSnapshot(of: app.render(), named: "follow-sku-filter-\(sizeName)")
            app.type(.escape)
            XCTAssertEqual(app.state[pane: .arrivals].filter, "")
            XCTAssertEqual(app.state[pane: .arrivals].total, 1, "the first Esc drops the text, the SKU stays")
            app.type(.escape)
            XCTAssertNil(app.state[pane: .arrivals].sku)
            XCTAssertEqual(app.state[pane: .arrivals].total, 3, "the second Esc shows every SKU again")
            assertSnapshot(of: app.render(), named: "follow-sku-lifted-\(sizeName)")
        }
        // A SKU nothing is expected for says so, and how to see every SKU again.
        let app = makeApp(try makeLookalikeWarehouse())
        app.type(.char("4"), .end, .char("f"))
        XCTAssertEqual(app.state[pane: .arrivals].sku, "SKU-3003")
        assertSnapshot(of: app.render(), named: "follow-sku-none-80x24")
        app.type(.char("4"))
        assertSnapshot(of: app.render(), named: "follow-sku-stock-80x24")
    }

    /// Enter on an item: the backorder lines of exactly that SKU (not SKU-10010), in serving order (SO-000005 at priority 1
    /// before the older SO-000001), and the pane says so; Esc shows every SKU again, oldest first.
    func testEnterOnAnItemScreens() throws {
        for (sizeName, width, height) in Self.sizes {
            let app = makeApp(try makeQueueWarehouse(), width: width, height: height)
            app.type(.char("4"), .enter)
            XCTAssertEqual(app.state.focus, .backorders)
            XCTAssertEqual(app.state[pane: .backorders].sku, "SKU-1001")
            guard case .backorders(let lines) = app.state[pane: .backorders].rows else { return XCTFail("no backorder lines") }
            XCTAssertEqual(lines.map(\.orderNumber), ["SO-000005", "SO-000001"], "priority 1 is served before the older order")
            XCTAssertEqual(lines.map(\.sku), ["SKU-1001", "SKU-1001"], "SKU-10010 is another item")
            XCTAssertEqual(app.state[pane: .backorders].total, 2)
            assertSnapshot(of: app.render(), named: "item-backorders-\(sizeName)")
        }
        let app = makeApp(try makeQueueWarehouse())
        app.type(.char("4"), .enter, .escape)
        XCTAssertNil(app.state[pane: .backorders].sku)
        guard case .backorders(let lines) = app.state[pane: .backorders].rows else { return XCTFail("no backorder lines") }
        XCTAssertEqual(lines.map(\.orderNumber), ["SO-000001", "SO-000001", "SO-000002", "SO-000004", "SO-000005"], "oldest first again")
        assertSnapshot(of: app.render(), named: "item-backorders-lifted-80x24")
    }

    /// Sizes beyond the three named ones: nothing overlaps and nothing crashes, down to nothing at all.
    func testAnySizeRendersWithoutCrashing() throws {
        let app = makeApp(try makeWarehouse())
        for (w, h) in [(0, 0), (1, 1), (10, 3), (20, 5), (39, 11), (79, 23), (149, 31), (150, 32), (300, 90)] {
            app.send(.resized(Size(width: w, height: h)))
            for keys in [[Key.char("1")], [.char("p")], [.escape, .char("?")], [.escape, .enter], [.escape, .escape]] {
                for k in keys { app.send(.key(k)) }
                let buffer = app.render()
                XCTAssertEqual(buffer.width, w)
                XCTAssertEqual(buffer.height, h)
            }
        }
    }
}
