import BackorderCore

/// What the store says about operations and corrections: refusals, things not found, stale views, and the one-line
/// summaries of what an exception did.
public enum StoreText: String, Catalogued {
    // Not found and refused, everywhere
    case unknownCustomer, unknownSKU, noOrder, noArrival, noReceipt, orderHasNoLine, poNeedsLine, itemExists, customerExists,
         orderExists, arrivalExists, orderClosed, orderStale, arrivalClosed, arrivalClosedExtra, arrivalSameETA, countBelowHeld,
         minOrderPack, orderNeedsLine, orderTooManyLines, poLineAtLeastOne, arrivalOrSKU, notPreviewed
    // Lists and reports
    case ordersNoSKU, onlyBackordersCustomer, ageBucketUnsorted, periodBackwards, cannotSortBy, readOnlySession, scriptLine
    // Explanations
    case waitsForNothingExplain, noBackorderedLine
    // Purchasing
    case onePOOneSupplier, poOtherSupplier, purchaseSummary, and
    // Corrections
    case nothingToChange, alreadyThatHeader, alreadyFirst, waitsForNothingGive, waitsForFewer, nameADonor, noDonorStock,
         donorGivenTwice, giveToItself, donorOtherSKU, donorHoldsLess, donorHoldsLessPicked, donorsGiveTooMuch, receiptReversed,
         receiptUnitsGone, receiptUnitsGoneHolders, returnTooMuch, returnTooMuchAgain
    // The demo generator
    case demoNeedsLine, demoInBatch, demoPopulated, demoFault, profilingBatch
    // Summaries
    case cancelled, cancelledLine, putBack, headerChanged, headerPriority, headerPolicy, headerNote, gaveUnits, givenFromOthers,
         servedFirst, amended, lineAdded, reversed, reversedReopened, returnedRestocked, returnedScrapped, moveETA, receiveOn,
         receiveUnplanned

    public var texts: (en: String, nb: String) {
        switch self {
        case .unknownCustomer: return ("unknown customer {0}", "ukjent kunde {0}")
        case .unknownSKU: return ("unknown SKU {0}", "ukjent varenummer {0}")
        case .noOrder: return ("no order {0}", "ingen ordre {0}")
        case .noArrival: return ("no expected arrival {0}", "ingen forventet ankomst {0}")
        case .noReceipt: return ("no receipt {0}", "intet varemottak {0}")
        case .orderHasNoLine: return ("{0} has no line {1}", "{0} har ingen linje {1}")
        case .poNeedsLine:
            return ("PO {0} has {1} lines: name one as {0}/LINE", "innkjøpsordre {0} har {1} linjer: velg én som {0}/LINJE")
        case .itemExists: return ("item {0} exists already", "varen {0} finnes allerede")
        case .customerExists: return ("customer {0} exists already", "kunden {0} finnes allerede")
        case .orderExists: return ("order {0} exists already", "ordren {0} finnes allerede")
        case .arrivalExists: return ("arrival {0} exists already", "ankomsten {0} finnes allerede")
        case .orderClosed: return ("order {0} is closed", "ordren {0} er avsluttet")
        case .orderStale:
            return ("order {0} was changed by someone else since you looked at it; nothing was done, look again",
                    "ordren {0} er endret av noen andre siden du så på den; ingenting ble gjort, se på den igjen")
        case .arrivalClosed: return ("arrival {0} is closed (fully received)", "ankomsten {0} er avsluttet (alt er mottatt)")
        case .arrivalClosedExtra:
            return ("arrival {0} is closed (fully received); book the extra units as an unplanned receipt",
                    "ankomsten {0} er avsluttet (alt er mottatt); før de ekstra enhetene som et uplanlagt varemottak")
        case .arrivalSameETA: return ("arrival {0} is already expected on {1}", "ankomsten {0} er allerede forventet {1}")
        case .countBelowHeld:
            return ("{0}: a count of {1} is below the {2} unit(s) already allocated or picked for orders; pick short on those orders instead",
                    "{0}: en telling på {1} er under de {2} {2|enhet|enheter} som allerede er reservert eller plukket til ordrer; "
                    + "meld mangel ved plukk på de ordrene i stedet")
        case .minOrderPack:
            return ("minimum order quantity and pack size must be at least 1", "minste bestillingsantall og pakningsstørrelse må være minst 1")
        case .orderNeedsLine: return ("an order needs at least one line", "en ordre må ha minst én linje")
        case .orderTooManyLines: return ("an order may have at most 10,000 lines", "en ordre kan ha høyst 10 000 linjer")
        case .poLineAtLeastOne: return ("PO line must be 1 or more", "innkjøpslinjen må være 1 eller mer")
        case .arrivalOrSKU:
            return ("name either the expected arrival (PO/line) or, for an unplanned receipt, the SKU",
                    "oppgi enten den forventede ankomsten (innkjøpsordre/linje) eller, for et uplanlagt varemottak, varenummeret")
        case .notPreviewed: return ("the order could not be previewed", "ordren kunne ikke forhåndsvises")

        case .ordersNoSKU: return ("open orders cannot be restricted to one SKU", "åpne ordrer kan ikke begrenses til ett varenummer")
        case .onlyBackordersCustomer:
            return ("only backorder lines can be restricted to one customer", "bare restordrelinjer kan begrenses til én kunde")
        case .ageBucketUnsorted:
            return ("an age bucket's lines come oldest first and cannot be sorted",
                    "linjene i en aldersgruppe kommer eldste først og kan ikke sorteres")
        case .periodBackwards: return ("the period ends ({0}) before it starts ({1})", "perioden slutter ({0}) før den begynner ({1})")
        case .cannotSortBy: return ("{0} cannot be sorted by the {1} column {2}", "{0} kan ikke sorteres etter kolonnen {2} fra {1}")
        case .readOnlySession:
            return ("a read-only session cannot record itself in the file", "en skrivebeskyttet økt kan ikke registrere seg i filen")
        case .scriptLine: return ("script line {0}: {1}", "skriptlinje {0}: {1}")

        case .waitsForNothingExplain:
            return ("{0} line {1} ({2}) waits for nothing: it has no promised date to explain",
                    "{0} linje {1} ({2}) venter ikke på noe: den har ingen lovet dato å forklare")
        case .noBackorderedLine:
            return ("{0} has no backordered line: no promised date to explain",
                    "{0} har ingen linje i restordre: ingen lovet dato å forklare")

        case .onePOOneSupplier:
            return ("one purchase order is for one supplier: {0} would go to {1}; leave out --po to get one PO per supplier",
                    "en innkjøpsordre gjelder én leverandør: {0} ville gått til {1}; utelat --po for å få én innkjøpsordre per leverandør")
        case .and: return (" and ", " og ")
        case .poOtherSupplier: return ("{0} is a purchase order to {1}, not {2}", "{0} er en innkjøpsordre til {1}, ikke {2}")
        case .purchaseSummary: return ("{0} line(s) on {1}", "{0} {0|linje|linjer} på {1}")

        case .nothingToChange:
            return ("nothing to change: give a priority, a policy or a note", "ingenting å endre: oppgi prioritet, leveringsvilkår eller merknad")
        case .alreadyThatHeader:
            return ("order {0} already has that priority, policy and note", "ordren {0} har allerede den prioriteten, de leveringsvilkårene og den merknaden")
        case .alreadyFirst:
            return ("{0} is already priority 1 and no other order holds stock it waits for",
                    "{0} har allerede prioritet 1, og ingen annen ordre har varer den venter på")
        case .waitsForNothingGive:
            return ("{0} line {1} ({2}) waits for nothing: there is nothing to give it",
                    "{0} linje {1} ({2}) venter ikke på noe: det er ingenting å gi den")
        case .waitsForFewer:
            return ("{0} line {1} waits for {2} unit(s) of {3}, not {4}", "{0} linje {1} venter på {2} {2|enhet|enheter} av {3}, ikke {4}")
        case .nameADonor: return ("name at least one donor line", "oppgi minst én linje å ta fra")
        case .noDonorStock:
            return ("no other open order holds allocated units of {0} to give", "ingen annen åpen ordre har reserverte enheter av {0} å gi")
        case .donorGivenTwice: return ("{0} line {1} is given twice", "{0} linje {1} er oppgitt to ganger")
        case .giveToItself: return ("an order cannot give stock to itself", "en ordre kan ikke gi varer til seg selv")
        case .donorOtherSKU: return ("{0} line {1} is for {2}, not {3}", "{0} linje {1} gjelder {2}, ikke {3}")
        case .donorHoldsLess:
            return ("{0} line {1} holds {2} allocated unit(s) of {3}, not {4}",
                    "{0} linje {1} har {2} {2|reservert enhet|reserverte enheter} av {3}, ikke {4}")
        case .donorHoldsLessPicked:
            return ("{0} line {1} holds {2} allocated unit(s) of {3}, not {4} (picked units cannot be given: put them back first)",
                    "{0} linje {1} har {2} {2|reservert enhet|reserverte enheter} av {3}, ikke {4} "
                    + "(plukkede enheter kan ikke gis bort: legg dem tilbake først)")
        case .donorsGiveTooMuch:
            return ("the donors give {0} unit(s) but {1} line {2} waits for only {3}",
                    "linjene det tas fra gir {0} {0|enhet|enheter}, men {1} linje {2} venter bare på {3}")
        case .receiptReversed: return ("receipt {0} is already reversed", "varemottaket {0} er allerede tilbakeført")
        case .receiptUnitsGone:
            return ("receipt {0} gave units that are no longer on the shelf to take back ({1} of {2}); put back their picks, or count the stock instead",
                    "varemottaket {0} ga enheter som ikke lenger står på hyllen og kan tas tilbake ({1} av {2}); "
                    + "legg tilbake plukkene, eller tell lageret i stedet")
        case .receiptUnitsGoneHolders:
            return ("receipt {0} gave units that are no longer on the shelf to take back ({1} of {2}): picked or shipped on {3}; put back their picks, or count the stock instead",
                    "varemottaket {0} ga enheter som ikke lenger står på hyllen og kan tas tilbake ({1} av {2}): plukket eller sendt på {3}; "
                    + "legg tilbake plukkene, eller tell lageret i stedet")
        case .returnTooMuch:
            return ("{0} line {1} ({2}) shipped {3}; {4} cannot be returned", "{0} linje {1} ({2}) sendte {3}; {4} kan ikke returneres")
        case .returnTooMuchAgain:
            return ("{0} line {1} ({2}) shipped {3} and {5} came back already; {4} cannot be returned",
                    "{0} linje {1} ({2}) sendte {3}, og {5} er allerede kommet i retur; {4} kan ikke returneres")

        case .demoNeedsLine: return ("a demo warehouse needs at least one order line", "et demolager trenger minst én ordrelinje")
        case .demoInBatch:
            return ("a demo warehouse is built into a new file, not inside a batch", "et demolager bygges i en ny fil, ikke inne i en bunt")
        case .demoPopulated:
            return ("the data file already holds data: build the demo into a new file", "datafilen har allerede data: bygg demoen i en ny fil")
        case .demoFault:
            return ("the demo generator wrote a {0} row that points to a missing {1} row; nothing was written",
                    "demogeneratoren skrev en {0}-rad som peker på en {1}-rad som mangler; ingenting ble skrevet")
        case .profilingBatch:
            return ("profiling needs the data file to itself, not a batch", "profilering trenger datafilen for seg selv, ikke en bunt")
        case .cancelled: return ("cancelled {0} unit(s) on {1}", "kansellerte {0} {0|enhet|enheter} på {1}")
        case .cancelledLine: return ("cancelled {0} unit(s) on {1} line {2}", "kansellerte {0} {0|enhet|enheter} på {1} linje {2}")
        case .putBack:
            return ("put back {0} picked unit(s) on {1}; they are allocated again",
                    "la tilbake {0} {0|plukket enhet|plukkede enheter} på {1}; de er reservert igjen")
        case .headerChanged: return ("{0}: {1}", "{0}: {1}")
        case .headerPriority: return ("priority {0} → {1}", "prioritet {0} → {1}")
        case .headerPolicy: return ("policy {0} → {1}", "leveringsvilkår {0} → {1}")
        case .headerNote: return ("note \"{0}\"", "merknad «{0}»")
        case .gaveUnits: return ("gave {0} unit(s) of {1} to {2} line {3}", "ga {0} {0|enhet|enheter} av {1} til {2} linje {3}")
        case .givenFromOthers: return ("{0} unit(s) given from other orders", "{0} {0|enhet|enheter} gitt fra andre ordrer")
        case .servedFirst: return ("{0} served first: {1}", "{0} betjenes først: {1}")
        case .amended: return ("{0} line {1} ({2}): {3} → {4}", "{0} linje {1} ({2}): {3} → {4}")
        case .lineAdded:
            return ("{0} line {1}: {2} × {3} ({4} from stock, {5} on backorder)",
                    "{0} linje {1}: {2} × {3} ({4} fra lager, {5} i restordre)")
        case .reversed: return ("receipt {0} reversed: {1} × {2} out of stock", "varemottak {0} tilbakeført: {1} × {2} ut av lager")
        case .reversedReopened:
            return ("receipt {0} reversed: {1} × {2} out of stock; {3} expects {4} again",
                    "varemottak {0} tilbakeført: {1} × {2} ut av lager; {3} venter {4} igjen")
        case .returnedRestocked:
            return ("{0} × {1} returned on {2} line {3}, back in stock", "{0} × {1} i retur på {2} linje {3}, tilbake på lager")
        case .returnedScrapped: return ("{0} × {1} returned on {2} line {3}, scrapped", "{0} × {1} i retur på {2} linje {3}, kassert")
        case .moveETA: return ("move {0} to {1}", "flytt {0} til {1}")
        case .receiveOn: return ("receive {0} × {1} on {2}", "motta {0} × {1} på {2}")
        case .receiveUnplanned: return ("receive {0} × {1} (unplanned)", "motta {0} × {1} (uplanlagt)")
        }
    }
}
