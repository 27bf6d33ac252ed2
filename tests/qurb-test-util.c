/* qurb-test-util.c — fixtures shared by the tests */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "qurb-booking.h"
#include "qurb-import.h"
#include "qurb-sms.h"
#include "qurb-test-util.h"

static void
remove_tree (const gchar *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const gchar *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
qurb_fixture_setup (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("qurb-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "qurb.db", NULL);
  fixture->db = qurb_db_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

void
qurb_fixture_teardown (QurbFixture *fixture, gconstpointer data)
{
  g_clear_pointer (&fixture->db, qurb_db_close);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

gchar *
qurb_fixture_write (QurbFixture *fixture, const gchar *name, const gchar *contents)
{
  g_autoptr(GError) error = NULL;
  gchar *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

gchar *
qurb_test_corpus_path (const gchar *name)
{
  return g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
}

/* The three fixture files of tests/corpus, as the SMS corpus expects. */
void
qurb_fixture_load_corpus (QurbFixture *fixture)
{
  static const struct { const gchar *file; QurbImportKind kind; } files[] = {
    { "members.csv", QURB_IMPORT_MEMBERS },
    { "claims.csv", QURB_IMPORT_CLAIMS },
    { "caravans.csv", QURB_IMPORT_CARAVANS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *path = qurb_test_corpus_path (files[i].file);
      QurbImportStats stats;

      g_assert_true (qurb_import_file (fixture->db, files[i].kind, path, NULL, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.skipped, ==, 0);
    }
}

gint64
qurb_test_query_int (QurbDb *db, const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* NULL when the query returns no row. */
gchar *
qurb_test_query_text (QurbDb *db, const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gchar *value = NULL;
  gint rc;

  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_true (rc == SQLITE_ROW || rc == SQLITE_DONE);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* How many entries a folder holds; 0 when it does not exist. */
guint
qurb_test_count_files (const gchar *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Messages waiting on a dummy modem (its device folder) to be read. */
guint
qurb_test_modem_inbox_size (const gchar *device)
{
  g_autofree gchar *path = g_build_filename (device, "sms", "1", NULL);

  return qurb_test_count_files (path);
}

/* Whether the daemon still has something to do with the SMS it holds or
 * will read: a message on one of the modems (NULL-terminated devices), a
 * part taken from a modem but not yet assembled into a message, or a
 * message not yet answered or sent. */
gboolean
qurb_test_sms_work_left (QurbDb *db, const gchar *const *devices)
{
  for (guint i = 0; devices[i] != NULL; i++)
    if (qurb_test_modem_inbox_size (devices[i]) > 0)
      return TRUE;
  return qurb_test_query_int (db, "SELECT count(*) FROM sms_parts WHERE message_id IS NULL") > 0 ||
         qurb_test_query_int (db, "SELECT count(*) FROM messages WHERE state IN"
                              " ('received', 'queued', 'sending')") > 0;
}

/* A GSpawnChildSetupFunc: the daemon or kiosk a test starts is killed when
 * the test dies, so a failing test never leaves it running behind. */
void
qurb_test_die_with_parent (gpointer unused)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* SIGTERM, and the daemon must end cleanly. */
void
qurb_test_stop_daemon (GSubprocess *daemon)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (daemon, SIGTERM);
  g_subprocess_wait_check (daemon, NULL, &error);
  g_assert_no_error (error);
}

/* Waits until sql (one integer) reaches at least n, or 60 s; its value. */
gint64
qurb_test_wait_for_int (QurbDb *db, const gchar *sql, gint64 n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && qurb_test_query_int (db, sql) < n)
    g_usleep (50 * 1000);
  return qurb_test_query_int (db, sql);
}

void
qurb_run_clear (QurbRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs $QURBCTL --db DB ARGS… (NULL-terminated) with extra environment
 * (NAME=VALUE …, or NAME alone to unset it). */
void
qurb_test_run_qurbctl (QurbRun *run, const gchar *db, const gchar *const *env, ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("QURBCTL"));
  if (db)
    {
      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, (gpointer) db);
    }
  va_start (ap, env);
  while ((arg = va_arg (ap, const gchar *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  for (guint i = 0; env && env[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);

      if (kv[1] == NULL)
        g_subprocess_launcher_unsetenv (launcher, kv[0]);
      else
        g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const gchar *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
  g_test_message ("exit %d\nout: %s\nerr: %s", run->status, run->out, run->err);
}

/* A loopback TCP port free now (the kernel's pick), for a server a test starts. */
guint
qurb_test_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* A text from sender through the daemon's path (no hourly cap); the
 * reply, or NULL when none is due. */
gchar *
qurb_test_sms_reply (QurbDb *db, const gchar *sender, const gchar *text)
{
  static const QurbSmsPolicy no_cap = { 0 };
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;
  gint64 id;

  g_assert_true (qurb_sms_receive (db, sender, text, &id, &error));
  g_assert_true (qurb_sms_process (db, id, &no_cap, &result, &error));
  g_assert_no_error (error);
  g_test_message ("%s → %s", text, result.reply ? result.reply : "(no reply)");
  return g_steal_pointer (&result.reply);
}

/* Books the earliest free slot of caravan_code for a member of the
 * fixtures (no SMS); the booking code. */
gchar *
qurb_test_book (QurbDb *db, const gchar *member_no, const gchar *caravan_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM members WHERE member_no = '%s'", member_no);
  QurbBookingRequest request = { qurb_test_query_int (db, sql), caravan_code, -1, "staff", FALSE };
  QurbBookingResult result;

  g_assert_true (qurb_booking_take (db, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, QURB_BOOKING_OK);
  return g_strdup (result.booking.code);
}

/* A ticket key of the tests: the same seed, the same key. */
void
qurb_test_ticket_key (QurbTicketKey *key, guint8 seed)
{
  for (guint i = 0; i < QURB_TICKET_KEY_SIZE; i++)
    key->bytes[i] = (guint8) (seed * 31 + i);
}
