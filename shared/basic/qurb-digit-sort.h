/* qurb-digit-sort.h — many rows in the text order of a short digit string
 *
 * Pure. A key of up to QURB_DIGIT_KEY_DIGITS digits is packed into 64
 * bits so that the keys compare as the strings do under strcmp() (which
 * is SQLite's BINARY collation): "0123" < "123" < "1230" < "124". A
 * million rows then sort in a few passes of a radix sort instead of a
 * million string comparisons. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QURB_DIGIT_KEY_DIGITS 15

typedef struct {
  guint64 key;     /* qurb_digit_key() */
  guint32 index;   /* the row it stands for */
} QurbDigitSortEntry;

guint64  qurb_digit_key   (const gchar        *digits);
void     qurb_digit_sort  (QurbDigitSortEntry *entries,
                           gsize               n);

G_END_DECLS
