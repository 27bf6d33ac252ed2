/* qurb-smsd-intake.c — what comes in: parts stored, messages answered
 *
 * The parts read from a modem at once (behind Kannel: the posts smsbox
 * made together) are stored in one transaction, committed before the
 * modem may delete any of them — before smsbox's posts are answered 200.
 * Messages are answered up to ANSWER_BATCH in one transaction, each
 * exactly as qurb_sms_process() answers it alone: its reply queued in the
 * transaction that marks it handled. A transaction that fails leaves
 * every part on the modem and every message unanswered, for later. */
#include "config.h"

#include "qurb-sms-store.h"
#include "qurb-sms.h"
#include "qurb-smsd-log.h"
#include "qurb-smsd-private.h"

#define REASSEMBLY_TIMEOUT_SECONDS 600
/* Messages answered in one transaction: the write lock is held for
 * about a millisecond a message, and a kiosk booking waits that long. */
#define ANSWER_BATCH 64

typedef struct {
  const gchar *modem;
  GPtrArray *parts;           /* QurbModemPart */
  gboolean *is_new;
} Store;

static gboolean
store_part (QurbDb *db, const gchar *modem, const QurbModemPart *part, gboolean *is_new, GError **error)
{
  g_autofree gchar *sender = NULL;

  if (part->status_report)
    return !part->delivered || qurb_outbox_delivered (db, modem, part->report_ref, error);
  sender = qurb_sms_sender_normalize (part->sender);
  return qurb_sms_store_part (db, &(QurbSmsPart) { modem, sender, part->sent_at, part->reference,
                                                   part->total, part->seq, part->text }, is_new, error);
}

static gboolean
store_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Store *job = user_data;

  for (guint i = 0; i < job->parts->len; i++)
    if (!store_part (db, job->modem, job->parts->pdata[i], &job->is_new[i], error))
      return FALSE;
  return TRUE;
}

/* Every part in the modem's inbox stored and committed, then deleted from
 * the modem. FALSE when the database failed: the parts stay on the modem. */
static gboolean
store_inbox (QurbSmsdRunner *runner)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *is_new = NULL;
  Store job;

  if (!qurb_smsd_modem_ready (runner))
    return TRUE;
  parts = runner->modem->ops->read_inbox (runner->modem, &error);
  if (parts == NULL)
    {
      qurb_smsd_modem_failed (runner, error);
      return TRUE;
    }
  runner->errors = 0;
  qurb_smsd_heartbeat (runner);
  /* A report on a part whose sending is not recorded yet would find no
   * part: it stays in the modem until the part is recorded. */
  runner->reports_held = FALSE;
  for (guint i = parts->len; i-- > 0;)
    {
      QurbModemPart *part = parts->pdata[i];

      if (part->status_report && qurb_smsd_sender_awaits (runner, part->report_ref))
        {
          runner->reports_held = TRUE;
          g_ptr_array_remove_index (parts, i);
        }
    }
  if (parts->len == 0)
    return TRUE;

  is_new = g_new0 (gboolean, parts->len);
  job = (Store) { runner->modem->name, parts, is_new };
  /* Committed before the modem may forget any of them. */
  if (!qurb_db_transact (runner->smsd->db, store_in_transaction, &job, &error))
    {
      qurb_smsd_db_failed (runner->smsd, "storing parts (left on the modem)", error);
      return FALSE;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      QurbModemPart *part = parts->pdata[i];

      if (!part->status_report)
        {
          g_autofree gchar *who = qurb_smsd_masked (part->sender);

          qurb_smsd_log (G_LOG_LEVEL_DEBUG, runner->modem->name, 0, "part %d/%d from %s %s", part->seq,
                         part->total, who, is_new[i] ? "stored" : "seen before");
        }
      if (!runner->modem->ops->delete_part (runner->modem, part, &error))
        {
          /* Stored already: when it is read again it is recognised. */
          qurb_smsd_modem_failed (runner, error);
          break;
        }
    }
  return TRUE;
}

typedef struct {
  const QurbSmsPolicy *policy;
  GArray *ids;                /* gint64 */
  QurbSmsResult *results;
} Answer;

static gboolean
answer_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Answer *job = user_data;

  for (guint i = 0; i < job->ids->len; i++)
    {
      /* a transaction tried again starts afresh */
      qurb_sms_result_clear (&job->results[i]);
      if (!qurb_sms_process (db, g_array_index (job->ids, gint64, i), job->policy, &job->results[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
answer_more (gpointer user_data)
{
  QurbSmsdRunner *runner = user_data;

  runner->answer_source = 0;
  if (!qurb_smsd_db_waiting (runner->smsd))
    qurb_smsd_answer_waiting (runner);
  return G_SOURCE_REMOVE;
}

/* Messages stored but not answered, by this run or one that died: the
 * oldest ANSWER_BATCH answered in one transaction, the others soon after
 * (an idle), so that the main loop turns in between. FALSE when the
 * database failed: they stay 'received', answered once it is back. */
gboolean
qurb_smsd_answer_waiting (QurbSmsdRunner *runner)
{
  QurbDb *db = runner->smsd->db;
  QurbSmsPolicy policy = { runner->smsd->config->max_replies_per_hour };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree QurbSmsResult *results = NULL;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT id FROM messages WHERE dir = 'in' AND state = 'received' ORDER BY id LIMIT ?", &error);
  gboolean more = FALSE, replied = FALSE;
  Answer job;
  gint step;

  if (stmt != NULL && qurb_db_bind (db, stmt, &error, "i", ANSWER_BATCH + 1))
    {
      while ((step = qurb_db_step_row (db, stmt, &error)) > 0)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }
  if (error != NULL)
    {
      qurb_smsd_db_failed (runner->smsd, "messages to answer", error);
      return FALSE;
    }
  if (ids->len > ANSWER_BATCH)
    {
      more = TRUE;
      g_array_set_size (ids, ANSWER_BATCH);
    }
  if (ids->len == 0)
    return TRUE;

  results = g_new0 (QurbSmsResult, ids->len);
  job = (Answer) { &policy, ids, results };
  if (!qurb_db_transact (db, answer_in_transaction, &job, &error))
    {
      for (guint i = 0; i < ids->len; i++)
        qurb_sms_result_clear (&results[i]);
      qurb_smsd_db_failed (runner->smsd, "answering messages", error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      qurb_smsd_log (G_LOG_LEVEL_DEBUG, runner->modem->name, id, "message %" G_GINT64_FORMAT ": %s, %s", id,
                     qurb_intent_name (results[i].command.intent), results[i].reply ? "answered" : "no answer");
      replied |= results[i].reply_id != 0;
      qurb_sms_result_clear (&results[i]);
    }
  if (replied)
    qurb_smsd_sender_wake (runner);
  if (more && runner->smsd->running && runner->answer_source == 0)
    runner->answer_source = g_idle_add (answer_more, runner);
  return TRUE;
}

/* Parts in, assembled into messages, the messages answered. FALSE when
 * the database failed. */
gboolean
qurb_smsd_intake (QurbSmsdRunner *runner)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (!store_inbox (runner))
    return FALSE;
  ids = qurb_sms_assemble (runner->smsd->db, REASSEMBLY_TIMEOUT_SECONDS, &error);
  if (ids == NULL)
    {
      qurb_smsd_db_failed (runner->smsd, "assembling parts", error);
      return FALSE;
    }
  return qurb_smsd_answer_waiting (runner);
}

static gboolean
on_intake (gpointer user_data)
{
  QurbSmsdRunner *runner = user_data;

  runner->intake_source = 0;
  if (!qurb_smsd_db_waiting (runner->smsd))
    qurb_smsd_intake (runner);
  return G_SOURCE_REMOVE;
}

void
qurb_smsd_intake_soon (QurbSmsdRunner *runner)
{
  if (runner->smsd->running && runner->intake_source == 0)
    runner->intake_source = g_idle_add (on_intake, runner);
}

/* Behind Kannel, parts are taken in as they come, not at the next poll. */
static gboolean
on_parts_came (gpointer user_data)
{
  QurbSmsdRunner *runner = user_data;

  if (runner->smsd->running && !qurb_smsd_db_waiting (runner->smsd))
    qurb_smsd_intake (runner);
  return G_SOURCE_REMOVE;
}

void
qurb_smsd_watch_inbox (QurbSmsdRunner *runner)
{
  if (runner->modem->ops->watch_inbox != NULL)
    runner->modem->ops->watch_inbox (runner->modem, on_parts_came, runner);
}
