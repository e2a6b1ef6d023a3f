import BackorderCore
import BackorderStoreSQL

/// The SQL of every list's order: `ListOrdering` (BackorderCore) decides the terms of each sort and where each field's
/// values are; this file spells them in SQLite. Names sort without regard to (ASCII) case, as `item_name` and
/// `customer_name` hold them; codes (order numbers, SKUs) as they are written (BINARY).
extension Warehouse {
    /// `term` ordered the other way.
    static func reversed(_ term: String) -> String { term.hasSuffix(" DESC") ? String(term.dropLast(5)) : term + " DESC" }

    /// `terms` as ORDER BY terms; `figure` spells the fields that the list's select works out its own way.
    static func sql<Field: SortColumn>(_ terms: [SortTerm<Field>],
                           figure: (Field) -> String = { preconditionFailure("\($0) is a figure") }) -> [String] { // not prose: a programming error
        terms.spelled({ spell($0.source, $0.column) ?? figure($0) }, reverse: reversed)
    }

    /// Where a field's values are, in SQLite (nil: a figure).
    static func spell(_ source: SortSource, _ column: String) -> String? {
        switch source {
        case .code, .value: return column
        case .name: return column + " COLLATE NOCASE"
        // A line total is summed per open order: every line of every open order is read (slow on a long list).
        case .lineCount: return "(SELECT COUNT(*) FROM order_line x WHERE x.order_id = o.id)"
        case .lineSum: return "(SELECT SUM(x.\(column)) FROM order_line x WHERE x.order_id = o.id)"
        case .figure: return nil
        }
    }

    // The lists' selects alias orders `o`, customers `c`, the queue row or line `l`, items `i`, arrivals `a`.
    static func orderTerms(_ sort: ListSort?) throws -> [String] { sql(try ListOrdering.orders(sort)) }
    static func stockTerms(_ sort: ListSort?) throws -> [String] { sql(try ListOrdering.stock(sort)) }

    /// With no sort a SKU's lines (`oneSKU`) are in serving order. A line that no arrival covers ('-', or not yet
    /// pegged) comes after every date.
    static func backorderTerms(_ sort: ListSort?, oneSKU: Bool = false) throws -> [String] {
        sql(try ListOrdering.backorders(sort, oneSKU: oneSKU)) { _ in "COALESCE(NULLIF(l.promised, '-'), '9999-99-99')" }
    }

    /// The arrivals' select counts ETA changes as `changes` and, sorted by them, units promised as `promised`.
    static func arrivalTerms(_ sort: ListSort?) throws -> [String] {
        sql(try ListOrdering.arrivals(sort)) { $0 == .promised ? "promised" : "changes" }
    }
}
