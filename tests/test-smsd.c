/* test-smsd.c — the daemon against Gammu's real dummy driver: single and
 * multipart texts, two daemons sharing the outbox, a broadcast to 1,000
 * members (the fixture: smsd-fixture.c; faults: test-smsd-faults.c) */
#include "config.h"

#include <string.h>

#include "qurb-broadcast.h"
#include "qurb-import.h"
#include "qurb-outbox.h"
#include "smsd-fixture.h"

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
  ADD ("/smsd/broadcast-to-1000-members", test_broadcast_to_1000_members);
#undef ADD
  return g_test_run ();
}
