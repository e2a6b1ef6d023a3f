import BackorderCore

/// A question of the customer dialog, in the order asked.
public enum CustomerField: Int, CaseIterable, Sendable {
    case language, email, contact
}

/// A customer's language, e-mail address and contact being changed: the customer as stored, and the answers so far.
public struct CustomerDraft: Equatable, Sendable {
    public var customer: Customer
    public var field: CustomerField = .language
    public var language: Language?
    /// "" for none.
    public var email: String
    /// "" for none.
    public var contact: String
    /// The latest changes to the customer's details, newest first (shown with the first question).
    public var history: [CustomerChange]

    public init(_ customer: Customer, history: [CustomerChange] = []) {
        self.customer = customer; self.history = history
        language = customer.language; email = customer.email ?? ""; contact = customer.contact ?? ""
    }

    /// What the answers change (only the fields that differ from the customer as stored).
    public var changes: CustomerChanges {
        var c = CustomerChanges()
        if language != customer.language { c.language = .some(language) }
        if email != (customer.email ?? "") { c.email = email }
        if contact != (customer.contact ?? "") { c.contact = contact }
        return c
    }
}

/// `K` on an order: its customer's details, then (on a writable file) its language, e-mail and contact one by one,
/// the change shown, and one confirmation.
extension Reducer {
    typealias CT = CustomerDialogText

    /// The customer arrived: a read-only session sees it; otherwise its first question opens.
    static func customerLoaded(_ state: inout AppState, _ customer: Customer, history: [CustomerChange] = []) -> [Effect] {
        let tr = state.tr
        if state.readOnly {
            // The history last: on a small screen it is what the dialog cuts.
            let draft = CustomerDraft(customer, history: history)
            state.overlay = .dialog(DialogState(step: .result(title: tr(CT.title, customer.code),
                                                              lines: CustomerView.details(draft, tr) + [tr(CT.readOnly)]
                                                                  + CustomerView.history(draft, tr, sayNone: true))))
            return []
        }
        // The question keeps its prompt and field: only the changes that fit above them are listed (none at 40×12).
        let free = state.size.height - 1 - CustomerView.questionRows
        let fits = free > 1 ? (free - 1) / (state.size.width < 60 ? 2 : 1) : 0
        let draft = CustomerDraft(customer, history: Array(history.prefix(fits)))
        state.overlay = .dialog(DialogState(step: .customerField(draft), text: CustomerView.defaultText(draft)))
        return []
    }

    /// Enter on a question: keep the answer and ask the next; after the last, the change to confirm (or, when nothing
    /// changes, close and say so).
    static func answerCustomer(_ state: inout AppState, _ dialog: DialogState, _ draft: CustomerDraft) throws -> [Effect] {
        let text = dialog.field.text.trimmingSpaces
        var next = draft
        switch draft.field {
        case .language: next.language = try parseLanguage(text)
        case .email:
            if !text.isEmpty { try Validate.email(text) }
            next.email = text
        case .contact:
            try Validate.text(text, LocalText.t(CustomerText.contactField), required: false)
            next.contact = text
        }
        if let field = CustomerField(rawValue: draft.field.rawValue + 1) {
            next.field = field
            state.overlay = .dialog(DialogState(step: .customerField(next), text: CustomerView.defaultText(next)))
        } else if next.changes.isEmpty {
            state.overlay = nil
            state.message = StatusMessage(state.tr(CT.unchanged, draft.customer.code))
        } else {
            state.overlay = .dialog(DialogState(step: .customerConfirm(next)))
        }
        return []
    }

    /// A language as typed: nb or en (or their other names); empty, "none", "ingen" or "-" for none.
    static func parseLanguage(_ text: String) throws -> Language? {
        if ["", "-", "none", "ingen"].contains(text.lowercased()) { return nil }  // not prose: what a clerk may type
        guard let language = Language(code: text) else { throw BackorderError.invalid(.t(CT.badLanguage, text)) }
        return language
    }

    /// The store changed the customer: the message line says what; no result dialog to dismiss.
    static func customerChanged(_ state: inout AppState, code: String, changed: [String]) -> [Effect] {
        state.overlay = nil
        state.message = StatusMessage(CustomerView.changedText(code, changed, state.tr), .success)
        return [.pollRevision]
    }
}

/// The customer dialog's words.
enum CustomerView {
    typealias T = CustomerDialogText

    /// The customer's name and code, then its language, e-mail and contact; an answer that changes one shows "old → new".
    static func details(_ d: CustomerDraft, _ tr: Localizer) -> [String] {
        let c = d.customer
        func shown(_ old: String, _ new: String) -> String { old == new ? old : "\(old) → \(new)" }
        func text(_ s: String?) -> String { (s ?? "").isEmpty ? tr(T.none) : s! }
        return ["\(c.name) (\(c.code))",
                tr(T.language, shown(languageName(c.language, tr), languageName(d.language, tr))),
                tr(T.email, shown(text(c.email), text(d.email))),
                tr(T.contact, shown(text(c.contact), text(d.contact)))]
    }

    static func languageName(_ l: Language?, _ tr: Localizer) -> String {
        switch l {
        case .en: return tr(T.english)
        case .nb: return tr(T.norwegian)
        case nil: return tr(T.noLanguage)
        }
    }

    /// What a question's field holds when asked: the value as it is, so Enter keeps it.
    static func defaultText(_ d: CustomerDraft) -> String {
        switch d.field {
        case .language: return d.language?.rawValue ?? ""
        case .email: return d.email
        case .contact: return d.contact
        }
    }

    static func question(_ d: CustomerDraft, _ tr: Localizer) -> (String, [String]) {
        let prompt: CustomerDialogText
        switch d.field {
        case .language: prompt = .promptLanguage
        case .email: prompt = .promptEmail
        case .contact: prompt = .promptContact
        }
        // The history with the first question only: the later ones need the room for the answers so far.
        return (tr(T.title, d.customer.code), details(d, tr) + (d.field == .language ? history(d, tr) : []) + [tr(prompt)])
    }

    /// The rows of the first question without the history: frame, details, prompt, field, buttons and the spaces between.
    static let questionRows = 11

    /// The latest changes: "07.12.2026 14:05 UTC kari: e-post: (ingen) → post@eksempel.no", newest first.
    /// With `sayNone`, a customer without recorded changes says so; otherwise it shows nothing.
    static func history(_ d: CustomerDraft, _ tr: Localizer, sayNone: Bool = false) -> [String] {
        typealias H = CustomerHistoryDialogText
        guard !d.history.isEmpty else { return sayNone ? [tr(H.nothing)] : [] }
        return [tr(H.heading)] + d.history.map { c in
            tr(H.entry, Texts.stamp(c.at, tr), c.actor, CustomerJournal.fieldName(c.field, tr) + ":", CustomerJournal.fromTo(c, tr))
        }
    }

    static func confirmation(_ d: CustomerDraft, _ tr: Localizer) -> (String, [String]) {
        (tr(T.confirmTitle, d.customer.code), [tr(T.nothingYet)] + details(d, tr))
    }

    /// "Customer C001: language and e-mail address changed", in the reader's language.
    static func changedText(_ code: String, _ changed: [String], _ tr: Localizer) -> String {
        guard !changed.isEmpty else { return tr(T.unchanged, code) }
        let names = changed.map { field -> String in
            switch field {
            case "language": return tr(T.fieldLanguage)  // not prose: the store's field key
            case "email": return tr(T.fieldEmail)  // not prose: the store's field key
            case "contact": return tr(T.fieldContact)  // not prose: the store's field key
            default: return tr(T.fieldName)
            }
        }
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + tr(ScreenText.and) + names.last! : names[0]
        return tr(T.changed, code, list)
    }

    /// Where a notice goes: "To: Kari Nordmann <kari@example.no>", or that the customer has no address.
    static func recipient(_ n: Notice, _ tr: Localizer) -> String {
        guard let email = n.email, !email.isEmpty else { return tr(T.noticeNoAddress, n.customerName) }
        if let contact = n.contact, !contact.isEmpty { return tr(T.noticeTo, "\(contact) <\(email)>") }
        return tr(T.noticeTo, email)
    }
}
