import BackorderCore
import Foundation
import XCTest
@testable import BackorderStore
@testable import BackorderStorePostgres

/// Mailing notices from the server does what it does from a file: the same claims, messages, outcomes and rows.
extension SameOperationsTests {
    func testMailingNoticesIsTheSame() throws {
        let ctx = self.ctx
        let from = try XCTUnwrap(MailMessage.Address.parse("Lager Nord AS <lager@lagernord.example.no>"))
        let boxes: [(String, any NoticeMailbox)] = [("file", file), ("server", server)]
        // The sender's address as a setting, on both.
        for (_, box) in boxes { try box.setSetting("mail-from", "Lager Nord AS <lager@lagernord.example.no>") }
        XCTAssertEqual(try server.setting("mail-from"), try file.setting("mail-from"))
        let pending = try XCTUnwrap(same("pending") { try $0.notices(includeSent: false, order: nil, offset: 0, limit: 1_000, today: ctx.today) })
        let first = try XCTUnwrap(pending.first { $0.email != nil }, "the sample has a notice to a customer with an address")
        // A claim keeps a second sender off until it ends; a failed send leaves the notice pending.
        for (name, box) in boxes {
            let claimed = try box.claimNotice(id: first.id, token: "kari", staleAfter: 600, ctx: ctx)
            XCTAssertEqual(claimed?.text, first.text, name)
            XCTAssertNil(try box.claimNotice(id: first.id, token: "ola", staleAfter: 600, ctx: ctx), "\(name): claimed by kari")
            XCTAssertFalse(try box.finishNotice(id: first.id, token: "kari", sentText: nil, updatedAt: first.updatedAt, ctx: ctx), name)
        }
        try assertSameTables()
        // One sender's run: every notice with an address is mailed once, the rest skipped; a second run mails nothing.
        var mailed: [String: [String]] = [:]
        var outcomes: [String: [NoticeMailing]] = [:]
        for (name, box) in boxes {
            outcomes[name] = try NoticeMailRun.mail(box, order: nil, from: from, token: "kari@host:1:1", ctx: ctx, write: nil) { message in
                mailed[name, default: []].append(message)
                return nil
            }
            let again = try NoticeMailRun.mail(box, order: nil, from: from, token: "kari@host:1:2", ctx: ctx, write: nil) { _ in "not again" }
            XCTAssertFalse(again.contains { $0.outcome == .sent || $0.outcome == .failed }, "\(name): \(again)")
        }
        XCTAssertEqual(outcomes["server"], outcomes["file"])
        XCTAssertEqual(mailed["server"], mailed["file"])
        XCTAssertEqual(mailed["file"]?.count, outcomes["file"]?.count { $0.outcome == .sent })
        XCTAssertGreaterThan(mailed["file"]?.count ?? 0, 0)
        try assertSameTables()
    }
}
