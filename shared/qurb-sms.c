/* qurb-sms.c — an incoming SMS, from storage to the reply in the outbox
 *
 * Before any answer, the rules that keep the service private and out of
 * trouble: never answer a sender that is not a mobile number (operators'
 * alphanumeric senders and short codes start auto-reply loops), one
 * answer for identical messages within five minutes, an hourly cap per
 * sender, and one "register your phone" answer a day to numbers no member
 * registered. Personal answers go only to the member's registered phone. */
#include "config.h"

#include <string.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-outbox.h"
#include "qurb-phone.h"
#include "qurb-caravans.h"
#include "qurb-members.h"
#include "qurb-ratings.h"
#include "qurb-sms-reply.h"
#include "qurb-sms-store.h"
#include "qurb-sms.h"

#define DUPLICATE_WINDOW_MINUTES 5

/* Moroccan mobile numbers in E.164; anything else as it came. */
gchar *
qurb_sms_sender_normalize (const gchar *sender)
{
  gchar *e164 = qurb_phone_normalize (sender);

  return e164 ? e164 : g_strdup (sender ? sender : "");
}

/* A number people can carry: a Moroccan mobile, or an international
 * number long enough not to be a short code. Names ("MAROCTEL") and
 * short codes ("5050") are not. */
gboolean
qurb_sms_sender_is_mobile (const gchar *sender)
{
  g_autofree gchar *e164 = qurb_phone_normalize (sender);
  guint digits = 0;

  if (e164 != NULL)
    return TRUE;
  if (sender == NULL || sender[0] != '+' || g_str_has_prefix (sender, "+212"))
    return FALSE;
  for (const gchar *p = sender + 1; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      digits++;
    }
  return digits >= 10 && digits <= 15;
}

typedef struct {
  const gchar *sender;
  const gchar *text;
  gint64 id;
} Receive;

static gboolean
receive_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Receive *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  g_autofree gchar *peer = qurb_sms_sender_normalize (job->sender);
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "INSERT INTO messages (dir, peer, text, state, at, updated_at)"
      " VALUES ('in', ?1, ?2, 'received', ?3, ?3)", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "ttt", peer, job->text, now) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  job->id = qurb_db_last_id (db);
  return TRUE;
}

gboolean
qurb_sms_receive (QurbDb *db, const gchar *sender, const gchar *text, gint64 *incoming_id,
                  GError **error)
{
  Receive job = { sender, text ? text : "", 0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, receive_in_transaction, &job, error))
    return FALSE;
  if (incoming_id)
    *incoming_id = job.id;
  return TRUE;
}

typedef struct {
  gint64 id;
  const QurbSmsPolicy *policy;
  QurbSmsResult *result;
} Process;

/* How many earlier messages from peer since `since` were answered, and
 * (when text is not NULL) carried exactly this text. */
static gint64
count_answered (QurbDb *db, gint64 before_id, const gchar *peer, const gchar *since,
                const gchar *text, gboolean members_only, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT count(*) FROM messages WHERE dir = 'in' AND peer = ?1 AND at >= ?2 AND id < ?3"
      "  AND state = 'handled' AND (?4 IS NULL OR text = ?4)"
      "  AND (?5 = 0 OR member_id IS NULL)", error);
  gint64 count;

  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "ttItI", peer, since, before_id, text, (gint64) members_only) ||
      qurb_db_step_row (db, stmt, error) <= 0)
    return -1;
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static gboolean
finish (QurbDb *db, gint64 id, const gchar *state, gint64 member_id, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE messages SET state = ?, member_id = ?, updated_at = ? WHERE id = ?", error);

  return stmt != NULL && qurb_db_bind (db, stmt, error, "tJtI", state, member_id, now, id) &&
         qurb_db_step_done (db, stmt, error);
}

/* Why the message gets no answer, or NULL when it gets one. */
static const gchar *
abuse_rule (QurbDb *db, gint64 id, const gchar *peer, const gchar *text,
            const QurbSmsPolicy *policy, GError **error)
{
  g_autofree gchar *five_minutes_ago = qurb_now_plus_seconds (-DUPLICATE_WINDOW_MINUTES * 60);
  g_autofree gchar *an_hour_ago = qurb_now_plus_seconds (-60 * 60);
  gint64 n;

  if (!qurb_sms_sender_is_mobile (peer))
    return "not a mobile sender";
  n = count_answered (db, id, peer, five_minutes_ago, text, FALSE, error);
  if (n != 0)
    return n < 0 ? "error" : "duplicate";
  if (policy->max_replies_per_hour > 0)
    {
      n = count_answered (db, id, peer, an_hour_ago, NULL, FALSE, error);
      if (n < 0 || n >= policy->max_replies_per_hour)
        return n < 0 ? "error" : "hourly cap";
    }
  return NULL;
}

/* A message that gets no answer asked for nothing we act on. */
static void
ignore (QurbSmsCommand *command)
{
  QurbScript script = command->script;

  memset (command, 0, sizeof *command);
  command->intent = QURB_INTENT_IGNORED;
  command->script = script;
}

static gboolean
process_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Process *job = user_data;
  QurbSmsResult *result = job->result;
  g_autofree gchar *peer = NULL, *text = NULL, *state = NULL, *today = NULL;
  gboolean partial;
  g_auto(GStrv) codes = NULL;
  g_autoptr(QurbMember) member = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  const gchar *rule;
  gint step;

  g_clear_pointer (&result->reply, g_free);
  result->reply_id = 0;
  stmt = qurb_db_statement (db, "SELECT peer, text, state, error FROM messages WHERE id = ? AND dir = 'in'", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", job->id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step == 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED, "no incoming message %" G_GINT64_FORMAT, job->id);
      return FALSE;
    }
  peer = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  state = g_strdup ((const gchar *) sqlite3_column_text (stmt, 2));
  partial = g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, 3), QURB_SMS_PARTS_MISSING) == 0;
  sqlite3_reset (stmt);

  codes = qurb_caravan_codes (db, error);
  if (codes == NULL)
    return FALSE;
  qurb_sms_parse (text, (const gchar *const *) codes, &result->command);
  result->incoming_id = job->id;
  /* Answered already (a message seen twice): nothing more to do. */
  if (strcmp (state, "received") != 0)
    {
      result->command.intent = strcmp (state, "ignored") == 0 ? QURB_INTENT_IGNORED : result->command.intent;
      result->lang = "fr";
      return TRUE;
    }

  rule = abuse_rule (db, job->id, peer, text, job->policy, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Only a Moroccan mobile can be a member's registered phone. */
  if (g_str_has_prefix (peer, "+212"))
    member = qurb_member_find_by_phone (db, peer, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A member asked for a rating is read as answering it first. */
  if (member != NULL)
    {
      gint pending = qurb_rating_pending (db, member->id, error);

      if (pending < 0)
        return FALSE;
      if (pending > 0)
        qurb_sms_parse_expecting (text, (const gchar *const *) codes, QURB_SMS_EXPECT_RATING, &result->command);
    }

  /* The member's own script, else their saved language. */
  result->lang = result->command.script == QURB_SCRIPT_ARABIC ? "ar"
               : result->command.script == QURB_SCRIPT_LATIN ? "fr"
               : member != NULL && g_strcmp0 (member->lang, "fr") == 0 ? "fr" : "ar";
  if (result->command.intent == QURB_INTENT_LANGUAGE && result->command.lang != NULL)
    result->lang = result->command.lang;
  if (!qurb_i18n_require (result->lang, error))
    return FALSE;

  /* A long message whose other parts never came: answered from what came
   * when that is understood, else asked for again (DESIGN.md 3.1). */
  if (partial && (result->command.intent == QURB_INTENT_UNKNOWN ||
                  result->command.intent == QURB_INTENT_IGNORED))
    result->command.intent = QURB_INTENT_UNKNOWN;
  else
    partial = FALSE;
  /* Courtesy ("شكرا", "ok merci") costs the member no answer either. */
  if (rule == NULL && result->command.intent == QURB_INTENT_IGNORED)
    rule = "nothing asked";
  if (rule != NULL)
    {
      g_debug ("message %" G_GINT64_FORMAT " gets no answer: %s", job->id, rule);
      ignore (&result->command);
      return finish (db, job->id, "ignored", member ? member->id : 0, error);
    }

  if (member == NULL)
    {
      g_autofree gchar *midnight = NULL;

      today = qurb_today_iso ();
      midnight = g_strconcat (today, "T00:00:00", NULL);
      step = count_answered (db, job->id, peer, midnight, NULL, TRUE, error);
      if (step < 0)
        return FALSE;
      if (step > 0)
        {
          ignore (&result->command);
          return finish (db, job->id, "ignored", 0, error);
        }
      result->reply = qurb_sms_registration_hint (result->lang);
    }
  else if (partial)
    result->reply = qurb_sms_send_again (result->lang);
  else
    {
      result->reply = qurb_sms_answer (db, member, &result->command, result->lang, error);
      if (result->reply == NULL)
        return FALSE;
    }

  /* French goes out in GSM-7: 160 characters a part instead of 70. */
  if (strcmp (result->lang, "fr") == 0)
    {
      gchar *folded = qurb_gsm7_fold (result->reply);
      g_free (result->reply);
      result->reply = folded;
    }
  qurb_sms_segments (result->reply, &result->segments);
  if (!qurb_outbox_queue (db, &(QurbOutgoing) {
                            .peer = peer, .text = result->reply, .kind = "reply",
                            .priority = QURB_PRIORITY_REPLY, .member_id = member ? member->id : 0,
                            .lang = result->lang, .reply_to = job->id }, &result->reply_id, error))
    return FALSE;
  return finish (db, job->id, "handled", member ? member->id : 0, error);
}

gboolean
qurb_sms_process (QurbDb *db, gint64 incoming_id, const QurbSmsPolicy *policy,
                  QurbSmsResult *result, GError **error)
{
  static const QurbSmsPolicy default_policy = QURB_SMS_POLICY_DEFAULT;
  Process job = { incoming_id, policy ? policy : &default_policy, result };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  return qurb_db_transact (db, process_in_transaction, &job, error);
}

void
qurb_sms_result_clear (QurbSmsResult *result)
{
  g_clear_pointer (&result->reply, g_free);
}
