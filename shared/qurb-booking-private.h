/* qurb-booking-private.h — the steps of a booking, for the waiting list
 *
 * Each runs inside the caller's transaction (qurb_db_transact): the seat
 * count read and the booking written under the same write lock. */
#pragma once

#include "qurb-booking.h"

G_BEGIN_DECLS

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
