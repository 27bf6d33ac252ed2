/* qurb-ticket-qr.h — a ticket as a QR code: its modules, or a PNG
 *
 * The only code that includes libqrencode's header. The kiosk draws the
 * modules itself (a cairo rectangle each, crisp at any size); qurbctl and
 * the receipt printer take the PNG. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint size;         /* modules per side */
  guint version;      /* the QR version (2 for a ticket) */
  guint8 *modules;    /* size × size, row by row: 1 dark, 0 light */
} QurbTicketQr;

/* Light modules a reader needs around the symbol. */
#define QURB_QR_QUIET_ZONE 4

QurbTicketQr *qurb_ticket_qr_new  (const gchar        *payload,
                                   GError            **error);
GBytes       *qurb_ticket_qr_png  (const QurbTicketQr *qr,
                                   guint               scale);
void          qurb_ticket_qr_free (QurbTicketQr       *qr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbTicketQr, qurb_ticket_qr_free)

G_END_DECLS
