import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.initFile.text)
    @OptionGroup var db: DatabaseOptions

    func run() throws {
        try perform {
            guard !FileManager.default.fileExists(atPath: db.path) else {
                throw BackorderError.refused(.t(CLIText.existsNothingChanged, db.path))
            }
            _ = try db.open(.create)
            print(Localizer.process(CLIText.created, db.path))
        }
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.sample.text)
    @OptionGroup var db: DatabaseOptions
    @Option(help: OptionText.sampleFrom.help(valueName: "file")) var from: String?
    @Option(help: OptionText.sampleToday.help) var today: String?
    @Flag(help: OptionText.force.help) var force = false

    func run() throws {
        try perform {
            let ctx = Context.current()
            let day = try today.map { try parseDay($0, today: ctx.today, what: "--today") } ?? ctx.today
            let text: String
            if let from {
                guard let read = try? String(contentsOfFile: from, encoding: .utf8) else {
                    throw BackorderError.invalid(.t(CLIText.cannotReadScript, from))
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
            let tr = Localizer.process
            print(tr(CLIText.sampleBuilt, db.path, from ?? tr(CLIText.builtInSample), c.items, c.openOrders, c.backorderLines, c.openArrivals))
        }
    }
}

/// Builds a new data file beside the target and moves it into place only when complete, so a failure leaves nothing half-made.
func buildFresh(path: String, force: Bool, _ body: (Warehouse) throws -> Void) throws {
    // Never a file named after a server URL: building on a server is a copy of a built file (backorders copy).
    if PostgresURL.isPostgres(path) { throw BackorderError.refused(.t(CLIText.fileOnly)) }
    let fm = FileManager.default
    if fm.fileExists(atPath: path) && !force {
        throw BackorderError.refused(.t(CLIText.existsUseForce, path))
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
    static let configuration = CommandConfiguration(commandName: "item", abstract: HelpText.item.text,
                                                    subcommands: [Add.self, Set.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.itemAdd.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var sku: String
        @Argument var name: String
        @Option var unit = "pcs"
        @Option var bin = ""
        @Option(help: OptionText.stock.help) var stock = 0
        @Option(help: OptionText.moq.help) var moq = 1
        @Option(help: OptionText.pack.help) var pack = 1
        @Option(help: OptionText.supplier.help) var supplier = ""
        @Option(help: OptionText.leadTime.help) var leadTime: Int?

        func run() throws {
            try perform {
                try db.service().addItem(Item(sku: sku, name: name, unit: unit, bin: bin, onHand: stock, minOrderQty: moq, packSize: pack,
                                           supplier: supplier, leadTimeDays: leadTime), ctx: .current())
                print(Localizer.process(CLIText.itemAdded, sku))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.itemSet.text, discussion: HelpText.itemSetDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var sku: String
        @Option var name: String?
        @Option var unit: String?
        @Option var bin: String?
        @Option(help: OptionText.moq.help) var moq: Int?
        @Option(help: OptionText.pack.help) var pack: Int?
        @Option(help: OptionText.supplierClear.help) var supplier: String?
        @Option(help: OptionText.leadTimeDays.help(valueName: "days")) var leadTime: String?

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
                guard !changes.isEmpty else { throw BackorderError.invalid(.t(CLIText.nothingToChange)) }
                let changed = try db.service().changeItem(sku, changes)
                print(changed.isEmpty ? Localizer.process(CLIText.alreadyHasThat, sku) : Localizer.process(CLIText.itemChanged, sku, changed.joined(separator: ", ")))
            }
        }
    }
}

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: HelpText.customer.text,
                                                    subcommands: [Add.self, Set.self, List.self, History.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.customerList.text)
        @OptionGroup var db: DatabaseOptions
        @Flag var json = false

        func run() throws {
            try perform {
                let customers = try db.service(.readOnly).customers()
                if json { try printJSON(customers); return }
                printTable(["CODE", "NAME", "LANG", "EMAIL", "CONTACT"],  // not prose: column names, as the other lists'
                           customers.map { [$0.code, $0.name, $0.language?.rawValue ?? "-", $0.email ?? "-", $0.contact ?? "-"] })
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.customerAdd.text, discussion: HelpText.customerAddDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var code: String
        @Argument var name: String
        @Option(help: OptionText.customerLanguage.help(valueName: "nb|en")) var language: String?
        @Option(help: OptionText.customerEmail.help) var email: String?
        @Option(help: OptionText.customerContact.help) var contact: String?

        func run() throws {
            try perform {
                let language = try self.language.flatMap { try Validate.customerLanguage($0) }
                try db.service().addCustomer(Customer(code: code, name: name, language: language, email: email.flatMap { $0.isEmpty ? nil : $0 },
                                                   contact: contact.flatMap { $0.isEmpty ? nil : $0 }), ctx: .current())
                print(Localizer.process(CustomerText.added, code))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.customerSet.text, discussion: HelpText.customerSetDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @Argument var code: String
        @Option(help: OptionText.customerName.help) var name: String?
        @Option(help: OptionText.customerLanguageSet.help(valueName: "nb|en|none")) var language: String?
        @Option(help: OptionText.customerEmailSet.help) var email: String?
        @Option(help: OptionText.customerContactSet.help) var contact: String?

        func run() throws {
            try perform {
                var changes = CustomerChanges(name: name, email: email, contact: contact)
                if let language { changes.language = .some(try Validate.customerLanguage(language)) }
                guard !changes.isEmpty else { throw BackorderError.invalid(.t(CustomerText.nothingToChange)) }
                let changed = try db.service().changeCustomer(code, changes, ctx: .current())
                print(changed.isEmpty ? Localizer.process(CustomerText.unchanged, code)
                                      : Localizer.process(CustomerText.changed, code, changed.joined(separator: ", ")))
            }
        }
    }
}

// MARK: orders

struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "order", abstract: HelpText.order.text,
                                                    subcommands: [Create.self, Set.self, Amend.self, AddLine.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.orderCreate.text, discussion: HelpText.orderCreateDiscussion.text)
        @OptionGroup var db: DatabaseOptions
        @Option(help: OptionText.customerCode.help) var customer: String
        @Option(help: OptionText.orderNumber.help) var number: String?
        @Option(help: OptionText.orderDate.help) var date: String?
        @Option(help: OptionText.priority.help) var priority = 5
        @Flag(help: OptionText.complete.help) var complete = false
        @Flag(help: OptionText.orderJSON.help) var json = false
        @Flag(help: OptionText.preview.help) var preview = false
        @Argument(help: OptionText.orderLines.help) var lines: [String]

        func run() throws {
            try perform {
                let ctx = Context.current()
                let tr = Localizer.process
                let parsed = try lines.map { spec -> NewOrderLine in
                    guard let eq = spec.lastIndex(of: "=") else { throw BackorderError.invalid(.t(CLIText.notSkuQty, spec)) }
                    let q = try Validate.parseQuantity(String(spec[spec.index(after: eq)...]), tr(CLIText.quantityOf, spec[..<eq]))
                    return NewOrderLine(sku: String(spec[..<eq]), quantity: q)
                }
                let order = try NewOrder(number: number, customer: customer, orderDate: date.map { try parseDay($0, today: ctx.today, what: "--date") },
                                         priority: priority, policy: complete ? .complete : .partial, lines: parsed)
                if preview {
                    let p = try db.service().previewOrder(order, ctx: ctx)
                    if json { try printJSON(p); return }
                    print(tr(CLIText.previewNothingCreated))
                    for l in p.lines { print(tr(CLIText.previewLine, Plain(l.lineNo), l.sku, l.quantity, promise(l))) }
                    return
                }
                let detail = try db.service().createOrder(order, ctx: ctx)
                if json { try printJSON(detail); return }
                print(tr(CLIText.orderCreated, detail.order.number))
                for l in detail.lines {
                    let q = l.line.quantities
                    print(tr(CLIText.createdLine, Plain(l.line.lineNo), l.line.sku, q.ordered, q.allocated)
                          + (q.backordered > 0 ? tr(CLIText.createdLineBackordered, q.backordered,
                                                    l.promised.map { tr(CLIText.promisedOn, $0) } ?? tr(ColumnText.noArrivalPlanned)) : ""))
                }
            }
        }
    }
}

struct Pick: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick.text, discussion: HelpText.pickDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Argument(help: OptionText.pickLines.help) var lines: [String] = []
    @Flag(help: OptionText.pickShort.help) var short = false

    func run() throws {
        try perform {
            let w = try db.service()
            let ctx = Context.current()
            let tr = Localizer.process
            var entries: [PickEntry]? = nil
            if !lines.isEmpty {
                let detail = try w.orderDetail(order, today: ctx.today)
                entries = try lines.map { spec in
                    let parts = spec.split(separator: "=", omittingEmptySubsequences: false)
                    guard parts.count == 2, let lineNo = Int(parts[0]) else { throw BackorderError.invalid(.t(CLIText.notLineQty, spec)) }
                    let q = try Validate.parseQuantity(String(parts[1]), tr(CLIText.quantityOfLine, Plain(lineNo)))
                    let allocated = detail.lines.first { $0.line.lineNo == lineNo }?.line.quantities.allocated ?? 0
                    return PickEntry(lineNo: lineNo, picked: q, missing: short ? max(0, allocated - q) : 0)
                }
            } else if short {
                throw BackorderError.invalid(.t(CLIText.shortNeedsLines))
            }
            let r = try w.pick(order: order, entries: entries, expectedVersion: nil, ctx: ctx)
            print(tr(CLIText.picked, r.picked, order) + (r.missing > 0 ? tr(CLIText.pickedMissing, r.missing) : ""))
            for a in r.reallocated { print(tr(CLIText.bookStockAllocated, a.quantity, a.orderNumber, Plain(a.lineNo))) }
        }
    }
}

struct Ship: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.ship.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Flag(help: OptionText.shipOverride.help) var override = false
    @Flag(help: OptionText.shipJSON.help) var json = false

    func run() throws {
        try perform {
            let w = try db.service()
            let ctx = Context.current()
            let s = try w.ship(order: order, override: override, expectedVersion: nil, ctx: ctx)
            if json { try printJSON(s); return }
            let tr = Localizer.process
            print(tr(CLIText.shipment, s.number, order, s.lines.map { tr(CLIText.unitsOf, $0.quantity, $0.sku) }.joined(separator: ", ")))
            let d = try w.orderDetail(order, today: ctx.today)
            if d.order.isOpen {
                let t = d.totals
                print(tr(CLIText.stillOpen, t.allocated + t.picked, t.backordered))
            } else {
                print(tr(CLIText.orderCompleteClosed, order))
            }
        }
    }
}

// MARK: arrivals and receipts

struct ArrivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "arrival", abstract: HelpText.arrival.text,
                                                    subcommands: [Add.self, ETA.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.arrivalAdd.text)
        @OptionGroup var db: DatabaseOptions
        @Option var supplier: String
        @Option(help: OptionText.po.help) var po: String
        @Option(help: OptionText.poLine.help) var line = 1
        @Option var sku: String
        @Option(help: OptionText.arrivalQty.help) var qty: Int
        @Option(help: OptionText.eta.help) var eta: String

        func run() throws {
            try perform {
                let ctx = Context.current()
                let a = try db.service().addArrival(NewArrival(supplier: supplier, poNumber: po, poLine: line, sku: sku, quantity: qty,
                                                            eta: parseDay(eta, today: ctx.today, what: "--eta")), ctx: ctx)
                print(Localizer.process(CLIText.arrivalAdded, a.reference, a.quantity, a.sku, a.eta))
            }
        }
    }

    struct ETA: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "eta", abstract: HelpText.arrivalETA.text)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: OptionText.poSlashLine.help) var arrival: String
        @Argument(help: OptionText.newDay.help) var day: String
        @Option var reason = ""

        func run() throws {
            try perform {
                let ctx = Context.current()
                let d = try parseDay(day, today: ctx.today, what: "ETA")
                try db.service().changeETA(arrival: arrival, to: d, reason: reason, ctx: ctx)
                print(Localizer.process(CLIText.arrivalNowExpected, arrival, d))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.arrivalShow.text)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: OptionText.poSlashLine.help) var arrival: String
        @Flag var json = false

        struct Out: Codable { var arrival: Arrival; var etaHistory: [ETAChange] }

        func run() throws {
            try perform {
                let (a, changes) = try db.service(.readOnly).arrival(arrival)
                if json { try printJSON(Out(arrival: a, etaHistory: changes)); return }
                let tr = Localizer.process
                print(tr(CLIText.arrivalLine, a.reference, visible(a.supplier), a.quantity, a.sku, a.received, a.eta) + (a.isOpen ? "" : tr(CLIText.closedSuffix)))
                for c in changes { print("  \(moment(c.at)) \(c.actor): \(tr.day(c.from)) → \(tr.day(c.to)) \(visible(c.reason))") }
            }
        }
    }
}

struct Receive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.receive.text, discussion: HelpText.receiveDiscussion.text)
    @OptionGroup var db: DatabaseOptions
    // One list, read in validate(): two optional-then-required positionals would take `--sku X 12`'s 12 as the PO/line.
    @Argument(help: OptionText.receiveValues.help(valueName: "PO/LINE QTY")) var values: [String] = []
    @Option(help: OptionText.receiveSKU.help) var sku: String?
    @Option var note = ""
    @Flag var json = false

    var arrival: String? { sku == nil ? values.first : nil }
    var quantity: Int { Int(values.last ?? "") ?? 0 }

    func validate() throws {
        let wanted = sku == nil ? 2 : 1
        guard values.count == wanted else {
            throw ValidationError(Localizer.process(sku == nil ? CLIText.receiveWhat : CLIText.receiveQuantityAlone))
        }
        guard Int(values.last!) != nil else { throw ValidationError(Localizer.process(CLIText.quantityNotWhole, values.last!)) }
    }

    func run() throws {
        try perform {
            let r = try db.service().receive(arrival: arrival, sku: sku, quantity: quantity, note: note, ctx: .current())
            if json { try printJSON(r); return }
            let tr = Localizer.process
            print(tr(CLIText.receipt, r.receiptNumber, r.quantity, r.sku)
                  + (r.arrivalReference.map { tr(CLIText.receiptOn, $0) } ?? tr(CLIText.receiptUnplanned))
                  + (r.overReceived > 0 ? tr(CLIText.overReceived, r.overReceived) : "") + (r.arrivalClosed ? tr(CLIText.arrivalClosed) : ""))
            if r.allocations.isEmpty { print(tr(CLIText.noOrderWaiting)) }
            for a in r.allocations {
                print(tr(CLIText.allocatedTo, a.quantity, a.orderNumber, Plain(a.lineNo)) + tr(a.lineFilled ? CLIText.lineFilled : CLIText.stillWaiting))
            }
            if r.leftFree > 0 { print(tr(CLIText.freeOnShelf, r.leftFree)) }
        }
    }
}

struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.count.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var sku: String
    @Argument(help: OptionText.countQuantity.help) var quantity: Int
    @Option var reason = "stock count"  // not prose: the journal's stored reason stays language-neutral

    func run() throws {
        try perform {
            let allocations = try db.service().countStock(sku: sku, onHand: quantity, reason: reason, ctx: .current())
            let tr = Localizer.process
            print(tr(CLIText.onHandSet, sku, quantity))
            for a in allocations { print(tr(CLIText.allocatedTo, a.quantity, a.orderNumber, Plain(a.lineNo))) }
        }
    }
}
