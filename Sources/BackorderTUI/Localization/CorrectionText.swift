import BackorderCore

/// The words of the exception dialogs (cancel, put back, change order, serve first, give stock, amend, add line, return,
/// reverse receipt): titles, questions, what each answer may be, and the consequences to confirm.
enum CorrectionText: String, Catalogued {
    // Titles and confirming keys
    case titleCancel, titlePutBack, titleChangeOrder, titleExpedite, titleReallocate, titleAmend, titleAddLine, titleReturn
    case titleReverse, confirmCancel, confirmPutBack, confirmChange, confirmExpedite, confirmReallocate, confirmAmend
    case confirmAddLine, confirmReturn, confirmReverse, titleWithOrder, confirmTitle
    // The order as it stands
    case ordered, allocated, picked, shipped, backordered, cancelled, orderHeader, shipComplete, partialShipments, moreLines
    case noDonors, donorsHeading, donorLine, moreDonors, lookingUpDonors
    // Questions
    case lineToCancel, lineToPutBack, lineGetsStock, lineCameBack, line, scope, newQuantity, unitsReturned, quantity
    case priority, policy, note, sku, donors, restock, receipt, reason, optionalReason
    // Refusals and answers not accepted
    case orderClosed, nothingPicked, nothingWaits, nothingShipped, nothingOpen, typeLine, lineWaitsForNothing
    case lineNotShipped, lineNotPicked, typeScope, priorityRange, typePolicy, typeRestock, nothingChanged
    case whatQuantity, whatNote, whatSKU, whatReceipt, whatReason
    case workingOut, noDonorsFor
    // Confirmation and consequences
    case nothingYet, noLineChanges, moreLineChanges, datesMove, noArrivalPlanned, moreDates, nowWaits, closes, noticeTo
    case andMore, unchanged, bOrdered, bAllocated, bPicked, bShipped, bBackordered, bCancelled
    // Summaries of what confirming does (Norwegian screens; the store words the English one)

    var texts: (en: String, nb: String) {
        switch self {
        case .titleCancel: return ("Cancel", "Kanseller")
        case .titlePutBack: return ("Put back picked units", "Legg tilbake plukkede enheter")
        case .titleChangeOrder: return ("Change order", "Endre ordre")
        case .titleExpedite: return ("Serve first", "Prioriter først")
        case .titleReallocate: return ("Give stock to this line", "Gi lager til denne linjen")
        case .titleAmend: return ("Change quantity", "Endre antall")
        case .titleAddLine: return ("Add line", "Ny linje")
        case .titleReturn: return ("Customer return", "Kunderetur")
        case .titleReverse: return ("Reverse receipt", "Tilbakefør mottak")
        case .confirmCancel: return ("Cancel it", "Kanseller")
        case .confirmPutBack: return ("Put back", "Legg tilbake")
        case .confirmChange: return ("Change", "Endre")
        case .confirmExpedite: return ("Serve first", "Prioriter")
        case .confirmReallocate: return ("Give the stock", "Gi lageret")
        case .confirmAmend: return ("Change quantity", "Endre antall")
        case .confirmAddLine: return ("Add the line", "Legg til linjen")
        case .confirmReturn: return ("Book the return", "Bokfør returen")
        case .confirmReverse: return ("Reverse it", "Tilbakefør")
        case .titleWithOrder: return ("{0} — {1}", "{0} — {1}")
        case .confirmTitle: return ("Confirm: {0}", "Bekreft: {0}")

        case .ordered: return ("{0} ordered", "{0} bestilt")
        case .allocated: return ("{0} allocated", "{0} reservert")
        case .picked: return ("{0} picked", "{0} plukket")
        case .shipped: return ("{0} shipped", "{0} sendt")
        case .backordered: return ("{0} backordered", "{0} i restordre")
        case .cancelled: return ("{0} cancelled", "{0} kansellert")
        case .orderHeader: return ("{0}, priority {1}, {2}", "{0}, prioritet {1}, {2}")
        case .shipComplete: return ("ship complete", "sendes komplett")
        case .partialShipments: return ("partial shipments", "delforsendelser")
        case .moreLines: return ("• … {0} more line(s)", "• … {0} {0|linje|linjer} til")
        case .noDonors: return ("No other open order holds this SKU allocated.", "Ingen annen åpen ordre har denne varen reservert.")
        case .donorsHeading: return ("Holding it (least urgent, newest first):", "Har den (minst haster, nyeste først):")
        case .donorLine: return ("• {0}/{1} p{2} {3}: {4} ({5})", "• {0}/{1} p{2} {3}: {4} ({5})")
        case .moreDonors: return ("• … {0} more", "• … {0} til")
        case .lookingUpDonors: return ("Looking up the orders that hold it…", "Finner ordrene som har den…")

        case .lineToCancel: return ("Line to cancel (empty: the whole order):", "Linje som kanselleres (tomt: hele ordren):")
        case .lineToPutBack: return ("Line to put back (empty: everything picked):", "Linje som legges tilbake (tomt: alt plukket):")
        case .lineGetsStock: return ("Line that gets the stock:", "Linje som får lageret:")
        case .lineCameBack: return ("Line that came back:", "Linje som kom i retur:")
        case .line: return ("Line:", "Linje:")
        case .scope: return ("a: everything not picked (allocated stock is freed for waiting orders); b: only the backordered units:",
                             "a: alt som ikke er plukket (reservert lager frigjøres til ventende ordrer); b: bare restordren:")
        case .newQuantity: return ("New ordered quantity (down: backordered units go first, then allocated ones):",
                                   "Nytt bestilt antall (ned: restordre går først, så reserverte enheter):")
        case .unitsReturned: return ("Units returned:", "Antall i retur:")
        case .quantity: return ("Quantity:", "Antall:")
        case .priority: return ("Priority, 1 (most urgent) to 9:", "Prioritet, 1 (haster mest) til 9:")
        case .policy: return ("p: partial shipments allowed; c: ship complete:", "p: delforsendelser tillatt; c: send komplett:")
        case .note: return ("Customer's reference or note (empty: none):", "Kundens referanse eller merknad (tomt: ingen):")
        case .sku: return ("SKU:", "Varenummer:")
        case .donors: return ("Take from ORDER/LINE=QTY … (as proposed, or edit; empty: the proposal):",
                              "Ta fra ORDRE/LINJE=ANT … (som foreslått, eller endre; tomt: forslaget):")
        case .restock: return ("r: back in stock (waiting orders are served); s: scrap:",
                               "r: tilbake på lager (ventende ordrer får dem); s: kasser:")
        case .receipt: return ("Receipt number (RC-…), as on the receipt or in the journal:",
                               "Mottaksnummer (RC-…), som på mottaket eller i journalen:")
        case .reason: return ("Reason (kept in the journal):", "Årsak (lagres i journalen):")
        case .optionalReason: return ("Reason (optional, kept in the journal):", "Årsak (valgfritt, lagres i journalen):")

        case .orderClosed: return ("Order {0} is closed", "Ordre {0} er lukket")
        case .nothingPicked: return ("Nothing is picked on {0}: nothing to put back", "Ingenting er plukket på {0}: ingenting å legge tilbake")
        case .nothingWaits: return ("Nothing waits on {0}: no line to give stock to", "Ingenting venter på {0}: ingen linje å gi lager til")
        case .nothingShipped: return ("Nothing has shipped on {0}: nothing can come back", "Ingenting er sendt på {0}: ingenting kan komme i retur")
        case .nothingOpen: return ("Nothing is open on {0}: nothing to cancel", "Ingenting er åpent på {0}: ingenting å kansellere")
        case .typeLine: return ("type a line number of the order: {0}", "skriv et linjenummer på ordren: {0}")
        case .lineWaitsForNothing: return ("line {0} waits for nothing; lines waiting: {1}", "linje {0} venter ikke på noe; linjer som venter: {1}")
        case .lineNotShipped: return ("nothing of line {0} has shipped", "ingenting av linje {0} er sendt")
        case .lineNotPicked: return ("nothing is picked on line {0}", "ingenting er plukket på linje {0}")
        case .typeScope: return ("type a (everything not picked) or b (only the backorder)", "skriv a (alt som ikke er plukket) eller b (bare restordren)")
        case .priorityRange: return ("priority is 1 (most urgent) to 9", "prioritet er 1 (haster mest) til 9")
        case .typePolicy: return ("type p (partial shipments) or c (ship complete)", "skriv p (delforsendelser) eller c (send komplett)")
        case .typeRestock: return ("type r (back in stock) or s (scrap)", "skriv r (tilbake på lager) eller s (kasser)")
        case .nothingChanged: return ("nothing changed: priority, policy and note are as they were",
                                      "ingenting endret: prioritet, leveringsmåte og merknad er som før")
        case .whatQuantity: return ("quantity", "antall")
        case .whatNote: return ("note", "merknad")
        case .whatSKU: return ("SKU", "varenummer")
        case .whatReceipt: return ("receipt number", "mottaksnummer")
        case .whatReason: return ("reason", "årsak")
        case .workingOut: return ("Working out what will change…", "Regner ut hva som endres…")
        case .noDonorsFor: return ("No other open order holds allocated units of {0}", "Ingen annen åpen ordre har reserverte enheter av {0}")

        case .nothingYet: return ("Nothing is changed yet. Confirming does this:", "Ingenting er endret ennå. Bekrefter du, skjer dette:")
        case .noLineChanges: return ("No order line changes.", "Ingen ordrelinjer endres.")
        case .moreLineChanges: return ("• … and {0} more line(s)", "• … og {0} {0|linje|linjer} til")
        case .datesMove: return ("Promised dates that move:", "Lovede datoer som flyttes:")
        case .noArrivalPlanned: return ("no arrival planned", "ingen ankomst planlagt")
        case .moreDates: return ("• … and {0} more", "• … og {0} til")
        case .nowWaits: return ("• {0}/{1} {2} now waits, promised {3}", "• {0}/{1} {2} venter nå, lovet {3}")
        case .closes: return ("Closes: {0}", "Lukkes: {0}")
        case .noticeTo: return ("Notice to: {0}", "Varsel til: {0}")
        case .andMore: return (" and {0} more", " og {0} til")
        case .unchanged: return ("unchanged", "uendret")
        case .bOrdered: return ("ordered", "bestilt")
        case .bAllocated: return ("allocated", "reservert")
        case .bPicked: return ("picked", "plukket")
        case .bShipped: return ("shipped", "sendt")
        case .bBackordered: return ("backordered", "restordre")
        case .bCancelled: return ("cancelled", "kansellert")

        }
    }
}
