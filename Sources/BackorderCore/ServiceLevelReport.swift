// The service-level report: what the store reads of lines and backorder events in a period, and the fill rates.

/// One order line with shipments, as the service-level report needs it.
public struct ServiceLineInput: Sendable {
    public struct Shipped: Sendable {
        /// Shipments are compared by id: a higher id shipped later.
        public var shipmentId: Int64
        public var day: Day
        public var quantity: Int
        public init(shipmentId: Int64, day: Day, quantity: Int) { self.shipmentId = shipmentId; self.day = day; self.quantity = quantity }
    }
    public var orderNumber: String
    public var lineNo: Int
    public var customerCode: String
    public var customerName: String
    public var sku: String
    public var itemName: String
    public var orderDate: Day
    public var ordered: Int
    /// Units still allocated, picked or backordered now.
    public var open: Int
    /// True when any unit of the line ever went onto backorder (at ordering or by a short pick).
    public var everBackordered: Bool
    public var shipments: [Shipped]

    public init(orderNumber: String, lineNo: Int, customerCode: String, customerName: String, sku: String, itemName: String,
                orderDate: Day, ordered: Int, open: Int, everBackordered: Bool, shipments: [Shipped]) {
        self.orderNumber = orderNumber; self.lineNo = lineNo; self.customerCode = customerCode; self.customerName = customerName
        self.sku = sku; self.itemName = itemName; self.orderDate = orderDate; self.ordered = ordered; self.open = open
        self.everBackordered = everBackordered; self.shipments = shipments
    }
}

/// Units that went onto backorder in the period (new lines short of stock, short picks), with who and what.
public struct BackorderEvent: Sendable {
    public var customerCode: String
    public var customerName: String
    public var sku: String
    public var itemName: String
    public var units: Int
    public init(customerCode: String, customerName: String, sku: String, itemName: String, units: Int) {
        self.customerCode = customerCode; self.customerName = customerName; self.sku = sku; self.itemName = itemName; self.units = units
    }
}

/// Service-level figures for the whole warehouse, one customer or one item.
public struct ServiceRow: Hashable, Sendable, Codable, CSVRepresentable {
    public enum Scope: String, Sendable, Codable { case total, customer, item }
    public var scope: Scope
    /// Customer code or SKU; empty for the total.
    public var key: String
    public var name: String
    /// Lines whose first shipment fell in the period, and how many of them it shipped complete.
    public var lines: Int
    public var linesComplete: Int
    public var lineFillRate: Double?
    /// Orders whose first shipment fell in the period, and how many it shipped complete (not kept per item).
    public var orders: Int?
    public var ordersComplete: Int?
    public var orderFillRate: Double?
    /// Units that went onto backorder in the period.
    public var unitsBackordered: Int
    /// Backordered lines whose last shipment in the period completed them, and their average wait in days.
    public var backordersShipped: Int
    public var averageWaitDays: Double?

    public init(scope: Scope, key: String, name: String, lines: Int, linesComplete: Int, orders: Int?, ordersComplete: Int?,
                unitsBackordered: Int, backordersShipped: Int, waitDaysTotal: Int) {
        self.scope = scope; self.key = key; self.name = name; self.lines = lines; self.linesComplete = linesComplete
        self.lineFillRate = lines > 0 ? Double(linesComplete) / Double(lines) : nil
        self.orders = orders; self.ordersComplete = ordersComplete
        self.orderFillRate = orders.flatMap { o in o > 0 ? Double(ordersComplete ?? 0) / Double(o) : nil }
        self.unitsBackordered = unitsBackordered; self.backordersShipped = backordersShipped
        self.averageWaitDays = backordersShipped > 0 ? Double(waitDaysTotal) / Double(backordersShipped) : nil
    }

    public static let csvHeader = ["scope", "key", "name", "lines", "lines_complete", "line_fill_pct", "orders",
                                   "orders_complete", "order_fill_pct", "units_backordered", "backorders_shipped",
                                   "avg_wait_days"]
    public var csvFields: [String] {
        [scope.rawValue, key, name, "\(lines)", "\(linesComplete)", ReportFormat.percent(lineFillRate),
         orders.map(String.init) ?? "", ordersComplete.map(String.init) ?? "", ReportFormat.percent(orderFillRate),
         "\(unitsBackordered)", "\(backordersShipped)", ReportFormat.oneDecimal(averageWaitDays)]
    }
}

/// The service level over a period, in all and per customer and item.
public struct ServiceLevelReport: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day
    public var total: ServiceRow
    public var customers: [ServiceRow]
    public var items: [ServiceRow]
    public init(from: Day, to: Day, total: ServiceRow, customers: [ServiceRow], items: [ServiceRow]) {
        self.from = from; self.to = to; self.total = total; self.customers = customers; self.items = items
    }
    /// Every row, total first: one table for CSV.
    public var allRows: [ServiceRow] { [total] + customers + items }
}
