/// What a customer reads: the notices' headlines and the order status, written in the customer's language.
public enum NoticeText: String, Catalogued {
    case backordered, partiallyShipped, backorderShipped, promisedDateChanged, cancelled, completed, orderChanged, returned
    case reason
    case orderHeader, note, statusOpen, statusClosed
    case shippedNothing, shippedHeader, shipmentHeader, shipmentLine
    case outstandingNothing, outstandingHeader, outstandingLine
    case inStockComplete, inStockNext
    case backorderedOn, backorderedNoDate, backorderedSplit
    case partExpected, partNoDate, expectedOn, expectedDelayed
    case cancelledHeader, cancelledLine
    case subject, greeting, greetingNobody, regards

    public var texts: (en: String, nb: String) {
        switch self {
        case .backordered: return ("Part of your order is on backorder.", "Deler av ordren din er i restordre.")
        case .partiallyShipped:
            return ("Part of your order has shipped; the rest follows.", "Deler av ordren din er sendt; resten kommer etter.")
        case .backorderShipped:
            return ("Items that were on backorder have now shipped.", "Varer som var i restordre, er nå sendt.")
        case .promisedDateChanged:
            return ("The expected delivery date of items on backorder has changed.",
                    "Forventet leveringsdato for varer i restordre er endret.")
        case .cancelled: return ("Items on backorder were cancelled.", "Varer i restordre er kansellert.")
        case .completed: return ("Your order is now complete.", "Ordren din er nå levert komplett.")
        case .orderChanged: return ("Your order has been changed.", "Ordren din er endret.")
        case .returned: return ("We have received items you returned.", "Vi har mottatt varene du returnerte.")
        case .reason: return ("Reason: {0}", "Årsak: {0}")
        case .orderHeader: return ("Order {0} for {1} ({2}), placed {3}", "Ordre {0} for {1} ({2}), bestilt {3}")
        case .note: return ("Your reference: {0}", "Deres referanse: {0}")
        case .statusOpen: return ("Status: open", "Status: åpen")
        case .statusClosed: return ("Status: complete, closed {0}", "Status: ferdig levert, avsluttet {0}")
        case .shippedNothing: return ("Shipped so far: nothing yet", "Sendt så langt: ingenting ennå")
        case .shippedHeader: return ("Shipped so far:", "Sendt så langt:")
        case .shipmentHeader: return ("Shipment {0} on {1}:", "Forsendelse {0} den {1}:")
        case .shipmentLine: return ("{0} × {1} {2}", "{0} × {1} {2}")
        case .outstandingNothing: return ("Outstanding: nothing", "Utestående: ingenting")
        case .outstandingHeader: return ("Outstanding:", "Utestående:")
        case .outstandingLine: return ("{0} {1}: {2}", "{0} {1}: {2}")
        case .inStockComplete:
            return ("{0} in stock, ships when the whole order is complete", "{0} på lager, sendes når hele ordren er klar")
        case .inStockNext: return ("{0} in stock, ships with the next shipment", "{0} på lager, sendes med neste forsendelse")
        case .backorderedOn: return ("{0} on backorder, {1}", "{0} i restordre, {1}")
        case .backorderedNoDate: return ("{0} on backorder, no delivery date yet", "{0} i restordre, ingen leveringsdato ennå")
        case .backorderedSplit: return ("{0} on backorder: {1}", "{0} i restordre: {1}")
        case .partExpected: return ("{0} {1}", "{0} {1}")
        case .partNoDate: return ("{0} no date yet", "{0} ingen dato ennå")
        case .expectedOn: return ("expected {0}", "ventes {0}")
        case .expectedDelayed: return ("expected {0} (delayed; new date to follow)", "ventet {0} (forsinket; ny dato kommer)")
        case .cancelledHeader: return ("Cancelled:", "Kansellert:")
        case .cancelledLine: return ("{0} × {1} {2}", "{0} × {1} {2}")
        case .subject: return ("Order {0} – {1}", "Ordre {0} – {1}")
        case .greeting: return ("Dear {0},", "Hei {0},")
        case .greetingNobody: return ("Hello,", "Hei,")
        case .regards: return ("Kind regards", "Med vennlig hilsen")
        }
    }

    /// The headline of a notice event.
    public static func headline(_ event: NoticeEvent) -> NoticeText {
        switch event {
        case .backordered: return .backordered
        case .partiallyShipped: return .partiallyShipped
        case .backorderShipped: return .backorderShipped
        case .promisedDateChanged: return .promisedDateChanged
        case .cancelled: return .cancelled
        case .completed: return .completed
        case .orderChanged: return .orderChanged
        case .returned: return .returned
        }
    }

    /// Keys whose text is the same in both languages (pure layout around names and numbers).
    public static let sameInBoth: Set<String> = ["shipmentLine", "outstandingLine", "partExpected", "cancelledLine", "statusOpen"]
}
