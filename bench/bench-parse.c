/* bench-parse.c — how fast the SMS language reads what members write
 *
 * Every text of the test corpora (tests/corpus/sms-*.tsv: Darija in both
 * scripts, French SMS style, every intent and argument shape), parsed many
 * times over, against the named baseline measured in the same run: folding
 * and cutting the same texts into words, which any reading of them needs.
 * Usage: bench-parse CORPUS.tsv… ; prints key=value lines. */
#include "config.h"

#include <stdio.h>

#include "qurb-fold.h"
#include "qurb-sms-parse.h"

#define ROUNDS 30

static const gchar *const caravan_codes[] = { "LAA1", "LAA2", "GLM1", "SMA1", "DAK1", NULL };

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gint64 t0, fold_t, parse_t;
  QurbSmsCommand command;
  guint understood = 0;

  for (gint a = 1; a < argc; a++)
    {
      g_autofree gchar *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (argv[a], &contents, NULL, NULL))
        g_error ("cannot read %s", argv[a]);
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

          if (lines[i][0] != '#' && g_strv_length (fields) >= 2)
            g_ptr_array_add (texts, g_strdup (fields[1]));
        }
    }
  if (texts->len == 0)
    g_error ("no texts");

  t0 = g_get_monotonic_time ();
  for (guint r = 0; r < ROUNDS; r++)
    for (guint i = 0; i < texts->len; i++)
      {
        g_autofree gchar *folded = qurb_fold (texts->pdata[i]);
        g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);
      }
  fold_t = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  for (guint r = 0; r < ROUNDS; r++)
    for (guint i = 0; i < texts->len; i++)
      {
        qurb_sms_parse (texts->pdata[i], caravan_codes, &command);
        understood += r == 0 && command.intent != QURB_INTENT_UNKNOWN;
      }
  parse_t = g_get_monotonic_time () - t0;

  printf ("texts=%u understood=%u fold_per_s=%.0f parse_per_s=%.0f\n", texts->len, understood,
          ROUNDS * texts->len / (fold_t / 1e6), ROUNDS * texts->len / (parse_t / 1e6));
  return 0;
}
