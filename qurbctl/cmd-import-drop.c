/* cmd-import-drop.c — qurbctl import-drop: the nightly feed's drop folder
 *
 * The central system (or a person) leaves CSV files in the folder; each
 * is imported, members first (claims name them), then caravans, then
 * claims, and moved to done/ when its rows landed or failed/ when it was
 * refused, with FILE.report beside it: what was skipped, and why. Files
 * whose name starts with a dot or does not end in .csv are not touched,
 * so an upload written under a temporary name and renamed at the end is
 * never read half-way. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-import.h"
#include "qurbctl.h"

#define DEFAULT_DROP_DIR "/var/lib/qurb/import"
#define UNKNOWN_KIND 3

typedef struct {
  gchar *name;
  gint order;           /* members 0, caravans 1, claims 2, UNKNOWN_KIND */
  QurbImportKind kind;
} DropFile;

static void
drop_file_free (DropFile *file)
{
  g_free (file->name);
  g_free (file);
}

/* The kind from the name's start: members-2027-01-15.csv, CLAIMS.csv. */
static gint
kind_order (const gchar *name, QurbImportKind *kind)
{
  static const struct { const gchar *prefix; QurbImportKind kind; } kinds[] = {
    { "members", QURB_IMPORT_MEMBERS }, { "caravans", QURB_IMPORT_CARAVANS }, { "claims", QURB_IMPORT_CLAIMS },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == UNKNOWN_KIND);
  g_autofree gchar *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (lower, kinds[i].prefix))
      {
        *kind = kinds[i].kind;
        return i;
      }
  return UNKNOWN_KIND;
}

static gint
compare_drop_files (gconstpointer a, gconstpointer b)
{
  const DropFile *x = *(DropFile *const *) a, *y = *(DropFile *const *) b;

  return x->order != y->order ? x->order - y->order : strcmp (x->name, y->name);
}

static GPtrArray *
list_drop_files (const gchar *dir, GError **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) drop_file_free);
  const gchar *name;

  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (dir, name, NULL);
      g_autofree gchar *lower = g_ascii_strdown (name, -1);
      DropFile *file;

      if (name[0] == '.' || !g_str_has_suffix (lower, ".csv") ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      file = g_new0 (DropFile, 1);
      file->name = g_strdup (name);
      file->order = kind_order (name, &file->kind);
      g_ptr_array_add (files, file);
    }
  g_ptr_array_sort (files, compare_drop_files);
  return g_steal_pointer (&files);
}

static void
report_line (const gchar *path, guint line, const gchar *reason, gpointer user_data)
{
  g_string_append_printf (user_data, "%s:%u: %s\n", path, line, reason);
}

static void
report_warning (const gchar *path, guint line, const gchar *message, gpointer user_data)
{
  g_string_append_printf (user_data, _("%s:%u: warning: %s\n"), path, line, message);
}

/* done/NAME, or done/TIME-NAME when a file of that name is there already. */
static gchar *
free_destination (const gchar *folder, const gchar *name)
{
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%S");
  gchar *path = g_build_filename (folder, name, NULL);

  for (guint n = 0; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree gchar *other = n ? g_strdup_printf ("%s-%u-%s", stamp, n, name)
                                  : g_strdup_printf ("%s-%s", stamp, name);
      g_free (path);
      path = g_build_filename (folder, other, NULL);
    }
  return path;
}

/* The file and its report into folder; FALSE once the reason is printed. */
static gboolean
file_away (const gchar *source, const gchar *folder, const gchar *name, const GString *report)
{
  g_autofree gchar *dest = free_destination (folder, name);
  g_autofree gchar *report_path = g_strconcat (dest, ".report", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (report_path, report->str, report->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0640, &error))
    {
      qurbctl_fail (error);
      return FALSE;
    }
  if (g_rename (source, dest) != 0)
    {
      g_printerr (_("qurbctl: cannot move %s to %s: %s\n"), source, dest, g_strerror (errno));
      return FALSE;
    }
  g_print (_("  → %s\n"), dest);
  return TRUE;
}

/* One file: QURBCTL_OK, QURBCTL_ROWS_SKIPPED or QURBCTL_FAILED. */
static gint
import_one (QurbDb *db, const gchar *dir, const DropFile *file)
{
  g_autofree gchar *path = g_build_filename (dir, file->name, NULL);
  g_autofree gchar *done = g_build_filename (dir, "done", NULL);
  g_autofree gchar *failed = g_build_filename (dir, "failed", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  QurbImportCallbacks callbacks = { report_line, NULL, lines, report_warning };
  QurbImportStats stats = { 0 };
  gboolean landed;

  if (file->order == UNKNOWN_KIND)
    g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                 _("%s: the name does not say what it holds: start it with members, claims or caravans"),
                 path);
  else
    qurb_import_file (db, file->kind, path, &callbacks, &stats, &error);

  /* Refused: an error, or rows none of which landed. */
  landed = error == NULL && (stats.rows == 0 || stats.skipped < stats.rows);
  if (error != NULL)
    g_string_append_printf (report, _("%s: refused: %s\n"), file->name, error->message);
  else
    g_string_append_printf (report, _("%s: %u rows: %u new, %u updated, %u unchanged, %u skipped\n"),
                            file->name, stats.rows, stats.inserted, stats.updated, stats.unchanged, stats.skipped);
  g_string_append (report, lines->str);
  g_print ("%s", report->str);
  if (!file_away (path, landed ? done : failed, file->name, report))
    return QURBCTL_FAILED;
  return !landed ? QURBCTL_FAILED : stats.skipped > 0 ? QURBCTL_ROWS_SKIPPED : QURBCTL_OK;
}

gint
qurbctl_cmd_import_drop (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree gchar *lock_path = NULL;
  const gchar *dir;
  gint lock_fd, worst = QURBCTL_OK;

  if (!qurbctl_parse_options (_("[FOLDER]"),
                              _("Imports every CSV file of the drop folder (default /var/lib/qurb/import):\n"
                                "members, then caravans, then claims, each told by the start of its name.\n"
                                "Each goes to done/ or failed/ with its report (FILE.report) beside it.\n"
                                "Exit status 0 all landed, 3 some rows skipped, 1 a file refused."),
                              NULL, &argc, &argv, 0, 1))
    return QURBCTL_USAGE;
  dir = argc > 1 ? argv[1] : DEFAULT_DROP_DIR;
  files = list_drop_files (dir, &error);
  if (files == NULL)
    return qurbctl_fail (error);

  /* One run at a time: the timer's and a person's. */
  lock_path = g_build_filename (dir, ".lock", NULL);
  lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0660);
  if (lock_fd < 0 || flock (lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_printerr (_("qurbctl: %s: another import of this folder is running\n"), dir);
      if (lock_fd >= 0)
        close (lock_fd);
      return QURBCTL_FAILED;
    }
  for (const gchar *const *sub = (const gchar *const[]) { "done", "failed", NULL }; *sub; sub++)
    {
      g_autofree gchar *path = g_build_filename (dir, *sub, NULL);

      if (g_mkdir_with_parents (path, 0770) != 0)
        {
          g_printerr (_("qurbctl: cannot create the folder %s: %s\n"), path, g_strerror (errno));
          close (lock_fd);
          return QURBCTL_FAILED;
        }
    }
  if (files->len > 0)
    db = qurbctl_open_db (globals);
  if (files->len > 0 && db == NULL)
    worst = QURBCTL_FAILED;
  for (guint i = 0; db != NULL && i < files->len; i++)
    {
      gint result = import_one (db, dir, files->pdata[i]);

      /* Failed outranks skipped rows, which outrank all landed. */
      if (result == QURBCTL_FAILED || (result == QURBCTL_ROWS_SKIPPED && worst == QURBCTL_OK))
        worst = result;
    }
  if (files->len == 0)
    g_print (_("%s: no file to import\n"), dir);
  close (lock_fd);
  return worst;
}
