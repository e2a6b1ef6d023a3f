import BackorderCore
import BackorderStore
@testable import BackorderTUI
import TerminalKit
import XCTest

/// The reducer's dialogs: pick, ship, receive, ETA, arrivals and the exceptions, and their refusals.
extension ReducerTests {
    // MARK: pick

    func testPickAsksEachLineDefaultsToAllAllocatedAndCommitsWithTheVersionSeen() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("p"))), [.loadDetail(order: "SO-0", purpose: .pick)])
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10, version: 4)))
        XCTAssertEqual(dialogText(s), "10")
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        guard case .dialog(let d) = s.overlay, case .pickConfirm = d.step else { return XCTFail("no confirmation") }
        let effects = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(effects, [.perform(.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 10)], expectedVersion: 4))])
    }

    func testPickTypingMistakesStayInTheDialog() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10)))
        for (typed, expected) in [("", "empty"), ("7x", "not a whole number"), ("11", "only 10 allocated"), ("-1", "not a whole number")] {
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            for c in typed { _ = Reducer.reduce(&s, .key(.char(c))) }
            XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [], typed)
            guard case .dialog(let d) = s.overlay, case .pickQuantity = d.step else { return XCTFail("dialog left on \(typed)") }
            XCTAssertTrue(d.message?.contains(expected) ?? false, "\(typed): \(d.message ?? "no message")")
        }
        _ = Reducer.reduce(&s, .key(.char("1")))
        guard case .dialog(let d) = s.overlay else { return XCTFail() }
        XCTAssertNil(d.message, "typing again clears the message")
    }

    func testAShortPickAsksWhetherTheRestIsMissing() {
        for (answer, missing) in [(Character("y"), 6), (Character("n"), 0)] {
            var s = state()
            _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10)))
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            _ = Reducer.reduce(&s, .key(.char("4")))
            _ = Reducer.reduce(&s, .key(.enter))
            guard case .dialog(let d) = s.overlay, case .pickShort = d.step else { return XCTFail("no short-pick question") }
            _ = Reducer.reduce(&s, .key(.enter))
            if case .dialog(let d2) = s.overlay { XCTAssertNotNil(d2.message, "Enter is not an answer") }
            _ = Reducer.reduce(&s, .key(.char(answer)))
            XCTAssertEqual(Reducer.reduce(&s, .key(.enter)),
                           [.perform(.pick(order: "SO-1", entries: [PickEntry(lineNo: 1, picked: 4, missing: missing)], expectedVersion: 4))])
        }
    }

    func testPickingZeroEverywhereIsNotAPick() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 10)))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("0")))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("n")))
        guard case .dialog(let d) = s.overlay, case .pickQuantity = d.step else { return XCTFail("should ask again") }
        XCTAssertTrue(d.message?.contains("nothing to pick") ?? false)
    }

    func testPickWithNothingAllocatedSaysSo() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail(allocated: 0, backordered: 5)))
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("nothing to pick") ?? false)
    }

    // MARK: ship

    func testShipListsAndCommitsWithTheVersionSeen() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("s"))), [.loadDetail(order: "SO-0", purpose: .ship)])
        let d = detail(allocated: 0, picked: 7, backordered: 3)
        _ = Reducer.reduce(&s, .detailLoaded(.ship, d))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.ship(order: "SO-1", override: false, expectedVersion: 4, before: d))])
    }

    func testShipCompleteNeedsAnExplicitOverride() {
        var s = state()
        let d = detail(allocated: 0, picked: 7, backordered: 3, policy: .complete)
        _ = Reducer.reduce(&s, .detailLoaded(.ship, d))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        guard case .dialog(let dialog) = s.overlay else { return XCTFail() }
        XCTAssertTrue(dialog.message?.contains("O") ?? false)
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("O"))), [.perform(.ship(order: "SO-1", override: true, expectedVersion: 4, before: d))])
    }

    func testShipWithNothingPickedSaysPickFirst() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.ship, detail(allocated: 10)))
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("pick first") ?? false)
    }

    func testShipResultShowsTheShipmentNumberAndReloads() {
        var s = state()
        let d = detail(allocated: 0, picked: 7, backordered: 3)
        let shipment = Shipment(number: "SH-000009", orderNumber: "SO-1", at: fixedNow, actor: "clerk", overridden: false,
                                lines: [.init(lineNo: 1, sku: "SKU-1", quantity: 7)])
        XCTAssertEqual(Reducer.reduce(&s, .operationSucceeded(.shipped(shipment, before: d))), [.pollRevision])
        guard case .dialog(let dialog) = s.overlay, case .result(let title, let lines) = dialog.step else { return XCTFail() }
        XCTAssertTrue(title.contains("SH-000009"))
        XCTAssertTrue(lines.joined().contains("3 backordered"))
        XCTAssertEqual(s.message?.kind, .success)
        _ = Reducer.reduce(&s, .key(.char("z")))
        XCTAssertNil(s.overlay, "any key closes a result")
    }

    // MARK: refusals

    func testAStaleActionIsRefusedClosedAndRefreshed() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.ship, detail(allocated: 0, picked: 7)))
        let op = Operation.ship(order: "SO-1", override: false, expectedVersion: 4, before: detail(allocated: 0, picked: 7))
        let effects = Reducer.reduce(&s, .operationFailed(op, .stale("order SO-1 was changed by someone else")))
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.kind, .error)
        XCTAssertTrue(s.message?.text.contains("refreshed") ?? false)
        XCTAssertEqual(effects, [.pollRevision])
        XCTAssertEqual(s.revision, -1, "the next poll reloads whatever the revision")
    }

    func testARefusedActionKeepsTheDialogWithTheReason() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.ship, detail(allocated: 0, picked: 7)))
        let op = Operation.ship(order: "SO-1", override: false, expectedVersion: 4, before: detail(allocated: 0, picked: 7))
        _ = Reducer.reduce(&s, .operationFailed(op, .refused("nothing is picked on this order")))
        guard case .dialog(let d) = s.overlay else { return XCTFail() }
        XCTAssertEqual(d.message, "nothing is picked on this order")
    }

    func testEscCancelsADialogWithoutAnyEffect() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.pick, detail()))
        XCTAssertEqual(Reducer.reduce(&s, .key(.escape)), [])
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("nothing was changed") ?? false)
    }

    // MARK: receive, ETA, arrivals, cancel

    func testReceiveAsksForTheArrivalThenTheQuantity() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("r")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [], "nothing typed")
        for c in "PO-1/1" { _ = Reducer.reduce(&s, .key(.char(c))) }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.resolveReceiveTarget("PO-1/1")])
        _ = Reducer.reduce(&s, .lookupFailed(.notFound("no expected arrival and no SKU")))
        XCTAssertEqual(dialogMessage(s), "no expected arrival and no SKU")
        let arrival = Arrival(id: 1, supplier: "Acme", poNumber: "PO-1", poLine: 1, sku: "SKU-1", quantity: 30, received: 0,
                              eta: fixedToday, closedAt: nil)
        _ = Reducer.reduce(&s, .receiveTargetResolved(.arrival(arrival)))
        XCTAssertEqual(dialogText(s), "30", "defaults to what is outstanding")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("0")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertTrue(dialogMessage(s)?.contains("positive") ?? false)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("5")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.receive(.arrival(arrival), quantity: 5))])
    }

    func testChangeETAParsesDaysAndAsksAReason() {
        var s = state()
        let arrival = Arrival(id: 1, supplier: "Acme", poNumber: "PO-1", poLine: 1, sku: "SKU-1", quantity: 30, received: 0,
                              eta: fixedToday, closedAt: nil)
        _ = Reducer.reduce(&s, .key(.char("3")))
        _ = Reducer.reduce(&s, .paneLoaded(.arrivals, PaneLoad(top: 0, total: 1, rows: .arrivals([
            ArrivalRow(arrival: arrival, itemName: "Widget", promised: 0, late: false, etaChanges: 0)]), filter: "")))
        _ = Reducer.reduce(&s, .key(.char("e")))
        XCTAssertEqual(dialogText(s), fixedToday.iso)
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertTrue(dialogMessage(s)?.contains("already expected") ?? false)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "soon" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertTrue(dialogMessage(s)?.contains("not a day") ?? false)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "+3" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        for c in "supplier mail" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)),
                       [.perform(.changeETA(arrival: "PO-1/1", to: fixedToday.adding(days: 3), reason: "supplier mail"))])
    }

    func testAddArrivalValidatesEachField() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("a")))
        let answers: [(String, String?)] = [("", "empty"), ("Acme", nil), ("PO 9", "spaces"), ("PO-9", nil), ("x", "not a whole number"),
                                            ("2", nil), ("SKU-1", nil), ("lots", "not a whole number"), ("0", "positive"), ("40", nil),
                                            ("2026-02-30", "not a day"), ("2026-03-20", nil)]
        for (typed, problem) in answers {
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            for c in typed { _ = Reducer.reduce(&s, .key(.char(c))) }
            _ = Reducer.reduce(&s, .key(.enter))
            if let problem { XCTAssertTrue(dialogMessage(s)?.contains(problem) ?? false, "\(typed): \(dialogMessage(s) ?? "-")") }
            else { XCTAssertNil(dialogMessage(s), typed) }
        }
        var draft = ArrivalDraft(sku: "SKU-1")
        draft.supplier = "Acme"; draft.poNumber = "PO-9"; draft.poLine = 2; draft.quantity = 40; draft.eta = Day(iso: "2026-03-20")!
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.addArrival(draft))])
    }

    func testCancelOfABackorderLineAsksLineScopeAndReasonThenPreviews() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.char("2")))
        let row = BackorderRow(orderNumber: "SO-1", customerName: "C", orderDate: fixedToday, priority: 5, lineNo: 1, sku: "SKU-1",
                               itemName: "Widget", backordered: 3, promised: nil, ageDays: 2, late: true)
        _ = Reducer.reduce(&s, .paneLoaded(.backorders, PaneLoad(top: 0, total: 1, rows: .backorders([row]), filter: "")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("x"))), [.loadDetail(order: "SO-1", purpose: .correct(.cancel, lineNo: 1))])
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.cancel, lineNo: 1), detail(allocated: 0, backordered: 3)))
        XCTAssertEqual(dialogText(s), "1", "the selected line is the default")
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertEqual(dialogText(s), "a")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("z")))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [])
        XCTAssertTrue(dialogMessage(s)?.contains("type a") ?? false, dialogMessage(s) ?? "-")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        _ = Reducer.reduce(&s, .key(.char("b")))
        _ = Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [], "a reason is needed")
        XCTAssertTrue(dialogMessage(s)?.contains("empty") ?? false)
        for c in "customer gave up" { _ = Reducer.reduce(&s, .key(.char(c))) }
        let c = Correction.cancel(order: "SO-1", lineNo: 1, scope: .backordered, reason: "customer gave up", expectedVersion: 4)
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.correct(c, preview: true))])
        // The preview's consequences are shown; Enter then does it.
        let result = CorrectionResult(summary: "cancelled 3 unit(s) on SO-1 line 1", units: 3, consequences: Consequences(), preview: true)
        _ = Reducer.reduce(&s, .operationSucceeded(.corrected(c, result)))
        guard case .dialog(let d) = s.overlay, case .correctionConfirm = d.step else { return XCTFail("no confirmation") }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.correct(c, preview: false))])
    }

    /// Each exception from its key: the order is loaded, the questions default to the likely answers, and Enter through
    /// them asks for exactly the preview of that exception.
    func testEachExceptionKeyAsksItsQuestionsThenPreviews() {
        let cases: [(key: Character, purpose: CorrectionKind, typed: [String], expected: Correction)] = [
            ("u", .putBack, ["", "wrong order"], .putBack(order: "SO-1", entries: nil, reason: "wrong order", expectedVersion: 4)),
            ("P", .changeOrder, ["1", "c", "PO 4711", ""],
             .changeOrder(order: "SO-1", OrderChanges(priority: 1, policy: .complete, note: "PO 4711"), reason: "", expectedVersion: 4)),
            ("U", .expedite, ["hospital"], .expedite(order: "SO-1", reason: "hospital", expectedVersion: 4)),
            ("t", .reallocate, ["1", "SO-9/2=3", "urgent"],
             .reallocate(order: "SO-1", lineNo: 1, donors: [DonorLine(orderNumber: "SO-9", lineNo: 2, quantity: 3)], reason: "urgent", expectedVersion: 4)),
            ("A", .amend, ["1", "12", "more"], .amend(order: "SO-1", lineNo: 1, quantity: 12, reason: "more", expectedVersion: 4)),
            ("+", .addLine, ["SKU-9", "4", ""], .addLine(order: "SO-1", sku: "SKU-9", quantity: 4, reason: "", expectedVersion: 4)),
        ]
        for c in cases {
            var s = state()
            _ = Reducer.reduce(&s, .key(.down))  // SO-1
            XCTAssertEqual(Reducer.reduce(&s, .key(.char(c.key))), [.loadDetail(order: "SO-1", purpose: .correct(c.purpose, lineNo: nil))], "\(c.key)")
            _ = Reducer.reduce(&s, .detailLoaded(.correct(c.purpose, lineNo: nil), detail(allocated: 4, picked: 2, backordered: 3)))
            var last: [Effect] = []
            for answer in c.typed {
                _ = Reducer.reduce(&s, .key(.ctrl("u")))
                for ch in answer { _ = Reducer.reduce(&s, .key(.char(ch))) }
                last = Reducer.reduce(&s, .key(.enter))
                XCTAssertNil(dialogMessage(s).flatMap { $0.hasPrefix("Working") ? nil : $0 }, "\(c.key) \(answer)")
            }
            XCTAssertEqual(last.last, .perform(.correct(c.expected, preview: true)), "\(c.key)")
        }
    }

    func testReverseReceiptAsksForTheReceiptWithoutAnOrder() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.char("V"))), [])
        for ch in "RC-000007" { _ = Reducer.reduce(&s, .key(.char(ch))) }
        _ = Reducer.reduce(&s, .key(.enter))
        for ch in "wrong PO" { _ = Reducer.reduce(&s, .key(.char(ch))) }
        XCTAssertEqual(Reducer.reduce(&s, .key(.enter)), [.perform(.correct(.reverseReceipt(number: "RC-000007", reason: "wrong PO"), preview: true))])
    }

    func testExceptionsThatDoNotApplySayWhyAndReadOnlyRefusesThem() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.putBack, lineNo: nil), detail(allocated: 4)))
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.text, "Nothing is picked on SO-1: nothing to put back")
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.returnUnits, lineNo: nil), detail(allocated: 4)))
        XCTAssertEqual(s.message?.text, "Nothing has shipped on SO-1: nothing can come back")
        var r = AppState(location: "x", actor: "clerk", readOnly: true, today: fixedToday)
        for key in ["x", "u", "P", "U", "t", "A", "+", "V", "N"] {
            XCTAssertEqual(Reducer.reduce(&r, .key(.char(Character(key)))), [], key)
            XCTAssertTrue(r.message?.text.hasPrefix("Read-only") ?? false, key)
        }
    }

    func testARefusedPreviewGoesBackToTheLastQuestion() {
        var s = state()
        _ = Reducer.reduce(&s, .detailLoaded(.correct(.amend, lineNo: 1), detail(allocated: 0, backordered: 3)))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.enter))
        for c in "typo" { _ = Reducer.reduce(&s, .key(.char(c))) }
        guard case .perform(.correct(let c, true))? = Reducer.reduce(&s, .key(.enter)).first else { return XCTFail("no preview") }
        _ = Reducer.reduce(&s, .operationFailed(.correct(c, preview: true), .refused("line 1 is already for 3")))
        XCTAssertEqual(dialogMessage(s), "line 1 is already for 3")
        XCTAssertEqual(dialogText(s), "typo", "the last answer is back to edit")
    }

    func testActionsWithoutASelectionSayWhatToSelect() {
        var s = state(total: 0)
        for key in ["p", "s", "x", "c"] {
            XCTAssertEqual(Reducer.reduce(&s, .key(.char(Character(key)))), [], key)
            XCTAssertEqual(s.message?.kind, .warning, key)
        }
        _ = Reducer.reduce(&s, .key(.char("e")))
        XCTAssertTrue(s.message?.text.contains("arrival") ?? false)
    }

    func testSuspendAndRedrawAreTerminalEffects() {
        var s = state()
        XCTAssertEqual(Reducer.reduce(&s, .key(.ctrl("z"))), [.suspend])
        XCTAssertEqual(Reducer.reduce(&s, .key(.ctrl("l"))), [.redraw])
        XCTAssertEqual(Reducer.reduce(&s, .key(.ctrl("r"))), [.pollRevision])
        XCTAssertEqual(s.revision, -1)
    }

    func testLoadFailureShowsTheMessage() {
        var s = state()
        _ = Reducer.reduce(&s, .loadFailed(.dataFile("the file is damaged")))
        XCTAssertEqual(s.message, StatusMessage("the file is damaged", .error))
    }
}
