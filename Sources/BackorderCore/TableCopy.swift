import Dispatch

/// One stored value as both engines hold it (the schema has integers and texts; reals for completeness).
public enum CopyValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// Some rows of one table, their values in the order of `columns`.
public struct RowBatch: Sendable {
    public var table: String
    public var columns: [String]
    public var rows: [[CopyValue]]
    public init(table: String, columns: [String], rows: [[CopyValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}

/// A table's rows summed up without regard to their order: how many, and the sum of a hash of each row's canonical
/// text. Two engines that hold the same rows give the same digest.
public struct TableDigest: Sendable, Equatable {
    public var rows = 0
    public var sum: UInt64 = 0
    public init() {}

    public mutating func add(_ row: [CopyValue]) {
        rows += 1
        sum &+= WarehouseTables.hash(WarehouseTables.canonical(row))
    }
}

/// Why a copy stopped (the command puts it into words).
public enum CopyProblem: Error, Equatable {
    /// The destination file is there already (a copy makes a new one).
    case destinationExists(String)
    /// The destination already holds rows (in this table, the first found).
    case destinationNotEmpty(table: String)
    /// The destination read back differs from the source in this table.
    case differs(table: String)
    /// The destination's schema lacks a table the source has.
    case unknownTable(String)
}

/// The engine-neutral half of `backorders copy`: which tables a warehouse is, in which order they go, and the
/// canonical text of a row that both engines' digests hash.
public enum WarehouseTables {
    /// Every table of the warehouse, parents before the tables that refer to them. The filter's search index is not
    /// here: each engine builds its own from these rows.
    public static let copyOrder = [
        "meta", "item", "customer", "orders", "order_line", "arrival", "eta_change", "shipment", "shipment_line",
        "receipt", "movement", "notice", "waiting", "order_change", "receipt_reversal", "session", "setting", "tally",
        "open_arrival_day", "customer_change",
    ]
    /// Tables whose rows a new, empty warehouse already holds (the revision row, zero counters): the copy replaces
    /// them, and they do not make a destination "not empty".
    public static let seeded: Set<String> = ["meta", "tally", "open_arrival_day"]
    /// Rows per batch: bounded memory whatever the warehouse's size.
    public static let batchRows = 2_000

    /// A row as one line of text: each value tagged with its kind, tabs between them, escapes for tabs, line breaks
    /// and backslashes, so different rows never read alike.
    public static func canonical(_ row: [CopyValue]) -> String {
        var out = ""
        for (i, v) in row.enumerated() {
            if i > 0 { out += "\t" }
            switch v {
            case .null: out += "\\N"
            case let .integer(n): out += "i\(n)"
            case let .real(d): out += "r\(d)"
            case let .text(s): out += "t" + escaped(s)
            }
        }
        return out
    }

    /// Text with tabs, line breaks and backslashes escaped (PostgreSQL's COPY text format writes values the same way).
    public static func escaped(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out
    }

    /// FNV-1a (64 bits) of the text's UTF-8 bytes, then mixed so that sums of similar rows spread.
    public static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// Runs a copy: `read` on a thread of its own puts every table's batches into the pipe and returns the source's
    /// digests; `write` takes them on the calling thread and returns the destination's digests, read back before it
    /// commits. When either side fails the other is stopped and the error is thrown.
    public static func run(read: @escaping @Sendable (CopyPipe) throws -> [String: TableDigest],
                           write: (CopyPipe) throws -> [String: TableDigest]) throws -> (source: [String: TableDigest], destination: [String: TableDigest]) {
        let pipe = CopyPipe()
        let done = DispatchSemaphore(value: 0)
        // A queue of its own: the reader blocks while the pipe is full, which must not hold up the writer's thread.
        DispatchQueue(label: "backorders.copy.reader").async { // not prose: a queue label
            do { pipe.finish(try read(pipe)) } catch { pipe.fail(error) }
            done.signal()
        }
        do {
            let written = try write(pipe)
            done.wait()
            return (pipe.sourceDigests ?? [:], written)
        } catch {
            pipe.cancel()
            done.wait()
            throw error
        }
    }
}

/// A bounded queue of batches from the reading side to the writing side: the reader waits while it is full, so
/// memory holds a few batches at a time however large the warehouse.
public final class CopyPipe: @unchecked Sendable {
    enum Item { case batch(RowBatch), end([String: TableDigest]), failed(any Error) }
    private let slots: DispatchSemaphore
    private let items = DispatchSemaphore(value: 0)
    private let lock = DispatchSemaphore(value: 1)
    private var queue: [Item] = []
    private var cancelled = false
    private var ended: [String: TableDigest]?

    /// The writer stopped: the reader's next `put` throws this.
    public struct Cancelled: Error {}

    public init(capacity: Int = 4) {
        // Made at zero and raised: libdispatch traps when a semaphore is freed below the value it was made with,
        // which a copy that stops early would leave.
        slots = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { slots.signal() }
    }

    /// The source's digests, once the reader has finished.
    public var sourceDigests: [String: TableDigest]? {
        lock.wait(); defer { lock.signal() }
        return ended
    }

    /// Hands a batch to the writer, waiting for room; throws when the writer has stopped.
    public func put(_ batch: RowBatch) throws {
        slots.wait()
        lock.wait()
        if cancelled {
            lock.signal()
            slots.signal()
            throw Cancelled()
        }
        queue.append(.batch(batch))
        lock.signal()
        items.signal()
    }

    /// The reader read everything: these are the source's digests.
    public func finish(_ digests: [String: TableDigest]) { append(.end(digests)) }

    /// The reader failed: the writer's next `next` throws `error`.
    public func fail(_ error: any Error) { append(.failed(error)) }

    /// The writer stopped: a waiting reader wakes and throws.
    public func cancel() {
        lock.wait()
        cancelled = true
        lock.signal()
        slots.signal()
    }

    /// The next batch, waiting for it; nil when the reader has finished; throws the reader's error.
    public func next() throws -> RowBatch? {
        items.wait()
        lock.wait()
        let item = queue.removeFirst()
        if case let .end(d) = item { ended = d }
        lock.signal()
        switch item {
        case let .batch(b):
            slots.signal()
            return b
        case .end:
            // A later `next` sees the end again.
            lock.wait(); queue.insert(item, at: 0); lock.signal()
            items.signal()
            return nil
        case let .failed(e):
            lock.wait(); queue.insert(item, at: 0); lock.signal()
            items.signal()
            throw e
        }
    }

    /// `next` without holding a thread of Swift's cooperative pool while it waits.
    public func nextAsync() async throws -> RowBatch? {
        try await withCheckedThrowingContinuation { k in
            DispatchQueue.global().async { k.resume(with: Result { try self.next() }) }
        }
    }

    /// `put` without holding a thread of Swift's cooperative pool while it waits.
    public func putAsync(_ batch: RowBatch) async throws {
        try await withCheckedThrowingContinuation { (k: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async { k.resume(with: Result { try self.put(batch) }) }
        }
    }

    private func append(_ item: Item) {
        lock.wait()
        queue.append(item)
        lock.signal()
        items.signal()
    }
}
