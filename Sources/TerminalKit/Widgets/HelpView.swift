/// A scrollable two-column list of keys and what they do, grouped in titled sections.
public struct HelpView: Widget, Sendable {
    /// One key binding: the key(s) as shown and what they do.
    public struct Entry: Hashable, Sendable {
        public var keys: String
        public var description: String
        /// Keys as free text, e.g. "j/k".
        public init(_ keys: String, _ description: String) {
            self.keys = keys
            self.description = description
        }
        /// Several keys for one action, shown as "↑/k".
        public init(_ keys: [Key], _ description: String) {
            self.init(keys.map(\.description).joined(separator: "/"), description)
        }
    }

    /// A titled group of entries.
    public struct Section: Hashable, Sendable {
        public var title: String
        public var entries: [Entry]
        /// Creates a section.
        public init(_ title: String, _ entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    /// One rendered line: a section title or an entry (descriptions may continue over several lines).
    public enum Line: Hashable, Sendable {
        case title(String)
        case entry(keys: String, description: String)
        case blank
    }

    public var sections: [Section]
    /// First line shown; clamped while rendering.
    public var scrollOffset: Int
    public var style: Style
    public var titleStyle: Style
    public var keyStyle: Style

    /// Creates a help view; see the properties for each parameter.
    public init(sections: [Section], scrollOffset: Int = 0, style: Style = .plain,
                titleStyle: Style = Style(attributes: [.bold, .underline]), keyStyle: Style = .bold) {
        self.sections = sections
        self.scrollOffset = scrollOffset
        self.style = style
        self.titleStyle = titleStyle
        self.keyStyle = keyStyle
    }

    /// Width of the key column for an area `width` columns wide.
    public func keyColumnWidth(forWidth width: Int) -> Int {
        let widest = sections.flatMap(\.entries).map(\.keys.displayWidth).max() ?? 0
        return min(widest, max(1, width / 3))
    }

    /// All lines for an area `width` columns wide, descriptions wrapped beside the key column.
    public func lines(forWidth width: Int) -> [Line] {
        let keyWidth = keyColumnWidth(forWidth: width)
        let descriptionWidth = max(1, width - 2 - keyWidth - 2)
        var result: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { result.append(.blank) }
            result.append(.title(section.title))
            for entry in section.entries {
                let wrapped = entry.description.wrapped(toWidth: descriptionWidth)
                for (n, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    result.append(.entry(keys: n == 0 ? entry.keys : "", description: part))
                }
            }
        }
        return result
    }

    /// Largest useful scroll offset for an area of this size.
    public func maxScrollOffset(width: Int, height: Int) -> Int {
        max(0, lines(forWidth: width).count - max(0, height))
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let all = lines(forWidth: area.width)
        let offset = min(max(0, scrollOffset), max(0, all.count - area.height))
        let keyWidth = keyColumnWidth(forWidth: area.width)
        for (row, line) in all.dropFirst(offset).prefix(area.height).enumerated() {
            let y = area.y + row
            switch line {
            case .blank:
                continue
            case .title(let title):
                buffer.putTruncated(title, x: area.x, y: y, width: area.width, style: style.merged(with: titleStyle))
            case .entry(let keys, let description):
                buffer.putTruncated(keys, x: area.x + 2, y: y, width: min(keyWidth, area.width - 2),
                                    style: style.merged(with: keyStyle))
                let x = area.x + 2 + keyWidth + 2
                buffer.put(description, x: x, y: y, style: style, maxWidth: area.maxX - x)
            }
        }
    }
}
