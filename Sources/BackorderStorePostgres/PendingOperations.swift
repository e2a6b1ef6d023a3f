import BackorderCore

// Operations of the service not yet carried by the PostgreSQL store: each refuses, naming itself, and changes nothing.
// The owner of this file removes a stub when the real method lands elsewhere; the file goes when it is empty.
extension PostgresWarehouse {
    public func markNoticesSent(order: String?, ctx: Context) throws -> [Notice] {
        try requireWritable(); throw notYet("markNoticesSent")
    }
}
