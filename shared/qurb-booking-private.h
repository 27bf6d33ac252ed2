/* qurb-booking-private.h — the steps of a booking, for the waiting list
 *
 * Each runs inside the caller's transaction (qurb_db_transact): the seat
 * count read and the booking written under the same write lock. */
#pragma once

#include "qurb-booking-rules.h"
#include "qurb-booking.h"

G_BEGIN_DECLS

/* A caravan a member asks a seat of, as one transaction sees it. */
typedef enum {
  QURB_CARAVAN_AT_HAND,     /* sold here, its slots read; nothing held on it */
  QURB_CARAVAN_UNKNOWN,
  QURB_CARAVAN_ELSEWHERE,   /* another agency sells its seats */
  QURB_CARAVAN_HELD,        /* the member already holds a booking on it */
} QurbCaravanAccess;

typedef struct {
  gint64 id;
  gchar *date;
  GArray *slots;            /* QurbSlotState, by start */
  GArray *slot_ids;         /* gint64, the same order */
  QurbCaravanState state;   /* date, slot length and the slots above */
} QurbCaravanAtHand;

void     qurb_caravan_at_hand_clear (QurbCaravanAtHand *caravan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QurbCaravanAtHand, qurb_caravan_at_hand_clear)

gboolean qurb_booking_open_caravan (QurbDb             *db,
                                    const gchar        *code,
                                    gint64              member_id,
                                    QurbCaravanAtHand  *caravan,
                                    QurbBooking        *held,
                                    QurbCaravanAccess  *access,
                                    GError            **error);
void     qurb_booking_now          (gchar       **today,
                                    gint         *now_minute);
gboolean qurb_booking_find_active  (QurbDb       *db,
                                    gint64        member_id,
                                    gint64        caravan_id,
                                    QurbBooking  *booking,
                                    gboolean     *found,
                                    GError      **error);
gboolean qurb_booking_load_slots   (QurbDb       *db,
                                    gint64        caravan_id,
                                    GArray       *slots,
                                    GArray       *slot_ids,
                                    GError      **error);
gboolean qurb_booking_insert       (QurbDb       *db,
                                    gint64        member_id,
                                    const gchar  *channel,
                                    gint64        caravan_id,
                                    gint64        slot_id,
                                    QurbBooking  *booking,
                                    GError      **error);
gboolean qurb_booking_queue_notice (QurbDb            *db,
                                    gint64             member_id,
                                    const QurbBooking *booking,
                                    gboolean           from_waitlist,
                                    GError           **error);

/* qurb-waitlist.c: seats free on the caravan go to the members waiting
 * for it, first come first served; *promoted counts them (may be NULL). */
gboolean qurb_waitlist_fill        (QurbDb       *db,
                                    gint64        caravan_id,
                                    guint        *promoted,
                                    GError      **error);

G_END_DECLS
