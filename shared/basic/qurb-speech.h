/* qurb-speech.h — what the kiosk says aloud: a screen's instruction and
 * content as one text for the speech synthesiser
 *
 * Pure: the screen's content in, a string out. The prompts are the
 * catalogue's entries of context "speech" (qurb_dpgettext): the same
 * English as the screen's, but the Arabic written with every vowel
 * (tashkeel) so that the synthesiser pronounces it right, while the
 * screen keeps the unvowelled text people read. Codes are spelled one
 * sign at a time (Latin letters by their French names, in Arabic
 * letters in Arabic speech), numbers of files digit by digit, days and
 * times in words the synthesiser reads well. */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

typedef enum {
  QURB_SPEECH_HOME,
  QURB_SPEECH_IDENTIFY,
  QURB_SPEECH_CLAIMS,
  QURB_SPEECH_PROVINCES,
  QURB_SPEECH_CARAVANS,
  QURB_SPEECH_SLOTS,
  QURB_SPEECH_CONFIRM,
  QURB_SPEECH_BOOKED,
  QURB_SPEECH_TICKET,
  QURB_SPEECH_BOOKINGS,
  QURB_SPEECH_WAITLIST,
  QURB_SPEECH_PHONE,
} QurbSpeechScreen;

typedef struct {
  const gchar *dossier_no;
  QurbClaimStatus status;
} QurbSpeechClaim;

/* A caravan visit: the caravan's title and place in the language
 * spoken, its day (YYYY-MM-DD), and the time and code when booked. */
typedef struct {
  const gchar *title;
  const gchar *site;
  const gchar *date;
  const gchar *time;        /* "HH:MM", or NULL */
  const gchar *code;        /* a booking code, or NULL */
} QurbSpeechVisit;

typedef struct {
  QurbSpeechScreen screen;
  const QurbSpeechClaim *claims;     /* CLAIMS */
  guint n_claims;
  const QurbSpeechVisit *visits;     /* CONFIRM, BOOKED, TICKET (one); BOOKINGS */
  guint n_visits;
  const gchar *const *choices;       /* PROVINCES, CARAVANS, SLOTS: what the buttons say */
  gboolean printed;                  /* BOOKED, TICKET: the ticket came out of the printer */
} QurbSpeechContent;

gchar *qurb_speech_compose (const gchar             *lang,
                            const QurbSpeechContent *content);
gchar *qurb_speech_spell   (const gchar             *lang,
                            const gchar             *code);
gchar *qurb_speech_date    (const gchar             *lang,
                            const gchar             *iso_date);
gchar *qurb_speech_time    (const gchar             *lang,
                            const gchar             *hh_mm);

G_END_DECLS
