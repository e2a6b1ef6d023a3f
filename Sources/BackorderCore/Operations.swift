/// The inputs and outputs of the warehouse's operations, shared by every front end.

/// Who does an operation, and when: every journal row carries both.
public struct Context: Sendable {
    /// The OS user (also over SSH), or a name given by a script.
    public var actor: String
    public var now: Timestamp
    /// The local calendar day of `now`; order dates, ages and lateness use it.
    public var today: Day

    public init(actor: String, now: Timestamp, today: Day) { self.actor = actor; self.now = now; self.today = today }
}

/// A window into a list: `limit` rows from `offset`, optionally narrowed by a filter text and in a sort order.
public struct Page: Sendable, Equatable {
    public var offset: Int
    public var limit: Int
    /// Case-insensitive text that must occur in the row's key fields (order number, customer, SKU, item name, PO).
    public var filter: String
    /// The column the whole (filtered, restricted) list is ordered by before the window is cut; nil: the list's own order.
    public var sort: ListSort?
    public init(offset: Int = 0, limit: Int = 50, filter: String = "", sort: ListSort? = nil) {
        self.offset = max(0, offset); self.limit = max(0, limit); self.filter = filter; self.sort = sort
    }
}

/// Headline figures for a status bar.
public struct Counts: Sendable, Equatable, Codable {
    public init(openOrders: Int, backorderLines: Int, backorderedUnits: Int, openArrivals: Int, lateArrivals: Int, items: Int) {
        self.openOrders = openOrders; self.backorderLines = backorderLines; self.backorderedUnits = backorderedUnits
        self.openArrivals = openArrivals; self.lateArrivals = lateArrivals; self.items = items
    }
    public var openOrders: Int
    public var backorderLines: Int
    public var backorderedUnits: Int
    public var openArrivals: Int
    public var lateArrivals: Int
    public var items: Int
}

/// A new order as a clerk or an import gives it.
public struct NewOrder: Sendable, Codable, Equatable {
    /// The order number; nil lets the warehouse number it (SO-000123).
    public var number: String?
    public var customer: String
    /// Defaults to today.
    public var orderDate: Day?
    public var priority: Int
    public var policy: ShipPolicy
    public var lines: [NewOrderLine]

    public init(number: String? = nil, customer: String, orderDate: Day? = nil, priority: Int = 5, policy: ShipPolicy = .partial,
                lines: [NewOrderLine]) {
        self.number = number; self.customer = customer; self.orderDate = orderDate; self.priority = priority
        self.policy = policy; self.lines = lines
    }
}

/// A new expected arrival.
public struct NewArrival: Sendable, Codable {
    public var supplier: String
    public var poNumber: String
    public var poLine: Int
    public var sku: String
    public var quantity: Int
    public var eta: Day
    public init(supplier: String, poNumber: String, poLine: Int = 1, sku: String, quantity: Int, eta: Day) {
        self.supplier = supplier; self.poNumber = poNumber; self.poLine = poLine; self.sku = sku; self.quantity = quantity; self.eta = eta
    }
}

/// What a pick did.
public struct PickResult: Sendable, Codable, Equatable {
    public var orderNumber: String
    public var picked: Int
    public var missing: Int
    /// Units the short pick's missing stock sent back to waiting, now given to other lines (or this one) from book stock.
    public var reallocated: [ReceiptResult.Allocation]

    public init(orderNumber: String, picked: Int, missing: Int, reallocated: [ReceiptResult.Allocation]) {
        self.orderNumber = orderNumber; self.picked = picked; self.missing = missing; self.reallocated = reallocated
    }
}

