/* qurb-sms-lexicon.h — what one word of a member's SMS tells
 *
 * Pure. A word is looked up as members write it: French with or without
 * accents and with a typo, Darija and Arabic with their clitics, verb
 * prefixes and suffixes (نحجزو، وقفولي، عاونيني، فالقافلة), its negation
 * (ما…ش), and Darija in Latin letters by its consonant skeleton. The answer
 * is a set of cues; the parser chooses the intent from the cues of the
 * whole message. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  QURB_CUE_STATUS      = 1 << 0,   /* état, حالة, ملف, remboursement, تعويض */
  QURB_CUE_CARAVAN     = 1 << 1,   /* caravane, قافلة */
  QURB_CUE_BOOK        = 1 << 2,   /* réserver, حجز, s'inscrire */
  QURB_CUE_APPOINTMENT = 1 << 3,   /* rdv, موعد: a booking, mine or wanted */
  QURB_CUE_MY_BOOKINGS = 1 << 4,   /* mesrdv, مواعيدي */
  QURB_CUE_CANCEL      = 1 << 5,   /* annuler, الغاء, لغي */
  QURB_CUE_STOP        = 1 << 6,   /* stop, وقف, désabonner */
  QURB_CUE_START       = 1 << 7,   /* start, abonner, اشترك */
  QURB_CUE_HELP        = 1 << 8,   /* aide, عاون, مساعدة */
  QURB_CUE_LANG_AR     = 1 << 9,
  QURB_CUE_LANG_FR     = 1 << 10,
  QURB_CUE_MESSAGES    = 1 << 11,  /* messages, annonces, رسائل, abonnement */
  QURB_CUE_WANT        = 1 << 12,  /* je veux, بغيت */
  QURB_CUE_SEND        = 1 << 13,  /* envoyer, recevoir, صيفط */
  QURB_CUE_MINE        = 1 << 14,  /* mes, عندي: "my" before the noun; the suffix ي of a noun */
  QURB_CUE_NEGATION    = 1 << 15,  /* ne…pas, ما…ش */
  QURB_CUE_UNDERSTAND  = 1 << 16,  /* comprendre, فهم */
  QURB_CUE_WHEN        = 1 << 17,  /* quand, امتى */
  QURB_CUE_HOW         = 1 << 18,  /* comment, كيفاش */
  QURB_CUE_COME        = 1 << 19,  /* venir, جا */
  QURB_CUE_COURTESY    = 1 << 20,  /* merci, شكرا, salam, ok */
  QURB_CUE_FILLER      = 1 << 21,  /* svp, de, ديال, عفاك: neither a request nor courtesy */
  QURB_CUE_MEDICAL     = 1 << 22,  /* طب: "طب العيون" is not Laâyoune */
  QURB_CUE_PLACE       = 1 << 23,  /* à, في, f: before a place name */
  QURB_CUE_THANKS      = 1 << 24,  /* merci, شكرا: "merci pour l'aide" asks nothing */
  QURB_CUE_RECEIVED    = 1 << 25,  /* reçu, recevoir, توصل: a message that came, or did not */
  QURB_CUE_FRENCH      = 1 << 26,  /* le, de, vous: the message is French … */
  QURB_CUE_DARIJA      = 1 << 27,  /* dyal, bghit, 7: … or Darija in Latin letters */
  QURB_CUE_MINE_AFTER  = 1 << 28,  /* ديالي, dyali: "my", after the noun */
  QURB_CUE_HOW_MANY    = 1 << 29,  /* شحال, combien: seats left, not a seat wanted */
} QurbCue;

/* Cues that are a request in themselves, as opposed to the words around one. */
#define QURB_CUES_CONTENT (QURB_CUE_STATUS | QURB_CUE_CARAVAN | QURB_CUE_BOOK |           \
                           QURB_CUE_APPOINTMENT | QURB_CUE_MY_BOOKINGS | QURB_CUE_CANCEL |  \
                           QURB_CUE_STOP | QURB_CUE_START | QURB_CUE_HELP |                 \
                           QURB_CUE_LANG_AR | QURB_CUE_LANG_FR | QURB_CUE_MESSAGES |        \
                           QURB_CUE_UNDERSTAND | QURB_CUE_WHEN | QURB_CUE_HOW)

/* How a Latin word is read: in a French message, a word without a sign
 * of Darija is not read by its skeleton ("fils" is not فلوس). */
typedef enum {
  QURB_READ_DARIJA,
  QURB_READ_FRENCH,
} QurbReading;

guint32  qurb_lexicon_cues        (const gchar *folded_token);
guint32  qurb_lexicon_read        (const gchar *folded_token,
                                   QurbReading  reading);
gboolean qurb_lexicon_is_negation (const gchar *folded_token);
GPtrArray *qurb_lexicon_collisions (void);

G_END_DECLS
