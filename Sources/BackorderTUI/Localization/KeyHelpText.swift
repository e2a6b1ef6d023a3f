import BackorderCore

/// The help screen's sentence for each key, generated from the keymap.
public enum KeyHelpText: String, Catalogued {
    case pick, ship, receive, cancel, editETA, addArrival, customerStatus, newOrder, expedite, reallocate, changeOrder
    case amend, addLine, putBack, returnUnits, reverseReceipt, whyDate, followSKU, markSent, markAllSent, open, filter
    case nextPane, previousPane, orders, backorders, arrivals, stock, up, down, pageUp, pageDown, top, bottom
    case sortNext, sortReverse, back, help, refresh, redraw, suspend, quit, quitAnywhere, language, reports, notices
    case nextReport, previousReport, mark, purchase, setSupplier, previousPeriod, nextPeriod, export
    case confirm, dismiss, yes, no, override
    case pickList, deliveryNote, printText, mailNotice, mailAllNotices
    case customer

    public var texts: (en: String, nb: String) {
        switch self {
        case .pick:
            return ("Pick the order: a quantity per line, all allocated by default; less is a short pick",
                    "Plukk ordren: et antall per linje, alt som er reservert er foreslått; mindre betyr at noe mangler på hylla")
        case .ship:
            return ("Ship everything picked on the order; lists what ships and what stays backordered first",
                    "Send alt som er plukket på ordren; viser først hva som sendes og hva som blir stående i restordre")
        case .receive:
            return ("Book a receipt on the selected (or a named) arrival, or unplanned for a SKU; shows which orders got what",
                    "Bokfør varemottak på valgt (eller oppgitt) ankomst, eller uplanlagt på et varenummer; viser hvilke ordrer som fikk hva")
        case .cancel:
            return ("Cancel what is open (the selected backorder line, else the order): everything not picked, or only the backorder",
                    "Kanseller det som er åpent (valgt restordrelinje, ellers ordren): alt som ikke er plukket, eller bare restordren")
        case .editETA:
            return ("Change the selected arrival's ETA (the old date stays in its history)",
                    "Endre datoen for valgt ankomst (den gamle datoen blir stående i historikken)")
        case .addArrival:
            return ("Add an expected arrival (a purchase order line)", "Legg inn en forventet ankomst (en innkjøpsordrelinje)")
        case .customerStatus:
            return ("Show the text to tell the customer about the order", "Vis teksten kunden skal få om ordren")
        case .customer:
            return ("The order's customer: see and change its language, e-mail address and contact",
                    "Ordrens kunde: se og endre språk, e-postadresse og kontaktperson")
        case .newOrder:
            return ("Take a new order: customer and items found as you type; each line shows what it gets before you confirm",
                    "Ta imot en ny ordre: kunde og varer søkes opp mens du skriver; hver linje viser hva den får før du bekrefter")
        case .expedite:
            return ("Serve the order first: priority 1, and stock given to its waiting lines from the least urgent, newest orders",
                    "Gjør ordren til hasteordre: prioritet 1, og lager til de ventende linjene hentes fra de minst hastende, nyeste ordrene")
        case .reallocate:
            return ("Give a waiting line units allocated to other orders (proposed: least urgent, newest first; or name them)",
                    "Gi en ventende linje enheter som er reservert til andre ordrer (forslag: minst hastende og nyeste først; eller velg selv)")
        case .changeOrder:
            return ("Change the order's priority, ship policy or note; waiting lines move in the queue at once",
                    "Endre ordrens prioritet, leveringsmåte eller merknad; ventende linjer flyttes i køen med en gang")
        case .amend:
            return ("Change a line's quantity (down: backordered units go first)",
                    "Endre antallet på en linje (ned: enheter i restordre går først)")
        case .addLine: return ("Add a line to the order", "Legg til en linje på ordren")
        case .putBack:
            return ("Put picked units back on the shelf (allocated again): undo a pick",
                    "Legg plukkede enheter tilbake på hylla (reservert igjen): angre et plukk")
        case .returnUnits:
            return ("Shipped units came back from the customer: restock (waiting lines are served) or scrap",
                    "Sendte enheter kom i retur fra kunden: tilbake på lager (ventende linjer får dem) eller kasser dem")
        case .reverseReceipt:
            return ("Reverse a receipt booked in error (wrong PO or quantity): units it gave that are not picked come back",
                    "Reverser et varemottak bokført ved en feil (feil innkjøpsordre eller antall): enheter det ga som ikke er plukket, tas tilbake")
        case .whyDate:
            return ("Why this promised date: the backorder line's place in its SKU's queue, the arrivals, and what would make it "
                        + "earlier (on an order: every waiting line)",
                    "Hvorfor denne lovede datoen: restordrelinjens plass i køen for varen, ankomstene, og hva som ville gitt en "
                        + "tidligere dato (på en ordre: hver ventende linje)")
        case .followSKU:
            return ("Follow the selected row's SKU: arrivals and stock restricted to exactly that SKU, the arrivals pane focused",
                    "Følg varenummeret på valgt rad: ankomster og lager viser bare det varenummeret, og ankomstlisten får fokus")
        case .markSent:
            return ("Mark the selected notice sent (its text is frozen as sent)", "Merk valgt varsel som sendt (teksten låses slik den ble sendt)")
        case .markAllSent:
            return ("Mark every pending notice sent, after a confirmation", "Merk alle ventende varsler som sendt, etter en bekreftelse")
        case .open:
            return ("Open the selected order (lines, shipments, history), an arrival's history, an age bucket's lines, "
                        + "a short item's or a backlog customer's backorder lines, or a notice's whole text",
                    "Åpne valgt ordre (linjer, forsendelser, historikk), en ankomsts historikk, linjene i en aldersgruppe, "
                        + "restordrelinjene til en vare i mangel eller en kunde, eller hele teksten i et varsel")
        case .filter:
            return ("Filter the pane as you type (order, customer, SKU, item, PO, supplier); Enter keeps it, Esc drops it",
                    "Filtrer listen mens du skriver (ordre, kunde, varenr., vare, innkjøpsordre, leverandør); Enter beholder, Esc fjerner")
        case .nextPane: return ("Next pane", "Neste liste")
        case .previousPane: return ("Previous pane", "Forrige liste")
        case .orders: return ("Open orders", "Åpne ordrer")
        case .backorders: return ("Backorder lines", "Restordrelinjer")
        case .arrivals: return ("Expected arrivals", "Forventede ankomster")
        case .stock: return ("Stock", "Lager")
        case .up: return ("Move up", "Flytt opp")
        case .down: return ("Move down", "Flytt ned")
        case .pageUp: return ("One page up", "En side opp")
        case .pageDown: return ("One page down", "En side ned")
        case .top: return ("First row", "Første rad")
        case .bottom: return ("Last row", "Siste rad")
        case .sortNext:
            return ("Sort the whole list by the next column, with its filter and SKU or customer (after the last column: "
                        + "the list's own order again); the pane starts at its first row",
                    "Sorter hele listen etter neste kolonne, med filter og varenr. eller kunde (etter siste kolonne: "
                        + "listens egen rekkefølge igjen); listen starter på første rad")
        case .sortReverse:
            return ("Reverse the sort of the whole list (unsorted: the list's own order reversed)",
                    "Snu sorteringen av hele listen (usortert: listens egen rekkefølge baklengs)")
        case .back:
            return ("Back: close the order, drop the pane's filter (then its SKU or customer restriction), close a bucket's lines, "
                        + "or leave the reports or notices",
                    "Tilbake: lukk ordren, fjern listens filter (deretter utvalget på varenr. eller kunde), lukk linjene i en "
                        + "aldersgruppe, eller gå ut av rapportene eller varslene")
        case .help: return ("This help (generated from the keymap)", "Denne hjelpen (laget ut fra tasteoversikten)")
        case .refresh:
            return ("Reload now (changes by others show up within a second anyway)",
                    "Last inn på nytt nå (endringer fra andre vises uansett innen et sekund)")
        case .redraw: return ("Repaint the whole screen", "Tegn hele skjermen på nytt")
        case .suspend: return ("Suspend to the shell (fg to come back)", "Sett på pause og gå til skallet (fg for å komme tilbake)")
        case .quit: return ("Quit (q closes help and texts first)", "Avslutt (q lukker først hjelp og tekster)")
        case .quitAnywhere: return ("Quit, from anywhere", "Avslutt, uansett hvor du er")
        case .language:
            return ("Switch the screens' language for this session: English or Norwegian",
                    "Bytt språk på skjermene for denne økten: norsk eller engelsk")
        case .reports:
            return ("Reports: aging, shortage and reorder, late arrivals, service level, customer backlog (R again: the next)",
                    "Rapporter: alder, mangel og bestilling, forsinkede ankomster, servicegrad, restordre per kunde (R igjen: neste)")
        case .notices:
            return ("Customer notices to send (to inform): order, customer, events and the text ready to send",
                    "Kundevarsler som skal sendes: ordre, kunde, hendelser og teksten klar til sending")
        case .nextReport: return ("Next report", "Neste rapport")
        case .previousReport: return ("Previous report", "Forrige rapport")
        case .mark:
            return ("Shortage report: mark or unmark the selected item for purchase",
                    "Mangelrapport: merk valgt vare for innkjøp, eller fjern merket")
        case .purchase:
            return ("Shortage report: buy the marked items (or the selected one) as expected arrivals, one PO per supplier; "
                        + "each quantity is asked with the suggestion filled in",
                    "Mangelrapport: kjøp inn de merkede varene (eller den valgte) som forventede ankomster, én innkjøpsordre per "
                        + "leverandør; hvert antall spørres med forslaget fylt inn")
        case .setSupplier:
            return ("Set the selected item's default supplier and lead time in days (stock pane, shortage report)",
                    "Sett valgt vares faste leverandør og leveringstid i dager (lagerlisten, mangelrapporten)")
        case .previousPeriod:
            return ("Service level: the 30 days before the period shown", "Servicegrad: de 30 dagene før perioden som vises")
        case .nextPeriod:
            return ("Service level: the next 30 days (up to today)", "Servicegrad: de neste 30 dagene (fram til i dag)")
        case .export:
            return ("Write the pane, report or notices shown to a CSV file in the current directory (every row, not just the page)",
                    "Skriv listen, rapporten eller varslene som vises til en CSV-fil i gjeldende mappe (alle rader, ikke bare siden)")
        case .confirm:
            return ("Accept the typed value, or confirm the action shown", "Godta verdien du har skrevet, eller bekreft handlingen som vises")
        case .dismiss:
            return ("Close the dialog without changing anything (in a filter: drop it)",
                    "Lukk dialogen uten å endre noe (i et filter: fjern filteret)")
        case .pickList:
            return ("The order's pick list: what is allocated and not yet picked, by bin, ready to print (p)",
                    "Ordrens plukkliste: det som er reservert og ikke plukket, sortert etter lokasjon, klar til utskrift (p)")
        case .deliveryNote:
            return ("The delivery note of the order's latest shipment, in the customer's language, ready to print (p)",
                    "Følgeseddelen til ordrens siste forsendelse, på kundens språk, klar til utskrift (p)")
        case .mailNotice:
            return ("E-mail the selected notice to its customer (sendmail); marked sent when accepted",
                    "Send det valgte varselet til kunden på e-post (sendmail); merkes sendt når det er tatt imot")
        case .mailAllNotices:
            return ("E-mail every pending notice, after a confirmation", "Send alle ventende varsler på e-post, etter en bekreftelse")
        case .printText:
            return ("Print the text shown (lp, or the command in $BACKORDERS_PRINT)",
                    "Skriv ut teksten som vises (lp, eller kommandoen i $BACKORDERS_PRINT)")
        case .yes: return ("Yes, the rest is missing from the shelf (short pick)", "Ja, resten mangler på hylla (manko ved plukk)")
        case .no: return ("No, leave the rest allocated to pick later", "Nei, la resten stå reservert og plukk den senere")
        case .override:
            return ("Ship a ship-complete order partially anyway (only when the dialog asks)",
                    "Send en ordre som skal leveres komplett, delvis likevel (bare når dialogen spør)")
        }
    }
}
