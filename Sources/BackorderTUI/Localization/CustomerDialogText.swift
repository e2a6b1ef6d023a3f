import BackorderCore

/// The words of the customer dialog (`K` on an order) and of a notice's recipient line in the notices view.
public enum CustomerDialogText: String, Catalogued {
    case title, confirmTitle, language, email, contact, none, noLanguage, english, norwegian
    case promptLanguage, promptEmail, promptContact, badLanguage, nothingYet, readOnly, unchanged, changed
    case fieldName, fieldLanguage, fieldEmail, fieldContact, save, outcomeTitle, noticeTo, noticeNoAddress

    public var texts: (en: String, nb: String) {
        switch self {
        case .title: return ("Customer {0}", "Kunde {0}")
        case .confirmTitle: return ("Confirm: change customer {0}", "Bekreft: endre kunde {0}")
        case .language: return ("Language: {0}", "Språk: {0}")
        case .email: return ("E-mail: {0}", "E-post: {0}")
        case .contact: return ("Contact: {0}", "Kontakt: {0}")
        case .none: return ("none", "ingen")
        case .noLanguage: return ("none (the reader's)", "ingen (leserens)")
        case .english: return ("English (en)", "engelsk (en)")
        case .norwegian: return ("Norwegian (nb)", "norsk (nb)")
        case .promptLanguage: return ("Language (nb, en; empty: none):", "Språk (nb, en; tomt: ingen):")
        case .promptEmail: return ("E-mail address (empty: none):", "E-postadresse (tomt: ingen):")
        case .promptContact: return ("Contact name (empty: none):", "Kontaktperson (tomt: ingen):")
        case .badLanguage:
            return ("unknown language \"{0}\": type nb or en (empty: none)", "ukjent språk «{0}»: skriv nb eller en (tomt: ingen)")
        case .nothingYet: return ("Nothing is changed yet.", "Ingenting er endret ennå.")
        case .readOnly: return ("Read-only: the customer cannot be changed here.", "Skrivebeskyttet: kunden kan ikke endres her.")
        case .unchanged: return ("Customer {0}: nothing changed", "Kunde {0}: ingenting endret")
        case .changed: return ("Customer {0}: {1} changed", "Kunde {0}: {1} endret")
        case .fieldName: return ("name", "navn")
        case .fieldLanguage: return ("language", "språk")
        case .fieldEmail: return ("e-mail address", "e-postadresse")
        case .fieldContact: return ("contact", "kontaktperson")
        case .save: return ("Save", "Lagre")
        case .outcomeTitle: return ("Customer changed", "Kunde endret")
        case .noticeTo: return ("To: {0}", "Til: {0}")
        case .noticeNoAddress: return ("To: {0} has no e-mail address", "Til: {0} har ingen e-postadresse")
        }
    }
}
