/* qurbctl.c — the staff and operations command line: dispatch and help */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "qurb-agency.h"
#include "qurb-i18n.h"
#include "qurbctl.h"

typedef struct {
  const gchar *name;
  QurbctlCommandFunc func;
  const gchar *summary;
} Command;

static const Command commands[] = {
  { "init",     qurbctl_cmd_init,     N_("Create the database, or bring its schema up to date") },
  { "import",   qurbctl_cmd_import,   N_("Load members, claims or caravans from a CSV export") },
  { "demo",     qurbctl_cmd_demo,     N_("Fill the database with realistic demo data") },
  { "member",   qurbctl_cmd_member,   N_("Show a member and their files; member set-phone registers a phone") },
  { "caravans", qurbctl_cmd_caravans, N_("List upcoming caravans with the seats left") },
  { "book",     qurbctl_cmd_book,     N_("Book a caravan slot for a member") },
  { "cancel",   qurbctl_cmd_cancel,   N_("Cancel a member's booking") },
  { "messages", qurbctl_cmd_messages, N_("Show the SMS log, newest last") },
  { "sms-simulate", qurbctl_cmd_sms_simulate, N_("Answer a text as the SMS daemon would") },
  { "broadcast", qurbctl_cmd_broadcast, N_("Create, list, follow or cancel announcements by SMS") },
  { "staff-pin", qurbctl_cmd_staff_pin, N_("Set the staff console's PIN (read from standard input)") },
  { "status",   qurbctl_cmd_status,   N_("The box's health: queues, modems, last import (exit 1 when unhealthy)") },
  { "backup",   qurbctl_cmd_backup,   N_("Copy the live database to a file, checked") },
  { "prune",    qurbctl_cmd_prune,    N_("Remove the text of old messages ([privacy] keep-messages-days)") },
  { "import-drop", qurbctl_cmd_import_drop, N_("Import the CSV files of the drop folder, then file them") },
  { "unlock",   qurbctl_cmd_unlock,   N_("Lift the lock on a member number, or a kiosk's slow-down") },
  { "ticket",   qurbctl_cmd_ticket,   N_("A booking's caravan ticket: its signed code, QR code, print") },
  { "ticket-key", qurbctl_cmd_ticket_key, N_("Make the key that signs caravan tickets, or show its id") },
  { "checkin",  qurbctl_cmd_checkin,  N_("Check a ticket in at the caravan; carry a day's check-ins over") },
  { "report",   qurbctl_cmd_report,   N_("Caravan figures: booked, attended, no-shows, ratings") },
};

QurbDb *
qurbctl_open_db (const QurbctlGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  QurbDb *db = qurb_db_open (qurb_db_resolve_path (globals->db_path), &error);

  /* The box's agency, as its daemon and kiosk keep it: a nightly import
   * must not text the members of other agencies' provinces. */
  if (db != NULL && !qurb_agency_configure_file (db, qurbctl_config_path (globals),
                                                 globals->config_path != NULL || g_getenv ("QURB_CONFIG"),
                                                 &error))
    g_clear_pointer (&db, qurb_db_close);
  if (db == NULL)
    qurbctl_fail (error);
  return db;
}

/* --config, else $QURB_CONFIG, else the default (which may be missing). */
const gchar *
qurbctl_config_path (const QurbctlGlobals *globals)
{
  if (globals->config_path != NULL)
    return globals->config_path;
  return g_getenv ("QURB_CONFIG") ? g_getenv ("QURB_CONFIG") : QURB_DEFAULT_CONFIG;
}

/* The configuration; the default file may be missing (everything has a
 * default), a file named with --config may not, nor may a broken one. */
GKeyFile *
qurbctl_load_config (const QurbctlGlobals *globals, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  const gchar *path = qurbctl_config_path (globals);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (globals->config_path == NULL && g_getenv ("QURB_CONFIG") == NULL &&
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&file);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&file);
}

/* The member, or NULL once the reason is printed. */
QurbMember *
qurbctl_find_member (QurbDb *db, const gchar *member_no)
{
  g_autoptr(GError) error = NULL;
  QurbMember *member = qurb_member_find_by_no (db, member_no, &error);

  if (member == NULL && error != NULL)
    qurbctl_fail (error);
  else if (member == NULL)
    g_printerr (_("qurbctl: no member %s\n"), member_no);
  return member;
}

/* text padded to width characters (printf pads by bytes: "Laâyoune"). */
gchar *
qurbctl_pad (const gchar *text, glong width)
{
  glong length = g_utf8_strlen (text, -1);
  return g_strdup_printf ("%s%*s", text, (gint) MAX (0, width - length), "");
}

/* The one place a command's failure is printed. */
gint
qurbctl_fail (const GError *error)
{
  g_printerr ("qurbctl: %s\n", error->message);
  return QURBCTL_FAILED;
}

static const gchar *
translate_option_text (const gchar *text, gpointer unused)
{
  return qurb_dgettext (qurb_ui_lang (), text);
}

/* Parses a command's own options; on --help or a usage error prints and
 * returns FALSE (the caller exits with QURBCTL_USAGE or OK). */
gboolean
qurbctl_parse_options (const gchar *usage, const gchar *summary, GOptionEntry *entries,
                       gint *argc, gchar ***argv, gint min_args, gint max_args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translate_func (context, translate_option_text, NULL, NULL);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("qurbctl: %s\n", error->message);
      return FALSE;
    }
  /* (*argv)[0] is the command's name. */
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_autofree gchar *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: qurbctl [--db PATH] [--config PATH] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n\n", _("Staff and operations tool for the Qurb member service."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db PATH      ");
  fprintf (out, _("The database (default: $QURB_DB, else %s)"), QURB_DEFAULT_DB);
  fprintf (out, "\n  --config PATH  ");
  fprintf (out, _("The configuration (default: $QURB_CONFIG, else %s)"), QURB_DEFAULT_CONFIG);
  fprintf (out, "\n");
  fprintf (out, "  --version      %s\n", _("Print the version"));
  fprintf (out, "  --help         %s\n\n", _("Show this help; “qurbctl COMMAND --help” for a command"));
  fprintf (out, "%s\n", _("QURB_NOW=2027-01-15T10:00:00 pins the clock, for tests."));
}

int
main (int argc, char **argv)
{
  QurbctlGlobals globals = { NULL };
  gint i = 1;

  setlocale (LC_ALL, "");

  /* Global options come before the command; the command parses the rest. */
  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help (stdout);
          return QURBCTL_OK;
        }
      if (strcmp (argv[i], "--version") == 0)
        {
          printf ("qurbctl %s\n", PACKAGE_VERSION);
          return QURBCTL_OK;
        }
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          globals.db_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          globals.db_path = argv[i] + 5;
          i++;
        }
      else if (strcmp (argv[i], "--config") == 0 && i + 1 < argc)
        {
          globals.config_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--config="))
        {
          globals.config_path = argv[i] + 9;
          i++;
        }
      else
        {
          g_printerr (_("qurbctl: unknown option %s\n"), argv[i]);
          print_help (stderr);
          return QURBCTL_USAGE;
        }
    }
  if (i >= argc)
    {
      print_help (stderr);
      return QURBCTL_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      return commands[c].func (&globals, argc - i, argv + i);

  g_printerr (_("qurbctl: unknown command “%s”\n"), argv[i]);
  print_help (stderr);
  return QURBCTL_USAGE;
}
