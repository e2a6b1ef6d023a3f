/// The papers that travel with the goods: the pick list (the warehouse reads it) and the delivery note (the customer
/// reads it, in the customer's language), the print command's messages, and the `pick-list` / `delivery-note` commands.
public enum PaperText: String, Catalogued {
    // The pick list.
    case pickListHeading, pickListTitle, dateLabel, orderLabel, ordersLabel, orderSummary, orderSummaryPriority, noteLine
    case colBin, colSKU, colItem, colQty, colUnit, colOrderLine, colPicked, colLine, colShipment, colDate, colExpected
    case noBin, pickTotals, nothingToPick, pickSignature
    // The delivery note.
    case deliveryNoteHeading, deliveryNoteTitle, customerLabel, shipmentLabel, noteLabel, printedLabel
    case orderPlaced, shipmentInfo, inThisShipment, deliveredBefore, nothingBefore, shippedAfter, stillToCome, nothingRemains
    case noDateYet, inStock, delayed, cancelledHeading, receivedSignature, questions
    // Looking papers up.
    case noShipmentYet, unknownShipment, shipmentOfOtherOrder, nothingAllocated, selectOrder, printHint
    // Printing.
    case printed, printedQuietly, printNotFound, printFailed, printNotStarted, printNotSetUp, wroteFile
    // The commands' help.
    case pickListAbstract, pickListDiscussion, pickListOrdersHelp, deliveryNoteAbstract, deliveryNoteDiscussion
    case deliveryNoteShipmentHelp, deliveryNoteOrderHelp, printHelp, printerHelp, outputHelp, warehouseHelp, jsonHelp
    case shipmentOrOrder, printerNeedsPrint, jsonAlone

    public var texts: (en: String, nb: String) {
        switch self {
        case .pickListHeading: return ("PICK LIST", "PLUKKLISTE")
        case .pickListTitle: return ("Pick list {0}", "Plukkliste {0}")
        case .dateLabel: return ("Date:", "Dato:")
        case .orderLabel: return ("Order:", "Ordre:")
        case .ordersLabel: return ("Orders:", "Ordrer:")
        case .orderSummary: return ("{0}  {1} ({2}), ordered {3}", "{0}  {1} ({2}), bestilt {3}")
        case .orderSummaryPriority: return ("{0}  {1} ({2}), ordered {3}, priority {4}", "{0}  {1} ({2}), bestilt {3}, prioritet {4}")
        case .noteLine: return ("Note on {0}: {1}", "Merknad på {0}: {1}")
        case .colBin: return ("Bin", "Lokasjon")
        case .colSKU: return ("SKU", "Varenr.")
        case .colItem: return ("Item", "Varenavn")
        case .colQty: return ("Qty", "Antall")
        case .colUnit: return ("Unit", "Enhet")
        case .colOrderLine: return ("Order/line", "Ordre/linje")
        case .colPicked: return ("Picked", "Plukket")
        case .colLine: return ("Line", "Linje")
        case .colShipment: return ("Shipment", "Forsendelse")
        case .colDate: return ("Date", "Dato")
        case .colExpected: return ("Expected", "Forventet")
        case .noBin: return ("(none)", "(ingen)")
        case .pickTotals: return ("{0} {0|line|lines}, {1} {1|unit|units} to pick", "{0} {0|linje|linjer}, {1} {1|enhet|enheter} å plukke")
        case .nothingToPick: return ("Nothing to pick: no units are allocated.", "Ingenting å plukke: ingen enheter er reservert.")
        case .pickSignature:
            return ("Picked by: ________________  Date: __________  Checked by: ________________",
                    "Plukket av: ______________  Dato: __________  Kontrollert av: ______________")

        case .deliveryNoteHeading: return ("DELIVERY NOTE", "FØLGESEDDEL")
        case .deliveryNoteTitle: return ("Delivery note {0}", "Følgeseddel {0}")
        case .customerLabel: return ("Customer:", "Kunde:")
        case .shipmentLabel: return ("Shipment:", "Forsendelse:")
        case .noteLabel: return ("Note:", "Merknad:")
        case .printedLabel: return ("Printed:", "Skrevet ut:")
        case .orderPlaced: return ("{0}, ordered {1}", "{0}, bestilt {1}")
        case .shipmentInfo: return ("{0}, shipped {1} (shipment {2} of this order)", "{0}, sendt {1} (forsendelse {2} på denne ordren)")
        case .inThisShipment: return ("In this shipment", "I denne forsendelsen")
        case .deliveredBefore: return ("Delivered before", "Levert tidligere")
        case .nothingBefore: return ("Nothing delivered before: this is the first shipment.",
                                     "Ingenting levert tidligere: dette er første forsendelse.")
        case .shippedAfter: return ("Shipped after this one", "Sendt etter denne forsendelsen")
        case .stillToCome: return ("On backorder and still to come (as of {0})", "I restordre og utestående (per {0})")
        case .nothingRemains: return ("Nothing outstanding: the order is delivered in full.", "Ingenting utestående: ordren er levert i sin helhet.")
        case .noDateYet: return ("no date yet", "ingen dato ennå")
        case .inStock: return ("in stock, ships soon", "på lager, sendes snart")
        case .delayed: return ("{0} (delayed)", "{0} (forsinket)")
        case .cancelledHeading: return ("Cancelled", "Kansellert")
        case .receivedSignature: return ("Received by: ______________________  Date: ____________",
                                         "Mottatt av: ______________________  Dato: ____________")
        case .questions: return ("Questions about the order? Quote order number {0}.", "Spørsmål om ordren? Oppgi ordrenummer {0}.")

        case .noShipmentYet: return ("{0} has not shipped anything yet: there is no delivery note", "{0} har ikke sendt noe ennå: det finnes ingen følgeseddel")
        case .unknownShipment: return ("no shipment {0}", "ingen forsendelse {0}")
        case .shipmentOfOtherOrder: return ("shipment {0} belongs to order {1}, not {2}", "forsendelse {0} hører til ordre {1}, ikke {2}")
        case .selectOrder: return ("Select an order (pane 1) or a backorder line (pane 2) first",
                                   "Velg en ordre (rute 1) eller en restordrelinje (rute 2) først")
        case .printHint: return ("p prints this paper · Esc closes it", "p skriver ut · Esc lukker")
        case .nothingAllocated: return ("nothing to pick on {0}: no units are allocated", "ingenting å plukke på {0}: ingen enheter er reservert")

        case .printed: return ("Sent to the printer with \"{0}\": {1}", "Sendt til skriveren med «{0}»: {1}")
        case .printedQuietly: return ("Sent to the printer with \"{0}\"", "Sendt til skriveren med «{0}»")
        case .printNotFound: return ("no print command \"{0}\": install cups-client (lp) or set BACKORDERS_PRINT",
                                     "fant ikke utskriftskommandoen «{0}»: installer cups-client (lp) eller sett BACKORDERS_PRINT")
        case .printFailed: return ("printing with \"{0}\" failed (exit status {1}): {2}", "utskrift med «{0}» feilet (avslutningskode {1}): {2}")
        case .printNotStarted: return ("could not start the print command \"{0}\": {1}", "kunne ikke starte utskriftskommandoen «{0}»: {1}")
        case .printNotSetUp: return ("printing is not set up in this session", "utskrift er ikke satt opp i denne økten")
        case .wroteFile: return ("wrote {0}", "skrev {0}")

        case .pickListAbstract: return ("A pick list: what is allocated and not yet picked on the orders, sorted by bin.",
                                        "Plukkliste: det som er reservert og ikke plukket på ordrene, sortert etter lokasjon.")
        case .pickListDiscussion:
            return ("Several orders make one list. Without --print or --output the text goes to stdout. --print hands it to lp "
                        + "(CUPS), or to the command in $BACKORDERS_PRINT; --printer NAME adds -d NAME.",
                    "Flere ordrer gir én liste. Uten --print eller --output skrives teksten til stdout. --print sender den til lp "
                        + "(CUPS), eller til kommandoen i $BACKORDERS_PRINT; --printer NAVN legger til -d NAVN.")
        case .pickListOrdersHelp: return ("The orders to pick.", "Ordrene som skal plukkes.")
        case .deliveryNoteAbstract: return ("A delivery note for a shipment: what it holds, what came before, what is still on backorder.",
                                            "Følgeseddel for en forsendelse: hva den inneholder, hva som er levert før, og hva som står i restordre.")
        case .deliveryNoteDiscussion:
            return ("Written in the customer's language. Name a shipment, or --order for the order's latest shipment. "
                        + "Without --print or --output the text goes to stdout; --print as for pick-list.",
                    "Skrives på kundens språk. Oppgi en forsendelse, eller --order for ordrens siste forsendelse. "
                        + "Uten --print eller --output skrives teksten til stdout; --print som for pick-list.")
        case .deliveryNoteShipmentHelp: return ("The shipment (SH-…).", "Forsendelsen (SH-…).")
        case .deliveryNoteOrderHelp: return ("The order whose latest shipment the note is for.", "Ordren: følgeseddelen gjelder dens siste forsendelse.")
        case .printHelp: return ("Send the text to the printer (lp, or $BACKORDERS_PRINT).", "Send teksten til skriveren (lp, eller $BACKORDERS_PRINT).")
        case .printerHelp: return ("The printer (passed to the print command as -d NAME).", "Skriveren (gis til utskriftskommandoen som -d NAVN).")
        case .outputHelp: return ("Write the text to this file (UTF-8).", "Skriv teksten til denne filen (UTF-8).")
        case .warehouseHelp: return ("The warehouse named in the header (default: $BACKORDERS_WAREHOUSE, else the data file's name).",
                                     "Lageret som står i toppteksten (standard: $BACKORDERS_WAREHOUSE, ellers navnet på datafilen).")
        case .jsonHelp: return ("Print the paper's content as JSON instead of text.", "Skriv innholdet som JSON i stedet for tekst.")
        case .shipmentOrOrder: return ("name a shipment or --order ORDER", "oppgi en forsendelse eller --order ORDRE")
        case .printerNeedsPrint: return ("--printer names the printer for --print: give both", "--printer velger skriver for --print: oppgi begge")
        case .jsonAlone: return ("--json prints to stdout: leave out --print and --output", "--json skriver til stdout: dropp --print og --output")
        }
    }
}
