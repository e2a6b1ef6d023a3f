/// Refusals of the shared checks and the warehouse rules: a bad quantity or name, a pick, a shipment, a cancellation,
/// an amendment or a purchase the state does not allow.
public enum RuleText: String, Catalogued {
    // Validate
    case notPositive, tooLarge, negative, quantityEmpty, notWholeNumber, isEmpty, longerThan64, hasSpaces, longerThan200,
         hasLineBreak, leadTimeRange, priorityRange
    // Picks and shipments
    case nothingAllocated, lineGivenTwice, noSuchLine, pickTooMuch, pickTooMuchMissing, nothingToPick, nothingPicked,
         shipComplete
    // Corrections
    case donorSyntax, cancelPicked, nothingOpenToCancel, nothingBackorderedToCancel, lineNumbered, theOrder,
         nothingToPutBack, putBackTooMuch, amendSame, amendBelowFloor
    // Purchasing
    case purchaseNothing, skuTwice, unknownSKU, nothingUncovered, noSupplier, noLeadTime, cannotPurchase
    // Sorting
    case unknownSortColumn

    public var texts: (en: String, nb: String) {
        switch self {
        case .notPositive: return ("{0} must be a positive whole number, not {1}", "{0} må være et positivt heltall, ikke {1}")
        case .tooLarge: return ("{0} {1} is larger than {2}", "{0} {1} er større enn {2}")
        case .negative: return ("{0} must not be negative ({1})", "{0} kan ikke være under null ({1})")
        case .quantityEmpty: return ("{0} is empty: type a whole number", "{0} mangler: skriv et heltall")
        case .notWholeNumber: return ("{0} \"{1}\" is not a whole number", "{0} «{1}» er ikke et heltall")
        case .isEmpty: return ("{0} is empty", "{0} mangler")
        case .longerThan64: return ("{0} is longer than 64 characters", "{0} er lengre enn 64 tegn")
        case .hasSpaces: return ("{0} \"{1}\" contains spaces or control characters", "{0} «{1}» inneholder mellomrom eller kontrolltegn")
        case .longerThan200: return ("{0} is longer than 200 characters", "{0} er lengre enn 200 tegn")
        case .hasLineBreak: return ("{0} contains a line break", "{0} inneholder et linjeskift")
        case .leadTimeRange: return ("lead time must be 0 to {0} days, not {1}", "leveringstiden må være 0 til {0} dager, ikke {1}")
        case .priorityRange: return ("priority must be 1 (most urgent) to 9, not {0}", "prioriteten må være 1 (mest hastende) til 9, ikke {0}")

        case .nothingAllocated:
            return ("nothing is allocated on this order, so there is nothing to pick",
                    "ingenting er reservert på denne ordren, så det er ingenting å plukke")
        case .lineGivenTwice: return ("line {0} is given twice", "linje {0} er oppgitt to ganger")
        case .noSuchLine: return ("the order has no line {0}", "ordren har ingen linje {0}")
        case .pickTooMuch:
            return ("line {0} ({1}) has {2} allocated; cannot pick {3}", "linje {0} ({1}) har {2} reservert; kan ikke plukke {3}")
        case .pickTooMuchMissing:
            return ("line {0} ({1}) has {2} allocated; cannot pick {3} and report {4} missing",
                    "linje {0} ({1}) har {2} reservert; kan ikke plukke {3} og melde {4} som mangler")
        case .nothingToPick: return ("nothing to pick: every quantity is zero", "ingenting å plukke: alle antall er null")
        case .nothingPicked:
            return ("nothing is picked on this order: pick before shipping", "ingenting er plukket på denne ordren: plukk før du sender")
        case .shipComplete:
            return ("the order is ship-complete and {0} unit(s) would stay behind; ship it when everything is picked, or override to ship partially",
                    "ordren skal sendes komplett, og {0} {0|enhet|enheter} ville bli igjen; send den når alt er plukket, "
                    + "eller overstyr for å sende en delforsendelse")

        case .donorSyntax: return ("donor \"{0}\" is not ORDER/LINE=QTY", "linjen det skal tas fra, «{0}», er ikke på formen ORDRE/LINJE=ANTALL")
        case .cancelPicked:
            return ("line {0} ({1}) has {2} unit(s) picked: put them back first (put-back), ship them, or cancel only the backordered units",
                    "linje {0} ({1}) har {2} {2|enhet|enheter} plukket: legg dem tilbake først (put-back), send dem, "
                    + "eller kanseller bare enhetene i restordre")
        case .nothingOpenToCancel:
            return ("{0} has nothing open (backordered or allocated) to cancel",
                    "{0} har ingenting åpent (i restordre eller reservert) å kansellere")
        case .nothingBackorderedToCancel:
            return ("{0} has nothing backordered to cancel", "{0} har ingenting i restordre å kansellere")
        case .lineNumbered: return ("line {0}", "linje {0}")
        case .theOrder: return ("the order", "ordren")
        case .nothingToPutBack:
            return ("nothing is picked on this order, so there is nothing to put back",
                    "ingenting er plukket på denne ordren, så det er ingenting å legge tilbake")
        case .putBackTooMuch:
            return ("line {0} ({1}) has {2} picked; cannot put back {3}", "linje {0} ({1}) har {2} plukket; kan ikke legge tilbake {3}")
        case .amendSame: return ("line {0} ({1}) is already for {2}", "linje {0} ({1}) er allerede på {2}")
        case .amendBelowFloor:
            return ("line {0} ({1}): {2} picked, {3} shipped and {4} cancelled make {5}; the quantity cannot go below that (put back picked units first)",
                    "linje {0} ({1}): {2} plukket, {3} sendt og {4} kansellert gir {5}; antallet kan ikke bli lavere enn det "
                    + "(legg plukkede enheter tilbake først)")

        case .purchaseNothing: return ("name at least one SKU to purchase", "oppgi minst ett varenummer å kjøpe inn")
        case .skuTwice: return ("{0} is given twice", "{0} er oppgitt to ganger")
        case .unknownSKU: return ("unknown SKU {0}", "ukjent varenummer {0}")
        case .nothingUncovered:
            return ("nothing is uncovered ({0} backordered, {1} free, {2} incoming): give a quantity ({3}=QTY) to buy anyway",
                    "ingenting mangler dekning ({0} i restordre, {1} fri beholdning, {2} på vei): oppgi et antall ({3}=ANTALL) "
                    + "for å kjøpe likevel")
        case .noSupplier:
            return ("no default supplier: set one (item set {0} --supplier NAME) or give --supplier",
                    "ingen fast leverandør: sett en (item set {0} --supplier NAVN) eller oppgi --supplier")
        case .noLeadTime:
            return ("no lead time: set one (item set {0} --lead-time DAYS) or give --eta",
                    "ingen leveringstid: sett en (item set {0} --lead-time DAGER) eller oppgi --eta")
        case .cannotPurchase: return ("cannot purchase: {0}", "kan ikke kjøpe inn: {0}")

        case .unknownSortColumn:
            return ("unknown sort column \"{0}\" for the {1} list: use one of {2}",
                    "ukjent sorteringskolonne «{0}» for {1}: bruk en av {2}")
        }
    }
}

/// The names of the fields a check refuses, so "quantity must be a positive whole number" reads "antall må være…".
public enum FieldText: String, Catalogued {
    case quantity, sku, note, reason, cancellationReason, itemName, unit, binLocation, stockOnHand, customerCode, customerName,
         countedQuantity, orderNumber, poNumber, poLine, supplier, expectedQuantity, receivedQuantity, returnedQuantity,
         pickedQuantity, leadTime, receiptNumber, reallocateQuantity
    case skuOfLine, quantityOfLine, quantityOfLineSKU, quantityOf, supplierOf, quantityFrom, quantityFromLine, putBackOnLine,
         newQuantityOfLine, pickedOfLine, missingOfLine

    public var texts: (en: String, nb: String) {
        switch self {
        case .quantity: return ("quantity", "antall")
        case .sku: return ("SKU", "varenummer")
        case .note: return ("note", "merknad")
        case .reason: return ("reason", "begrunnelse")
        case .cancellationReason: return ("cancellation reason", "begrunnelse for kanselleringen")
        case .itemName: return ("item name", "varenavn")
        case .unit: return ("unit", "enhet")
        case .binLocation: return ("bin location", "lokasjon")
        case .stockOnHand: return ("stock on hand", "lagerbeholdning")
        case .customerCode: return ("customer code", "kundenummer")
        case .customerName: return ("customer name", "kundenavn")
        case .countedQuantity: return ("counted quantity", "opptalt antall")
        case .orderNumber: return ("order number", "ordrenummer")
        case .poNumber: return ("PO number", "innkjøpsordrenummer")
        case .poLine: return ("PO line", "innkjøpslinje")
        case .supplier: return ("supplier", "leverandør")
        case .expectedQuantity: return ("expected quantity", "forventet antall")
        case .receivedQuantity: return ("received quantity", "mottatt antall")
        case .returnedQuantity: return ("returned quantity", "returnert antall")
        case .pickedQuantity: return ("picked quantity", "plukket antall")
        case .leadTime: return ("lead time", "leveringstid")
        case .receiptNumber: return ("receipt number", "mottaksnummer")
        case .reallocateQuantity: return ("quantity to re-allocate", "antall å omfordele")
        case .skuOfLine: return ("SKU of line {0}", "varenummer på linje {0}")
        case .quantityOfLine: return ("quantity of line {0}", "antall på linje {0}")
        case .quantityOfLineSKU: return ("quantity of line {0} ({1})", "antall på linje {0} ({1})")
        case .quantityOf: return ("quantity of {0}", "antall av {0}")
        case .supplierOf: return ("supplier of {0}", "leverandør for {0}")
        case .quantityFrom: return ("quantity from {0}", "antall fra {0}")
        case .quantityFromLine: return ("quantity from {0} line {1}", "antall fra {0} linje {1}")
        case .putBackOnLine: return ("quantity to put back on line {0}", "antall å legge tilbake på linje {0}")
        case .newQuantityOfLine: return ("new quantity of line {0}", "nytt antall på linje {0}")
        case .pickedOfLine: return ("picked quantity of line {0}", "plukket antall på linje {0}")
        case .missingOfLine: return ("missing quantity of line {0}", "manglende antall på linje {0}")
        }
    }
}

extension Array where Element == LocalText {
    /// The texts one after another with `separator` between them, worded together when read.
    public func joined(separator: String) -> LocalText {
        let parts = self
        return LocalText { l in parts.map { $0.text(l) }.joined(separator: separator) }
    }
}

/// What a replay script's reader says about a line it cannot read. Commands and settings stay as written.
public enum ScriptText: String, Catalogued {
    case scriptLine, quoteOpen, needs, missing, notWhole, notDay, unknownSetting, notTime, notSKUQty, policy, notLineQty,
         unknownCommand, notPOLine, customerLanguage

    public var texts: (en: String, nb: String) {
        switch self {
        case .scriptLine: return ("line {0}: {1}", "linje {0}: {1}")
        case .customerLanguage: return ("customer: lang must be nb or en, not \"{0}\"", "customer: lang må være nb eller en, ikke «{0}»")
        case .quoteOpen: return ("a quote is not closed", "et anførselstegn er ikke lukket")
        case .needs: return ("{0} needs: {1}", "{0} trenger: {1}")
        case .missing: return ("{0}: {1} is missing", "{0}: {1} mangler")
        case .notWhole: return ("{0}: {1} \"{2}\" is not a whole number", "{0}: {1} «{2}» er ikke et heltall")
        case .notDay: return ("{0}: {1} \"{2}\" is not a day (YYYY-MM-DD or d-N / d+N)", "{0}: {1} «{2}» er ikke en dag (ÅÅÅÅ-MM-DD eller d-N / d+N)")
        case .unknownSetting: return ("{0}: unknown setting {1}= (known: {2})", "{0}: ukjent innstilling {1}= (kjente: {2})")
        case .notTime: return ("at: \"{0}\" is not a time HH:MM", "at: «{0}» er ikke et klokkeslett TT:MM")
        case .notSKUQty: return ("order: line \"{0}\" is not SKU:QTY", "order: linjen «{0}» er ikke VARENR:ANTALL")
        case .policy: return ("order: policy must be partial or complete", "order: policy må være partial eller complete")
        case .notLineQty: return ("pick: \"{0}\" is not LINE=QTY", "pick: «{0}» er ikke LINJE=ANTALL")
        case .unknownCommand: return ("unknown command \"{0}\"", "ukjent kommando «{0}»")
        case .notPOLine: return ("\"{0}\" is not PO/LINE", "«{0}» er ikke INNKJØP/LINJE")
        }
    }
}

/// The names of the lists and ship policies inside messages ("for the orders list", "policy partial → complete").
public enum NameText: String, Catalogued {
    case orders, backorders, arrivals, stock, partial, complete, keySKU, keyCustomer, keyOrder, keyArrival

    public var texts: (en: String, nb: String) {
        switch self {
        case .orders: return ("orders", "ordrelisten")
        case .backorders: return ("backorders", "restordrelisten")
        case .arrivals: return ("arrivals", "ankomstlisten")
        case .stock: return ("stock", "lagerlisten")
        case .partial: return ("partial", "dellevering")
        case .complete: return ("complete", "samlet levering")
        case .keySKU: return ("SKU", "varenummer")
        case .keyCustomer: return ("customer", "kunde")
        case .keyOrder: return ("order", "ordre")
        case .keyArrival: return ("arrival", "ankomst")
        }
    }
}

extension ListKind {
    /// The list's name inside a message, in the reader's language.
    public var localName: LocalText { .t(NameText(rawValue: rawValue)!) }
}

extension ShipPolicy {
    /// The policy's name inside a message, in the reader's language (`rawValue` stays the CLI's and the file's word).
    public var localName: LocalText { .t(NameText(rawValue: rawValue)!) }
}

/// The item fields `changeItem` reports as changed (its keys stay English): worded for a person by `ItemFieldText.named`.
public enum ItemFieldText: String, Catalogued {
    case name, unit, bin, moq, pack, supplier, leadTime = "lead time"

    public var texts: (en: String, nb: String) {
        switch self {
        case .name: return ("name", "navn")
        case .unit: return ("unit", "enhet")
        case .bin: return ("bin", "lokasjon")
        case .moq: return ("moq", "min. bestilling")
        case .pack: return ("pack", "pakning")
        case .supplier: return ("supplier", "leverandør")
        case .leadTime: return ("lead time", "leveringstid")
        }
    }

    /// A changed field's key as a person reads it; a key this catalogue does not know is shown as it is.
    public static func named(_ key: String) -> LocalText { ItemFieldText(rawValue: key).map { .t($0) } ?? .verbatim(key) }
}
