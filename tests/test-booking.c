/* test-booking.c — booking rules on their own, then against the database */
#include "config.h"

#include "qurb-booking.h"
#include "qurb-caravans.h"
#include "qurb-test-util.h"

/* A caravan on 2027-02-03 with four 30-minute slots from 09:00. */
static const QurbSlotState slots[] = {
  { 9 * 60, 2, 2 },        /* 09:00 full */
  { 9 * 60 + 30, 2, 1 },   /* 09:30 one seat */
  { 10 * 60, 2, 2 },       /* 10:00 full */
  { 10 * 60 + 30, 2, 0 },  /* 10:30 free */
};

static void
test_rules_choose_slot (void)
{
  static const struct {
    const gchar *today; gint now; gint requested;
    QurbBookingOutcome outcome; guint chosen; guint alternative;
  } cases[] = {
    { "2027-01-15", 600, -1, QURB_BOOKING_OK, 1, 4 },             /* earliest free */
    { "2027-01-15", 600, 9 * 60 + 30, QURB_BOOKING_OK, 1, 4 },
    /* A time inside a slot is not its start: never booked for another. */
    { "2027-01-15", 600, 9 * 60 + 45, QURB_BOOKING_NO_SUCH_SLOT, 0, 4 },
    { "2027-01-15", 600, 10 * 60, QURB_BOOKING_SLOT_FULL, 0, 3 },
    { "2027-01-15", 600, 9 * 60, QURB_BOOKING_SLOT_FULL, 0, 1 },
    { "2027-01-15", 600, 8 * 60, QURB_BOOKING_NO_SUCH_SLOT, 0, 4 },
    { "2027-01-15", 600, 11 * 60, QURB_BOOKING_NO_SUCH_SLOT, 0, 4 },
    { "2027-02-04", 600, -1, QURB_BOOKING_CLOSED, 0, 4 },         /* the day after */
    /* On the day, a slot closes an hour before it starts. */
    { "2027-02-03", 8 * 60 + 30, -1, QURB_BOOKING_OK, 1, 4 },
    { "2027-02-03", 8 * 60 + 31, 9 * 60 + 30, QURB_BOOKING_CLOSED, 0, 4 },
    { "2027-02-03", 8 * 60 + 31, -1, QURB_BOOKING_OK, 3, 4 },
    { "2027-02-03", 9 * 60 + 31, -1, QURB_BOOKING_CLOSED, 0, 4 },
  };
  QurbCaravanState caravan = { "2027-02-03", 30, slots, G_N_ELEMENTS (slots) };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint chosen = 0, alternative = 99;
      QurbBookingOutcome outcome = qurb_booking_choose_slot (&caravan, cases[i].today, cases[i].now,
                                                             cases[i].requested, &chosen, &alternative);
      g_test_message ("case %u", i);
      g_assert_cmpint (outcome, ==, cases[i].outcome);
      if (outcome == QURB_BOOKING_OK)
        g_assert_cmpuint (chosen, ==, cases[i].chosen);
      g_assert_cmpuint (alternative, ==, cases[i].alternative);
    }
}

static void
test_rules_full_and_seats (void)
{
  QurbSlotState full[] = { { 540, 2, 2 }, { 570, 1, 1 } };
  QurbCaravanState caravan = { "2027-02-03", 30, full, G_N_ELEMENTS (full) };
  QurbCaravanState open = { "2027-02-03", 30, slots, G_N_ELEMENTS (slots) };
  guint chosen, alternative;

  g_assert_cmpint (qurb_booking_choose_slot (&caravan, "2027-01-15", 600, -1, &chosen, &alternative),
                   ==, QURB_BOOKING_CARAVAN_FULL);
  g_assert_cmpint (qurb_booking_choose_slot (&caravan, "2027-01-15", 600, 540, &chosen, &alternative),
                   ==, QURB_BOOKING_CARAVAN_FULL);
  g_assert_cmpint (qurb_caravan_seats_left (&caravan, "2027-01-15", 600), ==, 0);
  g_assert_cmpint (qurb_caravan_seats_left (&open, "2027-01-15", 600), ==, 3);
  /* On the day at 09:00, only 10:00 and later are open: 0 + 2 seats. */
  g_assert_cmpint (qurb_caravan_seats_left (&open, "2027-02-03", 540), ==, 2);
}

static guint32
counter (gpointer data)
{
  return (*(guint32 *) data)++;
}

static void
test_rules_codes (void)
{
  gchar code[QURB_BOOKING_CODE_SIZE], normalized[QURB_BOOKING_CODE_SIZE];
  guint32 seed = 0;

  for (guint i = 0; i < 200; i++)
    {
      qurb_booking_code_generate (counter, &seed, code);
      g_assert_cmpuint (strlen (code), ==, 6);
      g_assert_null (strpbrk (code, "01ILOSB5U8V"));
      g_assert_true (qurb_booking_code_normalize (code, normalized));
      g_assert_cmpstr (code, ==, normalized);
    }
  g_assert_true (qurb_booking_code_normalize ("k7p2qx", normalized));
  g_assert_cmpstr (normalized, ==, "K7P2QX");
  g_assert_true (qurb_booking_code_normalize ("K7P-2QX", normalized));
  g_assert_true (qurb_booking_code_normalize ("k7p 2qx", normalized));
  g_assert_false (qurb_booking_code_normalize ("K7P2Q", normalized));
  g_assert_false (qurb_booking_code_normalize ("K7P2QXX", normalized));
  g_assert_false (qurb_booking_code_normalize ("K0P2QX", normalized));
  g_assert_false (qurb_booking_code_normalize ("K7P2Q'", normalized));
}

static gint64
member_id (QurbFixture *fixture, const gchar *member_no)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM members WHERE member_no = '%s'", member_no);
  return qurb_test_query_int (fixture->db, sql);
}

static QurbBookingOutcome
book (QurbFixture *fixture, const gchar *member_no, const gchar *caravan, gint minute,
      QurbBookingResult *result)
{
  QurbBookingRequest request = { member_id (fixture, member_no), caravan, minute, "kiosk", TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_true (qurb_booking_take (fixture->db, &request, result, &error));
  g_assert_no_error (error);
  return result->outcome;
}

static void
test_capacity (QurbFixture *fixture, gconstpointer data)
{
  const gchar *members[] = { "100001", "100002", "100003", "100005", "100006", "100007" };
  QurbBookingResult result;

  qurb_fixture_load_corpus (fixture);
  /* SMA1: four slots of 2 seats. Everyone asks for 09:30. */
  g_assert_cmpint (book (fixture, members[0], "SMA1", 570, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (book (fixture, members[1], "sma1", 570, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpstr (result.booking.start_time, ==, "09:30");
  g_assert_cmpint (book (fixture, members[2], "SMA1", 570, &result), ==, QURB_BOOKING_SLOT_FULL);
  g_assert_cmpstr (result.alternative, ==, "10:00");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM bookings b JOIN slots s ON s.id = b.slot_id"
                   " WHERE s.start_time = '09:30' AND b.state = 'active'"), ==, 2);

  /* One booking per member and caravan. */
  g_assert_cmpint (book (fixture, members[0], "SMA1", -1, &result), ==, QURB_BOOKING_ALREADY_BOOKED);
  g_assert_cmpstr (result.booking.start_time, ==, "09:30");

  /* Fill the rest: 6 seats left for 4 members; nobody is overbooked. */
  for (guint i = 2; i < G_N_ELEMENTS (members); i++)
    g_assert_cmpint (book (fixture, members[i], "SMA1", -1, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT max(n) FROM (SELECT count(*) AS n, s.seats FROM bookings b"
                   " JOIN slots s ON s.id = b.slot_id WHERE b.state = 'active' GROUP BY s.id)"
                   ), <=, 2);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM bookings WHERE state = 'active'"), ==, 6);

  g_assert_cmpint (book (fixture, "100004", "SMA1", -1, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (book (fixture, "100001", "NOPE", -1, &result), ==, QURB_BOOKING_NO_SUCH_CARAVAN);
  /* DAK1 was on 2027-01-05: closed. */
  g_assert_cmpint (book (fixture, "100001", "DAK1", -1, &result), ==, QURB_BOOKING_CLOSED);
}

static void
test_confirmation_sms (QurbFixture *fixture, gconstpointer data)
{
  QurbBookingResult result;
  g_autofree gchar *sql = NULL;

  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (book (fixture, "100002", "LAA2", -1, &result), ==, QURB_BOOKING_OK);
  sql = g_strdup_printf ("SELECT text FROM messages WHERE peer = '+212661234567' AND kind = 'notice'"
                         " AND text LIKE '%%%s%%'", result.booking.code);
  {
    g_autofree gchar *text = qurb_test_query_text (fixture->db, sql);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "04/02/2027"));
    g_assert_nonnull (strstr (text, "09:00"));
    g_assert_nonnull (strstr (text, "Centre de santé Hay Al Qods"));
  }
  /* No phone on file: the booking stands, no SMS. */
  g_assert_cmpint (book (fixture, "100004", "LAA2", -1, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages"), ==, 1);
}

static void
test_cancel (QurbFixture *fixture, gconstpointer data)
{
  QurbBookingResult result, cancelled;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) upcoming = NULL;
  gchar code[QURB_BOOKING_CODE_SIZE];

  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (book (fixture, "100001", "SMA1", 9 * 60, &result), ==, QURB_BOOKING_OK);
  g_strlcpy (code, result.booking.code, sizeof code);

  upcoming = qurb_bookings_upcoming (fixture->db, member_id (fixture, "100001"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 1);
  g_assert_cmpstr (g_array_index (upcoming, QurbBooking, 0).code, ==, code);

  /* Someone else's code is the same as no code at all. */
  g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100002"), code, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_NOT_FOUND);
  g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100001"), "ZZZZZZ", &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_NOT_FOUND);
  g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100001"), "' OR 1=1 --", &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_NOT_FOUND);

  {
    g_autofree gchar *lower = g_ascii_strdown (code, -1);
    g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100001"), lower, &cancelled, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_OK);
  g_assert_true (qurb_booking_cancel (fixture->db, member_id (fixture, "100001"), code, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_ALREADY_CANCELLED);

  /* The seat is free again and the member may book anew. */
  g_assert_cmpint (book (fixture, "100002", "SMA1", 9 * 60, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (book (fixture, "100001", "SMA1", 9 * 60, &result), ==, QURB_BOOKING_OK);
  g_assert_cmpint (book (fixture, "100003", "SMA1", 9 * 60, &result), ==, QURB_BOOKING_SLOT_FULL);
}

static void
test_caravan_listing (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) caravans = NULL;
  QurbBookingResult result;

  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (book (fixture, "100006", "SMA1", -1, &result), ==, QURB_BOOKING_OK);
  caravans = qurb_caravans_upcoming (fixture->db, &error);
  g_assert_no_error (error);
  /* DAK1 (2027-01-05) is past on 2027-01-15. */
  g_assert_cmpuint (caravans->len, ==, 4);
  g_assert_cmpstr (((QurbCaravan *) caravans->pdata[0])->code, ==, "LAA1");
  g_assert_cmpint (((QurbCaravan *) caravans->pdata[0])->seats_left, ==, 48);
  g_assert_cmpstr (((QurbCaravan *) caravans->pdata[3])->code, ==, "SMA1");
  g_assert_cmpint (((QurbCaravan *) caravans->pdata[3])->seats_left, ==, 7);
  g_assert_cmpstr (((QurbCaravan *) caravans->pdata[3])->site_ar, ==, "دار الشباب");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/booking/rules/choose-slot", test_rules_choose_slot);
  g_test_add_func ("/booking/rules/full-and-seats", test_rules_full_and_seats);
  g_test_add_func ("/booking/rules/codes", test_rules_codes);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, qurb_fixture_setup, func, qurb_fixture_teardown)
  ADD ("/booking/capacity", test_capacity);
  ADD ("/booking/confirmation-sms", test_confirmation_sms);
  ADD ("/booking/cancel", test_cancel);
  ADD ("/booking/caravan-listing", test_caravan_listing);
#undef ADD
  return g_test_run ();
}
