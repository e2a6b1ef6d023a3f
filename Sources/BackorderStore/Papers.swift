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
            let number: String
            if let shipment {
                guard let owner = try String.fetchOne(db, sql: """
                    SELECT o.number FROM shipment s JOIN orders o ON o.id = s.order_id WHERE s.number = ?
                    """, arguments: [shipment]) else { throw BackorderError.notFound(.t(PaperText.unknownShipment, shipment)) }
                if let order, order != owner { throw BackorderError.refused(.t(PaperText.shipmentOfOtherOrder, shipment, owner, order)) }
                number = owner
            } else if let order {
                number = order
            } else {
                throw BackorderError.invalid(.t(PaperText.shipmentOrOrder))
            }
            let detail = try detail(db, number, today: today)
            guard let last = detail.shipments.last else { throw BackorderError.refused(.t(PaperText.noShipmentYet, number)) }
            let target = shipment ?? last.number
            let index = detail.shipments.firstIndex { $0.number == target } ?? detail.shipments.count - 1
            var units: [String: String] = [:]
            for r in try db.rows(sql: "SELECT sku, unit FROM item WHERE sku IN (SELECT value FROM json_each(?))",
                                 arguments: [JSONArgument.strings(Set(detail.lines.map(\.line.sku)))]) { units[r[0]] = r[1] }
            let byNo = Dictionary(detail.lines.map { ($0.line.lineNo, $0.line) }, uniquingKeysWith: { a, _ in a })
            func shipped(_ s: Shipment) -> DeliveryNote.Shipped {
                DeliveryNote.Shipped(number: s.number, day: s.at.day(), lines: s.lines.map { l in
                    DeliveryNote.Line(lineNo: l.lineNo, sku: l.sku, itemName: byNo[l.lineNo]?.itemName ?? "", unit: units[l.sku] ?? "",
                                      quantity: l.quantity)
                })
            }
            var outstanding: [DeliveryNote.Outstanding] = []
            for dl in detail.lines where dl.line.quantities.open > 0 {
                let l = dl.line, q = l.quantities
                // The same split of the backorder over arrivals as the customer's status and notices say.
                let supplies = (dl.expected ?? []).compactMap { p in p.eta.map { (eta: $0, units: p.quantity) } }
                outstanding.append(DeliveryNote.Outstanding(
                    lineNo: l.lineNo, sku: l.sku, itemName: l.itemName, unit: units[l.sku] ?? "",
                    parts: DeliveryNote.parts(inStock: q.allocated + q.picked, backordered: q.backordered, supplies: supplies)))
            }
            let cancelled = detail.lines.map(\.line).filter { $0.quantities.cancelled > 0 }.map {
                DeliveryNote.Line(lineNo: $0.lineNo, sku: $0.sku, itemName: $0.itemName, unit: units[$0.sku] ?? "", quantity: $0.quantities.cancelled)
            }
            let o = detail.order
            // The customer's language decides the note's (nil: the clerk's or the command's); the contact heads the address.
            let customerLanguage = detail.customerLanguage
            let contact = try String?.fetchOne(db, sql: "SELECT contact FROM customer WHERE code = ?", arguments: [o.customerCode]) ?? nil
            let addressLines = contact.map { [$0] } ?? []
            return DeliveryNote(orderNumber: o.number, orderDate: o.orderDate, customerCode: o.customerCode, customerName: o.customerName,
                                customerLanguage: customerLanguage, addressLines: addressLines, note: detail.note,
                                shipment: shipped(detail.shipments[index]), sequence: index + 1,
                                earlier: detail.shipments[..<index].map(shipped), later: detail.shipments[(index + 1)...].map(shipped),
                                outstanding: outstanding, cancelled: cancelled)
        }
    }
}
