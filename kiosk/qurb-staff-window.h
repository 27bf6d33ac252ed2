/* qurb-staff-window.h — the staff console on a desk: `qurb-kiosk --staff`
 *
 * A window holding the console (QurbStaffConsole); Lock brings back its
 * PIN. In the lobby the same console opens inside the kiosk's window. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-staff-console.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_WINDOW (qurb_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffWindow, qurb_staff_window, QURB, STAFF_WINDOW, GtkWindow)

QurbStaffWindow *qurb_staff_window_new        (QurbKioskSession *session);
const gchar     *qurb_staff_window_get_screen (QurbStaffWindow  *self);

G_END_DECLS
