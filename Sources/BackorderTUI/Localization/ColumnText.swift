import BackorderCore

/// Column headers of the panes and the order detail, and the words inside their cells. Norwegian headers are
/// abbreviated to the English columns' widths ("Restord.", "Ant.").
public enum ColumnText: String, Catalogued {
    case order, date, customer, priority, lines, ordered, allocated, picked, shipped, backordered, policy
    case lineNo, sku, item, quantity, promised, ageDays, late, poLine, supplier, expected, received, promisedUnits
    case eta, moved, name, bin, onHand, free, backorderDemand, incoming, cancelled
    // Cell words.
    case complete, partial, nonePlanned, lateMark, total

    public var texts: (en: String, nb: String) {
        switch self {
        case .order: return ("Order", "Ordre")
        case .date: return ("Date", "Dato")
        case .customer: return ("Customer", "Kunde")
        case .priority: return ("Pri", "Pri")
        case .lines: return ("Lines", "Linjer")
        case .ordered: return ("Ordered", "Bestilt")
        case .allocated: return ("Alloc", "Res.")
        case .picked: return ("Picked", "Plukk.")
        case .shipped: return ("Shipped", "Sendt")
        case .backordered: return ("Backord", "Restord.")
        case .policy: return ("Policy", "Levering")
        case .lineNo: return ("Ln", "Lnr")
        case .sku: return ("SKU", "Varenr")
        case .item: return ("Item", "Vare")
        case .quantity: return ("Qty", "Ant.")
        case .promised: return ("Promised", "Lovet")
        case .ageDays: return ("Age d", "Dager")
        case .late: return ("Late", "Sen")
        case .poLine: return ("PO/line", "Innkjøp")
        case .supplier: return ("Supplier", "Leverandør")
        case .expected: return ("Expected", "Antall")
        case .received: return ("Recvd", "Mott.")
        case .promisedUnits: return ("Promised", "Lovet")
        case .eta: return ("ETA", "Ankomst")
        case .moved: return ("Moved", "Endr.")
        case .name: return ("Name", "Navn")
        case .bin: return ("Bin", "Hylle")
        case .onHand: return ("On hand", "Lager")
        case .free: return ("Free", "Fri")
        case .backorderDemand: return ("BO dem", "Rest.")
        case .incoming: return ("Incoming", "På vei")
        case .cancelled: return ("Cancel", "Kans.")
        case .complete: return ("complete", "komplett")
        case .partial: return ("partial", "delvis")
        case .nonePlanned: return ("none planned", "ingen dato")
        case .lateMark: return ("LATE", "SEN")
        case .total: return ("Total", "Sum")
        }
    }
}
