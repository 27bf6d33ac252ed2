/* qurb-booking.h — taking and cancelling caravan bookings in the database */
#pragma once

#include "qurb-booking-rules.h"
#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  gchar code[QURB_BOOKING_CODE_SIZE];
  gchar caravan_code[QURB_CARAVAN_CODE_SIZE];
  gchar date[QURB_DATE_SIZE];
  gchar start_time[QURB_TIME_SIZE];
  gchar state[QURB_BOOKING_STATE_SIZE];
} QurbBooking;

typedef struct {
  gint64 member_id;
  const gchar *caravan_code;
  gint requested_minute;       /* -1: the earliest free slot */
  const gchar *channel;        /* "sms", "kiosk" or "staff" */
  gboolean send_confirmation;  /* queue an SMS to the member's phone */
} QurbBookingRequest;

typedef struct {
  QurbBookingOutcome outcome;
  QurbBooking booking;         /* when OK, ALREADY_BOOKED or ALREADY_CANCELLED */
  gchar alternative[QURB_TIME_SIZE];        /* SLOT_FULL: a free slot's time, or "" */
  guint promoted;              /* cancel: members of the waiting list given the seat (0 or 1) */
} QurbBookingResult;

gboolean qurb_booking_take    (QurbDb                   *db,
                               const QurbBookingRequest *request,
                               QurbBookingResult        *result,
                               GError                  **error);
gboolean qurb_booking_cancel  (QurbDb            *db,
                               gint64             member_id,
                               const gchar       *code,
                               QurbBookingResult *result,
                               GError           **error);
GArray  *qurb_bookings_upcoming (QurbDb  *db,
                                 gint64   member_id,
                                 GError **error);

G_END_DECLS
