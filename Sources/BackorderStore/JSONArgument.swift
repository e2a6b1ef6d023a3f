/// JSON arrays passed as one statement argument and unpacked with `json_each`: one statement writes many rows.
enum JSONArgument {
    /// `[1,2,3]`. Written as bytes: a receipt lists a thousand ids three times, and a String per id cost 900 instructions.
    static func ids(_ ids: some Sequence<Int64>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(2 + ids.underestimatedCount * 8)
        for id in ids {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            appendDecimal(id, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `n` in decimal ASCII digits.
    static func appendDecimal(_ n: Int64, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so Int64.min has one too.
        var m = n.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes[start...].reverse()
    }

    /// `["a","b"]`.
    static func strings(_ texts: some Sequence<String>) -> String {
        "[" + texts.map(quoted).joined(separator: ",") + "]"
    }

    /// `[[1,"text"],…]`: read with `json_extract(value, '$[0]')` and `'$[1]'`.
    static func pairs(_ pairs: some Sequence<(Int64, String)>) -> String {
        var rows = JSONRows()
        for (id, text) in pairs { rows.row(); rows.int(id); rows.string(text) }
        return rows.json
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

/// A JSON array of arrays built piece by piece, for statements that unpack it with `json_each` and `json_extract`.
///
/// An interpolated string per element cost tens of thousands of instructions (more than the statement reading it).
struct JSONRows {
    private var text = "["
    private var rows = 0
    private var fields = 0

    /// Starts the next inner array.
    mutating func row() {
        text += rows == 0 ? "[" : "],["
        rows += 1
        fields = 0
    }

    mutating func int(_ value: some BinaryInteger) {
        separate()
        text += String(value)
    }

    mutating func string(_ value: String) {
        separate()
        text += JSONArgument.quoted(value)
    }

    private mutating func separate() {
        if fields > 0 { text += "," }
        fields += 1
    }

    /// The finished array: `[[…],[…]]`, or `[]` when no row was started.
    var json: String { rows == 0 ? "[]" : text + "]]" }
}
