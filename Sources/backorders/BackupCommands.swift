import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// `backorders backup DEST`: a checked copy of the live file, taken while clerks keep working.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the data file while clerks keep working, and check the copy.",
        discussion: """
            The copy is one consistent snapshot: every operation committed before the backup began is in it.
            DEST is a file, or a folder: the copy is then named backorders-YYYYMMDD-HHMMSS.sqlite (UTC) in it, and
            --keep N removes the oldest such files there beyond N (for a nightly cron line).
            The copy is written under a temporary name beside DEST and renamed only once it is complete and checked.
            Exit 3 when the copy (and so the data file) breaks an invariant: it is kept, and the problems are listed.
            """
    )
    @OptionGroup var db: DatabaseOptions
    @Argument(help: ArgumentHelp("The backup file, or a folder to put a dated backup in.", valueName: "dest"))
    var destination: String
    // Unconditional, so `--keep -1` reaches the check instead of reading as an unknown option.
    @Option(parsing: .unconditional, help: ArgumentHelp("With a folder: keep only the newest N dated backups in it.", valueName: "n"))
    var keep: Int?
    @Flag(help: "Replace DEST if it is an existing file.") var force = false

    func run() throws {
        try perform {
            let r = try Backups.backup(live: db.path, to: destination, replace: force, keep: keep)
            print("backed up \(db.path) to \(r.path): \(byteSize(r.bytes)) in \(String(format: "%.2f", r.seconds)) s, "
                  + "revision \(r.revision), \(r.journalRows) journal rows; "
                  + (r.violations.isEmpty ? "check: ok" : "check found \(r.violations.count) problem(s), which the data file has too:"))
            for v in r.violations { print(visible(v.description)) }
            for path in r.removed { print("removed the older backup \(path)") }
            if !r.violations.isEmpty { throw ExitCode(Exit.checkFailed) }
        }
    }
}

/// `backorders restore SRC`: a backup back in place of the data file, when nobody has it open.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place of the data file (refused while anyone has the file open).",
        discussion: """
            SRC is checked first (a copy of it, upgraded when it is of an older format; SRC itself is only read).
            Refused (exit 1) while any process has the data file open: the UI, a command, a backup.
            The replaced file is kept beside it as FILE.replaced-YYYYMMDD-HHMMSS (UTC), with its -wal when it has one.
            """
    )
    @OptionGroup var db: DatabaseOptions
    @Argument(help: ArgumentHelp("The backup to restore.", valueName: "src")) var source: String

    func run() throws {
        try perform {
            let r = try Backups.restore(from: source, to: db.path)
            print("restored \(r.path) from \(source): revision \(r.revision), \(r.journalRows) journal rows, check: ok")
            if !r.upgrades.isEmpty { print("the backup was of an older format; upgraded: \(r.upgrades.joined(separator: ", "))") }
            if let replaced = r.replaced {
                print("the file it replaced is kept as \(replaced)")
            } else {
                print("there was no data file at \(r.path) before")
            }
        }
    }
}

/// A size in bytes as people read it: 512 bytes, 12.4 MB (decimal units, as `ls -h --si` and disk makers count).
func byteSize(_ bytes: Int64) -> String {
    if bytes < 1000 { return "\(bytes) bytes" }
    var value = Double(bytes)
    for unit in ["kB", "MB", "GB", "TB"] {
        value /= 1000
        if value < 1000 || unit == "TB" { return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + unit }
    }
    return "\(bytes) bytes"
}
