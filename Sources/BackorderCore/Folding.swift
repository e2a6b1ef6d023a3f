/// Text folded for matching what people write by hand: case, Nordic letters and accents do not count.
///
/// Pure Swift (no Foundation in the core): the accents are those of the languages the warehouse meets.
public enum Folding {
    /// Lowercased, æ → ae, ø → o, å → a, other accents dropped, runs of spaces made one:
    /// `"Tromsø  Jern & STÅL AS"` → `"tromso jern & stal as"`.
    public static func loose(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for c in text.lowercased() {
            if c.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out += plain(c)
        }
        return out
    }

    /// Only the letters and digits of `loose`: `"Ordre-nr."` → `"ordrenr"`, `"E-post"` → `"epost"`, `"lead_time"` →
    /// `"leadtime"`. Header names are compared this way.
    public static func key(_ text: String) -> String {
        String(loose(text).filter { $0.isLetter || $0.isNumber })
    }

    /// One lowercased character without its accent.
    static func plain(_ c: Character) -> String {
        guard !c.isASCII else { return String(c) }
        switch c {
        case "æ", "ä": return c == "æ" ? "ae" : "a"
        case "ø", "ö", "ò", "ó", "ô", "õ": return "o"
        case "å", "à", "á", "â", "ã": return "a"
        case "é", "è", "ê", "ë": return "e"
        case "í", "ì", "î", "ï": return "i"
        case "ú", "ù", "û", "ü": return "u"
        case "ý", "ÿ": return "y"
        case "ç": return "c"
        case "ñ": return "n"
        case "ß": return "ss"
        default: return String(c)
        }
    }
}
