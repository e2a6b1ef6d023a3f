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

    /// The sentence that opens a notice for this event, in the process's language.
    public var headline: String { headline(.process) }

    /// The sentence that opens a notice for this event, in `tr`'s language.
    public func headline(_ tr: Localizer) -> String { tr(NoticeText.headline(self)) }
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
    /// The language the customer reads (nil: none set; the text is in the language of whoever read it).
    public var customerLanguage: Language?
    /// Where the notice is e-mailed; nil when the customer has no address.
    public var email: String?
    /// Who at the customer it is addressed to; nil when nobody is named.
    public var contact: String?

    public init(id: Int64, orderNumber: String, customerCode: String, customerName: String, events: [NoticeEvent],
                createdAt: Timestamp, updatedAt: Timestamp, sentAt: Timestamp?, sentBy: String?, text: String,
                customerLanguage: Language? = nil, email: String? = nil, contact: String? = nil) {
        self.id = id; self.orderNumber = orderNumber; self.customerCode = customerCode; self.customerName = customerName
        self.events = events; self.createdAt = createdAt; self.updatedAt = updatedAt; self.sentAt = sentAt; self.sentBy = sentBy
        self.text = text; self.customerLanguage = customerLanguage; self.email = email; self.contact = contact
    }

    /// The localizer of this notice's texts: the customer's language, else the process's.
    public var localizer: Localizer { customerLanguage.map(Localizer.init) ?? .process }

    /// The message in the customer's language (else the process's): see `render(events:detail:today:_:)`.
    public static func render(events: [NoticeEvent], detail: OrderDetail, today: Day) -> String {
        render(events: events, detail: detail, today: today, detail.customerLocalizer)
    }

    /// The message in `tr`'s language: the events' headlines, then the order's status as the customer should see it.
    public static func render(events: [NoticeEvent], detail: OrderDetail, today: Day, _ tr: Localizer) -> String {
        var lines = events.map { $0.headline(tr) }
        if events.contains(.cancelled), let reason = detail.cancelReasons.last {
            lines.append(tr(NoticeText.reason, reason))
        }
        return lines.joined(separator: "\n") + "\n\n" + detail.customerStatus(today: today, tr)
    }
}

/// What became of one pending notice when the notices were mailed.
public struct NoticeMailing: Hashable, Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// Accepted by sendmail and marked sent.
        case sent
        /// Accepted by sendmail, but the order changed meanwhile: still pending, to tell the news too.
        case sentButChanged = "sent-but-changed"
        /// The customer has no e-mail address: skipped, still pending.
        case noAddress = "no-address"
        /// Sendmail refused it: still pending; `detail` says why.
        case failed
        /// Sent or being sent by someone else meanwhile: skipped.
        case taken
        /// Written as a file (a dry run); `detail` is its path.
        case written
    }
    public var orderNumber: String
    public var customerCode: String
    public var customerName: String
    public var outcome: Outcome
    /// The address it went to, the file written, or why it failed ("" when nothing to say).
    public var detail: String

    public init(orderNumber: String, customerCode: String, customerName: String, outcome: Outcome, detail: String) {
        self.orderNumber = orderNumber; self.customerCode = customerCode; self.customerName = customerName
        self.outcome = outcome; self.detail = detail
    }
}
