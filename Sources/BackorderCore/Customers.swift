/// Contact details of a customer to change; nil leaves a field as it is.
public struct CustomerChanges: Sendable, Equatable {
    public var name: String?
    /// `.some(nil)` clears the language (texts for the customer then use the reader's).
    public var language: Language??
    /// "" clears the address.
    public var email: String?
    /// "" clears the contact.
    public var contact: String?

    public init(name: String? = nil, language: Language?? = nil, email: String? = nil, contact: String? = nil) {
        self.name = name; self.language = language; self.email = email; self.contact = contact
    }

    /// True when nothing would change.
    public var isEmpty: Bool { name == nil && language == nil && email == nil && contact == nil }

    /// The customer with these changes laid over it ("" clears the address or the contact).
    public func applied(to c: Customer) -> Customer {
        var n = c
        if let name { n.name = name }
        if let language { n.language = language }
        if let email { n.email = email.isEmpty ? nil : email }
        if let contact { n.contact = contact.isEmpty ? nil : contact }
        return n
    }
}

extension Validate {
    /// A customer's contact details: a name, a plain e-mail address (if any) and a contact name (if any).
    public static func customer(_ c: Customer) throws {
        try identifier(c.code, Localizer.process(CustomerText.codeField))
        try text(c.name, Localizer.process(CustomerText.nameField))
        if let e = c.email { try email(e) }
        if let contact = c.contact { try text(contact, Localizer.process(CustomerText.contactField), required: false) }
    }

    /// A plain address `local@domain.tld`: no spaces, quotes, brackets or commas (which a mail header would have to
    /// escape), one `@`, a domain with a dot, at most 254 characters.
    public static func email(_ s: String) throws {
        let bad = BackorderError.invalid(.t(CustomerText.badEmail, s))
        guard s.count <= 254, !s.isEmpty else { throw bad }
        guard !s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || " \t<>()[],;:\\\"".unicodeScalars.contains($0) })
        else { throw bad }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[0].hasPrefix("."), !parts[0].hasSuffix(".") else { throw bad }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { throw bad }
    }

    /// A language code a customer reads: `nb` or `en` (and their other names); "none" or "" clears it.
    public static func customerLanguage(_ s: String) throws -> Language? {
        if s.isEmpty || s.lowercased() == "none" { return nil }
        guard let l = Language(code: s) else { throw BackorderError.invalid(.t(CustomerText.badLanguage, s)) }
        return l
    }
}

extension Customer {
    /// The fields in which `new` differs from this customer, by their names as `customer set` reports them.
    public func changedFields(to new: Customer) -> [String] {
        var changed: [String] = []
        if new.name != name { changed.append("name") }  // not prose: field names, as `item set` reports them
        if new.language != language { changed.append("language") }  // not prose: a field name
        if new.email != email { changed.append("email") }  // not prose: a field name
        if new.contact != contact { changed.append("contact") }  // not prose: a field name
        return changed
    }
}

extension CustomerChanges {
    /// An import's record laid over the stored customer: its name, and the language, address and contact it gives
    /// (those it leaves nil stay as they are).
    public init(overlaying c: Customer) {
        self.init(name: c.name, language: c.language.map { .some($0) }, email: c.email, contact: c.contact)
    }
}
