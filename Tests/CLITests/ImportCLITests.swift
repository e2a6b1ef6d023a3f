import Foundation
import XCTest

/// `backorders import` end to end through the real binary: exit codes, the FILE:LINE list, idempotence, dry runs.
final class ImportCLITests: XCTestCase {
    var db = ""
    var dir: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }

    override func setUpWithError() throws {
        db = tempDB()
        for args in [["init"], ["item", "add", "BOLT", "Hex bolt M8x40", "--stock", "70"], ["customer", "add", "C1", "Nordbygg Grossist AS"]] {
            let r = try runCLI(args, db: db)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testRefusedFileExitsOneListingEveryLineAndChangesNothing() throws {
        let file = try write("orders.csv", "order;customer;sku;qty\nSO-1;C1;BOLT;100\nSO-2;C9;BOLT;1\nSO-3;C1;NUT;2\nSO-4;C1;BOLT;1,5\n")
        let r = try runCLI(["import", "orders", file], db: db)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "\(file):5: qty: must be a whole number of units, not 1,5\n"
                       + "backorders: \(file) was not imported: 1 problem; nothing was changed\n",
                       "the reader's problems come first, and the store is not asked")
        let fixed = try write("orders2.csv", "order;customer;sku;qty\nSO-1;C1;BOLT;100\nSO-2;C9;BOLT;1\nSO-3;C1;NUT;2\n")
        let r2 = try runCLI(["import", "orders", fixed], db: db)
        XCTAssertEqual(r2.status, 1)
        XCTAssertEqual(r2.stderr, "\(fixed):3: customer: unknown customer C9\n\(fixed):4: sku: unknown SKU NUT\n"
                       + "backorders: \(fixed) was not imported: 2 problems; nothing was changed\n")
        XCTAssertEqual(try runCLI(["list", "orders", "--json"], db: db).stdout, "[\n\n]\n", "SO-1 was not created either")
    }

    func testImportTwiceDryRunAndJSON() throws {
        let file = try write("orders.csv", "order,customer,sku,qty\nSO-1,C1,BOLT,100\n")
        let dry = try runCLI(["import", "orders", file, "--dry-run"], db: db)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, "dry run: \(file) would give 1 created, 0 changed, 0 unchanged orders; nothing was changed\n  create SO-1: 1 line\n")
        let first = try runCLI(["import", "orders", file], db: db)
        XCTAssertEqual(first.stdout, "imported \(file): 1 created, 0 changed, 0 unchanged orders\n")
        let second = try runCLI(["import", "orders", file], db: db)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(second.stdout, "\(file): nothing to change; all 1 orders are as the file says (already imported)\n")
        let json = try runCLI(["import", "orders", file, "--json"], db: db)
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(summary["unchanged"] as? Int, 1)
        XCTAssertEqual(summary["created"] as? Int, 0)
        let list = try runCLI(["list", "backorders", "--csv"], db: db)
        XCTAssertEqual(list.stdout, "order,line,date,age_days,priority,customer_name,sku,item,backordered,promised,late\r\n"
                       + "SO-1,1,2026-11-25,0,5,Nordbygg Grossist AS,BOLT,Hex bolt M8x40,30,,yes\r\n")
    }

    func testBadUsageIs64() throws {
        XCTAssertEqual(try runCLI(["import", "pallets", "x.csv"], db: db).status, 64)
        let missing = try runCLI(["import", "orders", dir.appendingPathComponent("nope.csv").path], db: db)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)
        XCTAssertEqual(try runCLI(["report", "aging", "--json", "--csv"], db: db).status, 64)
        XCTAssertEqual(try runCLI(["report", "aging", "--bucket", "9-10"], db: db).status, 64)
        XCTAssertEqual(try runCLI(["report", "service", "--from", "2026-12-01", "--to", "2026-11-01"], db: db).status, 64)
    }

    // MARK: spreadsheets as Nordic offices write them

    /// The file: Norwegian Excel's `;`, BOM and CRLF, Norwegian headers, `03.11.2026`, the customer by name and a
    /// note. It imports on the first try, and the note is on the order.
    func testTheNorwegianOrderFileImportsOnTheFirstTryInNorwegian() throws {
        let file = try write("ordrer.csv", "\u{FEFF}Ordrenr;Kunde;Dato;Varenr;Antall;Merknad\r\n"
                             + "SO-77;Nordbygg Grossist AS;03.11.2026;BOLT;100;Deres ref. 4711\r\n")
        let r = try runCLI(["import", "orders", file, "--lang", "nb"], db: db)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "importerte \(file) (ordrer): 1 ny, 0 endret, 0 uendret\n")
        let show = try runCLI(["show", "SO-77"], db: db)
        XCTAssertTrue(show.stdout.contains("Deres ref. 4711"), show.stdout)
        XCTAssertTrue(show.stdout.contains("(C1)"), show.stdout)
        XCTAssertTrue(show.stdout.contains("2026-11-03"), show.stdout)
        let again = try runCLI(["import", "orders", file, "--lang", "nb"], db: db)
        XCTAssertEqual(again.stdout, "\(file): ingenting å endre; alt i filen stemmer allerede (ordrer: 1) (allerede importert)\n")
    }

    func testProblemsAreWrittenInNorwegianWithLangNb() throws {
        let file = try write("ordrer.csv", "Ordrenr;Kunde;Dato;Varenr;Antall\nSO-1;Nordbyg;3.11.2026;BOLT;1.000\nSO-2;Ukjent AS;;SPADE;2\n")
        let r = try runCLI(["import", "ordrer", file, "--lang", "nb"], db: db)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(file):2: Antall: «1.000» kan leses to måter (tusenskille eller desimaler?): skriv tallet uten skilletegn\n"
                       + "backorders: \(file) ble ikke importert: 1 problem; ingenting ble endret\n")
        let fixed = try write("ordrer2.csv", "Ordrenr;Kunde;Dato;Varenr;Antall\nSO-1;Nordbyg;3.11.2026;BOLT;1 000\nSO-2;Ukjent AS;;SPADE;2\n")
        let r2 = try runCLI(["import", "orders", fixed], db: db, extraEnv: ["BACKORDERS_LANG": "nb"])
        XCTAssertEqual(r2.status, 1)
        XCTAssertEqual(r2.stderr, "\(fixed):2: Kunde: ukjent kunde Nordbyg; lignende navn: Nordbygg Grossist AS (C1)\n"
                       + "\(fixed):3: Kunde: ukjent kunde Ukjent AS\n"
                       + "\(fixed):3: Varenr: ukjent varenummer SPADE\n"
                       + "backorders: \(fixed) ble ikke importert: 3 problemer; ingenting ble endret\n")
    }

    func testMapAndMapFile() throws {
        let file = try write("byggmakker.csv", "Bestilling;Kjøper;Art.nr;Bestilt;Pris\nB-1;C1;BOLT;4;99,50\n")
        let unmapped = try runCLI(["import", "orders", file, "--lang", "en"], db: db)
        XCTAssertEqual(unmapped.status, 1)
        XCTAssertTrue(unmapped.stderr.contains("\(file):1: Kjøper: unknown column; orders files have order,customer,sku,qty"), unmapped.stderr)
        let mapFile = try write("byggmakker.map", "# Byggmakker's order export\nBestilling=ordre\nKjøper=kunde\nArt.nr=sku\nPris=-   # prices are not ours\n")
        let mapped = try runCLI(["import", "orders", file, "--map-file", mapFile, "--map", "Bestilt=qty", "--dry-run", "--lang", "en"], db: db)
        XCTAssertEqual(mapped.status, 0, mapped.stderr)
        XCTAssertEqual(mapped.stdout, "dry run: \(file) would give 1 created, 0 changed, 0 unchanged orders; nothing was changed\n  create B-1: 1 line\n")
        let bad = try runCLI(["import", "orders", file, "--map", "Pris=price", "--lang", "en"], db: db)
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(bad.stderr, "backorders: --map: \"Pris\" maps to price, which is not a column of orders files; "
                       + "they have order,customer,sku,qty[,date,priority,policy,line,note]\n")
        let badFile = try write("bad.map", "Kjøper=kunde\nBestilt=amount\n")
        let r = try runCLI(["import", "orders", file, "--map-file", badFile, "--lang", "nb"], db: db)
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.hasPrefix("backorders: \(badFile):2: «Bestilt» kobles til amount, som ikke er en kolonne"), r.stderr)
    }

    /// `--csv-dialect excel-nb`: what a Norwegian Excel opens straight, never a live formula; RFC 4180 stays the default.
    func testCSVDialects() throws {
        XCTAssertEqual(try runCLI(["customer", "add", "EVIL", "=HYPERLINK(\"http://x.example\",\"click\")"], db: db).status, 0)
        let file = try write("o.csv", "order,customer,sku,qty\nSO-1,EVIL,BOLT,100\n")
        XCTAssertEqual(try runCLI(["import", "orders", file], db: db).status, 0)
        let plain = try runCLI(["list", "backorders", "--csv"], db: db, extraEnv: ["BACKORDERS_LANG": "nb"])
        XCTAssertEqual(plain.stdout, "order,line,date,age_days,priority,customer_name,sku,item,backordered,promised,late\r\n"
                       + "SO-1,1,2026-11-25,0,5,\"=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",BOLT,Hex bolt M8x40,30,,yes\r\n",
                       "RFC 4180 whatever the language: exact data for scripts")
        let excel = try runCLI(["list", "backorders", "--csv", "--csv-dialect", "excel-nb"], db: db)
        XCTAssertEqual(excel.stdout, "\u{FEFF}order;line;date;age_days;priority;customer_name;sku;item;backordered;promised;late\r\n"
                       + "SO-1;1;2026-11-25;0;5;\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\";BOLT;Hex bolt M8x40;30;;yes\r\n")
        let report = try runCLI(["report", "aging", "--csv", "--csv-dialect", "excel-nb"], db: db)
        XCTAssertTrue(report.stdout.hasPrefix("\u{FEFF}bucket;lines;units;orders\r\n"), report.stdout)
        XCTAssertEqual(try runCLI(["list", "orders", "--csv", "--csv-dialect", "excel"], db: db).status, 64)
    }

    /// `sample-data/ordrer-nb.csv`, the README's example, imports onto the sample warehouse as it is.
    func testTheSampleNorwegianOrderFileImportsOntoTheSampleWarehouse() throws {
        let sampleDB = dir.appendingPathComponent("sample.sqlite").path
        XCTAssertEqual(try runCLI(["sample", "--db", sampleDB, "--today", "2026-11-25"], db: nil).status, 0)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data/ordrer-nb.csv").path
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: file))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "saved as a Norwegian Excel saves it: a BOM")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains(";03.11.2026;"), "and ;-separated with Norwegian dates")
        let r = try runCLI(["import", "ordrer", file, "--db", sampleDB, "--lang", "nb"], db: nil)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "importerte \(file) (ordrer): 4 nye, 0 endret, 0 uendret\n")
        let show = try runCLI(["show", "KO-24018", "--db", sampleDB], db: nil)
        XCTAssertTrue(show.stdout.contains("(ALESUND)") && show.stdout.contains("Hastesak: brannstasjonen; ring vakta før levering"), show.stdout)
        XCTAssertEqual(try runCLI(["check", "--db", sampleDB], db: nil).status, 0)
    }
}
