#ifndef TK_CNCURSESW_SHIM_H
#define TK_CNCURSESW_SHIM_H

/* Wide-character API (get_wch, add_wch, setcchar, cchar_t) is only declared with these. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE; this matches its prototype. */
extern int wcwidth(wchar_t c);

/* From term.h, declared here so its many macros (lines, columns, …) stay out of Swift. */
extern int setupterm(const char *term, int filedes, int *errret);

/* Whether the terminal named by TERM can address the cursor: 1 yes, 0 no ("cup" missing), -1 no terminfo entry for it,
   -2 no terminfo database. Asked before ncurses takes the screen, so a dumb terminal is told so instead of drawn on. */
static inline int tk_cursor_addressing(void) {
    int err = 0;
    if (setupterm(NULL, STDOUT_FILENO, &err) != 0) return err == 1 ? 0 : (err == -1 ? -2 : -1);  /* 1: a hardcopy terminal */
    char *cup = tigetstr("cup");
    return (cup == NULL || cup == (char *)-1) ? 0 : 1;
}

/* ---- Globals and macros Swift cannot import (strict concurrency rejects C globals). ---- */

static inline WINDOW *tk_stdscr(void) { return stdscr; }
static inline int tk_colors(void) { return COLORS; }
static inline int tk_color_pairs(void) { return COLOR_PAIRS; }
static inline int tk_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int tk_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int tk_key_f(int n) { return KEY_F(n); }
static inline int tk_key_f0(void) { return KEY_F0; }
static inline int tk_key_code_yes(void) { return KEY_CODE_YES; }

static inline attr_t tk_a_normal(void) { return A_NORMAL; }
static inline attr_t tk_a_bold(void) { return A_BOLD; }
static inline attr_t tk_a_dim(void) { return A_DIM; }
static inline attr_t tk_a_reverse(void) { return A_REVERSE; }
static inline attr_t tk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tk_a_italic(void) { return A_ITALIC; }

/* Builds a cchar_t for up to CCHARW_MAX-1 code points (one spacing char + combining marks). */
static inline int tk_setcchar(cchar_t *out, const wchar_t *text, attr_t attrs, int pair) {
    /* The extended pair goes through the opts pointer so pairs above 32767 work too. */
    return setcchar(out, text, attrs, (short)(pair > 32767 ? 0 : pair), pair > 32767 ? &pair : NULL);
}

static inline int tk_ccharw_max(void) { return CCHARW_MAX; }

/* ---- Signals ----
 *
 * IMPORTANT: these are `static` in a header, so every object file that uses them gets its own copy of
 * tk_signal_flag. In Swift, call every tk_signal_* function from ONE source file (NcursesBackend's
 * Signals.swift) so the installed handler and the query see the same flag.
 */

/* Number of the last termination signal received (SIGTERM/SIGHUP/SIGINT), 0 if none. */
static volatile sig_atomic_t tk_signal_flag = 0;

static void tk_termination_handler(int sig) { tk_signal_flag = sig; }

/* Best effort: leave curses mode so the shell is usable, then die by the same signal (core dump, exit status). */
static void tk_fatal_handler(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs the handlers. No SA_RESTART, so a blocking read is interrupted and the app loop can react. */
static inline void tk_signal_install(void) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = tk_termination_handler;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    struct sigaction fatal;
    sigemptyset(&fatal.sa_mask);
    fatal.sa_flags = SA_RESETHAND | SA_NODEFER;
    fatal.sa_handler = tk_fatal_handler;
    sigaction(SIGSEGV, &fatal, NULL);
    sigaction(SIGABRT, &fatal, NULL);
    sigaction(SIGBUS, &fatal, NULL);
    sigaction(SIGFPE, &fatal, NULL);
    sigaction(SIGILL, &fatal, NULL);
    sigaction(SIGTRAP, &fatal, NULL); /* Swift's fatalError/precondition traps with SIGILL or SIGTRAP */
}

/* Restores default dispositions (after the terminal was given back). */
static inline void tk_signal_uninstall(void) {
    int signals[] = { SIGTERM, SIGHUP, SIGINT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], SIG_DFL);
}

static inline int tk_signal_pending(void) { return (int)tk_signal_flag; }
static inline void tk_signal_reset(void) { tk_signal_flag = 0; }
/* The terminal went away without a signal reaching us (its pty closed): ends the session as a SIGHUP would. */
static inline void tk_signal_hangup(void) { tk_signal_flag = SIGHUP; }

/* Stops the whole job (process group) like Ctrl-Z would in cooked mode; returns after SIGCONT. */
static inline void tk_suspend_job(void) { kill(0, SIGSTOP); }

#endif
