/* qurb-checkin-window.h — `qurb-kiosk --checkin`: the caravan's tablet
 *
 * One large field that a USB barcode scanner types into (a scanner is a
 * keyboard; Enter ends a scan) and the on-screen keypad for a code typed
 * by hand. Each scan shows its outcome big, in colour and with an icon,
 * in the kiosk's language (qurb_checkin_describe's words), and the
 * field is ready for the next; the day's counts stay in view. It works
 * on the copy of the database taken that morning (`--db`), with a copy
 * of the ticket key ([tickets] key=); without the key, bare booking
 * codes are still checked in and signed tickets are refused as foreign. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-checkin.h"
#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_CHECKIN_WINDOW (qurb_checkin_window_get_type ())
G_DECLARE_FINAL_TYPE (QurbCheckinWindow, qurb_checkin_window, QURB, CHECKIN_WINDOW, GtkWindow)

QurbCheckinWindow *qurb_checkin_window_new          (QurbKioskSession  *session,
                                                     const gchar       *caravan_code,
                                                     gboolean           locked_down);
void               qurb_checkin_window_scan         (QurbCheckinWindow *self,
                                                     const gchar       *text);
QurbCheckinOutcome qurb_checkin_window_last_outcome (QurbCheckinWindow *self);

G_END_DECLS
