import BackorderCore

/// The words of the supervisor's reports (aging, shortage, late arrivals, service level, backlog): tabs, titles, column
/// heads, cells and the messages of the reports view.
enum ReportText: String, Catalogued {
    // Tabs and captions
    case tabAging, tabShortage, tabLate, tabService, tabBacklog, onDay, computing
    // Aging
    case agingTitle, bucket0to7, bucket8to14, bucket15to30, bucket31to60, bucketOver60, short0to7, short8to14, short15to30
    case short31to60, shortOver60, agingValue, agingCompact, agingEmpty, colAge, colLines, colUnits, colOrders, colShare, total
    case bucketLinesTitle
    // Shortage
    case shortageTitle, shortageMarkKeys, shortageMarked, shortageEmpty, colSKU, colItem, colBODemand, colLinesShort, colFree
    case colIncoming, colUncovered, colOldest, colMOQ, colPack, colBuy, colSupplier, colLead
    // Late arrivals and suppliers
    case lateTitle, lateEmpty, nobodyWaits, suppliersTitle, suppliersEmpty, colPOLine, colOutstanding, colETA, colLateDays
    case colMoved, colWaiting, colArrivals, colOpen, colLate, colMovedShort, colChanges, colDaysMoved, colAvgChange, colLargest
    // Service level
    case serviceTitle, colWho, colName, colLineFill, colOrderFill, colBOUnits, colAvgWait, all, wholeWarehouse, perCustomer
    case perItem, days
    // Backlog
    case backlogTitle, backlogEmpty, colCustomer, colNextPromised, colUnpromised, nonePlanned
    // Messages of the reports view
    case reportsKeys, periodKeys, periodEndsToday, servicePeriod, bucketEmpty, spaceMarks, noneMarked, marked, purchaseWhere
    case nothingToPurchase, supplierWhere, customerLines, backToReport

    var texts: (en: String, nb: String) {
        switch self {
        case .tabAging: return ("Aging", "Alder")
        case .tabShortage: return ("Shortage", "Mangel")
        case .tabLate: return ("Late", "Forsinket")
        case .tabService: return ("Service", "Servicegrad")
        case .tabBacklog: return ("Backlog", "Restanse")
        case .onDay: return ("on {0}", "per {0}")
        case .computing: return ("Computing the {0} report…", "Regner ut rapporten «{0}»…")

        case .agingTitle: return ("{0} {0|unit|units} on {1} {1|line|lines} by age (bars: units) · Enter: a bucket's lines",
                                  "{0} {0|enhet|enheter} på {1} {1|linje|linjer} etter alder (søyler: enheter) · Enter: linjene bak")
        case .bucket0to7: return ("0–7 days", "0–7 dager")
        case .bucket8to14: return ("8–14 days", "8–14 dager")
        case .bucket15to30: return ("15–30 days", "15–30 dager")
        case .bucket31to60: return ("31–60 days", "31–60 dager")
        case .bucketOver60: return ("over 60 days", "over 60 dager")
        case .short0to7: return ("0–7 d", "0–7 d")
        case .short8to14: return ("8–14 d", "8–14 d")
        case .short15to30: return ("15–30 d", "15–30 d")
        case .short31to60: return ("31–60 d", "31–60 d")
        case .shortOver60: return ("over 60 d", "over 60 d")
        case .agingValue: return ("{0} u · {1} {1|line|lines} · {2} {2|order|orders}", "{0} enh · {1} {1|linje|linjer} · {2} {2|ordre|ordrer}")
        case .agingCompact: return ("{0}u {1}l", "{0}e {1}l")
        case .agingEmpty: return ("No backorder lines wait: every order line has its stock",
                                  "Ingen restordrelinjer venter: alle ordrelinjer har varene sine")
        case .colAge: return ("Age", "Alder")
        case .colLines: return ("Lines", "Linjer")
        case .colUnits: return ("Units", "Enh.")
        case .colOrders: return ("Orders", "Ordrer")
        case .colShare: return ("Share of units", "Andel enheter")
        case .total: return ("Total", "Sum")
        case .bucketLinesTitle: return ("Lines waiting {0}: {1} · Enter opens the order, Esc back to the chart",
                                        "Linjer som har ventet {0}: {1} · Enter åpner ordren, Esc tilbake til diagrammet")

        case .shortageTitle: return ("{0} {0|short item|short items}, {1} uncovered · Enter: backorders · {2}",
                                     "{0} {0|vare|varer} mangler, {1} udekket · Enter: restordrer · {2}")
        case .shortageMarkKeys: return ("Space: mark · P: purchase", "Mellomrom: merk · P: kjøp inn")
        case .shortageMarked: return ("{0} marked · P: purchase them", "{0} merket · P: kjøp dem inn")
        case .shortageEmpty: return ("No item is short: free stock and arrivals cover every backorder",
                                     "Ingen vare mangler: fri beholdning og ankomster dekker all restordre")
        case .colSKU: return ("SKU", "Varenr.")
        case .colItem: return ("Item", "Vare")
        case .colBODemand: return ("BO dem", "Rest")
        case .colLinesShort: return ("Lines", "Linj.")
        case .colFree: return ("Free", "Ledig")
        case .colIncoming: return ("Incoming", "Kommer")
        case .colUncovered: return ("Uncovered", "Udekket")
        case .colOldest: return ("Oldest d", "Eldste d")
        case .colMOQ: return ("MOQ", "Min.")
        case .colPack: return ("Pack", "Pakke")
        case .colBuy: return ("Buy", "Kjøp")
        case .colSupplier: return ("Supplier", "Leverandør")
        case .colLead: return ("Lead", "Tid")

        case .lateTitle: return ("{0} {0|arrival|arrivals} past ETA, {1} {1|order|orders} waiting · Enter: ETA history",
                                 "{0} {0|ankomst|ankomster} forsinket, {1} {1|ordre|ordrer} venter · Enter: datohistorikk")
        case .lateEmpty: return ("No arrival is past its ETA", "Ingen ankomst er forsinket")
        case .nobodyWaits: return ("nobody waits", "ingen venter")
        case .suppliersTitle: return ("Suppliers: how often and by how many days their ETAs moved",
                                      "Leverandører: hvor ofte og hvor mange dager ankomstdatoene flyttet seg")
        case .suppliersEmpty: return ("No arrivals yet", "Ingen ankomster ennå")
        case .colPOLine: return ("PO/line", "Innkjøp")
        case .colOutstanding: return ("Outst", "Utest")
        case .colETA: return ("ETA", "Ankomst")
        case .colLateDays: return ("Late d", "Sent d")
        case .colMoved: return ("Moved", "Flyttet")
        case .colWaiting: return ("Waiting orders", "Ventende ordrer")
        case .colArrivals: return ("Arrivals", "Ankomst.")
        case .colOpen: return ("Open", "Åpne")
        case .colLate: return ("Late", "Sene")
        case .colMovedShort: return ("Moved", "Flytt")
        case .colChanges: return ("Changes", "Endr.")
        case .colDaysMoved: return ("Days moved", "Dager fl.")
        case .colAvgChange: return ("Avg/chg", "Snitt/e")
        case .colLargest: return ("Largest", "Størst")

        case .serviceTitle: return ("Service level {0} – {1} ([ earlier, ] later)", "Servicegrad {0} – {1} ([ tidligere, ] senere)")
        case .colWho: return ("Who", "Hvem")
        case .colName: return ("Name", "Navn")
        case .colLineFill: return ("Line fill", "Linjegrad")
        case .colOrderFill: return ("Order fill", "Ordregrad")
        case .colBOUnits: return ("BO units", "Rest enh")
        case .colAvgWait: return ("Avg wait", "Ventetid")
        case .all: return ("All", "Alle")
        case .wholeWarehouse: return ("the whole warehouse", "hele lageret")
        case .perCustomer: return ("Per customer", "Per kunde")
        case .perItem: return ("Per item", "Per vare")
        case .days: return ("{0} d", "{0} d")

        case .backlogTitle: return ("{0} {0|customer|customers} waiting for {1} {1|unit|units} · Enter: their lines",
                                    "{0} {0|kunde|kunder} venter på {1} {1|enhet|enheter} · Enter: linjene deres")
        case .backlogEmpty: return ("No customer waits for anything", "Ingen kunde venter på noe")
        case .colCustomer: return ("Customer", "Kunde")
        case .colNextPromised: return ("Next promised", "Neste lovet")
        case .colUnpromised: return ("Unpromised", "Uten dato")
        case .nonePlanned: return ("none planned", "ikke planlagt")

        case .reportsKeys: return ("Reports: Tab next · Enter the rows behind a figure · w CSV · Esc back",
                                   "Rapporter: Tab neste · Enter linjene bak et tall · w CSV · Esc tilbake")
        case .periodKeys: return ("[ and ] move the period of the service-level report (Tab to it)",
                                  "[ og ] flytter perioden i servicegraden (Tab dit)")
        case .periodEndsToday: return ("The period already ends today", "Perioden slutter allerede i dag")
        case .servicePeriod: return ("Service level {0} – {1}", "Servicegrad {0} – {1}")
        case .bucketEmpty: return ("No backorder line has waited {0}", "Ingen restordrelinje har ventet {0}")
        case .spaceMarks: return ("Space marks items in the shortage report (Tab to it)", "Mellomrom merker varer i mangelrapporten (Tab dit)")
        case .noneMarked: return ("No item marked", "Ingen vare merket")
        case .marked: return ("{0} {0|item|items} marked · P purchases them", "{0} {0|vare|varer} merket · P kjøper dem inn")
        case .purchaseWhere: return ("P purchases from the shortage report (Tab to it)", "P kjøper inn fra mangelrapporten (Tab dit)")
        case .nothingToPurchase: return ("No item is short: nothing to purchase", "Ingen vare mangler: ingenting å kjøpe inn")
        case .supplierWhere: return ("S sets the supplier of an item: select one in the stock pane (4) or the shortage report",
                                     "S setter leverandør for en vare: velg en i lagerruten (4) eller i mangelrapporten")
        case .customerLines: return ("Backorder lines of {0} (Esc drops the restriction, R goes back to the report)",
                                     "Restordrelinjer for {0} (Esc fjerner avgrensningen, R går tilbake til rapporten)")
        case .backToReport: return ("R: report", "R: rapport")
        }
    }
}

/// The words of the to-inform view: the customer notices still to send.
enum NoticeViewText: String, Catalogued {
    case tab, nonePending, pending, loading, empty, textTitle, colOrder, colCustomer, colEvents, colSince
    case evBackordered, evPartiallyShipped, evBackorderShipped, evPromisedDateChanged, evCancelled, evCompleted
    case evOrderChanged, evReturned
    case keysReadOnly, keys, nothingToMark, noticeTitle, nothingMarked, markedOne, markedMany, wrote, rowsTo

    var texts: (en: String, nb: String) {
        switch self {
        case .tab: return ("To inform", "Å varsle")
        case .nonePending: return ("none pending", "ingen venter")
        case .pending: return ("{0}/{1} pending", "{0}/{1} venter")
        case .loading: return ("Loading the pending notices…", "Henter ventende varsler…")
        case .empty: return ("Nothing to tell customers: no pending notices", "Ingenting å fortelle kundene: ingen ventende varsler")
        case .textTitle: return (" Text to send: {0} to {1} ({2})", " Tekst som sendes: {0} til {1} ({2})")
        case .colOrder: return ("Order", "Ordre")
        case .colCustomer: return ("Customer", "Kunde")
        case .colEvents: return ("Events", "Hendelser")
        case .colSince: return ("Since", "Siden")
        case .evBackordered: return ("backordered", "restordre")
        case .evPartiallyShipped: return ("partially-shipped", "delsendt")
        case .evBackorderShipped: return ("backorder-shipped", "restordre sendt")
        case .evPromisedDateChanged: return ("promised-date-changed", "ny lovet dato")
        case .evCancelled: return ("cancelled", "kansellert")
        case .evCompleted: return ("completed", "fullført")
        case .evOrderChanged: return ("order-changed", "ordre endret")
        case .evReturned: return ("returned", "retur")
        case .keysReadOnly: return ("Notices to send (read-only: they cannot be marked sent)",
                                    "Varsler som skal sendes (skrivebeskyttet: de kan ikke merkes sendt)")
        case .keys: return ("m marks the selected notice sent, M all of them; Enter shows the whole text",
                            "m merker valgt varsel som sendt, M alle; Enter viser hele teksten")
        case .nothingToMark: return ("No pending notices: nothing to mark sent", "Ingen ventende varsler: ingenting å merke sendt")
        case .noticeTitle: return ("Notice for {0} to {1}", "Varsel om {0} til {1}")
        case .nothingMarked: return ("No pending notices: nothing was marked sent", "Ingen ventende varsler: ingenting ble merket sendt")
        case .markedOne: return ("Notice for {0} ({1}) marked sent", "Varsel om {0} ({1}) merket sendt")
        case .markedMany: return ("{0} notice(s) marked sent", "{0} {0|varsel|varsler} merket sendt")
        case .wrote: return ("Wrote {0}", "Skrev {0}")
        case .rowsTo: return ("{0} row(s) to {1}", "{0} {0|rad|rader} til {1}")
        }
    }

    /// An event's name in the list of a notice.
    static func event(_ e: NoticeEvent) -> NoticeViewText {
        switch e {
        case .backordered: return .evBackordered
        case .partiallyShipped: return .evPartiallyShipped
        case .backorderShipped: return .evBackorderShipped
        case .promisedDateChanged: return .evPromisedDateChanged
        case .cancelled: return .evCancelled
        case .completed: return .evCompleted
        case .orderChanged: return .evOrderChanged
        case .returned: return .evReturned
        }
    }
}
