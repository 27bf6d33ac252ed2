/* qurb-digit-sort.c — many rows in the text order of a short digit string */
#include "config.h"

#include <string.h>

#include "qurb-digit-sort.h"

/* One nibble per digit, most significant first: the digit + 1, so that
 * 0 stands for "the string has ended" and a prefix sorts first, as it
 * does under strcmp(). 15 nibbles fill 60 bits. */
guint64
qurb_digit_key (const gchar *digits)
{
  guint64 key = 0;
  guint n = 0;

  for (; n < QURB_DIGIT_KEY_DIGITS && g_ascii_isdigit (digits[n]); n++)
    key = key << 4 | (guint64) (digits[n] - '0' + 1);
  g_return_val_if_fail (digits[n] == '\0', 0);
  return key << 4 * (QURB_DIGIT_KEY_DIGITS - n);
}

/* By key, and rows of the same key in the order they were given: a
 * least-significant-byte-first radix sort, which is stable. The bytes
 * every key shares (the leading digits of numbers handed out in order)
 * cost one counting pass, not a pass of their own. */
void
qurb_digit_sort (QurbDigitSortEntry *entries, gsize n)
{
  gsize counts[8][256] = { { 0 } };
  QurbDigitSortEntry *scratch, *from = entries, *to;

  if (n < 2)
    return;
  for (gsize i = 0; i < n; i++)
    for (guint b = 0; b < 8; b++)
      counts[b][(entries[i].key >> (8 * b)) & 0xff]++;

  to = scratch = g_new (QurbDigitSortEntry, n);
  for (guint b = 0; b < 8; b++)
    {
      QurbDigitSortEntry *swap;
      gsize offset = 0;

      if (counts[b][(from[0].key >> (8 * b)) & 0xff] == n)
        continue;
      for (guint v = 0; v < 256; v++)
        {
          gsize count = counts[b][v];

          counts[b][v] = offset;
          offset += count;
        }
      for (gsize i = 0; i < n; i++)
        to[counts[b][(from[i].key >> (8 * b)) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  if (from != entries)
    memcpy (entries, from, n * sizeof *entries);
  g_free (scratch);
}
