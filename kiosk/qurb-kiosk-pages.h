/* qurb-kiosk-pages.h — the kiosk's screens (docs/DESIGN.md section 4) */
#pragma once

#include "qurb-kiosk-list-page.h"

G_BEGIN_DECLS

#define QURB_TYPE_HOME_PAGE (qurb_home_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbHomePage, qurb_home_page, QURB, HOME_PAGE, QurbKioskPage)
#define QURB_TYPE_IDENTIFY_PAGE (qurb_identify_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbIdentifyPage, qurb_identify_page, QURB, IDENTIFY_PAGE, QurbKioskPage)
#define QURB_TYPE_CLAIMS_PAGE (qurb_claims_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbClaimsPage, qurb_claims_page, QURB, CLAIMS_PAGE, QurbKioskPage)
#define QURB_TYPE_PROVINCES_PAGE (qurb_provinces_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbProvincesPage, qurb_provinces_page, QURB, PROVINCES_PAGE, QurbKioskPage)
#define QURB_TYPE_CARAVANS_PAGE (qurb_caravans_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbCaravansPage, qurb_caravans_page, QURB, CARAVANS_PAGE, QurbKioskPage)
#define QURB_TYPE_SLOTS_PAGE (qurb_slots_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbSlotsPage, qurb_slots_page, QURB, SLOTS_PAGE, QurbKioskPage)
#define QURB_TYPE_CONFIRM_PAGE (qurb_confirm_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbConfirmPage, qurb_confirm_page, QURB, CONFIRM_PAGE, QurbKioskPage)
#define QURB_TYPE_BOOKED_PAGE (qurb_booked_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbBookedPage, qurb_booked_page, QURB, BOOKED_PAGE, QurbKioskPage)
#define QURB_TYPE_BOOKINGS_PAGE (qurb_bookings_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbBookingsPage, qurb_bookings_page, QURB, BOOKINGS_PAGE, QurbKioskPage)

#define QURB_TYPE_WAITLIST_PAGE (qurb_waitlist_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbWaitlistPage, qurb_waitlist_page, QURB, WAITLIST_PAGE, QurbKioskPage)
#define QURB_TYPE_TICKET_PAGE (qurb_ticket_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbTicketPage, qurb_ticket_page, QURB, TICKET_PAGE, QurbKioskPage)
#define QURB_TYPE_PHONE_PAGE (qurb_phone_page_get_type ())
G_DECLARE_FINAL_TYPE (QurbPhonePage, qurb_phone_page, QURB, PHONE_PAGE, QurbKioskPage)

gboolean qurb_home_page_refresh_banner (QurbHomePage  *self,
                                        GError       **error);

G_END_DECLS
