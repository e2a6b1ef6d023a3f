import BackorderCore

/// A sort field with the column (or expression) its values are in, as both engines' list selects name them: tables
/// aliased `o` orders, `c` customer, `l` line or queue row, `i` item, `a` arrival. The same on both engines, so written
/// once here, beside the stores (which alone know SQL), not in the core.
public protocol SortColumn: SortField {
    /// Where the field's values are; for a line total (`lineSum`), the column of `order_line` summed. Empty for a
    /// figure or a count, which each store spells itself.
    var column: String { get }
}

extension OrderSortField: SortColumn {
    public var column: String {
        switch self {
        case .orderDate: return "o.order_date"
        case .number: return "o.number"
        case .customerName: return "c.name"
        case .customerCode: return "c.code"
        case .priority: return "o.priority"
        case .policy: return "o.policy"
        case .lineCount: return ""
        case .ordered: return "ordered"
        case .allocated: return "allocated"
        case .picked: return "picked"
        case .shipped: return "shipped"
        case .backordered: return "backordered"
        }
    }
}

extension BackorderSortField: SortColumn {
    public var column: String {
        switch self {
        case .orderDate: return "l.order_date"
        case .orderNumber: return "l.order_no"
        case .lineNo: return "l.line_no"
        case .sku: return "l.sku"
        case .priority: return "l.priority"
        case .quantity: return "l.backordered"
        case .promised: return ""
        case .itemName: return "i.name"
        case .itemSKU: return "i.sku"
        case .customerName: return "c.name"
        case .customerCode: return "c.code"
        }
    }
}

extension ArrivalSortField: SortColumn {
    public var column: String {
        switch self {
        case .eta: return "a.eta"
        case .id: return "a.id"
        case .poNumber: return "a.po_number"
        case .poLine: return "a.po_line"
        case .supplier: return "a.supplier"
        case .sku: return "a.sku"
        case .itemName: return "i.name"
        case .quantity: return "a.quantity"
        case .received: return "a.received"
        case .promised, .etaChanges: return ""
        }
    }
}

extension StockSortField: SortColumn {
    public var column: String {
        switch self {
        case .sku: return "sku"
        case .name: return "name"
        case .bin: return "bin"
        case .onHand: return "on_hand"
        case .allocated: return "allocated"
        case .picked: return "picked"
        case .free: return "on_hand - allocated - picked"
        case .backordered: return "backordered"
        case .incoming: return "incoming"
        }
    }
}
