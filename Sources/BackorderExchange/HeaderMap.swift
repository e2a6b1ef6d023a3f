import BackorderCore

/// Which column a header names: the column's own (English) name, a name Norwegian offices use for it, or what the
/// user mapped it to with `--map` / `--map-file`. Names are compared folded: case, spaces, punctuation and accents do
/// not count (`Leverandør` = `leverandor` = `LEVERANDØR`, `Ordre-nr.` = `ordrenr`).
public struct HeaderMap: Sendable, Equatable {
    /// What a mapped header means: a column, or a column to skip (`Header=-`).
    public static let skip = "-"

    /// Folded header → column (or `skip`), as the user mapped it; it wins over the built-in names.
    public private(set) var entries: [String: String] = [:]

    public init() {}

    /// Adds `Header=column` pairs separated by commas (the `--map` option). A column may be given by its Norwegian name.
    public mutating func add(option text: String, kind: ImportKind) throws {
        for part in text.split(separator: ",") where !String(part).trimmingSpaces.isEmpty {
            if let problem = add(entry: String(part), kind: kind) { throw BackorderError.invalid(.verbatim("--map: ") + problem) }
        }
    }

    /// Adds a mapping file's lines: `Header=column`, one a line; `#` starts a comment; blank lines are skipped.
    public mutating func add(file text: String, name: String, kind: ImportKind) throws {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.trimmingSpaces.isEmpty else { continue }
            if let problem = add(entry: line, kind: kind) {
                throw BackorderError.invalid(.verbatim("\(name):\(i + 1): ") + problem)
            }
        }
    }

    /// Adds one `Header=column`; the problem with it, if any.
    private mutating func add(entry: String, kind: ImportKind) -> LocalText? {
        let pieces = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let header = String(pieces[0]).trimmingSpaces
        guard pieces.count == 2, !Folding.key(header).isEmpty else { return .t(ImportText.mapEntryMalformed, entry.trimmingSpaces) }
        let target = String(pieces[1]).trimmingSpaces
        let column: String
        if target == Self.skip || target.isEmpty {
            column = Self.skip
        } else if let known = Self.builtIn(target, kind: kind) {
            column = known
        } else {
            let (required, optional) = ImportReader.columns(kind)
            return .t(ImportText.mapUnknownColumn, header, target, LocalText.t(kind.noun), ImportReader.describe(required, optional))
        }
        let key = Folding.key(header)
        if let old = entries[key], old != column { return .t(ImportText.mapHeaderTwice, header) }
        entries[key] = column
        return nil
    }

    /// The column a header names in a file of `kind`: the user's mapping, else a built-in name; `skip` for a column to
    /// leave out, nil when the header is unknown.
    public func column(for header: String, kind: ImportKind) -> String? {
        let key = Folding.key(header)
        if let mapped = entries[key] { return mapped }
        return Self.builtIn(header, kind: kind)
    }

    /// The column a name stands for without any mapping: the column's own name or one of its aliases.
    static func builtIn(_ name: String, kind: ImportKind) -> String? {
        let key = Folding.key(name)
        let (required, optional) = ImportReader.columns(kind)
        let columns = required + optional
        if let own = columns.first(where: { Folding.key($0) == key }) { return own }
        let aliases = Self.aliases(kind)
        return columns.first { aliases[$0]?.contains { Folding.key($0) == key } ?? false }
    }

    /// The other names each column goes by, as offices write them (Norwegian first). Aliases of a column a kind does
    /// not have are never used; no name stands for two columns of one kind (a test holds this).
    public static func aliases(_ kind: ImportKind) -> [String: [String]] {
        let sku = ["varenr", "varenummer", "vare", "artikkelnr", "artikkelnummer", "artnr", "produktnr", "produktnummer", // not prose: header names to match
                   "item", "item no", "item number"] // not prose: header names to match
        let supplier = ["leverandør", "leverandørnavn", "lev", "vendor"] // not prose: header names to match
        let qty = ["antall", "ant", "kvantum", "mengde", "quantity", "quantity ordered"] // not prose: header names to match
        let line = ["linje", "linjenr", "linjenummer", "pos", "posisjon", "line no"] // not prose: header names to match
        switch kind {
        case .items:
            return ["sku": sku, // not prose: header names to match
                    "name": ["navn", "beskrivelse", "varenavn", "varetekst", "tekst", "description"], // not prose: header names to match
                    "unit": ["enhet", "enh", "salgsenhet"], // not prose: header names to match
                    "bin": ["lokasjon", "hylle", "hylleplass", "lagerplass", "plassering", "location"], // not prose: header names to match
                    "stock": ["lager", "beholdning", "lagerbeholdning", "på lager", "on hand"], // not prose: header names to match
                    "moq": ["minstekvantum", "min bestilling", "minste bestilling", "minimumsbestilling", "min order"], // not prose: header names to match
                    "pack": ["pakning", "forpakning", "pakke", "pakningsstørrelse", "kolli", "pack size"], // not prose: header names to match
                    "supplier": supplier, // not prose: header names to match
                    "lead_time": ["leveringstid", "ledetid", "lead time days"], // not prose: header names to match
            ]
        case .customers:
            return ["code": ["kundenr", "kundenummer", "kode", "nr", "nummer", "kundekode", "customer", "customer no"], // not prose: header names to match
                    "name": ["navn", "kundenavn", "kunde", "firma", "firmanavn", "customer name"], // not prose: header names to match
                    // Columns the customer file gains with notices (language, e-mail, contact).
                    "language": ["språk", "målform", "lang"], // not prose: header names to match
                    "email": ["e-post", "epost", "e-postadresse", "mail", "e-mail"], // not prose: header names to match
                    "contact": ["kontakt", "kontaktperson", "kontaktnavn", "attn"], // not prose: header names to match
            ]
        case .stock:
            return ["sku": sku, // not prose: header names to match
                    "counted": ["telt", "opptalt", "talt", "antall", "telling", "beholdning", "lager", "count"]] // not prose: header names to match
        case .orders:
            return ["order": ["ordrenr", "ordrenummer", "ordre", "kundeordre", "kundeordrenr", "order no", "order number"], // not prose: header names to match
                    "customer": ["kunde", "kundenr", "kundenummer", "kundenavn", "kundekode", "customer no", "customer name"], // not prose: header names to match
                    "sku": sku, // not prose: header names to match
                    "qty": qty, // not prose: header names to match
                    "date": ["dato", "ordredato", "bestillingsdato", "order date"], // not prose: header names to match
                    "priority": ["prioritet", "prio"], // not prose: header names to match
                    "policy": ["leveringsregel", "levering", "dellevering"], // not prose: header names to match
                    "line": line, // not prose: header names to match
                    "note": ["merknad", "merknader", "notat", "kommentar", "referanse", "deres ref", "comment"], // not prose: header names to match
            ]
        case .arrivals:
            return ["po": ["innkjøpsordre", "innkjøpsordrenr", "innkjøpsnr", "innkjøp", "bestillingsnr", "po number", "po no"], // not prose: header names to match
                    "line": line, // not prose: header names to match
                    "sku": sku, // not prose: header names to match
                    "qty": qty, // not prose: header names to match
                    "eta": ["forventet", "forventet ankomst", "ankomst", "ankomstdato", "forventet dato", "leveringsdato", "expected"], // not prose: header names to match
                    "supplier": supplier, // not prose: header names to match
            ]
        }
    }
}
