/// Days as a person types them into a dialog or a command: ISO, the Norwegian way, or relative to today.
extension Day {
    /// A typed day: `2026-12-14`, `14.12.2026`, `4.1.2027`, `14.12.26`, `14.12` (this year), `today` / `i dag`,
    /// `+N` / `-N` days from today; nil for anything else (including days that do not exist, like 30.02.2026).
    public static func parse(typed text: String, today: Day) -> Day? {
        let t = text.trimmingSpaces
        let lower = t.lowercased()
        if ["today", "i dag", "idag"].contains(lower) { return today }  // not prose: words a clerk types
        if let d = Day(iso: t) { return d }
        if let f = t.first, f == "+" || f == "-", t.count > 1, t.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
           let n = Int(t.dropFirst()), n <= 36_500 {
            return today.adding(days: f == "-" ? -n : n)
        }
        return dotted(t, today: today)
    }

    /// A typed day, or an error that says what is accepted, in the reader's language.
    public static func typed(_ text: String, today: Day) throws -> Day {
        guard let d = parse(typed: text, today: today) else {
            throw BackorderError.invalid(.t(DayInputText.notADay, text.trimmingSpaces))
        }
        return d
    }

    /// `d.m.yyyy`, `dd.mm.yy` (20yy) or `d.m` (the year of `today`), as Norwegians write a day.
    private static func dotted(_ t: String, today: Day) -> Day? {
        var parts = t.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 2, parts.last?.isEmpty == true { parts.removeLast() }  // "14.12." and "14.12.2026."
        guard parts.count == 2 || parts.count == 3 else { return nil }
        func number(_ s: Substring, _ lengths: ClosedRange<Int>) -> Int? {
            guard lengths.contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        guard let day = number(parts[0], 1...2), let month = number(parts[1], 1...2) else { return nil }
        var year = today.components.year
        if parts.count >= 3 {
            if parts[2].count == 4, let y = number(parts[2], 4...4) { year = y }
            else if parts[2].count == 2, let y = number(parts[2], 2...2) { year = 2000 + y }
            else { return nil }
        }
        return Day(year: year, month: month, day: day)
    }
}

/// What a dialog says about a day it could not read.
public enum DayInputText: String, Catalogued {
    case notADay, accepted

    public var texts: (en: String, nb: String) {
        switch self {
        case .notADay: return ("\"{0}\" is not a day: use YYYY-MM-DD, today, +N or -N",
                               "«{0}» er ikke en dato: skriv dd.mm.åååå, i dag, +N eller -N")
        case .accepted: return ("YYYY-MM-DD, +N days, -N, today", "dd.mm.åååå, +N dager, -N, i dag")
        }
    }
}
