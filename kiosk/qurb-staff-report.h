/* qurb-staff-report.h — the staff console's "Caravans report": per
 * caravan, specialty and province, booked, came, no-shows, waiting list
 * and ratings (qurb_caravan_report, the figures `qurbctl report
 * caravans` prints), with two charts: booked against came per caravan,
 * and each caravan's average rating. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_REPORT (qurb_staff_report_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffReport, qurb_staff_report, QURB, STAFF_REPORT, GtkBox)

void     qurb_staff_report_setup   (QurbStaffReport   *self,
                                    QurbKioskSession  *session);
gboolean qurb_staff_report_refresh (QurbStaffReport   *self,
                                    GError           **error);
guint    qurb_staff_report_get_n_caravans (QurbStaffReport *self);

G_END_DECLS
