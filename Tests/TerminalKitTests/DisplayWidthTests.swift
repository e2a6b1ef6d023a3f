@testable import TerminalKit
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIAndLatin() {
        XCTAssertEqual("Hello".displayWidth, 5)
        XCTAssertEqual("æøå ÆØÅ".displayWidth, 7)
        XCTAssertEqual("Ørsted Å æ — ".displayWidth, 13)
        XCTAssertEqual(displayWidth(of: "ø"), 1)
    }

    func testWideCharacters() {
        XCTAssertEqual(displayWidth(of: "日"), 2)
        XCTAssertEqual("日本".displayWidth, 4)
        XCTAssertEqual("東京倉庫".displayWidth, 8)
        XCTAssertEqual("한국".displayWidth, 4)
        XCTAssertEqual("ＡＢ".displayWidth, 4, "fullwidth forms")
        XCTAssertEqual("Ørsted Å æ — 日本".displayWidth, 17)
    }

    func testCombiningAndZeroWidth() {
        XCTAssertEqual("e\u{301}".displayWidth, 1, "e + combining acute is one column")
        XCTAssertEqual("Cafe\u{301}".displayWidth, 4)
        XCTAssertEqual("a\u{200B}b".displayWidth, 2, "zero-width space takes no column")
        XCTAssertEqual("ab\u{202E}cd".displayWidth, 4, "bidi override takes no column")
        XCTAssertEqual("ab\u{202E}cd".terminalSafe, "abcd", "bidi override is dropped")
    }

    func testEmoji() {
        XCTAssertEqual(displayWidth(of: "😀"), 2)
        XCTAssertEqual(displayWidth(of: "📦"), 2)
        XCTAssertEqual(displayWidth(of: "✓"), 1)
    }

    func testControlCharactersAreEscapedVisibly() {
        XCTAssertEqual("a\u{1B}[2Jb".terminalSafe, "a^[[2Jb")
        XCTAssertEqual("x\ry".terminalSafe, "x^My")
        XCTAssertEqual("x\r\ny".terminalSafe, "x^M^Jy", "CRLF is one Character but two controls")
        XCTAssertEqual("\u{7F}".terminalSafe, "^?")
        XCTAssertEqual("\u{0}".terminalSafe, "^@")
        XCTAssertEqual("\t".terminalSafe, "^I")
        XCTAssertEqual("\u{9B}31m".terminalSafe, "<9B>31m", "C1 CSI")
        XCTAssertEqual("\u{85}".terminalSafe, "<85>")
        XCTAssertEqual("\u{1B}".displayWidth, 2)
        XCTAssertEqual("\u{9B}".displayWidth, 4)
        XCTAssertEqual(displayWidth(of: "\u{1B}"), 2)
        let nasty = "\u{1B}]0;title\u{07}\u{9D}x\u{1B}\u{301}"
        let safe = nasty.terminalSafe
        XCTAssertFalse(safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        XCTAssertEqual(safe.terminalSafe, safe, "escaping is idempotent")
    }

    func testTruncation() {
        XCTAssertEqual("Hello world".truncated(toWidth: 20), "Hello world")
        XCTAssertEqual("Hello world".truncated(toWidth: 6), "Hello…")
        XCTAssertEqual("日本語".truncated(toWidth: 4), "日…", "never splits a wide char")
        XCTAssertEqual("日本語".truncated(toWidth: 5), "日本…")
        XCTAssertEqual("abc".truncated(toWidth: 0), "")
        XCTAssertEqual("abc".truncated(toWidth: 1), "…")
        XCTAssertEqual("\u{1B}abc".truncated(toWidth: 3), "^[…")
    }

    func testPadding() {
        XCTAssertEqual("ab".padded(toWidth: 4), "ab  ")
        XCTAssertEqual("ab".padded(toWidth: 4, alignment: .right), "  ab")
        XCTAssertEqual("ab".padded(toWidth: 5, alignment: .center), " ab  ")
        XCTAssertEqual("日本".padded(toWidth: 3).displayWidth, 3)
    }

    func testWrapping() {
        XCTAssertEqual("the quick brown fox".wrapped(toWidth: 10), ["the quick", "brown fox"])
        XCTAssertEqual("abcdefghij".wrapped(toWidth: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual("a\n\nb".wrapped(toWidth: 5), ["a", "", "b"])
        XCTAssertEqual("日本語です".wrapped(toWidth: 4), ["日本", "語で", "す"])
        XCTAssertEqual("x".wrapped(toWidth: 0), [])
        for line in "Ørsted Å æ — 日本 and a longer tail".wrapped(toWidth: 7) {
            XCTAssertLessThanOrEqual(line.displayWidth, 7, line)
        }
    }
}

final class GlyphFastPathTests: XCTestCase {
    /// Plain ASCII and simple narrow text skip grapheme breaking; they must split exactly as the general case does.
    func testFastPathsSplitLikeTheGeneralCase() {
        let pool: [String] = ["a", "Z", " ", "~", "æ", "ø", "å", "Æ", "é", "ß", "…", "–", "→", "│", "─", "┌", "█", "\u{00AD}",
                              "\u{0301}", "\u{200D}", "\t", "\u{1B}", "\u{9B}", "中", "😀", "\r\n", "👍🏽", "\u{FE0F}", "°", "·"]
        var rng = SystemRandomNumberGenerator()
        var samples = pool + ["SKU-004516", "Ærø Fisk A/S", "──┬──", "e\u{0301}", "a…b", "Straße → Lager"]
        for _ in 0..<2_000 {
            samples.append((0..<Int.random(in: 1...8, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined())
        }
        for s in samples {
            XCTAssertEqual(glyphs(of: s), graphemeGlyphs(of: s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(s.displayWidth, graphemeGlyphs(of: s).reduce(0) { $0 + $1.width }, s)
        }
    }
}
