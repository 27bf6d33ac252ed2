/* cmd-data.c — qurbctl init, import and demo */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "qurb-demo.h"
#include "qurb-i18n.h"
#include "qurb-import.h"
#include "qurb-schema.h"
#include "qurbctl.h"

gint
qurbctl_cmd_init (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;

  if (!qurbctl_parse_options (NULL, _("Create the database, or bring its schema up to date."),
                              NULL, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  g_print (_("%s: schema version %d\n"), qurb_db_path (db), qurb_db_schema_version (db));
  return QURBCTL_OK;
}

typedef struct {
  gboolean tty;
  gint last_percent;
} ImportView;

static void
report_bad_row (const gchar *path, guint line, const gchar *reason, gpointer user_data)
{
  ImportView *view = user_data;

  if (view->tty && view->last_percent >= 0)
    g_printerr ("\r\033[K");  /* clear the progress bar before the report */
  g_printerr ("%s:%u: %s\n", path, line, reason);
  view->last_percent = -1;
}

static void
report_warning (const gchar *path, guint line, const gchar *message, gpointer user_data)
{
  ImportView *view = user_data;

  if (view->tty && view->last_percent >= 0)
    g_printerr ("\r\033[K");
  g_printerr (_("%s:%u: warning: %s\n"), path, line, message);
  view->last_percent = -1;
}

/* A bar on stderr, only when a person is watching it. */
static void
show_progress (gsize done, gsize total, gpointer user_data)
{
  ImportView *view = user_data;
  gint percent = total ? (gint) (done * 100 / total) : 100;
  gint filled = percent * 30 / 100;

  if (!view->tty || percent == view->last_percent)
    return;
  view->last_percent = percent;
  g_printerr ("\r[%.*s%*s] %3d%%", filled, "##############################", 30 - filled, "", percent);
  if (percent == 100)
    g_printerr ("\r\033[K");
}

gint
qurbctl_cmd_import (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  gboolean any_skipped = FALSE;
  QurbImportKind kind;

  if (!qurbctl_parse_options (_("members|claims|caravans FILE…"),
                              _("Load rows from CSV exports (DESIGN.md section 2), upserted by key.\n"
                                "Each bad row is reported as FILE:LINE: reason and skipped; the exit\n"
                                "status is 3 when any row was skipped."),
                              NULL, &argc, &argv, 2, -1))
    return QURBCTL_USAGE;
  if (!qurb_import_kind_parse (argv[1], &kind))
    {
      g_printerr (_("qurbctl: cannot import “%s”: say members, claims or caravans\n"), argv[1]);
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;

  for (gint i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      ImportView view = { isatty (STDERR_FILENO), -1 };
      QurbImportCallbacks callbacks = { report_bad_row, show_progress, &view, report_warning };
      QurbImportStats stats;

      if (!qurb_import_file (db, kind, argv[i], &callbacks, &stats, &error))
        return qurbctl_fail (error);
      g_print (_("%s: %u rows: %u new, %u updated, %u unchanged, %u skipped"),
               argv[i], stats.rows, stats.inserted, stats.updated, stats.unchanged, stats.skipped);
      if (kind == QURB_IMPORT_CLAIMS)
        g_print (_("; %u status changes, %u notices queued"), stats.status_changes, stats.notices);
      g_print ("\n");
      any_skipped |= stats.skipped > 0;
    }
  return any_skipped ? QURBCTL_ROWS_SKIPPED : QURBCTL_OK;
}

gint
qurbctl_cmd_demo (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gint n_members = 400;
  GOptionEntry entries[] = {
    { "members", 'm', 0, G_OPTION_ARG_INT, &n_members, N_("How many members (default 400)"), "N" },
    { NULL }
  };
  QurbDemoStats stats;

  if (!qurbctl_parse_options (NULL, _("Fill the database with realistic demo data: members with Arabic\n"
                                      "and French names, claims in every status, caravans in the southern\n"
                                      "provinces with their slots, bookings, and queued notices."),
                              entries, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  if (n_members < 10 || n_members > 1000000)
    {
      g_printerr (_("qurbctl: --members must be from 10 to 1000000\n"));
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (!qurb_demo_load (db, n_members, &stats, &error))
    return qurbctl_fail (error);
  g_print (_("%s: %u members, %u claims, %u caravans, %u bookings, %u notices queued\n"),
           qurb_db_path (db), stats.members, stats.claims, stats.caravans, stats.bookings,
           stats.notices);
  return QURBCTL_OK;
}
