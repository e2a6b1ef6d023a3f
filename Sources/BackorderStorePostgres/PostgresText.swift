import BackorderCore

/// What the PostgreSQL store says: database URLs, the connection to the server, and the warehouse's schema there.
/// The server's own words (its error messages) are carried verbatim inside these sentences.
public enum PostgresText: String, Catalogued {
    // URLs
    case urlScheme, urlParameter, urlNoDatabase, urlEncoding, urlHost, urlPort, urlSSLMode, urlNoHost, urlNoUser, urlSocketTLS
    // The connection
    case unreachable, cannotConnect, commitUnknown, closedByServer, tooBusy, notAllowed, cancelled, connectionLost, noDatabase, loginRefused, serverError
    // The schema
    case newerSchema, foreignTables, unrecognizedSchema, olderSchema, noSchema, noSuchRole
    // The service
    case notYet, readOnlySession

    public var texts: (en: String, nb: String) {
        switch self {
        case .urlScheme:
            return ("{0} is not a PostgreSQL URL: it must start with postgres:// (for example postgres://clerk@db.example/warehouse)",
                    "{0} er ikke en PostgreSQL-URL: den må begynne med postgres:// (for eksempel postgres://clerk@db.example/warehouse)")
        case .urlParameter:
            return ("the database URL has a parameter that is not understood: «{0}» (known: host, port, user, password, dbname, sslmode)",
                    "database-URL-en har en parameter som ikke forstås: «{0}» (kjente: host, port, user, password, dbname, sslmode)")
        case .urlNoDatabase:
            return ("the database URL {0} names no database: add it after the host, as in postgres://clerk@db.example/warehouse",
                    "database-URL-en {0} nevner ingen database: legg den til etter vertsnavnet, som i postgres://clerk@db.example/warehouse")
        case .urlEncoding:
            return ("the database URL {0} has a broken %-escape (a % must be followed by two hex digits, such as %2F for /)",
                    "database-URL-en {0} har en ødelagt %-koding (etter % må det stå to heksadesimale sifre, som %2F for /)")
        case .urlHost: return ("the host «{0}» in the database URL cannot be read", "vertsnavnet «{0}» i database-URL-en kan ikke leses")
        case .urlPort:
            return ("the port «{0}» in the database URL is not a number from 1 to 65535",
                    "porten «{0}» i database-URL-en er ikke et tall fra 1 til 65535")
        case .urlSSLMode: return ("sslmode «{0}» is not known: use one of {1}", "sslmode «{0}» er ukjent: bruk en av {1}")
        case .urlNoHost:
            return ("the database URL {0} names no server: give a host (postgres://clerk@db.example/warehouse) or a socket folder (?host=/run/postgresql)",
                    "database-URL-en {0} nevner ingen server: oppgi en vert (postgres://clerk@db.example/warehouse) eller en socket-mappe (?host=/run/postgresql)")
        case .urlNoUser:
            return ("the database URL {0} names no user, and the login name is unknown: write it before the host (postgres://clerk@…)",
                    "database-URL-en {0} nevner ingen bruker, og innloggingsnavnet er ukjent: skriv det foran verten (postgres://clerk@…)")
        case .urlSocketTLS:
            return ("a Unix socket ({0}) is never encrypted: leave out sslmode, or connect to a host over the network",
                    "en Unix-socket ({0}) er aldri kryptert: utelat sslmode, eller koble til en vert over nettverket")
        case .unreachable:
            return ("the database server for {0} could not be reached within {1} {1|second|seconds}; nothing was changed: check that it runs and that the URL is right",
                    "databaseserveren for {0} svarte ikke innen {1} {1|sekund|sekunder}; ingenting ble endret: sjekk at den kjører og at URL-en er riktig")
        case .cannotConnect:
            return ("cannot connect to the database server for {0}: {1}; nothing was changed: check that it runs and that the URL is right",
                    "får ikke kontakt med databaseserveren for {0}: {1}; ingenting ble endret: sjekk at den kjører og at URL-en er riktig")
        case .closedByServer: return ("the server closed it", "serveren lukket den")
        case .commitUnknown:
            return ("the connection to the database server was lost while the change was being saved ({0}); it may or may not be saved: look before you do it again",
                    "forbindelsen til databaseserveren ble brutt mens endringen ble lagret ({0}); den kan være lagret eller ikke: se etter før du gjør den på nytt")
        case .tooBusy:
            return ("the database was too busy with other clerks' changes: tried {0} {0|time|times}, nothing was changed; try again",
                    "databasen var for opptatt med andres endringer: prøvd {0} {0|gang|ganger}, ingenting ble endret; prøv igjen")
        case .notAllowed:
            return ("the database server does not allow this for the user {0}: {1}; nothing was changed",
                    "databaseserveren tillater ikke dette for brukeren {0}: {1}; ingenting ble endret")
        case .cancelled:
            return ("the database server cancelled the request ({0}); nothing was changed",
                    "databaseserveren avbrøt forespørselen ({0}); ingenting ble endret")
        case .connectionLost:
            return ("the connection to the database server was lost ({0}); nothing was changed: try again, a new connection is made",
                    "forbindelsen til databaseserveren ble brutt ({0}); ingenting ble endret: prøv igjen, en ny forbindelse blir laget")
        case .noDatabase:
            return ("there is no database «{0}» on the server ({1}): create it (createdb), then run `backorders db init`",
                    "det finnes ingen database «{0}» på serveren ({1}): lag den (createdb), og kjør så `backorders db init`")
        case .loginRefused:
            return ("the database server refused the login of {0}: {1}", "databaseserveren nektet innlogging for {0}: {1}")
        case .serverError: return ("the database server reported an error {0}: {1}", "databaseserveren meldte en feil {0}: {1}")
        case .newerSchema:
            return ("{0} was set up by a newer version of backorders (it has {1}); update backorders to use it; nothing was changed",
                    "{0} er satt opp av en nyere versjon av backorders (den har {1}); oppdater backorders for å bruke den; ingenting ble endret")
        case .foreignTables:
            return ("{0} holds tables of another application ({1}), not a backorders warehouse; nothing was changed: use an empty database",
                    "{0} inneholder tabeller fra et annet program ({1}), ikke et backorders-lager; ingenting ble endret: bruk en tom database")
        case .unrecognizedSchema:
            return ("{0} holds a backorders schema this version does not recognize (missing {1}); nothing was changed",
                    "{0} har et backorders-skjema denne versjonen ikke kjenner igjen (mangler {1}); ingenting ble endret")
        case .olderSchema:
            return ("{0} was set up by an earlier version of backorders (it lacks {1}): the database's owner runs `backorders upgrade --db {0}`; nothing was changed",
                    "{0} er satt opp av en eldre versjon av backorders (den mangler {1}): databasens eier kjører `backorders upgrade --db {0}`; ingenting ble endret")
        case .noSchema:
            return ("{0} holds no backorders warehouse yet: create one with `backorders db init {0}`",
                    "{0} har ikke noe backorders-lager ennå: lag et med `backorders db init {0}`")
        case .notYet:
            return ("{0} is not yet done on a PostgreSQL database (nothing was changed); it works on a data file",
                    "{0} er ikke laget for PostgreSQL-databaser ennå (ingenting ble endret); det virker på en datafil")
        case .readOnlySession:
            return ("this session is read-only: the database login may only read (the supervisor role), or --read-only was given",
                    "denne økten kan bare lese: databasebrukeren har bare lesetilgang (supervisor-rollen), eller --read-only ble gitt")
        case .noSuchRole:
            return ("there is no login role «{0}» on the database server: create it first (CREATE ROLE {0} LOGIN PASSWORD '…'); nothing was changed",
                    "det finnes ingen innloggingsrolle «{0}» på databaseserveren: lag den først (CREATE ROLE {0} LOGIN PASSWORD '…'); ingenting ble endret")
        }
    }
}
