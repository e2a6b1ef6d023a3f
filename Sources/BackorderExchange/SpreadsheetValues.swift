import BackorderCore

/// Whole numbers as spreadsheets write them, in English or Norwegian: `12`, `12,0`, `12.00`, `1 000`, `1.000,0`,
/// `1,000.00`, `12.345.678`.
///
/// The rules, in order:
/// - spaces (also no-break and narrow no-break) between digits group thousands: each group after the first has 3 digits;
/// - when both `.` and `,` appear, the last one is the decimal mark and the other groups thousands;
/// - one mark appearing twice or more groups thousands (`1.000.000`);
/// - one mark appearing once is a decimal mark, except that `1.000` and `1,000` (1–3 digits, the mark, 3 digits) read as
///   a thousand in one country and as one in another: they are refused as ambiguous;
/// - decimals must be zeros (`12,0` is 12; `12,5` is refused: quantities are whole units); negatives are refused.
enum WholeNumber: Equatable {
    case value(Int)
    /// Why the text is not a whole number; the message takes the text as its argument.
    case problem(ImportText)

    static func parse(_ t: String) -> WholeNumber {
        guard !t.isEmpty else { return .problem(.numberEmpty) }
        if t.hasPrefix("-") || t.hasPrefix("\u{2212}") { return .problem(.numberNegative) }
        let isDigit = { (c: Character) in c.isASCII && c.isNumber }
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]
        guard let first = t.first, isDigit(first), t.allSatisfy({ isDigit($0) || $0 == "," || $0 == "." || spaces.contains($0) }) else {
            return .problem(.notAWholeNumber)
        }
        let hasSpace = t.contains { spaces.contains($0) }
        let dots = t.count { $0 == "." }, commas = t.count { $0 == "," }
        var thousands: Character?
        var decimal: Character?
        if hasSpace {
            // Spaces group; at most one `.` or `,` is then a decimal mark.
            guard dots + commas <= 1 else { return .problem(.notAWholeNumber) }
            decimal = dots == 1 ? "." : commas == 1 ? "," : nil
        } else if dots > 0 && commas > 0 {
            let last = t.last { $0 == "." || $0 == "," }!
            decimal = last
            thousands = last == "." ? "," : "."
            guard t.count(where: { $0 == last }) == 1 else { return .problem(.notAWholeNumber) }
        } else if dots + commas >= 2 {
            thousands = dots > 0 ? "." : ","
        } else if dots + commas == 1 {
            decimal = dots == 1 ? "." : ","
        }
        // Split off the decimals, then check the grouping of the whole part.
        var whole = Substring(t)
        var fraction: Substring = ""
        if let decimal, let at = t.lastIndex(of: decimal) {
            whole = t[..<at]
            fraction = t[t.index(after: at)...]
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return .problem(.notAWholeNumber) }
        }
        let groupMark: ((Character) -> Bool)? = hasSpace ? { spaces.contains($0) } : thousands.map { mark in { $0 == mark } }
        var digits = ""
        if let groupMark {
            let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: groupMark)
            guard let lead = groups.first, (1...3).contains(lead.count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.allSatisfy(isDigit) }) else { return .problem(.notAWholeNumber) }
            digits = groups.joined()
        } else {
            guard whole.allSatisfy(isDigit) else { return .problem(.notAWholeNumber) }
            digits = String(whole)
        }
        if thousands == nil, !hasSpace, fraction.count == 3, (1...3).contains(whole.count), whole.first != "0" {
            // "1.000" and "1,000" read as a thousand in one country and as one in another: refuse to guess.
            return .problem(.ambiguousSeparator)
        }
        guard fraction.allSatisfy({ $0 == "0" }) else { return .problem(.notWholeUnits) }
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 12 else { return .problem(.numberTooLarge) }
        return .value(Int(significant) ?? 0)
    }
}

/// Days as spreadsheets write them: ISO `2026-11-03`, or the Nordic `03.11.2026` and `3.11.2026`.
enum SpreadsheetDay {
    static func parse(_ t: String) -> Day? {
        if let d = Day(iso: t) { return d }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

/// Ship policies as a file may write them, in English or Norwegian; nil for anything else.
enum SpreadsheetPolicy {
    static func parse(_ t: String) -> ShipPolicy? {
        if let p = ShipPolicy(rawValue: t) { return p }
        switch Folding.key(t) {
        case "", "partial", "dellevering", "delvis", "del", "ja", "yes": return .partial
        case "complete", "komplett", "samlet", "samlevering", "hel", "nei", "no": return .complete
        default: return nil
        }
    }
}
