import BackorderCore
import TerminalKit

/// A paper the clerk asked to see, for an order.
public enum PaperRequest: Equatable, Sendable {
    /// What is allocated and not yet picked on the order, by bin.
    case pickList(order: String)
    /// The delivery note of the order's latest shipment.
    case deliveryNote(order: String)
}

/// A paper as the store gave it, before it is written in a language.
public enum PaperContent: Equatable, Sendable {
    case pickList(PickList)
    case deliveryNote(DeliveryNote)
}

/// A print command for the UI: the paper's text in, what the command said (or why it failed) out.
public typealias TextPrinter = @Sendable (String) -> Result<PrintReceipt, PrintFailure>

extension Reducer {
    /// The paper keys: a pick list or the latest delivery note of the selected (or open) order; print the text shown.
    static func paperCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
        if command == .printText {
            guard case .paper(_, let lines, _) = state.overlay else { return [] }
            return [.printText(lines.joined(separator: "\n") + "\n")]
        }
        guard let order = selectedOrder(state) else {
            state.message = StatusMessage(state.tr(PaperText.selectOrder), .warning)
            return []
        }
        return [.loadPaper(command == .deliveryNote ? .deliveryNote(order: order) : .pickList(order: order))]
    }

    /// The paper in a text overlay, laid out as it prints: the pick list in the clerk's language, the delivery note in
    /// the customer's.
    static func paperLoaded(_ state: inout AppState, _ paper: PaperContent) -> [Effect] {
        let warehouse = warehouseName(state.location)
        let title: String, text: String
        switch paper {
        case .pickList(let list):
            let number = list.orders.first?.number ?? ""
            guard !list.lines.isEmpty else {
                state.message = StatusMessage(state.tr(PaperText.nothingAllocated, number), .warning)
                return []
            }
            title = state.tr(PaperText.pickListTitle, list.orders.map(\.number).joined(separator: ", "))
            text = PaperLayout.pickList(list, warehouse: warehouse, today: state.today, state.tr)
        case .deliveryNote(let note):
            title = state.tr(PaperText.deliveryNoteTitle, note.shipment.number)
            text = PaperLayout.deliveryNote(note, warehouse: warehouse, today: state.today,
                                            Localizer(note.readerLanguage(fallback: state.language)))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        state.overlay = .paper(title: title, lines: lines, scroll: 0)
        state.message = StatusMessage(state.tr(PaperText.printHint))
        return []
    }

    /// Scrolls a paper by its own lines: it is never re-wrapped.
    static func movePaper(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard case .paper(let title, let lines, let scroll) = state.overlay else { return [] }
        let height = max(1, Views.paperArea(Layout(size: state.size)).height)
        state.overlay = .paper(title: title, lines: lines, scroll: scrolled(scroll, command, page: height, limit: max(0, lines.count - height)))
        return []
    }

    static func printed(_ state: inout AppState, _ result: Result<PrintReceipt, PrintFailure>) -> [Effect] {
        switch result {
        case .success(let receipt): state.message = StatusMessage(receipt.message(state.tr), .success)
        case .failure(let failure): state.message = StatusMessage(failure.message(state.tr), .error)
        }
        return []
    }

    /// The data file's name without folder and extension, for the papers' header.
    static func warehouseName(_ location: String) -> String {
        let file = location.split(separator: "/").last.map(String.init) ?? location
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}

extension Views {
    /// Where a paper's text goes: inside the overlay's border, 78 columns on an 80-column screen.
    static func paperArea(_ layout: Layout) -> Rect { layout.overlayFrame.inset(top: 1, left: 1, bottom: 1, right: 1) }

    /// A paper in a box, cut (not wrapped) at the right edge when the screen is narrower than the paper.
    static func renderPaper(_ title: String, _ lines: [String], _ scroll: Int, _ layout: Layout, into buffer: inout ScreenBuffer) {
        let frame = layout.overlayFrame
        buffer.fill(frame)
        buffer.drawBox(frame, title: title, style: focusStyle)
        buffer.render(TextView(lines: lines, wraps: false, scrollOffset: scroll), in: paperArea(layout))
    }
}

extension BackorderApp {
    /// Reads a paper, or hands a text to the print command (none set up: a message saying so).
    func performPaper(_ effect: Effect) throws -> Action? {
        switch effect {
        case .loadPaper(let request):
            do {
                switch request {
                case .pickList(let order): return .paperLoaded(.pickList(try service.pickList(orders: [order])))
                case .deliveryNote(let order):
                    return .paperLoaded(.deliveryNote(try service.deliveryNote(shipment: nil, order: order, today: state.today)))
                }
            } catch let error as BackorderError {
                return .lookupFailed(error)
            }
        case .printText(let text):
            return .printed(printText?(text) ?? .failure(.notSetUp))
        default:
            return nil
        }
    }
}
