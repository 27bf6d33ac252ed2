/* qurb-staff-chart.h — bars drawn by us (GtkSnapshot and cairo): one
 * group of bars a caravan, one bar a series (booked, came; or the
 * average rating), the value over each bar, the group's name under it.
 * Groups run in the reading direction: from the right in Arabic. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_CHART (qurb_staff_chart_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffChart, qurb_staff_chart, QURB, STAFF_CHART, GtkWidget)

#define QURB_STAFF_CHART_MAX_SERIES 2

GtkWidget *qurb_staff_chart_new      (void);
void       qurb_staff_chart_set_series (QurbStaffChart     *self,
                                        guint               n_series,
                                        const gchar *const *names,
                                        gdouble             top,
                                        gboolean            decimals);
void       qurb_staff_chart_clear    (QurbStaffChart     *self);
void       qurb_staff_chart_add      (QurbStaffChart     *self,
                                      const gchar        *label,
                                      const gdouble      *values);
guint      qurb_staff_chart_get_n_groups (QurbStaffChart *self);

G_END_DECLS
