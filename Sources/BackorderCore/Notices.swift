/// Something a customer should hear about their order.
public enum NoticeEvent: String, Sendable, Codable, CaseIterable {
    /// Units of the order could not be served from stock and wait for an arrival.
    case backordered
    /// A shipment left, and part of the order is still open.
    case partiallyShipped = "partially-shipped"
    /// Units that had waited on backorder were filled and shipped.
    case backorderShipped = "backorder-shipped"
    /// The promised date of a waiting line moved (an ETA changed, or the queue in front of it did).
    case promisedDateChanged = "promised-date-changed"
    /// The backordered remainder of a line or of the order was cancelled.
    case cancelled
    /// The last units shipped and the order is complete (said only to customers who heard of it before).
    case completed
    /// The order was changed at the customer's request or by the warehouse: a quantity, a line, its priority.
    case orderChanged = "order-changed"
    /// Shipped units came back from the customer.
    case returned

    /// The sentence that opens a notice for this event.
    public var headline: String {
        switch self {
        case .backordered: return "Part of your order is on backorder."
        case .partiallyShipped: return "Part of your order has shipped; the rest follows."
        case .backorderShipped: return "Items that were on backorder have now shipped."
        case .promisedDateChanged: return "The expected delivery date of items on backorder has changed."
        case .cancelled: return "Items on backorder were cancelled."
        case .completed: return "Your order is now complete."
        case .orderChanged: return "Your order has been changed."
        case .returned: return "We have received items you returned."
        }
    }
}

/// A message for a customer about one order: pending until marked sent, then frozen.
public struct Notice: Hashable, Sendable, Codable {
    public var id: Int64
    public var orderNumber: String
    public var customerCode: String
    public var customerName: String
    /// What happened since the customer was last told, oldest first.
    public var events: [NoticeEvent]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var sentAt: Timestamp?
    public var sentBy: String?
    /// The text to send: for a pending notice, rendered from the order as it is now; for a sent one, as it was sent.
    public var text: String

    public init(id: Int64, orderNumber: String, customerCode: String, customerName: String, events: [NoticeEvent],
                createdAt: Timestamp, updatedAt: Timestamp, sentAt: Timestamp?, sentBy: String?, text: String) {
        self.id = id; self.orderNumber = orderNumber; self.customerCode = customerCode; self.customerName = customerName
        self.events = events; self.createdAt = createdAt; self.updatedAt = updatedAt; self.sentAt = sentAt; self.sentBy = sentBy
        self.text = text
    }

    /// The message: the events' headlines, then the order's status as the customer should see it.
    public static func render(events: [NoticeEvent], detail: OrderDetail, today: Day) -> String {
        var lines = events.map(\.headline)
        if events.contains(.cancelled), !detail.cancelReasons.isEmpty {
            lines.append("Reason: " + detail.cancelReasons.last!)
        }
        return lines.joined(separator: "\n") + "\n\n" + detail.customerStatus(today: today)
    }
}
