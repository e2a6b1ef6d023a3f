import BackorderCore
import GRDB

extension Warehouse {
    /// Why each waiting line of an order (or only line `lineNo`) is promised its date: its place in its SKU's queue, the
    /// open arrivals along it and what would make it earlier (`Rules.explainDate`). One read transaction. Refused for a
    /// line, or an order, with nothing backordered.
    public func explainDates(order number: String, lineNo: Int?, today: Day) throws -> [DateExplanation] {
        try read { db in
            let order = try fetchOrder(db, number)
            let lines = try fetchLines(db, orderId: order.id)
            let targets = try Rules.explainTargets(order: number, lines: lines, lineNo: lineNo)
            var out: [DateExplanation] = []
            var queues: [String: (waiting: [WaitingLine], names: [String: String], arrivals: [Arrival], donors: [DonorCandidate])] = [:]
            for line in targets {
                if queues[line.sku] == nil { queues[line.sku] = try queue(db, sku: line.sku, excluding: number) }
                let q = queues[line.sku]!
                if let e = Rules.explainDate(lineId: line.id, waiting: q.waiting, arrivals: q.arrivals, donors: q.donors,
                                             customerNames: q.names, sku: line.sku, itemName: line.itemName, today: today) {
                    out.append(e)
                }
            }
            return out
        }
    }

    /// A SKU's waiting lines with their customers' names, its open arrivals, and the lines of other orders holding its stock.
    private func queue(_ db: Database, sku: String, excluding order: String) throws
        -> (waiting: [WaitingLine], names: [String: String], arrivals: [Arrival], donors: [DonorCandidate]) {
        var waiting: [WaitingLine] = []
        var names: [String: String] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT w.line_id, w.order_no, w.line_no, w.priority, w.order_date, w.backordered, c.name
            FROM waiting w JOIN orders o ON o.id = w.order_id JOIN customer c ON c.code = o.customer
            WHERE w.sku = ? ORDER BY w.priority, w.order_date, w.order_no, w.line_no
            """), arguments: [sku])
        while let r = try rows.next() {
            waiting.append(WaitingLine(lineId: r[0], orderNumber: r[1], lineNo: r[2], priority: r[3], orderDate: day(r[4]), backordered: r[5]))
            names[r[1]] = r[6]
        }
        let arrivals = try db.rows(sql: """
            SELECT * FROM arrival INDEXED BY arrival_open_sku WHERE sku = ? AND closed_at IS NULL ORDER BY eta, id
            """, arguments: [sku]).map(arrivalFrom)
        return (waiting, names, arrivals, try candidates(db, sku: sku, excluding: order))
    }
}
