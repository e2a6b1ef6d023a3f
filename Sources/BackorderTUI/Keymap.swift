import BackorderCore
import TerminalKit

/// Where the keyboard is: each binding says in which of these it works.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    /// The lists.
    case panes
    /// An order shown in full.
    case detail
    /// Typing a `/` filter.
    case filter
    /// A dialog is open.
    case dialog
    /// The help screen.
    case help
    /// A read-only text (customer status, arrival history).
    case text
    /// The supervisor's reports.
    case reports
    /// The customer notices to send.
    case notices
}

/// Everything a key can ask for; the reducer gives each its meaning.
public enum Command: Hashable, Sendable {
    case quit, suspend, redraw, refresh
    case up, down, pageUp, pageDown, top, bottom
    case nextPane, previousPane, focus(PaneKind)
    case open, back
    case filter, sortNext, sortReverse
    case followSKU
    case help
    /// Switch the session's language (English, Norwegian).
    case switchLanguage
    case pick, ship, receive, editETA, addArrival, cancel, customerStatus
    /// The order's customer: its details, and (when the file is writable) a change of language, e-mail and contact.
    case customer
    /// The everyday exceptions.
    case putBack, changeOrder, expedite, reallocate, amend, addLine, returnUnits, reverseReceipt
    /// Take a new order at the terminal.
    case newOrder
    /// Explain the selected backorder line's promised date (on an order: every waiting line's).
    case whyDate
    /// Shortage report: mark an item for purchase; buy the marked items.
    case mark, purchase
    /// Set the selected item's default supplier and lead time.
    case setSupplier
    /// Reports: open (or next), previous, and the service-level period.
    case reports, nextReport, previousReport, previousPeriod, nextPeriod
    /// Notices: open the to-inform view, mark the selected one sent, mark all sent.
    case notices, markSent, markAllSent
    /// Notices: e-mail the selected one, e-mail every pending one (after a confirmation).
    case mailNotice, mailAllNotices
    /// Write the list or report shown as a CSV file.
    case export
    /// Papers: the order's pick list, its latest delivery note, and print the text shown.
    case pickList, deliveryNote, printText
    /// Dialog keys.
    case confirm, dismiss, yes, no, override
}

/// One entry of the keymap: the keys, what they do, where, and how help and the hint bar show them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short label for the key hint bar (a catalogue key: rendered in the session's language).
    public var label: KeyText
    /// Sentence for the help screen.
    public var help: KeyHelpText
    /// Help section title.
    public var section: KeyText
    /// Contexts the binding works in.
    public var contexts: Set<KeyContext>
    /// True for keys that change the data file: disabled when the file is open read-only.
    public var writes: Bool
    /// Contexts whose hint bar shows this binding (most important first in `Keymap.bindings`).
    public var hintIn: Set<KeyContext>
    /// Keys as shown in help and hints; nil joins the keys' own names.
    public var keyLabel: String?

    public init(_ keys: [Key], _ command: Command, label: KeyText, help: KeyHelpText, section: KeyText,
                in contexts: Set<KeyContext>, writes: Bool = false, hintIn: Set<KeyContext> = [], keyLabel: String? = nil) {
        self.keys = keys
        self.command = command
        self.label = label
        self.help = help
        self.section = section
        self.contexts = contexts
        self.writes = writes
        self.hintIn = hintIn
        self.keyLabel = keyLabel
    }

    /// The keys as shown to the clerk.
    public var shownKeys: String { shownKeys(.process) }

    /// The keys as shown to the clerk in `tr`'s language (the space bar is named in it).
    public func shownKeys(_ tr: Localizer) -> String {
        keyLabel ?? keys.map { $0 == .char(" ") ? tr(KeyText.spaceBar) : $0.description }.joined(separator: "/")
    }
}

/// The keymap as data: it dispatches keys, writes the `?` help and fills the key hint bar.
public enum Keymap {
    private static let lists: Set<KeyContext> = [.panes, .detail]
    private static let navigation: Set<KeyContext> = [.panes, .detail, .help, .text, .reports, .notices]
    /// The full screens (not overlays): panes, an order, the reports, the notices.
    private static let screens: Set<KeyContext> = [.panes, .detail, .reports, .notices]
    /// Where a view is one key away.
    private static let views: Set<KeyContext> = [.panes, .reports, .notices]

    /// Every binding, most important first within each context (the hint bar keeps the first that fit).
    public static let bindings: [KeyBinding] = [
        // Actions first: the hint bar shows what a clerk does most.
        KeyBinding([.char("p")], .pick, label: .pick, help: .pick, section: .sectionActions, in: lists, writes: true, hintIn: lists),
        KeyBinding([.char("s")], .ship, label: .ship, help: .ship, section: .sectionActions, in: lists, writes: true, hintIn: lists),
        KeyBinding([.char("r")], .receive, label: .receive, help: .receive, section: .sectionActions, in: lists, writes: true, hintIn: [.panes]),
        KeyBinding([.char("x")], .cancel, label: .cancel, help: .cancel, section: .sectionActions, in: lists, writes: true, hintIn: [.detail]),
        KeyBinding([.char("e")], .editETA, label: .eta, help: .editETA, section: .sectionActions, in: [.panes], writes: true),
        KeyBinding([.char("a")], .addArrival, label: .addArrival, help: .addArrival, section: .sectionActions, in: [.panes], writes: true),
        KeyBinding([.char("c")], .customerStatus, label: .customerStatus, help: .customerStatus, section: .sectionActions,
                   in: lists, hintIn: [.detail]),
        // Not a write key: a read-only session sees the details; the dialog itself refuses the change.
        KeyBinding([.char("K")], .customer, label: .customer, help: .customer, section: .sectionActions, in: lists),
        KeyBinding([.char("N")], .newOrder, label: .newOrder, help: .newOrder, section: .sectionActions, in: [.panes], writes: true,
                   hintIn: [.panes]),
        KeyBinding([.char("U")], .expedite, label: .serveFirst, help: .expedite, section: .sectionExceptions, in: lists, writes: true,
                   hintIn: [.detail]),
        KeyBinding([.char("t")], .reallocate, label: .giveStock, help: .reallocate, section: .sectionExceptions, in: lists, writes: true),
        KeyBinding([.char("P")], .changeOrder, label: .priority, help: .changeOrder, section: .sectionExceptions, in: lists, writes: true),
        KeyBinding([.char("A")], .amend, label: .quantity, help: .amend, section: .sectionExceptions, in: lists, writes: true),
        KeyBinding([.char("+")], .addLine, label: .addLine, help: .addLine, section: .sectionExceptions, in: lists, writes: true),
        KeyBinding([.char("u")], .putBack, label: .putBack, help: .putBack, section: .sectionExceptions, in: lists, writes: true),
        KeyBinding([.char("b")], .returnUnits, label: .returnUnits, help: .returnUnits, section: .sectionExceptions, in: [.detail], writes: true),
        KeyBinding([.char("V")], .reverseReceipt, label: .reverseReceipt, help: .reverseReceipt, section: .sectionExceptions,
                   in: [.panes], writes: true),
        KeyBinding([.char("y")], .whyDate, label: .whyDate, help: .whyDate, section: .sectionActions, in: lists),
        KeyBinding([.char("f")], .followSKU, label: .followSKU, help: .followSKU, section: .sectionActions, in: [.panes]),

        // The notice keys lead the to-inform view's hint bar.
        KeyBinding([.char("m")], .markSent, label: .markSent, help: .markSent, section: .sectionNotices,
                   in: [.notices], writes: true, hintIn: [.notices]),
        KeyBinding([.char("M")], .markAllSent, label: .allSent, help: .markAllSent, section: .sectionNotices,
                   in: [.notices], writes: true, hintIn: [.notices]),
        KeyBinding([.char("e")], .mailNotice, label: .mail, help: .mailNotice, section: .sectionNotices,
                   in: [.notices], writes: true, hintIn: [.notices]),
        KeyBinding([.char("E")], .mailAllNotices, label: .mailAll, help: .mailAllNotices, section: .sectionNotices,
                   in: [.notices], writes: true),

        KeyBinding([.enter], .open, label: .open, help: .open, section: .sectionMoving, in: views, hintIn: views),
        KeyBinding([.char("/")], .filter, label: .filter, help: .filter, section: .sectionMoving, in: [.panes], hintIn: [.panes]),
        KeyBinding([.tab], .nextPane, label: .nextPane, help: .nextPane, section: .sectionMoving, in: [.panes]),
        KeyBinding([.backTab], .previousPane, label: .previousPane, help: .previousPane, section: .sectionMoving, in: [.panes]),
        KeyBinding([.char("1")], .focus(.orders), label: .orders, help: .orders, section: .sectionMoving, in: views, keyLabel: "1"),
        KeyBinding([.char("2")], .focus(.backorders), label: .backorders, help: .backorders, section: .sectionMoving, in: views, keyLabel: "2"),
        KeyBinding([.char("3")], .focus(.arrivals), label: .arrivals, help: .arrivals, section: .sectionMoving, in: views, keyLabel: "3"),
        KeyBinding([.char("4")], .focus(.stock), label: .stock, help: .stock, section: .sectionMoving, in: views, keyLabel: "4"),
        KeyBinding([.up, .char("k")], .up, label: .up, help: .up, section: .sectionMoving, in: navigation),
        KeyBinding([.down, .char("j")], .down, label: .down, help: .down, section: .sectionMoving, in: navigation,
                   hintIn: [.help, .text], keyLabel: "↓/j"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, label: .pageUp, help: .pageUp, section: .sectionMoving, in: navigation),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, label: .pageDown, help: .pageDown, section: .sectionMoving, in: navigation),
        KeyBinding([.home, .char("g")], .top, label: .first, help: .top, section: .sectionMoving, in: navigation),
        KeyBinding([.end, .char("G")], .bottom, label: .last, help: .bottom, section: .sectionMoving, in: navigation),
        KeyBinding([.char("o")], .sortNext, label: .sort, help: .sortNext, section: .sectionMoving, in: [.panes]),
        KeyBinding([.char("O")], .sortReverse, label: .reverseSort, help: .sortReverse, section: .sectionMoving, in: [.panes]),
        KeyBinding([.escape], .back, label: .back, help: .back, section: .sectionMoving,
                   in: [.panes, .detail, .help, .text, .reports, .notices], hintIn: [.detail, .help, .text, .reports, .notices]),

        KeyBinding([.char("?")], .help, label: .help, help: .help, section: .sectionGeneral,
                   in: [.panes, .detail, .help, .reports, .notices], hintIn: [.panes, .detail, .reports, .notices]),
        // The session's language, for a clerk who reads the other one better (the status bar shows which).
        KeyBinding([.char("L")], .switchLanguage, label: .language, help: .language, section: .sectionGeneral, in: screens),
        KeyBinding([.ctrl("r")], .refresh, label: .reload, help: .refresh, section: .sectionGeneral, in: screens),
        KeyBinding([.ctrl("l")], .redraw, label: .redraw, help: .redraw, section: .sectionGeneral, in: screens),
        KeyBinding([.ctrl("z")], .suspend, label: .suspend, help: .suspend, section: .sectionGeneral, in: screens),
        KeyBinding([.char("q")], .quit, label: .quit, help: .quit, section: .sectionGeneral,
                   in: [.panes, .detail, .help, .text, .reports, .notices], hintIn: [.panes, .detail, .reports, .notices]),
        KeyBinding([.ctrl("c")], .quit, label: .quit, help: .quitAnywhere, section: .sectionGeneral, in: Set(KeyContext.allCases)),

        KeyBinding([.char("R")], .reports, label: .reports, help: .reports, section: .sectionReports, in: views, hintIn: [.panes, .notices]),
        KeyBinding([.char("n")], .notices, label: .notices, help: .notices, section: .sectionNotices, in: views, hintIn: [.panes, .reports]),
        KeyBinding([.tab], .nextReport, label: .nextReport, help: .nextReport, section: .sectionReports, in: [.reports], hintIn: [.reports]),
        KeyBinding([.backTab], .previousReport, label: .previousReport, help: .previousReport, section: .sectionReports, in: [.reports]),
        KeyBinding([.char(" ")], .mark, label: .mark, help: .mark, section: .sectionReports, in: [.reports]),
        KeyBinding([.char("P")], .purchase, label: .purchase, help: .purchase, section: .sectionReports, in: [.reports], writes: true),
        KeyBinding([.char("S")], .setSupplier, label: .supplier, help: .setSupplier, section: .sectionActions,
                   in: [.panes, .reports], writes: true),
        KeyBinding([.char("[")], .previousPeriod, label: .earlier, help: .previousPeriod, section: .sectionReports, in: [.reports]),
        KeyBinding([.char("]")], .nextPeriod, label: .later, help: .nextPeriod, section: .sectionReports, in: [.reports]),
        KeyBinding([.char("w")], .export, label: .csv, help: .export, section: .sectionExport, in: views, hintIn: views),

        KeyBinding([.char("l")], .pickList, label: .pickList, help: .pickList, section: .sectionPapers, in: lists),
        KeyBinding([.char("d")], .deliveryNote, label: .deliveryNote, help: .deliveryNote, section: .sectionPapers, in: lists),
        KeyBinding([.char("p")], .printText, label: .print, help: .printText, section: .sectionPapers, in: [.text]),

        KeyBinding([.enter], .confirm, label: .ok, help: .confirm, section: .sectionDialogs, in: [.dialog, .filter], hintIn: [.filter]),
        KeyBinding([.escape], .dismiss, label: .dismiss, help: .dismiss, section: .sectionDialogs, in: [.dialog, .filter], hintIn: [.filter]),
        KeyBinding([.char("y")], .yes, label: .yes, help: .yes, section: .sectionDialogs, in: [.dialog]),
        KeyBinding([.char("n")], .no, label: .no, help: .no, section: .sectionDialogs, in: [.dialog]),
        KeyBinding([.char("O")], .override, label: .override, help: .override, section: .sectionDialogs, in: [.dialog]),
    ]

    /// The binding a key triggers in a context, if any.
    public static func binding(for key: Key, in context: KeyContext) -> KeyBinding? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }
    }

    /// Help sections built from the keymap, in `tr`'s language; write keys are marked when the file is read-only.
    public static func helpSections(readOnly: Bool, _ tr: Localizer = .process) -> [HelpView.Section] {
        var order: [KeyText] = []
        var entries: [KeyText: [HelpView.Entry]] = [:]
        var seen = Set<String>()
        for b in bindings {
            let key = b.section.rawValue + "\u{0}" + b.shownKeys(tr) + "\u{0}" + b.help.rawValue
            guard seen.insert(key).inserted else { continue }
            if entries[b.section] == nil { order.append(b.section) }
            let text = b.writes && readOnly ? tr(KeyText.disabledReadOnly, tr(b.help)) : tr(b.help)
            entries[b.section, default: []].append(HelpView.Entry(b.shownKeys(tr), text))
        }
        return order.map { HelpView.Section(tr($0), entries[$0] ?? []) }
    }

    /// The commands a context's hint bar shows first, in this order, before its other hints (in the keymap's order): what
    /// must fit 80 columns in either language. The panes keep the clerk's actions, the filter, the reports (how a
    /// supervisor finds them), help and quit; Enter (the start message names it), notices and CSV follow where there is room.
    /// An order and the notices keep Esc right after their main keys, so that at 40 columns the way back is still shown.
    static let hintsFirst: [KeyContext: [Command]] = [
        .panes: [.pick, .ship, .receive, .newOrder, .filter, .reports, .help, .quit],
        .detail: [.pick, .ship, .back],
        .notices: [.markSent, .markAllSent, .back],
    ]

    /// The hints for a context's hint bar in `tr`'s language, with whether each is disabled (a write key on a read-only file).
    public static func hints(in context: KeyContext, readOnly: Bool, _ tr: Localizer = .process)
        -> [(hint: KeyHintBar.Hint, disabled: Bool)] {
        let shown = bindings.filter { $0.hintIn.contains(context) }
        let first = hintsFirst[context] ?? []
        let ordered = first.compactMap { c in shown.first { $0.command == c } } + shown.filter { !first.contains($0.command) }
        return ordered.map { (KeyHintBar.Hint($0.shownKeys(tr), tr($0.label)), $0.writes && readOnly) }
    }
}
