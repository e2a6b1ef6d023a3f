/// What `backorders check` finds wrong in a warehouse (a data file or a PostgreSQL database), one finding per broken
/// rule. The rule names stay English keys (scripts read them); the details are worded in the process's language.
public enum CheckText: String, Catalogued {
    case missingParent, missingShipmentLine, negativeFree, freeWhileWaiting, incomingVsArrivals, arrivalStillOpen, arrivalClosed, manyNotices,
         lineBalance, headerCopy, queueLacks, queueExtra, journalNoLine, lineVsJournal, lineVsNoJournal, stockVsJournal,
         stockVsLines, arrivalVsReceipts, shipmentsVsLines, closedWithOpen, openWithNothing, promisedDate, nothingStored,
         schemaUnrecognized, counterDiffers, arrivalDayDiffers

    public var texts: (en: String, nb: String) {
        switch self {
        case .missingParent: return ("{0} row {1} points to a missing {2} row", "{0}-rad {1} peker på en {2}-rad som mangler")
        case .missingShipmentLine:
            return ("shipment_line (shipment {0}, line {1}) points to a missing {2} row",
                    "shipment_line (forsendelse {0}, linje {1}) peker på en {2}-rad som mangler")
        case .negativeFree: return ("{0}: on hand {1} < allocated {2} + picked {3}", "{0}: på lager {1} < reservert {2} + plukket {3}")
        case .freeWhileWaiting:
            return ("{0}: {1} unit(s) free on the shelf while {2} wait on backorder",
                    "{0}: {1} {1|enhet|enheter} ledig på hyllen mens {2} venter i restordre")
        case .incomingVsArrivals:
            return ("{0}: incoming {1} but open arrivals expect {2}", "{0}: på vei {1}, men åpne ankomster venter {2}")
        case .arrivalStillOpen:
            return ("arrival {0}: received {1} of {2} but still open", "ankomst {0}: mottatt {1} av {2}, men fortsatt åpen")
        case .arrivalClosed: return ("arrival {0}: received {1} of {2} but closed", "ankomst {0}: mottatt {1} av {2}, men avsluttet")
        case .manyNotices: return ("order {0} has {1} pending notices", "ordre {0} har {1} ventende varsler")
        case .lineBalance:
            return ("order {0} line {1}: ordered {2} ≠ allocated {3} + picked {4} + shipped {5} + backordered {6} + cancelled {7}, or a bucket is negative",
                    "ordre {0} linje {1}: bestilt {2} ≠ reservert {3} + plukket {4} + sendt {5} + i restordre {6} + kansellert {7}, "
                    + "eller et av tallene er negativt")
        case .headerCopy:
            return ("order {0} line {1}: its copy of the order's number, priority or date differs from the order",
                    "ordre {0} linje {1}: linjens kopi av ordrens nummer, prioritet eller dato avviker fra ordren")
        case .queueLacks:
            return ("order {0} line {1} ({2}) waits for {3} unit(s) but the waiting queue lacks it or says otherwise",
                    "ordre {0} linje {1} ({2}) venter på {3} {3|enhet|enheter}, men ventekøen mangler den eller sier noe annet")
        case .queueExtra:
            return ("the waiting queue holds order {0} line {1} ({2}) waiting for {3} unit(s), but no order line matches it",
                    "ventekøen har ordre {0} linje {1} ({2}) som venter på {3} {3|enhet|enheter}, men ingen ordrelinje stemmer med den")
        case .journalNoLine:
            return ("movement {0} changes order-line buckets but names no line",
                    "bevegelse {0} endrer tall på en ordrelinje, men oppgir ingen linje")
        case .lineVsJournal:
            return ("order {0} line {1}: counters (o/a/p/s/b/c) {2} but journal sums {3}",
                    "ordre {0} linje {1}: tellere (b/r/p/s/r/k) {2}, men journalen summerer til {3}")
        case .lineVsNoJournal:
            return ("order {0} line {1}: counters (o/a/p/s/b/c) {2} but journal sums nothing (no movement)",
                    "ordre {0} linje {1}: tellere (b/r/p/s/r/k) {2}, men journalen summerer ingenting (ingen bevegelse)")
        case .stockVsJournal: return ("{0}: on hand {1} but the journal sums to {2}", "{0}: på lager {1}, men journalen summerer til {2}")
        case .stockVsLines:
            return ("{0}: item says allocated/picked/backordered {1}, its order lines say {2}",
                    "{0}: varen sier reservert/plukket/i restordre {1}, ordrelinjene sier {2}")
        case .arrivalVsReceipts:
            return ("arrival {0}: received {1}, receipts {2}, journal {3}", "ankomst {0}: mottatt {1}, varemottak {2}, journal {3}")
        case .shipmentsVsLines:
            return ("order {0} line {1}: shipped {2} but its shipments hold {3}", "ordre {0} linje {1}: sendt {2}, men forsendelsene har {3}")
        case .closedWithOpen:
            return ("order {0} is closed but {1} unit(s) are still open", "ordre {0} er avsluttet, men {1} {1|enhet|enheter} er fortsatt åpne")
        case .openWithNothing:
            return ("order {0} has nothing left to ship but is still open", "ordre {0} har ingenting igjen å sende, men er fortsatt åpen")
        case .promisedDate:
            return ("order {0} line {1} ({2}): stored {3}, pegging says {4}", "ordre {0} linje {1} ({2}): lagret {3}, beregningen sier {4}")
        case .nothingStored: return ("nothing", "ingenting")
        case .counterDiffers: return ("kept counter «{0}» holds {1}, the rows count {2}", "lagret teller «{0}» viser {1}, radene teller {2}")
        case .arrivalDayDiffers:
            return ("open arrivals with ETA {0}: kept {1}, the rows count {2}", "åpne ankomster med forventet ankomst {0}: lagret {1}, radene teller {2}")
        case .schemaUnrecognized:
            return ("its journal table is not as backorders wrote it (the kind check differs)",
                    "journaltabellen er ikke slik backorders skrev den (kontrollen av bevegelsestyper avviker)")
        }
    }
}
