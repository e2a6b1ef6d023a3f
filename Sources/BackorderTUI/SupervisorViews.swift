import BackorderCore
import TerminalKit

/// The columns and cells of the report tables, shared by the views and (for row counts) the reducer.
enum ReportTables {
    static let boldRow = Style(attributes: .bold)
    static let lateRow = Style(foreground: .red)

    /// Rows the report's main list has (the aging chart: one per bucket).
    static func rowCount(_ data: ReportData) -> Int {
        switch data {
        case .aging(let r): return r.count
        case .shortage(let r): return r.count
        case .late(let r): return r.arrivals.count
        case .service(let r): return serviceRows(r).count
        case .backlog(let r): return r.count
        }
    }

    /// `1 line`, `3 lines`.
    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func days(_ n: Int?) -> String { n.map { "\($0)" } ?? "" }
    static func percent(_ r: Double?) -> String { r == nil ? "–" : ReportFormat.percent(r) + "%" }

    static let shortageColumns: [Table.Column] = [
        // Room for the check of a marked item before the SKU.
        .init("SKU", width: .flexible(min: 10, weight: 1), priority: 10),
        .init("Item", width: .flexible(min: 8, weight: 2), priority: 3),
        .init("BO dem", width: .fixed(6), alignment: .right, priority: 8),
        .init("Lines", width: .fixed(5), alignment: .right, priority: 2),
        .init("Free", width: .fixed(5), alignment: .right, priority: 5),
        .init("Incoming", width: .fixed(8), alignment: .right, priority: 6),
        .init("Uncovered", width: .fixed(9), alignment: .right, priority: 9),
        .init("Oldest d", width: .fixed(8), alignment: .right, priority: 7),
        .init("MOQ", width: .fixed(5), alignment: .right, priority: 1),
        .init("Pack", width: .fixed(5), alignment: .right, priority: 1),
        .init("Buy", width: .fixed(6), alignment: .right, priority: 9),
        .init("Supplier", width: .flexible(min: 8, weight: 2), priority: 4),
        .init("Lead", width: .fixed(4), alignment: .right, priority: 2),
    ]

    /// A row of the shortage table; an item marked for purchase has a check before its SKU.
    static func shortageCells(_ r: ShortageRow, marked: Bool = false) -> [String] {
        [(marked ? "✓ " : "") + r.sku, r.name, "\(r.backordered)", "\(r.waitingLines)", "\(r.free)", "\(r.incoming)", "\(r.uncovered)",
         days(r.oldestAgeDays), "\(r.minOrderQty)", "\(r.packSize)", r.suggestedPurchase > 0 ? "\(r.suggestedPurchase)" : "–",
         r.supplier.isEmpty ? "–" : r.supplier, r.leadTimeDays.map { "\($0)d" } ?? "–"]
    }
    static let markedRow = Style(foreground: .green, attributes: .bold)

    static let lateColumns: [Table.Column] = [
        .init("PO/line", width: .flexible(min: 9, weight: 1), priority: 10),
        .init("Supplier", width: .flexible(min: 8, weight: 2), priority: 4),
        .init("SKU", width: .flexible(min: 8, weight: 1), priority: 6),
        .init("Outst", width: .fixed(5), alignment: .right, priority: 7),
        .init("ETA", width: .fixed(10), priority: 5),
        .init("Late d", width: .fixed(6), alignment: .right, priority: 9),
        .init("Moved", width: .fixed(8), alignment: .right, priority: 3),
        .init("Waiting orders", width: .flexible(min: 14, weight: 3), priority: 8),
    ]

    static func moved(_ changes: Int, _ days: Int) -> String {
        changes == 0 ? "" : "\(changes)× \(days >= 0 ? "+" : "")\(days)d"
    }

    static func lateCells(_ r: LateArrivalRow) -> [String] {
        [r.reference, r.supplier, r.sku, "\(r.outstanding)", r.eta.iso, "\(r.daysLate)", moved(r.etaChanges, r.daysMoved),
         r.waiting.isEmpty ? "nobody waits" : r.waitingSummary]
    }

    static let supplierColumns: [Table.Column] = [
        .init("Supplier", width: .flexible(min: 8, weight: 2), priority: 10),
        .init("Arrivals", width: .fixed(8), alignment: .right, priority: 5),
        .init("Open", width: .fixed(4), alignment: .right, priority: 3),
        .init("Late", width: .fixed(4), alignment: .right, priority: 8),
        .init("Moved", width: .fixed(5), alignment: .right, priority: 6),
        .init("Changes", width: .fixed(7), alignment: .right, priority: 9),
        .init("Days moved", width: .fixed(10), alignment: .right, priority: 8),
        .init("Avg/chg", width: .fixed(7), alignment: .right, priority: 4),
        .init("Largest", width: .fixed(7), alignment: .right, priority: 2),
    ]

    static func supplierCells(_ r: SupplierSlipRow) -> [String] {
        [r.supplier, "\(r.arrivals)", "\(r.openArrivals)", "\(r.lateArrivals)", "\(r.movedArrivals)", "\(r.etaChanges)",
         "\(r.daysMoved)", ReportFormat.oneDecimal(r.averageDaysPerChange), "\(r.largestSlipDays)"]
    }

    static let serviceColumns: [Table.Column] = [
        .init("Who", width: .flexible(min: 8, weight: 1), priority: 10),
        .init("Name", width: .flexible(min: 8, weight: 2), priority: 3),
        .init("Lines", width: .fixed(5), alignment: .right, priority: 5),
        .init("Line fill", width: .fixed(9), alignment: .right, priority: 9),
        .init("Orders", width: .fixed(6), alignment: .right, priority: 4),
        .init("Order fill", width: .fixed(10), alignment: .right, priority: 8),
        .init("BO units", width: .fixed(8), alignment: .right, priority: 7),
        .init("Avg wait", width: .fixed(8), alignment: .right, priority: 6),
    ]

    /// The service-level table: the total, then a heading and a row per customer, then per item.
    static func serviceRows(_ r: ServiceLevelReport) -> [(cells: [String], style: Style?)] {
        func cells(_ row: ServiceRow, who: String, name: String) -> [String] {
            [who, name, "\(row.lines)", percent(row.lineFillRate), row.orders.map(String.init) ?? "",
             row.orders == nil ? "" : percent(row.orderFillRate), "\(row.unitsBackordered)",
             row.averageWaitDays.map { ReportFormat.oneDecimal($0) + " d" } ?? "–"]
        }
        var out: [(cells: [String], style: Style?)] = [(cells(r.total, who: "All", name: "the whole warehouse"), boldRow)]
        if !r.customers.isEmpty {
            out.append((["Per customer"], Style(foreground: .cyan, attributes: .bold)))
            out += r.customers.map { (cells($0, who: $0.key, name: $0.name), nil) }
        }
        if !r.items.isEmpty {
            out.append((["Per item"], Style(foreground: .cyan, attributes: .bold)))
            out += r.items.map { (cells($0, who: $0.key, name: $0.name), nil) }
        }
        return out
    }

    static let backlogColumns: [Table.Column] = [
        .init("Customer", width: .flexible(min: 8, weight: 1), priority: 10),
        .init("Name", width: .flexible(min: 8, weight: 3), priority: 6),
        .init("Orders", width: .fixed(6), alignment: .right, priority: 4),
        .init("Lines", width: .fixed(5), alignment: .right, priority: 7),
        .init("Units", width: .fixed(6), alignment: .right, priority: 9),
        .init("Oldest d", width: .fixed(8), alignment: .right, priority: 8),
        .init("Next promised", width: .fixed(13), priority: 7),
        .init("Unpromised", width: .fixed(10), alignment: .right, priority: 2),
    ]

    static func backlogCells(_ r: BacklogRow, today: Day) -> [String] {
        [r.customerCode, r.customerName, "\(r.orders)", "\(r.lines)", "\(r.units)", "\(r.oldestAgeDays)",
         r.nextPromised.map { $0 < today ? $0.iso + "!" : $0.iso } ?? "none planned",
         r.unpromisedLines > 0 ? "\(r.unpromisedLines)" : ""]
    }

    static let noticeColumns: [Table.Column] = [
        .init("Order", width: .flexible(min: 9, weight: 1), priority: 10),
        .init("Customer", width: .flexible(min: 8, weight: 2), priority: 8),
        .init("Events", width: .flexible(min: 10, weight: 3), priority: 6),
        .init("Since", width: .fixed(10), priority: 4),
    ]

    static func noticeCells(_ n: Notice) -> [String] {
        [n.orderNumber, n.customerName, n.events.map(\.rawValue).joined(separator: ", "), n.createdAt.day().iso]
    }
}

/// The reports and the to-inform view: pure functions of the state into the buffer.
enum SupervisorViews {
    static let activeTab = Style(foreground: .cyan, attributes: [.reverse, .bold])
    static let selectedKey = Style(foreground: .cyan, attributes: [.reverse, .bold])
    static let titleStyle = Style(attributes: .bold)
    static let dim = Style(attributes: .dim)

    /// A row of tabs with the active one highlighted and a caption on the right; only the active tab when narrow.
    static func renderTabs(_ titles: [String], active: Int, caption: String, in row: Rect, into buffer: inout ScreenBuffer) {
        guard !row.isEmpty else { return }
        buffer.fill(row)
        let labels = titles.map { " \($0) " }
        let full = labels.reduce(0) { $0 + $1.displayWidth }
        var x = row.x
        if full <= row.width {
            for (i, label) in labels.enumerated() {
                x += buffer.put(label, x: x, y: row.y, style: i == active ? activeTab : .plain, maxWidth: row.maxX - x)
            }
        } else {
            let label = titles.count > 1 ? " \(titles[active]) \(active + 1)/\(titles.count) " : labels[active]
            x += buffer.put(label, x: x, y: row.y, style: activeTab, maxWidth: row.width)
        }
        let room = row.maxX - x - 1
        if room >= min(caption.displayWidth, 6) {
            let shown = caption.truncated(toWidth: room)
            buffer.put(shown, x: row.maxX - shown.displayWidth, y: row.y, style: dim)
        }
    }

    /// A table of rows `top…` with the selected row's key column highlighted, as in the panes.
    /// Rows in `spanning` show their first cell across the whole width (section headings).
    static func renderList(columns: [Table.Column], rows: [[String]], styles: [Int: Style] = [:], spanning: Set<Int> = [],
                           selected: Int?, top: Int, empty: String, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let visible = max(0, area.height - 1)
        let window = Array(rows.dropFirst(top).prefix(visible))
        var windowStyles: [Int: Style] = [:]
        for (i, style) in styles where i >= top && i < top + visible { windowStyles[i - top] = style }
        let table = Table(columns: columns, rows: window, rowStyles: windowStyles)
        buffer.render(table, in: area)
        for i in spanning where i >= top && i - top < window.count {
            let y = area.y + 1 + i - top
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: windowStyles[i - top] ?? .plain)
            buffer.putTruncated(rows[i].first ?? "", x: area.x, y: y, width: area.width, style: windowStyles[i - top] ?? .plain)
        }
        if let selected, selected >= top, selected - top < window.count, let key = table.columnLayout(forWidth: area.width).first {
            buffer.restyle(Rect(x: area.x + key.x, y: area.y + 1 + selected - top, width: key.width, height: 1)) { $0.merged(with: selectedKey) }
        }
        if rows.isEmpty && area.height >= 2 {
            buffer.putTruncated(empty, x: area.x, y: area.y + 1, width: area.width, style: dim)
        }
    }

    static func renderTitle(_ text: String, in row: Rect, into buffer: inout ScreenBuffer, style: Style = titleStyle) {
        guard !row.isEmpty else { return }
        buffer.putTruncated(text, x: row.x, y: row.y, width: row.width, style: style)
    }

    // MARK: reports

    static func renderReports(_ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let r = state.reports
        var caption = "on \(state.today.iso)"
        if let lines = r.bucketLines {
            caption = lines.total == 0 ? "0" : "\(lines.selected + 1)/\(lines.total)"
        } else if let data = r.data, data.kind != .aging {
            let count = ReportTables.rowCount(data)
            if count > 0 { caption = "\(r.selected + 1)/\(count)" }
        }
        renderTabs(ReportKind.allCases.map(\.shortTitle), active: r.kind.rawValue, caption: caption, in: layout.viewBar, into: &buffer)
        guard let data = r.data else {
            renderTitle("Computing the \(r.kind.shortTitle.lowercased()) report…", in: layout.viewTitle, into: &buffer, style: dim)
            return
        }
        switch data {
        case .aging(let rows):
            if let lines = r.bucketLines {
                renderBucketLines(lines, state, layout, into: &buffer)
            } else {
                renderAging(rows, selected: r.selected, state, layout, into: &buffer)
            }
        case .shortage(let rows):
            let uncovered = rows.reduce(0) { $0 + $1.uncovered }
            let marked = rows.filter { r.marked.contains($0.sku) }.count
            renderTitle("\(ReportTables.count(rows.count, "short item")), \(uncovered) uncovered · Enter: backorders · "
                        + (marked == 0 ? "Space: mark · P: purchase" : "\(marked) marked · P: purchase them"),
                        in: layout.viewTitle, into: &buffer)
            let styles = Dictionary(uniqueKeysWithValues: rows.enumerated().compactMap { i, row in
                r.marked.contains(row.sku) ? (i, ReportTables.markedRow) : row.uncovered > 0 ? (i, ReportTables.lateRow) : nil })
            renderList(columns: ReportTables.shortageColumns,
                       rows: rows.map { ReportTables.shortageCells($0, marked: r.marked.contains($0.sku)) }, styles: styles,
                       selected: r.selected, top: r.top, empty: "No item is short: free stock and arrivals cover every backorder",
                       in: layout.reportTable(.shortage), into: &buffer)
        case .late(let report):
            let waiting = Set(report.arrivals.flatMap { $0.waiting.map(\.orderNumber) }).count
            renderTitle("\(ReportTables.count(report.arrivals.count, "arrival")) past ETA, \(ReportTables.count(waiting, "order")) waiting · Enter: ETA history",
                        in: layout.viewTitle, into: &buffer)
            let split = layout.lateSplit
            renderList(columns: ReportTables.lateColumns, rows: report.arrivals.map(ReportTables.lateCells),
                       styles: Dictionary(uniqueKeysWithValues: report.arrivals.indices.map { ($0, ReportTables.lateRow) }),
                       selected: r.selected, top: r.top, empty: "No arrival is past its ETA", in: split.arrivals, into: &buffer)
            if layout.lateShowsSuppliers {
                renderTitle("Suppliers: how often and by how many days their ETAs moved", in: split.suppliersTitle, into: &buffer)
                renderList(columns: ReportTables.supplierColumns, rows: report.suppliers.map(ReportTables.supplierCells),
                           selected: nil, top: 0, empty: "No arrivals yet", in: split.suppliers, into: &buffer)
            }
        case .service(let report):
            renderTitle("Service level \(report.from.iso) – \(report.to.iso) ([ earlier, ] later)", in: layout.viewTitle, into: &buffer)
            let rows = ReportTables.serviceRows(report)
            var styles: [Int: Style] = [:]
            for (i, row) in rows.enumerated() { if let s = row.style { styles[i] = s } }
            let headings = Set(rows.indices.filter { rows[$0].cells.count == 1 })
            renderList(columns: ReportTables.serviceColumns, rows: rows.map(\.cells), styles: styles, spanning: headings,
                       selected: r.selected, top: r.top,
                       empty: "", in: layout.reportTable(.service), into: &buffer)
        case .backlog(let rows):
            let units = rows.reduce(0) { $0 + $1.units }
            renderTitle("\(ReportTables.count(rows.count, "customer")) waiting for \(ReportTables.count(units, "unit")) · Enter: their lines",
                        in: layout.viewTitle, into: &buffer)
            let styles = Dictionary(uniqueKeysWithValues: rows.enumerated().compactMap { i, row in
                (row.nextPromised.map { $0 < state.today } ?? false) ? (i, ReportTables.lateRow) : nil })
            renderList(columns: ReportTables.backlogColumns, rows: rows.map { ReportTables.backlogCells($0, today: state.today) },
                       styles: styles, selected: r.selected, top: r.top, empty: "No customer waits for anything",
                       in: layout.reportTable(.backlog), into: &buffer)
        }
    }

    /// The aging chart: one bar of waiting units per bucket, with lines and orders beside it; the selected bucket marked.
    static func renderAging(_ rows: [AgingRow], selected: Int, _ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let units = rows.reduce(0) { $0 + $1.units }
        let lines = rows.reduce(0) { $0 + $1.lines }
        renderTitle("\(ReportTables.count(units, "unit")) on \(ReportTables.count(lines, "line")) by age (bars: units) · Enter: a bucket's lines",
                    in: layout.viewTitle, into: &buffer)
        let area = layout.reportTable(.aging)
        guard !area.isEmpty, !rows.isEmpty else { return }
        // Taller screens get thicker bars with a gap between them.
        let perBar = max(1, min(3, area.height / rows.count))
        let thickness = perBar == 3 ? 2 : 1
        // Narrow screens get short labels ("0–7 d") so the bars keep room.
        let labels = rows.enumerated().map { i, row in
            (i == selected ? "▸ " : "  ") + (area.width >= 60 ? row.bucket.label : shortLabel(row.bucket))
        }
        let values = rows.map { "\($0.units) u · \(ReportTables.count($0.lines, "line")) · \(ReportTables.count($0.orders, "order"))" }
        let compact = rows.map { "\($0.units)u \($0.lines)l" }
        let labelWidth = labels.map(\.displayWidth).max() ?? 0
        // The long value text when the bars keep a useful width, the short one otherwise.
        let texts = area.width - labelWidth - (values.map(\.displayWidth).max() ?? 0) - 2 >= 10 ? values : compact
        let valueWidth = texts.map(\.displayWidth).max() ?? 0
        let top = Double(max(1, rows.map(\.units).max() ?? 0))
        for (i, row) in rows.enumerated() {
            let y = area.y + i * perBar
            guard y < area.maxY else { break }
            let style = row.bucket >= .days31to60 && row.units > 0 ? Style(foreground: .red) : Style(foreground: .cyan)
            let bar = BarChart.Bar(labels[i].padded(toWidth: labelWidth), value: Double(row.units),
                                   valueText: texts[i].padded(toWidth: valueWidth), style: style)
            let rowArea = Rect(x: area.x, y: y, width: area.width, height: min(thickness, area.maxY - y))
            buffer.render(BarChart(bars: [bar], maxValue: top), in: Rect(x: rowArea.x, y: y, width: rowArea.width, height: 1))
            if rowArea.height > 1 {
                // The second row of a thick bar: the bar only, under the first.
                let blank = BarChart.Bar(String(repeating: " ", count: labelWidth), value: Double(row.units),
                                         valueText: String(repeating: " ", count: valueWidth), style: style)
                buffer.render(BarChart(bars: [blank], maxValue: top), in: Rect(x: rowArea.x, y: y + 1, width: rowArea.width, height: 1))
            }
            if i == selected {
                buffer.restyle(Rect(x: area.x, y: y, width: min(labelWidth, area.width), height: 1)) { $0.merged(with: selectedKey) }
            }
        }
        let legendY = area.y + rows.count * perBar
        if legendY < area.maxY, units == 0 {
            buffer.putTruncated("No backorder lines wait: every order line has its stock", x: area.x, y: legendY, width: area.width, style: dim)
        }
        // Tall screens also get the figures as a table under the chart.
        let tableArea = Rect(x: area.x, y: legendY + 1, width: area.width, height: area.maxY - legendY - 1)
        if units > 0, tableArea.height >= rows.count + 2 {
            let columns: [Table.Column] = [.init("Age", width: .fixed(12)), .init("Lines", width: .fixed(6), alignment: .right),
                                           .init("Units", width: .fixed(6), alignment: .right),
                                           .init("Orders", width: .fixed(6), alignment: .right),
                                           .init("Share of units", width: .fixed(14), alignment: .right)]
            var cells = rows.map { [$0.bucket.label, "\($0.lines)", "\($0.units)", "\($0.orders)",
                                    ReportFormat.percent(Double($0.units) / Double(units)) + "%"] }
            cells.append(["Total", "\(lines)", "\(units)", "", "100.0%"])
            buffer.render(Table(columns: columns, rows: cells, rowStyles: [cells.count - 1: ReportTables.boldRow]),
                          in: Rect(x: tableArea.x, y: tableArea.y, width: min(tableArea.width, 50), height: cells.count + 1))
        }
    }

    /// `0–7 d`, `over 60 d`: the bucket for narrow screens.
    static func shortLabel(_ b: AgeBucket) -> String {
        b == .over60 ? "over 60 d" : String(b.label.prefix { $0 != " " }) + " d"
    }

    static func renderBucketLines(_ lines: BucketLinesState, _ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        renderTitle("Lines waiting \(lines.bucket.label): \(lines.total) · Enter opens the order, Esc back to the chart",
                    in: layout.viewTitle, into: &buffer)
        var pane = PaneState(kind: .backorders)
        pane.rows = .backorders(lines.rows)
        pane.loadedTop = lines.loadedTop
        pane.selected = lines.selected
        pane.top = lines.top
        pane.total = lines.total
        Views.renderTable(pane, focused: true, into: &buffer, in: layout.reportTable(.aging))
    }

    // MARK: notices

    static func renderNotices(_ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let n = state.notices
        let caption = n.total == 0 ? "none pending" : "\(n.selected + 1)/\(n.total) pending"
        renderTabs(["To inform"], active: 0, caption: caption, in: layout.viewBar, into: &buffer)
        let split = layout.noticesSplit
        guard n.loaded else {
            renderTitle("Loading the pending notices…", in: split.table, into: &buffer, style: dim)
            return
        }
        // Only the loaded window is at hand: positions are shifted to it (a window not yet reloaded shows what it has).
        let origin = max(0, n.loadedTop)
        renderList(columns: ReportTables.noticeColumns, rows: n.rows.map(ReportTables.noticeCells), selected: n.selected - origin,
                   top: max(0, n.top - origin), empty: n.total == 0 ? "Nothing to tell customers: no pending notices" : "",
                   in: split.table, into: &buffer)
        guard let notice = n.current, !split.textTitle.isEmpty else { return }
        let bar = Style(foreground: .cyan, attributes: [.reverse, .bold])
        buffer.fill(split.textTitle, style: bar)
        buffer.putTruncated(" Text to send: \(notice.orderNumber) to \(notice.customerName) (\(notice.customerCode))",
                            x: split.textTitle.x, y: split.textTitle.y, width: split.textTitle.width, style: bar)
        buffer.render(TextView(text: notice.text), in: split.text.inset(left: 1, right: 1))
    }
}

