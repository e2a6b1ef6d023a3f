/// JSON arrays passed as one statement argument and unpacked with `json_each`: one statement writes many rows.
enum JSONArgument {
    /// `[1,2,3]`.
    static func ids(_ ids: some Sequence<Int64>) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// `["a","b"]`.
    static func strings(_ texts: some Sequence<String>) -> String {
        "[" + texts.map(quoted).joined(separator: ",") + "]"
    }

    /// `[[1,"text"],…]`: read with `json_extract(value, '$[0]')` and `'$[1]'`.
    static func pairs(_ pairs: some Sequence<(Int64, String)>) -> String {
        "[" + pairs.map { "[\($0.0),\(quoted($0.1))]" }.joined(separator: ",") + "]"
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
