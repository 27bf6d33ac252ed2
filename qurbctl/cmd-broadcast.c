/* cmd-broadcast.c — qurbctl broadcast and staff-pin: announcements for scripts
 *
 *   qurbctl broadcast create --title-fr T --title-ar T --fr FILE --ar FILE
 *                            [--audience all|province:A,B|caravan:CODE]
 *                            [--at YYYY-MM-DDTHH:MM] [--banner-until YYYY-MM-DD]
 *   qurbctl broadcast list | progress ID | cancel ID
 *   qurbctl staff-pin            (the PIN on standard input) */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "qurb-broadcast.h"
#include "qurb-i18n.h"
#include "qurb-staff-pin.h"
#include "qurbctl.h"

static gchar *
read_text (const gchar *path, GError **error)
{
  gchar *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s is not UTF-8 text"), path);
      g_free (text);
      return NULL;
    }
  return g_strchomp (text);
}

static void
print_estimate (const QurbBroadcastEstimate *e, const gchar *text_fr)
{
  g_print (_("Recipients: %u in French, %u in Arabic\n"), e->recipients_fr, e->recipients_ar);
  g_print (_("French: %u characters, %s, %u part(s) each\n"), e->fr.units,
           qurb_encoding_name (e->fr.encoding), e->fr.parts);
  g_print (_("Arabic: %u characters, %s, %u part(s) each\n"), e->ar.units,
           qurb_encoding_name (e->ar.encoding), e->ar.parts);
  g_print (_("Total: %llu SMS parts\n"), (unsigned long long) e->total_parts);
  if (e->fr.encoding == QURB_ENCODING_UCS2)
    {
      g_autofree gchar *folded = qurb_gsm7_fold (text_fr);
      QurbSegments s;

      qurb_sms_segments (folded, &s);
      g_print (_("Warning: a character of the French text is outside GSM-7, so each message is\n"
                 "sent as UCS-2 (70 characters a part). Folded, it would take %u part(s):\n  %s\n"),
               s.parts, folded);
    }
}

static gint
broadcast_create (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autofree gchar *title_fr = NULL, *title_ar = NULL, *fr_path = NULL, *ar_path = NULL;
  g_autofree gchar *audience = NULL, *at = NULL, *until = NULL;
  g_autofree gchar *text_fr = NULL, *text_ar = NULL;
  GOptionEntry entries[] = {
    { "title-fr", 0, 0, G_OPTION_ARG_STRING, &title_fr, N_("Title for the kiosk banner, in French"), "TEXT" },
    { "title-ar", 0, 0, G_OPTION_ARG_STRING, &title_ar, N_("Title for the kiosk banner, in Arabic"), "TEXT" },
    { "fr", 0, 0, G_OPTION_ARG_FILENAME, &fr_path, N_("File with the French text"), "FILE" },
    { "ar", 0, 0, G_OPTION_ARG_FILENAME, &ar_path, N_("File with the Arabic text"), "FILE" },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience, N_("all (default), province:NAME[,NAME…] or caravan:CODE"), "WHO" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When to send (default: now)"), "YYYY-MM-DDTHH:MM" },
    { "banner-until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last day on the kiosk banner"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  QurbBroadcastEstimate estimate;
  QurbAnnouncementDraft draft;
  gint64 id;

  if (!qurbctl_parse_options (_("create --title-fr T --title-ar T --fr FILE --ar FILE [OPTIONS…]"),
                              _("Create an announcement: each member of the audience gets it by SMS in\n"
                                "their language at the time given, and it shows on the kiosk banner."),
                              entries, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  if (fr_path == NULL || ar_path == NULL)
    {
      g_printerr (_("qurbctl: --fr and --ar are both needed\n"));
      return QURBCTL_USAGE;
    }
  if ((text_fr = read_text (fr_path, &error)) == NULL || (text_ar = read_text (ar_path, &error)) == NULL)
    return qurbctl_fail (error);
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  draft = (QurbAnnouncementDraft) { title_fr, title_ar, text_fr, text_ar,
                                    audience ? audience : "all", at, until, g_get_user_name () };
  if (!qurb_announcement_create (db, &draft, &id, &error) ||
      !qurb_broadcast_estimate (db, draft.audience, text_fr, text_ar, &estimate, &error))
    return qurbctl_fail (error);
  g_print (_("Announcement %lld created.\n"), (long long) id);
  print_estimate (&estimate, text_fr);
  return QURBCTL_OK;
}

static gint
broadcast_list (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!qurbctl_parse_options ("list", _("List announcements, newest first, with their progress."),
                              NULL, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL || (list = qurb_announcements_all (db, 0, &error)) == NULL)
    return db ? qurbctl_fail (error) : QURBCTL_FAILED;
  for (guint i = 0; i < list->len; i++)
    {
      const QurbAnnouncement *a = list->pdata[i];
      QurbBroadcastProgress p;

      if (!qurb_broadcast_progress (db, a->id, &p, &error))
        return qurbctl_fail (error);
      g_print ("%5" G_GINT64_FORMAT "  %-9s  %s  %-28s  %3.0f%%  %s\n", a->id, a->state, a->send_at,
               a->audience, 100 * qurb_broadcast_progress_done (&p), a->title_fr);
    }
  return QURBCTL_OK;
}

static gboolean
parse_id (const gchar *text, gint64 *id)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &n, NULL))
    {
      g_printerr (_("qurbctl: “%s” is not an announcement number\n"), text);
      return FALSE;
    }
  *id = n;
  return TRUE;
}

static gint
broadcast_progress (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbAnnouncement) a = NULL;
  QurbBroadcastProgress p;
  gint64 id;

  if (!qurbctl_parse_options ("progress ID", _("Show how far an announcement has gone out."),
                              NULL, &argc, &argv, 2, 2) || !parse_id (argv[2], &id))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  a = qurb_announcement_find (db, id, &error);
  if (a == NULL)
    {
      if (error == NULL)
        g_printerr (_("qurbctl: there is no announcement %lld\n"), (long long) id);
      return error ? qurbctl_fail (error) : QURBCTL_FAILED;
    }
  if (!qurb_broadcast_progress (db, id, &p, &error))
    return qurbctl_fail (error);
  g_print (_("Announcement %lld (%s), %s: %s\n"), (long long) id, a->state, a->audience, a->title_fr);
  g_print (_("messages %lld: queued %lld, sending %lld"
             ", sent %lld, delivered %lld, failed %lld"
             ", withdrawn %lld — %.0f%% done\n"),
           (long long) p.total, (long long) p.queued, (long long) p.sending, (long long) p.sent,
           (long long) p.delivered, (long long) p.failed, (long long) p.withdrawn,
           100 * qurb_broadcast_progress_done (&p));
  return QURBCTL_OK;
}

static gint
broadcast_cancel (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  guint withdrawn;
  gint64 id;

  if (!qurbctl_parse_options ("cancel ID", _("Cancel an announcement: what is not sent yet is withdrawn."),
                              NULL, &argc, &argv, 2, 2) || !parse_id (argv[2], &id))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (!qurb_broadcast_cancel (db, id, &withdrawn, &error))
    return qurbctl_fail (error);
  g_print (_("Announcement %lld cancelled; %u messages withdrawn.\n"), (long long) id, withdrawn);
  return QURBCTL_OK;
}

gint
qurbctl_cmd_broadcast (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  static const struct {
    const gchar *name;
    QurbctlCommandFunc func;
  } subcommands[] = {
    { "create", broadcast_create }, { "list", broadcast_list },
    { "progress", broadcast_progress }, { "cancel", broadcast_cancel },
  };

  /* argv: "broadcast", the subcommand, its arguments. */
  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (globals, argc, argv);
  g_printerr ("%s\n", _("Usage: qurbctl broadcast create|list|progress|cancel …"));
  return QURBCTL_USAGE;
}

gint
qurbctl_cmd_staff_pin (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gchar line[64] = "";

  if (!qurbctl_parse_options ("", _("Set the staff console's PIN (4 to 8 digits), read from standard input."),
                              NULL, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  if (fgets (line, sizeof line, stdin) == NULL)
    {
      g_printerr (_("qurbctl: no PIN on standard input\n"));
      return QURBCTL_USAGE;
    }
  g_strstrip (line);
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (!qurb_staff_pin_set (db, line, &error))
    return qurbctl_fail (error);
  memset (line, 0, sizeof line);
  g_print ("%s\n", _("Staff PIN set."));
  return QURBCTL_OK;
}
