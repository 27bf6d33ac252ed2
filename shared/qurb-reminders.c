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

/* A booking of tomorrow, to be reminded of. */
typedef struct {
  gint64 booking_id, member_id;
  gchar *phone, *lang, *booking_code, *caravan_code, *date, *start_time, *site;
} Reminder;

static void
reminder_clear (gpointer data)
{
  Reminder *r = data;

  g_free (r->phone);
  g_free (r->lang);
  g_free (r->booking_code);
  g_free (r->caravan_code);
  g_free (r->date);
  g_free (r->start_time);
  g_free (r->site);
}

static gboolean
queue_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Reminders *job = user_data;
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) tomorrow_dt = g_date_time_add_days (now, 1);
  g_autofree gchar *tomorrow = g_date_time_format (tomorrow_dt, "%Y-%m-%d");
  g_autofree gchar *stamp = qurb_datetime_iso (now);
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (Reminder));
  sqlite3_stmt *stmt;
  gint step;

  g_array_set_clear_func (due, reminder_clear);
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
      Reminder r = {
        .booking_id = sqlite3_column_int64 (stmt, 0),
        .member_id = sqlite3_column_int64 (stmt, 1),
        .phone = qurb_db_column_dup (stmt, 2),
        .lang = qurb_db_column_dup (stmt, 3),
        .booking_code = qurb_db_column_dup (stmt, 4),
        .caravan_code = qurb_db_column_dup (stmt, 5),
        .date = qurb_db_column_dup (stmt, 6),
        .start_time = qurb_db_column_dup (stmt, 7),
        .site = qurb_db_column_dup (stmt, 8),
      };
      g_array_append_val (due, r);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      const Reminder *r = &g_array_index (due, Reminder, i);
      g_autofree gchar *day = qurb_format_date (r->date);
      /* TRANSLATORS: SMS the day before; %1$s caravan code, %2$s time,
       * %3$s place, %4$s booking code, %5$s date; keep the cancel keyword */
      g_autofree gchar *text = g_strdup_printf (qurb_dgettext (r->lang, "Reminder: caravan %1$s tomorrow %5$s at %2$s, %3$s. Booking %4$s. To cancel: ANNULER %4$s"),
                                                r->caravan_code, r->start_time, r->site, r->booking_code, day);

      if (!qurb_outbox_queue (db, &(QurbOutgoing) {
                                .peer = r->phone, .text = text, .kind = "reminder",
                                .priority = QURB_PRIORITY_REMINDER, .member_id = r->member_id,
                                .lang = r->lang }, NULL, error))
        return FALSE;
      stmt = qurb_db_statement (db, "UPDATE bookings SET reminded_at = ? WHERE id = ?", error);
      if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", stamp, r->booking_id) ||
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

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (due < 0)
    return FALSE;
  if (due > 0 && !qurb_db_transact (db, queue_in_transaction, &job, error))
    return FALSE;
  if (queued)
    *queued = job.queued;
  return TRUE;
}
