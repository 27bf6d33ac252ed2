/* qurb-import-stage.c — a first load of claims: held in memory, then
 * written in one pass in dossier order (see qurb-import-claims.c for the
 * rest)
 *
 * Into an empty table, a million claims in random order would be a
 * million inserts in random places. Their valid rows are held in memory
 * instead, batch after batch (about 120 bytes a claim: 120 MB for a
 * million), then sorted once by dossier and written by the same multi-row
 * INSERTs as a file already in order, each appending to the table — what
 * a bulk loader does. The batches only read (members) while the rows are
 * held; the whole load is written by one transaction at the end, so it
 * lands entirely or not at all. A dossier listed twice keeps its first
 * row; the later ones are merged as updates, in file order. */
#include "config.h"

#include <string.h>

#include "qurb-import-private.h"

void
qurb_import_stage_begin (QurbImportContext *ctx)
{
  ctx->staged = TRUE;
  ctx->stage_decided = FALSE;
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

/* Runs inside one transaction (qurb_db_transact): the whole load lands
 * or none of it does, and a retry writes the held rows again. */
gboolean
qurb_import_stage_finish (QurbImportContext *ctx, GError **error)
{
  g_return_val_if_fail (ctx->staged, FALSE);

  if (ctx->chunk == NULL)
    return TRUE;
  ctx->chunk->expect_new = TRUE;
  return qurb_import_write_held (ctx, error);
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
