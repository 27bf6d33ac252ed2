/* qurb-import-stage.c — a first load of claims: held in memory, then
 * written in dossier order (see qurb-import-claims.c for the rest)
 *
 * Into an empty table, a million claims in random order would be a
 * million inserts in random places. Their valid rows are held in memory
 * instead, batch after batch (about 120 bytes a claim), then sorted once
 * by dossier and written by the same multi-row INSERTs as a file already
 * in order, each appending to the table — what a bulk loader does. The
 * batches only read (members) while their rows are held; what is held is
 * written at the end by transactions of SLICE_ROWS, in dossier order. A
 * load stopped part-way leaves whole slices, a prefix of the dossiers:
 * run again, it is no longer a first load and upserts as a daily file
 * does. A dossier listed twice keeps its first row; the later ones are
 * merged as updates, in file order.
 *
 * Memory is bounded: once HOLD_ROWS are held, they are written as a run
 * by the transaction of the batch that filled them, as a daily file's
 * batches are, and let go when it commits; the next rows start another
 * run. 2 M rows is about 250 MB with the sort's; QURB_IMPORT_HOLD_ROWS
 * sets another number (a box with less memory, the tests). */
#include "config.h"

#include <string.h>

#include "qurb-import-private.h"

#define HOLD_ROWS 2000000
/* Rows written by each transaction at the end: whole windows. */
#define SLICE_ROWS (CHUNK_ROWS * 1600)

void
qurb_import_stage_begin (QurbImportContext *ctx)
{
  const gchar *hold = g_getenv ("QURB_IMPORT_HOLD_ROWS");
  guint64 rows = hold != NULL ? g_ascii_strtoull (hold, NULL, 10) : 0;

  ctx->staged = TRUE;
  ctx->stage_decided = FALSE;
  ctx->hold_limit = rows > 0 && rows <= G_MAXUINT ? (guint) rows : HOLD_ROWS;
}

/* A file already in dossier order gains nothing from holding it: its
 * first batch tells, and then rows go straight into claims batch by
 * batch, in little memory. */
void
qurb_import_stage_decide (QurbImportContext *ctx)
{
  GArray *pending = ctx->chunk->pending;

  ctx->stage_decided = TRUE;
  for (guint i = 1; i < pending->len; i++)
    if (strcmp (g_array_index (pending, PendingClaim, i - 1).row.dossier_no,
                g_array_index (pending, PendingClaim, i).row.dossier_no) >= 0)
      return;
  ctx->staged = FALSE;
}

/* The end of a batch: its rows stay held, or, the limit reached, all the
 * held rows are written as a run in the batch's transaction. */
gboolean
qurb_import_stage_hold (QurbImportContext *ctx, GError **error)
{
  if (ctx->chunk->pending->len < ctx->hold_limit)
    return TRUE;
  ctx->chunk->written = TRUE;
  return qurb_import_write_held (ctx, error);
}

/* Before each batch (and before the end of a first load): the rows held
 * so far belong to batches that have committed, and a retry of the next
 * keeps them — unless they were written as a run, which has landed. */
void
qurb_import_mark_batch (QurbImportContext *ctx)
{
  QurbClaimChunk *chunk = ctx->chunk;

  if (chunk == NULL)
    return;
  if (chunk->written)
    {
      chunk->kept = 0;
      qurb_import_discard (ctx);
    }
  chunk->kept = chunk->pending->len;
}

typedef struct {
  QurbImportContext *ctx;
  const QurbDigitSortEntry *order;
  guint first, end;
  QurbImportStats stats;   /* at the slice's start: a retry counts from there */
} Slice;

static gboolean
write_slice (QurbDb *db, gpointer user_data, GError **error)
{
  Slice *slice = user_data;

  slice->ctx->stats = slice->stats;
  return qurb_import_write_sorted (slice->ctx, slice->order, slice->first, slice->end, error);
}

/* The end of a first load: the held rows, sorted once, written a slice
 * per transaction (each retried alone after a lock). One transaction for
 * them all would grow the WAL to the size of the whole table and copy it
 * back at the commit, which cost a random-order load ~15% against a
 * dossier-order one; slices keep it at the size of a batch, as a file's
 * batches do. */
gboolean
qurb_import_stage_finish (QurbImportContext *ctx, GError **error)
{
  g_autofree QurbDigitSortEntry *order = NULL;
  guint n;

  g_return_val_if_fail (ctx->staged, FALSE);

  if (ctx->chunk == NULL)
    return TRUE;
  ctx->chunk->expect_new = TRUE;
  n = ctx->chunk->pending->len;
  order = qurb_import_sort_held (ctx);
  for (guint first = 0; first < n; first += SLICE_ROWS)
    {
      Slice slice = { ctx, order, first, MIN (n, first + SLICE_ROWS), ctx->stats };

      if (!qurb_db_transact (ctx->db, write_slice, &slice, error))
        return FALSE;
    }
  return TRUE;
}

/* The held rows are let go as soon as the load has landed (or failed),
 * before the member index is built again. */
void
qurb_import_stage_end (QurbImportContext *ctx)
{
  if (ctx->staged)
    g_clear_pointer (&ctx->chunk, qurb_claim_chunk_free);
  ctx->staged = FALSE;
}
