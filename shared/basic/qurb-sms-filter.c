/* qurb-sms-filter.c — the day and the specialty a member names
 *
 * Both read the folded text (lower case, no accents, Western digits, ة as
 * ه). A day is kept as month * 100 + day: members never write the year of
 * a caravan weeks away. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "qurb-sms-args.h"
#include "qurb-sms-filter.h"

/* Month names as members write them, French, Moroccan Arabic, Modern
 * Standard (Mashriq) and Algerian-French forms, in month order. */
static const gchar *const months[12] = {
  "janvier|janv|يناير|جانفي|كانون الثاني",
  "fevrier|fevr|fev|فبراير|فيفري|شباط",
  "mars|مارس|اذار",
  "avril|avr|ابريل|افريل|نيسان",
  "mai|ماي|مايو|ايار",
  "juin|يونيو|جوان|حزيران",
  "juillet|juil|يوليوز|يوليو|جويليه|تموز",
  "aout|غشت|اغسطس|اوت|اب",
  "septembre|sept|شتنبر|سبتمبر|ايلول",
  "octobre|oct|اكتوبر|تشرين الاول",
  "novembre|nov|نونبر|نوفمبر|تشرين الثاني",
  "decembre|dec|دجنبر|ديسمبر|كانون الاول",
};

/* Each specialty's code in the caravans file, and the words that name it.
 * "العيون" alone is Laâyoune: the eyes come with طب or as عينين. */
static const struct { const gchar *code, *words; } specialties[] = {
  { "OPHTALMOLOGIE", "ophtalm\\w*|yeux|oeil|lunettes|طب\\s*(?:ال)?عيون|(?:ال)?عينين|نظارات|3inin|3ynin|l3inin|nadader|ndader" },
  { "DENTAIRE", "dentaire|dents?|dentiste|(?:ال)?اسنان|(?:ال)?سنان|ssnan|snan|tbib\\s*snan" },
  { "DEPISTAGE", "depistage|(?:ال)?كشف|dpistage" },
  { "GENERALE", "generale?|generaliste|(?:ال)?طب\\s*(?:ال)?عام|tbib\\s*(?:l)?3am" },
};

#define compile(pattern) ((pcre2_code *) qurb_sms_pattern (pattern))

typedef struct {
  pcre2_code *numeric;                    /* 12/02, 12-02, 12/02/2027 */
  pcre2_code *named[12];                  /* 12 fevrier, 12 فبراير */
  pcre2_code *specialty[G_N_ELEMENTS (specialties)];
} Patterns;

static const Patterns *
patterns (void)
{
  static gsize built;
  static Patterns p;

  if (g_once_init_enter (&built))
    {
      p.numeric = compile ("(?<![\\d/:.-])([0-3]?\\d)\\s*[/-]\\s*([01]?\\d)(?:[/-](?:20)?\\d\\d)?(?![\\d:/-])");
      for (guint m = 0; m < 12; m++)
        {
          g_autofree gchar *re = g_strdup_printf ("(?<![\\d:.])([0-3]?\\d)\\s*(?:er)?\\s*(?:ف|ل)?(?:%s)(?!\\p{L})",
                                                  months[m]);
          p.named[m] = compile (re);
        }
      for (guint s = 0; s < G_N_ELEMENTS (specialties); s++)
        {
          g_autofree gchar *re = g_strdup_printf ("(?<![\\p{L}\\d])(?:%s)(?![\\p{L}\\d])", specialties[s].words);
          p.specialty[s] = compile (re);
        }
      g_once_init_leave (&built, 1);
    }
  return &p;
}

/* The first and second groups of re in text, as numbers; FALSE without a match. */
static gboolean
match_numbers (pcre2_code *re, const gchar *text, gint *first, gint *second)
{
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (re, NULL);
  gint rc = pcre2_match (re, (PCRE2_SPTR) text, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);

  if (rc > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);

      *first = atoi (text + ov[2]);
      *second = rc > 2 && ov[4] != PCRE2_UNSET ? atoi (text + ov[4]) : 0;
    }
  pcre2_match_data_free (md);
  return rc > 0;
}

/* The day named, month * 100 + day, or 0 when none (or not a day). */
gint
qurb_sms_find_day (const gchar *folded)
{
  const Patterns *p = patterns ();
  gint day = 0, month = 0;

  if (!match_numbers (p->numeric, folded, &day, &month))
    for (guint m = 0; m < 12; m++)
      if (match_numbers (p->named[m], folded, &day, &month))
        {
          month = m + 1;
          break;
        }
  if (day < 1 || day > 31 || month < 1 || month > 12)
    return 0;
  return month * 100 + day;
}

/* The specialty named, as the caravans file writes its code, or NULL. */
const gchar *
qurb_sms_find_specialty (const gchar *folded)
{
  const Patterns *p = patterns ();

  for (guint s = 0; s < G_N_ELEMENTS (specialties); s++)
    {
      pcre2_match_data *md = pcre2_match_data_create_from_pattern (p->specialty[s], NULL);
      gint rc = pcre2_match (p->specialty[s], (PCRE2_SPTR) folded, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);

      pcre2_match_data_free (md);
      if (rc > 0)
        return specialties[s].code;
    }
  return NULL;
}

/* Whether a caravan's date (YYYY-MM-DD) is the day named. */
gboolean
qurb_sms_day_is (gint day, const gchar *iso_date)
{
  gint y, m, d;

  if (day == 0 || iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  return m * 100 + d == day;
}
