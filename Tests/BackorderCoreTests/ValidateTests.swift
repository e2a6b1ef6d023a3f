import BackorderCore
import XCTest

final class ValidateTests: XCTestCase {
    private func accepts(_ s: String) -> Bool { (try? Validate.identifier(s, "SKU")) != nil }

    /// The ASCII shortcut and the full check draw the same line: length in characters, no spaces or controls.
    func testIdentifiersAcceptVisibleCharactersUpTo64() {
        for ok in ["A", "SKU-000001", String(repeating: "x", count: 64), "Ä-1", "日本工具", String(repeating: "é", count: 64), "~!#"] {
            XCTAssertTrue(accepts(ok), ok)
        }
        for bad in ["", " ", "A B", "A\tB", "A\u{7F}", "A\u{85}", "\u{1B}[2J", String(repeating: "x", count: 65),
                    String(repeating: "é", count: 65), "日本 工具"] {
            XCTAssertFalse(accepts(bad), bad.debugDescription)
        }
    }

    /// A refusal names the field it was asked about, and only a refusal words it.
    func testARefusalNamesTheField() {
        var worded = 0
        XCTAssertNoThrow(try Validate.identifier("BOLT", { worded += 1; return "SKU of line 1" }()))
        XCTAssertNoThrow(try Validate.positive(3, { worded += 1; return "quantity of line 1" }()))
        XCTAssertEqual(worded, 0)
        XCTAssertThrowsError(try Validate.identifier("BO LT", "SKU of line 3")) { error in
            XCTAssertEqual("\(error)", "SKU of line 3 \"BO LT\" contains spaces or control characters")
        }
        XCTAssertThrowsError(try Validate.positive(0, "quantity of line 2")) { error in
            XCTAssertEqual("\(error)", "quantity of line 2 must be a positive whole number, not 0")
        }
    }
}
