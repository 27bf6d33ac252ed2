/* test-smsd.c — the daemon against Gammu's real dummy driver
 *
 * Messages are put into the dummy modem's inbox as smsbackup files
 * (written under a temporary name, then renamed); the daemon runs in
 * this process's main loop; what it sends is read back from capture-dir. */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "qurb-broadcast.h"
#include "qurb-import.h"
#include "qurb-modem-gammu.h"
#include "qurb-outbox.h"
#include "qurb-smsd.h"
#include "qurb-test-util.h"

typedef struct {
  QurbFixture base;
  gchar *device[2];
  gchar *capture[2];
} SmsdFixture;

static void
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

static void
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
static QurbSmsd *
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

static QurbSmsd *
new_daemon (SmsdFixture *f, guint first, guint count)
{
  return new_daemon_polling (f, first, count, 100, 0);
}

/* One part into modem i's inbox, under the dummy driver's next number. */
static void
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

static gint64
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
static void
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
static GHashTable *
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
static void
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

static void
test_single_and_multipart (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(QurbSmsd) smsd = new_daemon (f, 0, 1);

  inject (f, 0, "+212612345678", "ETAT 2024001234", -1, 1, 1);
  inject (f, 0, "+212661234567", "Bonjour, je voudrais connaître l'état de mon ", 31, 2, 1);
  inject (f, 0, "+212661234567", "dossier 2024005678 svp", 31, 2, 2);
  /* Arabic, three parts arriving out of order. */
  inject (f, 0, "+212700112233", "2023009999 من فضلك", 200, 3, 3);
  inject (f, 0, "+212700112233", "السلام عليكم، ", 200, 3, 1);
  inject (f, 0, "+212700112233", "حالة الملف رقم ", 200, 3, 2);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 10);

  g_assert_cmpuint (qurb_test_modem_inbox_size (f->device[0]), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'"), ==, 3);
  /* Exactly one reply to each. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT reply_to) FROM messages WHERE dir = 'out'"), ==, 3);
  qurb_assert_query_text (f->base.db, "SELECT text FROM messages WHERE dir = 'in' AND peer = '+212700112233'",
                          "السلام عليكم، حالة الملف رقم 2023009999 من فضلك");
  assert_replies_went_out (f, 0);
}

static void
test_seen_twice_and_missing_part (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(QurbSmsd) smsd = new_daemon (f, 0, 1);

  /* The same part twice (a delete that failed, read again). */
  inject (f, 0, "+212612345678", "MESRDV", -1, 1, 1);
  inject (f, 0, "+212612345678", "MESRDV", -1, 1, 1);
  /* A long text whose second part never comes. */
  inject (f, 0, "+212661234567", "Dossier 2025000101, ", 9, 2, 1);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 3);

  g_assert_cmpuint (qurb_test_modem_inbox_size (f->device[0]), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sms_parts WHERE message_id IS NULL"), ==, 1);

  /* Ten minutes on, the rest will not come: answered from what came,
   * since it is understood (DESIGN.md 3.1), not silently ignored. */
  g_setenv ("QURB_NOW", "2027-01-15T10:11:00", TRUE);
  run_until_quiet (f, 3);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_assert_query_text (f->base.db, "SELECT state || ' ' || error FROM messages"
                          " WHERE dir = 'in' AND peer = '+212661234567'", "handled parts missing");
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 2);
}

static void
test_two_daemons_share_the_outbox (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) second_db = qurb_db_open (f->base.db_path, &error);
  g_autoptr(QurbSmsd) a = NULL;
  g_autoptr(QurbSmsd) b = NULL;
  guint parts_a = 0, parts_b = 0;

  g_assert_no_error (error);
  g_assert_true (qurb_db_exec (f->base.db, "BEGIN IMMEDIATE", NULL));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree gchar *text = g_strdup_printf ("Notice %u: %s", i, i % 3 ? "court" :
          "un texte assez long pour tenir sur deux parties d'un SMS, afin que les deux modems "
          "se partagent aussi des messages de plusieurs parties sans jamais en envoyer un deux fois.");
      g_assert_true (qurb_outbox_queue (f->base.db, &(QurbOutgoing) {
                       .peer = "+212612345678", .text = text, .kind = "notice",
                       .priority = QURB_PRIORITY_NOTICE }, NULL, &error));
    }
  g_assert_true (qurb_db_exec (f->base.db, "COMMIT", NULL));
  /* A part a tick each, so that the two take turns. */
  a = new_daemon_polling (f, 0, 1, 2000, 5);

  /* The second daemon has its own connection, as another process would. */
  {
    g_autoptr(GString) ini = g_string_new (NULL);
    QurbSmsdConfig *config;
    GPtrArray *modems = g_ptr_array_new ();
    g_string_append_printf (ini, "[modem:2]\ndevice=%s\nconnection=none\nmodel=dummy\n"
                            "poll-interval-ms=2000\nsend-interval-ms=5\ncapture-dir=%s\n",
                            f->device[1], f->capture[1]);
    config = qurb_smsd_config_parse (ini->str, "test", &error);
    g_ptr_array_add (modems, qurb_modem_gammu_new (&(QurbGammuConfig) {
                       "modem:2", f->device[1], "none", "dummy", f->capture[1], 5000 }));
    b = qurb_smsd_new (second_db, config, modems);
    g_ptr_array_unref (modems);
  }
  qurb_smsd_start (a);
  qurb_smsd_start (b);
  run_until_quiet (f, 20);

  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'"), ==, 200);
  g_hash_table_unref (captured_texts (f, 0, &parts_a));
  g_hash_table_unref (captured_texts (f, 1, &parts_b));
  g_test_message ("modem 1 sent %u parts, modem 2 %u", parts_a, parts_b);
  /* Nothing twice: every part the network took, once, by one modem. */
  g_assert_cmpint (parts_a + parts_b, ==, count (f, "SELECT count(*) FROM sms_sent_parts"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM sms_sent_parts"), ==,
                   count (f, "SELECT sum(CASE WHEN length(text) > 160 THEN 2 ELSE 1 END) FROM messages WHERE dir = 'out'"));
  g_assert_cmpuint (parts_a, >, 0);
  g_assert_cmpuint (parts_b, >, 0);
}

#define BROADCAST_MEMBERS 1000
#define BROADCAST_FR "Portes ouvertes samedi 23 janvier a l'agence, de 9h a 16h."
#define BROADCAST_AR "جودة الخدمات مسؤوليتنا: أبواب مفتوحة يوم السبت 23 يناير بالوكالة، من التاسعة إلى الرابعة."

/* An announcement to every member, through the daemon on two modems:
 * each member gets exactly one message, in their own language. */
static void
test_broadcast_to_1000_members (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new (
      "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n");
  g_autofree gchar *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbSmsd) smsd = NULL;
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  QurbAnnouncementDraft draft = { "Portes ouvertes", "أبواب مفتوحة", BROADCAST_FR, BROADCAST_AR,
                                  "all", NULL, NULL, "test" };
  QurbBroadcastProgress progress;
  QurbImportStats stats;
  sqlite3_stmt *stmt = NULL;
  guint parts[2], members = 0;
  gint64 id;

  for (guint i = 0; i < BROADCAST_MEMBERS; i++)
    g_string_append_printf (csv, "%u,BR%u,NOM,Prenom,,,1980-01-01,0670%06u,%s,Tata\n",
                            300000 + i, i, i, i % 3 ? "fr" : "ar");
  path = qurb_fixture_write (&f->base, "members-1000.csv", csv->str);
  g_assert_true (qurb_import_file (f->base.db, QURB_IMPORT_MEMBERS, path, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (qurb_announcement_create (f->base.db, &draft, &id, &error));

  smsd = new_daemon (f, 0, 2);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 120);

  /* What each phone received, over both modems. */
  for (guint m = 0; m < 2; m++)
    {
      g_autoptr(GHashTable) texts = captured_texts (f, m, &parts[m]);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree gchar *phone = g_strndup (key, strchr (key, '#') - (gchar *) key);
          /* Exactly one message per phone. */
          g_assert_false (g_hash_table_contains (sent, phone));
          g_hash_table_insert (sent, g_steal_pointer (&phone), g_strdup (value));
        }
    }
  g_test_message ("modem 1 sent %u parts, modem 2 %u", parts[0], parts[1]);
  g_assert_cmpuint (parts[0], >, 0);
  g_assert_cmpuint (parts[1], >, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (f->base.db),
                   "SELECT phone, lang FROM members WHERE phone IS NOT NULL", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const gchar *got = g_hash_table_lookup (sent, (const gchar *) sqlite3_column_text (stmt, 0));

      g_assert_cmpstr (got, ==, g_str_equal ((const gchar *) sqlite3_column_text (stmt, 1), "ar")
                                ? BROADCAST_AR : BROADCAST_FR);
      members++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (members, ==, BROADCAST_MEMBERS + 6);   /* and the corpus's six with a phone */
  g_assert_cmpuint (g_hash_table_size (sent), ==, members);

  g_assert_true (qurb_broadcast_progress (f->base.db, id, &progress, &error));
  g_assert_cmpint (progress.total, ==, members);
  g_assert_cmpint (progress.sent + progress.delivered, ==, members);
  g_assert_cmpfloat (qurb_broadcast_progress_done (&progress), ==, 1.0);
  g_assert_true (qurb_broadcasts_queue_due (f->base.db, NULL, &error));
  qurb_assert_query_text (f->base.db, "SELECT state FROM announcements", "done");
}

/* A modem that fails when told to, around a real one: the seam through
 * which timeouts, a device that vanished and refused sends are tried. */
typedef struct {
  QurbModem parent;
  QurbModem *real;
  guint fail_connect, fail_read, fail_delete, fail_send;
  guint connects;
} FaultyModem;

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

static FaultyModem *
faulty_modem_new (SmsdFixture *f, guint i)
{
  FaultyModem *modem = g_new0 (FaultyModem, 1);

  modem->parent.ops = &faulty_ops;
  modem->parent.name = "modem";
  modem->real = qurb_modem_gammu_new (&(QurbGammuConfig) { "modem", f->device[i], "none", "dummy",
                                                            f->capture[i], 5000 });
  return modem;
}

static void
test_faults (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *ini = g_strdup_printf ("[modem]\ndevice=%s\nconnection=none\nmodel=dummy\n"
                                           "poll-interval-ms=100\nsend-interval-ms=0\ncapture-dir=%s\n",
                                           f->device[0], f->capture[0]);
  QurbSmsdConfig *config = qurb_smsd_config_parse (ini, "test", &error);
  FaultyModem *modem = faulty_modem_new (f, 0);
  g_autoptr(GPtrArray) modems = g_ptr_array_new ();
  g_autoptr(QurbSmsd) smsd = NULL;

  modem->fail_connect = 2;
  modem->fail_read = 1;
  modem->fail_delete = 1;
  modem->fail_send = 2;
  g_ptr_array_add (modems, modem);
  smsd = qurb_smsd_new (f->base.db, config, modems);

  inject (f, 0, "+212612345678", "ETAT 2024001234", -1, 1, 1);
  inject (f, 0, "+212661234567", "RDV", -1, 1, 1);
  inject (f, 0, "+212700112233", "قافلة", -1, 1, 1);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 8);

  /* Everything read, stored once, answered once; two sends were refused
   * and wait their retry. */
  g_assert_cmpuint (qurb_test_modem_inbox_size (f->device[0]), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 3);
  g_assert_cmpuint (modem->connects, >=, 3);   /* it reconnected after each failure */

  /* Two minutes on, the refused ones go. */
  g_setenv ("QURB_NOW", "2027-01-15T10:02:00", TRUE);
  run_until_quiet (f, 8);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT max(attempts) FROM messages WHERE dir = 'out'"), >=, 1);
  assert_replies_went_out (f, 0);
}

/* A long text whose parts never all come, and what came is not
 * understood: one reply asking for it again. */
static void
test_missing_part_not_understood (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(QurbSmsd) smsd = new_daemon (f, 0, 1);

  inject (f, 0, "+212661234567", "Bonjour, je voudrais savoir si vous pouvez ", 12, 3, 1);
  inject (f, 0, "+212661234567", "merci beaucoup", 12, 3, 3);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 0);
  g_setenv ("QURB_NOW", "2027-01-15T10:11:00", TRUE);
  run_until_quiet (f, 3);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_assert_query_text (f->base.db, "SELECT text FROM messages WHERE dir = 'in'",
                          "Bonjour, je voudrais savoir si vous pouvez merci beaucoup");
  qurb_assert_query_text (f->base.db, "SELECT group_concat(text, '|') FROM messages WHERE dir = 'out'",
                          "Une partie seulement de votre message nous est parvenue. Merci de le renvoyer.");
}

/* Writes an inbox file by hand: text as UCS-2 hex, a NUL (0000) and all. */
static void
inject_ucs2_hex (SmsdFixture *f, guint modem, guint slot, const gchar *from, const gchar *hex)
{
  g_autofree gchar *path = g_strdup_printf ("%s/sms/1/%u", f->device[modem], slot);
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *contents = NULL, *text = g_strconcat ("Text00 = ", hex, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  QurbModemPart part = { (gchar *) from, "X", NULL, -1, 1, 1 };

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (qurb_gammu_write_part (path, &part, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "Text00 = 0058", text, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "Coding = Default_No_Compression",
                                      "Coding = Unicode_No_Compression", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, &error));
  g_assert_no_error (error);
}

static gchar *
ucs2_hex (const gchar *text)
{
  g_autoptr(GString) hex = g_string_new (NULL);

  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    g_string_append_printf (hex, "%04X", g_utf8_get_char (p) == '~' ? 0 : g_utf8_get_char (p));
  return g_string_free (g_steal_pointer (&hex), FALSE);
}

/* Fault 7: a UCS-2 NUL inside a text cut it there ("ETAT 20"). */
static void
test_nul_inside_a_text (SmsdFixture *f, gconstpointer data)
{
  g_autoptr(QurbSmsd) smsd = new_daemon (f, 0, 1);
  g_autofree gchar *hex = ucs2_hex ("ETAT 20~ 24001234");   /* ~ stands for U+0000 */

  inject_ucs2_hex (f, 0, 1, "+212612345678", hex);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 3);
  qurb_assert_query_text (f->base.db, "SELECT text FROM messages WHERE dir = 'in'", "ETAT 20  24001234");
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 1);
}

/* Fault 1: an empty and a garbage entry among the modem's messages (a
 * corrupted SIM entry) stopped the modem: nothing before or after them was
 * answered, and the daemon reconnected in a loop. */
static void
test_unreadable_entries (SmsdFixture *f, gconstpointer data)
{
  g_autofree gchar *empty = g_strdup_printf ("%s/sms/1/2", f->device[0]);
  g_autofree gchar *garbage = g_strdup_printf ("%s/sms/1/3", f->device[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbSmsd) smsd = NULL;
  g_autoptr(GPtrArray) modems = g_ptr_array_new ();
  g_autofree gchar *ini = g_strdup_printf ("[modem]\ndevice=%s\nconnection=none\nmodel=dummy\n"
                                           "poll-interval-ms=100\nsend-interval-ms=0\n", f->device[0]);
  QurbSmsdConfig *config = qurb_smsd_config_parse (ini, "test", &error);
  FaultyModem *modem = faulty_modem_new (f, 0);

  inject (f, 0, "+212612345678", "ETAT 2024001234", -1, 1, 1);
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_assert_true (g_file_set_contents (garbage, "\x01\x02garbage [[[ = \n\xff\xfe", -1, &error));
  inject (f, 0, "+212661234567", "MESRDV", -1, 1, 1);
  g_ptr_array_add (modems, modem);
  smsd = qurb_smsd_new (f->base.db, config, modems);
  qurb_smsd_start (smsd);
  run_until_quiet (f, 5);

  /* Both texts answered, on one connection; the bad entries out of the way. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'sent'"), ==, 2);
  g_assert_cmpuint (modem->connects, ==, 1);
  g_assert_cmpuint (qurb_test_modem_inbox_size (f->device[0]), ==, 0);
}

/* Fault 7: a second daemon on the same modem is refused while the first
 * holds it (Gammu's device lock), and gets it once it is let go. */
static void
test_device_locked (SmsdFixture *f, gconstpointer data)
{
  QurbGammuConfig config = { "modem", f->device[0], "none", "dummy", NULL, 5000 };
  g_autoptr(QurbModem) first = qurb_modem_gammu_new (&config);
  g_autoptr(QurbModem) second = qurb_modem_gammu_new (&config);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (f->device[0], 0755);
  g_assert_true (first->ops->connect (first, &error));
  g_assert_no_error (error);
  g_assert_false (second->ops->connect (second, &error));
  g_assert_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_DEVICE);
  g_clear_error (&error);
  first->ops->disconnect (first);
  g_assert_true (second->ops->connect (second, &error));
  g_assert_no_error (error);
  second->ops->disconnect (second);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The daemon logs modem faults as warnings, and these tests cause them
   * on purpose; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
#define ADD(path, func) g_test_add (path, SmsdFixture, NULL, smsd_setup, func, smsd_teardown)
  ADD ("/smsd/single-and-multipart", test_single_and_multipart);
  ADD ("/smsd/seen-twice-and-missing-part", test_seen_twice_and_missing_part);
  ADD ("/smsd/two-daemons-share-the-outbox", test_two_daemons_share_the_outbox);
  ADD ("/smsd/faults", test_faults);
  ADD ("/smsd/missing-part-not-understood", test_missing_part_not_understood);
  ADD ("/smsd/nul-inside-a-text", test_nul_inside_a_text);
  ADD ("/smsd/unreadable-entries", test_unreadable_entries);
  ADD ("/smsd/device-locked", test_device_locked);
  ADD ("/smsd/broadcast-to-1000-members", test_broadcast_to_1000_members);
#undef ADD
  return g_test_run ();
}
