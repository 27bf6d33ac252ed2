/* qurb-segments.c — SMS segment maths: encoding, length, parts */
#include "config.h"

#include <string.h>

#include "qurb-segments.h"

/* The GSM 03.38 default alphabet, in code-point order of its table. */
static const gunichar gsm7_basic[128] = {
  '@', 0xA3, '$', 0xA5, 0xE8, 0xE9, 0xF9, 0xEC, 0xF2, 0xC7, '\n', 0xD8, 0xF8, '\r', 0xC5, 0xE5,
  0x394, '_', 0x3A6, 0x393, 0x39B, 0x3A9, 0x3A0, 0x3A8, 0x3A3, 0x398, 0x39E, 0x1B, 0xC6, 0xE6, 0xDF, 0xC9,
  ' ', '!', '"', '#', 0xA4, '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  0xA1, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
  'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 0xC4, 0xD6, 0xD1, 0xDC, 0xA7,
  0xBF, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0xE4, 0xF6, 0xF1, 0xFC, 0xE0,
};

/* The extension table: an escape septet, then one of these. */
static const gunichar gsm7_extension[] = { '\f', '^', '{', '}', '\\', '[', '~', ']', '|', 0x20AC };

/* Whether c can go in GSM-7, and in how many septets. */
gboolean
qurb_gsm7_char (gunichar c, guint *septets)
{
  /* Most of any text, and all in the basic table: no search. */
  if (c < 0x80 && (g_ascii_isalnum (c) || c == ' '))
    {
      *septets = 1;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (gsm7_basic); i++)
    if (gsm7_basic[i] == c && c != 0x1B)
      {
        *septets = 1;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (gsm7_extension); i++)
    if (gsm7_extension[i] == c)
      {
        *septets = 2;
        return TRUE;
      }
  return FALSE;
}

static gboolean
fits_gsm7 (const gchar *text)
{
  guint septets;

  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    if (!qurb_gsm7_char (g_utf8_get_char (p), &septets))
      return FALSE;
  return TRUE;
}

static guint
unit_cost (QurbEncoding encoding, gunichar c)
{
  guint septets = 1;

  if (encoding == QURB_ENCODING_UCS2)
    return c > 0xFFFF ? 2 : 1;
  qurb_gsm7_char (c, &septets);
  return septets;
}

/* U+00A0, U+2007 and U+202F: the spaces that hold a number together. */
static gboolean
is_no_break (gunichar c)
{
  return c == 0x00A0 || c == 0x2007 || c == 0x202F;
}

/* Cuts text into parts: no character, escape pair or surrogate pair
 * split, and a part ends after a space when one is in it, so that no
 * number, code or word is cut in two ("…؛ 2" | "024001234" on a phone
 * that shows parts as they come). The part capacity drops from single to
 * concatenated as soon as a second part is needed. */
static GPtrArray *
split (const gchar *text, QurbSegments *segments)
{
  QurbEncoding encoding = fits_gsm7 (text) ? QURB_ENCODING_GSM7 : QURB_ENCODING_UCS2;
  guint single = encoding == QURB_ENCODING_GSM7 ? 160 : 70;
  guint multi = encoding == QURB_ENCODING_GSM7 ? 153 : 67;
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  guint total = 0, used = 0;
  const gchar *part_start = text;

  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    total += unit_cost (encoding, g_utf8_get_char (p));

  if (total <= single)
    {
      g_ptr_array_add (parts, g_strdup (text));
      used = total;
      multi = single;
    }
  else
    {
      const gchar *after_space = NULL;   /* in the current part */
      guint used_at_space = 0;

      for (const gchar *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          guint cost = unit_cost (encoding, c);

          if (used + cost > multi)
            {
              const gchar *cut = after_space != NULL ? after_space : p;

              g_ptr_array_add (parts, g_strndup (part_start, cut - part_start));
              used = cut == p ? 0 : used - used_at_space;
              part_start = cut;
              after_space = NULL;
            }
          used += cost;
          /* A space between two digits is inside a number ("10 535,00"),
           * and a no-break space is one by its name: no cut there. */
          if (g_unichar_isspace (c) && !is_no_break (c) &&
              !(p > text && g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (p))) &&
                g_unichar_isdigit (g_utf8_get_char (g_utf8_next_char (p)))))
            {
              after_space = g_utf8_next_char (p);
              used_at_space = used;
            }
        }
      g_ptr_array_add (parts, g_strdup (part_start));
    }

  if (segments != NULL)
    {
      segments->encoding = encoding;
      segments->units = total;
      segments->parts = parts->len;
      segments->per_part = multi;
      segments->left = multi - used;
    }
  return parts;
}

void
qurb_sms_segments (const gchar *text, QurbSegments *segments)
{
  g_autoptr(GPtrArray) parts = split (text, segments);
}

GPtrArray *
qurb_sms_split (const gchar *text)
{
  return split (text, NULL);
}

/* French text made to fit GSM-7: letters the alphabet lacks lose their
 * accent (ê→e, î→i, ç→c), typographic marks become plain ones (’→',
 * «»→", …→...), anything left becomes '?'. */
gchar *
qurb_gsm7_fold (const gchar *text)
{
  static const struct { gunichar from; const gchar *to; } replacements[] = {
    { 0x2019, "'" }, { 0x2018, "'" }, { 0x00AB, "\"" }, { 0x00BB, "\"" }, { 0x201C, "\"" },
    { 0x201D, "\"" }, { 0x2026, "..." }, { 0x2013, "-" }, { 0x2014, "-" }, { 0x00A0, " " },
    { 0x202F, " " }, { 0x0153, "oe" }, { 0x0152, "OE" }, { '`', "'" }, { 0x00B0, "o" },
  };
  GString *out = g_string_sized_new (strlen (text));

  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[4];
      gsize n;
      guint septets;
      gboolean replaced = FALSE;

      if (qurb_gsm7_char (c, &septets))
        {
          g_string_append_unichar (out, c);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (replacements) && !replaced; i++)
        if (replacements[i].from == c)
          {
            g_string_append (out, replacements[i].to);
            replaced = TRUE;
          }
      if (replaced)
        continue;
      n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      if (n > 1 && qurb_gsm7_char (decomposed[0], &septets))
        g_string_append_unichar (out, decomposed[0]);
      else
        g_string_append_c (out, '?');
    }
  return g_string_free (out, FALSE);
}

const gchar *
qurb_encoding_name (QurbEncoding encoding)
{
  return encoding == QURB_ENCODING_GSM7 ? "gsm7" : "ucs2";
}
