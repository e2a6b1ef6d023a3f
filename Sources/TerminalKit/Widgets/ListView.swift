/// A single-column list with a selected item shown in reverse video.
public struct ListView: Widget, Sendable {
    public var items: [String]
    public var selected: Int?
    /// Offset from the previous frame; adjusted while rendering so the selection stays visible.
    public var scrollOffset: Int
    public var style: Style
    public var selectedStyle: Style
    /// Per-item styles by index.
    public var itemStyles: [Int: Style]

    /// Creates a list; see the properties for each parameter.
    public init(items: [String], selected: Int? = nil, scrollOffset: Int = 0, style: Style = .plain,
                selectedStyle: Style = .reversed, itemStyles: [Int: Style] = [:]) {
        self.items = items
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.style = style
        self.selectedStyle = selectedStyle
        self.itemStyles = itemStyles
    }

    /// The scroll offset used when rendering into an area of this height. Store it back for the next frame.
    public func resolvedScrollOffset(forHeight height: Int) -> Int {
        Scrolling.offset(selected: selected, current: scrollOffset, visibleRows: height, rowCount: items.count)
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let offset = resolvedScrollOffset(forHeight: area.height)
        for (line, index) in (offset..<min(items.count, offset + area.height)).enumerated() {
            var itemStyle = style.merged(with: itemStyles[index] ?? .plain)
            if index == selected { itemStyle = itemStyle.merged(with: selectedStyle) }
            buffer.putTruncated(items[index], x: area.x, y: area.y + line, width: area.width, style: itemStyle)
        }
    }
}
