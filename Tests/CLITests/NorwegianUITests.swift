import Foundation
import XCTest

/// The real UI in tmux at 80×24 with `LANG=nb_NO.UTF-8`, as a Norwegian clerk starts it: the panes, the status bar,
/// the help and the messages speak Norwegian, and `L` switches to English for the session.
final class NorwegianUITests: XCTestCase {
    private var lab: ProcessLab!
    private var dir: URL!
    private var db: String { dir.appendingPathComponent("lager.sqlite").path }

    override func setUpWithError() throws {
        guard ProcessLab.tmux != nil else { throw XCTSkip("tmux is not installed") }
        _ = try backordersBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("bo-nb-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        lab = ProcessLab(dir: dir)
    }

    override func tearDownWithError() throws {
        lab?.stop()
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func testTheMainScreensSpeakNorwegianUnderANorwegianLocale() throws {
        let binary = try backordersBinary().path
        let made = try lab.run(binary, ["sample", "--db", db, "--force"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let s = try lab.start("kari", ["/usr/bin/env", "LANG=nb_NO.UTF-8", binary, "ui", "--db", db], width: 80, height: 24)
        // The hint bar is the last row drawn: waiting for it, the whole first frame is there (under load a capture
        // can fall between the first rows and the rest).
        let screen = try lab.waitFor(s, "q Avslutt")
        XCTAssertTrue(screen.contains("1 Ordrer  2 Restordre  3 Ankomster  4 Lager"), screen)
        for text in [" nb │ ", "Ordre", "Kunde", "Restord.", "? viser alle taster", "p Plukk", "q Avslutt"] {
            XCTAssertTrue(screen.contains(text), "\(text) missing:\n\(screen)")
        }
        XCTAssertNotNil(screen.range(of: #"\d\d\.\d\d\.20\d\d"#, options: .regularExpression), "days as dd.mm.yyyy:\n\(screen)")
        try lab.keys(s, "2")
        try lab.waitFor(s, "Lovet")
        try lab.waitFor(s, "Varenr")
        // The oldest open order of the sample has nothing allocated: the message line says so in Norwegian.
        try lab.keys(s, "1", "p")
        try lab.waitFor(s, "Ingenting er reservert på")
        try lab.keys(s, "?")
        try lab.waitFor(s, "Taster — ? eller Esc lukker")
        try lab.keys(s, "Escape", "L")
        try lab.waitFor(s, "Language: English (L switches back)")
        try lab.waitFor(s, "1 Orders")
        try lab.waitFor(s, " en │ ")
        try lab.keys(s, "L")
        try lab.waitFor(s, "Språk: norsk bokmål")
        try lab.keys(s, "q")
        try lab.waitForExit(s)
    }
}
