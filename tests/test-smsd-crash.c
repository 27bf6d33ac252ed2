/* test-smsd-crash.c — qurb-smsd killed with SIGKILL at random moments
 * while it works through messages, and started again: at the end every
 * message has exactly one reply, none lost, none twice. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "qurb-modem-gammu.h"
#include "qurb-test-util.h"

#define MESSAGES 60
#define KILLS 12

static const gchar *const senders[] = {
  "+212612345678", "+212661234567", "+212700112233", "+212711223344", "+212662000111",
};

static GSubprocess *
start_daemon (const gchar *config)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  /* A daemon logs what goes wrong with its modem as warnings and goes on. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_set_child_setup (launcher, qurb_test_die_with_parent, NULL, NULL);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("QURB_SMSD"), "--config", config, NULL);
  g_assert_no_error (error);
  return proc;
}

static void
test_crash (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *device = g_build_filename (fixture->dir, "modem", NULL);
  g_autofree gchar *capture = g_build_filename (fixture->dir, "capture", NULL);
  g_autofree gchar *config = g_build_filename (fixture->dir, "qurb.conf", NULL);
  g_autofree gchar *ini = g_strdup_printf ("[database]\npath=%s\n[modem]\ndevice=%s\nconnection=none\n"
                                           "model=dummy\npoll-interval-ms=100\nsend-interval-ms=0\n"
                                           "capture-dir=%s\n[sms]\nmax-replies-per-hour=1000\n",
                                           fixture->db_path, device, capture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GDir) captured = NULL;
  guint n = 0, captured_parts = 0;

  qurb_fixture_load_corpus (fixture);
  g_mkdir_with_parents (capture, 0755);
  g_assert_true (g_file_set_contents (config, ini, -1, &error));
  for (guint i = 0; i < MESSAGES; i++)
    {
      g_autofree gchar *path = g_strdup_printf ("%s/sms/1/%u", device, i + 1);
      g_autofree gchar *dir = g_path_get_dirname (path);
      /* Long enough now and then to need two parts back. */
      g_autofree gchar *text = g_strdup_printf (i % 4 ? "AIDE %u" : "CARAVANE %u", i);
      QurbModemPart part = { (gchar *) senders[i % G_N_ELEMENTS (senders)], text, NULL, -1, 1, 1 };

      g_mkdir_with_parents (dir, 0755);
      g_assert_true (qurb_gammu_write_part (path, &part, &error));
    }

  for (guint k = 0; k < KILLS; k++)
    {
      g_autoptr(GSubprocess) proc = start_daemon (config);

      g_usleep (g_rand_int_range (rand, 50, 600) * 1000);
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, NULL);
    }
  {
    g_autoptr(GSubprocess) proc = start_daemon (config);
    gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

    /* Past start-up (a signal before main() runs kills by default), and
     * one poll at least. */
    g_usleep (G_USEC_PER_SEC);
    while (g_get_monotonic_time () < deadline &&
           qurb_test_sms_work_left (fixture->db, (const gchar *const[]) { device, NULL }))
      g_usleep (100 * 1000);
    g_subprocess_send_signal (proc, SIGTERM);
    g_subprocess_wait_check (proc, NULL, &error);
    g_assert_no_error (error);
  }

  {
    g_autofree gchar *states = qurb_test_query_text (fixture->db,
        "SELECT group_concat(dir || ':' || state || '=' || n, ' ') FROM"
        " (SELECT dir, state, count(*) AS n FROM messages GROUP BY dir, state)");
    g_test_message ("messages by state: %s", states);
  }
  g_assert_cmpuint (qurb_test_modem_inbox_size (device), ==, 0);
  /* Every message stored once, answered once, the answer sent. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE dir = 'in'"), ==, MESSAGES);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'"), ==, MESSAGES);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'reply'"), ==, MESSAGES);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(DISTINCT reply_to) FROM messages WHERE dir = 'out'"), ==, MESSAGES);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'"), ==, MESSAGES);

  /* On the air: a kill between the modem taking a part and the database
   * recording it can repeat that one part, never more than once a kill. */
  captured = g_dir_open (capture, 0, NULL);
  while (g_dir_read_name (captured) != NULL)
    captured_parts++;
  n = qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_sent_parts");
  g_test_message ("%u parts recorded, %u sent on the air", n, captured_parts);
  g_assert_cmpuint (captured_parts, >=, n);
  g_assert_cmpuint (captured_parts, <=, n + KILLS);
}

/* Waits until n answers have gone out; their count. */
static gint64
wait_for_sent (QurbDb *db, gint64 n)
{
  const gchar *sql = "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'";
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && qurb_test_query_int (db, sql) < n)
    g_usleep (100 * 1000);
  return qurb_test_query_int (db, sql);
}

/* SIGHUP: the configuration read again, the daemon still answering. */
static void
test_reload (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *device = g_build_filename (fixture->dir, "modem", NULL);
  g_autofree gchar *config = g_build_filename (fixture->dir, "qurb.conf", NULL);
  g_autofree gchar *ini = g_strdup_printf ("[database]\npath=%s\n[modem]\ndevice=%s\nconnection=none\n"
                                           "model=dummy\npoll-interval-ms=100\nsend-interval-ms=0\n",
                                           fixture->db_path, device);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree gchar *inbox = g_build_filename (device, "sms", "1", NULL);

  qurb_fixture_load_corpus (fixture);
  g_mkdir_with_parents (inbox, 0755);
  g_assert_true (g_file_set_contents (config, ini, -1, &error));
  proc = start_daemon (config);

  /* An answer first: the daemon is past start-up and its signal
   * handlers are in place, however slow this machine is. */
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree gchar *slot = g_strdup_printf ("%s/%u", inbox, i);
      /* Not the same text twice: that would be the network delivering
       * one message again, which the daemon rightly answers once. */
      QurbModemPart part = { "+212612345678", i == 1 ? "AIDE" : "HELP", NULL, -1, 1, 1 };

      g_assert_true (qurb_gammu_write_part (slot, &part, &error));
      g_assert_no_error (error);
      g_assert_cmpint (wait_for_sent (fixture->db, i), ==, i);
      if (i == 1)
        g_subprocess_send_signal (proc, SIGHUP);
    }
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/smsd/crash", QurbFixture, NULL, qurb_fixture_setup, test_crash, qurb_fixture_teardown);
  g_test_add ("/smsd/reload", QurbFixture, NULL, qurb_fixture_setup, test_reload, qurb_fixture_teardown);
  return g_test_run ();
}
