import BackorderCore
import TerminalKit

/// A value a column sorts by.
enum SortValue: Comparable, Sendable {
    case number(Int)
    case text(String)

    static func < (a: SortValue, b: SortValue) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x < y
        case let (.text(x), .text(y)): return x.lowercased() < y.lowercased()
        case (.number, .text): return true
        case (.text, .number): return false
        }
    }
}

/// One column of a pane: how it is drawn, what it shows for a row, and what it sorts by.
struct ColumnSpec<Row>: Sendable {
    var column: Table.Column
    var text: @Sendable (Row) -> String
    var key: @Sendable (Row) -> SortValue
}

private func number(_ title: String, _ width: Int, priority: Int, _ value: @escaping @Sendable (OpenOrderRow) -> Int) -> ColumnSpec<OpenOrderRow> {
    ColumnSpec(column: .init(title, width: .fixed(width), alignment: .right, priority: priority),
               text: { String(value($0)) }, key: { .number(value($0)) })
}

/// The columns of every pane. Priorities decide which columns a narrow terminal drops first (lowest first).
enum Columns {
    static let orders: [ColumnSpec<OpenOrderRow>] = [
        ColumnSpec(column: .init("Order", width: .flexible(min: 9, weight: 1), priority: 10),
                   text: { $0.number }, key: { .text($0.number) }),
        ColumnSpec(column: .init("Date", width: .fixed(10), priority: 5),
                   text: { $0.orderDate.iso }, key: { .number($0.orderDate.ordinal) }),
        ColumnSpec(column: .init("Customer", width: .flexible(min: 8, weight: 3), priority: 8),
                   text: { $0.customerName }, key: { .text($0.customerName) }),
        ColumnSpec(column: .init("Pri", width: .fixed(3), alignment: .right, priority: 3),
                   text: { String($0.priority) }, key: { .number($0.priority) }),
        number("Lines", 5, priority: 2) { $0.lines },
        number("Ordered", 7, priority: 6) { $0.ordered },
        number("Alloc", 5, priority: 4) { $0.allocated },
        number("Picked", 6, priority: 7) { $0.picked },
        number("Shipped", 7, priority: 5) { $0.shipped },
        number("Backord", 7, priority: 9) { $0.backordered },
        ColumnSpec(column: .init("Policy", width: .fixed(8), priority: 1),
                   text: { $0.policy == .complete ? "complete" : "partial" }, key: { .text($0.policy.rawValue) }),
    ]

    static let backorders: [ColumnSpec<BackorderRow>] = [
        ColumnSpec(column: .init("Order", width: .flexible(min: 9, weight: 1), priority: 10),
                   text: { $0.orderNumber }, key: { .text($0.orderNumber) }),
        ColumnSpec(column: .init("Ln", width: .fixed(3), alignment: .right, priority: 4),
                   text: { String($0.lineNo) }, key: { .number($0.lineNo) }),
        ColumnSpec(column: .init("SKU", width: .flexible(min: 8, weight: 1), priority: 9),
                   text: { $0.sku }, key: { .text($0.sku) }),
        // Ten columns for the item: at 80 the name stays readable, and a narrower screen drops Pri before it shrinks.
        ColumnSpec(column: .init("Item", width: .flexible(min: 10, weight: 2), priority: 3),
                   text: { $0.itemName }, key: { .text($0.itemName) }),
        ColumnSpec(column: .init("Customer", width: .flexible(min: 8, weight: 2), priority: 2),
                   text: { $0.customerName }, key: { .text($0.customerName) }),
        // Receipts serve by priority first: "why is this line still waiting" often reads here.
        ColumnSpec(column: .init("Pri", width: .fixed(3), alignment: .right, priority: 5),
                   text: { String($0.priority) }, key: { .number($0.priority) }),
        ColumnSpec(column: .init("Qty", width: .fixed(6), alignment: .right, priority: 9),
                   text: { String($0.backordered) }, key: { .number($0.backordered) }),
        ColumnSpec(column: .init("Promised", width: .fixed(12), priority: 7),
                   text: { $0.promised?.iso ?? "none planned" }, key: { .number($0.promised?.ordinal ?? Int.max) }),
        ColumnSpec(column: .init("Age d", width: .fixed(5), alignment: .right, priority: 6),
                   text: { String($0.ageDays) }, key: { .number($0.ageDays) }),
        ColumnSpec(column: .init("Late", width: .fixed(4), priority: 8),
                   text: { $0.late ? "LATE" : "" }, key: { .number($0.late ? 1 : 0) }),
    ]

    static let arrivals: [ColumnSpec<ArrivalRow>] = [
        ColumnSpec(column: .init("PO/line", width: .flexible(min: 9, weight: 1), priority: 10),
                   text: { $0.arrival.reference }, key: { .text($0.arrival.reference) }),
        ColumnSpec(column: .init("Supplier", width: .flexible(min: 8, weight: 2), priority: 3),
                   text: { $0.arrival.supplier }, key: { .text($0.arrival.supplier) }),
        ColumnSpec(column: .init("SKU", width: .flexible(min: 8, weight: 1), priority: 9),
                   text: { $0.arrival.sku }, key: { .text($0.arrival.sku) }),
        ColumnSpec(column: .init("Item", width: .flexible(min: 8, weight: 2), priority: 1),
                   text: { $0.itemName }, key: { .text($0.itemName) }),
        ColumnSpec(column: .init("Expected", width: .fixed(8), alignment: .right, priority: 8),
                   text: { String($0.arrival.quantity) }, key: { .number($0.arrival.quantity) }),
        ColumnSpec(column: .init("Recvd", width: .fixed(6), alignment: .right, priority: 5),
                   text: { String($0.arrival.received) }, key: { .number($0.arrival.received) }),
        ColumnSpec(column: .init("Promised", width: .fixed(8), alignment: .right, priority: 7),
                   text: { String($0.promised) }, key: { .number($0.promised) }),
        ColumnSpec(column: .init("ETA", width: .fixed(10), priority: 9),
                   text: { $0.arrival.eta.iso }, key: { .number($0.arrival.eta.ordinal) }),
        ColumnSpec(column: .init("Late", width: .fixed(4), priority: 8),
                   text: { $0.late ? "LATE" : "" }, key: { .number($0.late ? 1 : 0) }),
        ColumnSpec(column: .init("Moved", width: .fixed(5), alignment: .right, priority: 2),
                   text: { $0.etaChanges > 0 ? "\($0.etaChanges)×" : "" }, key: { .number($0.etaChanges) }),
    ]

    static let stock: [ColumnSpec<Item>] = [
        ColumnSpec(column: .init("SKU", width: .flexible(min: 8, weight: 1), priority: 10),
                   text: { $0.sku }, key: { .text($0.sku) }),
        ColumnSpec(column: .init("Name", width: .flexible(min: 8, weight: 3), priority: 6),
                   text: { $0.name }, key: { .text($0.name) }),
        ColumnSpec(column: .init("Bin", width: .fixed(6), priority: 2),
                   text: { $0.bin }, key: { .text($0.bin) }),
        ColumnSpec(column: .init("On hand", width: .fixed(7), alignment: .right, priority: 9),
                   text: { String($0.onHand) }, key: { .number($0.onHand) }),
        ColumnSpec(column: .init("Alloc", width: .fixed(6), alignment: .right, priority: 5),
                   text: { String($0.allocated) }, key: { .number($0.allocated) }),
        ColumnSpec(column: .init("Picked", width: .fixed(6), alignment: .right, priority: 3),
                   text: { String($0.picked) }, key: { .number($0.picked) }),
        ColumnSpec(column: .init("Free", width: .fixed(6), alignment: .right, priority: 8),
                   text: { String($0.free) }, key: { .number($0.free) }),
        ColumnSpec(column: .init("BO dem", width: .fixed(6), alignment: .right, priority: 8),
                   text: { String($0.backordered) }, key: { .number($0.backordered) }),
        ColumnSpec(column: .init("Incoming", width: .fixed(8), alignment: .right, priority: 7),
                   text: { String($0.incoming) }, key: { .number($0.incoming) }),
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

    /// The rows sorted by a column (stable, so equal keys keep the list's own order).
    static func sorted(_ rows: PaneRows, column: Int, descending: Bool) -> PaneRows {
        func sort<R>(_ r: [R], _ specs: [ColumnSpec<R>]) -> [R] {
            guard specs.indices.contains(column) else { return r }
            let key = specs[column].key
            let keyed = r.enumerated().map { (key($0.element), $0.offset, $0.element) }
            return keyed.sorted { a, b in
                if a.0 != b.0 { return descending ? b.0 < a.0 : a.0 < b.0 }
                return a.1 < b.1
            }.map(\.2)
        }
        switch rows {
        case .orders(let r): return .orders(sort(r, orders))
        case .backorders(let r): return .backorders(sort(r, backorders))
        case .arrivals(let r): return .arrivals(sort(r, arrivals))
        case .stock(let r): return .stock(sort(r, stock))
        }
    }

    static func count(_ kind: PaneKind) -> Int { columns(kind).count }
}
