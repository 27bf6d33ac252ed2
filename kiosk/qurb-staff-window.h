/* qurb-staff-window.h — the staff console: compose announcements, follow them
 *
 * `qurb-kiosk --staff` opens QurbStaffWindow: a PIN (qurb-staff-pin, with
 * lockout), then the compose page (QurbStaffCompose) and the list of
 * broadcasts with their progress (QurbStaffList). */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_WINDOW (qurb_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffWindow, qurb_staff_window, QURB, STAFF_WINDOW, GtkWindow)

/* Seconds between two refreshes of the broadcasts' progress. */
#define QURB_STAFF_REFRESH_SECONDS 2

QurbStaffWindow *qurb_staff_window_new        (QurbKioskSession *session);
const gchar     *qurb_staff_window_get_screen (QurbStaffWindow  *self);

G_END_DECLS
