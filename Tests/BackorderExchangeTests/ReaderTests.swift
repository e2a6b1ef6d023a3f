@testable import BackorderExchange
import BackorderCore
import Foundation
import XCTest

/// The CSV reader on its own: quoting, separators, BOM, CRLF, decimal commas, and problems named by FILE:LINE.
final class ReaderTests: XCTestCase {
    /// The rules for numbers, as the README states them: whole units only, a decimal comma or point, thousands grouped
    /// by spaces or by a mark that cannot be a decimal one; `1.000` alone is refused as ambiguous.
    func testWholeNumbers() {
        XCTAssertEqual(WholeNumber.parse("12"), .value(12))
        XCTAssertEqual(WholeNumber.parse("12,0"), .value(12))
        XCTAssertEqual(WholeNumber.parse("12.00"), .value(12))
        XCTAssertEqual(WholeNumber.parse("12,5"), .problem(.notWholeUnits))
        XCTAssertEqual(WholeNumber.parse("1.000"), .problem(.ambiguousSeparator))
        XCTAssertEqual(WholeNumber.parse("1,000"), .problem(.ambiguousSeparator))
        XCTAssertEqual(WholeNumber.parse("-3"), .problem(.numberNegative))
        XCTAssertEqual(WholeNumber.parse("12a"), .problem(.notAWholeNumber))
        XCTAssertEqual(WholeNumber.parse(""), .problem(.numberEmpty))
        // Unambiguous thousands: spaces (also the no-break space Norwegian Excel writes), both marks, a mark twice.
        XCTAssertEqual(WholeNumber.parse("1 000"), .value(1000))
        XCTAssertEqual(WholeNumber.parse("12\u{00A0}345"), .value(12345))
        XCTAssertEqual(WholeNumber.parse("1 000,0"), .value(1000))
        XCTAssertEqual(WholeNumber.parse("1.000,00"), .value(1000))
        XCTAssertEqual(WholeNumber.parse("1,000.00"), .value(1000))
        XCTAssertEqual(WholeNumber.parse("1.000.000"), .value(1_000_000))
        XCTAssertEqual(WholeNumber.parse("1.234,50"), .problem(.notWholeUnits))
        // A decimal mark that cannot group thousands: a leading 0 or four digits before it.
        XCTAssertEqual(WholeNumber.parse("1234,000"), .value(1234))
        XCTAssertEqual(WholeNumber.parse("0,500"), .problem(.notWholeUnits))
        // Broken grouping is no number.
        XCTAssertEqual(WholeNumber.parse("1.00.000"), .problem(.notAWholeNumber))
        XCTAssertEqual(WholeNumber.parse("1 00"), .problem(.notAWholeNumber))
        XCTAssertEqual(WholeNumber.parse("1.000,0,0"), .problem(.notAWholeNumber))
        XCTAssertEqual(WholeNumber.parse("1234567890123"), .problem(.numberTooLarge))
    }

    func testNumberProblemsAreWordedInTheReadersLanguage() {
        func reason(_ t: String, _ tr: Localizer) -> [String] {
            guard case .failure(let f) = ImportReader.read(.stock, text: "sku;counted\nA;\(t)\n", file: "t.csv", tr: tr) else { return [] }
            return f.problems.map(\.description)
        }
        XCTAssertEqual(reason("12,5", .en), ["t.csv:2: counted: must be a whole number of units, not 12,5"])
        XCTAssertEqual(reason("12,5", .nb), ["t.csv:2: counted: må være et helt antall enheter, ikke 12,5"])
        XCTAssertEqual(reason("1.000", .en), ["t.csv:2: counted: \"1.000\" is ambiguous (a thousands separator or decimals?): write it without separators"])
        XCTAssertEqual(reason("1.000", .nb), ["t.csv:2: counted: «1.000» kan leses to måter (tusenskille eller desimaler?): skriv tallet uten skilletegn"])
    }

    func testNordicDays() {
        XCTAssertEqual(SpreadsheetDay.parse("03.11.2026"), Day(iso: "2026-11-03"))
        XCTAssertEqual(SpreadsheetDay.parse("3.11.2026"), Day(iso: "2026-11-03"))
        XCTAssertEqual(SpreadsheetDay.parse("3.1.2027"), Day(iso: "2027-01-03"))
        XCTAssertEqual(SpreadsheetDay.parse("2026-11-03"), Day(iso: "2026-11-03"))
        XCTAssertNil(SpreadsheetDay.parse("31.11.2026"), "November has 30 days")
        XCTAssertNil(SpreadsheetDay.parse("03.11.26"), "a two-digit year is a guess")
        XCTAssertNil(SpreadsheetDay.parse("11/03/2026"))
    }

    func testTheImportCatalogueIsComplete() {
        XCTAssertEqual(Catalogue.problems(ImportText.self, sameInBoth: []), [])
    }
}

extension ReaderTests {
    func read(_ kind: ImportKind, _ text: String) -> Result<ImportBatch, ImportFailure> {
        ImportReader.read(kind, data: Data(text.utf8), file: "in.csv")
    }

    func problems(_ kind: ImportKind, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch read(kind, text) {
        case .success: XCTFail("expected problems", file: file, line: line); return []
        case .failure(let f): return f.problems.map(\.description)
        }
    }

    /// The Nordic spreadsheet: `;` separators, a BOM, CRLF, quoted fields holding the separator, commas, quotes and a
    /// line break, decimal commas, æøå.
    func testNordicSpreadsheetFile() throws {
        let text = "\u{FEFF}SKU;Name;Unit;Bin;Stock;MOQ;Pack\r\n"
            + "FS-1001;\"Treskrue 4,5×40; Torx\";pk;A-01-1;240,0;100;50\r\n"
            + "HT-3001;\"Håndsag \"\"Ærlig\"\"\r\nmed øks\";stk;;12;;\r\n"
            + "\r\n"
            + "HW-4002;Dørvrider «Ålesund»;sett;D-01-2;0;24;8\r\n"
        guard case .success(let batch) = read(.items, text), case .items(let items) = batch.records else {
            return XCTFail("the file should read: \(read(.items, text))")
        }
        XCTAssertEqual(items.map(\.value.sku), ["FS-1001", "HT-3001", "HW-4002"])
        XCTAssertEqual(items.map(\.value.name), ["Treskrue 4,5×40; Torx", "Håndsag \"Ærlig\" med øks", "Dørvrider «Ålesund»"])
        XCTAssertEqual(items.map(\.value.stock), [240, 12, 0])
        XCTAssertEqual(items.map(\.value.minOrderQty), [100, nil, 24], "an empty cell is left out, not 0")
        XCTAssertEqual(items.map(\.value.packSize), [50, nil, 8])
        XCTAssertEqual(items.map(\.value.bin), ["A-01-1", nil, "D-01-2"])
        XCTAssertEqual(items[1].value.newItem, Item(sku: "HT-3001", name: "Håndsag \"Ærlig\" med øks", unit: "stk", onHand: 12))
        // Physical lines: the quoted line break makes HT-3001 span lines 3–4, then a blank line 5.
        XCTAssertEqual(items.map(\.line), [2, 3, 6])
    }

    /// Problems on several lines are all reported, each with its physical line, even after a quoted line break.
    func testEveryProblemIsNamedWithItsLine() {
        let text = """
            order,customer,sku,qty,date,priority,policy
            SO-1,C1,BOLT,"12,5",2026-11-01,5,partial
            SO-2,C1,"NUT
            X",3,,5,
            SO-3,C1,,4,2026-13-01,11,later
            SO-4,C1,BOLT,4,,,
            SO-4,C2,NUT,1,,,

            """
        XCTAssertEqual(problems(.orders, text), [
            "in.csv:2: qty: must be a whole number of units, not 12,5",
            "in.csv:3: sku: SKU \"NUT\\nX\" contains spaces or control characters",
            "in.csv:5: sku: SKU is empty",
            "in.csv:5: date: \"2026-13-01\" is not a day: use YYYY-MM-DD or DD.MM.YYYY",
            "in.csv:5: priority: 11 is more than 9",
            "in.csv:5: policy: \"later\" is not a policy: use partial or complete",
            "in.csv:7: customer: C2 differs from C1 on line 6 of order SO-4",
        ])
    }

    func testHeaderProblemsNameTheColumns() {
        XCTAssertEqual(problems(.arrivals, "PO,line,sku,amount,eta,supplier,colour\nP,1,X,1,2026-12-01,S,red\n"), [
            "in.csv:1: amount: unknown column; arrivals files have po,line,sku,qty,eta,supplier (another name can be mapped: --map 'amount=column', or ignored: --map 'amount=-')",
            "in.csv:1: colour: unknown column; arrivals files have po,line,sku,qty,eta,supplier (another name can be mapped: --map 'colour=column', or ignored: --map 'colour=-')",
            "in.csv:1: qty: required column is missing; arrivals files have po,line,sku,qty,eta,supplier",
        ])
        XCTAssertEqual(problems(.customers, "code,name,code\n"), ["in.csv:1: code: the column appears twice (columns 1 and 3)"])
        XCTAssertEqual(problems(.customers, ""), ["in.csv:1: the file is empty: it needs a header line naming the columns"])
        XCTAssertNoThrow(try read(.stock, "sku\tcounted\nA\t3\n").get(), "a tab-separated file is read too")
    }

    func testBrokenQuotingAndWidth() {
        XCTAssertEqual(problems(.customers, "code,name\nC1,\"Nordbygg\nC2,Other\n"),
                       ["in.csv:2: a quoted field is not closed: it runs to the end of the file"])
        XCTAssertEqual(problems(.customers, "code,name\nC1,Nord\"bygg\n"),
                       ["in.csv:2: this record is not valid CSV: a quote inside a field must be doubled (\"\") and the field quoted; nothing after it was read"])
        XCTAssertEqual(problems(.customers, "code,name\nC1,Nordbygg,AS\n"),
                       ["in.csv:2: 3 fields where the header has 2; quote a field that holds \",\""])
        XCTAssertEqual(problems(.customers, "code,name\nC1,A\nC1,B\n"), ["in.csv:3: code: C1 is given twice (first on line 2)"])
        XCTAssertEqual(try read(.stock, "sku,counted\n").get().records.count, 0, "a header alone is an empty import, not a problem")
    }

    func testOrdersAreGroupedAndNumbered() throws {
        let text = "order,customer,sku,qty,line,date\nSO-9,C1,B,2,2,2026-11-02\nSO-8,C2,A,1,,\nSO-9,C1,A,5,1,2026-11-02\n"
        guard case .success(let batch) = read(.orders, text), case .orders(let orders) = batch.records else {
            return XCTFail("should read: \(read(.orders, text))")
        }
        XCTAssertEqual(orders.map { $0.order.number }, ["SO-9", "SO-8"])
        XCTAssertEqual(orders[0].order.lines, [NewOrderLine(sku: "A", quantity: 5), NewOrderLine(sku: "B", quantity: 2)])
        XCTAssertEqual(orders[0].fileLines, [4, 2])
        XCTAssertEqual(orders[0].order.orderDate, Day(iso: "2026-11-02"))
        XCTAssertTrue(orders[0].dateGiven)
        XCTAssertFalse(orders[1].dateGiven)
        XCTAssertEqual(problems(.orders, "order,customer,sku,qty,line\nSO-1,C,A,1,1\nSO-1,C,B,1,3\n"),
                       ["in.csv:2: line: the lines of order SO-1 must be numbered 1 to 2, not 1, 3"])
        XCTAssertEqual(problems(.orders, "order,customer,sku,qty,line\nSO-1,C,A,1,1\nSO-1,C,B,1,1\n"),
                       ["in.csv:3: line: line 1 of order SO-1 is given twice (first on line 2)"])
    }

    /// UTF-8 is the rule; Excel's "CSV (semikolondelt)" in Windows-1252 and its UTF-16 "Unicode text" are read too;
    /// bytes that are no text are refused.
    func testEncodings() throws {
        let latin = Data([0x63, 0x6F, 0x64, 0x65, 0x3B, 0x6E, 0x61, 0x6D, 0x65, 0x0D, 0x0A, 0x43, 0x31, 0x3B, 0xC6, 0xF8, 0xE5, 0x20, 0x80, 0x0D, 0x0A])
        guard case .success(let b) = ImportReader.read(.customers, data: latin, file: "latin1.csv"), case .customers(let c) = b.records
        else { return XCTFail("Windows-1252 is read") }
        XCTAssertEqual(c.map(\.value.name), ["Æøå €"])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("code\tname\r\nC2\tTromsø\r\n".data(using: .utf16LittleEndian)!)
        guard case .success(let b16) = ImportReader.read(.customers, data: utf16, file: "unicode.txt"), case .customers(let c16) = b16.records
        else { return XCTFail("UTF-16 with a BOM is read") }
        XCTAssertEqual(c16.map(\.value.name), ["Tromsø"])
        guard case .failure(let f) = ImportReader.read(.customers, data: Data([0x63, 0x6F, 0x64, 0x65, 0x0A, 0x81, 0x00, 0x9D]), file: "bin.csv")
        else { return XCTFail("bytes that are no text must be refused") }
        XCTAssertEqual(f.problems.map(\.description), ["bin.csv:1: the file is not UTF-8 text; save it as \"CSV UTF-8\""])
    }
}
