/// Why an operation did not happen. Every case means: nothing was changed.
public struct BackorderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The family of a failure; the CLI maps each to its own exit code.
    public enum Kind: String, Sendable, Equatable {
        /// The request itself is malformed: a bad quantity, an unknown SKU, a missing field.
        case invalidInput
        /// A named order, line, arrival or item does not exist.
        case notFound
        /// The request is well-formed but the current state does not allow it.
        case refused
        /// The request was built on a view of the data that has since changed.
        case stale
        /// The data file is missing, foreign, damaged, read-only or from a newer version.
        case dataFile
    }

    public var kind: Kind
    /// What went wrong, worded when the reader's language is known.
    public var text: LocalText

    /// What went wrong, in the process's language (`Localizer.process`).
    public var message: String { text.text(.process) }

    /// What went wrong, in a reader's language.
    public func message(_ l: Localizer) -> String { text.text(l) }

    public init(_ kind: Kind, _ text: LocalText) { self.kind = kind; self.text = text }
    /// An error whose words are the same in every language (a message from SQLite or the system).
    public init(_ kind: Kind, verbatim message: String) { self.kind = kind; self.text = .verbatim(message) }
    /// An error worded in English only; to be replaced by a catalogue message.
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.text = .verbatim(message) }

    public static func invalid(_ t: LocalText) -> BackorderError { .init(.invalidInput, t) }
    public static func notFound(_ t: LocalText) -> BackorderError { .init(.notFound, t) }
    public static func refused(_ t: LocalText) -> BackorderError { .init(.refused, t) }
    public static func stale(_ t: LocalText) -> BackorderError { .init(.stale, t) }
    public static func dataFile(_ t: LocalText) -> BackorderError { .init(.dataFile, t) }
    public static func invalid(_ m: String) -> BackorderError { .init(.invalidInput, m) }
    public static func notFound(_ m: String) -> BackorderError { .init(.notFound, m) }
    public static func refused(_ m: String) -> BackorderError { .init(.refused, m) }
    public static func stale(_ m: String) -> BackorderError { .init(.stale, m) }
    public static func dataFile(_ m: String) -> BackorderError { .init(.dataFile, m) }

    public var description: String { message }

    /// Equal when of the same kind and worded the same in English.
    public static func == (a: BackorderError, b: BackorderError) -> Bool {
        a.kind == b.kind && a.text.text(.en) == b.text.text(.en)
    }
}

/// Checks shared by every front end, so the CLI, the TUI and imports reject the same things with the same words.
public enum Validate {
    /// Largest quantity accepted in one request; beyond it a typo is far likelier than a real order.
    public static let maxQuantity = 1_000_000_000

    /// A positive quantity within bounds. (`what` is only worded when the check fails: an order checks every line.)
    /// `what` names the field: a `FieldText` (`.t(FieldText.quantity)`) reads in the reader's language, a String as given.
    public static func positive(_ q: Int, _ what: @autoclosure () -> any MessageArgument) throws {
        guard q > 0 else { throw BackorderError.invalid(.t(RuleText.notPositive, what(), Plain(q))) }
        guard q <= maxQuantity else { throw BackorderError.invalid(.t(RuleText.tooLarge, what(), Plain(q), maxQuantity)) }
    }

    /// A non-negative quantity within bounds.
    public static func nonNegative(_ q: Int, _ what: any MessageArgument) throws {
        guard q >= 0 else { throw BackorderError.invalid(.t(RuleText.negative, what, Plain(q))) }
        guard q <= maxQuantity else { throw BackorderError.invalid(.t(RuleText.tooLarge, what, Plain(q), maxQuantity)) }
    }

    /// Parses a quantity typed by a person: digits only, optional surrounding spaces.
    public static func parseQuantity(_ text: String, _ what: any MessageArgument) throws -> Int {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { throw BackorderError.invalid(.t(RuleText.quantityEmpty, what)) }
        guard t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else {
            throw BackorderError.invalid(.t(RuleText.notWholeNumber, what, t))
        }
        try nonNegative(n, what)
        return n
    }

    /// An identifier (SKU, order or PO number, customer code): 1–64 visible characters, no spaces or controls.
    public static func identifier(_ s: String, _ what: @autoclosure () -> any MessageArgument) throws {
        // Most identifiers are short printable ASCII: passed on their bytes, without Unicode categories (5 k instructions).
        if s.utf8.count <= 64 && !s.utf8.isEmpty && s.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return }
        let what = what()
        guard !s.isEmpty else { throw BackorderError.invalid(.t(RuleText.isEmpty, what)) }
        guard s.count <= 64 else { throw BackorderError.invalid(.t(RuleText.longerThan64, what)) }
        guard !s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "\u{7F}" })
        else { throw BackorderError.invalid(.t(RuleText.hasSpaces, what, String(s.debugDescription.dropFirst().dropLast()))) }
    }

    /// A free text (name, reason, supplier): up to 200 characters, no line breaks.
    public static func text(_ s: String, _ what: any MessageArgument, required: Bool = true) throws {
        if required && s.trimmingSpaces.isEmpty { throw BackorderError.invalid(.t(RuleText.isEmpty, what)) }
        guard s.count <= 200 else { throw BackorderError.invalid(.t(RuleText.longerThan200, what)) }
        guard !s.contains(where: { $0 == "\n" || $0 == "\r" }) else { throw BackorderError.invalid(.t(RuleText.hasLineBreak, what)) }
    }

    /// Longest lead time accepted, in days: ten years is a typo, not a supplier.
    public static let maxLeadTimeDays = 3_650

    /// A lead time in days: 0 (the same day) up to `maxLeadTimeDays`.
    public static func leadTime(_ days: Int) throws {
        guard (0...maxLeadTimeDays).contains(days) else {
            throw BackorderError.invalid(.t(RuleText.leadTimeRange, Plain(maxLeadTimeDays), Plain(days)))
        }
    }

    /// An order priority: 1 (most urgent) to 9.
    public static func priority(_ p: Int) throws {
        guard (1...9).contains(p) else { throw BackorderError.invalid(.t(RuleText.priorityRange, Plain(p))) }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
