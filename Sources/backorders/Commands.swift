import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new, empty data file.")
    @OptionGroup var db: DatabaseOptions

    func run() throws {
        try perform {
            guard !FileManager.default.fileExists(atPath: db.path) else {
                throw BackorderError.refused("\(db.path) exists already; nothing was changed")
            }
            _ = try db.open(.create)
            print("created \(db.path)")
        }
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build a data file holding the sample warehouse (built in; sample-data/warehouse.txt).")
    @OptionGroup var db: DatabaseOptions
    @Option(help: ArgumentHelp("A warehouse script to replay instead of the built-in sample warehouse.", valueName: "file")) var from: String?
    @Option(help: "Replay as of this day (YYYY-MM-DD); relative days in the script count from it.") var today: String?
    @Flag(help: "Replace the data file if it exists.") var force = false

    func run() throws {
        try perform {
            let ctx = Context.current()
            let day = try today.map { try parseDay($0, today: ctx.today, what: "--today") } ?? ctx.today
            let text: String
            if let from {
                guard let read = try? String(contentsOfFile: from, encoding: .utf8) else {
                    throw BackorderError.invalid("cannot read the warehouse script \(from)")
                }
                text = read
            } else {
                text = SampleWarehouse.script
            }
            let commands = try Script.parse(text)
            try buildFresh(path: db.path, force: force) { w in
                try ScriptRunner(warehouse: w, today: day, utcOffsetSeconds: 0).run(commands)
            }
            let w = try db.open(.readOnly)
            let c = try w.counts(today: day)
            print("built \(db.path) from \(from ?? "the built-in sample warehouse"): \(c.items) items, \(c.openOrders) open orders, \(c.backorderLines) backorder lines, \(c.openArrivals) expected arrivals")
        }
    }
}

/// Builds a new data file beside the target and moves it into place only when complete, so a failure leaves nothing half-made.
func buildFresh(path: String, force: Bool, _ body: (Warehouse) throws -> Void) throws {
    let fm = FileManager.default
    if fm.fileExists(atPath: path) && !force {
        throw BackorderError.refused("\(path) exists already; use --force to replace it")
    }
    let temp = path + ".building"
    for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
    do {
        let w = try Warehouse.open(path: temp, mode: .create)
        try body(w)
        try w.close()
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
    } catch {
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
        throw error
    }
    for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
    if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
    try fm.moveItem(atPath: temp, toPath: path)
}

// MARK: master data

struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "item", abstract: "Add items and change their master data.",
                                                    subcommands: [Add.self, Set.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an item, with its opening stock.")
        @OptionGroup var db: DatabaseOptions
        @Argument var sku: String
        @Argument var name: String
        @Option var unit = "pcs"
        @Option var bin = ""
        @Option(help: "Opening stock on hand.") var stock = 0
        @Option(help: "Minimum purchase order quantity.") var moq = 1
        @Option(help: "Purchase pack size.") var pack = 1
        @Option(help: "Who it is bought from by default (purchase uses it).") var supplier = ""
        @Option(help: "Days from ordering to arrival (a purchase is expected today + this).") var leadTime: Int?

        func run() throws {
            try perform {
                try db.open().addItem(Item(sku: sku, name: name, unit: unit, bin: bin, onHand: stock, minOrderQty: moq, packSize: pack,
                                           supplier: supplier, leadTimeDays: leadTime), ctx: .current())
                print("added item \(sku)")
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an item's master data; what is not given stays. Its stock never changes here (use count).",
            discussion: "Example: backorders item set BOLT --supplier \"Bultfabriken AB\" --lead-time 14")
        @OptionGroup var db: DatabaseOptions
        @Argument var sku: String
        @Option var name: String?
        @Option var unit: String?
        @Option var bin: String?
        @Option(help: "Minimum purchase order quantity.") var moq: Int?
        @Option(help: "Purchase pack size.") var pack: Int?
        @Option(help: "Who it is bought from by default (\"\" clears it).") var supplier: String?
        @Option(help: ArgumentHelp("Days from ordering to arrival; none clears it.", valueName: "days")) var leadTime: String?

        func run() throws {
            try perform {
                var changes = ItemChanges(name: name, unit: unit, bin: bin, minOrderQty: moq, packSize: pack, supplier: supplier)
                if let leadTime {
                    if leadTime == "none" {
                        changes.leadTimeDays = .some(nil)
                    } else {
                        changes.leadTimeDays = .some(try Validate.parseQuantity(leadTime, "--lead-time"))
                    }
                }
                guard !changes.isEmpty else { throw BackorderError.invalid("nothing to change: give --name, --unit, --bin, --moq, --pack, --supplier or --lead-time") }
                let changed = try db.open().changeItem(sku, changes)
                print(changed.isEmpty ? "\(sku) already has that" : "\(sku): changed " + changed.joined(separator: ", "))
            }
        }
    }
}

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "Add customers and change their contact details.",
                                                    subcommands: [Add.self, Set.self, List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every customer with its language, e-mail address and contact.")
        @OptionGroup var db: DatabaseOptions
        @Flag var json = false

        func run() throws {
            try perform {
                let customers = try db.open(.readOnly).customers()
                if json { try printJSON(customers); return }
                printTable(["CODE", "NAME", "LANG", "EMAIL", "CONTACT"],  // not prose: column names, as the other lists'
                           customers.map { [$0.code, $0.name, $0.language?.rawValue ?? "-", $0.email ?? "-", $0.contact ?? "-"] })
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a customer.",
            discussion: "Example: backorders customer add NORDBYGG \"Nordbygg Grossist AS\" --language nb --email ordre@nordbygg.example.no")
        @OptionGroup var db: DatabaseOptions
        @Argument var code: String
        @Argument var name: String
        @Option(help: ArgumentHelp("The language its notices are written in: nb or en.", valueName: "nb|en")) var language: String?
        @Option(help: "Where its notices are e-mailed.") var email: String?
        @Option(help: "Who notices are addressed to.") var contact: String?

        func run() throws {
            try perform {
                let language = try self.language.flatMap { try Validate.customerLanguage($0) }
                try db.open().addCustomer(Customer(code: code, name: name, language: language, email: email.flatMap { $0.isEmpty ? nil : $0 },
                                                   contact: contact.flatMap { $0.isEmpty ? nil : $0 }))
                print(Localizer.process(CustomerText.added, code))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a customer's name or contact details; what is not given stays.",
            discussion: "Example: backorders customer set TROMSO --language en --contact \"Ola Nordmann\" (\"\" clears --email or --contact, none clears --language)")
        @OptionGroup var db: DatabaseOptions
        @Argument var code: String
        @Option var name: String?
        @Option(help: ArgumentHelp("The language its notices are written in (none: the reader's).", valueName: "nb|en|none")) var language: String?
        @Option(help: "Where its notices are e-mailed (\"\" removes it).") var email: String?
        @Option(help: "Who notices are addressed to (\"\" removes it).") var contact: String?

        func run() throws {
            try perform {
                var changes = CustomerChanges(name: name, email: email, contact: contact)
                if let language { changes.language = .some(try Validate.customerLanguage(language)) }
                guard !changes.isEmpty else { throw BackorderError.invalid(.t(CustomerText.nothingToChange)) }
                let changed = try db.open().changeCustomer(code, changes)
                print(changed.isEmpty ? Localizer.process(CustomerText.unchanged, code)
                                      : Localizer.process(CustomerText.changed, code, changed.joined(separator: ", ")))
            }
        }
    }
}

// MARK: orders

struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "order", abstract: "Create and amend orders.",
                                                    subcommands: [Create.self, Set.self, Amend.self, AddLine.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an order; lines are allocated from free stock at once, the shortfall backordered.",
            discussion: "Example: backorders order create --customer C001 SKU-1001=100 SKU-2002=5")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Customer code.") var customer: String
        @Option(help: "Order number (default: the next SO-number).") var number: String?
        @Option(help: "Order date: YYYY-MM-DD, today, -N (default today).") var date: String?
        @Option(help: "1 (most urgent) to 9.") var priority = 5
        @Flag(help: "Ship complete: refuse partial shipments unless overridden.") var complete = false
        @Flag(help: "Print the created order as JSON.") var json = false
        @Flag(help: "Show what each line would get now (from stock, backorder, promised date) and create nothing.") var preview = false
        @Argument(help: "Lines as SKU=QTY.") var lines: [String]

        func run() throws {
            try perform {
                let ctx = Context.current()
                let parsed = try lines.map { spec -> NewOrderLine in
                    guard let eq = spec.lastIndex(of: "=") else { throw BackorderError.invalid("line \"\(spec)\" is not SKU=QTY") }
                    let q = try Validate.parseQuantity(String(spec[spec.index(after: eq)...]), "quantity of \(spec[..<eq])")
                    return NewOrderLine(sku: String(spec[..<eq]), quantity: q)
                }
                let order = try NewOrder(number: number, customer: customer, orderDate: date.map { try parseDay($0, today: ctx.today, what: "--date") },
                                         priority: priority, policy: complete ? .complete : .partial, lines: parsed)
                if preview {
                    let p = try db.open().previewOrder(order, ctx: ctx)
                    if json { try printJSON(p); return }
                    print("preview (nothing was created):")
                    for l in p.lines { print("  line \(l.lineNo) \(l.sku) × \(l.quantity): \(l.promise)") }
                    return
                }
                let detail = try db.open().createOrder(order, ctx: ctx)
                if json { try printJSON(detail); return }
                print("created order \(detail.order.number)")
                for l in detail.lines {
                    let q = l.line.quantities
                    print("  line \(l.line.lineNo) \(l.line.sku): \(q.ordered) ordered, \(q.allocated) allocated"
                          + (q.backordered > 0 ? ", \(q.backordered) backordered (" + (l.promised.map { "promised \($0.iso)" } ?? "no arrival planned") + ")" : ""))
                }
            }
        }
    }
}

struct Pick: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Confirm picked quantities.",
        discussion: """
            Without LINE=QTY everything allocated is picked. With --short, the rest of each named line's allocation was
            missing from the shelf: it goes back to backordered and the stock is corrected.
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: "Picked quantities as LINE=QTY.") var lines: [String] = []
    @Flag(help: "The shelf had less than the books: the unpicked rest of each named line is missing.") var short = false

    func run() throws {
        try perform {
            let w = try db.open()
            let ctx = Context.current()
            var entries: [PickEntry]? = nil
            if !lines.isEmpty {
                let detail = try w.orderDetail(order, today: ctx.today)
                entries = try lines.map { spec in
                    let parts = spec.split(separator: "=", omittingEmptySubsequences: false)
                    guard parts.count == 2, let lineNo = Int(parts[0]) else { throw BackorderError.invalid("\"\(spec)\" is not LINE=QTY") }
                    let q = try Validate.parseQuantity(String(parts[1]), "quantity of line \(lineNo)")
                    let allocated = detail.lines.first { $0.line.lineNo == lineNo }?.line.quantities.allocated ?? 0
                    return PickEntry(lineNo: lineNo, picked: q, missing: short ? max(0, allocated - q) : 0)
                }
            } else if short {
                throw BackorderError.invalid("--short needs the picked quantities as LINE=QTY")
            }
            let r = try w.pick(order: order, entries: entries, ctx: ctx)
            print("picked \(r.picked) unit(s) on \(order)" + (r.missing > 0 ? "; \(r.missing) missing, back on backorder and stock corrected" : ""))
            for a in r.reallocated { print("  book stock allocated: \(a.quantity) to \(a.orderNumber) line \(a.lineNo)") }
        }
    }
}

struct Ship: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Ship everything picked on an order as a numbered shipment (a partial shipment when some stays open).")
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Flag(help: "Ship a ship-complete order partially anyway.") var override = false
    @Flag(help: "Print the shipment as JSON.") var json = false

    func run() throws {
        try perform {
            let w = try db.open()
            let ctx = Context.current()
            let s = try w.ship(order: order, override: override, ctx: ctx)
            if json { try printJSON(s); return }
            print("shipment \(s.number) for \(order): " + s.lines.map { "\($0.quantity) × \($0.sku)" }.joined(separator: ", "))
            let d = try w.orderDetail(order, today: ctx.today)
            if d.order.isOpen {
                let t = d.totals
                print("  still open: \(t.allocated + t.picked) in stock, \(t.backordered) backordered")
            } else {
                print("  order \(order) is complete and closed")
            }
        }
    }
}

// MARK: arrivals and receipts

struct ArrivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "arrival", abstract: "Expected arrivals (purchase order lines).",
                                                    subcommands: [Add.self, ETA.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an expected arrival.")
        @OptionGroup var db: DatabaseOptions
        @Option var supplier: String
        @Option(help: "Purchase order number.") var po: String
        @Option(help: "PO line number.") var line = 1
        @Option var sku: String
        @Option(help: "Expected quantity.") var qty: Int
        @Option(help: "Expected day: YYYY-MM-DD, today, +N.") var eta: String

        func run() throws {
            try perform {
                let ctx = Context.current()
                let a = try db.open().addArrival(NewArrival(supplier: supplier, poNumber: po, poLine: line, sku: sku, quantity: qty,
                                                            eta: parseDay(eta, today: ctx.today, what: "--eta")), ctx: ctx)
                print("added arrival \(a.reference): \(a.quantity) × \(a.sku) expected \(a.eta.iso)")
            }
        }
    }

    struct ETA: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "eta", abstract: "Move an arrival's ETA (the old date stays in its history).")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "PO/LINE") var arrival: String
        @Argument(help: "New day: YYYY-MM-DD, today, +N.") var day: String
        @Option var reason = ""

        func run() throws {
            try perform {
                let ctx = Context.current()
                let d = try parseDay(day, today: ctx.today, what: "ETA")
                try db.open().changeETA(arrival: arrival, to: d, reason: reason, ctx: ctx)
                print("arrival \(arrival) now expected \(d.iso)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an arrival and its ETA history.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "PO/LINE") var arrival: String
        @Flag var json = false

        struct Out: Codable { var arrival: Arrival; var etaHistory: [ETAChange] }

        func run() throws {
            try perform {
                let (a, changes) = try db.open(.readOnly).arrival(arrival)
                if json { try printJSON(Out(arrival: a, etaHistory: changes)); return }
                print("\(a.reference) from \(visible(a.supplier)): \(a.quantity) × \(a.sku), received \(a.received), ETA \(a.eta.iso)\(a.isOpen ? "" : " (closed)")")
                for c in changes { print("  \(c.at.iso) \(c.actor): \(c.from.iso) → \(c.to.iso) \(visible(c.reason))") }
            }
        }
    }
}

struct Receive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Book a receipt; the units go to waiting backorders by priority, then order date, then order number.",
        discussion: "Examples: backorders receive PO-7001/1 30    backorders receive --sku SKU-1001 12 (unplanned)")
    @OptionGroup var db: DatabaseOptions
    // One list, read in validate(): two optional-then-required positionals would take `--sku X 12`'s 12 as the PO/line.
    @Argument(help: ArgumentHelp("PO/LINE of the expected arrival and the received quantity; with --sku, the quantity alone.",
                                 valueName: "PO/LINE QTY")) var values: [String] = []
    @Option(help: "Unplanned receipt of this SKU.") var sku: String?
    @Option var note = ""
    @Flag var json = false

    var arrival: String? { sku == nil ? values.first : nil }
    var quantity: Int { Int(values.last ?? "") ?? 0 }

    func validate() throws {
        let wanted = sku == nil ? 2 : 1
        guard values.count == wanted else {
            throw ValidationError(sku == nil ? "give the expected arrival and the quantity (PO/LINE QTY), or --sku SKU QTY for an unplanned receipt"
                                             : "with --sku, give the quantity alone")
        }
        guard Int(values.last!) != nil else { throw ValidationError("the quantity must be a whole number, not \(values.last!)") }
    }

    func run() throws {
        try perform {
            let r = try db.open().receive(arrival: arrival, sku: sku, quantity: quantity, note: note, ctx: .current())
            if json { try printJSON(r); return }
            print("receipt \(r.receiptNumber): \(r.quantity) × \(r.sku)" + (r.arrivalReference.map { " on \($0)" } ?? " (unplanned)")
                  + (r.overReceived > 0 ? ", \(r.overReceived) more than expected" : "") + (r.arrivalClosed ? ", arrival closed" : ""))
            if r.allocations.isEmpty { print("  no order was waiting") }
            for a in r.allocations {
                print("  \(a.quantity) → \(a.orderNumber) line \(a.lineNo)" + (a.lineFilled ? " (line filled)" : " (still waiting for more)"))
            }
            if r.leftFree > 0 { print("  \(r.leftFree) free on the shelf") }
        }
    }
}

struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Record a stock count: sets on-hand by a journaled adjustment; found stock goes to waiting orders.")
    @OptionGroup var db: DatabaseOptions
    @Argument var sku: String
    @Argument(help: "Counted quantity on hand.") var quantity: Int
    @Option var reason = "stock count"

    func run() throws {
        try perform {
            let allocations = try db.open().countStock(sku: sku, onHand: quantity, reason: reason, ctx: .current())
            print("\(sku): on hand set to \(quantity)")
            for a in allocations { print("  \(a.quantity) → \(a.orderNumber) line \(a.lineNo)") }
        }
    }
}
