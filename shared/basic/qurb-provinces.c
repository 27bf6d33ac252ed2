/* qurb-provinces.c — Morocco's provinces and prefectures, by any name
 *
 * Every province and prefecture of the twelve regions, under the name the
 * mutual's files use (the first), its Arabic name (the second) and the
 * other spellings members type. Matching folds them all (qurb_fold). */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "qurb-arabizi.h"
#include "qurb-fold.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"

typedef struct {
  const gchar *name;    /* as the central system writes it */
  const gchar *arabic;
  const gchar *other;   /* more spellings, '|'-separated, or NULL */
} Province;

static const Province provinces[] = {
  /* Tanger-Tétouan-Al Hoceïma */
  { "Tanger-Assilah", "طنجة أصيلة", "Tanger|Tangier|Tanja|طنجة|Assilah|Asilah|أصيلة" },
  { "M'diq-Fnideq", "المضيق الفنيدق", "Mdiq|Fnideq|المضيق|الفنيدق" },
  { "Tétouan", "تطوان", "Tetouan|Tetuan|Titwan" },
  { "Fahs-Anjra", "الفحص أنجرة", "Anjra" },
  { "Larache", "العرائش", "Laraich|Ksar El Kebir|القصر الكبير" },
  { "Al Hoceïma", "الحسيمة", "Al Hoceima|Hoceima|El Hoceima" },
  { "Chefchaouen", "شفشاون", "Chaouen|Chefchaoun|الشاون" },
  { "Ouezzane", "وزان", "Ouazzane|Wazzan" },
  /* Oriental */
  { "Oujda-Angad", "وجدة أنكاد", "Oujda|وجدة" },
  { "Nador", "الناظور", NULL },
  { "Driouch", "الدريوش", NULL },
  { "Jerada", "جرادة", NULL },
  { "Berkane", "بركان", NULL },
  { "Taourirt", "تاوريرت", NULL },
  { "Guercif", "جرسيف", NULL },
  { "Figuig", "فجيج", "Bouarfa|بوعرفة" },
  /* Fès-Meknès */
  { "Fès", "فاس", "Fes|Fez" },
  { "Meknès", "مكناس", "Meknes" },
  { "El Hajeb", "الحاجب", NULL },
  { "Ifrane", "إفران", "Ifran" },
  { "Moulay Yacoub", "مولاي يعقوب", "Moulay Yaacoub" },
  { "Sefrou", "صفرو", NULL },
  { "Boulemane", "بولمان", NULL },
  { "Taounate", "تاونات", NULL },
  { "Taza", "تازة", NULL },
  /* Rabat-Salé-Kénitra */
  { "Rabat", "الرباط", "Rbat" },
  { "Salé", "سلا", "Sale|Sla" },
  { "Skhirate-Témara", "الصخيرات تمارة", "Temara|Skhirat|Skhirate|تمارة|الصخيرات" },
  { "Kénitra", "القنيطرة", "Kenitra" },
  { "Khémisset", "الخميسات", "Khemisset" },
  { "Sidi Kacem", "سيدي قاسم", NULL },
  { "Sidi Slimane", "سيدي سليمان", NULL },
  /* Béni Mellal-Khénifra */
  { "Béni Mellal", "بني ملال", "Beni Mellal" },
  { "Azilal", "أزيلال", NULL },
  { "Fquih Ben Salah", "الفقيه بن صالح", "Fkih Ben Saleh|Fquih Ben Saleh" },
  { "Khénifra", "خنيفرة", "Khenifra" },
  { "Khouribga", "خريبكة", NULL },
  /* Casablanca-Settat */
  { "Casablanca", "الدار البيضاء", "Casa|Dar El Beida|Dar Beida|البيضاء|كازا" },
  { "Mohammédia", "المحمدية", "Mohammedia|Mohamedia" },
  { "El Jadida", "الجديدة", "Jadida" },
  { "Nouaceur", "النواصر", NULL },
  { "Médiouna", "مديونة", "Mediouna" },
  { "Benslimane", "بنسليمان", "Ben Slimane" },
  { "Berrechid", "برشيد", NULL },
  { "Settat", "سطات", NULL },
  { "Sidi Bennour", "سيدي بنور", NULL },
  /* Marrakech-Safi */
  { "Marrakech", "مراكش", "Marrakesh|Marrakch" },
  { "Chichaoua", "شيشاوة", NULL },
  { "Al Haouz", "الحوز", "Haouz" },
  { "El Kelâa des Sraghna", "قلعة السراغنة", "Kelaa des Sraghna|Kelaa|Kalaat Sraghna" },
  { "Essaouira", "الصويرة", "Souira|Mogador" },
  { "Rehamna", "الرحامنة", "Benguerir|ابن جرير" },
  { "Safi", "آسفي", "Asfi" },
  { "Youssoufia", "اليوسفية", NULL },
  /* Drâa-Tafilalet */
  { "Errachidia", "الرشيدية", "Rachidia|Er-Rachidia" },
  { "Ouarzazate", "ورزازات", "Warzazat" },
  { "Midelt", "ميدلت", NULL },
  { "Tinghir", "تنغير", "Tinerhir|Tineghir" },
  { "Zagora", "زاكورة", NULL },
  /* Souss-Massa */
  { "Agadir Ida-Outanane", "أكادير إداوتنان", "Agadir|أكادير" },
  { "Inezgane-Aït Melloul", "إنزكان أيت ملول", "Inezgane|Ait Melloul|إنزكان|أيت ملول" },
  { "Chtouka-Aït Baha", "اشتوكة أيت باها", "Chtouka|Biougra|Ait Baha|أيت باها" },
  { "Taroudant", "تارودانت", "Taroudannt" },
  { "Tiznit", "تيزنيت", NULL },
  { "Tata", "طاطا", NULL },
  /* Guelmim-Oued Noun */
  { "Guelmim", "كلميم", "Goulimine|Guelmime|Glmim|Kelmim|Gelmim|كليميم" },
  { "Assa-Zag", "آسا الزاك", "Assa|Assa Zag|آسا" },
  { "Tan-Tan", "طانطان", "Tantan" },
  { "Sidi Ifni", "سيدي إفني", "Ifni|إفني" },
  /* Laâyoune-Sakia El Hamra */
  { "Laâyoune", "العيون", "Laayoune|Layoune|Laayoun|El Aaiun|Aaiun|Lâayoune|Layoun" },
  { "Boujdour", "بوجدور", "Bojador" },
  { "Tarfaya", "طرفاية", NULL },
  { "Smara", "السمارة", "Es-Semara|Semara|Es Smara|سمارة" },
  /* Dakhla-Oued Ed-Dahab */
  { "Dakhla", "الداخلة", "Oued Ed-Dahab|Oued Eddahab|Oued Ed Dahab|وادي الذهب|داخلة" },
  { "Aousserd", "أوسرد", "Awserd" },
};

/* A word ready to be compared: folded text, code points, and what the
 * comparisons need, computed once (province matching runs on every SMS). */
typedef struct {
  const gchar *text;
  gunichar *chars;
  glong length;
  gboolean arabic;
  gchar *bare;                          /* Arabic, without its article or proclitic */
  gchar skeletons[2][QURB_SKELETON_MAX];  /* Arabic: its consonants; Latin: one if Darija */
  guint n_skeletons;
} Word;

typedef struct {
  Word *words;          /* the folded spelling, word by word */
  guint n_words;
  const Province *province;
} Spelling;

static GArray *spellings;  /* Spelling, built once */

static void
word_init (Word *word, const gchar *text)
{
  gboolean marked = FALSE;

  word->text = text;
  word->chars = g_utf8_to_ucs4_fast (text, -1, &word->length);
  word->arabic = qurb_token_is_arabic (text);
  word->bare = word->arabic ? qurb_strip_arabic_prefix (text) : NULL;
  if (word->arabic)
    word->n_skeletons = qurb_skeleton_arabic (text, word->skeletons);
  else
    /* "la3youn", "l3ayoun": only a word with a sign of Darija (a
     * digit-letter, kh, gh, ch) is read by its consonants, or "robot"
     * would be Rabat. */
    word->n_skeletons = qurb_skeleton_latin (text, word->skeletons[0], &marked) && marked &&
                        strlen (word->skeletons[0]) >= 2 ? 1 : 0;
}

static void
word_clear (Word *word)
{
  g_free (word->chars);
  g_free (word->bare);
}

static void
add_spelling (const gchar *text, const Province *province)
{
  g_autofree gchar *folded = qurb_fold (text);
  g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);
  Spelling spelling = { NULL, tokens->len, province };

  if (tokens->len == 0)
    return;
  spelling.words = g_new0 (Word, tokens->len);
  for (guint i = 0; i < tokens->len; i++)
    word_init (&spelling.words[i], g_strdup (tokens->pdata[i]));
  g_array_append_val (spellings, spelling);
}

static GArray *
all_spellings (void)
{
  static gsize built;

  if (g_once_init_enter (&built))
    {
      spellings = g_array_new (FALSE, FALSE, sizeof (Spelling));
      for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
        {
          add_spelling (provinces[i].name, &provinces[i]);
          add_spelling (provinces[i].arabic, &provinces[i]);
          if (provinces[i].other != NULL)
            {
              g_auto(GStrv) others = g_strsplit (provinces[i].other, "|", -1);
              for (gchar **p = others; *p; p++)
                add_spelling (*p, &provinces[i]);
            }
        }
      g_once_init_leave (&built, 1);
    }
  return spellings;
}

/* Place names are matched more strictly than keywords: one typo from
 * five letters, two from nine ("bonjour" must not become Boujdour). */
static guint
typos_allowed (glong length)
{
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/* A Latin word in Darija against an Arabic name, by their consonants,
 * the article on either side or none. */
static gboolean
same_skeleton (const Word *token, const Word *word)
{
  const gchar *latin = token->skeletons[0];

  if (!word->arabic || token->arabic || token->n_skeletons == 0)
    return FALSE;
  for (guint i = 0; i < word->n_skeletons; i++)
    {
      const gchar *arabic = word->skeletons[i];

      if (strcmp (latin, arabic) == 0 || (latin[0] == 'l' && strcmp (latin + 1, arabic) == 0) ||
          (arabic[0] == 'l' && strcmp (latin, arabic + 1) == 0))
        return TRUE;
    }
  return FALSE;
}

static guint
word_distance (const Word *token, const Word *word)
{
  guint allowed = MIN (typos_allowed (word->length), typos_allowed (token->length));
  guint d = (guint) ABS (token->length - word->length) > allowed ? allowed + 1
          : qurb_edit_distance_ucs4 (token->chars, token->length, word->chars, word->length, allowed);

  /* "فالعيون" is "العيون" with "ف": compare them bare. */
  if (d > allowed && token->arabic && token->bare != NULL &&
      g_strcmp0 (token->bare, word->bare ? word->bare : word->text) == 0)
    return 0;
  if (d > allowed && same_skeleton (token, word))
    return allowed;
  return d > allowed ? G_MAXUINT : d;
}

/* Distance between the spelling and tokens[first…], word by word, or
 * G_MAXUINT when it is too far or runs over an excluded token. */
static guint
spelling_distance (const Spelling *spelling, const Word *tokens, guint n_tokens,
                   const gboolean *excluded, guint first)
{
  guint total = 0;

  if (first + spelling->n_words > n_tokens)
    return G_MAXUINT;
  for (guint w = 0; w < spelling->n_words; w++)
    {
      guint d;

      if (excluded != NULL && excluded[first + w])
        return G_MAXUINT;
      d = word_distance (&tokens[first + w], &spelling->words[w]);
      if (d == G_MAXUINT)
        return G_MAXUINT;
      total += d;
    }
  return total;
}

/* The province named in tokens (leaving out those excluded, when not
 * NULL), as the mutual's files write it, or NULL; *first and *count say
 * which tokens named it. Longer names win over shorter ones, then closer
 * spellings. */
const gchar *
qurb_province_find_excluding (GPtrArray *tokens, const gboolean *excluded, guint *first, guint *count)
{
  GArray *all = all_spellings ();
  const Spelling *best = NULL;
  guint best_distance = G_MAXUINT, best_first = 0;
  g_autofree Word *words = g_new0 (Word, tokens->len + 1);

  for (guint t = 0; t < tokens->len; t++)
    if (excluded == NULL || !excluded[t])
      word_init (&words[t], tokens->pdata[t]);
  for (guint t = 0; t < tokens->len; t++)
    for (guint i = 0; i < all->len; i++)
      {
        const Spelling *spelling = &g_array_index (all, Spelling, i);
        guint d = spelling_distance (spelling, words, tokens->len, excluded, t);

        if (d == G_MAXUINT)
          continue;
        if (best == NULL || spelling->n_words > best->n_words ||
            (spelling->n_words == best->n_words && d < best_distance))
          {
            best = spelling;
            best_distance = d;
            best_first = t;
          }
      }
  for (guint t = 0; t < tokens->len; t++)
    word_clear (&words[t]);
  if (best == NULL)
    return NULL;
  if (first)
    *first = best_first;
  if (count)
    *count = best->n_words;
  return best->province->name;
}

const gchar *
qurb_province_find (GPtrArray *tokens, guint *first, guint *count)
{
  return qurb_province_find_excluding (tokens, NULL, first, count);
}

const gchar *
qurb_province_arabic (const gchar *canonical)
{
  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (g_strcmp0 (provinces[i].name, canonical) == 0)
      return provinces[i].arabic;
  return NULL;
}

/* The canonical name of a free-text province ("laayoune", "العيون" →
 * "Laâyoune"), or NULL when the whole text is not one province. */
const gchar *
qurb_province_canonical (const gchar *text)
{
  g_autofree gchar *folded = qurb_fold (text);
  g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);
  guint count = 0;
  const gchar *found = qurb_province_find (tokens, NULL, &count);

  return found != NULL && count == tokens->len ? found : NULL;
}

/* Whether two free-text province names are the same place: "Laayoune",
 * "Laâyoune" and "العيون" are. */
gboolean
qurb_province_same (const gchar *a, const gchar *b)
{
  g_autofree gchar *fa = qurb_fold (a), *fb = qurb_fold (b);
  g_autoptr(GPtrArray) ta = qurb_tokenize (fa);
  g_autoptr(GPtrArray) tb = qurb_tokenize (fb);
  const gchar *pa, *pb;
  guint na = 0, nb = 0;

  if (g_strcmp0 (fa, fb) == 0)
    return TRUE;
  pa = qurb_province_find (ta, NULL, &na);
  pb = qurb_province_find (tb, NULL, &nb);
  return pa != NULL && pa == pb && na == ta->len && nb == tb->len;
}

/* "Laayoune, بوجدور,Tarfaya" → the canonical names, in order, each once;
 * NULL (error says which) when a name is not a province or prefecture.
 * An empty or blank text gives an empty list. */
GStrv
qurb_provinces_parse_list (const gchar *text, GError **error)
{
  g_auto(GStrv) names = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const gchar *canonical;

      if (*g_strstrip (names[i]) == '\0')
        continue;
      canonical = qurb_province_canonical (names[i]);
      if (canonical == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a province or prefecture of Morocco"), names[i]);
          return NULL;
        }
      if (g_hash_table_add (seen, (gpointer) canonical))
        g_strv_builder_add (out, canonical);
    }
  return g_strv_builder_end (out);
}

/* Folded tokens joined by one space: how two spellings are compared
 * whole, whatever their punctuation ("M'diq-Fnideq" and "mdiq fnideq"). */
static gchar *
folded_words (const gchar *text)
{
  g_autofree gchar *folded = qurb_fold (text);
  g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);

  g_ptr_array_add (tokens, NULL);
  return g_strjoinv (" ", (gchar **) tokens->pdata);
}

static void
consider (const gchar *spelling, const gchar *wanted, const Province *province,
          const Province **best, guint *best_distance)
{
  g_autofree gchar *words = folded_words (spelling);
  guint d = qurb_edit_distance (wanted, words, *best_distance);

  if (d < *best_distance)
    {
      *best = province;
      *best_distance = d;
    }
}

/* For a province name that is not known (an import's typo): the known
 * province whose spelling is closest, or NULL when none is within a
 * third of its length (then it is no typo of ours). */
const gchar *
qurb_province_nearest (const gchar *text)
{
  g_autofree gchar *wanted = folded_words (text);
  guint limit = MAX (2, (guint) g_utf8_strlen (wanted, -1) / 3);
  guint best_distance = limit + 1;
  const Province *best = NULL;

  if (*wanted == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      consider (provinces[i].name, wanted, &provinces[i], &best, &best_distance);
      consider (provinces[i].arabic, wanted, &provinces[i], &best, &best_distance);
      if (provinces[i].other != NULL)
        {
          g_auto(GStrv) others = g_strsplit (provinces[i].other, "|", -1);
          for (gchar **p = others; *p; p++)
            consider (*p, wanted, &provinces[i], &best, &best_distance);
        }
    }
  return best != NULL ? best->name : NULL;
}
