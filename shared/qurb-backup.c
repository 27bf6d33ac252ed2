/* qurb-backup.c — a consistent copy of the live database, and its rotation
 *
 * sqlite's online backup copies every page under one read transaction:
 * in WAL mode the writers (kiosk, daemon, imports) are not held up, and
 * the copy is the database as it was at one instant. The copy is written
 * beside its destination under a temporary name, checked, flushed, and
 * only then renamed over it, so a reader of the destination never sees a
 * half-written file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "qurb-backup.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"

#define BACKUP_ATTEMPTS 20

static gboolean
backup_fail (GError **error, const gchar *path, const gchar *reason)
{
  g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED, _("Cannot back up to %s: %s"), path, reason);
  return FALSE;
}

/* The whole copy in one step, so in one snapshot; a writer holding the
 * lock at the start (a checkpoint) is waited for, as a transaction is. */
static gint
copy_pages (sqlite3 *source, sqlite3 *dest)
{
  gint rc = SQLITE_BUSY;

  for (guint attempt = 0; attempt < BACKUP_ATTEMPTS; attempt++)
    {
      sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");

      if (backup == NULL)
        return sqlite3_errcode (dest);
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        return SQLITE_OK;
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        return rc;
      g_usleep (50 * 1000 * (attempt + 1));
    }
  return rc;
}

/* The copy is a file of its own: rollback journal, not WAL, so that it
 * is whole without a -wal beside it. Then checked and counted. */
static gboolean
check_copy (sqlite3 *dest, QurbBackupStats *stats, gchar **reason)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      *reason = g_strdup (sqlite3_errmsg (dest));
      return FALSE;
    }
  if (sqlite3_prepare_v2 (dest, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      const gchar *verdict = (const gchar *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (verdict, "ok") == 0;
      if (!ok)
        *reason = g_strdup_printf (_("the copy failed its integrity check: %s"), verdict);
    }
  else
    *reason = g_strdup (sqlite3_errmsg (dest));
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = NULL;
  if (sqlite3_prepare_v2 (dest, "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM claims),"
                                "  (SELECT count(*) FROM messages)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      stats->members = sqlite3_column_int64 (stmt, 0);
      stats->claims = sqlite3_column_int64 (stmt, 1);
      stats->messages = sqlite3_column_int64 (stmt, 2);
    }
  else
    {
      *reason = g_strdup (sqlite3_errmsg (dest));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Data on the disk before the name points to it, and the name itself. */
static gboolean
flush_file_and_dir (const gchar *file, const gchar *dir)
{
  gint fd = open (file, O_RDONLY | O_CLOEXEC);
  gboolean ok = fd >= 0 && fsync (fd) == 0;

  if (fd >= 0)
    close (fd);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return ok;
}

gboolean
qurb_backup_to_file (QurbDb *db, const gchar *path, QurbBackupStats *stats, GError **error)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *base = g_path_get_basename (path);
  g_autofree gchar *tmp = g_strdup_printf ("%s/.%s.part-XXXXXX", dir, base);
  g_autofree gchar *reason = NULL;
  QurbBackupStats local = { 0 };
  sqlite3 *dest = NULL;
  gint fd, rc;
  GStatBuf st;

  g_return_val_if_fail (db != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    return backup_fail (error, path, _("it is a folder"));
  /* Personal data: readable by the owner and group qurb only. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0640);
  if (fd < 0)
    return backup_fail (error, path, g_strerror (errno));
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (qurb_db_handle (db), dest);
  if (rc != SQLITE_OK)
    reason = g_strdup (rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                       ? _("the database stayed busy; please try again in a moment")
                       : dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  else
    check_copy (dest, &local, &reason);
  if (sqlite3_close (dest) != SQLITE_OK && reason == NULL)
    reason = g_strdup (sqlite3_errstr (SQLITE_BUSY));

  if (reason == NULL && !flush_file_and_dir (tmp, dir))
    reason = g_strdup (g_strerror (errno));
  if (reason == NULL && g_rename (tmp, path) != 0)
    reason = g_strdup (g_strerror (errno));
  if (reason != NULL)
    {
      g_unlink (tmp);
      return backup_fail (error, path, reason);
    }
  flush_file_and_dir (path, dir);
  if (g_stat (path, &st) == 0)
    local.bytes = st.st_size;
  if (stats != NULL)
    *stats = local;
  return TRUE;
}

gchar *
qurb_backup_name_in (const gchar *dir)
{
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *stamp = g_date_time_format (now, "qurb-%Y-%m-%dT%H-%M-%S.db");

  return g_build_filename (dir, stamp, NULL);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const gchar *const *) a, *(const gchar *const *) b);
}

/* Names sort by time (qurb_backup_name_in): the first ones are the oldest. */
guint
qurb_backup_rotate (const gchar *dir, guint keep, GError **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gchar *name;
  guint removed = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "qurb-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree gchar *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
