/* qurb-kiosk-qr.h — a QR code drawn module by module, crisp at any size
 *
 * Each module is a whole number of pixels (the code is centred in what
 * is left), black on white, inside a white quiet zone of
 * QURB_QR_QUIET_ZONE modules: what a phone or a handheld scanner needs. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-ticket-qr.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_QR (qurb_kiosk_qr_get_type ())
G_DECLARE_FINAL_TYPE (QurbKioskQr, qurb_kiosk_qr, QURB, KIOSK_QR, GtkWidget)

/* Pixels a module takes at least: a version 2 code and its quiet zone
 * are 33 modules, 264 px, about 6.5 cm on a 21.5" screen of 1080 px. */
#define QURB_KIOSK_QR_MODULE_PX 8
/* ... and when the screen has room: 396 px, about 10 cm, read by an
 * old phone's camera at arm's length and seen at once on the screen. */
#define QURB_KIOSK_QR_MODULE_PX_ROOMY 12

GtkWidget *qurb_kiosk_qr_new         (void);
void       qurb_kiosk_qr_set_modules (QurbKioskQr        *self,
                                      const QurbTicketQr *qr);
guint      qurb_kiosk_qr_get_size    (QurbKioskQr        *self);
void       qurb_kiosk_qr_set_natural_module_px (QurbKioskQr *self,
                                                guint        px);

G_END_DECLS
