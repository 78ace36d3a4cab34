// sigaction's SA_* flags, sigtimedwait and the real-time signal range.
#define _GNU_SOURCE 1

#include "CNcursesw.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <ncursesw/term.h>
#include <unistd.h>

// ---- What the terminal goes back to ----------------------------------------------------
//
// Saved before curses changes anything, so the signal path can restore the terminal with
// two async-signal-safe calls: write(2) of the reset sequences and tcsetattr(3).

static int terminal_fd = -1;
static struct termios saved_termios;
static int have_termios = 0;
static char reset_sequence[512];
static size_t reset_length = 0;

void sg_terminal_save_modes(int fd) {
  terminal_fd = fd;
  have_termios = tcgetattr(fd, &saved_termios) == 0;
}

// Appends the terminfo string `name` (if the terminal has one) to the reset sequence.
static void append_capability(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return;
  size_t length = strlen(value);
  if (reset_length + length >= sizeof reset_sequence) return;
  memcpy(reset_sequence + reset_length, value, length);
  reset_length += length;
}

void sg_terminal_prepare_reset(void) {
  reset_length = 0;
  append_capability("sgr0");   // plain attributes
  append_capability("op");     // default colours
  append_capability("cnorm");  // a visible cursor
  append_capability("rmkx");   // keypad back to normal mode
  append_capability("rmcup");  // leave the alternate screen
}

// Turns off mouse reporting the way curses turned it on: curses sends the terminfo string XM
// with parameter 1 (xterm-256color: `\e[?1006;1000h`), or, when the terminal has xterm mouse
// keys (kmous starts with `\e[`) but no XM, its own `\e[?1000h`. Without this a terminal
// killed by SIGHUP or SIGUSR1 was left reporting clicks as text (issue 21).
void sg_terminal_add_mouse_reset(void) {
  char *keys = tigetstr("kmous");
  if (keys == NULL || keys == (char *)-1 || strncmp(keys, "\033[", 2) != 0) return;
  const char *off = "\033[?1000l";
  char *format = tigetstr("XM");
  char *formatted = NULL;
  if (format != NULL && format != (char *)-1) formatted = tiparm(format, 0);
  if (formatted != NULL) off = formatted;
  size_t length = strlen(off);
  if (reset_length + length >= sizeof reset_sequence) return;
  memcpy(reset_sequence + reset_length, off, length);
  reset_length += length;
}

// Async-signal-safe: the reset sequences, then the saved modes (echo, line editing, CR/NL).
static void reset_terminal_from_signal(void) {
  if (terminal_fd < 0) return;
  size_t done = 0;
  while (done < reset_length) {
    ssize_t wrote = write(terminal_fd, reset_sequence + done, reset_length - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) break;
    done += (size_t)wrote;
  }
  if (have_termios) {
    while (tcsetattr(terminal_fd, TCSANOW, &saved_termios) != 0 && errno == EINTR) {
    }
  }
}

// ---- SIGQUIT outside the explorer -------------------------------------------------------

static const char quit_line[] = "samplegrad: quit (SIGQUIT)\n";

static void on_quit(int sig) {
  (void)sig;
  ssize_t ignored = write(STDERR_FILENO, quit_line, sizeof quit_line - 1);
  (void)ignored;
  _exit(128 + SIGQUIT);
}

void sg_quit_install(void) {
  struct sigaction current;
  sigaction(SIGQUIT, NULL, &current);
  if (current.sa_handler == SIG_IGN) return;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_quit;
  sigaction(SIGQUIT, &action, NULL);
}

// ---- The signal guard -------------------------------------------------------------------

static volatile sig_atomic_t curses_active = 0;
static volatile sig_atomic_t stop_signal = 0;
static volatile sig_atomic_t installed = 0;

#ifndef NSIG
#define NSIG 65
#endif

static struct sigaction previous_actions[NSIG];
static int guarding[NSIG];

// Every signal whose default action ends the process (signal(7)), except SIGKILL and
// SIGSTOP, which cannot be caught. SIGINT, SIGTERM and SIGQUIT ask the main loop to stop;
// the others restore the terminal and then end the process as they would have.
static const int fixed_signals[] = {
    SIGHUP,  SIGINT,  SIGQUIT, SIGILL,  SIGTRAP, SIGABRT,   SIGBUS,  SIGFPE,
    SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM,   SIGXCPU, SIGXFSZ,
    SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
};
#define FIXED_COUNT (int)(sizeof fixed_signals / sizeof fixed_signals[0])

int sg_guarded_signal_count(void) {
  int count = FIXED_COUNT;
#ifdef SIGRTMIN
  count += SIGRTMAX - SIGRTMIN + 1;
#endif
  return count;
}

int sg_guarded_signal(int index) {
  if (index < FIXED_COUNT) return fixed_signals[index];
#ifdef SIGRTMIN
  return SIGRTMIN + (index - FIXED_COUNT);
#else
  return 0;
#endif
}

static int stops(int sig) { return sig == SIGINT || sig == SIGTERM || sig == SIGQUIT; }

static void restore_terminal(void) {
  if (curses_active) {
    curses_active = 0;
    reset_terminal_from_signal();
  }
  sg_stderr_capture_end();
}

static const struct sigaction *previous_action(int sig) {
  if (sig > 0 && sig < NSIG && guarding[sig]) return &previous_actions[sig];
  return NULL;
}

// Whether the signal comes from a faulting instruction that runs again when the handler
// returns (not from kill, raise or abort, and not a trap that has already moved on).
static int is_fault(int sig, const siginfo_t *info) {
  if (info == NULL || info->si_code <= 0) return 0;
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
}

// Runs the handler that was there before the guard (the Swift runtime's backtracer, say).
static void call_previous(const struct sigaction *previous, int sig, siginfo_t *info,
                          void *context) {
  if (previous->sa_flags & SA_SIGINFO) {
    if (previous->sa_sigaction != NULL) previous->sa_sigaction(sig, info, context);
  } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
    previous->sa_handler(sig);
  }
}

// Restores the terminal, then lets the signal end the process as it would have without
// the guard. A fault is left to happen again: returning re-runs the instruction, which then
// reaches the previous handler with its real context (what the Swift backtracer reports).
// Any other signal goes to the previous handler here and then, since that handler may
// simply return (the Swift runtime's does), to the default action: it is raised again and
// stays blocked until this handler returns.
static void on_fatal(int sig, siginfo_t *info, void *context) {
  int saved_errno = errno;
  restore_terminal();
  const struct sigaction *previous = previous_action(sig);
  if (is_fault(sig, info)) {
    if (previous != NULL) {
      sigaction(sig, previous, NULL);
    } else {
      signal(sig, SIG_DFL);
    }
  } else {
    if (previous != NULL) call_previous(previous, sig, info, context);
    signal(sig, SIG_DFL);
    raise(sig);
  }
  errno = saved_errno;
}

static void on_stop(int sig, siginfo_t *info, void *context) {
  if (stop_signal != 0) {
    on_fatal(sig, info, context);
    return;
  }
  stop_signal = sig;
}

void sg_guard_install(void) {
  if (installed) return;
  stop_signal = 0;
  int count = sg_guarded_signal_count();
  for (int i = 0; i < count; i++) {
    int sig = sg_guarded_signal(i);
    if (sig <= 0 || sig >= NSIG) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    // SA_ONSTACK: a stack overflow can still be handled on the runtime's alternate stack.
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | (stops(sig) ? SA_RESTART : 0);
    action.sa_sigaction = stops(sig) ? on_stop : on_fatal;
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) continue;
    // A signal the parent asked us to ignore (nohup, a background job) stays ignored.
    guarding[sig] = current.sa_handler != SIG_IGN;
    if (guarding[sig] && sigaction(sig, &action, &previous_actions[sig]) != 0) guarding[sig] = 0;
  }
  installed = 1;
}

void sg_guard_remove(void) {
  if (!installed) return;
  for (int sig = 1; sig < NSIG; sig++) {
    if (guarding[sig]) sigaction(sig, &previous_actions[sig], NULL);
    guarding[sig] = 0;
  }
  installed = 0;
}

void sg_guard_set_curses_active(int active) { curses_active = active ? 1 : 0; }

int sg_stop_signal(void) { return (int)stop_signal; }
