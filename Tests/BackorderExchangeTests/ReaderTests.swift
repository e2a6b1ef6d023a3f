@testable import BackorderExchange
import BackorderCore
import XCTest

/// The CSV reader on its own: quoting, separators, BOM, CRLF, decimal commas, and problems named by FILE:LINE.
final class ReaderTests: XCTestCase {
    func testWholeNumbers() {
        XCTAssertEqual(WholeNumber.parse("12"), .value(12))
        XCTAssertEqual(WholeNumber.parse("12,0"), .value(12))
        XCTAssertEqual(WholeNumber.parse("12.00"), .value(12))
        XCTAssertEqual(WholeNumber.parse("12,5"), .problem("must be a whole number of units, not 12,5"))
        XCTAssertEqual(WholeNumber.parse("1.000"), .problem("\"1.000\" is ambiguous (a thousands separator or decimals?): write it without separators"))
        XCTAssertEqual(WholeNumber.parse("-3"), .problem("must not be negative (-3)"))
        XCTAssertEqual(WholeNumber.parse("12a"), .problem("\"12a\" is not a whole number"))
        XCTAssertEqual(WholeNumber.parse(""), .problem("is empty: give a whole number"))
    }
}
