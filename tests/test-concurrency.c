/* test-concurrency.c — four processes race for one 10-seat slot, by every channel */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "qurb-import.h"
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

static void
test_race (QurbFixture *fixture, gconstpointer data)
{
  const Race *race = data;
  const guint SEATS = race->seats;
  g_autofree gchar *worker = g_test_build_filename (G_TEST_BUILT, "book-worker", NULL);
  GSubprocess *procs[WORKERS];
  gint64 start = g_get_real_time () + 500 * 1000;
  guint ok = 0, full = 0, other = 0, errors = 0;

  load_race (fixture, race->seats);
  for (guint w = 0; w < WORKERS; w++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *first = g_strdup_printf ("%u", 200000 + w * ATTEMPTS_PER_WORKER);
      g_autofree gchar *count = g_strdup_printf ("%u", ATTEMPTS_PER_WORKER);
      g_autofree gchar *start_us = g_strdup_printf ("%" G_GINT64_FORMAT, start);

      procs[w] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, worker,
                                   fixture->db_path, "RACE1", first, count, start_us,
                                   race->channels[w % 2], NULL);
      g_assert_no_error (error);
    }
  for (guint w = 0; w < WORKERS; w++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *out = NULL;
      guint o, f, x, e;

      g_subprocess_communicate_utf8 (procs[w], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("worker %u: %s", w, out);
      g_assert_cmpint (sscanf (out, "ok=%u full=%u other=%u errors=%u", &o, &f, &x, &e), ==, 4);
      g_assert_true (g_subprocess_get_successful (procs[w]));
      ok += o, full += f, other += x, errors += e;
      g_object_unref (procs[w]);
    }

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
  return g_test_run ();
}
