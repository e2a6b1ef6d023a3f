/// Mailing the pending notices, on either engine: claim, send, finish, so that two senders never mail one notice twice.

/// What mailing needs of a warehouse: its pending notices, a claim on each while it is sent, and the sender's address.
public protocol NoticeMailbox {
    /// Customer notices, oldest first (as `WarehouseService.notices`).
    func notices(includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice]
    /// Claims a pending notice for mailing and returns it as it reads now, or nil when it is sent already or another
    /// sender holds a claim younger than `staleAfter` seconds (one that died mid-send gives its claim up by then).
    func claimNotice(id: Int64, token: String, staleAfter: Int64, ctx: Context) throws -> Notice?
    /// Ends a claim: with `sentText` (the mail was accepted) marks the notice sent with that text, unless events
    /// joined it meanwhile (`updatedAt` moved). True when it was marked sent.
    func finishNotice(id: Int64, token: String, sentText: String?, updatedAt: Timestamp, ctx: Context) throws -> Bool
    /// A stored setting (the sender's address: `mail-from`), nil when not set.
    func setting(_ key: String) throws -> String?
    /// Stores a setting; nil or "" removes it.
    func setSetting(_ key: String, _ value: String?) throws
}

public enum NoticeMailRun {
    /// How long a claim holds off other senders: one that died mid-send gives its claim up by then.
    public static let claimSeconds: Int64 = 600

    /// Mails the pending notices (one order's, or all) one by one: each is claimed, handed to `send` (nil: accepted,
    /// else why not), and marked sent only when accepted, its text frozen as mailed. With `write` (a dry run) each
    /// message is handed to it instead (it returns where it went) and nothing is claimed or marked. `token` says whose
    /// claim it is, so that two clerks (or two runs) never mistake each other's.
    public static func mail(_ box: some NoticeMailbox, order: String?, from: MailMessage.Address, token: String, ctx: Context,
                            write: ((Notice, MailMessage) throws -> String)?, send: (String) -> String?) throws -> [NoticeMailing] {
        let pending = try box.notices(includeSent: false, order: order, offset: 0, limit: Int.max, today: ctx.today)
        var out: [NoticeMailing] = []
        for n in pending {
            func result(_ outcome: NoticeMailing.Outcome, _ detail: String = "") {
                out.append(NoticeMailing(orderNumber: n.orderNumber, customerCode: n.customerCode, customerName: n.customerName,
                                         outcome: outcome, detail: detail))
            }
            guard n.email != nil else { result(.noAddress); continue }
            if let write {
                guard let m = MailMessage.notice(n, from: from, now: ctx.now, n.localizer) else { continue }
                result(.written, try write(n, m))
                continue
            }
            // Claimed, and read again as it is now: what is mailed is what gets frozen.
            guard let fresh = try box.claimNotice(id: n.id, token: token, staleAfter: claimSeconds, ctx: ctx) else { result(.taken); continue }
            guard let m = MailMessage.notice(fresh, from: from, now: ctx.now, fresh.localizer) else {
                _ = try box.finishNotice(id: fresh.id, token: token, sentText: nil, updatedAt: fresh.updatedAt, ctx: ctx)
                result(.noAddress); continue
            }
            if let why = send(m.rendered()) {
                _ = try box.finishNotice(id: fresh.id, token: token, sentText: nil, updatedAt: fresh.updatedAt, ctx: ctx)
                result(.failed, why)
            } else if try box.finishNotice(id: fresh.id, token: token, sentText: fresh.text, updatedAt: fresh.updatedAt, ctx: ctx) {
                result(.sent, m.to.display)
            } else {
                result(.sentButChanged, m.to.display)
            }
        }
        return out
    }
}
