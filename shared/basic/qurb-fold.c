/* qurb-fold.c — text folded for matching: Arabic, French and Darija */
#include "config.h"

#include <string.h>

#include "qurb-fold.h"

static gboolean
is_arabic_letter (gunichar c)
{
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
         (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F);
}

/* The value of an ASCII, Arabic-Indic (U+0660) or Persian (U+06F0)
 * digit, or -1. */
gint
qurb_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0x0660 && c <= 0x0669)
    return c - 0x0660;
  if (c >= 0x06F0 && c <= 0x06F9)
    return c - 0x06F0;
  return -1;
}

/* One code point of NFD text, folded; 0 drops it. */
static gunichar
fold_char (gunichar c)
{
  gint digit = qurb_digit_value (c);

  if (digit >= 0)
    return '0' + digit;
  switch (c)
    {
    case 0x0640: return 0;        /* tatweel */
    case 0x0671: return 0x0627;   /* alef wasla → alef */
    case 0x0649: return 0x064A;   /* alef maqsura → ya */
    case 0x06CC: return 0x064A;   /* Persian ya → ya */
    case 0x0629: return 0x0647;   /* ta marbuta → ha */
    case 0x06A9: return 0x0643;   /* Persian kaf → kaf */
    case 0x060C: return ',';      /* Arabic comma */
    case 0x061B: return ';';
    case 0x061F: return '?';
    case 0x066A: return '%';
    case 0x00A0: case 0x202F: return ' ';
    case 0x200E: case 0x200F: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
      return 0;                   /* direction marks, zero-width joiners */
    default:
      break;
    }
  /* Accents, Arabic harakat, shadda, sukun, dagger alef, hamza above and
   * below (what NFD split off أ إ آ ؤ ئ): all combining marks. */
  if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
    return 0;
  return g_unichar_tolower (c);
}

gchar *
qurb_fold (const gchar *text)
{
  g_autofree gchar *nfd = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)  /* not UTF-8 */
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfd));
  for (const gchar *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));

      /* Ligatures NFD leaves whole. */
      if (c == 0x0153)
        g_string_append (out, "oe");
      else if (c == 0x00E6)
        g_string_append (out, "ae");
      else if (c == 0x00DF)
        g_string_append (out, "ss");
      else if (c != 0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Runs of letters and digits. Arabic letters and the rest never share a
 * token ("ملف2024001234" is two), but Latin letters and digits do, as
 * Darija writes them ("7ala", "mawa3idi") and codes are ("LAA1"). */
GPtrArray *
qurb_tokenize (const gchar *folded)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const gchar *start = NULL;
  gboolean start_arabic = FALSE;

  for (const gchar *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean word = c != 0 && g_unichar_isalnum (c);
      gboolean arabic = word && is_arabic_letter (c);

      if (start != NULL && (!word || arabic != start_arabic))
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (word && start == NULL)
        {
          start = p;
          start_arabic = arabic;
        }
      if (c == 0)
        break;
    }
  return tokens;
}

/* Arabic letters anywhere make it Arabic; else Latin letters make it
 * Latin. Darija in Latin letters ("7ala") is Latin. */
QurbScript
qurb_script_of (const gchar *text)
{
  QurbScript script = QURB_SCRIPT_NONE;

  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_arabic_letter (c))
        return QURB_SCRIPT_ARABIC;
      if (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
        script = QURB_SCRIPT_LATIN;
    }
  return script;
}

gboolean
qurb_token_is_arabic (const gchar *token)
{
  return *token && is_arabic_letter (g_utf8_get_char (token));
}

/* The word without a leading article or conjunction (ال، وال، بال، فال،
 * لل، و، ب، ف), or NULL when it has none or would be too short. */
gchar *
qurb_strip_arabic_prefix (const gchar *token)
{
  static const gchar *const prefixes[] = {
    "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (token, prefixes[i]))
      {
        const gchar *rest = token + strlen (prefixes[i]);
        if (g_utf8_strlen (rest, -1) >= 3)
          return g_strdup (rest);
      }
  return NULL;
}

/* Optimal string alignment distance (Damerau–Levenshtein without
 * repeated edits of a substring) in code points; stops counting at
 * limit + 1. */
guint
qurb_edit_distance_ucs4 (const gunichar *x, glong n, const gunichar *y, glong m, guint limit)
{
  guint stack[3 * 33];
  g_autofree guint *heap = NULL;
  guint *rows, *prev2, *prev, *cur;

  if ((guint) ABS (n - m) > limit)
    return limit + 1;
  rows = m < 32 ? stack : (heap = g_new (guint, 3 * (m + 1)));
  prev2 = rows;
  prev = rows + (m + 1);
  cur = rows + 2 * (m + 1);
  for (glong j = 0; j <= m; j++)
    prev[j] = j;
  for (glong i = 1; i <= n; i++)
    {
      guint row_min;

      cur[0] = row_min = i;
      for (glong j = 1; j <= m; j++)
        {
          guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
          guint best = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit)
        return limit + 1;
      {
        guint *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
      }
    }
  return MIN (prev[m], limit + 1);
}

guint
qurb_edit_distance (const gchar *a, const gchar *b, guint limit)
{
  glong n = 0, m = 0;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &n);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &m);

  return qurb_edit_distance_ucs4 (x, n, y, m, limit);
}

/* One typo in a word of 4 to 6 letters, two from 7; none below 4, where
 * one wrong letter makes another word. */
guint
qurb_typos_allowed (const gchar *word)
{
  glong length = g_utf8_strlen (word, -1);

  return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}
