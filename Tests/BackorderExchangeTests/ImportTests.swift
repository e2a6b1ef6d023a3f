import BackorderCore
import BackorderExchange
import BackorderStore
import Foundation
import XCTest

/// Files read by the reader and applied by the store: atomic, idempotent, through the same operations as a clerk's.
final class ImportTests: XCTestCase {
    let today = Day(iso: "2026-11-25")!
    var ctx: Context { Context(actor: "importer", now: Timestamp(unixTime: Int64(today.ordinal) * 86_400 + 9 * 3600), today: today) }

    func warehouse() throws -> Warehouse {
        let w = try Warehouse.inMemory()
        try w.addItem(Item(sku: "BOLT", name: "Hex bolt M8x40", onHand: 70, minOrderQty: 50, packSize: 25), ctx: ctx)
        try w.addItem(Item(sku: "NUT", name: "Nut M8", onHand: 10), ctx: ctx)
        try w.addCustomer(Customer(code: "C1", name: "Nordbygg Grossist AS"))
        try w.addCustomer(Customer(code: "C2", name: "Tromsø Jern & Stål AS"))
        return w
    }

    /// Reads and applies a file; fails the test if the reader already refuses it.
    func apply(_ w: Warehouse, _ kind: ImportKind, _ text: String, dryRun: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> ImportSummary {
        switch ImportReader.read(kind, data: Data(text.utf8), file: "\(kind.rawValue).csv") {
        case .failure(let f):
            XCTFail("the reader refused the file: \(f.problems)", file: file, line: line)
            throw f
        case .success(let batch):
            return try w.apply(batch, dryRun: dryRun, ctx: ctx)
        }
    }

    func fingerprint(_ w: Warehouse) throws -> String {
        let c = try w.counts(today: today)
        return "\(try w.revision()) \(c) \(try w.journal(limit: 1_000).count) \(try w.stock(Page(limit: 100)).map(\.csvFields))"
            + " \(try w.customers())"
    }

    // MARK: atomic

    func testFileWithProblemsOnSeveralLinesChangesNothingAndNamesEachLine() throws {
        let w = try warehouse()
        let before = try fingerprint(w)
        let s = try apply(w, .orders, """
            order,customer,sku,qty
            SO-1,C1,BOLT,100
            SO-2,C1,WASHER,5
            SO-3,C9,BOLT,1
            SO-4,C2,NUT,3
            SO-4,C2,SCREW,3
            """)
        XCTAssertTrue(s.refused)
        XCTAssertEqual(s.problems.map(\.description), [
            "orders.csv:3: sku: unknown SKU WASHER",
            "orders.csv:4: customer: unknown customer C9",
            "orders.csv:6: sku: unknown SKU SCREW",
        ])
        XCTAssertEqual(try fingerprint(w), before, "a refused file changes nothing, not even the good orders")
        XCTAssertThrowsError(try w.orderDetail("SO-1", today: today))
        try XCTAssertEqual(w.check(quick: true), [])
    }

    func testStockCountBelowAllocatedIsRefusedNamingTheItems() throws {
        let w = try warehouse()
        try w.createOrder(NewOrder(number: "SO-1", customer: "C1", lines: [NewOrderLine(sku: "BOLT", quantity: 60), NewOrderLine(sku: "NUT", quantity: 8)]), ctx: ctx)
        let before = try fingerprint(w)
        let s = try apply(w, .stock, "sku;counted\nBOLT;50\nNUT;7\nGHOST;1\n")
        XCTAssertEqual(s.problems.map(\.description), [
            "stock.csv:2: counted: BOLT: a count of 50 is below the 60 unit(s) already allocated or picked for orders; pick short on those orders instead",
            "stock.csv:3: counted: NUT: a count of 7 is below the 8 unit(s) already allocated or picked for orders; pick short on those orders instead",
            "stock.csv:4: sku: unknown SKU GHOST",
        ])
        XCTAssertEqual(try fingerprint(w), before)
    }

    // MARK: idempotent

    func testTheSameFilesImportedTwiceChangeNothingTheSecondTime() throws {
        let w = try warehouse()
        let files: [(ImportKind, String)] = [
            (.customers, "code,name\nC3,Sørlandet Tømrer & Snekker AS\nC1,Nordbygg Grossist AS\n"),
            (.items, "sku,name,stock,moq,pack\nSCREW,\"Skrue 4,5×40\",5,100,50\nBOLT,Hex bolt M8x40,70,50,25\n"),
            (.arrivals, "po,line,sku,qty,eta,supplier\nPO-1,1,BOLT,30,2026-12-01,Bultfabriken\nPO-1,2,SCREW,100,2026-12-03,Bultfabriken\n"),
            (.orders, "order,customer,sku,qty,date,priority,policy\nSO-1,C1,BOLT,100,2026-11-20,3,partial\nSO-1,C1,SCREW,5,2026-11-20,3,partial\nSO-2,C3,NUT,4,,,complete\n"),
            (.stock, "sku,counted\nNUT,12\n"),
        ]
        var first: [ImportSummary] = []
        for (kind, text) in files { first.append(try apply(w, kind, text)) }
        XCTAssertEqual(first.map(\.refused), [false, false, false, false, false])
        XCTAssertEqual(first.map(\.created), [1, 1, 2, 2, 0])
        XCTAssertEqual(first.map(\.unchanged), [1, 1, 0, 0, 0])
        XCTAssertEqual(first[4].actions, [ImportAction(key: "NUT", change: .updated, detail: "on hand 10 → 12")])
        try XCTAssertEqual(w.check(quick: true), [])

        let before = try fingerprint(w)
        for (kind, text) in files {
            let again = try apply(w, kind, text)
            XCTAssertTrue(again.changesNothing, "\(kind): \(again.actions) \(again.problems)")
            XCTAssertEqual(again.created + again.updated, 0)
        }
        XCTAssertEqual(try fingerprint(w), before, "the second import changes nothing, not even the revision")
    }

    func testAnExistingOrderOrArrivalWithOtherContentIsRefused() throws {
        let w = try warehouse()
        _ = try apply(w, .orders, "order,customer,sku,qty\nSO-1,C1,BOLT,10\n")
        _ = try apply(w, .arrivals, "po,line,sku,qty,eta,supplier\nPO-1,1,BOLT,30,2026-12-01,Bultfabriken\n")
        let before = try fingerprint(w)
        let orders = try apply(w, .orders, "order,customer,sku,qty\nSO-2,C2,NUT,1\nSO-1,C1,BOLT,12\n")
        XCTAssertEqual(orders.problems.map(\.description),
                       ["orders.csv:3: order: order SO-1 exists already with lines BOLT×10 (the file says BOLT×12); orders are never rewritten"])
        XCTAssertEqual(try fingerprint(w), before)
        XCTAssertThrowsError(try w.orderDetail("SO-2", today: today), "SO-2 was rolled back with the refused file")
        try w.changeETA(arrival: "PO-1/1", to: Day(iso: "2026-12-09")!, reason: "late", ctx: ctx)
        let afterMove = try fingerprint(w)
        let arrivals = try apply(w, .arrivals, "po,line,sku,qty,eta,supplier\nPO-1,1,BOLT,30,2026-12-01,Bultfabriken\n")
        XCTAssertEqual(arrivals.problems.map(\.description),
                       ["arrivals.csv:2: line: arrival PO-1/1 exists already with ETA 2026-12-09 (the file says 2026-12-01; ETAs move with `arrival eta`)"])
        XCTAssertEqual(try fingerprint(w), afterMove)
    }

    // MARK: the same operations

    func testImportedOrdersAllocateAndBackorderLikeACreatedOne() throws {
        let w = try warehouse()
        _ = try apply(w, .arrivals, "po,line,sku,qty,eta,supplier\nPO-1,1,BOLT,30,2026-12-01,Bultfabriken\n")
        let s = try apply(w, .orders, "order,customer,sku,qty\nSO-1,C1,BOLT,100\n")
        XCTAssertEqual(s.actions, [ImportAction(key: "SO-1", change: .created, detail: "1 line")])
        let d = try w.orderDetail("SO-1", today: today)
        XCTAssertEqual(d.lines[0].line.quantities, LineQuantities(ordered: 100, allocated: 70, backordered: 30))
        XCTAssertEqual(d.lines[0].promised, Day(iso: "2026-12-01"))
        XCTAssertEqual(d.order.orderDate, today, "no date column: dated the day of import")

        // A stock import that finds 20 more bolts gives them to the waiting line at once.
        let count = try apply(w, .stock, "sku,counted\nBOLT,90\n")
        XCTAssertEqual(count.actions.map(\.detail), ["on hand 70 → 90"])
        XCTAssertEqual(try w.orderDetail("SO-1", today: today).lines[0].line.quantities,
                       LineQuantities(ordered: 100, allocated: 90, backordered: 10))
        XCTAssertEqual(try w.journal(sku: "BOLT", limit: 10).first?.kind, .allocate)
        try XCTAssertEqual(w.check(quick: true), [])
    }

    func testDryRunShowsWhatWouldHappenAndChangesNothing() throws {
        let w = try warehouse()
        let before = try fingerprint(w)
        let s = try apply(w, .items, "sku,name,bin\nBOLT,Hex bolt M8x40 A4,B-2\nNEW,New thing,\n", dryRun: true)
        XCTAssertTrue(s.dryRun)
        XCTAssertEqual(s.actions, [ImportAction(key: "BOLT", change: .updated, detail: "name, bin"),
                                   ImportAction(key: "NEW", change: .created, detail: "")])
        XCTAssertEqual(try fingerprint(w), before)
        let real = try apply(w, .items, "sku,name,bin\nBOLT,Hex bolt M8x40 A4,B-2\nNEW,New thing,\n")
        XCTAssertEqual(real.actions, s.actions)
        XCTAssertEqual(try w.item("BOLT").name, "Hex bolt M8x40 A4")
        XCTAssertEqual(try w.item("BOLT").onHand, 70, "the item file never moves stock of an existing item")
    }

    /// Supplier and lead time (days) come with the item file: set on new items, updated on existing ones, kept when a
    /// cell is empty; a second import changes nothing.
    func testItemFileSetsSupplierAndLeadTime() throws {
        let w = try warehouse()
        let file = "sku,name,supplier,lead_time\nBOLT,Hex bolt M8x40,Bultfabriken AB,14\nSCREW,Skrue,,\n"
        let s = try apply(w, .items, file)
        XCTAssertEqual(s.actions, [ImportAction(key: "BOLT", change: .updated, detail: "supplier, lead time"),
                                   ImportAction(key: "SCREW", change: .created, detail: "")])
        XCTAssertEqual(try w.item("BOLT").supplier, "Bultfabriken AB")
        XCTAssertEqual(try w.item("BOLT").leadTimeDays, 14)
        XCTAssertEqual(try w.item("SCREW").supplier, "")
        XCTAssertNil(try w.item("SCREW").leadTimeDays)
        let before = try fingerprint(w)
        XCTAssertTrue(try apply(w, .items, file).changesNothing)
        XCTAssertEqual(try fingerprint(w), before)
        let kept = try apply(w, .items, "sku,name,supplier,lead_time\nBOLT,Hex bolt M8x40,,0\n")
        XCTAssertEqual(kept.actions.map(\.detail), ["lead time"], "an empty supplier keeps it; 0 days is a lead time")
        XCTAssertEqual(try w.item("BOLT").supplier, "Bultfabriken AB")
        XCTAssertEqual(try w.item("BOLT").leadTimeDays, 0)
        guard case .failure(let f) = ImportReader.read(.items, text: "sku,name,lead_time\nBOLT,Bolt,-2\nNUT,Nut,4000\nX,X,1,5\n", file: "i.csv") else {
            return XCTFail("a bad lead time is a problem")
        }
        XCTAssertEqual(f.problems.map(\.description), ["i.csv:2: lead_time: must not be negative (-2)", "i.csv:3: lead_time: 4000 is more than 3650",
                                                       "i.csv:4: 4 fields where the header has 3; quote a field that holds \",\""])
    }

    /// The Nordic spreadsheet end to end: `;`, BOM, CRLF, a quoted name with a comma and a line break, æøå.
    func testNordicFileImportsRight() throws {
        let w = try warehouse()
        let text = "\u{FEFF}code;name\r\nC10;\"Ålesund kommune,\r\nbygg og eiendom\"\r\nC11;Tromsø Jern & Stål AS\r\n"
        let s = try apply(w, .customers, text)
        XCTAssertEqual(s.created, 2)
        let names = Dictionary(uniqueKeysWithValues: try w.customers().map { ($0.code, $0.name) })
        XCTAssertEqual(names["C10"], "Ålesund kommune, bygg og eiendom")
        XCTAssertEqual(names["C11"], "Tromsø Jern & Stål AS")
    }
}
