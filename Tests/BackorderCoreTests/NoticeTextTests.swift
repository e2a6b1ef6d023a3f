import BackorderCore
import XCTest

/// The customer's texts in both languages (a line split over two arrivals, a line no arrival covers) and the e-mail
/// format of a notice.
final class NoticeTextTests: XCTestCase {
    let today = Day(iso: "2026-11-25")!

    func testCataloguesAreComplete() {
        XCTAssertEqual(Catalogue.problems(NoticeText.self, sameInBoth: NoticeText.sameInBoth), [])
        XCTAssertEqual(Catalogue.problems(CustomerText.self), [])
    }

    /// Order SO-7: line 1 shipped 5 in SH-3 and waits for 35 on two arrivals; line 2 waits for 8 nothing covers yet.
    func detail(language: Language?) -> OrderDetail {
        let order = Order(id: 1, number: "SO-7", customerCode: "TROMSO", customerName: "Tromsø Jern & Stål AS",
                          orderDate: Day(iso: "2026-11-02")!, priority: 5, policy: .partial, closedAt: nil, version: 1)
        let l1 = OrderLine(id: 1, lineNo: 1, sku: "FS-1002", itemName: "Terrasseskrue", quantities: LineQuantities(ordered: 40, shipped: 5, backordered: 35))
        let l2 = OrderLine(id: 2, lineNo: 2, sku: "HW-4004", itemName: "Hengelås", quantities: LineQuantities(ordered: 8, backordered: 8))
        let shipment = Shipment(number: "SH-3", orderNumber: "SO-7", at: Timestamp(unixTime: Int64(Day(iso: "2026-11-03")!.ordinal) * 86_400 + 36_000),
                                actor: "jonas", overridden: false, lines: [.init(lineNo: 1, sku: "FS-1002", quantity: 5)])
        return OrderDetail(order: order, lines: [
            .init(line: l1, promised: Day(iso: "2026-12-28"), expected: [
                .init(quantity: 15, eta: Day(iso: "2026-12-14"), arrival: "PO-1/1"), .init(quantity: 20, eta: Day(iso: "2026-12-28"), arrival: "PO-2/1")]),
            .init(line: l2, promised: nil, expected: [.init(quantity: 8, eta: nil, arrival: nil)]),
        ], shipments: [shipment], history: [], customerLanguage: language)
    }

    func testSplitArrivalsInEnglish() {
        XCTAssertEqual(detail(language: .en).customerStatus(today: today), """
            Order SO-7 for Tromsø Jern & Stål AS (TROMSO), placed 2026-11-02
            Status: open

            Shipped so far:
              Shipment SH-3 on 2026-11-03:
                5 × FS-1002 Terrasseskrue

            Outstanding:
              FS-1002 Terrasseskrue: 35 on backorder: 15 expected 2026-12-14, 20 expected 2026-12-28
              HW-4004 Hengelås: 8 on backorder, no delivery date yet
            """)
    }

    func testSplitArrivalsInNorwegian() {
        XCTAssertEqual(detail(language: .nb).customerStatus(today: today), """
            Ordre SO-7 for Tromsø Jern & Stål AS (TROMSO), bestilt 02.11.2026
            Status: åpen

            Sendt så langt:
              Forsendelse SH-3 den 03.11.2026:
                5 × FS-1002 Terrasseskrue

            Utestående:
              FS-1002 Terrasseskrue: 35 i restordre: 15 ventes 14.12.2026, 20 ventes 28.12.2026
              HW-4004 Hengelås: 8 i restordre, ingen leveringsdato ennå
            """)
    }

    func testPartlyCoveredAndLateParts() {
        var d = detail(language: .nb)
        d.lines[0].expected = [.init(quantity: 15, eta: Day(iso: "2026-11-20"), arrival: "PO-1/1"), .init(quantity: 20, eta: nil, arrival: nil)]
        let text = d.customerStatus(today: today, .nb)
        XCTAssertTrue(text.contains("35 i restordre: 15 ventet 20.11.2026 (forsinket; ny dato kommer), 20 ingen dato ennå"), text)
        XCTAssertTrue(d.customerStatus(today: today, .en).contains("35 on backorder: 15 expected 2026-11-20 (delayed; new date to follow), 20 no date yet"))
    }

    func testTheCustomersLanguageWinsOverTheReadersAndTheReadersIsTheDefault() {
        let saved = Localizer.process
        defer { Localizer.process = saved }
        Localizer.process = .en
        XCTAssertTrue(Notice.render(events: [.backordered], detail: detail(language: .nb), today: today).hasPrefix("Deler av ordren din er i restordre.\n\nOrdre SO-7"))
        Localizer.process = .nb
        XCTAssertTrue(Notice.render(events: [.backordered], detail: detail(language: .en), today: today).hasPrefix("Part of your order is on backorder.\n\nOrder SO-7"))
        XCTAssertTrue(Notice.render(events: [.backordered], detail: detail(language: nil), today: today).hasPrefix("Deler av ordren din"))
    }

    func testTheEmailOfANotice() throws {
        let from = try XCTUnwrap(MailMessage.Address.parse("Lager Nord AS <lager@lagernord.example.no>"))
        let n = Notice(id: 12, orderNumber: "SO-7", customerCode: "TROMSO", customerName: "Tromsø Jern & Stål AS", events: [.backordered],
                       createdAt: Timestamp(unixTime: 0), updatedAt: Timestamp(unixTime: 0), sentAt: nil, sentBy: nil,
                       text: "Deler av ordren din er i restordre.\n\nUtestående: 35 stk.", customerLanguage: .nb,
                       email: "post@tromso-jern.example.no", contact: "Siv Åsheim")
        let now = Timestamp(unixTime: Int64(Day(iso: "2026-12-07")!.ordinal) * 86_400 + 8 * 3600)
        let m = try XCTUnwrap(MailMessage.notice(n, from: from, now: now, .nb))
        XCTAssertEqual(m.rendered(), """
            From: Lager Nord AS <lager@lagernord.example.no>
            To: =?UTF-8?B?U2l2IMOFc2hlaW0=?= <post@tromso-jern.example.no>
            Subject: =?UTF-8?B?T3JkcmUgU08tNyDigJMgRGVsZXIgYXYgb3JkcmVuIGRpbiBlciBpIHJlc3Rv?=
             =?UTF-8?B?cmRyZQ==?=
            Date: Mon, 07 Dec 2026 08:00:00 +0000
            Message-ID: <notice-12-\(now.unixTime)@lagernord.example.no>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable
            Content-Language: nb
            Auto-Submitted: auto-generated

            Hei Siv =C3=85sheim,

            Deler av ordren din er i restordre.

            Utest=C3=A5ende: 35 stk.

            Med vennlig hilsen
            Lager Nord AS

            """)
        XCTAssertNil(MailMessage.notice(Notice(id: 1, orderNumber: "SO-1", customerCode: "C", customerName: "C", events: [],
                                               createdAt: now, updatedAt: now, sentAt: nil, sentBy: nil, text: ""), from: from, now: now, .en),
                     "no address, no message")
    }

    func testLongLinesFoldAndSpecialNamesAreQuoted() {
        let qp = MailMessage.Address(name: "Hansen, Kari", email: "k@x.example.no").header
        XCTAssertEqual(qp, "\"Hansen, Kari\" <k@x.example.no>")
        let long = String(repeating: "ø", count: 60)
        let m = MailMessage(from: .init(name: nil, email: "a@b.no"), to: .init(name: nil, email: "c@d.no"), subject: "s", body: long + " \n",
                            date: Timestamp(unixTime: 0), messageID: "x@b.no", language: .nb)
        let body = m.rendered().components(separatedBy: "\n\n")[1]
        for line in body.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 76, String(line)) }
        XCTAssertTrue(body.contains("=20"), "a space at the end of a line is encoded")
    }

    func testPlainEmailValidation() {
        for good in ["ola@example.no", "innkjop.bygg@alesund.example.no", "a+b@x-y.example.com"] {
            XCTAssertNoThrow(try Validate.email(good), good)
        }
        for bad in ["", "ola", "ola@", "@example.no", "ola@example", "ola nordmann@example.no", "a@b@c.no", "<a@b.no>", "a@.no", "a,b@c.no"] {
            XCTAssertThrowsError(try Validate.email(bad), bad)
        }
    }
}
