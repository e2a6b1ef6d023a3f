import BackorderCore

/// What the panes' dialogs ask and say about what was typed: the new arrival's questions, the names of the values
/// checked, and why a value was not accepted.
public enum InputText: String, Catalogued {
    case promptSupplier, promptPONumber, promptPOLine, promptSKU, promptQuantity, promptETA
    case pickedQuantity, receivedQuantity, eta, reason, supplier, poNumber, poLine, sku, expectedQuantity, quantityOf, leadTime
    case tooManyPicked, pressYesOrNo, shipCompleteOverride, receiveTargetEmpty, workingReceipt, alreadyExpected, workingETA
    case poLineTooSmall, everyQuantityZero, notADay, arrivalClosed, noArrivalOrSKU

    public var texts: (en: String, nb: String) {
        switch self {
        case .promptSupplier: return ("Supplier", "Leverandør")
        case .promptPONumber: return ("Purchase order number", "Innkjøpsordrenummer")
        case .promptPOLine: return ("PO line number", "Linjenummer på innkjøpsordren")
        case .promptSKU: return ("SKU", "Varenummer")
        case .promptQuantity: return ("Expected quantity", "Forventet antall")
        case .promptETA: return ("ETA (YYYY-MM-DD, +N days, or today)", "Forventet ankomst (DD.MM.ÅÅÅÅ, +N dager eller «i dag»)")
        case .pickedQuantity: return ("picked quantity", "plukket antall")
        case .receivedQuantity: return ("received quantity", "mottatt antall")
        case .eta: return ("ETA", "ankomstdato")
        case .reason: return ("reason", "begrunnelse")
        case .supplier: return ("supplier", "leverandør")
        case .poNumber: return ("PO number", "innkjøpsordrenummer")
        case .poLine: return ("PO line", "innkjøpsordrelinje")
        case .sku: return ("SKU", "varenr.")
        case .expectedQuantity: return ("expected quantity", "forventet antall")
        case .quantityOf: return ("quantity of {0}", "antall av {0}")
        case .leadTime: return ("lead time", "leveringstid")
        case .tooManyPicked:
            return ("only {0} allocated on line {1}: pick at most {0}", "bare {0} reservert på linje {1}: plukk høyst {0}")
        case .pressYesOrNo:
            return ("press y (the rest is missing) or n (pick the rest later)", "trykk y (resten mangler) eller n (plukk resten senere)")
        case .shipCompleteOverride:
            return ("ship-complete order: press O to ship partially anyway, or Esc",
                    "ordren skal leveres komplett: trykk O for å sende delvis likevel, eller Esc")
        case .receiveTargetEmpty:
            return ("type the arrival as PO/line, or a SKU for an unplanned receipt",
                    "skriv ankomsten som innkjøpsordre/linje, eller et varenr. for et uplanlagt mottak")
        case .workingReceipt: return ("Working out which orders get what…", "Regner ut hvilke ordrer som får hva …")
        case .alreadyExpected: return ("{0} is already expected on {1}", "{0} er allerede ventet {1}")
        case .workingETA: return ("Working out whose promised dates move…", "Regner ut hvilke lovede datoer som flyttes …")
        case .poLineTooSmall: return ("PO line must be 1 or more", "linjenummeret må være 1 eller mer")
        case .everyQuantityZero:
            return ("every quantity was 0: nothing to pick; type what was taken from the shelf, or Esc",
                    "alle antall var 0: ingenting å plukke; skriv hva som ble tatt fra hylla, eller Esc")
        case .notADay:
            return ("{0} \"{1}\" is not a day: use YYYY-MM-DD, today, +N or -N",
                    "{0} «{1}» er ikke en dato: bruk DD.MM.ÅÅÅÅ, «i dag», +N eller -N")
        case .arrivalClosed:
            return ("{0} is closed (fully received); type the SKU to book extra units unplanned",
                    "{0} er avsluttet (alt er mottatt); skriv varenummeret for å ta imot ekstra enheter uplanlagt")
        case .noArrivalOrSKU:
            return ("no expected arrival and no SKU \"{0}\": type PO/line or a SKU",
                    "ingen forventet ankomst og intet varenr. «{0}»: skriv innkjøpsordre/linje eller et varenr.")
        }
    }
}
