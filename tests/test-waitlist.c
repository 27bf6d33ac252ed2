/* test-waitlist.c — the waiting list of a full caravan: joining, the seat a
 * cancellation gives to the first member waiting (and its SMS), leaving,
 * and the same by SMS. The race between cancellations and bookings is in
 * test-concurrency. */
#include "config.h"

#include <string.h>

#include "qurb-import.h"
#include "qurb-waitlist.h"
#include "qurb-test-util.h"

#define YOUSSEF "+212661234567"  /* member 100002, French */
#define KHADIJA "+212700112233"  /* member 100003, Arabic */

/* The corpus, and WAIT1: one slot of one seat on 2027-02-20. */
static void
setup (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *path = NULL;
  QurbImportStats stats;

  qurb_fixture_setup (fixture, data);
  qurb_fixture_load_corpus (fixture);
  path = qurb_fixture_write (fixture, "wait.csv",
      "code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,start_time,end_time,slot_minutes,seats_per_slot\n"
      "WAIT1,GENERALE,Consultation,استشارة,Tata,Dispensaire,مستوصف,2027-02-20,09:00,09:30,30,1\n");
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_CARAVANS, path, NULL, &stats, NULL));
}

static gint64
member_id (QurbFixture *fixture, const gchar *member_no)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM members WHERE member_no = '%s'", member_no);
  return qurb_test_query_int (fixture->db, sql);
}

static QurbBookingOutcome
book (QurbFixture *fixture, const gchar *member_no, QurbBookingResult *result)
{
  QurbBookingRequest request = { member_id (fixture, member_no), "WAIT1", -1, "kiosk", TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_true (qurb_booking_take (fixture->db, &request, result, &error));
  g_assert_no_error (error);
  return result->outcome;
}

static QurbWaitlistOutcome
join (QurbFixture *fixture, const gchar *member_no, const gchar *caravan, gint *position)
{
  g_autoptr(GError) error = NULL;
  QurbWaitlistResult result;

  g_assert_true (qurb_waitlist_join (fixture->db, member_id (fixture, member_no), caravan, "kiosk",
                                     &result, &error));
  g_assert_no_error (error);
  if (position != NULL)
    *position = result.position;
  return result.outcome;
}

static gchar *
active_code (QurbFixture *fixture, const gchar *member_no)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT b.code FROM bookings b JOIN members m ON m.id = b.member_id"
                                           " WHERE m.member_no = '%s' AND b.state = 'active'", member_no);
  return qurb_test_query_text (fixture->db, sql);
}

static gboolean
holds_booking (QurbFixture *fixture, const gchar *member_no)
{
  g_autofree gchar *code = active_code (fixture, member_no);

  return code != NULL;
}

static void
test_join_and_promote (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = NULL;
  g_autofree gchar *first = NULL, *given = NULL, *sql = NULL, *sms = NULL;
  QurbBookingResult result, cancelled;
  gboolean left;
  gint position;

  g_assert_cmpint (book (fixture, "100001", &result), ==, QURB_BOOKING_OK);
  first = g_strdup (result.booking.code);
  g_assert_cmpint (book (fixture, "100002", &result), ==, QURB_BOOKING_CARAVAN_FULL);

  g_assert_cmpint (join (fixture, "100002", "WAIT1", &position), ==, QURB_WAITLIST_JOINED);
  g_assert_cmpint (position, ==, 1);
  g_assert_cmpint (join (fixture, "100003", "wait1", &position), ==, QURB_WAITLIST_JOINED);
  g_assert_cmpint (position, ==, 2);
  g_assert_cmpint (join (fixture, "100003", "WAIT1", &position), ==, QURB_WAITLIST_ALREADY_WAITING);
  g_assert_cmpint (position, ==, 2);
  g_assert_cmpint (join (fixture, "100001", "WAIT1", NULL), ==, QURB_WAITLIST_ALREADY_BOOKED);
  /* Without a phone nobody could tell them the seat came. */
  g_assert_cmpint (join (fixture, "100004", "WAIT1", NULL), ==, QURB_WAITLIST_NO_PHONE);
  g_assert_cmpint (qurb_waitlist_length (fixture->db, "WAIT1", &error), ==, 2);

  /* The cancellation gives the seat to the first waiting, at once, with
   * an SMS carrying the booking code. */
  g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100001"), first, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_OK);
  g_assert_cmpuint (cancelled.promoted, ==, 1);
  given = active_code (fixture, "100002");
  g_assert_nonnull (given);
  g_assert_false (holds_booking (fixture, "100003"));
  sql = g_strdup_printf ("SELECT text FROM messages WHERE peer = '%s' AND kind = 'notice'", YOUSSEF);
  sms = qurb_test_query_text (fixture->db, sql);
  g_assert_nonnull (sms);
  g_assert_nonnull (strstr (sms, given));
  g_assert_nonnull (strstr (sms, "20/02/2027"));
  g_assert_nonnull (strstr (sms, "ANNULER"));
  qurb_assert_query_text (fixture->db, "SELECT group_concat(state, ' ') FROM waitlist ORDER BY id",
                          "booked waiting");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM bookings WHERE state = 'active'"), ==, 1);

  /* Khadija is next now, and may leave the list. */
  places = qurb_waitlist_places (fixture->db, member_id (fixture, "100003"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 1);
  g_assert_cmpstr (g_array_index (places, QurbWaitlistPlace, 0).caravan_code, ==, "WAIT1");
  g_assert_cmpint (g_array_index (places, QurbWaitlistPlace, 0).position, ==, 1);
  g_assert_true (qurb_waitlist_leave (fixture->db, member_id (fixture, "100003"), "WAIT1", &left, &error));
  g_assert_true (left);
  g_assert_cmpint (qurb_waitlist_length (fixture->db, "WAIT1", &error), ==, 0);

  /* Nobody waits: a seat given back is free for anyone. */
  g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100002"), given, &cancelled, &error));
  g_assert_cmpuint (cancelled.promoted, ==, 0);
  g_assert_cmpint (book (fixture, "100005", &result), ==, QURB_BOOKING_OK);
}

/* A seat found free while members wait (seats added by an import) goes
 * to them before anyone who asks now. */
static void
test_nobody_skipped (QurbFixture *fixture, gconstpointer data)
{
  QurbBookingResult result;

  g_assert_cmpint (book (fixture, "100001", &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (join (fixture, "100002", "WAIT1", NULL), ==, QURB_WAITLIST_JOINED);
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE slots SET seats = 2", NULL));
  g_assert_cmpint (book (fixture, "100005", &result), ==, QURB_BOOKING_CARAVAN_FULL);
  g_assert_true (holds_booking (fixture, "100002"));
  g_assert_false (holds_booking (fixture, "100005"));
}

static void
test_refusals (QurbFixture *fixture, gconstpointer data)
{
  /* Seats are free: book instead; a past caravan; no such caravan. */
  g_assert_cmpint (join (fixture, "100002", "WAIT1", NULL), ==, QURB_WAITLIST_SEATS_FREE);
  g_assert_cmpint (join (fixture, "100002", "DAK1", NULL), ==, QURB_WAITLIST_CLOSED);
  g_assert_cmpint (join (fixture, "100002", "NOPE", NULL), ==, QURB_WAITLIST_NO_SUCH_CARAVAN);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM waitlist"), ==, 0);
}


/* By SMS, booking a full caravan puts the member on its list and tells
 * the place; cancelling by SMS gives the seat on. */
static void
test_by_sms (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *joined = NULL, *again = NULL, *khadija = NULL, *cancel = NULL;
  g_autofree gchar *code = NULL, *sql = NULL;
  QurbBookingResult result;

  g_assert_cmpint (book (fixture, "100001", &result), ==, QURB_BOOKING_OK);
  joined = qurb_test_sms_reply (fixture->db, YOUSSEF, "RESERVER WAIT1");
  /* French in GSM-7: "ê" folded, "é", "è" and "à" are in it. */
  g_assert_cmpstr (joined, ==, "La caravane WAIT1 est complète. Vous etes numéro 1 sur sa liste d'attente : "
                               "si une place se libère, elle est à vous par SMS.");
  again = qurb_test_sms_reply (fixture->db, YOUSSEF, "RESERVER WAIT1 9h");
  g_assert_nonnull (strstr (again, "1"));
  khadija = qurb_test_sms_reply (fixture->db, KHADIJA, "حجز WAIT1");
  g_assert_nonnull (strstr (khadija, "2"));
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM waitlist WHERE channel = 'sms' AND state = 'waiting'"), ==, 2);

  /* Fatima cancels by SMS: Youssef has the seat and an SMS with its code. */
  cancel = g_strdup_printf ("ANNULER %s", result.booking.code);
  g_free (qurb_test_sms_reply (fixture->db, "+212612345678", cancel));
  code = active_code (fixture, "100002");
  g_assert_nonnull (code);
  sql = g_strdup_printf ("SELECT count(*) FROM messages WHERE peer = '%s' AND kind = 'notice'"
                         " AND instr(text, '%s') > 0", YOUSSEF, code);
  g_assert_cmpint (qurb_test_query_int (fixture->db, sql), ==, 1);
}

/* A full caravan's answers offer its waiting list, and "my bookings"
 * shows the places held on waiting lists. */
static void
test_sms_offers_and_shows (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *offer = NULL, *timed = NULL, *mine = NULL, *nothing = NULL;
  QurbBookingResult result;

  g_assert_cmpint (book (fixture, "100001", &result), ==, QURB_BOOKING_OK);
  offer = qurb_test_sms_reply (fixture->db, YOUSSEF, "caravane tata");
  g_assert_nonnull (strstr (offer, "RESERVER WAIT1"));
  g_assert_nonnull (strstr (offer, "liste d'attente"));
  nothing = qurb_test_sms_reply (fixture->db, YOUSSEF, "RDV");
  g_assert_nonnull (strstr (nothing, "Vous n'avez"));

  /* A time asked on a full caravan: its waiting list, not an empty list. */
  timed = qurb_test_sms_reply (fixture->db, YOUSSEF, "RESERVER WAIT1 9h");
  g_assert_nonnull (strstr (timed, "liste d'attente"));
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM waitlist WHERE state = 'waiting'"), ==, 1);

  mine = qurb_test_sms_reply (fixture->db, YOUSSEF, "mes rdv");
  g_assert_nonnull (strstr (mine, "WAIT1"));
  g_assert_null (strstr (mine, "Vous n'avez"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, setup, func, qurb_fixture_teardown)
  ADD ("/waitlist/join-and-promote", test_join_and_promote);
  ADD ("/waitlist/nobody-skipped", test_nobody_skipped);
  ADD ("/waitlist/refusals", test_refusals);
  ADD ("/waitlist/by-sms", test_by_sms);
  ADD ("/waitlist/sms-offers-and-shows", test_sms_offers_and_shows);
#undef ADD
  return g_test_run ();
}
