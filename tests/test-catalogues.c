/* test-catalogues.c — nobody is answered in English: programs find their
 * catalogues with no environment variable, and the daemon will not run
 * without them */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "qurb-test-util.h"

/* Runs argv from a folder of its own, with QURB_LOCALEDIR unset (and
 * extra NAME=VALUE pairs); returns the exit status. */
static gint
run_plain (const gchar *const *argv, const gchar *const *env, gchar **out, gchar **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *elsewhere = g_dir_make_tmp ("qurb-cwd-XXXXXX", &error);

  g_assert_no_error (error);
  g_subprocess_launcher_unsetenv (launcher, "QURB_LOCALEDIR");
  g_subprocess_launcher_set_cwd (launcher, elsewhere);
  for (guint i = 0; env != NULL && env[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_rmdir (elsewhere);
  g_test_message ("%s → %d\n%s%s", argv[0], g_subprocess_get_exit_status (proc), *out, *err);
  return g_subprocess_get_exit_status (proc);
}

/* `qurbctl sms-simulate` from a shell: French and Arabic answers. */
static void
test_simulate_anywhere (QurbFixture *fixture, gconstpointer data)
{
  const gchar *fr[] = { g_getenv ("QURBCTL"), "--db", fixture->db_path, "sms-simulate",
                        "--from", "+212661234567", "ETAT", NULL };
  const gchar *ar[] = { g_getenv ("QURBCTL"), "--db", fixture->db_path, "sms-simulate",
                        "--from", "+212612345678", "مساعدة", NULL };
  g_autofree gchar *out_fr = NULL, *err_fr = NULL, *out_ar = NULL, *err_ar = NULL;

  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (run_plain (fr, NULL, &out_fr, &err_fr), ==, 0);
  g_assert_nonnull (strstr (out_fr, "Vos derniers dossiers"));
  g_assert_cmpint (run_plain (ar, NULL, &out_ar, &err_ar), ==, 0);
  g_assert_nonnull (strstr (out_ar, "مواعيدي"));
  g_assert_null (strstr (out_fr, "Your latest"));
  g_assert_null (strstr (out_ar, "Commands"));
}

/* A daemon or a kiosk with no catalogue to read would answer in
 * English: it stops at once and says why. */
static void
test_refuses (gconstpointer data)
{
  const gchar *program = g_getenv (data);
  const gchar *argv[] = { program, "--config", "/nonexistent/qurb.conf", NULL };
  const gchar *env[] = { "QURB_LOCALEDIR=/nonexistent/locale", NULL };
  g_autofree gchar *out = NULL, *err = NULL;

  if (program == NULL)
    {
      g_test_skip ("not built");
      return;
    }
  g_assert_cmpint (run_plain (argv, env, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "catalogue"));
  g_assert_nonnull (strstr (err, "/nonexistent/locale"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/catalogues/simulate-from-anywhere", QurbFixture, NULL, qurb_fixture_setup,
              test_simulate_anywhere, qurb_fixture_teardown);
  g_test_add_data_func ("/catalogues/daemon-refuses", "QURB_SMSD", test_refuses);
  g_test_add_data_func ("/catalogues/kiosk-refuses", "QURB_KIOSK", test_refuses);
  return g_test_run ();
}
