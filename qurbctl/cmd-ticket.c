/* cmd-ticket.c — qurbctl ticket and ticket-key: the caravan-day ticket of
 * a booking, on screen, as a PNG or on the receipt printer */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-ticket-issue.h"
#include "qurb-ticket-key.h"
#include "qurbctl.h"

/* Pixels per module of a saved PNG: 33 modules with the quiet zone, 330
 * pixels — readable off a screen and small enough for a message. */
#define PNG_SCALE 10

/* The deployment's key, made on first use when mode says so. */
gboolean
qurbctl_ticket_key (const QurbctlGlobals *globals, QurbTicketKeyMode mode, QurbTicketKey *key,
                    gchar **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) config = qurbctl_load_config (globals, &error);
  g_autofree gchar *path = NULL;
  gboolean created = FALSE;

  if (config == NULL)
    return qurbctl_fail (error), FALSE;
  path = qurb_ticket_key_path (config);
  if (!qurb_ticket_key_get (path, mode, key, &created, &error))
    return qurbctl_fail (error), FALSE;
  if (created)
    g_printerr (_("qurbctl: made a new ticket key, %s\n"), path);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return TRUE;
}

gint
qurbctl_cmd_ticket_key (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autofree gchar *path = NULL;
  gchar id[QURB_TICKET_KEY_ID_LENGTH + 1];
  QurbTicketKey key;

  if (!qurbctl_parse_options ("",
                              _("Make the key that signs caravan tickets when there is none\n"
                                "([tickets] key=, readable by its owner only), and print where it\n"
                                "is and its id. The key itself is never printed. Copy the file to\n"
                                "a tablet that checks tickets at a caravan."),
                              NULL, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  if (!qurbctl_ticket_key (globals, QURB_TICKET_KEY_CREATE, &key, &path))
    return QURBCTL_FAILED;
  qurb_ticket_key_id (&key, id);
  g_print (_("Ticket key %s, id %s\n"), path, id);
  return QURBCTL_OK;
}

gint
qurbctl_cmd_ticket (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbTicket) ticket = NULL;
  g_autoptr(GKeyFile) config = NULL;
  g_autofree gchar *png_path = NULL, *lang = NULL, *printer = NULL;
  gboolean print = FALSE;
  GOptionEntry entries[] = {
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_path, N_("Save the QR code as a PNG image"), N_("FILE") },
    { "print", 0, 0, G_OPTION_ARG_NONE, &print, N_("Print the ticket on [kiosk] printer="), NULL },
    { "printer", 0, 0, G_OPTION_ARG_STRING, &printer, N_("Print the ticket on this CUPS queue"), N_("QUEUE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The ticket's language, ar or fr (default: the member's)"),
      "ar|fr" },
    { NULL }
  };
  QurbTicketKey key;

  if (!qurbctl_parse_options (_("BOOKING_CODE"),
                              _("Print a booking's caravan ticket: the signed code its QR code carries\n"
                                "and the words printed with it; save the QR code, or print the ticket."),
                              entries, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  if (lang != NULL && g_strcmp0 (lang, "ar") != 0 && g_strcmp0 (lang, "fr") != 0)
    {
      g_printerr (_("qurbctl: the language is ar or fr, not “%s”\n"), lang);
      return QURBCTL_USAGE;
    }
  if ((config = qurbctl_load_config (globals, &error)) == NULL)
    return qurbctl_fail (error);
  if (print && printer == NULL && (printer = qurb_ticket_printer (config)) == NULL)
    {
      g_printerr (_("qurbctl: no receipt printer: set [kiosk] printer= or give --printer QUEUE\n"));
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL || !qurbctl_ticket_key (globals, QURB_TICKET_KEY_CREATE, &key, NULL))
    return QURBCTL_FAILED;
  if ((ticket = qurb_ticket_issue (db, &key, argv[1], lang, &error)) == NULL)
    return qurbctl_fail (error);

  g_print ("%s\n\n%s", ticket->payload, ticket->text);
  if (png_path != NULL)
    {
      g_autoptr(GBytes) png = qurb_ticket_qr_png (ticket->qr, PNG_SCALE);
      gsize length;
      const gchar *data = g_bytes_get_data (png, &length);

      if (!g_file_set_contents (png_path, data, (gssize) length, &error))
        return qurbctl_fail (error);
    }
  if (printer != NULL && !qurb_ticket_print (ticket, printer, &error))
    return qurbctl_fail (error);
  return QURBCTL_OK;
}
