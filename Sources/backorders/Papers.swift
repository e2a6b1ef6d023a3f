import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// `backorders pick-list ORDER...`: what to take from which bin, on paper.
struct PickListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick-list", abstract: Localizer.process(PaperText.pickListAbstract),
        discussion: Localizer.process(PaperText.pickListDiscussion))

    @OptionGroup var db: DatabaseOptions
    @Argument(help: ArgumentHelp(Localizer.process(PaperText.pickListOrdersHelp), valueName: "order")) var orders: [String]
    @OptionGroup var paper: PaperOptions

    func validate() throws { try paper.validate() }

    func run() throws {
        try perform {
            let w = try db.service(.readOnly)
            let list = try w.pickList(orders: orders)
            if paper.json { try printJSON(list); return }
            guard !list.lines.isEmpty else {
                throw BackorderError.refused(.t(PaperText.nothingAllocated, list.orders.map(\.number).joined(separator: ", ")))
            }
            let text = PaperLayout.pickList(list, warehouse: paper.warehouseName(db.path), today: Context.current().today, .process)
            try paper.deliver(text)
        }
    }
}

/// `backorders delivery-note SHIPMENT | --order ORDER`: the følgeseddel that goes in the box.
struct DeliveryNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery-note", abstract: Localizer.process(PaperText.deliveryNoteAbstract),
        discussion: Localizer.process(PaperText.deliveryNoteDiscussion))

    @OptionGroup var db: DatabaseOptions
    @Argument(help: ArgumentHelp(Localizer.process(PaperText.deliveryNoteShipmentHelp), valueName: "shipment")) var shipment: String?
    @Option(help: ArgumentHelp(Localizer.process(PaperText.deliveryNoteOrderHelp), valueName: "order")) var order: String?
    @OptionGroup var paper: PaperOptions

    func validate() throws {
        guard shipment != nil || order != nil else { throw ValidationError(Localizer.process(PaperText.shipmentOrOrder)) }
        try paper.validate()
    }

    func run() throws {
        try perform {
            let today = Context.current().today
            let note = try db.service(.readOnly).deliveryNote(shipment: shipment, order: order, today: today)
            if paper.json { try printJSON(note); return }
            // The customer reads it: their language when recorded, else the one this command speaks.
            let tr = Localizer(note.readerLanguage(fallback: Localizer.process.language))
            try paper.deliver(PaperLayout.deliveryNote(note, warehouse: paper.warehouseName(db.path), today: today, tr))
        }
    }
}

/// Where a paper goes: stdout, a file, the printer (or a file and the printer).
struct PaperOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(Localizer.process(PaperText.printHelp))) var print = false
    @Option(help: ArgumentHelp(Localizer.process(PaperText.printerHelp), valueName: "name")) var printer: String?
    @Option(help: ArgumentHelp(Localizer.process(PaperText.outputHelp), valueName: "file")) var output: String?
    @Option(help: ArgumentHelp(Localizer.process(PaperText.warehouseHelp), valueName: "name")) var warehouse: String?
    @Flag(help: ArgumentHelp(Localizer.process(PaperText.jsonHelp))) var json = false

    func validate() throws {
        if printer != nil && !print { throw ValidationError(Localizer.process(PaperText.printerNeedsPrint)) }
        if json && (print || output != nil) { throw ValidationError(Localizer.process(PaperText.jsonAlone)) }
    }

    /// The name in the header: `--warehouse`, else `BACKORDERS_WAREHOUSE`, else the data file's name without its extension.
    func warehouseName(_ path: String) -> String {
        if let warehouse, !warehouse.isEmpty { return warehouse }
        if let env = ProcessInfo.processInfo.environment["BACKORDERS_WAREHOUSE"], !env.isEmpty { return env }
        return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Writes the text where asked; a print command that fails is exit 69, with its words.
    func deliver(_ text: String) throws {
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw BackorderError.invalid(.verbatim("\(output): \(error.localizedDescription)"))
            }
            Swift.print(Localizer.process(PaperText.wroteFile, output))
        }
        if print {
            switch PaperPrinter.send(text, command: .resolve(environment: ProcessInfo.processInfo.environment, printer: printer)) {
            case .success(let receipt):
                Swift.print(receipt.message(.process))
            case .failure(let failure):
                FileHandle.standardError.write(Data("backorders: \(failure.message(.process))\n".utf8))
                throw ExitCode(Exit.printFailed)
            }
        }
        if output == nil && !print { Swift.print(text, terminator: "") }
    }
}

extension Exit {
    /// The print command could not be run or refused the paper (sysexits' EX_UNAVAILABLE).
    static let printFailed: Int32 = 69
}

/// Hands a paper to the print command on its standard input and reports what it said.
enum PaperPrinter {
    static func send(_ text: String, command: PrintCommand) -> Result<PrintReceipt, PrintFailure> {
        // A command that exits without reading its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: command.executable)
        p.arguments = command.arguments
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        do {
            try p.run()
        } catch {
            return .failure(.notStarted(command: command.shown, reason: error.localizedDescription))
        }
        let writer = DispatchGroup()
        let data = Data(text.utf8)
        DispatchQueue.global().async(group: writer) {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        let said = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        writer.wait()
        let words = String(decoding: said, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        let status = p.terminationReason == .exit ? p.terminationStatus : 128 + p.terminationStatus
        if status == 0 { return .success(PrintReceipt(command: command.shown, output: words)) }
        if status == 127 { return .failure(.notFound(command: command.shown)) }
        return .failure(.failed(command: command.shown, status: status, output: words))
    }
}
