import BackorderCore

/// The `notices` and `customer` commands' help and output.
enum NoticesCommandText: String, Catalogued {
    case abstract, discussion, all, order, markSent, markSentAll, limit, offset, send, dryRun, setFrom
    case eitherMark, sendAlone, pageOrMark, noNotices, noPending, header, sentBy, pendingSince, marked, shown, shownRange, pastLast

    var texts: (en: String, nb: String) {
        switch self {
        case .abstract:
            return ("Customer notices to send: what shipped, what is outstanding, and when it is expected.",
                    "Kundevarsler som skal sendes: hva som er sendt, hva som gjenstår, og når det ventes.")
        case .discussion:
            return ("""
                Without options, lists the pending notices, oldest first: at most --limit of them (1000) from --offset; when more \
                exist, stderr says how many. --mark-sent ORDER (or --mark-sent-all) marks them sent and freezes their text.
                --send mails each pending notice (or --order's) in the customer's language through `sendmail -t` \
                ($BACKORDERS_SENDMAIL, default /usr/sbin/sendmail -t -i) from $BACKORDERS_MAIL_FROM or the address stored with \
                --set-from; a notice is marked sent only when sendmail accepted it. --dry-run DIR writes .eml files instead.
                """, """
                Uten valg vises de ventende varslene, eldste først: høyst --limit av dem (1000) fra --offset; finnes det flere, \
                sier stderr hvor mange. --mark-sent ORDRE (eller --mark-sent-all) merker dem som sendt og fryser teksten.
                --send sender hvert ventende varsel (eller --order sitt) på kundens språk gjennom `sendmail -t` \
                ($BACKORDERS_SENDMAIL, ellers /usr/sbin/sendmail -t -i) fra $BACKORDERS_MAIL_FROM eller adressen lagret med \
                --set-from; et varsel merkes som sendt først når sendmail har tatt imot det. --dry-run MAPPE skriver .eml-filer i stedet.
                """)
        case .all: return ("Include notices already sent.", "Ta med varsler som allerede er sendt.")
        case .order: return ("Only this order.", "Bare denne ordren.")
        case .markSent: return ("Mark this order's pending notice sent.", "Merk denne ordrens ventende varsel som sendt.")
        case .markSentAll: return ("Mark every pending notice sent.", "Merk alle ventende varsler som sendt.")
        case .limit: return ("How many notices at most (default 1000).", "Høyst så mange varsler (standard 1000).")
        case .offset: return ("Skip this many notices first.", "Hopp over så mange varsler først.")
        case .send:
            return ("E-mail each pending notice to its customer through sendmail -t; mark it sent when accepted.",
                    "Send hvert ventende varsel på e-post til kunden gjennom sendmail -t; merk det som sendt når det er tatt imot.")
        case .dryRun:
            return ("Write the e-mails as .eml files to this folder instead; mark nothing.",
                    "Skriv e-postene som .eml-filer i denne mappen i stedet; ingenting merkes.")
        case .setFrom: return ("Store the sender of notice mail (\"\" removes it).", "Lagre avsenderen av varsel-e-post (\"\" fjerner den).")
        case .eitherMark: return ("use either --mark-sent ORDER or --mark-sent-all", "bruk enten --mark-sent ORDRE eller --mark-sent-all")
        case .sendAlone:
            return ("--send and --dry-run mail every pending notice (or --order's); they take no other option",
                    "--send og --dry-run sender alle ventende varsler (eller --order sitt); de tar ingen andre valg")
        case .pageOrMark:
            return ("--limit and --offset page the list; --mark-sent and --mark-sent-all mark every pending notice they name",
                    "--limit og --offset blar i listen; --mark-sent og --mark-sent-all merker alle ventende varsler de gjelder")
        case .noNotices: return ("no notices", "ingen varsler")
        case .noPending: return ("no pending notices", "ingen ventende varsler")
        case .header: return ("── {0} to {1} ({2}) — {3}", "── {0} til {1} ({2}) — {3}")
        case .sentBy: return (" — sent {0} by {1}", " — sendt {0} av {1}")
        case .pendingSince: return (" — pending since {0}", " — ventende siden {0}")
        case .marked: return ("marked {0} notice(s) sent", "merket {0} {0|varsel|varsler} som sendt")
        case .shown: return ("showing {0} of {1} notices{2}; use --offset/--limit for the others",
                             "viser {0} av {1} varsler{2}; bruk --offset/--limit for resten")
        case .shownRange: return (" ({0}–{1})", " ({0}–{1})")
        case .pastLast: return (" (--offset {0} is past the last)", " (--offset {0} er forbi det siste)")
        }
    }
}
