/* qurb-booking-rules.h — which slot a member may book: pure rules */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

/* A slot cannot be booked once it starts within this many minutes. */
#define QURB_BOOKING_LEAD_MINUTES 60

typedef struct {
  gint start_minute;  /* minutes since midnight */
  gint seats;
  gint booked;        /* active bookings */
} QurbSlotState;

typedef struct {
  const gchar *date;  /* the caravan's day, YYYY-MM-DD */
  gint slot_minutes;
  const QurbSlotState *slots;  /* sorted by start_minute */
  guint n_slots;
} QurbCaravanState;

QurbBookingOutcome qurb_booking_choose_slot (const QurbCaravanState *caravan,
                                             const gchar            *today,
                                             gint                    now_minute,
                                             gint                    requested_minute,
                                             guint                  *chosen,
                                             guint                  *alternative);
gboolean           qurb_booking_slot_open   (const QurbCaravanState *caravan,
                                             guint                   index,
                                             const gchar            *today,
                                             gint                    now_minute);
gint               qurb_caravan_seats_left  (const QurbCaravanState *caravan,
                                             const gchar            *today,
                                             gint                    now_minute);

void               qurb_booking_code_generate (guint32 (*random_u32) (gpointer),
                                               gpointer   user_data,
                                               gchar      code[QURB_BOOKING_CODE_SIZE]);
gboolean           qurb_booking_code_normalize (const gchar *text,
                                                gchar        code[QURB_BOOKING_CODE_SIZE]);

G_END_DECLS
