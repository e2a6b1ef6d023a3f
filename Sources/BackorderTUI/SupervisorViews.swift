import BackorderCore
import TerminalKit

/// The columns and cells of the report tables, shared by the views and (for row counts) the reducer.
enum ReportTables {
    typealias T = ReportText
    static let boldRow = Style(attributes: .bold)
    static let lateRow = Style(foreground: .red)

    /// Rows the report's main list has (the aging chart: one per bucket).
    static func rowCount(_ data: ReportData) -> Int {
        switch data {
        case .aging(let r): return r.count
        case .shortage(let r): return r.count
        case .late(let r): return r.arrivals.count
        case .service(let r): return serviceRows(r, .en).count
        case .backlog(let r): return r.count
        }
    }

    static func days(_ n: Int?, _ tr: Localizer) -> String { n.map { tr.number($0) } ?? "" }
    static func percent(_ r: Double?, _ tr: Localizer) -> String { r.map { tr.decimal($0 * 100) + "%" } ?? "–" }

    static func shortageColumns(_ tr: Localizer) -> [Table.Column] {
        [
            // Room for the check of a marked item before the SKU.
            .init(tr(T.colSKU), width: .flexible(min: 10, weight: 1), priority: 10),
            .init(tr(T.colItem), width: .flexible(min: 8, weight: 2), priority: 3),
            .init(tr(T.colBODemand), width: .fixed(6), alignment: .right, priority: 8),
            .init(tr(T.colLinesShort), width: .fixed(5), alignment: .right, priority: 2),
            .init(tr(T.colFree), width: .fixed(5), alignment: .right, priority: 5),
            .init(tr(T.colIncoming), width: .fixed(8), alignment: .right, priority: 6),
            .init(tr(T.colUncovered), width: .fixed(9), alignment: .right, priority: 9),
            .init(tr(T.colOldest), width: .fixed(8), alignment: .right, priority: 7),
            .init(tr(T.colMOQ), width: .fixed(5), alignment: .right, priority: 1),
            .init(tr(T.colPack), width: .fixed(5), alignment: .right, priority: 1),
            .init(tr(T.colBuy), width: .fixed(6), alignment: .right, priority: 9),
            .init(tr(T.colSupplier), width: .flexible(min: 8, weight: 2), priority: 4),
            .init(tr(T.colLead), width: .fixed(4), alignment: .right, priority: 2),
        ]
    }

    /// A row of the shortage table; an item marked for purchase has a check before its SKU.
    static func shortageCells(_ r: ShortageRow, marked: Bool = false, _ tr: Localizer) -> [String] {
        let n = tr.number
        return [(marked ? "✓ " : "") + r.sku, r.name, n(r.backordered), n(r.waitingLines), n(r.free), n(r.incoming), n(r.uncovered),
                days(r.oldestAgeDays, tr), n(r.minOrderQty), n(r.packSize), r.suggestedPurchase > 0 ? n(r.suggestedPurchase) : "–",
                r.supplier.isEmpty ? "–" : r.supplier, r.leadTimeDays.map { "\($0)d" } ?? "–"]
    }
    static let markedRow = Style(foreground: .green, attributes: .bold)

    static func lateColumns(_ tr: Localizer) -> [Table.Column] {
        [
            .init(tr(T.colPOLine), width: .flexible(min: 9, weight: 1), priority: 10),
            .init(tr(T.colSupplier), width: .flexible(min: 8, weight: 2), priority: 4),
            .init(tr(T.colSKU), width: .flexible(min: 8, weight: 1), priority: 6),
            .init(tr(T.colOutstanding), width: .fixed(5), alignment: .right, priority: 7),
            .init(tr(T.colETA), width: .fixed(10), priority: 5),
            .init(tr(T.colLateDays), width: .fixed(6), alignment: .right, priority: 9),
            .init(tr(T.colMoved), width: .fixed(8), alignment: .right, priority: 3),
            .init(tr(T.colWaiting), width: .flexible(min: 14, weight: 3), priority: 8),
        ]
    }

    static func moved(_ changes: Int, _ days: Int) -> String {
        changes == 0 ? "" : "\(changes)× \(days >= 0 ? "+" : "")\(days)d"
    }

    static func lateCells(_ r: LateArrivalRow, _ tr: Localizer) -> [String] {
        [r.reference, r.supplier, r.sku, tr.number(r.outstanding), tr.day(r.eta), tr.number(r.daysLate), moved(r.etaChanges, r.daysMoved),
         r.waiting.isEmpty ? tr(T.nobodyWaits) : r.waitingSummary]
    }

    static func supplierColumns(_ tr: Localizer) -> [Table.Column] {
        [
            .init(tr(T.colSupplier), width: .flexible(min: 8, weight: 2), priority: 10),
            .init(tr(T.colArrivals), width: .fixed(8), alignment: .right, priority: 5),
            .init(tr(T.colOpen), width: .fixed(4), alignment: .right, priority: 3),
            .init(tr(T.colLate), width: .fixed(4), alignment: .right, priority: 8),
            .init(tr(T.colMovedShort), width: .fixed(5), alignment: .right, priority: 6),
            .init(tr(T.colChanges), width: .fixed(7), alignment: .right, priority: 9),
            .init(tr(T.colDaysMoved), width: .fixed(10), alignment: .right, priority: 8),
            .init(tr(T.colAvgChange), width: .fixed(7), alignment: .right, priority: 4),
            .init(tr(T.colLargest), width: .fixed(7), alignment: .right, priority: 2),
        ]
    }

    static func supplierCells(_ r: SupplierSlipRow, _ tr: Localizer) -> [String] {
        let n = tr.number
        return [r.supplier, n(r.arrivals), n(r.openArrivals), n(r.lateArrivals), n(r.movedArrivals), n(r.etaChanges),
                n(r.daysMoved), r.averageDaysPerChange.map { tr.decimal($0) } ?? "", n(r.largestSlipDays)]
    }

    static func serviceColumns(_ tr: Localizer) -> [Table.Column] {
        [
            .init(tr(T.colWho), width: .flexible(min: 8, weight: 1), priority: 10),
            .init(tr(T.colName), width: .flexible(min: 8, weight: 2), priority: 3),
            .init(tr(T.colLinesShort), width: .fixed(5), alignment: .right, priority: 5),
            .init(tr(T.colLineFill), width: .fixed(9), alignment: .right, priority: 9),
            .init(tr(T.colOrders), width: .fixed(6), alignment: .right, priority: 4),
            .init(tr(T.colOrderFill), width: .fixed(10), alignment: .right, priority: 8),
            .init(tr(T.colBOUnits), width: .fixed(8), alignment: .right, priority: 7),
            .init(tr(T.colAvgWait), width: .fixed(8), alignment: .right, priority: 6),
        ]
    }

    /// The service-level table: the total, then a heading and a row per customer, then per item.
    static func serviceRows(_ r: ServiceLevelReport, _ tr: Localizer) -> [(cells: [String], style: Style?)] {
        func cells(_ row: ServiceRow, who: String, name: String) -> [String] {
            [who, name, tr.number(row.lines), percent(row.lineFillRate, tr), row.orders.map(tr.number) ?? "",
             row.orders == nil ? "" : percent(row.orderFillRate, tr), tr.number(row.unitsBackordered),
             row.averageWaitDays.map { tr(T.days, tr.decimal($0)) } ?? "–"]
        }
        var out: [(cells: [String], style: Style?)] = [(cells(r.total, who: tr(T.all), name: tr(T.wholeWarehouse)), boldRow)]
        if !r.customers.isEmpty {
            out.append(([tr(T.perCustomer)], Style(foreground: .cyan, attributes: .bold)))
            out += r.customers.map { (cells($0, who: $0.key, name: $0.name), nil) }
        }
        if !r.items.isEmpty {
            out.append(([tr(T.perItem)], Style(foreground: .cyan, attributes: .bold)))
            out += r.items.map { (cells($0, who: $0.key, name: $0.name), nil) }
        }
        return out
    }

    static func backlogColumns(_ tr: Localizer) -> [Table.Column] {
        [
            .init(tr(T.colCustomer), width: .flexible(min: 8, weight: 1), priority: 10),
            .init(tr(T.colName), width: .flexible(min: 8, weight: 3), priority: 6),
            .init(tr(T.colOrders), width: .fixed(6), alignment: .right, priority: 4),
            .init(tr(T.colLinesShort), width: .fixed(5), alignment: .right, priority: 7),
            .init(tr(T.colUnits), width: .fixed(6), alignment: .right, priority: 9),
            .init(tr(T.colOldest), width: .fixed(8), alignment: .right, priority: 8),
            .init(tr(T.colNextPromised), width: .fixed(13), priority: 7),
            .init(tr(T.colUnpromised), width: .fixed(10), alignment: .right, priority: 2),
        ]
    }

    static func backlogCells(_ r: BacklogRow, today: Day, _ tr: Localizer) -> [String] {
        [r.customerCode, r.customerName, tr.number(r.orders), tr.number(r.lines), tr.number(r.units), tr.number(r.oldestAgeDays),
         r.nextPromised.map { $0 < today ? tr.day($0) + "!" : tr.day($0) } ?? tr(T.nonePlanned),
         r.unpromisedLines > 0 ? tr.number(r.unpromisedLines) : ""]
    }

    static func noticeColumns(_ tr: Localizer) -> [Table.Column] {
        [
            .init(tr(NoticeViewText.colOrder), width: .flexible(min: 9, weight: 1), priority: 10),
            .init(tr(NoticeViewText.colCustomer), width: .flexible(min: 8, weight: 2), priority: 8),
            .init(tr(NoticeViewText.colEvents), width: .flexible(min: 10, weight: 3), priority: 6),
            .init(tr(NoticeViewText.colSince), width: .fixed(10), priority: 4),
        ]
    }

    static func noticeCells(_ n: Notice, _ tr: Localizer) -> [String] {
        [n.orderNumber, n.customerName, n.events.map { tr(NoticeViewText.event($0)) }.joined(separator: ", "), tr.day(n.createdAt.day())]
    }

    /// A reader's name for an age bucket: "0–7 days" (wide) or "0–7 d" (narrow).
    static func bucketLabel(_ b: AgeBucket, short: Bool = false, _ tr: Localizer) -> String {
        switch b {
        case .days0to7: return tr(short ? T.short0to7 : T.bucket0to7)
        case .days8to14: return tr(short ? T.short8to14 : T.bucket8to14)
        case .days15to30: return tr(short ? T.short15to30 : T.bucket15to30)
        case .days31to60: return tr(short ? T.short31to60 : T.bucket31to60)
        case .over60: return tr(short ? T.shortOver60 : T.bucketOver60)
        }
    }

    /// A report's tab title.
    static func title(_ kind: ReportKind, _ tr: Localizer) -> String {
        switch kind {
        case .aging: return tr(T.tabAging)
        case .shortage: return tr(T.tabShortage)
        case .late: return tr(T.tabLate)
        case .service: return tr(T.tabService)
        case .backlog: return tr(T.tabBacklog)
        }
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
        let r = state.reports, tr = state.tr
        var caption = tr(ReportText.onDay, state.today)
        if let lines = r.bucketLines {
            caption = lines.total == 0 ? "0" : "\(lines.selected + 1)/\(lines.total)"
        } else if let data = r.data, data.kind != .aging {
            let count = ReportTables.rowCount(data)
            if count > 0 { caption = "\(r.selected + 1)/\(count)" }
        }
        renderTabs(ReportKind.allCases.map { ReportTables.title($0, tr) }, active: r.kind.rawValue, caption: caption, in: layout.viewBar, into: &buffer)
        guard let data = r.data else {
            renderTitle(tr(ReportText.computing, ReportTables.title(r.kind, tr).lowercased()), in: layout.viewTitle, into: &buffer, style: dim)
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
            renderTitle(tr(ReportText.shortageTitle, rows.count, uncovered,
                           marked == 0 ? tr(ReportText.shortageMarkKeys) : tr(ReportText.shortageMarked, marked)),
                        in: layout.viewTitle, into: &buffer)
            let styles = Dictionary(uniqueKeysWithValues: rows.enumerated().compactMap { i, row in
                r.marked.contains(row.sku) ? (i, ReportTables.markedRow) : row.uncovered > 0 ? (i, ReportTables.lateRow) : nil })
            renderList(columns: ReportTables.shortageColumns(tr),
                       rows: rows.map { ReportTables.shortageCells($0, marked: r.marked.contains($0.sku), tr) }, styles: styles,
                       selected: r.selected, top: r.top, empty: tr(ReportText.shortageEmpty),
                       in: layout.reportTable(.shortage), into: &buffer)
        case .late(let report):
            let waiting = Set(report.arrivals.flatMap { $0.waiting.map(\.orderNumber) }).count
            renderTitle(tr(ReportText.lateTitle, report.arrivals.count, waiting),
                        in: layout.viewTitle, into: &buffer)
            let split = layout.lateSplit
            renderList(columns: ReportTables.lateColumns(tr), rows: report.arrivals.map { ReportTables.lateCells($0, tr) },
                       styles: Dictionary(uniqueKeysWithValues: report.arrivals.indices.map { ($0, ReportTables.lateRow) }),
                       selected: r.selected, top: r.top, empty: tr(ReportText.lateEmpty), in: split.arrivals, into: &buffer)
            if layout.lateShowsSuppliers {
                renderTitle(tr(ReportText.suppliersTitle), in: split.suppliersTitle, into: &buffer)
                renderList(columns: ReportTables.supplierColumns(tr), rows: report.suppliers.map { ReportTables.supplierCells($0, tr) },
                           selected: nil, top: 0, empty: tr(ReportText.suppliersEmpty), in: split.suppliers, into: &buffer)
            }
        case .service(let report):
            renderTitle(tr(ReportText.serviceTitle, report.from, report.to), in: layout.viewTitle, into: &buffer)
            let rows = ReportTables.serviceRows(report, tr)
            var styles: [Int: Style] = [:]
            for (i, row) in rows.enumerated() { if let s = row.style { styles[i] = s } }
            let headings = Set(rows.indices.filter { rows[$0].cells.count == 1 })
            renderList(columns: ReportTables.serviceColumns(tr), rows: rows.map(\.cells), styles: styles, spanning: headings,
                       selected: r.selected, top: r.top,
                       empty: "", in: layout.reportTable(.service), into: &buffer)
        case .backlog(let rows):
            let units = rows.reduce(0) { $0 + $1.units }
            renderTitle(tr(ReportText.backlogTitle, rows.count, units),
                        in: layout.viewTitle, into: &buffer)
            let styles = Dictionary(uniqueKeysWithValues: rows.enumerated().compactMap { i, row in
                (row.nextPromised.map { $0 < state.today } ?? false) ? (i, ReportTables.lateRow) : nil })
            renderList(columns: ReportTables.backlogColumns(tr), rows: rows.map { ReportTables.backlogCells($0, today: state.today, tr) },
                       styles: styles, selected: r.selected, top: r.top, empty: tr(ReportText.backlogEmpty),
                       in: layout.reportTable(.backlog), into: &buffer)
        }
    }

    /// The aging chart: one bar of waiting units per bucket, with lines and orders beside it; the selected bucket marked.
    static func renderAging(_ rows: [AgingRow], selected: Int, _ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let units = rows.reduce(0) { $0 + $1.units }
        let lines = rows.reduce(0) { $0 + $1.lines }
        let tr = state.tr
        renderTitle(tr(ReportText.agingTitle, units, lines),
                    in: layout.viewTitle, into: &buffer)
        let area = layout.reportTable(.aging)
        guard !area.isEmpty, !rows.isEmpty else { return }
        // Taller screens get thicker bars with a gap between them.
        let perBar = max(1, min(3, area.height / rows.count))
        let thickness = perBar == 3 ? 2 : 1
        // Narrow screens get short labels ("0–7 d") so the bars keep room.
        let labels = rows.enumerated().map { i, row in
            (i == selected ? "▸ " : "  ") + ReportTables.bucketLabel(row.bucket, short: area.width < 60, tr)
        }
        let values = rows.map { tr(ReportText.agingValue, $0.units, $0.lines, $0.orders) }
        let compact = rows.map { tr(ReportText.agingCompact, $0.units, $0.lines) }
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
            buffer.putTruncated(tr(ReportText.agingEmpty), x: area.x, y: legendY, width: area.width, style: dim)
        }
        // Tall screens also get the figures as a table under the chart.
        let tableArea = Rect(x: area.x, y: legendY + 1, width: area.width, height: area.maxY - legendY - 1)
        if units > 0, tableArea.height >= rows.count + 2 {
            let ageWidth = max(12, rows.map { ReportTables.bucketLabel($0.bucket, tr).displayWidth }.max() ?? 0)
            let columns: [Table.Column] = [.init(tr(ReportText.colAge), width: .fixed(ageWidth)),
                                           .init(tr(ReportText.colLines), width: .fixed(6), alignment: .right),
                                           .init(tr(ReportText.colUnits), width: .fixed(6), alignment: .right),
                                           .init(tr(ReportText.colOrders), width: .fixed(6), alignment: .right),
                                           .init(tr(ReportText.colShare), width: .fixed(14), alignment: .right)]
            var cells = rows.map { [ReportTables.bucketLabel($0.bucket, tr), tr.number($0.lines), tr.number($0.units), tr.number($0.orders),
                                    ReportTables.percent(Double($0.units) / Double(units), tr)] }
            cells.append([tr(ReportText.total), tr.number(lines), tr.number(units), "", ReportTables.percent(1, tr)])
            buffer.render(Table(columns: columns, rows: cells, rowStyles: [cells.count - 1: ReportTables.boldRow]),
                          in: Rect(x: tableArea.x, y: tableArea.y, width: min(tableArea.width, 50), height: cells.count + 1))
        }
    }

    static func renderBucketLines(_ lines: BucketLinesState, _ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        renderTitle(state.tr(ReportText.bucketLinesTitle, ReportTables.bucketLabel(lines.bucket, state.tr), lines.total),
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
        let n = state.notices, tr = state.tr
        let caption = n.total == 0 ? tr(NoticeViewText.nonePending) : tr(NoticeViewText.pending, n.selected + 1, n.total)
        renderTabs([tr(NoticeViewText.tab)], active: 0, caption: caption, in: layout.viewBar, into: &buffer)
        let split = layout.noticesSplit
        guard n.loaded else {
            renderTitle(tr(NoticeViewText.loading), in: split.table, into: &buffer, style: dim)
            return
        }
        // Only the loaded window is at hand: positions are shifted to it (a window not yet reloaded shows what it has).
        let origin = max(0, n.loadedTop)
        renderList(columns: ReportTables.noticeColumns(tr), rows: n.rows.map { ReportTables.noticeCells($0, tr) }, selected: n.selected - origin,
                   top: max(0, n.top - origin), empty: n.total == 0 ? tr(NoticeViewText.empty) : "",
                   in: split.table, into: &buffer)
        guard let notice = n.current, !split.textTitle.isEmpty else { return }
        let bar = Style(foreground: .cyan, attributes: [.reverse, .bold])
        buffer.fill(split.textTitle, style: bar)
        buffer.putTruncated(tr(NoticeViewText.textTitle, notice.orderNumber, notice.customerName, notice.customerCode),
                            x: split.textTitle.x, y: split.textTitle.y, width: split.textTitle.width, style: bar)
        // Where the notice goes, above its text: the clerk sees a missing address before pressing e.
        let to = split.text.inset(left: 1, right: 1)
        guard to.height > 0 else { return }
        buffer.putTruncated(CustomerView.recipient(notice, tr), x: to.x, y: to.y, width: to.width,
                            style: notice.email == nil ? Style(foreground: .yellow, attributes: .bold) : Style(attributes: .bold))
        buffer.render(TextView(text: notice.text), in: to.inset(top: 1))
    }
}

