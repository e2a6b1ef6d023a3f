/// Applying an import file's records, on either engine: what each record becomes (created, updated, unchanged) and
/// the problems met, decided here; the store runs the whole file in one transaction and rolls it back on any problem.

/// What an import needs of a warehouse inside the file's one transaction: lookups and the clerk's own operations.
public protocol ImportTarget {
    /// An item, or nil when the SKU is unknown.
    func existingItem(_ sku: String) throws -> Item?
    func addItem(_ item: Item, ctx: Context) throws
    /// Writes an item's master data; the names of the fields that changed.
    func updateItem(_ item: Item) throws -> [String]
    func customerExists(_ code: String) throws -> Bool
    /// Every customer's code and name, by code (byte order, as the file sorts).
    func customerNames() throws -> [(code: String, name: String)]
    func addCustomer(_ c: Customer, ctx: Context) throws
    /// Lays a customer's details over the stored ones (journaled as a clerk's change is); false when nothing changed.
    func updateCustomer(_ c: Customer, ctx: Context) throws -> Bool
    func countStock(sku: String, onHand counted: Int, reason: String, ctx: Context) throws -> [ReceiptResult.Allocation]
    /// An order and its lines, or nil when the number is unknown.
    func existingOrder(_ number: String) throws -> (order: Order, lines: [OrderLine])?
    /// An order's note ("" when it has none).
    func orderNote(orderId: Int64) throws -> String
    /// Places an order as a clerk would, with its note when not empty; returns its number.
    func placeOrder(_ new: NewOrder, note: String, ctx: Context) throws -> String
    func existingArrival(po: String, line: Int) throws -> Arrival?
    func addArrival(_ a: NewArrival, ctx: Context) throws
    // A whole file's keys looked up at once: one statement each instead of one per record (a server's round trips).
    /// Which of `skus` are items.
    func knownSKUs(_ skus: Set<String>) throws -> Set<String>
    /// Which of `codes` are customers' codes.
    func knownCustomers(_ codes: Set<String>) throws -> Set<String>
    /// Which of `numbers` are orders' numbers.
    func knownOrders(_ numbers: Set<String>) throws -> Set<String>
}

/// A warehouse that takes import files, on a file or a server.
public protocol ImportService: Sendable {
    /// Applies `batch` as one transaction, all or nothing; with `dryRun` nothing stays. See `ImportRules.apply`.
    func apply(_ batch: ImportBatch, dryRun: Bool, ctx: Context, tr: Localizer) throws -> ImportSummary
}

public enum ImportRules {
    /// Applies every record of `batch` through `target` and says what happened: the summary a front end reports. The
    /// caller keeps the changes only when the summary is neither refused nor a dry run (nor changes nothing).
    ///
    /// Problems are worded in `tr`'s language and name the columns as the file's header does.
    public static func apply<Target: ImportTarget>(_ batch: ImportBatch, dryRun: Bool, to target: Target, ctx: Context,
                                                   tr: Localizer) throws -> ImportSummary {
        var run = ImportRun(warehouse: target, file: batch.file, ctx: ctx, tr: tr)
        try run.apply(batch.records)
        let problems = run.problems.map { p in
            var p = p
            p.column = batch.headers[p.column] ?? p.column
            return p
        }
        return ImportSummary(file: batch.file, kind: batch.records.kind, dryRun: dryRun, actions: run.actions, problems: problems)
    }
}

/// One import in progress inside a batch: the actions taken and the problems met, record by record.
struct ImportRun<Target: ImportTarget> {
    let warehouse: Target
    let file: String
    let ctx: Context
    let tr: Localizer
    var actions: [ImportAction] = []
    var problems: [ImportProblem] = []
    /// Customers found by what a file calls them (a code or a name), or why they were not.
    var customers: [String: Result<String, CustomerNotFound>] = [:]
    /// Every customer by its name folded (`Folding.loose`), read once when a file first names a customer by name.
    var byName: [String: [(code: String, name: String)]]?
    /// The customer codes among those a file names, looked up at once (nil: each is looked up when first named).
    var knownCodes: Set<String>?

    init(warehouse: Target, file: String, ctx: Context, tr: Localizer) {
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
                        try w.addCustomer(r.value, ctx: ctx)
                        return ImportAction(key: r.value.code, change: .created)
                    }
                    return ImportAction(key: r.value.code, change: try w.updateCustomer(r.value, ctx: ctx) ? .updated : .unchanged,
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
        // An orders file adds no items or customers: what exists is looked up once for the whole file.
        let knownSkus = try w.knownSKUs(Set(orders.flatMap { $0.order.lines.map(\.sku) }))
        knownCodes = try w.knownCustomers(Set(orders.map(\.order.customer)))
        var numbers = try w.knownOrders(Set(orders.compactMap(\.order.number)))
        for o in orders {
            let number = o.order.number ?? ""
            // Unknown names are reported on the row that holds them, all at once, before the order is tried.
            let customer: String?
            switch try findCustomer(o.order.customer) {
            case .success(let code): customer = code
            case .failure(let why): problem(o.firstLine, "customer", why.text.text(tr)); customer = nil
            }
            if numbers.contains(number), let existing = try w.existingOrder(number) {
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
                problem(fileLine, "sku", tr(ImportText.unknownSKU, line.sku)); ok = false
            }
            guard ok, let customer else { continue }
            var order = o.order
            order.customer = customer
            try attempt(o.firstLine, "order") {
                // The same number again later in the file is an existing order then.
                numbers.insert(try w.placeOrder(order, note: o.note, ctx: ctx))
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
        if try knownCodes?.contains(given) ?? warehouse.customerExists(given) {
            found = .success(given)
        } else {
            if byName == nil {
                byName = Dictionary(grouping: try warehouse.customerNames()) { Folding.loose($0.name) }
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
            let note = try warehouse.orderNote(orderId: existing.order.id)
            if note != o.note { d.append(tr(ImportText.differsNote, note, o.note)) }
        }
        return d.isEmpty ? nil : d.joined(separator: ", ")
    }
}

