import BackorderCore
import NcursesBackend

/// Table headings and the short words in table cells. Norwegian headings are abbreviated where the English ones are.
enum ColumnText: String, Catalogued {
    case order, date, p, customer, policy, lines, ordered, alloc, picked, shipped, backord
    case line, age, sku, item, promised, arrival, supplier, expected, received, eta, moved
    case bin, onHand, free, incoming, cancel, when, who, what, qty, doc, note
    case user, host, pid, since, lastSeen, units, orders
    case uncovered, oldest, moq, pack, suggest, lead, outstanding, late, waiting
    case arrivals, open, changes, daysMoved, avgChange, largestSlip
    case name, lineFill, orderFill, backordered, avgWait, nextPromised, noDate
    // cells
    case noArrivalPlanned, nonePlanned, lateSuffix, days, decimalDays, secondsAgo, nobody, moves, linesCount, percent
    case policyPartial, policyComplete
    case bucket0to7, bucket8to14, bucket15to30, bucket31to60, bucketOver60
    // movement kinds, as the journal and an order's history show them
    case kindOrder, kindAllocate, kindPick, kindShortPick, kindShip, kindReceive, kindCancel, kindAdjust, kindRelease
    case kindPutBack, kindAmend, kindReturn, kindReceiptReversal

    var texts: (en: String, nb: String) {
        switch self {
        case .order: return ("ORDER", "ORDRE")
        case .date: return ("DATE", "DATO")
        case .p: return ("P", "P")
        case .customer: return ("CUSTOMER", "KUNDE")
        case .policy: return ("POLICY", "LEVERING")
        case .lines: return ("LINES", "LINJER")
        case .ordered: return ("ORDERED", "BESTILT")
        case .alloc: return ("ALLOC", "RESERV.")
        case .picked: return ("PICKED", "PLUKKET")
        case .shipped: return ("SHIPPED", "SENDT")
        case .backord: return ("BACKORD", "RESTORD.")
        case .line: return ("LINE", "LINJE")
        case .age: return ("AGE", "ALDER")
        case .sku: return ("SKU", "VARENR.")
        case .item: return ("ITEM", "VARE")
        case .promised: return ("PROMISED", "LOVET")
        case .arrival: return ("ARRIVAL", "ANKOMST")
        case .supplier: return ("SUPPLIER", "LEVERANDØR")
        case .expected: return ("EXPECTED", "FORVENTET")
        case .received: return ("RECEIVED", "MOTTATT")
        case .eta: return ("ETA", "ETA")
        case .moved: return ("MOVED", "FLYTTET")
        case .bin: return ("BIN", "HYLLE")
        case .onHand: return ("ON HAND", "PÅ LAGER")
        case .free: return ("FREE", "FRI")
        case .incoming: return ("INCOMING", "INNGÅENDE")
        case .cancel: return ("CANCEL", "KANSELL.")
        case .when: return ("WHEN", "NÅR")
        case .who: return ("WHO", "HVEM")
        case .what: return ("WHAT", "HVA")
        case .qty: return ("QTY", "ANT.")
        case .doc: return ("DOC", "DOK.")
        case .note: return ("NOTE", "MERKNAD")
        case .user: return ("USER", "BRUKER")
        case .host: return ("HOST", "MASKIN")
        case .pid: return ("PID", "PID")
        case .since: return ("SINCE", "SIDEN")
        case .lastSeen: return ("LAST SEEN", "SIST SETT")
        case .units: return ("UNITS", "ENHETER")
        case .orders: return ("ORDERS", "ORDRER")
        case .uncovered: return ("UNCOVERED", "UDEKKET")
        case .oldest: return ("OLDEST", "ELDST")
        case .moq: return ("MOQ", "MIN.KJØP")
        case .pack: return ("PACK", "PAKN.")
        case .suggest: return ("SUGGEST", "FORSLAG")
        case .lead: return ("LEAD", "LEV.TID")
        case .outstanding: return ("OUTSTANDING", "UTESTÅENDE")
        case .late: return ("LATE", "FORSINKET")
        case .waiting: return ("WAITING", "VENTER")
        case .arrivals: return ("ARRIVALS", "ANKOMSTER")
        case .open: return ("OPEN", "ÅPNE")
        case .changes: return ("CHANGES", "ENDRINGER")
        case .daysMoved: return ("DAYS MOVED", "DAGER FLYTTET")
        case .avgChange: return ("AVG/CHANGE", "SNITT/ENDRING")
        case .largestSlip: return ("LARGEST SLIP", "STØRSTE UTSETTELSE")
        case .name: return ("NAME", "NAVN")
        case .lineFill: return ("LINE FILL", "LEV.GRAD LINJER")
        case .orderFill: return ("ORDER FILL", "LEV.GRAD ORDRER")
        case .backordered: return ("BACKORDERED", "I RESTORDRE")
        case .avgWait: return ("AVG WAIT", "SNITT VENT")
        case .nextPromised: return ("NEXT PROMISED", "NESTE LOVET")
        case .noDate: return ("NO DATE", "UTEN DATO")
        case .noArrivalPlanned: return ("no arrival planned", "ingen ankomst planlagt")
        case .nonePlanned: return ("none planned", "ingen planlagt")
        case .lateSuffix: return (" LATE", " FORSINKET")
        case .days: return ("{0}d", "{0} d")
        case .decimalDays: return ("{0}d", "{0} d")
        case .secondsAgo: return ("{0} s ago", "for {0} s siden")
        case .nobody: return ("nobody", "ingen")
        case .moves: return ("{0}× {1}d", "{0}× {1} d")
        case .linesCount: return ("{0} line(s)", "{0} {0|linje|linjer}")
        case .percent: return ("{0}%", "{0} %")
        case .policyPartial: return ("partial", "delvis")
        case .policyComplete: return ("complete", "komplett")
        case .bucket0to7: return ("0–7 days", "0–7 dager")
        case .bucket8to14: return ("8–14 days", "8–14 dager")
        case .bucket15to30: return ("15–30 days", "15–30 dager")
        case .bucket31to60: return ("31–60 days", "31–60 dager")
        case .bucketOver60: return ("over 60 days", "over 60 dager")
        case .kindOrder: return ("order", "ordre")
        case .kindAllocate: return ("allocate", "reservasjon")
        case .kindPick: return ("pick", "plukk")
        case .kindShortPick: return ("short-pick", "plukkmangel")
        case .kindShip: return ("ship", "forsendelse")
        case .kindReceive: return ("receive", "mottak")
        case .kindCancel: return ("cancel", "kansellering")
        case .kindAdjust: return ("adjust", "justering")
        case .kindRelease: return ("release", "frigjøring")
        case .kindPutBack: return ("put-back", "tilbake i hylla")
        case .kindAmend: return ("amend", "endring")
        case .kindReturn: return ("return", "retur")
        case .kindReceiptReversal: return ("receipt-reversal", "tilbakeført mottak")
        }
    }
}

/// Table headings in the process's language.
func headers(_ keys: ColumnText...) -> [String] { keys.map { Localizer.process($0) } }

/// A ship policy as people read it (English keeps the stored word).
func policyName(_ p: ShipPolicy) -> String {
    switch p {
    case .partial: return Localizer.process(ColumnText.policyPartial)
    case .complete: return Localizer.process(ColumnText.policyComplete)
    }
}

/// A journal movement's kind as people read it (English keeps the stored word).
func kindName(_ k: MovementKind) -> String {
    let key: ColumnText
    switch k {
    case .order: key = .kindOrder
    case .allocate: key = .kindAllocate
    case .pick: key = .kindPick
    case .shortPick: key = .kindShortPick
    case .ship: key = .kindShip
    case .receive: key = .kindReceive
    case .cancel: key = .kindCancel
    case .adjust: key = .kindAdjust
    case .release: key = .kindRelease
    case .putBack: key = .kindPutBack
    case .amend: key = .kindAmend
    case .return: key = .kindReturn
    case .receiptReversal: key = .kindReceiptReversal
    }
    return Localizer.process(key)
}

/// An aging bucket as people read it: "0–7 days", "over 60 dager".
func bucketName(_ b: AgeBucket) -> String {
    let key: ColumnText
    switch b {
    case .days0to7: key = .bucket0to7
    case .days8to14: key = .bucket8to14
    case .days15to30: key = .bucket15to30
    case .days31to60: key = .bucket31to60
    case .over60: key = .bucketOver60
    }
    return Localizer.process(key)
}

/// A moment as people read it: ISO in English (as before), `25.11.2026 14:05:09 UTC` in Norwegian.
func moment(_ t: Timestamp) -> String {
    let tr = Localizer.process
    guard tr.language != .en else { return t.iso }
    let iso = t.iso
    return tr.day(Day(unixTime: t.unixTime)) + " " + String(iso.dropFirst(11).dropLast()) + " UTC"
}

/// What an order line would get now, for `order create --preview`.
func promise(_ l: OrderPreview.Line) -> String {
    let tr = Localizer.process
    guard l.backordered > 0 else { return tr(CLIText.promiseFromStock, l.fromStock) }
    let when = l.promised.map { tr(CLIText.promisedOn, $0) + (l.arrival.map { " (\($0))" } ?? "") } ?? tr(ColumnText.noArrivalPlanned)
    return (l.fromStock > 0 ? tr(CLIText.promiseFromStock, l.fromStock) + ", " : "") + tr(CLIText.promiseBackordered, l.backordered, when)
}

/// Why the terminal cannot hold the UI, in the process's language.
func terminalProblem(_ p: TerminalProblem) -> String {
    let tr = Localizer.process
    switch p {
    case .termUnset: return tr(CLIText.termUnset)
    case .dumb: return tr(CLIText.termDumb)
    case .noCursorAddressing(let term): return tr(CLIText.termNoCursor, term)
    case .noTerminfo(let term): return tr(CLIText.termNoTerminfo, term)
    case .unknownTerm(let term): return tr(CLIText.termUnknown, term)
    }
}

/// Why the terminal could not be started, in the process's language.
func terminalFailure(_ e: TerminalError) -> String {
    switch e {
    case .notATerminal: return Localizer.process(CLIText.termNotATerminal)
    case .initializationFailed(let term): return Localizer.process(CLIText.termInitFailed, term)
    }
}
