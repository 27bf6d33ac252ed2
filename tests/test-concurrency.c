/* test-concurrency.c — four processes race for one 10-seat slot, by every
 * channel; and cancellations race bookings while members wait for seats */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "qurb-booking.h"
#include "qurb-import.h"
#include "qurb-waitlist.h"
#include "qurb-test-util.h"

#define WORKERS 4
#define ATTEMPTS_PER_WORKER 50

typedef struct {
  const gchar *channels[2];  /* of even and odd workers */
  guint seats;
} Race;

static void
load_race (QurbFixture *fixture, guint seats)
{
  g_autoptr(GString) members = g_string_new (
      "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n");
  g_autofree gchar *caravans = g_strdup_printf (
      "code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,start_time,end_time,slot_minutes,seats_per_slot\n"
      "RACE1,GENERALE,Course,سباق,Tata,Dispensaire,مستوصف,2027-03-01,09:00,09:30,30,%u\n", seats);
  g_autofree gchar *members_path = NULL, *caravans_path = NULL;
  QurbImportStats stats;

  for (guint i = 0; i < WORKERS * ATTEMPTS_PER_WORKER; i++)
    g_string_append_printf (members, "%u,AB%u,RACE,Member,,,1980-01-01,06%08u,fr,Tata\n",
                            200000 + i, i + 1, 10000000 + i);
  members_path = qurb_fixture_write (fixture, "members.csv", members->str);
  caravans_path = qurb_fixture_write (fixture, "caravans.csv", caravans);
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, members_path, NULL, &stats, NULL));
  g_assert_cmpuint (stats.inserted, ==, WORKERS * ATTEMPTS_PER_WORKER);
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_CARAVANS, caravans_path, NULL, &stats, NULL));
  g_assert_cmpuint (stats.inserted, ==, 1);
}

typedef struct {
  guint ok, full, other, errors;
} Tally;

/* Runs book-worker processes at once (from ~0.5 s from now); each gets
 * its first member number, count and channel; returns their tallies. */
static void
run_workers (QurbFixture *fixture, const gchar *caravan, guint n, const guint *first,
             const guint *count, const gchar *const *channels, Tally *tallies)
{
  g_autofree gchar *worker = g_test_build_filename (G_TEST_BUILT, "book-worker", NULL);
  g_autofree gchar *start_us = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () + 500 * 1000);
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint w = 0; w < n; w++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *from = g_strdup_printf ("%u", first[w]);
      g_autofree gchar *how_many = g_strdup_printf ("%u", count[w]);

      g_ptr_array_add (procs, g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, worker,
                                                fixture->db_path, caravan, from, how_many, start_us,
                                                channels[w], NULL));
      g_assert_no_error (error);
    }
  for (guint w = 0; w < n; w++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *out = NULL;
      Tally *t = &tallies[w];

      g_subprocess_communicate_utf8 (procs->pdata[w], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("worker %u (%s): %s", w, channels[w], out);
      g_assert_cmpint (sscanf (out, "ok=%u full=%u other=%u errors=%u", &t->ok, &t->full, &t->other,
                               &t->errors), ==, 4);
      g_assert_true (g_subprocess_get_successful (procs->pdata[w]));
    }
}

static void
test_race (QurbFixture *fixture, gconstpointer data)
{
  const Race *race = data;
  const guint SEATS = race->seats;
  guint first[WORKERS], count[WORKERS];
  const gchar *channels[WORKERS];
  Tally tallies[WORKERS] = { { 0 } };
  guint ok = 0, full = 0, other = 0, errors = 0;

  load_race (fixture, race->seats);
  for (guint w = 0; w < WORKERS; w++)
    {
      first[w] = 200000 + w * ATTEMPTS_PER_WORKER;
      count[w] = ATTEMPTS_PER_WORKER;
      channels[w] = race->channels[w % 2];
    }
  run_workers (fixture, "RACE1", WORKERS, first, count, channels, tallies);
  for (guint w = 0; w < WORKERS; w++)
    ok += tallies[w].ok, full += tallies[w].full, other += tallies[w].other, errors += tallies[w].errors;

  g_assert_cmpuint (errors, ==, 0);   /* no "database is locked", ever */
  g_assert_cmpuint (other, ==, 0);
  g_assert_cmpuint (ok, ==, SEATS);
  g_assert_cmpuint (full, ==, WORKERS * ATTEMPTS_PER_WORKER - SEATS);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM bookings WHERE state = 'active'"), ==, SEATS);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(DISTINCT member_id) FROM bookings"), ==, SEATS);
  if (g_str_equal (race->channels[0], "kiosk"))
    {
      /* Each kiosk booking queued its confirmation SMS; no SMS answer
       * claims a seat it did not get. */
      g_assert_cmpint (qurb_test_query_int (fixture->db,
                       "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'notice'"), ==,
                       qurb_test_query_int (fixture->db, "SELECT count(*) FROM bookings WHERE channel = 'kiosk'"));
    }
  g_test_message ("kiosk bookings: %" G_GINT64_FORMAT ", sms bookings: %" G_GINT64_FORMAT,
                  qurb_test_query_int (fixture->db, "SELECT count(*) FROM bookings WHERE channel = 'kiosk'"),
                  qurb_test_query_int (fixture->db, "SELECT count(*) FROM bookings WHERE channel = 'sms'"));
}

/* RACE1 holds SEATS members (200000…); the next WAITING wait for a seat,
 * in order. Then two processes cancel those bookings while two others ask
 * for seats by SMS: each cancellation gives its seat to the first member
 * waiting, in the same transaction — no seat given twice, nobody skipped,
 * and the SMS askers only join the end of the list. */
#define WAIT_SEATS 40
#define WAITING 60

static void
test_waitlist_race (QurbFixture *fixture, gconstpointer data)
{
  static const gchar *const channels[] = { "cancel", "cancel", "sms", "sms" };
  const guint first[] = { 200000, 200000 + WAIT_SEATS / 2, 200100, 200150 };
  const guint count[] = { WAIT_SEATS / 2, WAIT_SEATS / 2, 50, 50 };
  Tally tallies[G_N_ELEMENTS (channels)] = { { 0 } };
  g_autoptr(GError) error = NULL;
  gint64 last_promoted;

  load_race (fixture, WAIT_SEATS);
  for (guint i = 0; i < WAIT_SEATS + WAITING; i++)
    {
      g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM members WHERE member_no = '%u'", 200000 + i);
      QurbBookingRequest request = { qurb_test_query_int (fixture->db, sql), "RACE1", -1, "kiosk", FALSE };
      QurbBookingResult booked;
      QurbWaitlistResult waiting;

      if (i < WAIT_SEATS)
        {
          g_assert_true (qurb_booking_take (fixture->db, &request, &booked, &error));
          g_assert_cmpint (booked.outcome, ==, QURB_BOOKING_OK);
        }
      else
        {
          g_assert_true (qurb_waitlist_join (fixture->db, request.member_id, "RACE1", "kiosk", &waiting, &error));
          g_assert_cmpint (waiting.outcome, ==, QURB_WAITLIST_JOINED);
          g_assert_cmpint (waiting.position, ==, i - WAIT_SEATS + 1);
        }
    }

  run_workers (fixture, "RACE1", G_N_ELEMENTS (channels), first, count, (const gchar *const *) channels, tallies);
  for (guint w = 0; w < G_N_ELEMENTS (channels); w++)
    g_assert_cmpuint (tallies[w].errors, ==, 0);
  /* Every booking was cancelled; no SMS asker got a seat. */
  g_assert_cmpuint (tallies[0].ok + tallies[1].ok, ==, WAIT_SEATS);
  g_assert_cmpuint (tallies[2].ok + tallies[3].ok, ==, 0);

  /* The slot is exactly full again, one seat per member. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM bookings WHERE state = 'active'"),
                   ==, WAIT_SEATS);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(DISTINCT member_id) FROM bookings WHERE state = 'active'"), ==, WAIT_SEATS);
  /* Each cancellation promoted exactly one member: the first WAIT_SEATS
   * who waited, in order, each with one SMS carrying their own code. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM waitlist WHERE state = 'booked'"),
                   ==, WAIT_SEATS);
  last_promoted = qurb_test_query_int (fixture->db, "SELECT max(id) FROM waitlist WHERE state = 'booked'");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT min(id) FROM waitlist WHERE state = 'waiting'"),
                   >, last_promoted);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM waitlist w JOIN bookings b ON b.id = w.booking_id"
                   " JOIN members m ON m.id = w.member_id WHERE w.state = 'booked' AND b.state = 'active'"
                   " AND CAST(m.member_no AS INTEGER) BETWEEN 200040 AND 200079"), ==, WAIT_SEATS);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM waitlist w JOIN bookings b ON b.id = w.booking_id"
                   " JOIN members m ON m.id = w.member_id WHERE (SELECT count(*) FROM messages o"
                   "  WHERE o.peer = m.phone AND o.kind = 'notice' AND instr(o.text, b.code) > 0) = 1"), ==, WAIT_SEATS);
  /* The rest still wait, the SMS askers after them. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM waitlist WHERE state = 'waiting'"),
                   ==, WAITING - WAIT_SEATS + 100);
}

int
main (int argc, char **argv)
{
  static const Race direct = { { "direct", "direct" }, 10 };
  /* Enough seats that both channels win some, still half the attempts. */
  static const Race kiosk_and_sms = { { "kiosk", "sms" }, WORKERS * ATTEMPTS_PER_WORKER / 2 };

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/concurrency/four-processes-one-slot", QurbFixture, &direct, qurb_fixture_setup,
              test_race, qurb_fixture_teardown);
  /* Two processes booking as the kiosk does, two as texts to the daemon. */
  g_test_add ("/concurrency/kiosk-and-sms-one-slot", QurbFixture, &kiosk_and_sms, qurb_fixture_setup,
              test_race, qurb_fixture_teardown);
  g_test_add ("/concurrency/cancellations-and-the-waiting-list", QurbFixture, NULL, qurb_fixture_setup,
              test_waitlist_race, qurb_fixture_teardown);
  return g_test_run ();
}
