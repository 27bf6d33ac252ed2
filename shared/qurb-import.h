/* qurb-import.h — loading the central system's CSV exports */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef enum {
  QURB_IMPORT_MEMBERS,
  QURB_IMPORT_CLAIMS,
  QURB_IMPORT_CARAVANS,
} QurbImportKind;

typedef struct {
  guint rows;            /* data rows read, good or bad */
  guint skipped;         /* bad rows, each reported */
  guint inserted;
  guint updated;
  guint unchanged;
  guint status_changes;  /* claims only */
  guint notices;         /* status-change SMS queued */
  guint warnings;        /* rows that landed with a warning */
} QurbImportStats;

typedef struct {
  /* A row that did not land, with the line it starts on. */
  void (*bad_row)  (const gchar *path, guint line, const gchar *reason, gpointer user_data);
  /* Bytes read so far out of the file's size. */
  void (*progress) (gsize done, gsize total, gpointer user_data);
  gpointer user_data;
  /* Something the row or the file (line 0) did that landed but deserves
   * a look: a province that is not known, a file in semicolons. */
  void (*warning)  (const gchar *path, guint line, const gchar *message, gpointer user_data);
} QurbImportCallbacks;

gboolean qurb_import_kind_parse (const gchar    *name,
                                 QurbImportKind *kind);
gboolean qurb_import_file       (QurbDb                    *db,
                                 QurbImportKind             kind,
                                 const gchar               *path,
                                 const QurbImportCallbacks *callbacks,
                                 QurbImportStats           *stats,
                                 GError                   **error);

G_END_DECLS
