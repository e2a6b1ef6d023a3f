import BackorderCore

// Operations of the service not yet carried by the PostgreSQL store: each refuses, naming itself, and changes nothing.
// The owner of this file removes a stub when the real method lands elsewhere; the file goes when it is empty.
extension PostgresWarehouse {
    public func pick(order: String, entries: [PickEntry]?, expectedVersion: Int?, ctx: Context) throws -> PickResult {
        try requireWritable(); throw notYet("pick")
    }

    public func ship(order: String, override: Bool, expectedVersion: Int?, ctx: Context) throws -> Shipment {
        try requireWritable(); throw notYet("ship")
    }

    public func createOrder(_ new: NewOrder, ctx: Context) throws -> OrderDetail {
        try requireWritable(); throw notYet("createOrder")
    }

    public func previewOrder(_ new: NewOrder, ctx: Context) throws -> OrderPreview {
        throw notYet("previewOrder")
    }

    public func changeCustomer(_ code: String, _ changes: CustomerChanges) throws -> [String] {
        try requireWritable(); throw notYet("changeCustomer")
    }

    public func cancel(order: String, lineNo: Int?, scope: CancelScope, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("cancel")
    }

    public func putBack(order: String, entries: [PutBackEntry]?, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("putBack")
    }

    public func changeOrder(_ number: String, _ changes: OrderChanges, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("changeOrder")
    }

    public func reallocate(to number: String, lineNo: Int, from donors: [DonorLine]?, quantity: Int?, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("reallocate")
    }

    public func expedite(_ number: String, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("expedite")
    }

    public func amendLine(order: String, lineNo: Int, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("amendLine")
    }

    public func addLine(order: String, sku: String, quantity: Int, reason: String, expectedVersion: Int?, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("addLine")
    }

    public func reverseReceipt(_ number: String, reason: String, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("reverseReceipt")
    }

    public func returnUnits(order: String, lineNo: Int, quantity: Int, restock: Bool, reason: String, preview: Bool, ctx: Context) throws -> CorrectionResult {
        try requireWritable(); throw notYet("returnUnits")
    }

    public func receive(arrival: String?, sku: String?, quantity: Int, note: String, ctx: Context) throws -> ReceiptResult {
        try requireWritable(); throw notYet("receive")
    }

    public func addArrival(_ a: NewArrival, ctx: Context) throws -> Arrival {
        try requireWritable(); throw notYet("addArrival")
    }

    public func purchase(_ request: PurchaseRequest, preview: Bool, ctx: Context) throws -> PurchaseResult {
        try requireWritable(); throw notYet("purchase")
    }

    public func changeItem(_ sku: String, _ changes: ItemChanges) throws -> [String] {
        try requireWritable(); throw notYet("changeItem")
    }

    public func changeETA(arrival: String, to eta: Day, reason: String, ctx: Context) throws {
        try requireWritable(); throw notYet("changeETA")
    }

    public func previewETAChange(arrival: String, to eta: Day, reason: String, ctx: Context) throws -> CorrectionResult {
        throw notYet("previewETAChange")
    }

    public func previewReceipt(arrival: String?, sku: String?, quantity: Int, ctx: Context) throws -> CorrectionResult {
        throw notYet("previewReceipt")
    }

    public func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] {
        try requireWritable(); throw notYet("markNoticesSent")
    }
}
