/* qurb-lockout.c — too many wrong answers lock a subject out for a while */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-lockout.h"

QurbLockoutState
qurb_lockout_state (const QurbLockoutRecord *record, GDateTime *now)
{
  g_autoptr(GDateTime) locked_until = qurb_parse_datetime (record->locked_until);
  g_autoptr(GDateTime) last_failure = qurb_parse_datetime (record->last_failure);
  QurbLockoutState state = { FALSE, 0, QURB_LOCKOUT_MAX_FAILURES };
  gint failures = record->failures;

  if (locked_until != NULL && g_date_time_compare (locked_until, now) > 0)
    {
      GTimeSpan left = g_date_time_difference (locked_until, now);

      state.locked = TRUE;
      state.minutes_left = (gint) ((left + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
      state.attempts_left = 0;
      return state;
    }
  /* Mistakes older than a lock's length are forgotten: a member who
   * mistyped last week starts with every attempt. */
  if (last_failure == NULL ||
      g_date_time_difference (now, last_failure) >= QURB_LOCKOUT_MINUTES * G_TIME_SPAN_MINUTE)
    failures = 0;
  state.attempts_left = MAX (QURB_LOCKOUT_MAX_FAILURES - failures, 0);
  return state;
}

/* Reads the subject's record; failures_out is what still counts. */
static gboolean
load_state (QurbDb *db, const gchar *subject, GDateTime *now, QurbLockoutState *state,
            GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT failures, last_failure_at, locked_until FROM lockouts WHERE subject = ?", error);
  QurbLockoutRecord record = { 0 };
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", subject) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    {
      record.failures = sqlite3_column_int (stmt, 0);
      record.last_failure = (const gchar *) sqlite3_column_text (stmt, 1);
      record.locked_until = (const gchar *) sqlite3_column_text (stmt, 2);
    }
  *state = qurb_lockout_state (&record, now);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
qurb_lockout_check (QurbDb *db, const gchar *subject, QurbLockoutState *state, GError **error)
{
  g_autoptr(GDateTime) now = qurb_now ();

  return load_state (db, subject, now, state, error);
}

gboolean
qurb_lockout_record (QurbDb *db, const gchar *subject, gboolean success,
                     QurbLockoutState *state, GError **error)
{
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *now_iso = qurb_datetime_iso (now);
  g_autoptr(GDateTime) until = NULL;
  g_autofree gchar *until_iso = NULL;
  gint failures;

  g_return_val_if_fail (qurb_db_in_transaction (db), FALSE);

  if (success)
    {
      *state = (QurbLockoutState) { FALSE, 0, QURB_LOCKOUT_MAX_FAILURES };
      return qurb_db_transact_exec (db, error, "DELETE FROM lockouts WHERE subject = ?", "t", subject);
    }
  if (!load_state (db, subject, now, state, error))
    return FALSE;
  if (state->locked)
    return TRUE;  /* a guess while locked neither counts nor extends the lock */

  failures = QURB_LOCKOUT_MAX_FAILURES - state->attempts_left + 1;
  if (failures >= QURB_LOCKOUT_MAX_FAILURES)
    {
      until = g_date_time_add_minutes (now, QURB_LOCKOUT_MINUTES);
      until_iso = qurb_datetime_iso (until);
      failures = 0;
      *state = (QurbLockoutState) { TRUE, QURB_LOCKOUT_MINUTES, 0 };
    }
  else
    state->attempts_left = QURB_LOCKOUT_MAX_FAILURES - failures;
  return qurb_db_transact_exec (db, error,
      "INSERT INTO lockouts (subject, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures,"
      "   last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until",
      "titt", subject, failures, now_iso, until_iso);
}
