/// Characters used to draw a box border.
public struct BorderCharacters: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    /// Custom border characters.
    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    /// `─│┌┐└┘`
    public static let unicode = BorderCharacters(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                                 bottomLeft: "└", bottomRight: "┘")
    /// `─│╭╮╰╯`
    public static let rounded = BorderCharacters(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                                 bottomLeft: "╰", bottomRight: "╯")
    /// `-|++++` for terminals or fonts without box drawing.
    public static let ascii = BorderCharacters(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                               bottomLeft: "+", bottomRight: "+")
}

/// A horizontal run of cells that changed between two frames, as produced by `ScreenBuffer.changes(since:)`.
///
/// A run never starts on the right half of a wide character and never ends on its left half,
/// so a backend can draw each run left to right on its own.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    /// Creates a run starting at `(x, y)`.
    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// An off-screen grid of `width × height` cells that widgets draw into and backends display.
///
/// Every drawing operation clips to the buffer: coordinates may be negative or beyond the edges.
/// Invariant: a continuation cell (`""`) always follows a cell holding a width-2 character.
public struct ScreenBuffer: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells; `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A buffer filled with spaces of `style`. Negative sizes become 0.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    /// A buffer of the given size.
    public init(size: Size, style: Style = .plain) { self.init(width: size.width, height: size.height, style: style) }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(width: width, height: height) }

    /// Whether `(x, y)` is inside the buffer.
    @inline(__always)
    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The cell at `(x, y)`; reading outside gives a blank cell, writing outside is ignored.
    /// Writing keeps wide characters consistent: a broken half becomes a space; only the first character
    /// of `content` is stored (control characters escaped to their first escape character).
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x: x, y: y) else { return }
            // Only the first glyph is kept (escaped), and a bare continuation becomes a space, to keep the invariant.
            let glyph = glyphs(of: newValue.content).first ?? Glyph(text: " ", width: 1)
            place(glyph.text, width: glyph.width, x: x, y: y, style: newValue.style)
        }
    }

    /// Resets every cell to a space of `style`.
    public mutating func clear(style: Style = .plain) {
        for i in cells.indices { cells[i] = Cell(" ", style: style) }
    }

    /// Fills the part of `rect` inside the buffer with `character` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let glyph = glyphs(of: String(character)).first ?? Glyph(text: " ", width: 1)
        if glyph.width == 1 {
            // Every cell of the row is overwritten: only wide characters cut by the edges need their other half blanked.
            let cell = Cell(glyph.text, style: style)
            for y in area.minY..<area.maxY {
                detachWide(x: area.minX, y: y)
                detachWide(x: area.maxX - 1, y: y)
                let start = y * width
                for x in area.minX..<area.maxX { cells[start + x] = cell }
            }
            return
        }
        for y in area.minY..<area.maxY {
            var x = area.minX
            while x < area.maxX {
                if glyph.width == 2 && x + 1 >= area.maxX {
                    place(" ", width: 1, x: x, y: y, style: style)  // half a wide char would spill out of the rect
                } else {
                    place(glyph.text, width: glyph.width, x: x, y: y, style: style)
                }
                x += glyph.width
            }
        }
    }

    /// Rewrites the style of every cell in `rect` (e.g. to reverse-video a selected row) keeping its content.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                cells[y * width + x].style = transform(cells[y * width + x].style)
            }
        }
    }

    /// Writes one line of text at `(x, y)` and returns the number of columns it advanced
    /// (so the next piece can go at `x + result`).
    ///
    /// Control characters are drawn visibly (`^[`, `^M`, `<9B>`); the text is cut at `maxWidth`
    /// columns and at the right edge. A wide character that does not fit entirely is replaced by a
    /// space, so wide characters are never split. Parts left of column 0 or outside the rows are clipped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let toEdge: Int
        if x >= width {
            toEdge = 0
        } else {
            let (difference, overflow) = width.subtractingReportingOverflow(x)
            toEdge = overflow ? Int.max : difference
        }
        let limit = min(maxWidth ?? Int.max, toEdge)
        guard limit > 0 else { return 0 }
        let rowVisible = y >= 0 && y < height
        if rowVisible && x >= 0 && isPrintableASCII(text) {
            // One byte, one cell: write the run directly, blanking only wide characters cut at its two ends.
            let count = min(text.utf8.count, limit)
            guard count > 0 else { return 0 }
            detachWide(x: x, y: y)
            detachWide(x: x + count - 1, y: y)
            var index = y * width + x
            for byte in text.utf8.prefix(count) {
                cells[index] = Cell(asciiCellText[Int(byte)], style: style)
                index += 1
            }
            return count
        }
        var column = 0
        for glyph in glyphs(of: text) {
            if column + glyph.width > limit {
                if column < limit {
                    if rowVisible && x + column >= 0 { place(" ", width: 1, x: x + column, y: y, style: style) }
                    column += 1
                }
                break
            }
            let cellX = x + column
            if rowVisible {
                if cellX >= 0 {
                    place(glyph.text, width: glyph.width, x: cellX, y: y, style: style)
                } else if cellX + glyph.width > 0 {
                    place(" ", width: 1, x: 0, y: y, style: style)  // right half of a wide char cut by the left edge
                }
            }
            column += glyph.width
        }
        return column
    }

    /// Writes `text` into exactly `width` columns: aligned and padded with spaces of `style`,
    /// or truncated with "…" when too long. Returns the columns written (`max(0, width)`, before clipping).
    @discardableResult
    public mutating func putTruncated(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain,
                                      alignment: TextAlignment = .left) -> Int {
        guard width > 0 else { return 0 }
        put(text.padded(toWidth: width, alignment: alignment), x: x, y: y, style: style, maxWidth: width)
        return width
    }

    /// Draws a border around `rect` with an optional title in the top edge (`┌ Title ───┐`).
    /// Rectangles smaller than 2×2 have no room for a border and are left untouched.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil,
                                 border: BorderCharacters = .unicode) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: border.horizontal, count: rect.width - 2)
        put(String(border.topLeft) + horizontal + String(border.topRight), x: rect.x, y: rect.y, style: style)
        put(String(border.bottomLeft) + horizontal + String(border.bottomRight), x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(String(border.vertical), x: rect.x, y: y, style: style)
            put(String(border.vertical), x: rect.maxX - 1, y: y, style: style)
        }
        if let title, !title.isEmpty, rect.width >= 5 {
            let shown = title.truncated(toWidth: rect.width - 4)
            put(" " + shown + " ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
    }

    /// Draws a horizontal rule of `border.horizontal` clipped to the buffer.
    public mutating func drawHorizontalLine(x: Int, y: Int, width: Int, style: Style = .plain,
                                            border: BorderCharacters = .unicode) {
        guard width > 0 else { return }
        put(String(repeating: border.horizontal, count: width), x: x, y: y, style: style, maxWidth: width)
    }

    /// Each row as plain text (wide characters once, continuation cells skipped), trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].content }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// All rows joined by newlines; handy for assertions.
    public var text: String { lines.joined(separator: "\n") }

    /// The runs of cells that differ from `previous`. With no previous frame, or one of another size,
    /// every row is one run (a full redraw). Runs are extended to include both halves of wide characters.
    public func changes(since previous: ScreenBuffer?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)])) }
        }
        var runs: [CellRun] = []
        var changed = Array(repeating: false, count: width)
        for y in 0..<height {
            let base = y * width
            var any = false
            for x in 0..<width {
                changed[x] = cells[base + x] != previous.cells[base + x]
                any = any || changed[x]
            }
            guard any else { continue }
            for x in 0..<width where changed[x] {
                if cells[base + x].isContinuation && x > 0 { changed[x - 1] = true }
            }
            for x in stride(from: width - 2, through: 0, by: -1) where changed[x] {
                if cells[base + x + 1].isContinuation { changed[x + 1] = true }
            }
            var x = 0
            while x < width {
                guard changed[x] else { x += 1; continue }
                let start = x
                while x < width && changed[x] { x += 1 }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(base + start)..<(base + x)])))
            }
        }
        return runs
    }

    /// Stores one glyph at an in-bounds position, repairing any wide character it partly overwrites.
    mutating func place(_ text: String, width glyphWidth: Int, x: Int, y: Int, style: Style) {
        guard contains(x: x, y: y) else { return }
        if glyphWidth == 2 && x + 1 >= width {
            place(" ", width: 1, x: x, y: y, style: style)
            return
        }
        detachWide(x: x, y: y)
        if glyphWidth == 2 { detachWide(x: x + 1, y: y) }
        cells[y * width + x] = Cell(text, style: style)
        if glyphWidth == 2 { cells[y * width + x + 1] = Cell("", style: style) }
    }

    /// Prepares `(x, y)` to be overwritten: the other half of a wide character there becomes a space.
    private mutating func detachWide(x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation && x > 0 { cells[index - 1].content = " " }
        if x + 1 < width && cells[index + 1].isContinuation { cells[index + 1].content = " " }
    }
}
