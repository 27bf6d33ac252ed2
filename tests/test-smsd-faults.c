/* test-smsd-faults.c — the daemon under what a real modem and a real SIM
 * bring: timeouts, a device that vanishes, refused sends, an unreadable
 * entry, a NUL inside a text, a second daemon on the same modem, a long
 * text whose parts never all come (issue 12) */
#include "config.h"

#include <string.h>

#include "smsd-fixture.h"

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
  ADD ("/smsd/faults", test_faults);
  ADD ("/smsd/missing-part-not-understood", test_missing_part_not_understood);
  ADD ("/smsd/nul-inside-a-text", test_nul_inside_a_text);
  ADD ("/smsd/unreadable-entries", test_unreadable_entries);
  ADD ("/smsd/device-locked", test_device_locked);
#undef ADD
  return g_test_run ();
}
