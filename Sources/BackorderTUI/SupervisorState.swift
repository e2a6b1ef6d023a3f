import BackorderCore
import TerminalKit

/// Every service the app needs: the clerk's warehouse and the supervisor's reports (the store provides both).
public typealias BackorderService = WarehouseService & ReportService

/// What fills the screen under the bottom rows: the four panes, the reports, or the customer notices to send.
public enum MainView: Equatable, Sendable {
    case panes, reports, notices
}

/// The supervisor's reports, in the order the report bar shows them (Tab cycles).
public enum ReportKind: Int, CaseIterable, Sendable, Hashable {
    case aging, shortage, late, service, backlog

    // The tab's title is worded in `ReportTables.title` (ReportText), in the reader's language.

    /// The name in an exported file: `backorders-<name>-….csv`.
    public var fileName: String {
        switch self {
        case .aging: return "aging"
        case .shortage: return "shortage"
        case .late: return "late"
        case .service: return "service"
        case .backlog: return "backlog"
        }
    }
}

/// A loaded report.
public enum ReportData: Equatable, Sendable {
    case aging([AgingRow])
    case shortage([ShortageRow])
    case late(LateArrivalsReport)
    case service(ServiceLevelReport)
    case backlog([BacklogRow])

    /// The report this is.
    public var kind: ReportKind {
        switch self {
        case .aging: return .aging
        case .shortage: return .shortage
        case .late: return .late
        case .service: return .service
        case .backlog: return .backlog
        }
    }
}

/// What a report is asked for: the kind, and for the service level its period.
public struct ReportQuery: Equatable, Sendable {
    public var kind: ReportKind
    /// First and last day of the service-level period (ignored by the other reports).
    public var from: Day
    public var to: Day
    public init(kind: ReportKind, from: Day, to: Day) { self.kind = kind; self.from = from; self.to = to }
}

/// The lines of one age bucket (Enter on a bar of the aging chart), loaded a window at a time like a pane.
public struct BucketLinesState: Equatable, Sendable {
    public var bucket: AgeBucket
    /// Lines in the bucket, from the aging report.
    public var total: Int
    public var selected = 0
    public var top = 0
    public var rows: [BackorderRow] = []
    /// Where the loaded window starts; -1 before the first load.
    public var loadedTop = -1

    public init(bucket: AgeBucket, total: Int) { self.bucket = bucket; self.total = total }

    /// The selected line within the loaded window, when it is loaded.
    public var selectedInWindow: Int? {
        let i = selected - loadedTop
        return loadedTop >= 0 && i >= 0 && i < rows.count ? i : nil
    }
}

/// The reports view: which report, its figures, the selected row, and the service-level period.
public struct ReportsState: Equatable, Sendable {
    public var kind: ReportKind = .aging
    /// The loaded figures (of `kind`); nil until they arrive.
    public var data: ReportData?
    /// The data revision the figures were computed at; -1 when they must be reloaded.
    public var loadedRevision = -1
    /// Selected row of the report's main list (a bar of the aging chart).
    public var selected = 0
    public var top = 0
    /// The service-level period chosen with `[` and `]`; nil: the 30 days up to today.
    public var period: (from: Day, to: Day)? {
        get { periodStart.map { ($0, $0.adding(days: ReportsState.periodDays - 1)) } }
        set { periodStart = newValue?.from }
    }
    /// First day of a chosen period (stored as one day so the state stays `Equatable`).
    public var periodStart: Day?
    /// The lines of the aging bucket opened with Enter.
    public var bucketLines: BucketLinesState?
    /// Items of the shortage report marked for purchase (Space), by SKU.
    public var marked: Set<String> = []

    /// Length of a service-level period in days.
    public static let periodDays = 30

    public init() {}

    /// The service-level period on `today`: the one chosen, else the 30 days up to today.
    public func servicePeriod(today: Day) -> (from: Day, to: Day) {
        period ?? (today.adding(days: -(ReportsState.periodDays - 1)), today)
    }
}

/// The customer notices still to send ("to inform"): a window of the list (loaded like a pane's), the selection and the total.
public struct NoticesState: Equatable, Sendable {
    /// The loaded window: the notices from `loadedTop`.
    public var rows: [Notice] = []
    /// Pending notices in all.
    public var total = 0
    /// True once the first window arrived (before that the view says it is loading).
    public var loaded = false
    public var loadedRevision = -1
    /// Selected notice, as an index into the whole list.
    public var selected = 0
    /// First notice shown, as an index into the whole list.
    public var top = 0
    /// Where the loaded window starts; -1 before the first load.
    public var loadedTop = -1

    public init() {}

    /// The selected notice, when it is in the loaded window.
    public var current: Notice? {
        let i = selected - loadedTop
        return loadedTop >= 0 && rows.indices.contains(i) ? rows[i] : nil
    }
}

/// What a CSV export writes: a pane's whole (filtered) list, a report, a bucket's lines or the pending notices.
public enum ExportRequest: Equatable, Sendable {
    /// A pane's whole list as it is narrowed and sorted: filter, SKU and customer (code) restriction, sort.
    case pane(PaneKind, filter: String, sku: String? = nil, customer: String? = nil, sort: ListSort? = nil)
    case report(ReportQuery)
    case bucketLines(AgeBucket)
    case notices

    /// The name in the file name: `backorders-<name>-YYYYMMDD-HHMMSS.csv`.
    public var name: String {
        switch self {
        case .pane(let kind, _, _, _, _): return kind.list.rawValue
        case .report(let q): return q.kind.fileName
        case .bucketLines(let b): return "aging-" + b.rawValue
        case .notices: return "notices"
        }
    }
}

/// One file an export wrote.
public struct ExportedFile: Equatable, Sendable {
    public var path: String
    /// Data rows written (the header line not counted).
    public var rows: Int
    public init(path: String, rows: Int) { self.path = path; self.rows = rows }
}
