import BackorderCore

/// What the PostgreSQL store's operations say beyond the catalogue both stores share (StoreText).
public enum PostgresOperationText: String, Catalogued {
    case noPendingNotice

    public var texts: (en: String, nb: String) {
        switch self {
        case .noPendingNotice:
            // The file store's words (NoticeQueries.swift), so both refuse alike.
            return ("order {0} has no pending notice", "ordre {0} har ikke noe varsel som venter på å bli sendt")
        }
    }
}
