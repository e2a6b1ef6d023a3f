import BackorderCore

/// Which everyday exception a dialog gathers answers for.
public enum CorrectionKind: Equatable, Sendable {
    /// Cancel what is open on the order, or on one line.
    case cancel
    /// Put picked units back on the shelf.
    case putBack
    /// Change the order's priority, ship policy and note.
    case changeOrder
    /// Serve the order first: priority 1, stock given from the least urgent orders.
    case expedite
    /// Give a waiting line units allocated to other orders.
    case reallocate
    /// Change a line's quantity.
    case amend
    /// Add a line to the order.
    case addLine
    /// Shipped units came back from the customer.
    case returnUnits
    /// Take back a receipt booked in error.
    case reverseReceipt

    // The dialog's title and confirming key are worded in `CorrectionView` (CorrectionText), in the reader's language.

    /// What the dialog asks, in order.
    public var fields: [CorrectionField] {
        switch self {
        case .cancel: return [.line, .scope, .reason]
        case .putBack: return [.line, .reason]
        case .changeOrder: return [.priority, .policy, .note, .optionalReason]
        case .expedite: return [.reason]
        case .reallocate: return [.line, .donors, .reason]
        case .amend: return [.line, .quantity, .reason]
        case .addLine: return [.sku, .quantity, .optionalReason]
        case .returnUnits: return [.line, .quantity, .restock, .reason]
        case .reverseReceipt: return [.receipt, .reason]
        }
    }
}

/// One question of an exception dialog.
public enum CorrectionField: Equatable, Sendable {
    case line, scope, quantity, priority, policy, note, sku, donors, restock, receipt, reason, optionalReason
}

/// An exception being asked field by field, with the order it works on (nil for a receipt reversal).
public struct CorrectionDraft: Equatable, Sendable {
    public var kind: CorrectionKind
    public var detail: OrderDetail?
    /// Answers to `kind.fields`, in order; the next field is `answers.count`.
    public var answers: [String] = []
    /// The line picked on screen when the dialog opened (the default for a line question).
    public var selectedLine: Int?
    /// Lines of other orders holding stock of the line's SKU, once looked up (re-allocation).
    public var candidates: [DonorCandidate]?

    public init(kind: CorrectionKind, detail: OrderDetail?, selectedLine: Int? = nil) {
        self.kind = kind; self.detail = detail; self.selectedLine = selectedLine
    }

    /// The field being asked, or nil when every answer is in.
    public var field: CorrectionField? { answers.count < kind.fields.count ? kind.fields[answers.count] : nil }

    /// The answer given for a field (nil when not asked yet).
    public func answer(_ f: CorrectionField) -> String? {
        guard let i = kind.fields.firstIndex(of: f), i < answers.count else { return nil }
        return answers[i]
    }

    /// The line the answers name, when the order has it.
    public var line: OrderDetail.Line? {
        guard let text = answer(.line), let n = Int(text.trimmingSpaces) else { return nil }
        return detail?.lines.first { $0.line.lineNo == n }
    }
}

/// An exception ready to run (or preview), as the store takes it.
public enum Correction: Equatable, Sendable {
    case cancel(order: String, lineNo: Int?, scope: CancelScope, reason: String, expectedVersion: Int)
    case putBack(order: String, entries: [PutBackEntry]?, reason: String, expectedVersion: Int)
    case changeOrder(order: String, OrderChanges, reason: String, expectedVersion: Int)
    case expedite(order: String, reason: String, expectedVersion: Int)
    case reallocate(order: String, lineNo: Int, donors: [DonorLine]?, reason: String, expectedVersion: Int)
    case amend(order: String, lineNo: Int, quantity: Int, reason: String, expectedVersion: Int)
    case addLine(order: String, sku: String, quantity: Int, reason: String, expectedVersion: Int)
    case returnUnits(order: String, lineNo: Int, quantity: Int, restock: Bool, reason: String)
    case reverseReceipt(number: String, reason: String)
}
