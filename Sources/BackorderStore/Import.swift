import BackorderCore
import GRDB

extension Warehouse {
    /// Applies an import file's records as ONE transaction: every record goes through the same operation a clerk's
    /// command would (create order, add arrival, stock count, …). A record whose key exists with equal content is
    /// "unchanged", so importing a file twice changes nothing the second time.
    ///
    /// Every problem (an unknown SKU or customer, an existing order or arrival with other content, a count below what
    /// is allocated) is collected with its file line; if there is any, the whole file is rolled back and the summary
    /// lists them. With `dryRun` the file is applied and always rolled back: the summary says what would happen.
    public func apply(_ batch: ImportBatch, dryRun isDryRun: Bool, ctx: Context) throws -> ImportSummary {
        /// Thrown to roll back a refused file, or one that changes nothing (so not even the revision moves).
        struct Undo: Error { var summary: ImportSummary }
        let body = { (w: Warehouse) throws -> ImportSummary in
            var run = ImportRun(warehouse: w, file: batch.file, ctx: ctx)
            try run.apply(batch.records)
            return ImportSummary(file: batch.file, kind: batch.records.kind, dryRun: isDryRun, actions: run.actions, problems: run.problems)
        }
        return try withLargeCache {
            // No savepoint per record: any problem rolls the whole file back, and the operations check before they write.
            if isDryRun { return try dryRun(savepointPerOperation: false, body) }
            do {
                return try self.batch(savepointPerOperation: false) { w in
                    let summary = try body(w)
                    if summary.refused || summary.changesNothing { throw Undo(summary: summary) }
                    return summary
                }
            } catch let r as Undo {
                return r.summary
            }
        }
    }

    /// Runs `body` with a page cache that holds a whole file's changes: a transaction larger than the cache spills pages
    /// to the WAL before it commits. (Savepoint journals are in memory on every connection; see `configuration`.)
    func withLargeCache<T>(_ body: () throws -> T) throws -> T {
        guard session == nil, !isReadOnly else { return try body() }
        do {
            let old = try writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA cache_size") ?? -2000 }
            // Negative is KiB; SQLite allocates pages only as they are used.
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -262144") }
            defer { try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = \(old)") } }
            return try body()
        } catch let e as DatabaseError {
            throw Warehouse.translate(e, path: path)
        }
    }
}

/// One import in progress inside a batch: the actions taken and the problems met, record by record.
private struct ImportRun {
    let warehouse: Warehouse
    let file: String
    let ctx: Context
    var actions: [ImportAction] = []
    var problems: [ImportProblem] = []

    init(warehouse: Warehouse, file: String, ctx: Context) { self.warehouse = warehouse; self.file = file; self.ctx = ctx }

    mutating func problem(_ line: Int, _ column: String, _ reason: String) {
        problems.append(ImportProblem(file: file, line: line, column: column, reason: reason))
    }

    /// Runs one record's operation; a refusal becomes a problem on the record's line (the file will be rolled back).
    mutating func attempt(_ line: Int, _ column: String, _ body: () throws -> ImportAction?) throws {
        do {
            if let a = try body() { actions.append(a) }
        } catch let e as BackorderError where e.kind != .dataFile {
            problem(line, column, e.message)
        }
    }

    mutating func apply(_ records: ImportRecords) throws {
        // Locals, so the operation closures do not capture `self` while `attempt` mutates it.
        let w = warehouse, ctx = ctx, file = file
        switch records {
        case .items(let items):
            for r in items {
                let item = r.value
                try attempt(r.line, "sku") {
                    guard let old = try w.existingItem(item.sku) else {
                        let new = item.newItem
                        try w.addItem(new, ctx: ctx)
                        return ImportAction(key: item.sku, change: .created, detail: new.onHand > 0 ? "\(new.onHand) on hand" : "")
                    }
                    let changed = try w.updateItem(item.applied(to: old))
                    return ImportAction(key: item.sku, change: changed.isEmpty ? .unchanged : .updated, detail: changed.joined(separator: ", "))
                }
            }
        case .customers(let customers):
            for r in customers {
                try attempt(r.line, "code") {
                    guard try w.customerExists(r.value.code) else {
                        try w.addCustomer(r.value)
                        return ImportAction(key: r.value.code, change: .created)
                    }
                    return ImportAction(key: r.value.code, change: try w.updateCustomer(r.value) ? .updated : .unchanged,
                                        detail: "name")
                }
            }
        case .stock(let counts):
            for r in counts {
                guard let old = try w.existingItem(r.value.sku) else {
                    problem(r.line, "sku", "unknown SKU \(r.value.sku)")
                    continue
                }
                try attempt(r.line, "counted") {
                    guard old.onHand != r.value.counted else { return ImportAction(key: r.value.sku, change: .unchanged) }
                    try w.countStock(sku: r.value.sku, onHand: r.value.counted, reason: "stock count imported from \(file)", ctx: ctx)
                    return ImportAction(key: r.value.sku, change: .updated, detail: "on hand \(old.onHand) → \(r.value.counted)")
                }
            }
        case .orders(let orders):
            var knownSkus = Set<String>(), knownCustomers = Set<String>()
            for o in orders {
                let number = o.order.number ?? ""
                if let existing = try w.existingOrder(number) {
                    if let difference = Self.difference(o, existing) {
                        problem(o.firstLine, "order", "order \(number) exists already with \(difference); orders are never rewritten")
                    } else {
                        actions.append(ImportAction(key: number, change: .unchanged))
                    }
                    continue
                }
                // Unknown names are reported on the row that holds them, all at once, before the order is tried.
                var ok = true
                if !knownCustomers.contains(o.order.customer) {
                    if try w.customerExists(o.order.customer) { knownCustomers.insert(o.order.customer) } else {
                        problem(o.firstLine, "customer", "unknown customer \(o.order.customer)"); ok = false
                    }
                }
                for (line, fileLine) in zip(o.order.lines, o.fileLines) where !knownSkus.contains(line.sku) {
                    if try w.existingItem(line.sku) != nil { knownSkus.insert(line.sku) } else {
                        problem(fileLine, "sku", "unknown SKU \(line.sku)"); ok = false
                    }
                }
                guard ok else { continue }
                try attempt(o.firstLine, "order") {
                    try w.placeOrder(o.order, ctx: ctx)
                    return ImportAction(key: number, change: .created, detail: o.order.lines.count == 1 ? "1 line" : "\(o.order.lines.count) lines")
                }
            }
        case .arrivals(let arrivals):
            for r in arrivals {
                let a = r.value
                let key = "\(a.poNumber)/\(a.poLine)"
                if let existing = try w.existingArrival(po: a.poNumber, line: a.poLine) {
                    var differences: [String] = []
                    if existing.sku != a.sku { differences.append("SKU \(existing.sku) (the file says \(a.sku))") }
                    if existing.quantity != a.quantity { differences.append("quantity \(existing.quantity) (the file says \(a.quantity))") }
                    if existing.eta != a.eta { differences.append("ETA \(existing.eta.iso) (the file says \(a.eta.iso); ETAs move with `arrival eta`)") }
                    if existing.supplier != a.supplier { differences.append("supplier \(existing.supplier) (the file says \(a.supplier))") }
                    if differences.isEmpty {
                        actions.append(ImportAction(key: key, change: .unchanged))
                    } else {
                        problem(r.line, "line", "arrival \(key) exists already with " + differences.joined(separator: ", "))
                    }
                    continue
                }
                try attempt(r.line, "sku") {
                    try w.addArrival(a, ctx: ctx)
                    return ImportAction(key: key, change: .created, detail: "\(a.quantity) × \(a.sku) due \(a.eta.iso)")
                }
            }
        }
    }

    /// How an existing order differs from the file's, in words; nil when they are the same order.
    static func difference(_ o: ImportedOrder, _ existing: (order: Order, lines: [OrderLine])) -> String? {
        var d: [String] = []
        let new = o.order
        if existing.order.customerCode != new.customer { d.append("customer \(existing.order.customerCode) (the file says \(new.customer))") }
        if o.dateGiven, let date = new.orderDate, existing.order.orderDate != date {
            d.append("date \(existing.order.orderDate.iso) (the file says \(date.iso))")
        }
        if existing.order.priority != new.priority { d.append("priority \(existing.order.priority) (the file says \(new.priority))") }
        if existing.order.policy != new.policy { d.append("policy \(existing.order.policy.rawValue) (the file says \(new.policy.rawValue))") }
        let had = existing.lines.map { "\($0.sku)×\($0.quantities.ordered)" }, wants = new.lines.map { "\($0.sku)×\($0.quantity)" }
        if had != wants { d.append("lines " + had.joined(separator: " ") + " (the file says " + wants.joined(separator: " ") + ")") }
        return d.isEmpty ? nil : d.joined(separator: ", ")
    }
}

extension Warehouse {
    /// An item, or nil when the SKU is unknown.
    func existingItem(_ sku: String) throws -> Item? {
        try read { db in try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE sku = ?"), arguments: [sku]).map(itemFrom) }
    }

    func customerExists(_ code: String) throws -> Bool {
        try read { db in try exists(db, "SELECT 1 FROM customer WHERE code = ?", [code]) }
    }

    /// An order and its lines, or nil when the number is unknown.
    func existingOrder(_ number: String) throws -> (order: Order, lines: [OrderLine])? {
        try read { db in
            guard try exists(db, "SELECT 1 FROM orders WHERE number = ?", [number]) else { return nil }
            let order = try fetchOrder(db, number)
            return (order, try fetchLines(db, orderId: order.id))
        }
    }

    func existingArrival(po: String, line: Int) throws -> Arrival? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM arrival WHERE po_number = ? AND po_line = ?"), arguments: [po, line])
                .map(arrivalFrom)
        }
    }
}
