/* qurb-backup.h — a consistent copy of the live database, and its rotation */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64 bytes;
  gint64 members, claims, messages;  /* as in the copy */
} QurbBackupStats;

/* Copies db to path with sqlite's online backup (one read snapshot: the
 * kiosk and the daemon go on writing), checks the copy with PRAGMA
 * integrity_check, then renames it into place. On any failure path is
 * left as it was (no half file) and error says why. */
gboolean qurb_backup_to_file (QurbDb           *db,
                              const gchar      *path,
                              QurbBackupStats  *stats,
                              GError          **error);
/* Removes the oldest qurb-*.db backups of dir beyond keep; how many went. */
guint    qurb_backup_rotate  (const gchar  *dir,
                              guint         keep,
                              GError      **error);
/* The name of a new backup in dir: qurb-YYYY-MM-DDTHH-MM-SS.db (now). */
gchar   *qurb_backup_name_in (const gchar *dir);

G_END_DECLS
