/* qurb-reminders.c — the day-before reminder of a booked caravan slot */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-outbox.h"
#include "qurb-reminders.h"
#include "qurb-texts.h"

typedef struct {
  guint queued;
} Reminders;

static gboolean
queue_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Reminders *job = user_data;
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) tomorrow_dt = g_date_time_add_days (now, 1);
  g_autofree gchar *tomorrow = g_date_time_format (tomorrow_dt, "%Y-%m-%d");
  g_autofree gchar *stamp = qurb_datetime_iso (now);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  gint step;

  job->queued = 0;
  stmt = qurb_db_statement (db,
      "SELECT b.id, m.id, m.phone, m.lang, b.code, c.code, c.date, s.start_time,"
      "       CASE m.lang WHEN 'ar' THEN c.site_ar ELSE c.site_fr END"
      " FROM bookings b JOIN members m ON m.id = b.member_id"
      " JOIN caravans c ON c.id = b.caravan_id JOIN slots s ON s.id = b.slot_id"
      " WHERE b.state = 'active' AND b.reminded_at IS NULL AND c.date = ? AND m.phone IS NOT NULL",
      error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", tomorrow))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      gchar **row = g_new0 (gchar *, 10);
      for (guint i = 0; i < 9; i++)
        row[i] = g_strdup ((const gchar *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      gchar **r = rows->pdata[i];
      g_autofree gchar *day = qurb_format_date (r[6]);
      /* TRANSLATORS: SMS the day before; %1$s caravan code, %2$s time,
       * %3$s place, %4$s booking code; keep the cancel keyword */
      g_autofree gchar *text = g_strdup_printf (qurb_dgettext (r[3], "Reminder: caravan %1$s tomorrow %5$s at %2$s, %3$s. Booking %4$s. To cancel: ANNULER %4$s"),
                                                r[5], r[7], r[8], r[4], day);
      gint64 member_id = g_ascii_strtoll (r[1], NULL, 10);

      if (!qurb_outbox_queue (db, &(QurbOutgoing) {
                                .peer = r[2], .text = text, .kind = "reminder",
                                .priority = QURB_PRIORITY_REMINDER, .member_id = member_id,
                                .lang = r[3] }, NULL, error))
        return FALSE;
      stmt = qurb_db_statement (db, "UPDATE bookings SET reminded_at = ? WHERE id = ?", error);
      if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", stamp, g_ascii_strtoll (r[0], NULL, 10)) ||
          !qurb_db_step_done (db, stmt, error))
        return FALSE;
      job->queued++;
    }
  return TRUE;
}

/* Queues, once, a reminder for every active booking of tomorrow. */
gboolean
qurb_reminders_queue (QurbDb *db, guint *queued, GError **error)
{
  Reminders job = { 0 };
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) tomorrow_dt = g_date_time_add_days (now, 1);
  g_autofree gchar *tomorrow = g_date_time_format (tomorrow_dt, "%Y-%m-%d");
  /* The daemon calls this on every poll: no write lock when none is due. */
  gint due = qurb_db_query_exists (db, error,
      "SELECT 1 FROM bookings b JOIN caravans c ON c.id = b.caravan_id"
      " WHERE b.state = 'active' AND b.reminded_at IS NULL AND c.date = ? LIMIT 1", "t", tomorrow);

  if (due < 0)
    return FALSE;
  if (due > 0 && !qurb_db_transact (db, queue_in_transaction, &job, error))
    return FALSE;
  if (queued)
    *queued = job.queued;
  return TRUE;
}
