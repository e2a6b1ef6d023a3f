import ArgumentParser
import BackorderCore
import BackorderStore
import BackorderStorePostgres
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.list.text,
        subcommands: [Orders.self, BackorderLines.self, Arrivals.self, Stock.self])

    struct Orders: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.listOrders.text, discussion: sortColumns(.orders))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions

        func run() throws {
            try perform {
                let page = try list.page(.orders)
                let rows = try db.service(.readOnly).openOrders(page)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                let tr = Localizer.process
                printTable(headers(.order, .date, .p, .customer, .policy, .lines, .ordered, .alloc, .picked, .shipped, .backord),
                           rows.map { [$0.number, tr.day($0.orderDate), "\($0.priority)", $0.customerName, policyName($0.policy), tr.number($0.lines),
                                       tr.number($0.ordered), tr.number($0.allocated), tr.number($0.picked), tr.number($0.shipped), tr.number($0.backordered)] },
                           rightAligned: [2, 5, 6, 7, 8, 9, 10])
            }
        }
    }

    struct BackorderLines: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "backorders", abstract: HelpText.listBackorders.text,
                                                        discussion: sortColumns(.backorders))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions
        @Option(help: OptionText.onlySKUServing.help) var sku: String?
        @Option(help: OptionText.onlyCustomer.help) var customer: String?

        func run() throws {
            try perform {
                let today = Context.current().today
                let page = try list.page(.backorders)
                let rows = try db.service(.readOnly).backorderLines(page, sku: sku, customer: customer, today: today)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                printBackorderTable(rows)
            }
        }
    }

    struct Arrivals: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.listArrivals.text,
                                                        discussion: sortColumns(.arrivals))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions
        @Option(help: OptionText.onlySKU.help) var sku: String?

        func run() throws {
            try perform {
                let today = Context.current().today
                let page = try list.page(.arrivals)
                let rows = try db.service(.readOnly).openArrivals(page, sku: sku, today: today)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                let tr = Localizer.process
                printTable(headers(.arrival, .supplier, .sku, .item, .expected, .received, .promised, .eta, .moved),
                           rows.map { [$0.arrival.reference, $0.arrival.supplier, $0.arrival.sku, $0.itemName, tr.number($0.arrival.quantity),
                                       tr.number($0.arrival.received), tr.number($0.promised), tr.day($0.arrival.eta) + ($0.late ? tr(ColumnText.lateSuffix) : ""),
                                       tr.number($0.etaChanges)] },
                           rightAligned: [4, 5, 6, 8])
            }
        }
    }

    struct Stock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.listStock.text,
                                                        discussion: sortColumns(.stock))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions
        @Flag(help: OptionText.onlyShort.help) var short = false
        @Option(help: OptionText.onlySKUExactly.help) var sku: String?

        func run() throws {
            try perform {
                let page = try list.page(.stock)
                let rows = try db.service(.readOnly).stock(page, onlyShort: short, sku: sku)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                let tr = Localizer.process
                printTable(headers(.sku, .item, .bin, .onHand, .alloc, .picked, .free, .backord, .incoming),
                           rows.map { [$0.sku, $0.name, $0.bin, tr.number($0.onHand), tr.number($0.allocated), tr.number($0.picked), tr.number($0.free),
                                       tr.number($0.backordered), tr.number($0.incoming)] },
                           rightAligned: [3, 4, 5, 6, 7, 8])
            }
        }
    }
}

/// The `--sort` columns of a list, for its help.
func sortColumns(_ list: ListKind) -> String {
    Localizer.process(HelpText.sortColumns, ListSortKey.all(list).map(\.name).joined(separator: ", "))
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.show.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Flag var json = false

    func run() throws {
        try perform {
            let today = Context.current().today
            let w = try db.service(.readOnly)
            let d = try w.orderDetail(order, today: today)
            if json { try printJSON(d); return }
            let o = d.order
            let tr = Localizer.process
            print(tr(CLIText.orderHeader, o.number, visible(o.customerName), o.customerCode, o.orderDate, Plain(o.priority), policyName(o.policy),
                     o.closedAt.map { tr(CLIText.closedOn, moment($0)) } ?? tr(CLIText.open)))
            if !d.note.isEmpty { print(tr(CLIText.noteLine, visible(d.note))) }
            if let c = try? w.customer(o.customerCode), c.email != nil || c.language != nil || c.contact != nil {
                print(tr(CLIText.customerLine, [c.contact.map(visible), c.email, c.language.map { tr(CLIText.customerLanguageIs, $0.rawValue) }]
                    .compactMap { $0 }.joined(separator: ", ")))
            }
            printTable(headers(.line, .sku, .item, .ordered, .alloc, .picked, .shipped, .backord, .cancel, .promised),
                       d.lines.map { l in
                           let q = l.line.quantities
                           return ["\(l.line.lineNo)", l.line.sku, l.line.itemName, tr.number(q.ordered), tr.number(q.allocated), tr.number(q.picked),
                                   tr.number(q.shipped), tr.number(q.backordered), tr.number(q.cancelled),
                                   q.backordered > 0 ? (l.promised.map(tr.day) ?? tr(ColumnText.nonePlanned)) : ""]
                       }, rightAligned: [0, 3, 4, 5, 6, 7, 8])
            for s in d.shipments {
                print(tr(CLIText.shipmentBy, s.number, moment(s.at), s.actor,
                         s.lines.map { tr(CLIText.lineQuantity, Plain($0.lineNo), $0.quantity) }.joined(separator: ", ")))
            }
            print(tr(CLIText.history))
            for m in d.history {
                print("  \(moment(m.at)) \(m.actor) \(kindName(m.kind)) " + tr(CLIText.lineQuantity, Plain(m.lineNo ?? 0), m.quantity)
                      + (m.document.map { " \($0)" } ?? "") + (m.note.isEmpty ? "" : " — \(visible(m.note))"))
            }
            for c in d.changes {
                print("  \(moment(c.at)) \(c.actor) " + tr(CLIText.changedField, c.field, visible(c.from), visible(c.to))
                      + (c.reason.isEmpty ? "" : " — \(visible(c.reason))"))
            }
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.status.text)
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Flag var json = false

    struct Out: Codable { var order: String; var text: String; var detail: OrderDetail }

    func run() throws {
        try perform {
            let today = Context.current().today
            let d = try db.service(.readOnly).orderDetail(order, today: today)
            let text = d.customerStatus(today: today)
            if json { try printJSON(Out(order: order, text: text, detail: d)); return }
            print(text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n"))
        }
    }
}

struct Journal: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.journal.text)
    @OptionGroup var db: DatabaseOptions
    @Option var sku: String?
    // Unconditional, so `--limit -5` reaches validate() instead of reading as an unknown option -5.
    @Option(parsing: .unconditional, help: OptionText.journalLimit.help) var limit = 50
    @Flag var json = false

    func validate() throws {
        try requireNonNegative(("--limit", limit))
    }

    func run() throws {
        try perform {
            let rows = try db.service(.readOnly).journal(sku: sku, limit: limit)
            if json { try printJSON(rows); return }
            let tr = Localizer.process
            printTable(headers(.when, .who, .what, .sku, .qty, .order, .line, .arrival, .doc, .note),
                       rows.map { [moment($0.at), $0.actor, kindName($0.kind), $0.sku, tr.number($0.quantity), $0.orderNumber ?? "", $0.lineNo.map(String.init) ?? "",
                                   $0.arrivalReference ?? "", $0.document ?? "", $0.note] }, rightAligned: [4, 6])
        }
    }
}

struct Upgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.upgrade.text)
    @OptionGroup var db: DatabaseOptions

    func run() throws {
        try perform {
            // Opening migrates: a large file's upgrade (counters, search index) is timed so the clerk knows what it took.
            let started = ContinuousClock.now
            if db.isServer {
                // On a server the owner upgrades in one transaction; clerks' logins may not change the schema.
                let bridge = PostgresBridge(url: try PostgresURL(parsing: db.path), maximumConnections: 1)
                defer { bridge.close() }
                let steps = try PostgresSetup.upgrade(bridge)
                let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                    + Double((ContinuousClock.now - started).components.seconds)
                print(steps.isEmpty ? Localizer.process(CLIText.alreadyCurrent, bridge.url.description)
                                    : Localizer.process(CLIText.upgraded, bridge.url.description, steps.joined(separator: ", "),
                                                        Localizer.process.decimal(seconds, digits: 1)))
                return
            }
            let w = try db.open(.readWrite)
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(w.upgrades.isEmpty ? Localizer.process(CLIText.alreadyCurrent, db.path)
                                     : Localizer.process(CLIText.upgraded, db.path, w.upgrades.joined(separator: ", "),
                                                         Localizer.process.decimal(seconds, digits: 1)))
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.check.text)
    @OptionGroup var db: DatabaseOptions
    @Flag(help: OptionText.checkFull.help) var full = false
    @Flag var json = false

    func run() throws {
        try perform {
            // The server checks its own pages itself; the rules are the same on both engines.
            let violations = db.isServer ? try db.server(readOnly: true).check() : try db.open(.readOnly).check(quick: !full)
            if json { try printJSON(violations) } else if violations.isEmpty {
                print(Localizer.process(db.isServer ? CLIText.checkOKServer : CLIText.checkOK))
            } else {
                for v in violations { print(visible(v.description)) }
            }
            if !violations.isEmpty { throw ExitCode(Exit.checkFailed) }
        }
    }
}

struct Who: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.who.text)
    @OptionGroup var db: DatabaseOptions
    @Flag var json = false

    func run() throws {
        try perform {
            let now = Context.current().now
            let sessions = try db.service(.readOnly).presence(now: now)
            if json { try printJSON(sessions.map(WhoRow.init)); return }
            guard !sessions.isEmpty else {
                print(Localizer.process(CLIText.nobodyHasItOpen, db.path))
                return
            }
            let tr = Localizer.process
            printTable(headers(.user, .host, .pid, .since, .lastSeen),
                       sessions.map { [$0.user, $0.host, "\($0.pid)", moment($0.since), tr(ColumnText.secondsAgo, Int(max(0, now.unixTime - $0.seen.unixTime)))] },
                       rightAligned: [2, 4])
        }
    }

    /// One session as `who --json` prints it.
    struct WhoRow: Encodable {
        var user: String, host: String, pid: Int, since: String, seen: String
        init(_ p: Presence) { user = p.user; host = p.host; pid = p.pid; since = p.since.iso; seen = p.seen.iso }
    }
}
