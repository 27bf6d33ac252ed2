/* test-sms-parse.c — the command language on its own, no database */
#include "config.h"

#include "qurb-sms-parse.h"

typedef struct {
  const gchar *text;
  QurbIntent intent;
  const gchar *dossier, *caravan, *time, *booking, *province, *lang;
} ParseCase;

static const ParseCase cases[] = {
  { "ETAT", QURB_INTENT_STATUS },
  { "Etat de mon dossier n° 2024001234", QURB_INTENT_STATUS, "2024001234" },
  { "statut:2025000017.", QURB_INTENT_STATUS, "2025000017" },
  { "حالة الملف ٢٠٢٣٠٠٩٩٩٩", QURB_INTENT_STATUS, "2023009999" },
  { "2024001234", QURB_INTENT_STATUS, "2024001234" },
  { "12345", QURB_INTENT_UNKNOWN },                 /* too short for a dossier */
  { "0612345678912345678", QURB_INTENT_UNKNOWN },   /* too long */
  { "CARAVANE GUELMIM", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Guelmim" },
  { "القوافل فالعيون", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Laâyoune" },
  { "RESERVER LAA1 10H30", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "reserver laa1 10 h 30", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "reserver laa1 a 9:05", QURB_INTENT_BOOK, NULL, "LAA1", "09:05" },
  { "reserver laa1 25:00", QURB_INTENT_BOOK, NULL, "LAA1" },   /* no such hour */
  { "حجز tat1 الساعة ١٠", QURB_INTENT_BOOK, NULL, "TAT1" },
  { "7jz GLM1", QURB_INTENT_BOOK, NULL, "GLM1" },
  { "annuler rdv K7P2QX", QURB_INTENT_CANCEL, NULL, NULL, NULL, "K7P2QX" },
  { "annuler merci", QURB_INTENT_CANCEL },                  /* no code in sight */
  { "annuler abcdef", QURB_INTENT_CANCEL },                 /* b is not in our codes */
  { "mes rdv svp", QURB_INTENT_MY_BOOKINGS },
  { "Stop", QURB_INTENT_STOP },
  { "start", QURB_INTENT_START },
  { "???", QURB_INTENT_HELP },
  { "FR", QURB_INTENT_LANGUAGE, NULL, NULL, NULL, NULL, NULL, "fr" },
  { "بالعربية", QURB_INTENT_LANGUAGE, NULL, NULL, NULL, NULL, NULL, "ar" },
  { "", QURB_INTENT_UNKNOWN },
  { "   ", QURB_INTENT_UNKNOWN },
  { "\xff\xfe", QURB_INTENT_UNKNOWN },
  { "'; DROP TABLE claims; --", QURB_INTENT_UNKNOWN },
};

static void
test_parse_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ParseCase *c = &cases[i];
      QurbSmsCommand command;
      g_autofree gchar *shown = g_strescape (c->text, NULL);

      g_test_message ("“%s”", shown);
      qurb_sms_parse (c->text, &command);
      g_assert_cmpstr (qurb_intent_name (command.intent), ==, qurb_intent_name (c->intent));
      g_assert_cmpstr (command.dossier, ==, c->dossier ? c->dossier : "");
      g_assert_cmpstr (command.caravan, ==, c->caravan ? c->caravan : "");
      g_assert_cmpstr (command.time, ==, c->time ? c->time : "");
      g_assert_cmpstr (command.booking, ==, c->booking ? c->booking : "");
      g_assert_cmpstr (command.province, ==, c->province);
      g_assert_cmpstr (command.lang, ==, c->lang);
    }
}

static void
test_parse_scripts (void)
{
  QurbSmsCommand command;

  qurb_sms_parse ("7ala", &command);
  g_assert_cmpint (command.script, ==, QURB_SCRIPT_LATIN);
  qurb_sms_parse ("حالة 2024001234", &command);
  g_assert_cmpint (command.script, ==, QURB_SCRIPT_ARABIC);
  qurb_sms_parse ("٢٠٢٤٠٠١٢٣٤", &command);
  g_assert_cmpint (command.script, ==, QURB_SCRIPT_NONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sms-parse/table", test_parse_table);
  g_test_add_func ("/sms-parse/scripts", test_parse_scripts);
  return g_test_run ();
}
