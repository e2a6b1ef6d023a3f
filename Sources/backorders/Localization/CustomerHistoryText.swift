import BackorderCore

/// `backorders customer history`: its help and its table's headings.
enum CustomerHistoryText: String, Catalogued {
    case abstract, limitHelp, field, before, after, nothing

    var texts: (en: String, nb: String) {
        switch self {
        case .abstract: return ("Who changed a customer's details, when, and from what (newest first).",
                                "Hvem som endret en kundes opplysninger, når, og fra hva (nyeste først).")
        case .limitHelp: return ("How many changes at most.", "Høyst så mange endringer.")
        case .field: return ("FIELD", "FELT")
        case .before: return ("BEFORE", "FØR")
        case .after: return ("AFTER", "ETTER")
        case .nothing: return ("{0}: no changes recorded", "{0}: ingen endringer registrert")
        }
    }
}
