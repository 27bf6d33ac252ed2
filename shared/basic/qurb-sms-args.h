/* qurb-sms-args.h — the arguments of an SMS command, in every shape
 * members write them
 *
 * Pure. Dossier numbers in groups ("2025 000 017"), caravan codes split
 * in two ("GLM 1") or made of letters only when the caravan exists
 * ("CONC"), booking codes with a dash ("K7P-2QX"); times in
 * qurb-sms-time.h. */
#pragma once

#include <glib.h>

#include "qurb-sms-time.h"
#include "qurb-types.h"

G_BEGIN_DECLS

gboolean      qurb_sms_find_dossier (const gchar *folded,
                                     gchar        dossier[QURB_DOSSIER_SIZE]);
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
gpointer      qurb_sms_pattern      (const gchar    *pattern);   /* a pcre2_code */

G_END_DECLS
