import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "Customer notices to send: what shipped, what is outstanding, and when it is expected.",
        discussion: "Without options, lists the pending notices. --mark-sent ORDER (or --mark-sent-all) marks them sent and freezes their text.")
    @OptionGroup var db: DatabaseOptions
    @Flag(help: "Include notices already sent.") var all = false
    @Option(help: "Only this order.") var order: String?
    @Option(name: .customLong("mark-sent"), help: "Mark this order's pending notice sent.") var markSent: String?
    @Flag(name: .customLong("mark-sent-all"), help: "Mark every pending notice sent.") var markSentAll = false
    @Flag var json = false

    func validate() throws {
        if markSent != nil && markSentAll { throw ValidationError("use either --mark-sent ORDER or --mark-sent-all") }
    }

    func run() throws {
        try perform {
            let ctx = Context.current()
            let notices: [Notice]
            if markSent != nil || markSentAll {
                notices = try db.open().markNoticesSent(order: markSent, ctx: ctx)
            } else {
                notices = try db.open(.readOnly).notices(includeSent: all, order: order, today: ctx.today)
            }
            if json { try printJSON(notices); return }
            if markSent != nil || markSentAll { print("marked \(notices.count) notice(s) sent"); return }
            if notices.isEmpty { print("no pending notices"); return }
            for n in notices {
                print("── \(n.orderNumber) to \(visible(n.customerName)) (\(n.customerCode)) — \(n.events.map(\.rawValue).joined(separator: ", "))"
                      + (n.sentAt.map { " — sent \($0.iso) by \(n.sentBy ?? "?")" } ?? " — pending since \(n.createdAt.iso)"))
                print(n.text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n"))
                print("")
            }
        }
    }
}
