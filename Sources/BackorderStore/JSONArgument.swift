/// JSON arrays passed as one statement argument and unpacked with `json_each`: one statement writes many rows.
enum JSONArgument {
    /// `[1,2,3]`.
    static func ids(_ ids: some Sequence<Int64>) -> String {
        var out = "["
        for id in ids {
            if out.utf8.count > 1 { out += "," }
            out += String(id)
        }
        return out + "]"
    }

    /// `[[1,2],…]`: read with `json_extract(value, '$[0]')` and `'$[1]'`. Appended piece by piece: a receipt writes a
    /// thousand of these, and an interpolated string per element cost more than the statement that reads them.
    static func intPairs(_ pairs: some Sequence<(Int64, Int)>) -> String {
        var out = "["
        for (a, b) in pairs {
            if out.utf8.count > 1 { out += "," }
            out += "["; out += String(a); out += ","; out += String(b); out += "]"
        }
        return out + "]"
    }

    /// `["a","b"]`.
    static func strings(_ texts: some Sequence<String>) -> String {
        "[" + texts.map(quoted).joined(separator: ",") + "]"
    }

    /// `[[1,"text"],…]`: read with `json_extract(value, '$[0]')` and `'$[1]'`.
    static func pairs(_ pairs: some Sequence<(Int64, String)>) -> String {
        var out = "["
        for (id, text) in pairs {
            if out.utf8.count > 1 { out += "," }
            out += "["; out += String(id); out += ","; out += quoted(text); out += "]"
        }
        return out + "]"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        // Dates and event names never need escaping: skip the per-character walk.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) { return "\"" + text + "\"" }
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
