/* qurb-ticket-issue.h — a booking's ticket: the signed payload, its QR
 * code, the words printed with it, and the receipt printer */
#pragma once

#include "qurb-booking-detail.h"
#include "qurb-ticket-qr.h"
#include "qurb-ticket.h"

G_BEGIN_DECLS

typedef struct {
  QurbBookingDetail *detail;
  gchar payload[QURB_TICKET_PAYLOAD_SIZE];
  QurbTicketQr *qr;
  gchar *text;             /* the printed lines, in the language asked */
} QurbTicket;

QurbTicket *qurb_ticket_issue   (QurbDb              *db,
                                 const QurbTicketKey *key,
                                 const gchar         *booking_code,
                                 const gchar         *lang,
                                 GError             **error);
void        qurb_ticket_free    (QurbTicket          *ticket);
gchar      *qurb_ticket_printer (GKeyFile            *config);
gboolean    qurb_ticket_print   (const QurbTicket    *ticket,
                                 const gchar         *printer,
                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbTicket, qurb_ticket_free)

G_END_DECLS
