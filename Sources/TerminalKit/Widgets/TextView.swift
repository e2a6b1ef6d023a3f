/// Scrollable text, word-wrapped to the area (or cut at the right edge when `wraps` is false).
public struct TextView: Widget, Sendable {
    public var lines: [String]
    public var wraps: Bool
    /// First display line shown; clamped while rendering.
    public var scrollOffset: Int
    public var style: Style

    /// Creates a text view over the given lines.
    public init(lines: [String], wraps: Bool = true, scrollOffset: Int = 0, style: Style = .plain) {
        self.lines = lines
        self.wraps = wraps
        self.scrollOffset = scrollOffset
        self.style = style
    }

    /// Convenience for one block of text; newlines separate lines.
    public init(text: String, wraps: Bool = true, scrollOffset: Int = 0, style: Style = .plain) {
        self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                  wraps: wraps, scrollOffset: scrollOffset, style: style)
    }

    /// The lines as displayed in an area `width` columns wide.
    public func displayLines(forWidth width: Int) -> [String] {
        guard wraps else { return lines }
        return lines.flatMap { line -> [String] in
            let wrapped = line.wrapped(toWidth: width)
            return wrapped.isEmpty ? [""] : wrapped
        }
    }

    /// Largest useful scroll offset for an area of this size.
    public func maxScrollOffset(width: Int, height: Int) -> Int {
        max(0, displayLines(forWidth: width).count - max(0, height))
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let shown = displayLines(forWidth: area.width)
        let offset = min(max(0, scrollOffset), max(0, shown.count - area.height))
        for (row, line) in shown.dropFirst(offset).prefix(area.height).enumerated() {
            buffer.put(line, x: area.x, y: area.y + row, style: style, maxWidth: area.width)
        }
    }
}
