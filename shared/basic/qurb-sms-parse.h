/* qurb-sms-parse.h — what a member's SMS asks for: the command language
 *
 * Pure: text in, a command out. Arabic, French and Moroccan Darija in
 * Arabic or Latin letters. Each word is read for what it tells (the
 * lexicon); the intent is chosen from everything the message holds — a
 * caravan code or a time means a booking, "mes"/ديالي with a booking means
 * my bookings, a negation turns "I want the messages" into stop — and the
 * arguments are read in every shape members write them. */
#pragma once

#include <glib.h>

#include "qurb-booking-rules.h"
#include "qurb-fold.h"
#include "qurb-sms-args.h"

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
  QURB_INTENT_IGNORED,    /* courtesy only, or stopped by the abuse rules: no reply */
  QURB_INTENT_RATE,       /* a mark from 1 to 5, when one was asked for */
} QurbIntent;

/* What the member was asked and has not answered yet: answers that would
 * mean nothing (or something else) otherwise. */
typedef enum {
  QURB_SMS_EXPECT_NOTHING = 0,
  QURB_SMS_EXPECT_RATING = 1 << 0,   /* the rating SMS after a caravan */
} QurbSmsExpect;

typedef struct {
  QurbIntent intent;
  QurbScript script;        /* the script the member wrote in */
  gchar dossier[QURB_DOSSIER_SIZE];          /* "" when absent */
  gchar caravan[QURB_CARAVAN_CODE_SIZE];     /* upper case */
  gchar time[QURB_TIME_SIZE];                /* HH:MM */
  gboolean time_unreadable;                  /* a time was given that we cannot read */
  gchar booking[QURB_BOOKING_CODE_SIZE];  /* upper case */
  const gchar *province;    /* as the mutual's files write it, or NULL */
  const gchar *lang;        /* QURB_INTENT_LANGUAGE: "ar" or "fr" */
  gint rating;              /* QURB_INTENT_RATE: 1 to 5 */
} QurbSmsCommand;

void         qurb_sms_parse      (const gchar        *text,
                                  const gchar *const *caravan_codes,
                                  QurbSmsCommand     *command);
void         qurb_sms_parse_expecting (const gchar        *text,
                                       const gchar *const *caravan_codes,
                                       QurbSmsExpect       expect,
                                       QurbSmsCommand     *command);
const gchar *qurb_intent_name    (QurbIntent intent);

G_END_DECLS
