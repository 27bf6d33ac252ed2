/* qurb-waitlist.h — the waiting list of a full caravan
 *
 * A member who finds a caravan full (at the kiosk, or by SMS) joins its
 * waiting list; a seat given back goes at once to the first member
 * waiting, with an SMS carrying the booking code (they cancel it as any
 * booking). The list is served in the same BEGIN IMMEDIATE transactions
 * as bookings and cancellations (qurb-booking.c): a seat is never given
 * twice and nobody is skipped. */
#pragma once

#include "qurb-booking.h"

G_BEGIN_DECLS

typedef enum {
  QURB_WAITLIST_JOINED,
  QURB_WAITLIST_ALREADY_WAITING,
  QURB_WAITLIST_ALREADY_BOOKED,   /* the member holds a booking on this caravan */
  QURB_WAITLIST_SEATS_FREE,       /* nothing to wait for: book instead */
  QURB_WAITLIST_NO_PHONE,         /* nobody could tell them a seat came */
  QURB_WAITLIST_CLOSED,           /* the caravan is past, or too close */
  QURB_WAITLIST_NO_SUCH_CARAVAN,
  QURB_WAITLIST_OTHER_AGENCY,     /* another box books this caravan (qurb-agency) */
} QurbWaitlistOutcome;

typedef struct {
  QurbWaitlistOutcome outcome;
  gint position;                  /* JOINED, ALREADY_WAITING: 1 is next */
  QurbBooking booking;            /* ALREADY_BOOKED */
} QurbWaitlistResult;

/* A place the member holds on a waiting list. */
typedef struct {
  gchar caravan_code[QURB_CARAVAN_CODE_SIZE];
  gint position;
} QurbWaitlistPlace;

gboolean qurb_waitlist_join       (QurbDb             *db,
                                   gint64              member_id,
                                   const gchar        *caravan_code,
                                   const gchar        *channel,
                                   QurbWaitlistResult *result,
                                   GError            **error);
gboolean qurb_waitlist_leave      (QurbDb             *db,
                                   gint64              member_id,
                                   const gchar        *caravan_code,
                                   gboolean           *left,
                                   GError            **error);
GArray  *qurb_waitlist_places     (QurbDb             *db,
                                   gint64              member_id,
                                   GError            **error);
gint     qurb_waitlist_length     (QurbDb             *db,
                                   const gchar        *caravan_code,
                                   GError            **error);

G_END_DECLS
