/* test-segments.c — encodings, lengths and parts of SMS text */
#include "config.h"

#include <string.h>

#include "qurb-segments.h"

static gchar *
repeat (const gchar *unit, guint n)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
test_segments_table (void)
{
  static const struct {
    const gchar *unit; guint n; QurbEncoding encoding; guint units, parts;
  } cases[] = {
    { "a", 0, QURB_ENCODING_GSM7, 0, 1 },
    { "a", 160, QURB_ENCODING_GSM7, 160, 1 },
    { "a", 161, QURB_ENCODING_GSM7, 161, 2 },
    { "a", 306, QURB_ENCODING_GSM7, 306, 2 },
    { "a", 307, QURB_ENCODING_GSM7, 307, 3 },
    { "é", 160, QURB_ENCODING_GSM7, 160, 1 },        /* é, è, à, ù are GSM-7 */
    { "€", 80, QURB_ENCODING_GSM7, 160, 1 },         /* extension: two septets */
    { "€", 81, QURB_ENCODING_GSM7, 162, 2 },
    { "{", 81, QURB_ENCODING_GSM7, 162, 2 },         /* an escape pair never straddles */
    { "Z9 ", 40, QURB_ENCODING_GSM7, 120, 1 },       /* ASCII letters, digits, space: one septet */
    { "|", 80, QURB_ENCODING_GSM7, 160, 1 },         /* ASCII, yet in the extension */
    { "`", 1, QURB_ENCODING_UCS2, 1, 1 },            /* ASCII, yet not GSM-7 at all */
    { "ê", 1, QURB_ENCODING_UCS2, 1, 1 },            /* ê is not GSM-7 */
    { "ç", 70, QURB_ENCODING_UCS2, 70, 1 },
    { "ب", 70, QURB_ENCODING_UCS2, 70, 1 },
    { "ب", 71, QURB_ENCODING_UCS2, 71, 2 },
    { "ب", 134, QURB_ENCODING_UCS2, 134, 2 },
    { "ب", 135, QURB_ENCODING_UCS2, 135, 3 },
    { "😀", 35, QURB_ENCODING_UCS2, 70, 1 },          /* surrogate pairs count two */
    { "😀", 36, QURB_ENCODING_UCS2, 72, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *text = repeat (cases[i].unit, cases[i].n);
      g_autoptr(GPtrArray) parts = qurb_sms_split (text);
      QurbSegments segments;

      g_test_message ("%u × %s", cases[i].n, cases[i].unit);
      qurb_sms_segments (text, &segments);
      g_assert_cmpint (segments.encoding, ==, cases[i].encoding);
      g_assert_cmpuint (segments.units, ==, cases[i].units);
      g_assert_cmpuint (segments.parts, ==, cases[i].parts);
      g_assert_cmpuint (parts->len, ==, cases[i].parts);
    }
}

static void
test_split_boundaries (void)
{
  g_autofree gchar *braces = repeat ("{", 81);
  g_autofree gchar *emoji = repeat ("😀", 36);
  g_autofree gchar *mixed = g_strconcat ("ب", emoji, NULL);
  g_autoptr(GPtrArray) brace_parts = qurb_sms_split (braces);
  g_autoptr(GPtrArray) emoji_parts = qurb_sms_split (emoji);
  g_autoptr(GPtrArray) mixed_parts = qurb_sms_split (mixed);

  /* 76 pairs (152 septets) fit in 153; the 77th starts part two. */
  g_assert_cmpuint (g_utf8_strlen (brace_parts->pdata[0], -1), ==, 76);
  /* 33 pairs (66 units) fit in 67; a pair is never cut. */
  g_assert_cmpuint (g_utf8_strlen (emoji_parts->pdata[0], -1), ==, 33);
  g_assert_cmpuint (g_utf8_strlen (mixed_parts->pdata[0], -1), ==, 34);
  for (guint i = 0; i < mixed_parts->len; i++)
    g_assert_true (g_utf8_validate (mixed_parts->pdata[i], -1, NULL));
}

/* A number written with thousands apart ("10 535,00") is never cut
 * between two parts at its space. */
static void
test_split_keeps_numbers (void)
{
  g_autofree gchar *head = repeat ("a", 148);
  g_autofree gchar *text = g_strconcat (head, " 10 535,00 DH payes au dossier 2024001234.", NULL);
  g_autoptr(GPtrArray) parts = qurb_sms_split (text);

  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_true (g_str_has_prefix (parts->pdata[1], "10 535,00"));

  /* An Arabic amount holds together with no-break spaces: a part never
   * ends at one, between digits or not, wherever it falls. */
  for (guint pad = 50; pad < 70; pad++)
    {
      g_autofree gchar *arabic_head = repeat ("ب", pad);
      g_autofree gchar *arabic = g_strconcat (arabic_head, " 1\u00A0234\u00A0567,89\u00A0درهم ملف 2024001234.", NULL);
      g_autoptr(GPtrArray) arabic_parts = qurb_sms_split (arabic);

      guint whole = 0;

      g_assert_cmpuint (arabic_parts->len, ==, 2);
      for (guint i = 0; i < arabic_parts->len; i++)
        {
          g_assert_false (g_str_has_suffix (arabic_parts->pdata[i], "\u00A0"));
          whole += strstr (arabic_parts->pdata[i], "1\u00A0234\u00A0567,89\u00A0درهم") != NULL;
        }
      g_assert_cmpuint (whole, ==, 1);
    }
}

static void
test_gsm7_fold (void)
{
  static const struct { const gchar *input, *expected; } cases[] = {
    { "Réservation confirmée à 9h", "Réservation confirmée à 9h" },
    { "Fête, île, hôpital, août, Noël, maïs, garçon", "Fete, ile, hopital, aout, Noel, mais, garcon" },
    { "L’œuvre « ici » – fin…", "L'oeuvre \" ici \" - fin..." },
    { "Ça", "Ça" },                  /* Ç is GSM-7, ç is not */
    { "ب", "?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *got = qurb_gsm7_fold (cases[i].input);
      QurbSegments segments;

      g_assert_cmpstr (got, ==, cases[i].expected);
      qurb_sms_segments (got, &segments);
      g_assert_cmpint (segments.encoding, ==, QURB_ENCODING_GSM7);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/table", test_segments_table);
  g_test_add_func ("/segments/split-boundaries", test_split_boundaries);
  g_test_add_func ("/segments/split-keeps-numbers", test_split_keeps_numbers);
  g_test_add_func ("/segments/gsm7-fold", test_gsm7_fold);
  return g_test_run ();
}
