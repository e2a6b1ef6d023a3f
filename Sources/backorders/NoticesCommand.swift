import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "Customer notices to send: what shipped, what is outstanding, and when it is expected.",
        discussion: """
            Without options, lists the pending notices, oldest first: at most --limit of them (1000) from --offset; when more \
            exist, stderr says how many. --mark-sent ORDER (or --mark-sent-all) marks them sent and freezes their text.
            --send mails each pending notice (or --order's) in the customer's language through `sendmail -t` \
            ($BACKORDERS_SENDMAIL, default /usr/sbin/sendmail -t -i) from $BACKORDERS_MAIL_FROM or the address stored with \
            --set-from; a notice is marked sent only when sendmail accepted it. --dry-run DIR writes .eml files instead.
            """)
    /// How many notices a listing prints without `--limit`.
    static let defaultLimit = 1_000

    @OptionGroup var db: DatabaseOptions
    @Flag(help: "Include notices already sent.") var all = false
    @Option(help: "Only this order.") var order: String?
    @Option(name: .customLong("mark-sent"), help: "Mark this order's pending notice sent.") var markSent: String?
    @Flag(name: .customLong("mark-sent-all"), help: "Mark every pending notice sent.") var markSentAll = false
    // Unconditional, so `--limit -5` reaches the check below instead of reading as an unknown option -5.
    @Option(parsing: .unconditional, help: "How many notices at most (default 1000).") var limit: Int?
    @Option(parsing: .unconditional, help: "Skip this many notices first.") var offset: Int?
    @Flag var json = false
    @Flag(help: "E-mail each pending notice to its customer through sendmail -t; mark it sent when accepted.") var send = false
    @Option(name: .customLong("dry-run"), help: ArgumentHelp("Write the e-mails as .eml files to this folder instead; mark nothing.",
                                                             valueName: "dir")) var dryRun: String?
    @Option(name: .customLong("set-from"), help: ArgumentHelp("Store the sender of notice mail (\"\" removes it).",
                                                              valueName: "Name <address>")) var setFrom: String?

    func validate() throws {
        if markSent != nil && markSentAll { throw ValidationError("use either --mark-sent ORDER or --mark-sent-all") }
        if (send || dryRun != nil) && (markSent != nil || markSentAll || limit != nil || offset != nil || all) {  // json is fine
            throw ValidationError("--send and --dry-run mail every pending notice (or --order's); they take no other option")
        }
        try requireNonNegative(("--limit", limit ?? 0), ("--offset", offset ?? 0))
        // Marking a page only would leave the rest pending unseen: marking is all of them or one order's, never a page.
        if (markSent != nil || markSentAll) && (limit != nil || offset != nil) {
            throw ValidationError("--limit and --offset page the list; --mark-sent and --mark-sent-all mark every pending notice they name")
        }
    }

    func run() throws {
        try perform {
            let ctx = Context.current()
            if let setFrom {
                let w = try db.open()
                if !setFrom.isEmpty, MailMessage.Address.parse(setFrom) == nil { throw BackorderError.invalid(.t(CustomerText.badFrom, setFrom)) }
                try w.setSetting(MailFrom.settingKey, setFrom)
                if !send && dryRun == nil { return }
            }
            if send || dryRun != nil { return try mail(ctx) }
            if markSent != nil || markSentAll {
                let marked = try db.open().markNoticesSent(order: markSent, ctx: ctx)
                if json { try printJSON(marked) } else { print("marked \(marked.count) notice(s) sent") }
                return
            }
            let w = try db.open(.readOnly)
            let limit = self.limit ?? Self.defaultLimit, offset = self.offset ?? 0
            let notices = try w.notices(includeSent: all, order: order, offset: offset, limit: limit, today: ctx.today)
            // A short first page is the whole list; only a full or later page needs a count.
            let total = offset == 0 && notices.count < limit ? notices.count : try w.noticeCount(includeSent: all, order: order)
            if json { try printJSON(notices) } else { printNotices(notices, total: total) }
            if notices.count < total {
                FileHandle.standardError.write(Data((Self.shownNote(shown: notices.count, offset: offset, total: total) + "\n").utf8))
            }
        }
    }

    func printNotices(_ notices: [Notice], total: Int) {
        if total == 0 { print(all ? "no notices" : "no pending notices"); return }
        for n in notices {
            print("── \(n.orderNumber) to \(visible(n.customerName)) (\(n.customerCode)) — \(n.events.map(\.rawValue).joined(separator: ", "))"
                  + (n.sentAt.map { " — sent \($0.iso) by \(n.sentBy ?? "?")" } ?? " — pending since \(n.createdAt.iso)"))
            print(n.text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n"))
            print("")
        }
    }

    /// Mails the pending notices (see `Warehouse.mailNotices`) and says what became of each.
    func mail(_ ctx: Context) throws {
        let tr = Localizer.process
        let results = try db.open(dryRun == nil ? .readWrite : .readOnly).mailNotices(order: order, dryRun: dryRun, ctx: ctx)
        guard !results.isEmpty else { print(tr(CustomerText.noPending)); return }
        if json { try printJSON(results) }
        var sent = 0, skipped = 0, failed = 0, written = 0
        for r in results {
            let line: String
            switch r.outcome {
            case .sent: sent += 1; line = tr(CustomerText.sent, r.orderNumber, visible(r.detail))
            case .sentButChanged: sent += 1; line = tr(CustomerText.changedWhileSending, r.orderNumber)
            case .noAddress: skipped += 1; line = tr(CustomerText.noAddress, r.orderNumber, visible(r.customerName), r.customerCode)
            case .taken: skipped += 1; line = tr(CustomerText.takenByOther, r.orderNumber)
            case .written: written += 1; line = tr(CustomerText.wroteFile, r.orderNumber, r.detail)
            case .failed:
                failed += 1
                FileHandle.standardError.write(Data((tr(CustomerText.failed, r.orderNumber, visible(r.detail)) + "\n").utf8))
                continue
            }
            if !json { print(line) }
        }
        if let dryRun {
            if !json { print(tr(CustomerText.summaryDry, written, dryRun, skipped)) }
            return
        }
        let summary = tr(CustomerText.summary, sent, skipped, failed)
        // A failure is the run's outcome too: scripts see a non-zero exit when a notice could not be mailed.
        if failed > 0 { throw BackorderError.refused(.verbatim(summary)) }
        if !json { print(summary) }
    }

    /// What stderr says when the page printed is not every notice, e.g. "showing 1000 of 1205 notices (1–1000); …".
    static func shownNote(shown: Int, offset: Int, total: Int) -> String {
        let which = shown > 0 ? " (\(offset + 1)–\(offset + shown))" : offset >= total ? " (--offset \(offset) is past the last)" : ""
        return "showing \(shown) of \(total) notices\(which); use --offset/--limit for the others"
    }
}
