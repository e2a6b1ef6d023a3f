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
    ///
    /// Problems are worded in `tr`'s language and name the columns as the file's header does.
    public func apply(_ batch: ImportBatch, dryRun isDryRun: Bool, ctx: Context, tr: Localizer = .process) throws -> ImportSummary {
        /// Thrown to roll back a refused file, or one that changes nothing (so not even the revision moves).
        struct Undo: Error { var summary: ImportSummary }
        let body = { (w: Warehouse) throws -> ImportSummary in
            var run = ImportRun(warehouse: w, file: batch.file, ctx: ctx, tr: tr)
            try run.apply(batch.records)
            let problems = run.problems.map { p in
                var p = p
                p.column = batch.headers[p.column] ?? p.column
                return p
            }
            return ImportSummary(file: batch.file, kind: batch.records.kind, dryRun: isDryRun, actions: run.actions, problems: problems)
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
    let tr: Localizer
    var actions: [ImportAction] = []
    var problems: [ImportProblem] = []
    /// Customers found by what a file calls them (a code or a name), or why they were not.
    var customers: [String: Result<String, CustomerNotFound>] = [:]
    /// Every customer by its name folded (`Folding.loose`), read once when a file first names a customer by name.
    var byName: [String: [(code: String, name: String)]]?

    init(warehouse: Warehouse, file: String, ctx: Context, tr: Localizer) {
        self.warehouse = warehouse; self.file = file; self.ctx = ctx; self.tr = tr
    }

    mutating func problem(_ line: Int, _ column: String, _ reason: String) {
        problems.append(ImportProblem(file: file, line: line, column: column, reason: reason))
    }

    /// Runs one record's operation; a refusal becomes a problem on the record's line (the file will be rolled back).
    mutating func attempt(_ line: Int, _ column: String, _ body: () throws -> ImportAction?) throws {
        do {
            if let a = try body() { actions.append(a) }
        } catch let e as BackorderError where e.kind != .dataFile {
            problem(line, column, e.message(tr))
        }
    }

    mutating func apply(_ records: ImportRecords) throws {
        // Locals, so the operation closures do not capture `self` while `attempt` mutates it.
        let w = warehouse, ctx = ctx, file = file, tr = tr
        switch records {
        case .items(let items):
            for r in items {
                let item = r.value
                try attempt(r.line, "sku") {
                    guard let old = try w.existingItem(item.sku) else {
                        let new = item.newItem
                        try w.addItem(new, ctx: ctx)
                        return ImportAction(key: item.sku, change: .created, detail: new.onHand > 0 ? tr(ImportText.detailOnHand, new.onHand) : "")
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
                                        detail: tr(ImportText.detailName))
                }
            }
        case .stock(let counts):
            for r in counts {
                guard let old = try w.existingItem(r.value.sku) else {
                    problem(r.line, "sku", tr(ImportText.unknownSKU, r.value.sku))
                    continue
                }
                try attempt(r.line, "counted") {
                    guard old.onHand != r.value.counted else { return ImportAction(key: r.value.sku, change: .unchanged) }
                    try w.countStock(sku: r.value.sku, onHand: r.value.counted, reason: "stock count imported from \(file)", ctx: ctx) // not prose: the journal's stored words stay English
                    return ImportAction(key: r.value.sku, change: .updated, detail: tr(ImportText.detailCounted, old.onHand, r.value.counted))
                }
            }
        case .orders(let orders):
            try apply(orders)
        case .arrivals(let arrivals):
            for r in arrivals {
                let a = r.value
                let key = "\(a.poNumber)/\(a.poLine)"
                if let existing = try w.existingArrival(po: a.poNumber, line: a.poLine) {
                    var differences: [String] = []
                    if existing.sku != a.sku { differences.append(tr(ImportText.differsSKU, existing.sku, a.sku)) }
                    if existing.quantity != a.quantity { differences.append(tr(ImportText.differsQuantity, existing.quantity, a.quantity)) }
                    if existing.eta != a.eta { differences.append(tr(ImportText.differsETA, existing.eta, a.eta)) }
                    if existing.supplier != a.supplier { differences.append(tr(ImportText.differsSupplier, existing.supplier, a.supplier)) }
                    if differences.isEmpty {
                        actions.append(ImportAction(key: key, change: .unchanged))
                    } else {
                        problem(r.line, "line", tr(ImportText.arrivalExists, key, differences.joined(separator: ", ")))
                    }
                    continue
                }
                try attempt(r.line, "sku") {
                    try w.addArrival(a, ctx: ctx)
                    return ImportAction(key: key, change: .created, detail: tr(ImportText.detailArrival, a.quantity, a.sku, a.eta))
                }
            }
        }
    }

    /// Orders: each customer found by code or name, each SKU known, then placed as a clerk would place it; an order
    /// that exists with the same content is unchanged.
    mutating func apply(_ orders: [ImportedOrder]) throws {
        let w = warehouse, ctx = ctx, tr = tr
        var knownSkus = Set<String>()
        for o in orders {
            let number = o.order.number ?? ""
            // Unknown names are reported on the row that holds them, all at once, before the order is tried.
            let customer: String?
            switch try findCustomer(o.order.customer) {
            case .success(let code): customer = code
            case .failure(let why): problem(o.firstLine, "customer", why.text.text(tr)); customer = nil
            }
            if let existing = try w.existingOrder(number) {
                guard let customer else { continue }
                if let difference = try difference(o, customer: customer, existing) {
                    problem(o.firstLine, "order", tr(ImportText.orderExists, number, difference))
                } else {
                    actions.append(ImportAction(key: number, change: .unchanged))
                }
                continue
            }
            var ok = customer != nil
            for (line, fileLine) in zip(o.order.lines, o.fileLines) where !knownSkus.contains(line.sku) {
                if try w.existingItem(line.sku) != nil { knownSkus.insert(line.sku) } else {
                    problem(fileLine, "sku", tr(ImportText.unknownSKU, line.sku)); ok = false
                }
            }
            guard ok, let customer else { continue }
            var order = o.order
            order.customer = customer
            try attempt(o.firstLine, "order") {
                let placed = try w.placeOrder(order, ctx: ctx)
                if !o.note.isEmpty {
                    try w.write { db in try db.execute(sql: "UPDATE orders SET note = ? WHERE number = ?", arguments: [o.note, placed]) }
                }
                return ImportAction(key: number, change: .created, detail: tr(ImportText.detailLines, order.lines.count))
            }
        }
    }

    /// Why a file's customer was not found: unknown, or a name several customers share; the text lists candidates.
    struct CustomerNotFound: Error { var text: LocalText }

    /// The customer a file means: a code, else a name as written, else case aside, else folded (`Tromso` for `Tromsø`).
    mutating func findCustomer(_ given: String) throws -> Result<String, CustomerNotFound> {
        if let known = customers[given] { return known }
        let found: Result<String, CustomerNotFound>
        if try warehouse.customerExists(given) {
            found = .success(given)
        } else {
            if byName == nil {
                let rows = try warehouse.read { db in try Row.fetchAll(db, sql: "SELECT code, name FROM customer ORDER BY code") }
                byName = Dictionary(grouping: rows.map { (code: $0["code"] as String, name: $0["name"] as String) }) { Folding.loose($0.name) }
            }
            let loose = byName?[Folding.loose(given)] ?? []
            // The closest kind of match that finds anyone decides: as written, then case aside, then folded.
            let asWritten = loose.filter { $0.name == given }
            let caseless = loose.filter { $0.name.lowercased() == given.lowercased() }
            let matches = asWritten.count == 1 ? asWritten : !caseless.isEmpty ? caseless : loose
            let list = { (c: [(code: String, name: String)]) in c.prefix(5).map { "\($0.name) (\($0.code))" }.joined(separator: ", ") }
            if matches.count == 1 {
                found = .success(matches[0].code)
            } else if matches.count > 1 {
                found = .failure(CustomerNotFound(text: .t(ImportText.ambiguousCustomer, given, matches.count, list(matches))))
            } else {
                let similar = Self.similar(Folding.loose(given), in: byName ?? [:])
                found = .failure(CustomerNotFound(text: similar.isEmpty ? .t(ImportText.unknownCustomer, given)
                                                    : .t(ImportText.unknownCustomerDidYouMean, given, list(similar))))
            }
        }
        customers[given] = found
        return found
    }

    /// Customers whose folded name holds the given text or its first word (of 3 letters or more), by code.
    static func similar(_ key: String, in byName: [String: [(code: String, name: String)]]) -> [(code: String, name: String)] {
        guard !key.isEmpty else { return [] }
        let word = key.split(separator: " ").first.map(String.init) ?? key
        return byName.filter { name, _ in name.contains(key) || key.contains(name) || (word.count >= 3 && name.contains(word)) }
            .flatMap(\.value).sorted { $0.code < $1.code }
    }

    /// How an existing order differs from the file's, in words; nil when they are the same order.
    func difference(_ o: ImportedOrder, customer: String, _ existing: (order: Order, lines: [OrderLine])) throws -> String? {
        var d: [String] = []
        let new = o.order
        if existing.order.customerCode != customer { d.append(tr(ImportText.differsCustomer, existing.order.customerCode, new.customer)) }
        if o.dateGiven, let date = new.orderDate, existing.order.orderDate != date {
            d.append(tr(ImportText.differsDate, existing.order.orderDate, date))
        }
        if existing.order.priority != new.priority { d.append(tr(ImportText.differsPriority, existing.order.priority, new.priority)) }
        if existing.order.policy != new.policy { d.append(tr(ImportText.differsPolicy, existing.order.policy.rawValue, new.policy.rawValue)) }
        let had = existing.lines.map { "\($0.sku)×\($0.quantities.ordered)" }, wants = new.lines.map { "\($0.sku)×\($0.quantity)" }
        if had != wants { d.append(tr(ImportText.differsLines, had.joined(separator: " "), wants.joined(separator: " "))) }
        // A note the file gives must be the order's; a file without one says nothing about it.
        if !o.note.isEmpty {
            let note = try warehouse.read { db in
                try String.fetchOne(db, sql: "SELECT note FROM orders WHERE id = ?", arguments: [existing.order.id]) ?? ""
            }
            if note != o.note { d.append(tr(ImportText.differsNote, note, o.note)) }
        }
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
