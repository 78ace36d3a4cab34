#ifndef CNCURSESW_MOUSE_H
#define CNCURSESW_MOUSE_H

// Mouse reports for the explorer (clicks and the wheel). Included by CNcursesw.h; main
// thread only, like the rest of curses.

/// What `sg_read_mouse` found.
enum {
  SG_MOUSE_NONE = 0,
  SG_MOUSE_CLICK = 1,      // left button pressed or clicked
  SG_MOUSE_WHEEL_UP = 2,   // button 4
  SG_MOUSE_WHEEL_DOWN = 3, // button 5
};

enum { SG_KEY_MOUSE = KEY_MOUSE };

/// Asks the terminal for button presses and wheel turns (no drags, no motion); reports each
/// press at once (no click interval). Returns false if the terminal has no mouse. Once it is
/// on, the signal guard's terminal reset turns it off too.
static inline int sg_enable_mouse(void) {
  mmask_t wanted = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#if NCURSES_MOUSE_VERSION > 1
  wanted |= BUTTON5_PRESSED;
#endif
  mmask_t got = mousemask(wanted, NULL);
  mouseinterval(0);
  if (got != 0) sg_terminal_add_mouse_reset();
  return got != 0;
}

/// Reads the pending mouse report (after `KEY_MOUSE`): its column, row and kind.
static inline int sg_read_mouse(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return SG_MOUSE_NONE;
  *x = event.x;
  *y = event.y;
  if (event.bstate & BUTTON4_PRESSED) return SG_MOUSE_WHEEL_UP;
#if NCURSES_MOUSE_VERSION > 1
  if (event.bstate & BUTTON5_PRESSED) return SG_MOUSE_WHEEL_DOWN;
#endif
  if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return SG_MOUSE_CLICK;
  return SG_MOUSE_NONE;
}

#endif
