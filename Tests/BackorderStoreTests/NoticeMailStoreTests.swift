import BackorderCore
@testable import BackorderStore
import XCTest

/// Customers' contact details, the split of a waiting line over arrivals, and the claims that keep two senders from
/// mailing one notice twice.
final class NoticeMailStoreTests: XCTestCase {
    func testContactDetailsAreKeptChangedAndValidated() throws {
        let w = try makeWarehouse()
        try w.addCustomer(Customer(code: "TROMSO", name: "Tromsø Jern & Stål AS", language: .nb, email: "post@tromso.example.no", contact: "Siv Åsheim"))
        XCTAssertEqual(try w.customer("TROMSO").language, .nb)
        XCTAssertEqual(try w.changeCustomer("TROMSO", CustomerChanges(language: .some(.en), email: "")), ["language", "email"])
        XCTAssertEqual(try w.customer("TROMSO"), Customer(code: "TROMSO", name: "Tromsø Jern & Stål AS", language: .en, email: nil, contact: "Siv Åsheim"))
        XCTAssertEqual(try w.changeCustomer("TROMSO", CustomerChanges(language: .some(.en))), [], "nothing changed")
        assertRefused(.invalidInput, "is not an e-mail address") { _ = try w.changeCustomer("TROMSO", CustomerChanges(email: "siv at tromso")) }
        assertRefused(.notFound, "unknown customer") { _ = try w.changeCustomer("NOBODY", CustomerChanges(contact: "x")) }
        // An import lays over what it gives; what it leaves out stays.
        XCTAssertTrue(try w.updateCustomer(Customer(code: "TROMSO", name: "Tromsø Jern & Stål AS", email: "ny@tromso.example.no"), ctx: ctx()))
        XCTAssertEqual(try w.customer("TROMSO").contact, "Siv Åsheim")
        XCTAssertEqual(try w.customer("TROMSO").email, "ny@tromso.example.no")
    }

    /// The UI changes a customer through the service seam: the change is in the file after it is closed and opened
    /// again, the revision rises (other sessions reload), and a file opened read-only refuses it.
    func testAChangeThroughTheServiceIsKeptInTheFile() throws {
        let path = temporaryPath()
        let w = try Warehouse.open(path: path, mode: .create)
        try w.addCustomer(Customer(code: "BODO", name: "Bodø Bygg AS", email: "post@bodo.example.no"))
        let service: any WarehouseService = w
        let before = try service.revision()
        XCTAssertEqual(try service.changeCustomer("BODO", CustomerChanges(language: .some(.nb), email: "innkjop@bodo.example.no",
                                                                          contact: "Åse Øvrebø"), ctx: ctx()), ["language", "email", "contact"])
        XCTAssertGreaterThan(try service.revision(), before)
        try w.close()
        let reopened = try Warehouse.open(path: path, mode: .readOnly)
        defer { try? reopened.close() }
        let reader: any WarehouseService = reopened
        XCTAssertEqual(try reader.customer("BODO"), Customer(code: "BODO", name: "Bodø Bygg AS", language: .nb,
                                                               email: "innkjop@bodo.example.no", contact: "Åse Øvrebø"))
        XCTAssertThrowsError(try reader.changeCustomer("BODO", CustomerChanges(email: ""), ctx: ctx())) { error in
            XCTAssertNotEqual((error as? BackorderError)?.kind, .invalidInput, "refused for the file, not for the value")
        }
        XCTAssertEqual(try reader.customer("BODO").email, "innkjop@bodo.example.no")
    }

    /// 40 waiting ahead and 35 here, arrivals of 50 (day +5), 10 (+10) and 20 (+20): ahead takes 40 of the first, this line
    /// 10 of it, all 10 of the second and 15 of the third.
    func testTheSplitFollowsPegging() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        for (po, q, days) in [("PO-1", 50, 5), ("PO-2", 10, 10), ("PO-3", 20, 20)] {
            _ = try w.addArrival(NewArrival(supplier: "S", poNumber: po, poLine: 1, sku: "BOLT", quantity: q, eta: testToday.adding(days: days)), ctx: ctx())
        }
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "C1", orderDate: testToday.adding(days: -2), priority: 5, policy: .partial,
                                       lines: [NewOrderLine(sku: "BOLT", quantity: 40)]), ctx: ctx())
        let d = try w.createOrder(NewOrder(number: "SO-2", customer: "C2", orderDate: testToday, priority: 5, policy: .partial,
                                           lines: [NewOrderLine(sku: "BOLT", quantity: 35), NewOrderLine(sku: "BOLT", quantity: 10)]), ctx: ctx())
        _ = d
        let detail = try w.orderDetail("SO-2", today: testToday)
        XCTAssertEqual(detail.lines[0].expected, [.init(quantity: 10, eta: testToday.adding(days: 5), arrival: "PO-1/1"),
                                                  .init(quantity: 10, eta: testToday.adding(days: 10), arrival: "PO-2/1"),
                                                  .init(quantity: 15, eta: testToday.adding(days: 20), arrival: "PO-3/1")])
        XCTAssertEqual(detail.lines[0].promised, testToday.adding(days: 20), "the last part's date is the pegged promised date")
        XCTAssertEqual(detail.lines[1].expected, [.init(quantity: 5, eta: testToday.adding(days: 20), arrival: "PO-3/1"),
                                                  .init(quantity: 5, eta: nil, arrival: nil)])
        XCTAssertNil(detail.lines[1].promised)
        XCTAssertTrue(detail.customerStatus(today: testToday, .en).contains("5 expected 2026-12-15, 5 no date yet"))
    }

    func testASecondSenderCannotClaimANoticeBeingSentAndNewsKeepsItPending() throws {
        let w = try makeWarehouse(stock: ["BOLT": 0])
        try w.addCustomer(Customer(code: "N", name: "Nordbygg", language: .nb, email: "a@nordbygg.example.no"))
        _ = try w.createOrder(NewOrder(number: "SO-1", customer: "N", orderDate: testToday, priority: 5, policy: .partial,
                                       lines: [NewOrderLine(sku: "BOLT", quantity: 4)]), ctx: ctx())
        let id = try XCTUnwrap(try w.notices(today: testToday).first?.id)
        let first = try XCTUnwrap(try w.claimNotice(id: id, token: "kari", ctx: ctx()))
        XCTAssertTrue(first.text.hasPrefix("Deler av ordren din er i restordre."), "in the customer's language")
        XCTAssertNil(try w.claimNotice(id: id, token: "ola", ctx: ctx()), "claimed by kari")
        XCTAssertFalse(try w.finishNotice(id: id, token: "kari", sentText: nil, updatedAt: first.updatedAt, ctx: ctx()), "sendmail failed")
        XCTAssertNotNil(try w.claimNotice(id: id, token: "ola", ctx: ctx()), "released: ola may send")
        // Ola's run died mid-send: ten minutes on, kari takes the claim over.
        let later = Context(actor: "kari", now: Timestamp(unixTime: ctx().now.unixTime + 601), today: testToday)
        let again = try XCTUnwrap(try w.claimNotice(id: id, token: "kari", ctx: later))
        // News joins the notice while it is on its way: it was mailed, but stays pending to tell the news too.
        _ = try w.cancel(order: "SO-1", lineNo: 1, scope: .backordered, reason: "kunden vil ikke vente", expectedVersion: nil, preview: false,
                         ctx: Context(actor: "x", now: Timestamp(unixTime: later.now.unixTime + 5), today: testToday))
        XCTAssertFalse(try w.finishNotice(id: id, token: "kari", sentText: again.text, updatedAt: again.updatedAt, ctx: later))
        XCTAssertEqual(try w.noticeCount(), 1)
        let fresh = try XCTUnwrap(try w.claimNotice(id: id, token: "kari", ctx: later))
        XCTAssertTrue(try w.finishNotice(id: id, token: "kari", sentText: fresh.text, updatedAt: fresh.updatedAt, ctx: later))
        XCTAssertEqual(try w.noticeCount(), 0)
        XCTAssertNil(try w.claimNotice(id: id, token: "kari", ctx: later), "sent: nobody claims it again")
        XCTAssertTrue(try w.notices(includeSent: true, today: testToday)[0].text.contains("Årsak: kunden vil ikke vente"))
    }
}
