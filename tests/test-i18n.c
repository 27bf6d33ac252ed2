/* test-i18n.c — catalogue lookups per language, and plural forms */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-segments.h"
#include "qurb-texts.h"

#define ARABIC_PLURAL "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5"

static void
test_plural_arabic (void)
{
  static const struct { gulong n, form; } cases[] = {
    { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 10, 3 }, { 11, 4 }, { 99, 4 },
    { 100, 5 }, { 101, 5 }, { 102, 5 }, { 103, 3 }, { 111, 4 }, { 1000, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ok = FALSE;
      g_assert_cmpuint (qurb_plural_eval (ARABIC_PLURAL, cases[i].n, &ok), ==, cases[i].form);
      g_assert_true (ok);
    }
}

static void
test_plural_expressions (void)
{
  static const struct { const gchar *expr; gulong n; gboolean ok; gulong value; } cases[] = {
    { "n>1", 0, TRUE, 0 }, { "n>1", 1, TRUE, 0 }, { "n>1", 2, TRUE, 1 },
    { "n != 1", 1, TRUE, 0 }, { "(n != 1)", 5, TRUE, 1 }, { "0", 7, TRUE, 0 },
    { "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 22, TRUE, 1 },
    { "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 11, TRUE, 2 },
    { "!(n==1)", 1, TRUE, 0 }, { "n/0", 1, FALSE, 0 }, { "n %", 1, FALSE, 0 },
    { "n ? 1", 1, FALSE, 0 }, { "(n", 1, FALSE, 0 }, { "x", 1, FALSE, 0 }, { "", 1, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ok = !cases[i].ok;
      gulong value = qurb_plural_eval (cases[i].expr, cases[i].n, &ok);

      g_test_message ("%s with n=%lu", cases[i].expr, cases[i].n);
      g_assert_cmpint (ok, ==, cases[i].ok);
      g_assert_cmpuint (value, ==, cases[i].value);
    }
}

static void
test_catalogue_lookup (void)
{
  g_assert_cmpstr (qurb_claim_status_label ("fr", QURB_CLAIM_PAYE), ==, "Payé");
  g_assert_cmpstr (qurb_claim_status_label ("ar", QURB_CLAIM_PAYE), ==, "تم الأداء");
  g_assert_cmpstr (qurb_claim_status_label ("fr", QURB_CLAIM_INCOMPLET), ==, "En attente de pièces");
  g_assert_cmpstr (qurb_claim_status_label ("ar", QURB_CLAIM_EN_COURS), ==, "قيد المعالجة");
  /* No catalogue, or no language: the source text. */
  g_assert_cmpstr (qurb_claim_status_label ("xx", QURB_CLAIM_PAYE), ==, "Paid");
  g_assert_cmpstr (qurb_claim_status_label (NULL, QURB_CLAIM_PAYE), ==, "Paid");
  g_assert_cmpstr (qurb_dgettext ("fr", "a message nobody wrote"), ==, "a message nobody wrote");
}

static void
test_catalogue_plurals (void)
{
  const gchar *one = "the slot at %s has %d booking and would disappear";
  const gchar *many = "the slot at %s has %d bookings and would disappear";
  const gchar *forms[6];

  for (gulong n = 0; n < 6; n++)
    forms[n] = qurb_dngettext ("ar", one, many, (gulong[]) { 0, 1, 2, 3, 11, 100 }[n]);
  /* Six distinct Arabic forms, none of them the English source. */
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpstr (forms[i], !=, one);
      g_assert_cmpstr (forms[i], !=, many);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (forms[i], !=, forms[j]);
    }
  g_assert_cmpstr (qurb_dngettext ("fr", one, many, 0), ==, qurb_dngettext ("fr", one, many, 1));
  g_assert_cmpstr (qurb_dngettext ("fr", one, many, 1), !=, qurb_dngettext ("fr", one, many, 2));
  g_assert_cmpstr (qurb_dngettext ("xx", one, many, 1), ==, one);
  g_assert_cmpstr (qurb_dngettext ("xx", one, many, 2), ==, many);
}

static void
test_member_texts (void)
{
  g_autofree gchar *fr = qurb_compose_claim_notice ("fr", "2024001234", QURB_CLAIM_PAYE, 81250);
  g_autofree gchar *ar = qurb_compose_claim_notice ("ar", "2024001234", QURB_CLAIM_PAYE, 81250);
  g_autofree gchar *amount_fr = qurb_format_amount ("fr", 81250);
  g_autofree gchar *amount_ar = qurb_format_amount ("ar", 81250);
  g_autofree gchar *date = qurb_format_date ("2027-02-03");

  g_assert_cmpstr (amount_fr, ==, "812,50 DH");
  g_assert_cmpstr (amount_ar, ==, "812,50 درهم");
  /* Thousands apart: a narrow no-break space on screens, a space in a
   * French SMS (GSM-7 has neither no-break space), a no-break space in an
   * Arabic one (a plain space there splits the number in two, and the
   * phone shows "535,00 10"). */
  {
    static const struct { gint64 centimes; const gchar *screen, *sms, *sms_ar; } cases[] = {
      { 1053500, "10\u202F535,00 DH", "10 535,00 DH", "10\u00A0535,00 درهم" },
      { 99999, "999,99 DH", "999,99 DH", "999,99 درهم" },
      { 123456789, "1\u202F234\u202F567,89 DH", "1 234 567,89 DH", "1\u00A0234\u00A0567,89 درهم" },
      { 5, "0,05 DH", "0,05 DH", "0,05 درهم" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree gchar *screen = qurb_format_amount ("fr", cases[i].centimes);
        g_autofree gchar *sms = qurb_format_amount_sms ("fr", cases[i].centimes);
        g_autofree gchar *sms_ar = qurb_format_amount_sms ("ar", cases[i].centimes);
        QurbSegments segments;

        g_assert_cmpstr (screen, ==, cases[i].screen);
        g_assert_cmpstr (sms, ==, cases[i].sms);
        g_assert_cmpstr (sms_ar, ==, cases[i].sms_ar);
        qurb_sms_segments (sms, &segments);
        g_assert_cmpint (segments.encoding, ==, QURB_ENCODING_GSM7);
      }
  }
  g_assert_cmpstr (date, ==, "03/02/2027");
  g_assert_nonnull (strstr (fr, "2024001234"));
  g_assert_nonnull (strstr (fr, "Payé"));
  g_assert_nonnull (strstr (fr, "812,50 DH"));
  g_assert_nonnull (strstr (ar, "2024001234"));
  g_assert_nonnull (strstr (ar, "تم الأداء"));
  g_assert_nonnull (strstr (ar, "812,50 درهم"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/plural/arabic", test_plural_arabic);
  g_test_add_func ("/i18n/plural/expressions", test_plural_expressions);
  g_test_add_func ("/i18n/catalogue/lookup", test_catalogue_lookup);
  g_test_add_func ("/i18n/catalogue/plurals", test_catalogue_plurals);
  g_test_add_func ("/i18n/member-texts", test_member_texts);
  return g_test_run ();
}
