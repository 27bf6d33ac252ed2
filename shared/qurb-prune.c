/* qurb-prune.c — the message log forgets what members wrote, after a while
 *
 * In batches, each its own transaction, so that a first prune of years
 * of broadcasts never holds the write lock long; a prune that stops
 * half-way is simply run again (pruned rows are marked). */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-phone.h"
#include "qurb-prune.h"

#define BATCH_ROWS 5000

typedef struct {
  const gchar *cutoff;
  const gchar *now;
  gint64 changed;
} Batch;

/* SQL qurb_phone_mask(number): the number as logs show it. */
static void
mask_sql (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const gchar *number = (const gchar *) sqlite3_value_text (argv[0]);

  if (number == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, qurb_phone_mask (number), -1, g_free);
}

static gboolean
prune_message_batch (QurbDb *db, gpointer user_data, GError **error)
{
  Batch *batch = user_data;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE messages SET text = '', peer = qurb_phone_mask (peer), pruned_at = ?1"
      " WHERE id IN (SELECT id FROM messages WHERE at < ?2 AND pruned_at IS NULL"
      "   AND state NOT IN ('received', 'queued', 'sending') LIMIT " G_STRINGIFY (BATCH_ROWS) ")",
      error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tt", batch->now, batch->cutoff) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  batch->changed = qurb_db_changes (db);
  return TRUE;
}

/* Parts already joined into a message; a part still waiting for its
 * siblings is the daemon's business. */
static gboolean
prune_part_batch (QurbDb *db, gpointer user_data, GError **error)
{
  Batch *batch = user_data;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "DELETE FROM sms_parts WHERE id IN (SELECT id FROM sms_parts WHERE received_at < ?"
      "  AND message_id IS NOT NULL LIMIT " G_STRINGIFY (BATCH_ROWS) ")", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", batch->cutoff) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  batch->changed = qurb_db_changes (db);
  return TRUE;
}

static gboolean
run_batches (QurbDb *db, QurbDbTxnFunc func, Batch *batch, gint64 *total, GError **error)
{
  *total = 0;
  do
    {
      if (!qurb_db_transact (db, func, batch, error))
        return FALSE;
      *total += batch->changed;
    }
  while (batch->changed == BATCH_ROWS);
  return TRUE;
}

gboolean
qurb_prune_messages (QurbDb *db, guint keep_days, QurbPruneStats *stats, GError **error)
{
  g_autofree gchar *cutoff = qurb_now_plus_seconds (-(gint) MIN (keep_days, 20000u) * 86400);
  g_autofree gchar *now = qurb_now_iso ();
  Batch batch = { cutoff, now, 0 };
  QurbPruneStats local = { 0 };
  gint rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rc = sqlite3_create_function_v2 (qurb_db_handle (db), "qurb_phone_mask", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, mask_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return qurb_db_fail (db, rc, "qurb_phone_mask()", error);
  if (!run_batches (db, prune_message_batch, &batch, &local.messages, error) ||
      !run_batches (db, prune_part_batch, &batch, &local.parts, error))
    return FALSE;
  if (stats != NULL)
    *stats = local;
  return TRUE;
}
