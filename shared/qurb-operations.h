/* qurb-operations.h — what operations read and write: modem heartbeats,
 * import runs, and the box's status gathered for `qurbctl status` */
#pragma once

#include "qurb-db.h"
#include "qurb-status.h"

G_BEGIN_DECLS

typedef struct {
  const gchar *kind;       /* members, claims, caravans */
  const gchar *path;
  const gchar *started_at;
  guint rows;
  guint skipped;
  const gchar *error;      /* NULL: read to its end */
} QurbImportRun;

/* The daemon, each time a modem answers (signal -1 and network NULL keep
 * what was last read). */
gboolean    qurb_heartbeat_record   (QurbDb       *db,
                                     const gchar  *modem,
                                     gint          signal,
                                     const gchar  *network,
                                     GError      **error);
gboolean    qurb_import_run_record  (QurbDb              *db,
                                     const QurbImportRun *run,
                                     GError             **error);
/* The figures of DESIGN.md section 5, judged. modems: the [modem…]
 * sections the configuration names (each listed, seen or not), or NULL
 * for every modem that ever sent a heartbeat. */
QurbStatus *qurb_status_collect     (QurbDb              *db,
                                     const gchar *const  *modems,
                                     GError             **error);

G_END_DECLS
