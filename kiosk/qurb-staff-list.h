/* qurb-staff-list.h — the staff console's page of broadcasts and their progress */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_LIST (qurb_staff_list_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffList, qurb_staff_list, QURB, STAFF_LIST, GtkBox)

gchar           *qurb_staff_audience_label  (const gchar      *lang,
                                             const gchar      *audience);
void             qurb_staff_list_setup      (QurbStaffList    *self,
                                             QurbKioskSession *session);
void             qurb_staff_list_relabel    (QurbStaffList    *self);
gboolean         qurb_staff_list_refresh    (QurbStaffList    *self,
                                             GError          **error);

G_END_DECLS
