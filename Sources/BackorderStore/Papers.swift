import BackorderCore
import GRDB

extension Warehouse {
    /// What is allocated and not yet picked on `orders` (each once, in the order given), sorted by bin. One read
    /// transaction; an unknown order is `.notFound`. An order with nothing allocated is on the list with no lines.
    public func pickList(orders numbers: [String]) throws -> PickList {
        var seen = Set<String>()
        let unique = numbers.filter { seen.insert($0).inserted }
        return try read { db in
            var orders: [PickList.Order] = []
            var lines: [PickList.Line] = []
            for number in unique {
                let o = try fetchOrder(db, number)
                let note = try String.fetchOne(db, sql: "SELECT note FROM orders WHERE id = ?", arguments: [o.id]) ?? ""
                orders.append(PickList.Order(number: o.number, customerCode: o.customerCode, customerName: o.customerName,
                                             orderDate: o.orderDate, priority: o.priority, note: note))
                for r in try db.rows(sql: """
                    SELECT l.line_no, l.sku, l.allocated, i.name, i.unit, i.bin FROM order_line l JOIN item i ON i.sku = l.sku
                    WHERE l.order_id = ? AND l.allocated > 0 ORDER BY l.line_no
                    """, arguments: [o.id]) {
                    lines.append(PickList.Line(bin: r["bin"], sku: r["sku"], itemName: r["name"], unit: r["unit"], quantity: r["allocated"],
                                               orderNumber: o.number, customerCode: o.customerCode, lineNo: r["line_no"]))
                }
            }
            return PickList(orders: orders, lines: lines)
        }
    }

    /// The delivery note of `shipment`, or (with only `order`) of the order's latest shipment: its lines, the shipments
    /// before and after it, and what is still outstanding now with the day each part is expected (as pegging promises
    /// it). With both, the shipment must be the order's. One read transaction.
    public func deliveryNote(shipment: String?, order: String?, today: Day) throws -> DeliveryNote {
        try read { db in
            let owner = try shipment.flatMap {
                try String.fetchOne(db, sql: "SELECT o.number FROM shipment s JOIN orders o ON o.id = s.order_id WHERE s.number = ?",
                                    arguments: [$0])
            }
            let number = try DeliveryNote.orderNumber(shipment: shipment, owner: owner, order: order)
            let detail = try detail(db, number, today: today)
            var units: [String: String] = [:]
            for r in try db.rows(sql: "SELECT sku, unit FROM item WHERE sku IN (SELECT value FROM json_each(?))",
                                 arguments: [JSONArgument.strings(Set(detail.lines.map(\.line.sku)))]) { units[r[0]] = r[1] }
            // The customer's language decides the note's (nil: the clerk's or the command's); the contact heads the address.
            let contact = try String?.fetchOne(db, sql: "SELECT contact FROM customer WHERE code = ?", arguments: [detail.order.customerCode]) ?? nil
            return try DeliveryNote(detail: detail, shipment: shipment, units: units, contact: contact)
        }
    }
}
