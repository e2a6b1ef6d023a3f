/// A notice as an Internet message (RFC 5322 with MIME, RFC 2045–2047): UTF-8 text, quoted-printable body, headers
/// that are ASCII on the wire (a display name or subject with other letters is an RFC 2047 encoded word).
///
/// Built without Foundation so the format is pure and tested byte for byte; `sendmail -t` reads the recipients from `To`.
public struct MailMessage: Sendable, Equatable {
    /// `Name <address>` or a bare address; the name may be any text.
    public struct Address: Sendable, Equatable {
        public var name: String?
        public var email: String
        public init(name: String?, email: String) { self.name = name; self.email = email }

        /// Reads `Name <address>` or `address`; nil when no valid address is in it.
        public static func parse(_ text: String) -> Address? {
            let t = text.trimmingSpaces
            if t.hasSuffix(">"), let open = t.lastIndex(of: "<") {
                let email = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmingSpaces
                var name = String(t[..<open]).trimmingSpaces
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
                guard (try? Validate.email(email)) != nil else { return nil }
                return Address(name: name.isEmpty ? nil : name, email: email)
            }
            guard (try? Validate.email(t)) != nil else { return nil }
            return Address(name: nil, email: t)
        }

        /// As a person reads it: `Name <address>`, the name as it is.
        public var display: String {
            guard let name, !name.isEmpty else { return email }
            return name + " <" + email + ">"
        }

        /// The header form: `Name <address>`, the name quoted or encoded as RFC 5322 and 2047 ask.
        public var header: String {
            guard let name, !name.isEmpty else { return email }
            return MailMessage.phrase(name) + " <" + email + ">"
        }
    }

    public var from: Address
    public var to: Address
    public var subject: String
    public var body: String
    public var date: Timestamp
    /// Without the angle brackets: `local@domain`.
    public var messageID: String
    public var language: Language

    public init(from: Address, to: Address, subject: String, body: String, date: Timestamp, messageID: String, language: Language) {
        self.from = from; self.to = to; self.subject = subject; self.body = body; self.date = date
        self.messageID = messageID; self.language = language
    }

    /// The mail of a notice: a greeting, the notice's text, a closing line with the sender's name, in the customer's
    /// language (`tr`). The Message-ID names the notice and the moment, at the sender's domain.
    public static func notice(_ n: Notice, from: Address, now: Timestamp, _ tr: Localizer) -> MailMessage? {
        guard let email = n.email else { return nil }
        let headline = n.events.last.map { $0.headline(tr) } ?? ""
        let subject = tr(NoticeText.subject, n.orderNumber, headline.hasSuffix(".") ? String(headline.dropLast()) : headline)
        let greeting = n.contact.map { tr(NoticeText.greeting, $0) } ?? tr(NoticeText.greetingNobody)
        let body = greeting + "\n\n" + n.text + "\n\n" + tr(NoticeText.regards) + "\n" + (from.name ?? from.email) + "\n"
        let domain = from.email.split(separator: "@").last.map(String.init) ?? "localhost"
        return MailMessage(from: from, to: Address(name: n.contact ?? n.customerName, email: email), subject: subject, body: body,
                           date: now, messageID: "notice-\(n.id)-\(now.unixTime)@\(domain)", language: tr.language)
    }

    /// The message as sent: headers and body, lines ending in `lineEnding` ("\n" for sendmail, "\r\n" for a file).
    public func rendered(lineEnding: String = "\n") -> String {
        let headers = [
            "From: " + from.header,
            "To: " + to.header,
            "Subject: " + MailMessage.unstructured(subject),
            "Date: " + MailMessage.date(date),
            "Message-ID: <" + messageID + ">",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Language: " + language.rawValue,
            "Auto-Submitted: auto-generated",
        ]
        var lines = headers.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        lines.append("")
        lines += MailMessage.quotedPrintable(body)
        return lines.joined(separator: lineEnding) + lineEnding
    }

    // MARK: encodings

    /// An unstructured header value (Subject): as is when printable ASCII, else RFC 2047 encoded words, folded.
    static func unstructured(_ text: String) -> String {
        let clean = text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : String($0) }.joined()
        if clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && clean.count <= 900 { return clean }
        return encodedWords(clean)
    }

    /// A display name: as is when it is plain words, quoted when it holds specials, encoded when not ASCII.
    static func phrase(_ text: String) -> String {
        let clean = text.map { $0 == "\n" || $0 == "\r" ? " " : String($0) }.joined()
        guard clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return encodedWords(clean) }
        let atext = clean.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x20 || "!#$%&'*+-/=?^_`{|}~".utf8.contains(b)
        }
        if atext { return clean }
        return "\"" + clean.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\""
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, whole characters each, folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for c in text {
            let bytes = Array(String(c).utf8)
            if chunk.count + bytes.count > 45 { words.append(chunk.base64); chunk = [] }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk.base64) }
        return words.map { "=?UTF-8?B?" + $0 + "?=" }.joined(separator: "\n ")
    }

    /// The body as quoted-printable lines (RFC 2045 6.7): at most 76 characters, soft breaks with `=`, UTF-8 bytes as `=XX`.
    static func quotedPrintable(_ body: String) -> [String] {
        var out: [String] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            let bytes = Array(line.utf8).filter { $0 != 0x0D }
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let literal = (b >= 0x21 && b <= 0x7E && b != 0x3D) || ((b == 0x20 || b == 0x09) && !last)
                let piece = literal ? String(UnicodeScalar(b)) : "=" + String(UnicodeScalar(hex[Int(b >> 4)])) + String(UnicodeScalar(hex[Int(b & 15)]))
                if current.utf8.count + piece.utf8.count > 75 { out.append(current + "="); current = "" }
                current += piece
            }
            out.append(current)
        }
        // The body's final line break ends the message; no empty quoted line after it.
        if out.last == "" && out.count > 1 { out.removeLast() }
        return out
    }

    /// RFC 5322 date-time in UTC: `Mon, 07 Dec 2026 08:00:00 +0000`.
    static func date(_ t: Timestamp) -> String {
        let day = t.day()
        let iso = Array(day.iso)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // not prose: RFC 5322 names; 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]  // not prose: RFC 5322 names
        let weekday = weekdays[((day.ordinal % 7) + 7) % 7]
        let month = months[(Int(String(iso[5...6])) ?? 1) - 1]
        let time = String(t.iso.dropFirst(11).prefix(8))
        return "\(weekday), \(String(iso[8...9])) \(month) \(String(iso[0...3])) \(time) +0000"
    }
}

extension Array where Element == UInt8 {
    /// Base64 (RFC 4648) of the bytes.
    var base64: String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < count {
            let b0 = self[i], b1 = i + 1 < count ? self[i + 1] : 0, b2 = i + 2 < count ? self[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < count ? table[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < count ? table[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingAll(_ a: String, _ b: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    /// The first range of `s` (plain comparison of characters), without Foundation.
    fileprivate func range(of s: String) -> Range<Index>? {
        guard let first = s.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(s) {
                return i..<index(i, offsetBy: s.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
