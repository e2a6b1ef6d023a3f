/// A set of messages in every language, one enum case per message: the compiler sees to it that no message lacks a
/// language, and `Catalogue.problems` checks that the languages agree on their placeholders.
///
/// Templates use `{0}`, `{1}`… for arguments (a translation may reorder them) and `{0|unit|units}` for the form
/// that agrees with argument 0's count. Numbers and days are written in the reader's language.
public protocol Catalogued: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    /// The English and the Norwegian Bokmål template, side by side so a translator reads them together.
    var texts: (en: String, nb: String) { get }
}

extension Catalogued {
    /// The template in one language.
    public func template(_ language: Language) -> String {
        let t = texts
        switch language {
        case .en: return t.en
        case .nb: return t.nb
        }
    }
}

/// A value a message can carry: written in the reader's language when the message is.
public protocol MessageArgument: Sendable {
    /// The value as text in the reader's language.
    func text(_ l: Localizer) -> String
    /// The count a plural form agrees with, if the value is one.
    var pluralCount: Int? { get }
}

extension MessageArgument {
    public var pluralCount: Int? { nil }
}

extension Int: MessageArgument {
    public func text(_ l: Localizer) -> String { l.number(self) }
    public var pluralCount: Int? { self }
}

extension Int64: MessageArgument {
    public func text(_ l: Localizer) -> String { l.number(Int(self)) }
    public var pluralCount: Int? { Int(self) }
}

extension String: MessageArgument {
    public func text(_ l: Localizer) -> String { self }
}

extension Substring: MessageArgument {
    public func text(_ l: Localizer) -> String { String(self) }
}

extension Day: MessageArgument {
    public func text(_ l: Localizer) -> String { l.day(self) }
}

/// A number that is an identifier (a line or shipment number, a year): written without grouping.
public struct Plain: MessageArgument {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public func text(_ l: Localizer) -> String { String(value) }
    public var pluralCount: Int? { value }
}

/// A text that is written when its reader's language is known: an error made deep in the store, read on a
/// Norwegian screen, is worded in Norwegian there and in English in an English script's output.
public struct LocalText: Sendable, MessageArgument, CustomStringConvertible {
    private let make: @Sendable (Localizer) -> String

    /// A text worded by a function of the reader's language.
    public init(_ make: @escaping @Sendable (Localizer) -> String) { self.make = make }

    /// A catalogue message with its arguments.
    public static func t<K: Catalogued>(_ key: K, _ args: any MessageArgument...) -> LocalText {
        LocalText { l in l.text(key, args) }
    }

    /// A text that is the same in every language: a name, a SKU, a message from SQLite or the system.
    public static func verbatim(_ s: String) -> LocalText { LocalText { _ in s } }

    /// The text in one language.
    public func text(_ l: Localizer) -> String { make(l) }

    /// The text in the process's language.
    public var description: String { make(.process) }

    /// Two texts, one after the other.
    public static func + (a: LocalText, b: LocalText) -> LocalText { LocalText { l in a.text(l) + b.text(l) } }
}

/// Fills a template's placeholders.
enum Template {
    static func render(_ template: String, _ args: [any MessageArgument], _ l: Localizer) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { out += rest[open...]; return out }
            let inside = rest[rest.index(after: open)..<close]
            out += fill(inside, args, l)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private static func fill(_ inside: Substring, _ args: [any MessageArgument], _ l: Localizer) -> String {
        let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
        guard let index = Int(parts[0]), index >= 0, index < args.count else { return "{" + inside + "}" }
        if parts.count == 3 {
            let count = args[index].pluralCount ?? 0
            return String(count == 1 ? parts[1] : parts[2])
        }
        return args[index].text(l)
    }

    /// The placeholders a template uses: `0`, `1`, and `0|` for a plural choice on argument 0.
    static func placeholders(_ template: String) -> [String] {
        var found: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
            found.append(parts.count == 3 ? parts[0] + "|" : String(parts[0]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}

/// Checks a catalogue the way a translator's reviewer would.
public enum Catalogue {
    /// What is wrong with a catalogue: an empty text, a placeholder one language uses and the other lacks, a plural
    /// choice without two forms, or a Norwegian text left in English (unless the key is listed as the same in both).
    public static func problems<K: Catalogued>(_ catalogue: K.Type, sameInBoth: Set<String> = []) -> [String] {
        var problems: [String] = []
        for key in K.allCases {
            let (en, nb) = key.texts
            let name = "\(K.self).\(key.rawValue)"
            if en.isEmpty || nb.isEmpty { problems.append("\(name): an empty text") }
            let pe = Set(Template.placeholders(en).filter { !$0.hasSuffix("|") })
            let pn = Set(Template.placeholders(nb).filter { !$0.hasSuffix("|") })
            if pe != pn { problems.append("\(name): placeholders differ: en \(pe.sorted()) nb \(pn.sorted())") }
            for t in [en, nb] {
                for p in Template.placeholders(t) where Int(p.replacingOccurrences("|", with: "")) == nil {
                    problems.append("\(name): a placeholder that is not a number: {\(p)}")
                }
            }
            if en == nb, en.contains(where: { $0.isLetter }), en.count > 3, !sameInBoth.contains(key.rawValue) {
                problems.append("\(name): the Norwegian text is the English one")
            }
        }
        return problems
    }
}

extension String {
    fileprivate func replacingOccurrences(_ a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
