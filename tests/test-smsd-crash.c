/* test-smsd-crash.c — qurb-smsd killed with SIGKILL at random moments
 * while it works, and started again: two daemons, one per modem, on one
 * database, mixed single and multipart texts in and out. At the end every
 * message has exactly one reply, sent whole through one modem; none lost,
 * none twice, none stuck in 'sending'. The one part on the air when its
 * daemon was killed, before it was recorded, may go twice: counted.
 *
 * QURB_CRASH_KILLS sets the number of kills (default 24, for CI); the
 * long run is QURB_CRASH_KILLS=120 (bench/smsd-crash.sh). */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "qurb-modem-gammu.h"
#include "qurb-test-util.h"

#define DEFAULT_KILLS 24
#define MESSAGES_PER_KILL 3
/* The claim lease of the daemons under test: a daemon kept down longer
 * than this has its message taken over by the other. */
#define LEASE_SECONDS 1

static const gchar *const senders[] = {
  "+212612345678", "+212661234567", "+212700112233", "+212711223344", "+212662000111",
};

static GSubprocess *
start_daemon (const gchar *config, const gchar *modem)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  /* A daemon logs what goes wrong with its modem as warnings and goes on. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_set_child_setup (launcher, qurb_test_die_with_parent, NULL, NULL);
  if (modem != NULL)
    proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("QURB_SMSD"), "--config", config,
                                        "--modem", modem, NULL);
  else
    proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("QURB_SMSD"), "--config", config, NULL);
  g_assert_no_error (error);
  return proc;
}

static void
write_part (const gchar *device, guint *slot, const gchar *from, const gchar *text, gint ref, gint total,
            gint seq)
{
  g_autofree gchar *path = g_strdup_printf ("%s/sms/1/%u", device, ++*slot);
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  QurbModemPart part = { (gchar *) from, (gchar *) text, NULL, ref, total, seq };

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (qurb_gammu_write_part (path, &part, &error));
  g_assert_no_error (error);
}

/* Message i into one modem's inbox: a third single texts with a one-part
 * answer, a third single with a two-part answer (Arabic), a third in two
 * or three parts. */
static void
write_message (const gchar *device, guint *slot, guint i)
{
  const gchar *from = senders[i % G_N_ELEMENTS (senders)];
  g_autofree gchar *text = NULL;

  switch (i % 6)
    {
    case 0: case 3:
      text = g_strdup_printf ("AIDE %u", i);
      write_part (device, slot, from, text, -1, 1, 1);
      break;
    case 1: case 4:
      text = g_strdup_printf ("قافلة %u", i);
      write_part (device, slot, from, text, -1, 1, 1);
      break;
    case 2:
      text = g_strdup_printf ("numero %u", i);
      write_part (device, slot, from, text, i % 256, 2, 2);
      write_part (device, slot, from, "CARAVANE svp ", i % 256, 2, 1);
      break;
    default:
      text = g_strdup_printf ("رقم %u", i);
      write_part (device, slot, from, "السلام عليكم، ", i % 256, 3, 1);
      write_part (device, slot, from, "قافلة ", i % 256, 3, 2);
      write_part (device, slot, from, text, i % 256, 3, 3);
    }
}

/* What went on the air, from each modem's capture-dir: "modem|peer|
 * reference|seq" → times. */
static guint
read_captures (GHashTable *on_air, const gchar *modem, const gchar *capture)
{
  g_autoptr(GDir) dir = g_dir_open (capture, 0, NULL);
  const gchar *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (capture, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) parts = NULL;

      /* Killed while writing its capture: the part went on the air. */
      if (g_str_has_suffix (name, ".part"))
        {
          n++;
          continue;
        }
      parts = qurb_gammu_read_parts (path, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < parts->len; i++)
        {
          QurbModemPart *part = parts->pdata[i];
          gchar *key = g_strdup_printf ("%s|%s|%d|%d", modem, part->sender, part->reference, part->seq);


          g_hash_table_insert (on_air, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (on_air, key)) + 1));
          n++;
        }
    }
  return n;
}

static guint
kills_wanted (void)
{
  const gchar *env = g_getenv ("QURB_CRASH_KILLS");
  guint64 kills = DEFAULT_KILLS;

  if (env != NULL && *env != '\0')
    g_assert_true (g_ascii_string_to_unsigned (env, 10, 1, 10000, &kills, NULL));
  return kills;
}

static void
test_crash (QurbFixture *fixture, gconstpointer data)
{
  const gchar *const modems[2] = { "modem", "modem:2" };
  g_autofree gchar *unique = g_path_get_basename (fixture->dir);
  gchar *device[2], *capture[2];   /* freed at the end */
  g_autofree gchar *config = g_build_filename (fixture->dir, "qurb.conf", NULL);
  g_autoptr(GString) ini = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GHashTable) on_air = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSubprocess *procs[2];
  guint kills = kills_wanted (), messages = kills * MESSAGES_PER_KILL, slot[2] = { 0, 0 };
  guint captured = 0, recorded, twice, missing = 0, kept_down = 0;
  sqlite3_stmt *stmt = NULL;

  qurb_fixture_load_corpus (fixture);
  g_string_append_printf (ini, "[database]\npath=%s\n[sms]\nmax-replies-per-hour=100000\n"
                          "claim-lease-seconds=%d\n", fixture->db_path, LEASE_SECONDS);
  for (guint m = 0; m < 2; m++)
    {
      /* Gammu locks a device by its base name: one of our own. */
      device[m] = g_strdup_printf ("%s/%s-modem%u", fixture->dir, unique, m);
      capture[m] = g_strdup_printf ("%s/capture%u", fixture->dir, m);
      g_mkdir_with_parents (capture[m], 0755);
      /* One part a tick, so that kills fall between the parts of a text. */
      g_string_append_printf (ini, "[%s]\ndevice=%s\nconnection=none\nmodel=dummy\npoll-interval-ms=100\n"
                              "send-interval-ms=20\ncapture-dir=%s\n", modems[m], device[m], capture[m]);
    }
  g_assert_true (g_file_set_contents (config, ini->str, -1, &error));
  for (guint i = 0; i < messages; i++)
    write_message (device[i % 2], &slot[i % 2], i);

  for (guint m = 0; m < 2; m++)
    procs[m] = start_daemon (config, modems[m]);
  for (guint k = 0; k < kills; k++)
    {
      guint victim = g_rand_int_range (rand, 0, 2);

      g_usleep (g_rand_int_range (rand, 50, 600) * 1000);
      g_subprocess_send_signal (procs[victim], SIGKILL);
      g_subprocess_wait (procs[victim], NULL, NULL);
      g_object_unref (procs[victim]);
      /* Now and then down for longer than the lease: the other daemon
       * takes its message over. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          kept_down++;
          g_usleep ((LEASE_SECONDS * 1000 + g_rand_int_range (rand, 200, 800)) * 1000);
        }
      procs[victim] = start_daemon (config, modems[victim]);
    }
  {
    gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

    /* Past start-up (a signal before main() runs kills by default), and
     * one poll at least. */
    g_usleep (G_USEC_PER_SEC);
    while (g_get_monotonic_time () < deadline &&
           qurb_test_sms_work_left (fixture->db, (const gchar *const[]) { device[0], device[1], NULL }))
      g_usleep (100 * 1000);
    for (guint m = 0; m < 2; m++)
      {
        qurb_test_stop_daemon (procs[m]);
        g_object_unref (procs[m]);
      }
  }

  {
    g_autofree gchar *states = qurb_test_query_text (fixture->db,
        "SELECT group_concat(dir || ':' || state || '=' || n, ' ') FROM"
        " (SELECT dir, state, count(*) AS n FROM messages GROUP BY dir, state)");
    g_test_message ("messages by state: %s", states);
  }
  for (guint m = 0; m < 2; m++)
    {
      g_assert_cmpuint (qurb_test_modem_inbox_size (device[m]), ==, 0);
      captured += read_captures (on_air, modems[m], capture[m]);
    }

  /* Every final round on the air whole, through the modem that recorded
   * it, under the message's reference: the member's phone can join it. */
  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (fixture->db),
                   "SELECT p.modem, m.peer, CASE WHEN n.parts > 1 THEN m.reference ELSE -1 END, p.seq"
                   " FROM messages m JOIN sms_sent_parts p ON p.message_id = m.id AND p.send_round = m.send_round"
                   " JOIN (SELECT message_id, send_round, count(*) AS parts FROM sms_sent_parts"
                   "       GROUP BY message_id, send_round) n ON n.message_id = m.id AND n.send_round = m.send_round"
                   " WHERE m.dir = 'out'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree gchar *key = g_strdup_printf ("%s|%s|%d|%d", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                                               sqlite3_column_int (stmt, 3));
      if (!g_hash_table_contains (on_air, key))
        {
          if (missing++ < 3)
            g_test_message ("not on the air: %s", key);
        }
    }
  sqlite3_finalize (stmt);

  recorded = qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_sent_parts");
  twice = captured - recorded;
  g_test_message ("%u kills (%u kept down past the lease), %u messages: lost %" G_GINT64_FORMAT
                  ", duplicated replies %" G_GINT64_FORMAT ", split across modems %" G_GINT64_FORMAT
                  ", stuck in sending %" G_GINT64_FORMAT "; parts on the air %u, recorded %u, sent twice %u;"
                  " messages started again whole %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " parts of abandoned rounds)",
                  kills, kept_down, messages,
                  messages - qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'"),
                  qurb_test_query_int (fixture->db, "SELECT count(*) - count(DISTINCT reply_to) FROM messages WHERE dir = 'out'"),
                  qurb_test_query_int (fixture->db, "SELECT count(*) FROM (SELECT 1 FROM sms_sent_parts"
                                       " GROUP BY message_id, send_round HAVING count(DISTINCT modem) > 1)"),
                  qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE state = 'sending'"),
                  captured, recorded, twice,
                  qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE dir = 'out' AND send_round > 0"),
                  qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_sent_parts p JOIN messages m"
                                       " ON m.id = p.message_id WHERE p.send_round < m.send_round"));

  /* Every message stored once, answered once, the answer sent. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE dir = 'in'"), ==, messages);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'"), ==, messages);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'reply'"), ==, messages);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(DISTINCT reply_to) FROM messages WHERE dir = 'out'"), ==, messages);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'"), ==, messages);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE state = 'sending'"), ==, 0);
  /* One modem per round; every final round whole on the air. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM (SELECT 1 FROM sms_sent_parts"
                   " GROUP BY message_id, send_round HAVING count(DISTINCT modem) > 1)"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages m WHERE dir = 'out' AND"
                   " (SELECT count(*) FROM sms_sent_parts p WHERE p.message_id = m.id AND p.send_round = m.send_round)"
                   " <> (SELECT max(seq) FROM sms_sent_parts p WHERE p.message_id = m.id AND p.send_round = m.send_round)"),
                   ==, 0);
  g_assert_cmpuint (missing, ==, 0);
  /* At least once for the part on the air at a kill: at most one a kill. */
  g_assert_cmpuint (captured, >=, recorded);
  g_assert_cmpuint (twice, <=, kills);

  for (guint m = 0; m < 2; m++)
    {
      /* Gammu leaves the lock of a killed daemon (stale, taken over by the
       * next): not ours to leave behind. */
      g_autofree gchar *lock = g_strdup_printf ("/var/lock/LCK..%s-modem%u", unique, m);
      g_unlink (lock);
      g_free (device[m]);
      g_free (capture[m]);
      device[m] = capture[m] = NULL;
    }
}

/* Waits until n answers have gone out; their count. */
static gint64
wait_for_sent (QurbDb *db, gint64 n)
{
  return qurb_test_wait_for_int (db, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'", n);
}

/* SIGHUP: the configuration read again, the daemon still answering. */
static void
test_reload (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *unique = g_path_get_basename (fixture->dir);
  g_autofree gchar *device = g_strdup_printf ("%s/%s-modem", fixture->dir, unique);
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
  proc = start_daemon (config, NULL);

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
