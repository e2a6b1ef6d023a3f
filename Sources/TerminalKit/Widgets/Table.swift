/// A table with a header, selectable rows, a sort indicator and priority-based column dropping.
///
/// On a narrow area the columns with the lowest `priority` are dropped first (ties: the rightmost),
/// until the remaining minimum widths fit. Nothing overlaps and tiny areas simply show less.
public struct Table: Widget, Sendable {
    /// How wide a column wants to be.
    public enum Width: Hashable, Sendable {
        /// Always exactly this many columns (when shown).
        case fixed(Int)
        /// At least `min` columns; space left over is shared among flexible columns by `weight`.
        case flexible(min: Int, weight: Int = 1)
    }

    /// Sort direction shown in the header as ▲ (ascending) or ▼ (descending).
    public enum SortDirection: Hashable, Sendable {
        case ascending, descending
        var indicator: String { self == .ascending ? "▲" : "▼" }
    }

    /// One column's description.
    public struct Column: Hashable, Sendable {
        public var title: String
        public var width: Width
        public var alignment: TextAlignment
        /// Higher numbers are kept longer when space runs out.
        public var priority: Int

        /// Creates a column; by default flexible with a 4-column minimum and priority 0.
        public init(_ title: String, width: Width = .flexible(min: 4), alignment: TextAlignment = .left,
                    priority: Int = 0) {
            self.title = title
            self.width = width
            self.alignment = alignment
            self.priority = priority
        }

        /// Width below which the column is dropped rather than squeezed.
        public var minimumWidth: Int {
            switch width {
            case .fixed(let n): return max(1, n)
            case .flexible(let min, _): return max(1, min)
            }
        }
    }

    /// Where a visible column ended up: its index in `columns`, start offset within the area, and width.
    public struct ColumnPlacement: Hashable, Sendable {
        public var index: Int
        public var x: Int
        public var width: Int
    }

    /// Column definitions, left to right.
    public var columns: [Column]
    /// Cell texts, one array per row; missing cells render empty.
    public var rows: [[String]]
    /// The selected row, drawn with `selectedStyle`; `nil` for none.
    public var selectedRow: Int?
    /// The scroll offset from the previous frame; the rendered offset is adjusted to keep the selection visible.
    public var scrollOffset: Int
    /// Column showing the sort indicator, and its direction.
    public var sortColumn: Int?
    /// Direction shown by the sort indicator.
    public var sortDirection: SortDirection
    /// Per-row styles (e.g. red for late orders) by row index.
    public var rowStyles: [Int: Style]
    /// Whether the first row shows the column titles.
    public var showHeader: Bool
    /// Style of the header row.
    public var headerStyle: Style
    public var style: Style
    /// Laid over the row style of the selected row.
    public var selectedStyle: Style
    /// Blank columns between two columns.
    public var columnSpacing: Int

    /// Creates a table; see the properties for each parameter.
    public init(columns: [Column], rows: [[String]], selectedRow: Int? = nil, scrollOffset: Int = 0,
                sortColumn: Int? = nil, sortDirection: SortDirection = .ascending, rowStyles: [Int: Style] = [:],
                showHeader: Bool = true, headerStyle: Style = Style(attributes: [.bold, .underline]),
                style: Style = .plain, selectedStyle: Style = .reversed, columnSpacing: Int = 1) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.sortColumn = sortColumn
        self.sortDirection = sortDirection
        self.rowStyles = rowStyles
        self.showHeader = showHeader
        self.headerStyle = headerStyle
        self.style = style
        self.selectedStyle = selectedStyle
        self.columnSpacing = columnSpacing
    }

    /// Rows available for data in an area of this height (the header takes one).
    public func visibleRowCount(forHeight height: Int) -> Int {
        max(0, height - (showHeader ? 1 : 0))
    }

    /// The scroll offset used when rendering into an area of this height. Store it back for the next frame.
    public func resolvedScrollOffset(forHeight height: Int) -> Int {
        Scrolling.offset(selected: selectedRow, current: scrollOffset,
                         visibleRows: visibleRowCount(forHeight: height), rowCount: rows.count)
    }

    /// Which columns are shown, where and how wide, for an area `width` columns wide.
    public func columnLayout(forWidth width: Int) -> [ColumnPlacement] {
        guard width > 0, !columns.isEmpty else { return [] }
        let spacing = max(0, columnSpacing)
        var kept = Array(columns.indices)
        func required(_ set: [Int]) -> Int {
            set.reduce(0) { $0 + columns[$1].minimumWidth } + spacing * max(0, set.count - 1)
        }
        while kept.count > 1 && required(kept) > width {
            // Drop the least important column; among equals, the rightmost one goes first.
            let victim = kept.enumerated().min { a, b in
                let pa = columns[a.element].priority, pb = columns[b.element].priority
                return pa != pb ? pa < pb : a.offset > b.offset
            }!
            kept.remove(at: victim.offset)
        }
        var widths = kept.map { columns[$0].minimumWidth }
        var spare = width - required(kept)
        if spare < 0 {
            widths[0] = width  // a lone column wider than the area is cut to it
            spare = 0
        }
        let weights = kept.map { index -> Int in
            if case .flexible(_, let weight) = columns[index].width { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if spare > 0 && totalWeight > 0 {
            var handed = 0
            var last = 0
            for (i, weight) in weights.enumerated() where weight > 0 {
                let share = spare * weight / totalWeight
                widths[i] += share
                handed += share
                last = i
            }
            widths[last] += spare - handed  // rounding remainder keeps the table flush with the right edge
        }
        var x = 0
        return kept.enumerated().map { position, index in
            defer { x += widths[position] + spacing }
            return ColumnPlacement(index: index, x: x, width: widths[position])
        }
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let layout = columnLayout(forWidth: area.width)
        var y = area.y
        if showHeader {
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style.merged(with: headerStyle))
            for placement in layout {
                let column = columns[placement.index]
                var title = column.title
                if sortColumn == placement.index { title += sortDirection.indicator }
                // Keep the indicator visible when the title has to be cut.
                if sortColumn == placement.index && title.displayWidth > placement.width && placement.width >= 2 {
                    title = column.title.truncated(toWidth: placement.width - 1) + sortDirection.indicator
                }
                buffer.putTruncated(title, x: area.x + placement.x, y: y, width: placement.width,
                                    style: style.merged(with: headerStyle), alignment: column.alignment)
            }
            y += 1
        }
        let visible = area.maxY - y
        guard visible > 0 else { return }
        let offset = resolvedScrollOffset(forHeight: area.height)
        for (line, rowIndex) in (offset..<min(rows.count, offset + visible)).enumerated() {
            var rowStyle = style.merged(with: rowStyles[rowIndex] ?? .plain)
            if rowIndex == selectedRow { rowStyle = rowStyle.merged(with: selectedStyle) }
            let rowY = y + line
            buffer.fill(Rect(x: area.x, y: rowY, width: area.width, height: 1), style: rowStyle)
            let cells = rows[rowIndex]
            for placement in layout {
                let text = placement.index < cells.count ? cells[placement.index] : ""
                buffer.putTruncated(text, x: area.x + placement.x, y: rowY, width: placement.width, style: rowStyle,
                                    alignment: columns[placement.index].alignment)
            }
        }
    }
}
