/// Adding items and customers and counting stock, on either engine: the checks and the journal rows are decided here,
/// the stores only read and write their rows.

/// What the command line's `item add`, `customer add` and `count` need of a warehouse, on a file or a server.
public protocol MasterDataService: Sendable {
    /// Adds an item; refuses a SKU that exists. Opening stock is journaled as an adjustment.
    func addItem(_ item: Item, ctx: Context) throws
    /// Adds a customer; refuses a code that exists. Journaled as "created" (`CustomerJournal`) with `ctx`'s time and actor.
    func addCustomer(_ c: Customer, ctx: Context) throws
    /// Sets the counted stock of an item: a journaled adjustment; newly found stock goes to waiting lines (returned).
    @discardableResult
    func countStock(sku: String, onHand counted: Int, reason: String, ctx: Context) throws -> [ReceiptResult.Allocation]
}

public enum MasterDataRules {
    /// The journal note of an item's opening stock (stored data: stays English).
    public static let openingStockNote = "opening stock" // not prose: stored journal note

    /// Refuses an item that cannot be added, before anything is read.
    public static func checkNewItem(_ item: Item) throws {
        try Validate.identifier(item.sku, LocalText.t(FieldText.sku))
        try Validate.text(item.name, LocalText.t(FieldText.itemName))
        try Validate.text(item.unit, LocalText.t(FieldText.unit))
        try Validate.text(item.bin, LocalText.t(FieldText.binLocation), required: false)
        try Validate.nonNegative(item.onHand, LocalText.t(FieldText.stockOnHand))
        try Validate.masterData(item)
    }

    /// The refusal of an item whose SKU exists.
    public static func itemExists(_ sku: String) -> BackorderError { .refused(.t(StoreText.itemExists, sku)) }
    /// The refusal of a customer whose code exists.
    public static func customerExists(_ code: String) -> BackorderError { .refused(.t(CustomerText.customerExists, code)) }

    /// The movement that puts a new item's opening stock on the shelf; nil when it starts empty.
    public static func openingStock(_ item: Item) -> PlannedMovement? {
        guard item.onHand > 0 else { return nil }
        return PlannedMovement(lineId: nil, sku: item.sku, kind: .adjust, quantity: item.onHand, delta: Delta(onHand: item.onHand))
    }

    /// Refuses a count that cannot be taken, before anything is read.
    public static func checkCount(onHand counted: Int, reason: String) throws {
        try Validate.nonNegative(counted, LocalText.t(FieldText.countedQuantity))
        try Validate.text(reason, LocalText.t(FieldText.reason))
    }

    /// The adjustment a count makes to the item as stored: nil when the shelf holds what the books say. Refused when
    /// the count is below what orders hold (allocated and picked units are on the shelf by definition).
    public static func planCount(_ item: Item, onHand counted: Int) throws -> PlannedMovement? {
        let held = item.allocated + item.picked
        guard counted >= held else { throw BackorderError.refused(.t(StoreText.countBelowHeld, item.sku, counted, held)) }
        let diff = counted - item.onHand
        guard diff != 0 else { return nil }
        return PlannedMovement(lineId: nil, sku: item.sku, kind: .adjust, quantity: abs(diff), delta: Delta(onHand: diff))
    }
}
