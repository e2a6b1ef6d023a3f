import BackorderCore
import PostgresNIO

/// The customer register and the journal on the server, as the file's store reads them.
extension PostgresWarehouse {
    public func customers() throws -> [Customer] {
        try bridge.transaction(.snapshot) { c in
            try await c.cells(PostgresQuery(unsafeSQL: "SELECT \(customerColumns) FROM customer ORDER BY code")).map { try customerRow($0) }
        }
    }

    public func journal(sku: String?, limit: Int) throws -> [Movement] {
        try bridge.transaction(.snapshot) { c in
            let q = SQL()
            return try await c.cells(q.query("""
                SELECT \(Fetch.movementColumns), l.order_no
                FROM movement m LEFT JOIN order_line l ON l.id = m.line_id LEFT JOIN arrival a ON a.id = m.arrival_id
                LEFT JOIN shipment s ON s.id = m.shipment_id LEFT JOIN receipt r ON r.id = m.receipt_id
                \(sku.map { "WHERE m.sku = \(q.bind($0))" } ?? "") ORDER BY m.id DESC LIMIT \(q.bind(limit))
                """)).map { try Fetch.movement($0, orderNumber: try $0.textOrNil(19)) }
        }
    }
}
