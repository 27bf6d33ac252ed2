/* test-digit-sort.c — digit strings sorted as strcmp() orders them */
#include "config.h"

#include <string.h>

#include "qurb-digit-sort.h"

/* Every pair of keys compares as its strings do. */
static void
test_key_order (void)
{
  static const gchar *const digits[] = {
    "0", "00", "000001", "0123", "1", "10", "100000", "1000000", "123", "1230", "124", "2",
    "3000000000", "3000000001", "300000001", "9", "99", "999999", "999999999999999",
    "100000000000000", "000000000000000", "1234567890123", "12345678901234",
  };

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    for (guint j = 0; j < G_N_ELEMENTS (digits); j++)
      {
        gint text = strcmp (digits[i], digits[j]);
        guint64 a = qurb_digit_key (digits[i]), b = qurb_digit_key (digits[j]);
        gint key = a < b ? -1 : a > b ? 1 : 0;

        g_test_message ("%s vs %s", digits[i], digits[j]);
        g_assert_cmpint (key, ==, text < 0 ? -1 : text > 0 ? 1 : 0);
      }
}

typedef struct {
  gchar text[16];
  guint32 index;
} Row;

static gint
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;
  gint text = strcmp (x->text, y->text);

  return text != 0 ? text : (x->index > y->index) - (x->index < y->index);
}

/* Against a comparison sort on the strings, ties in their first order:
 * random numbers of every length, many repeated, some sharing a long
 * prefix (a run of dossier numbers) so that passes are skipped. */
static void
test_sort_as_strcmp (void)
{
  static const guint sizes[] = { 0, 1, 2, 3, 17, 1000, 65536 + 7 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint shape = 0; shape < 3; shape++)
      {
        guint n = sizes[s];
        g_autofree Row *rows = g_new (Row, n + 1);
        g_autofree QurbDigitSortEntry *entries = g_new (QurbDigitSortEntry, n + 1);

        for (guint i = 0; i < n; i++)
          {
            guint32 value = g_rand_int (rand);

            if (shape == 0)       /* any length, any digits */
              g_snprintf (rows[i].text, sizeof rows[i].text, "%0*u", g_rand_int_range (rand, 1, 16),
                          value % (g_rand_boolean (rand) ? 1000u : 4000000000u));
            else if (shape == 1)  /* numbers handed out in order */
              g_snprintf (rows[i].text, sizeof rows[i].text, "30000%05u", value % 50000);
            else                  /* few distinct values: ties */
              g_snprintf (rows[i].text, sizeof rows[i].text, "%u", value % 5);
            rows[i].index = i;
            entries[i] = (QurbDigitSortEntry) { qurb_digit_key (rows[i].text), i };
          }
        qurb_digit_sort (entries, n);
        qsort (rows, n, sizeof *rows, compare_rows);
        for (guint i = 0; i < n; i++)
          g_assert_cmpuint (entries[i].index, ==, rows[i].index);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/digit-sort/key-order", test_key_order);
  g_test_add_func ("/digit-sort/as-strcmp", test_sort_as_strcmp);
  return g_test_run ();
}
