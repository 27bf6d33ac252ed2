/* qurb-ticket-qr.c — a ticket as a QR code: its modules, or a PNG */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <qrencode.h>

#include "qurb-i18n.h"
#include "qurb-png.h"
#include "qurb-ticket-qr.h"

/* Error correction M (15 % of the symbol may be lost: a crease, a
 * smudge on a phone's screen) still fits a ticket in version 2. The
 * encoder picks the alphanumeric mode by itself for a ticket's
 * characters; case is kept as it is (a ticket is upper case already). */
QurbTicketQr *
qurb_ticket_qr_new (const gchar *payload, GError **error)
{
  g_autoptr(QurbTicketQr) qr = g_new0 (QurbTicketQr, 1);
  QRcode *code;

  g_return_val_if_fail (payload != NULL, NULL);

  code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot make a QR code of the ticket: %s"), g_strerror (errno));
      return NULL;
    }
  qr->size = (guint) code->width;
  qr->version = (guint) code->version;
  qr->modules = g_malloc ((gsize) qr->size * qr->size);
  /* libqrencode's bytes carry flags above bit 0, which is dark or light. */
  for (gsize i = 0; i < (gsize) qr->size * qr->size; i++)
    qr->modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return g_steal_pointer (&qr);
}

/* scale pixels per module, with the quiet zone around. */
GBytes *
qurb_ticket_qr_png (const QurbTicketQr *qr, guint scale)
{
  g_return_val_if_fail (qr != NULL, NULL);
  return qurb_png_from_modules (qr->modules, qr->size, scale, QURB_QR_QUIET_ZONE);
}

void
qurb_ticket_qr_free (QurbTicketQr *qr)
{
  if (qr == NULL)
    return;
  g_free (qr->modules);
  g_free (qr);
}
