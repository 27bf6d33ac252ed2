/* qurb-staff-compose.h — the staff console's page for writing an announcement */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_COMPOSE (qurb_staff_compose_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffCompose, qurb_staff_compose, QURB, STAFF_COMPOSE, GtkBox)

/* Signal "scheduled" (gint64 id): an announcement was created. */

void             qurb_staff_compose_setup   (QurbStaffCompose *self,
                                             QurbKioskSession *session);
void             qurb_staff_compose_relabel (QurbStaffCompose *self);
gboolean         qurb_staff_compose_reload  (QurbStaffCompose *self,
                                             GError          **error);

G_END_DECLS
