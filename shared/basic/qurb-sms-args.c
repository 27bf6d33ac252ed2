/* qurb-sms-args.c — the arguments of an SMS command, in every shape
 * members write them */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-booking-rules.h"
#include "qurb-fold.h"
#include "qurb-sms-args.h"
#include "qurb-sms-lexicon.h"

/* An hour not glued to a longer number, a date or a code. */
#define HOUR "(?<![\\d.:/a-z-])([01]?\\d|2[0-3])"
#define AND "(?:و|w|wa|ou|u|et)"
#define HALF "(?:ال)?(?:نص|نصف)|nss|nes|ns|nos|noss|nus|nous|demie?"
#define QUARTER "(?:ال)?ربع|rb3|rob3|roba3|reb3|rbe3|quart"
#define THIRD "(?:ال)?(?:ثلث|تلت)|tlt|tolt|toult"
#define HOUR_WORD "(?:\\s*(?:h|heures?|hrs?|ساعه|ساعات)(?![a-z]))?"

typedef enum {
  SHAPE_HOUR_MINUTE,    /* 10:30, 10h30, 10 h 30, 10.30 */
  SHAPE_FRACTION,       /* 10 و نص, 10h et quart, 9 heures et demie */
  SHAPE_LESS_QUARTER,   /* 10 غير ربع, 10h moins le quart */
  SHAPE_HOUR,           /* 10h, 10 heures */
  SHAPE_CUED_HOUR,      /* الساعة 10, مع 10, m3a 10, à 10, vers 10 */
} TimeShape;

typedef struct {
  pcre2_code *shapes[SHAPE_CUED_HOUR + 1];
  pcre2_code *cue;          /* something that says a time was meant */
  pcre2_code *afternoon;
  pcre2_code *dossier;
} Patterns;

static pcre2_code *
compile (const gchar *pattern)
{
  gint code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &offset, NULL);

  if (re == NULL)
    g_error ("bad pattern %s at %zu (%d)", pattern, offset, code);
  pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
  return re;
}

static const Patterns *
patterns (void)
{
  static gsize built;
  static Patterns p;

  if (g_once_init_enter (&built))
    {
      p.shapes[SHAPE_HOUR_MINUTE] = compile (HOUR "\\s*(?:h|:|\\.|heures?|hrs?)\\s*([0-5]\\d)(?!\\d)");
      p.shapes[SHAPE_FRACTION] = compile (HOUR HOUR_WORD "\\s*" AND "?\\s*(" HALF "|" QUARTER "|" THIRD ")(?![a-z])");
      p.shapes[SHAPE_LESS_QUARTER] = compile (HOUR HOUR_WORD "\\s*(?:غير|الا|لا|ghir|ghi|gher|illa|ila|lla|moins(?:\\s*le)?)\\s*(" QUARTER ")");
      p.shapes[SHAPE_HOUR] = compile (HOUR "\\s*(?:h|heures?|hrs?)(?![a-z\\d])");
      p.shapes[SHAPE_CUED_HOUR] = compile ("(?<![\\p{L}\\d])(?:الساعه|ساعه|مع|m3a|ma3a|m3|a|vers|partir\\s*de|على|3la|3lla)\\s*" HOUR "(?![\\d:.\\p{L}])(?!\\s*(?:ans?|سنه|سنين|عام|اعوام)(?!\\p{L}))");
      p.cue = compile ("\\d\\s*(?:h|:)(?![a-z])|\\d\\s*heures?|الساعه|(?:مع|m3a|ma3a)\\s*\\d");
      p.afternoon = compile ("apres\\s*midi|aprem|soir|العشيه|عشيه|3chia|3chiya|l3chia|بعد\\s*الزوال|pm(?![a-z])");
      /* Not the digits of a CIN (one or two letters, then digits). */
      p.dossier = compile ("(?<!\\d)(?<!\\b[a-z])(?<!\\b[a-z]{2})\\d{3,}(?:[ .\\-/]\\d{3,})*(?!\\d)");
      g_once_init_leave (&built, 1);
    }
  return &p;
}

/* Match re in subject from offset; the groups' spans into ovector. */
static gboolean
match (pcre2_code *re, const gchar *subject, PCRE2_SIZE **ovector, pcre2_match_data **md)
{
  *md = pcre2_match_data_create_from_pattern (re, NULL);
  if (pcre2_match (re, (PCRE2_SPTR) subject, PCRE2_ZERO_TERMINATED, 0, 0, *md, NULL) <= 0)
    {
      pcre2_match_data_free (*md);
      *md = NULL;
      return FALSE;
    }
  *ovector = pcre2_get_ovector_pointer (*md);
  return TRUE;
}

static gint
group_number (const gchar *subject, const PCRE2_SIZE *ovector, guint n)
{
  if (ovector[2 * n] == PCRE2_UNSET)
    return -1;
  return atoi (subject + ovector[2 * n]);
}

static gint
fraction_minutes (const gchar *word)
{
  if (strstr (word, "ربع") || strstr (word, "r") || strstr (word, "quart"))
    return 15;
  if (strstr (word, "ثلث") || strstr (word, "تلت") || strstr (word, "t"))
    return 20;
  return 30;
}

static gboolean
is_word_char (const gchar *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Hour words to digits: "التاسعه" → "9", "l3achra" → "10", "midi" → "12h". */
static gchar *
hour_words_to_digits (const gchar *folded)
{
  static const struct { const gchar *word; const gchar *digits; } words[] = {
    { "الحاديه عشر", "11" }, { "الثانيه عشر", "12" },
    { "الواحده", "1" }, { "الوحده", "1" }, { "الثانيه", "2" }, { "الجوج", "2" },
    { "الثالثه", "3" }, { "الثلاثه", "3" }, { "التلاته", "3" }, { "الرابعه", "4" }, { "الربعه", "4" },
    { "الخامسه", "5" }, { "الخمسه", "5" }, { "السادسه", "6" }, { "السته", "6" },
    { "السابعه", "7" }, { "السبعه", "7" }, { "الثامنه", "8" }, { "الثمانيه", "8" }, { "التمنيه", "8" },
    { "التاسعه", "9" }, { "التسعه", "9" }, { "العاشره", "10" }, { "العشره", "10" },
    { "الحداش", "11" }, { "الطناش", "12" },
    { "tmnia", "8" }, { "tmanya", "8" }, { "tmnya", "8" }, { "ttmnya", "8" }, { "ttmnia", "8" },
    { "tes3oud", "9" }, { "tes3od", "9" }, { "ts3od", "9" }, { "t3od", "9" }, { "tse3oud", "9" },
    { "tes3ood", "9" }, { "ts3oud", "9" }, { "tes3a", "9" }, { "ts3a", "9" },
    { "l3achra", "10" }, { "3achra", "10" }, { "l3chra", "10" }, { "la3chra", "10" }, { "l3ashra", "10" },
    { "lhdach", "11" }, { "l7dach", "11" }, { "hdach", "11" }, { "7dach", "11" },
    { "ttnach", "12" }, { "tnach", "12" }, { "ltnach", "12" },
    { "midi", "12h" },
  };
  GString *out = g_string_new (folded);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize from = 0, len = strlen (words[i].word);
      const gchar *at;

      while ((at = strstr (out->str + from, words[i].word)) != NULL)
        {
          gsize pos = at - out->str;

          /* A whole word only: "tnach" is not inside another one. */
          if ((pos > 0 && is_word_char (g_utf8_prev_char (at))) || is_word_char (at + len))
            {
              from = pos + len;
              continue;
            }
          g_string_erase (out, pos, len);
          g_string_insert (out, pos, words[i].digits);
          from = pos + strlen (words[i].digits);
        }
    }
  return g_string_free (out, FALSE);
}

/* The time a member asked for, as HH:MM. Afternoon hours are written
 * 1 to 6 ("à 2h" is 14:00) or with "l3chia" / "après-midi". */
QurbTimeFound
qurb_sms_find_time (const gchar *folded, gchar time[QURB_TIME_SIZE])
{
  const Patterns *p = patterns ();
  g_autofree gchar *text = hour_words_to_digits (folded);
  gint hour = -1, minute = 0;

  time[0] = '\0';
  for (guint shape = 0; shape <= SHAPE_CUED_HOUR && hour < 0; shape++)
    {
      pcre2_match_data *md;
      PCRE2_SIZE *ov;

      if (!match (p->shapes[shape], text, &ov, &md))
        continue;
      hour = group_number (text, ov, 1);
      switch ((TimeShape) shape)
        {
        case SHAPE_HOUR_MINUTE:
          minute = group_number (text, ov, 2);
          break;
        case SHAPE_FRACTION:
          {
            g_autofree gchar *word = g_strndup (text + ov[4], ov[5] - ov[4]);
            minute = fraction_minutes (word);
          }
          break;
        case SHAPE_LESS_QUARTER:
          hour = (hour + 23) % 24;
          minute = 45;
          break;
        case SHAPE_CUED_HOUR:
          /* "à 23" is an age more often than an hour: a caravan works by day. */
          if (hour > 18 || hour == 0)
            hour = -1;
          break;
        default:
          break;
        }
      pcre2_match_data_free (md);
    }

  if (hour < 0)
    {
      pcre2_match_data *md;
      PCRE2_SIZE *ov;

      if (!match (p->cue, text, &ov, &md))
        return QURB_TIME_NONE;
      pcre2_match_data_free (md);
      return QURB_TIME_UNREADABLE;
    }
  if (hour >= 1 && hour <= 6)
    hour += 12;
  else if (hour < 12)
    {
      pcre2_match_data *md;
      PCRE2_SIZE *ov;

      if (match (p->afternoon, text, &ov, &md))
        {
          hour += 12;
          pcre2_match_data_free (md);
        }
    }
  g_snprintf (time, QURB_TIME_SIZE, "%02d:%02d", hour, minute);
  return QURB_TIME_FOUND;
}

/* "9" alone after a caravan code: the hours a caravan works. */
gboolean
qurb_sms_bare_hour (const gchar *token, gchar time[QURB_TIME_SIZE])
{
  gint hour;

  if (token == NULL || !g_ascii_isdigit (token[0]) || strlen (token) > 2 ||
      (token[1] != '\0' && !g_ascii_isdigit (token[1])))
    return FALSE;
  hour = atoi (token);
  if (hour >= 1 && hour <= 6)
    hour += 12;
  if (hour < 7 || hour > 18)
    return FALSE;
  g_snprintf (time, QURB_TIME_SIZE, "%02d:00", hour);
  return TRUE;
}

/* A dossier number: 6 to 15 digits, in one run or in groups of three or
 * more ("2025 000 017", "2024-001-234"). */
gboolean
qurb_sms_find_dossier (const gchar *folded, gchar dossier[QURB_DOSSIER_SIZE])
{
  const Patterns *p = patterns ();
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (p->dossier, NULL);
  PCRE2_SIZE offset = 0, length = strlen (folded);
  gboolean found = FALSE;

  dossier[0] = '\0';
  while (!found && offset < length &&
         pcre2_match (p->dossier, (PCRE2_SPTR) folded, length, offset, 0, md, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      gsize digits = 0;

      for (PCRE2_SIZE i = ov[0]; i < ov[1]; i++)
        digits += g_ascii_isdigit (folded[i]) != 0;
      if (digits >= 6 && digits <= 15)
        {
          gsize n = 0;
          for (PCRE2_SIZE i = ov[0]; i < ov[1]; i++)
            if (g_ascii_isdigit (folded[i]))
              dossier[n++] = folded[i];
          dossier[n] = '\0';
          found = TRUE;
        }
      offset = ov[1];
    }
  pcre2_match_data_free (md);
  return found;
}

static gboolean
is_letters (const gchar *token, gsize min, gsize max)
{
  gsize n = strlen (token);

  if (n < min || n > max)
    return FALSE;
  for (const gchar *p = token; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_digits (const gchar *token, gsize min, gsize max)
{
  gsize n = strlen (token);

  if (n < min || n > max)
    return FALSE;
  for (const gchar *p = token; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_known (const gchar *const *known, const gchar *code)
{
  for (guint i = 0; known != NULL && known[i]; i++)
    if (g_ascii_strcasecmp (known[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* "LAA" is the letter part of a known code ("LAA1"). */
static gboolean
is_known_series (const gchar *const *known, const gchar *letters)
{
  gsize n = strlen (letters);

  for (guint i = 0; known != NULL && known[i]; i++)
    if (g_ascii_strncasecmp (known[i], letters, n) == 0 && is_digits (known[i] + n, 1, 3))
      return TRUE;
  return FALSE;
}

/* A code-shaped word: letters then digits ("laa1", "tat12"); a six-letter
 * booking code is not one, nor, in a Darija message, a word ending in a
 * digit-letter ("nja7", "sma3"). */
static gboolean
looks_like_caravan (const gchar *token, const gchar *const *known, gboolean darija)
{
  gsize letters = 0, n = strlen (token);
  gchar booking[QURB_BOOKING_CODE_SIZE];
  g_autofree gchar *series = NULL;

  while (g_ascii_isalpha (token[letters]))
    letters++;
  if (letters < 2 || letters > 6 || n < 3 || n > 8 || !is_digits (token + letters, 1, 3))
    return FALSE;
  /* "GLM2" when GLM1 exists: a code of a known series, whatever it spells. */
  series = g_strndup (token, letters);
  if (is_known_series (known, series))
    return TRUE;
  if (n == QURB_BOOKING_CODE_LENGTH && qurb_booking_code_normalize (token, booking))
    return FALSE;
  if (darija && n == letters + 1 && strchr ("2356789", token[letters]) != NULL)
    return FALSE;
  /* Darija words end in 3 (ع) too: "nrje3" is a verb, not a code. */
  return (qurb_lexicon_cues (token) & ~(QURB_CUE_FILLER | QURB_CUE_COURTESY | QURB_CUE_PLACE |
                                         QURB_CUE_FRENCH | QURB_CUE_DARIJA)) == 0;
}

static void
set_code (gchar code[QURB_CARAVAN_CODE_SIZE], const gchar *a, const gchar *b)
{
  g_autofree gchar *joined = g_strconcat (a, b, NULL);

  g_strlcpy (code, joined, QURB_CARAVAN_CODE_SIZE);
  for (gchar *p = code; *p; p++)
    *p = g_ascii_toupper (*p);
}

/* The caravan code in tokens: a code of the database first, even of
 * letters only or split in two ("GLM 1"); else a code-shaped word, which
 * the answer will say does not exist. Returns the first token's index
 * (*n_tokens how many), or -1. */
gint
qurb_sms_find_caravan (GPtrArray *tokens, const gchar *const *known, const gboolean *skip,
                       gboolean darija, gchar code[QURB_CARAVAN_CODE_SIZE], guint *n_tokens)
{
  code[0] = '\0';
  for (guint i = 0; i < tokens->len; i++)
    {
      const gchar *t = tokens->pdata[i], *next = i + 1 < tokens->len ? tokens->pdata[i + 1] : NULL;
      g_autofree gchar *joined = NULL;

      if (skip[i] || qurb_token_is_arabic (t))
        continue;
      if (is_known (known, t))
        {
          set_code (code, t, "");
          *n_tokens = 1;
          return i;
        }
      if (next == NULL || skip[i + 1] || !is_letters (t, 2, 6) || !is_digits (next, 1, 3))
        continue;
      joined = g_strconcat (t, next, NULL);
      if (is_known (known, joined) || is_known_series (known, t))
        {
          set_code (code, t, next);
          *n_tokens = 2;
          return i;
        }
    }
  for (guint i = 0; i < tokens->len; i++)
    if (!skip[i] && looks_like_caravan (tokens->pdata[i], known, darija))
      {
        set_code (code, tokens->pdata[i], "");
        *n_tokens = 1;
        return i;
      }
  return -1;
}

/* A booking code, whole or typed in two or three pieces ("K7P-2QX").
 * Codes with a digit first: a six-letter word may pass for one. */
gint
qurb_sms_find_booking (GPtrArray *tokens, const gboolean *skip, gchar code[QURB_BOOKING_CODE_SIZE],
                       guint *n_tokens)
{
  gint fallback = -1;

  code[0] = '\0';
  for (guint i = 0; i < tokens->len; i++)
    for (guint span = 1; span <= 3 && i + span <= tokens->len; span++)
      {
        g_autoptr(GString) candidate = g_string_new (NULL);
        gchar normalized[QURB_BOOKING_CODE_SIZE];
        gboolean usable = TRUE;

        for (guint k = i; k < i + span; k++)
          {
            usable &= !skip[k] && !qurb_token_is_arabic (tokens->pdata[k]);
            g_string_append (candidate, tokens->pdata[k]);
          }
        if (!usable || candidate->len != QURB_BOOKING_CODE_LENGTH ||
            !qurb_booking_code_normalize (candidate->str, normalized))
          continue;
        if (strpbrk (candidate->str, "0123456789") != NULL)
          {
            memcpy (code, normalized, sizeof normalized);
            *n_tokens = span;
            return i;
          }
        if (fallback < 0 && span == 1 && qurb_lexicon_cues (candidate->str) == 0)
          {
            memcpy (code, normalized, sizeof normalized);
            *n_tokens = 1;
            fallback = i;
          }
      }
  return fallback;
}
