/* qurb-import-rows.h — one CSV row into the database, per kind (internal) */
#pragma once

#include "qurb-db.h"
#include "qurb-import.h"

G_BEGIN_DECLS

typedef struct {
  QurbDb *db;
  const gchar *path;
  gchar *today;
  gchar *now;
  QurbImportStats stats;
  /* member_no → members.id for the claims import; see member_key(). */
  GHashTable *member_ids;
} QurbImportContext;

/* Each runs inside the batch's transaction. A row that is not valid
 * fails with QURB_RECORD_ERROR (skip it); anything else is a database
 * failure. fields are in the order of the kind's *_columns. */
gboolean qurb_import_member         (QurbImportContext  *ctx,
                                     gchar             **fields,
                                     GError            **error);
gboolean qurb_import_claim          (QurbImportContext  *ctx,
                                     gchar             **fields,
                                     GError            **error);
gboolean qurb_import_caravan        (QurbImportContext  *ctx,
                                     gchar             **fields,
                                     GError            **error);
void     qurb_import_context_clear  (QurbImportContext  *ctx);

G_END_DECLS
