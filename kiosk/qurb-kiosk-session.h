/* qurb-kiosk-session.h — who is at the kiosk, in which language, on which errand
 *
 * One per kiosk window. Everything personal lives here so that "forget"
 * (Home, idle time-out) is one call that leaves nothing behind. */
#pragma once

#include <glib-object.h>

#include "qurb-booking.h"
#include "qurb-db.h"
#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-members.h"
#include "qurb-kiosk-tickets.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_SESSION (qurb_kiosk_session_get_type ())
G_DECLARE_FINAL_TYPE (QurbKioskSession, qurb_kiosk_session, QURB, KIOSK_SESSION, GObject)

/* The member's errand in progress: what each screen chose. */
typedef struct {
  gchar *target;            /* where identification leads */
  gchar *province;          /* caravans: the province picked */
  gchar *caravan_code;      /* the caravan picked */
  gchar slot_time[QURB_TIME_SIZE];       /* the slot picked, "HH:MM" */
  QurbBooking booking;      /* the booking just taken */
  gchar *ticket_code;       /* "My bookings": the booking whose ticket is shown */
} QurbKioskErrand;

typedef struct _QurbKioskVoice QurbKioskVoice;

/* Seconds between two readings of the banner while the kiosk waits. */
#define QURB_KIOSK_BANNER_REFRESH_SECONDS 30

QurbKioskSession *qurb_kiosk_session_new          (QurbDb           *db,
                                                   const gchar      *default_lang,
                                                   guint             idle_seconds);
QurbDb           *qurb_kiosk_session_get_db       (QurbKioskSession *self);
const gchar      *qurb_kiosk_session_get_lang     (QurbKioskSession *self);
void              qurb_kiosk_session_set_lang     (QurbKioskSession *self,
                                                   const gchar      *lang);
const gchar      *qurb_kiosk_session_get_default_lang (QurbKioskSession *self);
guint             qurb_kiosk_session_get_idle_seconds (QurbKioskSession *self);
void              qurb_kiosk_session_set_idle_seconds (QurbKioskSession *self,
                                                       guint             seconds);
guint             qurb_kiosk_session_get_idle_warning_seconds (QurbKioskSession *self);
void              qurb_kiosk_session_set_agency   (QurbKioskSession *self,
                                                   const gchar      *code,
                                                   const gchar      *name,
                                                   const gchar      *provinces);
const gchar      *qurb_kiosk_session_get_agency_code (QurbKioskSession *self);
const gchar      *qurb_kiosk_session_get_agency_name (QurbKioskSession *self);
const gchar *const *qurb_kiosk_session_get_provinces (QurbKioskSession *self);
guint             qurb_kiosk_session_get_refresh_seconds (QurbKioskSession *self);
void              qurb_kiosk_session_set_refresh_seconds (QurbKioskSession *self,
                                                          guint             seconds);
QurbKioskTickets *qurb_kiosk_session_get_tickets  (QurbKioskSession *self);
void              qurb_kiosk_session_set_tickets  (QurbKioskSession *self,
                                                   QurbKioskTickets *tickets);
QurbKioskVoice   *qurb_kiosk_session_get_voice    (QurbKioskSession *self);
void              qurb_kiosk_session_set_voice    (QurbKioskSession *self,
                                                   QurbKioskVoice   *voice);
const QurbMember *qurb_kiosk_session_get_member   (QurbKioskSession *self);
void              qurb_kiosk_session_set_member   (QurbKioskSession *self,
                                                   QurbMember       *member);
QurbKioskErrand  *qurb_kiosk_session_get_errand   (QurbKioskSession *self);
void              qurb_kiosk_session_clear_errand (QurbKioskSession *self);
void              qurb_kiosk_session_forget       (QurbKioskSession *self);

G_END_DECLS
