/// The journal of customers' details in words: its fields as a reader names them, and its refusals.
public enum CustomerJournalText: String, Catalogued {
    case badLimit
    case created, name, language, email, contact
    case none

    public var texts: (en: String, nb: String) {
        switch self {
        case .badLimit: return ("the number of changes to show must be at least 1, not {0}", "antall endringer å vise må være minst 1, ikke {0}")
        case .created: return ("created", "opprettet")
        case .name: return ("name", "navn")
        case .language: return ("language", "språk")
        case .email: return ("e-mail", "e-post")
        case .contact: return ("contact", "kontakt")
        case .none: return ("(none)", "(ingen)")
        }
    }
}

extension CustomerJournal {
    /// A stored field key as the reader names it ("email" → "e-post"); an unknown key as it is.
    public static func fieldName(_ field: String, _ tr: Localizer) -> String {
        switch field {
        case created: return tr(CustomerJournalText.created)
        case "name": return tr(CustomerJournalText.name) // not prose: a field key
        case "language": return tr(CustomerJournalText.language) // not prose: a field key
        case "email": return tr(CustomerJournalText.email) // not prose: a field key
        case "contact": return tr(CustomerJournalText.contact) // not prose: a field key
        default: return field
        }
    }

    /// A stored value as shown: "(none)" for an empty one.
    public static func shown(_ value: String, _ tr: Localizer) -> String { value.isEmpty ? tr(CustomerJournalText.none) : value }

    /// "old → new" of one change; an added customer shows its name alone.
    public static func fromTo(_ c: CustomerChange, _ tr: Localizer) -> String {
        c.field == created ? c.to : shown(c.from, tr) + " → " + shown(c.to, tr)
    }
}
