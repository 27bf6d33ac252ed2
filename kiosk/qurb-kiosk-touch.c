/* qurb-kiosk-touch.c — what counts as a person's touch, and the guard that
 * lets a finger's double tap fall on nothing */
#include "config.h"

#include "qurb-kiosk-touch.h"

gboolean
qurb_kiosk_touch_is_input (GdkEvent *event)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What is under the finger has just changed. */
void
qurb_kiosk_touch_guard_hold (QurbKioskTouchGuard *guard)
{
  guard->held = TRUE;
  guard->held_at_input = guard->last_input;
  guard->held_at = g_get_monotonic_time ();
}

/* Whether event, a press or its release, is to be dropped. Two clocks:
 * the events' own, so that a tap queued while the new screen was drawn is
 * still measured from the tap that changed it; and the monotonic one,
 * for changes no tap caused (the idle warning, a retry). */
gboolean
qurb_kiosk_touch_guard_refuses (QurbKioskTouchGuard *guard, GdkEvent *event)
{
  GdkEventType type = gdk_event_get_event_type (event);
  guint32 time = gdk_event_get_time (event);
  gboolean refuse;

  switch (type)
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      refuse = guard->held &&
               ((guint32) (time - guard->held_at_input) < QURB_KIOSK_TOUCH_HOLD_MS ||
                g_get_monotonic_time () - guard->held_at < QURB_KIOSK_TOUCH_HOLD_MS * 1000);
      guard->last_input = time;
      guard->refusing = refuse;
      if (refuse)
        g_debug ("a tap %u ms after the screen changed: ignored", (guint) (time - guard->held_at_input));
      return refuse;
    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      guard->last_input = time;
      refuse = guard->refusing;
      guard->refusing = FALSE;
      return refuse;
    case GDK_TOUCH_UPDATE:
      return guard->refusing;
    default:
      return FALSE;
    }
}
