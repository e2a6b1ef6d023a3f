import BackorderCore

/// What the server says of the commands that once worked on a file only (import, notices, demo).
public enum ServerCommandsText: String, Catalogued {
    case importBusy

    public var texts: (en: String, nb: String) {
        switch self {
        case .importBusy:
            return ("other clerks kept changing the warehouse: the import could not hold it for {0} {0|second|seconds}; nothing was imported, try again",
                    "andre endret lageret hele tiden: importen fikk ikke holde det på {0} {0|sekund|sekunder}; ingenting ble importert, prøv igjen")
        }
    }
}
