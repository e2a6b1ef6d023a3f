import BackorderCore

// Reads of the service not yet carried by the PostgreSQL store: each refuses, naming itself, and changes nothing.
// The owner of this file removes a stub when the real method lands elsewhere; the file goes when it is empty.
extension PostgresWarehouse {
    public func searchCustomers(_ text: String, limit: Int) throws -> [Customer] {
        throw notYet("searchCustomers")
    }

    public func searchItems(_ text: String, limit: Int) throws -> [Item] {
        throw notYet("searchItems")
    }

    public func donorCandidates(sku: String, excludingOrder: String?) throws -> [DonorCandidate] {
        throw notYet("donorCandidates")
    }

    public func explainDates(order: String, lineNo: Int?, today: Day) throws -> [DateExplanation] {
        throw notYet("explainDates")
    }

    public func notices(includeSent: Bool, order: String?, offset: Int, limit: Int, today: Day) throws -> [Notice] {
        throw notYet("notices")
    }

    public func noticeCount(includeSent: Bool, order: String?) throws -> Int {
        throw notYet("noticeCount")
    }

    public func pickList(orders: [String]) throws -> PickList {
        throw notYet("pickList")
    }

    public func deliveryNote(shipment: String?, order: String?, today: Day) throws -> DeliveryNote {
        throw notYet("deliveryNote")
    }
}
