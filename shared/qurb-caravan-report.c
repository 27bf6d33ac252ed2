/* qurb-caravan-report.c — the caravans' figures read from the database */
#include "config.h"

#include "qurb-caravan-report.h"
#include "qurb-clock.h"

/* Waiting: the members still on a caravan's waiting list (qurb-waitlist). */
#define REPORT_SQL \
  "SELECT c.code, c.specialty, coalesce(qurb_province(c.province), c.province), c.date," \
  "  count(b.id) FILTER (WHERE b.state = 'active')," \
  "  count(b.id) FILTER (WHERE b.state = 'cancelled')," \
  "  count(b.id) FILTER (WHERE b.state = 'active' AND b.attended_at IS NOT NULL)," \
  "  count(b.rating), coalesce(sum(b.rating), 0)," \
  "  (SELECT count(*) FROM waitlist w WHERE w.caravan_id = c.id AND w.state = 'waiting')" \
  " FROM caravans c LEFT JOIN bookings b ON b.caravan_id = c.id" \
  " WHERE (?1 IS NULL OR c.date >= ?1) AND (?2 IS NULL OR c.date <= ?2)" \
  " GROUP BY c.id ORDER BY c.date, c.code"

/* Caravans whose day is between from and to (each NULL: no bound), by
 * day, then the totals. No-shows are counted once a caravan's day is
 * over. */
GArray *
qurb_caravan_report (QurbDb *db, const gchar *from, const gchar *to, GError **error)
{
  g_autoptr(GArray) rows = qurb_caravan_figures_new_array ();
  g_autofree gchar *today = qurb_today_iso ();
  sqlite3_stmt *stmt;
  gint step;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = qurb_db_statement (db, REPORT_SQL, error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tt", from, to))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      QurbCaravanFigures row = {
        .level = QURB_FIGURES_CARAVAN,
        .caravan = qurb_db_column_dup (stmt, 0),
        .specialty = qurb_db_column_dup (stmt, 1),
        .province = qurb_db_column_dup (stmt, 2),
        .date = qurb_db_column_dup (stmt, 3),
        .booked = sqlite3_column_int64 (stmt, 4),
        .cancelled = sqlite3_column_int64 (stmt, 5),
        .attended = sqlite3_column_int64 (stmt, 6),
        .ratings = sqlite3_column_int64 (stmt, 7),
        .rating_sum = sqlite3_column_int64 (stmt, 8),
        .waiting = sqlite3_column_int64 (stmt, 9),
      };

      row.no_shows = g_strcmp0 (row.date, today) < 0 ? row.booked - row.attended : -1;
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return NULL;
  qurb_caravan_figures_add_totals (rows);
  return g_steal_pointer (&rows);
}
