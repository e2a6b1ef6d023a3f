/// A calendar day, counted in days since 1970-01-01; the unit of order dates, ETAs and promised dates.
///
/// Pure arithmetic (no time zones, no Foundation), so every date rule is deterministic in tests.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// A day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A day from a proleptic Gregorian year, month (1–12) and day (1–31); nil when that day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year), (1...9999).contains(year)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible days like 2026-02-30.
    public init?(iso text: some StringProtocol) {
        var text = String(text)
        self.init(iso: &text)
    }

    /// Parses `YYYY-MM-DD` from a String (the common case: a column read from the store).
    ///
    /// Not generic: the generic version, called from another module, walked the bytes through witness tables at about
    /// a hundred instructions per byte, and a receipt parses thousands of dates.
    public init?(iso text: String) {
        var text = text
        self.init(iso: &text)
    }

    private init?(iso text: inout String) {
        guard let parsed = text.withUTF8({ Day.parse($0) }) else { return nil }
        self = parsed
    }

    /// Reads a day byte by byte: lists decode thousands of dates per screen, and splitting strings showed up in profiles.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var digits = (0, 0, 0)
        for i in 0..<10 where i != 4 && i != 7 {
            let byte = bytes[i]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let v = Int(byte - UInt8(ascii: "0"))
            if i < 4 { digits.0 = digits.0 * 10 + v } else if i < 7 { digits.1 = digits.1 * 10 + v } else { digits.2 = digits.2 * 10 + v }
        }
        return Day(year: digits.0, month: digits.1, day: digits.2)
    }

    /// The day containing a Unix time, seen from a time zone `utcOffsetSeconds` east of UTC.
    public init(unixTime: Int64, utcOffsetSeconds: Int = 0) {
        let local = unixTime + Int64(utcOffsetSeconds)
        self.ordinal = Int((local >= 0 ? local : local - 86_399) / 86_400)
    }

    /// Year, month and day of this day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    public var description: String { iso }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Whole days from `other` to this day.
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// A moment, in whole seconds since the Unix epoch (UTC); journal rows, shipments and receipts carry one.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let unixTime: Int64

    public init(unixTime: Int64) { self.unixTime = unixTime }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var iso: String {
        let day = Day(unixTime: unixTime)
        let secs = Int(unixTime - Int64(day.ordinal) * 86_400)
        return day.iso + "T" + pad(secs / 3600, 2) + ":" + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2) + "Z"
    }

    /// The local day of this moment in a zone `utcOffsetSeconds` east of UTC.
    public func day(utcOffsetSeconds: Int = 0) -> Day { Day(unixTime: unixTime, utcOffsetSeconds: utcOffsetSeconds) }

    public var description: String { iso }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.unixTime < b.unixTime }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int64.self) { unixTime = n; return }
        let text = try c.decode(String.self)
        guard text.count == 20, let day = Day(iso: text.prefix(10)),
              let h = Int(text.dropFirst(11).prefix(2)), let m = Int(text.dropFirst(14).prefix(2)),
              let sec = Int(text.dropFirst(17).prefix(2))
        else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a timestamp: \(text)")) }
        unixTime = Int64(day.ordinal) * 86_400 + Int64(h * 3600 + m * 60 + sec)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
