/* qurb-kiosk-booking.h — what the screens of booking a caravan share
 *
 * Booking is five screens: provinces, caravans, slots, confirm, booked.
 * Each reads the upcoming caravans afresh when it is entered, so the
 * seats shown are the seats left now; the booking itself is checked again
 * in its own transaction (qurb_booking_take). Private to those screens. */
#pragma once

#include "qurb-agency.h"
#include "qurb-kiosk-page.h"

G_BEGIN_DECLS

const gchar *qurb_kiosk_booking_title      (QurbKioskPage    *page,
                                            const gchar      *lang);
GtkWidget   *qurb_kiosk_booking_choice_new (QurbKioskPage    *page,
                                            const gchar      *text,
                                            const gchar      *choice,
                                            gboolean          available,
                                            GCallback         clicked);
const gchar *qurb_kiosk_booking_choice_get (GtkButton        *button);
gchar       *qurb_kiosk_booking_seats_text (const gchar      *lang,
                                            gint              seats);
gchar       *qurb_kiosk_booking_elsewhere_text (const QurbAgency *agency,
                                                const gchar      *province,
                                                const gchar      *lang);
gchar       *qurb_kiosk_booking_phone_note (const QurbMember *member,
                                            const gchar      *lang,
                                            gboolean          sent);
gchar       *qurb_kiosk_booking_ordinal    (const gchar      *lang,
                                            gint              n);
gchar       *qurb_kiosk_booking_waitlist_note (const gchar *lang,
                                              gint         position);
gchar       *qurb_kiosk_booking_summary    (QurbKioskPage    *page,
                                            const gchar      *start_time,
                                            GError          **error,
                                            gboolean         *ok);

G_END_DECLS
