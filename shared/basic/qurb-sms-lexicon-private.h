/* qurb-sms-lexicon-private.h — the vocabulary's entries, shared by the
 * table (qurb-sms-vocabulary.c) and its reader (qurb-sms-lexicon.c) */
#pragma once

#include "qurb-sms-lexicon.h"

G_BEGIN_DECLS

enum {
  QURB_WORD_EXACT      = 1 << 0,  /* the whole word only: no affix, typo or skeleton */
  QURB_WORD_STEM       = 1 << 1,  /* Latin: any word that begins with it */
  QURB_WORD_NOUN       = 1 << 2,  /* Arabic: takes the possessive suffix (ملفي = my file) */
  QURB_WORD_NO_ARABIZI = 1 << 3,  /* its skeleton is too short or names another word */
  QURB_WORD_NO_PREFIX  = 1 << 4,  /* a past form: a person prefix makes it another tense */
};

typedef struct {
  guint32 cues;
  guint flags;
  const gchar *forms;   /* '|'-separated, as people write them */
} QurbWord;

extern const QurbWord qurb_vocabulary[];
extern const guint qurb_vocabulary_size;

G_END_DECLS
