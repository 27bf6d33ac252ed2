/* qurb-messages.c — reading the SMS log */
#include "config.h"

#include "qurb-messages.h"
#include "qurb-outbox.h"

/* Oldest first; last_n > 0 keeps only the newest last_n. */
gboolean
qurb_messages_foreach (QurbDb *db, guint last_n, QurbMessageFunc func, gpointer user_data,
                       GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT * FROM (SELECT id, dir, peer, " QURB_MESSAGE_TEXT_SQL ", state, at, reply_to, kind,"
      "  CASE dir WHEN 'in' THEN error END FROM messages"
      "  ORDER BY id DESC LIMIT ?) ORDER BY id", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", last_n > 0 ? (gint64) last_n : (gint64) -1))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      QurbMessage message = {
        .id = sqlite3_column_int64 (stmt, 0),
        .dir = (const gchar *) sqlite3_column_text (stmt, 1),
        .peer = (const gchar *) sqlite3_column_text (stmt, 2),
        .text = (const gchar *) sqlite3_column_text (stmt, 3),
        .state = (const gchar *) sqlite3_column_text (stmt, 4),
        .at = (const gchar *) sqlite3_column_text (stmt, 5),
        .reply_to = sqlite3_column_int64 (stmt, 6),
        .kind = (const gchar *) sqlite3_column_text (stmt, 7),
        .note = (const gchar *) sqlite3_column_text (stmt, 8),
      };
      func (&message, user_data);
    }
  sqlite3_reset (stmt);
  return step == 0;
}
