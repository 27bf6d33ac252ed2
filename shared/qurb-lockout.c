/* qurb-lockout.c — wrong answers slow a subject down, then lock it a while */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-lockout.h"

const QurbLockoutPolicy qurb_lockout_kiosk = { 0, 0, 15, 3, 15, 5 * 60 };
const QurbLockoutPolicy qurb_lockout_member = { 20, 60, 24 * 60, 0, 0, 0 };
const QurbLockoutPolicy qurb_lockout_staff = { 5, 15, 15, 0, 0, 0 };

static gint
attempts_left (const QurbLockoutPolicy *policy, gint failures)
{
  return policy->max_failures > 0 ? MAX (policy->max_failures - failures, 0) : G_MAXINT;
}

QurbLockoutState
qurb_lockout_state (const QurbLockoutRecord *record, const QurbLockoutPolicy *policy, GDateTime *now)
{
  g_autoptr(GDateTime) locked_until = qurb_parse_datetime (record->locked_until);
  g_autoptr(GDateTime) last_failure = qurb_parse_datetime (record->last_failure);
  QurbLockoutState state = { FALSE, 0, 0, record->failures, 0 };

  if (locked_until != NULL && g_date_time_compare (locked_until, now) > 0)
    {
      GTimeSpan left = g_date_time_difference (locked_until, now);

      state.locked = TRUE;
      state.seconds_left = (gint) ((left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
      state.minutes_left = (gint) ((left + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
      return state;
    }
  /* Mistakes older than the window are forgotten: a member who mistyped
   * last week starts with every attempt. */
  if (last_failure == NULL ||
      g_date_time_difference (now, last_failure) >= policy->window_minutes * G_TIME_SPAN_MINUTE)
    state.failures = 0;
  state.attempts_left = attempts_left (policy, state.failures);
  return state;
}

static gboolean
load_state (QurbDb *db, const gchar *subject, const QurbLockoutPolicy *policy, GDateTime *now,
            QurbLockoutState *state, GError **error)
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
  *state = qurb_lockout_state (&record, policy, now);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
qurb_lockout_check (QurbDb *db, const gchar *subject, const QurbLockoutPolicy *policy,
                    QurbLockoutState *state, GError **error)
{
  g_autoptr(GDateTime) now = qurb_now ();

  return load_state (db, subject, policy, now, state, error);
}

gboolean
qurb_lockout_record (QurbDb *db, const gchar *subject, const QurbLockoutPolicy *policy,
                     gboolean success, QurbLockoutState *state, GError **error)
{
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *now_iso = qurb_datetime_iso (now);
  g_autoptr(GDateTime) until = NULL;
  g_autofree gchar *until_iso = NULL;
  gint failures, wait = 0;

  g_return_val_if_fail (qurb_db_in_transaction (db), FALSE);

  if (success)
    {
      *state = (QurbLockoutState) { FALSE, 0, 0, 0, attempts_left (policy, 0) };
      return qurb_db_transact_exec (db, error, "DELETE FROM lockouts WHERE subject = ?", "t", subject);
    }
  if (!load_state (db, subject, policy, now, state, error))
    return FALSE;
  if (state->locked)
    return TRUE;  /* a guess while locked neither counts nor extends the lock */

  failures = state->failures + 1;
  if (policy->max_failures > 0 && failures >= policy->max_failures)
    {
      wait = policy->lock_minutes * 60;
      failures = 0;
    }
  else if (policy->slow_after > 0 && failures >= policy->slow_after)
    wait = MIN (policy->slow_seconds << MIN (failures - policy->slow_after, 16), policy->slow_max_seconds);
  if (wait > 0)
    {
      until = g_date_time_add_seconds (now, wait);
      until_iso = qurb_datetime_iso (until);
      *state = (QurbLockoutState) { TRUE, wait, (wait + 59) / 60, failures, 0 };
    }
  else
    *state = (QurbLockoutState) { FALSE, 0, 0, failures, attempts_left (policy, failures) };
  return qurb_db_transact_exec (db, error,
      "INSERT INTO lockouts (subject, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures,"
      "   last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until",
      "titt", subject, failures, now_iso, until_iso);
}

typedef struct {
  const gchar *subject;
  const gchar *actor;
  gboolean lifted;
} LiftJob;

static gboolean
lift_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  LiftJob *job = user_data;

  if (!qurb_db_transact_exec (db, error, "DELETE FROM lockouts WHERE subject = ?", "t", job->subject))
    return FALSE;
  job->lifted = qurb_db_changes (db) > 0;
  return !job->lifted || qurb_db_audit (db, job->actor, "unlock", job->subject, NULL, error);
}

gboolean
qurb_lockout_lift (QurbDb *db, const gchar *subject, const gchar *actor, gboolean *lifted, GError **error)
{
  LiftJob job = { subject, actor, FALSE };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, lift_in_transaction, &job, error))
    return FALSE;
  if (lifted != NULL)
    *lifted = job.lifted;
  return TRUE;
}
