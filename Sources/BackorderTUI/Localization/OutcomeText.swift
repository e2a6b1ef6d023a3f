import BackorderCore

/// What an action did, as its result dialog and the message line say it, and an arrival's history.
public enum OutcomeText: String, Catalogued {
    case pickedTitle, pickedLine, missingLine, reallocatedLine, nextShip, pickedSummary, pickedMissing
    case shippedTitle, shipmentFor, shipmentLine, nothingStays, staysOpen, shippedSummary
    case orderPlacedTitle, orderPlaced, orderLine, orderLineBackorder, promised, promisedLate, noArrivalPlanned, orderPlacedSummary
    case doneTitle
    case receivedTitle, receiptLine, receiptOn, receiptUnplanned, receiptArrivalClosed, overReceived, noOrderWaiting, wentTo
    case allocationLine, lineFilled, stillWaiting, leftFree, receivedSummary
    case arrivalAddedTitle, arrivalAddedLine, arrivalAddedSummary
    case etaChangedTitle, etaNow, oldDateStays, etaSummary
    case itemChangedTitle, itemNothingChanged, itemChanged, itemChangedSummary
    case purchasedTitle, purchasedSummary
    case noticesTitle, noticesLine, noticesSummary
    case staysAllocated, staysBackordered, staysLine
    case arrivalFrom, arrivalQuantities, arrivalIsClosed, etaNeverChanged, etaHistory

    public var texts: (en: String, nb: String) {
        switch self {
        case .pickedTitle: return ("Picked", "Plukket")
        case .pickedLine: return ("Picked {0} {0|unit|units} on {1}.", "Plukket {0} {0|enhet|enheter} på {1}.")
        case .missingLine:
            return ("{0} {0|unit was|units were} missing from the shelf: they are back on backorder and the stock is corrected.",
                    "{0} {0|enhet|enheter} manglet på hylla: de er tilbake i restordre, og lagerbeholdningen er rettet.")
        case .reallocatedLine: return ("Book stock allocated: {0} to {1} line {2}.", "Lagerbeholdning reservert: {0} til {1} linje {2}.")
        case .nextShip: return ("Next: s ships what is picked.", "Neste: s sender det som er plukket.")
        case .pickedSummary: return ("Picked {0} on {1}", "Plukket {0} på {1}")
        case .pickedMissing: return (", {0} missing", ", {0} mangler")
        case .shippedTitle: return ("Shipped {0}", "Sendt {0}")
        case .shipmentFor: return ("Shipment {0} for {1}:", "Forsendelse {0} for {1}:")
        case .shipmentLine: return ("• {0} × {1} (line {2})", "• {0} × {1} (linje {2})")
        case .nothingStays:
            return ("Nothing stays behind: the order is complete and closed.", "Ingenting står igjen: ordren er komplett og avsluttet.")
        case .staysOpen: return ("Stays open:", "Står igjen:")
        case .shippedSummary: return ("Shipment {0} shipped: {1} {1|unit|units} of {2}", "Forsendelse {0} sendt: {1} {1|enhet|enheter} av {2}")
        case .orderPlacedTitle: return ("Order placed", "Ordre registrert")
        case .orderPlaced: return ("Order {0} for {1} is placed.", "Ordre {0} for {1} er registrert.")
        case .orderLine: return ("• {0} {1} × {2}: {3} from stock", "• {0} {1} × {2}: {3} fra lager")
        case .orderLineBackorder: return (", {0} on backorder, {1}", ", {0} i restordre, {1}")
        case .promised: return ("promised {0}", "lovet {0}")
        case .promisedLate: return ("promised {0} (late)", "lovet {0} (forsinket)")
        case .noArrivalPlanned: return ("no arrival planned", "ingen ankomst planlagt")
        case .orderPlacedSummary: return ("Order {0} placed", "Ordre {0} registrert")
        case .doneTitle: return ("Done", "Utført")
        case .receivedTitle: return ("Received {0}", "Mottatt {0}")
        case .receiptLine: return ("Receipt {0}: {1} × {2}", "Mottak {0}: {1} × {2}")
        case .receiptOn: return (" on {0}", " på {0}")
        case .receiptUnplanned: return (" (unplanned)", " (uplanlagt)")
        case .receiptArrivalClosed: return (", arrival closed.", ", ankomsten er avsluttet.")
        case .overReceived:
            return ("{0} {0|unit|units} more than the arrival expected.", "{0} {0|enhet|enheter} mer enn ankomsten ventet.")
        case .noOrderWaiting: return ("No order was waiting for {0}.", "Ingen ordre ventet på {0}.")
        case .wentTo: return ("Went to waiting orders:", "Gikk til ventende ordrer:")
        case .allocationLine: return ("• {0} → {1} line {2}", "• {0} → {1} linje {2}")
        case .lineFilled: return (" (line filled)", " (linjen er fylt)")
        case .stillWaiting: return (" (still waiting for more)", " (venter fortsatt på mer)")
        case .leftFree: return ("{0} {0|unit|units} left free on the shelf.", "{0} {0|enhet|enheter} ligger ledig på hylla.")
        case .receivedSummary:
            return ("Receipt {0}: {1} × {2}, to {3} {3|order|orders}", "Mottak {0}: {1} × {2}, til {3} {3|ordre|ordrer}")
        case .arrivalAddedTitle: return ("Arrival added", "Ankomst lagt inn")
        case .arrivalAddedLine: return ("{0} from {1}: {2} × {3} expected {4}.", "{0} fra {1}: {2} × {3} ventet {4}.")
        case .arrivalAddedSummary: return ("Arrival {0} added", "Ankomst {0} lagt inn")
        case .etaChangedTitle: return ("ETA changed", "Ankomstdato endret")
        case .etaNow: return ("{0} is now expected {1}.", "{0} er nå ventet {1}.")
        case .oldDateStays: return ("The old date stays in its history.", "Den gamle datoen blir stående i historikken.")
        case .etaSummary: return ("{0} now expected {1}", "{0} nå ventet {1}")
        case .itemChangedTitle: return ("Item changed", "Vare endret")
        case .itemNothingChanged: return ("{0}: nothing changed", "{0}: ingenting endret")
        case .itemChanged: return ("{0}: {1} changed", "{0}: {1} endret")
        case .itemChangedSummary: return ("{0} changed", "{0} endret")
        case .purchasedTitle: return ("Purchased", "Kjøpt inn")
        case .purchasedSummary: return ("Purchase: {0}", "Innkjøp: {0}")
        case .noticesTitle: return ("Notices marked sent", "Varsler merket sendt")
        case .noticesLine: return ("{0} {0|notice|notices} marked sent: {1}.", "{0} {0|varsel|varsler} merket sendt: {1}.")
        case .noticesSummary: return ("{0} {0|notice|notices} marked sent", "{0} {0|varsel|varsler} merket sendt")
        case .staysAllocated: return ("{0} allocated (pick later)", "{0} reservert (plukkes senere)")
        case .staysBackordered: return ("{0} backordered, {1}", "{0} i restordre, {1}")
        case .staysLine: return ("line {0} {1}: {2}", "linje {0} {1}: {2}")
        case .arrivalFrom: return ("{0} from {1}", "{0} fra {1}")
        case .arrivalQuantities:
            return ("{0} × {1} expected {2}, {3} received, {4} outstanding", "{0} × {1} ventet {2}, {3} mottatt, {4} utestående")
        case .arrivalIsClosed: return (" (closed)", " (avsluttet)")
        case .etaNeverChanged: return ("The ETA was never changed.", "Ankomstdatoen er aldri endret.")
        case .etaHistory: return ("ETA history:", "Datohistorikk:")
        }
    }
}
