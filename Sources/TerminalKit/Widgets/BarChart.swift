/// Horizontal bars with a label column and values, scaled to the available width.
///
/// Bars use eighth-block characters for sub-cell precision. Negative values draw no bar.
/// On a narrow area the value column goes first, then the bars; labels are truncated.
public struct BarChart: Widget, Sendable {
    /// One labelled bar.
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Double
        /// Text shown for the value; defaults to the number (whole numbers without decimals).
        public var valueText: String
        /// Style of the bar itself, else the chart's `barStyle`.
        public var style: Style?

        /// Creates a bar; `valueText` defaults to the formatted value.
        public init(_ label: String, value: Double, valueText: String? = nil, style: Style? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText ?? BarChart.format(value)
            self.style = style
        }
    }

    public var bars: [Bar]
    /// Value of a full-width bar; defaults to the largest value.
    public var maxValue: Double?
    public var style: Style
    public var barStyle: Style

    /// Creates a chart; see the properties for each parameter.
    public init(bars: [Bar], maxValue: Double? = nil, style: Style = .plain,
                barStyle: Style = Style(foreground: .cyan)) {
        self.bars = bars
        self.maxValue = maxValue
        self.style = style
        self.barStyle = barStyle
    }

    /// Whole numbers without a fraction, others with one decimal; no Foundation needed.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }

    /// The bar drawn for `value` in `width` columns: full blocks then one partial eighth block.
    public static func barText(value: Double, maxValue: Double, width: Int) -> String {
        guard width > 0, maxValue > 0, value > 0, value.isFinite, maxValue.isFinite else { return "" }
        let eighths = Int((min(value, maxValue) / maxValue * Double(width) * 8).rounded())
        let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partials[eighths % 8 - 1]) }
        return text
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let labelWidth = min(bars.map(\.label.displayWidth).max() ?? 0, max(1, area.width / 3))
        var valueWidth = bars.map(\.valueText.displayWidth).max() ?? 0
        var barWidth = area.width - labelWidth - 1 - valueWidth - 1
        if barWidth < 1 {
            valueWidth = 0  // values are the first thing to give up room
            barWidth = area.width - labelWidth - 1
        }
        let top = max(maxValue ?? bars.map(\.value).max() ?? 0, 0)
        for (line, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + line
            buffer.putTruncated(bar.label, x: area.x, y: y, width: labelWidth, style: style)
            guard barWidth > 0 else { continue }
            let text = BarChart.barText(value: bar.value, maxValue: top, width: barWidth)
            let drawn = buffer.put(text, x: area.x + labelWidth + 1, y: y, style: style.merged(with: bar.style ?? barStyle),
                                   maxWidth: barWidth)
            if valueWidth > 0 {
                buffer.put(bar.valueText, x: area.x + labelWidth + 1 + drawn + 1, y: y, style: style,
                           maxWidth: area.maxX - (area.x + labelWidth + 1 + drawn + 1))
            }
        }
    }
}
