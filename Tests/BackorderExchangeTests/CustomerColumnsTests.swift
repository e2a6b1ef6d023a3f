import BackorderCore
import BackorderExchange
import Foundation
import XCTest

/// A customer file's optional language, email and contact columns: read when given, empty cells keep what is stored.
final class CustomerColumnsTests: XCTestCase {
    func read(_ text: String) -> Result<ImportBatch, ImportFailure> { ImportReader.read(.customers, data: Data(text.utf8), file: "in.csv") }

    func testContactColumns() throws {
        let text = "code;name;language;email;contact\r\nTROMSO;Tromsø Jern & Stål AS;nb;post@tromso.example.no;Siv Åsheim\r\nGBG;Göteborgs Järn;;;\r\n"
        guard case .success(let batch) = read(text), case .customers(let customers) = batch.records else { return XCTFail("\(read(text))") }
        XCTAssertEqual(customers.map(\.value), [
            Customer(code: "TROMSO", name: "Tromsø Jern & Stål AS", language: .nb, email: "post@tromso.example.no", contact: "Siv Åsheim"),
            Customer(code: "GBG", name: "Göteborgs Järn"),
        ])
    }

    func testBadLanguageAndEmailAreProblemsOnTheirLines() {
        guard case .failure(let f) = read("code,name,language,email\nC1,A,sv,a@b.example.no\nC2,B,en,not-an-address\n") else { return XCTFail() }
        XCTAssertEqual(f.problems.map(\.description), [
            "in.csv:2: language: unknown language \"sv\": use nb or en (none clears it)",
            "in.csv:3: email: \"not-an-address\" is not an e-mail address (write it as name@example.no)",
        ])
    }
}
