/* qurb-ticket-issue.c — a booking's ticket: the signed payload, its QR
 * code, the words printed with it, and the receipt printer
 *
 * Printing goes through CUPS's `lp` to the queue named by [kiosk]
 * printer=: the text and the QR code's PNG as one job of two documents,
 * which CUPS's own filters turn into what the printer speaks. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-texts.h"
#include "qurb-ticket-issue.h"

/* Pixels per module on paper: a 25-module code and its quiet zone make
 * 264 pixels, about 3 cm on a 203 dpi receipt printer. */
#define PRINT_SCALE 8

/* The ticket of an active booking; a cancelled or unknown booking has
 * none (G_IO_ERROR_NOT_FOUND). */
QurbTicket *
qurb_ticket_issue (QurbDb *db, const QurbTicketKey *key, const gchar *booking_code,
                   const gchar *lang, GError **error)
{
  g_autoptr(QurbTicket) ticket = g_new0 (QurbTicket, 1);
  g_autoptr(GError) local_error = NULL;
  gchar code[QURB_BOOKING_CODE_SIZE];
  gboolean ar;

  g_return_val_if_fail (db != NULL && key != NULL && booking_code != NULL, NULL);

  if (!qurb_booking_code_normalize (booking_code, code) ||
      (ticket->detail = qurb_booking_detail_find (db, code, &local_error)) == NULL ||
      strcmp (ticket->detail->booking.state, "active") != 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no active booking with the code %s."), booking_code);
      return NULL;
    }
  qurb_ticket_payload (key, code, ticket->payload);
  if ((ticket->qr = qurb_ticket_qr_new (ticket->payload, error)) == NULL)
    return NULL;
  lang = lang ? lang : ticket->detail->member_lang;
  ar = g_strcmp0 (lang, "ar") == 0;
  ticket->text = qurb_compose_ticket_text (lang, code, ticket->detail->booking.caravan_code,
                                           ar ? ticket->detail->title_ar : ticket->detail->title_fr,
                                           ticket->detail->booking.date, ticket->detail->booking.start_time,
                                           ar ? ticket->detail->site_ar : ticket->detail->site_fr);
  return g_steal_pointer (&ticket);
}

void
qurb_ticket_free (QurbTicket *ticket)
{
  if (ticket == NULL)
    return;
  qurb_booking_detail_free (ticket->detail);
  qurb_ticket_qr_free (ticket->qr);
  g_free (ticket->text);
  g_free (ticket);
}

/* The CUPS queue of the receipt printer, or NULL when there is none. */
gchar *
qurb_ticket_printer (GKeyFile *config)
{
  gchar *printer = config ? qurb_config_value (config, "kiosk", "printer") : NULL;

  if (printer != NULL && printer[0] == '\0')
    g_clear_pointer (&printer, g_free);
  return printer;
}

static void
remove_files (const gchar *dir, const gchar *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree gchar *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

gboolean
qurb_ticket_print (const QurbTicket *ticket, const gchar *printer, GError **error)
{
  static const gchar *const names[] = { "ticket.txt", "ticket.png", NULL };
  g_autofree gchar *dir = NULL, *text_path = NULL, *png_path = NULL, *title = NULL;
  g_autofree gchar *complaint = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GSubprocess) lp = NULL;
  gboolean ok = FALSE;
  gsize png_length;
  const gchar *png_data;

  g_return_val_if_fail (ticket != NULL && printer != NULL, FALSE);

  if ((dir = g_dir_make_tmp ("qurb-ticket-XXXXXX", error)) == NULL)
    return FALSE;
  text_path = g_build_filename (dir, names[0], NULL);
  png_path = g_build_filename (dir, names[1], NULL);
  png = qurb_ticket_qr_png (ticket->qr, PRINT_SCALE);
  png_data = g_bytes_get_data (png, &png_length);
  title = g_strconcat ("Qurb ", ticket->detail->booking.code, NULL);
  if (g_file_set_contents (text_path, ticket->text, -1, error) &&
      g_file_set_contents (png_path, png_data, (gssize) png_length, error) &&
      (lp = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error,
                              "lp", "-d", printer, "-t", title, "--", text_path, png_path, NULL)) != NULL &&
      g_subprocess_communicate_utf8 (lp, NULL, NULL, NULL, &complaint, error))
    {
      ok = g_subprocess_get_if_exited (lp) && g_subprocess_get_exit_status (lp) == 0;
      if (!ok)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The printer %s did not take the ticket: %s"),
                     printer, complaint && complaint[0] ? g_strstrip (complaint) : _("lp failed"));
    }
  /* lp has handed the files to CUPS when it returns. */
  remove_files (dir, names);
  return ok;
}
