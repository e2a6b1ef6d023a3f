@testable import BackorderExchange
import BackorderCore
import BackorderStore
import Foundation
import XCTest

/// Spreadsheets as Nordic offices write them: Norwegian headers, `;`, BOM, CRLF, `03.11.2026`, customers by name,
/// notes; mappings for other headers; problems in Norwegian.
final class NordicImportTests: XCTestCase {
    let today = Day(iso: "2026-11-25")!
    var ctx: Context { Context(actor: "importer", now: Timestamp(unixTime: Int64(today.ordinal) * 86_400 + 9 * 3600), today: today) }
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nordic-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A warehouse in a real file, with two customers whose names differ only in case and one with æøå.
    func warehouse() throws -> Warehouse {
        let w = try Warehouse.open(path: directory.appendingPathComponent("w.sqlite").path, mode: .create)
        try w.addItem(Item(sku: "FS-1001", name: "Treskrue 4,5×40", onHand: 500), ctx: ctx)
        try w.addItem(Item(sku: "HT-3001", name: "Håndsag", onHand: 2), ctx: ctx)
        try w.addCustomer(Customer(code: "K100", name: "Tromsø Jern & Stål AS"))
        try w.addCustomer(Customer(code: "K200", name: "Nordbygg AS"))
        try w.addCustomer(Customer(code: "K201", name: "NORDBYGG AS"))
        try w.addCustomer(Customer(code: "K300", name: "Ålesund kommune"))
        return w
    }

    func read(_ kind: ImportKind, _ text: String, map: HeaderMap = HeaderMap(), tr: Localizer = .en) -> Result<ImportBatch, ImportFailure> {
        ImportReader.read(kind, data: Data(text.utf8), file: "ordrer.csv", map: map, tr: tr)
    }

    func batch(_ kind: ImportKind, _ text: String, map: HeaderMap = HeaderMap(), file: StaticString = #filePath, line: UInt = #line) throws -> ImportBatch {
        switch read(kind, text, map: map) {
        case .success(let b): return b
        case .failure(let f):
            XCTFail("the reader refused the file: \(f.problems)", file: file, line: line)
            throw f
        }
    }

    /// The issue's file: saved by a Norwegian Excel, imported on the first try; the note is on the order.
    func testTheIssuesOrderFileImportsOnTheFirstTry() throws {
        let w = try warehouse()
        let text = "\u{FEFF}Ordrenr;Kunde;Dato;Varenr;Antall;Merknad\r\n"
            + "SO-5001;Tromsø Jern & Stål AS;03.11.2026;FS-1001;200;Deres ref. 4711, levering til port 3\r\n"
            + "SO-5001;Tromsø Jern & Stål AS;03.11.2026;HT-3001;5;\r\n"
            + "SO-5002;ålesund kommune;4.11.2026;FS-1001;1 000;\r\n"
        let s = try w.apply(try batch(.orders, text), dryRun: false, ctx: ctx, tr: .en)
        XCTAssertEqual(s.problems, [])
        XCTAssertEqual(s.actions, [ImportAction(key: "SO-5001", change: .created, detail: "2 lines"),
                                   ImportAction(key: "SO-5002", change: .created, detail: "1 line")])
        let first = try w.orderDetail("SO-5001", today: today)
        XCTAssertEqual(first.order.customerCode, "K100")
        XCTAssertEqual(first.order.orderDate, Day(iso: "2026-11-03"))
        XCTAssertEqual(first.note, "Deres ref. 4711, levering til port 3")
        XCTAssertEqual(first.lines.map(\.line.quantities.backordered), [0, 3])
        let second = try w.orderDetail("SO-5002", today: today)
        XCTAssertEqual(second.order.customerCode, "K300", "found by name, case aside")
        XCTAssertEqual(second.note, "")
        XCTAssertEqual(second.lines.map(\.line.quantities.ordered), [1000])
        // The same file again changes nothing: the customer given by name is the order's customer.
        XCTAssertTrue(try w.apply(try batch(.orders, text), dryRun: false, ctx: ctx).changesNothing)
        // A file giving another note for an existing order is refused, naming both.
        let other = text.replacingOccurrences(of: "port 3", with: "port 4")
        XCTAssertEqual(try w.apply(try batch(.orders, other), dryRun: false, ctx: ctx, tr: .en).problems.map(\.description),
                       ["ordrer.csv:2: Ordrenr: order SO-5001 exists already with note \"Deres ref. 4711, levering til port 3\" "
                        + "(the file says \"Deres ref. 4711, levering til port 4\"); orders are never rewritten"])
        try XCTAssertEqual(w.check(quick: true), [])
    }

    func testCustomersByNameAmbiguousOrUnknownListTheCandidates() throws {
        let w = try warehouse()
        let text = "ordre;kunde;varenr;antall\nA-1;nordbygg as;FS-1001;1\nA-2;Nordbyg AS;FS-1001;1\nA-3;NORDBYGG AS;FS-1001;1\nA-4;Tromso Jern & Stal AS;FS-1001;1\nA-5;K200;FS-1001;1\nA-6;Bodø Bygg;FS-1001;1\n"
        let s = try w.apply(try batch(.orders, text), dryRun: false, ctx: ctx, tr: .en)
        XCTAssertEqual(s.problems.map(\.description), [
            "ordrer.csv:2: kunde: \"nordbygg as\" is the name of 2 customers: Nordbygg AS (K200), NORDBYGG AS (K201); give the customer code",
            "ordrer.csv:3: kunde: unknown customer Nordbyg AS; similar names: Nordbygg AS (K200), NORDBYGG AS (K201)",
            "ordrer.csv:7: kunde: unknown customer Bodø Bygg",
        ], "an exact name (A-3), a name without æøå (A-4) and a code (A-5) are found")
        XCTAssertThrowsError(try w.orderDetail("A-3", today: today), "the file was refused as a whole")
        let nb = try w.apply(try batch(.orders, text), dryRun: true, ctx: ctx, tr: .nb)
        XCTAssertEqual(nb.problems.first?.description,
                       "ordrer.csv:2: kunde: «nordbygg as» er navnet på 2 kunder: Nordbygg AS (K200), NORDBYGG AS (K201); oppgi kundenummeret")
        let ok = try w.apply(try batch(.orders, "ordre;kunde;varenr;antall\nA-3;NORDBYGG AS;FS-1001;1\nA-4;Tromso Jern & Stal AS;FS-1001;1\nA-5;K200;FS-1001;1\n"),
                             dryRun: false, ctx: ctx)
        XCTAssertEqual(ok.problems, [])
        XCTAssertEqual(try ["A-3", "A-4", "A-5"].map { try w.orderDetail($0, today: today).order.customerCode }, ["K201", "K100", "K200"])
    }

    /// Every column of every kind by a Norwegian name, written as people do: capitals, æøå or not, punctuation.
    func testNorwegianHeadersForEveryKind() throws {
        let map = HeaderMap()
        let expect: [(ImportKind, String, String)] = [
            (.orders, "Ordrenr.", "order"), (.orders, "KUNDE", "customer"), (.orders, "Kundenr", "customer"), (.orders, "Ordredato", "date"),
            (.orders, "Varenr", "sku"), (.orders, "Antall", "qty"), (.orders, "Prioritet", "priority"), (.orders, "Merknad", "note"),
            (.orders, "Linje", "line"), (.orders, "Leveringsregel", "policy"),
            (.items, "Varenummer", "sku"), (.items, "Beskrivelse", "name"), (.items, "Navn", "name"), (.items, "Enhet", "unit"),
            (.items, "Hylle", "bin"), (.items, "Lokasjon", "bin"), (.items, "Beholdning", "stock"), (.items, "Lager", "stock"),
            (.items, "LEVERANDØR", "supplier"), (.items, "leverandor", "supplier"), (.items, "Leverandør", "supplier"),
            (.items, "Leveringstid", "lead_time"), (.items, "Lead time", "lead_time"), (.items, "Pakning", "pack"), (.items, "Minstekvantum", "moq"),
            (.customers, "Kundenr", "code"), (.customers, "Kundenavn", "name"),
            (.stock, "Varenr", "sku"), (.stock, "Opptalt", "counted"), (.stock, "Antall", "counted"),
            (.arrivals, "Innkjøpsordre", "po"), (.arrivals, "PO", "po"), (.arrivals, "Linje", "line"), (.arrivals, "Forventet", "eta"),
            (.arrivals, "ETA", "eta"), (.arrivals, "Forventet ankomst", "eta"), (.arrivals, "Leverandør", "supplier"), (.arrivals, "Antall", "qty"),
        ]
        for (kind, header, column) in expect {
            XCTAssertEqual(map.column(for: header, kind: kind), column, "\(kind) \(header)")
        }
        XCTAssertNil(map.column(for: "Pris", kind: .orders))
        // The customer file's language, e-mail and contact: their names are known as soon as the kind has the columns.
        let customerAliases = HeaderMap.aliases(.customers)
        XCTAssertEqual(customerAliases["language"]?.contains("språk"), true)
        XCTAssertEqual(customerAliases["email"]?.contains("e-post"), true)
        XCTAssertEqual(customerAliases["email"]?.contains("epost"), true)
        XCTAssertEqual(customerAliases["contact"]?.contains("kontaktperson"), true)
    }

    /// No name stands for two columns of one kind, nor for another column's own name.
    func testNoAliasIsAmbiguous() {
        for kind in ImportKind.allCases {
            var owner: [String: String] = [:]
            let (required, optional) = ImportReader.columns(kind)
            for column in required + optional { owner[Folding.key(column)] = column }
            for (column, names) in HeaderMap.aliases(kind) {
                for name in names {
                    let key = Folding.key(name)
                    if let other = owner[key], other != column { XCTFail("\(kind): \(name) is \(other) and \(column)") }
                    owner[key] = column
                }
            }
        }
    }

    func testMapOptionAndMapFile() throws {
        var map = HeaderMap()
        try map.add(option: "Bestillingsnummer=order, Kundens navn = kunde,Pris=-", kind: .orders)
        try map.add(file: "# Byggmakker's export\r\nArt.nr=sku   # their SKU\r\n\r\nBestilt antall=qty\r\n", name: "byggmakker.map", kind: .orders)
        let text = "Bestillingsnummer;Kundens navn;Art.nr;Bestilt antall;Pris\nB-1;Ålesund kommune;HT-3001;2;199,50\n"
        guard case .orders(let orders) = try batch(.orders, text, map: map).records else { return XCTFail("orders") }
        XCTAssertEqual(orders.map(\.order.number), ["B-1"])
        XCTAssertEqual(orders[0].order.customer, "Ålesund kommune")
        XCTAssertEqual(orders[0].order.lines, [NewOrderLine(sku: "HT-3001", quantity: 2)])

        // A mapping to a column the kind does not have is a clear error, in the reader's language.
        var bad = HeaderMap()
        XCTAssertThrowsError(try bad.add(option: "Pris=price", kind: .orders)) { error in
            XCTAssertEqual((error as? BackorderError)?.message(.en),
                           "--map: \"Pris\" maps to price, which is not a column of orders files; they have order,customer,sku,qty[,date,priority,policy,line,note]")
            XCTAssertEqual((error as? BackorderError)?.message(.nb),
                           "--map: «Pris» kobles til price, som ikke er en kolonne i en fil med ordrer; den har kolonnene order,customer,sku,qty[,date,priority,policy,line,note]")
        }
        XCTAssertThrowsError(try bad.add(file: "# ok\nVare=sku\nBeløp\n", name: "x.map", kind: .orders)) { error in
            XCTAssertEqual((error as? BackorderError)?.message(.en),
                           "x.map:3: \"Beløp\" is not a mapping: write Header=column (or Header=- to skip the column)")
        }
        XCTAssertThrowsError(try bad.add(option: "A=sku,a=qty", kind: .orders))
    }

    func testHeaderProblemsInNorwegian() {
        guard case .failure(let f) = read(.orders, "Ordrenr;Kunde;Pris;Varenr;Antall;Antall\n", tr: .nb) else { return XCTFail("refused") }
        XCTAssertEqual(f.problems.map(\.description), [
            "ordrer.csv:1: Pris: ukjent kolonne; en fil med ordrer har kolonnene order,customer,sku,qty[,date,priority,policy,line,note] "
                + "(et annet navn kan kobles: --map 'Pris=kolonne', eller hoppes over: --map 'Pris=-')",
            "ordrer.csv:1: Antall: kolonnen står der to ganger (kolonne 5 og 6)",
        ])
        guard case .failure(let g) = read(.orders, "Ordrenr;Kundenr;Kundenavn;Varenr;Antall\n", tr: .en) else { return XCTFail("refused") }
        XCTAssertEqual(g.problems.map(\.description), [
            "ordrer.csv:1: Kundenr: the column customer is given twice (Kundenr in column 2 and Kundenavn in column 3); skip one with --map 'Kundenavn=-'",
        ])
    }

    func testRecordProblemsInNorwegianNameTheFilesColumns() throws {
        let text = "Ordrenr;Kunde;Dato;Varenr;Antall;Merknad\n"
            + "SO-1;K100;31.11.2026;FS-1001;12,5;\n"
            + "SO-2;K100;01.12.2026;FS-1001;2;a\n"
            + "SO-2;K100;01.12.2026;FS-1001;2;b\n"
        guard case .failure(let f) = read(.orders, text, tr: .nb) else { return XCTFail("refused") }
        XCTAssertEqual(f.problems.map(\.description), [
            "ordrer.csv:2: Antall: må være et helt antall enheter, ikke 12,5",
            "ordrer.csv:2: Dato: «31.11.2026» er ikke en dato: bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD",
            "ordrer.csv:4: Merknad: b avviker fra a på linje 3 i ordre SO-2",
        ])
        let w = try warehouse()
        let s = try w.apply(try batch(.orders, "Ordrenr;Kunde;Varenr;Antall\nSO-1;K100;SPADE;1\nSO-2;K999;FS-1001;1\n"),
                            dryRun: false, ctx: ctx, tr: .nb)
        XCTAssertEqual(s.problems.map(\.description), ["ordrer.csv:2: Varenr: ukjent varenummer SPADE", "ordrer.csv:3: Kunde: ukjent kunde K999"])
    }

    func testNorwegianPolicyWords() throws {
        guard case .orders(let orders) = try batch(.orders, "ordre;kunde;varenr;antall;leveringsregel\nA;K;S;1;komplett\nB;K;S;1;Dellevering\nC;K;S;1;\n").records
        else { return XCTFail("orders") }
        XCTAssertEqual(orders.map(\.order.policy), [.complete, .partial, .partial])
    }
}
