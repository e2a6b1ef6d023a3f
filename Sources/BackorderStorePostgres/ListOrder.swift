import BackorderCore
import BackorderStoreSQL

/// The SQL of every list's order on the server: `ListOrdering` (BackorderCore) decides the terms of each sort and
/// where each field's values are, as for the SQLite store; this file spells them. Codes (order numbers, SKUs) compare
/// as written, byte by byte (the "C" collation), names without regard to ASCII case (SQLite's NOCASE: `lower` of the
/// "C" collation folds ASCII letters only).
enum ListOrder {
    /// What a code column is compared with: byte order, as SQLite's BINARY.
    static let byteOrder = " COLLATE \"C\""

    /// A code column, compared byte by byte.
    static func code(_ column: String) -> String { column + byteOrder }

    /// `terms` for a database whose own collation already compares byte by byte (C, POSIX, C.UTF-8): the codes without
    /// the explicit collation, so the indexes (made in the database's collation) serve the order.
    static func fitted(_ terms: [String], bytewise: Bool) -> [String] {
        bytewise ? terms.map { $0.replacingOccurrences(of: byteOrder, with: "") } : terms
    }

    /// `term` ordered the other way.
    static func reversed(_ term: String) -> String { term.hasSuffix(" DESC") ? String(term.dropLast(5)) : term + " DESC" }

    /// A name as SQLite's NOCASE compares it: ASCII letters folded, every other character as it is, byte by byte
    /// ("POSIX" is "C" under another name, kept apart from `byteOrder`, which `fitted` may drop).
    static func nocase(_ column: String) -> String { "lower(\(column) COLLATE \"POSIX\")" }

    /// `terms` as ORDER BY terms; `figure` spells the fields that the list's select works out its own way.
    static func sql<Field: SortColumn>(_ terms: [SortTerm<Field>],
                           figure: (Field) -> String = { preconditionFailure("\($0) is a figure") }) -> [String] { // not prose: a programming error
        terms.spelled({ spell($0.source, $0.column) ?? figure($0) }, reverse: reversed)
    }

    /// Where a field's values are, on the server (nil: a figure).
    static func spell(_ source: SortSource, _ column: String) -> String? {
        switch source {
        case .code: return code(column)
        case .name: return nocase(column)
        case .value: return column
        case .lineCount: return "(SELECT COUNT(*) FROM order_line x WHERE x.order_id = o.id)"
        // SQLite sums no lines to NULL, which sorts before every number: -1 here.
        case .lineSum: return "(SELECT COALESCE(SUM(x.\(column)), -1) FROM order_line x WHERE x.order_id = o.id)"
        case .figure: return nil
        }
    }

    // The lists' selects alias orders `o`, customers `c`, the queue row or line `l`, items `i`, arrivals `a`.
    static func orderTerms(_ sort: ListSort?) throws -> [String] { sql(try ListOrdering.orders(sort)) }
    static func stockTerms(_ sort: ListSort?) throws -> [String] { sql(try ListOrdering.stock(sort)) }

    /// With no sort a SKU's lines (`oneSKU`) are in serving order; promised dates as the file sorts them.
    static func backorderTerms(_ sort: ListSort?, oneSKU: Bool = false) throws -> [String] {
        sql(try ListOrdering.backorders(sort, oneSKU: oneSKU)) { _ in "COALESCE(NULLIF(l.promised, '-'), '9999-99-99')" }
    }

    /// Sorted by units promised, the arrivals' select joins them as `p`; ETA changes are counted here.
    static func arrivalTerms(_ sort: ListSort?) throws -> [String] {
        sql(try ListOrdering.arrivals(sort)) { $0 == .promised ? "p.promised" : "(SELECT COUNT(*) FROM eta_change e WHERE e.arrival_id = a.id)" }
    }
}
