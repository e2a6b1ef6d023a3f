import BackorderCore

/// The main screen's words: panes, their captions and empty lists, the bottom rows, the order detail and the
/// messages the panes give.
public enum ScreenText: String, Catalogued {
    // Panes: the pane bar's short titles and the full ones.
    case ordersShort, backordersShort, arrivalsShort, stockShort
    case ordersTitle, backordersTitle, arrivalsTitle, stockTitle
    // Captions.
    case captionSKU, captionCustomer, captionServingOrder, captionSortedBy
    // Empty lists.
    case emptyOrders, emptyBackorders, emptyArrivals, emptyStock
    case emptyFiltered, emptyForSKU, emptyForCustomer, emptyRestrictedFiltered, searching
    // The filter line.
    case filterPane, filterPaneOfSKU, filterPaneOf, filterSKU
    // The status bar.
    case statusUnreachable, connectionBack
    case statusReadOnly, statusOrders, statusBackorders, statusBackorderLines, statusArrivals, statusArrivalsLate, statusAlso
    // Overlays.
    case helpTitle, textTitle
    // The order detail.
    case detailHeader, shipComplete, partialShipments, orderOpen, orderClosed
    case note, shipmentsNone, shipments, partialByOverride, shipmentLine, history, historyLine, historyArrival, historyChanged
    case none, fieldPriority, fieldPolicy, fieldNote
    case movedOrder, movedAllocate, movedPick, movedShortPick, movedShip, movedReceive, movedCancel, movedAdjust, movedRelease
    case movedPutBack, movedAmend, movedReturn, movedReceiptReversal
    // Messages of the panes.
    case startReadOnly, startHint, languageSwitched
    case arrivalTitle, whyTitleLine, whyTitleOrder, customerStatusTitle
    case supplierUnchanged, supplierSet, itemFieldSupplier, itemFieldLeadTime, and
    case csvNotWritten, readOnlyKey, reloaded, selectArrivalForETA
    case filterDropped, stillSKU, stillCustomer, customerLifted, skuLifted, skuLiftedOldestFirst
    case ownOrder, sortedBy, sortSlow, sortWhole
    case followWhere, followed, itemBackorders
    case selectOrder, orderIsClosed, nothingAllocated, waitForStock, nothingPicked, whyWhere
    case refreshed, dialogCancelled

    public var texts: (en: String, nb: String) {
        switch self {
        case .ordersShort: return ("Orders", "Ordrer")
        case .backordersShort: return ("Backorders", "Restordre")
        case .arrivalsShort: return ("Arrivals", "Ankomster")
        case .stockShort: return ("Stock", "Lager")
        case .ordersTitle: return ("Open orders", "Åpne ordrer")
        case .backordersTitle: return ("Backorder lines", "Restordrelinjer")
        case .arrivalsTitle: return ("Expected arrivals", "Forventede ankomster")
        case .stockTitle: return ("Stock", "Lager")

        case .captionSKU: return ("SKU = {0}", "Varenr. = {0}")
        case .captionCustomer: return ("Customer = {0}", "Kunde = {0}")
        case .captionServingOrder: return ("serving order", "kørekkefølge")
        case .captionSortedBy: return ("by {0}", "etter {0}")

        case .emptyOrders: return ("No open orders", "Ingen åpne ordrer")
        case .emptyBackorders: return ("No backorder lines: every order line has its stock", "Ingen restordrelinjer: alle ordrelinjer har varene sine")
        case .emptyArrivals: return ("No expected arrivals (a adds one)", "Ingen forventede ankomster (a legger inn en)")
        case .emptyStock: return ("No items", "Ingen varer")
        case .searching: return ("Searching /{0} …", "Søker etter /{0} …")
        case .emptyFiltered: return ("Nothing matches /{0} (Esc drops the filter)", "Ingen treff på /{0} (Esc fjerner filteret)")
        case .emptyForSKU: return ("Nothing for SKU = {0} (Esc shows every SKU)", "Ingenting for varenr. = {0} (Esc viser alle varenr.)")
        case .emptyForCustomer: return ("Nothing for {0} (Esc shows every customer)", "Ingenting for {0} (Esc viser alle kunder)")
        case .emptyRestrictedFiltered: return ("{0}: nothing matches /{1} (Esc drops the filter)", "{0}: ingen treff på /{1} (Esc fjerner filteret)")

        case .filterPane: return ("Filter {0}: ", "Filtrer {0}: ")
        case .filterPaneOfSKU: return ("Filter {0} of SKU = {1}: ", "Filtrer {0} for varenr. = {1}: ")
        case .filterPaneOf: return ("Filter {0} of {1}: ", "Filtrer {0} for {1}: ")
        case .filterSKU: return ("Filter SKU = {0}: ", "Filtrer varenr. = {0}: ")

        case .statusUnreachable: return ("UNREACHABLE", "UTILGJENGELIG")
        case .connectionBack: return ("The warehouse answers again; the screen shows it as it is now", "Lageret svarer igjen; skjermen viser det slik det er nå")
        case .statusReadOnly: return ("READ-ONLY", "BARE LESING")
        case .statusOrders: return ("{0} {0|order|orders}", "{0} {0|ordre|ordrer}")
        case .statusBackorders: return ("{0} BO {0|line|lines} ({1} u)", "{0} {0|restlinje|restlinjer} ({1} stk)")
        case .statusBackorderLines: return ("{0} BO {0|line|lines}", "{0} {0|restlinje|restlinjer}")
        case .statusArrivals: return ("{0} {0|arrival|arrivals}", "{0} {0|ankomst|ankomster}")
        case .statusArrivalsLate: return ("{0} {0|arrival|arrivals} ({1} late)", "{0} {0|ankomst|ankomster} ({1} sen)")
        case .statusAlso: return ("also: {0}", "også: {0}")

        case .helpTitle: return ("Keys — ? or Esc closes", "Taster — ? eller Esc lukker")
        case .textTitle: return ("{0} — Esc closes", "{0} — Esc lukker")

        case .detailHeader:
            return ("Order {0} · {1} ({2}) · {3} · priority {4} · {5} · {6}", "Ordre {0} · {1} ({2}) · {3} · prioritet {4} · {5} · {6}")
        case .shipComplete: return ("ship complete", "leveres komplett")
        case .partialShipments: return ("partial shipments", "dellevering")
        case .orderOpen: return ("open", "åpen")
        case .orderClosed: return ("closed", "avsluttet")
        case .note: return ("Note: {0}", "Merknad: {0}")
        case .shipmentsNone: return ("Shipments: none yet", "Forsendelser: ingen ennå")
        case .shipments: return ("Shipments:", "Forsendelser:")
        case .partialByOverride: return ("(partial by override)", "(delvis ved overstyring)")
        case .shipmentLine: return ("{0} × {1} (line {2})", "{0} × {1} (linje {2})")
        case .history: return ("History:", "Historikk:")
        case .historyLine: return ("line {0}", "linje {0}")
        case .historyArrival: return ("arrival {0}", "ankomst {0}")
        case .historyChanged: return ("changed {0} {1} → {2}", "endret {0} {1} → {2}")
        case .none: return ("(none)", "(ingen)")
        case .fieldPriority: return ("priority", "prioritet")
        case .fieldPolicy: return ("policy", "leveringsmåte")
        case .fieldNote: return ("note", "merknad")
        case .movedOrder: return ("order", "ordre")
        case .movedAllocate: return ("allocate", "reservert")
        case .movedPick: return ("pick", "plukket")
        case .movedShortPick: return ("short-pick", "manko")
        case .movedShip: return ("ship", "sendt")
        case .movedReceive: return ("receive", "mottatt")
        case .movedCancel: return ("cancel", "kansellert")
        case .movedAdjust: return ("adjust", "justert")
        case .movedRelease: return ("release", "frigitt")
        case .movedPutBack: return ("put-back", "lagt tilb.")
        case .movedAmend: return ("amend", "endret")
        case .movedReturn: return ("return", "retur")
        case .movedReceiptReversal: return ("receipt-reversal", "mottak rev.")

        case .startReadOnly:
            return ("Read-only: browse freely, nothing can be changed. ? shows every key",
                    "Bare lesing: se deg fritt om, ingenting kan endres. ? viser alle taster")
        case .startHint:
            return ("? shows every key · Tab or 1–4 switch panes · Enter opens an order",
                    "? viser alle taster · Tab eller 1–4 bytter liste · Enter åpner en ordre")
        case .languageSwitched: return ("Language: {0} (L switches back)", "Språk: {0} (L bytter tilbake)")
        case .arrivalTitle: return ("Arrival {0}", "Ankomst {0}")
        case .whyTitleLine: return ("Why this date: {0}/{1}", "Hvorfor denne datoen: {0}/{1}")
        case .whyTitleOrder: return ("Why these dates: {0}", "Hvorfor disse datoene: {0}")
        case .customerStatusTitle: return ("Customer status of {0}", "Kundestatus for {0}")
        case .supplierUnchanged:
            return ("{0} already had that supplier and lead time", "{0} hadde allerede den leverandøren og leveringstiden")
        case .supplierSet: return ("{0}: {1} set", "{0}: {1} satt")
        case .itemFieldSupplier: return ("supplier", "leverandør")
        case .itemFieldLeadTime: return ("lead time", "leveringstid")
        case .and: return (" and ", " og ")
        case .csvNotWritten: return ("CSV of {0} not written: {1}", "CSV-filen for {0} ble ikke skrevet: {1}")
        case .readOnlyKey:
            return ("Read-only: {0} is disabled (the file was opened with --read-only)",
                    "Bare lesing: {0} er ikke mulig (filen ble åpnet med --read-only)")
        case .reloaded: return ("Reloaded", "Lastet inn på nytt")
        case .selectArrivalForETA: return ("Select an arrival in pane 3 to change its ETA", "Velg en ankomst i liste 3 for å endre datoen")
        case .filterDropped: return ("Filter of {0} dropped", "Filteret på {0} er fjernet")
        case .stillSKU: return ("; still SKU = {0} only (Esc again shows every SKU)", "; fortsatt bare varenr. = {0} (Esc igjen viser alle varenr.)")
        case .stillCustomer: return ("; still {0} only (Esc again shows every customer)", "; fortsatt bare {0} (Esc igjen viser alle kunder)")
        case .customerLifted: return ("{0} lifted: {1} of every customer", "{0} opphevet: {1} for alle kunder")
        case .skuLifted: return ("SKU = {0} lifted: {1} of every SKU", "Varenr. = {0} opphevet: {1} for alle varenr.")
        case .skuLiftedOldestFirst: return (", oldest first", ", eldste først")
        case .ownOrder: return ("{0}: the list's own order (o: sort by a column)", "{0}: listens egen rekkefølge (o: sorter etter en kolonne)")
        case .sortedBy: return ("Sorted by {0} {1}", "Sortert etter {0} {1}")
        case .sortSlow: return (" — slow sort on a long list", " — sortering av en lang liste tar tid")
        case .sortWhole: return (": the whole list (o: next column, O: reverse)", ": hele listen (o: neste kolonne, O: snu)")
        case .followWhere:
            return ("Follow SKU works on a backorder line, an arrival or an item", "Følg varenr. virker på en restordrelinje, en ankomst eller en vare")
        case .followed:
            return ("Arrivals and stock: SKU = {0} only (Esc in a pane shows every SKU)",
                    "Ankomster og lager: bare varenr. = {0} (Esc i en liste viser alle varenr.)")
        case .itemBackorders:
            return ("Backorders of SKU = {0} as receipts serve them (Esc: every SKU{1})",
                    "Restordre på varenr. = {0} i den rekkefølgen mottak fyller dem (Esc: alle varenr.{1})")
        case .selectOrder:
            return ("Select an order (pane 1) or a backorder line (pane 2) first", "Velg først en ordre (liste 1) eller en restordrelinje (liste 2)")
        case .orderIsClosed: return ("Order {0} is closed", "Ordre {0} er avsluttet")
        case .nothingAllocated:
            return ("Nothing is allocated on {0}, so there is nothing to pick", "Ingenting er reservert på {0}, så det er ingenting å plukke")
        case .waitForStock: return (" ({0} wait for stock)", " ({0} venter på varer)")
        case .nothingPicked: return ("Nothing is picked on {0}: pick first (p)", "Ingenting er plukket på {0}: plukk først (p)")
        case .whyWhere:
            return ("Why this date works on a backorder line (pane 2) or an order",
                    "Hvorfor dato virker på en restordrelinje (liste 2) eller en ordre")
        case .refreshed: return ("{0} — the screen has been refreshed", "{0} — skjermen er oppdatert")
        case .dialogCancelled: return ("Cancelled: nothing was changed", "Avbrutt: ingenting ble endret")
        }
    }
}
