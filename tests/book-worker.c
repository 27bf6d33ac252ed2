/* book-worker.c — one of several processes racing for the same seats
 *
 * book-worker DB CARAVAN FIRST_MEMBER_NO COUNT START_US CHANNEL: from
 * START_US (real time, µs) on, books COUNT members one after another and
 * prints "ok=N full=N other=N errors=N". CHANNEL is how they book:
 *   direct — qurb_booking_take() itself;
 *   kiosk  — as the kiosk does it: identify by member number and CIN,
 *            then book the earliest slot with an SMS confirmation;
 *   sms    — as a text to the daemon: "RESERVER CARAVAN" stored and
 *            answered through qurb_sms_receive() and qurb_sms_process()
 *            (a full caravan puts them on its waiting list);
 *   cancel — cancels each member's booking on the caravan instead (its
 *            seat goes to the waiting list): ok counts the cancellations.
 * Used by test-concurrency. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "qurb-booking.h"
#include "qurb-identify.h"
#include "qurb-members.h"
#include "qurb-sms.h"

typedef struct {
  guint ok, full, other, errors;
} Tally;

static void
count_outcome (Tally *tally, QurbBookingOutcome outcome)
{
  if (outcome == QURB_BOOKING_OK)
    tally->ok++;
  else if (outcome == QURB_BOOKING_CARAVAN_FULL)
    tally->full++;
  else
    tally->other++;
}

static gboolean
book_direct (QurbDb *db, const QurbMember *member, const gchar *caravan, const gchar *channel,
             Tally *tally, GError **error)
{
  QurbBookingResult result;
  QurbBookingRequest request = { member->id, caravan, -1, channel, g_str_equal (channel, "kiosk") };

  if (!qurb_booking_take (db, &request, &result, error))
    return FALSE;
  count_outcome (tally, result.outcome);
  return TRUE;
}

static gboolean
book_at_kiosk (QurbDb *db, const gchar *member_no, const gchar *cin, const gchar *caravan,
               Tally *tally, GError **error)
{
  QurbIdentifyResult who;
  gboolean ok;

  if (!qurb_member_identify (db, "RACE", member_no, cin, &who, error))
    return FALSE;
  if (who.outcome != QURB_IDENTIFY_OK)
    {
      tally->other++;
      return TRUE;
    }
  ok = book_direct (db, who.member_found, caravan, "kiosk", tally, error);
  qurb_member_free (who.member_found);
  return ok;
}

/* The reply tells the outcome; the booking row is what counts, read back
 * by the test. Here: whether a booking of this member now exists. */
static gboolean
book_by_sms (QurbDb *db, const QurbMember *member, const gchar *caravan, Tally *tally,
             GError **error)
{
  g_autofree gchar *text = g_strdup_printf ("RESERVER %s", caravan);
  QurbSmsPolicy policy = QURB_SMS_POLICY_DEFAULT;
  QurbSmsResult result = { 0 };
  gint64 id;
  gint booked;

  if (!qurb_sms_receive (db, member->phone, text, &id, error) ||
      !qurb_sms_process (db, id, &policy, &result, error))
    return FALSE;
  qurb_sms_result_clear (&result);
  booked = qurb_db_query_exists (db, error,
      "SELECT 1 FROM bookings WHERE member_id = ? AND state = 'active' AND channel = 'sms'",
      "I", member->id);
  if (booked < 0)
    return FALSE;
  if (booked)
    tally->ok++;
  else
    tally->full++;
  return TRUE;
}

static gboolean
cancel_booking (QurbDb *db, const QurbMember *member, const gchar *caravan, Tally *tally,
                GError **error)
{
  g_autoptr(GArray) bookings = qurb_bookings_upcoming (db, member->id, error);
  QurbBookingResult result;

  if (bookings == NULL)
    return FALSE;
  for (guint i = 0; i < bookings->len; i++)
    {
      const QurbBooking *booking = &g_array_index (bookings, QurbBooking, i);

      if (!g_str_equal (booking->caravan_code, caravan))
        continue;
      if (!qurb_booking_cancel (db, member->id, booking->code, &result, error))
        return FALSE;
      count_outcome (tally, result.outcome);
      return TRUE;
    }
  tally->other++;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) db = NULL;
  const gchar *channel = argc > 6 ? argv[6] : "direct";
  Tally tally = { 0 };
  guint first, count;
  gint64 start;

  if (argc < 6 || argc > 7)
    {
      g_printerr ("usage: book-worker DB CARAVAN FIRST_MEMBER_NO COUNT START_US [direct|kiosk|sms|cancel]\n");
      return 2;
    }
  first = atoi (argv[3]);
  count = atoi (argv[4]);
  start = g_ascii_strtoll (argv[5], NULL, 10);

  db = qurb_db_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("book-worker: %s\n", error->message);
      return 1;
    }
  while (g_get_real_time () < start)
    g_usleep (1000);

  for (guint i = 0; i < count; i++)
    {
      g_autofree gchar *member_no = g_strdup_printf ("%u", first + i);
      g_autoptr(QurbMember) member = qurb_member_find_by_no (db, member_no, &error);
      gboolean done;

      if (member == NULL)
        {
          g_printerr ("book-worker: member %s: %s\n", member_no, error ? error->message : "missing");
          g_clear_error (&error);
          tally.errors++;
          continue;
        }
      if (g_str_equal (channel, "kiosk"))
        done = book_at_kiosk (db, member_no, member->cin, argv[2], &tally, &error);
      else if (g_str_equal (channel, "sms"))
        done = book_by_sms (db, member, argv[2], &tally, &error);
      else if (g_str_equal (channel, "cancel"))
        done = cancel_booking (db, member, argv[2], &tally, &error);
      else
        done = book_direct (db, member, argv[2], "sms", &tally, &error);
      if (!done)
        {
          g_printerr ("book-worker: %s\n", error->message);
          g_clear_error (&error);
          tally.errors++;
        }
    }
  printf ("ok=%u full=%u other=%u errors=%u\n", tally.ok, tally.full, tally.other, tally.errors);
  return tally.errors ? 1 : 0;
}
