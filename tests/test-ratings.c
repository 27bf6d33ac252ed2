/* test-ratings.c — after the caravan: the rating SMS sent once to the
 * members who came, its answer read and kept; and the caravan report's
 * figures on a fixture caravan */
#include "config.h"

#include <string.h>

#include "qurb-caravan-report.h"
#include "qurb-checkin.h"
#include "qurb-ratings.h"
#include "qurb-segments.h"
#include "qurb-sms.h"
#include "qurb-test-util.h"

static void
check_in (QurbDb *db, const gchar *code, const gchar *now)
{
  g_autoptr(GError) error = NULL;
  QurbCheckinRequest request = { code, NULL, NULL, "staff" };
  QurbCheckinResult result;

  g_setenv ("QURB_NOW", now, TRUE);
  g_assert_true (qurb_checkin (db, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, QURB_CHECKIN_OK);
  qurb_checkin_result_clear (&result);
}

static guint
queue_at (QurbDb *db, const gchar *now)
{
  g_autoptr(GError) error = NULL;
  guint queued = 99;

  g_setenv ("QURB_NOW", now, TRUE);
  g_assert_true (qurb_ratings_queue (db, &queued, &error));
  g_assert_no_error (error);
  return queued;
}

/* A member's SMS through the daemon's path; the intent and rating read. */
static QurbIntent
sms (QurbDb *db, const gchar *from, const gchar *text, gint *rating, gchar **reply)
{
  g_autoptr(GError) error = NULL;
  QurbSmsResult result = { 0 };
  QurbIntent intent;
  gint64 id;

  g_assert_true (qurb_sms_receive (db, from, text, &id, &error));
  g_assert_true (qurb_sms_process (db, id, NULL, &result, &error));
  g_assert_no_error (error);
  intent = result.command.intent;
  if (rating)
    *rating = result.command.rating;
  if (reply)
    *reply = g_strdup (result.reply);
  qurb_sms_result_clear (&result);
  return intent;
}

/* The LAA1 caravan of 2027-02-03: seven members booked, one cancelled,
 * five came (100001 ar, 100002 fr, 100005 after STOP, 100004 without a
 * phone, 100007 fr), 100006 did not. */
static void
caravan_day (QurbFixture *fixture)
{
  static const gchar *const members[] = { "100001", "100002", "100003", "100004", "100005", "100006", "100007" };
  static const gchar *const came[] = { "100001", "100002", "100004", "100005", "100007" };
  g_autoptr(GError) error = NULL;
  QurbBookingResult cancelled;
  g_autofree gchar *cancelled_code = NULL;

  qurb_fixture_load_corpus (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_free (qurb_test_book (fixture->db, members[i], "LAA1"));
  cancelled_code = qurb_test_query_text (fixture->db, "SELECT b.code FROM bookings b JOIN members m"
                                         " ON m.id = b.member_id WHERE m.member_no = '100003'");
  g_assert_true (qurb_booking_cancel (fixture->db, qurb_test_query_int (fixture->db,
                 "SELECT id FROM members WHERE member_no = '100003'"),
                 cancelled_code, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_OK);
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE members SET broadcasts = 0 WHERE member_no = '100005'", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (came); i++)
    {
      g_autofree gchar *sql = g_strdup_printf ("SELECT b.code FROM bookings b JOIN members m ON m.id = b.member_id"
                                               " WHERE m.member_no = '%s'", came[i]);
      g_autofree gchar *code = qurb_test_query_text (fixture->db, sql);
      g_autofree gchar *now = g_strdup_printf ("2027-02-03T09:%02u:00", 10 + i);

      check_in (fixture->db, code, now);
    }
}

static void
test_asked_once (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *ar = NULL, *fr = NULL;
  QurbSegments segments;

  caravan_day (fixture);
  /* Not on the caravan's day; the next morning, once. */
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-03T18:00:00"), ==, 0);
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-04T09:00:00"), ==, 3);
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-04T09:01:00"), ==, 0);
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-05T09:00:00"), ==, 0);
  qurb_assert_query_text (fixture->db,
      "SELECT group_concat(peer, ' ') FROM (SELECT peer FROM messages WHERE dir = 'out' ORDER BY peer)",
      "+212612345678 +212661234567 +212699887766");
  /* In the member's language, one part even in Arabic. */
  ar = qurb_test_query_text (fixture->db, "SELECT text FROM messages WHERE peer = '+212612345678'");
  fr = qurb_test_query_text (fixture->db, "SELECT text FROM messages WHERE peer = '+212661234567'");
  g_assert_nonnull (strstr (ar, "LAA1"));
  g_assert_nonnull (strstr (ar, "03/02"));
  g_assert_cmpstr (ar, !=, fr);
  qurb_sms_segments (ar, &segments);
  g_assert_cmpuint (segments.parts, ==, 1);
  qurb_sms_segments (fr, &segments);
  g_assert_cmpuint (segments.parts, ==, 1);

  /* A check-in merged late still gets its question within three days … */
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE bookings SET attended_at = '2027-02-03T11:00:00'"
                               " WHERE member_id = (SELECT id FROM members WHERE member_no = '100006')", NULL));
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-07T09:00:00"), ==, 0);   /* … not after */
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-06T09:00:00"), ==, 1);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

static void
test_answer_kept (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *reply = NULL;
  gint rating = 0;

  caravan_day (fixture);
  g_assert_cmpuint (queue_at (fixture->db, "2027-02-04T09:00:00"), ==, 3);
  g_setenv ("QURB_NOW", "2027-02-04T10:00:00", TRUE);

  /* Someone never asked: a bare digit is not a rating. */
  g_assert_cmpint (sms (fixture->db, "+212662000111", "3", &rating, NULL), ==, QURB_INTENT_UNKNOWN);
  /* Asked: the mark, kept once, thanked briefly in the member's language. */
  g_assert_cmpint (sms (fixture->db, "0661234567", "4/5 merci", &rating, &reply), ==, QURB_INTENT_RATE);
  g_assert_cmpint (rating, ==, 4);
  g_assert_nonnull (reply);
  g_clear_pointer (&reply, g_free);
  qurb_assert_query_text (fixture->db, "SELECT rating || ' ' || rated_at FROM bookings WHERE member_id ="
                          " (SELECT id FROM members WHERE member_no = '100002')", "4 2027-02-04T10:00:00");
  g_assert_cmpint (sms (fixture->db, "0661234567", "5", &rating, NULL), ==, QURB_INTENT_UNKNOWN);
  qurb_assert_query_text (fixture->db, "SELECT rating FROM bookings WHERE member_id ="
                          " (SELECT id FROM members WHERE member_no = '100002')", "4");
  /* In Arabic, a number word; through qurbctl sms-simulate --json. */
  {
    g_auto(QurbRun) run = { 0 };
    const gchar *env[] = { "QURB_NOW=2027-02-04T10:00:00", NULL };

    qurb_test_run_qurbctl (&run, fixture->db_path, env, "sms-simulate", "--from", "0612345678", "--json",
                           "خمسة شكرا", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "{\"intent\":\"rate\",\"lang\":\"ar\",\"args\":{\"rating\":5},"));
  }
  qurb_assert_query_text (fixture->db, "SELECT rating FROM bookings WHERE member_id ="
                          " (SELECT id FROM members WHERE member_no = '100001')", "5");
  /* Another request first is answered as such; the question stays open. */
  g_assert_cmpint (sms (fixture->db, "0699887766", "STOP", NULL, NULL), ==, QURB_INTENT_STOP);
  g_assert_cmpint (sms (fixture->db, "0699887766", "ETAT", NULL, NULL), ==, QURB_INTENT_STATUS);
  g_assert_cmpint (sms (fixture->db, "0699887766", "2", &rating, NULL), ==, QURB_INTENT_RATE);
  g_assert_cmpint (rating, ==, 2);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(rating) FROM bookings"), ==, 3);

  /* A question unanswered for a week is closed. */
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE bookings SET rating = NULL WHERE rating = 2", NULL));
  g_setenv ("QURB_NOW", "2027-02-12T10:00:00", TRUE);
  g_assert_cmpint (sms (fixture->db, "0699887766", "3", &rating, NULL), ==, QURB_INTENT_UNKNOWN);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

/* The fixture caravan's figures, and its totals. */
static void
test_report (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree gchar *csv = NULL;
  const QurbCaravanFigures *laa1 = NULL, *all = NULL;
  g_auto(QurbRun) run = { 0 };
  const gchar *env[] = { "QURB_NOW=2027-02-04T12:00:00", NULL };

  caravan_day (fixture);
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE bookings SET rating = 4 WHERE member_id IN"
                               " (SELECT id FROM members WHERE member_no IN ('100001'));"
                               "UPDATE bookings SET rating = 5 WHERE member_id IN"
                               " (SELECT id FROM members WHERE member_no IN ('100002'))", NULL));
  g_setenv ("QURB_NOW", "2027-02-04T12:00:00", TRUE);
  rows = qurb_caravan_report (fixture->db, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const QurbCaravanFigures *row = &g_array_index (rows, QurbCaravanFigures, i);

      if (g_strcmp0 (row->caravan, "LAA1") == 0)
        laa1 = row;
      if (row->level == QURB_FIGURES_ALL)
        all = row;
    }
  g_assert_nonnull (laa1);
  g_assert_cmpstr (laa1->specialty, ==, "OPHTALMOLOGIE");
  g_assert_cmpstr (laa1->province, ==, "Laâyoune");
  g_assert_cmpint (laa1->booked, ==, 6);
  g_assert_cmpint (laa1->cancelled, ==, 1);
  g_assert_cmpint (laa1->attended, ==, 5);
  g_assert_cmpint (laa1->no_shows, ==, 1);
  g_assert_cmpint (laa1->waiting, ==, 0);
  g_assert_cmpint (laa1->ratings, ==, 2);
  g_assert_cmpfloat_with_epsilon (qurb_caravan_figures_average (laa1), 4.5, 1e-9);
  g_assert_nonnull (all);
  g_assert_cmpint (all->booked, ==, 6);
  g_assert_cmpint (all->no_shows, ==, 1);     /* DAK1 (past, nobody booked) adds 0 */
  /* Caravans, 3 specialties (+ GENERALE, DEPISTAGE), 4 provinces, all. */
  g_assert_cmpuint (rows->len, ==, 5 + 4 + 4 + 1);
  csv = qurb_caravan_figures_csv (rows);
  g_assert_nonnull (strstr (csv, "\ncaravan,LAA1,OPHTALMOLOGIE,Laâyoune,2027-02-03,6,1,5,1,0,2,4.50\n"));
  g_assert_nonnull (strstr (csv, "\ncaravan,LAA2,DENTAIRE,Laâyoune,2027-02-04,0,0,0,,0,0,\n"));
  g_assert_nonnull (strstr (csv, "\nspecialty,,OPHTALMOLOGIE,,,6,1,5,1,0,2,4.50\n"));
  g_assert_nonnull (strstr (csv, "\nprovince,,,Laâyoune,,6,1,5,1,0,2,4.50\n"));
  g_clear_pointer (&rows, g_array_unref);

  /* Members still waiting count; those who left do not. */
  g_assert_true (qurb_db_exec (fixture->db,
      "INSERT INTO waitlist (member_id, caravan_id, channel, state, created_at)"
      "  SELECT 1, id, 'sms', 'waiting', '2027-01-10T09:00:00' FROM caravans WHERE code = 'LAA1';"
      "INSERT INTO waitlist (member_id, caravan_id, channel, state, created_at)"
      "  SELECT 2, id, 'kiosk', 'left', '2027-01-10T09:00:00' FROM caravans WHERE code = 'LAA1'",
      NULL));
  rows = qurb_caravan_report (fixture->db, "2027-02-03", "2027-02-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + 1 + 1 + 1);
  g_assert_cmpint (g_array_index (rows, QurbCaravanFigures, 0).waiting, ==, 1);

  qurb_test_run_qurbctl (&run, fixture->db_path, env, "report", "caravans", "--csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "level,caravan,"));
  g_assert_nonnull (strstr (run.out, "\ncaravan,LAA1,OPHTALMOLOGIE,Laâyoune,2027-02-03,6,1,5,1,1,2,4.50\n"));
  qurb_run_clear (&run);
  qurb_test_run_qurbctl (&run, fixture->db_path, env, "report", "caravans", "--from", "2027-02-03", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "LAA1"));
  g_assert_nonnull (strstr (run.out, "4.50"));
  g_assert_null (strstr (run.out, "DAK1"));
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ratings/asked-once", QurbFixture, NULL, qurb_fixture_setup, test_asked_once, qurb_fixture_teardown);
  g_test_add ("/ratings/answer-kept", QurbFixture, NULL, qurb_fixture_setup, test_answer_kept,
              qurb_fixture_teardown);
  g_test_add ("/ratings/report", QurbFixture, NULL, qurb_fixture_setup, test_report, qurb_fixture_teardown);
  return g_test_run ();
}
