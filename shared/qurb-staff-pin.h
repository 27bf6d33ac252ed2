/* qurb-staff-pin.h — the staff console's PIN: salted, stretched, locked out
 *
 * Stored as "sha256x$ROUNDS$SALT$HASH" in settings ('staff-pin'): SHA-256
 * iterated ROUNDS times over the salt and the PIN, so that a copy of the
 * database does not give the PIN away cheaply. Five wrong PINs lock the
 * console for fifteen minutes (qurb-lockout). */
#pragma once

#include "qurb-lockout.h"

G_BEGIN_DECLS

#define QURB_STAFF_PIN_ROUNDS 100000
#define QURB_STAFF_SUBJECT    "staff:console"

gboolean qurb_staff_pin_valid  (const gchar  *pin);
gchar   *qurb_staff_pin_hash   (const gchar  *pin,
                                const gchar  *salt,
                                guint         rounds);
gboolean qurb_staff_pin_matches (const gchar *pin,
                                 const gchar *stored);
gboolean qurb_staff_pin_set    (QurbDb       *db,
                                const gchar  *pin,
                                GError      **error);
gboolean qurb_staff_pin_check  (QurbDb           *db,
                                const gchar      *pin,
                                gboolean         *accepted,
                                QurbLockoutState *lockout,
                                GError          **error);

G_END_DECLS
