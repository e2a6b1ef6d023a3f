import BackorderCore

/// The customer dialog's list of the latest changes to the customer's details.
public enum CustomerHistoryDialogText: String, Catalogued {
    case heading, nothing, entry

    public var texts: (en: String, nb: String) {
        switch self {
        case .heading: return ("Latest changes:", "Siste endringer:")
        case .nothing: return ("No changes recorded.", "Ingen endringer registrert.")
        // When, who, which field, old → new.
        case .entry: return ("  {0} {1}: {2} {3}", "  {0} {1}: {2} {3}")
        }
    }
}
