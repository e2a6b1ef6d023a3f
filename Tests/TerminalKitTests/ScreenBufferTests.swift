@testable import TerminalKit
import XCTest

final class ScreenBufferTests: XCTestCase {
    /// Checks the wide-character invariant: a continuation cell always follows a width-2 character.
    private func assertConsistent(_ buffer: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation {
                    XCTAssertGreaterThan(x, 0, "continuation in column 0 (row \(y))", file: file, line: line)
                    XCTAssertEqual(buffer[x - 1, y].content.displayWidth, 2, "orphan continuation at \(x),\(y)",
                                   file: file, line: line)
                } else if cell.content.displayWidth == 2 {
                    XCTAssertTrue(x + 1 < buffer.width && buffer[x + 1, y].isContinuation,
                                  "wide char without continuation at \(x),\(y)", file: file, line: line)
                } else {
                    XCTAssertEqual(cell.content.displayWidth, 1, "cell \(x),\(y)", file: file, line: line)
                }
            }
        }
    }

    func testPutReturnsWidthAndWrites() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        XCTAssertEqual(buffer.put("Hi 日本", x: 1, y: 0), 7)
        XCTAssertEqual(buffer.lines, [" Hi 日本", ""])
        XCTAssertEqual(buffer[4, 0].content, "日")
        XCTAssertTrue(buffer[5, 0].isContinuation)
        assertConsistent(buffer)
    }

    func testClippingAtAllEdges() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.put("abcdefgh", x: -3, y: 0)
        buffer.put("abcdefgh", x: 3, y: 1)
        buffer.put("zzz", x: 0, y: -1)
        buffer.put("zzz", x: 0, y: 3)
        buffer.put("zzz", x: 5, y: 2)
        buffer.put("zzz", x: Int.min, y: 2)
        buffer.put("zzz", x: Int.max, y: 2)
        XCTAssertEqual(buffer.lines, ["defgh", "   ab", ""])
        buffer.fill(Rect(x: -2, y: -2, width: 4, height: 4), character: "#")
        buffer.fill(Rect(x: 4, y: 2, width: 100, height: 100), character: "%")
        XCTAssertEqual(buffer.lines, ["##fgh", "## ab", "    %"])
        buffer.drawBox(Rect(x: -1, y: -1, width: 100, height: 100))
        XCTAssertEqual(buffer.lines[0], "##fgh", "only the off-screen edges of the box, nothing visible changes")
        XCTAssertEqual(buffer[99, 99], .blank, "reading outside is a blank cell")
        buffer[-1, 0] = Cell("X")
        buffer[5, 0] = Cell("X")
        XCTAssertEqual(buffer.lines[0], "##fgh")
        assertConsistent(buffer)
    }

    func testMaxWidthLimitsOutput() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("abcdef", x: 0, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(buffer.text, "abc")
        XCTAssertEqual(buffer.put("abc", x: 0, y: 0, maxWidth: 0), 0)
        XCTAssertEqual(buffer.put("abc", x: 0, y: 0, maxWidth: -5), 0)
    }

    func testZeroAndOneSizedBuffers() {
        for (w, h) in [(0, 0), (0, 5), (5, 0), (1, 1), (-3, -3)] {
            var buffer = ScreenBuffer(width: w, height: h)
            buffer.put("日本 text", x: 0, y: 0)
            buffer.put("x", x: -1, y: -1)
            buffer.fill(Rect(x: 0, y: 0, width: 3, height: 3), character: "日")
            buffer.drawBox(buffer.bounds, title: "T")
            buffer.clear()
            buffer.render(Table(columns: [.init("A")], rows: [["1"]], selectedRow: 0))
            buffer.render(Dialog(title: "T", body: ["b"], field: TextField(), message: "m", buttons: [.init("q", "x")]))
            XCTAssertEqual(buffer.width, max(0, w))
            XCTAssertEqual(buffer.cells.count, max(0, w) * max(0, h))
            assertConsistent(buffer)
        }
        var one = ScreenBuffer(width: 1, height: 1)
        XCTAssertEqual(one.put("日", x: 0, y: 0), 1, "a wide char in one column leaves a space")
        XCTAssertEqual(one[0, 0].content, " ")
    }

    func testWideCharAtRightEdgeLeavesSpace() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.fill(buffer.bounds, character: ".")
        XCTAssertEqual(buffer.put("ab日本", x: 0, y: 0), 5)
        XCTAssertEqual(buffer.lines, ["ab日"], "本 does not fit in the last column: a space is written")
        XCTAssertEqual(buffer[4, 0].content, " ")
        assertConsistent(buffer)

        var limited = ScreenBuffer(width: 10, height: 1)
        limited.fill(limited.bounds, character: ".")
        XCTAssertEqual(limited.put("a日本", x: 0, y: 0, maxWidth: 4), 4)
        XCTAssertEqual(limited.text, "a日 ......", "maxWidth in the middle of a wide char also leaves a space")
    }

    func testWideCharCutAtLeftEdge() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("日本x", x: -1, y: 0), 5)
        XCTAssertEqual(buffer.text, " 本x")
        assertConsistent(buffer)
    }

    func testOverwritingHalfOfWideCharRepairsIt() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("日本語", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)  // right half of 日
        buffer.put("y", x: 2, y: 0)  // left half of 本
        XCTAssertEqual(buffer.text, " xy 語")
        assertConsistent(buffer)
        buffer.put("漢", x: 3, y: 0)  // over the continuation of (now broken) 本 and the left half of 語
        XCTAssertEqual(buffer.text, " xy漢")
        assertConsistent(buffer)
        buffer[4, 0] = Cell("")
        assertConsistent(buffer)
    }

    func testControlCharactersInDataNeverReachTheBuffer() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        buffer.put("Evil\u{1B}[2J\u{1B}]0;x\u{07}\u{9B}1m\u{7F}\r\n", x: 0, y: 0)
        XCTAssertEqual(buffer.text, "Evil^[[2J^[]0;x^G<9B>1m^?^M^J")
        for cell in buffer.cells {
            XCTAssertFalse(cell.content.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        buffer[0, 0] = Cell("\u{1B}")
        XCTAssertEqual(buffer[0, 0].content, "^", "direct cell writes are escaped too")
    }

    func testBoxWithTitle() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        buffer.drawBox(buffer.bounds, title: "Stock")
        XCTAssertEqual(buffer.lines, ["┌ Stock ───┐", "│          │", "└──────────┘"])
        var ascii = ScreenBuffer(width: 8, height: 3)
        ascii.drawBox(ascii.bounds, title: "Very long title", border: .ascii)
        XCTAssertEqual(ascii.lines, ["+ Ver… +", "|      |", "+------+"])
    }

    func testPutTruncated() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        XCTAssertEqual(buffer.putTruncated("Backorders", x: 0, y: 0, width: 6), 6)
        buffer.putTruncated("42", x: 0, y: 1, width: 6, alignment: .right)
        XCTAssertEqual(buffer.lines, ["Backo…", "    42"])
    }

    func testDiffReportsOnlyChangedRuns() {
        var old = ScreenBuffer(width: 8, height: 3)
        old.put("abcdefgh", x: 0, y: 0)
        var new = old
        XCTAssertEqual(new.changes(since: old), [])
        new.put("XY", x: 2, y: 0)
        new.put("Z", x: 7, y: 2)
        XCTAssertEqual(new.changes(since: old), [
            CellRun(x: 2, y: 0, cells: [Cell("X"), Cell("Y")]),
            CellRun(x: 7, y: 2, cells: [Cell("Z")]),
        ])
        var styled = new
        styled.restyle(Rect(x: 0, y: 1, width: 2, height: 1)) { $0.adding(.reverse) }
        XCTAssertEqual(styled.changes(since: new).map { [$0.x, $0.y, $0.cells.count] }, [[0, 1, 2]])
        XCTAssertEqual(new.changes(since: nil).count, 3, "no previous frame: every row")
        XCTAssertEqual(new.changes(since: ScreenBuffer(width: 4, height: 3)).count, 3, "size change: every row")
    }

    func testDiffIncludesBothHalvesOfWideChars() {
        var old = ScreenBuffer(width: 6, height: 1)
        old.put("日本", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.adding(.bold) }  // only the continuation changed
        let runs = new.changes(since: old)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs.first?.x, 0, "run starts at the wide char, not its right half")
        XCTAssertEqual(runs.first?.cells.count, 2)
    }
}
