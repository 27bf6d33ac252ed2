/* qurb-import-claims.c — claim rows into the database, many at a time
 *
 * A claims file is the big one: a million rows on the first day. The
 * valid rows of a batch are held, sorted by dossier (an export lists
 * them in no useful order, and the claims table is kept in dossier
 * order: sorted, each of its pages is visited once a batch, not once a
 * row), then inserted 64 at a time by one multi-row INSERT … ON CONFLICT
 * DO NOTHING RETURNING, which costs SQLite far less than one statement
 * per row. The dossiers that did not come back already existed: each of
 * those is compared with what is stored and updated; a status change
 * joins the claim's past statuses and is told to the member. A first
 * load holds the rows of every batch and writes them all at the end
 * (qurb-import-stage.c). */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-digit-sort.h"
#include "qurb-i18n.h"
#include "qurb-import-private.h"
#include "qurb-outbox.h"
#include "qurb-records.h"
#include "qurb-texts.h"

#define CLAIM_COLUMNS \
  "INSERT INTO claims (dossier_no, member_id, kind, deposited_on, status, status_date," \
  "  amount_claimed, amount_paid, reason, updated_at) VALUES "
#define CLAIM_CONFLICT " ON CONFLICT (dossier_no) DO NOTHING"
#define CLAIM_RETURNING " RETURNING dossier_no"

/* The statements for a full chunk, with and without RETURNING; built
 * once and kept for the life of the process, because statements are
 * cached by the address of their SQL. */
static const gchar *
full_chunk_sql (gboolean returning)
{
  static gsize built;
  static gchar *sql[2];

  if (g_once_init_enter (&built))
    {
      GString *text = g_string_new (CLAIM_COLUMNS);

      for (guint i = 0; i < CHUNK_ROWS; i++)
        g_string_append (text, i ? ", " CLAIM_VALUES : CLAIM_VALUES);
      g_string_append (text, CLAIM_CONFLICT);
      sql[0] = g_strdup (text->str);
      g_string_append (text, CLAIM_RETURNING);
      sql[1] = g_string_free (text, FALSE);
      g_once_init_leave (&built, 1);
    }
  return sql[returning ? 1 : 0];
}

/* A member number (5–10 digits, already checked) as a hash key that
 * needs no allocation: its value and its length, so "012345" and "12345"
 * stay apart. */
static gpointer
member_key (const gchar *member_no)
{
  guint64 value = 0;
  gsize len = 0;

  for (; member_no[len]; len++)
    value = value * 10 + (member_no[len] - '0');
  return GSIZE_TO_POINTER ((gsize) (value << 4 | len));
}

static void
ensure_member_ids (QurbImportContext *ctx)
{
  G_STATIC_ASSERT (sizeof (gsize) >= 8);
  if (ctx->member_ids == NULL)
    ctx->member_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
}

/* A first load names nearly every member: one pass over them all costs
 * less than a lookup for each (200 k members: ~0.1 s less). */
gboolean
qurb_import_preload_members (QurbImportContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (ctx->db, "SELECT member_no, id FROM members", error);
  gint step;

  if (stmt == NULL)
    return FALSE;
  ensure_member_ids (ctx);
  while ((step = qurb_db_step_row (ctx->db, stmt, error)) > 0)
    {
      const gchar *member_no = (const gchar *) sqlite3_column_text (stmt, 0);
      gsize len = strspn (member_no, "0123456789");

      /* Imported members have 5 to 10 digits; member_key() needs them. */
      if (len >= 5 && len < QURB_MEMBER_NO_SIZE && member_no[len] == '\0')
        g_hash_table_insert (ctx->member_ids, member_key (member_no),
                             GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return step == 0;
}

/* Members are only ever added (by a members import), so an id once
 * found stays right; the cache spares a lookup per claim. */
static gint64
lookup_member_id (QurbImportContext *ctx, const gchar *member_no, GError **error)
{
  gpointer key = member_key (member_no);
  sqlite3_stmt *stmt;
  gint64 id;
  gint found;

  ensure_member_ids (ctx);
  id = GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->member_ids, key));
  if (id > 0)
    return id;

  stmt = qurb_db_statement (ctx->db, "SELECT id FROM members WHERE member_no = ?", error);
  if (stmt == NULL || !qurb_db_bind (ctx->db, stmt, error, "t", member_no) ||
      (found = qurb_db_step_row (ctx->db, stmt, error)) < 0)
    return -1;
  if (!found)
    {
      sqlite3_reset (stmt);
      qurb_import_reject (error, _("member_no %s is not a known member; import the members first"),
                          member_no);
      return -1;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_hash_table_insert (ctx->member_ids, key, GSIZE_TO_POINTER ((gsize) id));
  return id;
}

/* Tells the member by SMS, in their language, unless they have no phone,
 * asked for no notices, or are another agency's to tell. */
static gboolean
queue_status_notice (QurbImportContext *ctx, gint64 member_id, const QurbClaimRow *row,
                     GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (ctx->db,
      "SELECT phone, lang FROM members WHERE id = ?1 AND phone IS NOT NULL AND notices"
      " AND " QURB_AGENCY_SERVES_SQL ("?2", "province"), error);
  g_autofree gchar *phone = NULL, *lang = NULL, *text = NULL;
  QurbClaimStatus status;
  gint found;

  if (stmt == NULL || !qurb_db_bind (ctx->db, stmt, error, "It", member_id, ctx->agency_scope) ||
      (found = qurb_db_step_row (ctx->db, stmt, error)) < 0)
    return FALSE;
  if (!found)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  phone = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  lang = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  if (!qurb_claim_status_parse (row->status, &status))
    g_assert_not_reached ();
  text = qurb_compose_claim_notice (lang, row->dossier_no, status, row->amount_paid);
  if (!qurb_outbox_queue (ctx->db, &(QurbOutgoing) {
                            .peer = phone, .text = text, .kind = "notice",
                            .priority = QURB_PRIORITY_NOTICE, .member_id = member_id,
                            .lang = lang }, NULL, error))
    return FALSE;
  ctx->stats.notices++;
  return TRUE;
}

/* A claim whose dossier was already there: compare, update, tell. */
static gboolean
merge_existing (QurbImportContext *ctx, const PendingClaim *pending, GError **error)
{
  QurbDb *db = ctx->db;
  const QurbClaimRow *row = &pending->row;
  g_autofree gchar *left_status = NULL;
  const gchar *texts[] = { row->kind, row->deposited_on, row->status, row->status_date };
  sqlite3_stmt *stmt;
  gboolean same, moved;
  gint found;

  stmt = qurb_db_statement (db,
      "SELECT member_id, kind, deposited_on, status, status_date, amount_claimed,"
      "       amount_paid, reason FROM claims WHERE dossier_no = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", row->dossier_no) ||
      (found = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  g_assert (found);

  same = sqlite3_column_int64 (stmt, 0) == pending->member_id &&
         sqlite3_column_int64 (stmt, 5) == row->amount_claimed &&
         sqlite3_column_int64 (stmt, 6) == row->amount_paid &&
         qurb_import_column_is (stmt, 7, row->reason) &&
         qurb_import_columns_are (stmt, 1, texts, G_N_ELEMENTS (texts));
  if (same)
    {
      sqlite3_reset (stmt);
      ctx->stats.unchanged++;
      return TRUE;
    }
  moved = sqlite3_column_int64 (stmt, 0) != pending->member_id ||
          !qurb_import_column_is (stmt, 2, row->deposited_on);
  if (!qurb_import_column_is (stmt, 3, row->status))
    left_status = g_strdup_printf ("%s %s\n", sqlite3_column_text (stmt, 3),
                                   sqlite3_column_text (stmt, 4));
  sqlite3_reset (stmt);

  /* Rewriting indexed columns that did not change would dirty an index
   * page per claim: they get their own, rare, update. */
  if (!moved)
    stmt = qurb_db_statement (db,
        "UPDATE claims SET kind = ?2, status = ?3, status_date = ?4, amount_claimed = ?5,"
        "  amount_paid = ?6, reason = ?7, updated_at = ?8, past_statuses = past_statuses || ?9"
        " WHERE dossier_no = ?1", error);
  else
    stmt = qurb_db_statement (db,
        "UPDATE claims SET kind = ?2, status = ?3, status_date = ?4, amount_claimed = ?5,"
        "  amount_paid = ?6, reason = ?7, updated_at = ?8, past_statuses = past_statuses || ?9,"
        "  member_id = ?10, deposited_on = ?11 WHERE dossier_no = ?1", error);
  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, moved ? "ttttIItttIt" : "ttttIIttt", row->dossier_no,
                     row->kind, row->status, row->status_date, row->amount_claimed,
                     row->amount_paid, row->reason, ctx->now, left_status ? left_status : "",
                     pending->member_id, row->deposited_on) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  ctx->stats.updated++;

  if (left_status == NULL)
    return TRUE;
  ctx->stats.status_changes++;
  return queue_status_notice (ctx, pending->member_id, row, error);
}

static gint
bind_claim (sqlite3_stmt *stmt, gint base, const PendingClaim *pending, const gchar *now)
{
  const QurbClaimRow *row = &pending->row;
  const gchar *texts[] = { row->kind, row->deposited_on, row->status, row->status_date };
  gint rc = sqlite3_bind_text (stmt, base + 1, row->dossier_no, -1, SQLITE_STATIC);

  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, base + 2, pending->member_id);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (texts); i++)
    rc = sqlite3_bind_text (stmt, base + 3 + i, texts[i], -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, base + 7, row->amount_claimed);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, base + 8, row->amount_paid);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, base + 9, row->reason, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, base + 10, now, -1, SQLITE_STATIC);
  return rc;
}

/* Marks the claim a returned dossier belongs to; RETURNING gives rows in
 * no promised order, though in practice in VALUES order. */
static void
mark_inserted (Window *window, guint *hint, const gchar *dossier_no)
{
  for (guint k = 0; k < window->n_claims; k++)
    {
      PendingClaim *pending = &window->claims[(*hint + k) % window->n_claims];

      if (!pending->inserted && strcmp (pending->row.dossier_no, dossier_no) == 0)
        {
          pending->inserted = TRUE;
          *hint = (*hint + k + 1) % window->n_claims;
          return;
        }
    }
}

static gboolean
bind_window (QurbImportContext *ctx, sqlite3_stmt *stmt, Window *window, guint first, guint n,
             GError **error)
{
  gint rc = SQLITE_OK;

  for (guint k = 0; k < n && rc == SQLITE_OK; k++)
    rc = bind_claim (stmt, k * CLAIM_PARAMS, &window->claims[first + k], ctx->now);
  return rc == SQLITE_OK || qurb_db_fail (ctx->db, rc, "bind", error);
}

gboolean
qurb_import_run (QurbDb *db, const gchar *sql, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, sql, error);
  return stmt != NULL && qurb_db_step_done (db, stmt, error);
}

/* A first load is all new dossiers, and RETURNING is a fair share of
 * the cost of inserting them: a full chunk first goes in without it,
 * inside a savepoint, and only if some dossier already existed is it
 * rolled back and inserted again with RETURNING to learn which. */
static gboolean
insert_all_new (QurbImportContext *ctx, Window *window, gboolean *all_new, GError **error)
{
  QurbDb *db = ctx->db;
  sqlite3_stmt *stmt;

  *all_new = FALSE;
  if (!qurb_import_run (db, "SAVEPOINT claims_chunk", error))
    return FALSE;
  stmt = qurb_db_statement (db, full_chunk_sql (FALSE), error);
  if (stmt == NULL || !bind_window (ctx, stmt, window, 0, CHUNK_ROWS, error) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  if (qurb_db_changes (db) == CHUNK_ROWS)
    {
      *all_new = TRUE;
      for (guint k = 0; k < CHUNK_ROWS; k++)
        window->claims[k].inserted = TRUE;
      return qurb_import_run (db, "RELEASE claims_chunk", error);
    }
  return qurb_import_run (db, "ROLLBACK TO claims_chunk", error) && qurb_import_run (db, "RELEASE claims_chunk", error);
}

static gboolean
insert_window (QurbImportContext *ctx, Window *window, GError **error)
{
  QurbDb *db = ctx->db;
  QurbClaimChunk *chunk = ctx->chunk;
  gboolean full = window->n_claims == CHUNK_ROWS;
  sqlite3_stmt *stmt;
  guint hint = 0, inserted = 0;
  gint step;

  if (full && chunk->expect_new)
    {
      gboolean all_new;

      if (!insert_all_new (ctx, window, &all_new, error))
        return FALSE;
      if (all_new)
        return TRUE;
    }

  stmt = qurb_db_statement (db, full ? full_chunk_sql (TRUE)
                                     : CLAIM_COLUMNS CLAIM_VALUES CLAIM_CONFLICT CLAIM_RETURNING,
                            error);
  if (stmt == NULL)
    return FALSE;
  /* A short window (the end of a batch) goes one row at a time. */
  for (guint i = 0; i < window->n_claims; i += full ? CHUNK_ROWS : 1)
    {
      if (!bind_window (ctx, stmt, window, i, full ? CHUNK_ROWS : 1, error))
        return FALSE;
      while ((step = qurb_db_step_row (db, stmt, error)) > 0)
        {
          mark_inserted (window, &hint, (const gchar *) sqlite3_column_text (stmt, 0));
          inserted++;
        }
      sqlite3_reset (stmt);
      if (step < 0)
        return FALSE;
    }
  if (full)
    chunk->expect_new = inserted == CHUNK_ROWS;
  return TRUE;
}

/* The held rows in dossier order: a stable sort, so that a dossier
 * listed twice is inserted from its first row, then updated from the
 * later ones, as the file says. Free it with g_free(). */
QurbDigitSortEntry *
qurb_import_sort_held (QurbImportContext *ctx)
{
  GArray *pending = ctx->chunk->pending;
  QurbDigitSortEntry *order = g_new (QurbDigitSortEntry, MAX (pending->len, 1));

  for (guint i = 0; i < pending->len; i++)
    order[i] = (QurbDigitSortEntry) {
      qurb_digit_key (g_array_index (pending, PendingClaim, i).row.dossier_no), i };
  qurb_digit_sort (order, pending->len);
  return order;
}

/* Writes the held rows order[first] to order[end - 1], CHUNK_ROWS at a
 * time, each window gathered from where the order puts its rows. The
 * held rows are left as they were, so that a retry of the transaction
 * can write them again. */
gboolean
qurb_import_write_sorted (QurbImportContext *ctx, const QurbDigitSortEntry *order, guint first,
                          guint end, GError **error)
{
  GArray *pending = ctx->chunk->pending;
  PendingClaim gathered[CHUNK_ROWS];
  gboolean ok = TRUE;

  g_return_val_if_fail (first <= end && end <= pending->len, FALSE);

  for (guint start = first; ok && start < end; start += CHUNK_ROWS)
    {
      Window window = { gathered, MIN (CHUNK_ROWS, end - start) };

      for (guint k = 0; k < window.n_claims; k++)
        {
          gathered[k] = g_array_index (pending, PendingClaim, order[start + k].index);
          gathered[k].inserted = FALSE;
        }
      ok = insert_window (ctx, &window, error);
      for (guint k = 0; ok && k < window.n_claims; k++)
        {
          if (window.claims[k].inserted)
            ctx->stats.inserted++;
          else
            ok = merge_existing (ctx, &window.claims[k], error);
        }
    }
  return ok;
}

/* Every held row, in dossier order, in the caller's transaction. */
gboolean
qurb_import_write_held (QurbImportContext *ctx, GError **error)
{
  g_autofree QurbDigitSortEntry *order = qurb_import_sort_held (ctx);

  return qurb_import_write_sorted (ctx, order, 0, ctx->chunk->pending->len, error);
}

/* The end of a batch: its rows are written, or held for a first load. */
gboolean
qurb_import_flush (QurbImportContext *ctx, GError **error)
{
  QurbClaimChunk *chunk = ctx->chunk;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (chunk == NULL || chunk->pending->len == chunk->kept)
    return TRUE;
  if (ctx->staged && !ctx->stage_decided)
    qurb_import_stage_decide (ctx);
  if (ctx->staged)
    return qurb_import_stage_hold (ctx, error);
  ok = qurb_import_write_held (ctx, error);
  qurb_import_discard (ctx);
  return ok;
}

gboolean
qurb_import_claim (QurbImportContext *ctx, gchar **fields, GError **error)
{
  QurbClaimChunk *chunk;
  PendingClaim *pending;
  QurbClaimRow row;
  gint64 member_id;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_claim_row_parse (fields, ctx->today, &row, error))
    return FALSE;
  member_id = lookup_member_id (ctx, row.member_no, error);
  if (member_id < 0)
    return FALSE;

  if (ctx->chunk == NULL)
    {
      ctx->chunk = g_new0 (QurbClaimChunk, 1);
      ctx->chunk->pending = g_array_new (FALSE, FALSE, sizeof (PendingClaim));
      ctx->chunk->strings = g_string_chunk_new (65536);
      ctx->chunk->expect_new = TRUE;
    }
  chunk = ctx->chunk;
  g_array_set_size (chunk->pending, chunk->pending->len + 1);
  pending = &g_array_index (chunk->pending, PendingClaim, chunk->pending->len - 1);
  pending->row = row;
  /* The reader's buffer is reused for the next record. */
  pending->row.reason = *row.reason ? g_string_chunk_insert (chunk->strings, row.reason) : "";
  pending->member_id = member_id;
  pending->inserted = FALSE;
  return TRUE;
}

/* Forgets the rows held since the batch began: it is being run again.
 * Their strings stay in the chunk, unused, until the rows before them
 * go too (a retry after a lock is rare). */
void
qurb_import_discard (QurbImportContext *ctx)
{
  QurbClaimChunk *chunk = ctx->chunk;

  if (chunk == NULL)
    return;
  chunk->written = FALSE;
  g_array_set_size (chunk->pending, chunk->kept);
  if (chunk->kept == 0)
    g_string_chunk_clear (chunk->strings);
}

void
qurb_claim_chunk_free (QurbClaimChunk *chunk)
{
  g_string_chunk_free (chunk->strings);
  g_array_unref (chunk->pending);
  g_free (chunk);
}

void
qurb_import_context_clear (QurbImportContext *ctx)
{
  g_clear_pointer (&ctx->today, g_free);
  g_clear_pointer (&ctx->now, g_free);
  g_clear_pointer (&ctx->member_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->agency_scope, g_free);
  g_clear_pointer (&ctx->provinces, g_hash_table_unref);
  g_clear_pointer (&ctx->row_warnings, g_ptr_array_unref);
  g_clear_pointer (&ctx->chunk, qurb_claim_chunk_free);
}
