/* test-log-limit.c — one warning per kind of error per minute; back-off */
#include "config.h"

#include "qurb-log-limit.h"

#define MINUTE (60 * G_USEC_PER_SEC)

static void
test_one_per_kind_per_minute (void)
{
  /* A daemon polling every 100 ms on a database that keeps failing. */
  static const struct {
    gint64 at_s;              /* seconds */
    const gchar *kind;
    gboolean written;
    guint held_back;          /* when written */
  } steps[] = {
    { 0, "store: disk full", TRUE, 0 },
    { 0, "store: disk full", FALSE, 0 },
    { 1, "assemble: disk full", TRUE, 0 },        /* another kind */
    { 30, "store: disk full", FALSE, 0 },
    { 59, "store: disk full", FALSE, 0 },
    { 60, "store: disk full", TRUE, 3 },          /* a minute on, with the count */
    { 61, "assemble: disk full", TRUE, 0 },
    { 200, "store: disk full", TRUE, 0 },
  };
  g_autoptr(QurbLogLimit) limit = qurb_log_limit_new (MINUTE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint held_back = 99;
      gboolean written = qurb_log_limit_allow (limit, steps[i].kind, steps[i].at_s * G_USEC_PER_SEC, &held_back);

      g_test_message ("step %u", i);
      g_assert_cmpint (written, ==, steps[i].written);
      if (written)
        g_assert_cmpuint (held_back, ==, steps[i].held_back);
    }
}

static void
test_730_warnings_in_70_seconds (void)
{
  g_autoptr(QurbLogLimit) limit = qurb_log_limit_new (MINUTE);
  guint written = 0;

  /* The issue's count: 730 failures in 70 s, of two kinds. */
  for (guint i = 0; i < 730; i++)
    written += qurb_log_limit_allow (limit, i % 2 ? "answer: disk full" : "store: disk full",
                                     (gint64) i * 70 * G_USEC_PER_SEC / 730, NULL);
  g_assert_cmpuint (written, ==, 4);
  /* Many kinds: each still gets its first warning. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree gchar *kind = g_strdup_printf ("kind %c%c", 'a' + i % 26, 'a' + i / 26);
      g_assert_true (qurb_log_limit_allow (limit, kind, (gint64) i * G_USEC_PER_SEC, NULL));
    }
}

static void
test_kind (void)
{
  static const gchar *const cases[][3] = {
    { "message", "step: database or disk is full", "message: step: database or disk is full" },
    { "message", "no incoming message 1234", "message: no incoming message #" },
    { "outbox", "message 17 part 2/3", "outbox: message # part #/#" },
    { "x", NULL, "x: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *kind = qurb_log_kind (cases[i][0], cases[i][1]);
      g_assert_cmpstr (kind, ==, cases[i][2]);
    }
}

static void
test_backoff (void)
{
  static const guint cases[][4] = {
    /* failures, base, max, expected */
    { 0, 1000, 60000, 0 },
    { 1, 1000, 60000, 1000 },
    { 2, 1000, 60000, 2000 },
    { 6, 1000, 60000, 32000 },
    { 7, 1000, 60000, 60000 },
    { 40, 1000, 60000, 60000 },
    { 3, 500, 1000, 1000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (qurb_backoff_ms (cases[i][0], cases[i][1], cases[i][2]), ==, cases[i][3]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/log-limit/one-per-kind-per-minute", test_one_per_kind_per_minute);
  g_test_add_func ("/log-limit/730-warnings-in-70-seconds", test_730_warnings_in_70_seconds);
  g_test_add_func ("/log-limit/kind", test_kind);
  g_test_add_func ("/log-limit/backoff", test_backoff);
  return g_test_run ();
}
