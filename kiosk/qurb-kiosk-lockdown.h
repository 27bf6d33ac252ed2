/* qurb-kiosk-lockdown.h — the lobby's window: full screen, no way out
 *
 * Full screen (and maximized: Broadway sizes maximized windows to the
 * browser page and has no full screen of its own); shortcuts with a
 * modifier, function keys and Escape never reach GTK's own handlers. The
 * window refuses to close itself (its close_request). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void qurb_kiosk_lock_down (GtkWindow *window);

G_END_DECLS
