/* test-checkin.c — the caravan day: a ticket checked in once, refused when
 * forged, foreign or cancelled, and the caravan tablet's copy of the
 * database merged back into the agency box */
#include "config.h"

#include <string.h>

#include "qurb-backup.h"
#include "qurb-checkin.h"
#include "qurb-test-util.h"

/* Checks text in at now; the outcome. */
static QurbCheckinOutcome
scan (QurbDb *db, const gchar *now, const gchar *text, const QurbTicketKey *key, const gchar *caravan,
      gchar **described)
{
  g_autoptr(GError) error = NULL;
  QurbCheckinRequest request = { text, key, caravan, "staff" };
  QurbCheckinResult result;
  QurbCheckinOutcome outcome;

  g_setenv ("QURB_NOW", now, TRUE);
  g_assert_true (qurb_checkin (db, &request, &result, &error));
  g_assert_no_error (error);
  outcome = result.outcome;
  if (described)
    *described = qurb_checkin_describe (&result, caravan, "en");
  qurb_checkin_result_clear (&result);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  return outcome;
}

static gchar *
attended (QurbDb *db, const gchar *code)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT attended_at FROM bookings WHERE code = '%s'", code);
  return qurb_test_query_text (db, sql);
}

static void
test_once_twice_refused (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *a = NULL, *b = NULL, *c = NULL, *said = NULL, *at = NULL;
  gchar ticket[QURB_TICKET_PAYLOAD_SIZE], forged[QURB_TICKET_PAYLOAD_SIZE], foreign[QURB_TICKET_PAYLOAD_SIZE];
  QurbBookingResult cancelled;
  QurbTicketKey key, other;
  g_autoptr(GError) error = NULL;

  qurb_fixture_load_corpus (fixture);
  a = qurb_test_book (fixture->db, "100001", "LAA1");
  b = qurb_test_book (fixture->db, "100002", "LAA1");
  c = qurb_test_book (fixture->db, "100003", "LAA1");
  g_assert_true (qurb_booking_cancel (fixture->db, qurb_test_query_int (fixture->db,
                 "SELECT id FROM members WHERE member_no = '100002'"), b, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_OK);
  qurb_test_ticket_key (&key, 1);
  qurb_test_ticket_key (&other, 2);
  qurb_ticket_payload (&key, a, ticket);

  /* Once: the booking is attended, at the time of the scan. */
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:05:12", ticket, &key, "LAA1", &said), ==, QURB_CHECKIN_OK);
  g_assert_nonnull (strstr (said, "Fatima ALAOUI"));
  g_assert_nonnull (strstr (said, "100001"));
  at = attended (fixture->db, a);
  g_assert_cmpstr (at, ==, "2027-02-03T09:05:12");
  g_clear_pointer (&said, g_free);
  /* Twice: says when the first scan was, and keeps it. */
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:20:00", ticket, &key, NULL, &said), ==, QURB_CHECKIN_ALREADY);
  g_assert_nonnull (strstr (said, "already checked in at 09:05"));
  g_clear_pointer (&at, g_free);
  at = attended (fixture->db, a);
  g_assert_cmpstr (at, ==, "2027-02-03T09:05:12");
  /* The bare code from the SMS is the same booking. */
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:21:00", a, NULL, NULL, NULL), ==, QURB_CHECKIN_ALREADY);
  g_clear_pointer (&said, g_free);

  /* Cancelled. */
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:30:00", b, &key, NULL, &said), ==, QURB_CHECKIN_CANCELLED);
  g_assert_nonnull (strstr (said, "was cancelled"));
  g_clear_pointer (&said, g_free);
  g_assert_null (attended (fixture->db, b));
  /* Forged: C's code with A's signature; or one letter of it changed. */
  qurb_ticket_payload (&key, a, forged);
  memcpy (forged + 5, c, 6);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:31:00", forged, &key, NULL, NULL), ==, QURB_CHECKIN_FORGED);
  qurb_ticket_payload (&key, c, forged);
  forged[32] = forged[32] == 'A' ? 'B' : 'A';
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:31:00", forged, &key, NULL, &said), ==, QURB_CHECKIN_FORGED);
  g_assert_nonnull (strstr (said, "signature is not valid"));
  g_clear_pointer (&said, g_free);
  g_assert_null (attended (fixture->db, c));
  /* Foreign: another deployment's key, or this device has none. */
  qurb_ticket_payload (&other, c, foreign);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:32:00", foreign, &key, NULL, NULL), ==, QURB_CHECKIN_FOREIGN);
  qurb_ticket_payload (&key, c, ticket);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:32:00", ticket, NULL, NULL, NULL), ==, QURB_CHECKIN_FOREIGN);
  g_assert_null (attended (fixture->db, c));
  /* Unknown, unreadable, another caravan, another day. */
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:33:00", "ZZZ ZZZ", NULL, NULL, NULL), ==, QURB_CHECKIN_NOT_FOUND);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:33:00", "bonjour", NULL, NULL, NULL), ==, QURB_CHECKIN_UNREADABLE);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:34:00", ticket, &key, "GLM1", &said), ==,
                   QURB_CHECKIN_OTHER_CARAVAN);
  g_assert_nonnull (strstr (said, "not GLM1"));
  g_clear_pointer (&said, g_free);
  g_assert_cmpint (scan (fixture->db, "2027-02-02T09:34:00", ticket, &key, NULL, &said), ==, QURB_CHECKIN_OTHER_DAY);
  g_assert_nonnull (strstr (said, "03/02/2027"));
  g_assert_null (attended (fixture->db, c));
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:35:00", ticket, &key, "laa1", NULL), ==, QURB_CHECKIN_OK);

  /* The audit has each check-in and each refusal (never the text scanned). */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM audit WHERE action = 'checkin'"), ==, 2);
  qurb_assert_query_text (fixture->db,
      "SELECT group_concat(detail, ' ') FROM (SELECT detail FROM audit WHERE action = 'checkin-refused' ORDER BY id)",
      "cancelled forged forged foreign foreign not-found unreadable other-caravan other-day");
}

/* The caravan's tablet works on a copy taken in the morning; the box goes
 * on meanwhile. Merged back: new check-ins recorded, the earliest scan
 * kept, a booking cancelled on the box reported; a second import changes
 * nothing. */
static void
test_offline_copy_and_merge (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *at = NULL;
  g_autofree gchar *copy_path = g_build_filename (fixture->dir, "tablet.db", NULL);
  g_autofree gchar *export_path = g_build_filename (fixture->dir, "checkins-2027-02-03.csv", NULL);
  g_autofree gchar *exported = NULL;
  g_autoptr(QurbDb) copy = NULL;
  g_autoptr(GError) error = NULL;
  QurbCheckinImport report;
  QurbBookingResult cancelled;
  QurbTicketKey key;
  gchar ticket[QURB_TICKET_PAYLOAD_SIZE];
  guint count = 0;

  qurb_fixture_load_corpus (fixture);
  a = qurb_test_book (fixture->db, "100001", "LAA1");
  b = qurb_test_book (fixture->db, "100002", "LAA1");
  c = qurb_test_book (fixture->db, "100003", "LAA1");
  d = qurb_test_book (fixture->db, "100005", "LAA1");
  e = qurb_test_book (fixture->db, "100006", "LAA1");
  qurb_test_ticket_key (&key, 1);

  g_setenv ("QURB_NOW", "2027-02-03T07:30:00", TRUE);
  g_assert_true (qurb_backup_to_file (fixture->db, copy_path, NULL, &error));
  g_assert_no_error (error);
  copy = qurb_db_open (copy_path, &error);
  g_assert_no_error (error);

  /* At the caravan, on the copy. */
  qurb_ticket_payload (&key, a, ticket);
  g_assert_cmpint (scan (copy, "2027-02-03T09:05:00", ticket, &key, "LAA1", NULL), ==, QURB_CHECKIN_OK);
  g_assert_cmpint (scan (copy, "2027-02-03T09:10:00", b, NULL, "LAA1", NULL), ==, QURB_CHECKIN_OK);
  g_assert_cmpint (scan (copy, "2027-02-03T09:40:00", c, NULL, "LAA1", NULL), ==, QURB_CHECKIN_OK);
  g_assert_cmpint (scan (copy, "2027-02-03T10:00:00", d, NULL, "LAA1", NULL), ==, QURB_CHECKIN_OK);
  /* At the agency, meanwhile: B cancelled by SMS before the caravan
   * opened, C and D checked in there too (a second desk), C later, D
   * earlier than at the caravan. */
  g_setenv ("QURB_NOW", "2027-02-03T08:00:00", TRUE);
  g_assert_true (qurb_booking_cancel (fixture->db, qurb_test_query_int (fixture->db,
                 "SELECT id FROM members WHERE member_no = '100002'"), b, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_OK);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:50:00", c, NULL, NULL, NULL), ==, QURB_CHECKIN_OK);
  g_assert_cmpint (scan (fixture->db, "2027-02-03T09:30:00", d, NULL, NULL, NULL), ==, QURB_CHECKIN_OK);

  g_setenv ("QURB_NOW", "2027-02-03T13:30:00", TRUE);
  g_assert_true (qurb_checkin_export (copy, "2027-02-03", export_path, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);
  g_file_get_contents (export_path, &exported, NULL, &error);
  g_assert_true (g_str_has_prefix (exported, "booking,caravan,attended_at\n"));
  g_assert_nonnull (strstr (exported, "LAA1,2027-02-03T09:05:00\n"));

  g_assert_true (qurb_checkin_import (fixture->db, export_path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.recorded, ==, 1);    /* A */
  g_assert_cmpuint (report.earlier, ==, 1);     /* C: 09:40 at the caravan */
  g_assert_cmpuint (report.unchanged, ==, 1);   /* D: 09:30 at the agency */
  g_assert_cmpuint (report.problems->len, ==, 1);
  g_assert_nonnull (strstr (report.problems->pdata[0], b));
  g_assert_nonnull (strstr (report.problems->pdata[0], "2027-02-03T08:00:00"));
  qurb_checkin_import_clear (&report);
  at = attended (fixture->db, a);
  g_assert_cmpstr (at, ==, "2027-02-03T09:05:00");
  g_clear_pointer (&at, g_free);
  at = attended (fixture->db, c);
  g_assert_cmpstr (at, ==, "2027-02-03T09:40:00");
  g_clear_pointer (&at, g_free);
  at = attended (fixture->db, d);
  g_assert_cmpstr (at, ==, "2027-02-03T09:30:00");
  g_assert_null (attended (fixture->db, b));
  g_assert_null (attended (fixture->db, e));

  /* Idempotent. */
  g_assert_true (qurb_checkin_import (fixture->db, export_path, &report, &error));
  g_assert_cmpuint (report.recorded + report.earlier, ==, 0);
  g_assert_cmpuint (report.unchanged, ==, 3);
  g_assert_cmpuint (report.problems->len, ==, 1);
  qurb_checkin_import_clear (&report);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM audit WHERE action = 'checkin-import'"),
                   ==, 2);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

static void
test_import_refuses_what_it_cannot_read (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *no_header = qurb_fixture_write (fixture, "a.csv", "K7P2QX,LAA1,2027-02-03T09:00:00\n");
  g_autofree gchar *bad_rows = qurb_fixture_write (fixture, "b.csv",
      "attended_at,booking\n2027-02-03T09:00:00,hello\nyesterday,K7P2QX\n2027-02-03T09:00:00,ZZZZZZ\n");
  g_autoptr(GError) error = NULL;
  QurbCheckinImport report;

  qurb_fixture_load_corpus (fixture);
  g_assert_false (qurb_checkin_import (fixture->db, no_header, &report, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  qurb_checkin_import_clear (&report);
  g_clear_error (&error);
  /* Columns in any order; each bad row named by its line, nothing lost. */
  g_assert_true (qurb_checkin_import (fixture->db, bad_rows, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (report.problems->pdata[0], "b.csv:2: "));
  g_assert_true (g_str_has_prefix (report.problems->pdata[1], "b.csv:3: K7P2QX: "));
  g_assert_true (g_str_has_prefix (report.problems->pdata[2], "b.csv:4: ZZZZZZ: "));
  qurb_checkin_import_clear (&report);
}

/* qurbctl ticket, checkin (exit statuses), --export, --import. */
static void
test_qurbctl (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *a = NULL, *conf = NULL, *conf_path = NULL, *conf_env = NULL, *png = NULL, *csv = NULL;
  g_autofree gchar *payload = NULL;
  g_autofree gchar *key_path = g_build_filename (fixture->dir, "ticket.key", NULL);
  g_auto(QurbRun) run = { 0 };
  const gchar *env[] = { NULL, "QURB_NOW=2027-02-03T09:00:00", NULL };

  qurb_fixture_load_corpus (fixture);
  a = qurb_test_book (fixture->db, "100001", "LAA1");
  conf = g_strdup_printf ("[tickets]\nkey=%s\n", key_path);
  conf_path = qurb_fixture_write (fixture, "qurb.conf", conf);
  conf_env = g_strconcat ("QURB_CONFIG=", conf_path, NULL);
  env[0] = conf_env;
  png = g_build_filename (fixture->dir, "t.png", NULL);
  csv = g_build_filename (fixture->dir, "day.csv", NULL);

  /* A tablet without the key cannot vouch for a signed ticket. */
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", "QURB-K7P2QX-AAAA-AAAAAAAAAAAAAAAA", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no ticket key"));
  qurb_run_clear (&run);

  qurb_test_run_qurbctl (&run, fixture->db_path, env, "ticket", a, "--png", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "QURB-"));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (key_path, G_FILE_TEST_IS_REGULAR));
  payload = g_strndup (run.out, strcspn (run.out, "\n"));
  qurb_run_clear (&run);

  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", payload, NULL);
  g_assert_cmpint (run.status, ==, 0);
  qurb_run_clear (&run);
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", payload, NULL);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.out, "09:00"));
  qurb_run_clear (&run);
  payload[strlen (payload) - 1] = payload[strlen (payload) - 1] == 'A' ? 'B' : 'A';
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", payload, NULL);
  g_assert_cmpint (run.status, ==, 1);
  qurb_run_clear (&run);
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", "--export", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  qurb_run_clear (&run);
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", "--import", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 recorded, 0 made earlier, 1 already there, 0 reported"));
  qurb_run_clear (&run);
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "checkin", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/checkin/once-twice-refused", QurbFixture, NULL, qurb_fixture_setup, test_once_twice_refused,
              qurb_fixture_teardown);
  g_test_add ("/checkin/offline-copy-and-merge", QurbFixture, NULL, qurb_fixture_setup,
              test_offline_copy_and_merge, qurb_fixture_teardown);
  g_test_add ("/checkin/import-refuses-what-it-cannot-read", QurbFixture, NULL, qurb_fixture_setup,
              test_import_refuses_what_it_cannot_read, qurb_fixture_teardown);
  g_test_add ("/checkin/qurbctl", QurbFixture, NULL, qurb_fixture_setup, test_qurbctl, qurb_fixture_teardown);
  return g_test_run ();
}
