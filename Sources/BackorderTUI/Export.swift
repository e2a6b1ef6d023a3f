import BackorderCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CSV export for the runtime: reads a whole list or report through the service (lists page by page) and writes
/// CSV files for a spreadsheet (excel-nb in a Norwegian session, see `CSVWriter.forSpreadsheet`) named `backorders-<view>-<YYYYMMDD-HHMMSS>.csv` (UTC) into a directory, never overwriting one.
struct Exporter {
    let service: any BackorderService
    let today: Day
    let now: Timestamp
    /// Where the files go (no trailing slash needed).
    let directory: String
    /// How the files are written: the App passes the session language's spreadsheet writer.
    var csv = CSVWriter()
    /// Rows fetched per query: a huge list is read in pieces, never with one unbounded query.
    var chunk = 500

    /// The CSV documents of a request, each with its file name part and its row count.
    func documents(_ request: ExportRequest) throws -> [(name: String, text: String, rows: Int)] {
        func one<R: CSVRepresentable>(_ rows: [R]) -> [(name: String, text: String, rows: Int)] {
            [(request.name, csv.document(rows), rows.count)]
        }
        switch request {
        case .pane(let kind, let filter, let sku, let customer, let sort):
            // In the pane's sort: the file lists the rows as the screen does.
            func page(_ offset: Int) -> Page { Page(offset: offset, limit: chunk, filter: filter, sort: sort) }
            switch kind {
            case .orders: return one(try all { try service.openOrders(page($0)) })
            case .backorders: return one(try all { try service.backorderLines(page($0), sku: sku, customer: customer, today: today) })
            case .arrivals: return one(try all { try service.openArrivals(page($0), sku: sku, today: today) })
            case .stock: return one(try all { try service.stock(page($0), onlyShort: false, sku: sku) })
            }
        case .bucketLines(let bucket):
            return one(try all { try service.backorderLines(in: bucket, Page(offset: $0, limit: chunk), today: today) })
        case .report(let query):
            switch query.kind {
            case .aging: return one(try service.agingReport(today: today))
            case .shortage: return one(try service.shortageReport(today: today))
            case .late:
                // Two tables, as `report late --csv` and `--suppliers` give them.
                let report = try service.lateArrivalsReport(today: today)
                return [(request.name, csv.document(report.arrivals), report.arrivals.count),
                        (request.name + "-suppliers", csv.document(report.suppliers), report.suppliers.count)]
            case .service: return one(try service.serviceLevelReport(from: query.from, to: query.to).allRows)
            case .backlog: return one(try service.backlogReport(today: today))
            }
        case .notices:
            let notices = try all { try service.notices(includeSent: false, order: nil, offset: $0, limit: chunk, today: today) }
            let rows = notices.map { n in
                [n.orderNumber, n.customerCode, n.customerName, n.events.map(\.rawValue).joined(separator: " "),
                 n.createdAt.iso, n.updatedAt.iso, n.text]
            }
            return [(request.name, csv.document(header: Exporter.noticeHeader, rows: rows), rows.count)]
        }
    }

    /// The columns of an exported notice list.
    static let noticeHeader = ["order", "customer", "customer_name", "events", "pending_since", "updated", "text"]

    /// Every row of a list, fetched `chunk` rows at a time until a short page.
    func all<R>(_ fetch: (Int) throws -> [R]) throws -> [R] {
        var out: [R] = []
        var offset = 0
        while true {
            let page = try fetch(offset)
            out += page
            if page.count < chunk { return out }
            offset += page.count
        }
    }

    /// Reads and writes everything the request asks for; the files written, in order.
    func run(_ request: ExportRequest) throws -> [ExportedFile] {
        try documents(request).map { doc in
            let path = try createFile(doc.text, name: "backorders-\(doc.name)-\(Exporter.stamp(now))")
            return ExportedFile(path: path, rows: doc.rows)
        }
    }

    /// `2026-11-25T10:15:00Z` → `20261125-101500`.
    static func stamp(_ t: Timestamp) -> String {
        let digits = t.iso.filter { $0.isNumber }
        return String(digits.prefix(8)) + "-" + String(digits.dropFirst(8).prefix(6))
    }

    /// Writes a new file `<base>.csv` (or `<base>-2.csv`, … when taken) and returns its path.
    private func createFile(_ text: String, name base: String) throws -> String {
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for attempt in 1...100 {
            let path = dir + "/" + base + (attempt == 1 ? "" : "-\(attempt)") + ".csv"
            // O_EXCL: two exports in the same second never overwrite each other (or anything else).
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw ExportError(path: path, reason: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            let bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ExportError(path: path, reason: String(cString: strerror(errno)))
                }
                written += n
            }
            return path
        }
        throw ExportError(path: dir + "/" + base + ".csv", exists: true)
    }
}

/// Why a CSV file could not be written: the system's reason, or a name taken a hundred times over.
struct ExportError: Error, Equatable {
    var path: String
    /// The system's words (strerror), the same in every language; "" when `exists`.
    var reason: String = ""
    var exists = false
    /// The message in the process's language.
    var message: String { message(.process) }
    /// The message in a session's language.
    func message(_ tr: Localizer) -> String { "\(path): " + (exists ? tr(ExportText.fileExists) : reason) }
}
