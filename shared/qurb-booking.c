/* qurb-booking.c — taking and cancelling caravan bookings in the database
 *
 * Seats are counted and the booking written in one BEGIN IMMEDIATE
 * transaction (qurb_db_transact): whichever channel asks — kiosk, SMS,
 * staff — no two can both see the last seat free. */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-booking-private.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-outbox.h"
#include "qurb-segments.h"
#include "qurb-texts.h"

typedef struct {
  const QurbBookingRequest *request;
  QurbBookingResult *result;
  gchar *today;
  gint now_minute;
} TakeJob;

void
qurb_booking_now (gchar **today, gint *now_minute)
{
  g_autoptr(GDateTime) now = qurb_now ();

  *today = g_date_time_format (now, "%Y-%m-%d");
  *now_minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

static guint32
random_u32 (gpointer unused)
{
  return g_random_int ();
}

static void
copy_column (sqlite3_stmt *stmt, gint col, gchar *out, gsize size)
{
  g_strlcpy (out, (const gchar *) sqlite3_column_text (stmt, col) ?: "", size);
}

/* Fills booking from a row of: id, code, caravan code, date, start, state. */
static void
booking_from_row (sqlite3_stmt *stmt, QurbBooking *booking)
{
  booking->id = sqlite3_column_int64 (stmt, 0);
  copy_column (stmt, 1, booking->code, sizeof booking->code);
  copy_column (stmt, 2, booking->caravan_code, sizeof booking->caravan_code);
  copy_column (stmt, 3, booking->date, sizeof booking->date);
  copy_column (stmt, 4, booking->start_time, sizeof booking->start_time);
  copy_column (stmt, 5, booking->state, sizeof booking->state);
}

#define BOOKING_COLUMNS \
  "SELECT b.id, b.code, c.code, c.date, s.start_time, b.state" \
  " FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN caravans c ON c.id = b.caravan_id"

gboolean
qurb_booking_find_active (QurbDb *db, gint64 member_id, gint64 caravan_id, QurbBooking *booking,
                          gboolean *found, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      BOOKING_COLUMNS " WHERE b.member_id = ? AND b.caravan_id = ? AND b.state = 'active'", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "II", member_id, caravan_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  *found = step > 0;
  if (*found)
    booking_from_row (stmt, booking);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The caravan's slots with seats (QurbSlotState) and their ids, by time. */
gboolean
qurb_booking_load_slots (QurbDb *db, gint64 caravan_id, GArray *slots, GArray *slot_ids, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT s.id, s.start_time, s.seats,"
      "  (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.state = 'active')"
      " FROM slots s WHERE s.caravan_id = ? AND s.seats > 0 ORDER BY s.start_time", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", caravan_id))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      QurbSlotState slot = { 0 };
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!qurb_parse_hhmm ((const gchar *) sqlite3_column_text (stmt, 1), &slot.start_minute))
        continue;
      slot.seats = sqlite3_column_int (stmt, 2);
      slot.booked = sqlite3_column_int (stmt, 3);
      g_array_append_val (slots, slot);
      g_array_append_val (slot_ids, id);
    }
  sqlite3_reset (stmt);
  return step == 0;
}

/* A fresh code; the UNIQUE index is the final word, so a collision just
 * draws again (25^6 codes make that rare). */
gboolean
qurb_booking_insert (QurbDb *db, gint64 member_id, const gchar *channel, gint64 caravan_id,
                     gint64 slot_id, QurbBooking *booking, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  for (guint attempt = 0; attempt < 16; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      sqlite3_stmt *stmt = qurb_db_statement (db,
          "INSERT INTO bookings (code, member_id, caravan_id, slot_id, state, channel, created_at)"
          " VALUES (?, ?, ?, ?, 'active', ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      qurb_booking_code_generate (random_u32, NULL, booking->code);
      if (!qurb_db_bind (db, stmt, error, "tIIItt", booking->code, member_id,
                         caravan_id, slot_id, channel, now))
        return FALSE;
      if (qurb_db_step_done (db, stmt, &local_error))
        {
          booking->id = qurb_db_last_id (db);
          g_strlcpy (booking->state, "active", sizeof booking->state);
          return TRUE;
        }
      if (!g_error_matches (local_error, QURB_DB_ERROR, QURB_DB_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED, "no free booking code");
  return FALSE;
}

/* The booking's SMS to the member's phone, in their language (French in
 * GSM-7): a confirmation, or the seat a cancellation gave them. */
gboolean
qurb_booking_queue_notice (QurbDb *db, gint64 member_id, const QurbBooking *booking,
                           gboolean from_waitlist, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT m.phone, m.lang, c.site_fr, c.site_ar FROM members m, caravans c"
      " WHERE m.id = ? AND c.code = ? AND m.phone IS NOT NULL", error);
  g_autofree gchar *phone = NULL, *lang = NULL, *site = NULL, *text = NULL;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "It", member_id, booking->caravan_code) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step == 0)
    {
      sqlite3_reset (stmt);
      return TRUE;  /* no phone: the kiosk's screen is the confirmation */
    }
  phone = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  lang = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  site = g_strdup ((const gchar *) sqlite3_column_text (stmt, g_strcmp0 (lang, "ar") == 0 ? 3 : 2));
  sqlite3_reset (stmt);

  text = from_waitlist
       ? qurb_compose_waitlist_booking (lang, booking->code, booking->caravan_code,
                                        booking->date, booking->start_time, site)
       : qurb_compose_booking_confirmation (lang, booking->code, booking->caravan_code,
                                            booking->date, booking->start_time, site);
  if (g_strcmp0 (lang, "fr") == 0)
    {
      gchar *folded = qurb_gsm7_fold (text);

      g_free (text);
      text = folded;
    }
  return qurb_outbox_queue (db, &(QurbOutgoing) {
                              .peer = phone, .text = text, .kind = "notice",
                              .priority = QURB_PRIORITY_NOTICE, .member_id = member_id,
                              .lang = lang }, NULL, error);
}

void
qurb_caravan_at_hand_clear (QurbCaravanAtHand *caravan)
{
  g_clear_pointer (&caravan->date, g_free);
  g_clear_pointer (&caravan->slots, g_array_unref);
  g_clear_pointer (&caravan->slot_ids, g_array_unref);
}

/* The caravan a booking or a place on its waiting list is asked of: its
 * row; whether this box sells its seats (two boxes fed the same national
 * export never sell one seat twice); the members waiting for it served
 * before anyone asking now (a seat found free goes to them first); the
 * member's own booking on it; and, when it is open to them, its slots. */
gboolean
qurb_booking_open_caravan (QurbDb *db, const gchar *code, gint64 member_id, QurbCaravanAtHand *caravan,
                           QurbBooking *held, QurbCaravanAccess *access, GError **error)
{
  g_autofree gchar *province = NULL;
  g_autoptr(QurbAgency) agency = NULL;
  sqlite3_stmt *stmt;
  gboolean found;
  gint step;

  stmt = qurb_db_statement (db, "SELECT id, date, slot_minutes, province FROM caravans WHERE code = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", code) || (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step == 0)
    {
      sqlite3_reset (stmt);
      *access = QURB_CARAVAN_UNKNOWN;
      return TRUE;
    }
  caravan->id = sqlite3_column_int64 (stmt, 0);
  caravan->date = qurb_db_column_dup (stmt, 1);
  caravan->state.slot_minutes = sqlite3_column_int (stmt, 2);
  province = qurb_db_column_dup (stmt, 3);
  sqlite3_reset (stmt);

  if ((agency = qurb_agency_load (db, error)) == NULL)
    return FALSE;
  if (!qurb_agency_serves (agency, province))
    {
      *access = QURB_CARAVAN_ELSEWHERE;
      return TRUE;
    }
  if (!qurb_waitlist_fill (db, caravan->id, NULL, error) ||
      !qurb_booking_find_active (db, member_id, caravan->id, held, &found, error))
    return FALSE;
  if (found)
    {
      *access = QURB_CARAVAN_HELD;
      return TRUE;
    }

  caravan->slots = g_array_new (FALSE, TRUE, sizeof (QurbSlotState));
  caravan->slot_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  if (!qurb_booking_load_slots (db, caravan->id, caravan->slots, caravan->slot_ids, error))
    return FALSE;
  caravan->state.date = caravan->date;
  caravan->state.slots = (const QurbSlotState *) caravan->slots->data;
  caravan->state.n_slots = caravan->slots->len;
  *access = QURB_CARAVAN_AT_HAND;
  return TRUE;
}

static gboolean
take_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  TakeJob *job = user_data;
  const QurbBookingRequest *request = job->request;
  QurbBookingResult *result = job->result;
  g_auto (QurbCaravanAtHand) caravan = { 0 };
  const QurbSlotState *slot;
  QurbCaravanAccess access;
  guint chosen = 0, alternative = 0;

  memset (result, 0, sizeof *result);
  if (!qurb_booking_open_caravan (db, request->caravan_code, request->member_id, &caravan, &result->booking,
                                  &access, error))
    return FALSE;
  switch (access)
    {
    case QURB_CARAVAN_UNKNOWN:
      result->outcome = QURB_BOOKING_NO_SUCH_CARAVAN;
      return TRUE;
    case QURB_CARAVAN_ELSEWHERE:
      result->outcome = QURB_BOOKING_OTHER_AGENCY;
      g_strlcpy (result->booking.caravan_code, request->caravan_code, sizeof result->booking.caravan_code);
      return TRUE;
    case QURB_CARAVAN_HELD:
      result->outcome = QURB_BOOKING_ALREADY_BOOKED;
      return TRUE;
    case QURB_CARAVAN_AT_HAND:
      break;
    }

  result->outcome = qurb_booking_choose_slot (&caravan.state, job->today, job->now_minute,
                                              request->requested_minute, &chosen, &alternative);
  if (result->outcome == QURB_BOOKING_SLOT_FULL && alternative < caravan.slots->len)
    {
      gint m = caravan.state.slots[alternative].start_minute;
      g_snprintf (result->alternative, sizeof result->alternative, "%02d:%02d", m / 60, m % 60);
    }
  if (result->outcome != QURB_BOOKING_OK)
    return TRUE;

  slot = &caravan.state.slots[chosen];
  g_strlcpy (result->booking.caravan_code, request->caravan_code, sizeof result->booking.caravan_code);
  g_strlcpy (result->booking.date, caravan.date, sizeof result->booking.date);
  g_snprintf (result->booking.start_time, sizeof result->booking.start_time, "%02d:%02d",
              slot->start_minute / 60, slot->start_minute % 60);
  if (!qurb_booking_insert (db, request->member_id, request->channel, caravan.id,
                            g_array_index (caravan.slot_ids, gint64, chosen), &result->booking, error))
    return FALSE;
  if (request->send_confirmation &&
      !qurb_booking_queue_notice (db, request->member_id, &result->booking, FALSE, error))
    return FALSE;
  return qurb_db_audit (db, request->channel, "book", result->booking.code, request->caravan_code, error);
}

gboolean
qurb_booking_take (QurbDb *db, const QurbBookingRequest *request, QurbBookingResult *result,
                   GError **error)
{
  TakeJob job = { request, result, NULL, 0 };
  g_autofree gchar *caravan_code = g_ascii_strup (request->caravan_code, -1);
  QurbBookingRequest normalized = *request;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized.caravan_code = caravan_code;
  job.request = &normalized;
  qurb_booking_now (&job.today, &job.now_minute);
  ok = qurb_db_transact (db, take_in_transaction, &job, error);
  g_free (job.today);
  return ok;
}

typedef struct {
  gint64 member_id;
  const gchar *code;
  QurbBookingResult *result;
} CancelJob;

static gboolean
cancel_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  CancelJob *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt;
  gint64 caravan_id;
  gint step;

  memset (job->result, 0, sizeof *job->result);
  /* Another member's code gets the same answer as a code that does not
   * exist: codes are not a way to learn about other people. */
  stmt = qurb_db_statement (db, BOOKING_COLUMNS " WHERE b.code = ? AND b.member_id = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", job->code, job->member_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step == 0)
    {
      sqlite3_reset (stmt);
      job->result->outcome = QURB_BOOKING_NOT_FOUND;
      return TRUE;
    }
  booking_from_row (stmt, &job->result->booking);
  sqlite3_reset (stmt);

  if (strcmp (job->result->booking.state, "cancelled") == 0)
    {
      job->result->outcome = QURB_BOOKING_ALREADY_CANCELLED;
      return TRUE;
    }
  {
    g_autofree gchar *today = NULL;
    gint now_minute, start_minute = 0;

    qurb_booking_now (&today, &now_minute);
    qurb_parse_hhmm (job->result->booking.start_time, &start_minute);
    if (strcmp (job->result->booking.date, today) < 0 ||
        (strcmp (job->result->booking.date, today) == 0 && start_minute <= now_minute))
      {
        job->result->outcome = QURB_BOOKING_CLOSED;
        return TRUE;
      }
  }

  stmt = qurb_db_statement (db,
      "UPDATE bookings SET state = 'cancelled', cancelled_at = ? WHERE id = ? RETURNING caravan_id", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", now, job->result->booking.id) ||
      qurb_db_step_row (db, stmt, error) <= 0)
    return FALSE;
  caravan_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_strlcpy (job->result->booking.state, "cancelled", sizeof job->result->booking.state);
  job->result->outcome = QURB_BOOKING_OK;
  /* The seat given back goes at once to the first member waiting for it,
   * in this same transaction: never free for two, nobody skipped. */
  return qurb_db_audit (db, "member", "cancel", job->code, NULL, error) &&
         qurb_waitlist_fill (db, caravan_id, &job->result->promoted, error);
}

gboolean
qurb_booking_cancel (QurbDb *db, gint64 member_id, const gchar *code, QurbBookingResult *result,
                     GError **error)
{
  gchar normalized[QURB_BOOKING_CODE_SIZE];
  CancelJob job = { member_id, normalized, result };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_booking_code_normalize (code, normalized))
    {
      memset (result, 0, sizeof *result);
      result->outcome = QURB_BOOKING_NOT_FOUND;
      return TRUE;
    }
  return qurb_db_transact (db, cancel_in_transaction, &job, error);
}

/* The member's active bookings from today on, soonest first. */
GArray *
qurb_bookings_upcoming (QurbDb *db, gint64 member_id, GError **error)
{
  g_autoptr(GArray) bookings = g_array_new (FALSE, TRUE, sizeof (QurbBooking));
  g_autofree gchar *today = qurb_today_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      BOOKING_COLUMNS " WHERE b.member_id = ? AND b.state = 'active' AND c.date >= ?"
      " ORDER BY c.date, s.start_time", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "It", member_id, today))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      QurbBooking booking;
      booking_from_row (stmt, &booking);
      g_array_append_val (bookings, booking);
    }
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&bookings) : NULL;
}
