/* qurb-sms-args.h — the arguments of an SMS command, in every shape
 * members write them
 *
 * Pure. Dossier numbers in groups ("2025 000 017"), caravan codes split
 * in two ("GLM 1") or made of letters only when the caravan exists
 * ("CONC"), booking codes with a dash ("K7P-2QX"), and times as 10h,
 * 10.30, 10 heures et demie, الساعة 10, مع 10 و نص, التاسعة. */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

typedef enum {
  QURB_TIME_NONE,         /* no time in the message */
  QURB_TIME_FOUND,
  QURB_TIME_UNREADABLE,   /* a time was given, but not one we can read */
} QurbTimeFound;

gboolean      qurb_sms_find_dossier (const gchar *folded,
                                     gchar        dossier[QURB_DOSSIER_SIZE]);
QurbTimeFound qurb_sms_find_time    (const gchar *folded,
                                     gchar        time[QURB_TIME_SIZE]);
gint          qurb_sms_find_caravan (GPtrArray          *tokens,
                                     const gchar *const *known_codes,
                                     const gboolean     *skip,
                                     gboolean            darija,
                                     gchar               code[QURB_CARAVAN_CODE_SIZE],
                                     guint              *n_tokens);
gint          qurb_sms_find_booking (GPtrArray      *tokens,
                                     const gboolean *skip,
                                     gchar           code[QURB_BOOKING_CODE_SIZE],
                                     guint          *n_tokens);
gboolean      qurb_sms_bare_hour    (const gchar *token,
                                     gchar        time[QURB_TIME_SIZE]);

G_END_DECLS
