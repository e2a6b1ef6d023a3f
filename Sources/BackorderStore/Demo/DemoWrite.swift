import BackorderCore
import Foundation
import GRDB

extension DemoStory {
    // MARK: writing

    /// Rows in the journal, written or not.
    var journalCount: Int { movementBase + movements.count }

    /// Writes the shipments, their lines and (before the held-back tail) the journal rows made since the last flush,
    /// then lets them go: these rows never change once made.
    func flush(_ db: Database) throws {
        var insertShipment = try BulkInsert(db, "INSERT INTO shipment (id, number, order_id, at, actor, overridden) VALUES (?, ?, ?, ?, ?, ?)")
        for (k, s) in shipments.enumerated() {
            let i = shipmentBase + k
            insertShipment.int(i + 1); insertShipment.text(shipmentNumber(i)); insertShipment.int(Int(s.order) + 1)
            insertShipment.int(Int(s.at)); insertShipment.text(texts[Int(s.actor)]); insertShipment.int(s.overridden ? 1 : 0)
            try insertShipment.step(db)
        }
        shipmentBase += shipments.count
        shipments.removeAll(keepingCapacity: true)
        var insertShipmentLine = try BulkInsert(db, "INSERT INTO shipment_line (shipment_id, line_id, quantity) VALUES (?, ?, ?)")
        for l in shipmentLines {
            insertShipmentLine.int(Int(l.shipment) + 1); insertShipmentLine.int(Int(l.line) + 1); insertShipmentLine.int(l.quantity)
            try insertShipmentLine.step(db)
        }
        shipmentLines.removeAll(keepingCapacity: true)
        if journalTail == nil { try writeJournal(db) }
    }

    /// Writes the tables whose rows change until the last day (items, customers, orders, lines, the waiting queue,
    /// arrivals) and the small ones (ETA changes, receipts), parents before children.
    func write(_ db: Database) throws {
        var insertItem = try BulkInsert(db, """
            INSERT INTO item (sku, name, unit, bin, on_hand, allocated, picked, backordered, incoming, min_order_qty, pack_size)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in items {
            insertItem.text(item.sku); insertItem.text(item.name); insertItem.text(item.unit); insertItem.text(item.bin)
            for v in [item.onHand, item.allocated, item.picked, item.backordered, item.incoming, item.minOrderQty, item.packSize] { insertItem.int(v) }
            try insertItem.step(db)
        }
        var insertCustomer = try BulkInsert(db, "INSERT INTO customer (code, name) VALUES (?, ?)")
        for c in customers { insertCustomer.text(c.code); insertCustomer.text(c.name); try insertCustomer.step(db) }

        var insertOrder = try BulkInsert(db, """
            INSERT INTO orders (id, number, customer, order_date, priority, policy, created_at, closed_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, o) in orders.enumerated() {
            insertOrder.int(i + 1); insertOrder.text(o.number); insertOrder.text(customers[Int(o.customer)].code)
            insertOrder.text(iso(Int(o.day))); insertOrder.int(o.priority); insertOrder.text(o.policy.rawValue)
            insertOrder.int(Int(o.createdAt)); insertOrder.int(o.closedAt.map { Int($0) }); insertOrder.int(o.version)
            try insertOrder.step(db)
        }
        var insertLine = try BulkInsert(db, """
            INSERT INTO order_line (id, order_id, line_no, sku, priority, order_date, order_no, ordered, allocated, picked, shipped,
                backordered, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, l) in lines.enumerated() {
            let o = orders[Int(l.order)]
            insertLine.int(i + 1); insertLine.int(Int(l.order) + 1); insertLine.int(Int(l.lineNo)); insertLine.text(items[Int(l.sku)].sku)
            insertLine.int(o.priority); insertLine.text(iso(Int(o.day))); insertLine.text(o.number)
            for v in [l.ordered, l.allocated, l.picked, l.shipped, l.backordered, l.cancelled] { insertLine.int(Int(v)) }
            try insertLine.step(db)
        }
        // The waiting queue in key order, so each row is appended to the table's last page instead of inserted at random.
        let promised = promisedDates()
        let queue = lines.indices.filter { lines[$0].backordered > 0 }.map { i -> (key: (String, Int, String, String, Int), line: Int) in
            let l = lines[i], o = orders[Int(l.order)]
            return ((items[Int(l.sku)].sku, o.priority, iso(Int(o.day)), o.number, Int(l.lineNo)), i)
        }.sorted { $0.key < $1.key }
        var insertWaiting = try BulkInsert(db, """
            INSERT INTO waiting (sku, priority, order_date, order_no, line_no, line_id, order_id, backordered, promised)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (k, i) in queue {
            insertWaiting.text(k.0); insertWaiting.int(k.1); insertWaiting.text(k.2); insertWaiting.text(k.3); insertWaiting.int(k.4)
            insertWaiting.int(i + 1); insertWaiting.int(Int(lines[i].order) + 1); insertWaiting.int(Int(lines[i].backordered))
            insertWaiting.text(promised[i])
            try insertWaiting.step(db)
        }

        var insertArrival = try BulkInsert(db, """
            INSERT INTO arrival (id, supplier, po_number, po_line, sku, quantity, received, eta, created_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, a) in arrivals.enumerated() {
            insertArrival.int(i + 1); insertArrival.text(suppliers[Int(a.supplier)]); insertArrival.text(poNumbers[Int(a.po)])
            insertArrival.int(Int(a.poLine)); insertArrival.text(items[Int(a.sku)].sku); insertArrival.int(a.quantity)
            insertArrival.int(a.received); insertArrival.text(iso(a.eta)); insertArrival.int(Int(a.createdAt)); insertArrival.int(a.closedAt.map { Int($0) })
            try insertArrival.step(db)
        }
        var insertETAChange = try BulkInsert(db, """
            INSERT INTO eta_change (id, arrival_id, old_eta, new_eta, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, e) in etaChanges.enumerated() {
            insertETAChange.int(i + 1); insertETAChange.int(Int(e.arrival) + 1); insertETAChange.text(iso(e.old)); insertETAChange.text(iso(e.new))
            insertETAChange.int(Int(e.at)); insertETAChange.text(texts[Int(e.actor)]); insertETAChange.text(texts[Int(e.reason)])
            try insertETAChange.step(db)
        }
        var insertReceipt = try BulkInsert(db, """
            INSERT INTO receipt (id, number, arrival_id, sku, quantity, at, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, r) in receipts.enumerated() {
            insertReceipt.int(i + 1); insertReceipt.text(receiptNumber(i)); insertReceipt.int(r.arrival < 0 ? nil : Int(r.arrival) + 1)
            insertReceipt.text(items[Int(r.sku)].sku); insertReceipt.int(r.quantity); insertReceipt.int(Int(r.at))
            insertReceipt.text(texts[Int(r.actor)]); insertReceipt.text(r.note < 0 ? "" : texts[Int(r.note)])
            try insertReceipt.step(db)
        }
    }

    /// Lets go of the rows `write` wrote (lines, orders, arrivals); the journal's tail still needs the rest.
    func forgetWrittenRows() {
        lines = []
        orders = []
        arrivals = []
    }

    /// Writes the journal rows still held in memory, and lets them go.
    func writeJournal(_ db: Database) throws {
        var insert = try BulkInsert(db, """
            INSERT INTO movement (id, at, actor, kind, sku, quantity, line_id, arrival_id, shipment_id, receipt_id,
                d_ordered, d_allocated, d_picked, d_shipped, d_backordered, d_cancelled, d_on_hand, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        func ref(_ i: Int32) -> Int? { i < 0 ? nil : Int(i) + 1 }
        for (k, m) in movements.enumerated() {
            // A receipt's movement carries the receipt's own note, as Warehouse.receive journals it.
            let noteIndex = m.kind == .receive ? receipts[Int(m.receipt)].note : m.note
            insert.int(movementBase + k + 1); insert.int(Int(m.at)); insert.text(texts[Int(m.actor)]); insert.text(m.kind.rawValue)
            insert.text(items[Int(m.sku)].sku); insert.int(Int(m.quantity))
            insert.int(ref(m.line)); insert.int(ref(m.arrival)); insert.int(ref(m.shipment)); insert.int(ref(m.receipt))
            insert.int(Int(m.d.0)); insert.int(Int(m.d.1)); insert.int(Int(m.d.2)); insert.int(Int(m.d.3)); insert.int(Int(m.d.4))
            insert.int(Int(m.d.5)); insert.int(Int(m.d.6))
            insert.text(noteIndex < 0 ? "" : texts[Int(noteIndex)])
            try insert.step(db)
        }
        movementBase += movements.count
        movements.removeAll(keepingCapacity: true)
    }

    /// Each waiting line's stored promised date, as Pegging keeps it: the day, or "-" when no supply is in sight.
    func promisedDates() -> [Int: String] {
        var promised: [Int: String] = [:]
        var openArrivals = [[Arrival]](repeating: [], count: items.count)
        for (i, a) in arrivals.enumerated() where a.closedAt == nil {
            openArrivals[Int(a.sku)].append(Arrival(id: Int64(i + 1), supplier: suppliers[Int(a.supplier)], poNumber: poNumbers[Int(a.po)],
                                                    poLine: Int(a.poLine), sku: items[Int(a.sku)].sku, quantity: a.quantity,
                                                    received: a.received, eta: firstDay.adding(days: a.eta), closedAt: nil))
        }
        for (s, item) in items.enumerated() where item.backordered > 0 {
            let waiting = Set(item.waiting).filter { lines[Int($0)].q.backordered > 0 }.sorted().map { i -> WaitingLine in
                let l = lines[Int(i)], o = orders[Int(l.order)]
                return WaitingLine(lineId: Int64(i), orderNumber: o.number, lineNo: Int(l.lineNo), priority: o.priority,
                                   orderDate: firstDay.adding(days: Int(o.day)), backordered: l.q.backordered)
            }
            for (line, day) in Rules.peg(waiting: waiting, arrivals: openArrivals[s]).promised { promised[Int(line)] = day?.iso ?? "-" }
        }
        return promised
    }

    func receiptNumber(_ i: Int) -> String { "RC-" + padded(i + 1, 6) }
    func shipmentNumber(_ i: Int) -> String { "SH-" + padded(i + 1, 6) }
}
