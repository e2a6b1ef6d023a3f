import BackorderCore
import Foundation

/// Turns an import file into validated records, or into every problem found in it, each as `FILE:LINE: column: reason`.
///
/// Columns are matched by header name (case-insensitive, in any order); a missing required column or an unknown one is
/// named. Fields may be quoted (RFC 4180), the separator is `,` or `;`, a UTF-8 BOM and CRLF line ends are fine, and a
/// quantity may be written with a decimal comma or point as long as it is whole ("12,0" is 12; "12,5" is refused).
/// Nothing here reads the warehouse: whether a SKU or a customer exists is the store's question.
public enum ImportReader {
    /// The columns of each kind of file: required ones first, then optional ones.
    public static func columns(_ kind: ImportKind) -> (required: [String], optional: [String]) {
        switch kind {
        case .items: return (["sku", "name"], ["unit", "bin", "stock", "moq", "pack", "supplier", "lead_time"])
        case .customers: return (["code", "name"], ["language", "email", "contact"])
        case .stock: return (["sku", "counted"], [])
        case .orders: return (["order", "customer", "sku", "qty"], ["date", "priority", "policy", "line"])
        case .arrivals: return (["po", "line", "sku", "qty", "eta", "supplier"], [])
        }
    }

    /// Reads a file's bytes; they must be UTF-8 (with or without a BOM).
    public static func read(_ kind: ImportKind, data: Data, file: String) -> Result<ImportBatch, ImportFailure> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ImportFailure(problems: [ImportProblem(file: file, line: 1, column: "",
                                                                   reason: "the file is not UTF-8 text; save it as \"CSV UTF-8\"")]))
        }
        return read(kind, text: text, file: file)
    }

    /// Reads a file's text.
    public static func read(_ kind: ImportKind, text: String, file: String) -> Result<ImportBatch, ImportFailure> {
        let csv: CSVFile
        do {
            csv = try CSVFile.parse(text, file: file)
        } catch {
            return .failure(ImportFailure(problems: [error]))
        }
        var reader = Reader(kind: kind, file: file, csv: csv)
        guard reader.matchHeader() else { return .failure(ImportFailure(problems: reader.problems)) }
        let records = reader.records()
        guard reader.problems.isEmpty else { return .failure(ImportFailure(problems: reader.problems)) }
        return .success(ImportBatch(file: file, records: records))
    }
}

/// Every problem found in a file, in file order; nothing of it may be applied.
public struct ImportFailure: Error, Sendable, Equatable {
    public var problems: [ImportProblem]
    public init(problems: [ImportProblem]) { self.problems = problems }
}

/// The reading of one file: the header matched to the expected columns, then each record validated.
private struct Reader {
    let kind: ImportKind
    let file: String
    let csv: CSVFile
    var problems: [ImportProblem] = []
    /// Column name → field index.
    var index: [String: Int] = [:]

    init(kind: ImportKind, file: String, csv: CSVFile) { self.kind = kind; self.file = file; self.csv = csv }

    mutating func problem(_ line: Int, _ column: String, _ reason: String) {
        problems.append(ImportProblem(file: file, line: line, column: column, reason: reason))
    }

    /// Matches header names to the kind's columns; false when a required one is missing or a name is unknown or twice.
    mutating func matchHeader() -> Bool {
        let (required, optional) = ImportReader.columns(kind)
        let known = required + optional
        let line = csv.headerLine
        for (i, raw) in csv.header.enumerated() {
            let name = raw.trimmingSpaces.lowercased()
            if name.isEmpty {
                problem(line, "column \(i + 1)", "the header names no column here")
            } else if !known.contains(name) {
                problem(line, raw.trimmingSpaces, "unknown column; \(kind.rawValue) files have " + Self.describe(required, optional))
            } else if let first = index[name] {
                problem(line, name, "the column appears twice (columns \(first + 1) and \(i + 1))")
            } else {
                index[name] = i
            }
        }
        for name in required where index[name] == nil {
            problem(line, name, "required column is missing; \(kind.rawValue) files have " + Self.describe(required, optional)
                    + (csv.header.count == 1 ? " (separated by , or ;)" : ""))
        }
        return problems.isEmpty
    }

    static func describe(_ required: [String], _ optional: [String]) -> String {
        required.joined(separator: ",") + (optional.isEmpty ? "" : "[," + optional.joined(separator: ",") + "]")
    }

    // MARK: fields

    /// The trimmed text of a column in a record; "" when the column is absent or the record short.
    func text(_ r: CSVFile.Record, _ column: String) -> String {
        guard let i = index[column], i < r.fields.count else { return "" }
        return r.fields[i].trimmingSpaces
    }

    /// Identifiers and days already found valid: a file repeats them on many rows, and checking one costs Unicode
    /// property lookups.
    var validIdentifiers = Set<String>()
    var days: [String: Day] = [:]

    mutating func identifier(_ r: CSVFile.Record, _ column: String, _ what: String) -> String? {
        let t = text(r, column)
        if validIdentifiers.contains(t) { return t }
        do { try Validate.identifier(t, what) } catch { problem(r.line, column, "\(error)"); return nil }
        validIdentifiers.insert(t)
        return t
    }

    /// A name or other free text; a line break inside the quoted field (Alt+Enter in a spreadsheet cell) becomes a space.
    mutating func freeText(_ r: CSVFile.Record, _ column: String, _ what: String, default value: String? = nil) -> String? {
        let t = text(r, column).split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            .joined(separator: " ")
        if t.isEmpty, let value { return value }
        do { try Validate.text(t, what); return t } catch { problem(r.line, column, "\(error)"); return nil }
    }

    /// A whole number; `12`, `12,0` and `12.00` are 12. Empty gives `default` when there is one.
    mutating func number(_ r: CSVFile.Record, _ column: String, min: Int, max: Int = Validate.maxQuantity, default value: Int? = nil) -> Int? {
        let t = text(r, column)
        if t.isEmpty, let value { return value }
        switch WholeNumber.parse(t) {
        case .problem(let reason):
            problem(r.line, column, reason); return nil
        case .value(let n):
            guard n >= min else {
                problem(r.line, column, min == 1 ? "must be at least 1, not \(n)" : "must be at least \(min), not \(n)"); return nil
            }
            guard n <= max else { problem(r.line, column, "\(n) is more than \(max)"); return nil }
            return n
        }
    }

    mutating func day(_ r: CSVFile.Record, _ column: String) -> Day? {
        let t = text(r, column)
        if let d = days[t] { return d }
        guard let d = Day(iso: t) else {
            problem(r.line, column, t.isEmpty ? "is empty: give a day as YYYY-MM-DD" : "\"\(t)\" is not a day: use YYYY-MM-DD")
            return nil
        }
        days[t] = d
        return d
    }

    /// Records with more fields than the header are refused; fewer are read as empty trailing fields.
    mutating func checkWidth(_ r: CSVFile.Record) -> Bool {
        guard r.fields.count <= csv.header.count else {
            problem(r.line, "", "\(r.fields.count) fields where the header has \(csv.header.count); quote a field that holds \"\(csv.separator)\"")
            return false
        }
        return true
    }

    /// Remembers each key's first line; a key seen before is a problem.
    mutating func unique(_ key: String, _ r: CSVFile.Record, _ column: String, _ seen: inout [String: Int]) -> Bool {
        if let first = seen[key] {
            problem(r.line, column, "\(key) is given twice (first on line \(first))")
            return false
        }
        seen[key] = r.line
        return true
    }

    // MARK: records

    mutating func records() -> ImportRecords {
        switch kind {
        case .items: return .items(items())
        case .customers: return .customers(customers())
        case .stock: return .stock(stock())
        case .orders: return .orders(orders())
        case .arrivals: return .arrivals(arrivals())
        }
    }

    mutating func items() -> [Located<ImportedItem>] {
        var out: [Located<ImportedItem>] = []
        var seen: [String: Int] = [:]
        for r in csv.records where checkWidth(r) {
            let sku = identifier(r, "sku", "SKU")
            let name = freeText(r, "name", "item name")
            // Optional columns: absent or empty is nil, so an existing item keeps what it has.
            let unit = optional(r, "unit") { $0.freeText(r, "unit", "unit") }
            let bin = optional(r, "bin") { $0.freeText(r, "bin", "bin location") }
            let stock = optional(r, "stock") { $0.number(r, "stock", min: 0) }
            let moq = optional(r, "moq") { $0.number(r, "moq", min: 1) }
            let pack = optional(r, "pack") { $0.number(r, "pack", min: 1) }
            let supplier = optional(r, "supplier") { $0.freeText(r, "supplier", "supplier") }
            let lead = optional(r, "lead_time") { $0.number(r, "lead_time", min: 0, max: Validate.maxLeadTimeDays) }
            guard let sku, let name, let unit, let bin, let stock, let moq, let pack, let supplier, let lead,
                  unique(sku, r, "sku", &seen) else { continue }
            out.append(Located(line: r.line, value: ImportedItem(sku: sku, name: name, unit: unit, bin: bin, stock: stock,
                                                                 minOrderQty: moq, packSize: pack, supplier: supplier, leadTimeDays: lead)))
        }
        return out
    }

    /// `.some(nil)` for an absent or empty field, `.some(value)` when it reads, nil when it is wrong (a problem is noted).
    mutating func optional<T>(_ r: CSVFile.Record, _ column: String, _ parse: (inout Reader) -> T?) -> T?? {
        guard !text(r, column).isEmpty else { return .some(nil) }
        return parse(&self).map { .some($0) }
    }

    mutating func customers() -> [Located<Customer>] {
        var out: [Located<Customer>] = []
        var seen: [String: Int] = [:]
        for r in csv.records where checkWidth(r) {
            let code = identifier(r, "code", "customer code")
            let name = freeText(r, "name", "customer name")
            // Empty or absent contact fields leave what the warehouse has, as an item file's optional columns do.
            let language = optional(r, "language") { (me: inout Reader) -> Language?? in
                do { return .some(try Validate.customerLanguage(me.text(r, "language"))) } catch {
                    me.problem(r.line, "language", "\(error)"); return nil
                }
            }
            let email = optional(r, "email") { me in
                let t = me.text(r, "email").trimmingSpaces
                do { try Validate.email(t); return t } catch { me.problem(r.line, "email", "\(error)"); return nil }
            }
            let contact = optional(r, "contact") { $0.freeText(r, "contact", "contact name") }
            guard let code, let name, let language, let email, let contact, unique(code, r, "code", &seen) else { continue }
            out.append(Located(line: r.line, value: Customer(code: code, name: name, language: language ?? nil, email: email, contact: contact)))
        }
        return out
    }

    mutating func stock() -> [Located<StockCount>] {
        var out: [Located<StockCount>] = []
        var seen: [String: Int] = [:]
        for r in csv.records where checkWidth(r) {
            let sku = identifier(r, "sku", "SKU")
            let counted = number(r, "counted", min: 0)
            guard let sku, let counted, unique(sku, r, "sku", &seen) else { continue }
            out.append(Located(line: r.line, value: StockCount(sku: sku, counted: counted)))
        }
        return out
    }

    mutating func arrivals() -> [Located<NewArrival>] {
        var out: [Located<NewArrival>] = []
        var seen: [String: Int] = [:]
        for r in csv.records where checkWidth(r) {
            let po = identifier(r, "po", "PO number")
            let line = number(r, "line", min: 1, max: 1_000_000)
            let sku = identifier(r, "sku", "SKU")
            let qty = number(r, "qty", min: 1)
            let eta = day(r, "eta")
            let supplier = freeText(r, "supplier", "supplier")
            guard let po, let line, let sku, let qty, let eta, let supplier, unique("\(po)/\(line)", r, "line", &seen) else { continue }
            out.append(Located(line: r.line, value: NewArrival(supplier: supplier, poNumber: po, poLine: line, sku: sku, quantity: qty, eta: eta)))
        }
        return out
    }

    /// One row per order line, grouped by order number in order of first appearance. The order's customer, date,
    /// priority and policy must agree on every row; line numbers, when given, must be 1…n.
    mutating func orders() -> [ImportedOrder] {
        struct Draft {
            var header: (line: Int, customer: String, date: Day?, priority: Int, policy: ShipPolicy)
            var lines: [(fileLine: Int, lineNo: Int?, line: NewOrderLine)] = []
            var bad = false
        }
        var drafts: [String: Draft] = [:]
        var order: [String] = []
        let hasDate = index["date"] != nil
        for r in csv.records where checkWidth(r) {
            let orderNo = identifier(r, "order", "order number")
            let customer = identifier(r, "customer", "customer code")
            let sku = identifier(r, "sku", "SKU")
            let qty = number(r, "qty", min: 1)
            let dateText = text(r, "date")
            let date: Day?? = dateText.isEmpty ? .some(nil) : day(r, "date").map { .some($0) }
            let priority = number(r, "priority", min: 1, max: 9, default: 5)
            let policyText = text(r, "policy").lowercased()
            let policy: ShipPolicy? = policyText.isEmpty ? .partial : ShipPolicy(rawValue: policyText)
            if policy == nil { problem(r.line, "policy", "\"\(text(r, "policy"))\" is not a policy: use partial or complete") }
            let lineText = text(r, "line")
            let lineNo: Int?? = lineText.isEmpty ? .some(nil) : number(r, "line", min: 1, max: 10_000).map { .some($0) }
            guard let number = orderNo else { continue }
            guard let customer, let sku, let qty, let date, let priority, let policy, let lineNo else {
                drafts[number]?.bad = true
                continue
            }
            if var d = drafts[number] {
                let h = d.header
                if customer != h.customer { problem(r.line, "customer", "\(customer) differs from \(h.customer) on line \(h.line) of order \(number)"); d.bad = true }
                if date != h.date { problem(r.line, "date", "\(date?.iso ?? "empty") differs from \(h.date?.iso ?? "empty") on line \(h.line) of order \(number)"); d.bad = true }
                if priority != h.priority { problem(r.line, "priority", "\(priority) differs from \(h.priority) on line \(h.line) of order \(number)"); d.bad = true }
                if policy != h.policy { problem(r.line, "policy", "\(policy.rawValue) differs from \(h.policy.rawValue) on line \(h.line) of order \(number)"); d.bad = true }
                d.lines.append((r.line, lineNo, NewOrderLine(sku: sku, quantity: qty)))
                drafts[number] = d
            } else {
                order.append(number)
                drafts[number] = Draft(header: (r.line, customer, date, priority, policy), lines: [(r.line, lineNo, NewOrderLine(sku: sku, quantity: qty))])
            }
        }
        var out: [ImportedOrder] = []
        for number in order {
            guard let d = drafts[number], !d.bad else { continue }
            var lines = d.lines
            let numbered = lines.filter { $0.lineNo != nil }
            if !numbered.isEmpty {
                guard numbered.count == lines.count else {
                    for l in lines where l.lineNo == nil { problem(l.fileLine, "line", "is empty while other rows of order \(number) number their lines") }
                    continue
                }
                lines.sort { $0.lineNo! < $1.lineNo! }
                if lines.map({ $0.lineNo! }) != Array(1...lines.count) {
                    var seen: [Int: Int] = [:]
                    var reported = false
                    for l in lines {
                        if let first = seen[l.lineNo!] {
                            problem(l.fileLine, "line", "line \(l.lineNo!) of order \(number) is given twice (first on line \(first))")
                            reported = true
                        }
                        seen[l.lineNo!] = l.fileLine
                    }
                    if !reported {
                        problem(lines[0].fileLine, "line", "the lines of order \(number) must be numbered 1 to \(lines.count), not "
                                + lines.map { "\($0.lineNo!)" }.joined(separator: ", "))
                    }
                    continue
                }
            }
            let h = d.header
            out.append(ImportedOrder(order: NewOrder(number: number, customer: h.customer, orderDate: h.date, priority: h.priority,
                                                     policy: h.policy, lines: lines.map(\.line)),
                                     fileLines: lines.map(\.fileLine), dateGiven: hasDate && h.date != nil))
        }
        return out
    }
}

/// Whole numbers as spreadsheets write them: `12`, `12,0`, `12.00`.
enum WholeNumber: Equatable {
    case value(Int)
    /// Why the text is not a whole number.
    case problem(String)

    static func parse(_ t: String) -> WholeNumber {
        guard !t.isEmpty else { return .problem("is empty: give a whole number") }
        if t.hasPrefix("-") { return .problem("must not be negative (\(t))") }
        let parts = t.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        let digits = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, digits(parts[0]), parts.count == 1 || digits(parts[1]) else {
            return .problem("\"\(t)\" is not a whole number")
        }
        if parts.count == 2 {
            let fraction = parts[1]
            // "1.000" and "1,000" read as a thousand in one country and as one in another: refuse to guess.
            if fraction.count == 3 { return .problem("\"\(t)\" is ambiguous (a thousands separator or decimals?): write it without separators") }
            guard fraction.allSatisfy({ $0 == "0" }) else { return .problem("must be a whole number of units, not \(t)") }
        }
        guard parts[0].count <= 12, let n = Int(parts[0]) else { return .problem("\"\(t)\" is too large") }
        return .value(n)
    }
}
