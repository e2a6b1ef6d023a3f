import BackorderCore
import TerminalKit

/// One column of a pane: how it is drawn, what it shows for a row, and the store's column that sorts the whole list by it.
struct ColumnSpec<Row>: Sendable {
    var column: Table.Column
    var text: @Sendable (Row) -> String
    /// nil: `o` passes over the column (sorting a long list by it would tell nothing another column does not).
    var sort: ListSortKey?
}

private func number(_ title: String, _ width: Int, priority: Int, _ sort: OrderSortKey,
                    _ value: @escaping @Sendable (OpenOrderRow) -> Int) -> ColumnSpec<OpenOrderRow> {
    ColumnSpec(column: .init(title, width: .fixed(width), alignment: .right, priority: priority),
               text: { String(value($0)) }, sort: .orders(sort))
}

/// The columns of every pane. Priorities decide which columns a narrow terminal drops first (lowest first).
enum Columns {
    static let orders: [ColumnSpec<OpenOrderRow>] = [
        ColumnSpec(column: .init("Order", width: .flexible(min: 9, weight: 1), priority: 10),
                   text: { $0.number }, sort: .orders(.number)),
        ColumnSpec(column: .init("Date", width: .fixed(10), priority: 5),
                   text: { $0.orderDate.iso }, sort: .orders(.date)),
        ColumnSpec(column: .init("Customer", width: .flexible(min: 8, weight: 3), priority: 8),
                   text: { $0.customerName }, sort: .orders(.customer)),
        ColumnSpec(column: .init("Pri", width: .fixed(3), alignment: .right, priority: 3),
                   text: { String($0.priority) }, sort: .orders(.priority)),
        number("Lines", 5, priority: 2, .lines) { $0.lines },
        number("Ordered", 7, priority: 6, .ordered) { $0.ordered },
        number("Alloc", 5, priority: 4, .allocated) { $0.allocated },
        number("Picked", 6, priority: 7, .picked) { $0.picked },
        number("Shipped", 7, priority: 5, .shipped) { $0.shipped },
        number("Backord", 7, priority: 9, .backordered) { $0.backordered },
        ColumnSpec(column: .init("Policy", width: .fixed(8), priority: 1),
                   text: { $0.policy == .complete ? "complete" : "partial" }, sort: .orders(.policy)),
    ]

    static let backorders: [ColumnSpec<BackorderRow>] = [
        ColumnSpec(column: .init("Order", width: .flexible(min: 9, weight: 1), priority: 10),
                   text: { $0.orderNumber }, sort: .backorders(.order)),
        ColumnSpec(column: .init("Ln", width: .fixed(3), alignment: .right, priority: 4),
                   text: { String($0.lineNo) }, sort: nil),
        ColumnSpec(column: .init("SKU", width: .flexible(min: 8, weight: 1), priority: 9),
                   text: { $0.sku }, sort: .backorders(.sku)),
        // Ten columns for the item: at 80 the name stays readable, and a narrower screen drops Pri before it shrinks.
        ColumnSpec(column: .init("Item", width: .flexible(min: 10, weight: 2), priority: 3),
                   text: { $0.itemName }, sort: .backorders(.item)),
        ColumnSpec(column: .init("Customer", width: .flexible(min: 8, weight: 2), priority: 2),
                   text: { $0.customerName }, sort: .backorders(.customer)),
        // Receipts serve by priority first: "why is this line still waiting" often reads here.
        ColumnSpec(column: .init("Pri", width: .fixed(3), alignment: .right, priority: 5),
                   text: { String($0.priority) }, sort: .backorders(.priority)),
        ColumnSpec(column: .init("Qty", width: .fixed(6), alignment: .right, priority: 9),
                   text: { String($0.backordered) }, sort: .backorders(.quantity)),
        ColumnSpec(column: .init("Promised", width: .fixed(12), priority: 7),
                   text: { $0.promised?.iso ?? "none planned" }, sort: .backorders(.promised)),
        ColumnSpec(column: .init("Age d", width: .fixed(5), alignment: .right, priority: 6),
                   text: { String($0.ageDays) }, sort: .backorders(.age)),
        ColumnSpec(column: .init("Late", width: .fixed(4), priority: 8),
                   text: { $0.late ? "LATE" : "" }, sort: nil),
    ]

    static let arrivals: [ColumnSpec<ArrivalRow>] = [
        ColumnSpec(column: .init("PO/line", width: .flexible(min: 9, weight: 1), priority: 10),
                   text: { $0.arrival.reference }, sort: .arrivals(.reference)),
        ColumnSpec(column: .init("Supplier", width: .flexible(min: 8, weight: 2), priority: 3),
                   text: { $0.arrival.supplier }, sort: .arrivals(.supplier)),
        ColumnSpec(column: .init("SKU", width: .flexible(min: 8, weight: 1), priority: 9),
                   text: { $0.arrival.sku }, sort: .arrivals(.sku)),
        ColumnSpec(column: .init("Item", width: .flexible(min: 8, weight: 2), priority: 1),
                   text: { $0.itemName }, sort: .arrivals(.item)),
        ColumnSpec(column: .init("Expected", width: .fixed(8), alignment: .right, priority: 8),
                   text: { String($0.arrival.quantity) }, sort: .arrivals(.expected)),
        ColumnSpec(column: .init("Recvd", width: .fixed(6), alignment: .right, priority: 5),
                   text: { String($0.arrival.received) }, sort: .arrivals(.received)),
        ColumnSpec(column: .init("Promised", width: .fixed(8), alignment: .right, priority: 7),
                   text: { String($0.promised) }, sort: .arrivals(.promised)),
        ColumnSpec(column: .init("ETA", width: .fixed(10), priority: 9),
                   text: { $0.arrival.eta.iso }, sort: .arrivals(.eta)),
        ColumnSpec(column: .init("Late", width: .fixed(4), priority: 8),
                   text: { $0.late ? "LATE" : "" }, sort: nil),
        ColumnSpec(column: .init("Moved", width: .fixed(5), alignment: .right, priority: 2),
                   text: { $0.etaChanges > 0 ? "\($0.etaChanges)×" : "" }, sort: .arrivals(.moved)),
    ]

    static let stock: [ColumnSpec<Item>] = [
        ColumnSpec(column: .init("SKU", width: .flexible(min: 8, weight: 1), priority: 10),
                   text: { $0.sku }, sort: .stock(.sku)),
        ColumnSpec(column: .init("Name", width: .flexible(min: 8, weight: 3), priority: 6),
                   text: { $0.name }, sort: .stock(.name)),
        ColumnSpec(column: .init("Bin", width: .fixed(6), priority: 2),
                   text: { $0.bin }, sort: .stock(.bin)),
        ColumnSpec(column: .init("On hand", width: .fixed(7), alignment: .right, priority: 9),
                   text: { String($0.onHand) }, sort: .stock(.onHand)),
        ColumnSpec(column: .init("Alloc", width: .fixed(6), alignment: .right, priority: 5),
                   text: { String($0.allocated) }, sort: .stock(.allocated)),
        ColumnSpec(column: .init("Picked", width: .fixed(6), alignment: .right, priority: 3),
                   text: { String($0.picked) }, sort: .stock(.picked)),
        ColumnSpec(column: .init("Free", width: .fixed(6), alignment: .right, priority: 8),
                   text: { String($0.free) }, sort: .stock(.free)),
        ColumnSpec(column: .init("BO dem", width: .fixed(6), alignment: .right, priority: 8),
                   text: { String($0.backordered) }, sort: .stock(.backordered)),
        ColumnSpec(column: .init("Incoming", width: .fixed(8), alignment: .right, priority: 7),
                   text: { String($0.incoming) }, sort: .stock(.incoming)),
    ]

    /// The table columns of a pane.
    static func columns(_ kind: PaneKind) -> [Table.Column] {
        switch kind {
        case .orders: return orders.map(\.column)
        case .backorders: return backorders.map(\.column)
        case .arrivals: return arrivals.map(\.column)
        case .stock: return stock.map(\.column)
        }
    }

    /// The cell texts of the loaded rows.
    static func cells(_ rows: PaneRows) -> [[String]] {
        switch rows {
        case .orders(let r): return r.map { row in orders.map { $0.text(row) } }
        case .backorders(let r): return r.map { row in backorders.map { $0.text(row) } }
        case .arrivals(let r): return r.map { row in arrivals.map { $0.text(row) } }
        case .stock(let r): return r.map { row in stock.map { $0.text(row) } }
        }
    }

    /// Row styles: late lines and arrivals red, items with waiting demand and no free stock yellow.
    static func styles(_ rows: PaneRows) -> [Int: Style] {
        var out: [Int: Style] = [:]
        switch rows {
        case .orders(let r):
            for (i, row) in r.enumerated() where row.picked > 0 { out[i] = Style(foreground: .green) }
        case .backorders(let r):
            for (i, row) in r.enumerated() where row.late { out[i] = Style(foreground: .red) }
        case .arrivals(let r):
            for (i, row) in r.enumerated() where row.late { out[i] = Style(foreground: .red) }
        case .stock(let r):
            for (i, row) in r.enumerated() where row.backordered > 0 && row.free <= 0 { out[i] = Style(foreground: .yellow) }
        }
        return out
    }

    /// The store's column behind a pane's column; nil when the whole list cannot be sorted by it.
    static func sortKey(_ kind: PaneKind, column: Int) -> ListSortKey? {
        let keys: [ListSortKey?]
        switch kind {
        case .orders: keys = orders.map(\.sort)
        case .backorders: keys = backorders.map(\.sort)
        case .arrivals: keys = arrivals.map(\.sort)
        case .stock: keys = stock.map(\.sort)
        }
        return keys.indices.contains(column) ? keys[column] : nil
    }

    static func count(_ kind: PaneKind) -> Int { columns(kind).count }
}
