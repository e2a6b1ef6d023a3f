import CNcursesw

/// Process-wide signal handling from the C shim.
///
/// Every `tk_signal_*` call lives in this one file on purpose: the flag in shim.h is `static`,
/// so each object file that used it would get its own copy and the handler and the query could disagree.
enum SignalState {
    /// Installs termination (SIGTERM/SIGHUP/SIGINT → flag) and fatal-signal (restore terminal, re-raise) handlers.
    static func install() { tk_signal_install() }

    /// Restores the default dispositions.
    static func uninstall() { tk_signal_uninstall() }

    /// The last termination signal received, or 0.
    static var pending: Int32 { Int32(tk_signal_pending()) }

    /// Forgets a previously received termination signal.
    static func reset() { tk_signal_reset() }

    /// Ends the session as a SIGHUP would (the terminal is gone).
    static func hangUp() { tk_signal_hangup() }

    /// Stops the job (process group) until it is continued.
    static func suspendJob() { tk_suspend_job() }
}
