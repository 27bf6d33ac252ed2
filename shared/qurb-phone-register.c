/* qurb-phone-register.c — a member registers their mobile phone */
#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-outbox.h"
#include "qurb-phone.h"
#include "qurb-phone-register.h"
#include "qurb-segments.h"
#include "qurb-staff-pin.h"

void
qurb_phone_start_clear (QurbPhoneStart *result)
{
  g_clear_pointer (&result->phone, g_free);
}

void
qurb_phone_confirm_clear (QurbPhoneConfirm *result)
{
  g_clear_pointer (&result->phone, g_free);
}

/* Six digits from the kernel's random source: guessable by nobody. */
static void
new_code (gchar code[QURB_PHONE_CODE_LENGTH + 1])
{
  guint32 n = 0;

  if (getrandom (&n, sizeof n, 0) != sizeof n)
    n = g_random_int ();   /* only if the kernel refuses: still unpredictable enough for ten minutes */
  g_snprintf (code, QURB_PHONE_CODE_LENGTH + 1, "%06u", n % 1000000);
}

typedef struct {
  gint64 member_id;
  const gchar *phone;
  const gchar *lang;
  const gchar *code;          /* drawn and hashed before the transaction: */
  const gchar *code_hash;     /* yescrypt takes tens of milliseconds */
  QurbPhoneStart *result;
} StartJob;

static gboolean
start_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  StartJob *job = user_data;
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) expires = g_date_time_add_minutes (now, QURB_PHONE_CODE_MINUTES);
  g_autofree gchar *now_iso = qurb_datetime_iso (now), *expires_iso = qurb_datetime_iso (expires);
  g_autofree gchar *text = NULL, *sms = NULL;
  sqlite3_stmt *stmt;
  gint sends_today = 0, step;

  stmt = qurb_db_statement (db, "SELECT sent_at, sends_today FROM phone_codes WHERE member_id = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", job->member_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    {
      g_autoptr(GDateTime) sent = qurb_parse_datetime ((const gchar *) sqlite3_column_text (stmt, 0));
      GTimeSpan since = sent ? g_date_time_difference (now, sent) : G_MAXINT64;

      if (sent != NULL && g_date_time_get_day_of_year (sent) == g_date_time_get_day_of_year (now) &&
          g_date_time_get_year (sent) == g_date_time_get_year (now))
        sends_today = sqlite3_column_int (stmt, 1);
      if (since < QURB_PHONE_RESEND_SECONDS * G_TIME_SPAN_SECOND)
        {
          job->result->outcome = QURB_PHONE_WAIT;
          job->result->wait_seconds = QURB_PHONE_RESEND_SECONDS - since / G_TIME_SPAN_SECOND;
          sqlite3_reset (stmt);
          return TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (sends_today >= QURB_PHONE_CODES_PER_DAY)
    {
      job->result->outcome = QURB_PHONE_TOO_MANY_CODES;
      return TRUE;
    }

  /* TRANSLATORS: SMS with the code that registers a phone at the kiosk;
   * %1$s the code, %2$d its minutes of life */
  text = g_strdup_printf (qurb_dgettext (job->lang, "Qurb: your code is %1$s. Type it at the kiosk within %2$d minutes. "
                                                    "Give it to nobody."),
                          job->code, QURB_PHONE_CODE_MINUTES);
  sms = g_strcmp0 (job->lang, "fr") == 0 ? qurb_gsm7_fold (text) : g_strdup (text);
  if (!qurb_db_transact_exec (db, error,
        "INSERT INTO phone_codes (member_id, phone, code_hash, expires_at, attempts, sent_at, sends_today)"
        " VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6) ON CONFLICT (member_id) DO UPDATE SET"
        "  phone = ?2, code_hash = ?3, expires_at = ?4, attempts = 0, sent_at = ?5, sends_today = ?6",
        "Itttti", job->member_id, job->phone, job->code_hash, expires_iso, now_iso, sends_today + 1))
    return FALSE;
  /* The member waits at the kiosk: it goes before other notices. */
  if (!qurb_outbox_queue (db, &(QurbOutgoing) {
                            .peer = job->phone, .text = sms, .kind = "notice",
                            .priority = QURB_PRIORITY_REPLY, .member_id = job->member_id,
                            .lang = job->lang }, NULL, error))
    return FALSE;
  job->result->outcome = QURB_PHONE_CODE_SENT;
  return TRUE;
}

gboolean
qurb_phone_register_start (QurbDb *db, gint64 member_id, const gchar *typed, const gchar *lang,
                           QurbPhoneStart *result, GError **error)
{
  StartJob job = { member_id, NULL, lang, NULL, NULL, result };
  g_autofree gchar *code_hash = NULL;
  gchar code[QURB_PHONE_CODE_LENGTH + 1];
  gboolean done;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->phone = qurb_phone_normalize (typed);
  if (result->phone == NULL)
    {
      result->outcome = QURB_PHONE_NOT_MOBILE;
      return TRUE;
    }
  job.phone = result->phone;
  new_code (code);
  code_hash = qurb_staff_pin_hash (code, error);
  job.code = code;
  job.code_hash = code_hash;
  done = code_hash != NULL && qurb_db_transact (db, start_in_transaction, &job, error);
  explicit_bzero (code, sizeof code);
  if (!done)
    qurb_phone_start_clear (result);
  return done;
}

/* The phone, its audit row, and the member's choice kept by imports. */
static gboolean
set_phone (QurbDb *db, gint64 member_id, const gchar *phone, const gchar *actor, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  g_autofree gchar *masked = phone ? qurb_phone_mask (phone) : NULL;
  g_autofree gchar *member_no = NULL;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE members SET phone = ?, phone_chosen = 1, updated_at = ? WHERE id = ? RETURNING member_no", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "ttI", phone, now, member_id) ||
      qurb_db_step_row (db, stmt, error) <= 0)
    return FALSE;
  member_no = qurb_db_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  /* The log names the member and a masked number, never the number. */
  return qurb_db_audit (db, actor, "phone-register", member_no, masked ? masked : "none", error);
}

/* A phone changed by a code sent to the new number: the old number is
 * told too, in the member's language, so that a change the member did
 * not make is noticed. Privacy: nothing of the member's files in it, nor
 * the new number. Queued like any notice. */
static gboolean
notify_old_phone (QurbDb *db, gint64 member_id, const gchar *new_phone, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT phone, lang FROM members WHERE id = ?", error);
  g_autofree gchar *old_phone = NULL, *lang = NULL, *text = NULL, *sms = NULL;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", member_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    {
      old_phone = qurb_db_column_dup (stmt, 0);
      lang = qurb_db_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (old_phone == NULL || *old_phone == '\0' || g_strcmp0 (old_phone, new_phone) == 0)
    return TRUE;
  /* TRANSLATORS: SMS to a member's previous phone after a new one was
   * registered at the kiosk; short (Arabic: one SMS of 70 characters) */
  text = g_strdup (qurb_dgettext (lang, "Qurb: the phone of your file was changed at the kiosk. Not you? "
                                        "Come to your agency."));
  sms = g_strcmp0 (lang, "fr") == 0 ? qurb_gsm7_fold (text) : g_strdup (text);
  return qurb_outbox_queue (db, &(QurbOutgoing) {
                              .peer = old_phone, .text = sms, .kind = "notice",
                              .priority = QURB_PRIORITY_NOTICE, .member_id = member_id,
                              .lang = lang }, NULL, error);
}

typedef struct {
  gint64 member_id;
  const gchar *checked_hash;  /* the hash the code was checked against, */
  gboolean right;             /* outside the transaction, and the verdict */
  const gchar *actor;
  QurbPhoneConfirm *result;
} ConfirmJob;

static gboolean
confirm_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  ConfirmJob *job = user_data;
  QurbPhoneConfirm *result = job->result;
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) expires = NULL;
  g_autofree gchar *stored = NULL;
  sqlite3_stmt *stmt;
  gint attempts, step;

  stmt = qurb_db_statement (db, "SELECT phone, code_hash, expires_at, attempts FROM phone_codes"
                                " WHERE member_id = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", job->member_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step == 0)
    {
      sqlite3_reset (stmt);
      result->outcome = QURB_PHONE_NO_CODE;
      return TRUE;
    }
  result->phone = qurb_db_column_dup (stmt, 0);
  stored = qurb_db_column_dup (stmt, 1);
  expires = qurb_parse_datetime ((const gchar *) sqlite3_column_text (stmt, 2));
  attempts = sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);

  if (expires == NULL || g_date_time_compare (now, expires) >= 0 || attempts >= QURB_PHONE_CODE_TRIES)
    {
      result->outcome = QURB_PHONE_CODE_EXPIRED;
      return TRUE;
    }
  /* A new code sent since the check makes the typed one wrong. */
  if (!job->right || g_strcmp0 (stored, job->checked_hash) != 0)
    {
      result->outcome = QURB_PHONE_WRONG_CODE;
      result->attempts_left = QURB_PHONE_CODE_TRIES - attempts - 1;
      return qurb_db_transact_exec (db, error, "UPDATE phone_codes SET attempts = attempts + 1 WHERE member_id = ?",
                                    "I", job->member_id);
    }
  result->outcome = QURB_PHONE_REGISTERED;
  /* The code is spent: its row goes, the send count with it. */
  return qurb_db_transact_exec (db, error, "DELETE FROM phone_codes WHERE member_id = ?", "I", job->member_id) &&
         notify_old_phone (db, job->member_id, result->phone, error) &&
         set_phone (db, job->member_id, result->phone, job->actor, error);
}

/* The hash of the member's pending code, or NULL: none. */
static gboolean
read_code_hash (QurbDb *db, gint64 member_id, gchar **code_hash, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT code_hash FROM phone_codes WHERE member_id = ?", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", member_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  *code_hash = step > 0 ? qurb_db_column_dup (stmt, 0) : NULL;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
qurb_phone_register_confirm (QurbDb *db, gint64 member_id, const gchar *code, const gchar *actor,
                             QurbPhoneConfirm *result, GError **error)
{
  ConfirmJob job = { member_id, NULL, FALSE, actor, result };
  g_autofree gchar *stored = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  /* Checked outside any transaction (yescrypt takes tens of milliseconds);
   * the transaction then counts the try and refuses a spent or expired
   * code, so guesses in parallel get no more than the tries left. */
  if (!read_code_hash (db, member_id, &stored, error))
    return FALSE;
  job.checked_hash = stored;
  job.right = stored != NULL && code != NULL && qurb_staff_pin_matches (code, stored);
  if (!qurb_db_transact (db, confirm_in_transaction, &job, error))
    {
      qurb_phone_confirm_clear (result);
      return FALSE;
    }
  if (result->outcome != QURB_PHONE_REGISTERED)
    g_clear_pointer (&result->phone, g_free);
  return TRUE;
}

typedef struct {
  gint64 member_id;
  const gchar *phone;
  const gchar *actor;
} SetJob;

static gboolean
set_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  SetJob *job = user_data;

  return set_phone (db, job->member_id, job->phone, job->actor, error);
}

/* Staff: phone is E.164 (qurb_phone_normalize), or NULL for none. */
gboolean
qurb_member_set_phone (QurbDb *db, gint64 member_id, const gchar *phone, const gchar *actor,
                       GError **error)
{
  SetJob job = { member_id, phone, actor };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact (db, set_in_transaction, &job, error);
}
