/* cmd-ops.c — qurbctl status, backup and prune (docs/DESIGN.md section 5) */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "qurb-backup.h"
#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-operations.h"
#include "qurb-prune.h"
#include "qurb-status-format.h"
#include "qurbctl.h"

/* The [modem…] sections of the configuration, or NULL when it names
 * none (then status lists every modem that ever reported). */
static GStrv
configured_modems (GKeyFile *config)
{
  g_auto(GStrv) groups = g_key_file_get_groups (config, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_equal (groups[i], "modem") || g_str_has_prefix (groups[i], "modem:"))
      {
        g_strv_builder_add (names, groups[i]);
        n++;
      }
  return n > 0 ? g_strv_builder_end (names) : NULL;
}

gint
qurbctl_cmd_status (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  gboolean json = FALSE, prometheus = FALSE;
  g_autofree gchar *output = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON object (docs/DESIGN.md section 5)"), NULL },
    { "prometheus", 0, 0, G_OPTION_ARG_NONE, &prometheus, N_("The node exporter's textfile format"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (replaced whole) instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GKeyFile) config = NULL;
  g_autoptr(QurbStatus) status = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) modems = NULL;

  if (!qurbctl_parse_options (NULL, _("The box's health: the database, the queues, the modems' last\n"
                                      "heartbeat, the last import. Exit status 0 when healthy, 1 when not."),
                              entries, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  if (json && prometheus)
    {
      g_printerr (_("qurbctl: choose --json or --prometheus, not both\n"));
      return QURBCTL_USAGE;
    }
  config = qurbctl_load_config (globals, &error);
  if (config == NULL)
    return qurbctl_fail (error);
  modems = configured_modems (config);
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  status = qurb_status_collect (db, (const gchar *const *) modems, &error);
  if (status == NULL)
    return qurbctl_fail (error);

  if (json)
    qurb_status_to_json (status, out);
  else if (prometheus)
    qurb_status_to_prometheus (status, out);
  else
    qurb_status_to_text (status, out);
  /* Written whole through a temporary file: a collector reading it
   * never sees half of it. */
  if (output != NULL && !g_file_set_contents_full (output, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                                   0644, &error))
    return qurbctl_fail (error);
  if (output == NULL)
    fputs (out->str, stdout);
  return status->healthy ? QURBCTL_OK : QURBCTL_FAILED;
}

gint
qurbctl_cmd_backup (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  gint keep = 0;
  GOptionEntry entries[] = {
    { "keep", 'k', 0, G_OPTION_ARG_INT, &keep, N_("With a folder: keep this many backups, remove older ones"), "N" },
    { NULL }
  };
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = NULL;
  QurbBackupStats stats;
  gboolean into_dir;

  if (!qurbctl_parse_options (_("FILE|FOLDER"),
                              _("A consistent copy of the database while the kiosk and the daemon\n"
                                "run (sqlite's online backup), checked with PRAGMA integrity_check.\n"
                                "Into a FOLDER, the copy is named qurb-DATE-TIME.db."),
                              entries, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  into_dir = g_file_test (argv[1], G_FILE_TEST_IS_DIR);
  if (keep < 0 || (keep > 0 && !into_dir))
    {
      g_printerr (_("qurbctl: --keep needs a folder and a number of backups to keep\n"));
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  path = into_dir ? qurb_backup_name_in (argv[1]) : g_strdup (argv[1]);
  if (!qurb_backup_to_file (db, path, &stats, &error))
    return qurbctl_fail (error);
  g_print (_("%s: %d MB, integrity ok, %d members, %d claims, %d messages\n"), path,
           (gint) ((stats.bytes + (1 << 19)) >> 20), (gint) stats.members, (gint) stats.claims,
           (gint) stats.messages);
  if (keep > 0)
    {
      guint removed = qurb_backup_rotate (argv[1], keep, &error);

      if (error != NULL)
        return qurbctl_fail (error);
      if (removed > 0)
        g_print (qurb_dngettext (qurb_ui_lang (), "%u older backup removed\n", "%u older backups removed\n",
                                 removed), removed);
    }
  return QURBCTL_OK;
}

gint
qurbctl_cmd_prune (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  gint days = -1;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Keep this many days (default: [privacy] keep-messages-days, else 365)"), "N" },
    { NULL }
  };
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GKeyFile) config = NULL;
  g_autoptr(GError) error = NULL;
  QurbPruneStats stats;
  guint keep = QURB_PRUNE_DEFAULT_DAYS;

  if (!qurbctl_parse_options (NULL, _("Removes the text of messages older than [privacy] keep-messages-days\n"
                                      "and masks their numbers; their counts and states stay."),
                              entries, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  config = qurbctl_load_config (globals, &error);
  if (config == NULL ||
      !qurb_config_number (config, "privacy", "keep-messages-days", QURB_PRUNE_DEFAULT_DAYS, 1, 3650, &keep,
                           qurbctl_config_path (globals), &error))
    return qurbctl_fail (error);
  if (days == 0 || days < -1 || days > 3650)
    {
      g_printerr (_("qurbctl: --days must be from 1 to 3650\n"));
      return QURBCTL_USAGE;
    }
  if (days > 0)
    keep = days;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (!qurb_prune_messages (db, keep, &stats, &error))
    return qurbctl_fail (error);
  g_print (_("messages older than %u days: %d texts removed, %d received parts removed\n"), keep,
           (gint) stats.messages, (gint) stats.parts);
  return QURBCTL_OK;
}
