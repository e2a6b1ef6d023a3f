import BackorderCore

/// The notices view's e-mail keys: `e` mails the selected notice, `E` every pending one after a confirmation.
extension Reducer {
    static func mailNotice(_ state: inout AppState) -> [Effect] {
        guard let notice = state.notices.current else {
            state.message = StatusMessage(state.tr(NoticeMailText.nothingToMail), .warning)
            return []
        }
        return [.perform(.mailNotices(order: notice.orderNumber))]
    }

    static func mailAllNotices(_ state: inout AppState) -> [Effect] {
        guard state.notices.total > 0 else {
            state.message = StatusMessage(state.tr(NoticeMailText.nothingToMail), .warning)
            return []
        }
        state.overlay = .dialog(DialogState(step: .mailAllConfirm(count: state.notices.total)))
        return []
    }

    /// The message line says what became of the mail: one notice's fate, or the counts of a run over all.
    static func noticesMailed(_ state: inout AppState, _ results: [NoticeMailing], all: Bool) -> [Effect] {
        state.overlay = nil
        let (_, lines, summary) = mailedSummary(results, state.tr)
        let failed = results.contains { $0.outcome == .failed || $0.outcome == .noAddress }
        if all, results.count > 1, failed {
            // Several fates, some bad: the clerk reads each in a dialog.
            state.overlay = .dialog(DialogState(step: .result(title: summary, lines: lines)))
        } else {
            state.message = StatusMessage(results.count == 1 ? lines[0] : summary, failed ? .warning : .success)
        }
        return [.pollRevision]
    }

    /// A title, a line per notice and a one-line summary of a mailing.
    static func mailedSummary(_ results: [NoticeMailing], _ tr: Localizer) -> (String, [String], String) {
        var sent = 0, skipped = 0, failed = 0
        let lines = results.map { r -> String in
            switch r.outcome {
            case .sent, .sentButChanged, .written: sent += 1; return tr(NoticeMailText.mailed, r.orderNumber, r.detail)
            case .noAddress: skipped += 1; return tr(NoticeMailText.noAddress, r.orderNumber, r.customerName)
            case .taken: skipped += 1; return tr(NoticeMailText.taken, r.orderNumber)
            case .failed: failed += 1; return tr(NoticeMailText.failed, r.orderNumber, r.detail)
            }
        }
        let summary = results.isEmpty ? tr(NoticeMailText.nothingToMail) : tr(NoticeMailText.summary, sent, skipped, failed)
        return (tr(NoticeMailText.title), lines.isEmpty ? [summary] : lines, summary)
    }

    /// The confirmation before every pending notice is mailed.
    static func mailAllQuestion(_ count: Int, _ tr: Localizer) -> (String, [String]) {
        (tr(NoticeMailText.confirmTitle), [tr(NoticeMailText.confirmLine, count), tr(NoticeMailText.confirmRule)])
    }
}

/// The TUI's words about e-mailing notices.
public enum NoticeMailText: String, Catalogued {
    case nothingToMail, mailed, noAddress, taken, failed, summary, title, confirmTitle, confirmLine, confirmRule, mailAllButton

    public var texts: (en: String, nb: String) {
        switch self {
        case .nothingToMail: return ("No pending notices: nothing to e-mail", "Ingen ventende varsler: ingenting å sende")
        case .mailed: return ("Notice for {0} e-mailed to {1}", "Varselet for {0} er sendt til {1}")
        case .noAddress: return ("{0}: {1} has no e-mail address; still pending", "{0}: {1} har ingen e-postadresse; fortsatt ventende")
        case .taken: return ("{0}: sent by someone else meanwhile", "{0}: sendt av en annen i mellomtiden")
        case .failed: return ("{0}: not sent, still pending: {1}", "{0}: ikke sendt, fortsatt ventende: {1}")
        case .summary: return ("{0} e-mailed, {1} skipped, {2} failed", "{0} sendt, {1} hoppet over, {2} feilet")
        case .title: return ("Notices e-mailed", "Varsler sendt på e-post")
        case .confirmTitle: return ("E-mail every pending notice?", "Sende alle ventende varsler på e-post?")
        case .confirmLine:
            return ("{0} pending {0|notice|notices} will be e-mailed to customers with an address, each in its language.",
                    "{0} ventende {0|varsel|varsler} sendes på e-post til kunder med adresse, hvert på kundens språk.")
        case .confirmRule:
            return ("Each is marked sent only when sendmail accepts it; the rest stay pending.",
                    "Hvert varsel merkes som sendt først når sendmail har tatt imot det; resten blir stående.")
        case .mailAllButton: return ("E-mail all", "Send alle")
        }
    }
}
