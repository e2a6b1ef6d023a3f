/// A centred modal box: title, wrapped body text, an optional text field, a message line
/// (errors, validation) and button hints.
///
/// On small screens it shrinks to the area; the hints, field and message are kept before the body,
/// and a body that does not fit ends in "…".
public struct Dialog: Widget, Sendable {
    public var title: String
    /// Paragraphs of body text; each is word-wrapped to the dialog width.
    public var body: [String]
    public var field: TextField?
    /// Shown below the field, in `messageStyle` (e.g. "Quantity must be a number").
    public var message: String?
    public var buttons: [KeyHintBar.Hint]
    /// Outer width when the screen allows.
    public var preferredWidth: Int
    public var style: Style
    public var borderStyle: Style
    public var messageStyle: Style
    public var border: BorderCharacters

    /// Creates a dialog; see the properties for each parameter.
    public init(title: String, body: [String] = [], field: TextField? = nil, message: String? = nil,
                buttons: [KeyHintBar.Hint] = [], preferredWidth: Int = 50, style: Style = .plain,
                borderStyle: Style = .bold, messageStyle: Style = Style(foreground: .red, attributes: .bold),
                border: BorderCharacters = .unicode) {
        self.title = title
        self.body = body
        self.field = field
        self.message = message
        self.buttons = buttons
        self.preferredWidth = preferredWidth
        self.style = style
        self.borderStyle = borderStyle
        self.messageStyle = messageStyle
        self.border = border
    }

    /// Width available for text inside the border (one column of padding each side when possible).
    private func contentWidth(frameWidth: Int) -> Int {
        frameWidth >= 6 ? frameWidth - 4 : max(0, frameWidth - 2)
    }

    private func bodyLines(width: Int) -> [String] {
        body.flatMap { $0.wrapped(toWidth: width) }
    }

    /// The message wrapped, at most three rows: a refusal is read in full (a Norwegian one is long), the last row cut.
    private func messageLines(width: Int) -> [String] {
        guard let message else { return [] }
        let lines = message.wrapped(toWidth: max(1, width))
        guard lines.count > 3 else { return lines }
        return Array(lines.prefix(2)) + [lines[2].truncated(toWidth: max(0, width - 2), ellipsis: "") + " …"]
    }

    /// The outer rectangle of the dialog when centred in `area`.
    public func frame(in area: Rect) -> Rect {
        let width = min(max(preferredWidth, 10), area.width)
        let lines = bodyLines(width: contentWidth(frameWidth: width)).count
        var rows = lines
        if field != nil { rows += lines > 0 ? 2 : 1 }
        rows += messageLines(width: contentWidth(frameWidth: width)).count
        if !buttons.isEmpty { rows += 2 }
        return area.centered(width: width, height: rows + 2)
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        buffer.fill(box, style: style)
        guard box.height >= 3, box.width >= 4 else {
            buffer.putTruncated(title, x: box.x, y: box.y, width: box.width, style: style.merged(with: borderStyle))
            return
        }
        buffer.drawBox(box, title: title, style: style.merged(with: borderStyle), border: border)
        let textWidth = contentWidth(frameWidth: box.width)
        let textX = box.x + (box.width - textWidth) / 2
        var available = box.height - 2
        // Reserve the interactive rows first: they matter more than the explanation above them.
        let showButtons = !buttons.isEmpty && available > 0
        if showButtons { available -= 1 }
        let showField = field != nil && available > 0
        if showField { available -= 1 }
        let messageRows = Array(messageLines(width: textWidth).prefix(max(0, available)))
        let showMessage = !messageRows.isEmpty
        available -= messageRows.count
        var lines = bodyLines(width: textWidth)
        let bodyRows = min(lines.count, available)
        available -= bodyRows
        if bodyRows < lines.count && bodyRows > 0 {
            let head = lines[bodyRows - 1].truncated(toWidth: max(0, textWidth - 2), ellipsis: "")
            lines[bodyRows - 1] = head + " …"
        }
        let spaceBeforeField = showField && bodyRows > 0 && available > 0
        if spaceBeforeField { available -= 1 }
        let spaceBeforeButtons = showButtons && available > 0

        var y = box.y + 1
        for line in lines.prefix(bodyRows) {
            buffer.putTruncated(line, x: textX, y: y, width: textWidth, style: style)
            y += 1
        }
        if spaceBeforeField { y += 1 }
        if showField, let field {
            field.render(into: &buffer, in: Rect(x: textX, y: y, width: textWidth, height: 1))
            y += 1
        }
        for line in messageRows {
            buffer.putTruncated(line, x: textX, y: y, width: textWidth, style: style.merged(with: messageStyle))
            y += 1
        }
        if showButtons {
            if spaceBeforeButtons { y += 1 }
            let bar = KeyHintBar(hints: buttons, style: style)
            bar.render(into: &buffer, in: Rect(x: textX, y: box.maxY - 2, width: textWidth, height: 1))
        }
    }
}
