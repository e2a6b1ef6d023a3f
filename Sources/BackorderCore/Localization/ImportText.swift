/// Messages of CSV import: the problems found in a file (`FILE:LINE: column: reason`), what an import did, and the
/// words of `backorders import`.
public enum ImportText: String, Catalogued {
    // The file as a whole.
    case notUTF8, notValidCSV, quoteNotClosed, emptyFile
    // The header.
    case columnNumber, headerNamesNoColumn, unknownColumn, columnTwice, columnRepeated, requiredMissing, separatedHint
    case kindItems, kindStock, kindCustomers, kindOrders, kindArrivals
    // Fields.
    case mustBeAtLeast, moreThan, dayEmpty, notADay, fieldCount, givenTwice, notAPolicy, differs, empty
    case lineEmptyWhileNumbered, lineGivenTwice, linesNotNumbered
    case numberEmpty, numberNegative, notAWholeNumber, ambiguousSeparator, notWholeUnits, numberTooLarge
    // The names Validate puts in its messages.
    case whatSKU, whatItemName, whatUnit, whatBin, whatSupplier, whatCustomerCode, whatCustomerName, whatContactName, whatCustomer,
         whatOrderNumber, whatPONumber, whatNote
    // The warehouse's answers.
    case unknownSKU, unknownCustomer, unknownCustomerDidYouMean, ambiguousCustomer
    case orderExists, differsCustomer, differsDate, differsPriority, differsPolicy, differsLines, differsNote
    case arrivalExists, differsSKU, differsQuantity, differsETA, differsSupplier
    case detailOnHand, detailCounted, detailLines, detailArrival, detailName
    // Mappings (--map, --map-file).
    case mapEntryMalformed, mapUnknownColumn, mapHeaderTwice, mapFileUnreadable, mapIgnoredColumn
    // The command.
    case notAKind, cannotRead, moreProblems, notImported, nothingToChange, alreadyImported, dryRunWouldGive, imported,
         counts, create, change, dryRunPrefix
    case unknownDialect

    public var texts: (en: String, nb: String) {
        switch self {
        case .notUTF8:
            return ("the file is not UTF-8 text; save it as \"CSV UTF-8\"", "filen er ikke UTF-8-tekst; lagre den som «CSV UTF-8»")
        case .notValidCSV:
            return ("this record is not valid CSV: a quote inside a field must be doubled (\"\") and the field quoted; nothing after it was read",
                    "denne raden er ikke gyldig CSV: et anførselstegn inne i et felt må dobles (\"\") og feltet stå i anførselstegn; resten av filen ble ikke lest")
        case .quoteNotClosed:
            return ("a quoted field is not closed: it runs to the end of the file",
                    "et felt i anførselstegn lukkes aldri: det går til slutten av filen")
        case .emptyFile:
            return ("the file is empty: it needs a header line naming the columns",
                    "filen er tom: den trenger en overskriftslinje som navngir kolonnene")
        case .columnNumber:
            return ("column {0}", "kolonne {0}")
        case .headerNamesNoColumn:
            return ("the header names no column here", "overskriften mangler et kolonnenavn her")
        case .unknownColumn:
            return ("unknown column; {0} files have {1} (another name can be mapped: --map '{2}=column', or ignored: --map '{2}=-')",
                    "ukjent kolonne; en fil med {0} har kolonnene {1} (et annet navn kan kobles: --map '{2}=kolonne', eller hoppes over: --map '{2}=-')")
        case .columnTwice:
            return ("the column {0} is given twice ({1} in column {2} and {3} in column {4}); skip one with --map '{3}=-'",
                    "kolonnen {0} er oppgitt to ganger ({1} i kolonne {2} og {3} i kolonne {4}); hopp over den ene med --map '{3}=-'")
        case .columnRepeated:
            return ("the column appears twice (columns {0} and {1})", "kolonnen står der to ganger (kolonne {0} og {1})")
        case .requiredMissing:
            return ("required column is missing; {0} files have {1}", "påkrevd kolonne mangler; en fil med {0} har kolonnene {1}")
        case .separatedHint:
            return (" (separated by , or ;)", " (skilt med , eller ;)")
        case .kindItems: return ("items", "varer")
        case .kindStock: return ("stock counts", "varetellinger")
        case .kindCustomers: return ("customers", "kunder")
        case .kindOrders: return ("orders", "ordrer")
        case .kindArrivals: return ("arrivals", "ankomster")
        case .mustBeAtLeast:
            return ("must be at least {0}, not {1}", "må være minst {0}, ikke {1}")
        case .moreThan:
            return ("{0} is more than {1}", "{0} er mer enn {1}")
        case .dayEmpty:
            return ("is empty: give a day as YYYY-MM-DD or DD.MM.YYYY", "er tom: oppgi en dato som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD")
        case .notADay:
            return ("\"{0}\" is not a day: use YYYY-MM-DD or DD.MM.YYYY", "«{0}» er ikke en dato: bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD")
        case .fieldCount:
            return ("{0} fields where the header has {1}; quote a field that holds \"{2}\"",
                    "{0} felt, men overskriften har {1}; sett anførselstegn rundt et felt som inneholder «{2}»")
        case .givenTwice:
            return ("{0} is given twice (first on line {1})", "{0} er oppgitt to ganger (først på linje {1})")
        case .notAPolicy:
            return ("\"{0}\" is not a policy: use partial or complete", "«{0}» er ikke en leveringsregel: bruk dellevering eller komplett")
        case .differs:
            return ("{0} differs from {1} on line {2} of order {3}", "{0} avviker fra {1} på linje {2} i ordre {3}")
        case .empty:
            return ("empty", "tom")
        case .lineEmptyWhileNumbered:
            return ("is empty while other rows of order {0} number their lines", "er tom, mens andre rader i ordre {0} har linjenummer")
        case .lineGivenTwice:
            return ("line {0} of order {1} is given twice (first on line {2})", "linje {0} i ordre {1} er oppgitt to ganger (først på linje {2})")
        case .linesNotNumbered:
            return ("the lines of order {0} must be numbered 1 to {1}, not {2}", "linjene i ordre {0} må nummereres fra 1 til {1}, ikke {2}")
        case .numberEmpty:
            return ("is empty: give a whole number", "er tom: oppgi et helt tall")
        case .numberNegative:
            return ("must not be negative ({0})", "kan ikke være negativ ({0})")
        case .notAWholeNumber:
            return ("\"{0}\" is not a whole number", "«{0}» er ikke et helt tall")
        case .ambiguousSeparator:
            return ("\"{0}\" is ambiguous (a thousands separator or decimals?): write it without separators",
                    "«{0}» kan leses to måter (tusenskille eller desimaler?): skriv tallet uten skilletegn")
        case .notWholeUnits:
            return ("must be a whole number of units, not {0}", "må være et helt antall enheter, ikke {0}")
        case .numberTooLarge:
            return ("\"{0}\" is too large", "«{0}» er for stort")
        case .whatSKU: return ("SKU", "varenummer")
        case .whatItemName: return ("item name", "varenavn")
        case .whatUnit: return ("unit", "enhet")
        case .whatBin: return ("bin location", "lokasjon")
        case .whatSupplier: return ("supplier", "leverandør")
        case .whatCustomerCode: return ("customer code", "kundenummer")
        case .whatCustomerName: return ("customer name", "kundenavn")
        case .whatContactName: return ("contact name", "kontaktperson")
        case .whatCustomer: return ("customer", "kunde")
        case .whatOrderNumber: return ("order number", "ordrenummer")
        case .whatPONumber: return ("PO number", "innkjøpsordrenummer")
        case .whatNote: return ("note", "merknad")
        case .unknownSKU:
            return ("unknown SKU {0}", "ukjent varenummer {0}")
        case .unknownCustomer:
            return ("unknown customer {0}", "ukjent kunde {0}")
        case .unknownCustomerDidYouMean:
            return ("unknown customer {0}; similar names: {1}", "ukjent kunde {0}; lignende navn: {1}")
        case .ambiguousCustomer:
            return ("\"{0}\" is the name of {1} customers: {2}; give the customer code",
                    "«{0}» er navnet på {1} kunder: {2}; oppgi kundenummeret")
        case .orderExists:
            return ("order {0} exists already with {1}; orders are never rewritten", "ordre {0} finnes allerede med {1}; en ordre skrives aldri over")
        case .differsCustomer:
            return ("customer {0} (the file says {1})", "kunde {0} (filen sier {1})")
        case .differsDate:
            return ("date {0} (the file says {1})", "dato {0} (filen sier {1})")
        case .differsPriority:
            return ("priority {0} (the file says {1})", "prioritet {0} (filen sier {1})")
        case .differsPolicy:
            return ("policy {0} (the file says {1})", "leveringsregel {0} (filen sier {1})")
        case .differsLines:
            return ("lines {0} (the file says {1})", "linjer {0} (filen sier {1})")
        case .differsNote:
            return ("note \"{0}\" (the file says \"{1}\")", "merknad «{0}» (filen sier «{1}»)")
        case .arrivalExists:
            return ("arrival {0} exists already with {1}", "ankomst {0} finnes allerede med {1}")
        case .differsSKU:
            return ("SKU {0} (the file says {1})", "varenummer {0} (filen sier {1})")
        case .differsQuantity:
            return ("quantity {0} (the file says {1})", "antall {0} (filen sier {1})")
        case .differsETA:
            return ("ETA {0} (the file says {1}; ETAs move with `arrival eta`)",
                    "forventet ankomst {0} (filen sier {1}; ankomstdatoen flyttes med `arrival eta`)")
        case .differsSupplier:
            return ("supplier {0} (the file says {1})", "leverandør {0} (filen sier {1})")
        case .detailOnHand:
            return ("{0} on hand", "{0} på lager")
        case .detailCounted:
            return ("on hand {0} → {1}", "på lager {0} → {1}")
        case .detailLines:
            return ("{0} {0|line|lines}", "{0} {0|linje|linjer}")
        case .detailArrival:
            return ("{0} × {1} due {2}", "{0} × {1} forventet {2}")
        case .detailName:
            return ("name", "navn")
        case .mapEntryMalformed:
            return ("\"{0}\" is not a mapping: write Header=column (or Header=- to skip the column)",
                    "«{0}» er ikke en kobling: skriv Overskrift=kolonne (eller Overskrift=- for å hoppe over kolonnen)")
        case .mapUnknownColumn:
            return ("\"{0}\" maps to {1}, which is not a column of {2} files; they have {3}",
                    "«{0}» kobles til {1}, som ikke er en kolonne i en fil med {2}; den har kolonnene {3}")
        case .mapHeaderTwice:
            return ("the header \"{0}\" is mapped twice", "overskriften «{0}» er koblet to ganger")
        case .mapFileUnreadable:
            return ("cannot read the mapping file {0}", "kan ikke lese koblingsfilen {0}")
        case .mapIgnoredColumn:
            return ("skipped", "hoppet over")
        case .notAKind:
            return ("\"{0}\" is not something to import: use {1}", "«{0}» kan ikke importeres: bruk {1}")
        case .cannotRead:
            return ("cannot read {0}", "kan ikke lese {0}")
        case .moreProblems:
            return ("… and {0} more {0|problem|problems}", "… og {0} {0|problem|problemer} til")
        case .notImported:
            return ("{0} was not imported: {1} {1|problem|problems}; nothing was changed",
                    "{0} ble ikke importert: {1} {1|problem|problemer}; ingenting ble endret")
        case .nothingToChange:
            return ("{0}: nothing to change; all {1} {2} are as the file says", "{0}: ingenting å endre; alt i filen stemmer allerede ({2}: {1})")
        case .alreadyImported:
            return (" (already imported)", " (allerede importert)")
        case .dryRunPrefix:
            return ("dry run: ", "prøvekjøring: ")
        case .dryRunWouldGive:
            return ("dry run: {0} would give {1} {2}; nothing was changed", "prøvekjøring: {0} ({2}) ville gitt {1}; ingenting ble endret")
        case .imported:
            return ("imported {0}: {1} {2}", "importerte {0} ({2}): {1}")
        case .counts:
            return ("{0} created, {1} changed, {2} unchanged", "{0} {0|ny|nye}, {1} endret, {2} uendret")
        case .create:
            return ("create", "opprett")
        case .change:
            return ("change", "endre")
        case .unknownDialect:
            return ("unknown CSV dialect \"{0}\": use rfc4180 or excel-nb", "ukjent CSV-variant «{0}»: bruk rfc4180 eller excel-nb")
        }
    }
}

extension ImportKind {
    /// What a file of this kind holds, in words: "orders" / "ordrer".
    public var noun: ImportText {
        switch self {
        case .items: return .kindItems
        case .stock: return .kindStock
        case .customers: return .kindCustomers
        case .orders: return .kindOrders
        case .arrivals: return .kindArrivals
        }
    }
}
