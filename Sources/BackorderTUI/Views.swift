import BackorderCore
import TerminalKit

/// Renders the state into a screen buffer: a pure function of state and size.
public enum Views {
    static let focusStyle = Style(foreground: .cyan, attributes: .bold)
    static let frameStyle = Style(foreground: .brightBlack)

    /// The whole screen for `state` at `state.size`.
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        let layout = Layout(size: state.size)
        if let detail = state.detail {
            DetailView.render(detail, today: state.today, tr: state.tr, into: &buffer, in: layout.content)
        } else if state.view == .reports {
            SupervisorViews.renderReports(state, layout, into: &buffer)
        } else if state.view == .notices {
            SupervisorViews.renderNotices(state, layout, into: &buffer)
        } else if layout.isGrid {
            for kind in PaneKind.allCases { renderGridPane(state, kind, layout, into: &buffer) }
        } else {
            renderSinglePane(state, layout, into: &buffer)
        }
        renderMessageLine(state, layout.messageRow, into: &buffer)
        renderStatusBar(state, layout.statusRow, into: &buffer)
        renderOverlay(state, layout, into: &buffer)
        renderHints(state, layout.hintRow, into: &buffer)
        return buffer
    }

    // MARK: panes

    /// Position, restriction (SKU or customer), filter and sort of a pane, e.g. "3/12 SKU = SKU-1 /acme by Qty▼" or
    /// "1/4 Customer = Bolt AS"; with `width`, cut to fit with "…", but never inside the restriction or the order it
    /// names; too narrow for both, the restriction alone (a customer by name, or narrower still by code).
    static func caption(_ pane: PaneState, width: Int? = nil, tr: Localizer = .process) -> String {
        var parts = [pane.isSearching ? "…" : pane.total == 0 ? "0"
                     : tr.number(pane.selected + 1) + "/" + tr.number(pane.total) + (pane.totalPending ? "+" : "")]
        // Parts that say something else when cut short ("SKU = SKU-100…" for SKU-1001, "Bolt…" for Bolt AS): shown whole or not at all.
        var whole: Set<Int> = []
        // The restriction's part, and what it shrinks to on a narrow bar, longest first.
        var restriction: (part: Int, alone: [String])?
        if let sku = pane.sku { restriction = (parts.count, [sku]); whole.insert(parts.count); parts.append(tr(ScreenText.captionSKU, sku)) }
        if let c = pane.customer {
            restriction = (parts.count, [c.name, c.code]); whole.insert(parts.count); parts.append(tr(ScreenText.captionCustomer, c.name))
        }
        // A SKU's backorder lines come in another order than the whole list's (oldest first): the caption says which.
        if pane.inServingOrder { whole.insert(parts.count); parts.append(tr(ScreenText.captionServingOrder)) }
        if !pane.filter.isEmpty { parts.append("/" + pane.filter) }
        // The whole list is in this order, not just the rows on screen.
        if let c = pane.sortColumn {
            parts.append(tr(ScreenText.captionSortedBy, Columns.columns(pane.kind, tr)[c].title + (pane.sortDescending ? "▼" : "▲")))
        }
        let full = parts.joined(separator: " ")
        guard let width, full.displayWidth > width else { return full }
        var shown = parts[0]
        for i in parts.indices.dropFirst() {
            let next = shown + " " + parts[i]
            // Room is kept for a closing " …" while more parts follow.
            if next.displayWidth <= width - (i == parts.count - 1 ? 0 : 2) { shown = next; continue }
            if whole.contains(i) {
                // Which SKU or customer a pane shows matters more than where the cursor is: on a narrow bar that alone.
                if let restriction, i == restriction.part {
                    for text in restriction.alone {
                        let alone = text + (i < parts.count - 1 ? " …" : "")
                        if alone.displayWidth <= width { return alone }
                    }
                }
                return shown + " …"
            }
            return (shown + " " + parts[i...].joined(separator: " ")).truncated(toWidth: width)
        }
        return shown
    }

    static func renderSinglePane(_ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        if let bar = layout.paneBar {
            let paneBar = PaneBar(titles: PaneKind.allCases.map { $0.shortTitle(state.tr) }, active: state.focus.rawValue,
                                  activeStyle: Style(foreground: .cyan, attributes: [.reverse, .bold]))
            buffer.render(paneBar, in: bar)
            let used = paneBar.labels(forWidth: bar.width).reduce(0) { $0 + $1.displayWidth }
            let room = bar.width - used - 1
            let text = caption(state.focused, width: room, tr: state.tr)
            if room >= min(text.displayWidth, 8) {
                let shown = text.truncated(toWidth: room)
                buffer.put(shown, x: bar.maxX - shown.displayWidth, y: bar.y, style: Style(attributes: .dim))
            }
        }
        renderTable(state.focused, focused: true, into: &buffer, in: layout.tableArea(state.focus), tr: state.tr)
    }

    static func renderGridPane(_ state: AppState, _ kind: PaneKind, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let frame = layout.gridFrame(kind)
        let pane = state[pane: kind]
        let focused = kind == state.focus
        let head = "\(kind.rawValue + 1) \(kind.title(state.tr)) · "
        let title = head + caption(pane, width: frame.width - 4 - head.displayWidth, tr: state.tr)
        buffer.drawBox(frame, title: title, style: focused ? focusStyle : frameStyle,
                       titleStyle: focused ? Style(foreground: .cyan, attributes: [.bold, .reverse]) : .bold)
        renderTable(pane, focused: focused, into: &buffer, in: layout.tableArea(kind), tr: state.tr)
    }

    static func renderTable(_ pane: PaneState, focused: Bool, into buffer: inout ScreenBuffer, in area: Rect, tr: Localizer = .process) {
        // An older filter's rows are not shown as the new one's while its rows are read.
        let rows = pane.isSearching ? [] : Columns.cells(pane.rows, tr)
        let table = Table(columns: Columns.columns(pane.kind, tr), rows: rows,
                          selectedRow: nil, scrollOffset: 0,
                          sortColumn: pane.sortColumn, sortDirection: pane.sortDescending ? .descending : .ascending,
                          rowStyles: Columns.styles(pane.rows))
        buffer.render(table, in: area)
        // Only the row's key column is highlighted: a cursor move then repaints a dozen cells, not two whole rows,
        // which keeps it under 200 bytes on a slow SSH link (like mutt's arrow cursor).
        if pane.isSearching {
            if area.height >= 2 {
                buffer.putTruncated(tr(ScreenText.searching, pane.filter), x: area.x, y: area.y + 1, width: area.width, style: Style(attributes: .dim))
            }
            return
        }
        if let row = pane.selectedInWindow, row + 1 < area.height, let key = table.columnLayout(forWidth: area.width).first {
            let style = focused ? Style(foreground: .cyan, attributes: [.reverse, .bold]) : Style(attributes: .underline)
            buffer.restyle(Rect(x: area.x + key.x, y: area.y + 1 + row, width: key.width, height: 1)) { $0.merged(with: style) }
        }
        if pane.total == 0 && pane.loadedTop >= 0 && area.height >= 2 {
            let empty: String
            let restriction = pane.sku.map { tr(ScreenText.captionSKU, $0) } ?? pane.customer?.name
            switch (restriction, pane.filter.isEmpty) {
            case (nil, true): empty = emptyText(pane.kind, tr)
            case (nil, false): empty = tr(ScreenText.emptyFiltered, pane.filter)
            case (let r?, true): empty = pane.sku.map { tr(ScreenText.emptyForSKU, $0) } ?? tr(ScreenText.emptyForCustomer, r)
            case (let r?, false): empty = tr(ScreenText.emptyRestrictedFiltered, r, pane.filter)
            }
            buffer.putTruncated(empty, x: area.x, y: area.y + 1, width: area.width, style: Style(attributes: .dim))
        }
    }

    static func emptyText(_ kind: PaneKind, _ tr: Localizer = .process) -> String {
        switch kind {
        case .orders: return tr(ScreenText.emptyOrders)
        case .backorders: return tr(ScreenText.emptyBackorders)
        case .arrivals: return tr(ScreenText.emptyArrivals)
        case .stock: return tr(ScreenText.emptyStock)
        }
    }

    // MARK: bottom rows

    static func renderMessageLine(_ state: AppState, _ row: Rect, into buffer: inout ScreenBuffer) {
        guard !row.isEmpty else { return }
        if let field = state.filterInput {
            let tr = state.tr
            let name = state.focus.title(tr).lowercased()
            var label = state.focused.sku.map { tr(ScreenText.filterPaneOfSKU, name, $0) }
                ?? state.focused.customer.map { tr(ScreenText.filterPaneOf, name, $0.name) } ?? tr(ScreenText.filterPane, name)
            // The typed text needs room too: a narrow screen gets the short label, which still names the SKU.
            if let sku = state.focused.sku, label.displayWidth > row.width - 12 { label = tr(ScreenText.filterSKU, sku) }
            if let c = state.focused.customer, label.displayWidth > row.width - 12 { label = tr(ScreenText.filterPane, c.name) }
            let x = buffer.put(label, x: row.x, y: row.y, style: .bold, maxWidth: row.width)
            buffer.render(field, in: Rect(x: row.x + x, y: row.y, width: row.width - x, height: 1))
            return
        }
        guard let message = state.message else { return }
        let style: Style
        switch message.kind {
        case .info: style = .plain
        case .success: style = Style(foreground: .green, attributes: .bold)
        case .warning: style = Style(foreground: .yellow, attributes: .bold)
        case .error: style = Style(foreground: .red, attributes: .bold)
        }
        buffer.putTruncated(message.text, x: row.x, y: row.y, width: row.width, style: style)
    }

    static func renderStatusBar(_ state: AppState, _ row: Rect, into buffer: inout ScreenBuffer) {
        let tr = state.tr
        var left: [Segment] = []
        if state.connectionLost != nil { left.append(Segment(tr(ScreenText.statusUnreachable), style: Style(foreground: .red, attributes: [.bold, .reverse]))) }
        if state.readOnly { left.append(Segment(tr(ScreenText.statusReadOnly), style: Style(foreground: .red, attributes: .bold))) }
        // The session's language first: `L` switches it, and a narrow bar cuts the file's path before it.
        left.append(Segment(state.language.rawValue, style: Style(attributes: .bold)))
        left.append(Segment(state.location))
        left.append(Segment(state.actor))
        // A bar too narrow for everything shows the file's name without its folders, then the backorder lines without
        // their units: the counts are worth more than the path, and the late arrivals more than the units.
        let width = { (segments: [Segment]) in segments.reduce(0) { $0 + $1.text.displayWidth + 3 } }
        let overflows = { (right: [Segment]) in width(left) + width(right) - 5 > row.width - 2 }
        var right = statusCounts(state, units: true)
        if overflows(right), let name = state.location.split(separator: "/").last,
           let i = left.firstIndex(where: { $0.text == state.location }) {
            left[i] = Segment(String(name))
        }
        if overflows(right) && row.width >= 60 { right = statusCounts(state, units: false) }
        buffer.render(StatusBar(left: left, right: right), in: row)
    }

    /// The right side of the status bar: who else is here, then the counts.
    static func statusCounts(_ state: AppState, units: Bool) -> [Segment] {
        let tr = state.tr
        var right: [Segment] = []
        // First on the right, which keeps up to half a narrow bar: who else is here matters more than the counts.
        if let others = othersHere(state.presence, tr) { right.append(Segment(others, style: Style(attributes: .bold))) }
        if let c = state.counts {
            right.append(Segment(tr(ScreenText.statusOrders, c.openOrders)))
            right.append(Segment(units ? tr(ScreenText.statusBackorders, c.backorderLines, c.backorderedUnits)
                                       : tr(ScreenText.statusBackorderLines, c.backorderLines)))
            right.append(Segment(c.lateArrivals > 0 ? tr(ScreenText.statusArrivalsLate, c.openArrivals, c.lateArrivals)
                                                    : tr(ScreenText.statusArrivals, c.openArrivals)))
        }
        return right
    }

    /// The other sessions that have the file open, by user ("also: bob, carl ×2"), or nil when there are none.
    static func othersHere(_ presence: [Presence], _ tr: Localizer = .process) -> String? {
        var users: [String] = [], count: [String: Int] = [:]
        for p in presence where !p.isThisProcess {
            if count[p.user] == nil { users.append(p.user) }
            count[p.user, default: 0] += 1
        }
        guard !users.isEmpty else { return nil }
        return tr(ScreenText.statusAlso, users.map { $0.terminalSafe + (count[$0]! > 1 ? " ×\(count[$0]!)" : "") }.joined(separator: ", "))
    }

    static func renderHints(_ state: AppState, _ row: Rect, into buffer: inout ScreenBuffer) {
        guard !row.isEmpty else { return }
        var hints = Keymap.hints(in: state.context, readOnly: state.readOnly, state.tr)
        if case .dialog(let dialog) = state.overlay { hints = DialogView.buttons(dialog.step, state.tr).map { ($0, false) } }
        buffer.fill(row)
        var x = row.x
        for (hint, disabled) in hints {
            let needed = (x == row.x ? 0 : 2) + hint.key.displayWidth + 1 + hint.label.displayWidth
            guard x + needed <= row.maxX else { continue }
            if x != row.x { x += 2 }
            let keyStyle = disabled ? Style(attributes: .dim) : Style(attributes: [.bold, .reverse])
            x += buffer.put(hint.key, x: x, y: row.y, style: keyStyle)
            x += buffer.put(" " + hint.label, x: x, y: row.y, style: disabled ? Style(attributes: .dim) : .plain)
        }
    }

    // MARK: overlays

    static func renderOverlay(_ state: AppState, _ layout: Layout, into buffer: inout ScreenBuffer) {
        switch state.overlay {
        case .help(let scroll):
            let frame = layout.overlayFrame
            buffer.fill(frame)
            buffer.drawBox(frame, title: state.tr(ScreenText.helpTitle), style: focusStyle)
            let view = HelpView(sections: Keymap.helpSections(readOnly: state.readOnly, state.tr), scrollOffset: scroll)
            buffer.render(view, in: frame.inset(by: 1))
        case .paper(let title, let lines, let scroll):
            renderPaper(title, lines, scroll, layout, into: &buffer)
        case .text(let title, let lines, let scroll):
            let frame = layout.overlayFrame
            buffer.fill(frame)
            buffer.drawBox(frame, title: state.tr(ScreenText.textTitle, title), style: focusStyle)
            buffer.render(TextView(lines: lines, scrollOffset: scroll), in: frame.inset(top: 1, left: 2, bottom: 1, right: 2))
        case .dialog(let dialog):
            // A dialog may cover everything but the key hints: small terminals need every row for it.
            let area = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - layout.hintRow.height)
            let widget = DialogView.make(dialog, today: state.today, width: area.width, tr: state.tr)
            buffer.render(widget, in: area)
        case nil:
            break
        }
    }
}

/// The order detail screen: header, every line's quantities, shipments and history.
enum DetailView {
    static let columns: [(ColumnText, Table.Width, TextAlignment, Int)] = [
        (.lineNo, .fixed(3), .right, 6),
        (.sku, .flexible(min: 8, weight: 1), .left, 10),
        (.item, .flexible(min: 8, weight: 2), .left, 2),
        (.ordered, .fixed(7), .right, 9),
        (.allocated, .fixed(5), .right, 8),
        (.picked, .fixed(6), .right, 8),
        (.shipped, .fixed(7), .right, 8),
        // Eight columns: room for "Restord." as well as "Backord".
        (.backordered, .fixed(8), .right, 9),
        (.cancelled, .fixed(6), .right, 7),
        (.promised, .fixed(12), .left, 5),
    ]

    /// The line table's columns with headers in `tr`'s language.
    static func tableColumns(_ tr: Localizer) -> [Table.Column] {
        columns.map { Table.Column(tr($0.0), width: $0.1, alignment: $0.2, priority: $0.3) }
    }

    static func header(_ d: OrderDetail, _ tr: Localizer = .process) -> String {
        let o = d.order
        return tr(ScreenText.detailHeader, o.number, o.customerName, o.customerCode, o.orderDate, Plain(o.priority),
                  tr(o.policy == .complete ? ScreenText.shipComplete : .partialShipments), tr(o.isOpen ? ScreenText.orderOpen : .orderClosed))
    }

    static func lineRows(_ d: OrderDetail, today: Day, _ tr: Localizer = .process) -> [[String]] {
        let n = tr.number
        var rows = d.lines.map { l -> [String] in
            let q = l.line.quantities
            let promised = q.backordered > 0 ? (l.promised.map { $0 < today ? tr.day($0) + "!" : tr.day($0) } ?? tr(ColumnText.nonePlanned)) : ""
            return [String(l.line.lineNo), l.line.sku, l.line.itemName, n(q.ordered), n(q.allocated), n(q.picked),
                    n(q.shipped), n(q.backordered), n(q.cancelled), promised]
        }
        let t = d.totals
        rows.append(["", tr(ColumnText.total), "", n(t.ordered), n(t.allocated), n(t.picked), n(t.shipped), n(t.backordered), n(t.cancelled), ""])
        return rows
    }

    /// A movement's kind as the history column shows it.
    static func kindName(_ kind: MovementKind, _ tr: Localizer) -> String {
        let key: ScreenText
        switch kind {
        case .order: key = .movedOrder
        case .allocate: key = .movedAllocate
        case .pick: key = .movedPick
        case .shortPick: key = .movedShortPick
        case .ship: key = .movedShip
        case .receive: key = .movedReceive
        case .cancel: key = .movedCancel
        case .adjust: key = .movedAdjust
        case .release: key = .movedRelease
        case .putBack: key = .movedPutBack
        case .amend: key = .movedAmend
        case .return: key = .movedReturn
        case .receiptReversal: key = .movedReceiptReversal
        }
        return tr(key)
    }

    /// An order header field as the history names it (the store keeps it by its English name).
    static func fieldName(_ field: String, _ tr: Localizer) -> String {
        switch field {
        case "priority": return tr(ScreenText.fieldPriority)
        case "policy": return tr(ScreenText.fieldPolicy)
        case "note": return tr(ScreenText.fieldNote)
        default: return field
        }
    }

    /// A changed field's value as the reader writes it (a ship policy in words); nil when empty.
    static func value(_ field: String, _ value: String, _ tr: Localizer) -> String? {
        guard !value.isEmpty else { return nil }
        guard field == "policy", let policy = ShipPolicy(rawValue: value) else { return value }
        return tr(policy == .complete ? ColumnText.complete : .partial)
    }

    /// Shipments and the journal of the order, one text line each.
    static func historyLines(_ d: OrderDetail, _ tr: Localizer = .process) -> [String] {
        var out: [String] = []
        if !d.note.isEmpty { out += [tr(ScreenText.note, d.note), ""] }
        if d.shipments.isEmpty {
            out.append(tr(ScreenText.shipmentsNone))
        } else {
            out.append(tr(ScreenText.shipments))
            for s in d.shipments {
                out.append("  \(s.number)  \(Texts.stamp(s.at, tr))  \(s.actor)" + (s.overridden ? "  " + tr(ScreenText.partialByOverride) : "") + ":  "
                           + s.lines.map { tr(ScreenText.shipmentLine, $0.quantity, $0.sku, Plain($0.lineNo)) }.joined(separator: ", "))
            }
        }
        out.append("")
        out.append(tr(ScreenText.history))
        // Columns line up across rows: the widest clerk name sets the width.
        let actorWidth = min(16, d.history.map(\.actor.displayWidth).max() ?? 0)
        for m in d.history {
            let line = tr(ScreenText.historyLine, m.lineNo.map { String($0) } ?? "-")
            var text = "  \(Texts.stamp(m.at, tr))  \(m.actor.truncated(toWidth: actorWidth).padded(toWidth: actorWidth))  "
                + "\(kindName(m.kind, tr).padded(toWidth: 10))  \(line)  \(m.sku)  \(tr.number(m.quantity))"
            if let doc = m.document { text += "  \(doc)" }
            if let a = m.arrivalReference { text += "  " + tr(ScreenText.historyArrival, a) }
            if !m.note.isEmpty && m.note != m.document { text += "  “\(m.note)”" }
            out.append(text)
        }
        for c in d.changes {
            let none = tr(ScreenText.none)
            out.append("  \(Texts.stamp(c.at, tr))  \(c.actor.truncated(toWidth: actorWidth).padded(toWidth: actorWidth))  "
                       + tr(ScreenText.historyChanged, fieldName(c.field, tr), value(c.field, c.from, tr) ?? none, value(c.field, c.to, tr) ?? none)
                       + (c.reason.isEmpty ? "" : "  “\(c.reason)”"))
        }
        return out
    }

    static func render(_ state: DetailState, today: Day, tr: Localizer = .process, into buffer: inout ScreenBuffer, in area: Rect) {
        guard !area.isEmpty else { return }
        let d = state.detail
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: Style(foreground: .cyan, attributes: [.reverse, .bold]))
        buffer.putTruncated(header(d, tr), x: area.x + 1, y: area.y, width: area.width - 2,
                            style: Style(foreground: .cyan, attributes: [.reverse, .bold]))
        let rest = area.inset(top: 1)
        let rows = lineRows(d, today: today, tr)
        let tableHeight = min(rows.count + 1, max(2, rest.height / 2))
        let styles = Dictionary(uniqueKeysWithValues: d.lines.enumerated().compactMap { i, l -> (Int, Style)? in
            l.line.quantities.backordered > 0 && (l.promised.map { $0 < today } ?? true) ? (i, Style(foreground: .red)) : nil
        } + [(rows.count - 1, Style(attributes: .bold))])
        buffer.render(Table(columns: tableColumns(tr), rows: rows, rowStyles: styles), in: Rect(x: rest.x, y: rest.y, width: rest.width, height: tableHeight))
        let text = rest.inset(top: tableHeight + 1)
        buffer.render(TextView(lines: historyLines(d, tr), wraps: false, scrollOffset: state.scroll), in: text)
    }
}
