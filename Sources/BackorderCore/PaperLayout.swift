/// Pick lists and delivery notes as plain text for an A4 printer or a terminal: at most 78 columns (long item names
/// wrap inside their column), UTF-8 with æøå as they are, control characters in the data shown as `^[` and never sent.
public enum PaperLayout {
    /// Columns a line may use: an A4 page in a 10-pitch font, or an 80-column terminal with a border.
    public static let width = 78

    /// A pick list in the warehouse's language (`tr`), dated `today`.
    public static func pickList(_ list: PickList, warehouse: String, today: Day, _ tr: Localizer) -> String {
        var out = heading(tr(PaperText.pickListHeading), warehouse)
        var fields: [(String, [String])] = [(tr(PaperText.dateLabel), [tr.day(today)])]
        // The usual priority (5) is not worth a word; any other tells the picker which order goes first.
        let summaries = list.orders.map { o in
            tr(o.priority != 5 ? PaperText.orderSummaryPriority : PaperText.orderSummary, clean(o.number), clean(o.customerName),
               clean(o.customerCode), o.orderDate, Plain(o.priority))
        }
        fields.append((tr(list.orders.count == 1 ? PaperText.orderLabel : PaperText.ordersLabel), summaries))
        out += labelled(fields)
        for o in list.orders where !o.note.isEmpty { out += wrap(tr(PaperText.noteLine, o.number, clean(o.note)), width) }
        out.append("")
        if list.lines.isEmpty {
            out.append(tr(PaperText.nothingToPick))
        } else {
            // The header names each order's customer: the rows keep their room for the item's name.
            let columns = [Column(tr(PaperText.colBin)), Column(tr(PaperText.colSKU)), Column(tr(PaperText.colItem), flexible: true),
                           Column(tr(PaperText.colQty), right: true), Column(tr(PaperText.colUnit)), Column(tr(PaperText.colOrderLine)),
                           Column(tr(PaperText.colPicked))]
            let rows = list.lines.map { l -> [String] in
                [l.bin.isEmpty ? tr(PaperText.noBin) : clean(l.bin), clean(l.sku), clean(l.itemName), tr.number(l.quantity), clean(l.unit),
                 "\(clean(l.orderNumber))/\(l.lineNo)", "______"]
            }
            out += table(columns, rows)
            out.append("")
            out.append(tr(PaperText.pickTotals, list.lines.count, list.units))
        }
        out += ["", "", tr(PaperText.pickSignature)]
        return finish(out)
    }

    /// A delivery note in the reader's language (`tr`: the customer's, see `DeliveryNote.readerLanguage`), as of `today`.
    public static func deliveryNote(_ note: DeliveryNote, warehouse: String, today: Day, _ tr: Localizer) -> String {
        var out = heading(tr(PaperText.deliveryNoteHeading), warehouse)
        var fields: [(String, [String])] = [
            (tr(PaperText.customerLabel), ["\(clean(note.customerName)) (\(clean(note.customerCode)))"] + note.addressLines.map(clean)),
            (tr(PaperText.orderLabel), [tr(PaperText.orderPlaced, clean(note.orderNumber), note.orderDate)]),
            (tr(PaperText.shipmentLabel), [tr(PaperText.shipmentInfo, clean(note.shipment.number), note.shipment.day, Plain(note.sequence))]),
        ]
        if !note.note.isEmpty { fields.append((tr(PaperText.noteLabel), [clean(note.note)])) }
        fields.append((tr(PaperText.printedLabel), [tr.day(today)]))
        out += labelled(fields)

        out += section(tr(PaperText.inThisShipment))
        out += lineTable(note.shipment.lines, tr)

        out += section(tr(PaperText.deliveredBefore))
        if note.earlier.isEmpty { out.append(tr(PaperText.nothingBefore)) } else { out += shipmentTable(note.earlier, tr) }
        if !note.later.isEmpty {
            out += section(tr(PaperText.shippedAfter))
            out += shipmentTable(note.later, tr)
        }

        out += section(tr(PaperText.stillToCome, today))
        if note.outstanding.isEmpty {
            out.append(tr(PaperText.nothingRemains))
        } else {
            var rows: [[String]] = []
            for o in note.outstanding {
                for (i, p) in o.parts.enumerated() {
                    let when: String
                    if p.inStock { when = tr(PaperText.inStock) } else if let d = p.expected {
                        when = d < today ? tr(PaperText.delayed, d) : tr.day(d)
                    } else {
                        when = tr(PaperText.noDateYet)
                    }
                    rows.append(i == 0 ? [String(o.lineNo), clean(o.sku), clean(o.itemName), tr.number(p.quantity), clean(o.unit), when]
                                       : ["", "", "", tr.number(p.quantity), clean(o.unit), when])
                }
            }
            out += table([Column(tr(PaperText.colLine), right: true), Column(tr(PaperText.colSKU)),
                          Column(tr(PaperText.colItem), flexible: true), Column(tr(PaperText.colQty), right: true),
                          Column(tr(PaperText.colUnit)), Column(tr(PaperText.colExpected))], rows)
        }
        if !note.cancelled.isEmpty {
            out += section(tr(PaperText.cancelledHeading))
            out += lineTable(note.cancelled, tr)
        }
        out += ["", tr(PaperText.questions, clean(note.orderNumber)), "", "", tr(PaperText.receivedSignature)]
        return finish(out)
    }

    // MARK: pieces

    static func lineTable(_ lines: [DeliveryNote.Line], _ tr: Localizer) -> [String] {
        table([Column(tr(PaperText.colLine), right: true), Column(tr(PaperText.colSKU)), Column(tr(PaperText.colItem), flexible: true),
               Column(tr(PaperText.colQty), right: true), Column(tr(PaperText.colUnit))],
              lines.map { [String($0.lineNo), clean($0.sku), clean($0.itemName), tr.number($0.quantity), clean($0.unit)] })
    }

    static func shipmentTable(_ shipments: [DeliveryNote.Shipped], _ tr: Localizer) -> [String] {
        var rows: [[String]] = []
        for s in shipments {
            for (i, l) in s.lines.enumerated() {
                rows.append((i == 0 ? [clean(s.number), tr.day(s.day)] : ["", ""])
                            + [String(l.lineNo), clean(l.sku), clean(l.itemName), tr.number(l.quantity), clean(l.unit)])
            }
        }
        return table([Column(tr(PaperText.colShipment)), Column(tr(PaperText.colDate)), Column(tr(PaperText.colLine), right: true),
                      Column(tr(PaperText.colSKU)), Column(tr(PaperText.colItem), flexible: true), Column(tr(PaperText.colQty), right: true),
                      Column(tr(PaperText.colUnit))], rows)
    }

    /// The paper's name on the left, the warehouse on the right, a double rule under them.
    static func heading(_ title: String, _ warehouse: String) -> [String] {
        let w = clean(warehouse)
        let gap = width - columns(title) - columns(w)
        let top = gap >= 2 ? [title + String(repeating: " ", count: gap) + w] : [title, w]
        return top + [String(repeating: "=", count: width), ""]
    }

    static func section(_ title: String) -> [String] { ["", title] }

    /// `Label:  value` lines, the values in one column; a long value wraps in it.
    static func labelled(_ fields: [(String, [String])]) -> [String] {
        let labelWidth = (fields.map { columns($0.0) }.max() ?? 0) + 2
        var out: [String] = []
        for (label, values) in fields {
            var first = true
            for v in values {
                for piece in wrap(v, width - labelWidth) {
                    out.append((first ? pad(label, labelWidth) : String(repeating: " ", count: labelWidth)) + piece)
                    first = false
                }
            }
        }
        return out
    }

    struct Column {
        var header: String
        var right = false
        var flexible = false
        init(_ header: String, right: Bool = false, flexible: Bool = false) { self.header = header; self.right = right; self.flexible = flexible }
    }

    /// A table with a header and a rule; the flexible column takes the room left and wraps, the others keep their width.
    static func table(_ cols: [Column], _ rows: [[String]]) -> [String] {
        var widths = cols.map { columns($0.header) }
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], columns(c)) } }
        if let f = cols.firstIndex(where: \.flexible) {
            let fixed = widths.enumerated().filter { $0.offset != f }.reduce(0) { $0 + $1.element } + 2 * (cols.count - 1)
            widths[f] = max(min(widths[f], width - fixed), 12)
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in pad(c, widths[i], right: cols[i].right) }.joined(separator: "  ")
        }
        var out = [line(cols.map(\.header)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for r in rows {
            let wrapped = cols.enumerated().map { i, c in c.flexible ? wrap(r[i], widths[i]) : [r[i]] }
            let height = wrapped.map(\.count).max() ?? 1
            for k in 0..<height { out.append(line(wrapped.map { k < $0.count ? $0[k] : "" })) }
        }
        return out
    }

    static func finish(_ lines: [String]) -> String {
        lines.map { l in
            var s = Substring(l)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.joined(separator: "\n") + "\n"
    }

    // MARK: text

    /// Data made safe to print: control characters as caret notation (`^[`), invisible format characters (bidi
    /// overrides) dropped, everything else (æøå, CJK) as it is.
    public static func clean(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x20 || v == 0x7F {
                out.append("^")
                out.append(v == 0x7F ? "?" : Unicode.Scalar(UInt8(v + 0x40)))
            } else if (0x80...0x9F).contains(v) {
                out.append(contentsOf: "<\(String(v, radix: 16, uppercase: true))>".unicodeScalars)
            } else if u.properties.generalCategory == .format && v != 0x200C && v != 0x200D {
                continue
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// Columns a character takes on a terminal or a monospaced page: 2 for CJK and emoji, else 1.
    static func columns(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value, v >= 0x1100 else { return 1 }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    static func columns(_ s: String) -> Int {
        s.utf8.allSatisfy({ $0 < 0x80 }) ? s.utf8.count : s.reduce(0) { $0 + columns($1) }
    }

    static func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, w - columns(s)))
        return right ? gap + s : s + gap
    }

    /// Words in lines of at most `w` columns; a word longer than a line is cut where the line ends.
    static func wrap(_ s: String, _ w: Int) -> [String] {
        guard columns(s) > w, w > 0 else { return [s] }
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            while columns(word) > w {
                if !current.isEmpty { lines.append(current); current = "" }
                var head = "", used = 0
                for c in word {
                    if used + columns(c) > w { break }
                    head.append(c); used += columns(c)
                }
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            if current.isEmpty {
                current = word
            } else if columns(current) + 1 + columns(word) <= w {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
