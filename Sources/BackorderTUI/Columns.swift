import BackorderCore
import TerminalKit

/// One column of a pane: how it is drawn, what it shows for a row, and the store's column that sorts the whole list by it.
struct ColumnSpec<Row>: Sendable {
    var title: ColumnText
    var width: Table.Width
    var alignment: TextAlignment = .left
    var priority: Int
    /// The cell's text in the reader's language (numbers grouped, days as the language writes them).
    var text: @Sendable (Row, Localizer) -> String
    /// nil: `o` passes over the column (sorting a long list by it would tell nothing another column does not).
    var sort: ListSortKey?

    init(_ title: ColumnText, width: Table.Width, alignment: TextAlignment = .left, priority: Int,
         text: @escaping @Sendable (Row, Localizer) -> String, sort: ListSortKey?) {
        self.title = title; self.width = width; self.alignment = alignment; self.priority = priority; self.text = text; self.sort = sort
    }

    /// The table column with its header in `tr`'s language.
    func column(_ tr: Localizer) -> Table.Column {
        Table.Column(tr(title), width: width, alignment: alignment, priority: priority)
    }
}

private func number(_ title: ColumnText, _ width: Int, priority: Int, _ sort: OrderSortKey,
                    _ value: @escaping @Sendable (OpenOrderRow) -> Int) -> ColumnSpec<OpenOrderRow> {
    ColumnSpec(title, width: .fixed(width), alignment: .right, priority: priority, text: { row, tr in tr.number(value(row)) }, sort: .orders(sort))
}

/// A right-aligned quantity column of any pane.
private func quantity<Row>(_ title: ColumnText, _ width: Int, priority: Int, _ sort: ListSortKey?,
                           _ value: @escaping @Sendable (Row) -> Int) -> ColumnSpec<Row> {
    ColumnSpec(title, width: .fixed(width), alignment: .right, priority: priority, text: { row, tr in tr.number(value(row)) }, sort: sort)
}

/// The columns of every pane. Priorities decide which columns a narrow terminal drops first (lowest first).
enum Columns {
    static let orders: [ColumnSpec<OpenOrderRow>] = [
        ColumnSpec(.order, width: .flexible(min: 9, weight: 1), priority: 10, text: { r, _ in r.number }, sort: .orders(.number)),
        ColumnSpec(.date, width: .fixed(10), priority: 5, text: { r, tr in tr.day(r.orderDate) }, sort: .orders(.date)),
        ColumnSpec(.customer, width: .flexible(min: 8, weight: 3), priority: 8, text: { r, _ in r.customerName }, sort: .orders(.customer)),
        ColumnSpec(.priority, width: .fixed(3), alignment: .right, priority: 3, text: { r, _ in String(r.priority) }, sort: .orders(.priority)),
        // Six and eight columns: room for "Linjer" and "Restord." as well as the English headers.
        number(.lines, 6, priority: 2, .lines) { $0.lines },
        number(.ordered, 7, priority: 6, .ordered) { $0.ordered },
        number(.allocated, 5, priority: 4, .allocated) { $0.allocated },
        number(.picked, 6, priority: 7, .picked) { $0.picked },
        number(.shipped, 7, priority: 5, .shipped) { $0.shipped },
        number(.backordered, 8, priority: 9, .backordered) { $0.backordered },
        ColumnSpec(.policy, width: .fixed(8), priority: 1,
                   text: { r, tr in tr(r.policy == .complete ? ColumnText.complete : .partial) }, sort: .orders(.policy)),
    ]

    static let backorders: [ColumnSpec<BackorderRow>] = [
        ColumnSpec(.order, width: .flexible(min: 9, weight: 1), priority: 10, text: { r, _ in r.orderNumber }, sort: .backorders(.order)),
        ColumnSpec(.lineNo, width: .fixed(3), alignment: .right, priority: 4, text: { r, _ in String(r.lineNo) }, sort: nil),
        ColumnSpec(.sku, width: .flexible(min: 8, weight: 1), priority: 9, text: { r, _ in r.sku }, sort: .backorders(.sku)),
        // Ten columns for the item: at 80 the name stays readable, and a narrower screen drops Pri before it shrinks.
        ColumnSpec(.item, width: .flexible(min: 10, weight: 2), priority: 3, text: { r, _ in r.itemName }, sort: .backorders(.item)),
        ColumnSpec(.customer, width: .flexible(min: 8, weight: 2), priority: 2, text: { r, _ in r.customerName }, sort: .backorders(.customer)),
        // Receipts serve by priority first: "why is this line still waiting" often reads here.
        ColumnSpec(.priority, width: .fixed(3), alignment: .right, priority: 5, text: { r, _ in String(r.priority) }, sort: .backorders(.priority)),
        quantity(.quantity, 6, priority: 9, .backorders(.quantity)) { $0.backordered },
        ColumnSpec(.promised, width: .fixed(12), priority: 7,
                   text: { r, tr in r.promised.map(tr.day) ?? tr(ColumnText.nonePlanned) }, sort: .backorders(.promised)),
        quantity(.ageDays, 5, priority: 6, .backorders(.age)) { $0.ageDays },
        ColumnSpec(.late, width: .fixed(4), priority: 8, text: { r, tr in r.late ? tr(ColumnText.lateMark) : "" }, sort: nil),
    ]

    static let arrivals: [ColumnSpec<ArrivalRow>] = [
        ColumnSpec(.poLine, width: .flexible(min: 9, weight: 1), priority: 10, text: { r, _ in r.arrival.reference }, sort: .arrivals(.reference)),
        ColumnSpec(.supplier, width: .flexible(min: 8, weight: 2), priority: 3, text: { r, _ in r.arrival.supplier }, sort: .arrivals(.supplier)),
        ColumnSpec(.sku, width: .flexible(min: 8, weight: 1), priority: 9, text: { r, _ in r.arrival.sku }, sort: .arrivals(.sku)),
        ColumnSpec(.item, width: .flexible(min: 8, weight: 2), priority: 1, text: { r, _ in r.itemName }, sort: .arrivals(.item)),
        quantity(.expected, 8, priority: 8, .arrivals(.expected)) { $0.arrival.quantity },
        quantity(.received, 6, priority: 5, .arrivals(.received)) { $0.arrival.received },
        quantity(.promisedUnits, 8, priority: 7, .arrivals(.promised)) { $0.promised },
        ColumnSpec(.eta, width: .fixed(10), priority: 9, text: { r, tr in tr.day(r.arrival.eta) }, sort: .arrivals(.eta)),
        ColumnSpec(.late, width: .fixed(4), priority: 8, text: { r, tr in r.late ? tr(ColumnText.lateMark) : "" }, sort: nil),
        ColumnSpec(.moved, width: .fixed(5), alignment: .right, priority: 2,
                   text: { r, tr in r.etaChanges > 0 ? tr.number(r.etaChanges) + "×" : "" }, sort: .arrivals(.moved)),
    ]

    static let stock: [ColumnSpec<Item>] = [
        ColumnSpec(.sku, width: .flexible(min: 8, weight: 1), priority: 10, text: { r, _ in r.sku }, sort: .stock(.sku)),
        ColumnSpec(.name, width: .flexible(min: 8, weight: 3), priority: 6, text: { r, _ in r.name }, sort: .stock(.name)),
        ColumnSpec(.bin, width: .fixed(6), priority: 2, text: { r, _ in r.bin }, sort: .stock(.bin)),
        quantity(.onHand, 7, priority: 9, .stock(.onHand)) { $0.onHand },
        quantity(.allocated, 6, priority: 5, .stock(.allocated)) { $0.allocated },
        quantity(.picked, 6, priority: 3, .stock(.picked)) { $0.picked },
        quantity(.free, 6, priority: 8, .stock(.free)) { $0.free },
        quantity(.backorderDemand, 6, priority: 8, .stock(.backordered)) { $0.backordered },
        quantity(.incoming, 8, priority: 7, .stock(.incoming)) { $0.incoming },
    ]

    /// The table columns of a pane.
    static func columns(_ kind: PaneKind, _ tr: Localizer = .process) -> [Table.Column] {
        switch kind {
        case .orders: return orders.map { $0.column(tr) }
        case .backorders: return backorders.map { $0.column(tr) }
        case .arrivals: return arrivals.map { $0.column(tr) }
        case .stock: return stock.map { $0.column(tr) }
        }
    }

    /// The cell texts of the loaded rows.
    static func cells(_ rows: PaneRows, _ tr: Localizer = .process) -> [[String]] {
        switch rows {
        case .orders(let r): return r.map { row in orders.map { $0.text(row, tr) } }
        case .backorders(let r): return r.map { row in backorders.map { $0.text(row, tr) } }
        case .arrivals(let r): return r.map { row in arrivals.map { $0.text(row, tr) } }
        case .stock(let r): return r.map { row in stock.map { $0.text(row, tr) } }
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

    static func count(_ kind: PaneKind) -> Int {
        switch kind {
        case .orders: return orders.count
        case .backorders: return backorders.count
        case .arrivals: return arrivals.count
        case .stock: return stock.count
        }
    }
}
