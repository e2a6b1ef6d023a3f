import BackorderCore

/// The words of the CSV export.
enum ExportText: String, Catalogued {
    case fileExists

    var texts: (en: String, nb: String) {
        switch self {
        case .fileExists: return ("a file of that name exists already", "det finnes allerede en fil med det navnet")
        }
    }
}
