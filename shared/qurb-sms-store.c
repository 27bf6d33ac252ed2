/* qurb-sms-store.c — the SMS daemon's side of the database */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-outbox.h"
#include "qurb-sms-store.h"

typedef struct {
  const QurbSmsPart *part;
  gboolean is_new;
} StorePart;

static gboolean
store_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  StorePart *job = user_data;
  const QurbSmsPart *p = job->part;
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "INSERT OR IGNORE INTO sms_parts (modem, sender, sent_at, reference, total, seq, text, received_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "tttiiitt", p->modem, p->sender, p->sent_at, p->reference,
                     p->total, p->seq, p->text, now) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  job->is_new = qurb_db_changes (db) == 1;
  return TRUE;
}

/* Committed when it returns TRUE: only then may the modem delete it. */
gboolean
qurb_sms_store_part (QurbDb *db, const QurbSmsPart *part, gboolean *is_new, GError **error)
{
  StorePart job = { part, FALSE };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, store_in_transaction, &job, error))
    return FALSE;
  if (is_new)
    *is_new = job.is_new;
  return TRUE;
}

typedef struct {
  guint timeout_seconds;
  GArray *ids;
} Assemble;

/* One message from parts (ordered by seq); missing or undecodable parts
 * make it a message that is kept, marked and not answered. */
static gboolean
assemble_group (QurbDb *db, Assemble *job, const gchar *sender, gint reference, gint total,
                const gchar *first_part_id, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gchar *now = qurb_now_iso ();
  g_autoptr(GArray) part_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean undecodable = FALSE;
  gint seen = 0, last_seq = 0;
  sqlite3_stmt *stmt;
  gint64 message_id;
  gint step;

  if (reference < 0)
    {
      stmt = qurb_db_statement (db, "SELECT id, seq, text FROM sms_parts WHERE id = ?", error);
      if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", first_part_id))
        return FALSE;
    }
  else
    {
      stmt = qurb_db_statement (db,
          "SELECT id, seq, text FROM sms_parts WHERE message_id IS NULL AND sender = ?"
          " AND reference = ? AND total = ? ORDER BY seq, id", error);
      if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tii", sender, reference, total))
        return FALSE;
    }
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint seq = sqlite3_column_int (stmt, 1);
      const gchar *part = (const gchar *) sqlite3_column_text (stmt, 2);

      g_array_append_val (part_ids, id);
      if (seq == last_seq)
        continue;  /* the same part, sent twice by the network */
      last_seq = seq;
      seen++;
      if (part == NULL)
        undecodable = TRUE;
      else
        g_string_append (text, part);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  stmt = qurb_db_statement (db,
      "INSERT INTO messages (dir, peer, text, state, at, updated_at, error)"
      " VALUES ('in', ?1, ?2, ?3, ?4, ?4, ?5)", error);
  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "ttttt", sender, text->str,
                     undecodable || seen < total ? "ignored" : "received", now,
                     undecodable ? "undecodable" : seen < total ? "parts missing" : NULL) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  message_id = qurb_db_last_id (db);
  if (!undecodable && seen == total)
    g_array_append_val (job->ids, message_id);

  for (guint i = 0; i < part_ids->len; i++)
    {
      stmt = qurb_db_statement (db, "UPDATE sms_parts SET message_id = ? WHERE id = ?", error);
      if (stmt == NULL ||
          !qurb_db_bind (db, stmt, error, "II", message_id, g_array_index (part_ids, gint64, i)) ||
          !qurb_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
assemble_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Assemble *job = user_data;
  g_autofree gchar *cutoff = qurb_now_plus_seconds (-(gint) job->timeout_seconds);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  gint step;

  g_array_set_size (job->ids, 0);
  /* Complete groups, and incomplete ones whose first part is too old
   * for the rest to come; single parts are each a group. */
  stmt = qurb_db_statement (db,
      "SELECT sender, reference, total, min(id) FROM sms_parts WHERE message_id IS NULL"
      " GROUP BY sender, reference, total, CASE WHEN reference < 0 THEN id END"
      " HAVING count(DISTINCT seq) >= total OR min(received_at) <= ?"
      " ORDER BY min(id)", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", cutoff))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      gchar *group[5] = {
        g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const gchar *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const gchar *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const gchar *) sqlite3_column_text (stmt, 3)),
        NULL,
      };
      g_ptr_array_add (groups, g_memdup2 (group, sizeof group));
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      gchar **g = groups->pdata[i];
      if (!assemble_group (db, job, g[0], atoi (g[1]), atoi (g[2]), g[3], error))
        return FALSE;
    }
  return TRUE;
}

/* The ids of the messages now complete and ready to answer, oldest first. */
GArray *
qurb_sms_assemble (QurbDb *db, guint timeout_seconds, GError **error)
{
  Assemble job = { timeout_seconds, g_array_new (FALSE, FALSE, sizeof (gint64)) };
  /* The daemon calls this on every poll: no write lock when no part waits. */
  gint waiting = qurb_db_query_exists (db, error,
      "SELECT 1 FROM sms_parts WHERE message_id IS NULL LIMIT 1", "");

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (waiting <= 0)
    {
      if (waiting == 0)
        return job.ids;
      g_array_unref (job.ids);
      return NULL;
    }
  if (!qurb_db_transact (db, assemble_in_transaction, &job, error))
    {
      g_array_unref (job.ids);
      return NULL;
    }
  return job.ids;
}
