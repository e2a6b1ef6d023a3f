import BackorderCore
import GRDB

/// Items, customers and counts through the protocol the command line shares with the server store.
extension Warehouse: MasterDataService {}

extension Warehouse {
    // MARK: master data

    /// Adds an item; refuses a SKU that exists.
    public func addItem(_ item: Item, ctx: Context) throws {
        try MasterDataRules.checkNewItem(item)
        try write { db in
            guard try !exists(db, "SELECT 1 FROM item WHERE sku = ?", [item.sku]) else { throw MasterDataRules.itemExists(item.sku) }
            try db.execute(sql: """
                INSERT INTO item (sku, name, unit, bin, min_order_qty, pack_size, supplier, lead_time_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [item.sku, item.name, item.unit, item.bin, item.minOrderQty, item.packSize, item.supplier.trimmingSpaces,
                                 item.leadTimeDays])
            if let opening = MasterDataRules.openingStock(item) {
                let tx = operation(db, ctx)
                try tx.apply(opening, .init(note: MasterDataRules.openingStockNote))
                try tx.finish()
            }
        }
    }

    /// Changes an item's master data (name, unit, bin, minimum order quantity, pack size, supplier, lead time); its
    /// quantities are untouched, so nothing is journaled. Returns the names of the fields that changed.
    @discardableResult
    public func updateItem(_ item: Item) throws -> [String] {
        try Validate.masterData(item)
        return try write { db in try rewriteMasterData(db, item) }
    }

    /// Changes some of an item's master data in one transaction: what `changes` leaves nil stays as it is. Returns the
    /// names of the fields that changed.
    @discardableResult
    public func changeItem(_ sku: String, _ changes: ItemChanges) throws -> [String] {
        try Validate.identifier(sku, LocalText.t(FieldText.sku))
        return try write { db in
            let item = changes.applied(to: try fetchItem(db, sku))
            try Validate.masterData(item)
            return try rewriteMasterData(db, item)
        }
    }

    /// Writes an item's master data where it differs from what is stored; returns the names of the fields that changed.
    private func rewriteMasterData(_ db: Database, _ item: Item) throws -> [String] {
        let old = try fetchItem(db, item.sku)
        let supplier = item.supplier.trimmingSpaces
        let changed = [("name", old.name != item.name), ("unit", old.unit != item.unit), ("bin", old.bin != item.bin),
                       ("moq", old.minOrderQty != item.minOrderQty), ("pack", old.packSize != item.packSize),
                       ("supplier", old.supplier != supplier), ("lead time", old.leadTimeDays != item.leadTimeDays)].filter(\.1).map(\.0) // not prose: field keys
        guard !changed.isEmpty else { return [] }
        try db.execute(sql: """
            UPDATE item SET name = ?, unit = ?, bin = ?, min_order_qty = ?, pack_size = ?, supplier = ?, lead_time_days = ? WHERE sku = ?
            """, arguments: [item.name, item.unit, item.bin, item.minOrderQty, item.packSize, supplier, item.leadTimeDays, item.sku])
        return changed
    }

    /// Lays a customer's details over the stored ones (nil fields stay as they are); returns false when nothing changed.
    @discardableResult
    public func updateCustomer(_ c: Customer, ctx: Context) throws -> Bool {
        try Validate.customer(c)
        return try !changeCustomer(c.code, CustomerChanges(overlaying: c), ctx: ctx).isEmpty
    }

    /// Adds a customer; refuses a code that exists. Journaled as "created".
    public func addCustomer(_ c: Customer, ctx: Context) throws {
        try Validate.customer(c)
        try write { db in
            guard try !exists(db, "SELECT 1 FROM customer WHERE code = ?", [c.code]) else { throw MasterDataRules.customerExists(c.code) }
            try db.execute(sql: "INSERT INTO customer (code, name, language, email, contact) VALUES (?, ?, ?, ?, ?)",
                           arguments: [c.code, c.name, c.language?.rawValue, c.email, c.contact])
            try journalCustomer(db, c.code, CustomerJournal.added(c), ctx)
        }
    }

    /// `addCustomer` by the current OS user, now (for scripts and tests that have no context of their own).
    public func addCustomer(_ c: Customer) throws { try addCustomer(c, ctx: .current()) }

    /// Sets the counted stock of an item: a journaled adjustment; newly found stock goes to waiting lines.
    @discardableResult
    public func countStock(sku: String, onHand counted: Int, reason: String, ctx: Context) throws -> [ReceiptResult.Allocation] {
        try MasterDataRules.checkCount(onHand: counted, reason: reason)
        return try write { db in
            guard let adjustment = try MasterDataRules.planCount(fetchItem(db, sku), onHand: counted) else { return [] }
            let tx = operation(db, ctx)
            try tx.apply(adjustment, .init(note: reason))
            try tx.finish()
            return tx.allocations
        }
    }

    // MARK: orders

    /// Creates an order: each line is allocated from free stock at once, the shortfall backordered.
    @discardableResult
    public func createOrder(_ new: NewOrder, ctx: Context) throws -> OrderDetail {
        // Read back inside the order's own transaction: its pages are hot there, and no reader needs a new snapshot.
        try place(new, ctx: ctx, readBack: true).detail!
    }

    /// Creates an order as `createOrder` does and returns only its number: an import of many orders does not read
    /// each one back (with its promised dates) after writing it.
    @discardableResult
    public func placeOrder(_ new: NewOrder, ctx: Context) throws -> String {
        try place(new, ctx: ctx, readBack: false).number
    }

    /// `inspect` sees the order as placed, inside its transaction (a preview throws there to roll it back).
    func place(_ new: NewOrder, ctx: Context, readBack: Bool,
               inspect: ((Database, OrderDetail) throws -> Void)? = nil) throws -> (number: String, detail: OrderDetail?) {
        try Validate.newOrder(new)
        let date = new.orderDate ?? ctx.today
        func body(_ db: Database) throws -> (number: String, detail: OrderDetail?) {
            guard let customerName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM customer WHERE code = ?"),
                                                         arguments: [new.customer]) else {
                throw BackorderError.notFound(.t(StoreText.unknownCustomer, new.customer))
            }
            // Free stock of every SKU the order names, in one statement; the names for the order read back.
            var free: [String: Int] = [:], names: [String: String] = [:], waiting: [String: Int] = [:]
            let skus = Set(new.lines.map(\.sku))
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT sku, on_hand - allocated - picked, name, backordered FROM item WHERE sku IN (SELECT value FROM json_each(?))
                """), arguments: [JSONArgument.strings(skus.sorted())])
            while let r = try rows.next() { free[r[0]] = r[1]; names[r[0]] = r[2]; waiting[r[0]] = r[3] }
            if let unknown = new.lines.first(where: { free[$0.sku] == nil }) { throw BackorderError.notFound(.t(StoreText.unknownSKU, unknown.sku)) }
            let number: String
            if let n = new.number {
                guard try !exists(db, "SELECT 1 FROM orders WHERE number = ?", [n]) else { throw BackorderError.refused(.t(StoreText.orderExists, n)) }
                number = n
            } else {
                number = try nextNumber(db, prefix: "SO-", table: "orders")
            }
            try db.cachedStatement(sql: """
                INSERT INTO orders (number, customer, order_date, priority, policy, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [number, new.customer, date.iso, new.priority, new.policy.rawValue, ctx.now.unixTime])
            let orderId = db.lastInsertedRowID
            let tx = operation(db, ctx)
            let planned = zip(new.lines, Rules.allocateNewLines(new.lines, free: free)).map { line, q in
                (sku: line.sku, delta: Delta(ordered: q.ordered, allocated: q.allocated, backordered: q.backordered))
            }
            let ids = try tx.insertNewLines(orderId: orderId, number: number, priority: new.priority, date: date.iso, planned)
            // Free units left on a SKU whose lines already waited would be given out by `finish`; else there is nothing to give.
            var freeAfter = free
            for p in planned { freeAfter[p.sku, default: 0] -= p.delta.allocated }
            tx.newOrder = .init(orderId: orderId, waitingBefore: waiting,
                                nothingToAllocate: freeAfter.allSatisfy { sku, units in units == 0 || waiting[sku] == 0 },
                                reportsDates: readBack)
            try tx.finish()
            guard readBack else { return (number, nil) }
            // The order as written, when nothing but its own lines and their dates happened to it; else read back.
            guard tx.allocations.isEmpty, tx.deferred == nil else { return (number, try detail(db, number, today: ctx.today)) }
            let order = Order(id: orderId, number: number, customerCode: new.customer, customerName: customerName, orderDate: date,
                              priority: new.priority, policy: new.policy, closedAt: nil, version: 1)
            var lines: [OrderDetail.Line] = [], history: [Movement] = []
            // What the customer's status says of a waiting line: the same split over arrivals as a read of the order.
            let expected = planned.contains { $0.delta.backordered > 0 } ? try expectedParts(db, orderId: orderId) : [:]
            for (i, p) in planned.enumerated() {
                let d = p.delta
                let promised: Day?
                if d.backordered > 0 {
                    guard let stored = tx.promisedWritten[ids.lineIds[i]] else { return (number, try detail(db, number, today: ctx.today)) }
                    promised = Pegging.day(stored)
                } else {
                    promised = nil
                }
                let line = OrderLine(id: ids.lineIds[i], lineNo: i + 1, sku: p.sku, itemName: names[p.sku] ?? "",
                                     quantities: LineQuantities(ordered: d.ordered, allocated: d.allocated, backordered: d.backordered))
                lines.append(.init(line: line, promised: promised, expected: expected[line.id]))
                history.append(Movement(id: ids.movementIds[i], at: ctx.now, actor: ctx.actor, kind: .order, sku: p.sku, quantity: d.ordered,
                                        delta: d, orderNumber: number, lineNo: i + 1, arrivalReference: nil, document: nil, note: ""))
            }
            return (number, OrderDetail(order: order, lines: lines, shipments: [], history: history,
                                        customerLanguage: try customerLanguage(db, new.customer)))
        }
        return try write { db in
            let placed = try body(db)
            if let inspect, let detail = placed.detail { try inspect(db, detail) }
            return placed
        }
    }

    /// Confirms picked quantities; `entries == nil` picks everything allocated. Missing units (a short pick) go back to
    /// backordered and the stock is corrected. `expectedVersion` refuses the pick if the order changed since it was read.
    @discardableResult
    public func pick(order number: String, entries: [PickEntry]?, expectedVersion: Int? = nil, ctx: Context) throws -> PickResult {
        try write { db in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            let moves = try Rules.planPick(lines: lines, entries: entries)
            let tx = operation(db, ctx)
            for m in moves {
                try tx.apply(m, .init(orderId: order.id, note: m.kind == .shortPick ? "short pick: shelf had less than the books" : "")) // not prose: stored journal note
            }
            try tx.finish()
            return PickResult(orderNumber: number,
                              picked: moves.filter { $0.kind == .pick }.reduce(0) { $0 + $1.quantity },
                              missing: moves.filter { $0.kind == .shortPick }.reduce(0) { $0 + $1.quantity },
                              reallocated: tx.allocations)
        }
    }

    /// Ships everything picked on the order as one numbered shipment; what is not shipped stays open.
    @discardableResult
    public func ship(order number: String, override: Bool = false, expectedVersion: Int? = nil, ctx: Context) throws -> Shipment {
        try write { db in
            let (order, lines) = try openOrder(db, number, expectedVersion: expectedVersion)
            let moves = try Rules.planShipment(policy: order.policy, lines: lines, override: override)
            let shipmentNumber = try nextNumber(db, prefix: "SH-", table: "shipment")
            let isPartial = lines.contains { $0.quantities.allocated + $0.quantities.backordered > 0 }
            try db.execute(sql: "INSERT INTO shipment (number, order_id, at, actor, overridden) VALUES (?, ?, ?, ?, ?)",
                           arguments: [shipmentNumber, order.id, ctx.now.unixTime, ctx.actor, order.policy == .complete && isPartial])
            let shipmentId = db.lastInsertedRowID
            let tx = operation(db, ctx)
            var shipped: [Shipment.Line] = []
            if isPartial { tx.note(.partiallyShipped, order: order.id) }
            for m in moves {
                try db.execute(sql: "INSERT INTO shipment_line (shipment_id, line_id, quantity) VALUES (?, ?, ?)",
                               arguments: [shipmentId, m.lineId, m.quantity])
                // Units that reached this line from a receipt after it waited: a backorder filled and shipped.
                if try exists(db, "SELECT 1 FROM movement INDEXED BY movement_allocation WHERE sku = ? AND line_id = ? AND kind = 'allocate'",
                              [m.sku, m.lineId]) {
                    tx.note(.backorderShipped, order: order.id)
                }
                try tx.apply(m, .init(orderId: order.id, shipmentId: shipmentId))
                let line = lines.first { $0.id == m.lineId }!
                shipped.append(.init(lineNo: line.lineNo, sku: line.sku, quantity: m.quantity))
            }
            try tx.finish()
            return Shipment(number: shipmentNumber, orderNumber: number, at: ctx.now, actor: ctx.actor,
                            overridden: order.policy == .complete && isPartial, lines: shipped)
        }
    }

    // MARK: arrivals and receipts

    /// Adds an expected arrival (one PO line).
    @discardableResult
    public func addArrival(_ a: NewArrival, ctx: Context) throws -> Arrival {
        try Validate.newArrival(a)
        return try write { db in
            let tx = operation(db, ctx)
            let arrival = try insertArrival(db, tx, a)
            try tx.finish()
            return arrival
        }
    }

    /// Writes an expected arrival inside an operation (add arrival, purchase): its SKU is re-pegged when `tx` finishes.
    func insertArrival(_ db: Database, _ tx: OperationTx, _ a: NewArrival) throws -> Arrival {
        _ = try fetchItem(db, a.sku)
        guard try !exists(db, "SELECT 1 FROM arrival WHERE po_number = ? AND po_line = ?", [a.poNumber, a.poLine]) else {
            throw BackorderError.refused(.t(StoreText.arrivalExists, "\(a.poNumber)/\(a.poLine)"))
        }
        try db.execute(sql: """
            INSERT INTO arrival (supplier, po_number, po_line, sku, quantity, eta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.supplier, a.poNumber, a.poLine, a.sku, a.quantity, a.eta.iso, tx.ctx.now.unixTime])
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE item SET incoming = incoming + ? WHERE sku = ?", arguments: [a.quantity, a.sku])
        tx.touch(sku: a.sku)
        return Arrival(id: id, supplier: a.supplier, poNumber: a.poNumber, poLine: a.poLine, sku: a.sku, quantity: a.quantity,
                       received: 0, eta: a.eta, closedAt: nil)
    }

    /// Moves an arrival's ETA; the old date stays in its history.
    public func changeETA(arrival reference: String, to eta: Day, reason: String, ctx: Context) throws {
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        try write { db in
            let tx = operation(db, ctx)
            try moveETA(db, tx, reference, to: eta, reason: reason)
            try tx.finish()
        }
    }

    /// What moving an arrival's ETA would change (promised dates, notices), without changing anything.
    public func previewETAChange(arrival reference: String, to eta: Day, reason: String, ctx: Context) throws -> CorrectionResult {
        try Validate.text(reason, LocalText.t(FieldText.reason), required: false)
        return try correction(preview: true, ctx: ctx) { db, tx in
            try moveETA(db, tx, reference, to: eta, reason: reason)
            return (.t(StoreText.moveETA, reference, eta), 0)
        }
    }

    private func moveETA(_ db: Database, _ tx: OperationTx, _ reference: String, to eta: Day, reason: String) throws {
        let a = try fetchArrival(db, reference)
        guard a.isOpen else { throw BackorderError.refused(.t(StoreText.arrivalClosed, a.reference)) }
        guard a.eta != eta else { throw BackorderError.refused(.t(StoreText.arrivalSameETA, a.reference, eta)) }
        try db.execute(sql: "INSERT INTO eta_change (arrival_id, old_eta, new_eta, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [a.id, a.eta.iso, eta.iso, tx.ctx.now.unixTime, tx.ctx.actor, reason])
        try db.execute(sql: "UPDATE arrival SET eta = ? WHERE id = ?", arguments: [eta.iso, a.id])
        tx.touch(sku: a.sku)
    }

    /// Books a receipt against an expected arrival (`arrival` = "PO/line") or unplanned (`sku`); the units go to
    /// waiting backorder lines in the stated priority, and the result says which orders got what.
    @discardableResult
    public func receive(arrival reference: String?, sku: String?, quantity: Int, note: String = "", ctx: Context) throws -> ReceiptResult {
        try Validate.positive(quantity, LocalText.t(FieldText.receivedQuantity))
        try Validate.text(note, LocalText.t(FieldText.note), required: false)
        guard (reference == nil) != (sku == nil) else {
            throw BackorderError.invalid(.t(StoreText.arrivalOrSKU))
        }
        return try write { db in
            let tx = operation(db, ctx)
            let booked = try book(db, tx, reference, sku, quantity: quantity, note: note)
            try tx.finish()
            let free = try db.int(sql: "SELECT on_hand - allocated - picked FROM item WHERE sku = ?", arguments: [booked.sku]) ?? 0
            return ReceiptResult(receiptNumber: booked.number, sku: booked.sku, quantity: quantity, arrivalReference: booked.arrival?.reference,
                                 overReceived: booked.over, arrivalClosed: booked.closed, allocations: tx.allocations, leftFree: free)
        }
    }

    /// What a receipt would do (which orders get units, whose dates move), without changing anything.
    public func previewReceipt(arrival reference: String?, sku: String?, quantity: Int, ctx: Context) throws -> CorrectionResult {
        try Validate.positive(quantity, LocalText.t(FieldText.receivedQuantity))
        guard (reference == nil) != (sku == nil) else {
            throw BackorderError.invalid(.t(StoreText.arrivalOrSKU))
        }
        return try correction(preview: true, ctx: ctx) { db, tx in
            let booked = try book(db, tx, reference, sku, quantity: quantity, note: "")
            return (booked.arrival.map { .t(StoreText.receiveOn, quantity, booked.sku, $0.reference) } ?? .t(StoreText.receiveUnplanned, quantity, booked.sku), quantity)
        }
    }

    /// Writes a receipt and its stock movement; `finish` then gives the units to waiting lines.
    private func book(_ db: Database, _ tx: OperationTx, _ reference: String?, _ sku: String?, quantity: Int, note: String) throws
        -> (number: String, sku: String, arrival: Arrival?, over: Int, closed: Bool) {
        let ctx = tx.ctx
        var arrival: Arrival?
        let itemSku: String
        if let reference {
            let a = try fetchArrival(db, reference)
            guard a.isOpen else { throw BackorderError.refused(.t(StoreText.arrivalClosedExtra, a.reference)) }
            arrival = a; itemSku = a.sku
        } else {
            itemSku = sku!
            _ = try fetchItem(db, itemSku)
        }
        let number = try nextNumber(db, prefix: "RC-", table: "receipt")
        try db.execute(sql: "INSERT INTO receipt (number, arrival_id, sku, quantity, at, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [number, arrival?.id, itemSku, quantity, ctx.now.unixTime, ctx.actor, note])
        let receiptId = db.lastInsertedRowID
        var over = 0, closed = false
        if let a = arrival {
            let outstanding = a.outstanding
            over = max(0, quantity - outstanding)
            closed = quantity >= outstanding
            try db.execute(sql: "UPDATE arrival SET received = received + ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?",
                           arguments: [quantity, closed, ctx.now.unixTime, a.id])
            try db.execute(sql: "UPDATE item SET incoming = incoming - ? WHERE sku = ?", arguments: [min(quantity, outstanding), itemSku])
        }
        tx.receiptId = receiptId
        try tx.apply(PlannedMovement(lineId: nil, sku: itemSku, kind: .receive, quantity: quantity, delta: Delta(onHand: quantity)),
                     .init(arrivalId: arrival?.id, receiptId: receiptId, note: note))
        return (number, itemSku, arrival, over, closed)
    }

    // MARK: helpers

    func exists(_ db: Database, _ sql: String, _ args: StatementArguments) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(\(sql))"), arguments: args) ?? false
    }

    /// Next document number: prefix + six digits from the table's row id, so numbers never repeat.
    func nextNumber(_ db: Database, prefix: String, table: String) throws -> String {
        var n = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)")) ?? 1)
        while true {
            let candidate = DocumentNumber.candidate(prefix, n)
            if try !exists(db, "SELECT 1 FROM \(table) WHERE number = ?", [candidate]) { return candidate }
            n += 1
        }
    }

    func openOrder(_ db: Database, _ number: String, expectedVersion: Int?) throws -> (Order, [OrderLine]) {
        let order = try fetchOrder(db, number)
        guard order.isOpen else { throw BackorderError.refused(.t(StoreText.orderClosed, number)) }
        if let v = expectedVersion, v != order.version {
            throw BackorderError.stale(.t(StoreText.orderStale, number))
        }
        return (order, try fetchLines(db, orderId: order.id))
    }
}
