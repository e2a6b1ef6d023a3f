import BackorderCore
import Foundation
import SwiftCSV

/// A CSV file split into records by SwiftCSV, each record with the physical line it starts on.
///
/// SwiftCSV hands over fields, not positions; a quoted field may hold line breaks, so a record's line is counted here:
/// the header starts on line 1 and each record spans one line plus the line breaks inside its fields.
struct CSVFile {
    struct Record {
        /// The physical line (1-based) the record starts on.
        var line: Int
        var fields: [String]
    }

    /// The header's column names as written (BOM removed).
    var header: [String]
    var headerLine: Int
    var records: [Record]
    var separator: Character

    /// Splits `text`; the separator is the first of `,` `;` (or tab) outside quotes on the first line.
    static func parse(_ text: String, file: String, tr: Localizer) throws(ImportProblem) -> CSVFile {
        // SwiftCSV drops a BOM itself; dropping it first keeps the separator guess from seeing it.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // The header line decides; guessing on the whole text would first copy and trim all of it.
        let delimiter = CSVDelimiter.guessed(string: String(text.prefix { !$0.isNewline }))
        var rows: [Record] = []
        var nextLine = 1
        let opened: EnumeratedCSV
        do {
            // rowLimit 0: only the header is read here; the records are read once, below, with their lines.
            opened = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false, rowLimit: 0)
            try opened.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                let breaks = fields.reduce(0) { n, f in n + f.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
                rows.append(Record(line: nextLine, fields: fields))
                nextLine += 1 + breaks
            }
        } catch {
            throw ImportProblem(file: file, line: nextLine, column: "", reason: tr(ImportText.notValidCSV))
        }
        // An odd number of quotes means a quoted field never closed: SwiftCSV would take the rest of the file as one field.
        if text.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }) % 2 == 1 {
            throw ImportProblem(file: file, line: rows.last?.line ?? 1, column: "", reason: tr(ImportText.quoteNotClosed))
        }
        // Blank lines (a record of one empty field) are skipped; they still count as lines.
        let nonBlank = rows.filter { !($0.fields.count == 1 && $0.fields[0].trimmingSpaces.isEmpty) }
        guard let head = nonBlank.first else {
            throw ImportProblem(file: file, line: 1, column: "", reason: tr(ImportText.emptyFile))
        }
        return CSVFile(header: head.fields, headerLine: head.line, records: Array(nonBlank.dropFirst()), separator: delimiter.rawValue)
    }
}
