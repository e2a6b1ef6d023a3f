import ArgumentParser
import BackorderCore

/// What `--help` says about each option and argument.
enum OptionText: String, Catalogued {
    case db, lang
    case json, csv, limit, offset, filter, sort, desc
    case jsonResult, jsonPrint
    case sampleFrom, sampleToday, force
    case stock, moq, pack, supplier, leadTime, supplierClear, leadTimeDays
    case customerCode, orderNumber, orderDate, priority, complete, orderJSON, preview, orderLines
    case pickLines, pickShort, shipOverride, shipJSON
    case po, poLine, arrivalQty, eta, poSlashLine, newDay
    case receiveValues, receiveSKU, countQuantity
    case reason, correctionPreview, cancelLine, backorderedOnly, putBackLines, reallocateOrder, reallocateLine, donor, reallocateQty
    case excluding, policy, note, changeReason, changePreview, amendLine, amendQty, returnRestock, returnScrap, receiptNumber
    case whyLine, whyJSON, purchaseItems, purchasePO, purchaseSupplier, purchaseETA, purchasePreview
    case onlySKUServing, onlyCustomer, onlySKU, onlyShort, onlySKUExactly, journalLimit, checkFull
    case bucket, bucketLimit, lateSuppliers, serviceFrom, serviceTo
    case backupDest, backupKeep, backupForce, restoreSource
    case skuQty, lineQty
    case readOnly, demoLines, demoSeed, stressActor, stressLog
    case customerLanguage, customerEmail, customerContact, customerName, customerLanguageSet, customerEmailSet, customerContactSet

    var texts: (en: String, nb: String) {
        switch self {
        case .customerLanguage: return ("The language its notices are written in: nb or en.", "Språket varslene skrives på: nb eller en.")
        case .customerEmail: return ("Where its notices are e-mailed.", "Adressen varslene sendes til på e-post.")
        case .customerContact: return ("Who notices are addressed to.", "Hvem varslene stiles til.")
        case .customerName: return ("The customer's new name.", "Kundens nye navn.")
        case .customerLanguageSet: return ("The language its notices are written in (none: the reader's).", "Språket varslene skrives på (none: leserens).")
        case .customerEmailSet: return ("Where its notices are e-mailed (\"\" removes it).", "Adressen varslene sendes til (\"\" fjerner den).")
        case .customerContactSet: return ("Who notices are addressed to (\"\" removes it).", "Hvem varslene stiles til (\"\" fjerner det).")
        case .db:
            return ("The data file (default: $BACKORDERS_DB, else ./backorders.sqlite).",
                    "Datafilen (standard: $BACKORDERS_DB, ellers ./backorders.sqlite).")
        case .lang:
            return ("The language: nb (Norwegian) or en (default: $BACKORDERS_LANG, else the locale).",
                    "Språket: nb (norsk) eller en (engelsk) (standard: $BACKORDERS_LANG, ellers systemets språkinnstilling).")
        case .json: return ("Print JSON instead of a table.", "Skriv JSON i stedet for en tabell.")
        case .csv:
            return ("Print CSV (RFC 4180, comma-separated, CRLF) instead of a table.",
                    "Skriv CSV (RFC 4180, kommaseparert, CRLF) i stedet for en tabell.")
        case .limit: return ("How many rows at most.", "Høyst så mange rader.")
        case .offset: return ("Skip this many rows first.", "Hopp over så mange rader først.")
        case .filter:
            return ("Only rows whose number, customer, SKU or name contains this text.",
                    "Bare rader der nummer, kunde, varenummer eller navn inneholder denne teksten.")
        case .sort:
            return ("Sort the whole list by this column before the page is cut (a wrong name lists the list's columns).",
                    "Sorter hele listen etter denne kolonnen før siden kuttes (et feil navn viser listens kolonner).")
        case .desc: return ("Sort descending (with --sort).", "Sorter synkende (med --sort).")
        case .jsonResult: return ("Print the result as JSON.", "Skriv resultatet som JSON.")
        case .jsonPrint: return ("Print as JSON.", "Skriv som JSON.")
        case .sampleFrom:
            return ("A warehouse script to replay instead of the built-in sample warehouse.",
                    "Et lagerskript som spilles av i stedet for det innebygde eksempellageret.")
        case .sampleToday:
            return ("Replay as of this day (YYYY-MM-DD); relative days in the script count from it.",
                    "Spill av som om det var denne dagen (ÅÅÅÅ-MM-DD); relative dager i skriptet regnes fra den.")
        case .force: return ("Replace the data file if it exists.", "Erstatt datafilen hvis den finnes.")
        case .stock: return ("Opening stock on hand.", "Inngående beholdning på lager.")
        case .moq: return ("Minimum purchase order quantity.", "Minste antall per innkjøp.")
        case .pack: return ("Purchase pack size.", "Antall per innkjøpspakning.")
        case .supplier:
            return ("Who it is bought from by default (purchase uses it).",
                    "Fast leverandør (innkjøp bruker den).")
        case .leadTime:
            return ("Days from ordering to arrival (a purchase is expected today + this).",
                    "Dager fra bestilling til ankomst (et innkjøp forventes i dag + dette).")
        case .supplierClear: return ("Who it is bought from by default (\"\" clears it).", "Fast leverandør (\"\" fjerner den).")
        case .leadTimeDays: return ("Days from ordering to arrival; none clears it.", "Dager fra bestilling til ankomst; none fjerner den.")
        case .customerCode: return ("Customer code.", "Kundekode.")
        case .orderNumber: return ("Order number (default: the next SO-number).", "Ordrenummer (standard: neste SO-nummer).")
        case .orderDate: return ("Order date: YYYY-MM-DD, today, -N (default today).", "Ordredato: ÅÅÅÅ-MM-DD, today, -N (standard i dag).")
        case .priority: return ("1 (most urgent) to 9.", "1 (haster mest) til 9.")
        case .complete:
            return ("Ship complete: refuse partial shipments unless overridden.",
                    "Komplett levering: avvis delforsendelser med mindre det overstyres.")
        case .orderJSON: return ("Print the created order as JSON.", "Skriv den nye ordren som JSON.")
        case .preview:
            return ("Show what each line would get now (from stock, backorder, promised date) and create nothing.",
                    "Vis hva hver linje ville fått nå (fra lager, restordre, lovet dato), og opprett ingenting.")
        case .orderLines: return ("Lines as SKU=QTY.", "Linjer som VARENR=ANTALL.")
        case .pickLines: return ("Picked quantities as LINE=QTY.", "Plukket antall som LINJE=ANTALL.")
        case .pickShort:
            return ("The shelf had less than the books: the unpicked rest of each named line is missing.",
                    "Hylla hadde mindre enn beholdningen sier: resten som ikke ble plukket på hver nevnte linje, mangler.")
        case .shipOverride: return ("Ship a ship-complete order partially anyway.", "Send en ordre med komplett levering delvis likevel.")
        case .shipJSON: return ("Print the shipment as JSON.", "Skriv forsendelsen som JSON.")
        case .po: return ("Purchase order number.", "Innkjøpsordrenummer.")
        case .poLine: return ("PO line number.", "Linjenummer på innkjøpsordren.")
        case .arrivalQty: return ("Expected quantity.", "Forventet antall.")
        case .eta: return ("Expected day: YYYY-MM-DD, today, +N.", "Forventet dag: ÅÅÅÅ-MM-DD, today, +N.")
        case .poSlashLine: return ("PO/LINE", "INNKJØP/LINJE")
        case .newDay: return ("New day: YYYY-MM-DD, today, +N.", "Ny dag: ÅÅÅÅ-MM-DD, today, +N.")
        case .receiveValues:
            return ("PO/LINE of the expected arrival and the received quantity; with --sku, the quantity alone.",
                    "INNKJØP/LINJE for den forventede ankomsten og mottatt antall; med --sku bare antallet.")
        case .receiveSKU: return ("Unplanned receipt of this SKU.", "Varemottak uten innkjøpsordre av dette varenummeret.")
        case .countQuantity: return ("Counted quantity on hand.", "Opptalt antall på lager.")
        case .reason: return ("Why (kept in the journal).", "Hvorfor (lagres i journalen).")
        case .correctionPreview:
            return ("Show what would change (lines, promised dates, notices) and change nothing.",
                    "Vis hva som ville endret seg (linjer, lovede datoer, varsler), og endre ingenting.")
        case .cancelLine: return ("Only this line.", "Bare denne linjen.")
        case .backorderedOnly:
            return ("Cancel only the backordered units; allocated ones stay to be picked.",
                    "Kanseller bare enhetene i restordre; reserverte blir stående til plukk.")
        case .putBackLines: return ("Units to put back as LINE=QTY.", "Enheter som settes tilbake, som LINJE=ANTALL.")
        case .reallocateOrder: return ("The order that gets the units.", "Ordren som får enhetene.")
        case .reallocateLine: return ("Its line.", "Linjen på den.")
        case .donor: return ("A donor as ORDER/LINE=QTY (repeatable).", "En giver som ORDRE/LINJE=ANTALL (kan gjentas).")
        case .reallocateQty:
            return ("Units wanted (default: all the line waits for); with proposed donors only.",
                    "Enheter som trengs (standard: alt linjen venter på); bare med foreslåtte givere.")
        case .excluding: return ("Leave out this order (the one to serve).", "Utelat denne ordren (den som skal betjenes).")
        case .policy: return ("partial or complete.", "partial (delvis) eller complete (komplett).")
        case .note: return ("The customer's reference or a note (\"\" clears it).", "Kundens referanse eller en merknad (\"\" fjerner den).")
        case .changeReason: return ("Why (kept with the change).", "Hvorfor (lagres med endringen).")
        case .changePreview: return ("Show what would change and change nothing.", "Vis hva som ville endret seg, og endre ingenting.")
        case .amendLine: return ("The line.", "Linjen.")
        case .amendQty: return ("The new ordered quantity.", "Nytt bestilt antall.")
        case .returnRestock: return ("Put the units back in stock.", "Legg enhetene tilbake på lager.")
        case .returnScrap:
            return ("The units are damaged: they do not go back in stock.",
                    "Enhetene er skadet: de går ikke tilbake på lager.")
        case .receiptNumber: return ("The receipt number (RC-…).", "Mottaksnummeret (RC-…).")
        case .whyLine: return ("The line (default: every waiting line).", "Linjen (standard: alle ventende linjer).")
        case .whyJSON: return ("Print the explanations as JSON.", "Skriv forklaringene som JSON.")
        case .purchaseItems: return ("Items to buy as SKU or SKU=QTY.", "Varer som skal kjøpes inn, som VARENR eller VARENR=ANTALL.")
        case .purchasePO:
            return ("Put every line on this purchase order (new, or an open one of the same supplier) instead of a new PO per supplier.",
                    "Legg alle linjene på denne innkjøpsordren (ny, eller en åpen hos samme leverandør) i stedet for en ny per leverandør.")
        case .purchaseSupplier:
            return ("Buy every line from this supplier instead of each item's default.",
                    "Kjøp alle linjene fra denne leverandøren i stedet for hver vares faste.")
        case .purchaseETA:
            return ("Expected day of every line instead of today + lead time: YYYY-MM-DD, today, +N.",
                    "Forventet dag for alle linjene i stedet for i dag + leveringstid: ÅÅÅÅ-MM-DD, today, +N.")
        case .purchasePreview:
            return ("Show the arrivals and the dates that would move, and change nothing.",
                    "Vis ankomstene og datoene som ville flyttet seg, og endre ingenting.")
        case .onlySKUServing:
            return ("Only this SKU, in the order receipts will serve it.",
                    "Bare dette varenummeret, i den rekkefølgen varemottak vil betjene det.")
        case .onlyCustomer:
            return ("Only this customer's lines (its code, exactly; an unknown code is an error).",
                    "Bare denne kundens linjer (kundekoden, nøyaktig; en ukjent kode er en feil).")
        case .onlySKU: return ("Only this SKU.", "Bare dette varenummeret.")
        case .onlyShort: return ("Only items with backordered demand.", "Bare varer med restordrer.")
        case .onlySKUExactly:
            return ("Only this SKU (exactly: SKU-1 is not SKU-10).", "Bare dette varenummeret (nøyaktig: SKU-1 er ikke SKU-10).")
        case .journalLimit: return ("How many movements at most.", "Høyst så mange bevegelser.")
        case .checkFull:
            return ("SQLite's full integrity_check (every index entry against its table) instead of quick_check; slower.",
                    "SQLites fulle integrity_check (hver indeksoppføring mot tabellen) i stedet for quick_check; tregere.")
        case .bucket:
            return ("List the lines of one bucket: 0-7, 8-14, 15-30, 31-60 or over-60.",
                    "List linjene i én aldersgruppe: 0-7, 8-14, 15-30, 31-60 eller over-60.")
        case .bucketLimit: return ("With --bucket: how many lines at most.", "Med --bucket: høyst så mange linjer.")
        case .lateSuppliers:
            return ("With --csv: the per-supplier ETA record instead of the late arrivals.",
                    "Med --csv: datohistorikken per leverandør i stedet for de forsinkede ankomstene.")
        case .serviceFrom: return ("First day of the period (default: 29 days before --to).", "Første dag i perioden (standard: 29 dager før --to).")
        case .serviceTo: return ("Last day of the period (default: today).", "Siste dag i perioden (standard: i dag).")
        case .backupDest: return ("The backup file, or a folder to put a dated backup in.", "Sikkerhetskopien, eller en mappe å legge en datert kopi i.")
        case .backupKeep:
            return ("With a folder: keep only the newest N dated backups in it.",
                    "Med en mappe: behold bare de N nyeste daterte kopiene i den.")
        case .backupForce: return ("Replace DEST if it is an existing file.", "Erstatt DEST hvis den er en fil som finnes.")
        case .restoreSource: return ("The backup to restore.", "Sikkerhetskopien som skal tilbakeføres.")
        case .skuQty: return ("SKU=QTY", "VARENR=ANTALL")
        case .lineQty: return ("LINE=QTY", "LINJE=ANTALL")
        case .readOnly: return ("Browse only: nothing can be changed.", "Bare se: ingenting kan endres.")
        case .demoLines: return ("Order lines to generate.", "Antall ordrelinjer å lage.")
        case .demoSeed:
            return ("Random seed: the same seed builds the same warehouse.",
                    "Startverdi for tilfeldighetene: samme verdi gir samme lager.")
        case .stressActor: return ("Name in the journal.", "Navn i journalen.")
        case .stressLog:
            return ("Append a line per committed operation to this file once its commit has returned (crash tests); each operation is then journaled as ACTOR.N, the line's first word.",
                    "Legg til en linje per lagret operasjon i denne filen når lagringen er ferdig (krasjtester); hver operasjon journalføres da som ACTOR.N, linjens første ord.")
        }
    }

    /// The help in the process's language (chosen before the command line is parsed).
    var help: ArgumentHelp { ArgumentHelp(Localizer.process(self)) }

    /// The help with the name its value is shown by.
    func help(valueName: String) -> ArgumentHelp { ArgumentHelp(Localizer.process(self), valueName: valueName) }
}
