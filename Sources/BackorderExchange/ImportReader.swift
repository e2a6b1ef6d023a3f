import BackorderCore
import Foundation

/// Turns an import file into validated records, or into every problem found in it, each as `FILE:LINE: column: reason`
/// (the column as the file's header names it; the reason in the reader's language).
///
/// Columns are matched by header name in any order: the column's own name, a Norwegian name (`Ordrenr`, `Antall`,
/// `Leverandør`…, see `HeaderMap`) or the user's mapping, compared without case, spaces, punctuation or accents; a
/// missing required column or an unknown one is named. Fields may be quoted (RFC 4180), the separator is `,`, `;` or
/// tab (decided by the header line), a UTF-8 BOM and CRLF line ends are fine. Quantities follow `WholeNumber`'s rules,
/// days are `YYYY-MM-DD`, `DD.MM.YYYY` or `D.M.YYYY`.
/// Nothing here reads the warehouse: whether a SKU or a customer exists is the store's question.
public enum ImportReader {
    /// The columns of each kind of file: required ones first, then optional ones.
    public static func columns(_ kind: ImportKind) -> (required: [String], optional: [String]) {
        switch kind {
        case .items: return (["sku", "name"], ["unit", "bin", "stock", "moq", "pack", "supplier", "lead_time"])
        case .customers: return (["code", "name"], ["language", "email", "contact"])
        case .stock: return (["sku", "counted"], [])
        case .orders: return (["order", "customer", "sku", "qty"], ["date", "priority", "policy", "line", "note"])
        case .arrivals: return (["po", "line", "sku", "qty", "eta", "supplier"], [])
        }
    }

    /// `a,b[,c,d]`: the required columns, then the optional ones in brackets.
    public static func describe(_ required: [String], _ optional: [String]) -> String {
        required.joined(separator: ",") + (optional.isEmpty ? "" : "[," + optional.joined(separator: ",") + "]")
    }

    /// Reads a file's bytes: UTF-8 (with or without a BOM); UTF-16 with its BOM (Excel's "Unicode text"); else
    /// Windows-1252, what a Nordic Excel's plain "CSV (semikolondelt)" is written in (æøå are single bytes there).
    public static func read(_ kind: ImportKind, data: Data, file: String, map: HeaderMap = HeaderMap(),
                            tr: Localizer = .process) -> Result<ImportBatch, ImportFailure> {
        guard let text = decode(data) else {
            return .failure(ImportFailure(problems: [ImportProblem(file: file, line: 1, column: "", reason: tr(ImportText.notUTF8))]))
        }
        return read(kind, text: text, file: file, map: map, tr: tr)
    }

    /// The file's text, or nil when it is in none of the encodings a spreadsheet writes.
    static func decode(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return String(data: data, encoding: .utf16) }
        if let text = String(data: data, encoding: .utf8) { return text }
        // Windows-1252 leaves five bytes undefined; a file holding one of them, or a NUL, is no text at all.
        guard !data.contains(where: { [0x00, 0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) else { return nil }
        return String(data: data, encoding: .windowsCP1252)
    }

    /// Reads a file's text.
    public static func read(_ kind: ImportKind, text: String, file: String, map: HeaderMap = HeaderMap(),
                            tr: Localizer = .process) -> Result<ImportBatch, ImportFailure> {
        let csv: CSVFile
        do {
            csv = try CSVFile.parse(text, file: file, tr: tr)
        } catch {
            return .failure(ImportFailure(problems: [error]))
        }
        var reader = Reader(kind: kind, file: file, csv: csv, map: map, tr: tr)
        guard reader.matchHeader() else { return .failure(ImportFailure(problems: reader.problems)) }
        let records = reader.records()
        guard reader.problems.isEmpty else { return .failure(ImportFailure(problems: reader.problems)) }
        return .success(ImportBatch(file: file, records: records, headers: reader.written))
    }
}

/// Every problem found in a file, in file order; nothing of it may be applied.
public struct ImportFailure: Error, Sendable, Equatable {
    public var problems: [ImportProblem]
    public init(problems: [ImportProblem]) { self.problems = problems }
}

/// The reading of one file: the header matched to the expected columns, then each record validated.
struct Reader {
    let kind: ImportKind
    let file: String
    let csv: CSVFile
    let map: HeaderMap
    let tr: Localizer
    var problems: [ImportProblem] = []
    /// Column name → field index.
    var index: [String: Int] = [:]
    /// Column name → its header as the file writes it.
    var written: [String: String] = [:]

    init(kind: ImportKind, file: String, csv: CSVFile, map: HeaderMap, tr: Localizer) {
        self.kind = kind; self.file = file; self.csv = csv; self.map = map; self.tr = tr
    }

    /// A problem in a column, named as the file's header names it.
    mutating func problem(_ line: Int, _ column: String, _ reason: String) {
        problems.append(ImportProblem(file: file, line: line, column: written[column] ?? column, reason: reason))
    }

    /// Matches header names to the kind's columns; false when a required one is missing or a name is unknown or twice.
    mutating func matchHeader() -> Bool {
        let (required, optional) = ImportReader.columns(kind)
        let describe = ImportReader.describe(required, optional)
        let line = csv.headerLine
        for (i, raw) in csv.header.enumerated() {
            let name = raw.trimmingSpaces
            if Folding.key(name).isEmpty {
                // A spreadsheet often saves a trailing empty column (`Antall;Merknad;`); one that holds nothing is no problem.
                if csv.records.allSatisfy({ i >= $0.fields.count || $0.fields[i].trimmingSpaces.isEmpty }) { continue }
                problem(line, tr(ImportText.columnNumber, Plain(i + 1)), tr(ImportText.headerNamesNoColumn))
            } else if let column = map.column(for: name, kind: kind) {
                if column == HeaderMap.skip { continue }
                if let first = index[column] {
                    let firstName = written[column] ?? column
                    if Folding.key(firstName) == Folding.key(name) {
                        problem(line, column, tr(ImportText.columnRepeated, Plain(first + 1), Plain(i + 1)))
                    } else {
                        problem(line, column, tr(ImportText.columnTwice, column, firstName, Plain(first + 1), name, Plain(i + 1)))
                    }
                } else {
                    index[column] = i
                    written[column] = name
                }
            } else {
                problem(line, name, tr(ImportText.unknownColumn, LocalText.t(kind.noun), describe, name))
            }
        }
        for name in required where index[name] == nil {
            problem(line, name, tr(ImportText.requiredMissing, LocalText.t(kind.noun), describe)
                    + (csv.header.count == 1 ? tr(ImportText.separatedHint) : ""))
        }
        return problems.isEmpty
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
    var validTexts = Set<String>()
    var days: [String: Day] = [:]

    /// A validation error in the reader's language.
    func reason(_ error: any Error) -> String {
        (error as? BackorderError)?.message(tr) ?? "\(error)"
    }

    mutating func identifier(_ r: CSVFile.Record, _ column: String, _ what: ImportText) -> String? {
        let t = text(r, column)
        if validIdentifiers.contains(t) { return t }
        do { try Validate.identifier(t, tr(what)) } catch { problem(r.line, column, reason(error)); return nil }
        validIdentifiers.insert(t)
        return t
    }

    /// A name or other free text; a line break inside the quoted field (Alt+Enter in a spreadsheet cell) becomes a space.
    mutating func freeText(_ r: CSVFile.Record, _ column: String, _ what: ImportText, default value: String? = nil,
                           required: Bool = true) -> String? {
        let raw = text(r, column)
        // An order file repeats its customer on every row: a text found valid once is valid again.
        if validTexts.contains(raw) { return raw }
        if raw.isEmpty && !required { return raw }
        let t = raw.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            .joined(separator: " ")
        if t.isEmpty, let value { return value }
        do { try Validate.text(t, tr(what), required: required) } catch { problem(r.line, column, reason(error)); return nil }
        if t == raw { validTexts.insert(t) }
        return t
    }

    /// A whole number (see `WholeNumber`); `12`, `12,0`, `12.00` and `1 000` are numbers. Empty gives `default` when there is one.
    mutating func number(_ r: CSVFile.Record, _ column: String, min: Int, max: Int = Validate.maxQuantity, default value: Int? = nil) -> Int? {
        let t = text(r, column)
        if t.isEmpty, let value { return value }
        switch WholeNumber.parse(t) {
        case .problem(let key):
            problem(r.line, column, tr(key, t)); return nil
        case .value(let n):
            guard n >= min else { problem(r.line, column, tr(ImportText.mustBeAtLeast, min, n)); return nil }
            guard n <= max else { problem(r.line, column, tr(ImportText.moreThan, n, max)); return nil }
            return n
        }
    }

    mutating func day(_ r: CSVFile.Record, _ column: String) -> Day? {
        let t = text(r, column)
        if let d = days[t] { return d }
        guard let d = SpreadsheetDay.parse(t) else {
            problem(r.line, column, t.isEmpty ? tr(ImportText.dayEmpty) : tr(ImportText.notADay, t))
            return nil
        }
        days[t] = d
        return d
    }

    /// Records with more fields than the header are refused; fewer are read as empty trailing fields. Extra fields that
    /// are all empty (a spreadsheet's trailing separators) are no problem.
    mutating func checkWidth(_ r: CSVFile.Record) -> Bool {
        guard r.fields.count <= csv.header.count || r.fields[csv.header.count...].allSatisfy({ $0.trimmingSpaces.isEmpty }) else {
            problem(r.line, "", tr(ImportText.fieldCount, r.fields.count, csv.header.count, String(csv.separator)))
            return false
        }
        return true
    }

    /// Remembers each key's first line; a key seen before is a problem.
    mutating func unique(_ key: String, _ r: CSVFile.Record, _ column: String, _ seen: inout [String: Int]) -> Bool {
        if let first = seen[key] {
            problem(r.line, column, tr(ImportText.givenTwice, key, Plain(first)))
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
            let sku = identifier(r, "sku", .whatSKU)
            let name = freeText(r, "name", .whatItemName)
            // Optional columns: absent or empty is nil, so an existing item keeps what it has.
            let unit = optional(r, "unit") { $0.freeText(r, "unit", .whatUnit) }
            let bin = optional(r, "bin") { $0.freeText(r, "bin", .whatBin) }
            let stock = optional(r, "stock") { $0.number(r, "stock", min: 0) }
            let moq = optional(r, "moq") { $0.number(r, "moq", min: 1) }
            let pack = optional(r, "pack") { $0.number(r, "pack", min: 1) }
            let supplier = optional(r, "supplier") { $0.freeText(r, "supplier", .whatSupplier) }
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
            let code = identifier(r, "code", .whatCustomerCode)
            let name = freeText(r, "name", .whatCustomerName)
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
            let contact = optional(r, "contact") { $0.freeText(r, "contact", .whatContactName) }
            guard let code, let name, let language, let email, let contact, unique(code, r, "code", &seen) else { continue }
            out.append(Located(line: r.line, value: Customer(code: code, name: name, language: language ?? nil, email: email, contact: contact)))
        }
        return out
    }

    mutating func stock() -> [Located<StockCount>] {
        var out: [Located<StockCount>] = []
        var seen: [String: Int] = [:]
        for r in csv.records where checkWidth(r) {
            let sku = identifier(r, "sku", .whatSKU)
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
            let po = identifier(r, "po", .whatPONumber)
            let line = number(r, "line", min: 1, max: 1_000_000)
            let sku = identifier(r, "sku", .whatSKU)
            let qty = number(r, "qty", min: 1)
            let eta = day(r, "eta")
            let supplier = freeText(r, "supplier", .whatSupplier)
            guard let po, let line, let sku, let qty, let eta, let supplier, unique("\(po)/\(line)", r, "line", &seen) else { continue }
            out.append(Located(line: r.line, value: NewArrival(supplier: supplier, poNumber: po, poLine: line, sku: sku, quantity: qty, eta: eta)))
        }
        return out
    }
}
