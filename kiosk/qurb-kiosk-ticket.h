/* qurb-kiosk-ticket.h — a booking's caravan ticket on screen, and on
 * paper when the kiosk has a receipt printer
 *
 * The QR code (qurb-ticket-qr's modules, drawn by QurbKioskQr) carries
 * the signed ticket; the code under it in large letters is what a
 * member reads out or types. Printing never holds the screen: it says
 * "printing", then "printed" or, calmly, that the printer could not. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-booking-detail.h"
#include "qurb-kiosk-page.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_TICKET (qurb_kiosk_ticket_get_type ())
G_DECLARE_FINAL_TYPE (QurbKioskTicket, qurb_kiosk_ticket, QURB, KIOSK_TICKET, GtkBox)

typedef enum {
  QURB_KIOSK_PRINT_NONE,
  QURB_KIOSK_PRINT_BUSY,
  QURB_KIOSK_PRINT_DONE,
  QURB_KIOSK_PRINT_FAILED,
} QurbKioskPrintState;

gboolean                 qurb_kiosk_ticket_show       (QurbKioskTicket  *self,
                                                       QurbKioskSession *session,
                                                       const gchar      *booking_code,
                                                       GError          **error);
const QurbBookingDetail *qurb_kiosk_ticket_get_detail (QurbKioskTicket  *self);
const gchar             *qurb_kiosk_ticket_get_payload (QurbKioskTicket *self);
gboolean                 qurb_kiosk_ticket_print      (QurbKioskTicket  *self);
QurbKioskPrintState      qurb_kiosk_ticket_get_print_state (QurbKioskTicket *self);
void                     qurb_kiosk_ticket_speak      (QurbKioskTicket  *self,
                                                       QurbKioskPage    *page,
                                                       QurbSpeechScreen  screen);
void                     qurb_kiosk_ticket_relabel    (QurbKioskTicket  *self,
                                                       const gchar      *lang);

G_END_DECLS
