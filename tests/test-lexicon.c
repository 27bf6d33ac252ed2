/* test-lexicon.c — Arabizi skeletons and what single words tell */
#include "config.h"

#include "qurb-arabizi.h"
#include "qurb-fold.h"
#include "qurb-sms-lexicon.h"

/* The same word in Latin letters and in Arabic script meets on one
 * skeleton; unrelated words do not. */
static void
test_skeletons (void)
{
  static const struct { const gchar *latin, *arabic; gboolean same; } cases[] = {
    { "7jez", "حجز", TRUE }, { "hjz", "حجز", TRUE }, { "7ajz", "حجز", TRUE },
    { "9afila", "قافلة", TRUE }, { "kafila", "قافلة", TRUE }, { "qafila", "قافلة", TRUE },
    { "mawa3id", "مواعيد", TRUE }, { "mw3d", "موعد", TRUE }, { "maw3id", "موعد", TRUE },
    { "wa9ef", "وقف", TRUE }, { "w9f", "وقف", TRUE },
    { "5ales", "خالص", TRUE }, { "khales", "خالص", TRUE },
    { "6bib", "طبيب", TRUE }, { "bghit", "بغيت", TRUE },
    { "7jozat", "حجوزات", TRUE },        /* و read as the vowel u */
    { "3awni", "عاوني", TRUE },          /* و after ا is w */
    { "kif", "وقف", FALSE }, { "hala", "حجز", FALSE }, { "stooop", "ستوب", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gchar latin[QURB_SKELETON_MAX], arabic[2][QURB_SKELETON_MAX];
      g_autofree gchar *folded = qurb_fold (cases[i].arabic);
      gboolean marked, same = FALSE;
      guint n;

      g_assert_true (qurb_skeleton_latin (cases[i].latin, latin, &marked));
      n = qurb_skeleton_arabic (folded, arabic);
      for (guint k = 0; k < n; k++)
        same |= g_strcmp0 (latin, arabic[k]) == 0;
      g_test_message ("%s %s: %s %s", cases[i].latin, cases[i].arabic, latin, arabic[0]);
      g_assert_cmpint (same, ==, cases[i].same);
    }
}

static void
test_collapse (void)
{
  gchar a[] = "stooop", b[] = "حاااالة", c[] = "aa";

  g_assert_cmpuint (qurb_collapse_runs (a), ==, 4);
  g_assert_cmpstr (a, ==, "stop");
  qurb_collapse_runs (b);
  g_assert_cmpstr (b, ==, "حالة");
  qurb_collapse_runs (c);
  g_assert_cmpstr (c, ==, "a");
}

/* A word, as members write it, and a cue it must carry (and one it must not). */
static void
test_words (void)
{
  static const struct { const gchar *word; guint32 has, lacks; } cases[] = {
    { "نحجزو", QURB_CUE_BOOK, 0 }, { "احجزلي", QURB_CUE_BOOK, 0 }, { "غانحجز", QURB_CUE_BOOK, 0 },
    { "n7jzo", QURB_CUE_BOOK, 0 }, { "7jzli", QURB_CUE_BOOK, 0 }, { "nreservi", QURB_CUE_BOOK, 0 },
    { "وقفوها", QURB_CUE_STOP, 0 }, { "w9fouli", QURB_CUE_STOP, 0 },
    { "عاونيني", QURB_CUE_HELP, 0 }, { "3awnouni", QURB_CUE_HELP, 0 },
    { "لغيوه", QURB_CUE_CANCEL, 0 }, { "nlghi", QURB_CUE_CANCEL, 0 },
    { "مواعيدي", QURB_CUE_APPOINTMENT | QURB_CUE_MINE, 0 },
    { "ملفي", QURB_CUE_STATUS | QURB_CUE_MINE, 0 },
    { "فالقافلة", QURB_CUE_CARAVAN, 0 }, { "l9afila", QURB_CUE_CARAVAN, 0 },
    { "مابغيتش", QURB_CUE_WANT | QURB_CUE_NEGATION, 0 }, { "mabghitch", QURB_CUE_WANT | QURB_CUE_NEGATION, 0 },
    { "reservatoin", QURB_CUE_BOOK, 0 },                   /* a typo */
    { "statu", QURB_CUE_STATUS, 0 },
    { "بركا", QURB_CUE_STOP, QURB_CUE_COURTESY },           /* "enough" … */
    { "بارك", QURB_CUE_COURTESY, QURB_CUE_STOP },           /* … is not "bless" */
    { "كيف", QURB_CUE_HOW, QURB_CUE_STOP },
    { "hello", 0, QURB_CUE_STATUS },
    { "bonjour", QURB_CUE_COURTESY, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *folded = qurb_fold (cases[i].word);
      guint32 cues = qurb_lexicon_cues (folded);

      g_test_message ("%s: %08x", cases[i].word, cues);
      g_assert_cmphex (cues & cases[i].has, ==, cases[i].has);
      g_assert_cmphex (cues & cases[i].lacks, ==, 0);
    }
}

/* No skeleton derived from the vocabulary names two different meanings:
 * a Latin form must not read as another word than the one it comes from. */
static void
test_no_collisions (void)
{
  g_autoptr(GPtrArray) collisions = qurb_lexicon_collisions ();

  for (guint i = 0; i < collisions->len; i++)
    g_test_message ("%s", (const gchar *) collisions->pdata[i]);
  g_assert_cmpuint (collisions->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lexicon/skeletons", test_skeletons);
  g_test_add_func ("/lexicon/collapse", test_collapse);
  g_test_add_func ("/lexicon/words", test_words);
  g_test_add_func ("/lexicon/no-collisions", test_no_collisions);
  return g_test_run ();
}
