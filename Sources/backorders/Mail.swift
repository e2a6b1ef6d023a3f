import BackorderCore
import BackorderStore
import Foundation

/// Hands messages to the system's `sendmail -t` interface (Postfix, Exim and msmtp all provide it).
///
/// The command is `BACKORDERS_SENDMAIL` (split into words like a shell would, quotes kept together, nothing expanded),
/// else `/usr/sbin/sendmail -t -i`. It is never read from the data file: the file is shared by every clerk, and a
/// command stored in it would run under the account of whoever sends.
struct Sendmail {
    static let defaultCommand = "/usr/sbin/sendmail -t -i"
    let words: [String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let command = environment["BACKORDERS_SENDMAIL"].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } ?? Self.defaultCommand
        words = Self.split(command)
        guard !words.isEmpty else { throw BackorderError.invalid(.t(CustomerText.badCommand)) }
    }

    /// Words of a command line: spaces separate, '…' and "…" keep spaces, a backslash escapes the next character.
    static func split(_ line: String) -> [String] {
        var words: [String] = [], current = "", inWord = false
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" && quote != "'" { escaped = true; inWord = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
                continue
            }
            if c == "'" || c == "\"" { quote = c; inWord = true; continue }
            if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
                continue
            }
            current.append(c); inWord = true
        }
        if inWord { words.append(current) }
        return words
    }

    /// The program to run: a path as given, else found on `PATH`.
    func executable() throws -> String {
        let name = words[0]
        if name.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: name) else { throw BackorderError.notFound(.t(CustomerText.commandNotFound, name)) }
            return name
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        throw BackorderError.notFound(.t(CustomerText.commandNotFound, name))
    }

    /// Feeds the message to the command's standard input; nil when it exited 0 (accepted), else why not (its stderr).
    func send(_ message: String) -> String? {
        let p = Process()
        do {
            p.executableURL = URL(fileURLWithPath: try executable())
        } catch {
            return (error as? BackorderError)?.message ?? "\(error)"
        }
        p.arguments = Array(words.dropFirst())
        let input = Pipe(), errors = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardError = errors
        p.standardOutput = output
        do { try p.run() } catch { return "\(words[0]): \(error)" }
        // Read both outputs while writing, so a chatty command never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { _ = output.fileHandleForReading.readDataToEndOfFile() }
        // A command that exits without reading all of it closes the pipe: the write fails, the exit status says why.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
        try? input.fileHandleForWriting.close()
        p.waitUntilExit()
        group.wait()
        guard p.terminationStatus != 0 || p.terminationReason != .exit else { return nil }
        let stderr = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Localizer.process(CustomerText.sendmailExit, words[0], Plain(Int(p.terminationStatus)),
                                 stderr.isEmpty ? "-" : stderr.split(separator: "\n").joined(separator: " / "))
    }
}

/// The sender of notice mail: `BACKORDERS_MAIL_FROM`, else the file's `mail-from` setting (`notices --set-from`).
enum MailFrom {
    static let settingKey = "mail-from"

    static func resolve(_ w: Warehouse, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MailMessage.Address {
        let text = try environment["BACKORDERS_MAIL_FROM"].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } ?? w.setting(settingKey)
        guard let text else { throw BackorderError.refused(.t(CustomerText.noFrom)) }
        guard let address = MailMessage.Address.parse(text) else { throw BackorderError.invalid(.t(CustomerText.badFrom, text)) }
        return address
    }
}
