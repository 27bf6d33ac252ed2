/* qurb-booking-detail.c — one booking by its code, with what a ticket and
 * a check-in show */
#include "config.h"

#include "qurb-booking-detail.h"

static void
copy_text (sqlite3_stmt *stmt, gint column, gchar *out, gsize size)
{
  g_strlcpy (out, (const gchar *) sqlite3_column_text (stmt, column) ?: "", size);
}

/* The booking with this (canonical) code; NULL with no error when there
 * is none. */
QurbBookingDetail *
qurb_booking_detail_find (QurbDb *db, const gchar *code, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT b.id, b.code, c.code, c.date, s.start_time, b.state, m.id, m.member_no,"
      "       m.first_name || ' ' || m.last_name,"
      "       coalesce(nullif(trim(m.first_name_ar || ' ' || m.last_name_ar), ''),"
      "                m.first_name || ' ' || m.last_name),"
      "       m.lang, c.title_fr, c.title_ar, c.site_fr, c.site_ar, b.cancelled_at, b.attended_at"
      " FROM bookings b JOIN members m ON m.id = b.member_id"
      " JOIN caravans c ON c.id = b.caravan_id JOIN slots s ON s.id = b.slot_id"
      " WHERE b.code = ?", error);
  QurbBookingDetail *detail;
  gint step;

  g_return_val_if_fail (code != NULL, NULL);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", code) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return NULL;
  if (step == 0)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  detail = g_new0 (QurbBookingDetail, 1);
  detail->booking.id = sqlite3_column_int64 (stmt, 0);
  copy_text (stmt, 1, detail->booking.code, sizeof detail->booking.code);
  copy_text (stmt, 2, detail->booking.caravan_code, sizeof detail->booking.caravan_code);
  copy_text (stmt, 3, detail->booking.date, sizeof detail->booking.date);
  copy_text (stmt, 4, detail->booking.start_time, sizeof detail->booking.start_time);
  copy_text (stmt, 5, detail->booking.state, sizeof detail->booking.state);
  detail->member_id = sqlite3_column_int64 (stmt, 6);
  detail->member_no = qurb_db_column_dup (stmt, 7);
  detail->member_name = qurb_db_column_dup (stmt, 8);
  detail->member_name_ar = qurb_db_column_dup (stmt, 9);
  detail->member_lang = qurb_db_column_dup (stmt, 10);
  detail->title_fr = qurb_db_column_dup (stmt, 11);
  detail->title_ar = qurb_db_column_dup (stmt, 12);
  detail->site_fr = qurb_db_column_dup (stmt, 13);
  detail->site_ar = qurb_db_column_dup (stmt, 14);
  detail->cancelled_at = qurb_db_column_dup (stmt, 15);
  detail->attended_at = qurb_db_column_dup (stmt, 16);
  sqlite3_reset (stmt);
  return detail;
}

void
qurb_booking_detail_free (QurbBookingDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->member_no);
  g_free (detail->member_name);
  g_free (detail->member_name_ar);
  g_free (detail->member_lang);
  g_free (detail->title_fr);
  g_free (detail->title_ar);
  g_free (detail->site_fr);
  g_free (detail->site_ar);
  g_free (detail->cancelled_at);
  g_free (detail->attended_at);
  g_free (detail);
}
