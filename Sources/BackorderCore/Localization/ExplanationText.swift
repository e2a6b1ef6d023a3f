/// What an exception, a purchase or a new order did or would do, and why a waiting line has its promised date:
/// the texts of the confirmation dialogs, `backorders why` and the purchase preview.
public enum ConsequenceText: String, Catalogued {
    case lineChange, moreLines, datesMove, dateMove, noArrivalPlanned, nowWaits, closes, noticeTo, andMore, moreDates,
         orderCustomer
    case ordered, allocated, picked, shipped, backordered, cancelled, bucketChange, unchanged
    case poTo, poLine, noDateMoves
    case fromStock, fromStockAnd, onBackorder, promisedOn, promisedBy

    public var texts: (en: String, nb: String) {
        switch self {
        case .lineChange: return ("• {0}/{1} {2} ({3}): {4}", "• {0}/{1} {2} ({3}): {4}")
        case .moreLines: return ("• … and {0} more line(s)", "• … og {0} {0|linje|linjer} til")
        case .datesMove: return ("Promised dates that move:", "Lovede datoer som flyttes:")
        case .dateMove: return ("• {0}/{1} {2}: {3} → {4}", "• {0}/{1} {2}: {3} → {4}")
        case .noArrivalPlanned: return ("no arrival planned", "ingen ankomst planlagt")
        case .nowWaits: return ("• {0}/{1} {2} now waits, promised {3}", "• {0}/{1} {2} venter nå, lovet {3}")
        case .closes: return ("Closes: {0}", "Avsluttes: {0}")
        case .noticeTo: return ("Notice to: {0}", "Varsel til: {0}")
        case .andMore: return ("{0} and {1} more", "{0} og {1} til")
        case .moreDates: return ("• … and {0} more", "• … og {0} til")
        case .orderCustomer: return ("{0} ({1})", "{0} ({1})")
        case .ordered: return ("ordered", "bestilt")
        case .allocated: return ("allocated", "reservert")
        case .picked: return ("picked", "plukket")
        case .shipped: return ("shipped", "sendt")
        case .backordered: return ("backordered", "i restordre")
        case .cancelled: return ("cancelled", "kansellert")
        case .bucketChange: return ("{0} {1} → {2}", "{0} {1} → {2}")
        case .unchanged: return ("unchanged", "uendret")
        case .poTo: return ("{0} to {1}:", "{0} til {1}:")
        case .poLine: return ("• line {0}: {1} × {2}, ETA {3}", "• linje {0}: {1} × {2}, forventet {3}")
        case .noDateMoves:
            return ("No promised date moves: no waiting line was short of these units.",
                    "Ingen lovet dato flyttes: ingen ventende linje manglet disse enhetene.")
        case .fromStock: return ("{0} from stock", "{0} fra lager")
        case .fromStockAnd: return ("{0} from stock, ", "{0} fra lager, ")
        case .onBackorder: return ("{0} on backorder, {1}", "{0} i restordre, {1}")
        case .promisedOn: return ("promised {0}", "lovet {0}")
        case .promisedBy: return ("promised {0} ({1})", "lovet {0} ({1})")
        }
    }
}

/// "Why this date": a waiting line's place in the queue, the arrivals that cover it and what would bring it forward.
public enum ExplanationText: String, Catalogued {
    case heading, headingNamed, promised, promisedLate, noArrivalNone, noArrivalPart, place, nothingAhead, aheadOf, aheadLine,
         aheadLineNamed, aheadMore, noArrivals, arrivalsHeading, toLinesAhead, toThisLine, leftAfter, arrival, arrivalLate,
         earlierHeading, priorityOne, priorityOneSame, stillNoArrival, alreadyPriorityOne, arrivingToday, wasDue, moreOnOrder,
         moreOnOrderAhead, donorsFill, donorsPart, donorLine, donorLineNamed, noDonors, nothingElse

    public var texts: (en: String, nb: String) {
        switch self {
        case .heading:
            return ("{0} line {1}: {2} × {3} waiting · priority {4} · ordered {5}",
                    "{0} linje {1}: {2} × {3} venter · prioritet {4} · bestilt {5}")
        case .headingNamed:
            return ("{0} line {1}: {2} × {3} {6} waiting · priority {4} · ordered {5}",
                    "{0} linje {1}: {2} × {3} {6} venter · prioritet {4} · bestilt {5}")
        case .promised: return ("Promised {0}: {1} covers its last unit.", "Lovet {0}: {1} dekker den siste enheten.")
        case .promisedLate: return ("Promised {0} (late): {1} covers its last unit.", "Lovet {0} (forsinket): {1} dekker den siste enheten.")
        case .noArrivalNone:
            return ("No arrival planned: none of its {0} unit(s) is covered by an open arrival.",
                    "Ingen ankomst planlagt: ingen åpen ankomst dekker linjens {0} {0|enhet|enheter}.")
        case .noArrivalPart:
            return ("No arrival planned: {0} of its {1} unit(s) are not covered by an open arrival ({2} are).",
                    "Ingen ankomst planlagt: {0} av linjens {1} {1|enhet|enheter} er ikke dekket av en åpen ankomst ({2} er det).")
        case .place:
            return ("Place in the queue of {0}: {1} of {2} (served by priority, then order date, order number, line).",
                    "Plass i køen for {0}: {1} av {2} (betjenes etter prioritet, så ordredato, ordrenummer, linje).")
        case .nothingAhead:
            return ("Nothing waits ahead of it: it gets the next units of {0}.",
                    "Ingenting venter foran: linjen får de neste enhetene av {0}.")
        case .aheadOf: return ("Ahead of it: {0} unit(s) on {1} line(s):", "Foran i køen: {0} {0|enhet|enheter} på {1} {1|linje|linjer}:")
        case .aheadLine: return ("  • {0}/{1}: {2}, priority {3}, ordered {4}", "  • {0}/{1}: {2}, prioritet {3}, bestilt {4}")
        case .aheadLineNamed: return ("  • {0}/{1} {5}: {2}, priority {3}, ordered {4}", "  • {0}/{1} {5}: {2}, prioritet {3}, bestilt {4}")
        case .aheadMore:
            return ("  • … and {0} more line(s), {1} unit(s)", "  • … og {0} {0|linje|linjer} til, {1} {1|enhet|enheter}")
        case .noArrivals: return ("No open arrival of {0}.", "Ingen åpen ankomst av {0}.")
        case .arrivalsHeading: return ("Open arrivals of {0}, by ETA:", "Åpne ankomster av {0}, etter forventet dato:")
        case .toLinesAhead: return ("{0} to lines ahead", "{0} til linjer foran")
        case .toThisLine: return ("{0} to this line", "{0} til denne linjen")
        case .leftAfter: return ("{0} left after it", "{0} til overs etter den")
        case .arrival:
            return ("  • {0} {1}, ETA {2}: {3} outstanding — {4}", "  • {0} {1}, forventet {2}: {3} utestående — {4}")
        case .arrivalLate:
            return ("  • {0} {1}, ETA {2} (late): {3} outstanding — {4}", "  • {0} {1}, forventet {2} (forsinket): {3} utestående — {4}")
        case .earlierHeading: return ("What would make it earlier:", "Dette ville gi en tidligere dato:")
        case .priorityOne:
            return ("  • Priority 1 (now {0}): {1}, {2} unit(s) ahead — key P, or backorders order set {3} --priority 1",
                    "  • Prioritet 1 (nå {0}): {1}, {2} {2|enhet|enheter} foran — tast P, eller backorders order set {3} --priority 1")
        case .priorityOneSame:
            return ("  • Priority 1 (now {0}): {1}, {2} unit(s) ahead (the same date) — key P, or backorders order set {3} --priority 1",
                    "  • Prioritet 1 (nå {0}): {1}, {2} {2|enhet|enheter} foran (samme dato) — tast P, eller backorders order set {3} --priority 1")
        case .stillNoArrival: return ("still no arrival planned", "fortsatt ingen ankomst planlagt")
        case .alreadyPriorityOne:
            return ("  • It is priority 1 already: only older priority-1 orders are ahead of it.",
                    "  • Den har allerede prioritet 1: bare eldre ordrer med prioritet 1 ligger foran.")
        case .arrivingToday:
            return ("  • {0} arriving today instead of {1}: {2} — ask the supplier",
                    "  • {0} fremme i dag i stedet for {1}: {2} — spør leverandøren")
        case .wasDue:
            return ("  • {0} was due {1}: chase the supplier, or receive it", "  • {0} skulle kommet {1}: purr på leverandøren, eller motta den")
        case .moreOnOrder:
            return ("  • {0} more unit(s) on order would give it a date — P in the shortage report, or backorders purchase {1}={0}",
                    "  • {0} {0|enhet|enheter} til i bestilling ville gi den en dato — P i mangelrapporten, eller backorders purchase {1}={0}")
        case .moreOnOrderAhead:
            return ("  • {0} more unit(s) on order would give it a date ({2} of them for the lines ahead) — P in the shortage report, or backorders purchase {1}={0}",
                    "  • {0} {0|enhet|enheter} til i bestilling ville gi den en dato ({2} av dem til linjene foran) — P i mangelrapporten, "
                    + "eller backorders purchase {1}={0}")
        case .donorsFill:
            return ("  • Stock from other orders: fills it now — key t, or backorders reallocate {0} --line {1}",
                    "  • Varer fra andre ordrer: dekker den nå — tast t, eller backorders reallocate {0} --line {1}")
        case .donorsPart:
            return ("  • Stock from other orders: {2} of {3} unit(s) now — key t, or backorders reallocate {0} --line {1}",
                    "  • Varer fra andre ordrer: {2} av {3} {3|enhet|enheter} nå — tast t, eller backorders reallocate {0} --line {1}")
        case .donorLine:
            return ("      {0}/{1}, priority {2}: gives {3} of {4} allocated", "      {0}/{1}, prioritet {2}: gir {3} av {4} reservert")
        case .donorLineNamed:
            return ("      {0}/{1} {5}, priority {2}: gives {3} of {4} allocated", "      {0}/{1} {5}, prioritet {2}: gir {3} av {4} reservert")
        case .noDonors:
            return ("  • No other open order holds allocated units of {0} to give.",
                    "  • Ingen annen åpen ordre har reserverte enheter av {0} å gi.")
        case .nothingElse:
            return ("  • Nothing else: it is first in line for the first arrival.",
                    "  • Ingenting annet: den står først i køen til den første ankomsten.")
        }
    }
}
