/// A piece of text with an optional style of its own (else the bar's style).
public struct Segment: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style?

    /// Creates a segment; `nil` style means the bar's style.
    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }

    /// Lets plain string literals be used as segments.
    public init(stringLiteral value: String) { self.init(value) }
}

/// A one-line status bar with left- and right-aligned segments.
///
/// When space runs short the right side keeps at most half the bar, the left side gets the rest;
/// both are truncated with "…" from their last segment on.
public struct StatusBar: Widget, Sendable {
    public var left: [Segment]
    public var right: [Segment]
    public var style: Style
    public var separator: String

    /// Creates a status bar; see the properties for each parameter.
    public init(left: [Segment] = [], right: [Segment] = [], style: Style = .reversed, separator: String = " │ ") {
        self.left = left
        self.right = right
        self.style = style
        self.separator = separator
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: style)
        let leftWidth = width(of: left)
        let rightWidth = width(of: right)
        // One blank column pads each end so text does not touch the screen edge.
        let inner = max(0, area.width - 2)
        let gap = leftWidth > 0 && rightWidth > 0 ? 1 : 0
        var rightRoom = rightWidth
        if leftWidth + gap + rightWidth > inner {
            rightRoom = min(rightWidth, max(inner - leftWidth - gap, inner / 2))
        }
        let leftRoom = max(0, inner - rightRoom - (rightRoom > 0 ? gap : 0))
        draw(left, into: &buffer, x: area.x + 1, y: area.y, room: leftRoom)
        let rightShown = min(rightRoom, rightWidth)
        draw(right, into: &buffer, x: area.x + 1 + inner - rightShown, y: area.y, room: rightShown)
    }

    private func width(of segments: [Segment]) -> Int {
        guard !segments.isEmpty else { return 0 }
        return segments.reduce(0) { $0 + $1.text.displayWidth } + separator.displayWidth * (segments.count - 1)
    }

    private func draw(_ segments: [Segment], into buffer: inout ScreenBuffer, x: Int, y: Int, room: Int) {
        var used = 0
        for (index, segment) in segments.enumerated() {
            if index > 0 {
                guard used + separator.displayWidth < room else { break }
                used += buffer.put(separator, x: x + used, y: y, style: style, maxWidth: room - used)
            }
            let remaining = room - used
            guard remaining > 0 else { break }
            let text = segment.text.truncated(toWidth: remaining)
            used += buffer.put(text, x: x + used, y: y, style: style.merged(with: segment.style ?? .plain),
                               maxWidth: remaining)
        }
    }
}

/// A one-line list of key hints such as `q Quit  d Dialog  ? Help`.
///
/// Hints are laid out in order; a hint that does not fit is skipped (later, shorter ones may still fit),
/// so put the most important hints first.
public struct KeyHintBar: Widget, Sendable {
    /// A key (as shown, e.g. "↑↓" or `Key.ctrl("r").description`) and what it does.
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var label: String
        /// A hint with the key as free text (e.g. "↑↓").
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
        /// A hint showing the key's display name.
        public init(_ key: Key, _ label: String) { self.init(key.description, label) }
    }

    public var hints: [Hint]
    public var style: Style
    public var keyStyle: Style

    /// Creates a hint bar; put the most important hints first.
    public init(hints: [Hint], style: Style = .plain, keyStyle: Style = Style(attributes: [.bold, .reverse])) {
        self.hints = hints
        self.style = style
        self.keyStyle = keyStyle
    }

    /// The hints that fit into `width` columns, in order.
    public func visibleHints(forWidth width: Int) -> [Hint] {
        var used = 0
        var shown: [Hint] = []
        for hint in hints {
            let needed = (shown.isEmpty ? 0 : 2) + hint.key.displayWidth + 1 + hint.label.displayWidth
            if used + needed <= width {
                shown.append(hint)
                used += needed
            }
        }
        return shown
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        var x = area.x
        for (index, hint) in visibleHints(forWidth: area.width).enumerated() {
            if index > 0 { x += 2 }
            x += buffer.put(hint.key, x: x, y: area.y, style: style.merged(with: keyStyle), maxWidth: area.maxX - x)
            x += buffer.put(" " + hint.label, x: x, y: area.y, style: style, maxWidth: area.maxX - x)
        }
    }
}

/// Numbered pane titles (`1 Orders  2 Backorders …`) with the active one highlighted, like tabs.
///
/// When the full titles do not fit, inactive panes shrink to their number and the active title is truncated.
public struct PaneBar: Widget, Sendable {
    public var titles: [String]
    public var active: Int
    public var style: Style
    public var activeStyle: Style

    /// Creates a pane bar; `active` is a zero-based index.
    public init(titles: [String], active: Int, style: Style = .plain,
                activeStyle: Style = Style(attributes: [.reverse, .bold])) {
        self.titles = titles
        self.active = active
        self.style = style
        self.activeStyle = activeStyle
    }

    /// The label of each pane for an area `width` columns wide.
    public func labels(forWidth width: Int) -> [String] {
        let full = titles.enumerated().map { " \($0.offset + 1) \($0.element) " }
        if full.reduce(0, { $0 + $1.displayWidth }) <= width { return full }
        var compact = titles.indices.map { " \($0 + 1) " }
        guard titles.indices.contains(active) else { return compact }
        let others = compact.enumerated().filter { $0.offset != active }.reduce(0) { $0 + $1.element.displayWidth }
        let room = max(0, width - others)
        compact[active] = full[active].truncated(toWidth: max(room, compact[active].displayWidth))
        return compact
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        var x = area.x
        for (index, label) in labels(forWidth: area.width).enumerated() {
            guard x < area.maxX else { break }
            let labelStyle = index == active ? style.merged(with: activeStyle) : style
            x += buffer.put(label, x: x, y: area.y, style: labelStyle, maxWidth: area.maxX - x)
        }
    }
}
