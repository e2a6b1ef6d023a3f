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

    func validate() throws {
        if markSent != nil && markSentAll { throw ValidationError("use either --mark-sent ORDER or --mark-sent-all") }
        try requireNonNegative(("--limit", limit ?? 0), ("--offset", offset ?? 0))
        // Marking a page only would leave the rest pending unseen: marking is all of them or one order's, never a page.
        if (markSent != nil || markSentAll) && (limit != nil || offset != nil) {
            throw ValidationError("--limit and --offset page the list; --mark-sent and --mark-sent-all mark every pending notice they name")
        }
    }

    func run() throws {
        try perform {
            let ctx = Context.current()
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

    /// What stderr says when the page printed is not every notice, e.g. "showing 1000 of 1205 notices (1–1000); …".
    static func shownNote(shown: Int, offset: Int, total: Int) -> String {
        let which = shown > 0 ? " (\(offset + 1)–\(offset + shown))" : offset >= total ? " (--offset \(offset) is past the last)" : ""
        return "showing \(shown) of \(total) notices\(which); use --offset/--limit for the others"
    }
}
