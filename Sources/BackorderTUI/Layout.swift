import TerminalKit

/// Where everything goes on a screen of a given size; shared by the views and the reducer (for page sizes).
public struct Layout: Hashable, Sendable {
    public var size: Size

    public init(size: Size) { self.size = size }

    /// Smallest terminal that shows all four panes at once.
    public static let gridMinimum = Size(width: 150, height: 32)

    /// All four panes at once (wide terminals), else one focused pane with a pane bar.
    public var isGrid: Bool { size.width >= Layout.gridMinimum.width && size.height >= Layout.gridMinimum.height }

    private var screen: Rect { Rect(width: size.width, height: size.height) }

    /// Rows at the bottom: message line, status bar, key hints (fewer on tiny screens).
    private var bottomRows: Int { min(3, max(0, size.height - 2)) }

    /// The message (or filter) line.
    public var messageRow: Rect { row(fromBottom: 3) }
    /// The status bar.
    public var statusRow: Rect { row(fromBottom: 2) }
    /// The key hint bar.
    public var hintRow: Rect { row(fromBottom: 1) }

    private func row(fromBottom n: Int) -> Rect {
        guard n <= bottomRows else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: 0, y: size.height - n, width: size.width, height: 1)
    }

    /// Everything above the bottom rows.
    public var content: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height - bottomRows) }

    /// The pane bar (single-pane layout only).
    public var paneBar: Rect? { isGrid ? nil : Rect(x: 0, y: 0, width: size.width, height: min(1, content.height)) }

    /// The frame of a pane in the grid (top left orders, top right backorders, bottom left arrivals, bottom right stock).
    public func gridFrame(_ kind: PaneKind) -> Rect {
        let halves = content.rows([.fill, .fill])
        let top = halves[0].columns([.fill, .fill])
        let bottom = halves[1].columns([.fill, .fill])
        switch kind {
        case .orders: return top[0]
        case .backorders: return top[1]
        case .arrivals: return bottom[0]
        case .stock: return bottom[1]
        }
    }

    /// Where a pane's table (header included) is drawn; in the single-pane layout every pane uses the same area.
    public func tableArea(_ kind: PaneKind) -> Rect {
        if isGrid { return gridFrame(kind).inset(by: 1) }
        return content.inset(top: 1)
    }

    /// Data rows a pane shows: the rows it fetches.
    public func visibleRows(_ kind: PaneKind) -> Int { max(0, tableArea(kind).height - 1) }

    /// The frame of a full-screen overlay (help, texts): the content area, in a box.
    public var overlayFrame: Rect {
        let c = content
        if c.width >= 100 { return c.centered(width: min(c.width - 8, 110), height: c.height - (c.height >= 30 ? 4 : 0)) }
        return c
    }

    // MARK: reports and notices

    /// The top row of the reports and notices: which report (or the notices) is shown, and where.
    public var viewBar: Rect { Rect(x: 0, y: 0, width: size.width, height: min(1, content.height)) }

    /// Everything under the view bar.
    public var viewBody: Rect { content.inset(top: 1) }

    /// The first row of the body: the report's title or the bucket shown.
    public var viewTitle: Rect { Rect(x: 0, y: viewBody.y, width: size.width, height: min(1, viewBody.height)) }

    /// Where a report's main table (header included) or the aging chart goes.
    public func reportTable(_ kind: ReportKind) -> Rect {
        if kind == .late { return lateSplit.arrivals }
        return viewBody.inset(top: 1)
    }

    /// Whether the late report has room for the suppliers' table under the late arrivals.
    public var lateShowsSuppliers: Bool { viewBody.height >= 9 }

    /// The late report: late arrivals on top, the suppliers' ETA record under them (when there is room).
    public var lateSplit: (arrivals: Rect, suppliersTitle: Rect, suppliers: Rect) {
        let body = viewBody.inset(top: 1)
        guard lateShowsSuppliers else { return (body, Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 0, height: 0)) }
        let parts = body.rows([.fill(weight: 3), .fixed(1), .fill(weight: 2)])
        return (parts[0], parts[1], parts[2])
    }

    /// Data rows a report's main list shows.
    public func reportRows(_ kind: ReportKind) -> Int { max(0, reportTable(kind).height - 1) }

    /// The notices: the list on top, a title row, then the selected notice's text.
    public var noticesSplit: (table: Rect, textTitle: Rect, text: Rect) {
        let body = viewBody
        let tableHeight = max(2, body.height * 2 / 5)
        let parts = body.rows([.fixed(tableHeight), .fixed(1), .fill()])
        return (parts[0], parts[1], parts[2])
    }

    /// Data rows the notices list shows.
    public var noticeRows: Int { max(0, noticesSplit.table.height - 1) }
}
