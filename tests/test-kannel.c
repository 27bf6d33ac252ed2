/* test-kannel.c — qurb-smsd behind a real Kannel: bearerbox, smsbox and the
 * simulated SMSC on loopback, the real daemon on a fixture database.
 * 290 messages from phones, each answered exactly once — in the database
 * and as the phones receive it — while smsbox is stopped for a while and
 * started again, and while qurb-smsd is killed (SIGKILL) and started again,
 * four times: once with posts held and answers on their way, twice in the
 * middle of a burst, with parts on their way, and once while the posts it
 * holds wait to be committed together (another writer holds the
 * database): smsbox has no answer to them, and posts them again. Delivery
 * reports mark every answer delivered. Skipped where Kannel is not installed
 * (scripts/deps.sh installs it). */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "kannel-gateway.h"
#include "qurb-segments.h"
#include "qurb-test-util.h"

#define MESSAGES 290
#define SETTLE_SECONDS 90
/* Parts on their way to sendsms at once: what a kill may send twice. */
#define WINDOW 8
#define KILLS 4

/* Members of tests/corpus/members.csv, each asking different things
 * (one answer for the same text within five minutes is the rule): every
 * tenth message of MESSAGES needs a pair of its own. */
static const gchar *const members[] = {
  "+212612345678", "+212661234567", "+212700112233", "+212711223344", "+212662000111",
};
static const gchar *const member_texts[] = { "AIDE", "مساعدة", "CARAVANE", "قافلة", "MES RDV", "مواعيدي" };
G_STATIC_ASSERT (MESSAGES / 10 <= G_N_ELEMENTS (members) * G_N_ELEMENTS (member_texts));

typedef struct {
  QurbFixture fixture;
  QurbKannelGateway *gateway;
  gchar *config;
  GSubprocess *smsd;
  guint starts;
  gboolean smsbox_revived;
} Fixture;

static void
start_daemon (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree gchar *log = g_strdup_printf ("%s/qurb-smsd-%u.log", f->fixture.dir, ++f->starts);
  g_autoptr(GError) error = NULL;

  /* A daemon logs what goes wrong with its gateway as warnings and goes on. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, qurb_test_die_with_parent, NULL, NULL);
  f->smsd = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("QURB_SMSD"), "--config", f->config, NULL);
  g_assert_no_error (error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree gchar *credentials = NULL;
  g_autofree gchar *ini = NULL;
  g_autoptr(GError) error = NULL;

  qurb_fixture_setup (&f->fixture, data);
  if (!qurb_kannel_gateway_available ())
    return;
  qurb_fixture_load_corpus (&f->fixture);
  /* Retries 1 s apart, many of them: qurb-smsd may be away a while. */
  f->gateway = qurb_kannel_gateway_start (f->fixture.dir, 30, 1);
  credentials = qurb_fixture_write (&f->fixture, "kannel.credentials", "username=qurb\npassword=qurbpw\n");
  ini = g_strdup_printf ("[database]\npath=%s\n"
                         "[kannel]\nlisten=127.0.0.1:%u\nsendsms-url=http://127.0.0.1:%u/cgi-bin/sendsms\n"
                         "credentials=%s\nshort-code=2525\npoll-interval-ms=100\nhold-seconds=5\n"
                         "sendsms-window=%u\n"
                         "[sms]\nmax-replies-per-hour=1000\n",
                         f->fixture.db_path, f->gateway->app_port, f->gateway->sendsms_port, credentials,
                         WINDOW);
  f->config = qurb_fixture_write (&f->fixture, "qurb.conf", ini);
  start_daemon (f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->smsd != NULL)
    {
      g_subprocess_send_signal (f->smsd, SIGTERM);
      g_subprocess_wait (f->smsd, NULL, NULL);
      g_clear_object (&f->smsd);
    }
  g_clear_pointer (&f->gateway, qurb_kannel_gateway_free);
  g_free (f->config);
  qurb_fixture_teardown (&f->fixture, data);
}

/* Message i (1-based): every tenth from a member, the others each from a
 * number no member registered, in French or in Arabic. */
static void
send_message (Fixture *f, guint i)
{
  g_autofree gchar *from = NULL, *text = NULL;

  if (i % 10 == 0)
    {
      guint k = i / 10 - 1;

      from = g_strdup (members[k % G_N_ELEMENTS (members)]);
      text = g_strdup (member_texts[k / G_N_ELEMENTS (members)]);
    }
  else
    {
      from = g_strdup_printf ("+21265%07u", i);
      text = g_strdup_printf (i % 2 ? "ETAT %u" : "حالة %u", i);
    }
  qurb_kannel_gateway_send (f->gateway, from, "2525", text);
}

static gint64
count (Fixture *f, const gchar *sql)
{
  return qurb_test_query_int (f->fixture.db, sql);
}

/* n messages in, each handled, each with exactly one answer, every
 * answer delivered, and as many parts at the phones as were sent. */
static void
wait_settled (Fixture *f, gint64 n)
{
  gint64 until = g_get_monotonic_time () + SETTLE_SECONDS * G_USEC_PER_SEC;

  while (TRUE)
    {
      gint64 in = count (f, "SELECT count(*) FROM messages WHERE dir = 'in'");
      gint64 handled = count (f, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'");
      gint64 answers = count (f, "SELECT count(DISTINCT reply_to) FROM messages WHERE dir = 'out'");
      gint64 delivered = count (f, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'delivered'");
      gint64 parts = count (f, "SELECT count(*) FROM sms_sent_parts");
      guint at_phones = qurb_kannel_gateway_read_mts (f->gateway);

      if (qurb_kannel_gateway_revive_smsbox (f->gateway))
        f->smsbox_revived = TRUE;

      if (in == n && handled == n && answers == n && delivered == n && at_phones >= parts)
        return;
      if (g_get_monotonic_time () > until)
        {
          g_autofree gchar *states = qurb_test_query_text (f->fixture.db,
              "SELECT group_concat(dir || ':' || state || '=' || n, ' ') FROM"
              " (SELECT dir, state, count(*) AS n FROM messages GROUP BY dir, state)");
          g_error ("waiting for %" G_GINT64_FORMAT " messages: %s; %" G_GINT64_FORMAT " parts sent,"
                   " %u at the phones (logs in %s)%s", n, states, parts, at_phones, f->fixture.dir,
                   f->smsbox_revived ? "; smsbox panicked and was started again: what it held"
                   " when it died, Kannel does not post again" : "");
        }
      g_usleep (100 * 1000);
    }
}

static void
add_expected (GHashTable *expected, const gchar *key)
{
  g_hash_table_insert (expected, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, key)) + 1));
}

/* "to|header|text" for a part as the phone received it; a part with a
 * header does not say its alphabet, so both readings are tried. */
static gchar *
seen_key (GHashTable *expected, const QurbKannelMt *mt)
{
  gsize length;
  const gchar *bytes = g_bytes_get_data (mt->payload, &length);
  g_autofree gchar *utf8 = g_strndup (bytes, length);
  g_autofree gchar *ucs2 = g_convert (bytes, length, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  gchar *as_text = g_strdup_printf ("%s|%s|%s", mt->to, mt->udh, utf8);
  gchar *as_ucs2 = g_strdup_printf ("%s|%s|%s", mt->to, mt->udh, ucs2 ? ucs2 : "");

  if (mt->ucs2 || (!g_hash_table_contains (expected, as_text) && g_hash_table_contains (expected, as_ucs2)))
    {
      g_free (as_text);
      return as_ucs2;
    }
  g_free (as_ucs2);
  return as_text;
}

/* What the phones received is what the database says was sent: every part
 * of every answer, nothing else, and at most `repeats` parts twice (a kill
 * between smsbox taking a part and the database recording it repeats that
 * part, as a modem would: one per message under way, WINDOW at most). */
static void
check_phones (Fixture *f, guint repeats)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  guint n_expected = 0, twice = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (f->fixture.db),
                                       "SELECT peer, reference, text FROM messages WHERE dir = 'out'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const gchar *peer = (const gchar *) sqlite3_column_text (stmt, 0);
      g_autoptr(GPtrArray) pieces = qurb_sms_split ((const gchar *) sqlite3_column_text (stmt, 2));

      for (guint i = 0; i < pieces->len; i++)
        {
          g_autofree gchar *udh = pieces->len == 1 ? g_strdup ("")
            : g_strdup_printf ("050003%02x%02x%02x", sqlite3_column_int (stmt, 1), pieces->len, i + 1);
          g_autofree gchar *part = g_strdup_printf ("%s|%s|%s", peer, udh, (const gchar *) pieces->pdata[i]);

          add_expected (expected, part);
          n_expected++;
        }
    }
  sqlite3_finalize (stmt);

  qurb_kannel_gateway_read_mts (f->gateway);
  for (guint i = 0; i < f->gateway->mts->len; i++)
    {
      g_autofree gchar *part = seen_key (expected, f->gateway->mts->pdata[i]);

      if (!g_hash_table_contains (expected, part))
        g_error ("the phone %s received a part no answer holds: %s", ((QurbKannelMt *) f->gateway->mts->pdata[i])->to, part);
      add_expected (seen, part);
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint times = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));

      if (times < GPOINTER_TO_UINT (value))
        g_error ("a part never reached its phone: %s", (const gchar *) key);
      twice += times - GPOINTER_TO_UINT (value);
    }
  g_test_message ("%u parts expected, %u received, %u twice", n_expected, f->gateway->mts->len, twice);
  g_assert_cmpuint (twice, <=, repeats);
}

/* Every message answered once, in the database. */
static void
check_database (Fixture *f, gint64 n)
{
  g_assert_cmpint (count (f, "SELECT count(*) FROM sms_parts"), ==, n);  /* no part stored twice */
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in'"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT reply_to) FROM messages WHERE dir = 'out' AND kind = 'reply'"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'delivered'"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sms_sent_parts WHERE delivered_at IS NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sms_sent_parts WHERE modem = 'kannel'"), >, n);  /* some in two parts */
}

static void
kill_daemon (Fixture *f)
{
  g_subprocess_send_signal (f->smsd, SIGKILL);
  g_subprocess_wait (f->smsd, NULL, NULL);
  g_clear_object (&f->smsd);
}

/* Half a burst in; once answers of it are on their way, the daemon is
 * killed; the other half comes while it is away. */
static void
burst_and_kill (Fixture *f, guint *i, guint n)
{
  gint64 parts = count (f, "SELECT count(*) FROM sms_sent_parts");
  gint64 until = g_get_monotonic_time () + SETTLE_SECONDS * G_USEC_PER_SEC;
  guint last = *i + n;

  while (*i < last - n / 2)
    send_message (f, ++*i);
  while (count (f, "SELECT count(*) FROM sms_sent_parts") == parts)
    {
      if (g_get_monotonic_time () > until)
        g_error ("no answer went out (logs in %s)", f->fixture.dir);
      g_usleep (1000);
    }
  kill_daemon (f);
  while (*i < last)
    send_message (f, ++*i);
  start_daemon (f);
}

static void
test_exactly_once (Fixture *f, gconstpointer data)
{
  guint i = 0;

  if (f->gateway == NULL)
    {
      g_test_skip ("Kannel is not installed (apt-get install kannel kannel-extras)");
      return;
    }

  /* 1. In and out as usual. */
  while (i < 70)
    send_message (f, ++i);
  wait_settled (f, i);
  check_phones (f, 0);

  /* 2. smsbox stopped for a while: bearerbox keeps what phones send and
   * hands it over when smsbox is back. Stopped when no answer is on its
   * way, for an answer that fails is retried a minute later by the
   * daemon's own rule, and the tests' pinned clock would hold it forever. */
  qurb_kannel_gateway_stop_smsbox (f->gateway);
  while (i < 130)
    send_message (f, ++i);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in'"), ==, 70);
  qurb_kannel_gateway_start_smsbox (f->gateway);
  wait_settled (f, i);
  check_phones (f, 0);

  /* 3. qurb-smsd killed mid-run, with posts held and answers on their way;
   * what it held unanswered Kannel posts again, and what it had stored
   * already is recognised. */
  while (i < 165)
    send_message (f, ++i);
  kill_daemon (f);
  while (i < 200)
    send_message (f, ++i);
  g_usleep (G_USEC_PER_SEC);
  start_daemon (f);
  wait_settled (f, i);

  /* 4. Killed in the middle of bursts: posts stored together, answers
   * claimed together, parts on their way — none lost, none twice. */
  for (guint k = 0; k < 2; k++)
    {
      burst_and_kill (f, &i, 40);
      wait_settled (f, i);
    }

  /* 5. Killed while the posts it holds wait for their transaction (an
   * import holds the database): none was answered 200, so Kannel posts
   * each again, and each is stored once. */
  g_assert_true (qurb_db_exec (f->fixture.db, "BEGIN IMMEDIATE", NULL));
  while (i < MESSAGES)
    send_message (f, ++i);
  g_usleep (G_USEC_PER_SEC / 2);
  kill_daemon (f);
  g_assert_true (qurb_db_exec (f->fixture.db, "ROLLBACK", NULL));
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in'"), ==, 280);
  start_daemon (f);
  wait_settled (f, MESSAGES);
  {
    /* Kannel's failed attempts while the daemon was away, posted again */
    g_autofree gchar *log = NULL;
    g_autofree gchar *path = g_build_filename (f->fixture.dir, "smsbox.log", NULL);
    g_autofree gchar *failed = g_strdup_printf ("Couldn't fetch <http://127.0.0.1:%u/", f->gateway->app_port);
    guint attempts = 0;

    g_assert_true (g_file_get_contents (path, &log, NULL, NULL));
    for (const gchar *at = strstr (log, failed); at != NULL; at = strstr (at + 1, failed))
      attempts++;
    g_test_message ("%u posts failed while qurb-smsd was away, posted again", attempts);
    g_assert_cmpuint (attempts, >, 0);
  }
  check_phones (f, KILLS * WINDOW);
  check_database (f, MESSAGES);

  /* SIGTERM: a clean stop (and, under the sanitizers, nothing leaked) */
  {
    g_autoptr(GError) error = NULL;

    g_subprocess_send_signal (f->smsd, SIGTERM);
    g_subprocess_wait_check (f->smsd, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&f->smsd);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/kannel/exactly-once", Fixture, NULL, setup, test_exactly_once, teardown);
  return g_test_run ();
}
