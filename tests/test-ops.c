/* test-ops.c — operations on a box: status, prune, backup, the drop folder
 *
 * qurbctl runs as a process, as the timers and the mutual's IT run it;
 * the clock is pinned (QURB_NOW) and moved by the environment. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qurb-operations.h"
#include "qurb-schema.h"
#include "qurb-test-util.h"

static void
add_message (QurbFixture *fixture, const gchar *dir, const gchar *peer, const gchar *text,
             const gchar *state, const gchar *kind, gint priority, const gchar *at)
{
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO messages (dir, peer, text, state, at, kind, priority, updated_at)"
      " VALUES ('%s', '%s', '%s', '%s', '%s', %s, %d, '%s')",
      dir, peer, text, state, at, kind ? kind : "NULL", priority, at);

  g_assert_cmpint (sqlite3_exec (qurb_db_handle (fixture->db), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
has_problem (const QurbStatus *status, const gchar *text)
{
  for (guint i = 0; i < status->problems->len; i++)
    if (strstr (status->problems->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* The rules of DESIGN.md section 5, one at a time. */
static void
test_status_rules (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbStatus) fresh = NULL, later = NULL, troubled = NULL, configured = NULL;
  QurbImportRun refused = { "claims", "/x/claims.csv", "2027-01-15T09:00:00", 0, 0, "no column" };

  qurb_fixture_load_corpus (fixture);
  fresh = qurb_status_collect (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (fresh->healthy);
  g_assert_true (has_problem (fresh, "no modem has ever been seen"));

  g_assert_true (qurb_heartbeat_record (fixture->db, "modem", 71, "IAM", &error));
  g_assert_true (qurb_heartbeat_record (fixture->db, "modem:2", -1, NULL, &error));
  g_clear_pointer (&fresh, qurb_status_free);
  fresh = qurb_status_collect (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fresh->healthy);
  g_assert_cmpuint (fresh->modems->len, ==, 2);
  g_assert_cmpint (((QurbModemStatus *) fresh->modems->pdata[0])->signal, ==, 71);
  g_assert_cmpint (((QurbModemStatus *) fresh->modems->pdata[1])->signal, ==, -1);
  g_assert_cmpstr (fresh->last_import.kind, ==, "caravans");

  /* Four minutes on: still seen. Six: not. */
  g_setenv ("QURB_NOW", "2027-01-15T10:04:59", TRUE);
  later = qurb_status_collect (fixture->db, NULL, &error);
  g_assert_true (later->healthy);
  g_setenv ("QURB_NOW", "2027-01-15T10:06:00", TRUE);
  g_clear_pointer (&later, qurb_status_free);
  later = qurb_status_collect (fixture->db, NULL, &error);
  g_assert_false (later->healthy);
  g_assert_true (has_problem (later, "modem modem not seen for 6 minutes"));
  g_assert_true (has_problem (later, "modem modem:2 not seen for 6 minutes"));

  /* A reply queued 11 minutes, a failure this night, a refused file. */
  g_assert_true (qurb_heartbeat_record (fixture->db, "modem", -1, NULL, &error));
  g_assert_true (qurb_heartbeat_record (fixture->db, "modem:2", -1, NULL, &error));
  add_message (fixture, "out", "+212612345678", "r", "queued", "'reply'", 0, "2027-01-15T09:55:00");
  add_message (fixture, "out", "+212612345678", "b", "queued", "'broadcast'", 3, "2027-01-15T08:00:00");
  add_message (fixture, "out", "+212612345678", "f", "failed", "'notice'", 1, "2027-01-15T01:00:00");
  add_message (fixture, "out", "+212612345678", "f", "failed", "'notice'", 1, "2027-01-13T01:00:00");
  add_message (fixture, "in", "+212612345678", "ETAT", "received", NULL, 0, "2027-01-15T10:05:00");
  g_assert_true (qurb_import_run_record (fixture->db, &refused, &error));
  troubled = qurb_status_collect (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (troubled->healthy);
  g_assert_cmpuint (troubled->problems->len, ==, 3);
  g_assert_true (has_problem (troubled, "a reply has waited 11 minutes to be sent"));
  g_assert_true (has_problem (troubled, "1 message could not be sent in the last 24 hours"));
  g_assert_true (has_problem (troubled, "1 import file was refused in the last 24 hours"));
  g_assert_cmpint (troubled->outbox_queued, ==, 2);
  g_assert_cmpint (troubled->outbox_oldest_queued_s, ==, 2 * 3600 + 360);
  g_assert_cmpint (troubled->outbox_failed_24h, ==, 1);
  g_assert_cmpint (troubled->inbox_unanswered, ==, 1);
  g_assert_cmpint (troubled->inbox_oldest_s, ==, 60);
  g_assert_cmpstr (troubled->last_import.error, ==, "no column");

  /* The configuration names the modems to expect: one never seen. */
  configured = qurb_status_collect (fixture->db, (const gchar *const[]) { "modem", "modem:3", NULL }, &error);
  g_assert_cmpuint (configured->modems->len, ==, 2);
  g_assert_true (has_problem (configured, "modem modem:3 has never been seen"));
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

/* The JSON object exactly as DESIGN.md section 5 fixes it, and the same
 * figures for Prometheus. */
static void
test_status_output (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *prom = g_build_filename (fixture->dir, "qurb.prom", NULL);
  g_autofree gchar *conf = qurb_fixture_write (fixture, "qurb.conf", "[modem]\ndevice=/dev/x\n[modem:2]\ndevice=/dev/y\n");
  g_autofree gchar *text = NULL;
  g_autofree gchar *expected = NULL;
  const gchar *later[] = { "QURB_NOW=2027-01-15T10:02:00", NULL };
  g_auto(QurbRun) json = { 0 }, prometheus = { 0 }, plain = { 0 }, both = { 0 };
  g_autoptr(GError) error = NULL;

  qurb_fixture_load_corpus (fixture);
  g_assert_true (qurb_heartbeat_record (fixture->db, "modem", 80, "Maroc Telecom", &error));
  add_message (fixture, "out", "+212612345678", "r", "queued", "'reply'", 0, "2027-01-15T10:00:00");

  qurb_test_run_qurbctl (&json, fixture->db_path, later, "--config", conf, "status", "--json", NULL);
  g_assert_cmpint (json.status, ==, 1);
  expected = g_strdup_printf (
      "{\"version\":\"%s\",\"schema\":%d,\"members\":%" G_GINT64_FORMAT ",\"claims\":%" G_GINT64_FORMAT ","
      "\"last_import\":{\"kind\":\"caravans\",\"at\":\"2027-01-15T10:00:00\",\"rows\":%" G_GINT64_FORMAT ",\"skipped\":0},"
      "\"inbox\":{\"unanswered\":0,\"oldest_s\":0},"
      "\"outbox\":{\"queued\":1,\"sending\":0,\"failed_24h\":0,\"oldest_queued_s\":120},"
      "\"modems\":[{\"name\":\"modem\",\"seen_at\":\"2027-01-15T10:00:00\",\"signal\":80,\"network\":\"Maroc Telecom\"},"
      "{\"name\":\"modem:2\",\"seen_at\":null,\"signal\":null,\"network\":null}],"
      "\"broadcasts\":{\"active\":0},\"healthy\":false,\"problems\":[\"modem modem:2 has never been seen\"]}\n",
      PACKAGE_VERSION, qurb_schema_latest_version (), qurb_test_query_int (fixture->db, "SELECT count(*) FROM members"),
      qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"),
      qurb_test_query_int (fixture->db, "SELECT count(*) FROM caravans"));
  g_assert_cmpstr (json.out, ==, expected);

  qurb_test_run_qurbctl (&prometheus, fixture->db_path, later, "status", "--prometheus", "--output", prom, NULL);
  g_assert_cmpint (prometheus.status, ==, 0);
  g_assert_cmpstr (prometheus.out, ==, "");
  g_assert_true (g_file_get_contents (prom, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "\nqurb_healthy 1\n"));
  g_assert_nonnull (strstr (text, "\nqurb_outbox_queued 1\n"));
  g_assert_nonnull (strstr (text, "\nqurb_outbox_oldest_queued_seconds 120\n"));
  g_assert_nonnull (strstr (text, "\nqurb_modem_seen_seconds{modem=\"modem\"} 120\n"));
  g_assert_nonnull (strstr (text, "\nqurb_modem_signal_percent{modem=\"modem\",network=\"Maroc Telecom\"} 80\n"));

  qurb_test_run_qurbctl (&plain, fixture->db_path, later, "status", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "healthy"));
  g_assert_nonnull (strstr (plain.out, "modem modem: seen 2 min ago, signal 80%, network Maroc Telecom"));
  qurb_test_run_qurbctl (&both, fixture->db_path, NULL, "status", "--json", "--prometheus", NULL);
  g_assert_cmpint (both.status, ==, 2);

  /* Staff read the import's kind in their language too. */
  {
    const gchar *french[] = { "QURB_NOW=2027-01-15T10:02:00", "LANGUAGE=fr", NULL };
    const gchar *arabic[] = { "QURB_NOW=2027-01-15T10:02:00", "LANGUAGE=ar", NULL };
    g_auto(QurbRun) fr = { 0 }, ar = { 0 };

    qurb_test_run_qurbctl (&fr, fixture->db_path, french, "status", NULL);
    g_assert_nonnull (strstr (fr.out, "dernier import : caravanes le "));
    qurb_test_run_qurbctl (&ar, fixture->db_path, arabic, "status", NULL);
    g_assert_nonnull (strstr (ar.out, "آخر استيراد: القوافل في "));
  }
}

/* Old texts go, numbers are masked, counts and states stay; messages in
 * flight and recent ones are left alone; parts already joined go. */
static void
test_prune (QurbFixture *fixture, gconstpointer data)
{
  const gchar *counts_sql = "SELECT group_concat(dir || '/' || state || '/' || coalesce (kind, '-') || '=' || n, ' ')"
                            " FROM (SELECT dir, state, kind, count(*) AS n FROM messages GROUP BY 1, 2, 3)";
  g_autofree gchar *before = NULL, *after = NULL;
  g_autofree gchar *conf = qurb_fixture_write (fixture, "qurb.conf", "[privacy]\nkeep-messages-days=3 ; a short memory\n");
  g_auto(QurbRun) first = { 0 }, again = { 0 }, shorter = { 0 }, bad = { 0 };

  add_message (fixture, "in", "+212612345678", "ETAT 2024001234", "handled", NULL, 0, "2025-12-01T09:00:00");
  add_message (fixture, "out", "+212612345678", "Dossier 2024001234 : paye", "sent", "'reply'", 0, "2025-12-01T09:00:05");
  add_message (fixture, "out", "+212661234567", "", "delivered", "'broadcast'", 3, "2025-12-02T09:00:00");
  add_message (fixture, "out", "+212661234567", "En attente", "queued", "'notice'", 1, "2025-12-03T09:00:00");
  add_message (fixture, "in", "+212612345678", "STOP", "handled", NULL, 0, "2027-01-10T09:00:00");
  g_assert_cmpint (sqlite3_exec (qurb_db_handle (fixture->db),
      "INSERT INTO sms_parts (modem, sender, sent_at, reference, total, seq, text, received_at, message_id)"
      " VALUES ('modem', '+212612345678', '2025-12-01T08:59:59', -1, 1, 1, 'ETAT 2024001234', '2025-12-01T09:00:00', 1),"
      "        ('modem', '+212612345678', '2025-12-01T08:59:59', 7, 2, 1, 'RESERVER', '2025-12-01T09:00:00', NULL)",
      NULL, NULL, NULL), ==, SQLITE_OK);
  before = qurb_test_query_text (fixture->db, counts_sql);

  qurb_test_run_qurbctl (&first, fixture->db_path, NULL, "prune", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "older than 365 days: 3 texts removed, 1 received parts removed"));
  after = qurb_test_query_text (fixture->db, counts_sql);
  g_assert_cmpstr (before, ==, after);
  qurb_assert_query_text (fixture->db, "SELECT group_concat(text, '|') FROM messages WHERE pruned_at IS NOT NULL", "||");
  qurb_assert_query_text (fixture->db, "SELECT peer FROM messages WHERE id = 1", "+2126*****678");
  qurb_assert_query_text (fixture->db, "SELECT text FROM messages WHERE id = 4", "En attente");
  qurb_assert_query_text (fixture->db, "SELECT text FROM messages WHERE id = 5", "STOP");
  qurb_assert_query_text (fixture->db, "SELECT group_concat(text) FROM sms_parts", "RESERVER");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE text LIKE '%2024001234%'"), ==, 0);

  qurb_test_run_qurbctl (&again, fixture->db_path, NULL, "prune", NULL);
  g_assert_nonnull (strstr (again.out, "0 texts removed"));
  qurb_test_run_qurbctl (&shorter, fixture->db_path, NULL, "--config", conf, "prune", NULL);
  g_assert_nonnull (strstr (shorter.out, "older than 3 days: 1 texts removed"));
  qurb_test_run_qurbctl (&bad, fixture->db_path, NULL, "prune", "--days", "0", NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

/* A checked copy; a copy that cannot be made leaves nothing behind;
 * into a folder, the oldest copies go. */
static void
test_backup (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree gchar *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree gchar *blocker = qurb_fixture_write (fixture, "not-a-folder", "x");
  g_autofree gchar *impossible = g_build_filename (blocker, "copy.db", NULL);
  g_auto(QurbRun) made = { 0 }, failed = { 0 };
  g_autoptr(QurbDb) opened = NULL;
  g_autoptr(GError) error = NULL;
  guint files_before;

  qurb_fixture_load_corpus (fixture);
  qurb_test_run_qurbctl (&made, fixture->db_path, NULL, "backup", copy, NULL);
  g_assert_cmpint (made.status, ==, 0);
  g_assert_nonnull (strstr (made.out, "integrity ok, 7 members"));
  opened = qurb_db_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qurb_test_query_int (opened, "SELECT count(*) FROM claims"), ==,
                   qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"));
  qurb_assert_query_text (opened, "PRAGMA integrity_check", "ok");

  files_before = qurb_test_count_files (fixture->dir);
  qurb_test_run_qurbctl (&failed, fixture->db_path, NULL, "backup", impossible, NULL);
  g_assert_cmpint (failed.status, ==, 1);
  g_assert_nonnull (strstr (failed.err, "Cannot back up to"));
  g_assert_cmpuint (qurb_test_count_files (fixture->dir), ==, files_before);

  g_mkdir (folder, 0750);
  for (guint day = 11; day <= 14; day++)
    {
      g_autofree gchar *now = g_strdup_printf ("QURB_NOW=2027-01-%uT01:30:00", day);
      const gchar *env[] = { now, NULL };
      g_auto(QurbRun) nightly = { 0 };

      qurb_test_run_qurbctl (&nightly, fixture->db_path, env, "backup", "--keep", "2", folder, NULL);
      g_assert_cmpint (nightly.status, ==, 0);
    }
  g_assert_cmpuint (qurb_test_count_files (folder), ==, 2);
  {
    g_autofree gchar *newest = g_build_filename (folder, "qurb-2027-01-14T01-30-00.db", NULL);
    g_autofree gchar *oldest = g_build_filename (folder, "qurb-2027-01-11T01-30-00.db", NULL);

    g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  }
}

static gchar *
read_report (const gchar *dir, const gchar *name)
{
  g_autofree gchar *path = g_strdup_printf ("%s/%s.report", dir, name);
  gchar *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The nightly drop folder: a good file, a partly bad one (semicolons,
 * decimal commas, one bad amount), a broken one, one whose name says
 * nothing; uploads in progress and other files left alone. */
static void
test_import_drop (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *drop = g_build_filename (fixture->dir, "import", NULL);
  g_autofree gchar *done = g_build_filename (drop, "done", NULL);
  g_autofree gchar *failed = g_build_filename (drop, "failed", NULL);
  g_autofree gchar *members_report = NULL, *claims_report = NULL, *broken_report = NULL;
  g_auto(QurbRun) night = { 0 }, empty = { 0 }, status = { 0 }, again = { 0 };
  const gchar *files[][2] = {
    { "members-2027-01-15.csv",
      "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n"
      "100101,AB1,IDRISSI,Amal,,,1990-01-01,0612000001,fr,Tiznitte\n"
      "100102,AB2,IDRISSI,Omar,,,1991-01-01,,ar,Guelmim\n" },
    { "claims-2027-01-15.csv",
      "dossier_no;member_no;kind;deposited_on;status;status_date;amount_claimed;amount_paid;reason\n"
      "2027000001;100101;MALADIE;2027-01-02;PAYE;2027-01-10;1 250,50;812,5;\n"
      "2027000002;100102;OPTIQUE;2027-01-03;RECU;2027-01-03;2400;0;\n"
      "2027000003;100102;DENTAIRE;2027-01-04;RECU;2027-01-04;1.250,00;0;\n" },
    { "caravans-2027-01-15.csv", "code,specialty\nLAA9,DENTAIRE\n" },
    { "notes.csv", "member_no\n1\n" },
    { ".members-upload.csv", "member_no\n" },
    { "readme.txt", "hello\n" },
  };

  g_mkdir (drop, 0770);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree gchar *path = g_build_filename (drop, files[i][0], NULL);
      g_assert_true (g_file_set_contents (path, files[i][1], -1, NULL));
    }
  qurb_test_run_qurbctl (&night, fixture->db_path, NULL, "import-drop", drop, NULL);
  g_assert_cmpint (night.status, ==, 1);
  /* Members before claims, whatever the names' order. */
  g_assert_true (strstr (night.out, "members-2027") < strstr (night.out, "claims-2027"));

  g_assert_cmpuint (qurb_test_count_files (done), ==, 4);
  g_assert_cmpuint (qurb_test_count_files (failed), ==, 4);
  g_assert_cmpuint (qurb_test_count_files (drop), ==, 5);  /* done, failed, .lock, the two left alone */
  members_report = read_report (done, "members-2027-01-15.csv");
  g_assert_nonnull (strstr (members_report, "2 rows: 2 new"));
  g_assert_nonnull (strstr (members_report, ":2: warning: province “Tiznitte” is not known; the nearest known one is “Tiznit”"));
  claims_report = read_report (done, "claims-2027-01-15.csv");
  g_assert_nonnull (strstr (claims_report, "3 rows: 2 new, 0 updated, 0 unchanged, 1 skipped"));
  g_assert_nonnull (strstr (claims_report, ":1: warning: the fields are separated by semicolons"));
  g_assert_nonnull (strstr (claims_report, ":4: amount_claimed “1.250,00”: write thousands apart by a space"));
  broken_report = read_report (failed, "caravans-2027-01-15.csv");
  g_assert_nonnull (strstr (broken_report, "refused"));
  g_assert_nonnull (strstr (broken_report, "the header has no column “title_fr”"));
  {
    g_autofree gchar *notes = read_report (failed, "notes.csv");
    g_assert_nonnull (strstr (notes, "start it with members, claims or caravans"));
  }
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT amount_claimed FROM claims WHERE dossier_no = '2027000001'"), ==, 125050);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT amount_paid FROM claims WHERE dossier_no = '2027000001'"), ==, 81250);

  /* status shows the last file and the refused one. */
  qurb_test_run_qurbctl (&status, fixture->db_path, NULL, "status", "--json", NULL);
  g_assert_nonnull (strstr (status.out, "\"last_import\":{\"kind\":\"claims\",\"at\":\"2027-01-15T10:00:00\",\"rows\":3,\"skipped\":1}"));
  g_assert_nonnull (strstr (status.out, "1 import file was refused in the last 24 hours"));

  qurb_test_run_qurbctl (&empty, fixture->db_path, NULL, "import-drop", drop, NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_nonnull (strstr (empty.out, "no file to import"));

  /* The same name the next night: filed beside the first, not over it. */
  {
    g_autofree gchar *path = g_build_filename (drop, files[0][0], NULL);
    g_autofree gchar *second = g_build_filename (done, "2027-01-15T10-00-00-members-2027-01-15.csv", NULL);

    g_assert_true (g_file_set_contents (path, files[0][1], -1, NULL));
    qurb_test_run_qurbctl (&again, fixture->db_path, NULL, "import-drop", drop, NULL);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ops/status/rules", QurbFixture, NULL, qurb_fixture_setup, test_status_rules, qurb_fixture_teardown);
  g_test_add ("/ops/status/output", QurbFixture, NULL, qurb_fixture_setup, test_status_output, qurb_fixture_teardown);
  g_test_add ("/ops/prune", QurbFixture, NULL, qurb_fixture_setup, test_prune, qurb_fixture_teardown);
  g_test_add ("/ops/backup", QurbFixture, NULL, qurb_fixture_setup, test_backup, qurb_fixture_teardown);
  g_test_add ("/ops/import-drop", QurbFixture, NULL, qurb_fixture_setup, test_import_drop, qurb_fixture_teardown);
  return g_test_run ();
}
