/* qurb-speech.c — what the kiosk says aloud */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "qurb-i18n.h"
#include "qurb-speech.h"

/* Every prompt below is looked up in context "speech": its Arabic has
 * all its vowels. The synthesiser pauses at a comma and a full stop. */
#define SAY(context, s) qurb_dpgettext (lang, context, s)

/* The booking codes' letters (qurb-booking-rules.c) by their French
 * names, as members in Morocco say them, in Arabic letters. */
static const struct {
  gchar letter;
  const gchar *arabic;
} letter_names[] = {
  { 'A', "آ" }, { 'C', "سِي" }, { 'D', "دِي" }, { 'E', "أُو" }, { 'F', "إِفْ" }, { 'G', "جِيه" },
  { 'H', "آشْ" }, { 'J', "جِي" }, { 'K', "كَا" }, { 'M', "إِيمْ" }, { 'N', "إِينْ" }, { 'P', "بِي" },
  { 'Q', "كُو" }, { 'R', "إِيرْ" }, { 'T', "تِي" }, { 'W', "دُوبْلُو فِي" }, { 'X', "إِيكْسْ" },
  { 'Y', "إِيغْرِيكْ" }, { 'Z', "زِيدْ" }, { 'B', "بِي" }, { 'I', "إِي" }, { 'L', "إِيلْ" },
  { 'O', "أُو" }, { 'S', "إِيسْ" }, { 'U', "يُو" }, { 'V', "فِي" },
};

static gboolean
arabic (const gchar *lang)
{
  return g_strcmp0 (lang, "ar") == 0;
}

/* "K7P2QX" → "K, 7, P, 2, Q, X": one sign at a time, a pause between
 * two; in Arabic the letters by name, the digits as they are (the
 * Arabic voice reads "7" as sabʿa). Anything else is left out. */
gchar *
qurb_speech_spell (const gchar *lang, const gchar *code)
{
  GString *spoken = g_string_new (NULL);

  for (const gchar *p = code; p && *p; p++)
    {
      gchar c = g_ascii_toupper (*p);
      const gchar one[2] = { c, '\0' };
      const gchar *name = NULL;

      if (g_ascii_isdigit (c))
        name = one;
      else if (g_ascii_isalpha (c))
        {
          name = one;
          for (guint i = 0; arabic (lang) && i < G_N_ELEMENTS (letter_names); i++)
            if (letter_names[i].letter == c)
              name = letter_names[i].arabic;
        }
      if (name == NULL)
        continue;
      if (spoken->len > 0)
        g_string_append (spoken, arabic (lang) ? "، " : ", ");
      g_string_append (spoken, name);
    }
  return g_string_free (spoken, FALSE);
}

/* "2027-02-03" → "3 février 2027": the day's number and the month by
 * name (a date in figures is read as a sum). */
gchar *
qurb_speech_date (const gchar *lang, const gchar *iso_date)
{
  const gchar *const months[] = {
    NC_("speech", "January"), NC_("speech", "February"), NC_("speech", "March"), NC_("speech", "April"),
    NC_("speech", "May"), NC_("speech", "June"), NC_("speech", "July"), NC_("speech", "August"),
    NC_("speech", "September"), NC_("speech", "October"), NC_("speech", "November"),
    NC_("speech", "December"),
  };
  guint year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3 || month < 1 || month > 12)
    return g_strdup (iso_date ? iso_date : "");
  /* TRANSLATORS: spoken; %1$u the day, %2$s the month's name, %3$u the year */
  return g_strdup_printf (SAY ("speech", "%1$u %2$s %3$u"), day, SAY ("speech", months[month - 1]), year);
}

/* "09:30" → "9 heures 30"; "10:00" → "10 heures". */
gchar *
qurb_speech_time (const gchar *lang, const gchar *hh_mm)
{
  guint hours, minutes;

  if (hh_mm == NULL || sscanf (hh_mm, "%2u:%2u", &hours, &minutes) != 2)
    return g_strdup (hh_mm ? hh_mm : "");
  if (minutes == 0)
    /* TRANSLATORS: spoken; a time on the hour, %u the hour */
    return g_strdup_printf (SAY ("speech", "%u o'clock"), hours);
  /* TRANSLATORS: spoken; %1$u the hour, %2$u the minutes */
  return g_strdup_printf (SAY ("speech", "%1$u hours %2$u"), hours, minutes);
}

static const gchar *
status_spoken (const gchar *lang, QurbClaimStatus status)
{
  /* In QurbClaimStatus order, as qurb_claim_status_label shows them. */
  const gchar *const statuses[] = {
    NC_("speech", "Received"), NC_("speech", "Being processed"), NC_("speech", "Sent to the managing body"),
    NC_("speech", "Paid"), NC_("speech", "Rejected"), NC_("speech", "Waiting for documents"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), "");
  return SAY ("speech", statuses[status]);
}

static void
say_claims (GString *out, const gchar *lang, const QurbSpeechContent *content)
{
  if (content->n_claims == 0)
    {
      g_string_append_printf (out, " %s", SAY ("speech", "You have no claim file."));
      return;
    }
  g_string_append_printf (out, " %s", SAY ("speech", "Your claim files."));
  for (guint i = 0; i < content->n_claims; i++)
    {
      g_autofree gchar *number = qurb_speech_spell (lang, content->claims[i].dossier_no);

      /* TRANSLATORS: spoken; %1$s a file's number, digit by digit, %2$s its status */
      g_string_append (out, " ");
      g_string_append_printf (out, SAY ("speech", "File %1$s: %2$s."), number, status_spoken (lang, content->claims[i].status));
    }
}

/* A visit: the caravan, its place, its day and time, then its code. */
static void
say_visit (GString *out, const gchar *lang, const QurbSpeechVisit *visit)
{
  g_autofree gchar *day = qurb_speech_date (lang, visit->date);

  g_string_append_printf (out, " %s%s %s.", visit->title ? visit->title : "", arabic (lang) ? "،" : ",",
                          visit->site ? visit->site : "");
  g_string_append (out, " ");
  if (visit->time != NULL)
    {
      g_autofree gchar *time = qurb_speech_time (lang, visit->time);
      /* TRANSLATORS: spoken; %1$s a day ("3 February 2027"), %2$s a time */
      g_string_append_printf (out, SAY ("speech", "On %1$s, at %2$s."), day, time);
    }
  else
    /* TRANSLATORS: spoken; %s a day ("3 February 2027") */
    g_string_append_printf (out, SAY ("speech", "On %s."), day);
  if (visit->code != NULL)
    {
      g_autofree gchar *code = qurb_speech_spell (lang, visit->code);
      g_string_append (out, " ");
      /* TRANSLATORS: spoken; %s the booking code, one letter at a time */
      g_string_append_printf (out, SAY ("speech", "Your booking code: %s."), code);
    }
}

/* What a button says, as one phrase: its lines joined by a pause, the
 * direction marks of the screen (U+2066…U+2069) left out. */
static void
say_choices (GString *out, const gchar *lang, const gchar *const *choices)
{
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      g_string_append_c (out, ' ');
      for (const gchar *p = choices[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\n')
            g_string_append (out, arabic (lang) ? "، " : ", ");
          else if (c < 0x2066 || c > 0x2069)
            g_string_append_unichar (out, c);
        }
      g_string_append_c (out, '.');
    }
}

/* The whole screen, instruction first, as one text. */
gchar *
qurb_speech_compose (const gchar *lang, const QurbSpeechContent *content)
{
  GString *out = g_string_new (NULL);

  switch (content->screen)
    {
    case QURB_SPEECH_HOME:
      g_string_append (out, SAY ("speech", "Welcome. To see your claim files, touch the first large button. To book a seat in a medical caravan, touch the second. To see your bookings, touch the third."));
      break;
    case QURB_SPEECH_IDENTIFY:
      g_string_append (out, SAY ("speech", "Type your member number with the keys, then the number of your identity card, then touch Continue."));
      break;
    case QURB_SPEECH_CLAIMS:
      say_claims (out, lang, content);
      break;
    case QURB_SPEECH_PROVINCES:
      g_string_append (out, SAY ("speech", "Choose your province:"));
      say_choices (out, lang, content->choices);
      break;
    case QURB_SPEECH_CARAVANS:
      g_string_append (out, SAY ("speech", "Choose a caravan:"));
      say_choices (out, lang, content->choices);
      break;
    case QURB_SPEECH_SLOTS:
      g_string_append (out, SAY ("speech", "Choose a time:"));
      say_choices (out, lang, content->choices);
      break;
    case QURB_SPEECH_CONFIRM:
      g_string_append (out, SAY ("speech", "Check your booking."));
      say_choices (out, lang, content->choices);
      for (guint i = 0; i < content->n_visits; i++)
        say_visit (out, lang, &content->visits[i]);
      g_string_append_printf (out, " %s", SAY ("speech", "To book, touch the green button, Confirm the booking."));
      break;
    case QURB_SPEECH_BOOKED:
    case QURB_SPEECH_TICKET:
      g_string_append (out, content->screen == QURB_SPEECH_BOOKED ? SAY ("speech", "Your booking is confirmed.")
                                                                  : SAY ("speech", "Your ticket."));
      for (guint i = 0; i < content->n_visits; i++)
        say_visit (out, lang, &content->visits[i]);
      g_string_append_printf (out, " %s", SAY ("speech", "Show this code at the caravan."));
      if (content->printed)
        g_string_append_printf (out, " %s", SAY ("speech", "Your ticket is printed: take it from the printer."));
      break;
    case QURB_SPEECH_BOOKINGS:
      if (content->n_visits == 0)
        g_string_append (out, SAY ("speech", "You have no upcoming booking."));
      else
        g_string_append (out, SAY ("speech", "Your upcoming bookings."));
      for (guint i = 0; i < content->n_visits; i++)
        say_visit (out, lang, &content->visits[i]);
      break;
    case QURB_SPEECH_WAITLIST:
      g_string_append (out, SAY ("speech", "This caravan is full. You can join its waiting list: if a seat is freed, it is yours, and the booking code comes by SMS."));
      break;
    case QURB_SPEECH_PHONE:
      g_string_append (out, SAY ("speech", "Type the number of your mobile phone with the keys, then touch the button to receive a code by SMS."));
      break;
    default:
      break;
    }
  return g_strstrip (g_string_free (out, FALSE));
}
