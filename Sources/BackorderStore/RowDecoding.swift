import BackorderCore
import GRDB

/// Reading rows into the model: an item, order, its lines or an arrival by key, list rows and journal movements
/// decoded, and statements prepared once per connection.
extension Warehouse {
    func fetchItem(_ db: Database, _ sku: String) throws -> Item {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE sku = ?"), arguments: [sku]) else {
            throw BackorderError.notFound(.t(StoreText.unknownSKU, sku))
        }
        return itemFrom(r)
    }

    func fetchOrder(_ db: Database, _ number: String) throws -> Order {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.*, c.name AS customer_name,
                   o.version + (SELECT COALESCE(SUM(l.version), 0) FROM order_line l WHERE l.order_id = o.id) AS current_version
            FROM orders o JOIN customer c ON c.code = o.customer WHERE o.number = ?
            """), arguments: [number]) else { throw BackorderError.notFound(.t(StoreText.noOrder, number)) }
        return Order(id: r["id"], number: r["number"], customerCode: r["customer"], customerName: r["customer_name"],
                     orderDate: day(r["order_date"]), priority: r["priority"], policy: ShipPolicy(rawValue: r["policy"]) ?? .partial,
                     closedAt: (r["closed_at"] as Int64?).map(Timestamp.init), version: r["current_version"])
    }

    func fetchLines(_ db: Database, orderId: Int64) throws -> [OrderLine] {
        // A cursor's rows are read straight from the statement, and columns by position: a lookup by name compares every
        // column name for every value, and copied rows decode each value twice.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT l.id, l.line_no, l.sku, i.name, l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled
            FROM order_line l JOIN item i ON i.sku = l.sku WHERE l.order_id = ? ORDER BY l.line_no
            """), arguments: [orderId])
        var lines: [OrderLine] = []
        while let r = try rows.next() {
            lines.append(OrderLine(id: r[0], lineNo: r[1], sku: r[2], itemName: r[3],
                                   quantities: LineQuantities(ordered: r[4], allocated: r[5], picked: r[6], shipped: r[7],
                                                              backordered: r[8], cancelled: r[9])))
        }
        return lines
    }

    /// Finds an arrival by `PO/line`, or by PO alone when that PO has one line.
    func fetchArrival(_ db: Database, _ reference: String) throws -> Arrival {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        let rows: [Row]
        if parts.count >= 2, let line = Int(parts.last!) {
            let po = parts.dropLast().joined(separator: "/")
            rows = try db.rows(sql: "SELECT * FROM arrival WHERE po_number = ? AND po_line = ?", arguments: [po, line])
        } else {
            rows = try db.rows(sql: "SELECT * FROM arrival WHERE po_number = ? ORDER BY po_line", arguments: [reference])
            if rows.count > 1 {
                throw BackorderError.invalid(.t(StoreText.poNeedsLine, reference, rows.count))
            }
        }
        guard let r = rows.first else { throw BackorderError.notFound(.t(StoreText.noArrival, reference)) }
        return arrivalFrom(r)
    }
}

func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

/// A backorder-list row (columns as in `Warehouse.backordersOldestFirst`), aged and marked late against `today`.
func backorderRow(_ r: Row, today: Day) -> BackorderRow {
    backorderRow(r, customerName: r["customer_name"], itemName: r["item_name"], today: today)
}

/// A backorder-list row from a queue row and the names looked up for it.
func backorderRow(_ r: Row, customerName: String, itemName: String, today: Day) -> BackorderRow {
    let date = day(r["order_date"])
    let promised = Pegging.day(r["promised"])
    return BackorderRow(orderNumber: r["order_no"], customerName: customerName, orderDate: date, priority: r["priority"],
                        lineNo: r["line_no"], sku: r["sku"], itemName: itemName, backordered: r["backordered"],
                        promised: promised, ageDays: today.days(since: date), late: promised.map { $0 < today } ?? true)
}

func itemFrom(_ r: Row) -> Item {
    Item(sku: r["sku"], name: r["name"], unit: r["unit"], bin: r["bin"], onHand: r["on_hand"], allocated: r["allocated"],
         picked: r["picked"], backordered: r["backordered"], incoming: r["incoming"], minOrderQty: r["min_order_qty"], packSize: r["pack_size"],
         supplier: r["supplier"], leadTimeDays: r["lead_time_days"])
}

func arrivalFrom(_ r: Row) -> Arrival {
    Arrival(id: r["id"], supplier: r["supplier"], poNumber: r["po_number"], poLine: r["po_line"], sku: r["sku"], quantity: r["quantity"],
            received: r["received"], eta: day(r["eta"]), closedAt: (r["closed_at"] as Int64?).map(Timestamp.init))
}

/// The journal columns `movementFrom` reads, by position, over `movement m`, `order_line l`, `arrival a`, `shipment s`
/// and `receipt r`: a journal of many rows is read without a lookup by name per value.
let movementColumns = """
    m.id, m.at, m.actor, m.kind, m.sku, m.quantity, m.d_ordered, m.d_allocated, m.d_picked, m.d_shipped, m.d_backordered,
    m.d_cancelled, m.d_on_hand, m.note, l.line_no, a.po_number, a.po_line, s.number, r.number
    """
/// An order's journal, oldest first: its lines' own movements (`movement_by_line`) and the allocations they received
/// (`movement_allocation`, keyed by SKU); schema v9 keeps the two apart.
let orderJournalSQL = """
    SELECT \(movementColumns)
    FROM order_line l JOIN movement m INDEXED BY movement_by_line ON m.line_id = l.id AND m.kind <> 'allocate'
    LEFT JOIN arrival a ON a.id = m.arrival_id LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id
    WHERE l.order_id = ?1
    UNION ALL
    SELECT \(movementColumns)
    FROM order_line l JOIN movement m INDEXED BY movement_allocation ON m.sku = l.sku AND m.line_id = l.id AND m.kind = 'allocate'
    LEFT JOIN arrival a ON a.id = m.arrival_id LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id
    WHERE l.order_id = ?1
    ORDER BY 1
    """
/// How many columns `movementColumns` holds: a query's own columns follow them.
let movementColumnCount = 19

func movementFrom(_ r: Row, orderNumber: String?) -> Movement {
    let po: String? = r[15]
    let poLine: Int? = r[16]
    return Movement(id: r[0], at: Timestamp(unixTime: r[1]), actor: r[2], kind: MovementKind(rawValue: r[3]) ?? .adjust,
                    sku: r[4], quantity: r[5],
                    delta: Delta(ordered: r[6], allocated: r[7], picked: r[8], shipped: r[9], backordered: r[10], cancelled: r[11], onHand: r[12]),
                    orderNumber: orderNumber, lineNo: r[14], arrivalReference: po.map { "\($0)/\(poLine ?? 1)" },
                    document: r[17] ?? r[18], note: r[13])
}

extension Database {
    /// Rows of a statement prepared once per connection: preparing (with GRDB's authorizer) costs more than running.
    func rows(sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first row of a cached statement.
    func row(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The integer result of a cached statement.
    func int(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Int? {
        try Int.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
