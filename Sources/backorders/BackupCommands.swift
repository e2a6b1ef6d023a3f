import ArgumentParser
import BackorderCore
import BackorderStore
import Foundation

/// `backorders backup DEST`: a checked copy of the live file, taken while clerks keep working.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: HelpText.backup.text,
        discussion: HelpText.backupDiscussion.text
    )
    @OptionGroup var db: DatabaseOptions
    @Argument(help: OptionText.backupDest.help(valueName: "dest"))
    var destination: String
    // Unconditional, so `--keep -1` reaches the check instead of reading as an unknown option.
    @Option(parsing: .unconditional, help: OptionText.backupKeep.help(valueName: "n"))
    var keep: Int?
    @Flag(help: OptionText.backupForce.help) var force = false

    func run() throws {
        try perform {
            if db.isServer { throw BackorderError.refused(.t(CLIText.fileOnly)) }
            let r = try Backups.backup(live: db.path, to: destination, replace: force, keep: keep)
            let tr = Localizer.process
            print(tr(CLIText.backedUp, db.path, r.path, byteSize(r.bytes), tr.decimal(r.seconds, digits: 2), Plain(r.revision), r.journalRows)
                  + (r.violations.isEmpty ? tr(CLIText.checkOKShort) : tr(CLIText.checkFoundProblems, r.violations.count)))
            for v in r.violations { print(visible(v.description)) }
            for path in r.removed { print(tr(CLIText.removedOlderBackup, path)) }
            if !r.violations.isEmpty { throw ExitCode(Exit.checkFailed) }
        }
    }
}

/// `backorders restore SRC`: a backup back in place of the data file, when nobody has it open.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: HelpText.restore.text,
        discussion: HelpText.restoreDiscussion.text
    )
    @OptionGroup var db: DatabaseOptions
    @Argument(help: OptionText.restoreSource.help(valueName: "src")) var source: String

    func run() throws {
        try perform {
            if db.isServer { throw BackorderError.refused(.t(CLIText.fileOnly)) }
            let r = try Backups.restore(from: source, to: db.path)
            let tr = Localizer.process
            print(tr(CLIText.restored, r.path, source, Plain(r.revision), r.journalRows))
            if !r.upgrades.isEmpty { print(tr(CLIText.backupUpgraded, r.upgrades.joined(separator: ", "))) }
            if let replaced = r.replaced {
                print(tr(CLIText.replacedKeptAs, replaced))
            } else {
                print(tr(CLIText.noFileBefore, r.path))
            }
        }
    }
}

/// A size in bytes as people read it: 512 bytes, 12.4 MB (decimal units, as `ls -h --si` and disk makers count).
func byteSize(_ bytes: Int64) -> String {
    let tr = Localizer.process
    if bytes < 1000 { return tr(CLIText.bytes, bytes) }
    var value = Double(bytes)
    for unit in ["kB", "MB", "GB", "TB"] {
        value /= 1000
        if value < 1000 || unit == "TB" { return tr.decimal(value, digits: value < 10 ? 1 : 0) + " " + unit }
    }
    return tr(CLIText.bytes, bytes)
}
