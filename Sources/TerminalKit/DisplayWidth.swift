// Terminal display width and control-character escaping, in pure Swift.
//
// The rules are deterministic (they do not depend on the C locale) and follow what
// glibc's wcwidth reports for a UTF-8 locale closely enough for the backend to keep
// columns aligned:
// - East Asian Wide/Fullwidth characters and emoji with default emoji presentation: 2 columns.
// - Combining marks (Mn, Me) and Hangul medial/final jamo: 0 columns (they join the previous glyph).
// - Format characters (Cf, e.g. bidi overrides, zero-width space): dropped, except ZWJ/ZWNJ,
//   because invisible bidi controls can visually reorder data ("Trojan Source").
// - Control characters are rendered visibly and never reach the terminal:
//   C0 (U+0000–U+001F) as caret notation `^@`…`^_` (ESC is `^[`, CR is `^M`, TAB is `^I`),
//   DEL (U+007F) as `^?`, and C1 (U+0080–U+009F) as `<80>`…`<9F>` (hex, like `less`).
// - Everything else: 1 column.

/// Horizontal alignment of text inside a fixed width.
public enum TextAlignment: Sendable, Hashable {
    case left, right, center
}

/// One visible unit placed into a cell: a grapheme cluster (possibly an escape character) and its width (1 or 2).
struct Glyph: Equatable {
    var text: String
    var width: Int
}

/// Ranges of East Asian Wide (W) and Fullwidth (F) code points (Unicode 15), emoji excluded.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF,
    0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
]

/// Whether a scalar is a C0/DEL/C1 control character that must be escaped.
@inline(__always)
func isTerminalControl(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value)
}

/// The visible escape for a control scalar: caret notation for C0/DEL, `<XX>` for C1.
func controlEscape(_ value: UInt32) -> String {
    if value == 0x7F { return "^?" }
    if value < 0x20 { return "^" + String(Character(Unicode.Scalar(UInt8(value + 0x40)))) }
    let hex = String(value, radix: 16, uppercase: true)
    return "<" + (hex.count < 2 ? "0" + hex : hex) + ">"
}

/// Width class of a single scalar: 0 (joins previous glyph), 1, 2, or nil (dropped: format char).
func scalarWidth(_ scalar: Unicode.Scalar) -> Int? {
    let value = scalar.value
    if value < 0x7F { return 1 }  // printable ASCII; controls are handled before this is called
    if value == 0x00AD { return 1 }  // soft hyphen: glibc gives it a column, so must we
    if value == 0x200C || value == 0x200D { return 0 }  // ZWNJ/ZWJ shape emoji and scripts, keep them
    if (0x1160...0x11FF).contains(value) { return 0 }  // conjoining jamo render inside the leading syllable
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format: return nil
    default: break
    }
    if (0x1F1E6...0x1F1FF).contains(value) { return 1 }  // regional indicators: wcwidth says 1
    if wideRanges.contains(where: { $0.contains(value) }) { return 2 }
    if value >= 0x231A && scalar.properties.isEmojiPresentation { return 2 }
    return 1
}

/// Display width of one character in terminal columns.
///
/// Wide/fullwidth (CJK, emoji presentation) characters are 2, combining marks and invisible
/// format characters 0, everything else 1. Control characters count as their visible escape
/// (2 for C0/DEL such as `^[`, 4 for C1 such as `<9B>`), which is exactly what `ScreenBuffer.put` draws.
public func displayWidth(of character: Character) -> Int {
    glyphs(of: String(character)).reduce(0) { $0 + $1.width }
}

/// Each ASCII byte as a one-character string, built once: the common case of every screen makes no new strings.
let asciiCellText: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

/// Printable ASCII bytes as glyphs, built once.
private let asciiGlyphs: [Glyph] = asciiCellText.map { Glyph(text: $0, width: 1) }

/// Whether every byte is printable ASCII (U+0020–U+007E): one byte, one glyph, one column.
@inline(__always)
func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}

/// Scalars that are always one narrow grapheme on their own: printable ASCII, Latin-1 letters and signs (not the soft
/// hyphen), general punctuation such as `…` and `–`, arrows, box drawing and block elements. None combines, joins or
/// is wide, so text made only of these needs no grapheme breaking.
@inline(__always)
func isSimpleNarrow(_ value: UInt32) -> Bool {
    (0x20..<0x7F).contains(value) || ((0xA0...0xFF).contains(value) && value != 0xAD)
        || (0x2010...0x2027).contains(value) || (0x2190...0x21FF).contains(value) || (0x2500...0x259F).contains(value)
}

/// Splits text into the glyphs `ScreenBuffer` places into cells, escaping control characters.
func glyphs<S: StringProtocol>(of text: S) -> [Glyph] {
    // Grapheme breaking costs more than the rest of a frame; plain ASCII (most of every screen) needs none.
    if isPrintableASCII(text) { return text.utf8.map { asciiGlyphs[Int($0)] } }
    // Borders, rules, ellipses and Latin letters: one scalar, one narrow glyph, never joined to a neighbour.
    if text.unicodeScalars.allSatisfy({ isSimpleNarrow($0.value) }) {
        return text.unicodeScalars.map { Glyph(text: String($0), width: 1) }
    }
    return graphemeGlyphs(of: text)
}

/// The general case of `glyphs(of:)`: grapheme clusters, widths and escapes; the fast paths must agree with it.
func graphemeGlyphs<S: StringProtocol>(of text: S) -> [Glyph] {
    var result: [Glyph] = []
    result.reserveCapacity(text.utf8.count)

    func append(_ scalars: some Sequence<Unicode.Scalar>) {
        var cluster = String.UnicodeScalarView()
        var width = -1
        for scalar in scalars {
            guard let w = scalarWidth(scalar) else { continue }
            if width < 0 { width = w }
            cluster.append(scalar)
        }
        guard width >= 0 else { return }
        if width == 0 {
            // A lone combining mark joins the previous glyph; at the start of the text it has no base and is dropped.
            if !result.isEmpty { result[result.count - 1].text.unicodeScalars.append(contentsOf: cluster) }
            return
        }
        result.append(Glyph(text: String(cluster), width: width))
    }

    for character in text {
        if character.isASCII, let value = character.asciiValue, !isTerminalControl(UInt32(value)) {
            result.append(Glyph(text: String(character), width: 1))
            continue
        }
        let scalars = character.unicodeScalars
        if scalars.contains(where: { isTerminalControl($0.value) }) {
            // Clusters such as "\r\n" or ESC + mark are taken apart so every control is escaped on its own.
            for scalar in scalars {
                if isTerminalControl(scalar.value) {
                    for c in controlEscape(scalar.value) { result.append(Glyph(text: String(c), width: 1)) }
                } else {
                    append(CollectionOfOne(scalar))
                }
            }
        } else {
            append(scalars)
        }
    }
    return result
}

extension Array where Element == Glyph {
    var totalWidth: Int { reduce(0) { $0 + $1.width } }
    var joined: String { map(\.text).joined() }
}

extension StringProtocol {
    /// Width in terminal columns as `ScreenBuffer.put` would draw it (control characters escaped).
    public var displayWidth: Int { isPrintableASCII(self) ? utf8.count : glyphs(of: self).totalWidth }

    /// The text with every control character replaced by its visible escape (`^[`, `^M`, `^?`, `<9B>`)
    /// and invisible format characters removed. Idempotent, and safe to send to a terminal.
    public var terminalSafe: String { glyphs(of: self).joined }

    /// The (escaped) text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    /// A wide character is never split.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        if isPrintableASCII(self) && utf8.count <= width { return String(self) }
        let all = glyphs(of: self)
        if all.totalWidth <= width { return all.joined }
        guard width > 0 else { return "" }
        let tail = glyphs(of: ellipsis)
        let room = width - tail.totalWidth
        guard room >= 0 else { return glyphPrefix(all, width: width).joined }
        return (glyphPrefix(all, width: room) + tail).joined
    }

    /// The (escaped) text truncated with "…" or padded with spaces to exactly `width` columns.
    /// When a wide character cannot fill the last column, a space does.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let text = truncated(toWidth: width)
        let gap = width - text.displayWidth
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// Word-wraps the (escaped) text into lines of at most `width` columns.
    ///
    /// Newlines (`\n`, `\r\n`) start a new line; runs of spaces between words collapse to one;
    /// words longer than a line are broken between characters. Returns `[]` when `width <= 0`.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        let paragraphs = self.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for paragraph in paragraphs {
            var current: [Glyph] = []
            var currentWidth = 0
            let words = glyphs(of: paragraph).split(whereSeparator: { $0.text == " " })
            if words.isEmpty { lines.append(""); continue }
            for wordSlice in words {
                var word = Array(wordSlice)
                var wordWidth = word.totalWidth
                if currentWidth > 0 && currentWidth + 1 + wordWidth <= width {
                    current.append(Glyph(text: " ", width: 1))
                    current += word
                    currentWidth += 1 + wordWidth
                    continue
                }
                if currentWidth > 0 { lines.append(current.joined) }
                // Hard-break words that cannot fit on a line of their own.
                while wordWidth > width {
                    let head = glyphPrefix(word, width: width)
                    let taken = head.isEmpty ? 1 : head.count  // a wide char in a 1-column line still advances
                    lines.append(head.isEmpty ? " " : head.joined)
                    word.removeFirst(taken)
                    wordWidth = word.totalWidth
                }
                current = word
                currentWidth = wordWidth
            }
            if !current.isEmpty { lines.append(current.joined) }
        }
        return lines
    }
}

/// The longest prefix of `glyphs` that fits into `width` columns.
func glyphPrefix(_ glyphs: [Glyph], width: Int) -> [Glyph] {
    var used = 0
    var count = 0
    for glyph in glyphs {
        if used + glyph.width > width { break }
        used += glyph.width
        count += 1
    }
    return Array(glyphs.prefix(count))
}
