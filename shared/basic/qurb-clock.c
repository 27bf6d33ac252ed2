/* qurb-clock.c — the one place that reads the wall clock */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"

/* Every timestamp Qurb stores is local civil time without offset
 * ("2027-01-15T10:00:00"): the agencies all live in one time zone and
 * staff read these values directly. */

/* Looking the zone up again on every call costs a stat and a readlink
 * of /etc/localtime each time: thousands a second during an import. */
static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());
  return zone;
}

GDateTime *
qurb_now (void)
{
  const gchar *pinned = g_getenv ("QURB_NOW");

  if (pinned != NULL && *pinned != '\0')
    {
      GDateTime *dt = g_date_time_new_from_iso8601 (pinned, local_zone ());

      if (dt != NULL)
        return dt;
      g_warning ("QURB_NOW=%s is not an ISO date-time; using the real clock", pinned);
    }
  return g_date_time_new_now (local_zone ());
}

/* A stored local date-time ("2027-01-15T10:00:00"), or NULL when text
 * is NULL, empty or not one. */
GDateTime *
qurb_parse_datetime (const gchar *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, local_zone ());
}

gchar *
qurb_datetime_iso (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
}

gchar *
qurb_now_iso (void)
{
  g_autoptr(GDateTime) now = qurb_now ();
  return qurb_datetime_iso (now);
}

/* "Now" moved by seconds (negative for the past), as stored. */
gchar *
qurb_now_plus_seconds (gint seconds)
{
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);
  return qurb_datetime_iso (then);
}

gchar *
qurb_today_iso (void)
{
  g_autoptr(GDateTime) now = qurb_now ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_fixed_digits (const gchar *p, guint n, gint *out)
{
  gint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Strict YYYY-MM-DD, and a real calendar day. */
gboolean
qurb_parse_date (const gchar *text, gint *year, gint *month, gint *day)
{
  gint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_fixed_digits (text, 4, &y) ||
      !parse_fixed_digits (text + 5, 2, &m) ||
      !parse_fixed_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (year) *year = y;
  if (month) *month = m;
  if (day) *day = d;
  return TRUE;
}

/* Strict HH:MM (00:00–23:59). */
gboolean
qurb_parse_hhmm (const gchar *text, gint *minutes_of_day)
{
  gint h, m;

  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  if (!parse_fixed_digits (text, 2, &h) || !parse_fixed_digits (text + 3, 2, &m))
    return FALSE;
  if (h > 23 || m > 59)
    return FALSE;
  *minutes_of_day = h * 60 + m;
  return TRUE;
}
