/* qurb-fold.h — text folded for matching: Arabic, French and Darija
 *
 * Pure functions. Folding lower-cases, strips French accents and Arabic
 * diacritics and tatweel, unifies alef/hamza, ya, ta marbuta, waw-hamza
 * and ya-hamza forms, makes every digit ASCII, and keeps punctuation as
 * it is (a time's colon matters). Tokens are the runs of letters and
 * digits of folded text. */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

gint        qurb_digit_value     (gunichar     c);
gchar      *qurb_fold            (const gchar *text);
GPtrArray  *qurb_tokenize        (const gchar *folded);
QurbScript  qurb_script_of       (const gchar *text);
gboolean    qurb_token_is_arabic (const gchar *token);
gchar      *qurb_strip_arabic_prefix (const gchar *token);
guint       qurb_edit_distance_ucs4 (const gunichar *a,
                                     glong           n,
                                     const gunichar *b,
                                     glong           m,
                                     guint           limit);
guint       qurb_edit_distance   (const gchar *a,
                                  const gchar *b,
                                  guint        limit);
guint       qurb_typos_allowed   (const gchar *word);

G_END_DECLS
