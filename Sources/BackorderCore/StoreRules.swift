/// Pure pieces of the operations that every store (the SQLite file, the PostgreSQL server) must do alike: the checks
/// that need no data, document numbers, which notice events a movement causes, and how a pending notice absorbs new
/// events. The stores call these; neither keeps a copy.

extension Validate {
    /// The checks of a new arrival that need no data.
    public static func newArrival(_ a: NewArrival) throws {
        try text(a.supplier, LocalText.t(FieldText.supplier))
        try identifier(a.poNumber, LocalText.t(FieldText.poNumber))
        try identifier(a.sku, LocalText.t(FieldText.sku))
        try positive(a.quantity, LocalText.t(FieldText.expectedQuantity))
        guard a.poLine >= 1 else { throw BackorderError.invalid(.t(StoreText.poLineAtLeastOne)) }
    }

    /// The checks every change of an item's master data passes.
    public static func masterData(_ item: Item) throws {
        try identifier(item.sku, LocalText.t(FieldText.sku))
        try text(item.name, LocalText.t(FieldText.itemName))
        try text(item.unit, LocalText.t(FieldText.unit))
        try text(item.bin, LocalText.t(FieldText.binLocation), required: false)
        guard item.minOrderQty >= 1, item.packSize >= 1 else { throw BackorderError.invalid(.t(StoreText.minOrderPack)) }
        try text(item.supplier, LocalText.t(FieldText.supplier), required: false)
        if let days = item.leadTimeDays { try leadTime(days) }
    }
}

/// Numbers of orders, shipments and receipts: a prefix and at least six digits (SO-000123, SH-000007, RC-000001).
public enum DocumentNumber {
    /// The digits of a number at least (zeros in front): SO-000042.
    public static let width = 6

    /// The candidate for `n` (a store tries n, n + 1, … until one is free).
    public static func candidate(_ prefix: String, _ n: Int64) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A new purchase order number after `existing` (every PO number in use): "PO-" and one more than the highest
    /// all-digit number after "PO-", as wide as that one (PO-7013 after PO-7012); PO-000001 when there is none.
    public static func nextPurchaseOrder<S: Sequence>(after existing: S) -> String where S.Element == String {
        var highest: (value: Int, width: Int)?
        for po in existing where po.hasPrefix("PO-") {
            let digits = po.utf8.dropFirst(3)
            guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(String(po.dropFirst(3))) else { continue }
            if n > highest?.value ?? -1 { highest = (n, digits.count) }
        }
        let next = String((highest?.value ?? 0) + 1)
        return "PO-" + String(repeating: "0", count: max(0, (highest?.width ?? 6) - next.count)) + next
    }
}

/// What a customer hears of an operation, decided from its movements.
public enum NoticeRules {
    /// A movement of this kind may leave its order with nothing open (then it closes).
    public static func mayClose(_ kind: MovementKind) -> Bool { kind == .ship || kind == .cancel || kind == .amend }

    /// The events one journaled movement of an order causes, in the order they are noted.
    public static func events(of m: PlannedMovement) -> [NoticeEvent] {
        var out: [NoticeEvent] = []
        if m.kind == .cancel { out.append(.cancelled) }
        if m.kind == .amend { out.append(.orderChanged) }
        if m.kind == .return { out.append(.returned) }
        if m.delta.backordered > 0 && (m.kind == .order || m.kind == .shortPick || m.kind == .release) { out.append(.backordered) }
        return out
    }

    /// An order that just closed is told it is complete when its customer heard of it before (`told`) or hears of this
    /// operation (`said`), unless this operation already says it shipped a backorder or cancelled.
    public static func tellsCompleted(told: Bool, said: [NoticeEvent]) -> Bool {
        (told || !said.isEmpty) && !said.contains(.backorderShipped) && !said.contains(.cancelled)
    }

    /// The events as stored in a notice row.
    public static func encode(_ events: [NoticeEvent]) -> String { events.map(\.rawValue).joined(separator: ",") }

    /// A notice row's events (unknown words are skipped).
    public static func decode(_ text: String) -> [NoticeEvent] { text.split(separator: ",").compactMap { NoticeEvent(rawValue: String($0)) } }

    /// A pending notice's events with the new ones joined after them, each once.
    public static func merged(_ old: [NoticeEvent], _ new: [NoticeEvent]) -> [NoticeEvent] {
        var merged = old
        for e in new where !merged.contains(e) { merged.append(e) }
        return merged
    }

    /// How an operation's events reach the notices, as statements grouped by their events' text (a receipt that moves
    /// a thousand dates tells a thousand orders the same thing): `updates` lists pending notices (by id) to set to
    /// that text, `inserts` orders (by id) to open a notice for. Both in the order the stores write them.
    public static func plan(events: [Int64: [NoticeEvent]], pending: [Int64: (id: Int64, events: String)])
        -> (updates: [(events: String, noticeIds: [Int64])], inserts: [(events: String, orderIds: [Int64])]) {
        var updates: [String: [Int64]] = [:], inserts: [String: [Int64]] = [:]
        for (orderId, new) in events.filter({ !$0.value.isEmpty }).sorted(by: { $0.key < $1.key }) {
            if let notice = pending[orderId] {
                updates[encode(merged(decode(notice.events), new)), default: []].append(notice.id)
            } else {
                inserts[encode(new), default: []].append(orderId)
            }
        }
        return (updates.sorted { $0.value[0] < $1.value[0] }.map { ($0.key, $0.value) },
                inserts.sorted { $0.value[0] < $1.value[0] }.map { ($0.key, $0.value) })
    }
}

extension Validate {
    /// A new order as a clerk, a script or an import gives it: its number (if any), customer code, priority, and
    /// 1 to 10,000 lines of a SKU and a positive quantity each. Every store checks it before reading anything.
    public static func newOrder(_ new: NewOrder) throws {
        if let n = new.number { try identifier(n, LocalText.t(FieldText.orderNumber)) }
        try identifier(new.customer, LocalText.t(FieldText.customerCode))
        try priority(new.priority)
        guard !new.lines.isEmpty else { throw BackorderError.invalid(.t(StoreText.orderNeedsLine)) }
        guard new.lines.count <= 10_000 else { throw BackorderError.invalid(.t(StoreText.orderTooManyLines)) }
        for (i, l) in new.lines.enumerated() {
            try identifier(l.sku, LocalText.t(FieldText.skuOfLine, Plain(i + 1)))
            try positive(l.quantity, LocalText.t(FieldText.quantityOfLineSKU, Plain(i + 1), l.sku))
        }
    }

    /// A purchase given one PO number must go to one supplier: refused naming the suppliers it would need.
    public static func onePurchaseOrder(_ po: String, suppliers: [String]) throws {
        guard suppliers.count == 1 else {
            throw BackorderError.refused(.t(StoreText.onePOOneSupplier, po, LocalText { l in suppliers.joined(separator: l(StoreText.and)) }))
        }
    }
}
