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
            DetailView.render(detail, today: state.today, into: &buffer, in: layout.content)
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
    static func caption(_ pane: PaneState, width: Int? = nil) -> String {
        var parts = [pane.total == 0 ? "0" : "\(pane.selected + 1)/\(pane.total)" + (pane.totalPending ? "+" : "")]
        // Parts that say something else when cut short ("SKU = SKU-100…" for SKU-1001, "Bolt…" for Bolt AS): shown whole or not at all.
        var whole: Set<Int> = []
        // The restriction's part, and what it shrinks to on a narrow bar, longest first.
        var restriction: (part: Int, alone: [String])?
        if let sku = pane.sku { restriction = (parts.count, [sku]); whole.insert(parts.count); parts.append("SKU = " + sku) }
        if let c = pane.customer {
            restriction = (parts.count, [c.name, c.code]); whole.insert(parts.count); parts.append("Customer = " + c.name)
        }
        // A SKU's backorder lines come in another order than the whole list's (oldest first): the caption says which.
        if pane.inServingOrder { whole.insert(parts.count); parts.append("serving order") }
        if !pane.filter.isEmpty { parts.append("/" + pane.filter) }
        // The whole list is in this order, not just the rows on screen.
        if let c = pane.sortColumn {
            parts.append("by \(Columns.columns(pane.kind)[c].title)\(pane.sortDescending ? "▼" : "▲")")
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
            let paneBar = PaneBar(titles: PaneKind.allCases.map(\.shortTitle), active: state.focus.rawValue,
                                  activeStyle: Style(foreground: .cyan, attributes: [.reverse, .bold]))
            buffer.render(paneBar, in: bar)
            let used = paneBar.labels(forWidth: bar.width).reduce(0) { $0 + $1.displayWidth }
            let room = bar.width - used - 1
            let text = caption(state.focused, width: room)
            if room >= min(text.displayWidth, 8) {
                let shown = text.truncated(toWidth: room)
                buffer.put(shown, x: bar.maxX - shown.displayWidth, y: bar.y, style: Style(attributes: .dim))
            }
        }
        renderTable(state.focused, focused: true, into: &buffer, in: layout.tableArea(state.focus))
    }

    static func renderGridPane(_ state: AppState, _ kind: PaneKind, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let frame = layout.gridFrame(kind)
        let pane = state[pane: kind]
        let focused = kind == state.focus
        let head = "\(kind.rawValue + 1) \(kind.title) · "
        let title = head + caption(pane, width: frame.width - 4 - head.displayWidth)
        buffer.drawBox(frame, title: title, style: focused ? focusStyle : frameStyle,
                       titleStyle: focused ? Style(foreground: .cyan, attributes: [.bold, .reverse]) : .bold)
        renderTable(pane, focused: focused, into: &buffer, in: layout.tableArea(kind))
    }

    static func renderTable(_ pane: PaneState, focused: Bool, into buffer: inout ScreenBuffer, in area: Rect) {
        let table = Table(columns: Columns.columns(pane.kind), rows: Columns.cells(pane.rows),
                          selectedRow: nil, scrollOffset: 0,
                          sortColumn: pane.sortColumn, sortDirection: pane.sortDescending ? .descending : .ascending,
                          rowStyles: Columns.styles(pane.rows))
        buffer.render(table, in: area)
        // Only the row's key column is highlighted: a cursor move then repaints a dozen cells, not two whole rows,
        // which keeps it under 200 bytes on a slow SSH link (like mutt's arrow cursor).
        if let row = pane.selectedInWindow, row + 1 < area.height, let key = table.columnLayout(forWidth: area.width).first {
            let style = focused ? Style(foreground: .cyan, attributes: [.reverse, .bold]) : Style(attributes: .underline)
            buffer.restyle(Rect(x: area.x + key.x, y: area.y + 1 + row, width: key.width, height: 1)) { $0.merged(with: style) }
        }
        if pane.total == 0 && pane.loadedTop >= 0 && area.height >= 2 {
            let empty: String
            let restriction = pane.sku.map { "SKU = \($0)" } ?? pane.customer?.name
            switch (restriction, pane.filter.isEmpty) {
            case (nil, true): empty = emptyText(pane.kind)
            case (nil, false): empty = "Nothing matches /\(pane.filter) (Esc drops the filter)"
            case (let r?, true): empty = "Nothing for \(r) (Esc shows every \(pane.sku == nil ? "customer" : "SKU"))"
            case (let r?, false): empty = "\(r): nothing matches /\(pane.filter) (Esc drops the filter)"
            }
            buffer.putTruncated(empty, x: area.x, y: area.y + 1, width: area.width, style: Style(attributes: .dim))
        }
    }

    static func emptyText(_ kind: PaneKind) -> String {
        switch kind {
        case .orders: return "No open orders"
        case .backorders: return "No backorder lines: every order line has its stock"
        case .arrivals: return "No expected arrivals (a adds one)"
        case .stock: return "No items"
        }
    }

    // MARK: bottom rows

    static func renderMessageLine(_ state: AppState, _ row: Rect, into buffer: inout ScreenBuffer) {
        guard !row.isEmpty else { return }
        if let field = state.filterInput {
            let of = state.focused.sku.map { " of SKU = \($0)" } ?? state.focused.customer.map { " of \($0.name)" } ?? ""
            var label = "Filter \(state.focus.title.lowercased())" + of + ": "
            // The typed text needs room too: a narrow screen gets the short label, which still names the SKU.
            if let sku = state.focused.sku, label.displayWidth > row.width - 12 { label = "Filter SKU = \(sku): " }
            if let c = state.focused.customer, label.displayWidth > row.width - 12 { label = "Filter \(c.name): " }
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
        var left: [Segment] = []
        if state.readOnly { left.append(Segment("READ-ONLY", style: Style(foreground: .red, attributes: .bold))) }
        left.append(Segment(state.location))
        left.append(Segment(state.actor))
        var right: [Segment] = []
        // First on the right, which keeps up to half a narrow bar: who else is here matters more than the counts.
        if let others = othersHere(state.presence) { right.append(Segment(others, style: Style(attributes: .bold))) }
        if let c = state.counts {
            right.append(Segment("\(c.openOrders) orders"))
            right.append(Segment("\(c.backorderLines) BO lines (\(c.backorderedUnits) u)"))
            right.append(Segment("\(c.openArrivals) arrivals" + (c.lateArrivals > 0 ? " (\(c.lateArrivals) late)" : "")))
        }
        buffer.render(StatusBar(left: left, right: right), in: row)
    }

    /// The other sessions that have the file open, by user ("also: bob, carl ×2"), or nil when there are none.
    static func othersHere(_ presence: [Presence]) -> String? {
        var users: [String] = [], count: [String: Int] = [:]
        for p in presence where !p.isThisProcess {
            if count[p.user] == nil { users.append(p.user) }
            count[p.user, default: 0] += 1
        }
        guard !users.isEmpty else { return nil }
        return "also: " + users.map { $0.terminalSafe + (count[$0]! > 1 ? " ×\(count[$0]!)" : "") }.joined(separator: ", ")
    }

    static func renderHints(_ state: AppState, _ row: Rect, into buffer: inout ScreenBuffer) {
        guard !row.isEmpty else { return }
        var hints = Keymap.hints(in: state.context, readOnly: state.readOnly)
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
            buffer.drawBox(frame, title: "Keys — ? or Esc closes", style: focusStyle)
            let view = HelpView(sections: Keymap.helpSections(readOnly: state.readOnly), scrollOffset: scroll)
            buffer.render(view, in: frame.inset(by: 1))
        case .paper(let title, let lines, let scroll):
            renderPaper(title, lines, scroll, layout, into: &buffer)
        case .text(let title, let lines, let scroll):
            let frame = layout.overlayFrame
            buffer.fill(frame)
            buffer.drawBox(frame, title: title + " — Esc closes", style: focusStyle)
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
    static let columns: [Table.Column] = [
        .init("Ln", width: .fixed(3), alignment: .right, priority: 6),
        .init("SKU", width: .flexible(min: 8, weight: 1), priority: 10),
        .init("Item", width: .flexible(min: 8, weight: 2), priority: 2),
        .init("Ordered", width: .fixed(7), alignment: .right, priority: 9),
        .init("Alloc", width: .fixed(5), alignment: .right, priority: 8),
        .init("Picked", width: .fixed(6), alignment: .right, priority: 8),
        .init("Shipped", width: .fixed(7), alignment: .right, priority: 8),
        .init("Backord", width: .fixed(7), alignment: .right, priority: 9),
        .init("Cancel", width: .fixed(6), alignment: .right, priority: 7),
        .init("Promised", width: .fixed(12), priority: 5),
    ]

    static func header(_ d: OrderDetail) -> String {
        let o = d.order
        return "Order \(o.number) · \(o.customerName) (\(o.customerCode)) · \(o.orderDate.iso) · priority \(o.priority) · "
            + (o.policy == .complete ? "ship complete" : "partial shipments") + " · " + (o.isOpen ? "open" : "closed")
    }

    static func lineRows(_ d: OrderDetail, today: Day) -> [[String]] {
        var rows = d.lines.map { l -> [String] in
            let q = l.line.quantities
            let promised = q.backordered > 0 ? (l.promised.map { $0 < today ? $0.iso + "!" : $0.iso } ?? "none planned") : ""
            return [String(l.line.lineNo), l.line.sku, l.line.itemName, String(q.ordered), String(q.allocated), String(q.picked),
                    String(q.shipped), String(q.backordered), String(q.cancelled), promised]
        }
        let t = d.totals
        rows.append(["", "Total", "", String(t.ordered), String(t.allocated), String(t.picked), String(t.shipped),
                     String(t.backordered), String(t.cancelled), ""])
        return rows
    }

    /// Shipments and the journal of the order, one text line each.
    static func historyLines(_ d: OrderDetail) -> [String] {
        var out: [String] = []
        if !d.note.isEmpty { out += ["Note: \(d.note)", ""] }
        if d.shipments.isEmpty {
            out.append("Shipments: none yet")
        } else {
            out.append("Shipments:")
            for s in d.shipments {
                out.append("  \(s.number)  \(s.at.iso)  \(s.actor)" + (s.overridden ? "  (partial by override)" : "") + ":  "
                           + s.lines.map { "\($0.quantity) × \($0.sku) (line \($0.lineNo))" }.joined(separator: ", "))
            }
        }
        out.append("")
        out.append("History:")
        // Columns line up across rows: the widest clerk name sets the width.
        let actorWidth = min(16, d.history.map(\.actor.displayWidth).max() ?? 0)
        for m in d.history {
            var text = "  \(m.at.iso)  \(m.actor.truncated(toWidth: actorWidth).padded(toWidth: actorWidth))  \(m.kind.rawValue.padded(toWidth: 10))  line \(m.lineNo.map(String.init) ?? "-")  \(m.sku)  \(m.quantity)"
            if let doc = m.document { text += "  \(doc)" }
            if let a = m.arrivalReference { text += "  arrival \(a)" }
            if !m.note.isEmpty && m.note != m.document { text += "  “\(m.note)”" }
            out.append(text)
        }
        for c in d.changes {
            out.append("  \(c.at.iso)  \(c.actor.truncated(toWidth: actorWidth).padded(toWidth: actorWidth))  changed \(c.field) "
                       + "\(c.from.isEmpty ? "(none)" : c.from) → \(c.to.isEmpty ? "(none)" : c.to)" + (c.reason.isEmpty ? "" : "  “\(c.reason)”"))
        }
        return out
    }

    static func render(_ state: DetailState, today: Day, into buffer: inout ScreenBuffer, in area: Rect) {
        guard !area.isEmpty else { return }
        let d = state.detail
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: Style(foreground: .cyan, attributes: [.reverse, .bold]))
        buffer.putTruncated(header(d), x: area.x + 1, y: area.y, width: area.width - 2,
                            style: Style(foreground: .cyan, attributes: [.reverse, .bold]))
        let rest = area.inset(top: 1)
        let rows = lineRows(d, today: today)
        let tableHeight = min(rows.count + 1, max(2, rest.height / 2))
        let styles = Dictionary(uniqueKeysWithValues: d.lines.enumerated().compactMap { i, l -> (Int, Style)? in
            l.line.quantities.backordered > 0 && (l.promised.map { $0 < today } ?? true) ? (i, Style(foreground: .red)) : nil
        } + [(rows.count - 1, Style(attributes: .bold))])
        buffer.render(Table(columns: columns, rows: rows, rowStyles: styles), in: Rect(x: rest.x, y: rest.y, width: rest.width, height: tableHeight))
        let text = rest.inset(top: tableHeight + 1)
        buffer.render(TextView(lines: historyLines(d), wraps: false, scrollOffset: state.scroll), in: text)
    }
}
