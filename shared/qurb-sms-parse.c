/* qurb-sms-parse.c — what a member's SMS asks for: the command language */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-booking-rules.h"
#include "qurb-provinces.h"
#include "qurb-sms-parse.h"

typedef struct {
  const gchar *word;      /* as people write it; folded before use */
  QurbIntent intent;
  const gchar *lang;      /* for QURB_INTENT_LANGUAGE */
} Keyword;

/* French, Arabic, then Darija in Latin letters (3=ع, 7=ح, 9=ق, 2=ء). */
static const Keyword keywords[] = {
  { "etat", QURB_INTENT_STATUS }, { "statut", QURB_INTENT_STATUS },
  { "suivi", QURB_INTENT_STATUS }, { "dossier", QURB_INTENT_STATUS },
  { "dossiers", QURB_INTENT_STATUS },
  { "حالة", QURB_INTENT_STATUS }, { "ملف", QURB_INTENT_STATUS }, { "ملفي", QURB_INTENT_STATUS },
  { "ملفات", QURB_INTENT_STATUS }, { "تتبع", QURB_INTENT_STATUS }, { "وضعية", QURB_INTENT_STATUS },
  { "hala", QURB_INTENT_STATUS }, { "7ala", QURB_INTENT_STATUS }, { "malaf", QURB_INTENT_STATUS },
  { "malafi", QURB_INTENT_STATUS },

  { "caravane", QURB_INTENT_CARAVANS }, { "caravanes", QURB_INTENT_CARAVANS },
  { "قافلة", QURB_INTENT_CARAVANS }, { "قوافل", QURB_INTENT_CARAVANS },
  { "kafila", QURB_INTENT_CARAVANS }, { "qafila", QURB_INTENT_CARAVANS },
  { "9afila", QURB_INTENT_CARAVANS }, { "9wafl", QURB_INTENT_CARAVANS },

  { "reserver", QURB_INTENT_BOOK }, { "resa", QURB_INTENT_BOOK },
  { "reservation", QURB_INTENT_BOOK }, { "reserve", QURB_INTENT_BOOK },
  { "حجز", QURB_INTENT_BOOK }, { "احجز", QURB_INTENT_BOOK }, { "نحجز", QURB_INTENT_BOOK },
  { "hjz", QURB_INTENT_BOOK }, { "7jz", QURB_INTENT_BOOK }, { "n7jz", QURB_INTENT_BOOK },
  { "hjez", QURB_INTENT_BOOK }, { "7jez", QURB_INTENT_BOOK },

  { "annuler", QURB_INTENT_CANCEL }, { "annulation", QURB_INTENT_CANCEL },
  { "الغاء", QURB_INTENT_CANCEL }, { "الغي", QURB_INTENT_CANCEL }, { "لغي", QURB_INTENT_CANCEL },
  { "lghi", QURB_INTENT_CANCEL }, { "nlghi", QURB_INTENT_CANCEL }, { "ilgha2", QURB_INTENT_CANCEL },

  { "mesrdv", QURB_INTENT_MY_BOOKINGS }, { "rdv", QURB_INTENT_MY_BOOKINGS },
  { "مواعيدي", QURB_INTENT_MY_BOOKINGS }, { "موعدي", QURB_INTENT_MY_BOOKINGS },
  { "مواعيد", QURB_INTENT_MY_BOOKINGS }, { "mawa3idi", QURB_INTENT_MY_BOOKINGS },
  { "maw3idi", QURB_INTENT_MY_BOOKINGS },

  { "stop", QURB_INTENT_STOP }, { "arret", QURB_INTENT_STOP }, { "arreter", QURB_INTENT_STOP },
  { "توقف", QURB_INTENT_STOP }, { "وقف", QURB_INTENT_STOP }, { "بركا", QURB_INTENT_STOP },

  { "start", QURB_INTENT_START }, { "abonner", QURB_INTENT_START }, { "reprendre", QURB_INTENT_START },
  { "اشتراك", QURB_INTENT_START }, { "اشترك", QURB_INTENT_START },

  { "aide", QURB_INTENT_HELP }, { "help", QURB_INTENT_HELP }, { "menu", QURB_INTENT_HELP },
  { "مساعدة", QURB_INTENT_HELP }, { "عاون", QURB_INTENT_HELP }, { "3awn", QURB_INTENT_HELP },

  { "fr", QURB_INTENT_LANGUAGE, "fr" }, { "francais", QURB_INTENT_LANGUAGE, "fr" },
  { "fransawiya", QURB_INTENT_LANGUAGE, "fr" }, { "الفرنسية", QURB_INTENT_LANGUAGE, "fr" },
  { "فرنسية", QURB_INTENT_LANGUAGE, "fr" },
  { "عربية", QURB_INTENT_LANGUAGE, "ar" }, { "العربية", QURB_INTENT_LANGUAGE, "ar" },
  { "arabe", QURB_INTENT_LANGUAGE, "ar" }, { "ar", QURB_INTENT_LANGUAGE, "ar" },
  { "3arbiya", QURB_INTENT_LANGUAGE, "ar" },
};

/* When a message names several intents, the first of this list wins:
 * "إلغاء الحجز K7P2QX" cancels, "annuler rdv" too. */
static const QurbIntent precedence[] = {
  QURB_INTENT_CANCEL, QURB_INTENT_MY_BOOKINGS, QURB_INTENT_BOOK, QURB_INTENT_STATUS,
  QURB_INTENT_CARAVANS, QURB_INTENT_LANGUAGE, QURB_INTENT_STOP, QURB_INTENT_START,
  QURB_INTENT_HELP,
};

typedef struct {
  gchar *folded;
  const Keyword *keyword;
} FoldedKeyword;

typedef struct {
  FoldedKeyword *keywords;
  pcre2_code *time_re;       /* 10:30, 10h30, 9h, ١٠:٣٠ (folded) */
  pcre2_code *dossier_re;    /* a run of 6–15 digits */
  pcre2_code *caravan_re;    /* a token of letters and digits with both */
  pcre2_code *booking_re;    /* a token of our booking-code alphabet */
} Grammar;

static pcre2_code *
compile (const gchar *pattern)
{
  gint code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &offset, NULL);

  if (re == NULL)
    g_error ("bad pattern %s at %zu (%d)", pattern, offset, code);
  return re;
}

static const Grammar *
grammar (void)
{
  static gsize built;
  static Grammar g;

  if (g_once_init_enter (&built))
    {
      g.keywords = g_new0 (FoldedKeyword, G_N_ELEMENTS (keywords));
      for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
        {
          g.keywords[i].folded = qurb_fold (keywords[i].word);
          g.keywords[i].keyword = &keywords[i];
        }
      g.time_re = compile ("(?<![\\d:])([01]?\\d|2[0-3])\\s*(?:[:h]\\s*([0-5]\\d)|h)(?![\\d\\p{L}])");
      g.dossier_re = compile ("(?<!\\d)\\d{6,15}(?!\\d)");
      g.caravan_re = compile ("^(?=[a-z\\d]*[a-z])(?=[a-z\\d]*\\d)[a-z\\d]{3,8}$");
      g.booking_re = compile ("^[234679acdefghjkmnpqrtwxyz]{6}$");
      g_once_init_leave (&built, 1);
    }
  return &g;
}

/* Matches re in subject; group n of the first match into out. */
static gboolean
match_group (pcre2_code *re, const gchar *subject, guint n, gchar *out, gsize size)
{
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (re, NULL);
  gboolean found = pcre2_match (re, (PCRE2_SPTR) subject, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL) > 0;

  if (found && out != NULL)
    {
      PCRE2_SIZE length = size;
      if (pcre2_substring_copy_bynumber (md, n, (PCRE2_UCHAR *) out, &length) != 0)
        out[0] = '\0';
    }
  pcre2_match_data_free (md);
  return found;
}

/* The intent a token names, or UNKNOWN; ambiguous typos name none. */
static const Keyword *
keyword_for (const gchar *token)
{
  const Grammar *g = grammar ();
  g_autofree gchar *stripped = qurb_token_is_arabic (token) ? qurb_strip_arabic_prefix (token) : NULL;
  const gchar *candidates[] = { token, stripped };
  const Keyword *best = NULL;
  guint best_distance = G_MAXUINT;
  gboolean ambiguous = FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (candidates) && candidates[c]; c++)
    for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
      {
        const gchar *word = g->keywords[i].folded;
        /* A word bared of its prefix must then match exactly: "العيون"
         * bared is "عيون", one letter from "عاون". */
        guint allowed = c > 0 ? 0 : MIN (qurb_typos_allowed (word), qurb_typos_allowed (candidates[c]));
        guint d = qurb_edit_distance (candidates[c], word, allowed);

        if (d > allowed)
          continue;
        if (d < best_distance)
          {
            best = g->keywords[i].keyword;
            best_distance = d;
            ambiguous = FALSE;
          }
        else if (d == best_distance && best->intent != g->keywords[i].keyword->intent)
          ambiguous = TRUE;
      }
  return ambiguous ? NULL : best;
}

static const Keyword *
exact_keyword (const gchar *token)
{
  const Grammar *g = grammar ();

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strcmp (token, g->keywords[i].folded) == 0)
      return g->keywords[i].keyword;
  return NULL;
}

static gboolean
all_digits (const gchar *token)
{
  for (const gchar *p = token; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_time_token (const gchar *token)
{
  return match_group (grammar ()->time_re, token, 0, NULL, 0);
}

static void
find_caravan_code (GPtrArray *tokens, const gboolean *is_keyword, QurbSmsCommand *command)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const gchar *token = tokens->pdata[i];

      if (is_keyword[i] || is_time_token (token) || !match_group (grammar ()->caravan_re, token, 0, NULL, 0))
        continue;
      for (guint k = 0; k < sizeof command->caravan - 1 && token[k]; k++)
        command->caravan[k] = g_ascii_toupper (token[k]);
      return;
    }
}

/* Codes with a digit first: a six-letter word may pass for one. A code
 * typed with a dash or a space ("K7P-2QX") arrives as two tokens. */
static void
find_booking_code (GPtrArray *tokens, const gboolean *is_keyword, QurbSmsCommand *command)
{
  g_autofree gchar *fallback = NULL;

  for (guint i = 0; i < tokens->len; i++)
    for (guint span = 1; span <= 2 && i + span <= tokens->len; span++)
      {
        g_autofree gchar *candidate = NULL;

        if (is_keyword[i] || (span == 2 && is_keyword[i + 1]))
          continue;
        candidate = span == 1 ? g_strdup (tokens->pdata[i])
                              : g_strconcat (tokens->pdata[i], tokens->pdata[i + 1], NULL);
        if (!match_group (grammar ()->booking_re, candidate, 0, NULL, 0))
          continue;
        if (strpbrk (candidate, "0123456789") != NULL)
          {
            qurb_booking_code_normalize (candidate, command->booking);
            return;
          }
        if (fallback == NULL)
          fallback = g_steal_pointer (&candidate);
      }
  if (fallback != NULL)
    qurb_booking_code_normalize (fallback, command->booking);
}

static void
find_time (const gchar *folded, QurbSmsCommand *command)
{
  gchar hour[3] = "", minute[3] = "";

  if (!match_group (grammar ()->time_re, folded, 1, hour, sizeof hour))
    return;
  if (!match_group (grammar ()->time_re, folded, 2, minute, sizeof minute) || minute[0] == '\0')
    strcpy (minute, "00");
  g_snprintf (command->time, sizeof command->time, "%02d:%s", atoi (hour), minute);
}

/* A message of nothing but question marks asks for help. */
static gboolean
only_question_marks (const gchar *folded)
{
  gboolean any = FALSE;

  for (const gchar *p = folded; *p; p++)
    {
      if (*p == '?')
        any = TRUE;
      else if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return any;
}

void
qurb_sms_parse (const gchar *text, QurbSmsCommand *command)
{
  const Grammar *g = grammar ();
  g_autofree gchar *folded = qurb_fold (text);
  g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree gboolean *is_keyword = g_new0 (gboolean, tokens->len + 1);
  gboolean named[QURB_INTENT_IGNORED + 1] = { FALSE };
  const gchar *lang = NULL;

  memset (command, 0, sizeof *command);
  command->script = qurb_script_of (folded);

  for (guint i = 0; i < tokens->len; i++)
    {
      const gchar *token = tokens->pdata[i];
      const Keyword *keyword;

      /* "mes rdv" is written in one word or two. */
      if (i + 1 < tokens->len)
        {
          g_autofree gchar *joined = g_strconcat (token, tokens->pdata[i + 1], NULL);

          keyword = exact_keyword (joined);
          if (keyword != NULL)
            {
              is_keyword[i] = is_keyword[i + 1] = TRUE;
              named[keyword->intent] = TRUE;
              i++;
              continue;
            }
        }
      keyword = all_digits (token) || is_time_token (token) ? NULL : keyword_for (token);
      if (keyword == NULL)
        {
          g_ptr_array_add (rest, (gpointer) token);
          continue;
        }
      is_keyword[i] = TRUE;
      named[keyword->intent] = TRUE;
      if (keyword->intent == QURB_INTENT_LANGUAGE && lang == NULL)
        lang = keyword->lang;
    }

  for (guint i = 0; i < G_N_ELEMENTS (precedence) && command->intent == QURB_INTENT_UNKNOWN; i++)
    if (named[precedence[i]])
      command->intent = precedence[i];

  match_group (g->dossier_re, folded, 0, command->dossier, sizeof command->dossier);
  if (command->intent == QURB_INTENT_UNKNOWN && command->dossier[0] != '\0')
    command->intent = QURB_INTENT_STATUS;
  if (command->intent == QURB_INTENT_UNKNOWN && only_question_marks (folded))
    command->intent = QURB_INTENT_HELP;

  switch (command->intent)
    {
    case QURB_INTENT_CARAVANS:
      command->province = qurb_province_find (rest, NULL, NULL);
      break;
    case QURB_INTENT_BOOK:
      find_caravan_code (tokens, is_keyword, command);
      find_time (folded, command);
      break;
    case QURB_INTENT_CANCEL:
      find_booking_code (tokens, is_keyword, command);
      break;
    case QURB_INTENT_LANGUAGE:
      command->lang = lang;
      break;
    default:
      break;
    }
  if (command->intent != QURB_INTENT_STATUS)
    command->dossier[0] = '\0';
}

const gchar *
qurb_intent_name (QurbIntent intent)
{
  static const gchar *const names[] = {
    "unknown", "status", "caravans", "book", "cancel", "my_bookings", "stop", "start",
    "help", "language", "ignored",
  };

  g_return_val_if_fail (intent < G_N_ELEMENTS (names), "unknown");
  return names[intent];
}
