/* qurb-import-private.h — one CSV row into the database, per kind (internal) */
#pragma once

#include "qurb-db.h"
#include "qurb-digit-sort.h"
#include "qurb-import.h"
#include "qurb-records.h"

G_BEGIN_DECLS

typedef struct _QurbClaimChunk QurbClaimChunk;

/* Claims go in 64 at a time, 10 parameters each (qurb-import-claims.c). */
#define CHUNK_ROWS 64
#define CLAIM_PARAMS 10
#define CLAIM_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

typedef struct {
  QurbClaimRow row;        /* reason points into the chunk's strings */
  gint64 member_id;
  gboolean inserted;
} PendingClaim;

struct _QurbClaimChunk {
  GArray *pending;         /* PendingClaim: the valid rows held */
  guint kept;              /* of which held from batches already committed */
  /* Written as a run in the current batch's transaction: let go once
   * it commits (qurb-import-stage.c). */
  gboolean written;
  GStringChunk *strings;
  /* The last window was all new dossiers: try the next without RETURNING. */
  gboolean expect_new;
};

/* CHUNK_ROWS (or fewer, at the end) of the sorted rows: one statement. */
typedef struct {
  PendingClaim *claims;
  guint n_claims;
} Window;

typedef struct {
  QurbDb *db;
  const gchar *path;
  gchar *today;
  gchar *now;
  QurbImportStats stats;
  /* member_no → members.id for the claims import; see member_key(). */
  GHashTable *member_ids;
  /* Valid claims waiting to be inserted together (claims import only). */
  QurbClaimChunk *chunk;
  /* The provinces whose members this box tells (QurbAgency), or NULL. */
  gchar *agency_scope;
  /* A first load into an empty claims table: the rows of every batch
   * are held, then written all at once in dossier order. */
  gboolean staged;
  gboolean stage_decided;  /* the first batch said whether holding pays */
  guint hold_limit;        /* rows held at most: then written as a run */
  /* Warnings about the row being imported (gchar *), taken by the caller. */
  GPtrArray *row_warnings;
  /* The provinces as written that were already checked: few distinct
   * spellings in a file of a million rows. */
  GHashTable *provinces;
} QurbImportContext;

/* Each runs inside the batch's transaction. A row that is not valid
 * fails with QURB_RECORD_ERROR (skip it); anything else is a database
 * failure. fields are in the order of the kind's *_columns. Claims may
 * be held back and written together: qurb_import_flush() writes what is
 * held (or, for a first load, holds it to the end: see
 * qurb-import-stage.c), and must run before the batch commits;
 * qurb_import_mark_batch() runs before each batch, so that a retry
 * keeps what earlier batches held. */
gboolean qurb_import_member         (QurbImportContext  *ctx,
                                     gchar             **fields,
                                     GError            **error);
gboolean qurb_import_claim          (QurbImportContext  *ctx,
                                     gchar             **fields,
                                     GError            **error);
gboolean qurb_import_caravan        (QurbImportContext  *ctx,
                                     gchar             **fields,
                                     GError            **error);
gboolean qurb_import_flush          (QurbImportContext  *ctx,
                                     GError            **error);
void     qurb_import_mark_batch     (QurbImportContext  *ctx);
gboolean qurb_import_preload_members (QurbImportContext *ctx,
                                     GError            **error);
void     qurb_import_discard        (QurbImportContext  *ctx);
gboolean qurb_import_write_held     (QurbImportContext  *ctx,
                                     GError            **error);
QurbDigitSortEntry *qurb_import_sort_held (QurbImportContext *ctx);
gboolean qurb_import_write_sorted   (QurbImportContext        *ctx,
                                     const QurbDigitSortEntry *order,
                                     guint                     first,
                                     guint                     end,
                                     GError                  **error);
void     qurb_import_stage_begin    (QurbImportContext  *ctx);
void     qurb_import_stage_decide   (QurbImportContext  *ctx);
gboolean qurb_import_stage_hold     (QurbImportContext  *ctx,
                                     GError            **error);
gboolean qurb_import_stage_finish   (QurbImportContext  *ctx,
                                     GError            **error);
void     qurb_import_stage_end      (QurbImportContext  *ctx);
void     qurb_import_context_clear  (QurbImportContext  *ctx);
void     qurb_claim_chunk_free      (QurbClaimChunk     *chunk);
gboolean qurb_import_run            (QurbDb             *db,
                                     const gchar        *sql,
                                     GError            **error);

void     qurb_import_check_province  (QurbImportContext  *ctx,
                                     const gchar        *province);
gboolean qurb_import_reject         (GError      **error,
                                     const gchar  *format,
                                     ...) G_GNUC_PRINTF (2, 3);
gboolean qurb_import_column_is      (sqlite3_stmt *stmt,
                                     gint          col,
                                     const gchar  *value);
gboolean qurb_import_columns_are    (sqlite3_stmt       *stmt,
                                     gint                first,
                                     const gchar *const *values,
                                     guint               n);

G_END_DECLS
