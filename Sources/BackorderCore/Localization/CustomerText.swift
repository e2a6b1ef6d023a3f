/// Messages about customers' contact details and about mailing notices.
public enum CustomerText: String, Catalogued {
    case badEmail, badLanguage, unknownCustomer, customerExists
    case added, changed, unchanged, nothingToChange
    case noAddress, sent, failed, wroteFile, changedWhileSending, takenByOther, noFrom, badFrom, summary, summaryDry
    case noPending, badCommand, commandNotFound, sendmailExit, cannotMail
    case codeField, nameField, contactField

    public var texts: (en: String, nb: String) {
        switch self {
        case .badEmail:
            return ("\"{0}\" is not an e-mail address (write it as name@example.no)", "«{0}» er ikke en e-postadresse (skriv den som navn@eksempel.no)")
        case .badLanguage: return ("unknown language \"{0}\": use nb or en (none clears it)", "ukjent språk «{0}»: bruk nb eller en (none fjerner det)")
        case .unknownCustomer: return ("unknown customer {0}", "ukjent kunde {0}")
        case .customerExists: return ("customer {0} exists already", "kunden {0} finnes fra før")
        case .added: return ("added customer {0}", "la til kunden {0}")
        case .changed: return ("{0}: changed {1}", "{0}: endret {1}")
        case .unchanged: return ("{0} already has that", "{0} har det allerede slik")
        case .nothingToChange:
            return ("nothing to change: give --name, --language, --email or --contact",
                    "ingenting å endre: gi --name, --language, --email eller --contact")
        case .noAddress: return ("{0}: {1} ({2}) has no e-mail address; skipped, still pending",
                                 "{0}: {1} ({2}) har ingen e-postadresse; hoppet over, fortsatt ventende")
        case .sent: return ("{0}: sent to {1}", "{0}: sendt til {1}")
        case .failed: return ("{0}: not sent, still pending: {1}", "{0}: ikke sendt, fortsatt ventende: {1}")
        case .wroteFile: return ("{0}: wrote {1}", "{0}: skrev {1}")
        case .changedWhileSending:
            return ("{0}: sent, but the order changed meanwhile; the notice stays pending with the news",
                    "{0}: sendt, men ordren ble endret i mellomtiden; varselet står fortsatt som ventende med det nye")
        case .takenByOther: return ("{0}: already sent or being sent by someone else; skipped", "{0}: allerede sendt eller under sending av en annen; hoppet over")
        case .noFrom:
            return ("no sender address: set BACKORDERS_MAIL_FROM or store one with `backorders notices --set-from \"Name <address>\"`",
                    "ingen avsenderadresse: sett BACKORDERS_MAIL_FROM eller lagre en med `backorders notices --set-from \"Navn <adresse>\"`")
        case .badFrom: return ("the sender \"{0}\" is not an address (write \"Name <name@example.no>\" or name@example.no)",
                               "avsenderen «{0}» er ikke en adresse (skriv «Navn <navn@eksempel.no>» eller navn@eksempel.no)")
        case .summary: return ("{0} sent, {1} skipped, {2} failed", "{0} sendt, {1} hoppet over, {2} feilet")
        case .summaryDry: return ("{0} {0|message|messages} written to {1}, {2} skipped (nothing marked sent)",
                                  "{0} {0|melding|meldinger} skrevet til {1}, {2} hoppet over (ingenting merket som sendt)")
        case .noPending: return ("no pending notices", "ingen ventende varsler")
        case .badCommand: return ("the mail command is empty (BACKORDERS_SENDMAIL)", "e-postkommandoen er tom (BACKORDERS_SENDMAIL)")
        case .commandNotFound: return ("the mail command {0} was not found", "e-postkommandoen {0} finnes ikke")
        case .codeField: return ("customer code", "kundekode")
        case .nameField: return ("customer name", "kundenavn")
        case .contactField: return ("contact name", "kontaktperson")
        case .cannotMail: return ("this data source cannot send mail", "denne datakilden kan ikke sende e-post")
        case .sendmailExit: return ("{0} exited with status {1}: {2}", "{0} avsluttet med status {1}: {2}")
        }
    }
}
