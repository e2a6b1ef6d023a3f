import BackorderCore
import XCTest

/// CSV out: RFC 4180 for programs (exact data), excel-nb for a Norwegian spreadsheet (`;`, BOM, CRLF, decimal comma,
/// no live formulas).
final class CSVDialectTests: XCTestCase {
    let header = ["customer_name", "note", "change", "rate", "sku"]
    let rows = [
        ["=HYPERLINK(\"http://evil.example\",\"click\")", "+47 22 33 44 55", "-3", "87.5", "FS-1001"],
        ["@SUM(A1:A9)", "-2+3", "12", "-0.25", "\tTAB"],
        ["Ålesund kommune; bygg", "\r=1+1", "-", "100", "A.B"],
    ]

    func testExcelNB() {
        let text = CSVWriter(.excelNB).document(header: header, rows: rows)
        XCTAssertEqual(text, "\u{FEFF}customer_name;note;change;rate;sku\r\n"
                       + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\";'+47 22 33 44 55;-3;87,5;FS-1001\r\n"
                       + "'@SUM(A1:A9);'-2+3;12;-0,25;'\tTAB\r\n"
                       + "\"Ålesund kommune; bygg\";\"'\r=1+1\";'-;100;A.B\r\n")
        XCTAssertEqual(Array(text.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    /// RFC 4180 is for programs: what they read back is the data as stored, a leading `=` included.
    func testRFC4180KeepsTheDataExact() {
        let text = CSVWriter(.rfc4180).document(header: header, rows: rows)
        XCTAssertEqual(text, "customer_name,note,change,rate,sku\r\n"
                       + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",+47 22 33 44 55,-3,87.5,FS-1001\r\n"
                       + "@SUM(A1:A9),-2+3,12,-0.25,\"\tTAB\"\r\n"
                       + "Ålesund kommune; bygg,\"\r=1+1\",-,100,A.B\r\n")
        XCTAssertEqual(CSVWriter(), CSVWriter(.rfc4180), "the default stays RFC 4180")
    }

    func testNeutralisingLeavesNumbersAndPlainTextAlone() {
        XCTAssertEqual(CSVWriter.neutralised("-12"), "-12")
        XCTAssertEqual(CSVWriter.neutralised("-12.5"), "-12.5")
        XCTAssertEqual(CSVWriter.neutralised("Nordbygg"), "Nordbygg")
        XCTAssertEqual(CSVWriter.neutralised(""), "")
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            XCTAssertEqual(CSVWriter.neutralised(start + "cmd|' /C calc'!A0"), "'" + start + "cmd|' /C calc'!A0", start.debugDescription)
        }
    }

    func testDialectNames() {
        XCTAssertEqual(CSVDialect(rawValue: "excel-nb"), .excelNB)
        XCTAssertEqual(CSVDialect(rawValue: "rfc4180"), .rfc4180)
        XCTAssertEqual(CSVWriter.forSpreadsheet(.nb), CSVWriter(.excelNB))
        XCTAssertTrue(CSVWriter.forSpreadsheet(.en).neutralisesFormulas)
        XCTAssertEqual(CSVWriter.forSpreadsheet(.en).separator, ",")
    }
}
