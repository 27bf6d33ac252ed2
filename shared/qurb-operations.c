/* qurb-operations.c — modem heartbeats, import runs, the box's status
 *
 * Status reads only the database, so that it answers on a box whose
 * modem is unplugged or whose daemon is stopped; every query runs on an
 * index (or on a small table), because monitoring asks every minute. */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-operations.h"
#include "qurb-schema.h"

gboolean
qurb_heartbeat_record (QurbDb *db, const gchar *modem, gint signal, const gchar *network,
                       GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  g_autofree gchar *signal_text = signal >= 0 ? g_strdup_printf ("%d", signal) : NULL;

  g_return_val_if_fail (db != NULL && modem != NULL, FALSE);
  return qurb_db_transact_exec (db, error,
      "INSERT INTO modem_heartbeats (modem, seen_at, signal, network, updated_at)"
      " VALUES (?1, ?2, CAST (?3 AS INTEGER), ?4, ?2)"
      " ON CONFLICT (modem) DO UPDATE SET seen_at = excluded.seen_at,"
      "  signal = coalesce (excluded.signal, signal), network = coalesce (excluded.network, network),"
      "  updated_at = excluded.updated_at",
      "tttt", modem, now, signal_text, network);
}

gboolean
qurb_import_run_record (QurbDb *db, const QurbImportRun *run, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL && run != NULL, FALSE);
  return qurb_db_transact_exec (db, error,
      "INSERT INTO import_runs (kind, path, started_at, finished_at, rows, skipped, error)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      "ttttIIt", run->kind, run->path, run->started_at, now, (gint64) run->rows,
      (gint64) run->skipped, run->error);
}

/* Seconds from a stored time to now; -1 for NULL. */
static gint64
seconds_since (GDateTime *now, const gchar *stored)
{
  g_autoptr(GDateTime) then = qurb_parse_datetime (stored);

  if (then == NULL)
    return -1;
  return MAX (0, g_date_time_difference (now, then) / G_TIME_SPAN_SECOND);
}

/* Runs a query (a literal) whose one row holds integers, into values. */
static gboolean
query_ints (QurbDb *db, const gchar *sql, const gchar *since, gint64 *values, guint n,
            GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, sql, error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, since ? "t" : "", since) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    values[i] = step > 0 ? sqlite3_column_int64 (stmt, i) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* One row, one text column, or NULL. */
static gboolean
query_text (QurbDb *db, const gchar *sql, gchar **value, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, sql, error);
  gint step;

  *value = NULL;
  if (stmt == NULL || (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    *value = qurb_db_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
collect_last_import (QurbDb *db, QurbStatus *status, GDateTime *now, const gchar *day_ago,
                     GError **error)
{
  QurbImportStatus *last = &status->last_import;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT kind, finished_at, rows, skipped, error FROM import_runs ORDER BY id DESC LIMIT 1", error);
  gint step;

  if (stmt == NULL || (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    {
      last->kind = qurb_db_column_dup (stmt, 0);
      last->at = qurb_db_column_dup (stmt, 1);
      last->rows = sqlite3_column_int64 (stmt, 2);
      last->skipped = sqlite3_column_int64 (stmt, 3);
      last->error = qurb_db_column_dup (stmt, 4);
      last->age_s = seconds_since (now, last->at);
    }
  sqlite3_reset (stmt);
  return query_ints (db, "SELECT count(*) FROM import_runs WHERE error IS NOT NULL AND finished_at >= ?",
                     day_ago, &status->imports_failed_24h, 1, error);
}

static gboolean
collect_queues (QurbDb *db, QurbStatus *status, GDateTime *now, const gchar *day_ago,
                GError **error)
{
  g_autofree gchar *oldest_in = NULL, *oldest_out = NULL, *oldest_reply = NULL;
  gint64 trouble[2];

  if (!query_ints (db, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'received'",
                   NULL, &status->inbox_unanswered, 1, error) ||
      !query_text (db, "SELECT min(at) FROM messages WHERE dir = 'in' AND state = 'received'",
                   &oldest_in, error) ||
      !query_ints (db, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'queued'",
                   NULL, &status->outbox_queued, 1, error) ||
      /* The outbox index is by (priority, id): the first of each
       * priority is its oldest, found without reading the others. */
      !query_text (db, "SELECT min((SELECT at FROM messages WHERE dir = 'out' AND state = 'queued'"
                       "  AND priority = p.column1 ORDER BY id LIMIT 1))"
                       " FROM (VALUES (0), (1), (2), (3)) AS p", &oldest_out, error) ||
      !query_text (db, "SELECT at FROM messages WHERE dir = 'out' AND state = 'queued'"
                       " AND priority = 0 ORDER BY id LIMIT 1", &oldest_reply, error) ||
      !query_ints (db, "SELECT count(*) FILTER (WHERE state = 'sending'),"
                       " count(*) FILTER (WHERE state = 'failed' AND updated_at >= ?1)"
                       " FROM messages WHERE dir = 'out' AND state IN ('sending', 'failed')",
                   day_ago, trouble, 2, error))
    return FALSE;
  status->outbox_sending = trouble[0];
  status->outbox_failed_24h = trouble[1];
  status->inbox_oldest_s = seconds_since (now, oldest_in);
  status->oldest_reply_queued_s = seconds_since (now, oldest_reply);
  status->outbox_oldest_queued_s = seconds_since (now, oldest_out);
  return TRUE;
}

static void
fill_modem (QurbModemStatus *modem, sqlite3_stmt *stmt, GDateTime *now)
{
  modem->seen_at = qurb_db_column_dup (stmt, 1);
  modem->signal = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);
  modem->network = qurb_db_column_dup (stmt, 3);
  modem->unseen_s = seconds_since (now, modem->seen_at);
}

static gboolean
collect_modems (QurbDb *db, QurbStatus *status, const gchar *const *names, GDateTime *now,
                GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT modem, seen_at, signal, network FROM modem_heartbeats ORDER BY modem", error);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  gint step;

  if (stmt == NULL)
    return FALSE;
  /* The configured modems first, in the file's order, seen or not. */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_hash_table_insert (named, (gpointer) names[i], qurb_status_add_modem (status, names[i]));
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      const gchar *name = (const gchar *) sqlite3_column_text (stmt, 0);
      QurbModemStatus *modem = g_hash_table_lookup (named, name);

      if (modem == NULL && names == NULL)
        modem = qurb_status_add_modem (status, name);
      if (modem != NULL)
        fill_modem (modem, stmt, now);
    }
  sqlite3_reset (stmt);
  return step == 0;
}

QurbStatus *
qurb_status_collect (QurbDb *db, const gchar *const *modems, GError **error)
{
  g_autoptr(QurbStatus) status = qurb_status_new ();
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *day_ago = qurb_now_plus_seconds (-24 * 3600);
  gint64 counts[2];

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  status->schema = qurb_db_schema_version (db);
  /* count(*) on claims walks the member index, the smallest b-tree. */
  if (!query_ints (db, "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM claims)",
                   NULL, counts, 2, error) ||
      !collect_last_import (db, status, now, day_ago, error) ||
      !collect_queues (db, status, now, day_ago, error) ||
      !collect_modems (db, status, modems, now, error) ||
      !query_ints (db, "SELECT count(*) FROM announcements WHERE state IN ('scheduled', 'queued')",
                   NULL, &status->broadcasts_active, 1, error))
    return NULL;
  status->members = counts[0];
  status->claims = counts[1];
  qurb_status_judge (status);
  return g_steal_pointer (&status);
}
