extension DeliveryNote {
    /// The delivery note of one of `detail`'s shipments (`shipment`, or the latest when nil), the same for every store:
    /// its lines, the shipments before and after it, what is still outstanding with the day each part is expected (the
    /// split of the backorder over arrivals that the customer's status and notices give), and what was cancelled.
    /// `units` holds each SKU's unit; `contact` heads the address. Refused when the order has shipped nothing.
    public init(detail: OrderDetail, shipment: String?, units: [String: String], contact: String?) throws {
        guard let last = detail.shipments.last else { throw BackorderError.refused(.t(PaperText.noShipmentYet, detail.order.number)) }
        let target = shipment ?? last.number
        let index = detail.shipments.firstIndex { $0.number == target } ?? detail.shipments.count - 1
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
            let supplies = (dl.expected ?? []).compactMap { p in p.eta.map { (eta: $0, units: p.quantity) } }
            outstanding.append(DeliveryNote.Outstanding(
                lineNo: l.lineNo, sku: l.sku, itemName: l.itemName, unit: units[l.sku] ?? "",
                parts: DeliveryNote.parts(inStock: q.allocated + q.picked, backordered: q.backordered, supplies: supplies)))
        }
        let cancelled = detail.lines.map(\.line).filter { $0.quantities.cancelled > 0 }.map {
            DeliveryNote.Line(lineNo: $0.lineNo, sku: $0.sku, itemName: $0.itemName, unit: units[$0.sku] ?? "", quantity: $0.quantities.cancelled)
        }
        let o = detail.order
        self.init(orderNumber: o.number, orderDate: o.orderDate, customerCode: o.customerCode, customerName: o.customerName,
                  customerLanguage: detail.customerLanguage, addressLines: contact.map { [$0] } ?? [], note: detail.note,
                  shipment: shipped(detail.shipments[index]), sequence: index + 1,
                  earlier: detail.shipments[..<index].map(shipped), later: detail.shipments[(index + 1)...].map(shipped),
                  outstanding: outstanding, cancelled: cancelled)
    }
}
