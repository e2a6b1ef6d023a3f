/// The journal of customers' details, on either engine: which rows an addition or a change writes is decided here; the
/// stores only insert them (in the change's own transaction) and read them back.

/// One recorded change of a customer's details: kept forever, like the journal of movements.
public struct CustomerChange: Hashable, Sendable, Codable {
    public var at: Timestamp
    /// Who made it (the OS user, or the name a script gave).
    public var actor: String
    /// The customer's code.
    public var customer: String
    /// "created", "name", "language", "email" or "contact" (stored data: stays English).
    public var field: String
    /// The value before, as stored ("" for none; a language by its code).
    public var from: String
    /// The value after, as stored ("" for none); for "created", the customer's name.
    public var to: String

    public init(at: Timestamp, actor: String, customer: String, field: String, from: String, to: String) {
        self.at = at; self.actor = actor; self.customer = customer; self.field = field; self.from = from; self.to = to
    }
}

public enum CustomerJournal {
    /// The field of the row an added customer writes.
    public static let created = "created" // not prose: a stored field key
    /// How many changes the customer dialog lists (the latest).
    public static let dialogLimit = 4

    /// One row to write: a field with its stored value before and after.
    public struct Entry: Hashable, Sendable {
        public var field: String
        public var from: String
        public var to: String
        public init(field: String, from: String, to: String) { self.field = field; self.from = from; self.to = to }
    }

    /// The row of a customer added: its name, from nothing.
    public static func added(_ c: Customer) -> [Entry] { [Entry(field: created, from: "", to: c.name)] }

    /// The rows of a change: one per field that differs (`Customer.changedFields`), in that order; none when nothing does.
    public static func changed(from old: Customer, to new: Customer) -> [Entry] {
        old.changedFields(to: new).map { Entry(field: $0, from: stored($0, of: old), to: stored($0, of: new)) }
    }

    /// A field of a customer as the journal keeps it: "" for none, a language by its code.
    public static func stored(_ field: String, of c: Customer) -> String {
        switch field {
        case "name": return c.name // not prose: a field key
        case "language": return c.language?.rawValue ?? "" // not prose: a field key
        case "email": return c.email ?? "" // not prose: a field key
        case "contact": return c.contact ?? "" // not prose: a field key
        default: return ""
        }
    }

    /// Refuses a history limit below one.
    public static func checkLimit(_ limit: Int) throws {
        guard limit > 0 else { throw BackorderError.invalid(.t(CustomerJournalText.badLimit, limit)) }
    }
}
