/* qurb-booking-detail.h — one booking by its code, with what a ticket and
 * a check-in show: the caravan, the slot, the member, the day's marks */
#pragma once

#include "qurb-booking.h"

G_BEGIN_DECLS

typedef struct {
  QurbBooking booking;     /* id, code, caravan code, date, start time, state */
  gint64 member_id;
  gchar *member_no;
  gchar *member_name;      /* "Fatima ALAOUI" */
  gchar *member_name_ar;   /* "فاطمة العلوي", or the Latin one when empty */
  gchar *member_lang;
  gchar *title_fr, *title_ar;
  gchar *site_fr, *site_ar;
  gchar *cancelled_at;     /* NULL unless cancelled */
  gchar *attended_at;      /* NULL until checked in */
} QurbBookingDetail;

QurbBookingDetail *qurb_booking_detail_find (QurbDb       *db,
                                             const gchar  *code,
                                             GError      **error);
void               qurb_booking_detail_free (QurbBookingDetail *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbBookingDetail, qurb_booking_detail_free)

G_END_DECLS
