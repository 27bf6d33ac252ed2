/* qurb-sms-lexicon.c — what one word of a member's SMS tells
 *
 * The vocabulary (qurb-sms-vocabulary.c) is written once, in the
 * spellings of each script; the rest is derived: Arabic words are matched with their clitics and verb
 * affixes stripped, their Latin (Arabizi) forms through the consonant
 * skeleton, French words on their stem and with a typo. */
#include "config.h"

#include <string.h>

#include "qurb-arabizi.h"
#include "qurb-fold.h"
#include "qurb-sms-lexicon-private.h"

typedef struct {
  guint32 cues;
  guint flags;
} Sense;

typedef struct {
  GHashTable *arabic;     /* normalised Arabic form → Sense */
  GHashTable *latin;      /* collapsed Latin form → Sense */
  GHashTable *skeletons;  /* consonant skeleton → Sense */
  GPtrArray *stems;       /* Latin stems (StemEntry), longest first */
  GPtrArray *typo_words;  /* Latin words a typo may reach (TypoEntry) */
  GPtrArray *collisions;  /* skeletons two meanings share: left out */
} Lexicon;

typedef struct {
  gchar *stem;
  gsize length;
  guint32 cues;
} StemEntry;

typedef struct {
  gchar *word;
  gsize length;
  guint32 cues;
  gunichar *chars;      /* the word's code points, for the distance */
} TypoEntry;

/* Drops ء everywhere and ا except at the end (بركا "enough" is not
 * بارك "bless"), writes ق ك گ ڭ alike, then keeps one of each run of a
 * letter: the spelling careful and hurried writers share. A word that
 * would keep fewer than three letters keeps its ا: "الان" (now) is not
 * "لن" (will not), nor "اين" (where) "ين". */
static void
arabic_normalize (const gchar *folded, gchar *out, gsize size)
{
  gsize length = 0;
  guint kept = 0;
  gboolean drop_alef;

  for (const gchar *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      kept += c != 0x0621 && !(c == 0x0627 && *g_utf8_next_char (p) != '\0');
    }
  drop_alef = kept >= 3;
  for (const gchar *p = folded; *p && length + 4 < size; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0621 || (drop_alef && c == 0x0627 && *g_utf8_next_char (p) != '\0'))
        continue;
      /* Moroccans write the g of "gafla" گ, ڭ or ك for ق. */
      if (c == 0x0642 || c == 0x06AF || c == 0x06AD)
        c = 0x0643;
      length += g_unichar_to_utf8 (c, out + length);
    }
  out[length] = '\0';
  qurb_collapse_runs (out);
}

static gboolean
is_arabic (const gchar *form)
{
  return qurb_token_is_arabic (form);
}

static void
add_sense (GHashTable *table, const gchar *key, guint32 cues, guint flags)
{
  Sense *sense = g_hash_table_lookup (table, key);

  if (sense == NULL)
    {
      sense = g_new0 (Sense, 1);
      g_hash_table_insert (table, g_strdup (key), sense);
    }
  sense->cues |= cues;
  sense->flags |= flags;
}

static gint
longest_first (gconstpointer a, gconstpointer b)
{
  const StemEntry *x = *(StemEntry *const *) a, *y = *(StemEntry *const *) b;

  return (gint) y->length - (gint) x->length;
}

static void
stem_entry_free (gpointer data)
{
  StemEntry *entry = data;
  g_free (entry->stem);
  g_free (entry);
}

static void
typo_entry_free (gpointer data)
{
  TypoEntry *entry = data;
  g_free (entry->word);
  g_free (entry->chars);
  g_free (entry);
}

static void
add_skeletons (Lexicon *lexicon, GHashTable *owners, const gchar *folded, guint32 cues)
{
  gchar skeletons[2][QURB_SKELETON_MAX];
  guint n = qurb_skeleton_arabic (folded, skeletons);

  for (guint i = 0; i < n; i++)
    {
      Sense *sense;

      if (strlen (skeletons[i]) < 2)
        continue;
      sense = g_hash_table_lookup (lexicon->skeletons, skeletons[i]);
      /* Two meanings behind one skeleton: the Latin form names neither.
       * Content words win over the words around them. */
      if (sense != NULL && sense->cues != cues)
        {
          gboolean old_content = (sense->cues & QURB_CUES_CONTENT) != 0;
          gboolean new_content = (cues & QURB_CUES_CONTENT) != 0;

          if (old_content == new_content && !(sense->cues & cues))
            g_ptr_array_add (lexicon->collisions,
                             g_strdup_printf ("%s: %s / %s", skeletons[i],
                                              (gchar *) g_hash_table_lookup (owners, skeletons[i]), folded));
          if (old_content && !new_content)
            continue;
          if (new_content && !old_content)
            sense->cues = 0;
        }
      add_sense (lexicon->skeletons, skeletons[i], cues, 0);
      if (!g_hash_table_contains (owners, skeletons[i]))
        g_hash_table_insert (owners, g_strdup (skeletons[i]), g_strdup (folded));
    }
}

static void
add_form (Lexicon *lexicon, GHashTable *owners, const QurbWord *word, const gchar *form)
{
  g_autofree gchar *folded = qurb_fold (form);
  gchar key[128];

  if (is_arabic (folded))
    {
      arabic_normalize (folded, key, sizeof key);
      add_sense (lexicon->arabic, key, word->cues, word->flags);
      if (!(word->flags & (QURB_WORD_EXACT | QURB_WORD_NO_ARABIZI)))
        add_skeletons (lexicon, owners, folded, word->cues);
      return;
    }
  g_strlcpy (key, folded, sizeof key);
  qurb_collapse_runs (key);
  if (word->flags & QURB_WORD_STEM)
    {
      StemEntry *entry = g_new0 (StemEntry, 1);
      entry->stem = g_strdup (key);
      entry->length = strlen (key);
      entry->cues = word->cues;
      g_ptr_array_add (lexicon->stems, entry);
      return;
    }
  add_sense (lexicon->latin, key, word->cues, word->flags);
  if (!(word->flags & QURB_WORD_EXACT) && strlen (key) >= 4 && !(word->cues & QURB_CUE_FILLER))
    {
      TypoEntry *entry = g_new0 (TypoEntry, 1);
      glong n = 0;
      entry->word = g_strdup (key);
      entry->chars = g_utf8_to_ucs4_fast (key, -1, &n);
      entry->length = n;
      entry->cues = word->cues;
      g_ptr_array_add (lexicon->typo_words, entry);
    }
}

static const Lexicon *
lexicon (void)
{
  static gsize built;
  static Lexicon lex;

  if (g_once_init_enter (&built))
    {
      g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      lex.arabic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lex.latin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lex.skeletons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lex.stems = g_ptr_array_new_with_free_func (stem_entry_free);
      lex.typo_words = g_ptr_array_new_with_free_func (typo_entry_free);
      lex.collisions = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < qurb_vocabulary_size; i++)
        {
          g_auto(GStrv) forms = g_strsplit (qurb_vocabulary[i].forms, "|", -1);

          for (gchar **f = forms; *f; f++)
            add_form (&lex, owners, &qurb_vocabulary[i], *f);
        }
      g_ptr_array_sort (lex.stems, longest_first);
      g_once_init_leave (&built, 1);
    }
  return &lex;
}

/* Skeletons two words of different meaning share, for the tests. */
GPtrArray *
qurb_lexicon_collisions (void)
{
  const Lexicon *lex = lexicon ();
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lex->collisions->len; i++)
    g_ptr_array_add (copy, g_strdup (lex->collisions->pdata[i]));
  return copy;
}

/* What may come before a word: a conjunction (و، ف), then either an
 * article or preposition (ال، بال، لل …) or a Darija verb's aspect
 * (كا، كن، كي، تا، غا، غ) and person (ن، ت، ي, or the ا of an
 * imperative) — "وغانحجزو", "فالقافلة" (docs/DARIJA.md). Built once. */
static GPtrArray *
arabic_prefixes (void)
{
  static const gchar *const conjunctions[] = { "", "و", "ف" };
  static const gchar *const articles[] = { "ال", "بال", "كال", "لل", "ل", "ب", "ك" };
  static const gchar *const aspects[] = { "", "كا", "كن", "كي", "كت", "تا", "تن", "غا", "غ", "غي" };
  static const gchar *const persons[] = { "", "ن", "ت", "ي", "ا" };
  static gsize built;
  static GPtrArray *prefixes;

  if (g_once_init_enter (&built))
    {
      GPtrArray *all = g_ptr_array_new ();

      for (guint c = 0; c < G_N_ELEMENTS (conjunctions); c++)
        {
          for (guint a = 0; a < G_N_ELEMENTS (articles); a++)
            g_ptr_array_add (all, g_strconcat (conjunctions[c], articles[a], NULL));
          for (guint a = 0; a < G_N_ELEMENTS (aspects); a++)
            for (guint p = 0; p < G_N_ELEMENTS (persons); p++)
              g_ptr_array_add (all, g_strconcat (conjunctions[c], aspects[a], persons[p], NULL));
        }
      prefixes = all;
      g_once_init_leave (&built, 1);
    }
  return prefixes;
}

static const gchar *const arabic_suffixes[] = {
  "وليا", "ولي", "ليا", "لي", "وني", "يني", "ني", "وها", "ها", "وهم", "هم", "كم", "ليكم",
  "لنا", "نا", "تيه", "تي", "تو", "ت", "يات", "ات", "ين", "وا", "وه", "يه", "ه", "ك", "و", "ي",
  /* the ش of a negation whose ما stands apart: "ما فهمتش", "ما تصيفطوليش" */
  "ليش", "لياش", "نيش", "هاش", "وش", "تيش", "تش", "يش", "ش",
};

typedef struct {
  guint32 cues;
  guint stripped;     /* letters taken off; the fewest wins */
} Reading;

static void
consider (Reading *best, guint32 cues, guint stripped)
{
  if (cues == 0)
    return;
  if (best->cues == 0 || stripped < best->stripped)
    {
      best->cues = cues;
      best->stripped = stripped;
    }
  else if (stripped == best->stripped)
    best->cues |= cues;
}

static guint32
arabic_cues (const gchar *token)
{
  const Lexicon *lex = lexicon ();
  gsize length = strlen (token);
  Reading best = { 0, 0 };
  gchar stem[128], key[128];
  GPtrArray *prefixes;

  if (length >= sizeof stem)
    return 0;
  arabic_normalize (token, key, sizeof key);
  {
    Sense *whole = g_hash_table_lookup (lex->arabic, key);
    if (whole != NULL)
      return whole->cues;
  }
  prefixes = arabic_prefixes ();
  for (guint p = 0; p < prefixes->len; p++)
    {
      const gchar *prefix = prefixes->pdata[p];
      gsize plen = strlen (prefix);

      if (!g_str_has_prefix (token, prefix))
        continue;
      for (guint s = 0; s <= G_N_ELEMENTS (arabic_suffixes); s++)
        {
          const gchar *suffix = s < G_N_ELEMENTS (arabic_suffixes) ? arabic_suffixes[s] : "";
          gsize slen = strlen (suffix);
          Sense *sense;
          guint32 cues;

          if ((plen == 0 && slen == 0) || plen + slen >= length || !g_str_has_suffix (token, suffix))
            continue;
          memcpy (stem, token + plen, length - plen - slen);
          stem[length - plen - slen] = '\0';
          arabic_normalize (stem, key, sizeof key);
          /* A stem bared to two letters names too many words. */
          if (g_utf8_strlen (key, -1) < 3)
            continue;
          sense = g_hash_table_lookup (lex->arabic, key);
          if (sense == NULL || (sense->flags & QURB_WORD_EXACT) || (plen > 0 && (sense->flags & QURB_WORD_NO_PREFIX)))
            continue;
          cues = sense->cues;
          /* "ملفي", "مواعيدي": the suffix ي of a noun is "my"; "بغيتش":
           * the ش closes a negation. */
          if ((strcmp (suffix, "ي") == 0 || strcmp (suffix, "نا") == 0) && (sense->flags & QURB_WORD_NOUN))
            cues |= QURB_CUE_MINE;
          if (g_str_has_suffix (suffix, "ش"))
            cues |= QURB_CUE_NEGATION;
          consider (&best, cues, g_utf8_strlen (prefix, -1) + g_utf8_strlen (suffix, -1));
        }
    }
  return best.cues;
}

/* Latin prefixes and suffixes of Darija, on the skeleton: the article
 * (l, el), f (in), b (with), person and aspect (n, t, y, ka, kan, gha),
 * and the object or dative suffixes (li, lia, ni, ouni, ha, hom, kom). */
static const gchar *const skeleton_prefixes[] = { "Kn", "Gn", "fl", "bl", "wl", "l", "f", "b", "n", "t", "K", "G", "w" };
static const gchar *const skeleton_suffixes[] = {
  "wln", "whm", "wh", "wl", "wn", "ln", "hm", "Km", "w", "l", "n", "h", "t",
  /* the ch of a negation whose ma stands apart: "ma fhmtch" */
  "tc", "lc", "nc", "hc", "wc", "c",
};

static guint32
skeleton_cues (const gchar *token, QurbReading reading)
{
  const Lexicon *lex = lexicon ();
  gchar skeleton[QURB_SKELETON_MAX], stem[QURB_SKELETON_MAX];
  gboolean marked;
  gsize length;
  Reading best = { 0, 0 };
  Sense *sense;

  if (!qurb_skeleton_latin (token, skeleton, &marked) || (!marked && reading == QURB_READ_FRENCH))
    return 0;
  length = strlen (skeleton);
  /* Two consonants in plain letters are as likely French ("hello"). */
  if (length >= 2 && (marked || length >= 3) &&
      (sense = g_hash_table_lookup (lex->skeletons, skeleton)) != NULL)
    return sense->cues | (marked ? QURB_CUE_DARIJA : 0);
  for (guint p = 0; p <= G_N_ELEMENTS (skeleton_prefixes); p++)
    {
      const gchar *prefix = p < G_N_ELEMENTS (skeleton_prefixes) ? skeleton_prefixes[p] : "";
      gsize plen = strlen (prefix);

      if (!g_str_has_prefix (skeleton, prefix))
        continue;
      for (guint s = 0; s <= G_N_ELEMENTS (skeleton_suffixes); s++)
        {
          const gchar *suffix = s < G_N_ELEMENTS (skeleton_suffixes) ? skeleton_suffixes[s] : "";
          gsize slen = strlen (suffix), rest;

          if ((plen == 0 && slen == 0) || plen + slen >= length || !g_str_has_suffix (skeleton, suffix))
            continue;
          rest = length - plen - slen;
          /* A plain word sheds a prefix ("lmalaf", "nkteb") or the t of a
           * verb or a construct ("fhmt", "kafilat"), nothing more: "msjl"
           * is not "مساج" + "لي". */
          if (rest < 2 || (!marked && (rest < 3 || (slen > 0 && strcmp (suffix, "t") != 0))))
            continue;
          memcpy (stem, skeleton + plen, rest);
          stem[rest] = '\0';
          sense = g_hash_table_lookup (lex->skeletons, stem);
          if (sense != NULL)
            consider (&best, sense->cues | (slen > 0 && suffix[slen - 1] == 'c' ? QURB_CUE_NEGATION : 0), plen + slen);
        }
    }
  return best.cues | (best.cues && marked ? QURB_CUE_DARIJA : 0);
}

/* One typo in a word of 4 to 6 letters, two from 7; a typo that could
 * be either of two meanings names neither. */
static guint32
typo_cues (const gchar *token, gsize length)
{
  const Lexicon *lex = lexicon ();
  guint best = G_MAXUINT;
  guint32 cues = 0;
  gboolean ambiguous = FALSE;
  gunichar chars[64];

  /* ASCII (latin_cues checked it): one byte, one code point. */
  if (length >= G_N_ELEMENTS (chars))
    return 0;
  for (gsize i = 0; i < length; i++)
    chars[i] = (guchar) token[i];
  for (guint i = 0; i < lex->typo_words->len; i++)
    {
      const TypoEntry *entry = lex->typo_words->pdata[i];
      guint allowed = MIN (qurb_typos_allowed (entry->word), qurb_typos_allowed (token));
      guint d;

      if ((gsize) ABS ((gssize) entry->length - (gssize) length) > allowed)
        continue;
      d = qurb_edit_distance_ucs4 (chars, length, entry->chars, entry->length, allowed);
      if (d > allowed || d > best)
        continue;
      if (d < best)
        {
          best = d;
          cues = entry->cues;
          ambiguous = FALSE;
        }
      else if ((entry->cues & QURB_CUES_CONTENT) != (cues & QURB_CUES_CONTENT))
        ambiguous = TRUE;
    }
  return ambiguous ? 0 : cues;
}

static const struct { const gchar *text; guint32 cues; } latin_articles[] = {
  { "mes", QURB_CUE_MINE }, { "mon", QURB_CUE_MINE }, { "ma", QURB_CUE_MINE },
  { "el", 0 }, { "al", 0 }, { "bl", 0 }, { "fl", 0 }, { "l", 0 }, { "b", 0 }, { "f", 0 },
};

static guint32
latin_cues (const gchar *folded, QurbReading reading)
{
  const Lexicon *lex = lexicon ();
  gchar token[64];
  gsize length;
  Sense *sense;
  gboolean ascii = TRUE, digits = FALSE;
  guint32 cues;

  if (strlen (folded) >= sizeof token)
    return 0;
  g_strlcpy (token, folded, sizeof token);
  length = qurb_collapse_runs (token);
  sense = g_hash_table_lookup (lex->latin, token);
  if (sense != NULL)
    return sense->cues;
  for (const gchar *p = token; *p; p++)
    {
      ascii &= (guchar) *p < 0x80;
      digits |= g_ascii_isdigit (*p);
    }
  if (!ascii)
    return 0;
  /* French verbs in Darija take its person prefix: "nreservi", "nannuli". */
  for (guint i = 0; i < lex->stems->len; i++)
    {
      const StemEntry *entry = lex->stems->pdata[i];

      if (g_str_has_prefix (token, entry->stem) ||
          (strchr ("nt", token[0]) && g_str_has_prefix (token + 1, entry->stem)))
        return entry->cues;
    }
  cues = skeleton_cues (token, reading);
  if (cues != 0)
    return cues;
  /* French words glued to the Darija article or preposition
   * ("lmessages", "blfrancais") or to "my" ("mesreservations"). */
  for (guint i = 0; i < G_N_ELEMENTS (latin_articles); i++)
    {
      const gchar *rest = token + strlen (latin_articles[i].text);

      if (!g_str_has_prefix (token, latin_articles[i].text) || strlen (rest) < 3)
        continue;
      sense = g_hash_table_lookup (lex->latin, rest);
      if (sense == NULL)
        for (guint k = 0; k < lex->stems->len && sense == NULL; k++)
          if (g_str_has_prefix (rest, ((StemEntry *) lex->stems->pdata[k])->stem))
            return ((StemEntry *) lex->stems->pdata[k])->cues | latin_articles[i].cues;
      if (sense != NULL && (sense->cues & QURB_CUES_CONTENT))
        return sense->cues | latin_articles[i].cues;
    }
  if (digits || length < 4)
    return 0;
  return typo_cues (token, length);
}

/* "مابغيتش", "mabghitch": the negation wrapped around a verb. Returns the
 * verb, or NULL. */
static gchar *
unwrap_negation (const gchar *token)
{
  gsize length = strlen (token);

  if (qurb_token_is_arabic (token))
    {
      if (length > strlen ("ماش") + 2 && g_str_has_prefix (token, "ما") && g_str_has_suffix (token, "ش"))
        return g_strndup (token + strlen ("ما"), length - strlen ("ما") - strlen ("ش"));
      if (length > strlen ("مش") + 4 && g_str_has_prefix (token, "م") && g_str_has_suffix (token, "ش"))
        return g_strndup (token + strlen ("م"), length - strlen ("م") - strlen ("ش"));
      return NULL;
    }
  if (length >= 6 && g_str_has_prefix (token, "ma") &&
      (g_str_has_suffix (token, "ch") || g_str_has_suffix (token, "sh")))
    return g_strndup (token + 2, length - 4);
  return NULL;
}

gboolean
qurb_lexicon_is_negation (const gchar *folded_token)
{
  return (qurb_lexicon_cues (folded_token) & QURB_CUE_NEGATION) != 0;
}

guint32
qurb_lexicon_read (const gchar *folded_token, QurbReading reading)
{
  g_autofree gchar *verb = NULL;
  guint32 cues;

  if (folded_token == NULL || *folded_token == '\0')
    return 0;
  cues = qurb_token_is_arabic (folded_token) ? arabic_cues (folded_token) : latin_cues (folded_token, reading);
  if (cues != 0)
    return cues;
  verb = unwrap_negation (folded_token);
  if (verb != NULL)
    {
      cues = qurb_token_is_arabic (verb) ? arabic_cues (verb) : latin_cues (verb, reading);
      if (cues != 0)
        return cues | QURB_CUE_NEGATION;
    }
  return 0;
}

guint32
qurb_lexicon_cues (const gchar *folded_token)
{
  return qurb_lexicon_read (folded_token, QURB_READ_DARIJA);
}
