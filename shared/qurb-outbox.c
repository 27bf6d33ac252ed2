/* qurb-outbox.c — queueing SMS for the daemon to send */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-outbox.h"

/* Must run inside the caller's transaction, so the message exists if and
 * only if what caused it (a status change, a booking) was committed. */
gboolean
qurb_outbox_queue (QurbDb *db, const QurbOutgoing *message, gint64 *id, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (qurb_db_in_transaction (db), FALSE);
  g_return_val_if_fail (message->peer != NULL && message->text != NULL, FALSE);

  stmt = qurb_db_statement (db,
      "INSERT INTO messages (dir, peer, text, state, at, kind, priority, member_id, lang,"
      "                      reply_to, announcement_id, not_before, updated_at)"
      " VALUES ('out', ?1, ?2, 'queued', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  ok = qurb_db_bind (db, stmt, error, "ttttiJtJJt",
                     message->peer, message->text, now, message->kind,
                     (gint) message->priority,
                     message->member_id, message->lang,
                     message->reply_to, message->announcement_id,
                     message->not_before);
  if (!ok || !qurb_db_step_done (db, stmt, error))
    return FALSE;
  if (id)
    *id = qurb_db_last_id (db);
  return TRUE;
}

/* ---- the daemon's side: claimed one at a time, so that several daemons
 * (one per modem) share one outbox and never send a message twice ---- */

/* Retries of a message the modem refused: 1, 2, 4, … minutes apart. */
#define RETRY_BASE_SECONDS 60

typedef struct {
  const gchar *modem;
  gboolean broadcasts_allowed;
  QurbOutboxItem *item;
} Claim;

static gboolean
claim_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Claim *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt;
  gint step;

  /* Replies first, then notices, reminders, broadcasts; oldest first. */
  stmt = qurb_db_statement (db,
      "UPDATE messages SET state = 'sending', modem = ?1, updated_at = ?2,"
      "  reference = coalesce (reference, id % 256)"
      " WHERE id = (SELECT id FROM messages WHERE dir = 'out' AND state = 'queued'"
      "             AND (not_before IS NULL OR not_before <= ?2)"
      "             AND (?3 OR kind IS NOT 'broadcast')"
      "             ORDER BY priority, id LIMIT 1)"
      " RETURNING id, peer, " QURB_MESSAGE_TEXT_SQL ", reference, attempts,"
      "  (SELECT count(*) FROM sms_sent_parts p WHERE p.message_id = messages.id)", error);
  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "tti", job->modem, now, (gint) job->broadcasts_allowed) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    {
      job->item->id = sqlite3_column_int64 (stmt, 0);
      job->item->peer = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
      job->item->text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 2));
      job->item->reference = sqlite3_column_int (stmt, 3);
      job->item->attempts = sqlite3_column_int (stmt, 4);
      job->item->parts_sent = sqlite3_column_int (stmt, 5);
      /* Step to the end so the UPDATE completes before the reset. */
      while (qurb_db_step_row (db, stmt, NULL) > 0)
        ;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The next message this modem may send now, marked as its own; id is 0
 * when there is none. Atomic across processes. */
gboolean
qurb_outbox_claim (QurbDb *db, const gchar *modem, gboolean broadcasts_allowed,
                   QurbOutboxItem *item, GError **error)
{
  Claim job = { modem, broadcasts_allowed, item };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (item, 0, sizeof *item);
  return qurb_db_transact (db, claim_in_transaction, &job, error);
}

void
qurb_outbox_item_clear (QurbOutboxItem *item)
{
  g_clear_pointer (&item->peer, g_free);
  g_clear_pointer (&item->text, g_free);
}

/* Part seq (1-based) of message id is with the network. */
gboolean
qurb_outbox_part_sent (QurbDb *db, gint64 id, guint seq, const gchar *modem, gint network_ref,
                       GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact_exec (db, error,
      "INSERT OR REPLACE INTO sms_sent_parts (message_id, seq, modem, network_ref, sent_at)"
      " VALUES (?, ?, ?, ?, ?)", "Iitit", id, (gint) seq, modem, network_ref, now);
}

gboolean
qurb_outbox_sent (QurbDb *db, gint64 id, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact_exec (db, error,
      "UPDATE messages SET state = 'sent', updated_at = ?, error = NULL WHERE id = ?", "tI", now, id);
}

/* The modem refused it: back to the queue, a little later each time
 * (1, 2, 4 … minutes), and failed after max_attempts. One message that
 * keeps failing never holds up the others. */
gboolean
qurb_outbox_retry_later (QurbDb *db, gint64 id, const gchar *reason, guint max_attempts,
                         GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT attempts FROM messages WHERE id = ?", error);
  g_autofree gchar *later = NULL;
  gint attempts = 1, step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    attempts = sqlite3_column_int (stmt, 0) + 1;
  sqlite3_reset (stmt);
  later = qurb_now_plus_seconds (RETRY_BASE_SECONDS << MIN (attempts - 1, 6));
  return qurb_db_transact_exec (db, error,
      "UPDATE messages SET updated_at = ?1, error = ?2, not_before = ?3, attempts = ?4,"
      "  state = CASE WHEN ?4 >= ?5 THEN 'failed' ELSE 'queued' END WHERE id = ?6",
      "tttiiI", now, reason, later, attempts, (gint) max_attempts, id);
}

/* A delivery report: the part the network knows as network_ref arrived;
 * the message is delivered when all its parts are. */
gboolean
qurb_outbox_delivered (QurbDb *db, const gchar *modem, gint network_ref, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact_exec (db, error,
      "UPDATE sms_sent_parts SET delivered_at = ?1 WHERE modem = ?2 AND network_ref = ?3"
      "  AND delivered_at IS NULL", "tti", now, modem, network_ref) &&
         qurb_db_transact_exec (db, error,
      "UPDATE messages SET state = 'delivered', updated_at = ?1 WHERE state = 'sent' AND id IN"
      " (SELECT message_id FROM sms_sent_parts WHERE modem = ?2 GROUP BY message_id"
      "  HAVING count(*) = count(delivered_at) AND max(delivered_at) = ?1)", "tt", now, modem);
}

/* At start-up: what this modem was sending when it stopped goes back to
 * the queue; the parts already sent are not sent again. */
gboolean
qurb_outbox_release (QurbDb *db, const gchar *modem, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact_exec (db, error,
      "UPDATE messages SET state = 'queued', updated_at = ? WHERE state = 'sending' AND modem = ?",
      "tt", now, modem);
}
