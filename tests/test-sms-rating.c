/* test-sms-rating.c — the answer to the rating SMS, read only when one
 * was asked for; no database */
#include "config.h"

#include "qurb-sms-parse.h"

typedef struct {
  const gchar *text;
  gint rating;            /* 0: not a rating */
  QurbIntent otherwise;   /* the intent when no rating was asked for */
} RatingCase;

static const gchar *const codes[] = { "LAA1", "GLM1", NULL };

static const RatingCase cases[] = {
  /* A digit, alone or with words. */
  { "3", 3, QURB_INTENT_UNKNOWN },
  { "5", 5, QURB_INTENT_UNKNOWN },
  { " 1 ", 1, QURB_INTENT_UNKNOWN },
  { "٤", 4, QURB_INTENT_UNKNOWN },
  { "5 merci", 5, QURB_INTENT_UNKNOWN },
  { "merci beaucoup, 4", 4, QURB_INTENT_UNKNOWN },
  { "شكرا 5", 5, QURB_INTENT_UNKNOWN },
  { "نعطيكم 4", 4, QURB_INTENT_UNKNOWN },
  { "4/5", 4, QURB_INTENT_UNKNOWN },
  { "5/5 merci", 5, QURB_INTENT_UNKNOWN },
  { "4 sur 5", 4, QURB_INTENT_UNKNOWN },
  { "3 من 5", 3, QURB_INTENT_UNKNOWN },
  { "5 étoiles", 5, QURB_INTENT_UNKNOWN },
  { "je vous donne 4", 4, QURB_INTENT_UNKNOWN },
  { "الطبيب كان مزيان 5", 5, QURB_INTENT_UNKNOWN },
  { "mzyan bzaf 4", 4, QURB_INTENT_UNKNOWN },
  { "4 نجوم", 4, QURB_INTENT_UNKNOWN },
  { "c'était bien, je mets 4", 4, QURB_INTENT_STATUS },   /* "était" read as "état" */
  { "n3tikom 5 lah ykhlikom", 5, QURB_INTENT_UNKNOWN },
  /* A number word, alone or with courtesy. */
  { "khamsa", 5, QURB_INTENT_UNKNOWN },
  { "خمسة", 5, QURB_INTENT_UNKNOWN },
  { "cinq", 5, QURB_INTENT_UNKNOWN },
  { "trois merci", 3, QURB_INTENT_UNKNOWN },
  { "ربعة شكرا", 4, QURB_INTENT_UNKNOWN },
  /* Not a rating: out of range, two marks, another request. */
  { "0", 0, QURB_INTENT_UNKNOWN },
  { "6", 0, QURB_INTENT_UNKNOWN },
  { "10/10", 0, QURB_INTENT_UNKNOWN },
  { "3 4", 0, QURB_INTENT_UNKNOWN },
  { "merci", 0, QURB_INTENT_IGNORED },
  { "j'ai un problème", 0, QURB_INTENT_UNKNOWN },
  { "STOP", 0, QURB_INTENT_STOP },
  { "ETAT 2024001234", 0, QURB_INTENT_STATUS },
  { "2024001234", 0, QURB_INTENT_STATUS },
  { "RESERVER GLM1 9h", 0, QURB_INTENT_BOOK },
  { "caravane 2", 0, QURB_INTENT_CARAVANS },
  { "ANNULER K7P2QX", 0, QURB_INTENT_CANCEL },
};

static void
test_rating_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RatingCase *c = &cases[i];
      QurbSmsCommand expecting, plain;
      g_autofree gchar *shown = g_strescape (c->text, NULL);

      g_test_message ("“%s”", shown);
      qurb_sms_parse_expecting (c->text, codes, QURB_SMS_EXPECT_RATING, &expecting);
      qurb_sms_parse (c->text, codes, &plain);
      g_assert_cmpint (expecting.rating, ==, c->rating);
      if (c->rating > 0)
        g_assert_cmpstr (qurb_intent_name (expecting.intent), ==, "rate");
      else
        g_assert_cmpstr (qurb_intent_name (expecting.intent), ==, qurb_intent_name (c->otherwise));
      /* Nobody asked: a bare digit is not stolen from other meanings. */
      g_assert_cmpstr (qurb_intent_name (plain.intent), ==, qurb_intent_name (c->otherwise));
      g_assert_cmpint (plain.rating, ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sms-rating/table", test_rating_table);
  return g_test_run ();
}
