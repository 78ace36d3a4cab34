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
  // The modes as the shell left them, for the signal guard, before curses changes them.
  sg_terminal_save_modes(STDOUT_FILENO);
  SCREEN *screen = newterm(term, stdout, stdin);
  if (screen == NULL) return 0;
  set_term(screen);
  sg_terminal_prepare_reset();
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
