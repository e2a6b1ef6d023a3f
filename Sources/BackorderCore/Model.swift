/// How an order may be shipped.
public enum ShipPolicy: String, Sendable, Codable, CaseIterable {
    /// Whatever is picked may ship; the rest follows in later shipments.
    case partial
    /// The order ships in one go; a partial shipment needs an explicit override.
    case complete
}

/// An item the warehouse keeps, with its cached stock counters.
public struct Item: Hashable, Sendable, Codable {
    public var sku: String
    public var name: String
    public var unit: String
    public var bin: String
    /// Units physically in the warehouse: free + allocated + picked.
    public var onHand: Int
    /// Units reserved on the shelf for order lines, not yet picked.
    public var allocated: Int
    /// Units picked for order lines, not yet shipped.
    public var picked: Int
    /// Units ordered by customers that wait for stock.
    public var backordered: Int
    /// Units on open expected arrivals not yet received.
    public var incoming: Int
    /// Smallest quantity the supplier accepts on a purchase order.
    public var minOrderQty: Int
    /// Purchase quantities are multiples of this.
    public var packSize: Int
    /// Who the item is bought from by default ("" when nobody is set).
    public var supplier: String
    /// Days from ordering to arrival, for the ETA of a purchase; nil when not known.
    public var leadTimeDays: Int?

    /// Units on the shelf that nobody has claimed.
    public var free: Int { onHand - allocated - picked }

    public init(sku: String, name: String, unit: String = "pcs", bin: String = "", onHand: Int = 0, allocated: Int = 0,
                picked: Int = 0, backordered: Int = 0, incoming: Int = 0, minOrderQty: Int = 1, packSize: Int = 1,
                supplier: String = "", leadTimeDays: Int? = nil) {
        self.sku = sku; self.name = name; self.unit = unit; self.bin = bin; self.onHand = onHand
        self.allocated = allocated; self.picked = picked; self.backordered = backordered; self.incoming = incoming
        self.minOrderQty = minOrderQty; self.packSize = packSize; self.supplier = supplier; self.leadTimeDays = leadTimeDays
    }
}

/// Master data of an item to change; nil leaves a field as it is.
public struct ItemChanges: Sendable, Equatable {
    public var name: String?
    public var unit: String?
    public var bin: String?
    public var minOrderQty: Int?
    public var packSize: Int?
    /// "" clears the default supplier.
    public var supplier: String?
    /// `.some(nil)` clears the lead time.
    public var leadTimeDays: Int??

    public init(name: String? = nil, unit: String? = nil, bin: String? = nil, minOrderQty: Int? = nil, packSize: Int? = nil,
                supplier: String? = nil, leadTimeDays: Int?? = nil) {
        self.name = name; self.unit = unit; self.bin = bin; self.minOrderQty = minOrderQty; self.packSize = packSize
        self.supplier = supplier; self.leadTimeDays = leadTimeDays
    }

    /// True when nothing would change.
    public var isEmpty: Bool {
        name == nil && unit == nil && bin == nil && minOrderQty == nil && packSize == nil && supplier == nil && leadTimeDays == nil
    }

    /// The item with these changes laid over it; its quantities stay as they are.
    public func applied(to item: Item) -> Item {
        var i = item
        if let name { i.name = name }
        if let unit { i.unit = unit }
        if let bin { i.bin = bin }
        if let minOrderQty { i.minOrderQty = minOrderQty }
        if let packSize { i.packSize = packSize }
        if let supplier { i.supplier = supplier }
        if let leadTimeDays { i.leadTimeDays = leadTimeDays }
        return i
    }
}

/// A customer who places orders.
public struct Customer: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// The language its notices and status texts are written in; nil: the language of whoever prints them.
    public var language: Language?
    /// Where its notices are e-mailed; nil: no address known (the notice cannot be mailed).
    public var email: String?
    /// The person notices are addressed to; nil: nobody named.
    public var contact: String?
    public init(code: String, name: String, language: Language? = nil, email: String? = nil, contact: String? = nil) {
        self.code = code; self.name = name; self.language = language; self.email = email; self.contact = contact
    }
}

/// Where every unit of an order line is: ordered = allocated + picked + shipped + backordered + cancelled.
public struct LineQuantities: Hashable, Sendable, Codable {
    public var ordered = 0
    public var allocated = 0
    public var picked = 0
    public var shipped = 0
    public var backordered = 0
    public var cancelled = 0

    public init(ordered: Int = 0, allocated: Int = 0, picked: Int = 0, shipped: Int = 0, backordered: Int = 0, cancelled: Int = 0) {
        self.ordered = ordered; self.allocated = allocated; self.picked = picked
        self.shipped = shipped; self.backordered = backordered; self.cancelled = cancelled
    }

    /// Units not yet shipped nor cancelled: the line is open while this is above zero.
    public var open: Int { allocated + picked + backordered }

    /// True when every unit is accounted for exactly once and no bucket is negative.
    public var isBalanced: Bool {
        ordered == allocated + picked + shipped + backordered + cancelled
            && [ordered, allocated, picked, shipped, backordered, cancelled].allSatisfy { $0 >= 0 }
    }

    /// These quantities after a movement.
    public func applying(_ d: Delta) -> LineQuantities {
        LineQuantities(ordered: ordered + d.ordered, allocated: allocated + d.allocated, picked: picked + d.picked,
                       shipped: shipped + d.shipped, backordered: backordered + d.backordered, cancelled: cancelled + d.cancelled)
    }
}

/// The change one journal movement makes to an order line's buckets and to the stock on hand.
public struct Delta: Hashable, Sendable, Codable {
    public var ordered = 0, allocated = 0, picked = 0, shipped = 0, backordered = 0, cancelled = 0
    /// Change of the physical stock on hand of the movement's SKU.
    public var onHand = 0

    public init(ordered: Int = 0, allocated: Int = 0, picked: Int = 0, shipped: Int = 0, backordered: Int = 0,
                cancelled: Int = 0, onHand: Int = 0) {
        self.ordered = ordered; self.allocated = allocated; self.picked = picked; self.shipped = shipped
        self.backordered = backordered; self.cancelled = cancelled; self.onHand = onHand
    }
}

/// What a journal movement records.
public enum MovementKind: String, Sendable, Codable, CaseIterable {
    /// A new order line: its units become allocated or backordered.
    case order
    /// Waiting backordered units reserved from free stock (after a receipt or a stock correction).
    case allocate
    /// Allocated units confirmed picked.
    case pick
    /// Allocated units the shelf did not have: back to backordered, and stock corrected.
    case shortPick = "short-pick"
    /// Picked units leave the warehouse in a shipment.
    case ship
    /// Units arrive from a supplier.
    case receive
    /// Backordered units cancelled.
    case cancel
    /// A stock correction (count) with no order involved.
    case adjust
    /// Allocated units taken from a line (given to an urgent order, or taken back by a receipt reversal): back to backordered.
    case release
    /// Picked units put back on the shelf: allocated to their line again.
    case putBack = "put-back"
    /// A line's ordered quantity changed after the order was placed.
    case amend
    /// Shipped units that came back from the customer: restocked (stock rises) or scrapped; the line is unchanged.
    case `return`
    /// A receipt booked in error, taken out of stock again.
    case receiptReversal = "receipt-reversal"
}

/// An order's header.
public struct Order: Hashable, Sendable, Codable {
    public var id: Int64
    public var number: String
    public var customerCode: String
    public var customerName: String
    public var orderDate: Day
    /// 1 is the most urgent, 9 the least; receipts serve lower numbers first.
    public var priority: Int
    public var policy: ShipPolicy
    public var closedAt: Timestamp?
    /// Rises with every change to the order; a screen that saw an older version is stale.
    public var version: Int

    public init(id: Int64, number: String, customerCode: String, customerName: String, orderDate: Day, priority: Int,
                policy: ShipPolicy, closedAt: Timestamp?, version: Int) {
        self.id = id; self.number = number; self.customerCode = customerCode; self.customerName = customerName
        self.orderDate = orderDate; self.priority = priority; self.policy = policy; self.closedAt = closedAt; self.version = version
    }

    public var isOpen: Bool { closedAt == nil }
}

/// One line of an order with its quantities.
public struct OrderLine: Hashable, Sendable, Codable {
    public var id: Int64
    public var lineNo: Int
    public var sku: String
    public var itemName: String
    public var quantities: LineQuantities

    public init(id: Int64, lineNo: Int, sku: String, itemName: String, quantities: LineQuantities) {
        self.id = id; self.lineNo = lineNo; self.sku = sku; self.itemName = itemName; self.quantities = quantities
    }
}

/// An expected arrival: one line of a purchase order, with its supplier ETA.
public struct Arrival: Hashable, Sendable, Codable {
    public var id: Int64
    public var supplier: String
    public var poNumber: String
    public var poLine: Int
    public var sku: String
    public var quantity: Int
    public var received: Int
    public var eta: Day
    public var closedAt: Timestamp?

    public init(id: Int64, supplier: String, poNumber: String, poLine: Int, sku: String, quantity: Int, received: Int,
                eta: Day, closedAt: Timestamp?) {
        self.id = id; self.supplier = supplier; self.poNumber = poNumber; self.poLine = poLine; self.sku = sku
        self.quantity = quantity; self.received = received; self.eta = eta; self.closedAt = closedAt
    }

    /// Units still expected.
    public var outstanding: Int { max(0, quantity - received) }
    public var isOpen: Bool { closedAt == nil }
    /// `PO/line`, how clerks name an arrival.
    public var reference: String { "\(poNumber)/\(poLine)" }
}

/// A change of an arrival's ETA, kept forever.
public struct ETAChange: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day
    public var at: Timestamp
    public var actor: String
    public var reason: String
    public init(from: Day, to: Day, at: Timestamp, actor: String, reason: String) {
        self.from = from; self.to = to; self.at = at; self.actor = actor; self.reason = reason
    }
}

/// A numbered shipment of an order.
public struct Shipment: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var lineNo: Int
        public var sku: String
        public var quantity: Int
        public init(lineNo: Int, sku: String, quantity: Int) { self.lineNo = lineNo; self.sku = sku; self.quantity = quantity }
    }
    public var number: String
    public var orderNumber: String
    public var at: Timestamp
    public var actor: String
    /// True when a ship-complete order was shipped partially by explicit override.
    public var overridden: Bool
    public var lines: [Line]

    public init(number: String, orderNumber: String, at: Timestamp, actor: String, overridden: Bool, lines: [Line]) {
        self.number = number; self.orderNumber = orderNumber; self.at = at; self.actor = actor
        self.overridden = overridden; self.lines = lines
    }
}

/// One row of the movement journal.
public struct Movement: Hashable, Sendable, Codable {
    public var id: Int64
    public var at: Timestamp
    public var actor: String
    public var kind: MovementKind
    public var sku: String
    public var quantity: Int
    public var delta: Delta
    public var orderNumber: String?
    public var lineNo: Int?
    public var arrivalReference: String?
    public var document: String?
    public var note: String

    public init(id: Int64, at: Timestamp, actor: String, kind: MovementKind, sku: String, quantity: Int, delta: Delta,
                orderNumber: String?, lineNo: Int?, arrivalReference: String?, document: String?, note: String) {
        self.id = id; self.at = at; self.actor = actor; self.kind = kind; self.sku = sku; self.quantity = quantity
        self.delta = delta; self.orderNumber = orderNumber; self.lineNo = lineNo; self.arrivalReference = arrivalReference
        self.document = document; self.note = note
    }
}
