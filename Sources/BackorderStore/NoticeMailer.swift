import BackorderCore
import Foundation

/// Hands messages to the system's `sendmail -t` interface (Postfix, Exim and msmtp all provide it).
///
/// The command is `BACKORDERS_SENDMAIL` (split into words like a shell would, quotes kept together, nothing expanded),
/// else `/usr/sbin/sendmail -t -i`. It is never read from the data file: the file is shared by every clerk, and a
/// command stored in it would run under the account of whoever sends.
public struct Sendmail: Sendable {
    public static let defaultCommand = "/usr/sbin/sendmail -t -i"
    public let words: [String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
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
    public func send(_ message: String) -> String? {
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
public enum MailFrom {
    public static let settingKey = "mail-from"

    public static func resolve(_ w: some NoticeMailbox, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MailMessage.Address {
        let text = try environment["BACKORDERS_MAIL_FROM"].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } ?? w.setting(settingKey)
        guard let text else { throw BackorderError.refused(.t(CustomerText.noFrom)) }
        guard let address = MailMessage.Address.parse(text) else { throw BackorderError.invalid(.t(CustomerText.badFrom, text)) }
        return address
    }
}

extension Warehouse: NoticeMailbox {}

extension Warehouse {
    /// Mails the pending notices (one order's, or all) one by one: each is claimed in a write transaction, handed to
    /// `sendmail`, and marked sent only when it exits 0, its text frozen as mailed (see `NoticeMailRun.mail`).
    public func mailNotices(order: String?, ctx: Context) throws -> [NoticeMailing] {
        try NoticeMailer.mail(self, order: order, dryRun: nil, ctx: ctx)
    }

    /// See `mailNotices(order:ctx:)`; with `dryRun` (a folder) each message is written there as ORDER-ID.eml instead.
    public func mailNotices(order: String?, dryRun: String?, ctx: Context,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [NoticeMailing] {
        try NoticeMailer.mail(self, order: order, dryRun: dryRun, ctx: ctx, environment: environment)
    }
}

/// Mailing notices from a file or a server: the sender, `sendmail` and a dry run's folder around the shared
/// claim/send/finish loop (`NoticeMailRun`).
public enum NoticeMailer {
    /// Mails the pending notices of `box` (one order's, or all); with `dryRun` (a folder) each message is written
    /// there as ORDER-ID.eml instead and nothing is claimed or marked. Two runs at once never mail the same one.
    public static func mail(_ box: some NoticeMailbox, order: String?, dryRun: String?, ctx: Context,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [NoticeMailing] {
        let from = try MailFrom.resolve(box, environment: environment)
        let sendmail = dryRun == nil ? try Sendmail(environment: environment) : nil
        if let dryRun { try FileManager.default.createDirectory(atPath: dryRun, withIntermediateDirectories: true) }
        // Whose claim this is: two clerks (or two runs) never mistake each other's.
        let token = "\(ctx.actor)@\(ProcessInfo.processInfo.hostName):\(getpid()):\(ctx.now.unixTime)"
        let write = dryRun.map { folder in
            { (n: Notice, m: MailMessage) throws -> String in
                let path = (folder as NSString).appendingPathComponent("\(n.orderNumber)-\(n.id).eml")
                try Data(m.rendered(lineEnding: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
                return path
            }
        }
        return try NoticeMailRun.mail(box, order: order, from: from, token: token, ctx: ctx, write: write,
                                      send: { sendmail!.send($0) })
    }
}
