/* qurb-sms-parse.h — what a member's SMS asks for: the command language
 *
 * Pure: text in, a command out. Arabic, French and Moroccan Darija in
 * Arabic or Latin letters, keywords found inside a sentence and with a
 * typo, arguments (dossier, caravan code, time, booking code, province)
 * wherever they stand. DESIGN.md section 3. */
#pragma once

#include <glib.h>

#include "qurb-fold.h"

G_BEGIN_DECLS

typedef enum {
  QURB_INTENT_UNKNOWN,
  QURB_INTENT_STATUS,
  QURB_INTENT_CARAVANS,
  QURB_INTENT_BOOK,
  QURB_INTENT_CANCEL,
  QURB_INTENT_MY_BOOKINGS,
  QURB_INTENT_STOP,
  QURB_INTENT_START,
  QURB_INTENT_HELP,
  QURB_INTENT_LANGUAGE,
  QURB_INTENT_IGNORED,    /* never parsed: set by the abuse rules */
} QurbIntent;

typedef struct {
  QurbIntent intent;
  QurbScript script;       /* the script the member wrote in */
  gchar dossier[16];       /* "" when absent */
  gchar caravan[9];        /* upper case */
  gchar time[6];           /* HH:MM */
  gchar booking[7];        /* upper case */
  const gchar *province;   /* as the mutual's files write it, or NULL */
  const gchar *lang;       /* QURB_INTENT_LANGUAGE: "ar" or "fr" */
} QurbSmsCommand;

void         qurb_sms_parse      (const gchar    *text,
                                  QurbSmsCommand *command);
const gchar *qurb_intent_name    (QurbIntent intent);

G_END_DECLS
