/// The papers that travel with the goods: a pick list for the warehouse and a delivery note (følgeseddel) for the box.

/// What is allocated and not yet picked on one or more orders, in the order a picker walks the bins.
public struct PickList: Hashable, Sendable, Codable {
    /// An order on the list.
    public struct Order: Hashable, Sendable, Codable {
        public var number: String
        public var customerCode: String
        public var customerName: String
        public var orderDate: Day
        public var priority: Int
        /// The order's note ("" when none).
        public var note: String
        public init(number: String, customerCode: String, customerName: String, orderDate: Day, priority: Int, note: String = "") {
            self.number = number; self.customerCode = customerCode; self.customerName = customerName; self.orderDate = orderDate
            self.priority = priority; self.note = note
        }
    }

    /// Units of one order line to take from one bin.
    public struct Line: Hashable, Sendable, Codable {
        public var bin: String
        public var sku: String
        public var itemName: String
        public var unit: String
        public var quantity: Int
        public var orderNumber: String
        public var customerCode: String
        public var lineNo: Int
        public init(bin: String, sku: String, itemName: String, unit: String, quantity: Int, orderNumber: String, customerCode: String,
                    lineNo: Int) {
            self.bin = bin; self.sku = sku; self.itemName = itemName; self.unit = unit; self.quantity = quantity
            self.orderNumber = orderNumber; self.customerCode = customerCode; self.lineNo = lineNo
        }
    }

    public var orders: [Order]
    /// Sorted by bin (naturally: A-2 before A-10; no bin last), then SKU, order and line.
    public var lines: [Line]

    public init(orders: [Order], lines: [Line]) {
        self.orders = orders
        self.lines = lines.sorted(by: PickList.walkedBefore)
    }

    /// Units to pick in all.
    public var units: Int { lines.reduce(0) { $0 + $1.quantity } }

    /// The order a picker walks: by bin, lines without a bin at the end.
    public static func walkedBefore(_ a: Line, _ b: Line) -> Bool {
        if a.bin.isEmpty != b.bin.isEmpty { return !a.bin.isEmpty }
        let c = naturalCompare(a.bin, b.bin)
        if c != 0 { return c < 0 }
        if a.sku != b.sku { return a.sku < b.sku }
        if a.orderNumber != b.orderNumber { return a.orderNumber < b.orderNumber }
        return a.lineNo < b.lineNo
    }

    /// -1, 0 or 1: case-insensitive, runs of digits compared as numbers (`A-2` before `A-10`).
    static func naturalCompare(_ a: String, _ b: String) -> Int {
        func chunks(_ s: String) -> [(digits: Bool, text: String)] {
            var out: [(Bool, String)] = []
            for c in s.lowercased() {
                let d = c.isASCII && c.isNumber
                if let last = out.last, last.0 == d { out[out.count - 1].1.append(c) } else { out.append((d, String(c))) }
            }
            return out
        }
        let x = chunks(a), y = chunks(b)
        for (p, q) in zip(x, y) {
            if p.digits && q.digits {
                let pn = p.text.drop { $0 == "0" }, qn = q.text.drop { $0 == "0" }
                if pn.count != qn.count { return pn.count < qn.count ? -1 : 1 }
                if pn != qn { return pn < qn ? -1 : 1 }
            } else if p.text != q.text {
                return p.text < q.text ? -1 : 1
            }
        }
        return x.count == y.count ? (a == b ? 0 : (a < b ? -1 : 1)) : (x.count < y.count ? -1 : 1)
    }
}

/// A delivery note (følgeseddel): one shipment, what was delivered before it, and what is still to come.
public struct DeliveryNote: Hashable, Sendable, Codable {
    /// Units of one order line.
    public struct Line: Hashable, Sendable, Codable {
        public var lineNo: Int
        public var sku: String
        public var itemName: String
        public var unit: String
        public var quantity: Int
        public init(lineNo: Int, sku: String, itemName: String, unit: String, quantity: Int) {
            self.lineNo = lineNo; self.sku = sku; self.itemName = itemName; self.unit = unit; self.quantity = quantity
        }
    }

    /// A numbered shipment and its lines.
    public struct Shipped: Hashable, Sendable, Codable {
        public var number: String
        public var day: Day
        public var lines: [Line]
        public init(number: String, day: Day, lines: [Line]) { self.number = number; self.day = day; self.lines = lines }
    }

    /// Units of an outstanding line that come together: in stock already, or with one arrival (nil: no arrival covers them).
    public struct Part: Hashable, Sendable, Codable {
        public var quantity: Int
        public var inStock: Bool
        public var expected: Day?
        public init(quantity: Int, inStock: Bool = false, expected: Day? = nil) {
            self.quantity = quantity; self.inStock = inStock; self.expected = expected
        }
    }

    /// An order line with units not yet shipped.
    public struct Outstanding: Hashable, Sendable, Codable {
        public var lineNo: Int
        public var sku: String
        public var itemName: String
        public var unit: String
        /// In stock first, then by expected day, units no arrival covers last.
        public var parts: [Part]
        public init(lineNo: Int, sku: String, itemName: String, unit: String, parts: [Part]) {
            self.lineNo = lineNo; self.sku = sku; self.itemName = itemName; self.unit = unit; self.parts = parts
        }
        public var quantity: Int { parts.reduce(0) { $0 + $1.quantity } }
    }

    public var orderNumber: String
    public var orderDate: Day
    public var customerCode: String
    public var customerName: String
    /// The customer's own language, when one is recorded; nil: the note is written in the language the caller falls back to.
    public var customerLanguage: Language?
    /// The customer's address or contact lines, when recorded (none yet).
    public var addressLines: [String]
    /// The order's note, often the customer's reference ("" when none).
    public var note: String
    public var shipment: Shipped
    /// Which of the order's shipments this is, from 1.
    public var sequence: Int
    public var earlier: [Shipped]
    public var later: [Shipped]
    public var outstanding: [Outstanding]
    public var cancelled: [Line]

    public init(orderNumber: String, orderDate: Day, customerCode: String, customerName: String, customerLanguage: Language? = nil,
                addressLines: [String] = [], note: String = "", shipment: Shipped, sequence: Int, earlier: [Shipped] = [],
                later: [Shipped] = [], outstanding: [Outstanding] = [], cancelled: [Line] = []) {
        self.orderNumber = orderNumber; self.orderDate = orderDate; self.customerCode = customerCode; self.customerName = customerName
        self.customerLanguage = customerLanguage; self.addressLines = addressLines; self.note = note; self.shipment = shipment
        self.sequence = sequence; self.earlier = earlier; self.later = later; self.outstanding = outstanding; self.cancelled = cancelled
    }

    /// The language the note goes in the box in: the customer's, else `fallback` (the clerk's or the process's).
    public func readerLanguage(fallback: Language) -> Language { customerLanguage ?? fallback }

    /// How the units of an outstanding line come: `inStock` first, then each arrival's share (from `Rules.explainDate`'s
    /// supplies, in ETA order), and what no arrival covers last.
    public static func parts(inStock: Int, backordered: Int, supplies: [(eta: Day, units: Int)]) -> [Part] {
        var parts: [Part] = inStock > 0 ? [Part(quantity: inStock, inStock: true)] : []
        var covered = 0
        for s in supplies where s.units > 0 {
            if let last = parts.last, !last.inStock, last.expected == s.eta {
                parts[parts.count - 1].quantity += s.units
            } else {
                parts.append(Part(quantity: s.units, expected: s.eta))
            }
            covered += s.units
        }
        if backordered > covered { parts.append(Part(quantity: backordered - covered)) }
        return parts
    }
}

/// How a paper reaches the printer: `lp` (CUPS) unless `BACKORDERS_PRINT` names another command (`lpr -P office`, or a
/// script in tests); run by `/bin/sh`, the paper on its standard input, `-d NAME` added for a named printer.
public struct PrintCommand: Hashable, Sendable {
    /// The command as the clerk knows it, for messages: `lp -d office`.
    public var shown: String
    public var executable: String
    public var arguments: [String]

    public static func resolve(environment: [String: String], printer: String?) -> PrintCommand {
        let base = environment["BACKORDERS_PRINT"].flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed } ?? "lp"
        let extra = printer.map { ["-d", $0] } ?? []
        // "$@" keeps a printer name with spaces one argument whatever the command is.
        return PrintCommand(shown: ([base] + extra).joined(separator: " "), executable: "/bin/sh",
                            arguments: ["-c", base + " \"$@\"", "backorders-print"] + extra)
    }
}

/// What the print command said when it took the paper (lp: "request id is office-12 (1 file(s))").
public struct PrintReceipt: Hashable, Sendable {
    public var command: String
    public var output: String
    public init(command: String, output: String) { self.command = command; self.output = output }

    public func message(_ tr: Localizer) -> String {
        output.isEmpty ? tr(PaperText.printedQuietly, command) : tr(PaperText.printed, command, output)
    }
}

/// Why a paper did not reach the printer; nothing was marked or changed.
public enum PrintFailure: Error, Hashable, Sendable {
    /// The shell found no such command (exit 127).
    case notFound(command: String)
    /// The command ran and failed: its exit status and what it said.
    case failed(command: String, status: Int32, output: String)
    /// The process could not be started at all.
    case notStarted(command: String, reason: String)
    /// This session has no way to print (a UI started without one).
    case notSetUp

    public func message(_ tr: Localizer) -> String {
        switch self {
        case .notFound(let c): return tr(PaperText.printNotFound, c)
        case .failed(let c, let status, let output): return tr(PaperText.printFailed, c, Plain(Int(status)), output)
        case .notStarted(let c, let reason): return tr(PaperText.printNotStarted, c, reason)
        case .notSetUp: return tr(PaperText.printNotSetUp)
        }
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
