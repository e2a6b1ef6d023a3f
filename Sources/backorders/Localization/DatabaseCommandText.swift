import ArgumentParser
import BackorderCore

/// What `backorders db` says: setting up a warehouse on a PostgreSQL server.
enum DatabaseCommandText: String, Catalogued {
    case db, dbDiscussion, dbInit, dbInitDiscussion, urlArgument, clerkOption, supervisorOption, noURL, notPostgres
    case created, alreadyThere, roles, granted

    var texts: (en: String, nb: String) {
        switch self {
        case .db: return ("Set up a warehouse on a PostgreSQL server.", "Sett opp et lager på en PostgreSQL-server.")
        case .dbDiscussion:
            return ("A URL names the database: postgres://user[:password]@host[:port]/database, or a Unix socket as "
                    + "postgres:///database?host=/run/postgresql.",
                    "En URL angir databasen: postgres://bruker[:passord]@vert[:port]/database, eller en Unix-socket som "
                    + "postgres:///database?host=/run/postgresql.")
        case .dbInit:
            return ("Create the warehouse's tables and its clerk and supervisor roles in a database.",
                    "Lag lagerets tabeller og rollene for lagermedarbeider og leder i en database.")
        case .dbInitDiscussion:
            return ("Run it as the database's owner, with the right to create roles. The role backorders_clerk reads and writes the "
                    + "warehouse; backorders_supervisor only reads it, and the server refuses its changes. Running it again is "
                    + "harmless; a database with other tables, or set up by a newer backorders, is refused and left as it was.",
                    "Kjør den som databasens eier, med rett til å lage roller. Rollen backorders_clerk leser og skriver i lageret; "
                    + "backorders_supervisor bare leser, og serveren nekter endringer fra den. Å kjøre den igjen skader ikke; "
                    + "en database med andre tabeller, eller satt opp av en nyere backorders, blir avvist og latt være som den var.")
        case .urlArgument: return ("The database (default: --db or BACKORDERS_DB).", "Databasen (standard: --db eller BACKORDERS_DB).")
        case .clerkOption:
            return ("Grant the clerk's role (read and write) to this login role; repeat for more.",
                    "Gi lagermedarbeiderrollen (lese og skrive) til denne innloggingsrollen; gjenta for flere.")
        case .supervisorOption:
            return ("Grant the supervisor's role (read only) to this login role; repeat for more.",
                    "Gi lederrollen (bare lese) til denne innloggingsrollen; gjenta for flere.")
        case .noURL:
            return ("name the database: backorders db init postgres://user@host/database (or set BACKORDERS_DB)",
                    "oppgi databasen: backorders db init postgres://bruker@vert/database (eller sett BACKORDERS_DB)")
        case .notPostgres:
            return ("{0} is not a PostgreSQL URL; a data file is created with `backorders init`",
                    "{0} er ikke en PostgreSQL-URL; en datafil lages med `backorders init`")
        case .created: return ("Created the warehouse in {0} (format {1}).", "Lageret er laget i {0} (format {1}).")
        case .alreadyThere:
            return ("{0} already holds the warehouse (format {1}); nothing to create.",
                    "{0} har allerede lageret (format {1}); ingenting å lage.")
        case .roles: return ("Roles: {0} (read and write), {1} (read only).", "Roller: {0} (lese og skrive), {1} (bare lese).")
        case .granted: return ("{0} may now log in as {1}.", "{0} kan nå logge inn med rollen {1}.")
        }
    }

    var text: String { Localizer.process(self) }
    func help(valueName: String) -> ArgumentHelp { ArgumentHelp(Localizer.process(self), valueName: valueName) }
}
