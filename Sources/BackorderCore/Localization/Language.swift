/// A language a person reads: every screen, message and customer paper is written in one of these.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    /// English; the fallback when nothing else is asked for.
    case en
    /// Norwegian Bokmål, the language of the warehouses this tool is written for.
    case nb

    /// Reads `nb`, `no`, `nn`, `en` and their regional forms (`nb_NO`, `nb-NO.UTF-8`); nil for anything else.
    public init?(code: String) {
        let lower = code.lowercased()
        let base = lower.prefix { $0.isLetter }
        switch base {
        case "nb", "no", "nn", "norsk", "bokmål", "bokmal": self = .nb
        case "en", "english", "engelsk": self = .en
        default: return nil
        }
    }

    /// The language's own name, as a person chooses it from a list.
    public var nativeName: String {
        switch self {
        case .en: return "English"
        case .nb: return "norsk bokmål"
        }
    }

    /// The language after this one, for a key that switches between them.
    public var next: Language {
        let all = Language.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The language a process should speak: `--lang`, else `BACKORDERS_LANG`, else the locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), else English.
    ///
    /// A `--lang` or `BACKORDERS_LANG` that names no known language is an error: the person asked for something.
    public static func resolve(flag: String?, environment: [String: String]) throws -> Language {
        if let flag {
            guard let l = Language(code: flag) else { throw BackorderError.invalid(.t(CoreText.unknownLanguage, flag)) }
            return l
        }
        if let env = environment["BACKORDERS_LANG"], !env.isEmpty {
            guard let l = Language(code: env) else {
                throw BackorderError.invalid(.t(CoreText.unknownLanguageVariable, env))
            }
            return l
        }
        // POSIX: the first of LC_ALL, LC_MESSAGES, LANG that is set and non-empty decides.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[name], !v.isEmpty { return Language(code: v) ?? .en }
        }
        return .en
    }

    /// The value of `--lang` in a command line (`--lang nb` or `--lang=nb`), if given.
    public static func flag(in arguments: [String]) -> String? {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return nil }
            if a == "--lang", i + 1 < arguments.count { return arguments[i + 1] }
            if a.hasPrefix("--lang=") { return String(a.dropFirst("--lang=".count)) }
            i += 1
        }
        return nil
    }
}

/// Writes numbers, dates, plurals and catalogue messages in one language.
public struct Localizer: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let en = Localizer(.en)
    public static let nb = Localizer(.nb)

    /// The language of this process (the CLI's output, error messages); the UI keeps its own in its state.
    /// Set once at start-up, before any output; a test that changes it puts it back.
    nonisolated(unsafe) public static var process = Localizer(.en)

    /// A catalogue message with its arguments filled in.
    public func callAsFunction<K: Catalogued>(_ key: K, _ args: any MessageArgument...) -> String {
        Template.render(key.template(language), args, self)
    }

    /// A catalogue message with its arguments filled in (arguments as an array).
    public func text<K: Catalogued>(_ key: K, _ args: [any MessageArgument]) -> String {
        Template.render(key.template(language), args, self)
    }

    /// A whole number as people read it: `12 345` in Norwegian (a no-break space between groups), `12,345` in English.
    public func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 || (language == .nb && digits.count > 3) else { return n < 0 ? "-" + digits : digits }
        let separator: Character = language == .nb ? "\u{00A0}" : ","
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A decimal number with a fixed number of digits after the point: `1 234,5` in Norwegian, `1,234.5` in English.
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var out = number(whole)
        if digits > 0 {
            var f = String(fraction)
            while f.count < digits { f = "0" + f }
            out += (language == .nb ? "," : ".") + f
        }
        return value < 0 && scaled > 0 ? "-" + out : out
    }

    /// A day as people read it: `14.12.2026` in Norwegian, `2026-12-14` in English. (JSON and CSV always use ISO.)
    public func day(_ d: Day) -> String {
        switch language {
        case .en: return d.iso
        case .nb:
            let iso = d.iso
            guard iso.count == 10 else { return iso }
            let chars = Array(iso)
            return String(chars[8...9]) + "." + String(chars[5...6]) + "." + String(chars[0...3])
        }
    }

    /// The singular or plural form for a count: both languages use the singular for exactly one.
    public func plural(_ count: Int, _ one: String, _ other: String) -> String { count == 1 ? one : other }
}
