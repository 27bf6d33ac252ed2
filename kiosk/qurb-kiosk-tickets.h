/* qurb-kiosk-tickets.h — where the kiosk's tickets come from: the key
 * that signs them and the receipt printer
 *
 * A kiosk always shows a ticket: when the key cannot be read (missing on
 * a tablet, or a file the kiosk's user may not read), the QR code carries
 * the bare booking code, which a check-in accepts as the SMS's code, and
 * the journal says why once. Printing runs in a worker thread: `lp` never
 * holds the screen. */
#pragma once

#include <gio/gio.h>

#include "qurb-ticket-issue.h"
#include "qurb-ticket-key.h"

G_BEGIN_DECLS

typedef struct _QurbKioskTickets QurbKioskTickets;

QurbKioskTickets    *qurb_kiosk_tickets_new     (const gchar        *key_path,
                                                 QurbTicketKeyMode   mode,
                                                 const gchar        *printer);
void                 qurb_kiosk_tickets_free    (QurbKioskTickets   *self);
const QurbTicketKey *qurb_kiosk_tickets_get_key (QurbKioskTickets   *self);
const gchar         *qurb_kiosk_tickets_get_printer (QurbKioskTickets *self);
QurbTicket          *qurb_kiosk_tickets_issue   (QurbKioskTickets   *self,
                                                 QurbDb             *db,
                                                 const gchar        *booking_code,
                                                 const gchar        *lang,
                                                 GError            **error);
void                 qurb_kiosk_tickets_print_async  (QurbKioskTickets    *self,
                                                      QurbTicket          *ticket,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean             qurb_kiosk_tickets_print_finish (GAsyncResult        *result,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbKioskTickets, qurb_kiosk_tickets_free)

G_END_DECLS
