/* qurb-import-private.h — one CSV row into the database, per kind (internal) */
#pragma once

#include "qurb-db.h"
#include "qurb-import.h"

G_BEGIN_DECLS

typedef struct _QurbClaimChunk QurbClaimChunk;

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
  /* A first load into an empty claims table: rows are staged in a
   * temporary table, then inserted all at once in dossier order. */
  gboolean staged;
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
 * held, and must run before the batch commits. */
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
void     qurb_import_discard        (QurbImportContext  *ctx);
gboolean qurb_import_stage_begin    (QurbImportContext  *ctx,
                                     GError            **error);
gboolean qurb_import_stage_finish   (QurbImportContext  *ctx,
                                     GError            **error);
void     qurb_import_stage_end      (QurbImportContext  *ctx);
void     qurb_import_context_clear  (QurbImportContext  *ctx);

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
