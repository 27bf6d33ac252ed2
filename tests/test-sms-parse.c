/* test-sms-parse.c — the command language on its own, no database */
#include "config.h"

#include "qurb-sms-parse.h"

typedef struct {
  const gchar *text;
  QurbIntent intent;
  const gchar *dossier, *caravan, *time, *booking, *province, *lang;
  gboolean time_unreadable;
} ParseCase;

/* The caravan codes the database would hold. */
static const gchar *const fixture_codes[] = { "LAA1", "LAA2", "GLM1", "SMA1", "DAK1", "CONC", NULL };

static const ParseCase cases[] = {
  { "ETAT", QURB_INTENT_STATUS },
  { "Etat de mon dossier n° 2024001234", QURB_INTENT_STATUS, "2024001234" },
  { "statut:2025000017.", QURB_INTENT_STATUS, "2025000017" },
  { "حالة الملف ٢٠٢٣٠٠٩٩٩٩", QURB_INTENT_STATUS, "2023009999" },
  { "2024001234", QURB_INTENT_STATUS, "2024001234" },
  { "12345", QURB_INTENT_UNKNOWN },                 /* too short for a dossier */
  { "0612345678912345678", QURB_INTENT_UNKNOWN },   /* too long */
  /* Numbers in groups, and words that only mean "my money". */
  { "dossier 2025 000 017 svp", QURB_INTENT_STATUS, "2025000017" },
  { "ملف رقم 2024-001-234", QURB_INTENT_STATUS, "2024001234" },
  { "wach khlsouni", QURB_INTENT_STATUS },
  { "remboursement", QURB_INTENT_STATUS },
  { "فين وصل التعويض ديالي", QURB_INTENT_STATUS },
  { "CARAVANE GUELMIM", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Guelmim" },
  { "القوافل فالعيون", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Laâyoune" },
  { "l9afila dyal la3youn", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Laâyoune" },
  { "9afla f smara", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Smara" },
  { "قافلة وادي الذهب", QURB_INTENT_CARAVANS, NULL, NULL, NULL, NULL, "Dakhla" },
  /* "طب العيون" is ophthalmology, not Laâyoune. */
  { "واش كاينة قافلة ديال طب العيون", QURB_INTENT_CARAVANS },
  /* Arguments in every shape. */
  { "RESERVER LAA1 10H30", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "reserver laa1 10 h 30", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "reserver laa1 a 9:05", QURB_INTENT_BOOK, NULL, "LAA1", "09:05" },
  { "reserver laa1 9.30", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "reserver laa1 a 9 heures et demie", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "reserver laa1 10h moins le quart", QURB_INTENT_BOOK, NULL, "LAA1", "09:45" },
  { "reserver GLM 1 a 9h", QURB_INTENT_BOOK, NULL, "GLM1", "09:00" },
  { "reserver glm-1 9", QURB_INTENT_BOOK, NULL, "GLM1", "09:00" },
  { "حجز tat1 الساعة ١٠", QURB_INTENT_BOOK, NULL, "TAT1", "10:00" },
  { "نحجزو ف GLM1 مع 9 و نص", QURB_INTENT_BOOK, NULL, "GLM1", "09:30" },
  { "احجزلي SMA1 الساعة 10 غير ربع", QURB_INTENT_BOOK, NULL, "SMA1", "09:45" },
  { "حجز LAA1 الساعة العاشرة والنصف", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "7jez LAA2 m3a 2 dyal l3chia", QURB_INTENT_BOOK, NULL, "LAA2", "14:00" },
  /* Halves and quarters in Darija, Latin letters with any vowels and a
   * glued "and", hours in words; a time given but unreadable is flagged. */
  { "reserver laa1 9 w nass", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "laa1 9 o nes", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "7jz laa1 9wnass", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "7jz laa1 9 onos", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "7jz laa1 9 w rb3", QURB_INTENT_BOOK, NULL, "LAA1", "09:15" },
  { "7jz laa1 l3ashra", QURB_INTENT_BOOK, NULL, "LAA1", "10:00" },
  { "7jz laa1 m3a l3echra w nass", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "حجز LAA1 الساعة 10 و نص", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "حجز LAA1 9 ونص", QURB_INTENT_BOOK, NULL, "LAA1", "09:30" },
  { "حجز LAA1 9 الا ربع", QURB_INTENT_BOOK, NULL, "LAA1", "08:45" },
  { "7jz laa1 m3a 10 w 20 d9i9a", QURB_INTENT_BOOK, NULL, "LAA1", "10:20" },
  { "7jz laa1 m3a 10 w 20", QURB_INTENT_BOOK, NULL, "LAA1", NULL, NULL, NULL, NULL, TRUE },
  { "حجز LAA1 الساعة 10 و نسف", QURB_INTENT_BOOK, NULL, "LAA1", NULL, NULL, NULL, NULL, TRUE },
  /* A part of the day after the hour; named alone, it is no slot of ours
   * to choose (never the morning's first one for "l'après-midi"). */
  { "7jzli f GLM1 l 3 dial l3chiya", QURB_INTENT_BOOK, NULL, "GLM1", "15:00" },
  { "reserver GLM1 a 3 de l'apres-midi", QURB_INTENT_BOOK, NULL, "GLM1", "15:00" },
  { "حجز GLM1 10 ديال الصباح", QURB_INTENT_BOOK, NULL, "GLM1", "10:00" },
  { "reserver GLM1 a midi", QURB_INTENT_BOOK, NULL, "GLM1", "12:00" },
  { "reserver GLM1 l'apres-midi", QURB_INTENT_BOOK, NULL, "GLM1", NULL, NULL, NULL, NULL, TRUE },
  { "7jz GLM1 fl3chiya", QURB_INTENT_BOOK, NULL, "GLM1", NULL, NULL, NULL, NULL, TRUE },
  { "bonsoir, reserver GLM1", QURB_INTENT_BOOK, NULL, "GLM1" },
  /* The Arabic comma separates as the Latin one does. */
  { "حجز LAA1 10،30", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "reserver laa1 10,30", QURB_INTENT_BOOK, NULL, "LAA1", "10:30" },
  { "حجز،LAA1،الساعة 10", QURB_INTENT_BOOK, NULL, "LAA1", "10:00" },
  { "حالة الملف،2024001234", QURB_INTENT_STATUS, "2024001234" },
  { "الغاء،K7P-2QX", QURB_INTENT_CANCEL, NULL, NULL, NULL, "K7P2QX" },
  { "remboursement 12,50 dh", QURB_INTENT_STATUS },
  { "reserver conc", QURB_INTENT_BOOK, NULL, "CONC" },   /* letters only: a code of the database */
  { "reserver laa1 9h75", QURB_INTENT_BOOK, NULL, "LAA1", NULL, NULL, NULL, NULL, TRUE },
  { "reserver laa1 25:00", QURB_INTENT_BOOK, NULL, "LAA1", NULL, NULL, NULL, NULL, TRUE },
  /* The intent follows what the message holds. */
  { "je voudrais un rendez-vous pour GLM1 à 9h", QURB_INTENT_BOOK, NULL, "GLM1", "09:00" },
  { "بغيت موعد ف SMA1", QURB_INTENT_BOOK, NULL, "SMA1" },
  { "mes résa stp", QURB_INTENT_MY_BOOKINGS },
  { "lmaw3id dyali", QURB_INTENT_MY_BOOKINGS },
  { "bghit nreservi f kafila dyal guelmim", QURB_INTENT_BOOK, NULL, NULL, NULL, NULL, "Guelmim" },
  { "7jz GLM1", QURB_INTENT_BOOK, NULL, "GLM1" },
  { "bghit n7jez f smara", QURB_INTENT_BOOK, NULL, NULL, NULL, NULL, "Smara" },   /* no code N7JEZF */
  { "annuler rdv K7P2QX", QURB_INTENT_CANCEL, NULL, NULL, NULL, "K7P2QX" },
  { "lghi k7p 2qx", QURB_INTENT_CANCEL, NULL, NULL, NULL, "K7P2QX" },
  { "annuler merci", QURB_INTENT_CANCEL },                  /* no code in sight */
  { "annuler abcdef", QURB_INTENT_CANCEL },                 /* b is not in our codes */
  { "annuler mon rdv LAA1", QURB_INTENT_CANCEL, NULL, "LAA1" },
  { "وقف الحجز ديالي", QURB_INTENT_CANCEL },
  /* Not cancelling is no cancel; about the booking held, its list. */
  { "ما بغيتش نلغي الموعد، غير بغيت نعرف امتى هو", QURB_INTENT_MY_BOOKINGS },
  { "je ne veux pas annuler mon rdv, c'est quand ?", QURB_INTENT_MY_BOOKINGS },
  { "ma bghitch nlghi l7jz", QURB_INTENT_MY_BOOKINGS },
  { "je n'annule pas mon rdv, je veux juste savoir l'heure", QURB_INTENT_MY_BOOKINGS },
  { "bghit n'annuler reservation dyali", QURB_INTENT_CANCEL },
  { "ma bghitch nlghi, ghir bghit n3ref fo9ach", QURB_INTENT_MY_BOOKINGS },
  { "بغيت نلغي الحجز ديالي", QURB_INTENT_CANCEL },
  { "annuler les messages", QURB_INTENT_STOP },
  { "mes rdv svp", QURB_INTENT_MY_BOOKINGS },
  /* Darija verb forms and negation. */
  { "Stop", QURB_INTENT_STOP },
  { "STOOOOP", QURB_INTENT_STOP },
  { "وقفولي الرسائل", QURB_INTENT_STOP },
  { "w9fo lia lmessages", QURB_INTENT_STOP },
  { "ما بغيتش الرسائل", QURB_INTENT_STOP },
  { "mabghitch les sms", QURB_INTENT_STOP },
  { "je ne veux plus recevoir vos messages", QURB_INTENT_STOP },
  { "بغيت نتوصل بالرسائل", QURB_INTENT_START },
  { "ما توصلتش بالرسالة", QURB_INTENT_UNKNOWN },         /* a message that did not come */
  /* Not receiving is a complaint, not a stop; with a dossier, a status. */
  { "ولم أتوصل بأي جواب إلى حد الآن، أرجو أن تخبروني بحالة الملف", QURB_INTENT_STATUS },
  { "Je ne reçois plus vos messages, pouvez-vous me dire où en est mon dossier ?", QURB_INTENT_STATUS },
  { "ما بقيتش كنتوصل بالرسائل ديالكم، بغيت نعرف حالة الملف", QURB_INTENT_STATUS },
  { "je recois plus rien de vous", QURB_INTENT_UNKNOWN },
  { "ما كيوصلني والو", QURB_INTENT_UNKNOWN },
  { "ma kay wslni walo mn 3ndkom", QURB_INTENT_UNKNOWN },
  { "لا أرغب في تلقي الرسائل", QURB_INTENT_STOP },
  { "ماعاد بغيتش نتوصل بالميساجات", QURB_INTENT_STOP },
  { "ne m'envoyez plus de sms", QURB_INTENT_STOP },
  { "start", QURB_INTENT_START },
  { "عاونيني", QURB_INTENT_HELP },
  { "aideeee", QURB_INTENT_HELP },
  { "ما فهمتش", QURB_INTENT_HELP },
  { "كيفاش", QURB_INTENT_HELP },
  { "???", QURB_INTENT_HELP },
  { "FR", QURB_INTENT_LANGUAGE, NULL, NULL, NULL, NULL, NULL, "fr" },
  { "بالعربية", QURB_INTENT_LANGUAGE, NULL, NULL, NULL, NULL, NULL, "ar" },
  { "ما كنعرفش العربية", QURB_INTENT_LANGUAGE, NULL, NULL, NULL, NULL, NULL, "fr" },
  /* Courtesy asks nothing. */
  { "شكرا", QURB_INTENT_IGNORED },
  { "merci bien", QURB_INTENT_IGNORED },
  { "ok", QURB_INTENT_IGNORED },
  { "👍", QURB_INTENT_IGNORED },
  { "merci pour votre aide", QURB_INTENT_IGNORED },
  /* Thanks or praise for a past caravan asks nothing. */
  { "شكرا على القافلة", QURB_INTENT_IGNORED },
  { "merci pour la caravane c'était bien", QURB_INTENT_IGNORED },
  { "الله يعطيكم الصحة على القافلة، كانت زوينة", QURB_INTENT_IGNORED },
  { "merci pour la caravane, quand est la prochaine ?", QURB_INTENT_CARAVANS },
  { "السلام عليكم، عاونوني", QURB_INTENT_HELP },
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
      qurb_sms_parse (c->text, fixture_codes, &command);
      g_assert_cmpstr (qurb_intent_name (command.intent), ==, qurb_intent_name (c->intent));
      g_assert_cmpstr (command.dossier, ==, c->dossier ? c->dossier : "");
      g_assert_cmpstr (command.caravan, ==, c->caravan ? c->caravan : "");
      g_assert_cmpstr (command.time, ==, c->time ? c->time : "");
      g_assert_cmpstr (command.booking, ==, c->booking ? c->booking : "");
      g_assert_cmpstr (command.province, ==, c->province);
      g_assert_cmpstr (command.lang, ==, c->lang);
      g_assert_cmpint (command.time_unreadable, ==, c->time_unreadable);
    }
}

static void
test_parse_scripts (void)
{
  QurbSmsCommand command;

  qurb_sms_parse ("7ala", NULL, &command);
  g_assert_cmpint (command.script, ==, QURB_SCRIPT_LATIN);
  qurb_sms_parse ("حالة 2024001234", NULL, &command);
  g_assert_cmpint (command.script, ==, QURB_SCRIPT_ARABIC);
  qurb_sms_parse ("٢٠٢٤٠٠١٢٣٤", NULL, &command);
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
