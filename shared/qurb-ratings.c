/* qurb-ratings.c — after the caravan: one SMS asking the members who came
 * for a mark from 1 to 5, and their answer kept
 *
 * Like the reminders (qurb-reminders.c), the question is queued by the
 * daemon's periodic duties outside the quiet hours, once per booking
 * (rating_asked_at). Only members who came (attended_at) are asked, and
 * not those who sent STOP: the question is not something they asked for.
 * It travels as kind 'reminder' (messages.kind's CHECK would need the
 * largest table rebuilt to learn a new kind). */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-outbox.h"
#include "qurb-ratings.h"
#include "qurb-sms-rating.h"

#define DUE_WHERE \
  " FROM caravans c JOIN bookings b ON b.caravan_id = c.id" \
  "  AND b.attended_at IS NOT NULL AND b.rating_asked_at IS NULL" \
  " JOIN members m ON m.id = b.member_id" \
  " WHERE c.date >= ?1 AND c.date < ?2 AND b.state = 'active'" \
  "  AND m.phone IS NOT NULL AND m.broadcasts = 1"

typedef struct {
  gchar *first_day, *today;
  guint queued;
} RatingsJob;

typedef struct {
  gint64 booking_id, member_id;
  gchar *phone, *lang, *caravan_code, *date;
} Question;

static void
question_clear (gpointer data)
{
  Question *q = data;

  g_free (q->phone);
  g_free (q->lang);
  g_free (q->caravan_code);
  g_free (q->date);
}

/* "03/02": the caravan's day, short enough for one Arabic part. */
static gchar *
day_and_month (const gchar *date)
{
  gint y, m, d;

  return qurb_parse_date (date, &y, &m, &d) ? g_strdup_printf ("%02d/%02d", d, m) : g_strdup (date);
}

static gboolean
queue_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  RatingsJob *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (Question));
  sqlite3_stmt *stmt;
  gint step;

  g_array_set_clear_func (due, question_clear);
  job->queued = 0;
  stmt = qurb_db_statement (db, "SELECT b.id, m.id, m.phone, m.lang, c.code, c.date" DUE_WHERE, error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tt", job->first_day, job->today))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      Question q = {
        .booking_id = sqlite3_column_int64 (stmt, 0),
        .member_id = sqlite3_column_int64 (stmt, 1),
        .phone = qurb_db_column_dup (stmt, 2),
        .lang = qurb_db_column_dup (stmt, 3),
        .caravan_code = qurb_db_column_dup (stmt, 4),
        .date = qurb_db_column_dup (stmt, 5),
      };
      g_array_append_val (due, q);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      const Question *q = &g_array_index (due, Question, i);
      g_autofree gchar *day = day_and_month (q->date);
      /* TRANSLATORS: SMS the day after a caravan, one part (70 characters in
       * Arabic); %1$s caravan code, %2$s its day as 03/02; the member answers
       * with a digit */
      g_autofree gchar *text = g_strdup_printf (qurb_dgettext (q->lang, "Caravan %1$s of %2$s: how was it? Reply with a mark from 1 (bad) to 5 (very good)."),
                                                q->caravan_code, day);

      if (!qurb_outbox_queue (db, &(QurbOutgoing) {
                                .peer = q->phone, .text = text, .kind = "reminder",
                                .priority = QURB_PRIORITY_REMINDER, .member_id = q->member_id,
                                .lang = q->lang }, NULL, error))
        return FALSE;
      stmt = qurb_db_statement (db, "UPDATE bookings SET rating_asked_at = ? WHERE id = ?", error);
      if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", now, q->booking_id) ||
          !qurb_db_step_done (db, stmt, error))
        return FALSE;
      job->queued++;
    }
  return TRUE;
}

/* Queues, once per booking, the question to every member who came to a
 * caravan of the last QURB_RATING_ASK_DAYS days (not today's). */
gboolean
qurb_ratings_queue (QurbDb *db, guint *queued, GError **error)
{
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, -QURB_RATING_ASK_DAYS);
  RatingsJob job = { g_date_time_format (first, "%Y-%m-%d"), g_date_time_format (now, "%Y-%m-%d"), 0 };
  /* The daemon calls this on every poll: no write lock when none is due. */
  gint due = qurb_db_query_exists (db, error, "SELECT 1" DUE_WHERE " LIMIT 1", "tt", job.first_day, job.today);
  gboolean ok = due >= 0 && (due == 0 || qurb_db_transact (db, queue_in_transaction, &job, error));

  if (ok && queued)
    *queued = job.queued;
  g_free (job.first_day);
  g_free (job.today);
  return ok;
}

/* 1 when the member was asked for a rating lately and has not answered,
 * 0 when not, -1 on error. */
gint
qurb_rating_pending (QurbDb *db, gint64 member_id, GError **error)
{
  g_autofree gchar *since = qurb_now_plus_seconds (-QURB_RATING_ANSWER_DAYS * 24 * 3600);

  return qurb_db_query_exists (db, error,
      "SELECT 1 FROM bookings WHERE member_id = ? AND rating_asked_at IS NOT NULL AND rating IS NULL"
      " AND rating_asked_at >= ? LIMIT 1", "It", member_id, since);
}

/* Keeps the mark as the answer to the latest open question (inside the
 * caller's transaction: the answer and the reply go together). recorded
 * is FALSE when no question was open. */
gboolean
qurb_rating_record (QurbDb *db, gint64 member_id, gint rating, gboolean *recorded, GError **error)
{
  g_autofree gchar *since = qurb_now_plus_seconds (-QURB_RATING_ANSWER_DAYS * 24 * 3600);
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (rating >= QURB_RATING_MIN && rating <= QURB_RATING_MAX, FALSE);

  stmt = qurb_db_statement (db,
      "UPDATE bookings SET rating = ?1, rated_at = ?2 WHERE id = (SELECT id FROM bookings"
      " WHERE member_id = ?3 AND rating_asked_at IS NOT NULL AND rating IS NULL AND rating_asked_at >= ?4"
      " ORDER BY rating_asked_at DESC, id DESC LIMIT 1)", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "itIt", rating, now, member_id, since) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  *recorded = qurb_db_changes (db) > 0;
  return TRUE;
}
