/* qurb-sms-time.c — the time a member asks for, in every shape they
 * write it
 *
 * Two steps. The folded text is first brought to one spelling of each
 * time word (qurb_sms_time_canonical): hours in words become digits
 * ("التاسعة", "l3echra" → 9, 10), the half, quarter and third of Darija
 * in Latin letters become their Arabic words whatever the vowels or a
 * glued "and" ("nass", "nes", "wnass", "onos" → نص; "rob3", "reb3" → ربع),
 * "ghir"/"gheir" becomes غير. The Latin forms are read on the consonant
 * skeleton (qurb-arabizi), and those of the hours are derived from their
 * Arabic spelling, not listed. Then a few patterns read the shapes. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-arabizi.h"
#include "qurb-sms-args.h"
#include "qurb-sms-lexicon.h"
#include "qurb-sms-time.h"

/* An hour not glued to a longer number, a date or a code. */
#define HOUR "(?<![\\d.:/a-z-])([01]?\\d|2[0-3])"
#define AND "(?:و|w|wa|we|o|ou|u|et)"
#define HALF "(?:ال)?(?:نص|نصف)|demie?"
#define QUARTER "(?:ال)?ربع|quart"
#define THIRD "(?:ال)?(?:ثلث|تلت)"
#define LESS "غير|الا|لا|ghi|illa|ila|lla|moins(?:\\s*le)?"
#define MINUTES "دقيقه|دقائق|دقايق|minutes?|mins?|mn"
#define HOUR_WORD "(?:\\s*(?:h|heures?|hrs?|ساعه|ساعات)(?![a-z]))?"
/* A part of the day after an hour, with its "of" ("3 dial l3chiya",
 * "4 d l3chia", "10 ديال الصباح", "3 de l'après-midi", "9 du matin"). */
#define OF_DAY "(?:(?:dyal|dial|dyl|d|ta3|de|du|ديال|د|تاع|متاع)\\s*)?(?:l\\s*)?"
#define MORNING "sba7|sbah|sbe7|sb7|(?:ال)?(?:صباح|صبح)|matin"
#define AFTERNOON "3a?chi?y?a|(?:ال)?عشيه|(?<![a-z])(?:apres[\\s-]*midi|aprem|soir)"

typedef enum {
  SHAPE_HOUR_MINUTE,    /* 10:30, 10h30, 10 h 30, 10.30, 10،30 */
  SHAPE_MINUTES,        /* 10 و 20 دقيقة, l3chra w 10 d9aye9 */
  SHAPE_FRACTION,       /* 10 و نص, 10h et quart, 9 heures et demie */
  SHAPE_LESS_QUARTER,   /* 10 غير ربع, 10h moins le quart */
  SHAPE_DAYPART,        /* l 3 dial l3chiya, 9 du matin, 10 ديال الصباح */
  SHAPE_HOUR,           /* 10h, 10 heures */
  SHAPE_CUED_HOUR,      /* الساعة 10, مع 10, m3a 10, à 10, vers 10 */
} TimeShape;

typedef struct {
  pcre2_code *shapes[SHAPE_CUED_HOUR + 1];
  pcre2_code *trail;        /* "and" and a word after an hour alone */
  pcre2_code *cue;          /* something that says a time was meant */
  pcre2_code *afternoon;
  pcre2_code *morning;
  GHashTable *latin_hours;  /* skeleton without the article → LatinHour */
} Patterns;

/* An hour in Darija words, as its Latin skeleton reads it. */
typedef struct {
  gint hour;
  gboolean feminine;        /* ends in ة: "wa7da" is 1 o'clock, "wahed" one */
} LatinHour;

/* The hours in Darija (the caravan's day, and the early afternoon), in
 * Arabic letters: their Latin forms are derived from these. Three and
 * four ("التلاتة", "الربعة") would read as the third and the quarter in
 * Latin letters, two and six ("الجوج", "الستة") are too short to tell. */
static const struct { const gchar *word; gint hour; } darija_hours[] = {
  { "الواحده", 1 }, { "السبعه", 7 }, { "التمنيه", 8 }, { "الثمنيه", 8 }, { "التسعه", 9 },
  { "التسعود", 9 }, { "العشره", 10 }, { "الحداش", 11 }, { "الطناش", 12 },
};

/* Hours in words in Arabic letters, Darija and Modern Standard, longest
 * first (the two-word ones before their first word). */
static const struct { const gchar *word; const gchar *digits; } arabic_hours[] = {
  { "الحاديه عشره", "11" }, { "الحاديه عشر", "11" }, { "الثانيه عشره", "12" }, { "الثانيه عشر", "12" },
  { "الواحده", "1" }, { "الوحده", "1" }, { "الثانيه", "2" }, { "الجوج", "2" },
  { "الثالثه", "3" }, { "الثلاثه", "3" }, { "التلاته", "3" }, { "الرابعه", "4" }, { "الربعه", "4" },
  { "الخامسه", "5" }, { "الخمسه", "5" }, { "السادسه", "6" }, { "السته", "6" },
  { "السابعه", "7" }, { "السبعه", "7" }, { "الثامنه", "8" }, { "الثمانيه", "8" }, { "التمنيه", "8" },
  { "الثمنيه", "8" }, { "التاسعه", "9" }, { "التسعه", "9" }, { "التسعود", "9" }, { "العاشره", "10" },
  { "العشره", "10" }, { "الحداش", "11" }, { "الطناش", "12" }, { "الاطناش", "12" },
};

#define compile(pattern) ((pcre2_code *) qurb_sms_pattern (pattern))

static GHashTable *
derive_latin_hours (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (darija_hours); i++)
    {
      gchar skeletons[2][QURB_SKELETON_MAX];
      guint n = qurb_skeleton_arabic (darija_hours[i].word, skeletons);

      for (guint k = 0; k < n; k++)
        {
          /* The article's l goes: "tes3ood", "l7adach" both come. */
          const gchar *bare = skeletons[k][0] == 'l' ? skeletons[k] + 1 : skeletons[k];
          LatinHour *hour = g_new0 (LatinHour, 1);

          if (strlen (bare) < 3)
            {
              g_free (hour);
              continue;
            }
          hour->hour = darija_hours[i].hour;
          hour->feminine = g_str_has_suffix (darija_hours[i].word, "ه");
          g_hash_table_replace (table, g_strdup (bare), hour);
        }
    }
  return table;
}

static const Patterns *
patterns (void)
{
  static gsize built;
  static Patterns p;

  if (g_once_init_enter (&built))
    {
      /* "10,30", "10،30" too: a comma glued between hour and minutes, not
       * before a currency ("12,50 dh" is an amount). */
      p.shapes[SHAPE_HOUR_MINUTE] = compile (HOUR "\\s*(?:h|:|\\.|,(?=[0-5]\\d)|heures?|hrs?)\\s*([0-5]\\d)(?!\\d)"
                                             "(?!\\s*(?:dh|dhs|mad|درهم|دراهم)(?!\\p{L}))");
      p.shapes[SHAPE_MINUTES] = compile (HOUR HOUR_WORD "\\s*" AND "\\s*([0-5]?\\d)\\s*(?:" MINUTES ")(?!\\p{L})");
      p.shapes[SHAPE_FRACTION] = compile (HOUR HOUR_WORD "\\s*" AND "?\\s*(" HALF "|" QUARTER "|" THIRD ")(?!\\p{L})");
      p.shapes[SHAPE_LESS_QUARTER] = compile (HOUR HOUR_WORD "\\s*(?:" LESS ")\\s*(" QUARTER ")");
      p.shapes[SHAPE_DAYPART] = compile (HOUR HOUR_WORD "\\s*" OF_DAY "(?:" MORNING "|" AFTERNOON ")(?![a-z])");
      p.shapes[SHAPE_HOUR] = compile (HOUR "\\s*(?:h|heures?|hrs?)(?![a-z\\d])");
      p.shapes[SHAPE_CUED_HOUR] = compile ("(?<![\\p{L}\\d])(?:الساعه|ساعه|مع|m3a|ma3a|m3|a|vers|partir\\s*de|علي|3la|3lla)\\s*"
                                           HOUR "(?![\\d:.\\p{L}])(?!\\s*(?:ans?|سنه|سنين|عام|اعوام)(?!\\p{L}))");
      /* After an hour read alone: "and" or "less" and one more word.
       * Latin connectors stand apart ("w nass"); و may be glued ("وشي"). */
      p.trail = compile ("\\G\\s*(?:(?:w|wa|we|o|ou|u|et|moins|illa|غير|الا)\\s+|و\\s*)([^\\s,;!?]+)");
      p.cue = compile ("\\d\\s*(?:h|:)(?![a-z])|\\d\\s*heures?|الساعه|(?:مع|m3a|ma3a)\\s*\\d");
      p.afternoon = compile (AFTERNOON "|بعد\\s*الزوال|pm(?![a-z])");
      p.morning = compile ("(?<![a-z])(?:" MORNING ")(?![a-z])");
      p.latin_hours = derive_latin_hours ();
      g_once_init_leave (&built, 1);
    }
  return &p;
}

/* An hour in Darija words in Latin letters ("l3echra", "tes3ood",
 * "l7adach"): its digits, or -1. */
static gint
latin_hour (const gchar *word)
{
  const Patterns *p = patterns ();
  gchar skeleton[QURB_SKELETON_MAX];
  gboolean marked;
  const LatinHour *hour;
  const gchar *bare;

  if (strcmp (word, "t3od") == 0)
    return 9;
  if (!qurb_skeleton_latin (word, skeleton, &marked))
    return -1;
  hour = g_hash_table_lookup (p->latin_hours, skeleton);
  bare = skeleton[0] == 'l' && word[0] == 'l' ? skeleton + 1 : NULL;
  if (hour == NULL && bare != NULL)
    hour = g_hash_table_lookup (p->latin_hours, bare);
  if (hour == NULL || (hour->feminine && strchr ("aeiy", word[strlen (word) - 1]) == NULL))
    return -1;
  return hour->hour;
}

/* The half, quarter or third in Latin letters, any vowels, an "and" glued
 * before ("wnass", "onos", "orb3"): its Arabic word, or NULL. The word
 * begins with its consonant: "ans" (years) is no "nass". */
static const gchar *
latin_fraction (const gchar *word, gboolean *joined)
{
  static const gchar *const connectors[] = { "", "wa", "we", "ou", "w", "o", "u" };
  static const struct { const gchar *skeleton, *arabic; } fractions[] = {
    { "ns", "نص" }, { "nsf", "نص" }, { "rb3", "ربع" }, { "tlt", "ثلث" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (connectors); c++)
    {
      const gchar *rest = word + strlen (connectors[c]);
      gchar skeleton[QURB_SKELETON_MAX];
      gboolean marked;

      if (!g_str_has_prefix (word, connectors[c]) || *rest == '\0' ||
          !qurb_skeleton_latin (rest, skeleton, &marked))
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
        if (strcmp (skeleton, fractions[f].skeleton) == 0 && rest[0] == fractions[f].skeleton[0])
          {
            *joined = c > 0;
            return fractions[f].arabic;
          }
    }
  return NULL;
}

static gboolean
is_connector (const gchar *word)
{
  static const gchar *const connectors[] = { "w", "wa", "we", "o", "ou", "u", "et", "و" };

  for (guint i = 0; i < G_N_ELEMENTS (connectors); i++)
    if (strcmp (word, connectors[i]) == 0)
      return TRUE;
  return FALSE;
}

/* What a Latin word of a time becomes, or NULL for itself. After "and"
 * ("w nass") a half is a half; alone it must be no other word: "3 nass"
 * is three people (ناس), "9h nous serons" French. */
static gchar *
canonical_latin (const gchar *word, gboolean after_and, gboolean after_apres)
{
  gchar skeleton[QURB_SKELETON_MAX];
  gboolean marked, joined = FALSE;
  const gchar *fraction;
  gint hour;

  if (strcmp (word, "midi") == 0 && !after_apres)   /* "après-midi" is a part of the day */
    return g_strdup ("12h");
  /* "m3a l8", "m3a l10": the article before an hour in digits. */
  if (word[0] == 'l' && g_ascii_isdigit (word[1]) &&
      (word[2] == '\0' || (g_ascii_isdigit (word[2]) && word[3] == '\0')))
    return g_strdup (word + 1);
  if ((hour = latin_hour (word)) >= 0)
    return g_strdup_printf ("%dh", hour);   /* a word for an hour is a time by itself */
  if ((fraction = latin_fraction (word, &joined)) != NULL &&
      (joined || after_and || (!g_str_has_prefix (word, "na") && qurb_lexicon_cues (word) == 0)))
    return g_strconcat (joined ? "و " : "", fraction, NULL);
  if (!qurb_skeleton_latin (word, skeleton, &marked))
    return NULL;
  if (strcmp (skeleton, "Gr") == 0)                 /* ghir, gheir, ghayr */
    return g_strdup ("غير");
  if (strcmp (skeleton, "dK") == 0 && marked)       /* d9i9a, d9aye9, dqiqa */
    return g_strdup ("دقيقه");
  return NULL;
}

/* An hour with its "and" and fraction glued on ("9wnass", "10onos"):
 * the hour, then the fraction in words, or NULL. */
static gchar *
glued_fraction (const gchar *word)
{
  const gchar *rest = word;
  gboolean joined = FALSE;
  const gchar *fraction;

  while (g_ascii_isdigit (*rest))
    rest++;
  if (rest == word || rest - word > 2 || *rest == '\0' ||
      (fraction = latin_fraction (rest, &joined)) == NULL || !joined)
    return NULL;
  return g_strdup_printf ("%.*s و %s", (gint) (rest - word), word, fraction);
}

static gboolean
is_word_char (const gchar *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* The folded text with each time word in one spelling: hours in digits,
 * the fractions and "less" in Arabic words ("m3a l3echra w nes" → "m3a
 * 10 w نص"). Only the time is read from it. */
gchar *
qurb_sms_time_canonical (const gchar *folded)
{
  GString *out = g_string_sized_new (strlen (folded) + 8);
  GString *word = g_string_new (NULL);
  gboolean after_and = FALSE, after_apres = FALSE;

  for (const gchar *p = folded; ; p++)
    {
      if (*p != '\0' && (g_ascii_isalnum (*p)))
        {
          g_string_append_c (word, *p);
          continue;
        }
      /* A Latin word ends here (a word glued to Arabic letters is none). */
      if (word->len > 0)
        {
          g_autofree gchar *canonical = NULL;
          gboolean alone = (*p == '\0' || !(*p & 0x80)) &&
                           (out->len == 0 || !(out->str[out->len - 1] & 0x80));

          canonical = alone ? canonical_latin (word->str, after_and, after_apres) : NULL;
          if (canonical == NULL && alone)
            canonical = glued_fraction (word->str);
          g_string_append (out, canonical ? canonical : word->str);
          after_and = is_connector (word->str);
          after_apres = strcmp (word->str, "apres") == 0;
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
      /* "و" standing alone is "and" too. */
      if (g_str_has_prefix (p, "و") && (p == folded || p[-1] == ' ') && (p[2] == ' ' || p[2] == '\0'))
        {
          g_string_append (out, "و");
          after_and = TRUE;
          p++;
          continue;
        }
      after_and &= *p == ' ';
      g_string_append_c (out, *p);
    }
  g_string_free (word, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (arabic_hours); i++)
    {
      gsize from = 0, len = strlen (arabic_hours[i].word);
      const gchar *at;

      while ((at = strstr (out->str + from, arabic_hours[i].word)) != NULL)
        {
          gsize pos = at - out->str;

          /* A whole word only. */
          if ((pos > 0 && is_word_char (g_utf8_prev_char (at))) || is_word_char (at + len))
            {
              from = pos + len;
              continue;
            }
          g_string_erase (out, pos, len);
          g_string_insert (out, pos, arabic_hours[i].digits);
          from = pos + strlen (arabic_hours[i].digits);
        }
    }
  return g_string_free (out, FALSE);
}

/* Match re in subject from offset; the groups' spans into ovector. */
static gboolean
match_at (pcre2_code *re, const gchar *subject, PCRE2_SIZE offset, PCRE2_SIZE **ovector,
          pcre2_match_data **md)
{
  *md = pcre2_match_data_create_from_pattern (re, NULL);
  if (pcre2_match (re, (PCRE2_SPTR) subject, PCRE2_ZERO_TERMINATED, offset, 0, *md, NULL) <= 0)
    {
      pcre2_match_data_free (*md);
      *md = NULL;
      return FALSE;
    }
  *ovector = pcre2_get_ovector_pointer (*md);
  return TRUE;
}

static gboolean
matches (pcre2_code *re, const gchar *subject)
{
  pcre2_match_data *md;
  PCRE2_SIZE *ov;

  if (!match_at (re, subject, 0, &ov, &md))
    return FALSE;
  pcre2_match_data_free (md);
  return TRUE;
}

static gint
fraction_minutes (const gchar *word)
{
  if (strstr (word, "ربع") || strstr (word, "quart"))
    return 15;
  if (strstr (word, "ثلث") || strstr (word, "تلت"))
    return 20;
  return 30;
}

/* An hour read alone, then "and" or "less" and a word that is no part of
 * a time we know ("m3a 10 w 20", "10 و نسف"): a time was given that we
 * cannot read, never the bare hour. A word of another request or of
 * courtesy ("m3a 10 w chokran") starts something else. */
static gboolean
unread_trail (const gchar *text, PCRE2_SIZE end)
{
  const Patterns *p = patterns ();
  pcre2_match_data *md;
  PCRE2_SIZE *ov;
  g_autofree gchar *word = NULL;
  gboolean unread;

  if (!match_at (p->trail, text, end, &ov, &md))
    return FALSE;
  word = g_strndup (text + ov[2], ov[3] - ov[2]);
  pcre2_match_data_free (md);
  unread = g_ascii_isdigit (word[0]) || qurb_lexicon_cues (word) == 0;
  return unread;
}

/* The time a member asked for, as HH:MM. Afternoon hours are written
 * 1 to 6 ("à 2h" is 14:00) or with "l3chia" / "après-midi". */
QurbTimeFound
qurb_sms_find_time (const gchar *folded, gchar time[QURB_TIME_SIZE])
{
  const Patterns *p = patterns ();
  g_autofree gchar *text = qurb_sms_time_canonical (folded);
  gint hour = -1, minute = 0;
  gboolean unreadable = FALSE;

  time[0] = '\0';
  for (guint shape = 0; shape <= SHAPE_CUED_HOUR && hour < 0; shape++)
    {
      pcre2_match_data *md;
      PCRE2_SIZE *ov;

      if (!match_at (p->shapes[shape], text, 0, &ov, &md))
        continue;
      hour = atoi (text + ov[2]);
      switch ((TimeShape) shape)
        {
        case SHAPE_HOUR_MINUTE:
        case SHAPE_MINUTES:
          minute = atoi (text + ov[4]);
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
          else
            unreadable = unread_trail (text, ov[1]);
          break;
        case SHAPE_HOUR:
          unreadable = unread_trail (text, ov[1]);
          break;
        default:
          break;
        }
      pcre2_match_data_free (md);
    }

  if (unreadable)
    return QURB_TIME_UNREADABLE;
  if (hour < 0)
    return matches (p->cue, text) ? QURB_TIME_UNREADABLE : QURB_TIME_NONE;
  /* Afternoon hours are written 1 to 6 unless the morning is named. */
  if (hour < 12 && (matches (p->afternoon, text) || (hour >= 1 && hour <= 6 && !matches (p->morning, text))))
    hour += 12;
  g_snprintf (time, QURB_TIME_SIZE, "%02d:%02d", hour, minute);
  return QURB_TIME_FOUND;
}

/* The morning or the afternoon named ("l3chiya", "l'après-midi",
 * "الصباح"): a time of a kind, which a booking must not replace by the
 * first free slot. */
gboolean
qurb_sms_names_daypart (const gchar *folded)
{
  const Patterns *p = patterns ();
  g_autofree gchar *text = qurb_sms_time_canonical (folded);

  return matches (p->afternoon, text) || matches (p->morning, text);
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
