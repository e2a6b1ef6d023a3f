import BackorderCore

/// The keymap's short words: the labels of the key hint bar and the help screen's section titles.
public enum KeyText: String, Catalogued {
    // Labels, as the hint bar shows them: short, most used first.
    case pick, ship, receive, cancel, eta, addArrival, customerStatus, newOrder, serveFirst, giveStock, priority, quantity
    case addLine, putBack, returnUnits, reverseReceipt, whyDate, followSKU, markSent, allSent, open, filter, nextPane
    case previousPane, orders, backorders, arrivals, stock, up, down, pageUp, pageDown, first, last, sort, reverseSort
    case back, help, reload, redraw, suspend, quit, language, reports, notices, nextReport, previousReport, mark
    case purchase, supplier, earlier, later, csv, ok, dismiss, yes, no, override
    // Help sections.
    case sectionActions, sectionExceptions, sectionNotices, sectionMoving, sectionGeneral, sectionReports, sectionExport
    case sectionDialogs, sectionPapers
    case pickList, deliveryNote, print, mail, mailAll
    /// The order's customer: its language, e-mail address and contact.
    case customer
    /// Added to a write key's help when the file is open read-only.
    case disabledReadOnly
    /// The space bar's name in the help.
    case spaceBar

    public var texts: (en: String, nb: String) {
        switch self {
        case .pick: return ("Pick", "Plukk")
        case .ship: return ("Ship", "Send")
        case .receive: return ("Receive", "Motta")
        case .cancel: return ("Cancel", "Kanseller")
        case .eta: return ("ETA", "Ny dato")
        case .addArrival: return ("Add arrival", "Ny ankomst")
        case .customerStatus: return ("Cust. status", "Kundestatus")
        case .customer: return ("Customer", "Kunde")
        case .newOrder: return ("New order", "Ny ordre")
        case .serveFirst: return ("Serve first", "Hasteordre")
        case .giveStock: return ("Give stock", "Omfordel")
        case .priority: return ("Priority", "Prioritet")
        case .quantity: return ("Quantity", "Antall")
        case .addLine: return ("Add line", "Ny linje")
        case .putBack: return ("Put back", "Legg tilbake")
        case .returnUnits: return ("Return", "Retur")
        case .reverseReceipt: return ("Reverse receipt", "Reverser mottak")
        case .whyDate: return ("Why date", "Hvorfor dato")
        case .followSKU: return ("Follow SKU", "Følg varenr.")
        case .markSent: return ("Mark sent", "Merk sendt")
        case .allSent: return ("All sent", "Alle sendt")
        // "Vis", as the views' own lines say it ("Enter viser hele teksten"): one column less lets the notices keep q at 80.
        case .open: return ("Open", "Vis")
        case .filter: return ("Filter", "Filtrer")
        case .nextPane: return ("Next pane", "Neste liste")
        case .previousPane: return ("Previous pane", "Forrige liste")
        case .orders: return ("Orders", "Ordrer")
        case .backorders: return ("Backorders", "Restordre")
        case .arrivals: return ("Arrivals", "Ankomster")
        case .stock: return ("Stock", "Lager")
        case .up: return ("Up", "Opp")
        case .down: return ("Down", "Ned")
        case .pageUp: return ("Page up", "Side opp")
        case .pageDown: return ("Page down", "Side ned")
        case .first: return ("First", "Første")
        case .last: return ("Last", "Siste")
        case .sort: return ("Sort", "Sorter")
        case .reverseSort: return ("Reverse sort", "Snu sortering")
        case .back: return ("Back", "Tilbake")
        case .help: return ("Help", "Hjelp")
        case .reload: return ("Reload", "Last på nytt")
        case .redraw: return ("Redraw", "Tegn på nytt")
        case .suspend: return ("Suspend", "Pause")
        case .quit: return ("Quit", "Avslutt")
        case .language: return ("Language", "Språk")
        case .reports: return ("Reports", "Rapporter")
        case .notices: return ("Notices", "Varsler")
        case .nextReport: return ("Next report", "Neste rapport")
        case .previousReport: return ("Previous report", "Forrige rapport")
        case .mark: return ("Mark", "Merk")
        case .purchase: return ("Purchase", "Kjøp inn")
        case .supplier: return ("Supplier", "Leverandør")
        case .earlier: return ("Earlier", "Tidligere")
        case .later: return ("Later", "Senere")
        case .csv: return ("CSV", "CSV")
        case .ok: return ("OK", "OK")
        case .dismiss: return ("Cancel", "Avbryt")
        case .yes: return ("Yes", "Ja")
        case .no: return ("No", "Nei")
        case .override: return ("Override", "Overstyr")
        case .sectionActions: return ("Actions", "Handlinger")
        case .sectionExceptions: return ("Exceptions", "Unntak")
        case .sectionNotices: return ("Customer notices", "Kundevarsler")
        case .sectionMoving: return ("Moving around", "Navigering")
        case .sectionGeneral: return ("General", "Generelt")
        case .sectionReports: return ("Reports", "Rapporter")
        case .sectionExport: return ("Export", "Eksport")
        case .sectionDialogs: return ("In dialogs", "I dialoger")
        case .sectionPapers: return ("Papers", "Papirer")
        case .pickList: return ("Pick list", "Plukkliste")
        case .deliveryNote: return ("Delivery note", "Følgeseddel")
        case .print: return ("Print", "Skriv ut")
        case .mail: return ("E-mail", "E-post")
        case .mailAll: return ("E-mail all", "Send alle")
        case .spaceBar: return ("Space", "Mellomrom")
        case .disabledReadOnly: return ("{0} — disabled: read-only", "{0} — ikke mulig: filen er skrivebeskyttet")
        }
    }
}
