import ArgumentParser
import BackorderCore

/// What `--help` says about each command: its abstract and its discussion. (The parser's own words, like "USAGE:",
/// stay English: the argument parser has no translations.)
enum HelpText: String, Catalogued {
    case root, rootDiscussion
    case ui, initFile, sample, demo, demoDiscussion
    case item, itemAdd, itemSet, itemSetDiscussion, customer, customerAdd
    case customerAddDiscussion, customerSet, customerSetDiscussion, customerList
    case order, orderCreate, orderCreateDiscussion, orderSet, orderAmend, orderAddLine
    case pick, pickDiscussion, ship
    case arrival, arrivalAdd, arrivalETA, arrivalShow
    case receive, receiveDiscussion, count
    case cancel, cancelDiscussion, putBack, putBackDiscussion, reallocate, reallocateDiscussion, expedite, donors
    case receipt, receiptReverse, receiptReverseDiscussion, returnUnits
    case why, whyDiscussion, purchase, purchaseDiscussion
    case list, listOrders, listBackorders, listArrivals, listStock, sortColumns
    case show, status, journal, upgrade, check, who
    case report, reportAging, reportAgingDiscussion, reportShortage, reportShortageDiscussion, reportLate
    case reportService, reportServiceDiscussion, reportBacklog
    case backup, backupDiscussion, restore, restoreDiscussion, stress

    var texts: (en: String, nb: String) {
        switch self {
        case .root:
            return ("Backorder handling for a warehouse: orders, partial shipments, expected arrivals and receipts.",
                    "Restordrer for et lager: kundeordrer, delforsendelser, forventede ankomster og varemottak.")
        case .rootDiscussion:
            return ("""
                With no subcommand, opens the full-screen terminal UI on the data file.
                The data file is --db PATH, else $BACKORDERS_DB, else ./backorders.sqlite.
                The language is --lang nb|en (every command takes it), else $BACKORDERS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG).
                Exit codes: 0 done; 1 refused (the warehouse state does not allow it, or an unknown order/arrival);
                3 check found problems; 64 bad usage or input; 66 data file missing, foreign, damaged or read-only; 70 internal fault.
                """, """
                Uten underkommando åpnes fullskjermbildet i terminalen på datafilen.
                Datafilen er --db STI, ellers $BACKORDERS_DB, ellers ./backorders.sqlite.
                Språket er --lang nb|en (alle kommandoer tar det), ellers $BACKORDERS_LANG, ellers systemets språkinnstilling (LC_ALL, LC_MESSAGES, LANG).
                Avslutningskoder: 0 utført; 1 avvist (lagerets tilstand tillater det ikke, eller ukjent ordre/ankomst);
                3 kontrollen fant feil; 64 feil bruk eller inndata; 66 datafilen mangler, er fremmed, skadet eller skrivebeskyttet; 70 intern feil.
                """)
        case .ui: return ("Open the full-screen terminal UI (the default).", "Åpne fullskjermbildet i terminalen (standard).")
        case .initFile: return ("Create a new, empty data file.", "Lag en ny, tom datafil.")
        case .sample:
            return ("Build a data file holding the sample warehouse (built in; sample-data/warehouse.txt).",
                    "Lag en datafil med eksempellageret (innebygd; sample-data/warehouse.txt).")
        case .demo:
            return ("Build a large synthetic warehouse (for trying things out and for the benchmark).",
                    "Lag et stort, oppdiktet lager (til å prøve ting og til ytelsesmålingen).")
        case .demoDiscussion:
            return ("With --lines 1000000: about 200,000 orders, 20,000 items, 5,000 open arrivals and 100,000 open backorder lines.",
                    "Med --lines 1000000: omtrent 200 000 ordrer, 20 000 varer, 5 000 åpne ankomster og 100 000 åpne restordrelinjer.")
        case .item: return ("Add items and change their master data.", "Legg inn varer og endre varedataene deres.")
        case .itemAdd: return ("Add an item, with its opening stock.", "Legg inn en vare, med inngående beholdning.")
        case .itemSet:
            return ("Change an item's master data; what is not given stays. Its stock never changes here (use count).",
                    "Endre varedata; det som ikke oppgis, blir som det er. Beholdningen endres aldri her (bruk count).")
        case .itemSetDiscussion:
            return ("Example: backorders item set BOLT --supplier \"Bultfabriken AB\" --lead-time 14",
                    "Eksempel: backorders item set BOLT --supplier \"Bultfabriken AB\" --lead-time 14")
        case .customer: return ("Add customers and change their contact details.", "Legg inn kunder og endre kontaktopplysningene deres.")
        case .customerAddDiscussion:
            return ("Example: backorders customer add NORDBYGG \"Nordbygg Grossist AS\" --language nb --email ordre@nordbygg.example.no",
                    "Eksempel: backorders customer add NORDBYGG \"Nordbygg Grossist AS\" --language nb --email ordre@nordbygg.example.no")
        case .customerSet: return ("Change a customer's name or contact details; what is not given stays.",
                                   "Endre en kundes navn eller kontaktopplysninger; det som ikke oppgis, blir stående.")
        case .customerSetDiscussion:
            return ("Example: backorders customer set TROMSO --language en --contact \"Ola Nordmann\" (\"\" clears --email or --contact, none clears --language)",
                    "Eksempel: backorders customer set TROMSO --language en --contact \"Ola Nordmann\" (\"\" tømmer --email eller --contact, none tømmer --language)")
        case .customerList: return ("Every customer with its language, e-mail address and contact.",
                                    "Alle kunder med språk, e-postadresse og kontaktperson.")
        case .customerAdd: return ("Add a customer.", "Legg inn en kunde.")
        case .order: return ("Create and amend orders.", "Opprett og endre kundeordrer.")
        case .orderCreate:
            return ("Create an order; lines are allocated from free stock at once, the shortfall backordered.",
                    "Opprett en ordre; linjene reserveres straks fra fri beholdning, det som mangler går i restordre.")
        case .orderCreateDiscussion:
            return ("Example: backorders order create --customer C001 SKU-1001=100 SKU-2002=5",
                    "Eksempel: backorders order create --customer C001 SKU-1001=100 SKU-2002=5")
        case .orderSet:
            return ("Change an open order's priority, ship policy or note; its waiting lines move in the queue at once.",
                    "Endre prioritet, leveringsmåte eller merknad på en åpen ordre; ventende linjer flytter seg i køen med en gang.")
        case .orderAmend:
            return ("Change a line's ordered quantity: up is allocated from free stock or backordered; down drops backordered units first, then frees allocated ones.",
                    "Endre bestilt antall på en linje: økning reserveres fra fri beholdning eller går i restordre; reduksjon tar restordre først, så reserverte enheter.")
        case .orderAddLine: return ("Add a line to an open order (SKU=QTY).", "Legg en linje til en åpen ordre (VARENR=ANTALL).")
        case .pick: return ("Confirm picked quantities.", "Bekreft plukket antall.")
        case .pickDiscussion:
            return ("""
                Without LINE=QTY everything allocated is picked. With --short, the rest of each named line's allocation was
                missing from the shelf: it goes back to backordered and the stock is corrected.
                """, """
                Uten LINJE=ANTALL plukkes alt som er reservert. Med --short manglet resten av det reserverte på hver nevnte
                linje i hylla: det går tilbake i restordre, og beholdningen rettes.
                """)
        case .ship:
            return ("Ship everything picked on an order as a numbered shipment (a partial shipment when some stays open).",
                    "Send alt som er plukket på en ordre som en nummerert forsendelse (en delforsendelse når noe står igjen).")
        case .arrival: return ("Expected arrivals (purchase order lines).", "Forventede ankomster (linjer på innkjøpsordrer).")
        case .arrivalAdd: return ("Add an expected arrival.", "Legg inn en forventet ankomst.")
        case .arrivalETA:
            return ("Move an arrival's ETA (the old date stays in its history).",
                    "Flytt forventet ankomst (den gamle datoen blir stående i historikken).")
        case .arrivalShow: return ("Show an arrival and its ETA history.", "Vis en ankomst og datoendringene dens.")
        case .receive:
            return ("Book a receipt; the units go to waiting backorders by priority, then order date, then order number.",
                    "Bokfør et varemottak; enhetene går til ventende restordrer etter prioritet, så ordredato, så ordrenummer.")
        case .receiveDiscussion:
            return ("Examples: backorders receive PO-7001/1 30    backorders receive --sku SKU-1001 12 (unplanned)",
                    "Eksempler: backorders receive PO-7001/1 30    backorders receive --sku SKU-1001 12 (uten innkjøpsordre)")
        case .count:
            return ("Record a stock count: sets on-hand by a journaled adjustment; found stock goes to waiting orders.",
                    "Registrer en telling: setter beholdningen med en lagerjustering i journalen; funnet beholdning går til ventende ordrer.")
        case .cancel:
            return ("Cancel what is open on a line, or on every line of an order.",
                    "Kanseller det som er åpent på en linje, eller på alle linjene i en ordre.")
        case .cancelDiscussion:
            return ("""
                Backordered units are dropped and allocated units are freed (they go to waiting lines as a receipt would give
                them). Picked units must be put back first (put-back). --backordered-only cancels only the backordered
                remainder and leaves allocated units to ship.
                """, """
                Enheter i restordre strykes, og reserverte enheter frigjøres (de går til ventende linjer slik et varemottak
                ville fordelt dem). Plukkede enheter må settes tilbake først (put-back). --backordered-only kansellerer bare
                restordren og lar de reserverte enhetene bli sendt.
                """)
        case .putBack:
            return ("Put picked (not shipped) units back on the shelf: they are allocated to their line again.",
                    "Sett plukkede (ikke sendte) enheter tilbake i hylla: de reserveres til linjen sin igjen.")
        case .putBackDiscussion:
            return ("Without LINE=QTY every picked unit of the order is put back.",
                    "Uten LINJE=ANTALL settes alle plukkede enheter på ordren tilbake.")
        case .reallocate:
            return ("Give allocated units of other orders to a waiting line of an urgent order.",
                    "Gi reserverte enheter fra andre ordrer til en ventende linje på en hasteordre.")
        case .reallocateDiscussion:
            return ("""
                The donors' units go back on backorder and rejoin the queue in their normal place, with new promised dates.
                Without --from the donors are proposed: least urgent first, newest first. Example:
                  backorders reallocate SO-000120 --line 1 --from SO-000088/2=10 --reason "hospital, urgent"
                """, """
                Giverordrenes enheter går tilbake i restordre og stiller seg på vanlig plass i køen, med nye lovede datoer.
                Uten --from foreslås givere: minst hastende først, nyeste først. Eksempel:
                  backorders reallocate SO-000120 --line 1 --from SO-000088/2=10 --reason "sykehus, haster"
                """)
        case .expedite:
            return ("Serve an order first: priority 1, and stock given to its waiting lines from the least urgent orders.",
                    "Betjen en ordre først: prioritet 1, og beholdning til de ventende linjene fra de minst hastende ordrene.")
        case .donors:
            return ("Lines of open orders holding allocated units of a SKU, as they are proposed as donors (least urgent, newest first).",
                    "Linjer på åpne ordrer som har reservert et varenummer, slik de foreslås som givere (minst hastende, nyeste først).")
        case .receipt: return ("Receipts already booked.", "Varemottak som er bokført.")
        case .receiptReverse:
            return ("Reverse a receipt booked in error (wrong arrival or quantity): stock goes down, the arrival expects the units again.",
                    "Tilbakefør et feilbokført varemottak (feil ankomst eller antall): beholdningen går ned, ankomsten venter enhetene igjen.")
        case .receiptReverseDiscussion:
            return ("""
                Units the receipt gave to orders are taken back from lines that have not picked them (they wait again, with
                dates). If some were picked or shipped, the reversal is refused and names the orders. Book the receipt
                again on the right arrival afterwards.
                """, """
                Enheter mottaket ga til ordrer, tas tilbake fra linjer som ikke har plukket dem (de venter igjen, med datoer).
                Er noen plukket eller sendt, avvises tilbakeføringen, og ordrene nevnes. Bokfør mottaket på riktig ankomst
                etterpå.
                """)
        case .returnUnits:
            return ("Shipped units came back from the customer: restock them (waiting lines are served) or scrap them.",
                    "Sendte enheter kom i retur fra kunden: legg dem på lager (ventende linjer betjenes) eller kasser dem.")
        case .why:
            return ("Why a backorder line is promised its date: its place in the SKU's queue, the arrivals, what would make it earlier.",
                    "Hvorfor en restordrelinje er lovet sin dato: plassen i varens kø, ankomstene, hva som ville gjort den tidligere.")
        case .whyDiscussion:
            return ("""
                Without LINE every waiting line of the order is explained. The queue is the serving order (priority, then order
                date, order number, line); arrivals are given out in ETA order; the date is the ETA of the arrival covering the
                line's last unit. The what-ifs are computed by the same pegging: priority 1, the covering arrival due today,
                stock given from other orders, more units on order.
                """, """
                Uten LINJE forklares alle ventende linjer på ordren. Køen er rekkefølgen de betjenes i (prioritet, så ordredato,
                ordrenummer, linje); ankomstene fordeles etter forventet dato; datoen er forventet ankomst for den ankomsten som
                dekker linjens siste enhet. Hva-om-svarene regnes med samme kobling: prioritet 1, den dekkende ankomsten i dag,
                beholdning fra andre ordrer, flere enheter i bestilling.
                """)
        case .purchase:
            return ("Buy what the shortage report suggests: expected arrivals, one new PO per supplier; waiting lines get dates at once.",
                    "Kjøp inn det mangelrapporten foreslår: forventede ankomster, én ny innkjøpsordre per leverandør; ventende linjer får dato straks.")
        case .purchaseDiscussion:
            return ("""
                SKU alone buys the suggested quantity of `report shortage` (the uncovered units, at least the MOQ, in whole
                packs); SKU=QTY buys QTY. The supplier is the item's default and the ETA today + its lead time (see `item set`);
                an item without them is refused unless --supplier or --eta is given. Every line is one transaction: all are
                created or none. The promised dates that move are listed (--preview: and nothing is changed). Example:
                  backorders purchase HW-4002 HT-3008=24 --preview
                """, """
                VARENR alene kjøper antallet `report shortage` foreslår (de udekkede enhetene, minst minste kjøp, i hele
                pakninger); VARENR=ANTALL kjøper ANTALL. Leverandøren er varens faste, og forventet ankomst i dag + leveringstiden
                (se `item set`); en vare uten dem avvises med mindre --supplier eller --eta er gitt. Alle linjene er én
                transaksjon: alle opprettes, eller ingen. Lovede datoer som flytter seg, listes (--preview: og ingenting endres).
                Eksempel:
                  backorders purchase HW-4002 HT-3008=24 --preview
                """)
        case .list: return ("The open lists: orders, backorders, arrivals, stock.", "De åpne listene: ordrer, restordrer, ankomster, beholdning.")
        case .listOrders: return ("Open orders, oldest first.", "Åpne ordrer, eldste først.")
        case .listBackorders:
            return ("Open backorder lines with promised dates, oldest first (or one SKU in serving order).",
                    "Åpne restordrelinjer med lovet dato, eldste først (eller ett varenummer i den rekkefølgen det betjenes).")
        case .listArrivals:
            return ("Open expected arrivals by ETA, with units promised to waiting orders.",
                    "Åpne forventede ankomster etter dato, med enheter lovet til ventende ordrer.")
        case .listStock:
            return ("Stock per item: on hand, allocated, picked, free, backordered demand, incoming.",
                    "Beholdning per vare: på lager, reservert, plukket, fri, i restordre, inngående.")
        case .sortColumns: return ("--sort takes one of: {0}.", "--sort tar en av: {0}.")
        case .show:
            return ("An order with every line's quantities, its shipments and its history.",
                    "En ordre med antallene på hver linje, forsendelsene og historikken.")
        case .status:
            return ("What the customer should be told about an order: shipped so far, outstanding with promised dates.",
                    "Det kunden skal få vite om en ordre: sendt så langt, og det som gjenstår med lovet dato.")
        case .journal: return ("The movement journal, newest first.", "Bevegelsesjournalen, nyeste først.")
        case .upgrade:
            return ("Bring a data file written by an older version to this version's format (any command that changes the file does too); with --db postgres://… the server's schema, run by the database's owner.",
                    "Oppgrader en datafil fra en eldre versjon til denne versjonens format (alle kommandoer som endrer filen, gjør det også); med --db postgres://… serverens skjema, kjørt av databasens eier.")
        case .check:
            return ("Verify every invariant and SQLite's integrity; exit 3 when something is wrong.",
                    "Kontroller alle regler og SQLites integritet; avslutter med 3 når noe er galt.")
        case .who:
            return ("Who has the data file open in the UI right now (read-only sessions record nothing and are not listed).",
                    "Hvem som har datafilen åpen i skjermbildet nå (økter med bare lesing registreres ikke og vises ikke).")
        case .report:
            return ("Supervisor reports: aging, shortage (reorder suggestions), late arrivals, service level, customer backlog.",
                    "Rapporter for arbeidsleder: alder, mangel (innkjøpsforslag), forsinkede ankomster, leveringsgrad, restanse per kunde.")
        case .reportAging:
            return ("Open backorder lines, units and orders by age (0–7, 8–14, 15–30, 31–60, over 60 days), as a bar chart.",
                    "Åpne restordrelinjer, enheter og ordrer etter alder (0–7, 8–14, 15–30, 31–60, over 60 dager), som søylediagram.")
        case .reportAgingDiscussion:
            return ("With --bucket, the waiting lines of that bucket instead (oldest first), as `list backorders` shows them.",
                    "Med --bucket vises i stedet de ventende linjene i den gruppen (eldste først), slik `list backorders` viser dem.")
        case .reportShortage:
            return ("Per short item: backordered demand, free stock, open incoming, uncovered units, oldest wait, a purchase suggestion, supplier and lead time.",
                    "Per vare det mangler: i restordre, fri beholdning, åpen inngang, udekkede enheter, eldste ventetid, innkjøpsforslag, leverandør og leveringstid.")
        case .reportShortageDiscussion:
            return ("""
                The suggestion covers the uncovered units (backordered − free − incoming), is at least the item's minimum order
                quantity, and is rounded up to whole packs. Sorted by what hurts most: uncovered units, then the longest wait.
                `backorders purchase SKU…` turns suggestions into expected arrivals from each item's supplier.
                """, """
                Forslaget dekker de udekkede enhetene (restordre − fri − inngående), er minst varens minste kjøp, og rundes opp
                til hele pakninger. Sortert etter det som haster mest: udekkede enheter, så lengste ventetid.
                `backorders purchase VARENR…` gjør forslagene til forventede ankomster fra hver vares leverandør.
                """)
        case .reportLate:
            return ("Arrivals past their ETA and not fully received, with the orders waiting on each; each supplier's ETA record.",
                    "Ankomster forbi forventet dato og ikke fullt mottatt, med ordrene som venter på dem; hver leverandørs datohistorikk.")
        case .reportService:
            return ("Service level over a period: line and order fill rate, units backordered, average backorder wait; per customer and item.",
                    "Leveringsgrad over en periode: for linjer og ordrer, enheter i restordre, snittventetid; per kunde og vare.")
        case .reportServiceDiscussion:
            return ("""
                Line fill rate: of the lines whose first shipment fell in the period, the share that shipment carried whole.
                Order fill rate: the same for orders (every line whole in the order's first shipment). Units backordered: units
                that went onto backorder in the period. Average wait: for backordered lines completed by a shipment in the
                period, the days from the order date to that shipment. Days are UTC days.
                """, """
                Leveringsgrad for linjer: av linjene med første forsendelse i perioden, andelen den forsendelsen sendte helt.
                Leveringsgrad for ordrer: det samme for ordrer (alle linjer hele i ordrens første forsendelse). Enheter i
                restordre: enheter som gikk i restordre i perioden. Snittventetid: for restordrelinjer som ble fullført med en
                forsendelse i perioden, dagene fra ordredato til den forsendelsen. Dagene er UTC-døgn.
                """)
        case .reportBacklog:
            return ("Per customer: open backorder lines and units, the oldest wait, and the next promised date.",
                    "Per kunde: åpne restordrelinjer og enheter, eldste ventetid og neste lovede dato.")
        case .backup:
            return ("Copy the data file while clerks keep working, and check the copy.",
                    "Kopier datafilen mens de andre arbeider videre, og kontroller kopien.")
        case .backupDiscussion:
            return ("""
                The copy is one consistent snapshot: every operation committed before the backup began is in it.
                DEST is a file, or a folder: the copy is then named backorders-YYYYMMDD-HHMMSS.sqlite (UTC) in it, and
                --keep N removes the oldest such files there beyond N (for a nightly cron line).
                The copy is written under a temporary name beside DEST and renamed only once it is complete and checked.
                Exit 3 when the copy (and so the data file) breaks an invariant: it is kept, and the problems are listed.
                """, """
                Kopien er ett helhetlig øyeblikksbilde: alt som var lagret før sikkerhetskopien begynte, er med.
                DEST er en fil eller en mappe: kopien får da navnet backorders-ÅÅÅÅMMDD-TTMMSS.sqlite (UTC) der, og
                --keep N fjerner de eldste slike filene der utover N (for en nattlig cron-linje).
                Kopien skrives under et midlertidig navn ved siden av DEST og får navnet først når den er hel og kontrollert.
                Avslutter med 3 når kopien (og dermed datafilen) bryter en regel: den beholdes, og feilene listes.
                """)
        case .restore:
            return ("Put a backup in place of the data file (refused while anyone has the file open).",
                    "Sett en sikkerhetskopi på plass som datafil (avvises mens noen har filen åpen).")
        case .restoreDiscussion:
            return ("""
                SRC is checked first (a copy of it, upgraded when it is of an older format; SRC itself is only read).
                Refused (exit 1) while any process has the data file open: the UI, a command, a backup.
                The replaced file is kept beside it as FILE.replaced-YYYYMMDD-HHMMSS (UTC), with its -wal when it has one.
                """, """
                SRC kontrolleres først (en kopi av den, oppgradert når den har et eldre format; SRC selv blir bare lest).
                Avvises (kode 1) mens en prosess har datafilen åpen: skjermbildet, en kommando, en sikkerhetskopiering.
                Filen som erstattes, beholdes ved siden av som FIL.replaced-ÅÅÅÅMMDD-TTMMSS (UTC), med sin -wal når den har en.
                """)
        case .stress:
            return ("Run random operations against the data file (for concurrency tests).",
                    "Kjør tilfeldige operasjoner mot datafilen (for samtidighetstester).")
        }
    }

    /// The text in the process's language (chosen before the command line is parsed).
    var text: String { Localizer.process(self) }
}
