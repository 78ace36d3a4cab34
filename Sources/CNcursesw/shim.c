// wcwidth, mkstemp and the full sigaction API (glibc hides them in strict C modes).
#define _GNU_SOURCE 1

#include "CNcursesw.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

// ---- Drawing ----------------------------------------------------------------------------

int sg_put_cell(int y, int x, const uint32_t *scalars, int count, attr_t attrs, int pair) {
  wchar_t text[CCHARW_MAX + 1];
  int n = count < CCHARW_MAX ? count : CCHARW_MAX;
  for (int i = 0; i < n; i++) text[i] = (wchar_t)scalars[i];
  text[n] = L'\0';
  cchar_t cell;
  if (setcchar(&cell, text, attrs, (short)pair, NULL) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

int sg_scalar_width(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

void sg_define_extra_keys(void) {
  static const struct {
    const char *sequence;
    int code;
  } extra[] = {
      {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
      {"\033[4~", KEY_END},  {"\033[8~", KEY_END},  {"\033[F", KEY_END},  {"\033OF", KEY_END},
  };
  for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
    if (key_defined(extra[i].sequence) == 0) define_key(extra[i].sequence, extra[i].code);
}

int sg_open_screen(const char *term) {
  SCREEN *screen = newterm(term, stdout, stdin);
  if (screen == NULL) return 0;
  set_term(screen);
  return 1;
}

// ---- stderr capture ---------------------------------------------------------------------

static int saved_stderr = -1;
static int capture_fd = -1;

int sg_stderr_capture_begin(void) {
  if (saved_stderr >= 0) return 1;
  const char *folder = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/samplegrad-stderr-XXXXXX",
           folder != NULL && folder[0] != '\0' ? folder : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  unlink(path);
  int saved = dup(STDERR_FILENO);
  if (saved < 0) {
    close(fd);
    return 0;
  }
  fflush(stderr);
  dup2(fd, STDERR_FILENO);
  capture_fd = fd;
  saved_stderr = saved;
  return 1;
}

void sg_stderr_capture_end(void) {
  int saved = saved_stderr;
  int fd = capture_fd;
  if (saved < 0) return;
  saved_stderr = -1;
  capture_fd = -1;
  dup2(saved, STDERR_FILENO);
  close(saved);
  char chunk[4096];
  if (lseek(fd, 0, SEEK_SET) == 0) {
    ssize_t got;
    while ((got = read(fd, chunk, sizeof chunk)) > 0) {
      ssize_t done = 0;
      while (done < got) {
        ssize_t wrote = write(STDERR_FILENO, chunk + done, (size_t)(got - done));
        if (wrote <= 0) break;
        done += wrote;
      }
    }
  }
  close(fd);
}

// ---- The signal guard -------------------------------------------------------------------

static volatile sig_atomic_t curses_active = 0;
static volatile sig_atomic_t stop_signal = 0;
static volatile sig_atomic_t installed = 0;

// Crash signals (Swift traps raise SIGILL on x86_64, SIGTRAP on arm64), SIGABRT, and the
// ones that end the session from outside: they restore the terminal, then go on as before.
// SIGINT and SIGTERM (the last two) ask the main loop to stop.
static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGILL,  SIGFPE, SIGABRT,
                                      SIGTRAP, SIGQUIT, SIGHUP, SIGINT, SIGTERM};
#define GUARDED_COUNT (int)(sizeof guarded_signals / sizeof guarded_signals[0])

static struct sigaction previous_actions[GUARDED_COUNT];
static int guarding[GUARDED_COUNT];

static void restore_terminal(void) {
  if (curses_active) {
    curses_active = 0;
    endwin();
  }
  sg_stderr_capture_end();
}

static const struct sigaction *previous_action(int sig) {
  for (int i = 0; i < GUARDED_COUNT; i++)
    if (guarded_signals[i] == sig && guarding[i]) return &previous_actions[i];
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
  for (int i = 0; i < GUARDED_COUNT; i++) {
    int sig = guarded_signals[i];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    int stops = sig == SIGINT || sig == SIGTERM;
    // SA_ONSTACK: a stack overflow can still be handled on the runtime's alternate stack.
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | (stops ? SA_RESTART : 0);
    action.sa_sigaction = stops ? on_stop : on_fatal;
    struct sigaction current;
    sigaction(sig, NULL, &current);
    // A signal the parent asked us to ignore (nohup, a background job) stays ignored.
    guarding[i] = current.sa_handler != SIG_IGN;
    if (guarding[i]) sigaction(sig, &action, &previous_actions[i]);
  }
  installed = 1;
}

void sg_guard_remove(void) {
  if (!installed) return;
  for (int i = 0; i < GUARDED_COUNT; i++)
    if (guarding[i]) sigaction(guarded_signals[i], &previous_actions[i], NULL);
  installed = 0;
}

void sg_guard_set_curses_active(int active) { curses_active = active ? 1 : 0; }

int sg_stop_signal(void) { return (int)stop_signal; }
