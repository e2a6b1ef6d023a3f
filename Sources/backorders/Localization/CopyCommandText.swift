import ArgumentParser
import BackorderCore

/// What `backorders copy` says: moving a whole warehouse between a data file and a PostgreSQL server.
enum CopyCommandText: String, Catalogued {
    case copy, copyDiscussion, fromOption, toOption
    case bothFiles, bothServers, fileExists, notEmpty, differs, unknownTable
    case copied, checked, checkFailed

    var texts: (en: String, nb: String) {
        switch self {
        case .copy:
            return ("Copy a whole warehouse, journal included, between a data file and a PostgreSQL database.",
                    "Kopier et helt lager, med journalen, mellom en datafil og en PostgreSQL-database.")
        case .copyDiscussion:
            return ("The destination must be empty: a new file name, or a database set up by `backorders db init` that holds no orders, "
                    + "items or journal yet. Everything goes in one transaction: if the copy stops half-way, the destination is left as "
                    + "it was. Afterwards every table is compared on both sides: its number of rows and a digest of all of them.",
                    "Målet må være tomt: et nytt filnavn, eller en database satt opp med `backorders db init` som ennå ikke har ordrer, "
                    + "varer eller journal. Alt skjer i én transaksjon: stopper kopieringen halvveis, er målet som før. Etterpå "
                    + "sammenlignes hver tabell på begge sider: antall rader og en kontrollsum over dem alle.")
        case .fromOption:
            return ("The warehouse to copy: a data file or a postgres:// URL.", "Lageret som skal kopieres: en datafil eller en postgres://-URL.")
        case .toOption:
            return ("Where the copy goes: a new data file or an empty postgres:// database.",
                    "Hvor kopien skal: en ny datafil eller en tom postgres://-database.")
        case .bothFiles:
            return ("both {0} and {1} are data files: copy a data file with `backorders backup`",
                    "både {0} og {1} er datafiler: kopier en datafil med `backorders backup`")
        case .bothServers:
            return ("both {0} and {1} are PostgreSQL databases: copy between servers with pg_dump and pg_restore",
                    "både {0} og {1} er PostgreSQL-databaser: kopier mellom servere med pg_dump og pg_restore")
        case .fileExists:
            return ("{0} exists already: a copy goes into a new data file; nothing was changed",
                    "{0} finnes allerede: en kopi lages i en ny datafil; ingenting ble endret")
        case .notEmpty:
            return ("{0} is not empty (the table {1} holds rows): a copy goes into an empty warehouse; nothing was changed",
                    "{0} er ikke tom (tabellen {1} har rader): en kopi må inn i et tomt lager; ingenting ble endret")
        case .differs:
            return ("the copy in {0} differs from the original in the table {1}; nothing was saved",
                    "kopien i {0} er ulik originalen i tabellen {1}; ingenting ble lagret")
        case .unknownTable:
            return ("{0} has no table {1}, which the original has; nothing was saved",
                    "{0} har ingen tabell {1}, som originalen har; ingenting ble lagret")
        case .copied:
            return ("Copied {0} order {0|line|lines}, {1} journal {1|row|rows} and {2} other {2|row|rows} from {3} to {4} in {5} s; "
                    + "every table is the same on both sides.",
                    "Kopierte {0} {0|ordrelinje|ordrelinjer}, {1} {1|journalrad|journalrader} og {2} {2|annen rad|andre rader} fra {3} "
                    + "til {4} på {5} s; hver tabell er lik på begge sider.")
        case .checked:
            return ("check on {0}: no problems found.", "kontroll av {0}: ingen feil funnet.")
        case .checkFailed:
            return ("check on {0} found {1} {1|problem|problems}:", "kontroll av {0} fant {1} {1|feil|feil}:")
        }
    }

    var text: String { Localizer.process(self) }
    func help(valueName: String) -> ArgumentHelp { ArgumentHelp(Localizer.process(self), valueName: valueName) }
}
