import Foundation
import XCTest

/// Warehouses made by the real binary, as a person would make them.
public enum SampleFiles {
    /// `backorders sample` at `path`, then an amended order and a reversed receipt, so every table holds rows.
    public static func sampleWithExceptions(at path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for args in [["sample"], ["order", "set", "SO-000011", "--priority", "2", "--reason", "kunden ringte"],
                     ["receipt", "reverse", "RC-000003", "--reason", "feil ankomst"]] {
            let r = try Binary.run(args + ["--db", path])
            XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        }
    }
}
