/* qurb-clock.h — "now", pinnable for tests and corpora through QURB_NOW */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *qurb_now          (void);
gchar     *qurb_now_iso      (void);
gchar     *qurb_today_iso    (void);
gchar     *qurb_now_plus_seconds (gint seconds);
gchar     *qurb_datetime_iso (GDateTime *dt);
GDateTime *qurb_parse_datetime (const gchar *text);

gboolean   qurb_parse_date   (const gchar *text,
                              gint        *year,
                              gint        *month,
                              gint        *day);
gboolean   qurb_parse_hhmm   (const gchar *text,
                              gint        *minutes_of_day);

G_END_DECLS
