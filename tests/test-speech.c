/* test-speech.c — what the kiosk says aloud, composed from a screen's
 * content (pure: no synthesiser, no window) */
#include "config.h"

#include <string.h>

#include "qurb-i18n.h"
#include "qurb-speech.h"

/* Arabic vowel marks (tashkeel): fathatan … sukun. */
static guint
count_vowel_marks (const gchar *text)
{
  guint n = 0;

  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      n += c >= 0x064B && c <= 0x0652;
    }
  return n;
}

static void
test_spell (void)
{
  static const struct {
    const gchar *lang, *code, *spoken;
  } cases[] = {
    { "fr", "K7P2QX", "K, 7, P, 2, Q, X" },
    { "fr", "k7p-2qx", "K, 7, P, 2, Q, X" },
    { "ar", "K7P2QX", "كَا، 7، بِي، 2، كُو، إِيكْسْ" },
    { "ar", "2024 0012", "2، 0، 2، 4، 0، 0، 1، 2" },
    { "fr", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *spoken = qurb_speech_spell (cases[i].lang, cases[i].code);
      g_assert_cmpstr (spoken, ==, cases[i].spoken);
    }
}

static void
test_date_time (void)
{
  static const struct {
    const gchar *lang, *date, *time, *date_spoken, *time_spoken;
  } cases[] = {
    { "fr", "2027-02-03", "09:30", "3 février 2027", "9 heures 30" },
    { "fr", "2027-12-25", "10:00", "25 décembre 2027", "10 heures" },
    { "ar", "2027-02-03", "09:30", "3 فِبْرَايِر 2027", "9 وَ 30 دَقِيقَة" },
    { "ar", "2027-08-01", "14:00", "1 غُشْت 2027", "14" },
    { "fr", "not a date", "noon", "not a date", "noon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *date = qurb_speech_date (cases[i].lang, cases[i].date);
      g_autofree gchar *time = qurb_speech_time (cases[i].lang, cases[i].time);

      g_assert_cmpstr (date, ==, cases[i].date_spoken);
      g_assert_cmpstr (time, ==, cases[i].time_spoken);
    }
}

static const QurbSpeechClaim claims[] = { { "2024001234", QURB_CLAIM_PAYE }, { "2025000018", QURB_CLAIM_INCOMPLET } };
static const QurbSpeechVisit booked[] = {
  { "Caravane dentaire", "Centre de santé Hay Al Qods", "2027-02-04", "10:00", "KEJFXK" },
};
static const QurbSpeechVisit booked_ar[] = {
  { "القافلة الطبية لطب الأسنان", "المركز الصحي حي القدس", "2027-02-04", "10:00", "KEJFXK" },
};
static const gchar *const provinces[] = { "Laâyoune\n2 caravans", "\u2066Boujdour\u2069", NULL };

/* Each screen: what must be said, and what must not. */
static void
test_compose (void)
{
  static const struct {
    const gchar *lang;
    QurbSpeechContent content;
    const gchar *said[4];
    const gchar *unsaid;
  } cases[] = {
    { "fr", { .screen = QURB_SPEECH_HOME }, { "Bienvenue", "premier" }, NULL },
    { "fr", { .screen = QURB_SPEECH_CLAIMS, .claims = claims, .n_claims = 2 },
      { "2, 0, 2, 4, 0, 0, 1, 2, 3, 4", "Payé", "En attente de pièces" }, "2024001234" },
    { "fr", { .screen = QURB_SPEECH_CLAIMS }, { "aucun dossier" }, NULL },
    { "ar", { .screen = QURB_SPEECH_CLAIMS, .claims = claims, .n_claims = 1 }, { "تَمَّ الْأَدَاءُ", "2، 0، 2، 4" }, "تم الأداء" },
    { "fr", { .screen = QURB_SPEECH_PROVINCES, .choices = provinces },
      { "province", "Laâyoune, 2 caravans.", "Boujdour." }, "\u2066" },
    { "fr", { .screen = QURB_SPEECH_BOOKED, .visits = booked, .n_visits = 1, .printed = TRUE },
      { "confirmée", "4 février 2027, à 10 heures", "K, E, J, F, X, K", "imprimé" }, "KEJFXK" },
    { "ar", { .screen = QURB_SPEECH_BOOKED, .visits = booked_ar, .n_visits = 1 },
      { "4 فِبْرَايِر 2027", "عَلَى السَّاعَةِ 10", "كَا، أُو، جِي، إِفْ، إِيكْسْ، كَا" }, "KEJFXK" },
    { "fr", { .screen = QURB_SPEECH_BOOKINGS }, { "aucune réservation" }, NULL },
    { "fr", { .screen = QURB_SPEECH_TICKET, .visits = booked, .n_visits = 1 }, { "Votre billet", "K, E, J" }, "imprimé" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *spoken = qurb_speech_compose (cases[i].lang, &cases[i].content);

      g_test_message ("%u: %s", i, spoken);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].said) && cases[i].said[j]; j++)
        if (strstr (spoken, cases[i].said[j]) == NULL)
          g_error ("case %u: “%s” not in “%s”", i, cases[i].said[j], spoken);
      if (cases[i].unsaid != NULL)
        g_assert_null (strstr (spoken, cases[i].unsaid));
    }
}

/* The Arabic prompts carry their vowels; the screen's text does not. */
static void
test_arabic_vowelled (void)
{
  const QurbSpeechScreen screens[] = {
    QURB_SPEECH_HOME, QURB_SPEECH_IDENTIFY, QURB_SPEECH_PROVINCES, QURB_SPEECH_CARAVANS, QURB_SPEECH_SLOTS,
    QURB_SPEECH_CONFIRM, QURB_SPEECH_BOOKINGS, QURB_SPEECH_WAITLIST, QURB_SPEECH_PHONE, QURB_SPEECH_CLAIMS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      QurbSpeechContent content = { .screen = screens[i] };
      g_autofree gchar *spoken = qurb_speech_compose ("ar", &content);
      glong letters = g_utf8_strlen (spoken, -1);

      g_test_message ("%s", spoken);
      /* Vowelled Arabic: about one mark for every two or three signs. */
      g_assert_cmpuint (count_vowel_marks (spoken) * 6, >, (guint) letters);
    }
  g_assert_cmpuint (count_vowel_marks (qurb_dgettext ("ar", "Your upcoming bookings.")), ==, 0);
  g_assert_cmpuint (count_vowel_marks (qurb_dpgettext ("ar", "speech", "Your upcoming bookings.")), >, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/speech/spell", test_spell);
  g_test_add_func ("/speech/date-time", test_date_time);
  g_test_add_func ("/speech/compose", test_compose);
  g_test_add_func ("/speech/arabic-vowelled", test_arabic_vowelled);
  return g_test_run ();
}
