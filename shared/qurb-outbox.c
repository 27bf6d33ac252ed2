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
    *id = sqlite3_last_insert_rowid (qurb_db_handle (db));
  return TRUE;
}
