import BackorderCore

/// The words of the clerk's dialogs: pick, ship, receipt, ETA change, new arrival, purchase and supplier.
enum DialogText: String, Catalogued {
    // Buttons
    case btnMissing, btnLater, btnCancel, btnPick, btnShipAnyway, btnShip, btnBookReceipt, btnChangeETA, btnAddArrival
    case btnPlaceOrder, btnKeepAsIs, btnMarkAllSent, btnCreateArrivals, btnClose, btnOK
    // Pick
    case lineName, pickTitle, pickAllocated, pickHowMany, shortTitle, shortTook, shortYes, shortNo
    case pickConfirmIntro, pickConfirmLine, pickConfirmMissing, pickConfirmStays, pickConfirmTitle
    // Ship
    case shipNow, shipLine, shipNothingBehind, shipStaysOpen, shipCompleteOverride, shipTitle
    case staysLine, staysAllocated, staysBackordered, promisedNone, promisedLate, promised
    // Receipt
    case receiveTitle, receiveWhich, receiveOnTitle, receiveArrival, receivedQuantity, unplannedTitle, unplannedItem
    case bookOnArrival, moreThanExpected, fullyReceived, stayExpected, bookUnplanned, unitsGo, receiveConfirmTitle
    // ETA
    case etaTitle, etaNow, etaNew, etaMove, etaReason, etaMoveArrival, etaReasonShown, etaConfirmTitle
    // New arrival
    case arrivalTitle, fieldSupplier, fieldPONumber, fieldPOLine, fieldSKU, fieldQuantity, fieldETA
    case arrivalConfirmTitle, arrivalConfirmEnter, sumSupplier, sumPOLine, sumPO, sumSKU, sumQuantity, sumETA
    // Notices
    case markAllTitle, markAllCount, markAllFrozen
    // Purchase and supplier
    case purchaseFrom, purchaseFromNoLead, purchaseNoSupplier, purchaseNothingSet, purchaseTitle, purchaseItem
    case purchaseSuggested, purchaseAnyway, purchaseSupplierTitle, purchaseToBuy, purchaseNoDefault
    case purchaseETATitle, purchaseToBuyFrom, purchaseNoLead, supplierTitle, supplierPrompt, leadTitle, leadFrom
    case noSupplier, leadPrompt, newPO, poLine, purchaseEnter, purchaseConfirmTitle
    // Preview
    case noDateMoves

    var texts: (en: String, nb: String) {
        switch self {
        case .btnMissing: return ("Missing", "Mangler")
        case .btnLater: return ("Later", "Senere")
        case .btnCancel: return ("Cancel", "Avbryt")
        case .btnPick: return ("Pick", "Plukk")
        case .btnShipAnyway: return ("Ship partially anyway", "Send delvis likevel")
        case .btnShip: return ("Ship", "Send")
        case .btnBookReceipt: return ("Book receipt", "Bokfør mottak")
        case .btnChangeETA: return ("Change ETA", "Endre dato")
        case .btnAddArrival: return ("Add arrival", "Legg til ankomst")
        case .btnPlaceOrder: return ("Place the order", "Legg inn ordren")
        case .btnKeepAsIs: return ("Keep as is", "La være")
        case .btnMarkAllSent: return ("Mark all sent", "Merk alle sendt")
        case .btnCreateArrivals: return ("Create arrivals", "Opprett ankomster")
        case .btnClose: return ("Close", "Lukk")
        case .btnOK: return ("OK", "OK")

        case .lineName: return ("line {0} {1} {2}", "linje {0} {1} {2}")
        case .pickTitle: return ("Pick {0} — line {1} of {2}", "Plukk {0} — linje {1} av {2}")
        case .pickAllocated: return ("{0}: {1} allocated.", "{0}: {1} reservert.")
        case .pickHowMany:
            return ("How many did you take from the shelf? Enter takes all {0}. Fewer is a short pick: you are asked about the rest.",
                    "Hvor mange tok du fra hylla? Enter tar alle {0}. Færre er kortplukk: du blir spurt om resten.")
        case .shortTitle: return ("Short pick? {0} line {1}", "Kortplukk? {0} linje {1}")
        case .shortTook: return ("You took {0} of the {1} allocated {2}.", "Du tok {0} av {1} reserverte {2}.")
        case .shortYes:
            return ("{1}: the other {0} are missing from the shelf. They go back on backorder and the stock on hand is corrected by -{0}.",
                    "{1}: de andre {0} mangler i hylla. De går tilbake i restordre, og lagerbeholdningen korrigeres med -{0}.")
        case .shortNo: return ("{0}: they are there; they stay allocated to pick later.",
                               "{0}: de er der; de blir stående reservert til senere plukk.")
        case .pickConfirmIntro: return ("This is what will be booked on {0}:", "Dette blir bokført på {0}:")
        case .pickConfirmLine: return ("• line {0} {1}: pick {2}", "• linje {0} {1}: plukk {2}")
        case .pickConfirmMissing: return (", {0} missing (back on backorder, stock corrected)",
                                          ", {0} mangler (tilbake i restordre, beholdningen korrigert)")
        case .pickConfirmStays: return (", {0} stay allocated", ", {0} forblir reservert")
        case .pickConfirmTitle: return ("Confirm pick", "Bekreft plukk")

        case .shipNow: return ("Ships now (everything picked):", "Sendes nå (alt som er plukket):")
        case .shipLine: return ("• {0} × {1} {2} (line {3})", "• {0} × {1} {2} (linje {3})")
        case .shipNothingBehind: return ("Nothing stays behind: the order will be complete and closed.",
                                         "Ingenting blir igjen: ordren er komplett og lukkes.")
        case .shipStaysOpen: return ("Stays open (a partial shipment):", "Blir stående åpent (delforsendelse):")
        case .shipCompleteOverride:
            return ("This order is ship-complete and {0} unit(s) would stay behind: {1} ships partially anyway (an override, recorded on the shipment).",
                    "Ordren skal sendes komplett, og {0} {0|enhet|enheter} ville bli igjen: {1} sender delvis likevel (et unntak, notert på forsendelsen).")
        case .shipTitle: return ("Ship {0} to {1}", "Send {0} til {1}")
        case .staysLine: return ("line {0} {1}: {2}", "linje {0} {1}: {2}")
        case .staysAllocated: return ("{0} allocated (pick later)", "{0} reservert (plukkes senere)")
        case .staysBackordered: return ("{0} backordered, {1}", "{0} i restordre, {1}")
        case .promisedNone: return ("no arrival planned", "ingen ankomst planlagt")
        case .promisedLate: return ("promised {0} (late)", "lovet {0} (forsinket)")
        case .promised: return ("promised {0}", "lovet {0}")

        case .receiveTitle: return ("Receive", "Varemottak")
        case .receiveWhich:
            return ("Which expected arrival? Type it as PO/line (e.g. PO-7001/1), or a SKU to book an unplanned receipt.",
                    "Hvilken forventet ankomst? Skriv innkjøp/linje (f.eks. PO-7001/1), eller et varenummer for uanmeldt mottak.")
        case .receiveOnTitle: return ("Receive on {0}", "Mottak på {0}")
        case .receiveArrival: return ("{0} from {1}: {2} × {3} expected {4}, {5} received, {6} outstanding.",
                                      "{0} fra {1}: {2} × {3} forventet {4}, {5} mottatt, {6} utestående.")
        case .receivedQuantity: return ("Received quantity:", "Mottatt antall:")
        case .unplannedTitle: return ("Unplanned receipt of {0}", "Uanmeldt mottak av {0}")
        case .unplannedItem: return ("{0} {1}: {2} on hand, {3} waiting on backorder. No arrival announced these units.",
                                     "{0} {1}: {2} på lager, {3} venter i restordre. Ingen ankomst varslet disse enhetene.")
        case .bookOnArrival: return ("Book {0} × {1} received on {2}.", "Bokfør {0} × {1} mottatt på {2}.")
        case .moreThanExpected: return ("That is {0} more than expected; the arrival closes.",
                                        "Det er {0} mer enn forventet; ankomsten lukkes.")
        case .fullyReceived: return ("The arrival is then fully received and closes.", "Ankomsten er da fullt mottatt og lukkes.")
        case .stayExpected: return ("{0} stay expected on the arrival.", "{0} er fortsatt forventet på ankomsten.")
        case .bookUnplanned: return ("Book {0} × {1} as an unplanned receipt.", "Bokfør {0} × {1} som uanmeldt mottak.")
        case .unitsGo: return ("The units go to waiting backorder lines by priority, then order date:",
                               "Enhetene går til ventende restordrelinjer etter prioritet, så ordredato:")
        case .receiveConfirmTitle: return ("Confirm receipt", "Bekreft mottak")

        case .etaTitle: return ("ETA of {0}", "Ankomstdato for {0}")
        case .etaNow: return ("{0} × {1} from {2}, now expected {3}.", "{0} × {1} fra {2}, nå forventet {3}.")
        case .etaNew: return ("New ETA (YYYY-MM-DD, +N days, -N, today):", "Ny ankomstdato (dd.mm.åååå, +N dager, -N, i dag):")
        case .etaMove: return ("Move from {0} to {1}.", "Flytt fra {0} til {1}.")
        case .etaReason: return ("Reason (optional, kept in the history):", "Årsak (valgfritt, lagres i historikken):")
        case .etaMoveArrival: return ("Move {0} from {1} to {2}.", "Flytt {0} fra {1} til {2}.")
        case .etaReasonShown: return ("Reason: {0}", "Årsak: {0}")
        case .etaConfirmTitle: return ("Confirm ETA change", "Bekreft ny ankomstdato")

        case .arrivalTitle: return ("Add arrival — {0} of {1}", "Ny ankomst — {0} av {1}")
        case .fieldSupplier: return ("Supplier", "Leverandør")
        case .fieldPONumber: return ("Purchase order number", "Innkjøpsordrenummer")
        case .fieldPOLine: return ("PO line number", "Linjenummer i innkjøpet")
        case .fieldSKU: return ("SKU", "Varenummer")
        case .fieldQuantity: return ("Expected quantity", "Forventet antall")
        case .fieldETA: return ("ETA (YYYY-MM-DD, +N days, or today)", "Forventet ankomst (dd.mm.åååå, +N dager eller i dag)")
        case .arrivalConfirmTitle: return ("Confirm new arrival", "Bekreft ny ankomst")
        case .arrivalConfirmEnter: return ("Enter adds it; its units are promised to waiting orders by ETA.",
                                           "Enter legger den til; enhetene loves til ventende ordrer etter ankomstdato.")
        case .sumSupplier: return ("Supplier: {0}", "Leverandør: {0}")
        case .sumPOLine: return ("PO/line: {0}/{1}", "Innkjøp/linje: {0}/{1}")
        case .sumPO: return ("PO: {0}", "Innkjøp: {0}")
        case .sumSKU: return ("SKU: {0}", "Varenr.: {0}")
        case .sumQuantity: return ("Quantity: {0}", "Antall: {0}")
        case .sumETA: return ("ETA: {0}", "Ankomst: {0}")

        case .markAllTitle: return ("Mark all notices sent?", "Merke alle varsler som sendt?")
        case .markAllCount: return ("{0} pending notice(s) will be marked sent, as if each customer had been told.",
                                    "{0} {0|ventende varsel|ventende varsler} merkes som sendt, som om hver kunde var varslet.")
        case .markAllFrozen: return ("Their texts are frozen as they are now; new events start new notices.",
                                     "Tekstene låses slik de er nå; nye hendelser gir nye varsler.")

        case .purchaseFrom: return ("From {0}, ETA {1} ({2} days).", "Fra {0}, ankomst {1} ({2} dager).")
        case .purchaseFromNoLead: return ("From {0}; no lead time: the ETA is asked next.",
                                          "Fra {0}; ingen leveringstid: ankomstdato spørres om etterpå.")
        case .purchaseNoSupplier: return ("No supplier set: asked next. ETA {0}.", "Ingen leverandør satt: spørres om etterpå. Ankomst {0}.")
        case .purchaseNothingSet: return ("No supplier or lead time set: both are asked next.",
                                          "Verken leverandør eller leveringstid satt: begge spørres om etterpå.")
        case .purchaseTitle: return ("Purchase — item {0} of {1}", "Innkjøp — vare {0} av {1}")
        case .purchaseItem: return ("{0} {1}: {2} uncovered, {3} backordered.", "{0} {1}: {2} udekket, {3} i restordre.")
        case .purchaseSuggested: return ("Quantity (suggested {0}: MOQ {1}, packs of {2}):", "Antall (forslag {0}: min. {1}, pakker à {2}):")
        case .purchaseAnyway: return ("Nothing is uncovered. Quantity to buy anyway:", "Ingenting er udekket. Antall å kjøpe likevel:")
        case .purchaseSupplierTitle: return ("Purchase {0} — supplier", "Innkjøp {0} — leverandør")
        case .purchaseToBuy: return ("{0} {1}: {2} to buy.", "{0} {1}: {2} skal kjøpes.")
        case .purchaseNoDefault: return ("No default supplier. Buy it from:", "Ingen fast leverandør. Kjøp fra:")
        case .purchaseETATitle: return ("Purchase {0} — ETA", "Innkjøp {0} — ankomst")
        case .purchaseToBuyFrom: return ("{0} {1}: {2} from {3}.", "{0} {1}: {2} fra {3}.")
        case .purchaseNoLead: return ("No lead time. Expected (YYYY-MM-DD, +N days):", "Ingen leveringstid. Forventet (dd.mm.åååå, +N dager):")
        case .supplierTitle: return ("Supplier of {0}", "Leverandør for {0}")
        case .supplierPrompt: return ("Default supplier (purchases go to it; empty: none):", "Fast leverandør (innkjøp går dit; tomt: ingen):")
        case .leadTitle: return ("Lead time of {0}", "Leveringstid for {0}")
        case .leadFrom: return ("{0} {1}, from {2}.", "{0} {1}, fra {2}.")
        case .noSupplier: return ("no supplier", "ingen leverandør")
        case .leadPrompt: return ("Days from ordering to arrival (a purchase's ETA is today + this; empty: none):",
                                  "Dager fra bestilling til ankomst (ankomstdato blir i dag + dette; tomt: ingen):")
        case .newPO: return ("New PO to {0}:", "Ny innkjøpsordre til {0}:")
        case .poLine: return ("• {0} × {1}, ETA {2}", "• {0} × {1}, ankomst {2}")
        case .purchaseEnter: return ("Enter creates them; waiting lines get their dates at once.",
                                     "Enter oppretter dem; ventende linjer får datoene sine med en gang.")
        case .purchaseConfirmTitle: return ("Confirm purchase", "Bekreft innkjøp")

        case .noDateMoves: return ("No promised date moves.", "Ingen lovet dato flyttes.")
        }
    }
}
