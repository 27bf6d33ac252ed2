/* qurb-arabizi.h — Darija in Latin letters and in Arabic script, brought
 * to one consonant skeleton
 *
 * Pure. Members write the same word "7jez", "hjz", "7ajz" or "حجز": vowels
 * are free, digits stand for letters (2=ء 3=ع 5=خ 6=ط 7=ح 8=ه 9=ق), and
 * kh/gh/ch/sh for خ غ ش. A skeleton keeps the consonants only, in an
 * alphabet both scripts map to, so the Latin forms of a keyword are
 * derived from its Arabic spelling instead of being listed by hand. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QURB_SKELETON_MAX 24   /* bytes, with the NUL */

gboolean qurb_skeleton_latin   (const gchar *token,
                                gchar        out[QURB_SKELETON_MAX],
                                gboolean    *marked);
/* out holds two skeletons (gchar[2][QURB_SKELETON_MAX]) */
guint    qurb_skeleton_arabic  (const gchar *token,
                                gchar      (*out)[QURB_SKELETON_MAX]);
gsize    qurb_collapse_runs    (gchar       *text);

G_END_DECLS
