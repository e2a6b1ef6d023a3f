import TerminalKit
import TerminalKitTesting
import XCTest

final class SnapshotTests: XCTestCase {
    private func ordersTable(selected: Int) -> Table {
        Table(columns: [.init("Order", width: .fixed(7), priority: 10),
                        .init("Customer", width: .flexible(min: 8), priority: 9),
                        .init("Qty", width: .fixed(4), alignment: .right, priority: 5),
                        .init("Status", width: .fixed(6), priority: 1)],
              rows: [["SO-1001", "Ørsted Å æ — 日本", "3", "late"],
                     ["SO-1002", "Evil \u{1B}[2J Corp", "12", "open"],
                     ["SO-1003", "東京倉庫株式会社", "40", "picked"],
                     ["SO-1004", "Café Noël", "7", "open"]],
              selectedRow: selected, sortColumn: 1, sortDirection: .descending)
    }

    func testOrdersScreen() {
        var buffer = ScreenBuffer(width: 44, height: 9)
        let parts = buffer.bounds.rows([.fixed(1), .fill, .fixed(1), .fixed(1)])
        buffer.render(PaneBar(titles: ["Orders", "Backorders", "Stock"], active: 0), in: parts[0])
        buffer.drawBox(parts[1], title: "Open orders")
        buffer.render(ordersTable(selected: 1), in: parts[1].inset(by: 1))
        buffer.render(StatusBar(left: ["4 orders", "1 late"], right: ["44×9"]), in: parts[2])
        buffer.render(KeyHintBar(hints: [.init("↑↓", "Move"), .init("p", "Pick"), .init("q", "Quit")]), in: parts[3])
        assertSnapshot(of: buffer, named: "orders-44x9")
    }

    func testNarrowTableDropsColumns() {
        var buffer = ScreenBuffer(width: 20, height: 5)
        buffer.render(ordersTable(selected: 3))
        assertSnapshot(of: buffer, named: "orders-20x5")
    }

    func testDialog40x12() {
        var buffer = ScreenBuffer(width: 40, height: 12)
        buffer.fill(buffer.bounds, character: "·")
        buffer.render(Dialog(title: "Ship SO-1001", body: ["Ship 3 × Ørsted Å æ — 日本 to customer?", "Carrier:"],
                             field: TextField(text: "DHL Express International"), message: "Carrier is required",
                             buttons: [.init("Enter", "Ship"), .init("Esc", "Cancel")]))
        assertSnapshot(of: buffer, named: "dialog-40x12")
    }

    func testHelpAndChart() {
        var buffer = ScreenBuffer(width: 36, height: 10)
        let halves = buffer.bounds.rows([.fixed(6), .fill])
        buffer.render(HelpView(sections: [.init("Navigation", [.init([.up, .char("k")], "Previous row"),
                                                             .init([.pageDown], "Next page")]),
                                          .init("Orders", [.init([.ctrl("r")], "Refresh from the warehouse database")])]),
                      in: halves[0])
        buffer.render(BarChart(bars: [.init("Oslo", value: 120), .init("Bergen", value: 45.5), .init("日本", value: 7)]),
                      in: halves[1])
        assertSnapshot(of: buffer, named: "help-and-chart")
    }

    func testSnapshotFormatAndDiff() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("日本x", x: 0, y: 0)
        XCTAssertEqual(snapshotText(of: buffer), "+ 6x2 -+\n|日本x |\n|      |\n+------+\n")
        let diff = snapshotDiff(expected: "a\nb\nc", actual: "a\nB\nc\nd")
        XCTAssertEqual(diff, "    1 a\n-   2 b\n+   2 B\n    3 c\n+   4 d")
    }
}
