import Foundation
import TerminalKit
import XCTest

/// The text stored in a snapshot file: the buffer's rows framed by its size, so trailing
/// spaces and the exact dimensions are visible and diffable.
///
///     +--- 12x2 ---+
///     |Hello       |
///     |            |
///     +------------+
public func snapshotText(of buffer: ScreenBuffer) -> String {
    let label = " \(buffer.width)x\(buffer.height) "
    let dashes = max(0, buffer.width - label.count)
    let top = "+" + String(repeating: "-", count: dashes / 2) + label
        + String(repeating: "-", count: dashes - dashes / 2) + "+"
    var rows = [top]
    for line in buffer.lines {
        // lines are trimmed; pad by display width so wide characters keep the frame straight.
        rows.append("|" + line + String(repeating: " ", count: max(0, buffer.width - line.displayWidth)) + "|")
    }
    rows.append("+" + String(repeating: "-", count: max(buffer.width, label.count)) + "+")
    return rows.joined(separator: "\n") + "\n"
}

/// Compares `buffer` with the snapshot `__Snapshots__/<TestFileName>/<name>.txt` next to the test file.
///
/// - When the file does not exist, or the environment has `SNAPSHOT_RECORD=1`, the snapshot is
///   written and the assertion fails saying so (commit the file, then run again).
/// - On a mismatch it fails with a line-by-line diff (`-` expected, `+` actual).
public func assertSnapshot(of buffer: ScreenBuffer, named name: String,
                           file: StaticString = #filePath, line: UInt = #line) {
    let actual = snapshotText(of: buffer)
    let testFile = URL(fileURLWithPath: "\(file)")
    let directory = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let snapshotURL = directory.appendingPathComponent("\(name).txt")
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"

    if recording || !FileManager.default.fileExists(atPath: snapshotURL.path) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: snapshotURL)
            XCTFail("Recorded snapshot \(snapshotURL.path); run the test again to compare against it.",
                    file: file, line: line)
        } catch {
            XCTFail("Could not record snapshot \(snapshotURL.path): \(error)", file: file, line: line)
        }
        return
    }

    guard let data = FileManager.default.contents(atPath: snapshotURL.path),
          let expected = String(data: data, encoding: .utf8) else {
        XCTFail("Could not read snapshot \(snapshotURL.path)", file: file, line: line)
        return
    }
    guard expected != actual else { return }
    XCTFail("Snapshot \"\(name)\" does not match \(snapshotURL.path)\n" + snapshotDiff(expected: expected, actual: actual)
            + "\n(set SNAPSHOT_RECORD=1 to re-record)", file: file, line: line)
}

/// A line-by-line diff: unchanged lines indented, differing lines as `-` (expected) / `+` (actual) pairs.
public func snapshotDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? String(old[index]) : nil
        let b = index < new.count ? String(new[index]) : nil
        let number = String(index + 1)
        let gutter = String(repeating: " ", count: max(0, 3 - number.count)) + number
        if a == b {
            output.append("  \(gutter) \(a ?? "")")
        } else {
            if let a { output.append("- \(gutter) \(a)") }
            if let b { output.append("+ \(gutter) \(b)") }
        }
    }
    return output.joined(separator: "\n")
}
