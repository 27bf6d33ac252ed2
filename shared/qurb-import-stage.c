/* qurb-import-stage.c — a first load of claims: staged, then written in
 * one pass in dossier order (see qurb-import-claims.c for the rest) */
#include "config.h"

#include <string.h>

#include "qurb-import-private.h"

/* ---- a first load: staged, then inserted in one sorted pass ----
 *
 * Into an empty table, a million claims in random order would be a
 * million inserts in random places. They are appended to a temporary
 * table instead (on disk: temp_store=FILE for the while), then moved by
 * one INSERT … SELECT … ORDER BY dossier_no, which SQLite sorts once and
 * appends — what a bulk loader does. A dossier listed twice keeps its
 * first row; the later ones are merged as updates, in file order. */

#define STAGE_SQL "INSERT INTO temp.claims_load (dossier_no, member_id, kind, deposited_on, status," \
  " status_date, amount_claimed, amount_paid, reason, updated_at) VALUES "

gboolean
qurb_import_stage_begin (QurbImportContext *ctx, GError **error)
{
  ctx->stage_open = ctx->staged = qurb_db_exec (ctx->db, "PRAGMA temp_store=FILE", error) &&
                qurb_db_exec (ctx->db, "CREATE TEMP TABLE claims_load (seq INTEGER PRIMARY KEY,"
                              " dossier_no TEXT, member_id INTEGER, kind TEXT, deposited_on TEXT, status TEXT,"
                              " status_date TEXT, amount_claimed INTEGER, amount_paid INTEGER, reason TEXT,"
                              " updated_at TEXT)", error);
  return ctx->staged;
}

static const gchar *
stage_sql (gboolean full)
{
  static gsize built;
  static gchar *sql;

  if (!full)
    return STAGE_SQL CLAIM_VALUES;
  if (g_once_init_enter (&built))
    {
      GString *text = g_string_new (STAGE_SQL);

      for (guint i = 0; i < CHUNK_ROWS; i++)
        g_string_append (text, i ? ", " CLAIM_VALUES : CLAIM_VALUES);
      sql = g_string_free (text, FALSE);
      g_once_init_leave (&built, 1);
    }
  return sql;
}

gboolean
qurb_import_stage_window (QurbImportContext *ctx, Window *window, GError **error)
{
  gboolean full = window->n_claims == CHUNK_ROWS;
  sqlite3_stmt *stmt = qurb_db_statement (ctx->db, stage_sql (full), error);

  for (guint i = 0; stmt != NULL && i < window->n_claims; i += full ? CHUNK_ROWS : 1)
    if (!qurb_import_bind_window (ctx, stmt, window, i, full ? CHUNK_ROWS : 1, error) ||
        !qurb_db_step_done (ctx->db, stmt, error))
      return FALSE;
  return stmt != NULL;
}

/* The later rows of dossiers listed more than once, in file order. */
static gboolean
collect_repeats (QurbImportContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (ctx->db,
      "SELECT dossier_no, member_id, kind, deposited_on, status, status_date, amount_claimed,"
      "  amount_paid, reason FROM (SELECT *, row_number () OVER (PARTITION BY dossier_no ORDER BY seq) AS n"
      "  FROM temp.claims_load) WHERE n > 1 ORDER BY seq", error);
  gint step;

  if (stmt == NULL)
    return FALSE;
  while ((step = qurb_db_step_row (ctx->db, stmt, error)) > 0)
    {
      PendingClaim pending = { { { 0 } } };
      const gchar *texts[] = { (const gchar *) sqlite3_column_text (stmt, 2),
                               (const gchar *) sqlite3_column_text (stmt, 4) };

      g_strlcpy (pending.row.dossier_no, (const gchar *) sqlite3_column_text (stmt, 0), sizeof pending.row.dossier_no);
      pending.member_id = sqlite3_column_int64 (stmt, 1);
      /* kind and status are codes of the closed lists: kept as strings of the chunk. */
      pending.row.kind = g_string_chunk_insert_const (ctx->chunk->strings, texts[0]);
      g_strlcpy (pending.row.deposited_on, (const gchar *) sqlite3_column_text (stmt, 3), sizeof pending.row.deposited_on);
      pending.row.status = g_string_chunk_insert_const (ctx->chunk->strings, texts[1]);
      g_strlcpy (pending.row.status_date, (const gchar *) sqlite3_column_text (stmt, 5), sizeof pending.row.status_date);
      pending.row.amount_claimed = sqlite3_column_int64 (stmt, 6);
      pending.row.amount_paid = sqlite3_column_int64 (stmt, 7);
      pending.row.reason = g_string_chunk_insert (ctx->chunk->strings, (const gchar *) sqlite3_column_text (stmt, 8));
      g_array_append_val (ctx->chunk->pending, pending);
    }
  sqlite3_reset (stmt);
  return step == 0;
}

/* Runs inside one transaction (qurb_db_transact): the whole load lands
 * or none of it does, and a retry starts it again. */
gboolean
qurb_import_stage_finish (QurbImportContext *ctx, GError **error)
{
  QurbDb *db = ctx->db;
  sqlite3_stmt *stmt;
  gint64 staged;

  g_return_val_if_fail (ctx->staged, FALSE);

  stmt = qurb_db_statement (db, "SELECT count(*) FROM temp.claims_load", error);
  if (stmt == NULL || qurb_db_step_row (db, stmt, error) < 0)
    return FALSE;
  staged = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!qurb_import_run (db, "INSERT INTO claims (dossier_no, member_id, kind, deposited_on, status, status_date,"
                "  amount_claimed, amount_paid, reason, updated_at)"
                " SELECT dossier_no, member_id, kind, deposited_on, status, status_date, amount_claimed,"
                "  amount_paid, reason, updated_at FROM temp.claims_load WHERE true ORDER BY dossier_no, seq"
                " ON CONFLICT (dossier_no) DO NOTHING", error))
    return FALSE;
  ctx->stats.inserted = qurb_db_changes (db);
  if (ctx->stats.inserted == staged)
    return TRUE;
  /* Rare: the same dossier more than once in the file. */
  ctx->staged = FALSE;
  qurb_import_discard (ctx);
  if (!collect_repeats (ctx, error) || !qurb_import_flush (ctx, error))
    {
      ctx->staged = TRUE;
      return FALSE;
    }
  ctx->staged = TRUE;
  return TRUE;
}

/* A file already in dossier order gains nothing from the stage: its
 * first batch tells, and then rows go straight into claims. */
gboolean
qurb_import_stage_decide (QurbImportContext *ctx, GError **error)
{
  GArray *pending = ctx->chunk->pending;

  ctx->stage_decided = TRUE;
  for (guint i = 1; i < pending->len; i++)
    if (strcmp (g_array_index (pending, PendingClaim, i - 1).row.dossier_no,
                g_array_index (pending, PendingClaim, i).row.dossier_no) >= 0)
      return TRUE;
  ctx->staged = FALSE;
  return qurb_import_run (ctx->db, "DROP TABLE temp.claims_load", error);
}

void
qurb_import_stage_end (QurbImportContext *ctx)
{
  if (!ctx->stage_open)
    return;
  qurb_db_exec (ctx->db, "DROP TABLE IF EXISTS temp.claims_load", NULL);
  qurb_db_exec (ctx->db, "PRAGMA temp_store=MEMORY", NULL);
  ctx->staged = ctx->stage_open = FALSE;
}

