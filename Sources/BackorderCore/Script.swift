/// A warehouse told as a story: a readable text of operations (items, customers, orders, picks, shipments, arrivals,
/// receipts) that replays through the real operations. The sample warehouse is written in it.
///
/// One command per line; `#` starts a comment; words are separated by spaces and "double quotes" hold spaces
/// (`""` inside quotes is a quote). Days are `YYYY-MM-DD` or relative to the replay's today: `d-30`, `d+5`, `d`.
public enum ScriptCommand: Equatable, Sendable {
    /// `at DAY [HH:MM]` — the clock for the following commands.
    case at(DayRef, minutes: Int)
    /// `as USER` — who does the following commands.
    case actor(String)
    /// `item SKU "name" [unit=] [bin=] [stock=] [moq=] [pack=] [supplier="…"] [lead=DAYS]`
    case item(sku: String, name: String, unit: String, bin: String, stock: Int, moq: Int, pack: Int, supplier: String, leadTime: Int?)
    /// `customer CODE "name" [lang=nb|en] [email=…] [contact="…"]`
    case customer(Customer)
    /// `arrival PO/LINE SKU QTY eta=DAY supplier="…"`
    case arrival(po: String, line: Int, sku: String, quantity: Int, eta: DayRef, supplier: String)
    /// `order NUMBER CUSTOMER [date=DAY] [prio=N] [policy=partial|complete] SKU:QTY…`
    case order(number: String, customer: String, date: DayRef?, priority: Int, policy: ShipPolicy, lines: [NewOrderLine])
    /// `pick ORDER [LINE=QTY…] [short]` — without lines everything allocated; with `short` the rest of each named line was missing.
    case pick(order: String, lines: [(lineNo: Int, quantity: Int)], short: Bool)
    /// `ship ORDER [override]`
    case ship(order: String, override: Bool)
    /// `receive PO/LINE QTY` or `receive SKU QTY unplanned`
    case receive(reference: String, quantity: Int, unplanned: Bool)
    /// `eta PO/LINE DAY ["reason"]`
    case eta(reference: String, day: DayRef, reason: String)
    /// `cancel ORDER [line=N] "reason"`
    case cancel(order: String, line: Int?, reason: String)
    /// `count SKU QTY "reason"`
    case count(sku: String, quantity: Int, reason: String)

    public static func == (a: ScriptCommand, b: ScriptCommand) -> Bool { String(describing: a) == String(describing: b) }
}

/// A day in a script: absolute, or an offset from the replay's today.
public enum DayRef: Equatable, Sendable {
    case absolute(Day)
    case relative(Int)

    /// The day this names, seen from `today`.
    public func resolve(today: Day) -> Day {
        switch self {
        case .absolute(let d): return d
        case .relative(let n): return today.adding(days: n)
        }
    }

    /// Parses `YYYY-MM-DD`, `d`, `d+N` or `d-N`.
    public static func parse(_ s: some StringProtocol) -> DayRef? {
        if let d = Day(iso: s) { return .absolute(d) }
        guard s.first == "d" else { return nil }
        let rest = s.dropFirst()
        if rest.isEmpty { return .relative(0) }
        guard let sign = rest.first, sign == "+" || sign == "-", let n = Int(rest.dropFirst()), n >= 0 else { return nil }
        return .relative(sign == "-" ? -n : n)
    }
}

/// A script line that could not be read.
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
    public var description: String { Localizer.process(ScriptText.scriptLine, Plain(line), message) }
}

public enum Script {
    /// Parses a whole script; every bad line is reported (not just the first), and nothing is returned then.
    public static func parse(_ text: String) throws(ScriptParseFailure) -> [(line: Int, command: ScriptCommand)] {
        var out: [(Int, ScriptCommand)] = []
        var errors: [ScriptError] = []
        // Split on scalars: "\r\n" is a single Character, so a Character split would miss Windows line ends.
        for (i, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            do {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: raw.filter { $0 != "\r" })
                let words = try tokenize(String(scalars))
                guard !words.isEmpty else { continue }
                out.append((i + 1, try command(words)))
            } catch let message as ScriptMessage {
                errors.append(ScriptError(line: i + 1, message: message.text))
            } catch {
                errors.append(ScriptError(line: i + 1, message: "\(error)"))
            }
        }
        if !errors.isEmpty { throw ScriptParseFailure(errors: errors) }
        return out
    }

    struct ScriptMessage: Error { var text: String }

    /// A word of a script line; it is a `name=value` setting only when its `=` stands before any quote, so
    /// `reason="a = b"` is a setting and `"a = b"` is text.
    struct Word { var text: String; var isSetting: Bool }

    static func tokenize(_ line: String) throws -> [Word] {
        var words: [Word] = []
        var quoted = false, setting = false
        var current = ""
        var inQuotes = false, hasWord = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { current.append("\""); chars = chars.dropFirst() } else { inQuotes = false }
                } else { current.append(c) }
            } else if c == "#" {
                break
            } else if c == "\"" {
                inQuotes = true; hasWord = true; quoted = true
            } else if c == " " || c == "\t" {
                if hasWord { words.append(Word(text: current, isSetting: setting)); current = ""; hasWord = false; quoted = false; setting = false }
            } else {
                if c == "=" && !quoted { setting = true }
                current.append(c); hasWord = true
            }
        }
        if inQuotes { throw ScriptMessage(text: Localizer.process(ScriptText.quoteOpen)) }
        if hasWord { words.append(Word(text: current, isSetting: setting)) }
        return words
    }

    static func command(_ w: [Word]) throws -> ScriptCommand {
        let verb = w[0].text
        var positional: [String] = []
        var named: [String: String] = [:]
        for word in w.dropFirst() {
            if word.isSetting, verb != "pick", let eq = word.text.firstIndex(of: "=") {
                named[String(word.text[..<eq])] = String(word.text[word.text.index(after: eq)...])
            } else {
                positional.append(word.text)
            }
        }
        func need(_ n: Int, _ usage: String) throws {
            guard positional.count >= n else { throw ScriptMessage(text: Localizer.process(ScriptText.needs, verb, usage)) }
        }
        func int(_ s: String?, _ what: String, default d: Int? = nil) throws -> Int {
            guard let s else {
                if let d { return d }
                throw ScriptMessage(text: Localizer.process(ScriptText.missing, verb, what))
            }
            guard let n = Int(s) else { throw ScriptMessage(text: Localizer.process(ScriptText.notWhole, verb, what, s)) }
            return n
        }
        func day(_ s: String?, _ what: String) throws -> DayRef {
            guard let s, let d = DayRef.parse(s) else { throw ScriptMessage(text: Localizer.process(ScriptText.notDay, verb, what, s ?? "")) }
            return d
        }
        func checkNamed(_ allowed: Set<String>) throws {
            if let bad = named.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw ScriptMessage(text: Localizer.process(ScriptText.unknownSetting, verb, bad, allowed.sorted().joined(separator: ", ")))
            }
        }
        switch verb {
        case "at":
            try need(1, "DAY [HH:MM]")
            var minutes = 9 * 60
            if positional.count > 1 {
                let hm = positional[1].split(separator: ":")
                guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else {
                    throw ScriptMessage(text: Localizer.process(ScriptText.notTime, positional[1]))
                }
                minutes = h * 60 + m
            }
            return .at(try day(positional[0], "day"), minutes: minutes)
        case "as":
            try need(1, "USER")
            return .actor(positional[0])
        case "item":
            try need(2, "SKU \"name\" [unit=] [bin=] [stock=] [moq=] [pack=] [supplier=] [lead=]") // not prose: command syntax
            try checkNamed(["unit", "bin", "stock", "moq", "pack", "supplier", "lead"])
            return .item(sku: positional[0], name: positional[1], unit: named["unit"] ?? "pcs", bin: named["bin"] ?? "",
                         stock: try int(named["stock"], "stock", default: 0), moq: try int(named["moq"], "moq", default: 1),
                         pack: try int(named["pack"], "pack", default: 1), supplier: named["supplier"] ?? "",
                         leadTime: try named["lead"].map { try int($0, "lead") })
        case "customer":
            try need(2, "CODE \"name\" [lang=] [email=] [contact=]")
            try checkNamed(["lang", "email", "contact"])
            let language = try named["lang"].map { l in
                guard let language = Language(rawValue: l) else { throw ScriptMessage(text: Localizer.process(ScriptText.customerLanguage, l)) }
                return language
            }
            return .customer(Customer(code: positional[0], name: positional[1], language: language, email: named["email"],
                                      contact: named["contact"]))
        case "arrival":
            try need(3, "PO/LINE SKU QTY eta=DAY supplier=\"…\"")
            try checkNamed(["eta", "supplier"])
            let (po, line) = try reference(positional[0])
            return .arrival(po: po, line: line, sku: positional[1], quantity: try int(positional[2], "quantity"),
                            eta: try day(named["eta"], "eta"), supplier: named["supplier"] ?? "")
        case "order":
            try need(3, "NUMBER CUSTOMER SKU:QTY… [date=] [prio=] [policy=]") // not prose: command syntax
            try checkNamed(["date", "prio", "policy"])
            let lines = try positional.dropFirst(2).map { spec -> NewOrderLine in
                let parts = spec.split(separator: ":")
                guard parts.count == 2, let q = Int(parts[1]) else { throw ScriptMessage(text: Localizer.process(ScriptText.notSKUQty, spec)) }
                return NewOrderLine(sku: String(parts[0]), quantity: q)
            }
            guard let policy = ShipPolicy(rawValue: named["policy"] ?? "partial") else {
                throw ScriptMessage(text: Localizer.process(ScriptText.policy))
            }
            return .order(number: positional[0], customer: positional[1], date: try named["date"].map { try day($0, "date") },
                          priority: try int(named["prio"], "prio", default: 5), policy: policy, lines: lines)
        case "pick":
            try need(1, "ORDER [LINE=QTY…] [short]")
            var lines: [(Int, Int)] = []
            var short = false
            for word in positional.dropFirst() {
                if word == "short" { short = true; continue }
                let parts = word.split(separator: "=")
                guard parts.count == 2, let l = Int(parts[0]), let q = Int(parts[1]) else {
                    throw ScriptMessage(text: Localizer.process(ScriptText.notLineQty, word))
                }
                lines.append((l, q))
            }
            return .pick(order: positional[0], lines: lines, short: short)
        case "ship":
            try need(1, "ORDER [override]")
            return .ship(order: positional[0], override: positional.dropFirst().contains("override"))
        case "receive":
            try need(2, "PO/LINE QTY, or SKU QTY unplanned")
            return .receive(reference: positional[0], quantity: try int(positional[1], "quantity"),
                            unplanned: positional.dropFirst(2).contains("unplanned"))
        case "eta":
            try need(2, "PO/LINE DAY [\"reason\"]")
            return .eta(reference: positional[0], day: try day(positional[1], "day"), reason: positional.count > 2 ? positional[2] : "")
        case "cancel":
            try need(2, "ORDER [line=N] \"reason\"")
            try checkNamed(["line"])
            return .cancel(order: positional[0], line: try named["line"].map { try int($0, "line") }, reason: positional[1])
        case "count":
            try need(3, "SKU QTY \"reason\"")
            return .count(sku: positional[0], quantity: try int(positional[1], "quantity"), reason: positional[2])
        default:
            throw ScriptMessage(text: Localizer.process(ScriptText.unknownCommand, verb))
        }
    }

    static func reference(_ s: String) throws -> (String, Int) {
        let parts = s.split(separator: "/")
        guard parts.count == 2, let line = Int(parts[1]) else { throw ScriptMessage(text: Localizer.process(ScriptText.notPOLine, s)) }
        return (String(parts[0]), line)
    }
}

/// Every unreadable line of a script.
public struct ScriptParseFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [ScriptError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
