import BackorderCore

// The reports not yet carried by the PostgreSQL store: each refuses, naming itself. Removed as the real ones land.
extension PostgresWarehouse: ReportService {
    public func agingReport(today: Day) throws -> [AgingRow] { throw notYet("agingReport") }
    public func backorderLines(in bucket: AgeBucket, _ page: Page, today: Day) throws -> [BackorderRow] { throw notYet("backorderLines(in:)") }
    public func shortageReport(today: Day) throws -> [ShortageRow] { throw notYet("shortageReport") }
    public func lateArrivalsReport(today: Day) throws -> LateArrivalsReport { throw notYet("lateArrivalsReport") }
    public func serviceLevelReport(from: Day, to: Day) throws -> ServiceLevelReport { throw notYet("serviceLevelReport") }
    public func backlogReport(today: Day) throws -> [BacklogRow] { throw notYet("backlogReport") }
}
