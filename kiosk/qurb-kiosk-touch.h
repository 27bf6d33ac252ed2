/* qurb-kiosk-touch.h — what counts as a person's touch, and the guard that
 * lets a finger's double tap fall on nothing
 *
 * Only real input shows that someone is at the kiosk: a press, a touch, a
 * key, a scroll. A browser showing the kiosk through Broadway sends
 * motion, crossing and focus events of its own, and so does a mouse
 * resting on a screen: none of them may keep a visit alive.
 *
 * A tap that comes within QURB_KIOSK_TOUCH_HOLD_MS of a change of what is
 * under the finger (a new screen, a confirmation revealed) is the second
 * half of a double tap, not a decision: the guard refuses it, press to
 * release. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QURB_KIOSK_TOUCH_HOLD_MS 400

typedef struct {
  gboolean held;             /* something changed under the finger once */
  guint32 last_input;        /* event clock (ms): the last press or release seen */
  guint32 held_at_input;     /* event clock: the last input before the change */
  gint64 held_at;            /* monotonic µs: the change, whatever caused it */
  gboolean refusing;         /* a press was refused: so is its release */
} QurbKioskTouchGuard;

gboolean qurb_kiosk_touch_is_input      (GdkEvent            *event);
void     qurb_kiosk_touch_guard_hold    (QurbKioskTouchGuard *guard);
gboolean qurb_kiosk_touch_guard_refuses (QurbKioskTouchGuard *guard,
                                         GdkEvent            *event);

G_END_DECLS
