import BackorderCore

/// What the command-line tool says to people: results, refusals, usage messages of its own.
enum CLIText: String, Catalogued {
    // start-up and shared
    case version, bothOf, notNegative, notNegativeMany, jsonOrCSV, descNeedsSort, scriptErrors, internalFault, notADay
    // files and master data
    case existsNothingChanged, created, cannotReadScript, builtInSample, sampleBuilt, existsUseForce
    case itemAdded, nothingToChange, alreadyHasThat, itemChanged, customerAdded
    case customerLine, customerLanguageIs
    // orders, picking, shipping
    case notSkuQty, quantityOf, previewNothingCreated, previewLine, orderCreated, createdLine, createdLineBackordered, promisedOn
    case promiseFromStock, promiseBackordered
    case notLineQty, quantityOfLine, shortNeedsLines, picked, pickedMissing, bookStockAllocated
    case shipment, unitsOf, stillOpen, orderCompleteClosed
    // arrivals and receipts
    case arrivalAdded, arrivalNowExpected, arrivalLine, closedSuffix
    case receiveWhat, receiveQuantityAlone, quantityNotWhole, receipt, receiptOn, receiptUnplanned, overReceived, arrivalClosed
    case noOrderWaiting, allocatedTo, lineFilled, stillWaiting, freeOnShelf, onHandSet
    // show, upgrade, check, who
    case orderHeader, closedOn, open, noteLine, shipmentBy, lineQuantity, history, changedField
    case alreadyCurrent, upgraded, checkOK, nobodyHasItOpen
    // reports
    case notABucket, agingBucketTitle, agingTitle, agingTotal, shortageTitle, noShortage, lateTitle, none, supplierRecordTitle, noArrivals
    case serviceTitle, lineFillRate, lineFillNone, orderFillRate, orderFillNone, unitsBackordered, averageWait, noWaitCompleted
    case perCustomer, perItem, nothingInPeriod, backlogTitle, noBacklog
    // exceptions
    case previewNothingChanged, noDonors, donorLine, badPolicy, restockOrScrap, giveLineQty
    // backup and restore
    case backedUp, checkOKShort, checkFoundProblems, removedOlderBackup, restored, backupUpgraded, replacedKeptAs, noFileBefore, bytes
    // demo, stress
    case demoLinesRange, demoBuilt, stressNeedsData, stressDone, cannotOpenLog, cannotWriteLog
    // the terminal
    case uiNeedsTerminal, terminalUnusable, cannotWriteTrace, terminalFailed
    case fileOnly
    case termUnset, termDumb, termNoCursor, termNoTerminfo, termUnknown, termNotATerminal, termInitFailed

    var texts: (en: String, nb: String) {
        switch self {
        case .version:
            return ("backorders {0}\ndata file format {1} ({2})\nSQLite {3}", "backorders {0}\ndatafilformat {1} ({2})\nSQLite {3}")
        case .bothOf: return ("{0} and {1}", "{0} og {1}")
        case .notNegative: return ("{0} must not be negative", "{0} kan ikke være negativ")
        case .notNegativeMany: return ("{0} must not be negative", "{0} kan ikke være negative")
        case .jsonOrCSV: return ("--json and --csv exclude each other", "--json og --csv kan ikke brukes sammen")
        case .descNeedsSort:
            return ("--desc reverses a --sort: name the column to sort by", "--desc snur en --sort: oppgi kolonnen det skal sorteres etter")
        case .scriptErrors: return ("the script has errors:", "skriptet har feil:")
        case .internalFault: return ("internal fault: {0}", "intern feil: {0}")
        case .notADay:
            return ("{0} \"{1}\" is not a day: use YYYY-MM-DD, today, +N or -N",
                    "{0} «{1}» er ikke en dato: bruk ÅÅÅÅ-MM-DD, today, +N eller -N")
        case .existsNothingChanged: return ("{0} exists already; nothing was changed", "{0} finnes allerede; ingenting ble endret")
        case .created: return ("created {0}", "laget {0}")
        case .cannotReadScript: return ("cannot read the warehouse script {0}", "kan ikke lese lagerskriptet {0}")
        case .builtInSample: return ("the built-in sample warehouse", "det innebygde eksempellageret")
        case .sampleBuilt:
            return ("built {0} from {1}: {2} items, {3} open orders, {4} backorder lines, {5} expected arrivals",
                    "laget {0} fra {1}: {2} {2|vare|varer}, {3} {3|åpen ordre|åpne ordrer}, {4} {4|restordrelinje|restordrelinjer}, "
                    + "{5} {5|forventet ankomst|forventede ankomster}")
        case .existsUseForce: return ("{0} exists already; use --force to replace it", "{0} finnes allerede; bruk --force for å erstatte den")
        case .itemAdded: return ("added item {0}", "la inn varen {0}")
        case .nothingToChange:
            return ("nothing to change: give --name, --unit, --bin, --moq, --pack, --supplier or --lead-time",
                    "ingenting å endre: oppgi --name, --unit, --bin, --moq, --pack, --supplier eller --lead-time")
        case .alreadyHasThat: return ("{0} already has that", "{0} har det allerede")
        case .itemChanged: return ("{0}: changed {1}", "{0}: endret {1}")
        case .customerLine: return ("customer: {0}", "kunde: {0}")
        case .customerLanguageIs: return ("language {0}", "språk {0}")
        case .customerAdded: return ("added customer {0}", "la inn kunden {0}")
        case .notSkuQty: return ("line \"{0}\" is not SKU=QTY", "linjen «{0}» er ikke VARENR=ANTALL")
        case .quantityOf: return ("quantity of {0}", "antall av {0}")
        case .previewNothingCreated: return ("preview (nothing was created):", "forhåndsvisning (ingenting ble opprettet):")
        case .previewLine: return ("  line {0} {1} × {2}: {3}", "  linje {0} {1} × {2}: {3}")
        case .orderCreated: return ("created order {0}", "opprettet ordre {0}")
        case .createdLine: return ("  line {0} {1}: {2} ordered, {3} allocated", "  linje {0} {1}: {2} bestilt, {3} reservert")
        case .createdLineBackordered: return (", {0} backordered ({1})", ", {0} i restordre ({1})")
        case .promisedOn: return ("promised {0}", "lovet {0}")
        case .promiseFromStock: return ("{0} from stock", "{0} fra lager")
        case .promiseBackordered: return ("{0} on backorder, {1}", "{0} i restordre, {1}")
        case .notLineQty: return ("\"{0}\" is not LINE=QTY", "«{0}» er ikke LINJE=ANTALL")
        case .quantityOfLine: return ("quantity of line {0}", "antall på linje {0}")
        case .shortNeedsLines: return ("--short needs the picked quantities as LINE=QTY", "--short trenger plukket antall som LINJE=ANTALL")
        case .picked: return ("picked {0} unit(s) on {1}", "plukket {0} {0|enhet|enheter} på {1}")
        case .pickedMissing:
            return ("; {0} missing, back on backorder and stock corrected", "; {0} manglet, tilbake i restordre og beholdningen rettet")
        case .bookStockAllocated:
            return ("  book stock allocated: {0} to {1} line {2}", "  bokført beholdning reservert: {0} til {1} linje {2}")
        case .shipment: return ("shipment {0} for {1}: {2}", "forsendelse {0} for {1}: {2}")
        case .unitsOf: return ("{0} × {1}", "{0} × {1}")
        case .stillOpen: return ("  still open: {0} in stock, {1} backordered", "  fortsatt åpent: {0} på lager, {1} i restordre")
        case .orderCompleteClosed: return ("  order {0} is complete and closed", "  ordre {0} er komplett og avsluttet")
        case .arrivalAdded: return ("added arrival {0}: {1} × {2} expected {3}", "la inn ankomst {0}: {1} × {2} forventet {3}")
        case .arrivalNowExpected: return ("arrival {0} now expected {1}", "ankomst {0} forventes nå {1}")
        case .arrivalLine:
            return ("{0} from {1}: {2} × {3}, received {4}, ETA {5}", "{0} fra {1}: {2} × {3}, mottatt {4}, forventet {5}")
        case .closedSuffix: return (" (closed)", " (avsluttet)")
        case .receiveWhat:
            return ("give the expected arrival and the quantity (PO/LINE QTY), or --sku SKU QTY for an unplanned receipt",
                    "oppgi den forventede ankomsten og antallet (INNKJØP/LINJE ANTALL), eller --sku VARENR ANTALL for mottak uten innkjøpsordre")
        case .receiveQuantityAlone: return ("with --sku, give the quantity alone", "med --sku oppgis bare antallet")
        case .quantityNotWhole: return ("the quantity must be a whole number, not {0}", "antallet må være et helt tall, ikke {0}")
        case .receipt: return ("receipt {0}: {1} × {2}", "varemottak {0}: {1} × {2}")
        case .receiptOn: return (" on {0}", " på {0}")
        case .receiptUnplanned: return (" (unplanned)", " (uten innkjøpsordre)")
        case .overReceived: return (", {0} more than expected", ", {0} mer enn forventet")
        case .arrivalClosed: return (", arrival closed", ", ankomsten avsluttet")
        case .noOrderWaiting: return ("  no order was waiting", "  ingen ordre ventet")
        case .allocatedTo: return ("  {0} → {1} line {2}", "  {0} → {1} linje {2}")
        case .lineFilled: return (" (line filled)", " (linjen er dekket)")
        case .stillWaiting: return (" (still waiting for more)", " (venter fortsatt på mer)")
        case .freeOnShelf: return ("  {0} free on the shelf", "  {0} ledig i hylla")
        case .onHandSet: return ("{0}: on hand set to {1}", "{0}: beholdningen satt til {1}")
        case .orderHeader:
            return ("order {0}  {1} ({2})  date {3}  priority {4}  {5}  {6}", "ordre {0}  {1} ({2})  dato {3}  prioritet {4}  {5}  {6}")
        case .closedOn: return ("closed {0}", "avsluttet {0}")
        case .open: return ("open", "åpen")
        case .noteLine: return ("note: {0}", "merknad: {0}")
        case .shipmentBy: return ("shipment {0} {1} by {2}: {3}", "forsendelse {0} {1} av {2}: {3}")
        case .lineQuantity: return ("line {0} {1}", "linje {0} {1}")
        case .history: return ("history:", "historikk:")
        case .changedField: return ("changed {0} {1} → {2}", "endret {0} {1} → {2}")
        case .alreadyCurrent: return ("{0} is already in this version's format", "{0} har allerede denne versjonens format")
        case .upgraded: return ("upgraded {0}: {1} ({2} s)", "oppgraderte {0}: {1} ({2} s)")
        case .checkOK: return ("ok: every invariant holds and the file is intact", "ok: alle regler holder, og filen er hel")
        case .nobodyHasItOpen:
            return ("nobody has {0} open in the UI for writing right now (read-only sessions are not listed)",
                    "ingen har {0} åpen for endring i skjermbildet nå (økter med bare lesing vises ikke)")
        case .notABucket: return ("--bucket \"{0}\" is not one of {1}", "--bucket «{0}» er ikke en av {1}")
        case .agingBucketTitle: return ("Backorder lines waiting {0} (as of {1})", "Restordrelinjer som har ventet {0} (per {1})")
        case .agingTitle: return ("Open backorders by age (as of {0}); bars: units", "Åpne restordrer etter alder (per {0}); søyler: enheter")
        case .agingTotal:
            return ("total: {0} line(s), {1} unit(s), {2} order(s)",
                    "totalt: {0} {0|linje|linjer}, {1} {1|enhet|enheter}, {2} {2|ordre|ordrer}")
        case .shortageTitle: return ("Shortage and reorder suggestion (as of {0})", "Mangel og innkjøpsforslag (per {0})")
        case .noShortage: return ("no item has backordered demand", "ingen varer har restordrer")
        case .lateTitle:
            return ("Late arrivals (ETA before {0}, not fully received)", "Forsinkede ankomster (forventet før {0}, ikke fullt mottatt)")
        case .none: return ("none", "ingen")
        case .supplierRecordTitle:
            return ("ETA record per supplier (moves: later positive)", "Datohistorikk per leverandør (flyttinger: senere er positivt)")
        case .noArrivals: return ("no arrivals", "ingen ankomster")
        case .serviceTitle: return ("Service level {0} to {1}", "Leveringsgrad {0} til {1}")
        case .lineFillRate:
            return ("  line fill rate:   {0} ({1} of {2} lines complete at their first shipment)",
                    "  leveringsgrad linjer: {0} ({1} av {2} {2|linje|linjer} komplett ved første forsendelse)")
        case .lineFillNone:
            return ("  line fill rate:   no lines shipped for the first time in the period",
                    "  leveringsgrad linjer: ingen linjer ble sendt for første gang i perioden")
        case .orderFillRate:
            return ("  order fill rate:  {0} ({1} of {2} orders complete at their first shipment)",
                    "  leveringsgrad ordrer: {0} ({1} av {2} {2|ordre|ordrer} komplett ved første forsendelse)")
        case .orderFillNone:
            return ("  order fill rate:  no orders shipped for the first time in the period",
                    "  leveringsgrad ordrer: ingen ordrer ble sendt for første gang i perioden")
        case .unitsBackordered: return ("  units backordered: {0}", "  enheter i restordre: {0}")
        case .averageWait:
            return ("  backorder wait:   {0} days on average over {1} line(s) shipped",
                    "  ventetid restordre: {0} dager i snitt over {1} {1|sendt linje|sendte linjer}")
        case .noWaitCompleted:
            return ("  backorder wait:   no backordered line was completed", "  ventetid restordre: ingen restordrelinje ble fullført")
        case .perCustomer: return ("per customer", "per kunde")
        case .perItem: return ("per item", "per vare")
        case .nothingInPeriod: return ("  nothing in the period", "  ingenting i perioden")
        case .backlogTitle: return ("Customer backlog (as of {0})", "Restanse per kunde (per {0})")
        case .noBacklog: return ("no customer waits for anything", "ingen kunder venter på noe")
        case .previewNothingChanged: return ("preview (nothing was changed): ", "forhåndsvisning (ingenting ble endret): ")
        case .noDonors: return ("no open order holds allocated units of {0}", "ingen åpen ordre har reservert {0}")
        case .donorLine:
            return ("{0}/{1}  priority {2}  {3}  {4} allocated  {5}", "{0}/{1}  prioritet {2}  {3}  {4} reservert  {5}")
        case .badPolicy: return ("--policy is partial or complete, not {0}", "--policy er partial (delvis) eller complete (komplett), ikke {0}")
        case .restockOrScrap: return ("say --restock or --scrap", "velg --restock eller --scrap")
        case .giveLineQty: return ("give the line as LINE=QTY", "oppgi linjen som LINJE=ANTALL")
        case .backedUp:
            return ("backed up {0} to {1}: {2} in {3} s, revision {4}, {5} journal rows; ",
                    "sikkerhetskopierte {0} til {1}: {2} på {3} s, revisjon {4}, {5} {5|journalrad|journalrader}; ")
        case .checkOKShort: return ("check: ok", "kontroll: ok")
        case .checkFoundProblems:
            return ("check found {0} problem(s), which the data file has too:",
                    "kontrollen fant {0} {0|feil|feil}, som datafilen også har:")
        case .removedOlderBackup: return ("removed the older backup {0}", "fjernet den eldre sikkerhetskopien {0}")
        case .restored:
            return ("restored {0} from {1}: revision {2}, {3} journal rows, check: ok",
                    "tilbakeførte {0} fra {1}: revisjon {2}, {3} {3|journalrad|journalrader}, kontroll: ok")
        case .backupUpgraded:
            return ("the backup was of an older format; upgraded: {0}", "sikkerhetskopien hadde et eldre format; oppgradert: {0}")
        case .replacedKeptAs: return ("the file it replaced is kept as {0}", "filen den erstattet, er tatt vare på som {0}")
        case .noFileBefore: return ("there was no data file at {0} before", "det var ingen datafil på {0} fra før")
        case .bytes: return ("{0} bytes", "{0} byte")
        case .demoLinesRange: return ("--lines must be 1 to {0}", "--lines må være fra 1 til {0}")
        case .demoBuilt:
            return ("built {0} in {1} s: {2} items, {3} customers, {4} orders ({5} open), {6} order lines, {7} open backorder lines, {8} open arrivals, {9} journal rows",
                    "laget {0} på {1} s: {2} varer, {3} kunder, {4} ordrer ({5} åpne), {6} ordrelinjer, {7} åpne restordrelinjer, {8} åpne ankomster, {9} journalrader")
        case .stressNeedsData: return ("the file needs items and customers first", "filen må ha varer og kunder først")
        case .stressDone: return ("stress {0}: {1} done, {2} refused", "stress {0}: {1} utført, {2} avvist")
        case .cannotOpenLog: return ("cannot open the log {0}: {1}", "kan ikke åpne loggen {0}: {1}")
        case .cannotWriteLog: return ("cannot write the log: {0}", "kan ikke skrive loggen: {0}")
        case .fileOnly:
            return ("this command works on a data file only, not yet on a PostgreSQL database (nothing was read or changed); move the warehouse with backorders copy to use it",
                    "denne kommandoen virker bare på en datafil, ikke på en PostgreSQL-database ennå (ingenting ble lest eller endret); flytt lageret med backorders copy for å bruke den")
        case .uiNeedsTerminal:
            return ("the UI needs a terminal (standard input and output); use the subcommands in scripts (see --help)",
                    "skjermbildet trenger en terminal (standard inn og ut); bruk underkommandoene i skript (se --help)")
        case .terminalUnusable:
            return ("{0}. Use the subcommands instead (backorders --help: list, show, pick, ship, report …), or set TERM to your terminal's type (e.g. TERM=xterm-256color).",
                    "{0}. Bruk underkommandoene i stedet (backorders --help: list, show, pick, ship, report …), eller sett TERM til terminaltypen din (f.eks. TERM=xterm-256color).")
        case .cannotWriteTrace: return ("cannot write the trace file {0}", "kan ikke skrive sporingsfilen {0}")
        case .terminalFailed: return ("error: {0}", "feil: {0}")
        case .termUnset:
            return ("TERM is not set, so the full-screen UI cannot know how to draw",
                    "TERM er ikke satt, så fullskjermbildet vet ikke hvordan det skal tegne")
        case .termDumb:
            return ("the terminal is \"dumb\" (TERM=dumb): it cannot move the cursor, so the full-screen UI cannot run",
                    "terminalen er «dum» (TERM=dumb): den kan ikke flytte markøren, så fullskjermbildet kan ikke kjøre")
        case .termNoCursor:
            return ("the terminal TERM={0} cannot move the cursor, so the full-screen UI cannot run",
                    "terminalen TERM={0} kan ikke flytte markøren, så fullskjermbildet kan ikke kjøre")
        case .termNoTerminfo:
            return ("no terminal descriptions (terminfo) are installed, so TERM={0} cannot be drawn on (install ncurses-base)",
                    "ingen terminalbeskrivelser (terminfo) er installert, så det kan ikke tegnes på TERM={0} (installer ncurses-base)")
        case .termUnknown:
            return ("the terminal type TERM={0} is unknown here (no terminfo entry)",
                    "terminaltypen TERM={0} er ukjent her (ingen terminfo-oppføring)")
        case .termNotATerminal:
            return ("standard input and output must be a terminal", "standard inn og ut må være en terminal")
        case .termInitFailed:
            return ("cannot initialise terminal of type \"{0}\" (check TERM)", "kan ikke starte terminal av typen «{0}» (sjekk TERM)")
        }
    }
}
