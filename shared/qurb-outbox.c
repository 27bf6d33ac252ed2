/* qurb-outbox.c — queueing SMS for the daemon to send, and its claims
 *
 * An outgoing message's life (state, modem, send_round, lease_until):
 *
 *   queued ──claim(M)──▶ sending by M, lease = now + L
 *     · when parts of the current round went out through another modem N,
 *       the claim starts a new round: send_round + 1, a new reference,
 *       parts_sent 0 — the message goes again whole through M, and the
 *       member's phone never joins parts from two SIMs (different
 *       senders) or two rounds (different references);
 *     · otherwise (no part out yet, or M's own round) it goes on from the
 *       parts already sent, with the same reference.
 *   sending by M ──part_sent(M, round)──▶ the part recorded, lease renewed;
 *     the last part makes it sent. Only while the claim is M's: a part
 *     recorded for a claim M lost is kept (it went on the air) and M
 *     stops sending that message.
 *   sending by M ──renew(M, round)──▶ lease renewed, or "no longer yours".
 *     M renews before a part whenever its lease is half gone, so a part is
 *     never sent on a lease that can lapse during the send (L is more than
 *     twice the longest send).
 *   sending by M ──retry_later(M)──▶ queued, not before 1, 2, 4 … minutes;
 *     failed after max attempts. ──release(M)──▶ queued (M restarting or
 *     stopping: the part in flight has finished).
 *   sending, lease lapsed (M stopped answering) ──any claim──▶ queued, and
 *     claimed as above: by another modem it starts again whole.
 *   sent ──delivered(network_ref)──▶ delivered when every part of the last
 *     round is.
 *
 * Every transition happens inside one IMMEDIATE transaction (a daemon may
 * make several in one: claim a few messages, record a few parts), guarded
 * by (state, modem, send_round), so two modems never both hold a message.
 * Leases count on the machine's real clock, never the pinned QURB_NOW: they
 * measure how long a daemon has been silent. At-least-once remains for the
 * parts on the air when their daemon was killed, before they were
 * recorded: one for a modem, one per message under way through Kannel. */
#include "config.h"

#include <string.h>

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
/* Coprime with 256: successive rounds of one message cycle through every
 * reference before one comes back. */
#define REFERENCE_STEP 97

static gint64
real_ms (void)
{
  return g_get_real_time () / 1000;
}

typedef struct {
  const gchar *modem;
  gboolean broadcasts_allowed;
  guint lease_ms;
  guint max;
  GArray *items;            /* QurbOutboxItem */
} Claim;

/* Claims whose daemon went silent go back to the queue. */
static gboolean
expire_leases (QurbDb *db, const gchar *now, gint64 now_ms, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE messages SET state = 'queued', lease_until = NULL, updated_at = ?1"
      " WHERE dir = 'out' AND state = 'sending' AND (lease_until IS NULL OR lease_until < ?2)"
      " RETURNING id, modem", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", now, now_ms))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    g_message ("message %" G_GINT64_FORMAT ": the claim of %s lapsed; back in the queue",
               (gint64) sqlite3_column_int64 (stmt, 0), (const gchar *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return step == 0;
}

/* The next message into item; item->id stays 0 when there is none. */
static gboolean
claim_one (QurbDb *db, Claim *job, const gchar *now, gint64 now_ms, QurbOutboxItem *item, GError **error)
{
  g_autofree gchar *held_by = NULL;
  sqlite3_stmt *stmt;
  gint step, round, reference;
  guint parts_sent;

  /* Replies first, then notices, reminders, broadcasts; oldest first. */
  stmt = qurb_db_statement (db,
      "SELECT id, modem, send_round, coalesce (reference, id % 256),"
      "  (SELECT count(*) FROM sms_sent_parts p WHERE p.message_id = m.id AND p.send_round = m.send_round)"
      " FROM messages m WHERE dir = 'out' AND state = 'queued'"
      "  AND (not_before IS NULL OR not_before <= ?1) AND (?2 OR kind IS NOT 'broadcast')"
      " ORDER BY priority, id LIMIT 1", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "ti", now, (gint) job->broadcasts_allowed) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step == 0)
    return TRUE;
  item->id = sqlite3_column_int64 (stmt, 0);
  held_by = qurb_db_column_dup (stmt, 1);
  round = sqlite3_column_int (stmt, 2);
  reference = sqlite3_column_int (stmt, 3);
  parts_sent = sqlite3_column_int (stmt, 4);
  sqlite3_reset (stmt);

  if (parts_sent > 0 && g_strcmp0 (held_by, job->modem) != 0)
    {
      g_message ("message %" G_GINT64_FORMAT ": %u part(s) went out through %s; %s sends it again whole",
                 item->id, parts_sent, held_by, job->modem);
      round++;
      reference = (reference + REFERENCE_STEP) % 256;
      parts_sent = 0;
    }
  stmt = qurb_db_statement (db,
      "UPDATE messages SET state = 'sending', modem = ?1, lease_until = ?2, send_round = ?3,"
      "  reference = ?4, updated_at = ?5 WHERE id = ?6"
      " RETURNING peer, " QURB_MESSAGE_TEXT_SQL ", attempts", error);
  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "tIiitI", job->modem, now_ms + job->lease_ms, round, reference, now,
                     item->id) ||
      (step = qurb_db_step_row (db, stmt, error)) <= 0)
    {
      item->id = 0;
      return step == 0 ? qurb_db_fail (db, SQLITE_INTERNAL, "claim", error) : FALSE;
    }
  item->peer = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  item->text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  item->attempts = sqlite3_column_int (stmt, 2);
  item->reference = reference;
  item->send_round = round;
  item->parts_sent = parts_sent;
  /* Step to the end so the UPDATE completes before the reset. */
  while (qurb_db_step_row (db, stmt, NULL) > 0)
    ;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
clear_items (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    qurb_outbox_item_clear (&g_array_index (items, QurbOutboxItem, i));
  g_array_set_size (items, 0);
}

static gboolean
claim_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Claim *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  gint64 now_ms = real_ms ();

  clear_items (job->items);   /* a transaction tried again starts afresh */
  if (!expire_leases (db, now, now_ms, error))
    return FALSE;
  while (job->items->len < job->max)
    {
      QurbOutboxItem item = { 0 };

      if (!claim_one (db, job, now, now_ms, &item, error))
        return FALSE;
      if (item.id == 0)
        break;
      g_array_append_val (job->items, item);
    }
  return TRUE;
}

/* Up to max messages this modem may send now, each marked as its own for
 * lease_ms, in one transaction; appended to items (QurbOutboxItem, each
 * to clear), in the order to send them. Atomic across processes. */
gboolean
qurb_outbox_claim_many (QurbDb *db, const gchar *modem, gboolean broadcasts_allowed, guint lease_ms,
                        guint max, GArray *items, GError **error)
{
  g_autoptr(GArray) claimed = g_array_new (FALSE, TRUE, sizeof (QurbOutboxItem));
  Claim job = { modem, broadcasts_allowed, lease_ms, max, claimed };

  g_return_val_if_fail (db != NULL && modem != NULL && items != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, claim_in_transaction, &job, error))
    {
      clear_items (claimed);
      return FALSE;
    }
  g_array_append_vals (items, claimed->data, claimed->len);
  return TRUE;
}

/* The next message this modem may send now, marked as its own for
 * lease_ms; id is 0 when there is none. Atomic across processes. */
gboolean
qurb_outbox_claim (QurbDb *db, const gchar *modem, gboolean broadcasts_allowed, guint lease_ms,
                   QurbOutboxItem *item, GError **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (QurbOutboxItem));

  g_return_val_if_fail (item != NULL, FALSE);

  memset (item, 0, sizeof *item);
  if (!qurb_outbox_claim_many (db, modem, broadcasts_allowed, lease_ms, 1, items, error))
    return FALSE;
  if (items->len == 1)
    *item = g_array_index (items, QurbOutboxItem, 0);
  return TRUE;
}

void
qurb_outbox_item_clear (QurbOutboxItem *item)
{
  g_clear_pointer (&item->peer, g_free);
  g_clear_pointer (&item->text, g_free);
}

typedef struct {
  const gchar *modem;
  guint lease_ms;
  QurbOutboxSentPart *parts;  /* seq 0: the lease renewed only */
  guint n;
} PartsSent;

static gboolean
part_sent (QurbDb *db, const PartsSent *job, QurbOutboxSentPart *part, const gchar *now, GError **error)
{
  gboolean last = part->seq > 0 && part->seq >= part->n_parts;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE messages SET lease_until = ?1, updated_at = ?2,"
      "  state = CASE WHEN ?3 THEN 'sent' ELSE state END,"
      "  error = CASE WHEN ?3 THEN NULL ELSE error END"
      " WHERE id = ?4 AND state = 'sending' AND modem = ?5 AND send_round = ?6", error);

  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "ItiIti", real_ms () + job->lease_ms, now, (gint) last,
                     part->item->id, job->modem, part->item->send_round) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  part->ours = qurb_db_changes (db) == 1;
  if (part->seq == 0)
    return TRUE;
  /* On the air either way: recorded, even for a claim lost meanwhile. */
  stmt = qurb_db_statement (db,
      "INSERT OR IGNORE INTO sms_sent_parts (message_id, send_round, seq, modem, network_ref, sent_at)"
      " VALUES (?, ?, ?, ?, ?, ?)", error);
  return stmt != NULL &&
         qurb_db_bind (db, stmt, error, "Iiitit", part->item->id, part->item->send_round, (gint) part->seq,
                       job->modem, part->network_ref, now) &&
         qurb_db_step_done (db, stmt, error);
}

static gboolean
parts_sent_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  PartsSent *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();

  for (guint i = 0; i < job->n; i++)
    if (!part_sent (db, job, &job->parts[i], now, error))
      return FALSE;
  return TRUE;
}

/* Parts with the network, in one transaction, each as
 * qurb_outbox_part_sent records it; each part's ours is set. */
gboolean
qurb_outbox_parts_sent (QurbDb *db, const gchar *modem, guint lease_ms, QurbOutboxSentPart *parts,
                        guint n, GError **error)
{
  PartsSent job = { modem, lease_ms, parts, n };

  g_return_val_if_fail (db != NULL && modem != NULL && (parts != NULL || n == 0), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (guint i = 0; i < n; i++)
    g_return_val_if_fail (parts[i].item != NULL && parts[i].seq > 0, FALSE);

  return n == 0 || qurb_db_transact (db, parts_sent_in_transaction, &job, error);
}

/* Part seq (1-based) of n_parts is with the network: recorded, the lease
 * renewed, the message sent after its last part. *ours is FALSE when the
 * claim was lost (the message is another modem's now: stop sending it). */
gboolean
qurb_outbox_part_sent (QurbDb *db, const QurbOutboxItem *item, const gchar *modem, guint seq,
                       guint n_parts, gint network_ref, guint lease_ms, gboolean *ours, GError **error)
{
  QurbOutboxSentPart part = { item, seq, n_parts, network_ref, FALSE };

  g_return_val_if_fail (item != NULL && seq > 0, FALSE);

  if (!qurb_outbox_parts_sent (db, modem, lease_ms, &part, 1, error))
    return FALSE;
  if (ours)
    *ours = part.ours;
  return TRUE;
}

/* The claim held lease_ms longer, if it is still this modem's. */
gboolean
qurb_outbox_renew (QurbDb *db, const QurbOutboxItem *item, const gchar *modem, guint lease_ms,
                   gboolean *ours, GError **error)
{
  QurbOutboxSentPart renewal = { item, 0, 0, -1, FALSE };
  PartsSent job = { modem, lease_ms, &renewal, 1 };

  g_return_val_if_fail (db != NULL && item != NULL && modem != NULL && ours != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, parts_sent_in_transaction, &job, error))
    return FALSE;
  *ours = renewal.ours;
  return TRUE;
}

/* The modem refused it: back to the queue, a little later each time
 * (1, 2, 4 … minutes), and failed after max_attempts. One message that
 * keeps failing never holds up the others. Nothing when the claim was
 * lost meanwhile. */
gboolean
qurb_outbox_retry_later (QurbDb *db, const QurbOutboxItem *item, const gchar *modem, const gchar *reason,
                         guint max_attempts, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  g_autofree gchar *later = NULL;

  g_return_val_if_fail (db != NULL && item != NULL && modem != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  later = qurb_now_plus_seconds (RETRY_BASE_SECONDS << MIN (item->attempts, 6));
  return qurb_db_transact_exec (db, error,
      "UPDATE messages SET updated_at = ?1, error = ?2, not_before = ?3, attempts = ?4, lease_until = NULL,"
      "  state = CASE WHEN ?4 >= ?5 THEN 'failed' ELSE 'queued' END"
      " WHERE id = ?6 AND state = 'sending' AND modem = ?7 AND send_round = ?8",
      "tttiiIti", now, reason, later, (gint) item->attempts + 1, (gint) max_attempts, item->id,
      modem, item->send_round);
}

typedef struct {
  const gchar *modem;
  gint network_ref;
} Delivery;

static gboolean
delivered_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Delivery *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *stmt;
  gint step;

  /* The parts still waiting for this report: the partial index
   * sms_sent_parts_ref finds them without reading the delivered ones. */
  stmt = qurb_db_statement (db,
      "SELECT message_id, send_round FROM sms_sent_parts WHERE modem = ? AND network_ref = ?"
      "  AND delivered_at IS NULL", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "ti", job->modem, job->network_ref))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      gint64 part[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (parts, part);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;
  if (parts->len > 0 &&
      !qurb_db_transact_exec (db, error,
        "UPDATE sms_sent_parts SET delivered_at = ?1 WHERE modem = ?2 AND network_ref = ?3"
        "  AND delivered_at IS NULL", "tti", now, job->modem, job->network_ref))
    return FALSE;
  /* Each message of those parts, once every part of its round arrived. */
  for (guint i = 0; i < parts->len; i++)
    {
      const gint64 *part = &g_array_index (parts, gint64, 2 * i);

      if (!qurb_db_transact_exec (db, error,
            "UPDATE messages SET state = 'delivered', updated_at = ?1"
            " WHERE id = ?2 AND send_round = ?3 AND state = 'sent' AND NOT EXISTS"
            " (SELECT 1 FROM sms_sent_parts WHERE message_id = ?2 AND send_round = ?3"
            "  AND delivered_at IS NULL)", "tII", now, part[0], part[1]))
        return FALSE;
    }
  return TRUE;
}

/* A delivery report: the part the network knows as network_ref arrived;
 * the message is delivered when all the parts of its last round are.
 * Its cost does not grow with the parts sent before. */
gboolean
qurb_outbox_delivered (QurbDb *db, const gchar *modem, gint network_ref, GError **error)
{
  Delivery job = { modem, network_ref };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact (db, delivered_in_transaction, &job, error);
}

/* At start-up and stop: what this modem was sending goes back to the
 * queue; the parts already sent are not sent again if this modem claims
 * it again (another starts it again whole). */
gboolean
qurb_outbox_release (QurbDb *db, const gchar *modem, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact_exec (db, error,
      "UPDATE messages SET state = 'queued', lease_until = NULL, updated_at = ?"
      " WHERE dir = 'out' AND state = 'sending' AND modem = ?",
      "tt", now, modem);
}
