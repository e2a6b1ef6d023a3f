import BackorderCore

/// The words of the order desk: a new order's customer and lines found as the clerk types, then what each line gets.
enum OrderDeskText: String, Catalogued {
    case title, titleFor, customer, line, askCustomer, askItem, askNextItem, itemHit, itemFree, quantity, priority, policy
    case header, shipComplete, partialShipments, nothingYet, previewLine, confirmTitle
    case fromStock, fromStockAnd, onBackorder, promisedFrom, promisedOn, noArrivalPlanned
    case noCustomer, needsLine, noItem, whatQuantity, priorityRange, typePolicy, workingOut

    var texts: (en: String, nb: String) {
        switch self {
        case .title: return ("New order", "Ny ordre")
        case .titleFor: return ("New order for {0}", "Ny ordre til {0}")
        case .customer: return ("Customer: {0} {1}", "Kunde: {0} {1}")
        case .line: return ("• {0} {1} {2} × {3}", "• {0} {1} {2} × {3}")
        case .askCustomer: return ("Customer (type part of a code or name; ↑↓ choose, Enter takes it):",
                                   "Kunde (skriv del av kundenr. eller navn; ↑↓ velg, Enter tar den):")
        case .askItem: return ("Item (type part of a SKU or name; ↑↓ choose, Enter takes it):",
                               "Vare (skriv del av varenr. eller navn; ↑↓ velg, Enter tar den):")
        case .askNextItem: return ("Next item, or Enter on an empty line when the order is complete:",
                                   "Neste vare, eller Enter på tom linje når ordren er ferdig:")
        case .itemHit: return ("{0} {1} — {2} free", "{0} {1} — {2} ledig")
        case .itemFree: return ("{0} {1}: {2} free, {3} already waiting", "{0} {1}: {2} ledig, {3} venter allerede")
        case .quantity: return ("Quantity:", "Antall:")
        case .priority: return ("Priority, 1 (most urgent) to 9:", "Prioritet, 1 (haster mest) til 9:")
        case .policy: return ("p: partial shipments allowed; c: ship complete:", "p: delforsendelser tillatt; c: send komplett:")
        case .header: return ("{0}, priority {1}, {2}.", "{0}, prioritet {1}, {2}.")
        case .shipComplete: return ("ship complete", "sendes komplett")
        case .partialShipments: return ("partial shipments", "delforsendelser")
        case .nothingYet: return ("Nothing is created yet. Each line gets, as of now:", "Ingenting er opprettet ennå. Slik blir linjene nå:")
        case .previewLine: return ("• {0} {1} × {2}: {3}", "• {0} {1} × {2}: {3}")
        case .confirmTitle: return ("Confirm new order", "Bekreft ny ordre")
        case .fromStock: return ("{0} from stock", "{0} fra lager")
        case .fromStockAnd: return ("{0} from stock, ", "{0} fra lager, ")
        case .onBackorder: return ("{0} on backorder, {1}", "{0} i restordre, {1}")
        case .promisedFrom: return ("promised {0} ({1})", "lovet {0} ({1})")
        case .promisedOn: return ("promised {0}", "lovet {0}")
        case .noArrivalPlanned: return ("no arrival planned", "ingen ankomst planlagt")
        case .noCustomer: return ("no customer matches \"{0}\": type part of a code or name",
                                  "ingen kunde passer til «{0}»: skriv del av kundenr. eller navn")
        case .needsLine: return ("an order needs at least one line: type a SKU or an item name",
                                 "en ordre trenger minst én linje: skriv et varenummer eller et varenavn")
        case .noItem: return ("no item matches \"{0}\": type part of a SKU or name", "ingen vare passer til «{0}»: skriv del av varenr. eller navn")
        case .whatQuantity: return ("quantity", "antall")
        case .priorityRange: return ("priority is 1 (most urgent) to 9", "prioritet er 1 (haster mest) til 9")
        case .typePolicy: return ("type p (partial shipments) or c (ship complete)", "skriv p (delforsendelser) eller c (send komplett)")
        case .workingOut: return ("Working out what each line gets…", "Regner ut hva hver linje får…")
        }
    }
}
