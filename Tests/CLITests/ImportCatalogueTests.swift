@testable import backorders
import BackorderCore
import XCTest

/// The CLI's import and CSV words: every key in both languages, with the same placeholders.
final class ImportCatalogueTests: XCTestCase {
    func testTheCatalogues() {
        XCTAssertEqual(Catalogue.problems(ImportCommandText.self), [])
        XCTAssertEqual(Catalogue.problems(CSVOutputText.self), [])
        XCTAssertTrue(Localizer.nb(ImportCommandText.discussion).contains("Norske overskrifter"))
    }
}
