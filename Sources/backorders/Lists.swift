import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The open lists: orders, backorders, arrivals, stock.",
        subcommands: [Orders.self, BackorderLines.self, Arrivals.self, Stock.self])

    struct Orders: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open orders, oldest first.", discussion: sortColumns(.orders))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions

        func run() throws {
            try perform {
                let page = try list.page(.orders)
                let rows = try db.open(.readOnly).openOrders(page)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                printTable(["ORDER", "DATE", "P", "CUSTOMER", "POLICY", "LINES", "ORDERED", "ALLOC", "PICKED", "SHIPPED", "BACKORD"],
                           rows.map { [$0.number, $0.orderDate.iso, "\($0.priority)", $0.customerName, $0.policy.rawValue, "\($0.lines)",
                                       "\($0.ordered)", "\($0.allocated)", "\($0.picked)", "\($0.shipped)", "\($0.backordered)"] },
                           rightAligned: [2, 5, 6, 7, 8, 9, 10])
            }
        }
    }

    struct BackorderLines: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "backorders", abstract: "Open backorder lines with promised dates, oldest first (or one SKU in serving order).",
                                                        discussion: sortColumns(.backorders))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions
        @Option(help: "Only this SKU, in the order receipts will serve it.") var sku: String?
        @Option(help: "Only this customer's lines (its code, exactly; an unknown code is an error).") var customer: String?

        func run() throws {
            try perform {
                let today = Context.current().today
                let page = try list.page(.backorders)
                let rows = try db.open(.readOnly).backorderLines(page, sku: sku, customer: customer, today: today)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                printTable(["ORDER", "LINE", "DATE", "AGE", "P", "CUSTOMER", "SKU", "ITEM", "BACKORD", "PROMISED"],
                           rows.map { [$0.orderNumber, "\($0.lineNo)", $0.orderDate.iso, "\($0.ageDays)d", "\($0.priority)", $0.customerName, $0.sku,
                                       $0.itemName, "\($0.backordered)", ($0.promised?.iso ?? "no arrival planned") + ($0.late && $0.promised != nil ? " LATE" : "")] },
                           rightAligned: [1, 3, 4, 8])
            }
        }
    }

    struct Arrivals: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open expected arrivals by ETA, with units promised to waiting orders.",
                                                        discussion: sortColumns(.arrivals))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions
        @Option(help: "Only this SKU.") var sku: String?

        func run() throws {
            try perform {
                let today = Context.current().today
                let page = try list.page(.arrivals)
                let rows = try db.open(.readOnly).openArrivals(page, sku: sku, today: today)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                printTable(["ARRIVAL", "SUPPLIER", "SKU", "ITEM", "EXPECTED", "RECEIVED", "PROMISED", "ETA", "MOVED"],
                           rows.map { [$0.arrival.reference, $0.arrival.supplier, $0.arrival.sku, $0.itemName, "\($0.arrival.quantity)",
                                       "\($0.arrival.received)", "\($0.promised)", $0.arrival.eta.iso + ($0.late ? " LATE" : ""), "\($0.etaChanges)"] },
                           rightAligned: [4, 5, 6, 8])
            }
        }
    }

    struct Stock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stock per item: on hand, allocated, picked, free, backordered demand, incoming.",
                                                        discussion: sortColumns(.stock))
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var list: ListOptions
        @Flag(help: "Only items with backordered demand.") var short = false
        @Option(help: "Only this SKU (exactly: SKU-1 is not SKU-10).") var sku: String?

        func run() throws {
            try perform {
                let page = try list.page(.stock)
                let rows = try db.open(.readOnly).stock(page, onlyShort: short, sku: sku)
                if list.json { try printJSON(rows); return }
                if list.csv { return printCSV(rows) }
                printTable(["SKU", "ITEM", "BIN", "ON HAND", "ALLOC", "PICKED", "FREE", "BACKORD", "INCOMING"],
                           rows.map { [$0.sku, $0.name, $0.bin, "\($0.onHand)", "\($0.allocated)", "\($0.picked)", "\($0.free)", "\($0.backordered)", "\($0.incoming)"] },
                           rightAligned: [3, 4, 5, 6, 7, 8])
            }
        }
    }
}

/// The `--sort` columns of a list, for its help.
func sortColumns(_ list: ListKind) -> String {
    "--sort takes one of: " + ListSortKey.all(list).map(\.name).joined(separator: ", ") + "."
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "An order with every line's quantities, its shipments and its history.")
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Flag var json = false

    func run() throws {
        try perform {
            let today = Context.current().today
            let w = try db.open(.readOnly)
            let d = try w.orderDetail(order, today: today)
            if json { try printJSON(d); return }
            let o = d.order
            print("order \(o.number)  \(visible(o.customerName)) (\(o.customerCode))  date \(o.orderDate.iso)  priority \(o.priority)  \(o.policy.rawValue)  "
                  + (o.closedAt.map { "closed \($0.iso)" } ?? "open"))
            if !d.note.isEmpty { print("note: \(visible(d.note))") }
            if let c = try? w.customer(o.customerCode), c.email != nil || c.language != nil || c.contact != nil {
                print("customer: " + [c.contact.map(visible), c.email, c.language.map { "language \($0.rawValue)" }].compactMap { $0 }.joined(separator: ", "))
            }
            printTable(["LINE", "SKU", "ITEM", "ORDERED", "ALLOC", "PICKED", "SHIPPED", "BACKORD", "CANCEL", "PROMISED"],
                       d.lines.map { l in
                           let q = l.line.quantities
                           return ["\(l.line.lineNo)", l.line.sku, l.line.itemName, "\(q.ordered)", "\(q.allocated)", "\(q.picked)", "\(q.shipped)",
                                   "\(q.backordered)", "\(q.cancelled)", q.backordered > 0 ? (l.promised?.iso ?? "none planned") : ""]
                       }, rightAligned: [0, 3, 4, 5, 6, 7, 8])
            for s in d.shipments {
                print("shipment \(s.number) \(s.at.iso) by \(s.actor): " + s.lines.map { "line \($0.lineNo) \($0.quantity)" }.joined(separator: ", "))
            }
            print("history:")
            for m in d.history {
                print("  \(m.at.iso) \(m.actor) \(m.kind.rawValue) line \(m.lineNo ?? 0) \(m.quantity)" + (m.document.map { " \($0)" } ?? "") + (m.note.isEmpty ? "" : " — \(visible(m.note))"))
            }
            for c in d.changes {
                print("  \(c.at.iso) \(c.actor) changed \(c.field) \(visible(c.from)) → \(visible(c.to))" + (c.reason.isEmpty ? "" : " — \(visible(c.reason))"))
            }
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What the customer should be told about an order: shipped so far, outstanding with promised dates.")
    @OptionGroup var db: DatabaseOptions
    @Argument var order: String
    @Flag var json = false

    struct Out: Codable { var order: String; var text: String; var detail: OrderDetail }

    func run() throws {
        try perform {
            let today = Context.current().today
            let d = try db.open(.readOnly).orderDetail(order, today: today)
            let text = d.customerStatus(today: today)
            if json { try printJSON(Out(order: order, text: text, detail: d)); return }
            print(text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n"))
        }
    }
}

struct Journal: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The movement journal, newest first.")
    @OptionGroup var db: DatabaseOptions
    @Option var sku: String?
    // Unconditional, so `--limit -5` reaches validate() instead of reading as an unknown option -5.
    @Option(parsing: .unconditional, help: "How many movements at most.") var limit = 50
    @Flag var json = false

    func validate() throws {
        try requireNonNegative(("--limit", limit))
    }

    func run() throws {
        try perform {
            let rows = try db.open(.readOnly).journal(sku: sku, limit: limit)
            if json { try printJSON(rows); return }
            printTable(["WHEN", "WHO", "WHAT", "SKU", "QTY", "ORDER", "LINE", "ARRIVAL", "DOC", "NOTE"],
                       rows.map { [$0.at.iso, $0.actor, $0.kind.rawValue, $0.sku, "\($0.quantity)", $0.orderNumber ?? "", $0.lineNo.map(String.init) ?? "",
                                   $0.arrivalReference ?? "", $0.document ?? "", $0.note] }, rightAligned: [4, 6])
        }
    }
}

struct Upgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a data file written by an older version to this version's format (any command that changes the file does too).")
    @OptionGroup var db: DatabaseOptions

    func run() throws {
        try perform {
            let w = try db.open(.readWrite)
            print(w.upgrades.isEmpty ? "\(db.path) is already in this version's format"
                                     : "upgraded \(db.path): \(w.upgrades.joined(separator: ", "))")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Verify every invariant and SQLite's integrity; exit 3 when something is wrong.")
    @OptionGroup var db: DatabaseOptions
    @Flag(help: "SQLite's full integrity_check (every index entry against its table) instead of quick_check; slower.") var full = false
    @Flag var json = false

    func run() throws {
        try perform {
            let violations = try db.open(.readOnly).check(quick: !full)
            if json { try printJSON(violations) } else if violations.isEmpty {
                print("ok: every invariant holds and the file is intact")
            } else {
                for v in violations { print(visible(v.description)) }
            }
            if !violations.isEmpty { throw ExitCode(Exit.checkFailed) }
        }
    }
}

struct Who: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who has the data file open in the UI right now (read-only sessions record nothing and are not listed).")
    @OptionGroup var db: DatabaseOptions
    @Flag var json = false

    func run() throws {
        try perform {
            let now = Context.current().now
            let sessions = try db.open(.readOnly).presence(now: now)
            if json { try printJSON(sessions.map(WhoRow.init)); return }
            guard !sessions.isEmpty else {
                print("nobody has \(db.path) open in the UI for writing right now (read-only sessions are not listed)")
                return
            }
            printTable(["USER", "HOST", "PID", "SINCE", "LAST SEEN"],
                       sessions.map { [$0.user, $0.host, "\($0.pid)", $0.since.iso, "\(max(0, now.unixTime - $0.seen.unixTime)) s ago"] },
                       rightAligned: [2, 4])
        }
    }

    /// One session as `who --json` prints it.
    struct WhoRow: Encodable {
        var user: String, host: String, pid: Int, since: String, seen: String
        init(_ p: Presence) { user = p.user; host = p.host; pid = p.pid; since = p.since.iso; seen = p.seen.iso }
    }
}
