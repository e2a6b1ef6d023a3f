import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// The process language's words, for help and output.
private var tr: Localizer { Localizer.process }

struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: Localizer.process(NoticesCommandText.abstract),
        discussion: Localizer.process(NoticesCommandText.discussion))
    /// How many notices a listing prints without `--limit`.
    static let defaultLimit = 1_000

    @OptionGroup var db: DatabaseOptions
    @Flag(help: ArgumentHelp(tr(NoticesCommandText.all))) var all = false
    @Option(help: ArgumentHelp(tr(NoticesCommandText.order))) var order: String?
    @Option(name: .customLong("mark-sent"), help: ArgumentHelp(tr(NoticesCommandText.markSent))) var markSent: String?
    @Flag(name: .customLong("mark-sent-all"), help: ArgumentHelp(tr(NoticesCommandText.markSentAll))) var markSentAll = false
    // Unconditional, so `--limit -5` reaches the check below instead of reading as an unknown option -5.
    @Option(parsing: .unconditional, help: ArgumentHelp(tr(NoticesCommandText.limit))) var limit: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp(tr(NoticesCommandText.offset))) var offset: Int?
    @Flag var json = false
    @Flag(help: ArgumentHelp(tr(NoticesCommandText.send))) var send = false
    @Option(name: .customLong("dry-run"), help: ArgumentHelp(tr(NoticesCommandText.dryRun),
                                                             valueName: "dir")) var dryRun: String?
    @Option(name: .customLong("set-from"), help: ArgumentHelp(tr(NoticesCommandText.setFrom),
                                                              valueName: "Name <address>")) var setFrom: String?

    func validate() throws {
        if markSent != nil && markSentAll { throw ValidationError(tr(NoticesCommandText.eitherMark)) }
        if (send || dryRun != nil) && (markSent != nil || markSentAll || limit != nil || offset != nil || all) {  // json is fine
            throw ValidationError(tr(NoticesCommandText.sendAlone))
        }
        try requireNonNegative(("--limit", limit ?? 0), ("--offset", offset ?? 0))
        // Marking a page only would leave the rest pending unseen: marking is all of them or one order's, never a page.
        if (markSent != nil || markSentAll) && (limit != nil || offset != nil) {
            throw ValidationError(tr(NoticesCommandText.pageOrMark))
        }
    }

    func run() throws {
        try perform {
            let ctx = Context.current()
            if let setFrom {
                let w = try db.service()
                if !setFrom.isEmpty, MailMessage.Address.parse(setFrom) == nil { throw BackorderError.invalid(.t(CustomerText.badFrom, setFrom)) }
                try w.setSetting(MailFrom.settingKey, setFrom)
                if !send && dryRun == nil { return }
            }
            if send || dryRun != nil { return try mail(ctx) }
            if markSent != nil || markSentAll {
                let marked = try db.service().markNoticesSent(order: markSent, ctx: ctx)
                if json { try printJSON(marked) } else { print(tr(NoticesCommandText.marked, marked.count)) }
                return
            }
            let w = try db.service(.readOnly)
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
        if total == 0 { print(Localizer.process(all ? NoticesCommandText.noNotices : NoticesCommandText.noPending)); return }
        for n in notices {
            print(tr(NoticesCommandText.header, n.orderNumber, visible(n.customerName), n.customerCode, n.events.map(\.rawValue).joined(separator: ", "))
                  + (n.sentAt.map { tr(NoticesCommandText.sentBy, $0.iso, n.sentBy ?? "?") } ?? tr(NoticesCommandText.pendingSince, n.createdAt.iso)))
            print(n.text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n"))
            print("")
        }
    }

    /// Mails the pending notices (see `NoticeMailer.mail`), from the file or the server, and says what became of each.
    func mail(_ ctx: Context) throws {
        let tr = Localizer.process
        let results = try NoticeMailer.mail(try db.service(dryRun == nil ? .readWrite : .readOnly), order: order, dryRun: dryRun, ctx: ctx)
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
        let which = shown > 0 ? tr(NoticesCommandText.shownRange, Plain(offset + 1), Plain(offset + shown))
            : offset >= total ? tr(NoticesCommandText.pastLast, Plain(offset)) : ""
        return tr(NoticesCommandText.shown, shown, total, which)
    }
}
