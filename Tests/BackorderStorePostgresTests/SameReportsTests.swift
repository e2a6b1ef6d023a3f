import BackorderCore
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// The reports asked of the file and of its copy on the server: the same figures, row for row.
extension SameReadsTests {
    func testEveryReportIsTheSameOnBothEngines() throws {
        for day in [today, today.adding(days: 30), today.adding(days: -20)] {
            XCTAssertEqual(try server.agingReport(today: day), try file.agingReport(today: day), "aging on \(day.iso)")
            XCTAssertEqual(try server.backlogReport(today: day), try file.backlogReport(today: day), "backlog on \(day.iso)")
            XCTAssertEqual(try server.shortageReport(today: day), try file.shortageReport(today: day), "shortage on \(day.iso)")
            XCTAssertEqual(try server.lateArrivalsReport(today: day), try file.lateArrivalsReport(today: day), "late arrivals on \(day.iso)")
        }
        XCTAssertFalse(try file.agingReport(today: today).isEmpty, "the sample has waiting lines to age")
        XCTAssertFalse(try file.lateArrivalsReport(today: today.adding(days: 30)).arrivals.isEmpty, "and arrivals to be late")
        for (from, to) in [(today.adding(days: -60), today), (today.adding(days: -7), today.adding(days: -7)), (today, today.adding(days: 9))] {
            XCTAssertEqual(try server.serviceLevelReport(from: from, to: to), try file.serviceLevelReport(from: from, to: to),
                           "service level \(from.iso)…\(to.iso)")
        }
        XCTAssertGreaterThan(try file.serviceLevelReport(from: today.adding(days: -60), to: today).customers.count, 0,
                             "the sample shipped in the period")
        XCTAssertThrowsError(try server.serviceLevelReport(from: today, to: today.adding(days: -1))) {
            XCTAssertEqual(($0 as? BackorderError)?.kind, .invalidInput)
        }
        for bucket in AgeBucket.allCases {
            for page in [Page(limit: 50), Page(offset: 1, limit: 2), Page(limit: 50, filter: "sør"), Page(limit: 50, filter: "TL-")] {
                XCTAssertEqual(try server.backorderLines(in: bucket, page, today: today), try file.backorderLines(in: bucket, page, today: today),
                               "\(bucket.rawValue) \(page)")
            }
        }
    }
}

extension SameReadsTests {
    func testTheCustomerRegisterAndTheJournalAreTheSameOnBothEngines() throws {
        XCTAssertEqual(try server.customers(), try file.customers())
        XCTAssertGreaterThan(try file.customers().count, 5)
        for (sku, limit) in [(nil, 100), (nil, 1_000_000), ("TL-2003", 50), ("NO-SUCH", 10)] as [(String?, Int)] {
            XCTAssertEqual(try server.journal(sku: sku, limit: limit), try file.journal(sku: sku, limit: limit), "\(sku ?? "all") \(limit)")
        }
        XCTAssertGreaterThan(try file.journal(sku: "TL-2003", limit: 50).count, 3)
    }
}
