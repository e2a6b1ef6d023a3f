import ArgumentParser
import BackorderCore

/// `--csv-dialect`: how `--csv` output is written. RFC 4180 unless asked, whatever the language, so scripts never break.
struct CSVDialectOption: ParsableArguments {
    @Option(name: .customLong("csv-dialect"), help: ArgumentHelp(Localizer.process(CSVOutputText.dialectHelp), valueName: "rfc4180|excel-nb"))
    var csvDialect = CSVDialect.rfc4180.rawValue

    func validate() throws {
        guard let dialect = CSVDialect(rawValue: csvDialect.lowercased()) else {
            throw ValidationError(Localizer.process(ImportText.unknownDialect, csvDialect))
        }
        // The command prints once; its options are parsed before it runs.
        CSVOutput.writer = CSVWriter(dialect)
    }
}

/// The writer `--csv` output uses in this process.
enum CSVOutput {
    nonisolated(unsafe) static var writer = CSVWriter()
}
