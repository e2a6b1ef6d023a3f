/// CSV text out: RFC 4180 fields and lines, written from rows. Pure, so the CLI and the UI export the same bytes.

/// A row type that can be exported as one CSV line under a fixed header.
public protocol CSVRepresentable {
    /// The column names, in the order of `csvFields`.
    static var csvHeader: [String] { get }
    /// This row's fields, one per header column, as text.
    var csvFields: [String] { get }
}

/// The ways a CSV file is written: for programs, or for a spreadsheet in a Norwegian office.
public enum CSVDialect: String, CaseIterable, Sendable {
    /// RFC 4180: `,`, CRLF, no BOM, decimal point, every value exactly as stored. The default for scripts: what a
    /// program reads back is the data, so a name starting with `=` stays `=` (open such a file in a spreadsheet
    /// program only through an import dialog, or write it as excel-nb).
    case rfc4180
    /// What a Norwegian Excel opens straight: `;`, CRLF, a UTF-8 BOM, decimal comma, and no cell that could run as a
    /// formula (see `CSVWriter.neutralised`).
    case excelNB = "excel-nb"
}

/// Writes CSV text: a field is quoted when it holds the separator, a quote, a line break or edge spaces, and quotes
/// inside it are doubled (RFC 4180).
public struct CSVWriter: Sendable, Equatable {
    /// The field separator: `,` by default; `;` for spreadsheets set up for a decimal comma.
    public var separator: Character
    /// CRLF by default, as RFC 4180 prescribes.
    public var lineEnding: String
    /// A UTF-8 byte order mark before the header: how Excel knows a CSV file is UTF-8 (else æøå come out wrong).
    public var byteOrderMark = false
    /// Numbers with decimals written with a comma (`87,5`), as a Norwegian spreadsheet reads them.
    public var decimalComma = false
    /// Text cells that a spreadsheet would run as a formula are neutralised (OWASP's advice on CSV injection).
    public var neutralisesFormulas = false

    public init(separator: Character = ",", lineEnding: String = "\r\n") {
        self.separator = separator; self.lineEnding = lineEnding
    }

    /// A writer of one dialect.
    public init(_ dialect: CSVDialect) {
        switch dialect {
        case .rfc4180:
            self.init()
        case .excelNB:
            self.init(separator: ";")
            byteOrderMark = true; decimalComma = true; neutralisesFormulas = true
        }
    }

    /// The writer for a file a person opens in a spreadsheet (the UI's export): excel-nb in Norwegian; in English the
    /// RFC 4180 layout, but never with a live formula in it.
    public static func forSpreadsheet(_ language: Language) -> CSVWriter {
        switch language {
        case .nb: return CSVWriter(.excelNB)
        case .en:
            var w = CSVWriter()
            w.neutralisesFormulas = true
            return w
        }
    }

    /// A plain number: digits, an optional leading minus, optional decimals after a point (`-3`, `87.5`).
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A text cell made safe for a spreadsheet: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
    /// a leading `'`, so the spreadsheet shows it as text instead of running it (OWASP, "CSV Injection"). A number
    /// (`-3`, `87.5`) is not text and stays as it is.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isNumber(text) else { return text }
        return "'" + text
    }

    /// One field, quoted only when it has to be.
    public func field(_ text: String) -> String {
        var text = text
        if neutralisesFormulas { text = Self.neutralised(text) }
        if decimalComma, text.contains("."), Self.isNumber(text) { text = text.replacingAll(".", with: ",") }
        let needsQuotes = text.contains { $0 == separator || $0 == "\"" || $0.isNewline }
            || text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// One record with its line ending.
    public func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(separator)) + lineEnding
    }

    /// A whole document: the header line, then one line per row.
    public func document(header: [String], rows: [[String]]) -> String {
        var out = (byteOrderMark ? "\u{FEFF}" : "") + line(header)
        for r in rows { out += line(r) }
        return out
    }

    /// A whole document of typed rows under their type's header.
    public func document<R: CSVRepresentable>(_ rows: [R]) -> String {
        document(header: R.csvHeader, rows: rows.map(\.csvFields))
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in the core).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// A whole-number percentage or a ratio with one decimal, as reports print them; empty when undefined.
public enum ReportFormat {
    /// `0.875` → `"87.5"`; nil → `""`.
    public static func percent(_ ratio: Double?) -> String {
        guard let r = ratio else { return "" }
        return oneDecimal(r * 100)
    }

    /// One decimal, rounded half away from zero: `2.25` → `"2.3"`; nil → `""`.
    public static func oneDecimal(_ value: Double?) -> String {
        guard let v = value else { return "" }
        let tenths = Int((abs(v) * 10).rounded())
        return (v < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}

extension OpenOrderRow: CSVRepresentable {
    public static let csvHeader = ["order", "date", "priority", "customer", "customer_name", "policy", "lines", "ordered",
                                   "allocated", "picked", "shipped", "backordered"]
    public var csvFields: [String] {
        [number, orderDate.iso, "\(priority)", customerCode, customerName, policy.rawValue, "\(lines)", "\(ordered)",
         "\(allocated)", "\(picked)", "\(shipped)", "\(backordered)"]
    }
}

extension BackorderRow: CSVRepresentable {
    public static let csvHeader = ["order", "line", "date", "age_days", "priority", "customer_name", "sku", "item",
                                   "backordered", "promised", "late"]
    public var csvFields: [String] {
        [orderNumber, "\(lineNo)", orderDate.iso, "\(ageDays)", "\(priority)", customerName, sku, itemName,
         "\(backordered)", promised?.iso ?? "", late ? "yes" : "no"]
    }
}

extension ArrivalRow: CSVRepresentable {
    public static let csvHeader = ["po", "line", "supplier", "sku", "item", "expected", "received", "promised", "eta",
                                   "late", "eta_changes"]
    public var csvFields: [String] {
        [arrival.poNumber, "\(arrival.poLine)", arrival.supplier, arrival.sku, itemName, "\(arrival.quantity)",
         "\(arrival.received)", "\(promised)", arrival.eta.iso, late ? "yes" : "no", "\(etaChanges)"]
    }
}

extension Item: CSVRepresentable {
    public static let csvHeader = ["sku", "name", "unit", "bin", "on_hand", "allocated", "picked", "free", "backordered",
                                   "incoming", "moq", "pack"]
    public var csvFields: [String] {
        [sku, name, unit, bin, "\(onHand)", "\(allocated)", "\(picked)", "\(free)", "\(backordered)", "\(incoming)",
         "\(minOrderQty)", "\(packSize)"]
    }
}
