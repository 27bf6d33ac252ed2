/* qurb-staff-console.h — the staff console: compose announcements, follow them
 *
 * A PIN first (qurb-staff-pin, with lockout), then the compose page
 * (QurbStaffCompose) and the list of broadcasts with their progress
 * (QurbStaffList). It lives in the kiosk's own window, opened by a
 * discreet long press (a kiosk under cage shows one window only), and in
 * a desk window of its own (`qurb-kiosk --staff`). Signal "locked": staff
 * pressed Lock (or left the PIN page); the console is locked again. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_CONSOLE (qurb_staff_console_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffConsole, qurb_staff_console, QURB, STAFF_CONSOLE, GtkBox)

/* Seconds between two refreshes of the broadcasts' progress. */
#define QURB_STAFF_REFRESH_SECONDS 2

void         qurb_staff_console_setup      (QurbStaffConsole *self,
                                            QurbKioskSession *session,
                                            gboolean          in_kiosk);
void         qurb_staff_console_relabel    (QurbStaffConsole *self);
void         qurb_staff_console_lock       (QurbStaffConsole *self);
const gchar *qurb_staff_console_get_screen (QurbStaffConsole *self);

G_END_DECLS
