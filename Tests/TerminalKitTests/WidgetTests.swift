import TerminalKit
import XCTest

final class WidgetTests: XCTestCase {
    private let columns: [Table.Column] = [
        .init("Order", width: .fixed(7), priority: 10),
        .init("Customer", width: .flexible(min: 10, weight: 1), priority: 9),
        .init("Qty", width: .fixed(4), alignment: .right, priority: 5),
        .init("Due", width: .fixed(10), priority: 2),
        .init("Status", width: .flexible(min: 6), priority: 1),
    ]

    private func sampleTable(rows count: Int = 3, selected: Int? = nil) -> Table {
        let rows = (0..<count).map { ["SO-\(1000 + $0)", $0 == 0 ? "Ørsted Å æ — 日本" : "Customer \($0)", "\($0 + 1)",
                                      "2024-05-0\($0 % 9 + 1)", $0 % 2 == 0 ? "late" : "open"] }
        return Table(columns: columns, rows: rows, selectedRow: selected)
    }

    func testColumnsDropByPriority() {
        let table = sampleTable()
        XCTAssertEqual(table.columnLayout(forWidth: 80).map(\.index), [0, 1, 2, 3, 4])
        let narrow = table.columnLayout(forWidth: 30)
        XCTAssertEqual(narrow.map(\.index), [0, 1, 2], "Status then Due are dropped first")
        XCTAssertEqual(narrow.map(\.width), [7, 17, 4], "the flexible column takes the spare room")
        XCTAssertEqual(table.columnLayout(forWidth: 10).map(\.index), [0])
        XCTAssertEqual(table.columnLayout(forWidth: 3).map(\.width), [3], "a lone column is cut to the area")
        XCTAssertEqual(table.columnLayout(forWidth: 0), [])
        for width in 0...90 {
            let layout = table.columnLayout(forWidth: width)
            for (a, b) in zip(layout, layout.dropFirst()) {
                XCTAssertLessThanOrEqual(a.x + a.width, b.x, "overlap at width \(width)")
            }
            if let last = layout.last { XCTAssertLessThanOrEqual(last.x + last.width, width, "overflow at \(width)") }
        }
    }

    func testTableRendersAtTinySizesWithoutOverflow() {
        let table = sampleTable(rows: 20, selected: 7)
        for (w, h) in [(10, 3), (1, 1), (0, 0), (3, 2), (20, 1)] {
            var buffer = ScreenBuffer(width: w + 2, height: h + 2)
            buffer.fill(buffer.bounds, character: "#")
            buffer.render(table, in: Rect(x: 1, y: 1, width: w, height: h))
            let lines = buffer.lines
            XCTAssertEqual(lines.first, String(repeating: "#", count: w + 2), "top border untouched at \(w)x\(h)")
            XCTAssertEqual(lines.last, String(repeating: "#", count: w + 2), "bottom border untouched at \(w)x\(h)")
            for line in lines { XCTAssertTrue(line.hasPrefix("#") && line.hasSuffix("#"), "sides at \(w)x\(h): \(line)") }
        }
        var small = ScreenBuffer(width: 10, height: 3)
        small.render(table)
        XCTAssertEqual(small.lines, ["Order", "SO-1006", "SO-1007"])
        XCTAssertTrue(small[0, 2].style.attributes.contains(.reverse), "selected row 7 is visible and reversed")
    }

    func testSortIndicatorAndRowStyle() {
        var table = sampleTable()
        table.sortColumn = 2
        table.sortDirection = .descending
        table.rowStyles = [1: Style(foreground: .red)]
        var buffer = ScreenBuffer(width: 60, height: 4)
        buffer.render(table)
        XCTAssertTrue(buffer.lines[0].contains("Qty▼"), buffer.lines[0])
        XCTAssertEqual(buffer[0, 2].style.foreground, .red)
        XCTAssertEqual(buffer[0, 1].style.foreground, .default)
        XCTAssertTrue(buffer[2, 0].style.attributes.contains(.bold))
    }

    func testScrollOffsetKeepsSelectionVisible() {
        XCTAssertEqual(Scrolling.offset(selected: 15, current: 0, visibleRows: 5, rowCount: 20), 11)
        XCTAssertEqual(Scrolling.offset(selected: 2, current: 11, visibleRows: 5, rowCount: 20), 2)
        XCTAssertEqual(Scrolling.offset(selected: 12, current: 10, visibleRows: 5, rowCount: 20), 10, "no jump when visible")
        XCTAssertEqual(Scrolling.offset(selected: nil, current: 100, visibleRows: 5, rowCount: 20), 15)
        XCTAssertEqual(Scrolling.offset(selected: 3, current: 0, visibleRows: 0, rowCount: 20), 0)
        XCTAssertEqual(Scrolling.offset(selected: 99, current: -4, visibleRows: 10, rowCount: 3), 0)
        let table = sampleTable(rows: 50, selected: 30)
        XCTAssertEqual(table.resolvedScrollOffset(forHeight: 11), 21, "10 data rows below the header")
    }

    func testTextFieldEditing() {
        var field = TextField()
        for c in "abc" { field.handle(.char(c)) }
        field.handle(.left)
        field.handle(.left)
        field.handle(.char("X"))
        XCTAssertEqual(field.text, "aXbc")
        XCTAssertEqual(field.cursor, 2)
        field.handle(.backspace)
        XCTAssertEqual(field.text, "abc")
        XCTAssertEqual(field.cursor, 1)
        field.handle(.delete)
        XCTAssertEqual(field.text, "ac")
        field.handle(.home)
        XCTAssertEqual(field.cursor, 0)
        field.handle(.backspace)
        XCTAssertEqual(field.text, "ac", "backspace at start does nothing")
        field.handle(.end)
        XCTAssertEqual(field.cursor, 2)
        field.handle(.delete)
        XCTAssertEqual(field.text, "ac", "delete at end does nothing")
        field.handle(.char("\u{1B}"))
        XCTAssertEqual(field.text, "ac", "control characters are not inserted")
        XCTAssertFalse(field.handle(.enter), "Enter is left to the caller")
        field.handle(.char(" "))
        for c in "ørsted" { field.handle(.char(c)) }
        field.handle(.ctrl("w"))
        XCTAssertEqual(field.text, "ac ")
        field.handle(.ctrl("u"))
        XCTAssertEqual(field.text, "")
        XCTAssertEqual(field.cursor, 0)
        var limited = TextField(maxLength: 2)
        for c in "12345" { limited.insert(c) }
        XCTAssertEqual(limited.text, "12")
    }

    /// A proposed value (a quantity, a date) is selected: the first key typed replaces it, Backspace clears it, a cursor
    /// key keeps it for editing; it is drawn reversed while selected.
    func testASelectedProposalGoesWithTheFirstKeyTyped() {
        var typed = TextField(text: "120", selected: true)
        XCTAssertTrue(typed.isSelected)
        typed.handle(.char("5")); typed.handle(.char("0"))
        XCTAssertEqual(typed.text, "50", "not 12050")
        var erased = TextField(text: "120", selected: true)
        erased.handle(.backspace)
        XCTAssertEqual(erased.text, "")
        var edited = TextField(text: "120", selected: true)
        edited.handle(.left); edited.handle(.backspace); edited.handle(.char("5"))
        XCTAssertEqual(edited.text, "150", "a move keeps the text: the key edits it")
        XCTAssertFalse(edited.isSelected)
        XCTAssertFalse(TextField(text: "", selected: true).isSelected, "nothing to select")
        XCTAssertFalse(TextField(text: "120").isSelected, "not selected unless asked")
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.render(TextField(text: "120", selected: true))
        XCTAssertTrue(buffer[0, 0].style.attributes.contains(.reverse), "drawn as selected")
        var plain = ScreenBuffer(width: 6, height: 1)
        plain.render(TextField(text: "120"))
        XCTAssertFalse(plain[0, 0].style.attributes.contains(.reverse))
    }

    func testTextFieldScrollsHorizontally() {
        var field = TextField(text: "abcdefghij")
        XCTAssertEqual(field.scrollStart(forWidth: 5), 6)
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.render(field)
        XCTAssertEqual(buffer.text, "ghij")
        XCTAssertTrue(buffer[4, 0].style.attributes.contains(.reverse), "cursor cell after the text")
        field.handle(.home)
        XCTAssertEqual(field.scrollStart(forWidth: 5), 0)
        buffer.render(field)
        XCTAssertEqual(buffer.text, "abcde")
        XCTAssertTrue(buffer[0, 0].style.attributes.contains(.reverse))
        XCTAssertFalse(buffer[1, 0].style.attributes.contains(.reverse))
        let wide = TextField(text: "日本語")
        XCTAssertEqual(wide.scrollStart(forWidth: 4), 2, "cursor column plus one wide char")
    }

    func testDialogAt40x12() {
        let dialog = Dialog(title: "Receive PO-77", body: ["Scan or type the quantity received for line 3 of the purchase order."],
                            field: TextField(text: "12"), message: "Quantity exceeds open amount",
                            buttons: [.init("Enter", "Receive"), .init("Esc", "Cancel")])
        var buffer = ScreenBuffer(width: 40, height: 12)
        buffer.fill(buffer.bounds, character: ".")
        buffer.render(dialog)
        let frame = dialog.frame(in: buffer.bounds)
        XCTAssertEqual(frame.width, 40)
        XCTAssertTrue(buffer.bounds.intersection(frame) == frame)
        let text = buffer.text
        XCTAssertTrue(text.contains("Receive PO-77"))
        XCTAssertTrue(text.contains("Quantity exceeds open amount"))
        XCTAssertTrue(text.contains("Enter Receive  Esc Cancel"))
        XCTAssertTrue(text.contains("12"))
        XCTAssertEqual(buffer[frame.x, frame.y].content, "┌")
        XCTAssertEqual(buffer[frame.maxX - 1, frame.maxY - 1].content, "┘")

        var tiny = ScreenBuffer(width: 20, height: 5)
        tiny.render(dialog)
        XCTAssertTrue(tiny.text.contains("Enter"), "buttons survive on a tiny screen:\n\(tiny.text)")
        XCTAssertTrue(tiny.lines[1].contains("12"), "so does the field:\n\(tiny.text)")
    }

    func testALongMessageWrapsInsteadOfBeingCut() {
        let message = "«kari at nordic» er ikke en e-postadresse (skriv den som navn@eksempel.no)"
        let dialog = Dialog(title: "Kunde", body: ["E-postadresse:"], field: TextField(text: "kari at nordic"), message: message,
                            buttons: [.init("Enter", "OK")], preferredWidth: 40)
        var buffer = ScreenBuffer(width: 40, height: 12)
        buffer.render(dialog)
        let words = buffer.lines.joined(separator: " ").split(separator: " ").filter { !$0.contains("│") }
        XCTAssertTrue(words.contains("navn@eksempel.no)"), "the end of the message shows:\n\(buffer.text)")
        XCTAssertTrue(buffer.text.contains("Enter OK"))
    }

    func testKeyHintBarDropsWhatDoesNotFit() {
        let bar = KeyHintBar(hints: [.init("q", "Quit"), .init("Enter", "Open the selected order"), .init("?", "Help")])
        XCTAssertEqual(bar.visibleHints(forWidth: 80).count, 3)
        XCTAssertEqual(bar.visibleHints(forWidth: 20).map(\.key), ["q", "?"])
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.render(bar)
        XCTAssertEqual(buffer.text, "q Quit  ? Help")
    }

    func testStatusBarTruncatesWhenNarrow() {
        let bar = StatusBar(left: ["Open orders", "3 late"], right: ["12:00"])
        var wide = ScreenBuffer(width: 40, height: 1)
        wide.render(bar)
        XCTAssertEqual(wide.text, " Open orders │ 3 late             12:00")
        var narrow = ScreenBuffer(width: 16, height: 1)
        narrow.render(bar)
        XCTAssertEqual(narrow.text, " Open or… 12:00")
        XCTAssertTrue(narrow[15, 0].style.attributes.contains(.reverse), "the bar fills its row")
    }

    func testPaneBarCompactsInactiveTitles() {
        let bar = PaneBar(titles: ["Open orders", "Backorders", "Arrivals", "Stock"], active: 1)
        var buffer = ScreenBuffer(width: 60, height: 1)
        buffer.render(bar)
        XCTAssertEqual(buffer.text, " 1 Open orders  2 Backorders  3 Arrivals  4 Stock")
        XCTAssertTrue(buffer[16, 0].style.attributes.contains(.reverse), "active pane highlighted")
        XCTAssertFalse(buffer[2, 0].style.attributes.contains(.reverse))
        var narrow = ScreenBuffer(width: 22, height: 1)
        narrow.render(bar)
        XCTAssertEqual(narrow.text, " 1  2 Backorder… 3  4")
    }

    func testKeyDescriptionsAndCodePoints() {
        XCTAssertEqual(Key.up.description, "↑")
        XCTAssertEqual(Key.pageDown.description, "PgDn")
        XCTAssertEqual(Key.ctrl("r").description, "Ctrl-R")
        XCTAssertEqual(Key.backTab.description, "Shift-Tab")
        XCTAssertEqual(Key.enter.description, "Enter")
        XCTAssertEqual(Key.escape.description, "Esc")
        XCTAssertEqual(Key.function(5).description, "F5")
        XCTAssertEqual(Key.char(" ").description, "Space")
        XCTAssertEqual(Key(codePoint: 3), .ctrl("c"))
        XCTAssertEqual(Key(codePoint: 13), .enter)
        XCTAssertEqual(Key(codePoint: 10), .enter)
        XCTAssertEqual(Key(codePoint: 9), .tab)
        XCTAssertEqual(Key(codePoint: 27), .escape)
        XCTAssertEqual(Key(codePoint: 127), .backspace)
        XCTAssertEqual(Key(codePoint: 8), .backspace)
        XCTAssertEqual(Key(codePoint: 248), .char("ø"))
        XCTAssertNil(Key(codePoint: 0x9B))
        XCTAssertEqual(Set([Key.up, .up, .ctrl("a")]).count, 2)
    }

    func testBarChartScales() {
        XCTAssertEqual(BarChart.barText(value: 10, maxValue: 10, width: 4), "████")
        XCTAssertEqual(BarChart.barText(value: 5, maxValue: 10, width: 4), "██")
        XCTAssertEqual(BarChart.barText(value: 1, maxValue: 16, width: 2), "▏")
        XCTAssertEqual(BarChart.barText(value: -3, maxValue: 10, width: 4), "")
        XCTAssertEqual(BarChart.barText(value: 30, maxValue: 10, width: 4), "████", "clamped to the width")
    }

    func testHelpAndTextViewScrolling() {
        let help = HelpView(sections: [.init("Navigation", [.init([.up, .char("k")], "Up"), .init([.down, .char("j")], "Down")]),
                                       .init("Orders", [.init("p", "Pick the selected line")])])
        XCTAssertEqual(help.lines(forWidth: 40).count, 6)
        XCTAssertEqual(help.maxScrollOffset(width: 40, height: 4), 2)
        var buffer = ScreenBuffer(width: 40, height: 2)
        var scrolled = help
        scrolled.scrollOffset = 99
        buffer.render(scrolled)
        XCTAssertEqual(buffer.lines, ["Orders", "  p    Pick the selected line"])
        let view = TextView(text: "one two three four\nfive", scrollOffset: 1)
        XCTAssertEqual(view.displayLines(forWidth: 9), ["one two", "three", "four", "five"])
        var text = ScreenBuffer(width: 9, height: 2)
        text.render(view)
        XCTAssertEqual(text.lines, ["three", "four"])
    }

    func testListView() {
        let list = ListView(items: (1...10).map { "Item \($0)" }, selected: 9)
        var buffer = ScreenBuffer(width: 8, height: 3)
        buffer.render(list)
        XCTAssertEqual(buffer.lines, ["Item 8", "Item 9", "Item 10"])
        XCTAssertTrue(buffer[0, 2].style.attributes.contains(.reverse))
        XCTAssertEqual(list.resolvedScrollOffset(forHeight: 3), 7)
    }
}
