/* qurb-arabizi.c — Darija in Latin letters and in Arabic script, brought
 * to one consonant skeleton
 *
 * The skeleton alphabet: b d f h j l m n r s t w z as they sound, 3 for ع,
 * x for خ, G for غ, c for ش, K for ق ك and the g/q/k Moroccans use for
 * them ("kafila", "9afila", "gafila" are one word). Vowels, ي and ء leave
 * no mark; و does where it is a consonant. Runs of a letter count once,
 * so stretched letters ("stooop", "حاااالة") change nothing. */
#include "config.h"

#include <string.h>

#include "qurb-arabizi.h"

/* Keeps one of each run of equal characters (code points), in place;
 * returns the new length in bytes. */
gsize
qurb_collapse_runs (gchar *text)
{
  gchar *out = text;
  gunichar previous = 0;

  for (const gchar *p = text; *p; )
    {
      gunichar c = g_utf8_get_char (p);
      const gchar *next = g_utf8_next_char (p);

      if (c != previous)
        {
          memmove (out, p, next - p);
          out += next - p;
        }
      previous = c;
      p = next;
    }
  *out = '\0';
  return out - text;
}

static void
push (gchar *out, gsize *length, gchar c)
{
  if (*length + 1 >= QURB_SKELETON_MAX || (*length > 0 && out[*length - 1] == c))
    return;
  out[(*length)++] = c;
  out[*length] = '\0';
}

/* The skeleton of a folded Latin token ("n7jzo" → "nhjz"), FALSE when it
 * cannot be Darija (other digits, other letters, too long). *marked says
 * whether it carries a sign only Darija uses: a digit-letter, kh, gh, ch,
 * sh or q, so that a short skeleton from it is not a French word. */
gboolean
qurb_skeleton_latin (const gchar *token, gchar out[QURB_SKELETON_MAX], gboolean *marked)
{
  gsize length = 0;

  out[0] = '\0';
  *marked = FALSE;
  for (const gchar *p = token; *p; p++)
    {
      gchar c = *p, n = p[1];

      if (c == 'k' && n == 'h')
        push (out, &length, 'x'), p++, *marked = TRUE;
      else if (c == 'g' && n == 'h')
        push (out, &length, 'G'), p++, *marked = TRUE;
      else if ((c == 'c' || c == 's') && n == 'h')
        push (out, &length, 'c'), p++, *marked = TRUE;
      else if ((c == 't' || c == 'd') && n == 'h')
        push (out, &length, c), p++;
      else if (c == 'p' && n == 'h')
        push (out, &length, 'f'), p++;
      else if (strchr ("aeiouy2", c) != NULL)
        *marked |= c == '2';
      else if (strchr ("35679", c) != NULL || c == '8')
        {
          push (out, &length, c == '3' ? '3' : c == '5' ? 'x' : c == '6' ? 't' : c == '9' ? 'K' : 'h');
          *marked = TRUE;
        }
      else if (c == 'q' || c == 'k' || c == 'g' || c == 'c')
        {
          push (out, &length, 'K');
          *marked |= c == 'q';
        }
      else if (c == 'p')
        push (out, &length, 'b');
      else if (c == 'v')
        push (out, &length, 'f');
      else if (c >= 'a' && c <= 'z')
        push (out, &length, c);
      else
        return FALSE;
    }
  return length > 0;
}

static gchar
arabic_consonant (gunichar c)
{
  switch (c)
    {
    case 0x0628: case 0x067E: return 'b';                     /* ب پ */
    case 0x062A: case 0x0637: case 0x062B: return 't';        /* ت ط ث */
    case 0x062C: return 'j';                                   /* ج */
    case 0x062D: case 0x0647: return 'h';                     /* ح ه */
    case 0x062E: return 'x';                                   /* خ */
    case 0x062F: case 0x0630: case 0x0636: case 0x0638: return 'd'; /* د ذ ض ظ */
    case 0x0631: return 'r';                                   /* ر */
    case 0x0632: return 'z';                                   /* ز */
    case 0x0633: case 0x0635: return 's';                     /* س ص */
    case 0x0634: return 'c';                                   /* ش */
    case 0x0639: return '3';                                   /* ع */
    case 0x063A: return 'G';                                   /* غ */
    case 0x0641: case 0x06A4: return 'f';                     /* ف ڤ */
    case 0x0642: case 0x0643: case 0x06AF: case 0x06AD: return 'K'; /* ق ك گ ڭ */
    case 0x0644: return 'l';                                   /* ل */
    case 0x0645: return 'm';                                   /* م */
    case 0x0646: return 'n';                                   /* ن */
    default: return 0;
    }
}

/* The skeletons of a folded Arabic token: one, or two when a و between
 * consonants may be read as the vowel u ("حجوزات") or as w ("توقف").
 * Returns how many were written. A final ه (ة folded) is the feminine
 * ending, which Latin writes as a vowel. */
guint
qurb_skeleton_arabic (const gchar *token, gchar (*out)[QURB_SKELETON_MAX])
{
  glong n = 0;
  g_autofree gunichar *letters = g_utf8_to_ucs4_fast (token, -1, &n);
  gsize length[2] = { 0, 0 };
  gboolean ambiguous = FALSE;

  out[0][0] = out[1][0] = '\0';
  for (glong i = 0; i < n; i++)
    {
      gunichar c = letters[i];
      gchar k;

      if (c == 0x0648)  /* و */
        {
          /* First, or next to ا, or before ي, it is w ("عاون", "مواعيد");
           * elsewhere it may be the vowel u ("حجوزات", "العيون") or w
           * ("توقف"): both are kept. */
          gboolean consonant = i == 0 || letters[i - 1] == 0x0627 ||
                               (i + 1 < n && (letters[i + 1] == 0x0627 || letters[i + 1] == 0x064A));
          if (consonant)
            {
              push (out[0], &length[0], 'w');
              push (out[1], &length[1], 'w');
            }
          else if (i + 1 < n)
            {
              ambiguous = TRUE;
              push (out[0], &length[0], 'w');
            }
          continue;
        }
      if (c == 0x0647 && i == n - 1 && i > 0)
        continue;
      k = arabic_consonant (c);
      if (k == 0)
        continue;
      push (out[0], &length[0], k);
      push (out[1], &length[1], k);
    }
  if (length[0] == 0)
    return 0;
  return ambiguous && strcmp (out[0], out[1]) != 0 ? 2 : 1;
}
