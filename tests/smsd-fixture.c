/* smsd-fixture.c — the daemon against Gammu's real dummy driver, for the
 * daemon's tests
 *
 * Messages are put into the dummy modem's inbox as smsbackup files
 * (written under a temporary name, then renamed); the daemon runs in
 * the test's main loop; what it sends is read back from capture-dir. A
 * FaultyModem wraps a real one and fails when told to. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qurb-test-util.h"
#include "smsd-fixture.h"

void
smsd_setup (SmsdFixture *f, gconstpointer data)
{
  g_autofree gchar *unique = NULL;

  qurb_fixture_setup (&f->base, data);
  qurb_fixture_load_corpus (&f->base);
  unique = g_path_get_basename (f->base.dir);

  for (guint i = 0; i < 2; i++)
    {
      /* Gammu locks a device by its base name (/var/lock/LCK..NAME):
       * names of their own, so that other runs on this machine never
       * hold ours. */
      f->device[i] = g_strdup_printf ("%s/%s-modem%u", f->base.dir, unique, i);
      f->capture[i] = g_strdup_printf ("%s/capture%u", f->base.dir, i);
      g_mkdir_with_parents (f->device[i], 0755);
      g_mkdir_with_parents (f->capture[i], 0755);
    }
}

void
smsd_teardown (SmsdFixture *f, gconstpointer data)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (f->device[i]);
      g_free (f->capture[i]);
    }
  qurb_fixture_teardown (&f->base, data);
}

/* The daemon on modem i (or both), through Gammu's dummy driver. The
 * dummy driver opens every possible inbox file on each read, so polls
 * are cheap only when spaced. */
QurbSmsd *
new_daemon_polling (SmsdFixture *f, guint first, guint count, guint poll_ms, guint send_ms)
{
  g_autoptr(GString) ini = g_string_new ("[sms]\nmax-replies-per-hour=100\n");
  g_autoptr(GError) error = NULL;
  QurbSmsdConfig *config;
  GPtrArray *modems = g_ptr_array_new ();

  for (guint i = first; i < first + count; i++)
    g_string_append_printf (ini, "[modem%s%s]\ndevice=%s\nconnection=none\nmodel=dummy\n"
                            "poll-interval-ms=%u\nsend-interval-ms=%u\ncapture-dir=%s\n",
                            i ? ":" : "", i ? "2" : "", f->device[i], poll_ms, send_ms, f->capture[i]);
  config = qurb_smsd_config_parse (ini->str, "test", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < config->modems->len; i++)
    {
      QurbModemConfig *m = config->modems->pdata[i];
      QurbGammuConfig gammu = { m->name, m->device, m->connection, m->model, m->capture_dir, 5000 };
      g_ptr_array_add (modems, qurb_modem_gammu_new (&gammu));
    }
  {
    QurbSmsd *smsd = qurb_smsd_new (f->base.db, config, modems);
    g_ptr_array_unref (modems);
    return smsd;
  }
}

QurbSmsd *
new_daemon (SmsdFixture *f, guint first, guint count)
{
  return new_daemon_polling (f, first, count, 100, 0);
}

/* One part into modem i's inbox, under the dummy driver's next number. */
void
inject (SmsdFixture *f, guint modem, const gchar *from, const gchar *text, gint ref, gint total,
        gint seq)
{
  QurbModemPart part = { (gchar *) from, (gchar *) text, NULL, ref, total, seq };
  g_autoptr(GError) error = NULL;

  for (guint n = 1; ; n++)
    {
      g_autofree gchar *path = g_strdup_printf ("%s/sms/1/%u", f->device[modem], n);
      g_autofree gchar *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0755);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      g_assert_true (qurb_gammu_write_part (path, &part, &error));
      g_assert_no_error (error);
      return;
    }
}

gint64
count (SmsdFixture *f, const gchar *sql)
{
  return qurb_test_query_int (f->base.db, sql);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the outbox is empty and nothing waits, or
 * seconds pass. */
void
run_until_quiet (SmsdFixture *f, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      g_timeout_add (100, quit_loop, loop);
      g_main_loop_run (loop);
      if (!qurb_test_sms_work_left (f->base.db, (const gchar *const[]) { f->device[0], f->device[1], NULL }))
        return;
    }
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const gchar *const *) a, *(const gchar *const *) b);
}

/* Every captured part, grouped into texts by recipient and reference. */
GHashTable *
captured_texts (SmsdFixture *f, guint modem, guint *n_parts)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (f->capture[modem], 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gchar *name;

  *n_parts = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);  /* the order they were sent */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree gchar *path = g_build_filename (f->capture[modem], names->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) parts = qurb_gammu_read_parts (path, &error);

      g_assert_no_error (error);
      for (guint p = 0; p < parts->len; p++)
        {
          QurbModemPart *part = parts->pdata[p];
          g_autofree gchar *key = g_strdup_printf ("%s#%d", part->sender, part->reference);
          const gchar *before = g_hash_table_lookup (texts, key);

          /* Parts are cut after a space: never inside a number or a word.
           * (Single parts carry no reference: -1.) */
          if (before != NULL && part->reference != -1)
            g_assert_true (g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (before + strlen (before)))));
          g_hash_table_insert (texts, g_strdup (key), g_strconcat (before ? before : "", part->text, NULL));
          (*n_parts)++;
        }
    }
  return texts;
}

/* The captured texts equal the replies in the database, one each. */
void
assert_replies_went_out (SmsdFixture *f, guint modem)
{
  g_autoptr(GHashTable) texts = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_parts, n_replies = 0;

  texts = captured_texts (f, modem, &n_parts);
  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (f->base.db),
                   "SELECT peer, reference, text FROM messages WHERE dir = 'out' AND state = 'sent'",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree gchar *key = g_strdup_printf ("%s#%d", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_int (stmt, 1));
      const gchar *sent = g_hash_table_lookup (texts, key);
      const gchar *expected = (const gchar *) sqlite3_column_text (stmt, 2);

      /* A single part carries no reference. */
      if (sent == NULL)
        {
          g_free (key);
          key = g_strdup_printf ("%s#-1", sqlite3_column_text (stmt, 0));
          sent = g_hash_table_lookup (texts, key);
        }
      g_assert_cmpstr (sent, ==, expected);
      n_replies++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_replies, >, 0);
}

static gboolean
fail (guint *budget, QurbModemError code, const gchar *what, GError **error)
{
  if (*budget == 0)
    return FALSE;
  (*budget)--;
  g_set_error (error, QURB_MODEM_ERROR, code, "injected: %s", what);
  return TRUE;
}

static gboolean
faulty_connect (QurbModem *modem, GError **error)
{
  FaultyModem *self = (FaultyModem *) modem;

  if (fail (&self->fail_connect, QURB_MODEM_ERROR_DEVICE, "device gone", error))
    return FALSE;
  self->connects++;
  return self->real->ops->connect (self->real, error);
}

static void
faulty_disconnect (QurbModem *modem)
{
  FaultyModem *self = (FaultyModem *) modem;
  self->real->ops->disconnect (self->real);
}

static GPtrArray *
faulty_read (QurbModem *modem, GError **error)
{
  FaultyModem *self = (FaultyModem *) modem;

  if (fail (&self->fail_read, QURB_MODEM_ERROR_TIMEOUT, "timeout", error))
    return NULL;
  return self->real->ops->read_inbox (self->real, error);
}

static gboolean
faulty_delete (QurbModem *modem, QurbModemPart *part, GError **error)
{
  FaultyModem *self = (FaultyModem *) modem;

  if (fail (&self->fail_delete, QURB_MODEM_ERROR_TIMEOUT, "delete timed out", error))
    return FALSE;
  return self->real->ops->delete_part (self->real, part, error);
}

static gpointer
faulty_encode (QurbModem *modem, const gchar *number, const gchar *text, guint8 reference,
               guint *n_parts, GError **error)
{
  FaultyModem *self = (FaultyModem *) modem;
  return self->real->ops->encode (self->real, number, text, reference, n_parts, error);
}

static gboolean
faulty_send (QurbModem *modem, gpointer encoded, guint index, gint *network_ref, GError **error)
{
  FaultyModem *self = (FaultyModem *) modem;

  if (fail (&self->fail_send, QURB_MODEM_ERROR_REFUSED, "send refused", error))
    return FALSE;
  return self->real->ops->send_part (self->real, encoded, index, network_ref, error);
}

static gboolean
faulty_status (QurbModem *modem, gint *signal, gchar **network, GError **error)
{
  FaultyModem *self = (FaultyModem *) modem;
  return self->real->ops->status (self->real, signal, network, error);
}

static void
faulty_free_encoded (gpointer encoded)
{
  g_free (encoded);
}

static void
faulty_free (QurbModem *modem)
{
  FaultyModem *self = (FaultyModem *) modem;
  qurb_modem_free (self->real);
  g_free (self);
}

static const QurbModemOps faulty_ops = {
  faulty_connect, faulty_disconnect, faulty_read, faulty_delete, faulty_encode, faulty_send,
  faulty_free_encoded, faulty_free, faulty_status,
};

FaultyModem *
faulty_modem_new (SmsdFixture *f, guint i)
{
  FaultyModem *modem = g_new0 (FaultyModem, 1);

  modem->parent.ops = &faulty_ops;
  modem->parent.name = "modem";
  modem->real = qurb_modem_gammu_new (&(QurbGammuConfig) { "modem", f->device[i], "none", "dummy",
                                                            f->capture[i], 5000 });
  return modem;
}
