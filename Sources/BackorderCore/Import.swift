/// Imports: the validated records a file turned into, the problems found in it, and what applying it did.
///
/// A reader (BackorderExchange) makes the records from a file; the store applies them as one transaction. Both speak
/// these types, so every front end reports an import the same way.

/// What an import file holds.
public enum ImportKind: String, CaseIterable, Sendable, Codable {
    case items, stock, customers, orders, arrivals

    /// The key a record of this kind is known by, for messages.
    public var keyName: String {
        switch self {
        case .items, .stock: return "SKU"
        case .customers: return "customer"
        case .orders: return "order"
        case .arrivals: return "arrival"
        }
    }

    /// The key a record of this kind is known by, in the reader's language.
    public var localKeyName: LocalText {
        switch self {
        case .items, .stock: return .t(NameText.keySKU)
        case .customers: return .t(NameText.keyCustomer)
        case .orders: return .t(NameText.keyOrder)
        case .arrivals: return .t(NameText.keyArrival)
        }
    }
}

/// One problem in an import file: where it is, in which column, and why. Printed as `FILE:LINE: column: reason`.
public struct ImportProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    /// The physical line (1 = the header) where the record starts.
    public var line: Int
    /// The column's header name; empty when the problem is the whole record or file.
    public var column: String
    public var reason: String

    public init(file: String, line: Int, column: String, reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    public var description: String { "\(file):\(line): " + (column.isEmpty ? "" : "\(column): ") + reason }
}

/// A record and the file line it starts on.
public struct Located<Value: Sendable>: Sendable {
    public var line: Int
    public var value: Value
    public init(line: Int, value: Value) { self.line = line; self.value = value }
}

/// An item read from a file: the columns a file leaves out (or empty) are nil, so an existing item keeps its values.
public struct ImportedItem: Hashable, Sendable {
    public var sku: String
    public var name: String
    public var unit: String?
    public var bin: String?
    /// Opening stock: used only when the item is new.
    public var stock: Int?
    public var minOrderQty: Int?
    public var packSize: Int?
    /// The default supplier.
    public var supplier: String?
    /// Days from ordering to arrival.
    public var leadTimeDays: Int?

    public init(sku: String, name: String, unit: String? = nil, bin: String? = nil, stock: Int? = nil, minOrderQty: Int? = nil,
                packSize: Int? = nil, supplier: String? = nil, leadTimeDays: Int? = nil) {
        self.sku = sku; self.name = name; self.unit = unit; self.bin = bin; self.stock = stock
        self.minOrderQty = minOrderQty; self.packSize = packSize; self.supplier = supplier; self.leadTimeDays = leadTimeDays
    }

    /// The new item, with the usual defaults for what the file leaves out.
    public var newItem: Item {
        Item(sku: sku, name: name, unit: unit ?? "pcs", bin: bin ?? "", onHand: stock ?? 0, minOrderQty: minOrderQty ?? 1,
             packSize: packSize ?? 1, supplier: supplier ?? "", leadTimeDays: leadTimeDays)
    }

    /// An existing item with the file's master data laid over it; its quantities stay as they are.
    public func applied(to existing: Item) -> Item {
        // An empty cell changes nothing: the same rule as `item set`.
        ItemChanges(name: name, unit: unit, bin: bin, minOrderQty: minOrderQty, packSize: packSize, supplier: supplier,
                    leadTimeDays: leadTimeDays.map { .some($0) }).applied(to: existing)
    }
}

/// A counted stock figure for one item.
public struct StockCount: Hashable, Sendable, Codable {
    public var sku: String
    public var counted: Int
    public init(sku: String, counted: Int) { self.sku = sku; self.counted = counted }
}

/// An order read from a file: one NewOrder (with its number) from one or more rows.
public struct ImportedOrder: Sendable {
    public var order: NewOrder
    /// The file line of each of `order.lines`, in the same order.
    public var fileLines: [Int]
    /// True when the file gave the order date; otherwise the order is dated on the day of import, and an existing
    /// order's date is not compared.
    public var dateGiven: Bool
    /// The order's note (the customer's reference, `merknad`); "" when the file gives none.
    public var note: String

    public init(order: NewOrder, fileLines: [Int], dateGiven: Bool, note: String = "") {
        self.order = order; self.fileLines = fileLines; self.dateGiven = dateGiven; self.note = note
    }

    /// The line the order's first row is on.
    public var firstLine: Int { fileLines.first ?? 1 }
}

/// Every record of one file, of one kind.
public enum ImportRecords: Sendable {
    case items([Located<ImportedItem>])
    case stock([Located<StockCount>])
    case customers([Located<Customer>])
    case orders([ImportedOrder])
    case arrivals([Located<NewArrival>])

    public var kind: ImportKind {
        switch self {
        case .items: return .items
        case .stock: return .stock
        case .customers: return .customers
        case .orders: return .orders
        case .arrivals: return .arrivals
        }
    }

    /// How many records (orders, not rows, for an order file).
    public var count: Int {
        switch self {
        case .items(let r): return r.count
        case .stock(let r): return r.count
        case .customers(let r): return r.count
        case .orders(let r): return r.count
        case .arrivals(let r): return r.count
        }
    }
}

/// A file's records, ready to apply.
public struct ImportBatch: Sendable {
    /// The file name as the user gave it; problems are reported against it.
    public var file: String
    public var records: ImportRecords
    /// Each column's header as the file writes it (`qty` → `Antall`), so that problems name the file's own columns.
    public var headers: [String: String]
    public init(file: String, records: ImportRecords, headers: [String: String] = [:]) {
        self.file = file; self.records = records; self.headers = headers
    }
}

/// What applying one record did (or, in a dry run, would do).
public struct ImportAction: Hashable, Sendable, Codable {
    public enum Change: String, Sendable, Codable { case created, updated, unchanged }
    /// The record's key: SKU, customer code, order number or PO/line.
    public var key: String
    public var change: Change
    /// A few words on what: "3 lines, 1 backordered", "name, bin", "on hand 40 → 52".
    public var detail: String
    public init(key: String, change: Change, detail: String = "") { self.key = key; self.change = change; self.detail = detail }
}

/// The outcome of an import: what it did, or every problem that stopped it (and then nothing changed).
public struct ImportSummary: Sendable, Codable, Equatable {
    /// The most problems reported; more are counted, not listed.
    public static let problemLimit = 100

    public var file: String
    public var kind: ImportKind
    public var dryRun: Bool
    public var actions: [ImportAction]
    /// The first `problemLimit` problems; non-empty means nothing was changed.
    public var problems: [ImportProblem]
    /// All problems found, listed or not.
    public var problemCount: Int

    public init(file: String, kind: ImportKind, dryRun: Bool, actions: [ImportAction], problems: [ImportProblem]) {
        self.file = file; self.kind = kind; self.dryRun = dryRun; self.actions = actions
        self.problems = Array(problems.prefix(Self.problemLimit)); self.problemCount = problems.count
    }

    public var created: Int { actions.count { $0.change == .created } }
    public var updated: Int { actions.count { $0.change == .updated } }
    public var unchanged: Int { actions.count { $0.change == .unchanged } }
    /// True when the file was refused: nothing changed.
    public var refused: Bool { problemCount > 0 }
    /// True when applying the file changed (or would change) nothing: every record was there already.
    public var changesNothing: Bool { !refused && created == 0 && updated == 0 }

    enum CodingKeys: String, CodingKey { case file, kind, dryRun, actions, problems, problemCount, created, updated, unchanged }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        kind = try c.decode(ImportKind.self, forKey: .kind)
        dryRun = try c.decode(Bool.self, forKey: .dryRun)
        actions = try c.decode([ImportAction].self, forKey: .actions)
        problems = try c.decode([ImportProblem].self, forKey: .problems)
        problemCount = try c.decode(Int.self, forKey: .problemCount)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file); try c.encode(kind, forKey: .kind); try c.encode(dryRun, forKey: .dryRun)
        try c.encode(created, forKey: .created); try c.encode(updated, forKey: .updated); try c.encode(unchanged, forKey: .unchanged)
        try c.encode(actions, forKey: .actions); try c.encode(problems, forKey: .problems)
        try c.encode(problemCount, forKey: .problemCount)
    }
}
