/* qurb-staff-console.h — the staff console: compose announcements, follow them
 *
 * `qurb-kiosk --staff` opens QurbStaffWindow: a PIN (qurb-staff-pin, with
 * lockout), then the compose page (QurbStaffCompose) and the list of
 * broadcasts with their progress (QurbStaffList). */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_COMPOSE (qurb_staff_compose_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffCompose, qurb_staff_compose, QURB, STAFF_COMPOSE, GtkBox)
#define QURB_TYPE_STAFF_LIST (qurb_staff_list_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffList, qurb_staff_list, QURB, STAFF_LIST, GtkBox)
#define QURB_TYPE_STAFF_WINDOW (qurb_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffWindow, qurb_staff_window, QURB, STAFF_WINDOW, GtkWindow)

/* Seconds between two refreshes of the broadcasts' progress. */
#define QURB_STAFF_REFRESH_SECONDS 2

void             qurb_staff_compose_setup   (QurbStaffCompose *self,
                                             QurbKioskSession *session);
void             qurb_staff_compose_relabel (QurbStaffCompose *self);
gboolean         qurb_staff_compose_reload  (QurbStaffCompose *self,
                                             GError          **error);
void             qurb_staff_list_setup      (QurbStaffList    *self,
                                             QurbKioskSession *session);
void             qurb_staff_list_relabel    (QurbStaffList    *self);
gboolean         qurb_staff_list_refresh    (QurbStaffList    *self,
                                             GError          **error);
QurbStaffWindow *qurb_staff_window_new      (QurbKioskSession *session);
const gchar     *qurb_staff_window_get_screen (QurbStaffWindow *self);

G_END_DECLS
