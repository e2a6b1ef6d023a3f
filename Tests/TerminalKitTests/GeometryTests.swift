import TerminalKit
import XCTest

final class GeometryTests: XCTestCase {
    func testFixedFractionFillSplit() {
        let area = Rect(x: 0, y: 0, width: 100, height: 10)
        let parts = area.columns([.fixed(20), .fraction(0.5), .fill])
        XCTAssertEqual(parts, [Rect(x: 0, y: 0, width: 20, height: 10), Rect(x: 20, y: 0, width: 50, height: 10),
                               Rect(x: 70, y: 0, width: 30, height: 10)])
    }

    func testFillWeightsTileExactly() {
        let parts = Rect(x: 5, y: 2, width: 10, height: 7).rows([.fill(weight: 1), .fill(weight: 2), .fixed(1)])
        XCTAssertEqual(parts.map(\.height), [2, 4, 1])
        XCTAssertEqual(parts.map(\.y), [2, 4, 8])
        XCTAssertEqual(parts.reduce(0) { $0 + $1.height }, 7)
    }

    func testSplitWhenTooSmall() {
        let parts = Rect(width: 5, height: 1).columns([.fixed(4), .fixed(4), .fill])
        XCTAssertEqual(parts.map(\.width), [4, 1, 0])
        XCTAssertEqual(Rect(width: 0, height: 0).rows([.fill, .fraction(0.3)]).map(\.height), [0, 0])
    }

    func testInsetIntersectionCenter() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        XCTAssertEqual(rect.inset(by: 1), Rect(x: 3, y: 4, width: 8, height: 2))
        XCTAssertTrue(rect.inset(by: 3).isEmpty)
        XCTAssertEqual(rect.intersection(Rect(x: 0, y: 0, width: 5, height: 5)), Rect(x: 2, y: 3, width: 3, height: 2))
        XCTAssertTrue(rect.intersection(Rect(x: 50, y: 50, width: 5, height: 5)).isEmpty)
        XCTAssertEqual(Rect(width: 40, height: 12).centered(width: 20, height: 4), Rect(x: 10, y: 4, width: 20, height: 4))
        XCTAssertEqual(Rect(width: 10, height: 5).centered(width: 30, height: 30), Rect(width: 10, height: 5))
        XCTAssertEqual(Rect(x: 0, y: 0, width: -4, height: 3).width, 0)
        XCTAssertTrue(rect.contains(Point(x: 2, y: 3)))
        XCTAssertFalse(rect.contains(Point(x: 12, y: 3)))
    }

    func testDividedTopBottom() {
        let (top, rest) = Rect(width: 10, height: 5).dividedTop(1)
        XCTAssertEqual(top.height, 1)
        XCTAssertEqual(rest, Rect(x: 0, y: 1, width: 10, height: 4))
        let (body, bottom) = Rect(width: 10, height: 5).dividedBottom(9)
        XCTAssertEqual(body.height, 0)
        XCTAssertEqual(bottom.height, 5)
    }
}
