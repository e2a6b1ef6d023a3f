/// An editable single line: a pure model plus rendering with horizontal scrolling.
///
/// Feed keys to `handle(_:)`; read `text` back. The cursor is a character index in `0...characters.count`.
/// Control characters are never inserted from keys; text set directly is escaped when drawn.
public struct TextField: Widget, Hashable, Sendable {
    /// The text as characters (the cursor indexes into this).
    public private(set) var characters: [Character]
    /// Insertion point as a character index.
    public private(set) var cursor: Int
    /// The whole text is selected, as a proposed value is: the first character typed replaces it, Backspace or Delete
    /// clears it, and a cursor move keeps it for editing (as in a form field that was tabbed into).
    public private(set) var isSelected: Bool
    /// Maximum number of characters accepted from typing, or nil for no limit.
    public var maxLength: Int?
    /// Shown dimmed while the field is empty.
    public var placeholder: String
    /// Whether the cursor cell is highlighted.
    public var isFocused: Bool
    public var style: Style
    public var cursorStyle: Style

    /// Creates a field with the cursor at the end of `text`; `selected`: the text is a proposal the first key replaces.
    public init(text: String = "", maxLength: Int? = nil, placeholder: String = "", isFocused: Bool = true,
                style: Style = Style(attributes: .underline), cursorStyle: Style = .reversed, selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        isSelected = selected && !text.isEmpty
        self.maxLength = maxLength
        self.placeholder = placeholder
        self.isFocused = isFocused
        self.style = style
        self.cursorStyle = cursorStyle
    }

    /// The current text. Setting it moves the cursor to the end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            isSelected = false
        }
    }

    /// Inserts a character at the cursor (ignored for control characters or when `maxLength` is reached).
    public mutating func insert(_ character: Character) {
        guard !character.unicodeScalars.contains(where: { isTerminalControl($0.value) }) else { return }
        if isSelected { clear() }
        if let maxLength, characters.count >= maxLength { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one character right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// Moves the cursor to the start.
    public mutating func moveHome() { cursor = 0 }
    /// Moves the cursor past the last character.
    public mutating func moveEnd() { cursor = characters.count }

    /// Removes everything (Ctrl-U).
    public mutating func clear() {
        characters.removeAll()
        cursor = 0
        isSelected = false
    }

    /// Removes from the cursor to the end (Ctrl-K).
    public mutating func deleteToEnd() { characters.removeSubrange(cursor...) }

    /// Removes the word before the cursor, and the spaces after it (Ctrl-W).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Applies an editing key; returns `false` for keys the field does not use (Enter, Esc, Tab, …)
    /// so the caller can handle them.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if isSelected {
            switch key {
            case .char: break
            case .backspace, .ctrl("h"), .delete, .ctrl("d"): clear(); return true
            case .left, .ctrl("b"), .right, .ctrl("f"), .home, .ctrl("a"), .end, .ctrl("e"), .ctrl("u"), .ctrl("k"), .ctrl("w"):
                isSelected = false
            default: return false
            }
        }
        switch key {
        case .char(let c): insert(c)
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): clear()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Index of the first character shown in a field `width` columns wide: 0 while the cursor fits,
    /// otherwise scrolled so the cursor sits in the last column.
    public func scrollStart(forWidth width: Int) -> Int {
        guard width > 0 else { return cursor }
        let cursorWidth = cursor < characters.count ? max(1, displayWidth(of: characters[cursor])) : 1
        var start = cursor
        var used = cursorWidth
        while start > 0 {
            let w = displayWidth(of: characters[start - 1])
            if used + w > width { break }
            used += w
            start -= 1
        }
        return start
    }

    public func render(into buffer: inout ScreenBuffer, in area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: style)
        if characters.isEmpty && !placeholder.isEmpty {
            buffer.put(placeholder, x: area.x, y: area.y, style: style.adding(.dim), maxWidth: area.width)
        }
        let start = scrollStart(forWidth: area.width)
        let visible = String(characters[start...])
        // A selected proposal is shown reversed, as selected text is: it goes with the first key typed.
        buffer.put(visible, x: area.x, y: area.y, style: isSelected && isFocused ? style.merged(with: cursorStyle) : style, maxWidth: area.width)
        guard isFocused else { return }
        let column = characters[start..<cursor].reduce(0) { $0 + displayWidth(of: $1) }
        let cursorWidth = cursor < characters.count ? max(1, displayWidth(of: characters[cursor])) : 1
        buffer.restyle(Rect(x: area.x + column, y: area.y, width: min(cursorWidth, area.width - column), height: 1)) {
            $0.merged(with: cursorStyle)
        }
    }
}
