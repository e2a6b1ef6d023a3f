import CNcursesw
import TerminalKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be started.
public enum TerminalError: Error, CustomStringConvertible {
    /// Standard input or output is not a terminal (e.g. piped).
    case notATerminal
    /// ncurses refused the terminal, usually because `TERM` is unset or unknown.
    case initializationFailed(term: String)

    /// For logs and developers; people read the app's own wording in their language (`Terminal.run(describingFailure:)`).
    public var description: String {
        switch self {
        case .notATerminal: return "notATerminal"
        case .initializationFailed(let term): return "initializationFailed(TERM=\(term))"
        }
    }
}

/// Why a terminal cannot hold a full-screen UI; the app words it in the reader's language.
public enum TerminalProblem: Equatable, Sendable {
    /// `TERM` is not set.
    case termUnset
    /// `TERM=dumb`: no cursor movement.
    case dumb
    /// The terminal type has no cursor addressing.
    case noCursorAddressing(term: String)
    /// No terminfo database is installed at all.
    case noTerminfo(term: String)
    /// The terminal type has no terminfo entry.
    case unknownTerm(term: String)
}

/// A full-screen ncursesw terminal: draws `ScreenBuffer`s and reads `Key`s.
///
/// Only one `Terminal` may be active per process. The app **must** call `stop()` on every exit path
/// (or use `Terminal.run`, which does it), otherwise the shell is left in raw mode without echo.
///
/// Input is in raw mode: Ctrl-C arrives as `.ctrl("c")` and Ctrl-Z as `.ctrl("z")` (call `suspend()`
/// for job control). A SIGINT/SIGTERM/SIGHUP sent by `kill` sets `terminationSignal`, makes
/// `readKey` return `nil` within ~100 ms, and the app loop should then return. A SIGTSTP sent by
/// `kill -TSTP` is handled by ncurses itself (it leaves and restores the screen). Crashes
/// (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP) restore the terminal before the process dies.
///
/// Not thread-safe: use it from one thread (normally the main thread).
public final class Terminal {
    /// Whether `start()` succeeded and `stop()` has not been called yet.
    public private(set) var isActive = false
    /// Usable colours: 0 when monochrome (no colour support, or `NO_COLOR` set), else 8, 16, 256, ….
    public private(set) var colorCount = 0

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var lastFrame: ScreenBuffer?
    private var needsFullRedraw = true
    private var hasDefaultColors = false
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var signalAtStop: Int32 = 0

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Why the terminal cannot hold a full-screen UI, or nil when it can: `TERM` unset, `dumb`, unknown, or a
    /// terminal without cursor addressing. Asked before anything is drawn, so the clerk gets words, not a blank screen.
    public static func problem() -> TerminalProblem? {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty { return .termUnset }
        if term == "dumb" { return .dumb }
        switch tk_cursor_addressing() {
        case 1: return nil
        case 0: return .noCursorAddressing(term: term)
        case -2: return .noTerminfo(term: term)
        default: return .unknownTerm(term: term)
        }
    }

    /// Draws UTF-8 even when the locale is not UTF-8 (LANG unset or `C` over SSH, or `nb_NO.UTF-8` not generated on
    /// the server), since the clerk's terminal almost always is: otherwise ncurses shows æøå as `?`.
    /// `BACKORDERS_UTF8=0` keeps the locale's own character set (a terminal that really is not UTF-8), `=1` forces UTF-8.
    static func chooseUTF8() {
        let setting = getenv("BACKORDERS_UTF8").map { String(cString: $0).lowercased() }
        if setting == "0" || setting == "no" { return }
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0).uppercased() } ?? ""
        guard setting == "1" || setting == "yes" || (codeset != "UTF-8" && codeset != "UTF8") else { return }
        // C.UTF-8 is on every Debian system; only the character handling changes, messages and collation stay as set.
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    /// Creates an inactive terminal; call `start()` (or use `Terminal.run`).
    public init() {}

    deinit { stop() }

    /// Enters full-screen mode: locale, raw input without echo, keypad, short Esc delay, hidden cursor,
    /// colours (unless unsupported or `NO_COLOR` is set) and signal handlers.
    /// - Throws: `TerminalError` when stdin/stdout are not a terminal or `TERM` is unusable.
    public func start() throws {
        guard !isActive else { return }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        Terminal.chooseUTF8()
        SignalState.reset()
        signalAtStop = 0
        // Installed before ncurses starts so it leaves SIGINT/SIGTERM to us (it only hooks signals still at default).
        SignalState.install()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let newScreen = newterm(nil, output, input), let win = tk_stdscr() else {
            SignalState.uninstall()
            throw TerminalError.initializationFailed(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        screen = newScreen
        window = win
        raw()
        noecho()
        nonl()
        keypad(win, true)
        intrflush(win, false)
        set_escdelay(25)
        curs_set(0)
        setupColors()
        lastFrame = nil
        needsFullRedraw = true
        isActive = true
    }

    /// Leaves full-screen mode and restores the terminal and the default signal handlers. Idempotent.
    public func stop() {
        guard isActive else { return }
        isActive = false
        signalAtStop = SignalState.pending
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        lastFrame = nil
        SignalState.uninstall()
    }

    /// The termination signal received (SIGTERM, SIGHUP or SIGINT), if any.
    public var terminationSignal: Int32? {
        let signal = isActive ? SignalState.pending : signalAtStop
        return signal == 0 ? nil : signal
    }

    /// `true` once SIGTERM, SIGHUP or SIGINT arrived: the app loop should return.
    public var terminationRequested: Bool { terminationSignal != nil }

    /// Current size in cells (columns × rows); zero when not started.
    public var size: Size {
        guard isActive, let window else { return Size(width: 0, height: 0) }
        return Size(width: Int(tk_getmaxx(window)), height: Int(tk_getmaxy(window)))
    }

    /// Forces the next `draw` to repaint the whole screen (e.g. after another program wrote to it).
    public func invalidate() { needsFullRedraw = true }

    /// Displays `buffer`, sending only cells changed since the previous `draw`. After a resize or
    /// `invalidate()` the whole screen is repainted. Parts outside the terminal are clipped.
    public func draw(_ buffer: ScreenBuffer) {
        guard isActive, let window else { return }
        if needsFullRedraw || lastFrame?.width != buffer.width || lastFrame?.height != buffer.height {
            wclear(window)  // clearok: the terminal may hold garbage after a resize, repaint from scratch
            lastFrame = nil
            needsFullRedraw = false
        }
        let columns = Int(tk_getmaxx(window))
        let rows = Int(tk_getmaxy(window))
        for run in buffer.changes(since: lastFrame) where run.y < rows {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                let x = run.x + offset
                guard x < columns else { break }
                drawCell(cell, x: x, y: run.y, columns: columns, window: window)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = buffer
    }

    /// Waits up to `timeoutMilliseconds` (forever when `nil`) for a key.
    ///
    /// Returns `nil` on timeout or as soon as a termination signal arrived (check `terminationRequested`).
    /// A terminal resize is reported as `.resize`; the next `draw` repaints everything.
    public func readKey(timeoutMilliseconds: Int? = nil) -> Key? {
        guard isActive, let window else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        while true {
            if SignalState.pending != 0 { return nil }
            // Short slices, so a signal flag is noticed promptly even if ncurses restarts an interrupted read.
            var slice = 100
            if let deadline {
                let left = clock.now.duration(to: deadline)
                slice = min(slice, max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            }
            wtimeout(window, Int32(slice))
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == OK {
                if let key = Key(codePoint: UInt32(code)) { return key }
            } else if status == tk_key_code_yes() {
                if let key = mapKeyCode(Int32(bitPattern: code)) { return key }
            }
            if status == ERR && Terminal.inputHungUp() {
                // The pty is gone (its terminal closed without a SIGHUP reaching us): reads fail at once, forever.
                SignalState.hangUp()
                return nil
            }
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    /// Whether standard input has hung up or failed (a closed pty), as opposed to no key within the timeout.
    static func inputHungUp() -> Bool {
        var pfd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) >= 0 else { return false }
        return pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Suspends the program like Ctrl-Z in a shell: restores the terminal, stops the job, and on
    /// `fg` returns with the screen marked for a full repaint (draw again right after).
    public func suspend() {
        guard isActive, let window else { return }
        endwin()
        SignalState.suspendJob()
        wrefresh(window)  // back to program mode
        needsFullRedraw = true
    }

    /// Runs `body` with a started terminal and guarantees `stop()` afterwards, on return and on throw.
    ///
    /// When a SIGTERM/SIGHUP/SIGINT ended the session (the loop in `body` returned because
    /// `terminationRequested` became true), the process exits with status 128 + signal after the
    /// terminal is restored. If the terminal cannot be started, prints the reason (worded by `describingFailure`)
    /// to stderr and exits with 1.
    public static func run(describingFailure: (TerminalError) -> String = { "error: \($0)" },
                           _ body: (Terminal) throws -> Void) rethrows {
        let terminal = Terminal()
        do {
            try terminal.start()
        } catch {
            let message = (error as? TerminalError).map(describingFailure) ?? "error: \(error)"
            let line = message + "\n"
            _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }  // stderr the C global is not concurrency-safe
            exit(1)
        }
        do {
            try body(terminal)
        } catch {
            terminal.stop()
            terminal.exitIfSignalled()
            throw error
        }
        terminal.stop()
        terminal.exitIfSignalled()
    }

    private func exitIfSignalled() {
        if let signal = terminationSignal { exit(128 + signal) }
    }

    // MARK: - Output

    private func drawCell(_ cell: Cell, x: Int, y: Int, columns: Int, window: UnsafeMutablePointer<WINDOW>) {
        let (attributes, pair) = cursesAttributes(for: cell.style)
        let width = cell.content.displayWidth
        var characters = cell.content.unicodeScalars.prefix(Int(tk_ccharw_max()) - 1).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var cchar = cchar_t()
        // Only draw what the C library agrees is this wide, or columns would drift; else show a same-width "?".
        let agrees = width <= 2 && wcwidth(characters[0]) == width && x + width <= columns
        if agrees && tk_setcchar(&cchar, characters, attributes, pair) == OK {
            mvwadd_wch(window, Int32(y), Int32(x), &cchar)
            return
        }
        let fallback: [wchar_t] = [wchar_t(UInt8(ascii: "?")), wchar_t(UInt8(ascii: " "))]
        for column in 0..<min(max(1, width), columns - x) {
            let placeholder = [fallback[min(column, 1)], 0]
            if tk_setcchar(&cchar, placeholder, attributes, pair) == OK {
                mvwadd_wch(window, Int32(y), Int32(x + column), &cchar)
            }
        }
    }

    private func setupColors() {
        colorCount = 0
        hasDefaultColors = false
        pairs = [:]
        nextPair = 1
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return }  // https://no-color.org: any non-empty value
        guard has_colors() else { return }
        start_color()
        hasDefaultColors = use_default_colors() == OK
        colorCount = Int(tk_colors())
    }

    /// Attributes plus colour pair for a style; colours degrade to the terminal's palette.
    private func cursesAttributes(for style: Style) -> (attr_t, Int32) {
        var attributes = tk_a_normal()
        if style.attributes.contains(.bold) { attributes |= tk_a_bold() }
        if style.attributes.contains(.dim) { attributes |= tk_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= tk_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= tk_a_underline() }
        if style.attributes.contains(.italic) { attributes |= tk_a_italic() }
        guard colorCount > 0 else {
            // Monochrome: a coloured foreground (e.g. red for "late") still needs to stand out.
            if style.foreground != .default { attributes |= tk_a_bold() }
            return (attributes, 0)
        }
        let (foreground, boldForBright) = colorNumber(style.foreground, isForeground: true)
        let (background, _) = colorNumber(style.background, isForeground: false)
        if boldForBright { attributes |= tk_a_bold() }
        return (attributes, pair(foreground: foreground, background: background))
    }

    /// The curses colour number for a palette colour, and whether bold must stand in for "bright".
    private func colorNumber(_ color: Color, isForeground: Bool) -> (Int32, Bool) {
        guard let index = color.index.map(Int32.init) else {
            return (hasDefaultColors ? -1 : (isForeground ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK)), false)
        }
        if index < colorCount { return (index, false) }
        if index < 16 { return (index - 8, isForeground) }
        if index >= 232 { return (index >= 244 ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK), false) }
        // Nearest basic colour of the 6×6×6 cube: one bit per channel that is at least half on.
        let cube = index - 16
        let red: Int32 = cube / 36 >= 3 ? 1 : 0
        let green: Int32 = (cube / 6) % 6 >= 3 ? 2 : 0
        let blue: Int32 = cube % 6 >= 3 ? 4 : 0
        return (red | green | blue, false)
    }

    /// Colour pairs are created on first use, so only combinations actually drawn take pair slots.
    private func pair(foreground: Int32, background: Int32) -> Int32 {
        let defaultForeground: Int32 = hasDefaultColors ? -1 : Int32(COLOR_WHITE)
        let defaultBackground: Int32 = hasDefaultColors ? -1 : Int32(COLOR_BLACK)
        if foreground == defaultForeground && background == defaultBackground { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        guard nextPair < tk_color_pairs(), nextPair <= Int32(Int16.max) else { return 0 }
        guard init_pair(Int16(nextPair), Int16(foreground), Int16(background)) == OK else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return pairs[key]!
    }

    // MARK: - Input

    private func mapKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_RESIZE:
            needsFullRedraw = true
            return .resize
        case (tk_key_f0() + 1)...(tk_key_f0() + 63): return .function(Int(code - tk_key_f0()))
        default: return nil
        }
    }
}
