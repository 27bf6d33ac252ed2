/* test-qurbctl.c — the command line as staff and scripts use it */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "qurb-test-util.h"

static void
test_help_and_usage (QurbFixture *fixture, gconstpointer data)
{
  g_auto(QurbRun) help = { 0 }, unknown = { 0 }, bad_kind = { 0 }, missing = { 0 };

  qurb_test_run_qurbctl (&help, NULL, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "import"));
  g_assert_nonnull (strstr (help.out, "messages"));

  qurb_test_run_qurbctl (&unknown, fixture->db_path, NULL, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command “frobnicate”"));

  qurb_test_run_qurbctl (&bad_kind, fixture->db_path, NULL, "import", "dossiers", "x.csv", NULL);
  g_assert_cmpint (bad_kind.status, ==, 2);

  qurb_test_run_qurbctl (&missing, fixture->db_path, NULL, "import", "members", "/nonexistent.csv", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent.csv"));
}

static void
test_init_uses_env (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *path = g_build_filename (fixture->dir, "sub", "dir", "env.db", NULL);
  g_autofree gchar *env_db = g_strconcat ("QURB_DB=", path, NULL);
  const gchar *env[] = { env_db, NULL };
  g_auto(QurbRun) run = { 0 };

  qurb_test_run_qurbctl (&run, NULL, env, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (run.out, "schema version"));
}

static void
test_import_exit_statuses (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *members = qurb_test_corpus_path ("members.csv");
  g_autofree gchar *bad = qurb_fixture_write (fixture, "bad.csv",
      "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n"
      "100010,AB1,X,Y,,,1990-01-01,,fr,Rabat\n"
      "1,AB1,X,Y,,,1990-01-01,,fr,Rabat\n"
      "100011,AB1,X,Y,,,1990-01-01,,de,Rabat\n");
  g_autofree gchar *expected = g_strdup_printf ("%s:3: member_no must be 5 to 10 digits", bad);
  g_autofree gchar *expected_fr = g_strdup_printf ("%s:4: lang doit être ar ou fr", bad);
  const gchar *french[] = { "LANGUAGE=fr", NULL };
  g_auto(QurbRun) good = { 0 }, partial = { 0 }, partial_fr = { 0 };

  qurb_test_run_qurbctl (&good, fixture->db_path, NULL, "import", "members", members, NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "7 rows: 7 new"));

  qurb_test_run_qurbctl (&partial, fixture->db_path, NULL, "import", "members", bad, NULL);
  g_assert_cmpint (partial.status, ==, 3);
  g_assert_nonnull (strstr (partial.err, expected));
  g_assert_nonnull (strstr (partial.out, "1 new"));

  /* Staff who read French get the reasons in French. */
  qurb_test_run_qurbctl (&partial_fr, fixture->db_path, french, "import", "members", bad, NULL);
  g_assert_cmpint (partial_fr.status, ==, 3);
  g_assert_nonnull (strstr (partial_fr.err, expected_fr));
}

static void
test_messages_json (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *changes = NULL;
  g_auto(QurbRun) import = { 0 }, json = { 0 }, last = { 0 };
  g_auto(GStrv) lines = NULL;

  qurb_fixture_load_corpus (fixture);
  changes = qurb_fixture_write (fixture, "claims.csv",
      "dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason\n"
      "2025000101,100002,MALADIE,2025-01-02,PAYE,2025-01-14,430.00,279.50,\n"
      "2025000202,100004,MALADIE,2025-01-03,PAYE,2025-01-14,780.00,500,\n"
      "2024007777,100003,MALADIE,2024-12-20,REJETE,2025-01-14,960.00,0,\"Hors \"\"délai\"\"\"\n");
  qurb_test_run_qurbctl (&import, fixture->db_path, NULL, "import", "claims", changes, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "3 status changes, 2 notices queued"));

  qurb_test_run_qurbctl (&json, fixture->db_path, NULL, "messages", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  lines = g_strsplit (g_strchomp (json.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  /* A batch is written in dossier order: 2024… is told before 2025…. */
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\":1,\"dir\":\"out\",\"peer\":\"+212700112233\",\"text\":\"الملف 2024007777"));
  g_assert_cmpstr (lines[1], ==,
      "{\"id\":2,\"dir\":\"out\",\"peer\":\"+212661234567\","
      "\"text\":\"Dossier 2025000101 : Payé, 279,50 DH.\",\"state\":\"queued\","
      "\"at\":\"2027-01-15T10:00:00\",\"reply_to\":null,\"kind\":\"notice\"}");

  qurb_test_run_qurbctl (&last, fixture->db_path, NULL, "messages", "--last", "1", NULL);
  g_assert_cmpint (last.status, ==, 0);
  g_assert_null (strstr (last.out, "+212700112233"));
  g_assert_nonnull (strstr (last.out, "+212661234567"));
}

static void
test_member_book_cancel (QurbFixture *fixture, gconstpointer data)
{
  g_auto(QurbRun) member = { 0 }, booked = { 0 }, again = { 0 }, shown = { 0 }, cancel = { 0 };
  g_auto(QurbRun) nobody = { 0 };
  gchar code[7] = { 0 };

  qurb_fixture_load_corpus (fixture);
  qurb_test_run_qurbctl (&member, fixture->db_path, NULL, "member", "100001", NULL);
  g_assert_cmpint (member.status, ==, 0);
  g_assert_nonnull (strstr (member.out, "2025000018"));
  g_assert_nonnull (strstr (member.out, "Waiting for documents"));

  qurb_test_run_qurbctl (&booked, fixture->db_path, NULL, "book", "100001", "laa1", "10h30", NULL);
  g_assert_cmpint (booked.status, ==, 2);  /* HH:MM only on the command line */
  qurb_run_clear (&booked);
  qurb_test_run_qurbctl (&booked, fixture->db_path, NULL, "book", "100001", "laa1", "10:30", NULL);
  g_assert_cmpint (booked.status, ==, 0);
  g_assert_cmpint (sscanf (booked.out, "Booked %6s", code), ==, 1);
  g_assert_nonnull (strstr (booked.out, "LAA1 on 2027-02-03 at 10:30"));

  qurb_test_run_qurbctl (&again, fixture->db_path, NULL, "book", "100001", "LAA1", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, code));

  qurb_test_run_qurbctl (&shown, fixture->db_path, NULL, "member", "100001", NULL);
  g_assert_nonnull (strstr (shown.out, code));

  qurb_test_run_qurbctl (&cancel, fixture->db_path, NULL, "cancel", "100001", code, NULL);
  g_assert_cmpint (cancel.status, ==, 0);
  qurb_test_run_qurbctl (&nobody, fixture->db_path, NULL, "member", "999999", NULL);
  g_assert_cmpint (nobody.status, ==, 1);
}

static void
test_demo (QurbFixture *fixture, gconstpointer data)
{
  g_auto(QurbRun) demo = { 0 }, caravans = { 0 }, member = { 0 };

  qurb_test_run_qurbctl (&demo, fixture->db_path, NULL, "demo", "--members", "120", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM members"), ==, 120);
  /* Claims in every status, caravans ahead with bookings, notices queued. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(DISTINCT status) FROM claims"), ==, 6);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM caravans WHERE date > '2027-01-15'"), >=, 6);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM bookings"), >, 10);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE kind = 'notice'"), >, 5);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM members WHERE last_name_ar = ''"), ==, 0);

  qurb_test_run_qurbctl (&caravans, fixture->db_path, NULL, "caravans", NULL);
  g_assert_cmpint (caravans.status, ==, 0);
  g_assert_nonnull (strstr (caravans.out, "Laâyoune"));
  qurb_test_run_qurbctl (&member, fixture->db_path, NULL, "member", "100001", NULL);
  g_assert_nonnull (strstr (member.out, "+212612345678"));
}

static void
test_broadcast (QurbFixture *fixture, gconstpointer data)
{
  g_auto(QurbRun) created = { 0 }, bad = { 0 }, listed = { 0 }, progress = { 0 }, cancelled = { 0 };
  g_auto(QurbRun) again = { 0 }, pin = { 0 };
  g_autofree gchar *fr = qurb_fixture_write (fixture, "fr.txt", "Journée portes ouvertes : le cœur de l'agence.\n");
  g_autofree gchar *ar = qurb_fixture_write (fixture, "ar.txt", "أبواب مفتوحة يوم السبت بالوكالة.\n");
  gint64 id;

  qurb_fixture_load_corpus (fixture);
  qurb_test_run_qurbctl (&bad, fixture->db_path, NULL, "broadcast", "create", "--title-fr", "T", "--title-ar", "ت",
               "--fr", fr, "--ar", ar, "--audience", "province:Gotham", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "Gotham"));

  qurb_test_run_qurbctl (&created, fixture->db_path, NULL, "broadcast", "create", "--title-fr", "Portes ouvertes",
               "--title-ar", "أبواب مفتوحة", "--fr", fr, "--ar", ar, "--audience", "province:laayoune",
               "--at", "2027-01-16 09:00", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpint (sscanf (created.out, "Announcement %" G_GINT64_FORMAT " created.", &id), ==, 1);
  /* The cost, and the folded alternative to UCS-2, before anything goes out. */
  g_assert_nonnull (strstr (created.out, "Recipients: 1 in French, 1 in Arabic"));
  g_assert_nonnull (strstr (created.out, "Total: 2 SMS parts"));
  g_assert_nonnull (strstr (created.out, "le coeur de l'agence"));
  qurb_assert_query_text (fixture->db, "SELECT audience || ' ' || send_at FROM announcements",
                          "province:Laâyoune 2027-01-16T09:00:00");

  qurb_test_run_qurbctl (&listed, fixture->db_path, NULL, "broadcast", "list", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "scheduled"));
  qurb_test_run_qurbctl (&progress, fixture->db_path, NULL, "broadcast", "progress", "1", NULL);
  g_assert_cmpint (progress.status, ==, 0);
  g_assert_nonnull (strstr (progress.out, "messages 0"));

  qurb_test_run_qurbctl (&cancelled, fixture->db_path, NULL, "broadcast", "cancel", "1", NULL);
  g_assert_cmpint (cancelled.status, ==, 0);
  qurb_test_run_qurbctl (&again, fixture->db_path, NULL, "broadcast", "cancel", "1", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "cancelled already"));
  qurb_assert_query_text (fixture->db, "SELECT state FROM announcements", "cancelled");

  /* The staff PIN: four to eight digits, stored salted and stretched. */
  qurb_test_run_qurbctl (&pin, fixture->db_path, NULL, "staff-pin", NULL);
  g_assert_cmpint (pin.status, ==, 2);   /* nothing on standard input */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM settings"), ==, 0);
  (void) id;
}

/* The desk registers a phone seen on a member's card, and lifts a lock
 * the kiosks put on a member number; both leave an audit row. */
static void
test_set_phone_and_unlock (QurbFixture *fixture, gconstpointer data)
{
  g_auto(QurbRun) bad = { 0 }, set = { 0 }, shown = { 0 }, none = { 0 }, unlock = { 0 }, again = { 0 };
  g_auto(QurbRun) kiosk = { 0 };

  qurb_fixture_load_corpus (fixture);
  qurb_test_run_qurbctl (&bad, fixture->db_path, NULL, "member", "set-phone", "100004", "0522123456", NULL);
  g_assert_cmpint (bad.status, ==, 2);   /* a landline: no SMS to it */
  g_assert_nonnull (strstr (bad.err, "0522123456"));
  qurb_test_run_qurbctl (&set, fixture->db_path, NULL, "member", "set-phone", "100004", "06 12 34 99 88", NULL);
  g_assert_cmpint (set.status, ==, 0);
  qurb_assert_query_text (fixture->db, "SELECT phone || ' ' || phone_chosen FROM members WHERE member_no = '100004'",
                          "+212612349988 1");
  qurb_assert_query_text (fixture->db, "SELECT actor || ' ' || action || ' ' || subject || ' ' || detail FROM audit"
                          " WHERE action = 'phone-register'", "staff phone-register 100004 +2126*****988");
  qurb_test_run_qurbctl (&shown, fixture->db_path, NULL, "member", "100004", NULL);
  g_assert_nonnull (strstr (shown.out, "+212612349988"));
  qurb_test_run_qurbctl (&none, fixture->db_path, NULL, "member", "set-phone", "100004", "--none", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT phone IS NULL FROM members WHERE member_no = '100004'"),
                   ==, 1);

  g_assert_true (qurb_db_exec (fixture->db,
      "INSERT INTO lockouts VALUES ('member:100002', 0, '2027-01-15T09:59:00', '2027-01-15T10:59:00'),"
      " ('kiosk:LAA-01', 4, '2027-01-15T09:59:50', '2027-01-15T10:00:20')", NULL));
  qurb_test_run_qurbctl (&unlock, fixture->db_path, NULL, "unlock", "100002", NULL);
  g_assert_cmpint (unlock.status, ==, 0);
  g_assert_nonnull (strstr (unlock.out, "100002: unlocked"));
  qurb_test_run_qurbctl (&again, fixture->db_path, NULL, "unlock", "100002", NULL);
  g_assert_nonnull (strstr (again.out, "100002: was not locked"));
  qurb_test_run_qurbctl (&kiosk, fixture->db_path, NULL, "unlock", "--kiosk", "LAA-01", NULL);
  g_assert_cmpint (kiosk.status, ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM lockouts"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM audit WHERE action = 'unlock'"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, qurb_fixture_setup, func, qurb_fixture_teardown)
  ADD ("/qurbctl/help-and-usage", test_help_and_usage);
  ADD ("/qurbctl/init-uses-env", test_init_uses_env);
  ADD ("/qurbctl/import-exit-statuses", test_import_exit_statuses);
  ADD ("/qurbctl/messages-json", test_messages_json);
  ADD ("/qurbctl/member-book-cancel", test_member_book_cancel);
  ADD ("/qurbctl/demo", test_demo);
  ADD ("/qurbctl/broadcast", test_broadcast);
  ADD ("/qurbctl/set-phone-and-unlock", test_set_phone_and_unlock);
#undef ADD
  return g_test_run ();
}
