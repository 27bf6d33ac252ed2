/* test-phone.c — Moroccan numbers in every written form */
#include "config.h"

#include "qurb-phone.h"

static void
test_phone_normalize (void)
{
  static const struct { const gchar *input, *expected; } cases[] = {
    { "0612345678", "+212612345678" },
    { "0712345678", "+212712345678" },
    { "+212612345678", "+212612345678" },
    { "+212 6 61 23 45 67", "+212661234567" },
    { "00212700112233", "+212700112233" },
    { "212 662-000-111", "+212662000111" },
    { "07.11.22.33.44", "+212711223344" },
    { "06-12-34-56-78", "+212612345678" },
    { "+212 (0)6 12 34 56 78", "+212612345678" },
    { "٠٦١٢٣٤٥٦٧٨", "+212612345678" },        /* Arabic-Indic digits */
    { "۰۶۱۲۳۴۵۶۷۸", "+212612345678" },        /* Persian digits */
    { "0522123456", NULL },                   /* a landline */
    { "0812345678", NULL },
    { "061234567", NULL },                    /* one digit short */
    { "06123456789", NULL },
    { "+33612345678", NULL },                 /* France */
    { "0033612345678", NULL },
    { "612345678", "+212612345678" },        /* a spreadsheet ate the 0 */
    { "06 12 AB 56 78", NULL },
    { "MAROCTEL", NULL },
    { "5050", NULL },
    { "", NULL },
    { "+", NULL },
    { "0612345678+", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *got = qurb_phone_normalize (cases[i].input);
      g_test_message ("“%s”", cases[i].input);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_phone_mask (void)
{
  g_autofree gchar *masked = qurb_phone_mask ("+212612345678");
  g_autofree gchar *short_one = qurb_phone_mask ("5050");
  g_autofree gchar *none = qurb_phone_mask (NULL);

  g_assert_cmpstr (masked, ==, "+2126*****678");
  g_assert_cmpstr (short_one, ==, "****");
  g_assert_cmpstr (none, ==, "(none)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phone/normalize", test_phone_normalize);
  g_test_add_func ("/phone/mask", test_phone_mask);
  return g_test_run ();
}
