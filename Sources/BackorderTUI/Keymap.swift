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
    case pick, ship, receive, editETA, addArrival, cancel, customerStatus
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
    /// Dialog keys.
    case confirm, dismiss, yes, no, override
}

/// One entry of the keymap: the keys, what they do, where, and how help and the hint bar show them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short label for the key hint bar.
    public var label: String
    /// Sentence for the help screen.
    public var help: String
    /// Help section title.
    public var section: String
    /// Contexts the binding works in.
    public var contexts: Set<KeyContext>
    /// True for keys that change the data file: disabled when the file is open read-only.
    public var writes: Bool
    /// Contexts whose hint bar shows this binding (most important first in `Keymap.bindings`).
    public var hintIn: Set<KeyContext>
    /// Keys as shown in help and hints; nil joins the keys' own names.
    public var keyLabel: String?

    public init(_ keys: [Key], _ command: Command, label: String, help: String, section: String,
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
    public var shownKeys: String { keyLabel ?? keys.map(\.description).joined(separator: "/") }
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
        KeyBinding([.char("p")], .pick, label: "Pick",
                   help: "Pick the order: a quantity per line, all allocated by default; less is a short pick", section: "Actions",
                   in: lists, writes: true, hintIn: lists),
        KeyBinding([.char("s")], .ship, label: "Ship",
                   help: "Ship everything picked on the order; lists what ships and what stays backordered first", section: "Actions",
                   in: lists, writes: true, hintIn: lists),
        KeyBinding([.char("r")], .receive, label: "Receive",
                   help: "Book a receipt on the selected (or a named) arrival, or unplanned for a SKU; shows which orders got what",
                   section: "Actions", in: lists, writes: true, hintIn: [.panes]),
        KeyBinding([.char("x")], .cancel, label: "Cancel",
                   help: "Cancel what is open (the selected backorder line, else the order): everything not picked, or only the backorder",
                   section: "Actions", in: lists, writes: true, hintIn: [.detail]),
        KeyBinding([.char("e")], .editETA, label: "ETA", help: "Change the selected arrival's ETA (the old date stays in its history)",
                   section: "Actions", in: [.panes], writes: true),
        KeyBinding([.char("a")], .addArrival, label: "Add arrival", help: "Add an expected arrival (a purchase order line)",
                   section: "Actions", in: [.panes], writes: true),
        KeyBinding([.char("c")], .customerStatus, label: "Cust. status", help: "Show the text to tell the customer about the order",
                   section: "Actions", in: lists, hintIn: [.detail]),
        KeyBinding([.char("N")], .newOrder, label: "New order",
                   help: "Take a new order: customer and items found as you type; each line shows what it gets before you confirm",
                   section: "Actions", in: [.panes], writes: true, hintIn: [.panes]),
        KeyBinding([.char("U")], .expedite, label: "Serve first",
                   help: "Serve the order first: priority 1, and stock given to its waiting lines from the least urgent, newest orders",
                   section: "Exceptions", in: lists, writes: true, hintIn: [.detail]),
        KeyBinding([.char("t")], .reallocate, label: "Give stock",
                   help: "Give a waiting line units allocated to other orders (proposed: least urgent, newest first; or name them)",
                   section: "Exceptions", in: lists, writes: true),
        KeyBinding([.char("P")], .changeOrder, label: "Priority",
                   help: "Change the order's priority, ship policy or note; waiting lines move in the queue at once",
                   section: "Exceptions", in: lists, writes: true),
        KeyBinding([.char("A")], .amend, label: "Quantity", help: "Change a line's quantity (down: backordered units go first)",
                   section: "Exceptions", in: lists, writes: true),
        KeyBinding([.char("+")], .addLine, label: "Add line", help: "Add a line to the order", section: "Exceptions", in: lists, writes: true),
        KeyBinding([.char("u")], .putBack, label: "Put back", help: "Put picked units back on the shelf (allocated again): undo a pick",
                   section: "Exceptions", in: lists, writes: true),
        KeyBinding([.char("b")], .returnUnits, label: "Return",
                   help: "Shipped units came back from the customer: restock (waiting lines are served) or scrap",
                   section: "Exceptions", in: [.detail], writes: true),
        KeyBinding([.char("V")], .reverseReceipt, label: "Reverse receipt",
                   help: "Reverse a receipt booked in error (wrong PO or quantity): units it gave that are not picked come back",
                   section: "Exceptions", in: [.panes], writes: true),
        KeyBinding([.char("y")], .whyDate, label: "Why date",
                   help: "Why this promised date: the backorder line's place in its SKU's queue, the arrivals, and what would make it "
                       + "earlier (on an order: every waiting line)",
                   section: "Actions", in: lists),
        KeyBinding([.char("f")], .followSKU, label: "Follow SKU",
                   help: "Follow the selected row's SKU: arrivals and stock restricted to exactly that SKU, the arrivals pane focused",
                   section: "Actions", in: [.panes]),

        // The notice keys lead the to-inform view's hint bar.
        KeyBinding([.char("m")], .markSent, label: "Mark sent",
                   help: "Mark the selected notice sent (its text is frozen as sent)", section: "Customer notices",
                   in: [.notices], writes: true, hintIn: [.notices]),
        KeyBinding([.char("M")], .markAllSent, label: "All sent",
                   help: "Mark every pending notice sent, after a confirmation", section: "Customer notices",
                   in: [.notices], writes: true, hintIn: [.notices]),
        KeyBinding([.char("e")], .mailNotice, label: "E-mail",
                   help: "E-mail the selected notice to its customer (sendmail); marked sent when accepted", section: "Customer notices",
                   in: [.notices], writes: true),
        KeyBinding([.char("E")], .mailAllNotices, label: "E-mail all",
                   help: "E-mail every pending notice, after a confirmation", section: "Customer notices",
                   in: [.notices], writes: true),

        KeyBinding([.enter], .open, label: "Open",
                   help: "Open the selected order (lines, shipments, history), an arrival's history, an age bucket's lines, "
                       + "a short item's or a backlog customer's backorder lines, or a notice's whole text",
                   section: "Moving around", in: views, hintIn: views),
        KeyBinding([.char("/")], .filter, label: "Filter",
                   help: "Filter the pane as you type (order, customer, SKU, item, PO, supplier); Enter keeps it, Esc drops it",
                   section: "Moving around", in: [.panes], hintIn: [.panes]),
        KeyBinding([.tab], .nextPane, label: "Next pane", help: "Next pane", section: "Moving around", in: [.panes]),
        KeyBinding([.backTab], .previousPane, label: "Previous pane", help: "Previous pane", section: "Moving around", in: [.panes]),
        KeyBinding([.char("1")], .focus(.orders), label: "Orders", help: "Open orders", section: "Moving around", in: views, keyLabel: "1"),
        KeyBinding([.char("2")], .focus(.backorders), label: "Backorders", help: "Backorder lines", section: "Moving around", in: views, keyLabel: "2"),
        KeyBinding([.char("3")], .focus(.arrivals), label: "Arrivals", help: "Expected arrivals", section: "Moving around", in: views, keyLabel: "3"),
        KeyBinding([.char("4")], .focus(.stock), label: "Stock", help: "Stock", section: "Moving around", in: views, keyLabel: "4"),
        KeyBinding([.up, .char("k")], .up, label: "Up", help: "Move up", section: "Moving around", in: navigation),
        KeyBinding([.down, .char("j")], .down, label: "Down", help: "Move down", section: "Moving around", in: navigation,
                   hintIn: [.help, .text], keyLabel: "↓/j"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, label: "Page up", help: "One page up", section: "Moving around", in: navigation),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, label: "Page down", help: "One page down", section: "Moving around", in: navigation),
        KeyBinding([.home, .char("g")], .top, label: "First", help: "First row", section: "Moving around", in: navigation),
        KeyBinding([.end, .char("G")], .bottom, label: "Last", help: "Last row", section: "Moving around", in: navigation),
        KeyBinding([.char("o")], .sortNext, label: "Sort",
                   help: "Sort the whole list by the next column, with its filter and SKU or customer (after the last column: "
                       + "the list's own order again); the pane starts at its first row",
                   section: "Moving around", in: [.panes]),
        KeyBinding([.char("O")], .sortReverse, label: "Reverse sort",
                   help: "Reverse the sort of the whole list (unsorted: the list's own order reversed)", section: "Moving around", in: [.panes]),
        KeyBinding([.escape], .back, label: "Back",
                   help: "Back: close the order, drop the pane's filter (then its SKU or customer restriction), close a bucket's lines, "
                       + "or leave the reports or notices",
                   section: "Moving around", in: [.panes, .detail, .help, .text, .reports, .notices],
                   hintIn: [.detail, .help, .text, .reports, .notices]),

        KeyBinding([.char("?")], .help, label: "Help", help: "This help (generated from the keymap)", section: "General",
                   in: [.panes, .detail, .help, .reports, .notices], hintIn: [.panes, .detail, .reports, .notices]),
        KeyBinding([.ctrl("r")], .refresh, label: "Reload", help: "Reload now (changes by others show up within a second anyway)",
                   section: "General", in: screens),
        KeyBinding([.ctrl("l")], .redraw, label: "Redraw", help: "Repaint the whole screen", section: "General", in: screens),
        KeyBinding([.ctrl("z")], .suspend, label: "Suspend", help: "Suspend to the shell (fg to come back)", section: "General", in: screens),
        KeyBinding([.char("q")], .quit, label: "Quit", help: "Quit (q closes help and texts first)", section: "General",
                   in: [.panes, .detail, .help, .text, .reports, .notices], hintIn: [.panes, .detail, .reports, .notices]),
        KeyBinding([.ctrl("c")], .quit, label: "Quit", help: "Quit, from anywhere", section: "General",
                   in: Set(KeyContext.allCases)),

        KeyBinding([.char("R")], .reports, label: "Reports",
                   help: "Reports: aging, shortage and reorder, late arrivals, service level, customer backlog (R again: the next)",
                   section: "Reports", in: views, hintIn: [.panes, .notices]),
        KeyBinding([.char("n")], .notices, label: "Notices",
                   help: "Customer notices to send (to inform): order, customer, events and the text ready to send",
                   section: "Customer notices", in: views, hintIn: [.panes, .reports]),
        KeyBinding([.tab], .nextReport, label: "Next report", help: "Next report", section: "Reports", in: [.reports], hintIn: [.reports]),
        KeyBinding([.backTab], .previousReport, label: "Previous report", help: "Previous report", section: "Reports", in: [.reports]),
        KeyBinding([.char(" ")], .mark, label: "Mark", help: "Shortage report: mark or unmark the selected item for purchase",
                   section: "Reports", in: [.reports]),
        KeyBinding([.char("P")], .purchase, label: "Purchase",
                   help: "Shortage report: buy the marked items (or the selected one) as expected arrivals, one PO per supplier; "
                       + "each quantity is asked with the suggestion filled in",
                   section: "Reports", in: [.reports], writes: true),
        KeyBinding([.char("S")], .setSupplier, label: "Supplier",
                   help: "Set the selected item's default supplier and lead time in days (stock pane, shortage report)",
                   section: "Actions", in: [.panes, .reports], writes: true),
        KeyBinding([.char("[")], .previousPeriod, label: "Earlier", help: "Service level: the 30 days before the period shown",
                   section: "Reports", in: [.reports]),
        KeyBinding([.char("]")], .nextPeriod, label: "Later", help: "Service level: the next 30 days (up to today)",
                   section: "Reports", in: [.reports]),
        KeyBinding([.char("w")], .export, label: "CSV",
                   help: "Write the pane, report or notices shown to a CSV file in the current directory (every row, not just the page)",
                   section: "Export", in: views, hintIn: views),

        KeyBinding([.enter], .confirm, label: "OK", help: "Accept the typed value, or confirm the action shown",
                   section: "In dialogs", in: [.dialog, .filter], hintIn: [.filter]),
        KeyBinding([.escape], .dismiss, label: "Cancel", help: "Close the dialog without changing anything (in a filter: drop it)",
                   section: "In dialogs", in: [.dialog, .filter], hintIn: [.filter]),
        KeyBinding([.char("y")], .yes, label: "Yes", help: "Yes, the rest is missing from the shelf (short pick)",
                   section: "In dialogs", in: [.dialog]),
        KeyBinding([.char("n")], .no, label: "No", help: "No, leave the rest allocated to pick later", section: "In dialogs", in: [.dialog]),
        KeyBinding([.char("O")], .override, label: "Override",
                   help: "Ship a ship-complete order partially anyway (only when the dialog asks)", section: "In dialogs", in: [.dialog]),
    ]

    /// The binding a key triggers in a context, if any.
    public static func binding(for key: Key, in context: KeyContext) -> KeyBinding? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }
    }

    /// Help sections built from the keymap; write keys are marked when the file is read-only.
    public static func helpSections(readOnly: Bool) -> [HelpView.Section] {
        var order: [String] = []
        var entries: [String: [HelpView.Entry]] = [:]
        var seen = Set<String>()
        for b in bindings {
            let key = b.section + "\u{0}" + b.shownKeys + "\u{0}" + b.help
            guard seen.insert(key).inserted else { continue }
            if entries[b.section] == nil { order.append(b.section) }
            let text = b.writes && readOnly ? b.help + " — disabled: read-only" : b.help
            entries[b.section, default: []].append(HelpView.Entry(b.shownKeys, text))
        }
        return order.map { HelpView.Section($0, entries[$0] ?? []) }
    }

    /// The hints for a context's hint bar, with whether each is disabled (a write key on a read-only file).
    public static func hints(in context: KeyContext, readOnly: Bool) -> [(hint: KeyHintBar.Hint, disabled: Bool)] {
        bindings.filter { $0.hintIn.contains(context) }.map { (KeyHintBar.Hint($0.shownKeys, $0.label), $0.writes && readOnly) }
    }
}
