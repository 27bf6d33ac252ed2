/* qurb-sms-filter.h — which caravan a member means without its code: the
 * day ("le 12/02", "12 فبراير") and the specialty ("ophtalmo", "طب
 * العيون", "snan") named in the message
 *
 * Pure. The answer books the one caravan that fits what was named, or
 * lists those that do (qurb-sms-bookings.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint         qurb_sms_find_day       (const gchar *folded);
const gchar *qurb_sms_find_specialty (const gchar *folded);
gboolean     qurb_sms_day_is         (gint         day,
                                      const gchar *iso_date);

G_END_DECLS
