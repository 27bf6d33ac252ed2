/* qurb-sms-rating.c — a mark from 1 to 5 in a member's answer */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qurb-sms-lexicon.h"
#include "qurb-sms-rating.h"

/* Number words as members write them, folded (ة→ه, no hamza). */
static const struct {
  const gchar *word;
  gint value;
} number_words[] = {
  { "un", 1 }, { "une", 1 }, { "wahed", 1 }, { "wa7ed", 1 }, { "wahd", 1 }, { "wa7d", 1 },
  { "واحد", 1 }, { "واحده", 1 },
  { "deux", 2 }, { "jouj", 2 }, { "jooj", 2 }, { "joj", 2 }, { "zouj", 2 }, { "zoj", 2 },
  { "جوج", 2 }, { "زوج", 2 }, { "اثنين", 2 }, { "اثنان", 2 }, { "اتنين", 2 },
  { "trois", 3 }, { "tlata", 3 }, { "tleta", 3 }, { "tlat", 3 },
  { "تلاته", 3 }, { "ثلاثه", 3 }, { "ثلاث", 3 }, { "تلات", 3 },
  { "quatre", 4 }, { "reb3a", 4 }, { "rb3a", 4 }, { "arba3a", 4 }, { "rab3a", 4 },
  { "ربعه", 4 }, { "اربعه", 4 }, { "اربع", 4 },
  { "cinq", 5 }, { "khamsa", 5 }, { "5amsa", 5 }, { "khamssa", 5 }, { "khmsa", 5 }, { "5msa", 5 },
  { "خمسه", 5 }, { "خمس", 5 },
};

/* Words that go with a mark: "sur 5", "من 5", "étoiles", "نعطيكم",
 * "je donne". They are neither a request nor a word we do not know. */
static const gchar *const rating_words[] = {
  "sur", "ala", "3la", "men", "من", "على", "علي", "/",
  "note", "noter", "notre", "donne", "donner", "mets", "met", "etoile", "etoiles", "points", "point",
  "نجوم", "نجمه", "نجمات", "نقطه", "نقط", "تقييم", "نعطي", "نعطيكم", "كنعطي", "كنعطيكم", "نعطيك",
  "n3ti", "n3tikom", "kan3ti", "kan3tikom", "n3tik", "nejma", "njoum", "njom",
  /* "c'était bien": the lexicon reads "etait" as "etat" with a typo. */
  "etait",
};

static gint
number_word (const gchar *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (strcmp (token, number_words[i].word) == 0)
      return number_words[i].value;
  return 0;
}

static gboolean
is_rating_word (const gchar *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (rating_words); i++)
    if (strcmp (token, rating_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A number of one or two digits, or -1. */
static gint
small_number (const gchar *token)
{
  gsize length = strlen (token);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (token[i]))
      return -1;
  return length >= 1 && length <= 2 ? atoi (token) : -1;
}

/* The mark the message gives, or 0. tokens are folded; cues are the
 * lexicon's for each token. A digit may come with a few words we do not
 * know ("نعطيكم 4", "le médecin était bien 5"); a number word only with
 * courtesy, since "un" is also an article ("j'ai un problème"). */
gint
qurb_sms_find_rating (GPtrArray *tokens, const guint32 *cues)
{
  gint digits[2] = { 0, 0 }, word = 0;
  guint n_digits = 0, n_words = 0, unknown = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const gchar *token = tokens->pdata[i];
      gint number = small_number (token);

      if (number >= 0 || strspn (token, "0123456789") == strlen (token))
        {
          if (number < 0 || n_digits == G_N_ELEMENTS (digits))
            return 0;
          digits[n_digits++] = number;
        }
      else if (number_word (token) > 0)
        {
          word = number_word (token);
          n_words++;
        }
      else if (is_rating_word (token))
        continue;
      else if (cues[i] & QURB_CUES_CONTENT)
        return 0;
      else if (cues[i] == 0)
        unknown++;
    }
  /* "4/5", "4 sur 5", "4 من 5": the second number is the scale. */
  if (n_digits == 2 && digits[1] == QURB_RATING_MAX)
    n_digits = 1;
  if (n_digits == 1)
    return digits[0] >= QURB_RATING_MIN && digits[0] <= QURB_RATING_MAX && unknown <= 3 ? digits[0] : 0;
  if (n_digits == 0 && n_words == 1 && unknown == 0)
    return word;
  return 0;
}
