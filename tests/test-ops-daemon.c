/* test-ops-daemon.c — operations against a running qurb-smsd
 *
 * The daemon runs as a process on Gammu's dummy driver: `qurbctl status`
 * on a busy daemon and after its modem is gone, backups taken while it
 * answers 150 messages, its sd_notify messages, its journal fields. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "qurb-clock.h"
#include "qurb-modem-gammu.h"
#include "qurb-operations.h"
#include "qurb-smsd.h"
#include "qurb-test-util.h"

static const gchar *const senders[] = {
  "+212612345678", "+212661234567", "+212700112233", "+212711223344", "+212662000111",
};

typedef struct {
  QurbFixture base;
  gchar *device;
  gchar *config;
} DaemonFixture;

static void
daemon_setup (DaemonFixture *f, gconstpointer data)
{
  qurb_fixture_setup (&f->base, data);
  qurb_fixture_load_corpus (&f->base);
  /* Gammu locks /var/lock/LCK..<the device's last name>: a name of its
   * own, so that no other run on this machine (make run's demo modem, a
   * test beside) holds ours. */
  f->device = g_strdup_printf ("%s/ops-%s-modem", f->base.dir, strrchr (f->base.dir, '/') + 1);
  f->config = g_build_filename (f->base.dir, "qurb.conf", NULL);
  g_mkdir_with_parents (f->device, 0755);
}

static void
daemon_teardown (DaemonFixture *f, gconstpointer data)
{
  g_free (f->device);
  g_free (f->config);
  qurb_fixture_teardown (&f->base, data);
}

static void
write_config (DaemonFixture *f, guint send_interval_ms)
{
  g_autofree gchar *ini = g_strdup_printf ("[database]\npath=%s\n[modem]\ndevice=%s\nconnection=none\n"
                                           "model=dummy\npoll-interval-ms=100\nsend-interval-ms=%u\n"
                                           "heartbeat-seconds=1\n[sms]\nmax-replies-per-hour=1000\n",
                                           f->base.db_path, f->device, send_interval_ms);

  g_assert_true (g_file_set_contents (f->config, ini, -1, NULL));
}

/* n messages in the modem's inbox, from a few senders. */
static void
fill_inbox (DaemonFixture *f, guint n)
{
  g_autofree gchar *inbox = g_build_filename (f->device, "sms", "1", NULL);

  g_mkdir_with_parents (inbox, 0755);
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *path = g_strdup_printf ("%s/%u", inbox, i + 1);
      g_autofree gchar *text = g_strdup_printf (i % 3 ? "AIDE %u" : "ETAT %u", i);
      QurbModemPart part = { (gchar *) senders[i % G_N_ELEMENTS (senders)], text, NULL, -1, 1, 1 };
      g_autoptr(GError) error = NULL;

      g_assert_true (qurb_gammu_write_part (path, &part, &error));
    }
}

/* The daemon, with extra environment (NAME=VALUE, or NAME to unset). */
static GSubprocess *
start_daemon (DaemonFixture *f, const gchar *const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);

      if (kv[1] == NULL)
        g_subprocess_launcher_unsetenv (launcher, kv[0]);
      else
        g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  g_subprocess_launcher_set_child_setup (launcher, qurb_test_die_with_parent, NULL, NULL);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("QURB_SMSD"), "--config", f->config, NULL);
  g_assert_no_error (error);
  return proc;
}

/* QURB_NOW=… five minutes and a second after a stored time. */
static gchar *
five_minutes_after (const gchar *stored)
{
  g_autoptr(GDateTime) seen = qurb_parse_datetime (stored);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (seen, 5 * 60 + 1);
  g_autofree gchar *when = qurb_datetime_iso (later);

  return g_strconcat ("QURB_NOW=", when, NULL);
}

static gchar *
seen_at (QurbDb *db)
{
  return qurb_test_query_text (db, "SELECT seen_at FROM modem_heartbeats WHERE modem = 'modem'");
}

/* Replies pile up (one part an hour): status counts them as the database
 * does and sees the modem's heartbeat move; the daemon killed, the
 * heartbeat stops, and five minutes later status says the box is unhealthy. */
static void
test_status_of_a_busy_daemon (DaemonFixture *f, gconstpointer data)
{
  const gchar *real_clock[] = { "QURB_NOW", NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree gchar *first = NULL, *second = NULL, *last = NULL, *later_seen = NULL;
  g_auto(QurbRun) busy = { 0 }, later = { 0 };
  const gchar *replies = "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'reply'";

  write_config (f, 3600000);
  fill_inbox (f, 40);
  /* The heartbeat is on the real clock: it must move. */
  proc = start_daemon (f, real_clock);
  g_assert_cmpint (qurb_test_wait_for_int (f->base.db, replies, 40), ==, 40);
  first = seen_at (f->base.db);
  g_assert_nonnull (first);
  g_usleep (2500 * 1000);
  second = seen_at (f->base.db);
  g_assert_cmpstr (first, <, second);

  qurb_test_run_qurbctl (&busy, f->base.db_path, real_clock, "status", "--json", NULL);
  g_assert_cmpint (busy.status, ==, 0);
  g_assert_nonnull (strstr (busy.out, "\"inbox\":{\"unanswered\":0,\"oldest_s\":0}"));
  g_assert_nonnull (strstr (busy.out, "\"outbox\":{\"queued\":40,\"sending\":0,\"failed_24h\":0,"));
  g_assert_nonnull (strstr (busy.out, "\"modems\":[{\"name\":\"modem\",\"seen_at\":\"20"));
  g_assert_nonnull (strstr (busy.out, "\"healthy\":true,\"problems\":[]"));

  /* Killed as a hung or crashed daemon would be: no more heartbeat. */
  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_wait (proc, NULL, NULL);
  last = seen_at (f->base.db);
  g_usleep (1500 * 1000);
  later_seen = seen_at (f->base.db);
  g_assert_cmpstr (last, ==, later_seen);
  {
    g_autofree gchar *now = five_minutes_after (last);
    const gchar *env[] = { now, NULL };

    qurb_test_run_qurbctl (&later, f->base.db_path, env, "status", "--json", NULL);
  }
  g_assert_cmpint (later.status, ==, 1);
  g_assert_nonnull (strstr (later.out, "\"healthy\":false,\"problems\":[\"modem modem not seen for 5 minutes\"]"));
}

/* A Gammu modem that can be unplugged: then it answers nothing. */
typedef struct {
  QurbModem base;
  QurbModem *real;
  gboolean unplugged;
} PluggedModem;

static gboolean
unplugged (QurbModem *modem, GError **error)
{
  if (!((PluggedModem *) modem)->unplugged)
    return FALSE;
  g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_DEVICE, "no such device");
  return TRUE;
}

static gboolean
plugged_connect (QurbModem *modem, GError **error)
{
  QurbModem *real = ((PluggedModem *) modem)->real;
  return !unplugged (modem, error) && real->ops->connect (real, error);
}

static void
plugged_disconnect (QurbModem *modem)
{
  QurbModem *real = ((PluggedModem *) modem)->real;
  real->ops->disconnect (real);
}

static GPtrArray *
plugged_read (QurbModem *modem, GError **error)
{
  QurbModem *real = ((PluggedModem *) modem)->real;
  return unplugged (modem, error) ? NULL : real->ops->read_inbox (real, error);
}

static gboolean
plugged_status (QurbModem *modem, gint *signal, gchar **network, GError **error)
{
  QurbModem *real = ((PluggedModem *) modem)->real;
  return !unplugged (modem, error) && real->ops->status (real, signal, network, error);
}

static void
plugged_free (QurbModem *modem)
{
  qurb_modem_free (((PluggedModem *) modem)->real);
  g_free (modem->name);
  g_free (modem);
}

static QurbSmsd *
new_daemon (DaemonFixture *f, QurbModem *modem)
{
  g_autoptr(GError) error = NULL;
  QurbSmsdConfig *config = qurb_smsd_config_load (f->config, &error);
  GPtrArray *modems = g_ptr_array_new ();
  QurbSmsd *smsd;

  g_assert_no_error (error);
  g_ptr_array_add (modems, modem);
  smsd = qurb_smsd_new (f->base.db, config, modems);
  g_ptr_array_unref (modems);
  return smsd;
}

static QurbModem *
gammu_modem (DaemonFixture *f)
{
  QurbGammuConfig gammu = { "modem", f->device, "none", "dummy", NULL, 5000 };
  return qurb_modem_gammu_new (&gammu);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
run_loop_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

/* In this process: the modem answers, the heartbeat moves; unplugged,
 * the daemon goes on trying, the heartbeat stays, and five minutes after
 * it status names the modem. */
static void
test_heartbeat_stops_with_the_modem (DaemonFixture *f, gconstpointer data)
{
  static const QurbModemOps plugged_ops = {
    plugged_connect, plugged_disconnect, plugged_read, NULL, NULL, NULL, NULL, plugged_free, plugged_status,
  };
  PluggedModem *modem = g_new0 (PluggedModem, 1);
  g_autofree gchar *first = NULL, *second = NULL, *gone = NULL, *still = NULL;
  g_autoptr(QurbStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  QurbSmsd *smsd;

  modem->base.ops = &plugged_ops;
  modem->base.name = g_strdup ("modem");
  modem->real = gammu_modem (f);
  write_config (f, 3600000);
  g_unsetenv ("QURB_NOW");
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  smsd = new_daemon (f, &modem->base);
  qurb_smsd_start (smsd);
  run_loop_for (300);
  first = seen_at (f->base.db);
  run_loop_for (2200);
  second = seen_at (f->base.db);
  g_assert_nonnull (first);
  g_assert_cmpstr (first, <, second);

  modem->unplugged = TRUE;
  run_loop_for (500);
  gone = seen_at (f->base.db);
  run_loop_for (2500);
  still = seen_at (f->base.db);
  g_assert_cmpstr (gone, ==, still);
  qurb_smsd_free (smsd);
  {
    g_autofree gchar *now = five_minutes_after (still);

    g_setenv ("QURB_NOW", now + strlen ("QURB_NOW="), TRUE);
    status = qurb_status_collect (f->base.db, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_false (status->healthy);
  g_assert_cmpuint (status->problems->len, ==, 1);
  g_assert_cmpstr (status->problems->pdata[0], ==, "modem modem not seen for 5 minutes");
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

static gint64
count_in (QurbDb *db, const gchar *sql)
{
  return qurb_test_query_int (db, sql);
}

/* A copy taken while the daemon answers is one instant of the database:
 * intact, every handled message with exactly one reply, every reply for
 * a handled message. */
static void
check_copy (const gchar *path, gint64 *handled, gint64 *sent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) copy = qurb_db_open (path, &error);

  g_assert_no_error (error);
  qurb_assert_query_text (copy, "PRAGMA integrity_check", "ok");
  *handled = count_in (copy, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'");
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'reply'"), ==, *handled);
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM messages o WHERE o.dir = 'out' AND NOT EXISTS"
                                   " (SELECT 1 FROM messages i WHERE i.id = o.reply_to AND i.state = 'handled')"), ==, 0);
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM sms_parts p WHERE message_id IS NOT NULL AND NOT EXISTS"
                                   " (SELECT 1 FROM messages m WHERE m.id = p.message_id)"), ==, 0);
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM messages WHERE dir = 'in'"), <=, 150);
  /* One modem: at most one message on it at that instant. */
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM messages WHERE state = 'sending'"), <=, 1);
  *sent = count_in (copy, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'");
  g_assert_cmpint (*sent, <=, *handled);
}

static void
test_backup_while_answering (DaemonFixture *f, gconstpointer data)
{
  g_autoptr(GSubprocess) proc = NULL;
  const gchar *sent = "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'";
  guint taken = 0, midway = 0;
  gint64 handled = 0, copied_sent = 0;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  /* One part every 20 ms: the sending lasts a few seconds. */
  write_config (f, 20);
  fill_inbox (f, 150);
  proc = start_daemon (f, NULL);
  while (handled < 150 || count_in (f->base.db, sent) < 150)
    {
      g_autofree gchar *path = g_strdup_printf ("%s/backup-%u.db", f->base.dir, taken++);
      g_auto(QurbRun) run = { 0 };

      if (g_get_monotonic_time () > deadline)
        g_error ("after %u backups: %" G_GINT64_FORMAT " handled, %" G_GINT64_FORMAT " sent", taken, handled,
                 count_in (f->base.db, sent));
      qurb_test_run_qurbctl (&run, f->base.db_path, NULL, "backup", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      check_copy (path, &handled, &copied_sent);
      midway += copied_sent > 0 && copied_sent < 150;
      g_unlink (path);
      g_usleep (100 * 1000);
    }
  qurb_test_stop_daemon (proc);
  g_test_message ("%u backups, %u of them while answers were being sent", taken, midway);
  g_assert_cmpuint (midway, >, 0);
}

/* A datagram socket standing for systemd's notify socket. */
static gint
notify_socket (const gchar *path)
{
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  gint fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_strlcpy (address.sun_path, path, sizeof address.sun_path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  return fd;
}

/* The next datagram, or "" after 10 s. */
static gchar *
next_notice (GSocket *socket)
{
  gchar buffer[512];
  gssize n;

  g_socket_set_timeout (socket, 10);
  n = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, NULL);
  buffer[MAX (n, 0)] = '\0';
  return g_strdup (buffer);
}

static void
test_notify_and_watchdog (DaemonFixture *f, gconstpointer data)
{
  g_autofree gchar *path = g_build_filename (f->base.dir, "notify", NULL);
  g_autofree gchar *notify = g_strconcat ("NOTIFY_SOCKET=", path, NULL);
  const gchar *env[] = { notify, "WATCHDOG_USEC=200000", "WATCHDOG_PID", NULL };
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *ready = NULL, *watchdog = NULL, *stopping = NULL;

  socket = g_socket_new_from_fd (notify_socket (path), &error);
  g_assert_no_error (error);
  write_config (f, 0);
  proc = start_daemon (f, env);
  ready = next_notice (socket);
  g_assert_true (g_str_has_prefix (ready, "READY=1\nSTATUS=answering on 1 modem(s)"));
  watchdog = next_notice (socket);
  g_assert_cmpstr (watchdog, ==, "WATCHDOG=1");
  g_subprocess_send_signal (proc, SIGTERM);
  do
    {
      g_free (stopping);
      stopping = next_notice (socket);
    }
  while (g_strcmp0 (stopping, "WATCHDOG=1") == 0);
  g_assert_cmpstr (stopping, ==, "STOPPING=1");
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
}

/* What the journal would get: each entry's fields, as "KEY=VALUE" lines. */
static GLogWriterOutput
record_fields (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  GString *entry = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_string_append_printf (entry, "%s=%s\n", fields[i].key, (const gchar *) fields[i].value);
  g_ptr_array_add (user_data, g_string_free (entry, FALSE));
  return G_LOG_WRITER_HANDLED;
}

typedef struct {
  GMainLoop *loop;
  QurbDb *db;
} Waiting;

static gboolean
quit_when_sent (gpointer data)
{
  Waiting *waiting = data;

  if (count_in (waiting->db, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'") >= 1)
    g_main_loop_quit (waiting->loop);
  return G_SOURCE_CONTINUE;
}

/* In this process, the daemon's log entries: the modem and the message
 * as fields, the number masked in the text. */
static void
test_journal_fields (DaemonFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  QurbSmsd *smsd;
  gboolean found = FALSE;

  write_config (f, 0);
  fill_inbox (f, 1);
  smsd = new_daemon (f, gammu_modem (f));
  g_log_set_writer_func (record_fields, entries, NULL);
  qurb_smsd_start (smsd);
  {
    Waiting waiting = { loop, f->base.db };
    guint source = g_timeout_add (50, quit_when_sent, &waiting);

    g_main_loop_run (loop);
    g_source_remove (source);
  }
  qurb_smsd_free (smsd);

  for (guint i = 0; i < entries->len; i++)
    {
      const gchar *entry = entries->pdata[i];

      g_test_message ("%s", entry);
      if (strstr (entry, " sent to ") != NULL)
        {
          found = TRUE;
          g_assert_nonnull (strstr (entry, "QURB_MODEM=modem\n"));
          g_assert_nonnull (strstr (entry, "QURB_MESSAGE_ID=2\n"));
          g_assert_nonnull (strstr (entry, "+2126*****678"));
          g_assert_null (strstr (entry, "+212612345678"));
        }
    }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, DaemonFixture, NULL, daemon_setup, func, daemon_teardown)
  ADD ("/ops-daemon/status-busy", test_status_of_a_busy_daemon);
  ADD ("/ops-daemon/heartbeat-stops", test_heartbeat_stops_with_the_modem);
  ADD ("/ops-daemon/backup-while-answering", test_backup_while_answering);
  ADD ("/ops-daemon/notify", test_notify_and_watchdog);
  ADD ("/ops-daemon/journal-fields", test_journal_fields);
  return g_test_run ();
}
