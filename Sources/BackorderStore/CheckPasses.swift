import BackorderCore
import GRDB
import GRDBSQLite

/// The rules that compare the big tables with each other, each table read once in row order.
///
/// On a million-line file, SQL joins and `GROUP BY`s for these rules sorted or probed millions of rows (seconds each);
/// here every table is stepped once with SQLite's C API, and what a rule needs is kept in arrays indexed by row id
/// (`Slots`). The journal, the order lines and the shipment lines are checked against each other and against their
/// counters, and their references checked on the way (`Warehouse.foreignKeysCheckedInPasses`).
struct CheckPasses {
    private let db: Database
    private let limit: Int
    private var found: [Violation] = []
    private var perRule: [String: Int] = [:]

    // Items, by slot (in SKU order).
    private var items: [String: Int] = [:]
    private var itemSku: [String] = []
    private var itemCounters: [(onHand: Int64, allocated: Int64, picked: Int64, backordered: Int64)] = []
    private var lineSums: [(allocated: Int64, picked: Int64, backordered: Int64)] = []
    private var journalOnHand: [Int64] = []
    // Orders, by slot.
    private var orders = Slots()
    private var orderHeader: [(number: String, priority: Int64, date: String, closed: Bool)] = []
    /// Each order's number and date as the bytes its lines' copies are compared with.
    private var orderKeys: [(number: PackedText, date: PackedText)] = []
    private var skus = SKUKeys([:])
    private var orderOpen: [Int64] = []
    private var orderHasOpenLine: [Bool] = []
    // Arrivals, shipments, receipts.
    private var arrivals = Slots()
    private var arrivalName: [(po: String, line: Int64, received: Int64)] = []
    private var arrivalReceipts: [Int64] = []
    private var arrivalJournal: [Int64] = []
    private var shipments = Slots()
    private var receipts = Slots()
    // Order lines, by slot: ids, counters minus journal rows (zero when they agree), shipped minus shipment lines.
    private var lines = Slots()
    private var lineIds: [Int64] = []
    private var remaining: [Int64] = []
    private var journaled: [Bool] = []
    private var shippedLeft: [Int64] = []
    // The waiting queue in its own order, and its rows by line id.
    private var waiting: [WaitingRow] = []
    private var waitingByLine: [Int64: Int] = [:]
    private var nextWaiting: [Int] = []
    private var waitingMatched: [Bool] = []

    private struct WaitingRow {
        var lineId: Int64, sku: String, priority: Int64, orderDate: String, orderNo: String, lineNo: Int64, orderId: Int64, backordered: Int64
    }

    init(_ db: Database, limit: Int) {
        self.db = db
        self.limit = limit
    }

    /// Every rule of this pass, in the order of `Warehouse.ruleNames`.
    mutating func run() throws -> [Violation] {
        try readItems()
        try readOrders()
        try readArrivalsShipmentsReceipts()
        try readWaiting()
        try readLines()
        try readShipmentLines()
        try readJournal()
        try compare()
        return found
    }

    private mutating func add(_ rule: String, _ detail: String?) {
        let n = perRule[rule, default: 0]
        guard n < limit, let detail else { return }
        perRule[rule] = n + 1
        found.append(Violation(rule: rule, detail: detail))
    }

    private func full(_ rule: String) -> Bool { perRule[rule, default: 0] >= limit }

    private mutating func missing(_ table: String, _ id: Int64, _ parent: String) {
        add("foreign keys", Localizer.process(CheckText.missingParent, table, Plain(Int(id)), parent)) // not prose: the rule key
    }

    private mutating func missingShipmentLine(_ shipment: Int64, _ line: Int64, _ parent: String) {
        add("foreign keys", Localizer.process(CheckText.missingShipmentLine, Plain(Int(shipment)), Plain(Int(line)), parent)) // not prose: the rule key
    }

    // MARK: reading

    private mutating func readItems() throws {
        try CheckPasses.step(db, "SELECT sku, on_hand, allocated, picked, backordered FROM item ORDER BY sku") { s in
            let sku = CheckPasses.text(s, 0)
            items[sku] = itemSku.count
            itemSku.append(sku)
            itemCounters.append((CheckPasses.int(s, 1), CheckPasses.int(s, 2), CheckPasses.int(s, 3), CheckPasses.int(s, 4)))
        }
        skus = SKUKeys(items)
        lineSums = Array(repeating: (0, 0, 0), count: itemSku.count)
        journalOnHand = Array(repeating: 0, count: itemSku.count)
    }

    private mutating func readOrders() throws {
        try CheckPasses.step(db, "SELECT id, number, priority, order_date, closed_at IS NOT NULL FROM orders") { s in
            _ = orders.add(CheckPasses.int(s, 0))
            orderHeader.append((CheckPasses.text(s, 1), CheckPasses.int(s, 2), CheckPasses.text(s, 3), CheckPasses.int(s, 4) != 0))
            orderKeys.append((PackedText(s, 1), PackedText(s, 3)))
        }
        orderOpen = Array(repeating: 0, count: orders.count)
        orderHasOpenLine = Array(repeating: false, count: orders.count)
    }

    private mutating func readArrivalsShipmentsReceipts() throws {
        try CheckPasses.step(db, "SELECT id, po_number, po_line, received, sku FROM arrival") { s in
            let id = CheckPasses.int(s, 0)
            _ = arrivals.add(id)
            arrivalName.append((CheckPasses.text(s, 1), CheckPasses.int(s, 2), CheckPasses.int(s, 3)))
            if items[CheckPasses.text(s, 4)] == nil { missing("arrival", id, "item") }
        }
        arrivalReceipts = Array(repeating: 0, count: arrivals.count)
        arrivalJournal = Array(repeating: 0, count: arrivals.count)
        try CheckPasses.step(db, "SELECT id, order_id FROM shipment") { s in
            let id = CheckPasses.int(s, 0)
            _ = shipments.add(id)
            if orders.slot(CheckPasses.int(s, 1)) == nil { missing("shipment", id, "orders") }
        }
        try CheckPasses.step(db, "SELECT id, arrival_id, sku, quantity FROM receipt") { s in
            let id = CheckPasses.int(s, 0)
            _ = receipts.add(id)
            if !CheckPasses.isNull(s, 1) {
                if let a = arrivals.slot(CheckPasses.int(s, 1)) { arrivalReceipts[a] += CheckPasses.int(s, 3) } else { missing("receipt", id, "arrival") }
            }
            if items[CheckPasses.text(s, 2)] == nil { missing("receipt", id, "item") }
        }
        // A reversed receipt's units are no longer received on its arrival.
        try CheckPasses.step(db, """
            SELECT r.arrival_id, v.quantity FROM receipt_reversal v JOIN receipt r ON r.id = v.receipt_id WHERE r.arrival_id IS NOT NULL
            """) { s in
            if let a = arrivals.slot(CheckPasses.int(s, 0)) { arrivalReceipts[a] -= CheckPasses.int(s, 1) }
        }
    }

    private mutating func readWaiting() throws {
        try CheckPasses.step(db, """
            SELECT line_id, sku, priority, order_date, order_no, line_no, order_id, backordered FROM waiting
            ORDER BY sku, priority, order_date, order_no, line_no
            """) { s in
            let row = WaitingRow(lineId: CheckPasses.int(s, 0), sku: CheckPasses.text(s, 1), priority: CheckPasses.int(s, 2), orderDate: CheckPasses.text(s, 3), orderNo: CheckPasses.text(s, 4),
                                 lineNo: CheckPasses.int(s, 5), orderId: CheckPasses.int(s, 6), backordered: CheckPasses.int(s, 7))
            nextWaiting.append(waitingByLine[row.lineId] ?? -1)
            waitingByLine[row.lineId] = waiting.count
            waiting.append(row)
        }
        waitingMatched = Array(repeating: false, count: waiting.count)
    }

    private mutating func readLines() throws {
        let mirror = "waiting queue mirrors the order lines" // not prose: the rule key
        try CheckPasses.step(db, """
            SELECT id, order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, picked, shipped, backordered, cancelled
            FROM order_line
            """) { s in
            let id = CheckPasses.int(s, 0), orderId = CheckPasses.int(s, 1), lineNo = CheckPasses.int(s, 2), priority = CheckPasses.int(s, 4)
            let (ordered, allocated, picked, shipped, backordered, cancelled) = (CheckPasses.int(s, 7), CheckPasses.int(s, 8), CheckPasses.int(s, 9), CheckPasses.int(s, 10), CheckPasses.int(s, 11), CheckPasses.int(s, 12))
            _ = lines.add(id)
            lineIds.append(id)
            remaining.append(ordered); remaining.append(allocated); remaining.append(picked)
            remaining.append(shipped); remaining.append(backordered); remaining.append(cancelled)
            journaled.append(false)
            shippedLeft.append(shipped)
            // Texts are compared as bytes; Strings are made only for a line a rule names or the queue holds.
            if ordered != allocated + picked + shipped + backordered + cancelled || min(allocated, picked, shipped, backordered, cancelled) < 0 {
                add("line balance", Localizer.process(CheckText.lineBalance, CheckPasses.text(s, 6), Plain(Int(lineNo)), ordered, allocated, picked, shipped, backordered, cancelled)) // not prose: the rule key
            }
            if let i = skus.slot(s, 3) {
                lineSums[i].allocated += allocated; lineSums[i].picked += picked; lineSums[i].backordered += backordered
            } else {
                missing("order_line", id, "item")
            }
            if let o = orders.slot(orderId) {
                let open = allocated + picked + backordered
                orderOpen[o] += open
                if open > 0 { orderHasOpenLine[o] = true }
                if orderHeader[o].priority != priority || orderKeys[o].number != PackedText(s, 6) || orderKeys[o].date != PackedText(s, 5) {
                    add("line copies of order header", Localizer.process(CheckText.headerCopy, CheckPasses.text(s, 6), Plain(Int(lineNo)))) // not prose: the rule key
                }
            } else {
                missing("order_line", id, "orders")
            }
            guard backordered > 0 || waitingByLine[id] != nil else { return }
            let sku = CheckPasses.text(s, 3), orderDate = CheckPasses.text(s, 5), orderNo = CheckPasses.text(s, 6)
            // The queue holds exactly one row equal to each waiting line; a row equal to a line is matched whatever it waits for.
            var queued = false
            var w = waitingByLine[id] ?? -1
            while w >= 0 {
                let q = waiting[w]
                if q.sku == sku && q.priority == priority && q.orderDate == orderDate && q.orderNo == orderNo && q.lineNo == lineNo
                    && q.orderId == orderId && q.backordered == backordered {
                    waitingMatched[w] = true
                    queued = true
                }
                w = nextWaiting[w]
            }
            if backordered > 0 && !queued {
                add(mirror, Localizer.process(CheckText.queueLacks, orderNo, Plain(Int(lineNo)), sku, backordered))
            }
        }
        for (w, q) in waiting.enumerated() where !waitingMatched[w] {
            add(mirror, Localizer.process(CheckText.queueExtra, q.orderNo, Plain(Int(q.lineNo)), q.sku, q.backordered))
        }
    }

    private mutating func readShipmentLines() throws {
        try CheckPasses.step(db, "SELECT shipment_id, line_id, quantity FROM shipment_line") { s in
            let shipment = CheckPasses.int(s, 0), line = CheckPasses.int(s, 1)
            if shipments.slot(shipment) == nil { missingShipmentLine(shipment, line, "shipment") }
            if let l = lines.slot(line) { shippedLeft[l] -= CheckPasses.int(s, 2) } else { missingShipmentLine(shipment, line, "order_line") }
        }
    }

    /// The journal, once, in row order: line counters, stock on hand, receipts per arrival, and its references.
    private mutating func readJournal() throws {
        var unlinked: Int64?
        try CheckPasses.step(db, """
            SELECT id, line_id, d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand,
                   arrival_id, shipment_id, receipt_id, sku
            FROM movement NOT INDEXED
            """) { s in
            let id = sqlite3_column_int64(s, 0)
            if sqlite3_column_type(s, 1) == SQLITE_NULL {
                if unlinked == nil {
                    for k in Int32(2)...7 where sqlite3_column_int64(s, k) != 0 { unlinked = id; break }
                }
            } else if let l = lines.slot(sqlite3_column_int64(s, 1)) {
                journaled[l] = true
                for k in 0..<6 { remaining[l * 6 + k] -= sqlite3_column_int64(s, Int32(k + 2)) }
            } else {
                missing("movement", id, "order_line")
            }
            let delta = sqlite3_column_int64(s, 8)
            if let i = skus.slot(s, 12) {
                journalOnHand[i] += delta
            } else {
                missing("movement", id, "item")
            }
            if sqlite3_column_type(s, 9) != SQLITE_NULL {
                if let a = arrivals.slot(sqlite3_column_int64(s, 9)) { arrivalJournal[a] += delta } else { missing("movement", id, "arrival") }
            }
            if sqlite3_column_type(s, 10) != SQLITE_NULL && shipments.slot(sqlite3_column_int64(s, 10)) == nil { missing("movement", id, "shipment") }
            if sqlite3_column_type(s, 11) != SQLITE_NULL && receipts.slot(sqlite3_column_int64(s, 11)) == nil { missing("movement", id, "receipt") }
        }
        if let unlinked {
            add("journal without line", Localizer.process(CheckText.journalNoLine, Plain(Int(unlinked)))) // not prose: the rule key
        }
    }

    // MARK: comparing

    private mutating func compare() throws {
        for l in 0..<lineIds.count where !journaled[l] || (0..<6).contains(where: { remaining[l * 6 + $0] != 0 }) {
            if full("line vs journal") { break } // not prose: the rule key
            add("line vs journal", try lineRow(l, "ordered, allocated, picked, shipped, backordered, cancelled").map { r in // not prose: the rule key, SQL columns
                let counters = (0..<6).map { r[2 + $0] as Int64 }
                let journal = journaled[l] ? (0..<6).map { counters[$0] - remaining[l * 6 + $0] } : nil
                let said = counters.map(String.init).joined(separator: "/")
                return journal.map { Localizer.process(CheckText.lineVsJournal, r[0] as String, Plain(r[1] as Int), said, $0.map(String.init).joined(separator: "/")) }
                    ?? Localizer.process(CheckText.lineVsNoJournal, r[0] as String, Plain(r[1] as Int), said)
            })
        }
        for (i, sku) in itemSku.enumerated() {
            let c = itemCounters[i], sums = lineSums[i]
            if c.onHand != journalOnHand[i] {
                add("stock vs journal", Localizer.process(CheckText.stockVsJournal, sku, c.onHand, journalOnHand[i])) // not prose: the rule key
            }
            if c.allocated != sums.allocated || c.picked != sums.picked || c.backordered != sums.backordered {
                add("stock vs lines", Localizer.process(CheckText.stockVsLines, sku, "\(c.allocated)/\(c.picked)/\(c.backordered)", "\(sums.allocated)/\(sums.picked)/\(sums.backordered)")) // not prose: the rule key
            }
        }
        for (a, name) in arrivalName.enumerated() where name.received != arrivalReceipts[a] || name.received != arrivalJournal[a] {
            add("arrival vs receipts", Localizer.process(CheckText.arrivalVsReceipts, "\(name.po)/\(name.line)", name.received, arrivalReceipts[a], arrivalJournal[a])) // not prose: the rule key
        }
        for l in 0..<lineIds.count where shippedLeft[l] != 0 {
            if full("shipments vs lines") { break } // not prose: the rule key
            add("shipments vs lines", try lineRow(l, "shipped").map { r in // not prose: the rule key
                Localizer.process(CheckText.shipmentsVsLines, r[0] as String, Plain(r[1] as Int), r[2] as Int64, (r[2] as Int64) - shippedLeft[l])
            })
        }
        for (o, header) in orderHeader.enumerated() {
            if header.closed && orderOpen[o] > 0 {
                add("order closed with open units", Localizer.process(CheckText.closedWithOpen, header.number, orderOpen[o])) // not prose: the rule key
            }
            if !header.closed && !orderHasOpenLine[o] {
                add("order open with nothing left", Localizer.process(CheckText.openWithNothing, header.number)) // not prose: the rule key
            }
        }
    }

    /// The order number, line number and `columns` of the line in slot `l`, for naming it in a report.
    private func lineRow(_ l: Int, _ columns: String) throws -> Row? {
        try db.row(sql: "SELECT order_no, line_no, \(columns) FROM order_line WHERE id = ?", arguments: [lineIds[l]])
    }

    // MARK: stepping rows

    private static func step(_ db: Database, _ sql: String, _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try row(s)
        }
    }

    private static func int(_ s: OpaquePointer, _ column: Int32) -> Int64 { sqlite3_column_int64(s, column) }
    private static func isNull(_ s: OpaquePointer, _ column: Int32) -> Bool { sqlite3_column_type(s, column) == SQLITE_NULL }
    private static func text(_ s: OpaquePointer, _ column: Int32) -> String {
        guard let p = sqlite3_column_text(s, column) else { return "" }
        return String(cString: p)
    }
}

/// Row ids mapped to slots 0, 1, 2… in the order they were added: an array lookup while ids stay dense (as SQLite hands
/// them out), a dictionary for ids far beyond the count (a hand-edited file), so no id can make the array huge.
struct Slots {
    private var direct: [Int32] = []
    private var sparse: [Int64: Int] = [:]
    private(set) var count = 0

    mutating func add(_ id: Int64) -> Int {
        let slot = count
        count += 1
        if id >= 0 && id < Int64(4 * count + (1 << 16)) {
            let i = Int(id)
            if i >= direct.count { direct.append(contentsOf: repeatElement(-1, count: max(i + 1 - direct.count, direct.count))) }
            direct[i] = Int32(slot)
        } else {
            sparse[id] = slot
        }
        return slot
    }

    func slot(_ id: Int64) -> Int? {
        if id >= 0 && id < Int64(direct.count) {
            let s = direct[Int(id)]
            if s >= 0 { return Int(s) }
        }
        return sparse.isEmpty ? nil : sparse[id]
    }
}

/// A text of up to 16 bytes packed in two integers, compared and hashed without making a String; a longer text is kept
/// as a String.
struct PackedText: Hashable {
    private var a: UInt64 = 0, b: UInt64 = 0
    private var length = 0
    private var long: String?

    init(_ text: String) {
        var bytes = Array(text.utf8)
        self = bytes.withUnsafeMutableBufferPointer { PackedText($0.baseAddress, $0.count) }
    }

    /// The text in column `column` of the row `s` is on.
    init(_ s: OpaquePointer, _ column: Int32) {
        // Text first, then its length: SQLite's documented order for these two calls.
        let p = sqlite3_column_text(s, column)
        self.init(p, Int(sqlite3_column_bytes(s, column)))
    }

    init(_ p: UnsafePointer<UInt8>?, _ length: Int) {
        self.length = length
        guard let p else { return }
        guard length <= 16 else {
            long = String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
            return
        }
        for i in 0..<min(length, 8) { a |= UInt64(p[i]) << (8 * UInt64(i)) }
        for i in 8..<max(length, 8) { b |= UInt64(p[i]) << (8 * UInt64(i - 8)) }
    }

    init(_ p: UnsafeMutablePointer<UInt8>?, _ length: Int) { self.init(UnsafePointer(p), length) }
}

/// Item slots by SKU, looked up by the bytes SQLite returns: no String made per journal row (three million of them).
struct SKUKeys {
    private let slots: [PackedText: Int]
    private var last: (PackedText, Int)?

    init(_ items: [String: Int]) {
        slots = Dictionary(uniqueKeysWithValues: items.map { (PackedText($0.key), $0.value) })
    }

    /// The item slot of the SKU in column `column` of the row `s` is on, or nil when no item has it.
    mutating func slot(_ s: OpaquePointer, _ column: Int32) -> Int? {
        let key = PackedText(s, column)
        // Consecutive journal rows often name the same SKU (a receipt serving its queue).
        if let last, last.0 == key { return last.1 }
        guard let slot = slots[key] else { return nil }
        last = (key, slot)
        return slot
    }
}
