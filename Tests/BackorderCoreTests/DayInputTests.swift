import BackorderCore
import XCTest

/// Days as a clerk types them: ISO, the Norwegian dd.mm.yyyy and d.m.yyyy, and relative to today.
final class DayInputTests: XCTestCase {
    let today = Day(iso: "2026-03-02")!

    func testNorwegianDaysAreRead() {
        XCTAssertEqual(Day.parse(typed: "14.12.2026", today: today), Day(iso: "2026-12-14"))
        XCTAssertEqual(Day.parse(typed: "4.1.2027", today: today), Day(iso: "2027-01-04"))
        XCTAssertEqual(Day.parse(typed: " 04.01.2027 ", today: today), Day(iso: "2027-01-04"))
        XCTAssertEqual(Day.parse(typed: "14.12.26", today: today), Day(iso: "2026-12-14"))
        XCTAssertEqual(Day.parse(typed: "14.12.", today: today), Day(iso: "2026-12-14"))
        XCTAssertEqual(Day.parse(typed: "14.12", today: today), Day(iso: "2026-12-14"))
    }

    func testISOAndRelativeDaysAreRead() {
        XCTAssertEqual(Day.parse(typed: "2026-12-14", today: today), Day(iso: "2026-12-14"))
        XCTAssertEqual(Day.parse(typed: "+5", today: today), Day(iso: "2026-03-07"))
        XCTAssertEqual(Day.parse(typed: "-2", today: today), Day(iso: "2026-02-28"))
        XCTAssertEqual(Day.parse(typed: "today", today: today), today)
        XCTAssertEqual(Day.parse(typed: "I dag", today: today), today)
        XCTAssertEqual(Day.parse(typed: "idag", today: today), today)
    }

    func testWhatIsNotADayIsRefused() {
        for bad in ["30.02.2026", "32.1.2026", "1.13.2026", "14.12.202", "14/12/2026", "1.2.3.4", "..", "14..2026", "x", "", "+", "+1x",
                    "2026-02-30", "１４.１２.２０２６"] {
            XCTAssertNil(Day.parse(typed: bad, today: today), bad)
        }
    }

    func testTheRefusalIsWordedInTheReadersLanguage() {
        XCTAssertThrowsError(try Day.typed("31.02.2026", today: today)) { error in
            let e = error as! BackorderError
            XCTAssertEqual(e.message(.nb), "«31.02.2026» er ikke en dato: skriv dd.mm.åååå, i dag, +N eller -N")
            XCTAssertEqual(e.message(.en), "\"31.02.2026\" is not a day: use YYYY-MM-DD, today, +N or -N")
        }
        XCTAssertEqual(try Day.typed("1.3.2026", today: today), Day(iso: "2026-03-01"))
        XCTAssertEqual(Catalogue.problems(DayInputText.self), [])
    }
}
