import BackorderCore
@testable import BackorderTUI
import TerminalKit
import XCTest

/// The notices view's e-mail keys: `e` mails the selected notice, `E` all of them after a confirmation, and the
/// message line (or a dialog, when some failed) says what became of them.
final class NoticeMailTests: XCTestCase {
    func state() -> AppState { freshState() }

    func notice(_ order: String) -> Notice { pendingNotice(order) }

    func mailing(_ order: String, _ outcome: NoticeMailing.Outcome, _ detail: String = "") -> NoticeMailing {
        NoticeMailing(orderNumber: order, customerCode: "C1", customerName: "Customer", outcome: outcome, detail: detail)
    }

    func testMailTheSelectedNoticeOrAllAfterAConfirmation() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 0, total: 2, notices: [notice("SO-1"), notice("SO-2")])))
        _ = Reducer.reduce(&s, .key(.down))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("e"))), [.perform(.mailNotices(order: "SO-2"))])
        XCTAssertEqual(Reducer.reduce(&s, .operationSucceeded(.noticesMailed([mailing("SO-2", .sent, "Kari <k@x.example.no>")], all: false))),
                       [.pollRevision])
        XCTAssertEqual(s.message, StatusMessage("Notice for SO-2 e-mailed to Kari <k@x.example.no>", .success))

        XCTAssertEqual(Reducer.reduce(&s, .key(.char("E"))), [])
        guard case .dialog(let d)? = s.overlay, case .mailAllConfirm(count: 2) = d.step else { return XCTFail("no confirmation") }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.mailNotices(order: nil))])
        _ = Reducer.reduce(&s, .operationSucceeded(.noticesMailed([mailing("SO-1", .failed, "msmtp exited with status 1: cannot connect"),
                                                                    mailing("SO-2", .sent, "k@x.example.no")], all: true)))
        guard case .dialog(let result)? = s.overlay, case .result(let title, let lines) = result.step else { return XCTFail("no result") }
        XCTAssertEqual(title, "1 e-mailed, 0 skipped, 1 failed")
        XCTAssertEqual(lines, ["SO-1: not sent, still pending: msmtp exited with status 1: cannot connect", "Notice for SO-2 e-mailed to k@x.example.no"])
    }

    func testNothingToMail() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, .noticesLoaded(NoticesLoad(top: 0, total: 0, notices: [])))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("E"))), [])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message, StatusMessage("No pending notices: nothing to e-mail", .warning))
    }

    func testCatalogue() {
        XCTAssertEqual(Catalogue.problems(NoticeMailText.self), [])
    }
}
