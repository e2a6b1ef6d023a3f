/// A key press (or a terminal resize) delivered by a backend.
///
/// `ctrl` carries the lowercase letter: Ctrl-C is `.ctrl("c")`. Enter, Tab, Backspace and Esc have their
/// own cases even though terminals send them as control codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (never a control character).
    case char(Character)
    /// Ctrl plus a letter `a`…`z` (lowercase).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab
    case backspace, delete, insert
    /// F1…F*n*.
    case function(Int)
    /// The terminal changed size; redraw with the new size.
    case resize

    /// Short display name for help screens and key hint bars, e.g. "↑", "PgDn", "Ctrl-R", "Shift-Tab", "Space".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c).terminalSafe
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased().terminalSafe
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        }
    }

    /// Maps a raw terminal byte/code point (as read in raw mode) to a key:
    /// 10/13 → enter, 9 → tab, 27 → escape, 127/8 → backspace, 1…26 → ctrl letters, other controls → nil.
    public init?(codePoint: UInt32) {
        switch codePoint {
        case 10, 13: self = .enter
        case 9: self = .tab
        case 27: self = .escape
        case 127, 8: self = .backspace
        case 1...26: self = .ctrl(Character(Unicode.Scalar(UInt8(codePoint) + 0x60)))
        case 0..<32, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(codePoint) else { return nil }
            self = .char(Character(scalar))
        }
    }
}
