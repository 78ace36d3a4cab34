#ifndef CNCURSESW_H
#define CNCURSESW_H

// SwiftPM does not pass pkg-config cflags, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <stdint.h>

/// Adds the sequence that turns mouse reporting off to the signal guard's terminal reset;
/// called once the mouse is on (see `sg_enable_mouse`).
void sg_terminal_add_mouse_reset(void);

#include "CNcurseswMouse.h"

// Swift 6 rejects C globals (stdscr, LINES, COLORS...) and cannot import function-like
// macros, so the terminal layer reaches them through these getters. Call them from the main
// thread only, like the rest of curses.

static inline WINDOW *sg_stdscr(void) { return stdscr; }
static inline int sg_colors(void) { return COLORS; }
static inline int sg_color_pairs(void) { return COLOR_PAIRS; }

/// The screen size in rows and columns (`getmaxyx(stdscr, ...)`).
static inline void sg_screen_size(int *rows, int *columns) {
  int y = 0, x = 0;
  getmaxyx(stdscr, y, x);
  *rows = y;
  *columns = x;
}

static inline attr_t sg_attr_normal(void) { return A_NORMAL; }
static inline attr_t sg_attr_bold(void) { return A_BOLD; }
static inline attr_t sg_attr_dim(void) { return A_DIM; }
static inline attr_t sg_attr_reverse(void) { return A_REVERSE; }

/// The key codes samplegrad decodes (curses defines them as octal macros).
enum {
  SG_KEY_UP = KEY_UP,
  SG_KEY_DOWN = KEY_DOWN,
  SG_KEY_LEFT = KEY_LEFT,
  SG_KEY_RIGHT = KEY_RIGHT,
  SG_KEY_PPAGE = KEY_PPAGE,
  SG_KEY_NPAGE = KEY_NPAGE,
  SG_KEY_HOME = KEY_HOME,
  SG_KEY_END = KEY_END,
  SG_KEY_ENTER = KEY_ENTER,
  SG_KEY_BACKSPACE = KEY_BACKSPACE,
  SG_KEY_RESIZE = KEY_RESIZE,
};

/// What `sg_read_key` found.
enum {
  SG_INPUT_NONE = 0,      // nothing before the timeout
  SG_INPUT_CHARACTER = 1, // `code` is a Unicode scalar (or a control character)
  SG_INPUT_FUNCTION = 2,  // `code` is a KEY_* code
};

/// Waits up to `timeout_ms` for one key (`wtimeout` + `wget_wch` on stdscr).
static inline int sg_read_key(int timeout_ms, uint32_t *code) {
  wint_t ch = 0;
  wtimeout(stdscr, timeout_ms);
  int result = wget_wch(stdscr, &ch);
  if (result == ERR) return SG_INPUT_NONE;
  *code = (uint32_t)ch;
  return result == KEY_CODE_YES ? SG_INPUT_FUNCTION : SG_INPUT_CHARACTER;
}

/// Places one character (a base scalar and up to four combining ones) at row `y`, column
/// `x` of stdscr with attributes and a colour pair.
int sg_put_cell(int y, int x, const uint32_t *scalars, int count, attr_t attrs, int pair);

/// The number of columns the scalar takes (`wcwidth`): 1, 2, or 0/-1 for none.
int sg_scalar_width(uint32_t scalar);

/// Teaches curses the Home/End sequences other terminals send (`ESC [1~`, `ESC [H`, rxvt's
/// `ESC [7~`...) when the terminfo entry does not bind them already, e.g. TERM=xterm-256color
/// inside tmux or screen.
void sg_define_extra_keys(void);

/// Opens the screen on stdout/stdin for terminal type `term` (NULL: $TERM); false if the
/// terminal type is unknown. Unlike `initscr` it never exits the process.
int sg_open_screen(const char *term);

// ---- The signal guard ------------------------------------------------------------------
//
// While curses owns the terminal, a crash, a hang-up or a kill must still give the terminal
// back. `sg_guard_install` installs handlers for every signal whose default action ends the
// process (all but SIGKILL and SIGSTOP, real-time signals included). SIGINT, SIGTERM and
// SIGQUIT only set a flag the main loop reads (`sg_stop_signal`); a second one while the
// first is pending ends the process like the others. Those restore the terminal with
// async-signal-safe calls only (write(2) of the terminfo reset sequences, tcsetattr(3) with
// the modes saved before curses started; `endwin` is not safe there) and then pass the
// signal on to whoever handled it before (the Swift runtime's backtracer, or the default
// action).

void sg_guard_install(void);
/// Puts back the handlers that were there before `sg_guard_install`.
void sg_guard_remove(void);
/// Tells the guard whether curses is active (so it knows whether to reset the terminal).
void sg_guard_set_curses_active(int active);
/// SIGINT, SIGTERM or SIGQUIT if one arrived since the guard was installed, else 0.
int sg_stop_signal(void);
/// The signals the guard handles, by index (0 ..< count), for tests and documentation.
int sg_guarded_signal_count(void);
int sg_guarded_signal(int index);

/// Saves the terminal modes of `fd` for the guard; called before curses changes them.
void sg_terminal_save_modes(int fd);
/// Builds the reset sequences (attributes, colours, cursor, keypad, alternate screen) from
/// the current terminal's terminfo; called once curses has loaded it. The mouse's is added
/// when it is turned on (`sg_terminal_add_mouse_reset`).
void sg_terminal_prepare_reset(void);

/// Outside the explorer, SIGQUIT (Ctrl-\) prints one line and exits with status 131,
/// instead of the Swift runtime's crash report. Left alone if SIGQUIT is ignored.
void sg_quit_install(void);

/// Sends stderr to a temporary file while curses draws (text written to the terminal
/// would land on the alternate screen and be lost). Returns false if it could not.
int sg_stderr_capture_begin(void);
/// Points stderr back at the terminal and replays what was captured. Async-signal-safe:
/// the guard calls it on a crash, so a fatal error message is shown after the screen.
void sg_stderr_capture_end(void);

#endif
