import BackorderCore
import TerminalKit

/// The reducer's part for the reports, the customer notices and CSV export.
extension Reducer {
    // MARK: reports

    /// The query for the report shown, with the service-level period for today.
    static func reportQuery(_ state: AppState, _ kind: ReportKind) -> ReportQuery {
        let period = state.reports.servicePeriod(today: state.today)
        return ReportQuery(kind: kind, from: period.from, to: period.to)
    }

    /// Opens the reports view at the report last shown (loading it when stale).
    static func openReports(_ state: inout AppState) -> [Effect] {
        state.view = .reports
        state.detail = nil
        state.message = StatusMessage(state.tr(ReportText.reportsKeys))
        return state.reports.loadedRevision == state.revision && state.reports.data?.kind == state.reports.kind
            ? reloadBucketLinesIfNeeded(state) : [.loadReport(reportQuery(state, state.reports.kind))]
    }

    static func reloadBucketLinesIfNeeded(_ state: AppState) -> [Effect] {
        guard let lines = state.reports.bucketLines, lines.loadedTop < 0 else { return [] }
        return [bucketLinesLoad(state, lines)]
    }

    /// Shows another report (Tab, Shift-Tab, R).
    static func switchReport(_ state: inout AppState, by step: Int) -> [Effect] {
        let count = ReportKind.allCases.count
        let kind = ReportKind(rawValue: (state.reports.kind.rawValue + step + count) % count)!
        state.reports.kind = kind
        state.reports.data = nil
        state.reports.loadedRevision = -1
        state.reports.selected = 0
        state.reports.top = 0
        state.reports.bucketLines = nil
        state.message = nil
        return [.loadReport(reportQuery(state, kind))]
    }

    /// Moves the service-level period a whole period back or forward, never past today.
    static func movePeriod(_ state: inout AppState, by step: Int) -> [Effect] {
        guard state.reports.kind == .service else {
            state.message = StatusMessage(state.tr(ReportText.periodKeys), .warning)
            return []
        }
        let current = state.reports.servicePeriod(today: state.today)
        var start = current.from.adding(days: step * ReportsState.periodDays)
        let latestStart = state.today.adding(days: -(ReportsState.periodDays - 1))
        if start > latestStart { start = latestStart }
        guard start != current.from else {
            state.message = StatusMessage(state.tr(ReportText.periodEndsToday), .warning)
            return []
        }
        // The default period is the one ending today: storing nil keeps it following the calendar day.
        state.reports.periodStart = start == latestStart ? nil : start
        state.reports.data = nil
        state.reports.selected = 0
        state.reports.top = 0
        let period = state.reports.servicePeriod(today: state.today)
        state.message = StatusMessage(state.tr(ReportText.servicePeriod, period.from, period.to))
        return [.loadReport(reportQuery(state, .service))]
    }

    static func reportLoaded(_ state: inout AppState, _ query: ReportQuery, _ data: ReportData) -> [Effect] {
        // An answer for a report or period no longer shown is dropped.
        guard state.reports.kind == query.kind, query == reportQuery(state, query.kind) else { return [] }
        state.reports.data = data
        state.reports.loadedRevision = state.revision
        let count = ReportTables.rowCount(data)
        state.reports.selected = max(0, min(state.reports.selected, count - 1))
        state.reports.top = Scrolling.offset(selected: state.reports.selected, current: state.reports.top,
                                             visibleRows: Layout(size: state.size).reportRows(query.kind), rowCount: count)
        if var lines = state.reports.bucketLines, case .aging(let rows) = data {
            // A bucket's size moves with the data; its window is reloaded to match.
            lines.total = rows.first { $0.bucket == lines.bucket }?.lines ?? 0
            lines.selected = max(0, min(lines.selected, lines.total - 1))
            lines.top = Scrolling.offset(selected: lines.selected, current: lines.top,
                                         visibleRows: Layout(size: state.size).reportRows(.aging), rowCount: lines.total)
            state.reports.bucketLines = lines
            return [bucketLinesLoad(state, lines)]
        }
        return []
    }

    static func bucketLinesLoad(_ state: AppState, _ lines: BucketLinesState) -> Effect {
        .loadBucketLines(lines.bucket, Page(offset: lines.top, limit: Layout(size: state.size).reportRows(.aging)))
    }

    static func bucketLinesLoaded(_ state: inout AppState, _ bucket: AgeBucket, top: Int, rows: [BackorderRow]) -> [Effect] {
        guard var lines = state.reports.bucketLines, lines.bucket == bucket else { return [] }
        lines.rows = rows
        lines.loadedTop = top
        state.reports.bucketLines = lines
        return []
    }

    /// Enter in a report: the lines of a bucket, an order, a short item's backorders, an arrival's history, a customer's lines.
    static func openReportRow(_ state: inout AppState) -> [Effect] {
        if let lines = state.reports.bucketLines {
            guard let i = lines.selectedInWindow else { return [] }
            return [.loadDetail(order: lines.rows[i].orderNumber, purpose: .view)]
        }
        let selected = state.reports.selected
        switch state.reports.data {
        case .aging(let rows)?:
            guard rows.indices.contains(selected) else { return [] }
            let row = rows[selected]
            guard row.lines > 0 else {
                state.message = StatusMessage(state.tr(ReportText.bucketEmpty, ReportTables.bucketLabel(row.bucket, state.tr)), .warning)
                return []
            }
            let lines = BucketLinesState(bucket: row.bucket, total: row.lines)
            state.reports.bucketLines = lines
            state.message = nil  // the title row says what the lines are and which keys work
            return [bucketLinesLoad(state, lines)]
        case .shortage(let rows)?:
            guard rows.indices.contains(selected) else { return [] }
            return showItemBackorders(&state, sku: rows[selected].sku, back: state.tr(ReportText.backToReport))
        case .late(let report)?:
            guard report.arrivals.indices.contains(selected) else { return [] }
            return [.loadArrival(report.arrivals[selected].reference)]
        case .backlog(let rows)?:
            guard rows.indices.contains(selected) else { return [] }
            let row = rows[selected]
            return showCustomerBackorders(&state, Customer(code: row.customerCode, name: row.customerName))
        case .service?, nil:
            return []
        }
    }

    // MARK: purchasing

    /// Space in the shortage report: marks the selected item for purchase, or unmarks it.
    static func markForPurchase(_ state: inout AppState) -> [Effect] {
        guard case .shortage(let rows)? = state.reports.data, state.reports.bucketLines == nil else {
            state.message = StatusMessage(state.tr(ReportText.spaceMarks), .warning)
            return []
        }
        guard rows.indices.contains(state.reports.selected) else { return [] }
        let sku = rows[state.reports.selected].sku
        if state.reports.marked.remove(sku) == nil { state.reports.marked.insert(sku) }
        let count = rows.filter { state.reports.marked.contains($0.sku) }.count
        state.message = StatusMessage(count == 0 ? state.tr(ReportText.noneMarked) : state.tr(ReportText.marked, count))
        // The next row, so a run of items is marked with one key each.
        return moveInReport(&state, .down)
    }

    /// P in the shortage report: asks the quantity of each marked item (else of the selected one) in turn.
    static func startPurchase(_ state: inout AppState) -> [Effect] {
        guard case .shortage(let rows)? = state.reports.data, state.reports.bucketLines == nil else {
            state.message = StatusMessage(state.tr(ReportText.purchaseWhere), .warning)
            return []
        }
        var chosen = rows.filter { state.reports.marked.contains($0.sku) }
        if chosen.isEmpty, rows.indices.contains(state.reports.selected) { chosen = [rows[state.reports.selected]] }
        guard !chosen.isEmpty else {
            state.message = StatusMessage(state.tr(ReportText.nothingToPurchase), .warning)
            return []
        }
        let plan = PurchasePlan(rows: chosen)
        state.overlay = .dialog(DialogState(step: .purchaseQuantity(plan), text: plan.suggestion))
        return []
    }

    /// S on an item (stock pane) or a short item (shortage report): asks its default supplier, then its lead time.
    static func startSetSupplier(_ state: inout AppState) -> [Effect] {
        var draft: SupplierDraft?
        if state.context == .reports, state.reports.bucketLines == nil, case .shortage(let rows)? = state.reports.data,
           rows.indices.contains(state.reports.selected) {
            let r = rows[state.reports.selected]
            draft = SupplierDraft(sku: r.sku, name: r.name, supplier: r.supplier, leadTimeDays: r.leadTimeDays)
        } else if state.context == .panes, case .stock(let items) = state.focused.rows, let i = state.focused.selectedInWindow {
            draft = SupplierDraft(sku: items[i].sku, name: items[i].name, supplier: items[i].supplier, leadTimeDays: items[i].leadTimeDays)
        }
        guard let draft else {
            state.message = StatusMessage(state.tr(ReportText.supplierWhere), .warning)
            return []
        }
        state.overlay = .dialog(DialogState(step: .supplierName(draft), text: draft.supplier))
        return []
    }

    /// Leaves the reports for the backorder lines pane restricted to exactly `customer` (by code: a text filter of its
    /// name would bring in items and other customers whose names contain it), of every SKU, oldest first.
    static func showCustomerBackorders(_ state: inout AppState, _ customer: Customer) -> [Effect] {
        let restricted = restrict(&state, .backorders, toCustomer: customer)
        let effects = focusNarrowed(&state, .backorders, restricted)
        state.message = StatusMessage(state.tr(ReportText.customerLines, customer.name))
        return effects
    }

    static func moveInReport(_ state: inout AppState, _ command: Command) -> [Effect] {
        let layout = Layout(size: state.size)
        if var lines = state.reports.bucketLines {
            guard lines.total > 0 else { return [] }
            let visible = layout.reportRows(.aging)
            lines.selected = target(lines.selected, command, total: lines.total, page: visible)
            lines.top = Scrolling.offset(selected: lines.selected, current: lines.top, visibleRows: visible, rowCount: lines.total)
            state.reports.bucketLines = lines
            let needed = min(visible, lines.total - lines.top)
            if lines.top != lines.loadedTop || lines.rows.count < needed { return [bucketLinesLoad(state, lines)] }
            return []
        }
        guard let data = state.reports.data else { return [] }
        let count = ReportTables.rowCount(data)
        guard count > 0 else { return [] }
        let visible = data.kind == .aging ? count : layout.reportRows(data.kind)
        state.reports.selected = target(state.reports.selected, command, total: count, page: visible)
        state.reports.top = Scrolling.offset(selected: state.reports.selected, current: state.reports.top,
                                             visibleRows: visible, rowCount: count)
        return []
    }

    /// Where a selection moves to in a list of `total` rows showing `page` at a time.
    static func target(_ selected: Int, _ command: Command, total: Int, page: Int) -> Int {
        let step = max(1, page - 1)
        let next: Int
        switch command {
        case .up: next = selected - 1
        case .down: next = selected + 1
        case .pageUp: next = selected - step
        case .pageDown: next = selected + step
        case .top: next = 0
        default: next = total - 1
        }
        return max(0, min(next, total - 1))
    }

    // MARK: notices

    static func openNotices(_ state: inout AppState) -> [Effect] {
        state.view = .notices
        state.detail = nil
        state.message = StatusMessage(state.tr(state.readOnly ? NoticeViewText.keysReadOnly : NoticeViewText.keys))
        return state.notices.loadedRevision == state.revision ? [] : [noticesLoad(state)]
    }

    /// The window of notices the view shows now (at least one, so the selected notice is always at hand).
    static func noticesLoad(_ state: AppState) -> Effect {
        .loadNotices(Page(offset: state.notices.top, limit: max(1, Layout(size: state.size).noticeRows)))
    }

    /// A load when the window shown is not the one loaded (after a move or a resize).
    static func noticesWindowLoad(_ state: AppState) -> [Effect] {
        let n = state.notices
        let needed = min(max(1, Layout(size: state.size).noticeRows), n.total - n.top)
        return n.top != n.loadedTop || n.rows.count < needed ? [noticesLoad(state)] : []
    }

    static func noticesLoaded(_ state: inout AppState, _ load: NoticesLoad) -> [Effect] {
        var n = state.notices
        // The selection stays on the same order when the list changes around it (and it is still in the window).
        let keep = n.current?.orderNumber
        n.rows = load.notices
        n.loadedTop = load.top
        n.total = load.total
        n.loaded = true
        n.loadedRevision = state.revision
        if let keep, let i = load.notices.firstIndex(where: { $0.orderNumber == keep }) { n.selected = load.top + i }
        n.selected = max(0, min(n.selected, n.total - 1))
        n.top = Scrolling.offset(selected: n.selected, current: n.top, visibleRows: Layout(size: state.size).noticeRows, rowCount: n.total)
        state.notices = n
        // Fewer notices than before can leave the window past the end: fetch the one that is shown.
        return n.top != load.top ? [noticesLoad(state)] : []
    }

    static func moveInNotices(_ state: inout AppState, _ command: Command) -> [Effect] {
        let total = state.notices.total
        guard total > 0 else { return [] }
        let visible = Layout(size: state.size).noticeRows
        state.notices.selected = target(state.notices.selected, command, total: total, page: visible)
        state.notices.top = Scrolling.offset(selected: state.notices.selected, current: state.notices.top,
                                             visibleRows: visible, rowCount: total)
        // Only a scroll past the loaded window costs a query, as in the panes.
        return noticesWindowLoad(state)
    }

    static func markSent(_ state: inout AppState) -> [Effect] {
        guard let notice = state.notices.current else {
            state.message = StatusMessage(state.tr(NoticeViewText.nothingToMark), .warning)
            return []
        }
        return [.perform(.markNoticesSent(order: notice.orderNumber))]
    }

    static func markAllSent(_ state: inout AppState) -> [Effect] {
        guard state.notices.total > 0 else {
            state.message = StatusMessage(state.tr(NoticeViewText.nothingToMark), .warning)
            return []
        }
        state.overlay = .dialog(DialogState(step: .markAllSentConfirm(count: state.notices.total)))
        return []
    }

    static func openNotice(_ state: inout AppState) -> [Effect] {
        guard let n = state.notices.current else { return [] }
        state.overlay = .text(title: state.tr(NoticeViewText.noticeTitle, n.orderNumber, n.customerName),
                              lines: n.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), scroll: 0)
        return []
    }

    static func noticesMarked(_ state: inout AppState, _ notices: [Notice], all: Bool) -> [Effect] {
        state.overlay = nil
        if notices.isEmpty {
            state.message = StatusMessage(state.tr(NoticeViewText.nothingMarked), .warning)
        } else if !all, let n = notices.first {
            state.message = StatusMessage(state.tr(NoticeViewText.markedOne, n.orderNumber, n.customerName), .success)
        } else {
            state.message = StatusMessage(state.tr(NoticeViewText.markedMany, notices.count), .success)
        }
        return [.pollRevision]
    }

    // MARK: export

    /// What `w` writes in the current context.
    static func exportRequest(_ state: AppState) -> ExportRequest? {
        switch state.context {
        case .panes: return .pane(state.focus, filter: state.focused.filter, sku: state.focused.sku, customer: state.focused.customer?.code,
                                  sort: state.focused.sort)
        case .reports:
            if let lines = state.reports.bucketLines { return .bucketLines(lines.bucket) }
            return .report(reportQuery(state, state.reports.kind))
        case .notices: return .notices
        default: return nil
        }
    }

    static func exported(_ state: inout AppState, _ files: [ExportedFile]) -> [Effect] {
        let text = files.map { state.tr(NoticeViewText.rowsTo, $0.rows, $0.path) }.joined(separator: "; ")
        state.message = StatusMessage(state.tr(NoticeViewText.wrote, text), .success)
        return []
    }
}
