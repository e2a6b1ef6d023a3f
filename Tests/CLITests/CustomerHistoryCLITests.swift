import BackorderCore
import XCTest

@testable import backorders

/// `backorders customer history`: its words in both languages (the output itself is in SampleWarehouseTests' goldens).
final class CustomerHistoryCLITests: XCTestCase {
    func testTheCatalogueIsComplete() {
        XCTAssertEqual(Catalogue.problems(CustomerHistoryText.self), [])
    }
}
